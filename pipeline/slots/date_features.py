"""A figure's date candidates with their features and the rules' order.

:func:`date_candidates` runs every proposer of :mod:`newsclaims.slots.date_proposers`, adds the features of each
(figure, candidate) pair and ranks the candidates as the rules did before there was a ranker (``rule_rank``),
so the rules-only ranker reproduces them and the trained one can use their order as evidence.
"""
from __future__ import annotations

import bisect
import math
import re
from typing import Optional

from newsclaims.slots.candidates import (NULL, Candidate, ProposerFiller, any_between, bucket, rank_features,
                                        sentences_bucket)
from newsclaims.slots.date_proposers import PROPOSERS, DateFrame, _governing_verb, distance, tense

# The rules' cascade: the date a 'respectively' pairs with the figure, a duration running up to a time the text gives (from that end minus N to the end), a change's
# baseline period (from its sentence's dates, else from its baseline to the date its context gives), a total since a
# date (to publication), the date the figure owns, the nearest free date of its sentence that is no comparison's
# baseline, a 'now' word, an election story's date of its results for a result figure, the date carried from earlier
# in the paragraph (not to a present-tense or quoted figure), the document's reference period (for a past-tense
# figure, or a money figure of a budget story), else none. What the rules never chose (headline dates, present
# tense, a date another figure owns) ranks after the null candidate.
RULE_ORDER = ("respective", "streak", "duration_end", "baseline", "baseline_context", "since", "owned", "sentence", "now_word", "election", "carry", "reference", NULL)
_DISTANCE_BUCKETS = (3, 15, 40, 120, 400)  # characters; the last bucket is 'further'
_LOG_SCALE = math.log1p(1000)
# Proposers whose candidates stand away from the figure (or nowhere): what the figure itself says and the kind
# of date they offer get a weight of their own for each of them.
_CROSSED = frozenset({NULL, "carry", "headline", "publication", "present_tense", "now_word", "next_sentence", "reference",
                      "election"})
_MARKER_REACH = 30  # a comparison marker this close before a date is 'right before' it


def date_candidates(frame: DateFrame, mi: int) -> list[Candidate]:
    """Every proposer's candidates for the figure ``mi``, with features, in the rules' order."""
    return [cand.with_features({**pair_features(frame, mi, cand), **rank_features(rank)})
            for rank, cand in enumerate(_in_rules_order(frame, mi))]


def rules_candidates(frame: DateFrame, mi: int) -> list[Candidate]:
    """Every proposer's candidates in the rules' order with only their rank as features: all the rules-only ranker
    reads, without the pair features it never weighs."""
    return [cand.with_features(rank_features(rank)) for rank, cand in enumerate(_in_rules_order(frame, mi))]


def _in_rules_order(frame: DateFrame, mi: int) -> list[Candidate]:
    raw = [c for propose in PROPOSERS.values() for c in propose(frame, mi)]
    return sorted(raw, key=lambda c: rule_key(frame, mi, c))


def rule_key(frame: DateFrame, mi: int, cand: Candidate) -> tuple:
    """Sort key of the rules' order (smaller first); ties as the rules broke them: nearer, then earlier."""
    near = distance(frame.mentions[mi], *cand.span) if cand.span is not None else 0
    start = cand.span[0] if cand.span is not None else 0
    proposer = cand.proposer
    if proposer == "sentence" and ((frame.date_at.get(cand.span) in frame.owner and not _owned_by_new_level(frame, mi, cand))
                                   or _baseline_marked(frame, cand.span)
                                   or _since_marked(frame, cand.span) or _in_modifier_clause(frame, mi, cand)
                                   or _other_verbs_deadline(frame, mi, cand)):
        proposer = "taken"  # another figure's date, a comparison's baseline ("$1 billion more than in 2019"), a start
    if proposer == "present_tense" and cand.features.get("still_word") \
            and tense(_governing_verb(frame.doc, frame.mentions[mi])) in ("present", "modal"):
        proposer = "now_word"  # 'still', 'already' date a present or modal figure ('31 still remain missing')
    if proposer == "now_word" and _inside_figure_phrase(frame, mi, cand):
        proposer = "now_unused"  # '54% of currently enrolled students had ...': 'currently' describes the group
    if proposer in _RELEASE_DAY_UNUSED and _release_day(frame, cand):
        proposer = _RELEASE_DAY_UNUSED[proposer]  # 'released a report today revealing 13 million tons': no date
    if proposer == "reference" and not takes_reference(frame, mi):
        proposer = "reference_unused"
    if proposer == "carry" and (_states_the_present(frame, mi) or frame.in_quote(mi) or _new_levels_date(frame, mi, cand)
                                or (_same_sentence(frame, mi, cand) and _in_modifier_clause(frame, mi, cand))):
        proposer = "carry_unused"  # 'Industrial Info is tracking 1,800 projects', a quote: no date, whatever came before
    if proposer in RULE_ORDER:
        return (RULE_ORDER.index(proposer), proposer == "sentence" and not _same_verb(frame, mi, cand), near, start)
    return (len(RULE_ORDER) + list(PROPOSERS).index(cand.proposer) if cand.proposer in PROPOSERS else 99, False, near, start)


