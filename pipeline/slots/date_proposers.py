"""Date proposers: each offers a figure the dates one kind of evidence points to, as :class:`Candidate` s.

Every proposer is ``(frame, mi) -> list[Candidate]`` for the figure ``frame.mentions[mi]``. They do not judge:
a proposer offers what its evidence allows and the ranker chooses (``pipeline/slots/date_features.py`` adds the
features and the rules' order). A proposer may attach features only it can know ('present_perfect').
"""
from __future__ import annotations

import bisect
import datetime as dt
import heapq
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from newsclaims.slots.candidates import NULL, Candidate, any_between
from newsclaims.slots.sentences import SentenceIndex
from newsclaims.normalize.dates import shift_iso
from newsclaims.slots.when import DateLexicon, period, twelve_months_from

SLOT = "date"
OTHER_SIDE_REACH = 30  # characters before a date where a comparison word makes it the other side
RECORD_REACH = 120  # characters before a date where a record word and 'since' make it a record's horizon
LEAD_REACH = 5  # sentences of the document's start that may state its reference period (a deck, a byline, the lead)
OWNED_REACH = 40  # characters: a date further from the figure than this is never 'right after' it
NEAREST = 6  # sentence dates offered per figure, nearest first: a list sentence may hold hundreds
_FROM_TO_PERIOD = re.compile(r"\s(?:to|through|until)\s", re.I)  # inside a date: 'March 2017 to March 2018'
_BOUND_THAN = re.compile(r"\b(?:more|less)\s+than\s+([^\W\d]+)\s+$", re.I)  # 'more than doubled' + a date
# A short gloss in brackets between a figure and its date ('$3.48 per million British thermal units (MMBtu) last
# Wednesday', '9 million barrels per day (bpd) in 2019'): it does not part them.
_GLOSS = re.compile(r"\s*\([^()\d]{1,20}\)")
_QUOTES_OPEN, _QUOTES_CLOSE, _QUOTE_STRAIGHT = "\u201c", "\u201d", '"'


@dataclass
class DateFrame:
    """What the date proposers read about one document, built once per document.

    ``dates`` are the document's date mentions in text order (:func:`newsclaims.slots.when.date_mentions`);
    ``owner`` maps a date to the figure right before it that owns it.
    """

    doc: Doc
    text: str
    published: Optional[str]
    mentions: list[dict]
    changes: list
    dates: list[dict]
    sentences: SentenceIndex
    lexicon: DateLexicon
    carry: str = "paragraph"
    owner: dict[int, int] = field(default_factory=dict)
    by_sentence: dict[int, list[int]] = field(default_factory=dict)
    date_at: dict[tuple[int, int], int] = field(default_factory=dict)
    date_starts: list[int] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    markers: list[int] = field(default_factory=list)
    quotes: dict[str, list[int]] = field(default_factory=dict)
    lead: list[tuple[int, int]] = field(default_factory=list)
    reference: Optional[int] = None  # the date of the document's reference period (reference_date)
    budget_reference: bool = False  # that period is the fiscal year of the budget the story is about
    election_date: Optional[Candidate] = None  # the date an election story's results take (election_results_date)
    _now: dict = field(default_factory=dict)
    _release_day: dict = field(default_factory=dict)
    figure_cache: dict = field(default_factory=dict)  # per figure: what date_features.figure_features found

    @classmethod
    def build(cls, doc: Doc, text: str, published: Optional[str], mentions: list[dict], changes: list,
              dates: list[dict], sentences: SentenceIndex, lexicon: DateLexicon, carry: str = "paragraph") -> "DateFrame":
        frame = cls(doc, text, published, mentions, changes, dates, sentences, lexicon, carry)
        ends = [m["end"] for m in mentions]  # mentions come in text order
        for di, d in enumerate(dates):
            frame.by_sentence.setdefault(d["sent_start"], []).append(di)
            frame.date_at.setdefault((d["start"], d["end"]), di)
            mi = bisect.bisect_right(ends, d["start"]) - 1  # only the figure right before a date can own it
            if mi >= 0 and d["start"] - ends[mi] <= OWNED_REACH \
                    and lexicon.owned_gap.match(_GLOSS.sub("", text[ends[mi]:d["start"]])):
                frame.owner[di] = mi
        frame.date_starts = [d["start"] for d in dates]
        frame.mention_starts = [m["start"] for m in mentions]
        frame.markers = [m.start() for m in lexicon.comparison.finditer(text)]
        frame.quotes = {q: [x.start() for x in re.finditer(q, text)] for q in (_QUOTES_OPEN, _QUOTES_CLOSE, _QUOTE_STRAIGHT)}
        frame.lead = _lead_sentences(text, sentences)
        frame.reference = reference_date(frame)
        frame.budget_reference = frame.reference is not None and _budget_period(frame, frame.reference)
        frame.election_date = election_results_date(frame)
        return frame

    def other_side(self, di: int) -> bool:
        """Whether a date is the other side of a comparison: a comparison word right before it ('than in 2019',
        'a 13% increase from fiscal year 2025') or a date counted back from another ('the same period last year')."""
        d = self.dates[di]
        if _FROM_TO_PERIOD.search(d["text"]) and "/" in (d["iso"] or "") \
                and re.search(r"\bfrom\s+$", self.text[max(0, d["start"] - 6):d["start"]], re.I):
            return False  # 'a 4% increase from March 2017 to March 2018': the change's own period, both ends
        before = self.text[max(0, d["start"] - OTHER_SIDE_REACH):d["start"]]
        return "anchored_to" in d or "compared_to" in d or (bool(self.lexicon.other_side.search(before))
                                                             and not self._bound_verb(d["start"] - len(before), before)) \
            or self.record_horizon(di)

    def _bound_verb(self, offset: int, before: str) -> bool:
        """'output more than doubled this year': 'more than' bounds the verb, it compares with no other date."""
        m = _BOUND_THAN.search(before)
        if m is None:
            return False
        verb = self.doc.char_span(offset + m.start(1), offset + m.end(1))
        return verb is not None and verb.root.pos_ == "VERB"

    def record_horizon(self, di: int) -> bool:
        """Whether a date is the horizon of a record ('the lowest total since 1989', 'the sharpest fall since the
        series was first compiled in April 1971'): it dates no figure."""
        d = self.dates[di]
        return bool(self.lexicon.record_since.search(self.text[max(0, d["start"] - RECORD_REACH):d["start"]]))

    def release_day(self, span: tuple[int, int]) -> bool:
        """Whether the time word at ``span`` modifies a release or statement verb ('released a report today',
        'today announced', 'said on Monday'): it dates the release, not the figures it reveals."""
        if span not in self._release_day:
            self._release_day[span] = _modifies_release_verb(self.doc, span, self.lexicon.release_day_verbs)
        return self._release_day[span]

    def sentence_dates(self, mi: int) -> list[int]:
        return self.by_sentence.get(self.mentions[mi]["sent_start"], [])

    def now_word(self, sent_start: int, sent_end: int):
        if sent_start not in self._now:  # many figures share one sentence
            self._now[sent_start] = self.lexicon.now.search(self.text, sent_start, sent_end)
        return self._now[sent_start]

    def in_quote(self, mi: int) -> bool:
        """Whether the figure stands inside an open quotation of its sentence."""
        m = self.mentions[mi]

        def count(q: str) -> int:
            return bisect.bisect_left(self.quotes[q], m["start"]) - bisect.bisect_left(self.quotes[q], m["sent_start"])

        return count(_QUOTES_OPEN) > count(_QUOTES_CLOSE) or count(_QUOTE_STRAIGHT) % 2 == 1


