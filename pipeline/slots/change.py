"""The change slot: is a figure the old level, the new level or the size of a change, and which way?"""
from __future__ import annotations

import json
import re
from typing import Optional

from spacy.tokens import Doc, Token

from newsclaims.normalize.units import LEXICON_DIR
from newsclaims.resources import read_lexicon

_FROM = re.compile(r"\b(?:from|compared (?:to|with)|versus|vs\.?)\s+(?:(?:the|their|its|a|an)\s+)?(?:(?:previous|earlier|prior|"
                   r"year-ago|year-earlier|revised|record|all-time)\s+)?(?:(?:[\w-]+\s+){0,2}(?:high|low|level|total|average|peak|record|figure)s?"
                   r"\s+of\s+)?$|"
                   r"\b(?:instead of|rather than)\s+(?:(?:the|their|its|a|an|every)\s+)?$|"
                   r"\bfrom\s*$", re.I)
_CHANGES = read_lexicon("changes")


def _alternation(words: list) -> str:
    return "(?:" + "|".join(map(re.escape, words)) + ")"


# "up from last year's 4.8 million", "compared with 2022's 35,000": a baseline named by its owner; an earlier level only
# when the owner is a time ('the rival's 87' is another thing, 'the party's 120' a source)
_OWNED = _CHANGES["owned_baseline"]
_OWNED_FROM = re.compile(r"\b" + _alternation(_OWNED["comparison_words"]) + r"\s+(?P<owner>(?:"
                         + _alternation(_OWNED["determiners"]) + r"\s+)?(?:[\w-]+\s+){0,2}?"
                         r"[\w-]+)(?:'s|\u2019s)\s+(?:" + _alternation(_OWNED["approximators"]) + r"\s+)?$", re.I)
_BARE_FROM = re.compile(r"\bfrom\s*$", re.I)
_RANGE_OPENER = re.compile(r"(?<=\s)between\s*$", re.I)
_COMPARED = re.compile(r"\b(?:compared (?:to|with)|versus|vs\.?)\b", re.I)
_DATED_LIST = re.compile(r"\s+in\s+(?:1[89]|20)\d\d\s*,?\s*(?:and\s+)?")  # "91 in 1999 and 126 in 1998"
# "rose to a record high of 102°F", "fell to an average of $3": the new level, as after a bare "to"
_NEW_LEVEL = _CHANGES["to_new_level"]
_TO = re.compile(r"\b" + _alternation(_NEW_LEVEL["words"]) + r"\s+(?:" + _alternation(_NEW_LEVEL["articles"]) + r"\s+)?(?:"
                 + _alternation(_NEW_LEVEL["adjectives"]) + r"\s+)?" + _alternation(_NEW_LEVEL["level_nouns"])
                 + r"\s+of\s*$|\b" + _alternation(_NEW_LEVEL["words"]) + r"\s+(?:" + _alternation(_NEW_LEVEL["articles"])
                 + r"\s+)?" + _alternation(_NEW_LEVEL["adjectives"]) + r"\s*$|\b" + _alternation(_NEW_LEVEL["words"]) + r"\s*$", re.I)
# "edged up to $27.10", "ticked up to 4.2%": the new level, even where the parser reads "up to" as a bound
_UP_TO_NEW = re.compile(r"\b" + _alternation(_CHANGES["verbs_before_up_to"]) + r"\s+up\s+to\s*$", re.I)
_BY = re.compile(r"\bby\s*(?:about|nearly|almost|some|around|more than|less than|over|just)?\s*$", re.I)
_UPDOWN = re.compile(r"\b(?P<dir>up|down|higher|lower)\s*(?:by\s*)?(?:about|nearly|almost|some|around|more than|less than|over|just)?\s*$", re.I)
_OFF = re.compile(r"\b(?P<off>off)\s*(?:about|nearly|almost|some|around|more than|less than|over|just)?\s*$", re.I)
_AFTER_WORD_DIR = {word: direction for direction, words in read_lexicon("changes")["after_figure"].items()
                   for word in words}
