"""The date slot: which time expression of the sentence a figure belongs to, resolved to ISO 8601."""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from newsclaims.normalize.dates import COUNT_WORDS, MONTHS, fiscal_year, next_month_named, resolve_date, shift_iso
from newsclaims.normalize.units import LEXICON_DIR
from newsclaims.resources import read_lexicon


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


def _words(words: list[str]) -> re.Pattern:
    """Any of the words, whole and case-sensitive, the longest first."""
    return re.compile(rf"(?<!\w)(?:{_alternation(sorted(words, key=len, reverse=True))})(?!\w)")


@dataclass(frozen=True)
class DateLexicon:
    """The date slot's word lists (``models/lexicon/dates.json``), compiled once."""

    baseline: re.Pattern  # right before a date: that date is a comparison's baseline ("from 2019")
    now: re.Pattern  # "now", "currently": the publication date
    owned_gap: re.Pattern  # what may stand between a figure and the date it owns ("39,000 tons in 2020")
    comparison: re.Pattern  # a comparison marker anywhere ("compared with", "a year earlier")
    still: re.Pattern  # "still", "already"
    since: re.Pattern  # right before a date, a total runs from it to the reporting date ("since 1980")
    other_side: re.Pattern  # right before a date, the date of a comparison's other side ("than in 2019")
    reference_intro: re.Pattern  # right before a lead's date, the period the document reports on ("numbers for August")
    budget: re.Pattern  # a budget noun right before that period ("the spending request for fiscal year 2031")
    budget_after: re.Pattern  # a budget noun right after a period ("the F.Y. 2016 Defense budget")
    budget_word: re.Pattern  # a budget noun anywhere ("handed down his last budget")
    record_since: re.Pattern  # before a date, a record's horizon, not the figure's date ("the largest since 2010")
    since_event: re.Pattern  # before a date, a total runs from an event in it ("since the invasion in 2003")
    year_back: frozenset  # "a year earlier": a year before the date it is relative to
    month_back: frozenset  # "the previous month"
    fiscal_frame: re.Pattern  # anywhere in a text, it speaks of budget years ("fiscal year")
    fiscal_since: re.Pattern  # right before a year, a total runs since it: that year stays a calendar year
    same_period_before: re.Pattern  # right before a date, "the same period in"
    election: re.Pattern  # a word of an election story ("election", "votes", "seats")
    result: re.Pattern  # in a figure's sentence, the figure is an election result ("seats", "votes", "swing")
    current_results: re.Pattern  # the story gives its results as partial or current ("with 12% counted")
    election_day_before: re.Pattern  # right after a date, it is the election's day ("Sunday's election")
    election_day_after: re.Pattern  # right before a date, it is the election's day ("the election held today")
    duration_end: re.Pattern  # right before a duration, it runs up to a time ("ends 12 years of", "already spent")
    duration_after: re.Pattern  # right before a duration, it runs up to the sentence's day ("after a long 50 year")
    fiscal_owners: dict  # kind of government -> (start month, named by 'start' or 'end', cue pattern)
    fiscal_state_start: dict  # a US state whose fiscal year does not start in July -> its start month
    state_names: re.Pattern  # a US state's name: a state's cues count only in a text that names one
    fiscal_word: re.Pattern  # in a date's text, it is a fiscal year or part of one ('fiscal 2025', 'FY2025')
    respectively: re.Pattern  # closes a list of figures paired in order with a list of dates
    window_back: re.Pattern  # 'the prior three months': the N units right before the anchor
    window_to: re.Pattern  # 'the past year', 'the last 12 months': the twelve months to the anchor
    named_month_back: re.Pattern  # 'the previous June': the latest June before the anchor
    year_on_year: Optional[re.Pattern] = None  # after a change: its baseline is its period a year before
    weekend: Optional[re.Pattern] = None  # a whole date: 'over the weekend', the last Saturday and Sunday
    year_end: Optional[re.Pattern] = None  # a whole date: 'by the end of next year', that year
    rate_comparison: Optional[re.Pattern] = None  # before a second rate: two changes compared ('after 5.7% in')
    rate_period_gap: Optional[re.Pattern] = None  # between that second rate and its own period ('3% gain in April')
    from_span_gap: Optional[re.Pattern] = None  # between a change and the 'from X to Y' it runs over ('8% rise from')
    quarter_back: frozenset = frozenset()  # "the previous quarter": the quarter before the one it is relative to
    week_back: frozenset = frozenset()  # "the previous week": the seven days before the day or week it is relative to
    units_back: Optional[re.Pattern] = None  # "three months earlier", "the week before": N units before the anchor
    last_named_month: Optional[re.Pattern] = None  # 'last October': the latest October before publication
    release_day_verbs: frozenset = frozenset()  # a day modifying one dates the release ('released a report today')
    to_date: Optional[re.Pattern] = None  # right before a year: the part of it reported so far ('so far in 2024')
    to_day: Optional[re.Pattern] = None  # right before 'this year': it runs to the publication day ('so far this year')
    year_to_date: Optional[re.Pattern] = None  # a whole date: 'year to date', 'YTD', the year's first day to publication
    same_day_back: Optional[re.Pattern] = None  # right before 'last year': to the same day of it ('by this time')
    streak: Optional[re.Pattern] = None  # a figure's whole text: an ordinal streak ('the fourth consecutive month')
    edition: Optional[re.Pattern] = None  # right after a year: a survey's or report's title ('2019 Household Survey')
    expectation_verbs: frozenset = frozenset()  # lemmas whose 'to' infinitive speaks of the future ('expects to cut')
    period_code_before: Optional[re.Pattern] = None  # right before a quarter code: it is a period ('the Q3 results')
    period_code_after: Optional[re.Pattern] = None  # right after a quarter code: it is a period ('Q4 earnings')

    @classmethod
    def from_data(cls, data: dict) -> "DateLexicon":
        baseline = (rf"(?:\b(?:{_alternation(data['baseline_words'])})\s+(?:(?:{_alternation(data['baseline_fillers'])})\s+)?"
                    rf"(?:the\s+)?|\bsame (?:{_alternation(data['same_period_nouns'])}) "
                    rf"(?:{_alternation(data['same_period_links'])})\s+)$")
        other_side_words = rf"(?:{_alternation(data['other_side_words'])}|(?:{_alternation(data.get('change_nouns', ['increase']))})s?\s+(?:from|over))"
        return cls(
            baseline=re.compile(baseline, re.I),
            now=re.compile(rf"\b(?:{_alternation(data['now_words'])})\b", re.I),
            owned_gap=re.compile(rf"^\s*,?\s*(?:{_alternation(data['owned_gap_words'])})?\s*$", re.I),
            comparison=re.compile(rf"\b(?:{_alternation(data['comparison_markers'])})(?!\w)", re.I),
            still=re.compile(rf"\b(?:{_alternation(data['still_words'])})\b", re.I),
            since=re.compile(rf"\b(?:{_alternation(data['since_words'])})\s+(?:(?:the\s+)?(?:end|start) of\s+)?$", re.I),
            other_side=re.compile(rf"\b{other_side_words}\s+(?:(?:{_alternation(data['baseline_fillers'])})"
                                  rf"\s+)?(?:(?:the|a|an)\s+)?(?:[^\W\d]+\s+){{0,3}}?(?:(?:{_alternation(data['baseline_fillers'])})\s+)?$", re.I),
            reference_intro=re.compile(rf"\b(?:{_alternation(data.get('reference_intro_words', ['for']))})\s+(?:the\s+)?$", re.I),
            budget=re.compile(rf"\b(?:{_alternation(data.get('budget_nouns', ['budget']))})s?\s+(?:[^\W\d]+\s+){{0,2}}$", re.I),
            budget_after=re.compile(rf"(?:\u2019s|'s)?\s+(?:[A-Z][\w.&'\u2019-]*\s+){{0,3}}"
                                    rf"(?i:{_alternation(data.get('budget_nouns', ['budget']))})s?\b"),
            budget_word=re.compile(rf"\b(?:{_alternation(data.get('budget_nouns', ['budget']))})s?\b", re.I),
            record_since=re.compile(rf"\b(?:{_alternation(data.get('record_words', ['largest']))})\b[^.;:!?]{{0,60}}"
                                    rf"\b(?:{_alternation(data['since_words'])})\s+(?:[^\W\d]+\s+){{0,6}}?$", re.I),
            since_event=re.compile(rf"\b(?:{_alternation(data['since_words'])})\s+the\s+[^\W\d]+\s+(?:in|of)\s+$", re.I),
            year_back=frozenset(data.get("year_back", ())), month_back=frozenset(data.get("month_back", ())),
            fiscal_frame=re.compile(rf"\b(?:{_alternation(data['fiscal_frame_words'])})\b", re.I),
            fiscal_since=re.compile(rf"\b(?:{_alternation(data['since_words'])})\b[^.;:!?]{{0,30}}$", re.I),
            same_period_before=re.compile(rf"\bsame\s+(?:{_alternation(data['same_period_nouns'])})s?\s+"
                                          rf"(?:{_alternation(data['same_period_links'])})\s+(?:the\s+)?$", re.I),
            election=re.compile(rf"\b(?:{_alternation(data['election_words'])})\b", re.I),
            result=re.compile(rf"\b(?:{_alternation(data['result_words'])})\b", re.I),
            current_results=re.compile(rf"\b(?:{_alternation(data['current_results_words'])})\b", re.I),
            election_day_before=re.compile(rf"^\u2019?'?s\s+(?:[^\W\d]+\s+){{0,2}}?(?:{_alternation(data['election_nouns'])})\b", re.I),
            election_day_after=re.compile(rf"\b(?:{_alternation(data['election_nouns'])})\s+(?:(?:was|were|is|being)\s+)?"
                                          rf"(?:held\s+)?(?:on\s+)?$", re.I),
            duration_end=re.compile(rf"\b(?:{_alternation(data['duration_end_words'])})\s+(?:the\s+|a\s+)?$", re.I),
            fiscal_owners={kind: (o["start_month"], o["named_by"], _words(o["cues"]))
                           for kind, o in data["fiscal_year_owners"].items()},
            fiscal_state_start=dict(data["fiscal_year_owners"]["us_state"].get("start_month_by_name", {})),
            state_names=_words(data["state_names"]),
            fiscal_word=re.compile(rf"(?<!\w)(?:{_alternation(data['fiscal_words'])})", re.I),
            duration_after=re.compile(rf"\b(?:{_alternation(data['duration_after_words'])})\s+(?:[^\W\d]+\s+)?$", re.I),
            respectively=re.compile(rf"\b(?:{_alternation(data['respective_words'])})\b", re.I),
            window_back=re.compile(rf"^(?:(?:in|during|over|for)\s+)?(?:the\s+)?(?:{_alternation(data['window_back_words'])})\s+"
                                   rf"(?P<n>\d{{1,2}}|{_alternation(list(COUNT_WORDS))})\s+(?P<unit>months|quarters|years)$", re.I),
            window_to=re.compile(rf"^(?:(?:in|during|over|for)\s+)?(?:the\s+)?(?:{_alternation(data['window_to_words'])})\s+"
                                 rf"(?:year|12\s+months|twelve\s+months)$", re.I),
            named_month_back=re.compile(rf"^(?:(?:in|over|from|than|during)\s+)?(?:the\s+)?(?:{_alternation(data['window_back_words'])})\s+"
                                        rf"(?P<month>{_MONTH_NAMES})$", re.I),
            release_day_verbs=frozenset(data.get("release_day_verbs", ())),
            expectation_verbs=frozenset(data.get("expectation_verbs", ())),
            quarter_back=frozenset(data.get("quarter_back", ())),
            week_back=frozenset(data.get("week_back", ())),
            units_back=re.compile(rf"(?:(?P<n>a|an|the|\d{{1,2}}|{_alternation(list(COUNT_WORDS))})\s+)(?P<unit>year|month|quarter|decade|week)s?"
                                  rf"\s+(?:{_alternation(data.get('units_back_endings', []) or ['earlier'])})", re.I),
            year_on_year=re.compile(rf"\b(?:{_alternation(data.get('year_on_year_words', []) or ['year on year'])})\b", re.I),
            weekend=re.compile(rf"^(?:(?:over|during|on|at)\s+)?(?:{_alternation(data.get('weekend_openers', []) or ['the'])})\s+weekend$", re.I),
            year_end=re.compile(rf"^(?:(?:by|at|before|until|through)\s+)?(?:the\s+)?(?:(?:end\s+of\s+(?P<which>the|this|next|last)\s+year)|year[- ]end)$", re.I),
            rate_comparison=re.compile(rf"\b(?:{_alternation(data.get('rate_comparison_words', []) or ['compared with'])})\s+(?:(?:a|an|the)\s+)?(?:(?:{_alternation(data.get('rate_comparison_nouns', []) or ['increase'])})\s+of\s+)?$", re.I),
            rate_period_gap=re.compile(rf"\s*(?:(?:{_alternation(data.get('rate_comparison_nouns', []) or ['increase'])})s?\s+)?"
                                       rf"(?:{_alternation(data['owned_gap_words'])})\s+", re.I),
            from_span_gap=re.compile(rf"\s*(?:(?:{_alternation(data.get('change_nouns', []) or ['increase'])})s?\s+)?from\s+", re.I),
            last_named_month=re.compile(rf"^(?:(?:in|on|during|since|from|by|until|through|than)\s+)?(?:{_alternation(data.get('last_month_words', []) or ['last'])})\s+"
                                        rf"(?P<month>{_MONTH_NAMES})$", re.I),
            edition=re.compile(rf"\s+(?:[a-z]+\s+)?(?:[A-Z][\w&'\u2019-]*\s+){{0,4}}(?:(?i:{_alternation(data.get('title_nouns', ['report']))})\b|[A-Z]{{3,}}\b)"),
            to_date=re.compile(rf"\b(?:{_alternation(data.get('to_date_openers', ['so far in']))})\s+(?:the\s+)?$", re.I),
            year_to_date=re.compile(rf"(?<!\w)(?:the\s+)?(?:{_alternation(data.get('year_to_date_words', []) or ['year to date'])})(?!\w)", re.I),
            to_day=re.compile(rf"\b(?:{_alternation(data.get('to_day_openers', []) or ['so far'])})\s+$", re.I),
            same_day_back=re.compile(rf"\b(?:{_alternation(data.get('same_day_back_openers', []) or ['by this time'])})\s+$", re.I),
            period_code_before=re.compile(rf"(?:(?:^|[.!?][\"\u201d]?\s+)|(?:(?<!\w)(?:{_alternation([w for w in data.get('period_code_openers', []) if w[0].isalpha()])})"
                                          rf"|(?:{_alternation([w for w in data.get('period_code_openers', []) if not w[0].isalpha()])}))\s+)$", re.I),
            period_code_after=re.compile(rf"\s+(?:{_alternation(data.get('period_code_nouns', []) or ['results'])})\b", re.I),
            streak=re.compile(rf"^(?:the\s+|a\s+)?(?:{_alternation(list(read_lexicon('ordinals')['words']))}|\d{{1,3}}(?:st|nd|rd|th))\s+"
                              rf"(?:(?:{_alternation(data.get('streak_words', []) or ['consecutive'])})\s+)?(?:year|month|day)$", re.I),
        )

    @classmethod
    def load(cls, path: Path = LEXICON_DIR / "dates.json") -> "DateLexicon":
        return cls.from_data(read_date_words(path))


