"""What proposers: each offers a figure the phrases one kind of evidence says it measures, as :class:`Candidate` s.

Every proposer is ``(frame, mi) -> list[Candidate]`` for the figure ``frame.mentions[mi]``; the candidate's value
is the phrase (the what as the claim would carry it). They do not judge: ``pipeline/slots/what_features.py``
merges what several proposers offer, adds the features and the rules' order, and the ranker chooses. The rules'
own answer (``fill_subject`` with ``fallbacks.fallbacks``) is one proposer among them, so the rules-only ranker
gives the claims the cascade gave. A candidate joining words from two places ('boats sunk') has no span, as
the claim's ``what_span`` has none then; :attr:`WhatFrame.anchors` keeps the token it stands at for the features.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from newsclaims.resources import model_path
from newsclaims.slots.candidates import NULL, Candidate
from newsclaims.slots.subject import (LOCATIVE_LABELS, SUBJECTS, WhatLexicon, _clause_after,
                                      _is_the_unit, _phrase)
from newsclaims.slots.when import counted_back_or_ago
from newsclaims.slots.who_proposers import Clause, WhoFrame

SLOT = "what"
_OBJECTS = ("dobj", "attr", "oprd")
_SEPARATORS = {",", ";", ":", "and", "or", "while", "but", "(", ")", "--", "–", "—"}
_MODIFIED_TOKENS = 12  # the most words a noun with its modifiers runs to
_TRAILING = ("DET", "ADP", "PUNCT", "CCONJ", "PRON", "AUX", "PART", "ADV", "SCONJ")
_TRAILING_WORDS = ("worth", "valued", "totaling", "totalling")
_TAIL_TOKENS = 12  # the most words a figure's clause goes on about it
_KEPT_PUNCT = ("-", "'", "’", "/", "&")
_COMPLEMENTS = ("dobj", "npadvmod", "attr", "oprd", "dative")


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
    _figure_tokens: Optional[frozenset] = None
    memo: dict = field(default_factory=dict)  # per document: spans, and per figure its things and tails, read often

    @property
    def doc(self) -> Doc:
        return self.who.doc

    @property
    def mentions(self) -> list[dict]:
        return self.who.mentions

    def clause(self, mi: int) -> Clause:
        return self.who.clause(mi)

    def figure_tokens(self) -> frozenset:
        """The indices of every token of every figure of the document."""
        if self._figure_tokens is None:
            self._figure_tokens = frozenset(i for m in self.mentions for i in range(m["token_start"], m["token_end"]))
        return self._figure_tokens

    def span(self, start: int, end: int) -> Optional[Span]:
        """``doc.char_span(start, end, alignment_mode="expand")``, once per (start, end)."""
        key = ("span", start, end)
        if key not in self.memo:
            self.memo[key] = self.doc.char_span(start, end, alignment_mode="expand")
        return self.memo[key]

    def anchor(self, mi: int, cand: Candidate) -> Optional[tuple[int, int]]:
        """Where the candidate stands in the text: its span, else the span of the token it was built at."""
        return cand.span if cand.span is not None else self.anchors.get((mi, cand.value))


@dataclass(frozen=True)
class KindWords:
    """The words that say what kind of figure a what is (``models/lexicon/what_kinds.json``)."""

    share_kinds: frozenset
    share: str
    change: dict
    dimensions: dict = field(default_factory=dict)  # a figure's dimension -> the word for it ('length' -> 'distance')
    adjectives: dict = field(default_factory=dict)  # '4 m long' -> 'length'
    share_who: str = "share who"
    comparisons: frozenset = frozenset()
    verb_nouns: dict = field(default_factory=dict)  # 'cost' -> 'cost', 'spend' -> 'spending'
    participles: frozenset = frozenset()  # beside the level verbs, the lemmas of 'priced at $9 million'
    clause_ends: frozenset = frozenset()  # words that open another clause ('because ...'): a figure's tail ends there
    period_words: frozenset = frozenset()  # 'over the past decade' spans a period: no comparison
    loose_preps: frozenset = frozenset()  # 'happened ... with 70 storms': the storms are not what happened
    scales: tuple = ()  # ({"what", "before", "after", "context"}, ...): "a 6.1 magnitude quake"
    layout: dict = field(default_factory=dict)  # a stat block's and a labelled line's words (what_layout.py)
    span_preps: frozenset = frozenset()  # 'since May', 'over the past year': a period the what keeps
    scores: dict = field(default_factory=dict)  # 'Arsenal beat Brentford 2-1' -> 'goals scored against Brentford'
    holding_verbs: frozenset = frozenset()  # 'the list includes 40 firms from Ohio': no event the phrase belongs to

    @classmethod
    def load(cls) -> "KindWords":
        return cls.from_data(json.loads(model_path("lexicon", "what_kinds.json").read_text(encoding="utf-8")))

    @classmethod
    def from_data(cls, data: dict) -> "KindWords":
        return cls(frozenset(data["share"]["kinds"]), data["share"]["word"], dict(data["change"]),
                   dict(data.get("dimensions", {})), dict(data.get("adjectives", {})),
                   data["share"].get("who", "share who"), frozenset(data.get("comparisons", ())),
                   dict(data.get("verb_nouns", {})), frozenset(data.get("participles", ())),
                   frozenset(data.get("clause_ends", ())), frozenset(data.get("period_words", ())),
                   frozenset(data.get("loose_preps", ())), tuple(data.get("scales", ())), dict(data.get("layout", {})),
                   frozenset(data.get("span_preps", ())), dict(data.get("scores", {})),
                   frozenset(data.get("holding_verbs", ())))


def _exclude(m: dict) -> tuple[int, int]:
    return m["token_start"], m["token_end"]


def _inside(m: dict, tok: Token) -> bool:
    return m["token_start"] <= tok.i < m["token_end"]


def _candidate(frame: WhatFrame, mi: int, found: Optional[tuple], proposer: str, **features: float) -> list[Candidate]:
    """A candidate from a (text, span) the phrase helpers return; none for a pronoun or the figure's own unit."""
    if found is None or not found[0] or found[0].lower() in frame.who.words.pronouns or _is_the_unit(found, frame.mentions[mi]):
        return []
    span = tuple(found[1]) if found[1] is not None else None
    return [Candidate(SLOT, proposer, found[0], found[0], span, None, dict(features))]


def _noun_phrase(frame: WhatFrame, mi: int, tok: Optional[Token], proposer: str, clauses: bool = False,
                 **features: float) -> list[Candidate]:
    if tok is None or _inside(frame.mentions[mi], tok) or tok.lower_ in frame.who.words.pronouns or tok.like_num \
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
    """The noun the figure counts or modifies ('30 wind farms', 'a 40% share'), bare and with its clause
    ('workers who quit the union')."""
    noun = frame.clause(mi).noun
    bare = _noun_phrase(frame, mi, noun, "counted")
    longer = [c for c in _noun_phrase(frame, mi, noun, "counted", clauses=True, with_clause=1.0)
              if c.value not in {b.value for b in bare}]
    return bare + longer