# the word may follow a bracketed alternative form: "$90 million (or 4 percent) lower"
_AFTER_DELTA = re.compile(r"^\s*(?:\([^()]{0,40}\)|\))?\s*(?P<dir>" + "|".join(map(re.escape, _AFTER_WORD_DIR)) + r")\b", re.I)
_LEVEL_WORDS = ("up", "down", "higher", "lower")
_THAN = re.compile(r"\bthan\b", re.I)
_IN_SPAN_COMPARATIVE = re.compile(r"\s(?P<dir>more|fewer|less)\s", re.I)
_ALTERNATIVE = re.compile(r"\s*,?\s*(?:\(\s*(?:or\s+)?|or\s+)", re.I)
_COUNT_ALTERNATIVE = re.compile(r"\s+[a-z]+\s*,?\s*(?:\(\s*(?:or\s+)?|or\s+)", re.I)  # "125,600 positions or 2.2%"
_LIST_JOINER = re.compile(r"\s*,?\s*(?:and\s+|or\s+)?", re.I)
_GAPPED_BY = re.compile(r",\s*[^,;()]{1,40}?\bby\s*$", re.I)
_APPOSITION = re.compile(r"(?:,|\u2014|\u2013|--|\s-\s|\))\s*(?P<tail>[^,\u2014\u2013()]*)$")
_TAIL_STARTS = frozenset(("a", "an", "up", "down", "which", "that", "or", "about", "nearly", "almost", "some", "just", "only"))
_TAIL_STOPS = frozenset(("and", "but", "while", "who", "when", "where", "after", "since", "because", "as"))
_SIGNED_UNITS = frozenset(("%", "pp", "point"))