@functools.lru_cache(maxsize=1)
def packaged_date_lexicon() -> DateLexicon:
    """The packaged ``dates.json``, compiled once: for calls made outside a pipeline, whose claims component passes
    its own."""
    return DateLexicon.load()


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # date.weekday() order
_WEEKDAYS = frozenset(_WEEKDAY_NAMES)


def _weekdays_of_times(doc: Doc) -> list:
    """The weekday of a TIME entity ('on Monday night', 'late Sunday', 'Tuesday morning'): the day a figure
    reported with it holds, as a DATE entity 'Monday' would give it."""
    out = []
    for ent in doc.ents:
        if ent.label_ == "TIME":
            day = next((t for t in ent if t.lower_ in _WEEKDAYS), None)
            if day is not None:
                out.append(doc[day.i:day.i + 1])
    return out


def _split_count_back(ent, lexicon: DateLexicon) -> list:
    """'a year earlier in March' as the NER writes it is two dates: the counted-back phrase and the period it counts
    back from (anchor_relative_dates links them); any other entity stays whole."""
    for k in range(2, len(ent) - 1):
        if _PERIOD_LINK.fullmatch(" " + ent[k].text + " ") and _count_back(ent[:k].text, lexicon) is not None:
            return [ent[:k], ent[k + 1:]]
    return [ent]