_TIME_WORD_LINKS = frozenset({"npadvmod", "tmod", "advmod", "pobj", "prep", "nummod", "compound", "appos"})


def _modifies_release_verb(doc: Doc, span: tuple[int, int], verbs: frozenset) -> bool:
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    tok = words.root if words is not None and len(words) else None
    for _ in range(3):  # 'today' -> released; 'Monday' -> on -> said
        if tok is None or tok.dep_ not in _TIME_WORD_LINKS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower() in verbs
    return False


def _lead_sentences(text: str, sentences: SentenceIndex) -> list[tuple[int, int]]:
    """The headline and the story's first sentence: the first sentence, and the next one when the first is a
    paragraph of its own (a headline line)."""
    bounds = [b for b in sentences.bounds if text[b[0]:b[1]].strip()]
    if not bounds:
        return []
    lead = [bounds[0]]
    if len(bounds) > 1 and "\n" in text[bounds[0][1] - 1:bounds[1][0] + 1]:
        lead.append(bounds[1])
    return lead


def reference_date(frame: DateFrame) -> Optional[int]:
    """The date of the period the document reports on, stated once at its start: a release's month, quarter or
    fiscal year ('the trade figures for May', 'the spending request for fiscal year 2031'), else the first
    period of a lead sentence that states a figure ('59 million people died in 2004'). A period, not a day (a
    release's day does not date what it reveals), and no comparison's other side, 'since' date or name's year."""
    bounds = [b for b in frame.sentences.bounds if _stated(frame.text[b[0]:b[1]])][:LEAD_REACH]
    usable = [di for start, _ in bounds for di in frame.by_sentence.get(start, []) if _reference_shaped(frame, di)]
    introduced = [di for di in usable if frame.lexicon.reference_intro.search(_before(frame, di, 12)) or _names_budget(frame, di)]
    if introduced:
        return introduced[0]
    edition = next((di for di in usable if _names_edition(frame, di)), None)
    if edition is not None:
        return edition
    return next((di for di in usable if _dates_a_figure(frame, di)), None)


def _names_edition(frame: DateFrame, di: int) -> bool:
    """A year right before a survey's or report's title ('the 2019 national YRBS', 'the agency's 2017 Consumer
    Fraud Data Book'): the edition the document presents, whose year its figures hold."""
    d = frame.dates[di]
    return frame.lexicon.edition is not None and bool(re.fullmatch(r"\d{4}", d["text"])) \
        and bool(frame.lexicon.edition.match(frame.text, d["end"], d["end"] + 60))


def _stated(sentence: str) -> bool:
    """A sentence of the story, not a header line ('Office of Public Affairs, 1200 Main Street'), a dateline or
    release number, which end without a full stop."""
    return len(re.findall(r"\w+", sentence)) >= 3 and sentence.strip()[-1:] in ".!?\"\u201d'\u2019"


def _dates_a_figure(frame: DateFrame, di: int) -> bool:
    """Whether a date belongs to a figure of its sentence: the figure owns it, or both hang on one verb ('59
    million people died in 2004'; not 'the alliance, formed in March 2017, counts 19 members')."""
    if di in frame.owner:
        return True
    d = frame.dates[di]
    verb = _governing_verb(frame.doc, d)
    if verb is None:
        return False
    return any(m["sent_start"] == d["sent_start"] and (_governing_verb(frame.doc, m) == verb or _governs(frame.doc, verb, m))
               for m in frame.mentions)


def _governs(doc: Doc, verb: Token, m: dict) -> bool:
    """Whether the verb is an ancestor of the figure: 'drivers in June logged 261.7 billion vehicle-miles traveled',
    where the figure's own span holds a verb of its noun."""
    span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
    return span is not None and len(span) > 0 and any(a.i == verb.i for a in span.root.ancestors)


def _before(frame: DateFrame, di: int, reach: int) -> str:
    start = frame.dates[di]["start"]
    return frame.text[max(0, start - reach):start]


def _reference_shaped(frame: DateFrame, di: int) -> bool:
    d = frame.dates[di]
    if not d["iso"] or d["resolution"] == "publication" or len(d["iso"].split("/")[0]) > 7 or len(d["iso"].split("/")[-1]) > 7:
        return False  # a day ('Last Friday', 'today') dates a release, not what it reports
    before = _before(frame, di, 30)
    return not (frame.other_side(di) or frame.lexicon.since.search(before[-12:]) or re.search(r"\b[A-Z]\w+ of\s*$", before))


