"""What proposers: each offers a figure the phrases one kind of evidence says it measures, as :class:`Candidate` s.

Every proposer is ``(frame, mi) -> list[Candidate]`` for the figure ``frame.mentions[mi]``; the candidate's value
is the phrase (the what as the claim would carry it). They do not judge: ``pipeline/slots/what_features.py``
merges what several proposers offer, adds the features and the rules' order, and the ranker chooses. The rules'
own answer (``fill_subject`` with ``claims._fallbacks``) is one proposer among them, so the rules-only ranker
gives the claims the cascade gave. A candidate joining words from two places ('people killed') has no span, as
the claim's ``what_span`` has none then; :attr:`WhatFrame.anchors` keeps the token it stands at for the features.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from newsclaims.resources import model_path
from newsclaims.slots.candidates import NULL, Candidate
from newsclaims.slots.subject import PRONOUNS, SUBJECTS, WhatLexicon, _clause_after, _is_the_unit, _phrase
from newsclaims.slots.who_proposers import Clause, WhoFrame

SLOT = "what"
_OBJECTS = ("dobj", "attr", "oprd")
_SEPARATORS = {",", ";", ":", "and", "or", "while", "but", "(", ")", "--", "–", "—"}
_MODIFIED_TOKENS = 12  # the most words a noun with its modifiers runs to
_TRAILING = ("DET", "ADP", "PUNCT", "CCONJ", "PRON", "AUX", "PART", "ADV", "SCONJ")
_TRAILING_WORDS = ("worth", "valued", "totaling", "totalling")


@dataclass
class WhatFrame:
    """What the what proposers read about one document, built once per document on the who frame (which holds
    the parse of each figure's clause, the sentences, entities, comparison markers and lead). ``rules`` is the
    cascade's what per figure, set by the claim builder as it walks the figures."""

    who: WhoFrame
    lexicon: WhatLexicon
    kinds: "KindWords" = None
    changes: list = field(default_factory=list)  # per figure, its part in a change (the claim's ``change``)
    rules: dict[int, Optional[tuple]] = field(default_factory=dict)
    anchors: dict[tuple, tuple[int, int]] = field(default_factory=dict)  # (mi, text) -> span a joined phrase stands at

    @property
    def doc(self) -> Doc:
        return self.who.doc

    @property
    def mentions(self) -> list[dict]:
        return self.who.mentions

    def clause(self, mi: int) -> Clause:
        return self.who.clause(mi)

    def anchor(self, mi: int, cand: Candidate) -> Optional[tuple[int, int]]:
        """Where the candidate stands in the text: its span, else the span of the token it was built at."""
        return cand.span if cand.span is not None else self.anchors.get((mi, cand.value))


@dataclass(frozen=True)
class KindWords:
    """The words that say what kind of figure a what is (``models/lexicon/what_kinds.json``)."""

    share_kinds: frozenset
    share: str
    change: dict

    @classmethod
    def load(cls) -> "KindWords":
        return cls.from_data(json.loads(model_path("lexicon", "what_kinds.json").read_text(encoding="utf-8")))

    @classmethod
    def from_data(cls, data: dict) -> "KindWords":
        return cls(frozenset(data["share"]["kinds"]), data["share"]["word"], dict(data["change"]))


def _exclude(m: dict) -> tuple[int, int]:
    return m["token_start"], m["token_end"]


def _inside(m: dict, tok: Token) -> bool:
    return m["token_start"] <= tok.i < m["token_end"]


def _candidate(frame: WhatFrame, mi: int, found: Optional[tuple], proposer: str, **features: float) -> list[Candidate]:
    """A candidate from a (text, span) the phrase helpers return; none for a pronoun or the figure's own unit."""
    if found is None or not found[0] or found[0].lower() in PRONOUNS or _is_the_unit(found, frame.mentions[mi]):
        return []
    span = tuple(found[1]) if found[1] is not None else None
    return [Candidate(SLOT, proposer, found[0], found[0], span, None, dict(features))]


def _noun_phrase(frame: WhatFrame, mi: int, tok: Optional[Token], proposer: str, clauses: bool = False,
                 **features: float) -> list[Candidate]:
    if tok is None or _inside(frame.mentions[mi], tok) or tok.lower_ in PRONOUNS or tok.like_num \
            or tok.pos_ not in ("NOUN", "PROPN") or not tok.is_alpha:
        return []
    found = _phrase(frame.doc, tok, _exclude(frame.mentions[mi]), max_tokens=14 if clauses else 10, clauses=clauses)
    return _candidate(frame, mi, found, proposer, **features)


def _joined(frame: WhatFrame, mi: int, words: list[Token], proposer: str, **features: float) -> list[Candidate]:
    """A phrase of words from two places, in text order, with no span; anchored at its first word."""
    words = sorted(set(words), key=lambda t: t.i)
    text = " ".join(t.text for t in words)
    found = _candidate(frame, mi, (text, None), proposer, joined=1.0, **features)
    if found:
        frame.anchors[(mi, text)] = (words[0].idx, words[-1].idx + len(words[-1]))
    return found


# --------------------------------------------------------------------------- the proposers


def rules_what(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The rules' answer: the what of ``fill_subject`` and the claim builder's fallbacks, as it stands."""
    answer = frame.rules.get(mi)
    if not answer or not answer[0]:
        return []
    text, span = answer
    return [Candidate(SLOT, "rules", text, text, tuple(span) if span is not None else None)]


def counted_noun(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The noun the figure counts or modifies ('20 domestic projects', 'a 15% stake'), bare and with its clause
    ('people who left the labor force')."""
    noun = frame.clause(mi).noun
    bare = _noun_phrase(frame, mi, noun, "counted")
    longer = [c for c in _noun_phrase(frame, mi, noun, "counted", clauses=True, with_clause=1.0)
              if c.value not in {b.value for b in bare}]
    return bare + longer


def whole_phrase(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The counted noun (else the governing verb's subject) with all it governs, any preposition and clause:
    'deaths resulting from tornadoes', 'confirmed cases since December' (at most a dozen words, minus the figure)."""
    c, m = frame.clause(mi), frame.mentions[mi]
    tok = c.noun if c.noun is not None else c.subject
    if tok is None or _inside(m, tok) or tok.lower_ in PRONOUNS:
        return []
    words = [t for t in frame.doc[tok.left_edge.i:tok.right_edge.i + 1] if not _inside(m, t)]
    words = [t for t in words if t.i >= tok.i - 4 and t.i <= tok.i + 11]
    while words and (words[0].pos_ in ("DET", "ADP", "PUNCT", "CCONJ") or words[0].i < tok.i and words[0].like_num):
        words = words[1:]
    while words and words[-1].pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "PRON", "AUX", "PART"):
        words = words[:-1]
    if not words or any(b.i - a.i != 1 for a, b in zip(words, words[1:])):
        return []
    span = frame.doc[words[0].i:words[-1].i + 1]
    return _candidate(frame, mi, (span.text, [span.start_char, span.end_char]), "whole")


def kind_word(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The thing with the word for what kind of figure it is, as the guidelines write whats: a percentage of
    imports is the 'share of imports'; a change's delta of exports the 'increase in exports'."""
    m, c, kinds = frame.mentions[mi], frame.clause(mi), frame.kinds
    if kinds is None:
        return []
    change = frame.changes[mi] if mi < len(frame.changes) else None
    if change and change.get("role") == "delta" and change.get("direction") in kinds.change:
        thing = c.subject if c.subject is not None and c.subject != c.noun else c.noun
        word, link = kinds.change[change["direction"]], "in"
    elif m.get("kind") in kinds.share_kinds:
        thing, word, link = _of_object(c.head) or c.noun or c.subject, kinds.share, "of"
    else:
        return []
    found = _noun_phrase(frame, mi, thing, "kind_word")
    if not found or found[0].value.lower().startswith(word):
        return []
    text = f"{word} {link} {found[0].value}"
    frame.anchors[(mi, text)] = found[0].span
    return [Candidate(SLOT, "kind_word", text, text, None, None, {"joined": 1.0, f"kind_word_{link}": 1.0})]


def _of_object(head: Token) -> Optional[Token]:
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def of_phrase(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The noun phrase the figure is 'of' ('70% of U.S. imports'), or the noun it is an amount of ('a tariff of 20%')."""
    head = frame.clause(mi).head
    out = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            out += _noun_phrase(frame, mi, next((c for c in prep.children if c.dep_ == "pobj"), None), "of")
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
        out += _noun_phrase(frame, mi, head.head.head, "of", amount_of=1.0)
    return out


def verb_subject(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The subject of the verb that governs the figure: 'the deficit was $1.5 trillion'."""
    c = frame.clause(mi)
    return _noun_phrase(frame, mi, c.subject, "subject")


def verb_object(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The object of the verb that governs the figure, when the figure is not it: 'cut the tariff to 10%'."""
    c = frame.clause(mi)
    if c.verb is None:
        return []
    objects = [o for o in c.verb.children if o.dep_ in _OBJECTS and not _inside(frame.mentions[mi], o) and o != c.noun]
    return [cand for o in objects[:2] for cand in _noun_phrase(frame, mi, o, "object")]


def measured_with_verb(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The measured noun with the verb that says what happened to it: 'people [in Florida] lost power' (a subject),
    'killing 77 people' -> 'killing people' (an object), 'drove 3 meters' -> 'drove meters'."""
    m, c = frame.mentions[mi], frame.clause(mi)
    noun = c.noun
    if noun is not None:
        found = _phrase(frame.doc, noun, _exclude(m))
        after = _clause_after(frame.doc, noun, found, _exclude(m)) if found is not None else None
        if after is not None:
            return _candidate(frame, mi, after, "with_verb")
        if noun.dep_ in _OBJECTS and noun.head.pos_ == "VERB" and found is not None:
            words = [t for t in frame.doc.char_span(*found[1], alignment_mode="expand")]
            return _joined(frame, mi, [noun.head] + words, "with_verb")
    head = c.head
    if head.dep_ in ("dobj", "npadvmod") and head.head.pos_ == "VERB" and (m.get("unit_text") or "").isalpha():
        unit = [t for t in frame.doc[m["token_start"]:m["token_end"]] if t.is_alpha and not t.like_num]
        return _joined(frame, mi, [head.head] + unit, "with_verb")
    return []


def money_for(frame: WhatFrame, mi: int) -> list[Candidate]:
    """What money is for or in: '$145 billion for operations in Iraq', '$58 billion in loans'."""
    m = frame.mentions[mi]
    if m.get("kind") != "money":
        return []
    out = []
    for prep in frame.clause(mi).head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "in", "on"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            out += _noun_phrase(frame, mi, pobj, "for", **{f"money_{prep.lower_}": 1.0})
    return out


def modified_noun(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The measured noun with the words that follow and modify it, which say which things were counted or what
    the money bought: 'damage to buildings and other property', 'missions to deliver supplies', 'loans originated
    in 18 months', 'food given to six countries' (any preposition, participle or infinitive; up to a comma, a
    figure or a dozen words). For the counted noun, the noun money is 'for' or 'in', and the noun a figure is 'of'."""
    c, m = frame.clause(mi), frame.mentions[mi]
    nouns = [c.noun] + [_object_of(c.head, prep) for prep in ("for", "in", "of")]
    if m.get("kind") == "money" and c.head.dep_ == "dobj":  # 'made $2 billion in loans to farmers': the verb's
        nouns += [_object_of(c.head.head, prep) for prep in ("for", "in")]  # 'in' follows its object
    nouns = [t for t in nouns if t is None or t.i > c.head.i or t == c.noun]
    out: list[Candidate] = []
    for tok in dict.fromkeys(t for t in nouns if t is not None):
        found = _postmodified(frame, mi, tok)
        if found is not None and found[0] not in {o.value for o in out}:
            out += _candidate(frame, mi, found, "modified")
    return out


def _object_of(head: Token, word: str) -> Optional[Token]:
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == word), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _postmodified(frame: WhatFrame, mi: int, tok: Token) -> Optional[tuple]:
    """(text, span) of ``tok``'s noun phrase stretched over the words after it that its subtree holds; None when
    nothing follows it or the noun is no plain noun."""
    m, doc = frame.mentions[mi], frame.doc
    if _inside(m, tok) or tok.lower_ in PRONOUNS or tok.pos_ not in ("NOUN", "PROPN") or not tok.is_alpha:
        return None
    base = _phrase(doc, tok, _exclude(m))
    if base is None:
        return None
    start = doc.char_span(*base[1], alignment_mode="expand").start
    end = tok.i + 1
    while end <= tok.right_edge.i and end - start < _MODIFIED_TOKENS and not _ends_modifier(m, doc[end]):
        end += 1
    while end > tok.i + 1 and (doc[end - 1].pos_ in _TRAILING or doc[end - 1].lower_ in _TRAILING_WORDS):
        end -= 1
    span = doc[start:end]
    if span.end_char <= base[1][1]:
        return None  # nothing after the noun's own phrase: the counted-noun proposer offers it already
    return span.text, [span.start_char, span.end_char]


def _ends_modifier(m: dict, tok: Token) -> bool:
    """A comma, a bracket or another figure ends what modifies the noun: past it the sentence says something else."""
    return tok.is_punct and tok.text not in ("-", "'", "’") or tok.like_num or tok.text in ("$", "%", "€", "£") \
        or _inside(m, tok) or tok.lower_ in ("while", "but", "because", "although", "as")


def list_item(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The head of the figure's list item or gapped clause: in 'exports rose 12%, imports 8%' the 8% is the
    imports'. The nouns right before the figure, when a separator (comma, 'and', a parenthesis) or the
    sentence's start stands right before them."""
    m, doc = frame.mentions[mi], frame.doc
    sentence = doc.char_span(m["sent_start"], m["sent_end"], alignment_mode="expand")
    first = sentence.start if sentence is not None else 0
    i = m["token_start"] - 1
    while i >= first and m["token_start"] - i <= 5 and _item_word(doc[i]):
        i -= 1
    if i == m["token_start"] - 1 or doc[m["token_start"] - 1].pos_ not in ("NOUN", "PROPN"):
        return []
    if i >= first and doc[i].lower_ not in _SEPARATORS:
        return []
    span = doc[i + 1:m["token_start"]]
    return _candidate(frame, mi, (span.text, [span.start_char, span.end_char]), "list_item")


def _item_word(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.lower_ not in _SEPARATORS


def previous_figure(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The what of the figure before this one in its sentence, restated ('rose 12% to $5 billion')."""
    m = frame.mentions[mi]
    if mi == 0 or frame.mentions[mi - 1]["sent_start"] != m["sent_start"]:
        return []
    answer = frame.rules.get(mi - 1)
    if not answer or not answer[0]:
        return []
    return _candidate(frame, mi, answer, "previous")


def headline_phrase(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The headline's subject phrase (else its root noun phrase, else its first noun): what the story is about."""
    if not frame.who.lead or frame.who.lead[0][0] == frame.mentions[mi]["sent_start"]:
        return []
    span = frame.doc.char_span(*frame.who.lead[0], alignment_mode="expand")
    if span is None or not len(span):
        return []
    subject = next((c for c in span.root.children if c.dep_ in SUBJECTS), None)
    if subject is None:  # a headline without a verb often parses as one noun phrase
        subject = span.root if span.root.pos_ in ("NOUN", "PROPN") else next((t for t in span if t.pos_ == "NOUN"), None)
    return _noun_phrase(frame, mi, subject, "headline")


def null_what(frame: WhatFrame, mi: int) -> list[Candidate]:
    """No what: the text does not say what the figure measures."""
    return [Candidate(SLOT, NULL)]


def normalised(text: Optional[str]) -> str:
    """A what compared loosely when candidates are merged: lower case, words only."""
    return " ".join(re.findall(r"\w+", (text or "").lower()))


Proposer = Callable[[WhatFrame, int], list[Candidate]]
PROPOSERS: dict[str, Proposer] = {
    "rules": rules_what, "counted": counted_noun, "of": of_phrase, "subject": verb_subject, "object": verb_object,
    "with_verb": measured_with_verb, "for": money_for, "modified": modified_noun, "list_item": list_item, "previous": previous_figure,
    "headline": headline_phrase, "whole": whole_phrase, "kind_word": kind_word, NULL: null_what,
}