def _without_leading_figure(ent, spans: list[tuple[int, int]], lexicon: DateLexicon):
    """'down from 44 a year earlier', as the NER writes it, is one date that swallows the bare count before it: the
    figure is the count and its date the counted-back phrase after it ('44' + 'a year earlier', '9' + 'two years
    ago'); any other entity stays whole."""
    end = next((e for s, e in spans if s <= ent.start_char < e < ent.end_char), None)
    if end is None:
        return ent
    k = next((i for i, tok in enumerate(ent) if tok.idx >= end), None)
    if k is None or not counted_back_or_ago(ent[k:].text, lexicon):
        return ent
    return ent[k:]


def read_date_words(path: Path = LEXICON_DIR / "dates.json") -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def date_mentions(doc: Doc, mentions: list[dict], published: Optional[str], parser, sentences=None, *,
                  text: Optional[str] = None, lexicon: Optional[DateLexicon] = None) -> list[dict]:
    """Every resolvable DATE entity as plain data: text, offsets, ISO value, resolution.

    ``text`` is ``doc.text`` when the caller has it: spaCy joins every token again on each access. ``lexicon`` is
    the claims component's (the packaged one when not given).
    """
    text = doc.text if text is None else text
    lexicon = lexicon or packaged_date_lexicon()
    date_ents = sorted([part for e in doc.ents if e.label_ == "DATE" for part in _split_count_back(e, lexicon)]
                       + _weekdays_of_times(doc), key=lambda e: e.start)
    spans = [(m["start"], m["end"]) for m in mentions]
    starts = [s for s, _ in spans]
    date_ents = [_without_leading_figure(ent, spans, lexicon) for ent in date_ents]
    out = []
    for ent in date_ents:
        k = bisect.bisect_left(starts, ent.end_char)
        near = spans[max(0, k - 3):k]
        if any(s < ent.end_char and ent.start_char < e for s, e in near) and not re.search(r"\b(1[6-9]\d\d|20\d\d)\b", ent.text):
            continue  # "five years" is the figure itself, not its date
        if _dateline(text, ent.start_char, ent.end_char):
            continue  # 'WASHINGTON, March 3, 2015 -': a publication line dates no figure of the release
        ent, iso, how = _resolved_part(ent, published, parser, lexicon)
        start, ent_text = ent.start_char, ent.text
        framed = _TIME_FRAME_OPENER.search(text, max(0, start - 20), start)
        if framed is not None:  # 'in each of' + 'the last five years', 'within' + 'ten years': the opener sets the frame
            framed_iso, framed_how = resolve_date(text[framed.start():ent.end_char], published, parser=parser)
            if framed_iso is not None:
                start, ent_text, iso, how = framed.start(), text[framed.start():ent.end_char], framed_iso, framed_how
        if iso is None and _count_back(ent.text, lexicon) is None and window(ent.text, lexicon) is None \
                and not lexicon.named_month_back.match(" ".join(ent.text.split())) and not _YEAR_WORD.match(ent.text) \
                and not (lexicon.last_named_month is not None and lexicon.last_named_month.match(" ".join(ent.text.split()))):
            continue  # 'the same quarter last year' has no value of its own: anchor_relative_dates gives it one
        found = {"text": ent_text, "start": start, "end": ent.end_char, "iso": iso, "resolution": how,
                 "sent_start": sentences.of(ent.start_char)[0] if sentences else ent.sent.start_char}
        if _TIME_FRAME.search(ent_text):
            found["time_frame"] = True
        if lexicon.year_end is not None and lexicon.year_end.match(" ".join(ent_text.split())):
            found["time_frame"] = found["target"] = True  # a deadline dates its own clause's figures only
        out.append(found)
    out += _spoken_years(doc, text, date_ents, out, spans, published, sentences)
    codes = _fiscal_year_codes(doc, text, out, spans, sentences) + _period_codes(doc, text, out, spans, published, sentences, lexicon)
    codes = [c for c in codes if not any(o["start"] <= c["start"] and c["end"] <= o["end"] and o is not c
                                         and (o["start"], o["end"]) != (c["start"], c["end"]) for o in codes)]
    out = [d for d in out if not any(c["start"] <= d["start"] and d["end"] <= c["end"] for c in codes)] + codes
    out += _elided_periods(text, out, spans)
    out.sort(key=lambda d: d["start"])
    out = [d for d in _join_periods(text, out, published, parser, lexicon)
           if d["iso"] is not None or _count_back(d["text"], lexicon) or window(d["text"], lexicon)
           or lexicon.named_month_back.match(" ".join(d["text"].split()))
           or (lexicon.last_named_month is not None and lexicon.last_named_month.match(" ".join(d["text"].split())))]
    out = years_from_sentence(out, lexicon)
    out = months_ahead(doc, text, out, published, lexicon.expectation_verbs)
    out = weekdays_ahead(doc, out, published, lexicon.expectation_verbs)
    budget = budget_story(text, out, lexicon)
    if budget:
        out = as_fiscal_years(text, out, lexicon)
    out = as_owners_fiscal_years(text, out, fiscal_owner(text, lexicon), budget, lexicon)  # per document: once
    out = years_to_date(doc, text, out, lexicon)
    out = years_to_day(text, out, published, lexicon)
    out = year_to_date_phrases(doc, text, out, published, lexicon, sentences)
    return same_period_dates(text, anchor_relative_dates(out, published, lexicon, text=text), lexicon)


_THIS_YEAR = re.compile(r"^(?:(?:in|for|during|of)\s+)?this\s+(?:fiscal\s+|calendar\s+)?year$", re.I)


def years_to_date(doc: Doc, text: str, dates: list[dict], lexicon: DateLexicon) -> list[dict]:
    """A year the text reads 'so far' ('the deficit so far in fiscal year 2024'), or 'this year' with a past or
    present verb ('741 tornadoes were reported this year'), is the part of it the document reports: its first
    period that starts with the year and ends before the year ends ('the first half of fiscal year 2024',
    'the first seven months of 2000'). A modal keeps the whole year ('sales could reach $2 billion this year')."""
    parts = [d for d in dates if d["resolution"] == "explicit" and d["iso"] and "/" in d["iso"]]
    if not parts or lexicon.to_date is None:
        return dates
    out = []
    for d in dates:
        so_far = bool(d["iso"]) and bool(lexicon.to_date.search(text[max(0, d["start"] - 20):d["start"]]))
        this_year = bool(d["iso"]) and d["resolution"] == "relative" and bool(_THIS_YEAR.match(" ".join(d["text"].split())))
        if (so_far or (this_year and not _under_modal(doc, d))) and _whole_year(d["iso"]):
            part = next((p for p in parts if _starts_year(p["iso"], d["iso"])), None)
            if part is not None:
                d = dict(d, iso=part["iso"])
        out.append(d)
    return out


def years_to_day(text: str, dates: list[dict], published: Optional[str], lexicon: DateLexicon) -> list[dict]:
    """'so far this year' with no reported part of the year (years_to_date) runs from the year's first day to the
    publication date, as the guidelines date 'so far'; 'by this time last year' runs from the first day of the year
    before to the same day of it (corpus/GUIDELINES.md: 'by this time last year' -> 1999-01-01/1999-08-21)."""
    if not published or len(published) < 10 or lexicon.to_day is None:
        return dates
    year, day = int(published[:4]), published[5:10]
    out = []
    for d in dates:
        before = text[max(0, d["start"] - 24):d["start"]]
        if d["iso"] == f"{year:04d}" and lexicon.to_day.search(before) and _THIS_YEAR.match(" ".join(d["text"].split())):
            d = dict(d, iso=f"{year:04d}-01-01/{published[:10]}")
        elif d["iso"] == f"{year - 1:04d}" and lexicon.same_day_back.search(before) \
                and re.fullmatch(r"last\s+year", " ".join(d["text"].split()), re.I):
            d = dict(d, iso=f"{year - 1:04d}-01-01/{year - 1:04d}-{day}")
        out.append(d)
    return out


