"""A figure's what candidates with their features and the rules' order.

:func:`what_candidates` runs every proposer of :mod:`newsclaims.slots.what_proposers`, merges the candidates that
say the same words (each keeps a ``by_<proposer>`` feature for every proposer that offered it: agreement is
evidence), adds the features of each (figure, candidate) pair and ranks them as the rules did (``rule_rank``):
the rules' answer first, else the null candidate, so the rules-only ranker gives the claims the cascade gave.
"""
from __future__ import annotations

import bisect
import math
import re
from typing import Optional

from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id

from newsclaims.slots.candidates import (NULL, Candidate, ProposerFiller, any_between, bucket, merged, rank_features,
                                         sentences_bucket)
from newsclaims.slots.subject import WHO_LABELS
from newsclaims.slots.what_layout import layout_answer
from newsclaims.slots.what_proposers import PROPOSERS, WhatFrame, _inside, normalised
from newsclaims.slots.who_features import _clause_head, verb_class

RULE_ORDER = ("rules", NULL)
_TOKEN_BUCKETS = (0, 2, 5, 10, 20)  # tokens between figure and candidate; the last bucket is 'further'
_PATH_BUCKETS = (1, 2, 3, 5)  # dependency arcs between them
_LENGTH_BUCKETS = (1, 2, 4, 7)  # the candidate's words
_LOG_SCALE = math.log1p(100)
_LETTERS = re.compile(r"[A-Za-z]+")  # a candidate's words, read several times per candidate


def what_candidates(frame: WhatFrame, mi: int) -> list[Candidate]:
    """Every proposer's candidates for the figure ``mi``, merged by their words, with features, in the rules' order.
    A figure the page sets out by its layout keeps only the rules' answer (the layout's) and null: the parse of a
    labelled line or a stat block says little, and dev has too few such figures for the ranker to learn that."""
    raw = [c for propose in PROPOSERS.values() for c in propose(frame, mi)]
    if layout_answer(frame, mi) is not None:
        raw = [c for c in raw if c.proposer in RULE_ORDER]
    ranked = sorted(merged(raw, normalised), key=lambda c: rule_key(frame, mi, c))
    return [c.with_features({**pair_features(frame, mi, c), **rank_features(rank)})
            for rank, c in enumerate(ranked)]


def rules_candidates(frame: WhatFrame, mi: int) -> list[Candidate]:
    """Only the rules' answer and the null candidate, in the rules' order: all the rules-only ranker reads."""
    ranked = PROPOSERS["rules"](frame, mi) + PROPOSERS[NULL](frame, mi)
    return [c.with_features({f"proposer_{c.proposer}": 1.0, **rank_features(rank)})
            for rank, c in enumerate(ranked)]


def rule_key(frame: WhatFrame, mi: int, cand: Candidate) -> tuple:
    """Sort key of the rules' order (smaller first): their answer, the null candidate, then the rest by
    proposer and nearness."""
    where = frame.anchor(mi, cand)
    near = _char_gap(frame.mentions[mi], where) if where is not None else 0
    start = where[0] if where is not None else 0
    if cand.proposer in RULE_ORDER:
        return (RULE_ORDER.index(cand.proposer), near, start)
    return (len(RULE_ORDER) + list(PROPOSERS).index(cand.proposer), near, start)


def _char_gap(m: dict, span: tuple) -> int:
    return span[0] - m["end"] if span[0] >= m["end"] else max(m["start"] - span[1], 0)


def pair_features(frame: WhatFrame, mi: int, cand: Candidate) -> dict[str, float]:
    """Features of one (figure, candidate) pair, by name; absent means 0."""
    m = frame.mentions[mi]
    f: dict[str, float] = {f"proposer_{cand.proposer}": 1.0, **cand.features}
    offered = sum(1 for k in cand.features if k.startswith("by_"))
    f[f"proposers_{min(offered, 3)}"] = 1.0
    # what the figure is and how its clause runs, per proposer: a count's noun, money's 'for', a level's subject
    f[f"{cand.proposer}*kind_{m.get('kind')}"] = 1.0
    f[f"{cand.proposer}*verb_{verb_class(frame.who, frame.clause(mi).verb)}"] = 1.0
    f[f"{cand.proposer}*rules_{'none' if not (frame.rules.get(mi) or (None,))[0] else 'some'}"] = 1.0
    if cand.is_null:
        return f
    f.update(_word_features(frame, mi, cand))
    where = frame.anchor(mi, cand)
    if where is not None:
        f.update(_position_features(frame, mi, where))
    return {k: v for k, v in f.items() if v}