def _names_budget(frame: DateFrame, di: int) -> bool:
    """A fiscal year right before a budget noun: 'the president's F.Y. 2016 Defense budget', 'the 2012 Civil Works
    budget'."""
    d = frame.dates[di]
    return _fiscal_shaped(d["iso"]) and bool(frame.lexicon.budget_after.match(frame.text, d["end"], d["end"] + 60))


def _fiscal_shaped(iso: Optional[str]) -> bool:
    """Twelve months from a month other than January: a fiscal year (2015-10/2016-09, Australia's 2013-07/2014-06)."""
    return twelve_months_from(iso) not in (None, 1)


def _budget_period(frame: DateFrame, di: int) -> bool:
    """A fiscal year of a budget: named after a budget noun ('the spending request for fiscal year 2031', 'her budget
    plan for two thousand eleven'), right before one ('the F.Y. 2016 Defense budget'), or the reference period of a
    story whose lead speaks of a budget ('The treasurer handed down his budget. The deficit for 2013/14 is ...')."""
    d = frame.dates[di]
    if not _fiscal_shaped(d["iso"]):
        return False
    if _names_budget(frame, di) or any(frame.lexicon.budget_word.search(frame.text, a, b) for a, b in frame.lead):
        return True
    before = _before(frame, di, 12)
    intro = frame.lexicon.reference_intro.search(before)
    if intro is None:
        return False
    cut = d["start"] - len(before) + intro.start()
    return bool(frame.lexicon.budget.search(frame.text[max(0, cut - 40):cut]))


ELECTION_STORY_WORDS = 3  # distinct election words that make a story an election story


def election_results_date(frame: DateFrame) -> Optional[Candidate]:
    """The date an election story's results hold, as the guidelines date them: the election's day when the text
    gives it ("Sunday's election", "the vote held on March 4"), else the publication date when the story gives
    its results as partial or current ("current results", "with 12% of the vote counted"), else None."""
    lexicon = frame.lexicon
    if len({m.group(0).lower() for m in lexicon.election.finditer(frame.text)}) < ELECTION_STORY_WORDS:
        return None
    for d in frame.dates:
        if d["iso"] and len(d["iso"]) == 10 and (lexicon.election_day_before.match(frame.text[d["end"]:d["end"] + 40])
                                                  or lexicon.election_day_after.search(frame.text[max(0, d["start"] - 30):d["start"]])):
            return Candidate(SLOT, "election", d["iso"], d["text"], (d["start"], d["end"]), d["resolution"])
    current = lexicon.current_results.search(frame.text)
    if current is None or not frame.published:
        return None
    return Candidate(SLOT, "election", frame.published[:10], current.group(0), current.span(), "publication")


def distance(m: dict, start: int, end: int) -> int:
    """Characters between a figure and a span; a date before the figure counts 5 more, so at equal distance
    the date after the figure wins (the rules' tie-break, kept as is)."""
    if start >= m["end"]:
        return start - m["end"]
    return (m["start"] - end) + 5


def _date(frame: DateFrame, di: int, proposer: str, **features: float) -> Candidate:
    d = frame.dates[di]
    return Candidate(SLOT, proposer, d["iso"], d["text"], (d["start"], d["end"]), d["resolution"], dict(features))


# --------------------------------------------------------------------------- the proposers


def owned_date(frame: DateFrame, mi: int) -> list[Candidate]:
    """The date of the figure's sentence right after it, which it owns: '39,000 tons in 2020'."""
    return [_date(frame, di, "owned") for di in frame.sentence_dates(mi) if frame.owner.get(di) == mi]


def sentence_dates(frame: DateFrame, mi: int) -> list[Candidate]:
    """The other dates of the figure's sentence, nearest first (a few of those another figure owns too)."""
    m = frame.mentions[mi]
    others = [di for di in frame.sentence_dates(mi) if frame.owner.get(di) != mi]
    free = [di for di in others if di not in frame.owner]
    taken = [di for di in others if di in frame.owner]
    key = lambda di: (distance(m, frame.dates[di]["start"], frame.dates[di]["end"]), frame.dates[di]["start"])  # noqa: E731
    chosen = heapq.nsmallest(NEAREST, free, key=key) + heapq.nsmallest(NEAREST, taken, key=key)
    return [_date(frame, di, "sentence") for di in sorted(chosen)]


RESPECTIVE_REACH = 60  # characters from a list's last figure to the 'respectively' that closes it
_LIST_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or)\s+)?$")  # between two items of a list: ', ', ' and ', ', and '


def respective_dates(frame: DateFrame, mi: int) -> list[Candidate]:
    """The k-th figure of a list that 'respectively' closes takes the k-th date of a list of as many dates in its
    sentence ('rose 4% and 6% in 2019 and 2020, respectively'; 'for the same periods in 2019 and 2018, 90 and 80
    respectively'), or the k-th unit of a window right after the word, newest first ('rose 3%, 2% and 1%
    respectively in the prior three months' after 'in June': May, April, March; corpus/GUIDELINES.md 012)."""
    found = _respective_list(frame, mi)
    if found is None:
        return []
    run, word_end = found
    k = run.index(mi)
    same = frame.sentence_dates(mi)
    for chain in sorted(_date_chains(frame, same), key=lambda c: _chain_distance(frame, c, run, word_end)):
        if len(chain) == len(run):
            return [_date(frame, chain[k], "respective")]
    after = [di for di in same if word_end <= frame.dates[di]["start"] <= word_end + 12]
    span = frame.dates[after[0]].get("window") if after else None
    if span is None or span["to"] or span["n"] != len(run) or "/" not in (frame.dates[after[0]]["iso"] or "/"):
        return []
    d = frame.dates[after[0]]
    step = {"months": 1, "quarters": 3, "years": 12}[span["unit"]]
    unit = _unit_back(d["iso"].split("/")[-1], step, k)
    return [Candidate(SLOT, "respective", unit, d["text"], (d["start"], d["end"]), d["resolution"])]