def year_to_date_phrases(doc: Doc, text: str, dates: list[dict], published: Optional[str], lexicon: DateLexicon,
                         sentences=None) -> list[dict]:
    """'year to date', 'year-to-date', 'YTD' run from the publication year's first day to the publication date, as
    'so far this year' does (years_to_day). spaCy tags them as a bare 'year', as 'year-to-date' that resolves to
    nothing, or not at all: each phrase replaces the dates it overlaps. With no publication day they give none."""
    if not published or len(published) < 10 or lexicon.year_to_date is None:
        return dates
    out = list(dates)
    for m in lexicon.year_to_date.finditer(text):
        start, end = m.span()
        out = [d for d in out if d["end"] <= start or end <= d["start"]]
        sent_start = sentences.of(start)[0] if sentences else doc.char_span(start, end, alignment_mode="expand").sent.start_char
        out.append({"text": m.group(0), "start": start, "end": end, "iso": f"{published[:4]}-01-01/{published[:10]}",
                    "resolution": "relative", "sent_start": sent_start})
    return sorted(out, key=lambda d: d["start"])


def _whole_year(iso: str) -> bool:
    """A calendar year ('2000') or twelve months ('2023-10/2024-09')."""
    return bool(re.fullmatch(r"\d{4}", iso)) or twelve_months_from(iso) is not None


def twelve_months_from(iso: Optional[str]) -> Optional[int]:
    """The first month (1-12) of a month interval of twelve months ('2023-10/2024-09' -> 10), else None."""
    m = re.fullmatch(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)", iso or "")
    if m is None or (int(m.group(3)) * 12 + int(m.group(4))) - (int(m.group(1)) * 12 + int(m.group(2))) != 11:
        return None
    return int(m.group(2))


def _starts_year(part: str, year: str) -> bool:
    """Whether the period ``part`` starts when ``year`` starts and ends before it ends (both ISO)."""
    first, last = (year + "-01", year + "-12") if "/" not in year else tuple(year.split("/"))
    start, end = part.split("/")
    return start[:7] == first[:7] and end[:7] < last[:7] and len(start) == 7 and len(end) == 7


def _under_modal(doc: Doc, d: dict) -> bool:
    """Whether the verb a date hangs on is in a modal ('could reach ... this year', 'is expected to')."""
    span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    for _ in range(4):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return any(c.tag_ == "MD" or c.lower_ == "to" for c in tok.children)
    return False


# A dateline: a paragraph opening with a place in capitals ('WASHINGTON, D.C.,', 'SUGAR LAND, Texas,'), then the
# date, then a dash.
_DATELINE_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'\- ]+(?:,[ \t]*[A-Z][\w.'\- ]*){0,2},?[ \t]*(?:\([\w ]+\)[ \t]*)?$")
_DATELINE_DASH = re.compile(r"[ \t]*(?:--?|\u2013|\u2014)")


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at [start, end) is a dateline's: the guidelines date no figure by a publication line."""
    return bool(_DATELINE_DASH.match(text, end)) and bool(_DATELINE_PLACE.search(text, max(0, start - 60), start))


# Words the NER leaves out of a time frame that change its period: 'in each of the last five years' (the complete
# years), 'within ten years' (a target's years ahead).
_TIME_FRAME_OPENER = re.compile(r"\b(?:each of|within)\s+$", re.I)
# A time frame ahead or over the last complete years places the figures of its own statement only: it is not
# carried to the next sentences ('cut the risks by 25% within ten years. Life expectancy could rise by five years').
_TIME_FRAME = re.compile(r"\b(?:next|within|each of)\b", re.I)

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# A month or a day of a month with no year: 'January', 'in May', 'on May 3', 'May 3rd', 'the 2nd of January'
_YEARLESS = re.compile(rf"^(?:(?:in|on|during|by|until|through|since|at|as\s+of)\s+)?(?:the\s+)?"
                       rf"(?:(?:early|late|mid-?|end-|(?:end|close|start|beginning|middle)\s+of\s+)\s*)?"
                       rf"(?:(?:{_MONTH_NAMES})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\.?)$", re.I)


def years_from_sentence(dates: list[dict], lexicon: Optional[DateLexicon] = None) -> list[dict]:
    """A month or day named without a year takes the year its sentence named before it: 'The worst flood
    of 1997 struck on June 8' is 1997-06-08, 'last year, 216 were reported in January' January of last year; a
    bare month otherwise resolves to the latest such month before publication. A year counted back ('from a year
    earlier in May') is relative to the month, so it lends the month no year."""
    lexicon = lexicon or packaged_date_lexicon()
    out: list[dict] = []
    for d in dates:
        if d["resolution"] == "relative" and d["iso"] and "/" not in d["iso"] and len(d["iso"]) >= 7 \
                and _YEARLESS.match(" ".join(d["text"].split())):
            year = next((a["iso"][:4] for a in reversed(out) if a["sent_start"] == d["sent_start"] and a["iso"]
                         and "/" not in a["iso"] and (len(a["iso"]) == 4 or a["resolution"] == "explicit")
                         and _count_back(a["text"], lexicon) is None), None)
            if year is not None and year != d["iso"][:4]:
                d = dict(d, iso=year + d["iso"][4:])
        out.append(d)
    return out


_UNTIL = re.compile(r"\b(?:through|until|till)\s+$", re.I)


def months_ahead(doc: Doc, text: str, dates: list[dict], published: Optional[str],
                 expectation_verbs: frozenset = frozenset()) -> list[dict]:
    """A month named without a year in a statement about the future is the next such month, not the last one:
    'sanctions could begin in December' (a November 2003 story) and 'expects the bank to cut rates in May' (an
    infinitive of an expectation verb) are the next such month; a need or plan 'through March' in
    the present or a modal runs from the publication month to the next March ('needs $200 million through
    March', published January 2003: 2003-01/2003-03)."""
    out = []
    for d in dates:
        text_of = " ".join(d["text"].split())
        if published and d["resolution"] == "relative" and re.fullmatch(r"\d{4}-\d{2}", d["iso"] or "") \
                and _YEARLESS.match(text_of) and not re.search(r"\d", text_of):
            until = bool(_UNTIL.search(text[max(0, d["start"] - 10):d["start"]]))
            ahead = _verb_ahead(doc, d, present_too=until, expectation_verbs=expectation_verbs)
            month = next_month_named(int(d["iso"][5:7]), published) if ahead else None
            if month is not None and month != d["iso"]:
                iso = f"{published[:7]}/{month}" if until and month > published[:7] else month
                d = dict(d, iso=iso)
        out.append(d)
    return out


_WEEKDAY_ONLY = re.compile(rf"^(?:on\s+)?(?P<day>{'|'.join(_WEEKDAY_NAMES)})$", re.I)


def weekdays_ahead(doc: Doc, dates: list[dict], published: Optional[str],
                   expectation_verbs: frozenset = frozenset()) -> list[dict]:
    """A bare weekday in a statement about the future is the next such day after publication, not the last one:
    'voters will elect 3 councillors on Saturday' (published Thursday 2024-05-16) -> 2024-05-18."""
    if not published or len(published) < 10:
        return dates
    day = dt.date.fromisoformat(published[:10])
    out = []
    for d in dates:
        named = _WEEKDAY_ONLY.match(" ".join(d["text"].split())) if d["resolution"] == "relative" else None
        if named is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", d["iso"] or "") \
                and _verb_ahead(doc, d, present_too=False, expectation_verbs=expectation_verbs):
            ahead = (_WEEKDAY_NAMES.index(named.group("day").lower()) - day.weekday() - 1) % 7 + 1
            d = dict(d, iso=(day + dt.timedelta(days=ahead)).isoformat())
        out.append(d)
    return out