def _word_features(frame: WhatFrame, mi: int, cand: Candidate) -> dict[str, float]:
    """What the candidate's words are: how many, a name among them, the figure's unit, only a kind-of-figure
    word ('increase', 'total'), the figure's counted noun."""
    m = frame.mentions[mi]
    words = _LETTERS.findall(cand.value or "")
    f = {bucket("length", len(words), _LENGTH_BUCKETS): 1.0}
    unit = set(_LETTERS.findall((m.get("text") or "").lower()))
    f["overlaps_unit"] = float(bool(unit & {w.lower() for w in words}) or _overlaps((m["start"], m["end"]), cand.span))
    lemmas = {w.lower() for w in words}
    f["generic_word"] = float(bool(lemmas) and all(w in frame.lexicon.changes or w in frame.lexicon.placeholders
                                                  or w in frame.lexicon.qualifiers or w.rstrip("s") in frame.lexicon.changes
                                                  for w in lemmas))
    where = frame.anchor(mi, cand)
    if where is not None and frame.who.entity_in(*where) is not None:
        f["has_entity"] = 1.0
    noun = frame.clause(mi).noun
    if noun is not None and where is not None and where[0] <= noun.idx < where[1]:
        f["holds_counted_noun"] = 1.0
    f.update(_against_rules(frame, mi, lemmas))
    f.update(_against_who(frame, mi, cand, where))
    if where is not None:
        f.update(_token_features(frame, mi, where, lemmas, words[-1].lower() if words else ""))
    return f


def _against_who(frame: WhatFrame, mi: int, cand: Candidate, where: Optional[tuple]) -> dict[str, float]:
    """Whether the candidate is the figure's who or source as the rules found them ('the co-op's members issued
    $6 million in credits'): the one the figure is about or by is seldom what it measures."""
    f = {}
    for name, found in (("who", frame.who.rules.get(mi)), ("source", frame.who.sources.get(mi))):
        if not found or not found[0]:
            continue
        if normalised(found[0]) == normalised(cand.value):
            f[f"is_{name}"] = 1.0
        elif where is not None and found[1] is not None and _overlaps(tuple(found[1]), where):
            f[f"holds_{name}"] = 1.0
    return f


def _token_features(frame: WhatFrame, mi: int, where: tuple, words: set, last: str) -> dict[str, float]:
    """What the candidate's words are in the parse: a verb among them ('credits issued'), which says what
    happened to the things; a verb first ('walked from the camp'); no noun outside the figure ('drove meters',
    the unit with its verb), which names no thing; a date or a place, which the date and who slots may hold
    instead; only names, or a name at its head ('Acme Industries', 'the Coast Guard of Ohio'), which is more often
    the who than what is measured. Read from the candidate's words where it stands (minus the figure)."""
    m = frame.mentions[mi]
    span = frame.span(where[0], where[1])
    tokens = _words_of(frame, span, m, words)
    if not tokens:
        return {}
    kind = m.get("kind")
    f = _breaks(frame, m, span, tokens)
    if any(t.pos_ == "VERB" for t in tokens):
        f["has_verb"] = f[f"has_verb*kind_{kind}"] = 1.0
    if tokens[0].pos_ == "VERB":
        f["verb_first"] = 1.0
    if not any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
        f["no_noun"] = f[f"no_noun*kind_{kind}"] = 1.0
    if any(t.ent_type_ in ("DATE", "TIME") for t in tokens):
        f["has_date"] = f[f"has_date*kind_{kind}"] = 1.0
    if any(t.ent_type_ in ("GPE", "LOC") for t in tokens):
        f["has_place"] = 1.0
    content = [t for t in tokens if t.is_alpha and not t.is_stop]
    if content and all(t.ent_type_ in WHO_LABELS for t in content):
        f["only_names"] = f[f"only_names*kind_{kind}"] = 1.0
    if span.root.ent_type_ in WHO_LABELS and not _inside(m, span.root):
        f["name_head"] = 1.0
    if _only_kind_and_date(frame, tokens):
        f["kind_and_date"] = 1.0
    role, verb = _lead_role(frame, mi, tokens), verb_class(frame.who, frame.clause(mi).verb)
    f[f"lead_{role}*verb_{verb}"] = f[f"lead_{role}*kind_{kind}"] = 1.0
    end = next((t for t in reversed(tokens) if t.lower_ == last), None)  # the word the what ends on, as it reads
    if end is not None and end.pos_ in ("VERB", "AUX"):  # 'barns destroyed' names things; 'casualties resulted' an event
        f[f"ends_verb_{end.tag_}"] = 1.0
    return f


