"""A figure's who candidates with their features and the rules' order.

:func:`who_candidates` runs every proposer of :mod:`newsclaims.slots.who_proposers`, merges the candidates that
name the same entity (each keeps a ``by_<proposer>`` feature for every proposer that offered it: agreement is
evidence), adds the features of each (figure, candidate) pair and ranks them as the rules did (``rule_rank``):
the rules' answer first, else the null candidate, so the rules-only ranker gives the claims the cascade gave.
"""
from __future__ import annotations

import bisect
import math
from typing import Optional

from spacy.tokens import Token

from newsclaims.slots.candidates import NULL, Candidate, ProposerFiller, bucket, merged, rank_features, sentences_bucket
from newsclaims.slots.source import REPORTING
from newsclaims.slots.who_proposers import PROPOSERS, WhoFrame, name_key

RULE_ORDER = ("rules", NULL)
_TOKEN_BUCKETS = (1, 3, 7, 15, 31)  # tokens between figure and candidate; the last bucket is 'further'
_PATH_BUCKETS = (1, 2, 3, 5)  # dependency arcs between them
_LOG_SCALE = math.log1p(200)
_PATH_LABELS = 1  # the labels kept of each side of a dependency path, nearest the common ancestor
_NP_INNER = frozenset({"compound", "amod", "det", "nummod", "quantmod", "poss", "case", "punct", "nmod", "appos"})
# Proposers whose candidates stand away from the figure (or nowhere): what the figure's clause says gets a
# weight of its own for each of them, since a feature of the figure alone cannot tell candidates apart.
_CROSSED = frozenset({NULL, "rules", "main", "headline", "antecedent"})


def who_candidates(frame: WhoFrame, mi: int) -> list[Candidate]:
    """Every proposer's candidates for the figure ``mi``, merged by name, with features, in the rules' order."""
    raw = [c for propose in PROPOSERS.values() for c in propose(frame, mi)]
    ranked = sorted(merged(raw, name_key), key=lambda c: rule_key(frame, mi, c))
    return [c.with_features({**pair_features(frame, mi, c), **rank_features(rank)})
            for rank, c in enumerate(ranked)]


def rules_candidates(frame: WhoFrame, mi: int) -> list[Candidate]:
    """Only the rules' answer and the null candidate, in the rules' order: all the rules-only ranker reads."""
    ranked = PROPOSERS["rules"](frame, mi) + PROPOSERS[NULL](frame, mi)
    return [c.with_features({f"proposer_{c.proposer}": 1.0, "rule_rank_inverse": round(1.0 / (1 + rank), 4)})
            for rank, c in enumerate(ranked)]


def rule_key(frame: WhoFrame, mi: int, cand: Candidate) -> tuple:
    """Sort key of the rules' order (smaller first): their answer, the null candidate, then the rest by
    proposer and nearness."""
    near = _char_gap(frame.mentions[mi], cand.span) if cand.span is not None else 0
    start = cand.span[0] if cand.span is not None else 0
    if cand.proposer in RULE_ORDER:
        return (RULE_ORDER.index(cand.proposer), near, start)
    return (len(RULE_ORDER) + list(PROPOSERS).index(cand.proposer), near, start)


def _char_gap(m: dict, span: tuple) -> int:
    return span[0] - m["end"] if span[0] >= m["end"] else max(m["start"] - span[1], 0)