def _owned_by_new_level(frame: DateFrame, mi: int, cand: Candidate) -> bool:
    """Whether a change's size stands beside its new level in one clause and that level owns the date ('rose 9% to
    $1.3 billion in 2021', 'climbed to $900 million last year, up 15%'): the change happened over the level's
    period, as 'rose 2.6 percent in June' is dated June; a baseline-marked date still goes to the baseline."""
    if not frame.changes:
        return False
    owner = frame.owner.get(frame.date_at.get(cand.span))
    change, level = frame.changes[mi], frame.changes[owner] if owner is not None else None
    if not change or not level or change.get("role") != "delta" or level.get("role") != "new" \
            or change.get("direction") != level.get("direction") or abs(owner - mi) != 1:
        return False
    lo, hi = sorted((frame.mentions[mi], frame.mentions[owner]), key=lambda m: m["start"])
    return lo["sent_start"] == hi["sent_start"] and ";" not in frame.text[lo["end"]:hi["start"]]


def _new_levels_date(frame: DateFrame, mi: int, cand: Candidate) -> bool:
    """Whether a change's old value is offered the date its new level owns ('rose to 27 on Thursday, up from 19'):
    the old value held before that date, so it takes none of it."""
    if not frame.changes or (frame.changes[mi] or {}).get("role") != "old":
        return False
    owner = frame.owner.get(frame.date_at.get(cand.span))
    return owner is not None and (frame.changes[owner] or {}).get("role") == "new"


def _inside_figure_phrase(frame: DateFrame, mi: int, cand: Candidate) -> bool:
    """Whether a time word modifies a word of the figure's own phrase, reaching the figure before any verb ('54% of
    currently enrolled students'): it describes what is counted, not when the figure holds."""
    m = frame.mentions[mi]
    words = frame.doc.char_span(m["start"], m["end"], alignment_mode="expand")
    time_word = frame.doc.char_span(*cand.span, alignment_mode="expand") if cand.span else None
    if not words or not time_word:
        return False
    tok, figure = time_word.root, {t.i for t in words}
    for _ in range(6):
        if tok.head.i == tok.i or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod"):
            return False  # a participle describing a noun ('enrolled students') is no verb of its own
        tok = tok.head
        if tok.i in figure:
            return True
    return False


def _same_sentence(frame: DateFrame, mi: int, cand: Candidate) -> bool:
    m = frame.mentions[mi]
    return cand.span is not None and m["sent_start"] <= cand.span[0] < m["sent_end"]


def _in_modifier_clause(frame: DateFrame, mi: int, cand: Candidate) -> bool:
    """Whether a date hangs on a clause that describes a noun and leaves the figure out ('The alliance, founded in
    May 2019, is a network of 40 cities', 'the firm, which was sold in 2010, employs 300'): it dates that noun's
    event, not the figure."""
    date_verb = _governing_verb(frame.doc, {"start": cand.span[0], "end": cand.span[1]}) if cand.span else None
    if date_verb is None or date_verb.dep_ not in ("acl", "relcl"):
        return False
    m = frame.mentions[mi]
    words = frame.doc.char_span(m["start"], m["end"], alignment_mode="expand")
    if words is None or not len(words) or date_verb.head.i == words.root.head.i \
            or any(t.i == date_verb.head.i for t in words.root.subtree):
        return False  # '300 cars made in 2010', '$90 million in funding announced on Aug. 19': the figure's own thing
    return not any(a.i == date_verb.i for a in [words.root, *words.root.ancestors])