def _verb_ahead(doc: Doc, d: dict, present_too: bool, expectation_verbs: frozenset = frozenset()) -> bool:
    """Whether the verb a date hangs on speaks of the future: a modal or 'will' ('could begin in December'), the
    infinitive of an expectation verb ('expects the bank to cut rates in May', 'is forecast to peak in July'), or,
    when ``present_too``, the present ('needs ... through March')."""
    span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    for _ in range(4):
        if tok is None:
            return False
        if tok.pos_ in ("VERB", "AUX"):
            tags = [c.tag_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if "TO" in tags and tok.head.i != tok.i and tok.head.lemma_.lower() in expectation_verbs:
                return True
            return "MD" in tags or (present_too and not tags and tok.tag_ in ("VBZ", "VBP"))
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_TRIM_REACH = 2  # leading tokens an unresolvable DATE entity may lose: 'Mars Sunday, Jan. 15, 2004'


_PERIOD_ADJECTIVE = re.compile(r"(?<=[a-z])-(?=(?:quarter|half)\b)", re.I)  # 'third-quarter revenue' names the third quarter


def _resolved_part(ent, published: Optional[str], parser, lexicon: DateLexicon):
    """The entity and its value; when the NER ran a name into the date ('on Titan Friday, Feb. 6, 2009'), the
    entity without its first token or two, if that part resolves."""
    iso, how = resolve_date(_PERIOD_ADJECTIVE.sub(" ", ent.text), published, parser=parser)
    if iso is not None or _count_back(ent.text, lexicon) is not None:
        return ent, iso, how
    for k in range(1, min(_TRIM_REACH, len(ent) - 1) + 1):
        if _count_back(ent[k:].text, lexicon) is not None:  # '9% more than a year earlier': the NER took 'more than'
            return ent[k:], None, None
    for k in range(1, min(_TRIM_REACH, len(ent) - 1) + 1):
        part = ent[k:]
        if not re.search(r"\d", part.text):
            break
        iso, how = resolve_date(part.text, published, parser=parser)
        if iso is not None:
            return part, iso, how
    iso = weekend_or_year_end(ent.text, published, lexicon)
    return ent, iso, "relative" if iso is not None else None


def weekend_or_year_end(text: str, published: Optional[str], lexicon: DateLexicon) -> Optional[str]:
    """'over the weekend' is the Saturday and Sunday before the publication day; 'by the end of the year' (or
    'of next year', 'year-end') is the year a target is set for, the publication's or the next (the guidelines date
    a target by its year); 'the end of last year' is its December, as 'the end of 2019' reads. None with no
    publication date."""
    t = " ".join(text.split())
    if not published or len(published) < 10:
        return None
    if lexicon.weekend is not None and lexicon.weekend.match(t):
        day = dt.date.fromisoformat(published[:10])
        sunday = day - dt.timedelta(days=(day.weekday() + 1) % 7 or 7)
        return f"{sunday - dt.timedelta(days=1)}/{sunday}"
    end = lexicon.year_end.match(t) if lexicon.year_end is not None else None
    if end is not None:
        which = (end.group("which") or "").lower()
        if which == "last":  # a past point, as 'the end of 2019' reads: its December
            return f"{int(published[:4]) - 1:04d}-12"
        return f"{int(published[:4]) + (1 if which == 'next' else 0):04d}"
    return None


def _count_back(text: str, lexicon: DateLexicon) -> Optional[dict]:
    """{'years': -1} for 'a year earlier' and its kin, {'months': -1} for 'the previous month', else None."""
    t = re.sub(r"^(?:in|during|for|from|over|than|with)\s+", "", " ".join(text.lower().split()))
    for form in (t, re.sub(r"^the\s+", "", t)):
        if form in lexicon.year_back:
            return {"years": -1}
        if form in lexicon.month_back:
            return {"months": -1}
        if form in lexicon.quarter_back:
            return {"months": -3, "quarter": True}
        if form in lexicon.week_back:
            return {"days": -7}
    return _units_back(t, lexicon)


def counts_back(text: str, lexicon: Optional[DateLexicon] = None) -> bool:
    """Whether the phrase counts back from another date ('a year earlier', 'three months before'), for the slots
    that must keep it out of what they read."""
    return _count_back(text, lexicon or packaged_date_lexicon()) is not None


# 'two years ago', 'a decade ago': a time counted back from publication (resolve_date reads it)
_AGO = re.compile(rf"(?:a|an|\d{{1,2}}|{_alternation(list(COUNT_WORDS))})\s+(?:year|month|quarter|decade|week|day)s?\s+ago", re.I)


def counted_back_or_ago(text: str, lexicon: Optional[DateLexicon] = None) -> bool:
    """Whether the phrase counts back from another date or from now ('a year earlier', 'two years ago'): what the
    NER runs a bare count into ('up from 9 two years ago')."""
    return counts_back(text, lexicon) or bool(_AGO.fullmatch(" ".join(text.split())))


_UNIT_BACK = {"year": {"years": -1}, "decade": {"years": -10}, "quarter": {"months": -3}, "month": {"months": -1},
              "week": {"days": -7}}


def _units_back(t: str, lexicon: DateLexicon) -> Optional[dict]:
    """{'months': -3} for 'three months earlier', {'days': -7} for 'the week before', {'years': -20} for 'two decades
    earlier': N units before the date the phrase is relative to ('the' and 'a' are one)."""
    m = lexicon.units_back.fullmatch(t) if lexicon.units_back is not None else None
    if m is None:
        return None
    n = m.group("n").lower()
    n = int(n) if n.isdigit() else COUNT_WORDS.get(n, 1)
    if not 0 < n <= 24:
        return None
    return {k: v * n for k, v in _UNIT_BACK[m.group("unit").lower()].items()}


def window(text: str, lexicon: DateLexicon) -> Optional[dict]:
    """{'n': 3, 'unit': 'months', 'to': False} for 'the prior three months' (the N units right before its anchor),
    {'n': 12, 'unit': 'months', 'to': True} for 'the past year' (the twelve months to its anchor), else None."""
    t = " ".join(text.split())
    back = lexicon.window_back.match(t)
    if back is not None:
        n = back.group("n").lower()
        n = int(n) if n.isdigit() else COUNT_WORDS[n]
        return {"n": n, "unit": back.group("unit").lower(), "to": False} if 0 < n <= 24 else None
    return {"n": 12, "unit": "months", "to": True} if lexicon.window_to.match(t) else None


def anchor_relative_dates(dates: list[dict], published: Optional[str],
                          lexicon: Optional[DateLexicon] = None, *, text: Optional[str] = None) -> list[dict]:
    """'a year earlier', 'the same quarter last year', 'the previous month' count back from the date they are
    relative to, the latest earlier date of their sentence, and keep its precision: 'exports were $2 billion in
    March, up from $1.5 billion a year earlier' dates the $1.5 billion March of the year before, not the whole year.
    With no such date they count back from the publication date (the year, or the month, before it). Windows ('the
    prior three months', 'the past year') are read by :func:`windowed`."""
    lexicon = lexicon or packaged_date_lexicon()
    out: list[dict] = []
    for d in dates:
        span = window(d["text"], lexicon) if d["iso"] is None else None
        if span is not None:
            d = windowed(d, span, out, published, text)
            if d is not None:
                out.append(d)
            continue
        named = lexicon.named_month_back.match(" ".join(d["text"].split())) if d["iso"] is None else None
        if named is not None:
            d = _named_month_back(d, MONTHS[named.group("month").lower()], out, published)
            if d is not None:
                out.append(d)
            continue
        last = lexicon.last_named_month.match(" ".join(d["text"].split())) \
            if d["iso"] is None and lexicon.last_named_month is not None else None
        if last is not None:
            d = _last_named_month(d, MONTHS[last.group("month").lower()], published)
            if d is not None:
                out.append(d)
            continue
        back = _count_back(d["text"], lexicon)
        anchor = next((a for a in reversed(out) if a["sent_start"] == d["sent_start"] and "anchored_to" not in a), None)
        if back and anchor is None and text is not None:  # 'rose 4% from a year earlier in May': relative to May
            anchor = _period_right_after(d, dates, text)
        if back and back.pop("quarter", False):
            anchor = anchor if anchor is not None and _is_quarter(anchor["iso"]) else None  # 'the previous quarter' of a quarter
            if anchor is None:
                out.append(d)  # the quarter before the publication's, as read
                continue
        if back and back.get("days"):  # 'the week before' a week or a day the sentence names, else as read
            if anchor is not None and _days_back(anchor["iso"], back["days"]) is not None:
                d = dict(d, iso=_days_back(anchor["iso"], back["days"]), resolution=anchor["resolution"],
                         anchored_to=[anchor["start"], anchor["end"]])
            if d["iso"] is not None:
                out.append(d)
            continue
        if back and anchor is not None and (back.get("years") or len(anchor["iso"].split("/")[0]) >= 7):
            d = dict(d, iso=shift_iso(anchor["iso"], **back), resolution=anchor["resolution"],
                     anchored_to=[anchor["start"], anchor["end"]])
        elif d["iso"] is None:
            base = None if not published else published[:4] if back.get("years") else published[:7]
            if base is None or len(base) < (4 if back.get("years") else 7):
                continue
            d = dict(d, iso=shift_iso(base, **back), resolution="relative")
        out.append(d)
    return out


def _days_back(iso: Optional[str], days: int) -> Optional[str]:
    """A day or a span of days moved back by whole days; None for a month or a year, which have no such days."""
    parts = (iso or "").split("/")
    if not all(re.fullmatch(r"\d{4}-\d\d-\d\d", p) for p in parts):
        return None
    return "/".join((dt.date.fromisoformat(p) + dt.timedelta(days=days)).isoformat() for p in parts)


_PERIOD_LINK = re.compile(r"\s*,?\s*(?:in|for|during)\s*$", re.I)


def _period_right_after(d: dict, dates: list[dict], text: str) -> Optional[dict]:
    """The resolved date that follows a counted-back phrase with only 'in', 'for' or 'during' between ('a year
    earlier in May'): the period the phrase counts back from when its sentence names none before it."""
    k = next((i for i, a in enumerate(dates) if a["start"] >= d["end"]), None)
    if k is None:
        return None
    after = dates[k]
    if after["sent_start"] != d["sent_start"] or not after["iso"] or not _PERIOD_LINK.fullmatch(text[d["end"]:after["start"]]):
        return None
    return after


def _last_named_month(d: dict, month: int, published: Optional[str]) -> Optional[dict]:
    """'last October' is the latest October before the publication month (published May 2019 -> 2018-10; 'last
    May' -> 2018-05); with no publication date, no date."""
    if not published or len(published) < 7:
        return None
    year = int(published[:4]) - (1 if month >= int(published[5:7]) else 0)
    return dict(d, iso=f"{year:04d}-{month:02d}", resolution="relative")


def _is_quarter(iso: Optional[str]) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)", iso or "")
    return m is not None and (int(m.group(3)) * 12 + int(m.group(4))) - (int(m.group(1)) * 12 + int(m.group(2))) == 2