def pair_features(frame: WhoFrame, mi: int, cand: Candidate) -> dict[str, float]:
    """Features of one (figure, candidate) pair, by name; absent means 0."""
    f: dict[str, float] = {f"proposer_{cand.proposer}": 1.0, **cand.features}
    offered = sum(1 for k in cand.features if k.startswith("by_"))
    f[f"proposers_{min(offered, 3)}"] = 1.0
    if cand.proposer == "rules":  # the rules' answer that is also the document's main place is often a fallback
        f.update({f"rules*{k}": 1.0 for k in cand.features if k.startswith("by_") and k != "by_rules"})
    if cand.proposer in _CROSSED:
        f.update({f"{cand.proposer}*{k}": v for k, v in figure_features(frame, mi).items()})
    if cand.span is None:
        return f
    m = frame.mentions[mi]
    f.update(_position_features(frame, mi, cand.span))
    ei = frame.entity_in(*cand.span)
    label = f"ent_{frame.ents[ei].label_}" if ei is not None else "ent_none"
    f[label] = f[f"{cand.proposer}*{label}"] = 1.0  # a place in the headline is not a place in the sentence
    if _same_name(frame.sources.get(mi), cand):
        f["is_source"] = 1.0  # the speaker owns the figure of 'X reported a loss of $3 million', not of 'X said Y lost'
        f[f"is_source*verb_{verb_class(frame, frame.clause(mi).verb)}"] = f[f"{cand.proposer}*is_source"] = 1.0
    if _same_name(frame.whats.get(mi), cand):
        f["in_what"] = 1.0  # 'Revenues were $140 billion': the measured thing, not whose it is
    if ei is None:
        f.update(_noun_features(frame, mi, cand))
    f[_count_bucket(frame.mentions_before(name_key(cand.value), m["start"]))] = 1.0
    f.update(_structure_features(frame, mi, cand))
    return {k: v for k, v in f.items() if v}


def _structure_features(frame: WhoFrame, mi: int, cand: Candidate) -> dict[str, float]:
    """Each proposer's own weight for the figure's verb class and, in the figure's sentence, for how the candidate's
    clause stands to the figure's and whether it is the sentence's subject: 'entity' means little when the name sits
    in the speaker's clause ('at a briefing in Geneva, the chief said ...'), much in the figure's own."""
    c = frame.clause(mi)
    f = {f"{cand.proposer}*verb_{verb_class(frame, c.verb)}": 1.0}
    m = frame.mentions[mi]
    if not m["sent_start"] <= cand.span[0] < m["sent_end"]:
        return f
    words = frame.doc.char_span(cand.span[0], cand.span[1], alignment_mode="expand")
    if words is None or not len(words):
        return f
    root = words.root
    relation = _clause_relation(root, c.head)
    f[f"clause_{relation}"] = f[f"{cand.proposer}*clause_{relation}"] = 1.0
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
        f["sentence_subject"] = f[f"{cand.proposer}*sentence_subject"] = 1.0
    return f


def _clause_relation(root: Token, figure: Token) -> str:
    """same: one clause; above: the candidate's clause governs the figure's; below: the figure's governs the
    candidate's; apart: neither."""
    a, b = _clause_head(root), _clause_head(figure)
    if a == b:
        return "same"
    if a in _ancestry(figure):
        return "above"
    return "below" if b in _ancestry(root) else "apart"


def _position_features(frame: WhoFrame, mi: int, span: tuple) -> dict[str, float]:
    """Where the candidate stands: its sentence, direction and distance in tokens, and in the figure's own
    sentence the parse between them."""
    m = frame.mentions[mi]
    f: dict[str, float] = {}
    after, before = span[0] >= m["end"], span[1] <= m["start"]
    f["after" if after else "before" if before else "around"] = 1.0
    starts = frame.sentences.starts
    back = bisect.bisect_right(starts, m["sent_start"]) - bisect.bisect_right(starts, span[0])
    f[sentences_bucket(back)] = 1.0
    lo, hi = (m["end"], span[0]) if after else (span[1], m["start"]) if before else (span[0], span[0])
    if frame.markers and hi > lo and bisect.bisect_left(frame.markers, lo) < bisect.bisect_left(frame.markers, hi):
        f["marker_between"] = 1.0
    words = frame.doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None or not len(words):
        return f
    tokens = words.start - m["token_end"] if after else m["token_start"] - words.end if before else 0
    f[bucket("tokens", max(tokens, 0), _TOKEN_BUCKETS)] = 1.0
    f["log_token_distance"] = round(min(math.log1p(max(tokens, 0)) / _LOG_SCALE, 1.5), 4)
    if back == 0:
        f.update(_parse_features(frame, mi, words.root))
    return f