def whole_phrase(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The counted noun (else the governing verb's subject) with all it governs, any preposition and clause:
    'injuries caused by falls', 'reported outbreaks since January' (at most a dozen words, minus the figure)."""
    c, m = frame.clause(mi), frame.mentions[mi]
    tok = c.noun if c.noun is not None else c.subject
    if tok is None or _inside(m, tok) or tok.lower_ in frame.who.words.pronouns:
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
    """The noun phrase the figure is 'of' ('60% of French wine sales'), or the noun it is an amount of ('a levy of 15%')."""
    head = frame.clause(mi).head
    out = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            out += _noun_phrase(frame, mi, next((c for c in prep.children if c.dep_ == "pobj"), None), "of")
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
        out += _noun_phrase(frame, mi, head.head.head, "of", amount_of=1.0)
    return out


def verb_subject(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The subject of the verb that governs the figure: 'the shortfall was $3 billion'."""
    c = frame.clause(mi)
    return _noun_phrase(frame, mi, c.subject, "subject")


def verb_object(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The object of the verb that governs the figure, when the figure is not it: 'raised the fee to 8%'."""
    c = frame.clause(mi)
    if c.verb is None:
        return []
    objects = [o for o in c.verb.children if o.dep_ in _OBJECTS and not _inside(frame.mentions[mi], o) and o != c.noun]
    return [cand for o in objects[:2] for cand in _noun_phrase(frame, mi, o, "object")]


def measured_with_verb(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The measured noun with the verb that says what happened to it: 'farmers [in Ohio] lost crops' (a subject),
    'sinking 12 boats' -> 'sinking boats' (an object), 'walked 5 kilometers' -> 'walked kilometers'."""
    m, c = frame.mentions[mi], frame.clause(mi)
    noun = c.noun
    if noun is not None:
        found = _phrase(frame.doc, noun, _exclude(m))
        after = _clause_after(frame.doc, noun, found, _exclude(m)) if found is not None else None
        if after is not None:
            return _candidate(frame, mi, after, "with_verb")
        if noun.dep_ in _OBJECTS and noun.head.pos_ == "VERB" and found is not None:
            words = [t for t in frame.span(*found[1])]
            return _joined(frame, mi, [noun.head] + words, "with_verb")
    head = c.head
    if head.dep_ in ("dobj", "npadvmod") and head.head.pos_ == "VERB" and (m.get("unit_text") or "").isalpha() \
            and verb_lemma(head.head) not in frame.lexicon.level_verbs:  # 'the talks lasted 10 hours': the talks'
        unit = [t for t in frame.doc[m["token_start"]:m["token_end"]] if t.is_alpha and not t.like_num]
        return _joined(frame, mi, [head.head] + unit, "with_verb")
    return []


def money_for(frame: WhatFrame, mi: int) -> list[Candidate]:
    """What money is for or in: '$9 million for repairs at the harbor', '$4 billion in credits'."""
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
    the money bought: 'harm to bridges and other roads', 'trips to carry medicine', 'credits issued
    in 9 months', 'seed sent to four villages' (any preposition, participle or infinitive; up to a comma, a
    figure or a dozen words). For the counted noun, the noun money is 'for' or 'in', and the noun a figure is 'of'."""
    c, m = frame.clause(mi), frame.mentions[mi]
    nouns = [c.noun] + _objects_of(c.head, ("for", "in", "of"))
    if m.get("kind") == "money" and c.head.dep_ == "dobj":  # 'made $2 billion in loans to farmers': the verb's
        nouns += _objects_of(c.head.head, ("for", "in"))  # 'in' follows its object
    nouns = [t for t in nouns if t is None or t.i > c.head.i or t == c.noun]
    out: list[Candidate] = []
    for tok in dict.fromkeys(t for t in nouns if t is not None):
        found = _postmodified(frame, mi, tok)
        if found is not None and found[0] not in {o.value for o in out}:
            out += _candidate(frame, mi, found, "modified")
    return out


def _objects_of(head: Token, words: tuple) -> list[Optional[Token]]:
    """The object of ``head``'s first preposition of each word: ``head.children`` walks the whole subtree's edges,
    so it is read once for all the words."""
    preps: dict[str, Token] = {}
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in words:
            preps.setdefault(c.lower_, c)
    return [next((c for c in preps[w].children if c.dep_ == "pobj"), None) if w in preps else None for w in words]


def _postmodified(frame: WhatFrame, mi: int, tok: Token) -> Optional[tuple]:
    """(text, span) of ``tok``'s noun phrase stretched over the words after it that its subtree holds; None when
    nothing follows it or the noun is no plain noun."""
    m, doc = frame.mentions[mi], frame.doc
    if _inside(m, tok) or tok.lower_ in frame.who.words.pronouns or tok.pos_ not in ("NOUN", "PROPN") or not tok.is_alpha:
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
    sentence = frame.span(m["sent_start"], m["sent_end"])
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


def level_verb_as_noun(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The noun phrase before a level verb the parser took for a plural noun ('the repair budget for 2031 totals
    $40 million', 'totals' a noun with the figure its apposition): the budget is what the figure measures, with
    and without the attachments after its head ('repair budget', 'repair budget for 2031')."""
    m, doc = frame.mentions[mi], frame.doc
    i = m["token_start"] - 1
    while i >= 0 and m["token_start"] - i <= 3 and doc[i].dep_ in ("quantmod", "advmod", "amod") and not doc[i].is_punct:
        i -= 1
    verb = doc[i] if i >= 0 else None
    if verb is None or verb.pos_ != "NOUN" or not verb.lower_.endswith("s") \
            or verb.lemma_.lower() not in frame.lexicon.level_verbs:
        return []
    sentence = frame.span(m["sent_start"], m["sent_end"])
    first = sentence.start if sentence is not None else 0
    j = verb.i - 1
    while j >= first and verb.i - j <= _MODIFIED_TOKENS and not doc[j].is_punct and doc[j].pos_ not in ("VERB", "AUX"):
        j -= 1
    words = [t for t in doc[j + 1:verb.i] if not (t.like_num and t.dep_ == "nummod" and t.head == verb)]
    while words and words[0].pos_ in ("DET", "ADP", "CCONJ"):
        words = words[1:]
    while words and words[-1].pos_ in _TRAILING:
        words = words[:-1]
    head = next((k for k, t in enumerate(words) if t.pos_ == "ADP"), None)
    out = _stitched(frame, mi, words, "level_noun") if words else []
    if head:
        out += _stitched(frame, mi, words[:head], "level_noun")
    return out


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


# --------------------------------------------------------------------------- what the figure's clause goes on to say


def _sentence_end(frame: WhatFrame, m: dict) -> int:
    span = frame.span(m["sent_start"], m["sent_end"])
    return span.end if span is not None else len(frame.doc)


def _past_bracket(doc: Doc, i: int, end: int) -> int:
    """Past a bracket that restates the figure ('5 miles (8 km) from ...'), or that the figure stands in."""
    if i < end and doc[i].text == ")":
        return i + 1
    if i < end and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(end, i + 8)) if doc[j].text == ")"), None)
        return close + 1 if close is not None else i
    return i


def _ends_tail(frame: WhatFrame, tok: Token) -> bool:
    """A comma or bracket, a line break, another figure, a new clause ('and injured ...', 'because ...'): past it
    the sentence says something else."""
    clause_ends = frame.kinds.clause_ends if frame.kinds is not None else ()
    return tok.is_punct and tok.text not in _KEPT_PUNCT or tok.is_space or tok.i in frame.figure_tokens() \
        or tok.lower_ in clause_ends \
        or tok.dep_ == "cc" and tok.head.pos_ not in ("NOUN", "PROPN", "NUM") and tok.head.dep_ not in ("amod", "compound") \
        or tok.dep_ == "mark" and tok.lower_ != "that" or tok.dep_ == "agent" or _compares_with_figure(frame, tok)


def _compares_with_figure(frame: WhatFrame, tok: Token) -> bool:
    """'9 games compared with totals of 14': a comparison whose baseline is another figure ends what this figure's
    clause says about it (the baseline is a claim of its own)."""
    if frame.kinds is None or tok.lower_ not in frame.kinds.comparisons or tok.lower_ in ("from", "over"):
        return False
    return any(t.i in frame.figure_tokens() for t in tok.subtree)


def _list_end(doc: Doc, i: int, end: int) -> Optional[int]:
    """Where a list that goes on at the comma ``i`` ends: ', beans, maize, or winter wheat' (items of a few
    nouns and adjectives, the last after 'and'/'or'); None when the comma does not go on with a list. Read from
    the words, since parsers often split such a list."""
    j = i
    while j < end and doc[j].text == ",":
        j += 1
        if j < end and doc[j].lower_ in ("and", "or"):
            k = _item_end(doc, j + 1, end)
            return k if k > j + 1 else None
        k = _item_end(doc, j, end)
        if k == j:
            return None
        j = k
        if j < end and doc[j].lower_ in ("and", "or"):
            k = _item_end(doc, j + 1, end)
            return k if k > j + 1 else None
    return None