class ChangeLexicon:
    def __init__(self, data: Optional[dict] = None) -> None:
        data = data or json.loads((LEXICON_DIR / "changes.json").read_text(encoding="utf-8"))
        self.up = frozenset(data["up"])
        self.down = frozenset(data["down"])
        self.verbs_only = frozenset(data.get("verbs_only", ()))
        self.adverbs = {w: d for d, words in data.get("adverbs", {}).items() for w in words}
        self.still_particles = frozenset(data.get("particle_verbs_without_direction", ()))
        self.money_levels = frozenset(data.get("money_levels", ()))
        self.leaving_a_stock = frozenset(data.get("leaving_a_stock", ()))
        self.comparison_periods = frozenset(data.get("comparison_periods", ()))
        self.time_cues = re.compile(data.get("comparison_time_cues") or r"(?!)", re.I)
        self.remaining = re.compile(data.get("remaining_after_figure") or r"(?!)", re.I)
        self.normal_cues = re.compile(data.get("comparison_normal_cues") or r"(?!)", re.I)
        self.relative_time_cues = re.compile(data.get("comparison_relative_time_cues") or r"(?!)", re.I)
        self.moves_without_direction = frozenset(data.get("moves_without_direction", ()))

    def direction(self, lemma: str) -> Optional[str]:
        lemma = lemma.lower()
        if lemma in self.up:
            return "up"
        if lemma in self.down:
            return "down"
        return None

    def token_direction(self, tok: Token) -> Optional[str]:
        """The direction one token states where it stands: 'contract' only as a verb, 'make up' none."""
        if tok.pos_ not in ("VERB", "NOUN", "ADV", "ADJ", "ADP"):
            return None
        d = self.adverbs.get(tok.lower_) or self.direction(tok.lemma_)
        if d is None or (tok.lemma_.lower() in self.verbs_only and tok.pos_ != "VERB"):
            return None
        if tok.dep_ in ("prt", "advmod") and f"{tok.head.lemma_.lower()} {tok.lower_}" in self.still_particles:
            return None
        return d

    def governs_change(self, tok: Token, after_from: bool = False, steps: int = 5) -> bool:
        """A change word among ``tok`` and its nearest ancestors: one with a direction ('rose from X to Y') or, for a
        figure right after 'from', a verb of movement with none ('went from $1 to $1.40') or whose particle gives
        the direction ('went up from $20 to $25'). Then 'X to Y' is a change, two figures, not a range. In the
        simple present a verb of movement spans a range ('sizes go from 8 to 16'), and 'changed hands at $12 to
        $14' has no 'from'."""
        for _ in range(steps):
            if self.direction(tok.lemma_) and tok.pos_ in ("VERB", "NOUN", "ADV", "ADP", "ADJ"):
                return True
            if after_from and tok.pos_ == "VERB" and tok.tag_ not in ("VBZ", "VBP") and self._moves(tok):
                return True
            if tok.head == tok:
                return False
            tok = tok.head
        return False

    def _moves(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.moves_without_direction \
            or any(c.dep_ == "prt" and self.token_direction(c) for c in verb.children)


def _governing_direction(doc: Doc, m: dict, lex: ChangeLexicon) -> Optional[str]:
    """The direction of the nearest change word among the figure's syntactic ancestors (same sentence), or of a
    particle on the figure's own verb ('wind down and sell 3 million shares', 'was down 0.1 point, to 5.4%')."""
    tok = doc[m["head"]]
    verb_seen = False
    for _ in range(6):
        d = lex.token_direction(tok)
        if d:
            return d
        if tok.pos_ in ("VERB", "AUX") and not verb_seen:
            verb_seen = True
            d = _particle_direction(tok, m, lex)
            if d:
                return d
        if tok.head == tok:
            break
        tok = tok.head
    return None


def _particle_direction(verb: Token, m: dict, lex: ChangeLexicon) -> Optional[str]:
    word = _direction_particle(verb, m, lex)
    return lex.token_direction(word) if word is not None else None


def _direction_particle(verb: Token, m: dict, lex: ChangeLexicon) -> Optional[Token]:
    """A direction particle or adverb of ``verb`` (or of the verb it is coordinated with: 'draw down and sell')
    written before the figure; 'up to' is a bound, not a direction, unless the mention took no bound from it
    ('edged up to $27.10')."""
    shares_subject = verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    for v in (verb, verb.head) if shares_subject else (verb,):
        for child in v.children:
            if child.dep_ not in ("prt", "advmod", "acomp") or child.idx >= m["start"]:
                continue
            if child.lower_ == "up" and child.i + 1 < len(child.doc) and child.nbor(1).lower_ == "to" \
                    and (m.get("bound_text") or "").lower() == "up to":
                continue
            if lex.token_direction(child):
                return child
    return None


def fill_changes(doc: Doc, mentions: list[dict], lex: ChangeLexicon, *, text: Optional[str] = None) -> list[Optional[dict]]:
    """One change record (or None) per mention: first each figure on its own ('up 6%', 'from X to Y'), then what
    its neighbours say (an alternative form, a list, the level a change is stated with)."""
    text = doc.text if text is None else text
    out = [_own_change(doc, text, mentions, i, lex) for i in range(len(mentions))]
    _directions_from_values(mentions, out)
    _drop_unpaired_from(doc, text, mentions, out, lex)
    _olds_along_dated_lists(text, mentions, out)
    _level_compared_with_earlier(text, mentions, out, lex)
    _level_before_its_change(text, mentions, out)
    _delta_before_its_new_level(doc, text, mentions, out, lex)
    _carry_across_alternatives(text, mentions, out)
    _carry_along_lists(text, mentions, out)
    # a side of a game score is a count ('lost 17-24'): neither a change nor a level (guidelines, Sports)
    return [None if m.get("game_score") else change for m, change in zip(mentions, out)]


def _anchor(m: dict) -> int:
    return m["bound_span"][0] if m.get("bound_span") else m["start"]


def _own_change(doc: Doc, text: str, mentions: list[dict], i: int, lex: ChangeLexicon) -> Optional[dict]:
    m = mentions[i]
    before = text[max(m["sent_start"], _anchor(m) - 40):_anchor(m)]
    if m.get("is_range"):
        before = _RANGE_OPENER.sub("", before)  # "rose to between $100 and $200": the range is the new level
    direction = _governing_direction(doc, m, lex)
    if m["multiple_word"]:
        word = m["text"].lower()
        if word in ("twice", "thrice") or word.endswith("fold"):
            return None
        return {"direction": "down" if m["value"] < 1 else "up", "role": "delta"}
    if (_FROM.search(before) and not _from_opens_range(m, before, direction)) or _owned_earlier_level(before, lex):
        return {"direction": direction, "role": "old"}
    if _TO.search(before) and (direction or _has_from_partner(text, mentions, i)):
        return {"direction": direction, "role": "new"}
    if _UP_TO_NEW.search(before):
        return {"direction": "up", "role": "new"}
    if direction == "down" and _deposited(text, m, before):
        return None  # "the storm dropped 10 inches of rain": an amount that fell, no decrease
    if _BY.search(before) and direction:
        return {"direction": direction, "role": "delta"}
    if (off := _OFF.search(before)) and _off_a_level(doc, _anchor(m) - len(before) + off.start("off")):
        return {"direction": "down", "role": "delta"}
    updown = _UPDOWN.search(before)
    if updown and not _still_particle(doc, _anchor(m) - len(before) + updown.start("dir"), lex):
        word = updown.group("dir").lower()
        return {"direction": "up" if word in ("up", "higher") else "down", "role": "delta"}
    if _is_period_of_change(doc, m) or lex.remaining.match(text[m["end"]:m["sent_end"]]):
        return None  # 'a seven-month decrease', '50km to the end': a period or what is left, not the change's size
    return _after_figure_change(text, m, lex) or _signed_change(text, mentions, i) or _object_change(doc, m, lex) \
        or _left_a_stock(doc, m, lex)


_DEPOSITS = _CHANGES["deposits"]
_DEPOSIT_VERB = re.compile(r"\b(?:" + _alternation(_DEPOSITS["verbs"]) + r")\b(?:\s+[\w-]+){0,3}\s*$", re.I)
_DEPOSIT_AFTER = re.compile(r"\s+of\s+(?:[\w-]+\s+)?(?:" + _alternation(_DEPOSITS["nouns"]) + r")\b", re.I)


def _deposited(text: str, m: dict, before: str) -> bool:
    return _DEPOSIT_AFTER.match(text, m["end"]) is not None and _DEPOSIT_VERB.search(before) is not None


_RANGE_TO = re.compile(r"\s(?:up\s+)?to\s|\sthrough\s", re.I)


def _from_opens_range(m: dict, before: str, direction: Optional[str]) -> bool:
    """'range from RM100,000 to RM250,000', 'starting from 400 sq ft up to 800 sq ft': with no change word, the bare
    'from' opens the range the figure is, not an earlier level."""
    return direction is None and bool(m.get("is_range")) and _BARE_FROM.search(before) is not None \
        and _RANGE_TO.search(m["text"]) is not None


def _owned_earlier_level(before: str, lex: ChangeLexicon) -> bool:
    owned = _OWNED_FROM.search(before)
    return owned is not None and lex.time_cues.search(owned.group("owner")) is not None


def _off_a_level(doc: Doc, char: int) -> bool:
    """'shares were off 2%', 'with the index off 1.3%': 'off' as the state of a price or an index is a fall; as a
    particle of another verb ('kicked off 3 days of talks', 'paid off $5 million') it says no direction."""
    span = doc.char_span(char, char + 3, alignment_mode="expand")
    if span is None:
        return False
    off = span[0]
    return (off.dep_ == "pcomp" and off.head.lower_ == "with") or (off.head.lemma_ == "be" and off.dep_ in ("advmod", "acomp", "prt"))


def _still_particle(doc: Doc, char: int, lex: ChangeLexicon) -> bool:
    """'make up 40%': the 'up' before the figure is a particle that says no direction."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and lex.token_direction(span[0]) is None and span[0].dep_ in ("prt", "advmod")


def _after_figure_change(text: str, m: dict, lex: ChangeLexicon) -> Optional[dict]:
    """'a 5% increase', '$3 more than last year', '16369.03 up 58.06' (a level, then its change)."""
    after = text[m["end"]:m["sent_end"]]
    found = _AFTER_DELTA.match(after[:60])
    word = found.group("dir").lower() if found else None
    if found and (m["unit"] is not None or word in ("more", "fewer", "less") and _THAN.search(after)):
        if word in _LEVEL_WORDS and re.match(r"\s*[$€£¥]?\d", after[found.end():]):
            return {"direction": _AFTER_WORD_DIR.get(word), "role": "new"}
        if _compares_times(word, after[found.end():], after[:found.start("dir")], lex):
            return {"direction": _AFTER_WORD_DIR.get(word), "role": "delta"}
        return None
    inside = _IN_SPAN_COMPARATIVE.search(m["text"])  # "60,000 more jobs ... than first reported"
    if inside and _THAN.search(after) and _compares_times("more", after, "", lex):
        return {"direction": "down" if inside.group("dir").lower() != "more" else "up", "role": "delta"}
    return None


def _compares_times(word: str, rest: str, between: str, lex: ChangeLexicon) -> bool:
    """A comparison is a change when it compares with an earlier time ('$2 billion higher than in 2018', '16% above its
    2018 close'), not with a normal, a limit or another thing ('212 more than normal', '10 mph less than the record').
    A comparative with no 'than' ('2 points lower') is a change."""
    if word not in ("above", "below"):
        than = _THAN.search(rest)
        if than is None or re.search(r";|\.(?!\d)", rest[:than.start()]):
            return True
        between, rest = between + rest[:than.start()], rest[than.end():]
    target = " ".join(re.split(r"[,;]|\.(?!\d)|\band\b", rest, maxsplit=1)[0].split()[:8])
    if lex.normal_cues.match(target):  # 'above the average June temperature': a normal, whatever period it names
        return bool(lex.relative_time_cues.search(between) or lex.relative_time_cues.search(target))
    return bool(lex.time_cues.search(between) or lex.time_cues.search(target))


def _signed_change(text: str, mentions: list[dict], i: int) -> Optional[dict]:
    """'Dow +0.2%': a plus sign marks a rise; a minus sign does so in a run of signed figures ('FTSE -0.6% DAX -1.6%'),
    since one negative figure alone may be a level ('growth was -0.5%')."""
    m = mentions[i]
    if m["unit"] not in _SIGNED_UNITS:
        return None
    sign = _sign(text, m)
    if sign == "+":
        return {"direction": "up", "role": "delta"}
    if sign == "-" and sum(1 for o in mentions if o["sent_start"] == m["sent_start"] and _sign(text, o)) >= 2:
        return {"direction": "down", "role": "delta"}
    return None


def _sign(text: str, m: dict) -> Optional[str]:
    first = m["text"][:1]
    if first and first in "-\u2212":
        return "-"
    if first == "+" or (m["start"] > 0 and text[m["start"] - 1] == "+"):
        return "+"
    return None


def _object_change(doc: Doc, m: dict, lex: ChangeLexicon) -> Optional[dict]:
    """'rose 6%', 'added 22,000 jobs', 'declined 31 cents', 'the decline would be $100 billion'."""
    word = _change_word_over(doc, m, lex)
    if word is None or _names_an_amount(word, m, lex):
        return None
    return {"direction": lex.token_direction(word), "role": "delta"}


def _change_word_over(doc: Doc, m: dict, lex: ChangeLexicon) -> Optional[Token]:
    """The change word the figure hangs directly off, or the change noun that is the subject of 'X was <figure>'."""
    tok = doc[m["head"]]
    if _counts_change_events(tok, m, lex):
        return None
    if tok.dep_ == "nummod" and m["unit"] is None and tok.head.pos_ in ("NOUN", "PROPN") and not lex.token_direction(tok.head):
        tok = tok.head  # a count: the counted noun is the object ("added 22,000 jobs")
    if tok.dep_ in ("compound", "nummod") and _is_period_comparison(tok.head, lex):
        tok = tok.head  # "rose 4.5% year on year": the parser hangs the figure off the first "year"
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":  # "the decline in the deficit was $100 billion", not "growth was 2%"
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and lex.token_direction(c)
                    and any(d.dep_ == "det" for d in c.children)]
        return subjects[0] if subjects else None
    if tok.dep_ not in ("dobj", "npadvmod", "advmod", "attr", "pobj", "nummod", "compound", "quantmod", "nmod", "amod"):
        return None
    head, climbed = tok.head, False
    if head.lower_ == "back" and head.dep_ in ("advmod", "prt"):
        head = head.head  # "fell back 1.1%"
    # "grew at a yearly rate of 2.1 percent", "shipped a total of 6 million crates", "have risen an average of 3
    # inches": climb through 'rate of', 'an average of' and 'by'
    for _ in range(3):
        if head.dep_ == "prep" and head.lower_ in ("by", "of", "at") or head.lemma_ in ("rate", "pace", "total") \
                or head.lemma_ == "average" and head.pos_ == "NOUN":
            head, climbed = head.head, True
        else:
            break
    if head.pos_ in ("VERB", "NOUN") and lex.token_direction(head):
        return head
    return _direction_particle(head, m, lex) if head.pos_ == "VERB" and (tok.dep_ == "dobj" or climbed) else None


def _is_period_comparison(noun: Token, lex: ChangeLexicon) -> bool:
    """'year on year', 'month over month', 'quarter-on-quarter': a period noun compared with itself by a preposition."""
    if noun.lemma_.lower() not in lex.comparison_periods:
        return False
    words = [t for t in noun.doc[noun.i + 1:noun.i + 5] if t.text != "-"][:2]  # wherever the parser hangs 'on'
    return len(words) == 2 and words[0].lower_ in ("on", "over") and words[1].lemma_ == noun.lemma_


def _left_a_stock(doc: Doc, m: dict, lex: ChangeLexicon) -> Optional[dict]:
    """'150,000 people left the labor force': a count that is the subject of a verb of leaving, whose object is the
    stock it left, is that stock's decrease (guidelines, Change); 'with 3:12 left', 'the firm left 200 workers' are not."""
    tok = doc[m["head"]]
    if tok.dep_ == "nummod" and m["unit"] is None:
        tok = tok.head
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.leaving_a_stock:
        return None
    if not any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return None
    return {"direction": "down", "role": "delta"}


def _counts_change_events(tok: Token, m: dict, lex: ChangeLexicon) -> bool:
    """'averaged 7 rebounds', 'three hikes this year': a bare count whose counted noun is itself a change word counts
    those events; it is not the size of a change ('20,000 job cuts', which names what was cut, still is)."""
    noun = tok.head
    return (tok.dep_ == "nummod" and m["unit"] is None and noun.tag_ == "NNS" and lex.token_direction(noun) is not None
            and not any(c.dep_ in ("compound", "amod") for c in noun.children))


def _names_an_amount(word: Token, m: dict, lex: ChangeLexicon) -> bool:
    """'a loss of $5 million', 'raised $4 million': with money, these words name the amount, a level."""
    return word.lemma_.lower() in lex.money_levels and re.fullmatch(r"[A-Z]{3}", (m["unit"] or "").partition("/")[0]) is not None


def _is_period_of_change(doc: Doc, m: dict) -> bool:
    """'a seven-month decrease': a duration written as a modifier is the change's period, not its size."""
    return m["kind"] == "duration" and "-" in m["text"] and doc[m["head"]].dep_ in ("compound", "amod", "nmod")


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


def _drop_unpaired_from(doc: Doc, text: str, mentions: list[dict], out: list[Optional[dict]], lex: ChangeLexicon) -> None:
    """'sell oil from three sites': a bare 'from' that hangs off no change word, in a sentence with no other part of
    a change, gives a source or a place, not an earlier level."""
    for i, c in enumerate(out):
        m = mentions[i]
        before = text[max(m["sent_start"], _anchor(m) - 40):_anchor(m)]
        found = _BARE_FROM.search(before)
        if not c or c["role"] != "old" or not found:
            continue
        if any(o for j, o in enumerate(out) if j != i and mentions[j]["sent_start"] == m["sent_start"]):
            continue
        word = doc.char_span(_anchor(m) - len(before) + found.start(), _anchor(m), alignment_mode="expand")
        head = word[0].head if word is not None else None
        if head is not None and not lex.token_direction(head) and not _own_particle(head, lex):
            out[i] = None


def _olds_along_dated_lists(text: str, mentions: list[dict], out: list[Optional[dict]]) -> None:
    """'compared with 91 in 1999 and 126 in 1998': each earlier level of a list, dated by its year, is an old level."""
    for i, j in _neighbours(mentions):
        if out[j] is None and out[i] and out[i]["role"] == "old" and mentions[i]["unit"] == mentions[j]["unit"] \
                and _DATED_LIST.fullmatch(text[mentions[i]["end"]:_anchor(mentions[j])]):
            out[j] = dict(out[i])


def _level_compared_with_earlier(text: str, mentions: list[dict], out: list[Optional[dict]], lex: ChangeLexicon) -> None:
    """'1,280 gallons a day, compared to 1,340 gallons in 1990': a level compared with the same measure at an earlier
    time is the new level and that one the old; the numbers say which way it went. Without an earlier time it is a
    comparison with another thing ('6.8% compared with 9% of boys'), not a change."""
    for i, j in _neighbours(mentions):
        old, a, b = out[j], mentions[i], mentions[j]
        if out[i] is not None or not old or old["role"] != "old" or old["direction"] or a["unit"] != b["unit"]:
            continue
        if not _COMPARED.search(text[a["end"]:_anchor(b)]) or a["value"] is None or b["value"] in (None, a["value"]):
            continue
        if not (lex.time_cues.search(text[b["end"]:b["sent_end"]][:40])
                or _owned_earlier_level(text[a["end"]:_anchor(b)], lex)):  # "compared with last year's 1,340"
            continue
        direction = "up" if a["value"] > b["value"] else "down"
        out[i] = {"direction": direction, "role": "new"}
        for k in range(j, len(mentions)):  # the old levels listed with it ('91 in 1999 and 126 in 1998')
            if not (out[k] and out[k]["role"] == "old" and out[k]["direction"] is None
                    and mentions[k]["sent_start"] == a["sent_start"]):
                break
            out[k]["direction"] = direction


def _own_particle(verb: Token, lex: ChangeLexicon) -> bool:
    return any(c.dep_ in ("prt", "advmod") and lex.token_direction(c) for c in verb.children)


def _neighbours(mentions: list[dict]):
    """Each pair of figures next to each other in one sentence."""
    for i in range(len(mentions) - 1):
        if mentions[i + 1]["sent_start"] == mentions[i]["sent_start"]:
            yield i, i + 1


def _level_before_its_change(text: str, mentions: list[dict], out: list[Optional[dict]]) -> None:
    """'$2.4 million for 2021, down from $2.9 million', '$8,210 million, $35 million more than ...': a level set off
    before the change it is stated with is the new level."""
    for i, j in _neighbours(mentions):
        change = out[j]
        if out[i] is not None or not change or change["role"] not in ("delta", "old") or not change["direction"]:
            continue
        if mentions[j]["unit"] not in ("%", "x", mentions[i]["unit"]):
            continue
        apposition = _APPOSITION.search(text[mentions[i]["end"]:_anchor(mentions[j])])
        if apposition and _is_change_phrase(apposition.group("tail")):
            out[i] = {"direction": change["direction"], "role": "new"}


_TO_LEVEL = re.compile(r"\s*,?\s*to\s+")


def _delta_before_its_new_level(doc: Doc, text: str, mentions: list[dict], out: list[Optional[dict]],
                                lex: ChangeLexicon) -> None:
    """'Gold rose $12 to $2,010 an ounce': the figure between a change verb and the new level it reaches is the
    change's size, however the parser hung it ('$12 to' often reads as a range's quantifier)."""
    for i, j in _neighbours(mentions):
        new, a, b = out[j], mentions[i], mentions[j]
        if out[i] is not None or not new or new["role"] != "new" or not new["direction"] \
                or a["unit"] != b["unit"] or not _TO_LEVEL.fullmatch(text[a["end"]:_anchor(b)]):
            continue
        before = doc.char_span(a["sent_start"], _anchor(a), alignment_mode="contract")
        words = [t for t in before if not t.is_punct] if before is not None else []
        if words and words[-1].lower_ == "by":
            words = words[:-1]
        if words and lex.token_direction(words[-1]) == new["direction"] and words[-1].pos_ == "VERB":
            out[i] = {"direction": new["direction"], "role": "delta"}


def _is_change_phrase(tail: str) -> bool:
    words = re.findall(r"[a-z']+", tail.lower())
    return len(words) <= 7 and (not words or words[0] in _TAIL_STARTS) and not _TAIL_STOPS.intersection(words)


def _carry_across_alternatives(text: str, mentions: list[dict], out: list[Optional[dict]]) -> None:
    """'lost 190 points, or 0.6%', '$140 billion (or 7 percent)', '1 degree Celsius (1.8 F)': one change written twice."""
    for i, j in _neighbours(mentions):
        between = text[mentions[i]["end"]:_anchor(mentions[j])]
        if _ALTERNATIVE.fullmatch(between) or mentions[i]["unit"] is None and _COUNT_ALTERNATIVE.fullmatch(between):
            if out[i] and not out[j]:
                out[j] = dict(out[i])
            elif out[j] and not out[i]:
                out[i] = dict(out[j])


def _carry_along_lists(text: str, mentions: list[dict], out: list[Optional[dict]]) -> None:
    """'rising 8.9%, 7.9% and 10.1%', 'Acme was down 2.3%, Beta by 2.6%': one change verb over a list of deltas."""
    for i, j in _neighbours(mentions):
        prev = out[i]
        if out[j] is not None or not prev or prev["role"] != "delta" or not prev["direction"]:
            continue
        if mentions[i]["unit"] is None or mentions[i]["unit"] != mentions[j]["unit"]:
            continue
        between = text[mentions[i]["end"]:_anchor(mentions[j])]
        if _LIST_JOINER.fullmatch(between) or _GAPPED_BY.search(between):
            out[j] = dict(prev)