def _parse_features(frame: WhoFrame, mi: int, root: Token) -> dict[str, float]:
    """Between a candidate of the figure's sentence and the figure: the dependency path, the clause, and
    whether the candidate is the subject of the figure's verb, its noun's possessor or a reporting verb's subject."""
    f: dict[str, float] = {}
    c = frame.clause(mi)
    head = c.head
    path = _dependency_path(root, head)
    if path is not None:
        f[bucket("path", len(path[0]) + len(path[2]), _PATH_BUCKETS)] = 1.0  # arcs up and down: _path_length's count
    if _clause_head(root) == _clause_head(head):
        f["same_clause"] = 1.0
    if c.subject is not None and c.subject.left_edge.i <= root.i <= c.subject.right_edge.i:
        f["governing_subject"] = 1.0
        f[f"governing_subject*verb_{verb_class(frame, c.verb)}"] = 1.0
    if c.noun is not None and root.dep_ == "poss" and root.head == c.noun:
        f["noun_possessor"] = 1.0
    if _reporting_subject(root):
        f["reporting_subject"] = 1.0
    if path is not None:
        f.update(_dependency_path_features(path))
    return f


def _dependency_path_features(path: tuple[list[Token], Token, list[Token]]) -> dict[str, float]:
    """The dependency labels from the candidate up to the lowest common ancestor and down to the figure, compressed
    ('nsubj>ROOT<dobj'), and whether that path crosses a reporting verb, a relative clause or (on the candidate's side) a preposition: the
    subject of the figure's verb and the speaker of a 'said' over it are both a few arcs away, on different paths."""
    up, top, down = path
    f = {f"dep_path={_compressed(up)}>{top.dep_ if top.dep_ != 'ROOT' else 'ROOT'}<{_compressed(down)}": 1.0}
    through = [*up[1:], top, *down[1:]]  # the tokens the path passes, neither end
    if any(t.lemma_.lower() in REPORTING and t.pos_ == "VERB" for t in through):
        f["path_crosses_reporting"] = 1.0
    if any(t.dep_ == "relcl" for t in [*up, *down]):
        f["path_crosses_relcl"] = 1.0
    if any(t.dep_ == "prep" for t in up):
        f["candidate_in_prep"] = 1.0  # 'in Geneva', 'at the Treasury': a setting more often than an owner
    return f


def _dependency_path(a: Token, b: Token) -> Optional[tuple[list[Token], Token, list[Token]]]:
    """(tokens from ``a`` up to below the lowest common ancestor, that ancestor, tokens from ``b`` up to below it);
    None across sentences. A side is empty where its token is the ancestor itself ('farmers who sold 300 tons')."""
    up_a, up_b = _ancestry(a), _ancestry(b)
    on_b = set(up_b)
    common = next((i for i in up_a if i in on_b), None)
    if common is None:
        return None
    doc = a.doc
    return ([doc[i] for i in up_a[:up_a.index(common)]], doc[common], [doc[i] for i in up_b[:up_b.index(common)]])


def _compressed(tokens: list[Token]) -> str:
    """A path's labels with the noun-phrase inner arcs dropped and repeats merged, at most _PATH_LABELS of them
    nearest the ancestor ('-' for none): few enough distinct paths that each one recurs."""
    labels: list[str] = []
    for t in tokens:
        label = t.dep_
        if label in _NP_INNER or (labels and labels[-1] == label):
            continue
        labels.append(label)
    return ".".join(labels[-_PATH_LABELS:]) or "-"


def figure_features(frame: WhoFrame, mi: int) -> dict[str, float]:
    """What the figure's clause says: what kind of subject it has, its verb's class, how many entities its
    sentence names, whether the rules found nothing, whether the sentence has a source, the figure's kind."""
    if mi in frame.figure_cache:
        return frame.figure_cache[mi]
    m = frame.mentions[mi]
    c = frame.clause(mi)
    subject = c.subject
    if subject is None:
        kind = "none"
    elif subject.lower_ in frame.words.pronouns:
        kind = "pronoun"
    else:
        lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
        kind = "entity" if frame.entity_in(lo, hi) is not None else "noun"
    ents = len(frame.by_sentence.get(m["sent_start"], []))
    f = {f"subject_{kind}": 1.0, f"verb_{verb_class(frame, c.verb)}": 1.0,
         f"sentence_entities_{min(ents, 2)}": 1.0, f"rules_{_rules_kind(frame, mi)}": 1.0,
         "has_source": float(frame.sources.get(mi) is not None), f"kind_{m.get('kind')}": 1.0}
    frame.figure_cache[mi] = {k: v for k, v in f.items() if v}
    return frame.figure_cache[mi]