def _respective_list(frame: DateFrame, mi: int) -> Optional[tuple[list[int], int]]:
    """The figures of the list the figure belongs to, when 'respectively' closes it, and where the word ends."""
    m = frame.mentions[mi]
    word = frame.lexicon.respectively.search(frame.text, m["end"], min(m["sent_end"], m["end"] + 400))
    if word is None:
        return None
    last = bisect.bisect_right(frame.mention_starts, word.start()) - 1
    if last < mi or frame.mentions[last]["sent_start"] != m["sent_start"] or word.start() - frame.mentions[last]["end"] > RESPECTIVE_REACH:
        return None
    run = [last]
    while run[0] > 0 and frame.mentions[run[0] - 1]["sent_start"] == m["sent_start"] \
            and _LIST_GAP.match(frame.text[frame.mentions[run[0] - 1]["end"]:frame.mentions[run[0]]["start"]]):
        run.insert(0, run[0] - 1)
    return (run, word.end()) if len(run) >= 2 and mi in run else None


def _date_chains(frame: DateFrame, same: list[int]) -> list[list[int]]:
    """The sentence's dates grouped into lists: consecutive dates with only ', ' or 'and' between."""
    chains: list[list[int]] = []
    for di in sorted(same, key=lambda di: frame.dates[di]["start"]):
        prev = chains[-1][-1] if chains else None
        if prev is not None and _LIST_GAP.match(frame.text[frame.dates[prev]["end"]:frame.dates[di]["start"]]):
            chains[-1].append(di)
        else:
            chains.append([di])
    return [c for c in chains if len(c) >= 2]


def _chain_distance(frame: DateFrame, chain: list[int], run: list[int], word_end: int) -> int:
    """Characters between a list of dates and the list of figures (with its 'respectively')."""
    first, last = frame.dates[chain[0]]["start"], frame.dates[chain[-1]]["end"]
    start, end = frame.mentions[run[0]]["start"], word_end
    return max(first - end, start - last, 0)


def _unit_back(end: str, step: int, k: int) -> str:
    """The k-th unit of ``step`` months counted back from a window's last month (k = 0: the window's last unit)."""
    if len(end) == 4:
        return str(int(end) - k)
    last = shift_iso(end[:7], months=-step * k)
    return last if step == 1 else f"{shift_iso(last, months=1 - step)}/{last}"


def baseline_period(frame: DateFrame, mi: int) -> list[Candidate]:
    """For the size of a change whose sentence names its baseline ('$5 million above the revised 2016 ...
    in 2017', 'fell 14 cents from $4.17 last Wednesday to $4.03 yesterday'), the period from the baseline to the new
    level: its sentence's first to last date."""
    change = frame.changes[mi] if frame.changes else None
    same = frame.sentence_dates(mi)
    if not same:
        return []
    own = _compared_year_on_year(frame, mi) or _own_from_to(frame, mi)
    if own:
        return own
    if not change or change.get("role") != "delta":  # 'rose 12.8% year on year': a share that says it is a change
        return _year_on_year(frame, mi, same) if not (change or {}).get("role") and frame.mentions[mi].get("unit") in RATE_UNITS else []
    if len(same) < 2:
        return _year_on_year(frame, mi, same)
    text = frame.text
    own_date = any(frame.owner.get(di) == mi for di in same)  # 'doubled this year, from 2 GW at the close of 2022'
    marked = [di for di in same if "anchored_to" in frame.dates[di] or (not own_date and _owned_by_old_value(frame, di))
              or (frame.lexicon.baseline.search(text[max(0, frame.dates[di]["start"] - 30):frame.dates[di]["start"]])
                  and "window" not in frame.dates[di])]  # 'over the past year' is the change's own period
    if not marked:
        return _year_on_year(frame, mi, same)
    if _rate_against_rate(frame, mi, marked):
        return []
    ends = _old_and_new_dates(frame, same)
    if ends is not None:  # 'fell 22 cents from $3.48 last Wednesday to $3.26 yesterday': the two levels' own dates
        return [_span_candidate(frame, "baseline", *ends)]
    anchored = next((frame.dates[di] for di in marked if "anchored_to" in frame.dates[di]), None)
    if anchored is not None:  # 'than the same period in fiscal 2023' runs from that period to the one it copies
        anchor = frame.date_at.get(tuple(anchored["anchored_to"]))
        if anchor is not None:
            return [_span_candidate(frame, "baseline", frame.dates[anchor], anchored)]
    if all(frame.other_side(di) for di in same):
        return []  # '2 percent less than in 1990 and nearly 10 percent less than in 1980': baseline_context
    own = _own_baseline(frame, mi, marked) if len(marked) > 1 else None
    if own is not None:  # '84,000 tons in 2018, 6 percent more than in 2015 and 20 percent more than in 2010'
        same = [own] + [di for di in same if di not in marked]
    first = min((frame.dates[di] for di in same), key=lambda d: d["start"])
    last = max((frame.dates[di] for di in same), key=lambda d: d["start"])
    return [_span_candidate(frame, "baseline", first, last)]


YOY_REACH = 40  # characters after a change where 'year on year' says its baseline is a year before its period


def _year_on_year(frame: DateFrame, mi: int, same: list[int]) -> list[Candidate]:
    """A change 'year on year' ('rose 12.8% year on year in September') runs from its period a year before to its
    period, as a change between two periods does (corpus/GUIDELINES.md): the date it owns, else its sentence's
    nearest that is no comparison's other side."""
    m = frame.mentions[mi]
    if frame.lexicon.year_on_year is None or not frame.lexicon.year_on_year.search(
            frame.text, m["end"], min(m["sent_end"], m["end"] + YOY_REACH)):
        return []
    own = [di for di in same if frame.owner.get(di) == mi] or sorted(
        (di for di in same if not frame.other_side(di) and frame.owner.get(di) in (None, mi)),
        key=lambda di: distance(m, frame.dates[di]["start"], frame.dates[di]["end"]))
    if not own or not frame.dates[own[0]]["iso"] or "/" in frame.dates[own[0]]["iso"] and not _is_quarter_iso(frame.dates[own[0]]["iso"]):
        return []
    d = frame.dates[own[0]]
    return [Candidate(SLOT, "baseline", period(shift_iso(d["iso"], years=-1), d["iso"]), d["text"],
                      (d["start"], d["end"]), d["resolution"])]


