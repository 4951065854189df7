"""The date slot: which time expression of the sentence a figure belongs to, resolved to ISO 8601."""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from newsclaims.normalize.dates import resolve_date, shift_iso
from newsclaims.normalize.units import LEXICON_DIR


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


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

    @classmethod
    def from_data(cls, data: dict) -> "DateLexicon":
        baseline = (rf"(?:\b(?:{_alternation(data['baseline_words'])})\s+(?:(?:{_alternation(data['baseline_fillers'])})\s+)?"
                    rf"(?:the\s+)?|\bsame (?:{_alternation(data['same_period_nouns'])}) "
                    rf"(?:{_alternation(data['same_period_links'])})\s+)$")
        return cls(
            baseline=re.compile(baseline, re.I),
            now=re.compile(rf"\b(?:{_alternation(data['now_words'])})\b", re.I),
            owned_gap=re.compile(rf"^\s*,?\s*(?:{_alternation(data['owned_gap_words'])})?\s*$", re.I),
            comparison=re.compile(rf"\b(?:{_alternation(data['comparison_markers'])})(?!\w)", re.I),
            still=re.compile(rf"\b(?:{_alternation(data['still_words'])})\b", re.I),
            since=re.compile(rf"\b(?:{_alternation(data['since_words'])})\s+(?:(?:the\s+)?(?:end|start) of\s+)?$", re.I),
            other_side=re.compile(rf"\b(?:{_alternation(data['other_side_words'])})\s+(?:(?:{_alternation(data['baseline_fillers'])})"
                                  rf"\s+)?(?:(?:the|a|an)\s+)?(?:[^\W\d]+\s+){{0,3}}?(?:(?:{_alternation(data['baseline_fillers'])})\s+)?$", re.I),
        )

    @classmethod
    def load(cls, path: Path = LEXICON_DIR / "dates.json") -> "DateLexicon":
        return cls.from_data(read_date_words(path))


def read_date_words(path: Path = LEXICON_DIR / "dates.json") -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def date_mentions(doc: Doc, mentions: list[dict], published: Optional[str], parser, sentences=None, *,
                  text: Optional[str] = None) -> list[dict]:
    """Every resolvable DATE entity as plain data: text, offsets, ISO value, resolution.

    ``text`` is ``doc.text`` when the caller has it: spaCy joins every token again on each access.
    """
    text = doc.text if text is None else text
    date_ents = [e for e in doc.ents if e.label_ == "DATE"]
    spans = [(m["start"], m["end"]) for m in mentions]
    starts = [s for s, _ in spans]
    out = []
    for ent in date_ents:
        k = bisect.bisect_left(starts, ent.end_char)
        near = spans[max(0, k - 3):k]
        if any(s < ent.end_char and ent.start_char < e for s, e in near) and not re.search(r"\b(1[6-9]\d\d|20\d\d)\b", ent.text):
            continue  # "five years" is the figure itself, not its date
        iso, how = resolve_date(ent.text, published, parser=parser)
        if iso is None and _count_back(ent.text) is None:
            continue  # 'the same quarter last year' has no value of its own: anchor_relative_dates gives it one
        out.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char, "iso": iso, "resolution": how,
                    "sent_start": sentences.of(ent.start_char)[0] if sentences else ent.sent.start_char})
    out += _spoken_years(doc, text, date_ents, out, spans, published, sentences)
    out.sort(key=lambda d: d["start"])
    return anchor_relative_dates(_join_periods(text, out), published)


@functools.lru_cache(maxsize=1)
def _back_phrases() -> tuple[frozenset, frozenset]:
    words = read_date_words()
    return frozenset(words.get("year_back", ())), frozenset(words.get("month_back", ()))


def _count_back(text: str) -> Optional[dict]:
    """{'years': -1} for 'a year earlier' and its kin, {'months': -1} for 'the previous month', else None."""
    t = re.sub(r"^(?:in|during|for|from|over|than|with)\s+", "", " ".join(text.lower().split()))
    year_back, month_back = _back_phrases()
    for form in (t, re.sub(r"^the\s+", "", t)):
        if form in year_back:
            return {"years": -1}
        if form in month_back:
            return {"months": -1}
    return None


def anchor_relative_dates(dates: list[dict], published: Optional[str]) -> list[dict]:
    """'a year earlier', 'the same quarter last year', 'the previous month' count back from the date they are
    relative to, the latest earlier date of their sentence, and keep its precision: 'exports were $2 billion in
    March, up from $1.5 billion a year earlier' dates the $1.5 billion March of the year before, not the whole year.
    With no such date they count back from the publication date (the year, or the month, before it)."""
    out: list[dict] = []
    for d in dates:
        back = _count_back(d["text"])
        anchor = next((a for a in reversed(out) if a["sent_start"] == d["sent_start"] and "anchored_to" not in a), None)
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


def _join_periods(text: str, dates: list[dict]) -> list[dict]:
    """'from 2015 to 2020' as one period, where the parser gave two DATE entities."""
    out: list[dict] = []
    for d in dates:
        prev = out[-1] if out else None
        if prev is not None and _PERIOD_JOIN.match(text[prev["end"]:d["start"]]) \
                and _PERIOD_OPEN.search(text[max(0, prev["start"] - 10):prev["start"]]):
            out[-1] = dict(prev, text=text[prev["start"]:d["end"]], end=d["end"], iso=period(prev["iso"], d["iso"]),
                           resolution="explicit" if "explicit" in (prev["resolution"], d["resolution"]) else "relative")
            continue
        out.append(d)
    return out


def period(a: str, b: str) -> str:
    """The interval covering two ISO dates or intervals: ('2019-02', '2020-02') -> '2019-02/2020-02'."""
    starts = [x.split("/")[0] for x in (a, b)]
    ends = [x.split("/")[-1] for x in (a, b)]
    start, end = min(starts), max(ends)
    return start if start == end else f"{start}/{end}"