def _rules_kind(frame: WhoFrame, mi: int) -> str:
    """What the rules answered: none, an entity or a noun phrase, from the figure's sentence or an earlier one."""
    text, span = frame.rules.get(mi) or (None, None)
    if not text:
        return "none"
    if span is None:
        return "unplaced"
    where = "here" if span[0] >= frame.mentions[mi]["sent_start"] else "earlier"
    return f"{'entity' if frame.entity_in(*span) is not None else 'noun'}_{where}"


def verb_class(frame: WhoFrame, verb: Optional[Token]) -> str:
    """reporting ('said', 'estimates'), level ('is', 'has', 'totals'), activity (any other verb) or none."""
    if verb is None:
        return "none"
    lemma = verb.lemma_.lower()
    if lemma in REPORTING:
        return "reporting"
    return "level" if lemma in frame.lexicon.level_verbs else "activity"


def _noun_features(frame: WhoFrame, mi: int, cand: Candidate) -> dict[str, float]:
    """A candidate that names no entity ('drivers', 'the plane'): plural or not, a reporter ('researchers'),
    crossed with the figure's verb class and kind."""
    words = frame.doc.char_span(cand.span[0], cand.span[1], alignment_mode="expand")
    if words is None or not len(words):
        return {}
    root = words.root
    figure = figure_features(frame, mi)
    f = {"noun_plural": float(root.tag_ in ("NNS", "NNPS")),
         "noun_reporter": float(root.lemma_.lower() in frame.lexicon.reporters),
         "noun_proper": float(root.pos_ == "PROPN"), "noun_anaphor": float(root.lemma_.lower() in frame.lexicon.nouns)}
    f.update({f"noun*{k}": 1.0 for k in figure if k.startswith(("verb_", "kind_"))})
    return f


def _same_name(other: Optional[tuple], cand: Candidate) -> bool:
    """Whether a (text, span) names what the candidate names: overlapping, or the same name as whole words.
    Asked of the sentence's reporting source ('X said', 'according to X': the speaker is usually not the who)
    and of the figure's what."""
    if other is None or other[0] is None:
        return False
    span = other[1]
    if span is not None and cand.span is not None and cand.span[0] < span[1] and span[0] < cand.span[1]:
        return True
    a, b = name_key(other[0]), name_key(cand.value)
    return bool(a and b) and (a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _reporting_subject(tok: Token) -> bool:
    """The token is in the subject of a reporting verb ('police said', 'the IEA estimates')."""
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in REPORTING:
            return True
        if tok.head.i == tok.i or tok.dep_ not in ("compound", "poss", "amod", "nsubj", "nsubjpass", "appos", "pobj", "prep"):
            return False
        tok = tok.head
    return False


def _path_length(a: Token, b: Token) -> Optional[int]:
    """Dependency arcs between two tokens of one sentence, through their lowest common ancestor (None across
    sentences). The root is the token whose head is itself: spaCy makes a new Token per access, so ``is`` never holds."""
    up_a = _ancestry(a)
    depth = {i: d for d, i in enumerate(up_a)}
    for d, i in enumerate(_ancestry(b)):
        if i in depth:
            return depth[i] + d
    return None


def _ancestry(tok: Token) -> list[int]:
    """The token's index and its ancestors' up to the root, nearest first."""
    out = [tok.i]
    while tok.head.i != tok.i and len(out) <= len(tok.doc):
        tok = tok.head
        out.append(tok.i)
    return out


def _clause_head(tok: Token) -> int:
    """The verb heading the token's clause (or the sentence root)."""
    for _ in range(40):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") or tok.head.i == tok.i:
            return tok.i
        tok = tok.head
    return tok.i


def _count_bucket(n: int) -> str:
    """How often the candidate's name was mentioned before the figure."""
    return "mentioned_0" if n == 0 else "mentioned_1" if n == 1 else "mentioned_2_3" if n <= 3 else "mentioned_4_more"


WHO_FILLER = ProposerFiller("who", who_candidates, rules_candidates)