def _other_verbs_deadline(frame: DateFrame, mi: int, cand: Candidate) -> bool:
    """'has provided 125 million boxes and will buy $4.5 billion of food by the end of the year': a deadline dates
    the figure of its own verb only."""
    di = frame.date_at.get(cand.span)
    return di is not None and bool(frame.dates[di].get("target")) and not _same_verb(frame, mi, cand)


def _same_verb(frame: DateFrame, mi: int, cand: Candidate) -> bool:
    """Whether a date of the sentence hangs on the figure's own verb: '216 were reported in January and 325 touched
    down in May' dates the 325 by May, though January stands nearer."""
    verb = _governing_verb(frame.doc, frame.mentions[mi])
    if verb is None or cand.span is None:
        return False
    date_verb = _governing_verb(frame.doc, {"start": cand.span[0], "end": cand.span[1]})
    return date_verb is not None and date_verb.i == verb.i


# A release's or statement's day offered as the figure's date: what the rules make of it.
_RELEASE_DAY_UNUSED = {"sentence": "taken", "now_word": "now_unused", "carry": "carry_unused"}


def _release_day(frame: DateFrame, cand: Candidate) -> bool:
    """A day relative to publication that dates a release or statement verb ('the agency today announced', 'said on
    Monday'), not the figure. A day written out dates what was announced on it ('$90 million in funding announced on
    Aug. 19, 2021')."""
    return cand.span is not None and bool(cand.value) and (len(cand.value) == 10 or _current_week(cand.value, frame.published)) \
        and cand.resolution != "explicit" and frame.release_day(cand.span)


def _current_week(iso: str, published: Optional[str]) -> bool:
    """Days that hold the publication day ('earlier this week, the agency said'): the statement's time, as 'today'
    is; an earlier week ('issued 75 permits last week') dates what was done in it."""
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)", iso)
    return m is not None and bool(published) and m.group(1) <= published[:10] <= m.group(2)


def pair_features(frame: DateFrame, mi: int, cand: Candidate) -> dict[str, float]:
    """Features of one (figure, candidate) pair, by name; absent means 0."""
    f: dict[str, float] = {f"proposer_{cand.proposer}": 1.0, **cand.features}
    if cand.proposer in _CROSSED:
        f.update({f"{cand.proposer}*{k}": v for k, v in figure_features(frame, mi).items()})
    if cand.span is None:  # the null candidate, the bare publication date: nothing in the text to measure
        return f
    m = frame.mentions[mi]
    start, end = cand.span
    after, before = start >= m["end"], end <= m["start"]
    lo, hi = (m["end"], start) if after else (end, m["start"]) if before else (start, start)
    gap = max(hi - lo, 0)
    f["after" if after else "before" if before else "around"] = 1.0
    back = bisect.bisect_right(frame.sentences.starts, m["sent_start"]) - bisect.bisect_right(frame.sentences.starts, start)
    f["same_sentence"] = float(back == 0)
    f[sentences_bucket(back)] = 1.0
    f["same_paragraph"] = float("\n\n" not in frame.text[lo:hi]) if gap < 5000 else 0.0
    f["log_distance"] = round(min(math.log1p(gap) / _LOG_SCALE, 1.5), 4)
    f[bucket("distance", gap, _DISTANCE_BUCKETS)] = 1.0
    di = frame.date_at.get(cand.span)
    if di is not None and di in frame.owner:
        f["owned_gap" if frame.owner[di] == mi else "owned_by_other"] = 1.0
    if any_between(frame.markers, lo, hi):
        f["marker_between"] = 1.0
    if _release_day(frame, cand):
        f["release_day"] = 1.0
    if _marker_before(frame, start):
        f["marker_before"] = 1.0
    if any_between(frame.mention_starts, lo, hi):
        f["figure_between"] = 1.0
    if cand.resolution:
        f[f"resolution_{cand.resolution}"] = 1.0
    f[f"precision_{precision(cand.value)}"] = 1.0
    if cand.proposer in _CROSSED:  # a carried 'today' is not a carried 'in 2019'
        f[f"{cand.proposer}*precision_{precision(cand.value)}"] = 1.0
    return {k: v for k, v in f.items() if v}