def _named_month_back(d: dict, month: int, earlier: list[dict], published: Optional[str]) -> Optional[dict]:
    """'a gain of 0.7 percent over the previous June' is the latest June before the month it is relative to: its
    sentence's latest month or day, else the latest month (not a day) the text has named before it (a monthly
    release's month), else publication's. A comparison's other side, so marked as anchored to that month."""
    months = [a for a in reversed(earlier) if a["iso"] and "/" not in a["iso"] and len(a["iso"]) >= 7 and "anchored_to" not in a]
    same = [a for a in months if a["sent_start"] == d["sent_start"]]
    named = [a for a in months if len(a["iso"]) == 7]  # a release's day is not the month it reports on
    anchor = same[0] if same else max(named, key=lambda a: a["iso"]) if named else None
    base = anchor["iso"][:7] if anchor is not None else published[:7] if published and len(published) >= 7 else None
    if base is None:
        return None
    year = int(base[:4]) - (1 if month >= int(base[5:7]) else 0)
    span = [anchor["start"], anchor["end"]] if anchor is not None else [d["start"], d["start"]]
    return dict(d, iso=f"{year:04d}-{month:02d}", resolution="relative", anchored_to=span)


_UNIT_MONTHS = {"months": 1, "quarters": 3, "years": 12}


def windowed(d: dict, span: dict, earlier: list[dict], published: Optional[str], text: Optional[str]) -> Optional[dict]:
    """A window's interval, in months. 'the prior three months' after 'in June 2008' is 2008-03/2008-05, the units
    right before its anchor: the latest earlier month (for quarters, the quarter; for years, the year) of its
    sentence, else the publication's. 'the past year' after months of its paragraph ('rose 2 percent in June
    2008, after 1 percent in May. Prices advanced 11 percent over the past year') runs to the latest of them,
    2007-06/2008-06, as the guidelines date 'the 12 months to June'; with none, None: the publication month is no
    reference period."""
    single = [a for a in reversed(earlier) if a["iso"] and "/" not in a["iso"] and "anchored_to" not in a]
    if span["to"]:
        months = [a["iso"][:7] for a in single if len(a["iso"]) >= 7 and (text is None or "\n\n" not in text[a["end"]:d["start"]])]
        if not months:
            return None
        end = max(months)
        return dict(d, iso=f"{shift_iso(end, months=-12)}/{end}", resolution="relative", window=span)
    step = _UNIT_MONTHS[span["unit"]]
    same = [a for a in single if a["sent_start"] == d["sent_start"]]
    if span["unit"] == "years":
        anchor = next((a["iso"][:4] for a in same), published[:4] if published else None)
        if anchor is None:
            return None
        first, last = int(anchor) - span["n"], int(anchor) - 1
        return dict(d, iso=str(first) if first == last else f"{first}/{last}", resolution="relative", window=span)
    anchor = next((a["iso"][:7] for a in same if len(a["iso"]) >= 7), published[:7] if published and len(published) >= 7 else None)
    if anchor is None:
        return None
    if step == 3:  # the quarter the anchor month falls in
        anchor = shift_iso(anchor, months=-((int(anchor[5:7]) - 1) % 3))
    first, last = shift_iso(anchor, months=-step * span["n"]), shift_iso(anchor, months=-1)
    return dict(d, iso=first if first == last else f"{first}/{last}", resolution="relative", window=span)


# Fiscal years written as codes ('FY2024', 'FY 2020', "FY'24", 'fiscal 2025') and year pairs ('2013/14'), which the
# NER often leaves unlabelled or calls a number.
_FISCAL_CODE = re.compile(r"\b(?:FY|F\.Y\.|[Ff]iscal(?:\s+[Yy]ear)?)\s?'?(?:\d{4}|\d{2})\b")
_YEAR_PAIR_IN_TEXT = re.compile(r"(?<![\d/])(?:19|20)\d\d/\d\d(?:\d\d)?(?![\d/])")


def _fiscal_year_codes(doc: Doc, text: str, found: list[dict], mentions: list[tuple[int, int]],
                       sentences) -> list[dict]:
    """The codes no date of ``found`` covers; a code wider than the date the NER found inside it ('F.Y.' + '2016')
    replaces it (the caller drops the dates a code covers)."""
    taken = [(d["start"], d["end"]) for d in found]
    out = []
    for m in [*_FISCAL_CODE.finditer(text), *_YEAR_PAIR_IN_TEXT.finditer(text)]:
        start, end = m.span()
        if any(s < end and start < e and not (start <= s and e <= end and (s, e) != (start, end)) for s, e in taken) \
                or any(s < end and start < e for s, e in mentions):
            continue
        iso, how = resolve_date(m.group(0))
        if iso is None:
            continue
        out.append({"text": m.group(0), "start": start, "end": end, "iso": iso, "resolution": how,
                    "sent_start": sentences.of(start)[0] if sentences else doc.char_span(start, end, alignment_mode="expand").sent.start_char})
    return out


# Quarter and half codes ('Q3', 'H1', '1Q25', 'Q4 2023'), which the NER calls a product, a number or nothing.
_PERIOD_CODE_IN_TEXT = re.compile(r"(?<![\w-])(?:[QH][1-4]|[1-4][QH]|(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)-(?:quarter|half))(?:\s?'?\d{2}(?![\w-])|\s(?:19|20)\d\d(?![\w-]))?(?![\w-])")


def _period_codes(doc: Doc, text: str, found: list[dict], mentions: list[tuple[int, int]], published: Optional[str],
                  sentences, lexicon: DateLexicon) -> list[dict]:
    """The quarter and half codes no date of ``found`` covers, where the words around them make them a period (a
    year in the code, an opener before it or a period noun after it: 'In Q1,', 'the Q3 results', 'Q4 earnings');
    a code wider than a date inside it ('Q3 2024' around '2024') replaces it, as fiscal codes do."""
    if lexicon.period_code_before is None or lexicon.period_code_after is None:
        return []
    taken = [(d["start"], d["end"]) for d in found]
    out = []
    for m in _PERIOD_CODE_IN_TEXT.finditer(text):
        start, end = m.span()
        if any(s < end and start < e and not (start <= s and e <= end and (s, e) != (start, end)) for s, e in taken) \
                or any(s < end and start < e for s, e in mentions):
            continue
        fiscal = _next_to_fiscal_code(text, start, end)
        if fiscal is not None:  # 'FY2025 Q3', 'Q3 FY25': a quarter of that fiscal year, not of the calendar
            start, end = fiscal
        elif "-" in m.group(0):  # 'first-half results', not a match's 'the first-half' or 'second-half comeback'
            if not lexicon.period_code_after.match(text, end):
                continue
        elif not (" " in m.group(0) or lexicon.period_code_before.search(text[max(0, start - 20):start])
                  or lexicon.period_code_after.match(text, end)):
            continue
        iso, how = resolve_date(_PERIOD_ADJECTIVE.sub(" ", text[start:end]), published)
        if iso is None:
            continue
        out.append({"text": text[start:end], "start": start, "end": end, "iso": iso, "resolution": how,
                    "sent_start": sentences.of(start)[0] if sentences else doc.char_span(start, end, alignment_mode="expand").sent.start_char})
    return out


