"""The date slot: which time expression of the sentence a figure belongs to, resolved to ISO 8601."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc

from pipeline.normalize.dates import resolve_date

# A change spans the period between its sentence's dates only when one of them is its baseline.
_BASELINE = re.compile(r"(?:\b(?:from|since|than|over|compared (?:with|to)|versus|vs\.?|against)\s+(?:in\s+|on\s+|at\s+)?(?:the\s+)?"
                       r"|\bsame (?:period|month|quarter|week|time|day|season) (?:of|in|as|a year earlier in)\s+)$", re.I)
NOW_WORDS = re.compile(r"\b(?:now|currently|so far|to date|at present|as of today|this week|today)\b", re.I)
# A date right after a figure ("39,000 tons in 2020") belongs to that figure.
_OWNED_GAP = re.compile(r"^\s*,?\s*(?:in|for|as of|at|at the end of|by the end of|by|during|on)?\s*$", re.I)


def date_candidates(doc: Doc, mentions: list[dict], published: Optional[str], parser, sentences=None, *,
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
        if iso is None:
            continue
        out.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char, "iso": iso, "resolution": how,
                    "sent_start": sentences.of(ent.start_char)[0] if sentences else ent.sent.start_char})
    out += _spoken_years(doc, text, date_ents, out, spans, published, sentences)
    out.sort(key=lambda d: d["start"])
    return _join_periods(text, out)


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


def assign_dates(doc: Doc, mentions: list[dict], dates: list[dict], published: Optional[str], *,
                 changes: Optional[list] = None, carry: str = "paragraph", text: Optional[str] = None) -> list[Optional[dict]]:
    """For each figure, the nearest date of its sentence, unless another figure owns that date.

    A change ('up 6.7% from February 2019') spans the period between the dates of its sentence. A figure
    whose sentence has no date takes the last date before it in the same paragraph (``carry='paragraph'``)
    or document (``'document'``), since news states the period once and reports several figures for it.
    """
    text = doc.text if text is None else text
    ends = [m["end"] for m in mentions]  # mentions come in text order
    owner: dict[int, int] = {}
    by_sentence: dict[int, list] = {}
    for di, d in enumerate(dates):
        by_sentence.setdefault(d["sent_start"], []).append((di, d))
        mi = bisect.bisect_right(ends, d["start"]) - 1  # only the figure right before a date can own it
        if mi >= 0 and d["start"] - ends[mi] <= 40 and _OWNED_GAP.match(text[ends[mi]:d["start"]]):
            owner[di] = mi
    date_starts = [d["start"] for d in dates]
    now_words: dict[int, Optional[re.Match]] = {}  # per sentence: many figures share one sentence
    result: list[Optional[dict]] = []
    for mi, m in enumerate(mentions):
        same = by_sentence.get(m["sent_start"], [])
        own = [(di, d) for di, d in same if owner.get(di) == mi]
        free = [(di, d) for di, d in same if owner.get(di, mi) == mi]
        pool = own or free
        if m.get("is_range") is None and not pool:
            pool = []
        change = changes[mi] if changes else None
        if change and change.get("role") == "delta" and len(same) >= 2 and any(_BASELINE.search(text[max(0, d["start"] - 30):d["start"]]) for _, d in same):
            first, last = min(same, key=lambda p: p[1]["start"])[1], max(same, key=lambda p: p[1]["start"])[1]
            result.append({"date": period(first["iso"], last["iso"]), "date_text": text[first["start"]:last["end"]],
                           "date_span": [first["start"], last["end"]], "date_resolution": first["resolution"]})
            continue
        if pool:
            di, d = min(pool, key=lambda p: _distance(m, p[1]))
            result.append({"date": d["iso"], "date_text": d["text"], "date_span": [d["start"], d["end"]],
                           "date_resolution": d["resolution"]})
            continue
        if m["sent_start"] not in now_words:
            now_words[m["sent_start"]] = NOW_WORDS.search(text, m["sent_start"], m["sent_end"])
        now = now_words[m["sent_start"]]
        if now and published:
            start = now.start()
            result.append({"date": published[:10], "date_text": now.group(0), "date_span": [start, start + len(now.group(0))],
                           "date_resolution": "publication"})
        else:
            result.append(_carried(text, m, dates, date_starts, carry))
    return result


def _carried(text: str, m: dict, dates: list[dict], date_starts: list[int], carry: str) -> Optional[dict]:
    if carry == "none":
        return None
    i = bisect.bisect_left(date_starts, m["start"]) - 1
    while i >= 0 and dates[i]["end"] > m["start"]:
        i -= 1
    if i < 0:
        return None
    d = dates[i]
    if carry == "paragraph" and "\n\n" in text[d["end"]:m["start"]]:
        return None
    return {"date": d["iso"], "date_text": d["text"], "date_span": [d["start"], d["end"]], "date_resolution": d["resolution"]}


def _distance(m: dict, d: dict) -> int:
    if d["start"] >= m["end"]:
        return d["start"] - m["end"]
    return (m["start"] - d["end"]) + 5  # prefer a date after the figure at equal distance