def _is_quarter_iso(iso: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)", iso)
    return m is not None and (int(m.group(3)) * 12 + int(m.group(4))) - (int(m.group(1)) * 12 + int(m.group(2))) == 2


RATE_UNITS = ("%", "pp")  # the units of a rate compared with a rate
RATE_REACH = 30  # characters before the other rate where the comparison word stands ('compared with 1.5%')


def _rate_against_rate(frame: DateFrame, mi: int, marked: list[int]) -> bool:
    """'grew 2.1% in the second quarter, compared with 1.5% in the previous quarter': a figure of the change's own
    unit stands between the change and its baseline's date, so two changes are compared and each keeps its own
    period (the baseline's date is the other figure's), rather than the change spanning both."""
    m = frame.mentions[mi]
    first = min(frame.dates[di]["start"] for di in marked)
    if first < m["end"] or m.get("unit") not in RATE_UNITS or frame.lexicon.rate_comparison is None:
        return False
    lo = bisect.bisect_right(frame.mention_starts, m["start"])
    hi = bisect.bisect_left(frame.mention_starts, first)
    return any(frame.mentions[k].get("unit") == m["unit"]
               and frame.lexicon.rate_comparison.search(frame.text, max(m["end"], frame.mentions[k]["start"] - RATE_REACH),
                                                         frame.mentions[k]["start"]) for k in range(lo, hi))


def _own_from_to(frame: DateFrame, mi: int) -> list[Candidate]:
    """A change followed by the 'from X to Y' it runs over ('the 8.8% rise from March 2021 to March 2022 was larger
    than the 6.7% rise from June 2022 to June 2023') takes that interval, whatever other periods its sentence
    names."""
    m = frame.mentions[mi]
    k = bisect.bisect_left(frame.date_starts, m["end"])
    if k >= len(frame.dates) or frame.lexicon.from_span_gap is None:
        return []
    d = frame.dates[k]
    if d["sent_start"] != m["sent_start"] or "/" not in (d["iso"] or "") or not _FROM_TO_PERIOD.search(d["text"]) \
            or not frame.lexicon.from_span_gap.fullmatch(frame.text, m["end"], d["start"]):
        return []
    return [_date(frame, k, "baseline")]


def _compared_rate(frame: DateFrame, mi: int) -> Optional[int]:
    """The earlier rate of its sentence a rate is compared with ('rose 4% ..., faster than the 3% gain in April',
    'compared with 3.1% in April'): a figure of the same unit before it, a rate-comparison word right before it."""
    m = frame.mentions[mi]
    if m.get("unit") not in RATE_UNITS or frame.lexicon.rate_comparison is None:
        return None
    k = next((k for k in range(mi - 1, -1, -1) if frame.mentions[k]["sent_start"] != m["sent_start"]
              or frame.mentions[k].get("unit") == m["unit"]), None)
    if k is None or frame.mentions[k]["sent_start"] != m["sent_start"]:
        return None
    before = max(frame.mentions[k]["end"], m["start"] - RATE_REACH)
    return k if frame.lexicon.rate_comparison.search(frame.text, before, m["start"]) else None


def _own_period(frame: DateFrame, mi: int) -> Optional[int]:
    """The date right after a compared rate that names its period ('the 3% gain in April', '3.1% in April')."""
    m = frame.mentions[mi]
    k = bisect.bisect_left(frame.date_starts, m["end"])
    if k >= len(frame.dates) or frame.dates[k]["sent_start"] != m["sent_start"] or not frame.dates[k]["iso"]:
        return None
    gap = frame.lexicon.rate_period_gap
    return k if gap is not None and gap.fullmatch(frame.text, m["end"], frame.dates[k]["start"]) else None


def _compared_year_on_year(frame: DateFrame, mi: int) -> list[Candidate]:
    """A rate compared with an earlier rate that runs a year back from its period ('rose 4% from a year earlier in
    May, faster than the 3% gain in April') is the same kind of change: it runs a year back from its own period
    (April a year before to April), not the first rate's."""
    k = _compared_rate(frame, mi)
    own = _own_period(frame, mi) if k is not None else None
    if own is None:
        return []
    first = baseline_period(frame, k)
    if not first or not _year_back_span(first[0].value):
        return []
    d = frame.dates[own]
    return [Candidate(SLOT, "baseline", period(shift_iso(d["iso"], years=-1), d["iso"]), d["text"],
                      (d["start"], d["end"]), d["resolution"])]


def _year_back_span(iso: Optional[str]) -> bool:
    """Whether an interval runs from a period a year back to that period ('2024-05/2025-05', a quarter's)."""
    if not iso or "/" not in iso:
        return False
    start, end = iso.split("/")
    return len(start) == len(end) and shift_iso(end, years=-1) == start \
        or _is_quarter_iso(f"{start}/{shift_iso(start, months=2)}") and shift_iso(end, years=-1) == shift_iso(start, months=2)


def _old_and_new_dates(frame: DateFrame, same: list[int]) -> Optional[tuple[dict, dict]]:
    """The dates a change's old value and its new value own in the sentence, when both own one: the change runs
    between them, whatever other dates the sentence names ('the July 2025 contract fell 58 cents, from $3.99 last
    Wednesday to $3.41 yesterday')."""
    roles = {}
    for di in same:
        owner = frame.owner.get(di)
        change = frame.changes[owner] if owner is not None and frame.changes else None
        if change and change.get("role") in ("old", "new"):
            roles.setdefault(change["role"], frame.dates[di])
    return (roles["old"], roles["new"]) if len(roles) == 2 else None


def _owned_by_old_value(frame: DateFrame, di: int) -> bool:
    """Whether the figure that owns a date is a change's old value ('fell 14 cents from $4.17 last Wednesday to
    $4.03 yesterday'): the date is the change's baseline."""
    owner = frame.owner.get(di)
    change = frame.changes[owner] if owner is not None and frame.changes else None
    return bool(change) and change.get("role") == "old"