def _words_of(frame: WhatFrame, span, m: dict, words: set) -> list:
    """The tokens of ``span`` outside the figure ``m`` whose lowercase form is one of ``words``, picked by the
    document's lowercase ids (read once per document: a Token object per word per candidate cost more)."""
    if span is None:
        return []
    lowers = _remembered(frame, ("lower_ids",), lambda: frame.doc.to_array(LOWER).tolist())
    ids = {get_string_id(w) for w in words}
    return [frame.doc[i] for i in range(span.start, span.end)
            if not m["token_start"] <= i < m["token_end"] and lowers[i] in ids]


_NOUN_MODIFIERS = ("compound", "amod", "nmod", "poss")


def _lead_role(frame: WhatFrame, mi: int, tokens: list) -> str:
    """The part in the figure's clause of the noun the candidate leads with: the noun the figure counts, the
    clause's subject, the figure's head, the governing verb's object, another noun, or none. The subject of an
    activity verb ('the agency awarded $4 million') is its agent, seldom what the figure measures; a level
    verb's subject ('the shortfall was $3 billion') is."""
    noun = next((t for t in tokens if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None:
        return "none"
    while noun.dep_ in _NOUN_MODIFIERS and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    c = frame.clause(mi)
    for role, tok in (("noun", c.noun), ("subject", c.subject), ("head", c.head)):
        if tok is not None and noun.i == tok.i:
            return role
    if c.verb is not None and noun.head.i == c.verb.i and noun.dep_ in ("dobj", "attr", "oprd"):
        return "object"
    return "other"


def _breaks(frame: WhatFrame, m: dict, span, tokens: list) -> dict[str, float]:
    """Whether the candidate's words run over another figure ('schools and 12 clinics') or a comma ('the
    request, which is 5% more'): past them the sentence says something of its own, seldom what this figure
    measures."""
    inner = range(tokens[0].i, tokens[-1].i + 1)
    f = {}
    figures = frame.figure_tokens()
    if any(i in figures and not m["token_start"] <= i < m["token_end"] for i in inner):
        f["holds_figure"] = 1.0
    commas = _remembered(frame, ("commas",), lambda: _indices_of(span.doc, ","))
    if any_between(commas, inner.start, inner.stop):
        f["holds_comma"] = 1.0
    return f


def _indices_of(doc, text: str) -> list[int]:
    """The indices of the tokens that read ``text``, from the document's ORTH ids (no Token object per word)."""
    orth = get_string_id(text)
    return [i for i, o in enumerate(doc.to_array(ORTH).tolist()) if o == orth]


def _only_kind_and_date(frame: WhatFrame, tokens: list) -> bool:
    """Words that say only what kind of figure it is and when ('increase in May', 'totals in 2019'): the date is
    the date slot's, and nothing names the thing measured."""
    lexicon = frame.lexicon
    generic = [t for t in tokens if t.lemma_.lower() in lexicon.changes or t.lemma_.lower() in lexicon.placeholders]
    dated = [t for t in tokens if t.ent_type_ in ("DATE", "TIME")]
    rest = [t for t in tokens if t not in generic and t not in dated and not t.is_stop and t.is_alpha
            and t.lemma_.lower() not in lexicon.qualifiers]
    return bool(generic) and bool(dated) and not rest


def _against_rules(frame: WhatFrame, mi: int, words: set) -> dict[str, float]:
    """How the candidate's words stand to the rules' what: the same, more words around them ('people' ->
    'people killed'), fewer, or others; by how long the rules' what is (a bare noun is often too short)."""
    rules = {w.lower() for w in _LETTERS.findall((frame.rules.get(mi) or (None,))[0] or "")}
    if not rules or not words:
        return {}
    relation = "same" if words == rules else "extends" if words > rules else "within" if words < rules else \
        "overlaps" if words & rules else "other"
    return {f"rules_{relation}": 1.0, f"rules_{relation}*{bucket('rules_length', len(rules), (1, 2, 4))}": 1.0}


def _overlaps(a: tuple, b: Optional[tuple]) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def _position_features(frame: WhatFrame, mi: int, span: tuple) -> dict[str, float]:
    """Where the candidate stands: its sentence, direction and distance in tokens, a comparison marker between,
    and in the figure's own sentence the parse between them."""
    m = frame.mentions[mi]
    after, before = span[0] >= m["end"], span[1] <= m["start"]
    f = {"after" if after else "before" if before else "around": 1.0}
    starts = frame.who.sentences.starts
    back = bisect.bisect_right(starts, m["sent_start"]) - bisect.bisect_right(starts, span[0])
    f[sentences_bucket(back)] = 1.0
    lo, hi = (m["end"], span[0]) if after else (span[1], m["start"]) if before else (span[0], span[0])
    if any_between(frame.who.markers, lo, hi):
        f["marker_between"] = 1.0
    words = frame.span(span[0], span[1])
    if words is None or not len(words):
        return f
    tokens = max(words.start - m["token_end"] if after else m["token_start"] - words.end if before else 0, 0)
    f[bucket("tokens", tokens, _TOKEN_BUCKETS)] = 1.0
    f["log_token_distance"] = round(min(math.log1p(tokens) / _LOG_SCALE, 1.5), 4)
    if back == 0:
        head, root = frame.clause(mi).head, _root(frame, span)
        length = _path_to(frame, root, head)
        if length is not None:
            f[bucket("path", length, _PATH_BUCKETS)] = 1.0
        f["same_clause"] = float(_remembered(frame, ("clause_head", root.i), lambda: _clause_head(root))
                                 == _remembered(frame, ("clause_head", head.i), lambda: _clause_head(head)))
    return f


def _path_to(frame: WhatFrame, tok, head) -> Optional[int]:
    """Dependency arcs from ``tok`` to the figure's head ``head``, with the figure's chain of heads walked once rather
    than once per candidate: in a tree the first of ``tok``'s heads on that chain is their lowest common ancestor.
    The real arcs, the sentence's root included, as who_features' ``_path_length`` counts them."""
    chain = _remembered(frame, ("chain", head.i), lambda: _heads(head))
    t, d = tok, 0
    while t.i not in chain and t.head.i != t.i and d < 40:
        t, d = t.head, d + 1
    if t.i not in chain:
        return None
    return d + chain[t.i]


def _heads(tok) -> dict[int, int]:
    """The token and its heads up to the root (at most 40 arcs), by index: arcs from the token."""
    depth, d = {tok.i: 0}, 0
    while tok.head.i != tok.i and d < 40:
        tok, d = tok.head, d + 1
        depth[tok.i] = d
    return depth


def _root(frame: WhatFrame, span: tuple):
    """The root of the words at ``span`` (a walk over the span's heads): the figure's candidates share spans."""
    return _remembered(frame, ("root", *span), lambda: frame.span(*span).root)


def _remembered(frame: WhatFrame, key: tuple, compute):
    """``compute()``, once per document and ``key``: parse walks that many candidates repeat."""
    if key not in frame.memo:
        frame.memo[key] = compute()
    return frame.memo[key]


WHAT_FILLER = ProposerFiller("what", what_candidates, rules_candidates)
