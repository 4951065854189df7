"""The change slot: is a figure the old level, the new level or the size of a change, and which way?"""
from __future__ import annotations

import json
import re
from typing import Optional

from spacy.tokens import Doc

from newsclaims.normalize.units import LEXICON_DIR
from newsclaims.resources import read_lexicon

_FROM = re.compile(r"\b(?:from|compared (?:to|with)|versus|vs\.?)\s+(?:(?:the|their|its|a|an)\s+)?(?:(?:previous|earlier|prior|"
                   r"year-ago|year-earlier|revised|record|all-time)\s+)?(?:(?:high|low|level|total|average|peak|record|figure)\s+of\s+)?$|"
                   r"\bfrom\s*$", re.I)
_TO = re.compile(r"\b(?:to|at|reach(?:ed|ing)?|hit)\s*$", re.I)
_BY = re.compile(r"\bby\s*(?:about|nearly|almost|some|around|more than|less than|over|just)?\s*$", re.I)
_UPDOWN = re.compile(r"\b(?P<dir>up|down|higher|lower)\s*(?:by\s*)?(?:about|nearly|almost|some|around|more than|less than|over|just)?\s*$", re.I)
_AFTER_WORD_DIR = {word: direction for direction, words in read_lexicon("changes")["after_figure"].items()
                   for word in words}
_AFTER_DELTA = re.compile(r"^\s*(?P<dir>" + "|".join(map(re.escape, _AFTER_WORD_DIR)) + r")\b", re.I)


class ChangeLexicon:
    def __init__(self, data: Optional[dict] = None) -> None:
        data = data or json.loads((LEXICON_DIR / "changes.json").read_text(encoding="utf-8"))
        self.up = frozenset(data["up"])
        self.down = frozenset(data["down"])

    def direction(self, lemma: str) -> Optional[str]:
        lemma = lemma.lower()
        if lemma in self.up:
            return "up"
        if lemma in self.down:
            return "down"
        return None


def _governing_direction(doc: Doc, head_i: int, lex: ChangeLexicon) -> Optional[str]:
    """The direction of the nearest change word among the figure's syntactic ancestors (same sentence)."""
    tok = doc[head_i]
    for _ in range(6):
        d = lex.direction(tok.lemma_)
        if d and tok.pos_ in ("VERB", "NOUN", "ADV", "ADJ", "ADP"):
            return d
        if tok.head == tok:
            break
        tok = tok.head
    return None


def fill_changes(doc: Doc, mentions: list[dict], lex: ChangeLexicon, *, text: Optional[str] = None) -> list[Optional[dict]]:
    """One change record (or None) per mention, looking at pairs ('from X to Y') and single figures ('up 6%')."""
    text = doc.text if text is None else text
    out: list[Optional[dict]] = [None] * len(mentions)
    for i, m in enumerate(mentions):
        before = text[max(m["sent_start"], m["start"] - 40):m["start"]]
        if m.get("bound_span"):
            before = text[max(m["sent_start"], m["bound_span"][0] - 40):m["bound_span"][0]]
        after = text[m["end"]:min(m["sent_end"], m["end"] + 30)]
        direction = _governing_direction(doc, m["head"], lex)
        if m["multiple_word"]:
            word = m["text"].lower()
            if word not in ("twice", "thrice") and not word.endswith("fold"):
                out[i] = {"direction": "down" if m["value"] < 1 else "up", "role": "delta"}
            continue
        if _FROM.search(before):
            out[i] = {"direction": direction, "role": "old"}
        elif _TO.search(before) and (direction or _has_from_partner(text, mentions, i)):
            out[i] = {"direction": direction, "role": "new"}
        elif _BY.search(before) and direction:
            out[i] = {"direction": direction, "role": "delta"}
        elif _UPDOWN.search(before):
            word = _UPDOWN.search(before).group("dir").lower()
            out[i] = {"direction": "up" if word in ("up", "higher") else "down", "role": "delta"}
        elif _AFTER_DELTA.match(after) and m["unit"] is not None:
            word = _AFTER_DELTA.match(after).group("dir").lower()
            out[i] = {"direction": _AFTER_WORD_DIR.get(word), "role": "delta"}
        elif direction and _is_object_of_change(doc, m, lex):
            out[i] = {"direction": direction, "role": "delta"}  # "rose 6%", "added 22,000 jobs", "declined 31 cents"
    _directions_from_values(mentions, out)
    return out


def _has_from_partner(text: str, mentions: list[dict], i: int) -> bool:
    m = mentions[i]
    lo = i
    while lo > 0 and mentions[lo - 1]["sent_start"] == m["sent_start"]:
        lo -= 1
    hi = i
    while hi + 1 < len(mentions) and mentions[hi + 1]["sent_start"] == m["sent_start"]:
        hi += 1
    for j in range(lo, hi + 1):
        other = mentions[j]
        if j != i:
            if _FROM.search(text[max(0, other["start"] - 12):other["start"]]):
                return True
    return False


def _is_object_of_change(doc: Doc, m: dict, lex: ChangeLexicon) -> bool:
    """'rose 6%', 'cut 5 million barrels': the figure hangs directly off a change verb."""
    tok = doc[m["head"]]
    if tok.dep_ in ("dobj", "npadvmod", "advmod", "attr", "pobj", "nummod", "compound", "quantmod", "nmod", "amod"):
        head = tok.head
        # "increased at an annual rate of 3.5 percent": climb through 'rate of' and 'by'
        for _ in range(3):
            if head.dep_ == "prep" and head.lower_ in ("by", "of", "at") or head.lemma_ in ("rate", "pace"):
                head = head.head
            else:
                break
        return lex.direction(head.lemma_) is not None and head.pos_ in ("VERB", "NOUN")
    return False


def _directions_from_values(mentions: list[dict], out: list[Optional[dict]]) -> None:
    """'from 20% to 10%' with no change word: the numbers say which way it went."""
    olds = [(i, c) for i, c in enumerate(out) if c and c["role"] == "old"]
    for i, old in olds:
        for j in range(i + 1, min(i + 3, len(out))):
            new = out[j]
            if new and new["role"] == "new" and mentions[j]["sent_start"] == mentions[i]["sent_start"]:
                a, b = mentions[i]["value"], mentions[j]["value"]
                direction = old["direction"] or new["direction"]
                if direction is None and a is not None and b is not None and a != b:
                    direction = "up" if b > a else "down"
                old["direction"] = new["direction"] = direction
                break
    # "rose to 45,000 tons in 2024 from 39,000 tons": the new level comes first.
    for i, c in enumerate(out):
        if c and c["role"] == "new" and c["direction"] is None:
            for j in range(max(0, i - 2), min(len(out), i + 3)):
                if j != i and out[j] and out[j]["role"] == "old" and out[j]["direction"]:
                    c["direction"] = out[j]["direction"]
