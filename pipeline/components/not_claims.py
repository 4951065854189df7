"""More numbers that news writes but that state no quantity: list markers that open a sentence, times of day
written as bare hours, numbers inside capitalised names, the distance that names a race, the sections of a code
('401(k)') and the shirt numbers of photo captions. Each test takes (doc, text, mention, span) like the tests of
:data:`newsclaims.components.quantities.NOT_A_CLAIM` and only reads the text around the mention, never doc.text or
the sentences."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from newsclaims.normalize.dates import MONTHS
from newsclaims.resources import read_lexicon

_WORDS = read_lexicon("not_quantities")


def _alternation(key: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORDS[key], key=len, reverse=True))


SENTENCE_OPENING_BEFORE = re.compile(r"[.!?][\"\u201d')]?\s+$")
LIST_MARKER_AFTER = re.compile(r"[.)]\s+[A-Z\"\u201c]")


def _list_marker(doc: Doc, text: str, m: dict, span) -> bool:
    """'1. Prices are rising. 2. Wages are flat.': a bare number that opens a sentence and is closed by a full stop
    or a bracket before a capital numbers the writer's list (the line-initial case is the grammar's own)."""
    if m["unit"] is not None or not re.fullmatch(r"\d{1,2}", m["text"]):
        return False
    return SENTENCE_OPENING_BEFORE.search(text[max(0, m["start"] - 4):m["start"]]) is not None \
        and LIST_MARKER_AFTER.match(text, m["end"]) is not None


# "9:30", "8 a.m.", "7.45pm", "noon"; a decimal such as "$4.50" is no clock
CLOCK_IN_TEXT = re.compile(r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\d(?:[.:][0-5]\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)"
                           r"|\b(?:noon|midnight|o'clock)\b", re.I)
HOUR_PREPOSITION_BEFORE = re.compile(r"\b(?:at|until|till|before|after)\s+(?:about\s+|around\s+)?$", re.I)
SCHEDULE_VERB_BEFORE = re.compile(r"\b(?:" + _alternation("schedule_verbs") + r")\s+(?:at|until|till)\s+"
                                  r"(?:about\s+|around\s+)?$", re.I)
HOUR_END_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$|\b(?:and|on|tonight|today|tomorrow|sharp|local|every|each|in\s+the\s+"
                            r"(?:morning|afternoon|evening))\b)", re.I)
SENTENCE_END = re.compile(r"[.!?][\"\u201d')]?\s+(?=[A-Z\"\u201c])")
CLOCK_WINDOW = 120  # characters either side: the clock time that makes a bare hour a time is in the same sentence


def _hour_of_day(doc: Doc, text: str, m: dict, span) -> bool:
    """'starts at 9:30 and ends at 11', 'doors open at 7': a bare whole hour after 'at', 'until' and the like, at the
    end of its clause, is a time of day when a schedule verb governs it or a clock time stands in its sentence."""
    if m["unit"] is not None or m.get("bound_text") or not re.fullmatch(r"(?:[1-9]|1[0-2])", m["text"]):
        return False
    before = text[max(0, m["start"] - 40):m["start"]]
    if HOUR_PREPOSITION_BEFORE.search(before) is None or HOUR_END_AFTER.match(text, m["end"]) is None:
        return False
    if SCHEDULE_VERB_BEFORE.search(before):
        return True
    start = max(0, m["start"] - CLOCK_WINDOW)
    before_ends = [b.end() for b in SENTENCE_END.finditer(text, start, m["start"])]
    after_end = SENTENCE_END.search(text, m["end"], m["end"] + CLOCK_WINDOW)
    around = text[before_ends[-1] if before_ends else start:m["start"]] + " " \
        + text[m["end"]:after_end.start() if after_end else m["end"] + CLOCK_WINDOW]
    return CLOCK_IN_TEXT.search(around) is not None


def _capitalised_name_number(doc: Doc, text: str, m: dict, span) -> bool:
    """'the Big Ten conference', 'the Fab Four', 'the Kick Six play': a number word written with a capital inside a
    sentence, right after a capitalised word, is part of a name. A capital on the next word too is a headline's
    title case ('Police Arrest Three Men'), where the number stays a count."""
    if m["digits"] or m["unit"] is not None or not m["text"][:1].isupper() or span.start == 0:
        return False
    prev, nxt = span.doc[span.start - 1], span.doc[span.end] if span.end < len(span.doc) else None
    if prev.is_sent_start or not prev.is_alpha or not prev.is_title or prev.lower_ in MONTHS or prev.lower_ == "the":
        return False
    if prev.i > 0 and prev.nbor(-1).is_title and prev.nbor(-1).is_sent_start and prev.nbor(-1).lower_ != "the":
        return False  # "Officials Say Three ...": two capitals opening a title-case line
    return nxt is None or not (nxt.is_title or nxt.is_upper)


RACE_LENGTH_UNITS = frozenset(_WORDS["race_length_units"])
RACE_NOUN_AFTER = re.compile(r"\s*(?:" + _alternation("race_nouns") + r")\b", re.I)
METRES_AS_MILLION = re.compile(r"\d[\d,]*m$")


def _race_name(doc: Doc, text: str, m: dict, span) -> bool:
    """'the 400m hurdles', 'the 100-metre final', 'the 5,000 metres final': a distance before a race noun names the
    race (the guidelines put 'the 100 m' into the what of a record); '400m' there is metres, never a million."""
    if not RACE_NOUN_AFTER.match(text, m["end"]) or m.get("bound_text"):
        return False
    unit = (m["unit"] or "").lower()
    return unit in RACE_LENGTH_UNITS or (m["unit"] is None and METRES_AS_MILLION.search(m["text"]) is not None)


CODE_PART_AFTER = re.compile(r"\([A-Za-z0-9]{1,2}\)")
CODE_PART_BEFORE = re.compile(r"\d\([A-Za-z0-9]{1,2}\)\($")


def _statute_code(doc: Doc, text: str, m: dict, span) -> bool:
    """'401(k) plans', '501(c)(3) groups': a number glued to a bracketed letter, and the bracketed parts after it, cite a
    section of a code, which names the plan or the group."""
    if m["unit"] is not None or not m["digits"]:
        return False
    return CODE_PART_AFTER.match(text, m["core_end"]) is not None \
        or CODE_PART_BEFORE.search(text[max(0, m["core_start"] - 12):m["core_start"]]) is not None


PLAYER_NAME_BRACKET_BEFORE = re.compile(r"\b(?:" + _alternation("player_positions") + r")\s+(?:[A-Z][\w.'\u2019-]*\s+){1,3}\($", re.I)
SHIRT_NUMBER = re.compile(r"\d{1,2}")


def _shirt_number(doc: Doc, text: str, m: dict, span) -> bool:
    """'quarterback Dak Smith (4) runs', 'striker Ana Ruiz (9)': a bare number in brackets right after a name that a
    player's position opens is the shirt number of a photo caption, a label."""
    if m["unit"] is not None or m.get("bound_text") or not SHIRT_NUMBER.fullmatch(m["text"]):
        return False
    return text.startswith(")", m["end"]) and PLAYER_NAME_BRACKET_BEFORE.search(text[max(0, m["start"] - 80):m["start"]]) is not None


NOT_A_CLAIM_MORE = (_list_marker, _hour_of_day, _capitalised_name_number, _race_name, _statute_code, _shirt_number)