def figure_features(frame: DateFrame, mi: int) -> dict[str, float]:
    """What the figure itself says about its date: its verb's tense, a quotation (the guidelines date a quoted
    figure only by its own time word), its role in a change, whether its sentence or anything before it is
    dated, a document without a publication date. Crossed with each candidate's proposer in pair_features,
    since a feature of the figure alone cannot tell its candidates apart."""
    if mi in frame.figure_cache:
        return frame.figure_cache[mi]
    m = frame.mentions[mi]
    change = frame.changes[mi] if frame.changes else None
    f = {f"tense_{tense(_governing_verb(frame.doc, m))}": 1.0,
         "in_quote": float(frame.in_quote(mi)),
         "sentence_dated": float(bool(frame.sentence_dates(mi))),
         "dated_before": float(bisect.bisect_left(frame.date_starts, m["sent_start"]) > 0),
         "undated_document": float(frame.published is None)}
    if change and change.get("role"):
        f[f"change_{change['role']}"] = 1.0
    if m.get("dimension") == "currency":  # a budget story's money figures point back at its budget
        f["money"] = 1.0
    frame.figure_cache[mi] = {k: v for k, v in f.items() if v}
    return frame.figure_cache[mi]








def _baseline_marked(frame: DateFrame, span: tuple[int, int]) -> bool:
    """A comparison word right before the date ('than in 2019', 'compared with 2019', 'up from 25 in 2015', 'a 4%
    increase over 2019'), or a date counted back from another ('the same period last year'): the date of the
    comparison's other side, which only the figure owning it, or a change's baseline period, takes. Not 'from',
    'over' or 'since' alone: 'from October through March', 'over the past 67 years' date the figure."""
    di = frame.date_at.get(span)
    if di is not None:
        return frame.other_side(di)
    return bool(frame.lexicon.other_side.search(frame.text[max(0, span[0] - _MARKER_REACH):span[0]]))


def _since_marked(frame: DateFrame, span: tuple[int, int]) -> bool:
    """A date a total runs 'since' ('risen 3 inches since 1992'): the start of a period, never the figure's date
    itself; the since proposer offers the period to publication, and with no publication date there is none."""
    return bool(frame.lexicon.since.search(frame.text[max(0, span[0] - 12):span[0]]))


def _states_the_present(frame: DateFrame, mi: int) -> bool:
    """A figure whose verb is in the present or present perfect, with no time word of its own: the guidelines
    date it null ('has shipped more than 40 million crates', 'The region has about 8 percent of the world's
    people'), not with the date of the sentences before. A budget story's money figures point back at its budget."""
    if frame.budget_reference and frame.mentions[mi].get("dimension") == "currency":
        return False
    return tense(_governing_verb(frame.doc, frame.mentions[mi])) == "present"


def takes_reference(frame: DateFrame, mi: int) -> bool:
    """Whether the rules give a figure with no date of its own the document's reference period: a figure outside
    quotes whose verb is in the past ('Unemployment was down 0.1 percent'), or a money figure of a story about one
    budget, which points back at that budget whatever its tense ('The request includes $848 billion'). Plain
    present tense gives no date (the guidelines: present tense with no time word gives null)."""
    if frame.in_quote(mi):
        return False
    if frame.budget_reference and frame.mentions[mi].get("dimension") == "currency":
        return True
    return tense(_governing_verb(frame.doc, frame.mentions[mi])) == "past"


def _marker_before(frame: DateFrame, start: int) -> bool:
    """A baseline word right before the date ('from 2019', 'same period of 2019') or a comparison marker just
    before it ('up from 25 in 2015')."""
    window = frame.text[max(0, start - _MARKER_REACH):start]
    return bool(frame.lexicon.baseline.search(window)) or any_between(frame.markers, start - _MARKER_REACH, start)


def precision(value: Optional[str]) -> str:
    """day, month, year or interval, from an ISO date or interval."""
    if not value:
        return "none"
    if "/" in value:
        return "interval"
    return {10: "day", 7: "month"}.get(len(value), "year")


DATE_FILLER = ProposerFiller("date", date_candidates, rules_candidates)