def _span_candidate(frame: DateFrame, proposer: str, a: dict, b: dict) -> Candidate:
    """The period covering two dates, spanning the text from the earlier to the later."""
    first, last = sorted((a, b), key=lambda d: d["start"])
    return Candidate(SLOT, proposer, period(a["iso"], b["iso"]), frame.text[first["start"]:last["end"]],
                     (first["start"], last["end"]), first["resolution"])


def baseline_context(frame: DateFrame, mi: int) -> list[Candidate]:
    """For the size of a change whose sentence names only baselines ('a 6% rise over this year'; '2 percent less
    than in 1990 and nearly 10 percent less than in 1980', each its own), the period from its baseline to the date
    the context gives the new level: the date carried from earlier in the paragraph, else the document's reference
    period ('... for fiscal year 2031. The request, a 9.2% rise from fiscal year 2025' -> 2024-10/2026-09)."""
    change = frame.changes[mi] if frame.changes else None
    same = frame.sentence_dates(mi)
    if not change or change.get("role") != "delta" or not same or not all(frame.other_side(di) for di in same) \
            or any(frame.record_horizon(di) for di in same):
        return []
    own = same[0] if len(same) == 1 else _own_baseline(frame, mi, same)
    if own is None:
        return []
    base = frame.dates[own]
    carried = _carried_index(frame, mi)
    context = carried if carried is not None else frame.reference
    if context is None or frame.dates[context]["sent_start"] == base["sent_start"]:
        return []
    later = frame.dates[context]
    if later["iso"].split("/")[-1] <= base["iso"].split("/")[-1]:
        return []  # the context's date must be the later side
    return [_span_candidate(frame, "baseline_context", base, later)]


def _own_baseline(frame: DateFrame, mi: int, same: list[int]) -> Optional[int]:
    """Of a sentence's baselines, the one a change's size names itself: the first after it, before the next
    figure ('2 percent less than in 1990 and nearly 10 percent less than in 1980': 1990 for the 2 percent)."""
    m = frame.mentions[mi]
    after = frame.mention_starts[mi + 1] if mi + 1 < len(frame.mentions) else m["sent_end"]
    return next((di for di in same if m["end"] <= frame.dates[di]["start"] < min(after, m["sent_end"])), None)


def reference_period(frame: DateFrame, mi: int) -> list[Candidate]:
    """The document's reference period (:func:`reference_date`) for a figure of another sentence: a release
    states its month once and reports the rest undated ('Retail sales in October rose 2% ... Online sales fell
    1%'). The rules take it only for a figure whose verb is in the past, or any money figure of a story about one
    budget (date_features.rule_key)."""
    di = frame.reference
    if di is None or frame.dates[di]["sent_start"] == frame.mentions[mi]["sent_start"]:
        return []
    return [_date(frame, di, "reference", budget_reference=float(frame.budget_reference))]


DURATION_UNITS = {"year": "years", "month": "months", "day": "days"}
DURATION_REACH = 30  # characters before a duration where the words that make it run up to a time stand


def duration_to_end(frame: DateFrame, mi: int) -> list[Candidate]:
    """A duration that runs up to a time the text gives is dated from that end minus N to the end, at the
    duration's precision: 'the win ends 12 years of one party's rule' (published 2006) -> 1994/2006, 'has already
    spent 5 years', 'after a hard 30 year fight ..., he died on Wednesday'. The end is the sentence's day, else
    the publication date for a figure in the present or a modal ('would end 11 years')."""
    m = frame.mentions[mi]
    unit = DURATION_UNITS.get(m.get("unit") or "")
    if unit is None or not m.get("value") or float(m["value"]) != int(m["value"]):
        return []
    before = frame.text[max(0, m["start"] - DURATION_REACH):m["start"]]
    ends_here = frame.lexicon.duration_end.search(before)
    if ends_here is None and not frame.lexicon.duration_after.search(before):
        return []
    end = _sentence_end(frame, mi, unit)
    if end is None and ends_here is not None and frame.published and len(frame.published) >= 10 \
            and tense(_governing_verb(frame.doc, m)) in ("present", "modal"):
        end = (frame.published[:10], None, None, "publication")
    if end is None:
        return []
    iso, text, span, resolution = end
    start = _count_back_from(iso, int(m["value"]), unit)
    return [Candidate(SLOT, "duration_end", f"{start}/{_at_precision(iso, unit)}", text, span, resolution)]


_PRECISION = {"years": 4, "months": 7, "days": 10}


def _sentence_end(frame: DateFrame, mi: int, unit: str) -> Optional[tuple]:
    """A date of the figure's sentence at the duration's precision or finer, no period and no comparison's other
    side ('ended 3 years of losses in 2010'), as (iso, text, span, resolution)."""
    for di in frame.sentence_dates(mi):
        d = frame.dates[di]
        if d["iso"] and "/" not in d["iso"] and len(d["iso"]) >= _PRECISION[unit] and not frame.other_side(di):
            return d["iso"], d["text"], (d["start"], d["end"]), d["resolution"]
    return None


def _at_precision(iso: str, unit: str) -> str:
    return iso[:4] if unit == "years" else iso[:7] if unit == "months" else iso[:10]


def _count_back_from(iso: str, n: int, unit: str) -> str:
    if unit == "years":
        return f"{int(iso[:4]) - n:04d}"
    if unit == "months":
        months = int(iso[:4]) * 12 + int(iso[5:7]) - 1 - n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return (dt.date.fromisoformat(iso[:10]) - dt.timedelta(days=n)).isoformat()


_STREAK_PRECISION = {"years": 4, "months": 7, "days": 10}


