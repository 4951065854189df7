"""The source slot: who the text says a figure comes from ('according to USGS', 'the IEA says', 'X data showed')."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsclaims.resources import read_lexicon

REPORTING = frozenset(read_lexicon("source")["reporting_verbs"])
_EDGE = {"the", "a", "an", ",", "'s"}


def _chunk(doc: Doc, tok: Token) -> tuple[str, list]:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct") or t == tok]
    start, end = toks[0].i, toks[-1].i + 1
    # an appositive title ("Jim Reilly, USGS Director") belongs to the name; cut at the comma
    for t in doc[start:end]:
        if t.text == "," and t.i > tok.i:
            end = t.i
            break
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[0]:end]):
        end = opened[0]  # "the U.S. Geological Survey (USGS" -> cut the unclosed gloss
    span = doc[start:end]
    while len(span) > 1 and span[0].lower_ in _EDGE:
        span = doc[span.start + 1:span.end]
    return span.text, [span.start_char, span.end_char]


def _named(tok: Token) -> bool:
    """A source worth naming: a proper noun or an entity in the phrase."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") for t in tok.subtree)


def sentence_source(doc: Doc, sent: Span) -> Optional[tuple[str, list]]:
    """The attribution that covers a whole sentence, if it has one."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is None and tok.i + 2 < sent.end:
                pobj = doc[tok.i + 2]
            if pobj is not None:
                return _chunk(doc, pobj)
    for tok in sent:
        if tok.lemma_ in REPORTING and tok.pos_ == "VERB":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if by is not None and _named(by):
                return _chunk(doc, by)  # "estimates released today by the U.S. Department of Transportation"
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and not _named(subj):
                continue  # "the report said": the release's own attribution names who
            if subj is None or subj.lower_ in ("it", "this", "that", "which", "they", "he", "she", "we", "i"):
                continue
            if tok.dep_ == "ROOT" or any(c.dep_ in ("ccomp", "dobj") for c in tok.children) or tok.dep_ in ("parataxis", "ccomp"):
                return _chunk(doc, subj)
    return None


_OPENING = re.compile(r"\b(?:announced|released|reported|reports|estimates|estimated|said|says|shows|showed|found|finds)\b", re.I)


def release_source(doc: Doc) -> Optional[tuple[str, list]]:
    """A release's opening attribution ('the Census Bureau announced today'), which covers what follows."""
    sents = list(doc.sents)[:3]
    for sent in sents:
        if _OPENING.search(sent.text):
            found = sentence_source(doc, sent)
            if found is not None:
                return found
    return None