def _next_to_fiscal_code(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """The span of a quarter code and the fiscal-year code right before or after it, if one is there."""
    before = next((f for f in _FISCAL_CODE.finditer(text, max(0, start - 16), start) if f.end() == start - 1), None)
    if before is not None and text[before.end()] == " ":
        return before.start(), end
    after = _FISCAL_CODE.match(text, end + 1) if text[end:end + 1] == " " else None
    return (start, after.end()) if after is not None else None


def budget_story(text: str, dates: list[dict], lexicon: Optional[DateLexicon] = None) -> bool:
    """Whether the text frames its figures as budget years: it speaks of fiscal or budget years ('fiscal year
    2024', 'FY 2020', 'the new budget year starts October first')."""
    frame = (lexicon or packaged_date_lexicon()).fiscal_frame
    return bool(frame.search(text)) or any(_FISCAL_CODE.search(d["text"]) for d in dates)


# A plain year as a budget year: '2008', 'two thousand eight', 'this year', 'for last year'; not 'the end of the
# year', 'the years 2020 and 2021' (calendar years, the guidelines' 010) or a year inside a period.
_PLAIN_YEAR = re.compile(r"^(?:(?:in|for|during|of|over)\s+)?(?:the\s+)?(?:\d{4}|(?:this|last|next|current|coming|previous)\s+year"
                         r"|two[\s-]thousand(?:[\s-](?:and[\s-])?[a-z]+(?:-[a-z]+)?)?|nineteen[\s-][a-z]+(?:-[a-z]+)?)$", re.I)


def as_fiscal_years(text: str, dates: list[dict], lexicon: Optional[DateLexicon] = None) -> list[dict]:
    """In a budget story the plain years are fiscal years, as the guidelines date them ('for two thousand eight'
    -> 2007-10/2008-09, 'this year' -> the fiscal year of publication); a year a total runs 'since' stays a
    calendar year ('since the merger in two thousand five')."""
    since = (lexicon or packaged_date_lexicon()).fiscal_since
    out = []
    for d in dates:
        if d["iso"] and re.fullmatch(r"\d{4}", d["iso"]) and _PLAIN_YEAR.match(" ".join(d["text"].split())) \
                and not since.search(text[max(0, d["start"] - 40):d["start"]]):
            d = dict(d, iso=fiscal_year(int(d["iso"])))
        out.append(d)
    return out


_YEAR_PAIR = re.compile(r"^(?:(?:in|for|during|of)\s+)?(?:the\s+)?(?:1[6-9]|20)\d\d(?P<sep>[/\-\u2013])\d\d(?:\d\d)?$")


def fiscal_owner(text: str, lexicon: DateLexicon) -> Optional[tuple[int, str]]:
    """Whose fiscal years the text's are, as (start month, 'start' or 'end', the year that names one): the kind of
    government whose cues it names most, a US state's only when it names a state; None for the US federal year
    (the cues' tie or none)."""
    counts = {kind: len(cues.findall(text)) for kind, (_, _, cues) in lexicon.fiscal_owners.items()}
    states = lexicon.state_names.findall(text)
    if not states:
        counts["us_state"] = 0
    kind = max(counts, key=lambda k: (counts[k], k == "us_federal"))
    if kind == "us_federal" or counts[kind] == 0:
        return None
    month, named_by, _ = lexicon.fiscal_owners[kind]
    if kind == "us_state":
        state = max(set(states), key=states.count)
        month = lexicon.fiscal_state_start.get(state, month)
    return month, named_by


def as_owners_fiscal_years(text: str, dates: list[dict], owner: Optional[tuple[int, str]], budget: bool,
                           lexicon: DateLexicon) -> list[dict]:
    """The text's fiscal years as its owner's (:func:`fiscal_owner`): 'fiscal 2025' of a US state is 2024-07/2025-06,
    of Japan 2025-04/2026-03; a year pair '2013/14' (or '2022-23' in a text about budgets or fiscal years) is the
    owner's fiscal year starting in its first year, else it stays the calendar years (corpus/GUIDELINES.md, non-US
    fiscal years)."""
    if owner is None:
        return dates
    month, named_by = owner
    fiscal_text = budget or bool(lexicon.fiscal_word.search(text))
    out = []
    for d in dates:
        flat = " ".join(d["text"].split())
        pair = _YEAR_PAIR.match(flat) if d["iso"] and re.fullmatch(r"\d{4}/\d{4}", d["iso"]) else None
        if pair is not None and int(d["iso"][5:]) == int(d["iso"][:4]) + 1 and (pair.group("sep") == "/" or fiscal_text):
            first = int(d["iso"][:4])
            d = dict(d, iso=f"{first}-{month:02d}/{first + 1}-{month - 1 or 12:02d}")
        elif _federal_fiscal(d, flat, budget, lexicon):
            d = dict(d, iso=_shift_interval(d["iso"], month - 10 + (12 if named_by == "start" else 0)))
        out.append(d)
    return out


def _federal_fiscal(d: dict, flat: str, budget: bool, lexicon: DateLexicon) -> bool:
    """Whether a date was read as a US federal fiscal period: a month interval from fiscal words ('fiscal 2025',
    'the first half of FY2025', not 'the fiscal year that ends in September 2025') or a plain year of a budget story."""
    if not d["iso"] or not re.fullmatch(r"\d{4}-\d\d/\d{4}-\d\d", d["iso"]) or d["resolution"] != "explicit":
        return False
    if lexicon.fiscal_word.search(flat):
        return not re.search(rf"\b(?:{_MONTH_NAMES})\b", flat, re.I)
    return budget and bool(_PLAIN_YEAR.match(flat))


def _shift_interval(iso: str, months: int) -> str:
    start, end = iso.split("/")
    return f"{shift_iso(start, months=months)}/{shift_iso(end, months=months)}"


def same_period_dates(text: str, dates: list[dict], lexicon: Optional[DateLexicon] = None) -> list[dict]:
    """'the same period in fiscal year 2023' after 'from October through March' is October to March of fiscal
    2023: the finer period before it in its sentence, moved into the coarser year it names; so is each year of a
    list after it ('the same periods in 2019 and 2018'). Marked as anchored to that period, as a 'year earlier' is."""
    pattern = (lexicon or packaged_date_lexicon()).same_period_before
    out: list[dict] = []
    for d in dates:
        listed = out[-1] if out and "anchored_to" in out[-1] and _LIST_GAP.match(text[out[-1]["end"]:d["start"]]) else None
        if d["iso"] and "anchored_to" not in d and (listed is not None or pattern.search(text[max(0, d["start"] - 40):d["start"]])):
            anchor = next((a for a in reversed(out) if a["sent_start"] == d["sent_start"] and a["iso"]
                           and "anchored_to" not in a and _finer_within_a_year(a["iso"], d["iso"])), None)
            if anchor is not None:
                shift = int(d["iso"].split("/")[-1][:4]) - int(anchor["iso"].split("/")[-1][:4])
                d = dict(d, iso=shift_iso(anchor["iso"], years=shift), anchored_to=[anchor["start"], anchor["end"]])
        out.append(d)
    return out


_LIST_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or)\s+)?$")  # between two items of a list: ', ', ' and ', ', and '


def _finer_within_a_year(finer: str, coarser: str) -> bool:
    """Whether ``finer`` spans fewer months than ``coarser``, a year or a fiscal year, and at most a year itself."""
    def months(iso: str) -> Optional[int]:
        a, b = iso.split("/")[0], iso.split("/")[-1]
        if len(a) == 4 and len(b) == 4:
            return 12 * (int(b) - int(a) + 1)
        if len(a) >= 7 and len(b) >= 7:
            return (int(b[:4]) * 12 + int(b[5:7])) - (int(a[:4]) * 12 + int(a[5:7])) + 1
        return None
    f, c = months(finer), months(coarser)
    return f is not None and c is not None and f < c and f <= 12 and c == 12