def streak_period(frame: DateFrame, mi: int) -> list[Candidate]:
    """An ordinal streak ('the fourth consecutive month of growth', 'for the third year', 'the 29th straight
    month') is dated over the streak: the N units up to its end, both counted (corpus/GUIDELINES.md, streaks). The
    end is the latest date of the figure's sentence at the unit's precision, else the latest before it in its
    paragraph, else the publication date for a figure in no past and no modal."""
    m = frame.mentions[mi]
    unit = DURATION_UNITS.get(m.get("unit") or "")
    if unit is None or not m.get("value") or float(m["value"]) != int(m["value"]) or m["value"] < 2 \
            or frame.lexicon.streak is None or not frame.lexicon.streak.match(" ".join(frame.text[m["start"]:m["end"]].split())):
        return []
    end = _streak_end(frame, mi, unit)
    if end is None:
        return []
    iso, text, span, resolution = end
    return [Candidate(SLOT, "streak", _streak_from(iso, int(m["value"]), unit), text, span, resolution)]


def _streak_end(frame: DateFrame, mi: int, unit: str) -> Optional[tuple]:
    m = frame.mentions[mi]
    fits = lambda d: bool(d["iso"]) and not frame.other_side(frame.date_at[(d["start"], d["end"])]) and (  # noqa: E731
        len(d["iso"].split("/")[-1]) >= _STREAK_PRECISION[unit] or (unit == "years" and twelve_months_from(d["iso"])))
    same = [frame.dates[di] for di in frame.sentence_dates(mi) if fits(frame.dates[di])]
    if not same:
        k = bisect.bisect_left(frame.date_starts, m["sent_start"]) - 1
        paragraph_break = frame.text.rfind("\n\n", 0, m["start"])  # once, not a text slice per earlier date
        while k >= 0 and not fits(frame.dates[k]) and frame.dates[k]["end"] > paragraph_break:
            k -= 1
        if k >= 0 and frame.dates[k]["end"] > paragraph_break:
            same = [frame.dates[k]]
    if same:
        d = max(same, key=lambda d: d["iso"].split("/")[-1])
        return d["iso"], d["text"], (d["start"], d["end"]), d["resolution"]
    if frame.published and len(frame.published) >= 10 and tense(_governing_verb(frame.doc, m)) not in ("past", "modal"):
        return frame.published[:10], None, None, "publication"  # a streak the text does not end runs to the day
    return None


def _streak_from(iso: str, n: int, unit: str) -> str:
    """The N units up to ``iso``, both ends counted: a fiscal year's months keep its months ('the second year',
    ending in fiscal 2005 -> 2003-10/2005-09)."""
    if unit == "years" and twelve_months_from(iso) is not None:
        start, end = iso.split("/")
        return f"{int(start[:4]) - (n - 1):04d}{start[4:7]}/{end[:7]}"
    end = iso.split("/")[-1][:_STREAK_PRECISION[unit]]  # a period ends the streak at its end
    return f"{_count_back_from(end, n - 1, unit)}/{end}"


def election_result(frame: DateFrame, mi: int) -> list[Candidate]:
    """An election story's date of its results (:func:`election_results_date`) for a figure whose sentence states
    a result: a vote count or share, a seat count, a swing, the count's progress."""
    m = frame.mentions[mi]
    if frame.election_date is None or not frame.lexicon.result.search(frame.text, m["sent_start"], m["sent_end"]):
        return []
    return [frame.election_date]


def now_word(frame: DateFrame, mi: int) -> list[Candidate]:
    """The publication date, when the figure's sentence says 'now', 'currently', 'so far' ...; no date when the
    document has none: the guidelines give such a figure null, not a date carried from earlier sentences."""
    m = frame.mentions[mi]
    now = frame.now_word(m["sent_start"], m["sent_end"])
    if now is None:
        return []
    day = frame.published[:10] if frame.published else None
    return [Candidate(SLOT, "now_word", day, now.group(0), now.span(), "publication")]


def present_tense(frame: DateFrame, mi: int) -> list[Candidate]:
    """The publication date for a figure stated in the present or present perfect ('the city counts 80
    shelters'), or with 'still'/'already'. The guidelines date only the explicit time words, so this is
    evidence for the ranker to weigh, not a rule."""
    if not frame.published:
        return []
    m = frame.mentions[mi]
    still = frame.lexicon.still.search(frame.text, m["sent_start"], m["sent_end"])
    if still is not None:
        return [Candidate(SLOT, "present_tense", frame.published[:10], still.group(0), still.span(), "publication",
                          {"still_word": 1.0})]
    verb = _governing_verb(frame.doc, m)
    if verb is None:
        return []
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    if verb.tag_ not in ("VBZ", "VBP") and not perfect:
        return []
    span = (verb.idx, verb.idx + len(verb.text))
    return [Candidate(SLOT, "present_tense", frame.published[:10], verb.text, span, "publication",
                      {"present_perfect" if perfect else "present_simple": 1.0})]


def _governing_verb(doc: Doc, m: dict) -> Optional[Token]:
    span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    for _ in range(4):
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:  # the root; spaCy makes a new Token per access, so 'is' never holds
            return None
        tok = tok.head
    return None


def tense(verb: Optional[Token]) -> str:
    """past, present (present perfect included), modal ('will', 'would', 'could') or none, of a verb with its auxiliaries."""
    if verb is None:
        return "none"
    tags = [c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb.tag_]
    if "MD" in tags:
        return "modal"
    if tags[0] in ("VBD",) or (verb.tag_ == "VBD"):
        return "past"
    if tags[0] in ("VBZ", "VBP"):
        return "present"
    return "none"


def sentence_periods(frame: DateFrame, mi: int) -> list[Candidate]:
    """Periods between two dates of a comparing sentence ('higher than revised 2018 ... in 2019'): a change
    spans from its baseline to its new level. Pairs of the few dates nearest the figure."""
    m = frame.mentions[mi]
    same = frame.sentence_dates(mi)
    if len(same) < 2 or not any_between(frame.markers, m["sent_start"], m["sent_end"]):
        return []
    near = sorted(heapq.nsmallest(4, same, key=lambda di: distance(m, frame.dates[di]["start"], frame.dates[di]["end"])))
    out = []
    for k, a in enumerate(near):
        for b in near[k + 1:]:
            first, last = frame.dates[a], frame.dates[b]
            out.append(Candidate(SLOT, "period", period(first["iso"], last["iso"]), frame.text[first["start"]:last["end"]],
                                 (first["start"], last["end"]), first["resolution"]))
    return out