def _item_end(doc: Doc, j: int, end: int) -> int:
    k = j
    while k < end and k - j < 4 and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET") and not doc[k].like_num:
        k += 1
    return k


def _tail(frame: WhatFrame, mi: int, start: int, limit: int = _TAIL_TOKENS) -> list[Token]:
    """:func:`_read_tail`, once per figure and start: several proposers read the same tail."""
    key = ("tail", mi, start, limit)
    if key not in frame.memo:
        frame.memo[key] = _read_tail(frame, mi, start, limit)
    return list(frame.memo[key])


def _read_tail(frame: WhatFrame, mi: int, start: int, limit: int) -> list[Token]:
    """The words from token ``start`` on that go on saying what the figure measures: its complements and the rest
    of its clause ('from the north gate toward the river', 'to vacate the office', 'for calendar year 2031'), up to
    a comma (not one inside a list), another figure, a new clause or ``limit`` words, minus the function words
    they end on."""
    doc, end = frame.doc, _sentence_end(frame, frame.mentions[mi])
    i = _past_bracket(doc, start, end)
    stop = min(end, i + limit)
    words: list[Token] = []
    while i < stop:
        listed = _list_end(doc, i, end) if doc[i].text == "," and words else None
        if listed is not None and not any(k in frame.figure_tokens() for k in range(i, listed)):
            words += list(doc[i:listed])
            i = listed
            stop = max(stop, min(end, i + 2))
            continue
        if _ends_tail(frame, doc[i]):
            break
        words.append(doc[i])
        i += 1
    while words and (words[-1].pos_ in _TRAILING or words[-1].lower_ in _TRAILING_WORDS):
        words.pop()
    return words


_TIME_LABELS = ("DATE", "TIME")


def _without_point_in_time(frame: WhatFrame, words: list[Token]) -> list[Token]:
    """The tail minus the point in time it ends on ('flew 4,000 hours last year', 'grew 6% in the second quarter',
    'on Monday'), which the date slot holds; a period the figure runs over ('cases since May', 'over the past
    year', what_kinds.json span_preps) stays, as the guidelines keep it in the what."""
    end = len(words)
    while end and (words[end - 1].ent_type_ in _TIME_LABELS or end > 1 and words[end - 1].pos_ == "CCONJ"
                   and words[end - 2].ent_type_ in _TIME_LABELS):  # 'between May 2002 and May 2003' is one period
        end -= 1
    if end == len(words):
        return words
    spans = frame.kinds.span_preps if frame.kinds is not None else frozenset()
    if end and words[end - 1].lower_ in spans or words[end].lower_ in spans:  # the entity may hold its 'between'
        return words
    kept = words[:end]
    while kept and (kept[-1].pos_ in _TRAILING or kept[-1].lower_ in _TRAILING_WORDS):
        kept.pop()
    return kept


def _stitched(frame: WhatFrame, mi: int, words: list[Token], proposer: str, lead: str = "",
              **features: float) -> list[Candidate]:
    """A candidate of words in the order given, each run of neighbours as the text writes it, after an optional
    leading word; a span only when it is one run of the text with no word before it."""
    if not words:
        return []
    runs: list[list[Token]] = [[words[0]]]
    for tok in words[1:]:
        if tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    doc = frame.doc
    text = " ".join([lead] * bool(lead) + [doc[r[0].i:r[-1].i + 1].text for r in runs])
    first, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
    where = (first.idx, last.idx + len(last))
    span = list(where) if len(runs) == 1 and not lead else None
    found = _candidate(frame, mi, (text, span), proposer, **({} if span else {"joined": 1.0}), **features)
    if found and span is None:
        frame.anchors[(mi, text)] = where
    return found


def _verb_of(tok: Token) -> Optional[Token]:
    """The verb a figure or noun is the object or complement of: directly ('walked 5 kilometers', 'rescued 30'),
    through a preposition ('jailed for two years', 'settled on a 90-day ban'), or through the noun it is
    an amount or a modifier of ('lent a total of $2 million')."""
    for _ in range(3):
        head = tok.head
        if tok.dep_ in _COMPLEMENTS and head.pos_ == "VERB":
            return head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
            return head.head
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") \
                or tok.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
            tok = head.head if tok.dep_ == "pobj" else head
            continue
        return None
    return None


def _things(frame: WhatFrame, mi: int) -> list[Token]:
    """The nouns a figure can measure: the noun it counts, the noun it is an amount of ('a shortfall of $3 billion',
    'loans of $4 million'), what it is 'of', 'in' or 'for', else its clause's subject. Once per figure."""
    if ("things", mi) not in frame.memo:
        frame.memo[("things", mi)] = _read_things(frame, mi)
    return list(frame.memo[("things", mi)])


def _read_things(frame: WhatFrame, mi: int) -> list[Token]:
    c = frame.clause(mi)
    head = c.head
    out = [c.noun]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
        out.append(head.head.head)
    out += _objects_of(head, ("of", "in", "for"))
    if not any(out):
        out.append(c.subject)
    return [t for t in dict.fromkeys(out) if t is not None and _plain_noun(frame, mi, t)]


def _plain_noun(frame: WhatFrame, mi: int, tok: Token) -> bool:
    return not _inside(frame.mentions[mi], tok) and tok.lower_ not in frame.who.words.pronouns and tok.pos_ in ("NOUN", "PROPN") \
        and tok.is_alpha


def _phrase_words(frame: WhatFrame, mi: int, tok: Token) -> list[Token]:
    found = _phrase(frame.doc, tok, _exclude(frame.mentions[mi]))
    if found is None:
        return []
    span = frame.span(*found[1])
    return list(span) if span is not None else []