_ORDINALS = read_lexicon("ordinals")["words"]
# 'compared with 2.0 percent in the second': an ordinal whose period noun the sentence gave before it
_ELIDED = re.compile(r"\b(?:in|for|during|from|than|over|with) the (?P<ord>" + "|".join(map(re.escape, _ORDINALS))
                     + r")(?=\s*(?:[.,;:)!?]|$))", re.I)
_PARTS = {3: 4, 6: 2}  # months in a quarter, a half -> parts in a year


def _elided_periods(text: str, found: list[dict], mentions: list[tuple[int, int]]) -> list[dict]:
    """'rose 1.3 percent in the third quarter, compared with 2.0 percent in the second': the second quarter, of
    the same year when it comes before the named one, else of the year before ('in the first quarter, after a
    fall in the fourth'). The other side of a comparison with the named period ('compared_to'): only the figure
    that owns it takes it, it is carried to no later figure, and it makes no change's period, since each side of
    the comparison is a rate of its own period."""
    out = []
    for d in found:
        months = _months_of(d["iso"])
        if months is None or months[1] not in _PARTS or (months[0] - 1) % months[1]:
            continue
        size, named = months[1], (months[0] - 1) // months[1] + 1
        end = _sentence_end(text, d["end"])
        for m in _ELIDED.finditer(text, d["end"], end):
            part = _ORDINALS[m.group("ord").lower()]
            if part > _PARTS[size] or part == named or any(s < m.end() and m.start() < e for s, e in mentions):
                continue
            year = int(d["iso"][:4]) - (1 if part > named else 0)
            first = f"{year:04d}-{size * (part - 1) + 1:02d}"
            start = m.start() + m.group(0).lower().index("the")
            out.append({"text": text[start:m.end()], "start": start, "end": m.end(), "resolution": d["resolution"],
                        "iso": f"{first}/{shift_iso(first, months=size - 1)}", "sent_start": d["sent_start"],
                        "compared_to": [d["start"], d["end"]]})
    return out


def _months_of(iso: Optional[str]) -> Optional[tuple[int, int]]:
    """(first month, number of months) of a month interval within one year, else None."""
    m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", iso or "")
    if not m or m.group(1) != m.group(3):
        return None
    return int(m.group(2)), int(m.group(4)) - int(m.group(2)) + 1


# Broadcast copy spells years out ("in two-thousand-three"), which the NER often leaves unlabelled. Only after
# a preposition and before a clause boundary, so "two thousand dollars" is never a year.
_SPOKEN_YEAR_DATE = re.compile(
    r"\b(?:in|during|for|since|by|until|through|of|from|to)\s+"
    r"(?P<year>two[\s-]thousand(?:[\s-](?:and[\s-])?[a-z]+(?:-[a-z]+)?)?|nineteen[\s-][a-z]+(?:-[a-z]+)?)"
    r"(?=\s*(?:[.,;:)!?]|$|\s(?:and|to|through|until|when|while|but|compared|from|after|before|than)\b))", re.I)


def _spoken_years(doc: Doc, text: str, date_ents: list, found: list[dict], mentions: list[tuple[int, int]],
                  published: Optional[str], sentences) -> list[dict]:
    taken = [(d["start"], d["end"]) for d in found] + [(e.start_char, e.end_char) for e in date_ents]
    out = []
    for m in _SPOKEN_YEAR_DATE.finditer(text):
        start, end = m.span("year")
        if any(s < end and start < e for s, e in taken) or any(s < end and start < e for s, e in mentions):
            continue
        iso, how = resolve_date(m.group("year"), published)
        if iso is None or not re.fullmatch(r"\d{4}", iso):
            continue
        out.append({"text": m.group("year"), "start": start, "end": end, "iso": iso, "resolution": how,
                    "sent_start": sentences.of(start)[0] if sentences else doc.char_span(start, end, alignment_mode="expand").sent.start_char})
    return out


_PERIOD_JOIN = re.compile(r"^\s*(?:to|through|until|and|-|\u2013)\s*$", re.I)
_PERIOD_OPEN = re.compile(r"\b(?:from|between)\s*$", re.I)
_AND_JOIN = re.compile(r"^\s*(?:and\s*)?$", re.I)  # 'June and July', or the NER's 'the years 2020 and' + '2021'
# 'the fiscal year' + 'that ends in' + 'September', which the NER gives as two entities with a gap
_YEAR_WORD = re.compile(r"^(?:the\s+)?(?:current\s+|next\s+|last\s+)?(?:fiscal|financial|budget)\s+year$", re.I)
_YEAR_END = re.compile(r"^\s*(?:(?:that|which)\s+)?(?:ends|ended|ending|to|through)(?:\s+(?:in|on))?\s*$", re.I)


# A quarter or half without its year, which the NER parts from the year after it ('Fourth-quarter' + '2024')
_YEARLESS_PART = re.compile(r"(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:quarter|half)|[QH][1-4]", re.I)


def _join_periods(text: str, dates: list[dict], published: Optional[str] = None, parser=None,
                  lexicon: Optional[DateLexicon] = None) -> list[dict]:
    """'from 2015 to 2020' as one period, where the parser gave two DATE entities; so are two adjacent months or
    years joined by 'and' ('in June and July', 'the years 2020 and 2021': the guidelines date their figures over
    both), and 'the fiscal year that ends in September'. Not two dates that 'respectively' pairs with two figures
    ('rose 4% and 6% in 2019 and 2020, respectively')."""
    respectively = (lexicon or packaged_date_lexicon()).respectively
    out: list[dict] = []
    for d in dates:
        prev = out[-1] if out else None
        paired = prev is not None and respectively.search(text, prev["sent_start"], _sentence_end(text, d["end"]))
        joined = _joined(text, prev, d, published, parser) if prev is not None and not paired else None
        if joined is not None:
            out[-1] = joined
            continue
        out.append(d)
    return out


def _joined(text: str, prev: dict, d: dict, published: Optional[str], parser) -> Optional[dict]:
    between = text[prev["end"]:d["start"]]
    whole = dict(prev, text=text[prev["start"]:d["end"]], end=d["end"],
                 resolution="explicit" if "explicit" in (prev["resolution"], d["resolution"]) else "relative")
    if _YEAR_WORD.match(prev["text"]) and _YEAR_END.match(between) and d["iso"] is not None:
        iso, how = resolve_date(whole["text"], published, parser=parser)
        return dict(whole, iso=iso, resolution=how) if iso is not None else None
    if prev["iso"] is None or d["iso"] is None:
        return None
    if _YEARLESS_PART.fullmatch(" ".join(prev["text"].split())) and between == " " and re.fullmatch(r"\d{4}", d["text"]):
        iso, how = resolve_date(_PERIOD_ADJECTIVE.sub(" ", whole["text"]), published, parser=parser)  # 'Fourth-quarter 2024'
        return dict(whole, iso=iso, resolution=how) if iso is not None else None
    if _PERIOD_JOIN.match(between) and _PERIOD_OPEN.search(text[max(0, prev["start"] - 10):prev["start"]]):
        return dict(whole, iso=period(prev["iso"], d["iso"]))
    if _AND_JOIN.match(between) and (" and" in between.lower() or prev["text"].lower().endswith(" and")) \
            and _next_unit(prev["iso"]) == d["iso"]:
        return dict(whole, iso=period(prev["iso"], d["iso"]))
    return None


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence running on at ``start`` ends (a full stop and a space, or a paragraph break)."""
    m = re.compile(r"[.!?](?:\s|$)|\n\n").search(text, start)
    return m.end() if m else len(text)


def _next_unit(iso: str) -> Optional[str]:
    """The year after a year, the month after a month; None for days and intervals."""
    if re.fullmatch(r"\d{4}", iso):
        return shift_iso(iso, years=1)
    if re.fullmatch(r"\d{4}-\d{2}", iso):
        return shift_iso(iso, months=1)
    return None


def period(a: str, b: str) -> str:
    """The interval covering two ISO dates or intervals: ('2019-02', '2020-02') -> '2019-02/2020-02'."""
    starts = [x.split("/")[0] for x in (a, b)]
    ends = [x.split("/")[-1] for x in (a, b)]
    start, end = min(starts), max(ends)
    return start if start == end else f"{start}/{end}"