def since_period(frame: DateFrame, mi: int) -> list[Candidate]:
    """A total 'since' a date runs from that date to the publication date ('since 1980'); in a document with no
    publication date, to the end of the period it reports on ('enforcement data for fiscal year 2007 ... Since FY
    2000, the agency has recouped $1 billion' -> 1999-10/2007-09)."""
    end = _reporting_end(frame, mi) or (frame.published[:10] if frame.published else _reference_end(frame))
    if end is None:
        return []
    out = []
    for di in frame.sentence_dates(mi):
        d = frame.dates[di]
        if frame.record_horizon(di):
            continue
        if frame.lexicon.since.search(frame.text[max(0, d["start"] - 12):d["start"]]) \
                or frame.lexicon.since_event.search(frame.text[max(0, d["start"] - 40):d["start"]]):
            if d["iso"] and d["iso"].split("/")[0] < end:
                out.append(Candidate(SLOT, "since", period(d["iso"], end), d["text"], (d["start"], d["end"]), "relative"))
    return out


def _reporting_end(frame: DateFrame, mi: int) -> Optional[str]:
    """The date a total was reported, when the text gives one before publication: a date on a statement verb in the
    figure's sentence or the one before it in its paragraph ('The W.H.O. said at the end of September that it had
    reports of 60 deaths. These were among 116 cases since December 2003' -> to September), where the guidelines
    end a 'since' total."""
    m = frame.mentions[mi]
    k = bisect.bisect_right(frame.sentences.starts, m["sent_start"]) - 1
    starts = [m["sent_start"]]
    if k >= 1 and "\n\n" not in frame.text[frame.sentences.starts[k - 1]:m["sent_start"]]:
        starts.append(frame.sentences.starts[k - 1])
    for start in starts:
        for di in frame.by_sentence.get(start, []):
            d = frame.dates[di]
            iso = (d["iso"] or "").split("/")[-1]
            if iso and (not frame.published or iso < frame.published[:len(iso)]) \
                    and not frame.lexicon.since.search(frame.text[max(0, d["start"] - 12):d["start"]]) \
                    and frame.release_day((d["start"], d["end"])):
                return iso
    return None


def _reference_end(frame: DateFrame) -> Optional[str]:
    """The last month, day or year of the document's reference period (:func:`reference_date`), if it has one."""
    if frame.reference is None:
        return None
    return frame.dates[frame.reference]["iso"].split("/")[-1]


def next_sentence_dates(frame: DateFrame, mi: int) -> list[Candidate]:
    """The dates of the next sentence of the same paragraph, which may state the period of this one's figures."""
    m = frame.mentions[mi]
    k = bisect.bisect_right(frame.sentences.starts, m["sent_start"])  # the index of the sentence after the figure's
    if k >= len(frame.sentences.starts):
        return []
    nxt = frame.sentences.starts[k]
    if "\n\n" in frame.text[m["end"]:nxt + 1]:
        return []
    return [_date(frame, di, "next_sentence") for di in frame.by_sentence.get(nxt, [])]


def publication_date(frame: DateFrame, mi: int) -> list[Candidate]:
    """The publication date with no word for it: results and counts reported the day they happen."""
    if not frame.published:
        return []
    return [Candidate(SLOT, "publication", frame.published[:10], None, None, "publication")]


def carried_date(frame: DateFrame, mi: int) -> list[Candidate]:
    """The last date before the figure in its paragraph (``carry='paragraph'``) or document: news states the
    period once and then reports several figures for it."""
    if frame.carry == "none":
        return []
    i = _carried_index(frame, mi)
    return [] if i is None else [_date(frame, i, "carry")]


def _carried_index(frame: DateFrame, mi: int) -> Optional[int]:
    """The date carried to the figure: the last one before it, skipping a comparison's other side ('a 13% increase
    from fiscal 2025, includes $848 billion': the $848 billion is not fiscal 2025's), the date a change's old value
    owns ('doubled this year, from 2 GW at the end of 2022 to 4.5 GW': 4.5 GW is this year's) and another
    sentence's time frame ('within ten years')."""
    if frame.carry == "none":
        return None
    m = frame.mentions[mi]
    i = bisect.bisect_left(frame.date_starts, m["start"]) - 1
    while i >= 0 and (frame.dates[i]["end"] > m["start"] or frame.other_side(i) or _owned_by_old_value(frame, i)
                      or (frame.dates[i].get("time_frame") and frame.dates[i]["sent_start"] != m["sent_start"])):
        i -= 1
    if i < 0 or (frame.carry == "paragraph" and "\n\n" in frame.text[frame.dates[i]["end"]:m["start"]]):
        return None
    return i


def headline_dates(frame: DateFrame, mi: int) -> list[Candidate]:
    """The dates of the headline and the story's first sentence, which often set the whole story's period."""
    own = frame.mentions[mi]["sent_start"]
    out = []
    for k, (start, _) in enumerate(frame.lead):
        if start != own:
            out += [_date(frame, di, "headline", in_headline=float(k == 0)) for di in frame.by_sentence.get(start, [])]
    return out


def null_date(frame: DateFrame, mi: int) -> list[Candidate]:
    """No date: the text gives none for this figure."""
    return [Candidate(SLOT, NULL)]


Proposer = Callable[[DateFrame, int], list[Candidate]]
PROPOSERS: dict[str, Proposer] = {
    "respective": respective_dates, "baseline": baseline_period, "owned": owned_date, "sentence": sentence_dates, "now_word": now_word,
    "present_tense": present_tense, "carry": carried_date, "headline": headline_dates, "period": sentence_periods,
    "since": since_period, "next_sentence": next_sentence_dates, "publication": publication_date,
    "baseline_context": baseline_context, "reference": reference_period, "election": election_result,
    "duration_end": duration_to_end, "streak": streak_period, NULL: null_date,
}