def clause_tail(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The measured thing with what the clause goes on to say about it after the figure: 'a dozen trucks to
    carry water to the camp', 'a shortfall of $3 billion for calendar year 2031', 'loans of $4 million
    are open to help bakeries'."""
    if _hyphened_measure(frame, mi):
        return []
    m = frame.mentions[mi]
    owner = _baseline_owner(frame, mi)  # 'compared with a rise of 3% in June': not the increase in May
    out: list[Candidate] = []
    counted = bool(_counted_words(frame, mi))
    for tok in _things(frame, mi):
        if owner is not False and (owner is None or tok == owner) or counted and tok == frame.clause(mi).subject:
            continue  # 'the team scored 112 points against Boston': the figure counts points, not the team
        words = _phrase_words(frame, mi, tok)
        tail = _tail(frame, mi, max([m["token_end"]] + [w.i + 1 for w in words])) if words else []
        tail = _without_point_in_time(frame, tail)  # 'economy shrank 2% in May': the May is the date slot's
        verb = _event_verb(frame, mi, tok, tail)
        if verb is not None:  # 'recalled 250,000 vehicles over a defect': the phrase is the recall's
            particles = [t for t in verb.children if t.dep_ == "prt" and t.i < tok.i]  # 'laid off 900 workers'
            out += _stitched(frame, mi, words + [verb] + particles + tail, "tail", event_verb=1.0)
        elif tail:
            out += _stitched(frame, mi, words + tail, "tail")
    return out


def _event_verb(frame: WhatFrame, mi: int, noun: Token, tail: list[Token]) -> Optional[Token]:
    """The verb that acted on the counted noun, when the tail after the noun opens with a phrase of the verb's, not
    the noun's ('arrested 45 people during the protest', 'recalled 250,000 vehicles over a defect'): the phrase
    says where, when or why the event happened, so the what names the event ('people arrested during the
    protest', as dev writes 'people killed in the train derailment'), not 'people during the protest'."""
    if not tail or tail[0].dep_ != "prep" or noun.dep_ not in _OBJECTS:
        return None
    verb = _verb_of(noun)
    if verb is None or tail[0].head.i != verb.i or verb.i > noun.i or verb_lemma(verb) in frame.lexicon.level_verbs \
            or verb_lemma(verb) in frame.who.words.reporter_verbs or _is_comparison(frame, verb) \
            or frame.kinds is not None and verb_lemma(verb) in frame.kinds.holding_verbs:
        return None
    return verb


def _hyphened_measure(frame: WhatFrame, mi: int) -> bool:
    """Whether the figure is hyphened to a measure adjective ('a 52-year-old farmer', 'a 30-foot-tall statue'): it
    is then an adjective of its noun, and what its clause goes on to say is the noun's, not the figure's; the
    adjective names its measure (measure_adjective: 'age')."""
    doc, end = frame.doc, frame.mentions[mi]["token_end"]
    if frame.kinds is None or end + 1 >= len(doc) or doc[end].text != "-":
        return False
    return doc[end + 1].lower_ in frame.kinds.adjectives


def verb_tail(frame: WhatFrame, mi: int) -> list[Candidate]:
    """For a figure that counts no noun, the verb it is the object of with what the clause goes on to say ('poured
    $6 million into the harbor over the last decade' -> 'poured into the harbor over the last decade'); for a length or a
    duration, which the text seldom names, the word for it too ('walked 5 kilometers from the camp' -> 'distance
    walked from the camp', 'distance from the camp'; 'granted ten days to appeal' -> 'time granted to appeal')."""
    m, c = frame.mentions[mi], frame.clause(mi)
    if c.noun is not None or _hyphened_measure(frame, mi):
        return []
    tail = _without_point_in_time(frame, _tail(frame, mi, m["token_end"]))
    verb = _verb_of(c.head)
    if verb is not None and (verb.i > m["token_start"] or verb_lemma(verb) in frame.lexicon.level_verbs
                             or verb_lemma(verb) in frame.who.words.reporter_verbs or _is_comparison(frame, verb)):
        verb = None
    verbs = [verb] + [t for t in verb.children if t.dep_ == "prt" and t.i < m["token_start"]] if verb is not None else []
    predicate = _predicate_after(frame, mi)
    if verb is None and predicate is not None:  # '$7 million heading to schools': the verb after the figure
        verbs, tail = [predicate], _without_point_in_time(frame, _tail(frame, mi, predicate.i + 1))
    if tail and tail[0].lower_ == "of":  # 'ship 2 million tonnes of coal': the coal is the thing, not the verb's
        tail = []
    out: list[Candidate] = []
    thing = _thing_named(frame, mi, tail)
    if thing and verb is not None:  # 'paid $34,000 in restitution' -> 'restitution paid', as the guidelines write
        out += _stitched(frame, mi, thing + verbs + tail[len(thing) + 1:], "verb_tail", thing_first=1.0)
        tail = []  # not 'paid in restitution'
    counted = _counted_words(frame, mi) if verb is not None else []
    if tail and verbs and counted:  # 'scored 112 points against Boston' -> 'points scored against Boston'
        out += _stitched(frame, mi, counted + verbs + tail, "verb_tail", counted_unit=1.0)
    elif tail and verbs:
        out += _stitched(frame, mi, verbs + tail, "verb_tail")
    word = frame.kinds.dimensions.get(m.get("dimension")) if frame.kinds is not None else None
    if tail and frame.kinds is not None and tail[0].lower_ in frame.kinds.adjectives:
        word = None  # '80 years old', '4 m high': the adjective names the measure ('age', 'height'), not 'time'
    if word and (tail or verbs):
        out += _stitched(frame, mi, verbs + tail, "verb_tail", lead=word, dimension_word=1.0)
        if tail and verbs:
            out += _stitched(frame, mi, tail, "verb_tail", lead=word, dimension_word=1.0)
    return out


def _thing_named(frame: WhatFrame, mi: int, tail: list[Token]) -> list[Token]:
    """The noun phrase a tail opens with after a preposition, when it is the thing the figure measures ('$2 million
    in donations from oil companies' -> 'donations'), with all it holds in the tail; empty otherwise."""
    if not tail or tail[0].dep_ != "prep":
        return []
    money_in = frame.mentions[mi].get("kind") == "money" and tail[0].lower_ == "in"  # '$4 billion in credits'
    pobj = next((c for c in tail[0].children if c.dep_ == "pobj" and (c in _things(frame, mi) or money_in
                                                                         and c.pos_ == "NOUN" and not c.ent_type_)), None)
    if pobj is None:
        return []
    return [t for t in tail[1:] if t.i <= pobj.right_edge.i]  # all the noun holds: 'damage to buildings'


def _counted_words(frame: WhatFrame, mi: int) -> list[Token]:
    """The noun a count holds inside its own mention ('112 points', '45 arrests'), which is what it counts."""
    m = frame.mentions[mi]
    if m.get("unit") is not None or m.get("kind") != "count" or not (m.get("unit_text") or "").isalpha():
        return []
    return [t for t in frame.doc[m["token_start"]:m["token_end"]] if t.is_alpha and not t.like_num]


_DURATION_PREPS = ("for", "within", "in", "during", "over")  # 'for fifty years, X has done Y': the time X did Y
_DURATION_WORDS = 8  # the most words of the subject or the object a duration's clause lends its what


def duration_clause(frame: WhatFrame, mi: int) -> list[Candidate]:
    """A duration the clause runs for, or a time ago, measures the time its clause's event took or lies back, as
    the guidelines write such whats: 'For ten years the paper has printed a weekly quiz' -> 'time paper has printed
    a weekly quiz', 'the bridge opened 80 years ago' -> 'time since bridge opened'; with and without the subject."""
    m = frame.mentions[mi]
    if m.get("dimension") != "duration" or frame.kinds is None:
        return []
    word = frame.kinds.dimensions.get("duration")
    found = _duration_verb(frame, mi)
    if word is None or found is None:
        return []
    verb, ago = found
    lead = f"{word} since" if ago else word
    subject = _clause_part(frame, mi, verb, SUBJECTS)
    upper = verb.head if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") else None
    if upper is not None and not subject:  # 'the city hopes to finish it within 5 years': the city hopes
        subject = _clause_part(frame, mi, upper, SUBJECTS) + [upper]
    rest = [verb] + _clause_part(frame, mi, verb, _OBJECTS)
    out = _stitched(frame, mi, sorted(subject + rest, key=lambda t: t.i), "duration", lead=lead, duration_clause=1.0)
    if subject:
        out += _stitched(frame, mi, rest, "duration", lead=lead, duration_clause=1.0)
    return out


def _duration_verb(frame: WhatFrame, mi: int) -> Optional[tuple[Token, bool]]:
    """(the verb, whether the figure is a time ago) of a duration that is the verb's 'for'/'within' phrase or its
    'N years ago'; None when the duration is the verb's object or the figure counts a noun ('a 5-year plan')."""
    c, m = frame.clause(mi), frame.mentions[mi]
    head = c.head
    ago = any(t.lower_ == "ago" for t in head.children) or (m["token_end"] < len(frame.doc)
                                                             and frame.doc[m["token_end"]].lower_ == "ago")
    tok = head
    if ago:
        tok = tok.head if tok.dep_ in ("npadvmod", "pobj", "advmod", "dobj") else tok
    elif head.dep_ == "pobj" and head.head.lower_ in _DURATION_PREPS:
        tok = head.head.head
    else:
        return None
    while tok.pos_ not in ("VERB", "AUX") and tok.dep_ in ("advmod", "prep", "npadvmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX") or _inside(m, tok) or verb_lemma(tok) in frame.who.words.reporter_verbs:
        return None
    return tok, ago


def _clause_part(frame: WhatFrame, mi: int, verb: Token, deps: tuple) -> list[Token]:
    """The words of the verb's first subject or object (by ``deps``), a plain noun with its modifiers (at most
    a few words); none for a pronoun or the figure."""
    tok = next((t for t in verb.children if t.dep_ in deps), None)
    if tok is None or not _plain_noun(frame, mi, tok):
        return []
    words = [t for t in frame.doc[tok.left_edge.i:tok.right_edge.i + 1] if not _inside(frame.mentions[mi], t)]
    while words and words[0].pos_ in ("DET", "PUNCT", "ADP", "CCONJ"):
        words = words[1:]
    return words[:_DURATION_WORDS] if all(b.i - a.i == 1 for a, b in zip(words, words[1:])) else [tok]


def score_against(frame: WhatFrame, mi: int) -> list[Candidate]:
    """A side's score in a result written as two figures ('Arsenal beat Brentford 2-1', 'the Hawks edged the Bulls,
    three-to-two'), as the guidelines write it: the first figure is the subject's, so its what is 'goals scored
    against' the other side (the verb's object, or the name an object such as 'one of the leading teams' stands
    for), the second's the subject's (what_kinds.json scores)."""
    words = frame.kinds.scores if frame.kinds is not None else {}
    pair = _score_pair(frame, mi, words.get("joins", ()))
    if not words or pair is None:
        return []
    sides = _score_sides(frame, pair)
    if sides is None:
        return []
    other = sides[1] if mi == pair[0] else sides[0]
    text = f"{words['what']} {frame.doc[other[0].i:other[-1].i + 1].text}"
    frame.anchors.setdefault((mi, text), (other[0].idx, other[-1].idx + len(other[-1])))
    return [Candidate(SLOT, "score", text, text, None, None, {"joined": 1.0})]


def _score_pair(frame: WhatFrame, mi: int, joins) -> Optional[tuple[int, int]]:
    """(first, second) figure of the score the figure is a side of: two unitless counts of one sentence with only a
    join between them ('2-1', 'three-to-two')."""
    for first in (mi - 1, mi):
        second = first + 1
        if first < 0 or second >= len(frame.mentions):
            continue
        a, b = frame.mentions[first], frame.mentions[second]
        if a["sent_start"] == b["sent_start"] and a.get("unit") is None and b.get("unit") is None \
                and frame.who.text[a["end"]:b["start"]].strip() in joins:
            return first, second
    return None


def _score_sides(frame: WhatFrame, pair: tuple[int, int]) -> Optional[tuple[list[Token], list[Token]]]:
    """The words of the subject and of the other side of the verb the score's first figure hangs from."""
    tok = frame.doc[frame.mentions[pair[0]]["token_start"]]
    for _ in range(6):
        if tok.pos_ == "VERB" or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ != "VERB":
        return None
    subject = next((t for t in tok.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    other = next((t for t in tok.children if t.dep_ in ("dobj", "npadvmod") and t.pos_ in ("NOUN", "PROPN", "NUM")
                  and t.i not in frame.figure_tokens()), None)
    if other is not None and other.pos_ != "PROPN":  # 'surprised one of Europe's teams, Portugal'
        other = next((t for t in other.children if t.dep_ in ("appos", "conj") and t.pos_ == "PROPN"), other)
    if subject is None or other is None or other.pos_ == "NUM" or subject.lower_ in frame.who.words.pronouns:
        return None
    sides = tuple(_phrase_words(frame, pair[0], t) or [t] for t in (subject, other))
    return tuple(_trimmed(list(s)) or [t] for s, t in zip(sides, (subject, other)))


_RELATIVES = ("which", "that", "who")


def by_agent(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The counted things with what was done to them and by what, noun first as the guidelines write such whats:
    'the storm destroyed 40 homes' -> 'homes destroyed by storm', 'floods, which displaced 900 families' ->
    'families displaced by floods', '30 homes were damaged by hail' -> 'homes damaged by hail'."""
    noun = frame.clause(mi).noun
    if noun is None or not _plain_noun(frame, mi, noun):
        return []
    verb = noun.head
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or verb_lemma(verb) in frame.lexicon.level_verbs \
            or verb_lemma(verb) in frame.who.words.reporter_verbs:
        return []
    if noun.dep_ == "dobj":
        agent = next((t for t in verb.children if t.dep_ == "nsubj"), None)
        if agent is not None and agent.lower_ in _RELATIVES and verb.dep_ == "relcl":
            agent = verb.head
    elif noun.dep_ == "nsubjpass":
        by = next((t for t in verb.children if t.dep_ == "agent"), None)
        agent = next((t for t in by.children if t.dep_ == "pobj"), None) if by is not None else None
    else:
        return []
    if agent is None or not _plain_noun(frame, mi, agent) or agent.i == noun.i:
        return []
    thing, doer = _premodified(frame, mi, noun), _trimmed(_phrase_words(frame, mi, agent))
    if not thing or not doer or verb in thing or verb in doer:
        return []
    text = " ".join((_text_of(frame, thing), verb.text, "by", _text_of(frame, doer)))
    frame.anchors[(mi, text)] = (thing[0].idx, thing[-1].idx + len(thing[-1]))
    return [Candidate(SLOT, "by_agent", text, text, None, None, {"joined": 1.0})]


def _premodified(frame: WhatFrame, mi: int, noun: Token) -> list[Token]:
    """The noun with the words before it that modify it ('older homes'), not what follows ('homes in the valley'):
    the verb and its doer come after it in the what."""
    words = [t for t in _phrase_words(frame, mi, noun) if t.i <= noun.i]
    return _trimmed(words) if noun in words else [noun]


def _trimmed(words: list[Token]) -> list[Token]:
    while words and words[0].pos_ in ("DET", "PUNCT", "ADP", "CCONJ"):
        words = words[1:]
    while words and words[-1].pos_ in _TRAILING:
        words = words[:-1]
    return words


def _text_of(frame: WhatFrame, words: list[Token]) -> str:
    return frame.doc[words[0].i:words[-1].i + 1].text


_REFERRING = ("that", "this", "these", "those")  # 'that number was 1 million': a placeholder pointing back


def antecedent_what(frame: WhatFrame, mi: int) -> list[Candidate]:
    """A figure said of a pronoun or of a placeholder pointing back ('It rose 4% in May', 'that number was 9,000',
    '3,000 of them') measures what the figure before it, in an earlier sentence, measured: that figure's what as
    the rules found it, and for a change's delta the word for the change with it ('increase in exports')."""
    m, c = frame.mentions[mi], frame.clause(mi)
    if not _refers_back(frame, mi, c):
        return []
    found = _earlier_what(frame, mi)
    if found is None:
        return []
    text, where = found
    texts = [text]
    change = frame.changes[mi] if mi < len(frame.changes) else None
    if frame.kinds is not None and change and change.get("role") == "delta" and change.get("direction") in frame.kinds.change:
        word = frame.kinds.change[change["direction"]]
        if not normalised(text).startswith(word):
            texts.append(f"{word} in {text}")
    out = []
    for value in texts:
        frame.anchors.setdefault((mi, value), where)
        out.append(Candidate(SLOT, "antecedent", value, value, None, None, {"joined": 1.0}))
    return out


def _refers_back(frame: WhatFrame, mi: int, c: Clause) -> bool:
    """The figure's subject is a pronoun or 'that number', or the figure is an amount 'of them'."""
    pronouns = frame.who.words.pronouns
    subject = c.subject
    if subject is not None and not _inside(frame.mentions[mi], subject):
        if subject.lower_ in pronouns and subject.lower_ not in ("we", "i", "you", "he", "she"):
            return True
        if subject.lemma_.lower() in frame.lexicon.placeholders \
                and any(t.lower_ in _REFERRING for t in subject.children if t.dep_ == "det"):
            return True
    return any(p.lower_ == "of" and any(t.dep_ == "pobj" and t.lower_ in ("them", "these", "those") for t in p.children)
               for p in c.head.children)


def _says_nothing(frame: WhatFrame, what: str) -> bool:
    """A what of only pronouns and placeholder words ('number', 'that total') names no thing to point back to."""
    words = normalised(what).split()
    return all(w in frame.who.words.pronouns or w in frame.lexicon.placeholders or w in _REFERRING for w in words)


def _earlier_what(frame: WhatFrame, mi: int) -> Optional[tuple]:
    """The rules' what of the nearest figure before this one that names a thing (at most two sentences back), with
    where it stands."""
    m = frame.mentions[mi]
    starts = {m["sent_start"]}
    for j in range(mi - 1, -1, -1):
        other = frame.mentions[j]
        starts.add(other["sent_start"])
        if len(starts) > 3:
            return None
        answer = frame.rules.get(j)
        if answer and answer[0] and not _says_nothing(frame, answer[0]):
            return answer[0], tuple(answer[1]) if answer[1] is not None else (other["start"], other["end"])
    return None


def _predicate_after(frame: WhatFrame, mi: int) -> Optional[Token]:
    """The verb right after a figure that is its subject ('$7 million heading to ...', 'some 30 were hurt')."""
    m, head = frame.mentions[mi], frame.clause(mi).head
    verbs = [head.head] if head.dep_ in SUBJECTS else []
    verbs += [t for t in head.children if t.dep_ in ("acl", "relcl")]
    verb = next((v for v in verbs if v.pos_ == "VERB" and m["token_end"] <= v.i <= m["token_end"] + 2), None)
    return verb if verb is not None and verb_lemma(verb) not in frame.lexicon.level_verbs else None


def verb_lemma(verb: Token) -> str:
    return verb.lemma_.lower()


def noun_with_verb(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The measured noun with the verb it is the object of, noun first as the guidelines write whats: 'issued
    $6 million in credits' -> 'credits issued', 'settled on a 90-day ban' -> 'ban settled'; for a figure
    that stands for the noun a conjoined verb counted ('rescued 30 miners and treated 12'), that noun with its own
    verb ('miners treated')."""
    m, c = frame.mentions[mi], frame.clause(mi)
    if _scale_of(frame, mi) is not None:
        return []  # 'died in a 6.4 magnitude quake': a reading on a scale counts nothing the verb acted on
    things = [t for t in _things(frame, mi) if t.dep_ not in SUBJECTS and not _share_of(frame, mi, t)]
    elided = not things and c.noun is None and c.head.dep_ in _OBJECTS and c.head.head.dep_ == "conj"
    if elided:
        things = [o for o in c.head.head.head.children if o.dep_ in _OBJECTS and _plain_noun(frame, mi, o)
                  and any(k.like_num for k in o.children)][:1]
    out: list[Candidate] = []
    for tok in things:
        verb = _verb_of(c.head) if elided else _verb_of(tok) or _verb_of(c.head)
        if verb is None or verb_lemma(verb) in frame.lexicon.level_verbs or verb_lemma(verb) in frame.who.words.reporter_verbs \
                or _is_comparison(frame, verb) or _loosely_joined(frame, tok, verb):
            continue
        words = _phrase_words(frame, mi, tok)
        if words and not any(w.i == verb.i for w in words):
            out += _stitched(frame, mi, words + [verb], "noun_verb", elided=float(elided))
    return out


def _share_of(frame: WhatFrame, mi: int, tok: Token) -> bool:
    """Whether the figure is a share 'of' the noun ('make up 40% of deaths', 'getting 20% of the votes'): the verb
    acts on the share, so 'deaths make' says nothing; kind_word's 'share of deaths' names it."""
    kinds = frame.kinds
    return kinds is not None and frame.mentions[mi].get("kind") in kinds.share_kinds and tok == _of_object(frame.clause(mi).head)


def _loosely_joined(frame: WhatFrame, tok: Token, verb: Token) -> bool:
    """The noun hangs off the verb through a preposition that says what goes with the event, not what the verb
    did to it: 'the storm struck on Monday with 70 tornadoes', 'data taken from 900 firms'."""
    loose = frame.kinds.loose_preps if frame.kinds is not None else frozenset()
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ in loose:
            return True
        tok = tok.head
    return False


def _is_comparison(frame: WhatFrame, verb: Token) -> bool:
    """'compared with a fall of 6%': a comparison word says what the figure is set against, not what
    happened to the measured thing."""
    return frame.kinds is not None and verb.lower_ in frame.kinds.comparisons


def level_participle(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The things a level participle sums up: 'late fees on 40 accounts totaling $2 million', 'contracts
    priced at $9 million' -> the noun phrase it modifies, up to the participle."""
    m, c = frame.mentions[mi], frame.clause(mi)
    verb = _verb_of(c.head)
    if verb is None or frame.kinds is None or verb.dep_ != "acl" \
            or verb_lemma(verb) not in frame.lexicon.level_verbs | frame.kinds.participles:
        return []
    top = verb.head
    for _ in range(4):  # 'fees on accounts and loans totaling': the phrase is the fees'
        if top.dep_ == "conj" or top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN"):
            top = top.head if top.dep_ == "conj" else top.head.head
        else:
            break
    if top.pos_ not in ("NOUN", "PROPN") or top.lower_ in frame.who.words.pronouns:
        return []
    words = [t for t in frame.doc[top.left_edge.i:verb.i] if not _inside(m, t)]
    while words and words[0].pos_ in ("DET", "ADP", "PUNCT", "CCONJ"):
        words = words[1:]
    while words and words[-1].pos_ in _TRAILING:
        words = words[:-1]
    if not words or len(words) > _MODIFIED_TOKENS:
        return []
    return _stitched(frame, mi, words, "participle")


def owner_of(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The noun the counted things are 'of', with them: 'had accounts of thirty thefts' -> 'accounts of thefts', 'a
    roster of 200 players' -> 'roster of players'."""
    noun = frame.clause(mi).noun
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of" or not _plain_noun(frame, mi, noun.head.head):
        return []
    owner, counted = _phrase_words(frame, mi, noun.head.head), _phrase_words(frame, mi, noun)
    if not owner or not counted or owner[-1].i >= counted[0].i:
        return []
    return _stitched(frame, mi, owner + [noun.head] + counted, "owner_of")


def previous_with_tail(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The what of the figure before in the sentence with what this figure's own words add: 'a shortfall of $3
    billion for 2031, down from $4 billion in 2030' -> 'shortfall in 2030'."""
    m, c = frame.mentions[mi], frame.clause(mi)
    answer = frame.rules.get(mi - 1) if mi > 0 and frame.mentions[mi - 1]["sent_start"] == m["sent_start"] else None
    if not answer or not answer[0] or c.noun is not None or _baseline_owner(frame, mi) is not False:
        return []  # a comparison's baseline: compared_baseline says what it measures
    tail = _past_counted_back(frame.doc, m["token_end"], _tail(frame, mi, m["token_end"]))
    if not tail or normalised(tail[0].text) in normalised(answer[0]).split():
        return []
    return _stitched(frame, mi, tail, "previous_tail", lead=answer[0])


def _past_counted_back(doc: Doc, start: int, tail: list[Token]) -> list[Token]:
    """The tail without the counted-back phrase it opens with ('down from 44 a year earlier', 'from 150 the year
    before', 'three months earlier'): the phrase dates the figure (the date slot's, when.counted_back_or_ago),
    it says nothing of what is measured."""
    for n in range(min(len(doc) - start, _LONGEST_COUNT_BACK), 0, -1):
        if counted_back_or_ago(doc[start:start + n].text):
            return [t for t in tail if t.i >= start + n]
    return tail


_LONGEST_COUNT_BACK = 9  # words of the longest such phrase ('the same period of the previous fiscal year')


def verb_as_noun(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The noun of the verb whose object the figure is, as the guidelines write such whats: 'the flood has cost
    $70 million' -> 'cost of the flood'; 'will spend $6 million to repave streets' -> 'spending to repave
    streets'; 'lost $5 million' -> 'loss' (models/lexicon/what_kinds.json, verb_nouns)."""
    m, c, kinds = frame.mentions[mi], frame.clause(mi), frame.kinds
    verb = _verb_of(c.head)
    word = kinds.verb_nouns.get(verb_lemma(verb)) if kinds is not None and verb is not None else None
    if word is None or c.noun is not None or verb.i > m["token_start"]:
        return []
    frame.anchors.setdefault((mi, word), (verb.idx, verb.idx + len(verb)))
    out = [Candidate(SLOT, "verb_noun", word, word, None, None, {"joined": 1.0})]
    tail = _tail(frame, mi, m["token_end"])
    if tail and tail[0].lower_ != "of":
        out += _stitched(frame, mi, tail, "verb_noun", lead=word)
    subject = c.subject if c.verb == verb else None
    if subject is not None and (not _plain_noun(frame, mi, subject) or subject.ent_type_):
        subject = None  # 'Duke will spend': a named spender is the who, 'the war has cost': the war's cost
    words = _phrase_words(frame, mi, subject) if subject is not None else []
    if words:
        out += _stitched(frame, mi, words, "verb_noun", lead=f"{word} of")
    return out


def share_who(frame: WhatFrame, mi: int) -> list[Candidate]:
    """A share that is its clause's subject, with what the clause says of the share, as the guidelines write a
    survey's figures: '35% of farmers had planted soybeans' -> 'share who had planted soybeans'."""
    m, c, kinds = frame.mentions[mi], frame.clause(mi), frame.kinds
    if kinds is None or m.get("kind") not in kinds.share_kinds or c.head.dep_ not in SUBJECTS:
        return []
    verb = c.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < c.head.i:
        return []
    start = min([verb.i] + [t.i for t in verb.children if t.dep_ in ("aux", "auxpass", "neg") and c.head.i < t.i < verb.i])
    words = list(frame.doc[start:verb.i + 1]) + _tail(frame, mi, verb.i + 1)
    if len(words) < 2:
        return []
    return _stitched(frame, mi, words, "share_who", lead=kinds.share_who)


def measure_adjective(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The measure an adjective states: '4 meters long' -> 'length', '80 years old' -> 'age'."""
    head, kinds = frame.clause(mi).head, frame.kinds
    adjective = head.head
    if head.dep_ == "pobj" and adjective.lower_ == "as" and adjective.head.i < adjective.i \
            and frame.mentions[mi].get("kind") in ("physical", "duration"):  # 'as high as 6 m', not 'as high as $5'
        head, adjective = adjective, adjective.head
    word = kinds.adjectives.get(adjective.lower_) if kinds is not None and head.dep_ in ("npadvmod", "prep") else None
    if word is None or adjective.pos_ not in ("ADJ", "ADV"):
        return []
    frame.anchors[(mi, word)] = (adjective.idx, adjective.idx + len(adjective))
    out = [Candidate(SLOT, "adjective", word, word, None, None, {"joined": 1.0})]
    thing = _measured_by_adjective(frame, mi, adjective)
    if thing:
        text = f"{word} of {frame.doc[thing[0].i:thing[-1].i + 1].text}"
        frame.anchors[(mi, text)] = (thing[0].idx, thing[-1].idx + len(thing[-1]))
        out.append(Candidate(SLOT, "adjective", text, text, None, None, {"joined": 1.0, "measure_of": 1.0}))
    return out


def _measured_by_adjective(frame: WhatFrame, mi: int, adjective: Token) -> list[Token]:
    """The words of the noun a measure adjective is said of: the subject of 'the wall is 4 m high', the noun of
    'waves as high as 6 m' or 'a 30-foot-tall statue'; none for a pronoun."""
    tok = adjective
    while tok.dep_ in ("advmod", "amod", "acomp", "prep", "pobj", "npadvmod") and tok.pos_ not in ("NOUN", "PROPN") \
            and tok.head.i != tok.i:
        if tok.dep_ == "acomp":
            tok = next((t for t in tok.head.children if t.dep_ in SUBJECTS), tok.head)
            break
        tok = tok.head
    if not _plain_noun(frame, mi, tok):
        return []
    inner = range(adjective.left_edge.i, adjective.right_edge.i + 1)
    words = [t for t in _phrase_words(frame, mi, tok) if t.i not in inner]
    while words and words[-1].pos_ in _TRAILING:
        words = words[:-1]
    return words


def scale_what(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The what of a named scale the number is read on, when the document speaks of what the scale measures:
    'the quake measured 6.1 magnitude', 'a 5.8-magnitude tremor', 'M 6.4 - 5 km N of ...' -> 'earthquake
    magnitude'; a bare number right after such a figure in its sentence is on the same scale ('the agency put it
    at 6.1, the institute at 6.3'). Not a count that a scale's threshold delimits ('40 magnitude 3 aftershocks')."""
    scale = _scale_of(frame, mi)
    if scale is None:
        return []
    m = frame.mentions[mi]
    text = scale["what"]
    frame.anchors.setdefault((mi, text), (m["start"], m["end"]))
    return [Candidate(SLOT, "scale", text, text, None, None, {"joined": 1.0})]


def _scale_of(frame: WhatFrame, mi: int) -> Optional[dict]:
    m, doc = frame.mentions[mi], frame.doc
    if frame.kinds is None or m.get("unit") is not None:
        return None
    for scale in frame.kinds.scales:
        if not _speaks_of(frame, scale):
            continue
        before = doc[m["token_start"] - 1] if m["token_start"] > 0 else None
        after = _after_hyphen(doc, m["token_end"])
        if before is not None and _names_scale(before, scale["before"]) and not _number_before(doc, before.i) \
                or after is not None and _names_scale(after, scale["after"]) and not _number_after(doc, after.i):
            return scale
    previous = mi - 1
    if previous >= 0 and frame.mentions[previous]["sent_start"] == m["sent_start"] and m.get("counted") is None \
            and m.get("unit_text") is None and not m.get("multiple_word"):
        return _scale_of(frame, previous)
    return None


def _names_scale(tok: Token, words: list) -> bool:
    return tok.text in words or tok.lower_ in words


def _after_hyphen(doc: Doc, i: int) -> Optional[Token]:
    if i < len(doc) and doc[i].text == "-" and i + 1 < len(doc):
        return doc[i + 1]
    return doc[i] if i < len(doc) else None


def _number_before(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].like_num


def _number_after(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].like_num


def _speaks_of(frame: WhatFrame, scale: dict) -> bool:
    """Whether any word of the document has a lemma among the scale's context words (once per document)."""
    key = ("scale_context", scale["what"])
    if key not in frame.memo:
        frame.memo[key] = not _document_words(frame).isdisjoint(scale.get("context", ()))
    return frame.memo[key]


def _document_words(frame: WhatFrame) -> set:
    """Every lowercase word and lowercase lemma of the document, read once from its token arrays (a Token object
    per word per scale cost more)."""
    if ("document_words",) not in frame.memo:
        strings = frame.doc.vocab.strings
        hashes = set(frame.doc.to_array([LEMMA, LOWER]).ravel().tolist())
        frame.memo[("document_words",)] = {strings[h].lower() for h in hashes}
    return frame.memo[("document_words",)]


_LIST_LINE = re.compile(r"\s*(\d{1,3}[.)]|[-•*–])\s")
_HEADING_LINES = 30  # the most list lines between a heading and a figure's line


def list_heading(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The heading of the list the figure's line is an item of, which says what every item measures ('Final
    standings:' over '2. Jones at 12 secs' -> 'Final standings', 'time in Final standings'), with the word
    for the figure's dimension when it has one."""
    heading = _list_heading(frame.who.text, frame.mentions[mi]["start"])
    if heading is None:
        return []
    m, kinds = frame.mentions[mi], frame.kinds
    word = kinds.dimensions.get(m.get("dimension")) if kinds is not None else None
    text = frame.who.text[heading[0]:heading[1]]
    out = [Candidate(SLOT, "heading", text, text, heading, None, {})]
    if word and not text.lower().startswith(word):
        joined = f"{word} in {text}"
        frame.anchors[(mi, joined)] = heading
        out.append(Candidate(SLOT, "heading", joined, joined, None, None, {"joined": 1.0, "dimension_word": 1.0}))
    return out


def _list_heading(text: str, at: int) -> Optional[tuple[int, int]]:
    """(start, end) of the heading, a line ending in a colon, over the list of lines (each opened by a number
    with a full stop or bracket, or a dash or bullet) that holds the character ``at``; None when its line is no
    list item or no heading tops the list."""
    start = text.rfind("\n", 0, at) + 1
    if not _LIST_LINE.match(text, start):
        return None
    for _ in range(_HEADING_LINES):
        if start == 0:
            return None
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if not line or _LIST_LINE.match(text, start):
            continue
        if not line.endswith(":") or len(line) < 3:
            return None
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        return lead, lead + len(line) - 1
    return None


def compared_with(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The thing with the baseline it is compared with, which the guidelines keep in the what: 'sales were
    $40 million higher than in 2019' -> 'sales than in 2019', 'a rise of 2 percent over last spring'
    -> 'rise over last spring'."""
    m, c, kinds = frame.mentions[mi], frame.clause(mi), frame.kinds
    if kinds is None or not kinds.comparisons:
        return []
    owners = [c.head] + [t for t in (c.head.head,) if t.tag_ in ("JJR", "RBR")] + _things(frame, mi)[:2]
    if mi < len(frame.changes) and frame.changes[mi] and c.verb is not None:
        owners.append(c.verb)
    prep = next((p for o in owners for p in o.children if p.lower_ in kinds.comparisons and p.i >= m["token_end"]
                 and p.dep_ in ("prep", "advcl", "acl")), None)
    if prep is None or _spans_period(frame, prep):
        return []
    baseline = _tail(frame, mi, prep.i)
    if not baseline or baseline[0].i != prep.i:
        return []
    bases = [b for b in rules_what(frame, mi) + kind_word(frame, mi)] + [
        cand for tok in _things(frame, mi)[:1] for cand in _noun_phrase(frame, mi, tok, "compared")]
    out: list[Candidate] = []
    for base in bases:
        if base.value and baseline[0].text not in base.value.split():
            out += _stitched(frame, mi, baseline, "compared", lead=base.value, **{f"compared_{base.proposer}": 1.0})
    return out


def _spans_period(frame: WhatFrame, prep: Token) -> bool:
    """'over the past decade', 'over 5 years': 'over' with a period, which the figure is summed over, not set
    against ('a rise over last spring', 'over the previous May' are comparisons)."""
    pobj = next((t for t in prep.children if t.dep_ == "pobj"), None)
    if prep.lower_ != "over" or pobj is None:
        return False
    before = [t for t in pobj.children if t.i < pobj.i]
    if any(t.like_num for t in before):
        return True
    return any(t.lower_ == "the" for t in before) and any(t.lower_ in frame.kinds.period_words for t in before)


def compared_baseline(frame: WhatFrame, mi: int) -> list[Candidate]:
    """A figure that is the baseline another figure is compared with measures what that figure measures, not what
    its own words go on to say: 'sales rose 4%, compared with a rise of 3% in June' -> 'rise in sales',
    'sales'; 'only 9 wins compared with season totals of 14' -> 'season totals of wins'. The thing is the rules'
    what of the figure before it in the sentence; the noun the baseline is an amount of leads it."""
    owner, found = _baseline_owner(frame, mi), _compared_figure(frame, mi)
    if owner is False or found is None:
        return []
    base, where = found
    texts = [base]
    if owner is not None:
        words = _phrase_words(frame, mi, owner) or [owner]
        lead = frame.doc[words[0].i:words[-1].i + 1].text
        link = "in" if owner.lemma_.lower() in frame.lexicon.changes else "of"
        if normalised(owner.text) not in normalised(base).split():
            texts.insert(0, f"{lead} {link} {base}")
    out = []
    for text in texts:
        frame.anchors.setdefault((mi, text), where)
        out.append(Candidate(SLOT, "baseline", text, text, None, None, {"joined": 1.0, "baseline_owner": float(text != base)}))
    return out


def _baseline_owner(frame: WhatFrame, mi: int):
    """The noun the figure is an amount of ('an increase of 2%'), None when the figure itself is compared with, or
    False when the figure is no comparison's baseline: the object of 'compared with/to', 'than', 'versus'."""
    head = frame.clause(mi).head
    while head.dep_ == "conj" and head.head.i < head.i:  # '... totals of 14 in 2019 and 17 in 2018'
        head = head.head
    owner = None
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        owner = head.head.head
    tok = owner if owner is not None else head
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or frame.kinds is None:
        return False
    prep = tok.head
    if prep.lower_ in ("than", "versus", "against") or prep.head.lower_ in ("compared", "comparing"):
        return owner
    return False


def _compared_figure(frame: WhatFrame, mi: int) -> Optional[tuple]:
    """The rules' what of the nearest figure before this one in its sentence that has one, with where it stands."""
    m = frame.mentions[mi]
    for j in range(mi - 1, -1, -1):
        if frame.mentions[j]["sent_start"] != m["sent_start"]:
            return None
        answer = frame.rules.get(j)
        if answer and answer[0] and _baseline_owner(frame, j) is False:
            other = frame.mentions[j]
            return answer[0], tuple(answer[1]) if answer[1] is not None else (other["start"], other["end"])
    return None


def in_region(frame: WhatFrame, mi: int) -> list[Candidate]:
    """The what with the place the figure is for, which the guidelines put in the what when the who is a party or
    a storm: 'In Ohio, the Greens won 12 seats' -> 'seats in Ohio', 'won seats in Ohio'."""
    place = _region(frame, mi)
    if place is None:
        return []
    bases = rules_what(frame, mi) + counted_noun(frame, mi)[:1] + kind_word(frame, mi) + measured_with_verb(frame, mi) \
        + noun_with_verb(frame, mi) + scale_what(frame, mi)
    out: list[Candidate] = []
    for base in bases:
        if base.value and place.text not in base.value:
            text = f"{base.value} in {place.text}"
            frame.anchors[(mi, text)] = frame.anchor(mi, base) or (place.start_char, place.end_char)
            out.append(Candidate(SLOT, "region", text, text, None, None, {"joined": 1.0, f"region_{base.proposer}": 1.0}))
    return out


def _region(frame: WhatFrame, mi: int):
    """The place an 'in' phrase of the figure's clause names: of its verb, its sentence's main verb, its noun."""
    c, m = frame.clause(mi), frame.mentions[mi]
    sentence = frame.span(m["sent_start"], m["sent_end"])
    for tok in (c.head, c.noun, c.verb, sentence.root if sentence is not None else None):
        for prep in (tok.children if tok is not None else ()):
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for pobj in prep.children:
                ei = frame.who.entity_in(pobj.idx, pobj.idx + len(pobj)) if pobj.dep_ == "pobj" else None
                if ei is not None and frame.who.ents[ei].label_ in LOCATIVE_LABELS and not _inside(m, pobj):
                    return frame.who.ents[ei]
    return None


def null_what(frame: WhatFrame, mi: int) -> list[Candidate]:
    """No what: the text does not say what the figure measures."""
    return [Candidate(SLOT, NULL)]


_WORD = re.compile(r"\w+")  # compiled once: candidates are merged and compared by their words many times


def normalised(text: Optional[str]) -> str:
    """A what compared loosely when candidates are merged: lower case, words only."""
    return " ".join(_WORD.findall((text or "").lower()))


Proposer = Callable[[WhatFrame, int], list[Candidate]]
PROPOSERS: dict[str, Proposer] = {
    "rules": rules_what, "counted": counted_noun, "of": of_phrase, "subject": verb_subject, "object": verb_object,
    "with_verb": measured_with_verb, "for": money_for, "modified": modified_noun, "list_item": list_item, "previous": previous_figure, "level_noun": level_verb_as_noun,
    "headline": headline_phrase, "whole": whole_phrase, "kind_word": kind_word, "tail": clause_tail,
    "verb_tail": verb_tail, "noun_verb": noun_with_verb, "share_who": share_who, "adjective": measure_adjective,
    "compared": compared_with, "baseline": compared_baseline, "region": in_region, "participle": level_participle, "owner_of": owner_of,
    "previous_tail": previous_with_tail, "verb_noun": verb_as_noun, "scale": scale_what, "heading": list_heading,
    "duration": duration_clause, "by_agent": by_agent, "score": score_against,
    "antecedent": antecedent_what,
    NULL: null_what,
}
