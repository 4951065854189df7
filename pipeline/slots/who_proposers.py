"""Who proposers: each offers a figure the entities one kind of evidence points to, as :class:`Candidate` s.

Every proposer is ``(frame, mi) -> list[Candidate]`` for the figure ``frame.mentions[mi]``. They do not judge:
``pipeline/slots/who_features.py`` merges what several proposers offer, adds the features and the rules' order,
and the ranker chooses. The rules' own answer (the cascade of ``fill_subject`` and ``fallbacks.fallbacks``) is one
proposer among them, so the rules-only ranker gives the claims the cascade gave.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from spacy.tokens import Doc, Span, Token

from newsclaims.resources import model_path
from newsclaims.slots.candidates import NULL, Candidate
from newsclaims.slots.sentences import SentenceIndex
from newsclaims.slots.subject import (SUBJECTS, SubjectWords, _compact, _governing_verb, aged_person as person_of_age,
                                     event_named, packaged_words, ratio_counted, survey_of)

SLOT = "who"
NEAREST = 8  # sentence entities offered per figure, nearest first: a list sentence may name dozens
ANTECEDENT_REACH = 400  # entities searched back for an anaphor's antecedent
_MODIFIER_DEPS = ("nummod", "compound", "amod", "nmod", "quantmod", "npadvmod")


@dataclass(frozen=True)
class WhoLexicon:
    """The words the who proposers read (``models/lexicon/who.json``), and the nouns that report a figure rather
    than own it (``reporters`` of ``models/lexicon/subjects.json``)."""

    pronouns: dict[str, frozenset]
    nouns: dict[str, frozenset]
    stated_for: frozenset
    level_verbs: frozenset
    reporters: frozenset = frozenset()
    place_nouns: frozenset = frozenset()
    owner_preps: frozenset = frozenset()
    determiners: frozenset = frozenset({"the", "this"})

    @classmethod
    def load(cls, path: Optional[Path] = None, reporters: Iterable[str] = ()) -> "WhoLexicon":
        path = path or model_path("lexicon", "who.json")
        return cls.from_data(json.loads(Path(path).read_text(encoding="utf-8")), reporters)

    @classmethod
    def from_data(cls, data: dict, reporters: Iterable[str] = ()) -> "WhoLexicon":
        return cls({k: frozenset(v) for k, v in data["anaphor_pronouns"].items()},
                   {k: frozenset(v) for k, v in data["anaphor_nouns"].items()},
                   frozenset(data["stated_for"]), frozenset(data["level_verbs"]), frozenset(reporters),
                   frozenset(data.get("place_nouns", ())), frozenset(data.get("owner_preps", ())),
                   frozenset(data.get("anaphor_determiners", ("the", "this"))))


@functools.lru_cache(maxsize=4096)
def name_key(text: Optional[str]) -> str:
    """A name compared loosely: lower case, no possessive, punctuation or leading 'the' ('the U.S.' = 'US')."""
    if not text:
        return ""
    s = text.lower().replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"(?<![a-z])([a-z])\.", r"\1", s)
    s = re.sub(r"\s+", " ", re.sub(r"[^\w\s&]", " ", s)).strip()
    return re.sub(r"^the ", "", s)


@dataclass
class Clause:
    """What the parse says about one figure: its head token, the noun it counts, its governing verb and subject."""

    head: Token
    noun: Optional[Token]
    verb: Optional[Token]
    subject: Optional[Token]


@dataclass
class WhoFrame:
    """What the who proposers read about one document, built once per document.

    ``ents`` are the entities a figure can be about (:func:`newsclaims.slots.subject.who_entities`) in text
    order; ``rules`` and ``sources`` the cascade's answer and the sentence's source per figure, which the claim
    builder sets as it walks the figures, with the figure's what (``whats``); ``lead`` the headline and first
    sentence (the date frame's).
    """

    doc: Doc
    text: str
    mentions: list[dict]
    sentences: SentenceIndex
    ents: list[Span]
    lexicon: WhoLexicon
    markers: list[int] = field(default_factory=list)
    words: SubjectWords = field(default_factory=packaged_words)  # the component's, so its lexicon folder decides
    lead: list[tuple[int, int]] = field(default_factory=list)
    rules: dict[int, Optional[tuple]] = field(default_factory=dict)
    sources: dict[int, Optional[tuple]] = field(default_factory=dict)
    whats: dict[int, Optional[tuple]] = field(default_factory=dict)
    ent_starts: list[int] = field(default_factory=list)
    ent_keys: list[str] = field(default_factory=list)
    key_starts: dict[str, list[int]] = field(default_factory=dict)
    by_sentence: dict[int, list[int]] = field(default_factory=dict)
    main: list[int] = field(default_factory=list)
    clause_cache: dict = field(default_factory=dict)
    anaphor_cache: dict = field(default_factory=dict)
    figure_cache: dict = field(default_factory=dict)  # per figure: what who_features.figure_features found

    @classmethod
    def build(cls, doc: Doc, text: str, mentions: list[dict], sentences: SentenceIndex, ents: list[Span],
              lexicon: WhoLexicon, markers: Optional[list[int]] = None,
              lead: Optional[list[tuple[int, int]]] = None, words: Optional[SubjectWords] = None) -> "WhoFrame":
        frame = cls(doc, text, mentions, sentences, ents, lexicon, list(markers or []), words or packaged_words(),
                    list(lead or []))
        frame.ent_starts = [e.start_char for e in ents]
        frame.ent_keys = [name_key(e.text) for e in ents]
        for start, key in zip(frame.ent_starts, frame.ent_keys):
            frame.key_starts.setdefault(key, []).append(start)
        for ei, e in enumerate(ents):
            frame.by_sentence.setdefault(sentences.of(e.start_char)[0], []).append(ei)
        frame.main = _main_entities(frame)
        return frame

    def clause(self, mi: int) -> Clause:
        if mi not in self.clause_cache:
            self.clause_cache[mi] = _clause(self.doc, self.mentions[mi])
        return self.clause_cache[mi]

    def entity_in(self, start: int, end: int) -> Optional[int]:
        """The first entity overlapping [start, end), by index."""
        i = bisect.bisect_left(self.ent_starts, start)
        if i > 0 and self.ents[i - 1].end_char > start:
            return i - 1
        return i if i < len(self.ents) and self.ents[i].start_char < end else None

    def mentions_before(self, key: str, char: int) -> int:
        """How often the name ``key`` was mentioned before ``char``."""
        return bisect.bisect_left(self.key_starts.get(key, []), char) if key else 0


def _clause(doc: Doc, m: dict) -> Clause:
    head = doc[m["head"]]
    inside = range(m["token_start"], m["token_end"])
    modified = head.head
    if head.dep_ in ("npadvmod", "nummod") and modified.lower_ in ("more", "fewer", "less") and modified.dep_ == "amod":
        modified = modified.head  # "6.7% more passengers": the figure counts the passengers
    counts = head.dep_ in _MODIFIER_DEPS and modified.pos_ in ("NOUN", "PROPN") and modified.i not in inside
    noun = modified if counts else None
    verb = _governing_verb(head)
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None) if verb is not None else None
    if subject is not None and subject.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
        subject = verb.head  # "sanctions that could total $4 billion": the relative pronoun stands for its noun
    if subject is not None and subject.i in inside:
        subject = None
    return Clause(head, noun, verb, subject)


def _main_entities(frame: WhoFrame) -> list[int]:
    """The document's main entity (its most mentioned name, named twice or more) and its most mentioned place."""
    counts: dict[str, list[int]] = {}
    for ei, key in enumerate(frame.ent_keys):
        counts.setdefault(key, []).append(ei)
    repeated = [v for v in counts.values() if len(v) >= 2]
    if not repeated:
        return []
    best = max(repeated, key=len)[0]
    places = [v for v in repeated if frame.ents[v[0]].label_ == "GPE"]
    place = max(places, key=len)[0] if places else best
    return [best] if place == best else [best, place]


def _entity_candidate(frame: WhoFrame, ei: int, proposer: str, **features: float) -> Candidate:
    e = frame.ents[ei]
    return Candidate(SLOT, proposer, e.text, e.text, (e.start_char, e.end_char), None, dict(features))


def _overlaps_figure(m: dict, start: int, end: int) -> bool:
    return start < m["end"] and m["start"] < end


def _phrase_candidate(frame: WhoFrame, mi: int, tok: Token, proposer: str, **features: float) -> Optional[Candidate]:
    """An entity inside the phrase of ``tok``, else the phrase's head noun with its names ('Cotton farmers')."""
    m = frame.mentions[mi]
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    ei = frame.entity_in(lo, hi)
    if ei is not None and not _overlaps_figure(m, frame.ents[ei].start_char, frame.ents[ei].end_char):
        return _entity_candidate(frame, ei, proposer, **features)
    if tok.lower_ in frame.words.pronouns or tok.pos_ not in ("NOUN", "PROPN") or tok.like_num:
        return None
    if tok.lemma_.lower() in frame.lexicon.reporters:  # 'researchers found 30 species': never the who (subjects.json)
        return None
    text, span = _compact(frame.doc, tok)
    if _overlaps_figure(m, *span):
        return None
    return Candidate(SLOT, proposer, text, text, tuple(span), None, {"noun_phrase": 1.0, **features})


# --------------------------------------------------------------------------- the proposers


def rules_who(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The rules' answer: the cascade of ``fill_subject`` and the claim builder's fallbacks, as it stands."""
    answer = frame.rules.get(mi)
    if not answer or not answer[0]:
        return []
    text, span = answer
    return [Candidate(SLOT, "rules", text, text, tuple(span) if span is not None else None)]


def _listed(found: Optional[Candidate]) -> list[Candidate]:
    """A proposer's one candidate as its list: empty when it found none."""
    return [found] if found is not None else []


def clause_subject(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The subject of the verb that governs the figure: 'Ohio lost 3,000 jobs', 'the nation is using 402 billion'."""
    c = frame.clause(mi)
    if c.subject is None or c.subject == c.noun:  # 'about 3,000 jobs were lost': the counted noun is the what
        return []
    found = _phrase_candidate(frame, mi, c.subject, "subject")
    return _listed(found)


def possessor(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The possessor of the figure's noun or of the figure: "DOD's 15% stake", "Ohio's 3,000 jobs"."""
    c = frame.clause(mi)
    out = []
    for tok in (c.noun, c.head):
        poss = next((x for x in tok.children if x.dep_ == "poss"), None) if tok is not None else None
        if poss is not None and poss.lower_ not in frame.words.pronouns:
            found = _phrase_candidate(frame, mi, poss, "possessor")
            if found is not None:
                out.append(found)
    return out[:1]


def stated_for(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The place or organisation the figure is stated for: 'twelve deaths in Haiti', 'sales at Wal-Mart rose 3%'."""
    c = frame.clause(mi)
    m = frame.mentions[mi]
    out: dict[int, Candidate] = {}
    for tok in (c.head, c.noun, c.subject, c.verb):
        for prep in (tok.children if tok is not None else ()):
            if prep.dep_ != "prep" or prep.lower_ not in frame.lexicon.stated_for:
                continue
            for pobj in prep.children:
                ei = frame.entity_in(pobj.idx, pobj.idx + len(pobj)) if pobj.dep_ == "pobj" else None
                if ei is None or ei in out or _overlaps_figure(m, frame.ents[ei].start_char, frame.ents[ei].end_char):
                    continue
                out[ei] = _entity_candidate(frame, ei, "stated_for", **{f"stated_for_{prep.lower_}": 1.0})
    return list(out.values())


def measure_owner(frame: WhoFrame, mi: int) -> list[Candidate]:
    """Whose the measure is when the figure's subject or counted noun names a measure, not an owner: its possessor
    or its 'of'/'among' phrase ('the region's output of oil rose 4%', 'the income of farm families fell 3%')."""
    c = frame.clause(mi)
    out = []
    for tok in (c.subject, c.noun):
        if tok is None or tok.pos_ != "NOUN" or tok.ent_type_:
            continue
        for child in tok.children:
            owner = child if child.dep_ == "poss" else _owner_object(frame, child)
            if owner is None or owner.lower_ in frame.words.pronouns:
                continue
            found = _phrase_candidate(frame, mi, owner, "owner", **{"owner_possessive": float(child.dep_ == "poss")})
            if found is not None:
                out.append(found)
    return out[:2]


def _owner_object(frame: WhoFrame, prep: Token) -> Optional[Token]:
    if prep.dep_ != "prep" or prep.lower_ not in frame.lexicon.owner_preps:
        return None
    return next((x for x in prep.children if x.dep_ == "pobj"), None)


def place_phrase(frame: WhoFrame, mi: int) -> list[Candidate]:
    """A place the figure is stated for that the text names by a common noun: '400 clinics in the country',
    'the 30% in the poorest nations' (named places are :func:`stated_for`'s)."""
    c = frame.clause(mi)
    for tok in (c.head, c.noun, c.verb):
        for prep in (tok.children if tok is not None else ()):
            if prep.dep_ != "prep" or prep.lower_ not in frame.lexicon.stated_for:
                continue
            pobj = next((x for x in prep.children if x.dep_ == "pobj"), None)
            if pobj is None or pobj.pos_ != "NOUN" or pobj.lemma_.lower() not in frame.lexicon.place_nouns:
                continue
            found = _phrase_candidate(frame, mi, pobj, "place_phrase")
            if found is not None:
                return [found]
    return []


def pronoun_subject(frame: WhoFrame, mi: int) -> list[Candidate]:
    """For a figure whose subject is 'it' or 'they', the subject noun phrase of the clause before it, in the same
    sentence or the one before ('The seed industry is growing: it has doubled in five years')."""
    c = frame.clause(mi)
    if c.subject is None or c.subject.lower_ not in ("it", "they"):
        return []
    earlier = _earlier_subject(frame, c.subject)
    if earlier is None:
        return []
    found = _phrase_candidate(frame, mi, earlier, "pronoun_subject")
    return _listed(found)


def _earlier_subject(frame: WhoFrame, pronoun: Token) -> Optional[Token]:
    sent = pronoun.sent
    previous = frame.doc[sent.start - 1].sent if sent.start > 0 else None
    for span in (frame.doc[sent.start:pronoun.i], previous):
        subjects = [t for t in (span or ()) if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")]
        if subjects:
            return subjects[-1]
    return None


def _noun_candidate(frame: WhoFrame, mi: int, tok: Token, proposer: str) -> Optional[Candidate]:
    """The noun ``tok`` with the words that name it, as written, unless it is part of the figure."""
    text, span = _compact(frame.doc, tok)
    if _overlaps_figure(frame.mentions[mi], *span):
        return None
    return Candidate(SLOT, proposer, text, text, tuple(span), None, {"noun_phrase": 1.0})


def survey_itself(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The survey, poll, study or reviewer whose own size or coverage the figure gives (:func:`survey_of`)."""
    c = frame.clause(mi)
    survey = survey_of(c.head, c.verb, c.subject, frame.words)
    found = _noun_candidate(frame, mi, survey, "survey") if survey is not None else None
    return _listed(found)


def ratio_population(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The counted noun of an 'N in M' share ('two in three nurses plan to quit'): the surveyed population."""
    noun = ratio_counted(frame.doc, frame.mentions[mi], frame.clause(mi).noun, frame.words)
    if noun is None:
        return []
    found = _phrase_candidate(frame, mi, noun, "ratio_population")
    return _listed(found)


def aged_person(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The person an 'N-year-old' age describes ('a 52-year-old teacher'), or the noun that person stands in
    apposition to ('the suspect, a 19-year-old man'): the guidelines' who of an age."""
    person = person_of_age(frame.clause(mi).head, frame.words)
    if person is None:
        return []
    found = _noun_candidate(frame, mi, person, "aged_person")
    if found is not None or person.i == 0 or frame.doc[person.i - 1].lower_ not in frame.words.age_adjectives:
        return _listed(found)
    return [Candidate(SLOT, "aged_person", person.text, person.text, (person.idx, person.idx + len(person)), None,
                      {"noun_phrase": 1.0})]  # 'a 34-year-old driver': the noun without the age before it


def named_event(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The event a casualty or damage measure names by a common noun ('the death toll from the landslide'): with
    no place given, the guidelines take the event as named."""
    c = frame.clause(mi)
    pobj = event_named([t for t in (c.subject, c.noun, c.head) if t is not None], frame.words)
    found = _noun_candidate(frame, mi, pobj, "named_event") if pobj is not None else None
    return _listed(found)


def sentence_entities(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The entities of the figure's sentence (ORG, GPE, NORP, PERSON ...), the few nearest it."""
    m = frame.mentions[mi]
    same = [ei for ei in frame.by_sentence.get(m["sent_start"], [])
            if not _overlaps_figure(m, frame.ents[ei].start_char, frame.ents[ei].end_char)]

    def gap(ei: int) -> int:
        e = frame.ents[ei]
        return e.start_char - m["end"] if e.start_char >= m["end"] else m["start"] - e.end_char

    return [_entity_candidate(frame, ei, "entity") for ei in sorted(sorted(same, key=gap)[:NEAREST])]


def antecedents(frame: WhoFrame, mi: int) -> list[Candidate]:
    """For 'the company', 'the agency', 'the state', 'it', 'they' in the figure's sentence, the most recent
    entity of a matching kind named in an earlier sentence."""
    m = frame.mentions[mi]
    c = frame.clause(mi)
    source = frame.sources.get(mi)
    out: dict[int, Candidate] = {}
    for tok, labels in _anaphors(frame, m["sent_start"], m["sent_end"]):
        ei = _antecedent(frame, m["sent_start"], labels)
        if ei is None or ei in out:
            continue
        features = {"anaphor_noun" if tok.pos_ == "NOUN" else "anaphor_pronoun": 1.0}
        if c.subject is not None and (tok == c.subject or tok.head == c.subject and tok.dep_ == "poss"):
            features["anaphor_subject"] = 1.0
        if tok.dep_ == "poss" and tok.head in (c.noun, c.head):
            features["anaphor_possessor"] = 1.0
        if source is not None and source[1] is not None and source[1][0] <= tok.idx < source[1][1]:
            features["anaphor_in_source"] = 1.0
        out[ei] = _entity_candidate(frame, ei, "antecedent", **features)
    return list(out.values())


def _anaphors(frame: WhoFrame, sent_start: int, sent_end: int) -> list[tuple[Token, frozenset]]:
    """The anaphors of a sentence with the entity labels each can stand for (read once per sentence)."""
    if sent_start not in frame.anaphor_cache:
        span = frame.doc.char_span(sent_start, sent_end, alignment_mode="expand")
        found = []
        for tok in span if span is not None else ():
            labels = frame.lexicon.pronouns.get(tok.lower_)
            if labels is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in frame.lexicon.nouns \
                    and any(d.dep_ == "det" and d.lower_ in frame.lexicon.determiners for d in tok.children):
                labels = frame.lexicon.nouns[tok.lemma_.lower()]
            if labels is not None:
                found.append((tok, labels))
        frame.anaphor_cache[sent_start] = found
    return frame.anaphor_cache[sent_start]


def _antecedent(frame: WhoFrame, sent_start: int, labels: frozenset) -> Optional[int]:
    i = bisect.bisect_left(frame.ent_starts, sent_start) - 1
    for ei in range(i, max(i - ANTECEDENT_REACH, -1), -1):
        if frame.ents[ei].label_ in labels:
            return ei
    return None


def headline_subject(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The subject of the headline and of the story's first sentence (else their first entity)."""
    own = frame.mentions[mi]["sent_start"]
    out = []
    for k, (start, end) in enumerate(frame.lead):
        if start == own:
            continue
        span = frame.doc.char_span(start, end, alignment_mode="expand")
        subj = next((c for c in span.root.children if c.dep_ in SUBJECTS), None) if span is not None else None
        ei = frame.entity_in(subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) if subj is not None else None
        if ei is None and frame.by_sentence.get(start):
            ei = frame.by_sentence[start][0]
        if ei is not None and frame.ents[ei].start_char < end:
            out.append(_entity_candidate(frame, ei, "headline", in_headline=float(k == 0)))
    return out


def main_entity(frame: WhoFrame, mi: int) -> list[Candidate]:
    """The document's main entity (its most mentioned name) and its most mentioned place."""
    return [_entity_candidate(frame, ei, "main", main_place=float(frame.ents[ei].label_ == "GPE")) for ei in frame.main]


def null_who(frame: WhoFrame, mi: int) -> list[Candidate]:
    """No who: the figure is about no entity the text names."""
    return [Candidate(SLOT, NULL)]


Proposer = Callable[[WhoFrame, int], list[Candidate]]
PROPOSERS: dict[str, Proposer] = {
    "rules": rules_who, "subject": clause_subject, "possessor": possessor, "stated_for": stated_for,
    "owner": measure_owner,
    "place_phrase": place_phrase, "survey": survey_itself, "ratio_population": ratio_population,
    "aged_person": aged_person, "named_event": named_event, "pronoun_subject": pronoun_subject, "entity": sentence_entities, "antecedent": antecedents, "headline": headline_subject, "main": main_entity,
    NULL: null_who,
}
