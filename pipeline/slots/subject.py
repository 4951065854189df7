"""The who and what slots, from the dependency parse and the entities.

what: the noun the figure counts or modifies, the noun it is 'of', or the subject of the verb that
governs it. who: the entity the figure is about: a possessor ("DOD's stake"), the governing verb's
subject, an entity inside the what phrase, or, for a sentence with no subject, the nearest earlier
subject of the paragraph.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Optional

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from newsclaims.components.extensions import doc_text, document_memo
from newsclaims.normalize.units import LEXICON_DIR
from newsclaims.resources import read_lexicon
from newsclaims.slots.source import REPORTING

WHO_LABELS = {"ORG", "GPE", "NORP", "PERSON", "LOC", "FAC", "PRODUCT"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_ENTS_KEY = "newsclaims_who_entities"
_USES_KEY = "newsclaims_noun_uses"
POINTER_DETERMINERS = frozenset({"these", "those", "this", "that", "such"})
_HOPS = {"dobj", "attr", "pobj", "prep", "npadvmod", "advmod", "acomp", "oprd", "appos", "conj", "xcomp", "quantmod",
         "nummod", "compound", "amod", "nmod", "advcl", "ccomp", "dative", "agent", "pcomp", "acl", "relcl", "cc"}
_STOP_EDGE = {"the", "a", "an", "its", "their", "this", "that", "these", "those", "of", "and", ",", "'s", "’s"}


@dataclass(frozen=True)
class SubjectWords:
    """The words the who rules read: pronouns, measure nouns and surveyed populations (``subjects.json``); reporter
    verbs, event scales, world scopes and the anaphors with the entity labels they stand for (``who.json``).

    The claims component builds it from the lexicons it holds, so the copies of an assembled pipeline folder or of
    ``initialize(lexicons=...)`` decide; :func:`packaged_words` serves calls made outside a pipeline (tests).
    """

    pronouns: frozenset
    measures: frozenset
    populations: frozenset
    reporter_verbs: frozenset
    event_scales: frozenset
    world_scopes: frozenset
    pointer_pronouns: Mapping[str, frozenset]
    pointer_nouns: Mapping[str, frozenset]
    region_nouns: frozenset = frozenset()
    place_groups: frozenset = frozenset()
    storm_nouns: frozenset = frozenset()
    subject_attachments: frozenset = frozenset()
    part_of_pronouns: frozenset = frozenset()
    moving_verbs: frozenset = frozenset()
    pointer_determiners: frozenset = frozenset({"the", "this"})
    report_nouns: frozenset = frozenset()
    place_nouns: frozenset = frozenset()
    event_nouns: frozenset = frozenset()
    age_adjectives: frozenset = frozenset()
    ratio_words: frozenset = frozenset()
    event_preps: frozenset = frozenset()
    rule_nouns: frozenset = frozenset()
    survey_nouns: frozenset = frozenset()
    survey_verbs: frozenset = frozenset()
    calendar_words: frozenset = frozenset()
    program_nouns: frozenset = frozenset()
    person_relatives: frozenset = frozenset()
    person_titles: frozenset = frozenset()
    sanction_verbs: frozenset = frozenset()
    penalty_nouns: frozenset = frozenset()
    penalty_targets: frozenset = frozenset()
    control_verbs: frozenset = frozenset()
    grant_verbs: frozenset = frozenset()
    object_pronouns: Mapping[str, frozenset] = field(default_factory=dict)
    sentenced_nouns: frozenset = frozenset()

    @classmethod
    def from_data(cls, subjects: dict, who: dict) -> "SubjectWords":
        return cls(frozenset(subjects["pronouns"]), frozenset(subjects["measures"]), frozenset(subjects["populations"]),
                   frozenset(who["reporter_verbs"]), frozenset(who["event_scales"]), frozenset(who["world_scopes"]),
                   {k: frozenset(v) for k, v in who["anaphor_pronouns"].items()},
                   {k: frozenset(v) for k, v in who["anaphor_nouns"].items()}, frozenset(who.get("region_nouns", ())),
                   frozenset(who.get("place_groups", ())), frozenset(who.get("storm_nouns", ())),
                   frozenset(who.get("subject_attachments", ())), frozenset(who.get("part_of_pronouns", ())),
                   frozenset(who.get("moving_verbs", ())), frozenset(who.get("anaphor_determiners", ("the", "this"))),
                   frozenset(who.get("report_nouns", ())), frozenset(who.get("place_nouns", ())),
                   frozenset(who.get("event_nouns", ())), frozenset(who.get("age_adjectives", ())),
                   frozenset(who.get("ratio_words", ())), frozenset(who.get("event_preps", ())),
                   frozenset(who.get("rule_nouns", ())), frozenset(who.get("survey_nouns", ())),
                   frozenset(who.get("survey_verbs", ())), frozenset(who.get("calendar_words", ())),
                   frozenset(who.get("program_nouns", ())), frozenset(who.get("person_relatives", ())),
                   frozenset(who.get("person_titles", ())), frozenset(who.get("sanction_verbs", ())),
                   frozenset(who.get("penalty_nouns", ())), frozenset(who.get("penalty_targets", ())),
                   frozenset(who.get("control_verbs", ())), frozenset(who.get("grant_verbs", ())),
                   {k: frozenset(v) for k, v in who.get("object_pronouns", {}).items()},
                   frozenset(who.get("sentenced_nouns", ())))


@functools.lru_cache(maxsize=1)
def packaged_words() -> SubjectWords:
    """The packaged ``subjects.json`` and ``who.json`` as :class:`SubjectWords`, read once."""
    return SubjectWords.from_data(read_lexicon("subjects"), read_lexicon("who"))



def _phrase(doc: Doc, head: Token, exclude: tuple[int, int], max_tokens: int = 10,
            clauses: bool = False) -> Optional[tuple[str, list]]:
    """:func:`_read_phrase`, once per document and arguments: the rules and the what proposers ask for the same
    phrases again and again (about three calls in five repeat one). The span comes back as a fresh list."""
    memo = document_memo(doc)
    # the figure to leave out matters only inside the head's subtree (the tokens _read_phrase reads): the figures
    # of other sentences share one reading of, say, the headline's subject
    inside = exclude[0] <= head.right_edge.i and head.left_edge.i < exclude[1]
    key = ("phrase", head.i, tuple(exclude) if inside else None, max_tokens, clauses)
    if key not in memo:
        memo[key] = _read_phrase(doc, head, exclude, max_tokens, clauses)
    found = memo[key]
    return None if found is None else (found[0], list(found[1]))


def _read_phrase(doc: Doc, head: Token, exclude: tuple[int, int], max_tokens: int = 10,
                 clauses: bool = False) -> Optional[tuple[str, list]]:
    """The noun phrase of ``head`` with its modifiers and 'of'/'in'/'on' attachments, minus the figure.

    With ``clauses``, a relative or participle clause stays ("workers who quit the union"): for a
    count, the clause is what says which things were counted.
    """
    keep = []
    dropped = ("advcl", "appos", "punct", "cc", "conj", "det", "nummod", "quantmod")
    if not clauses:
        dropped += ("relcl", "acl")
    # The slice between the edges holds the subtree; _connected keeps only the head's descendants of it. Token.subtree
    # nests one generator per level, quadratic on the deep chains a sentence of thousands of figures parses into.
    for tok in doc[head.left_edge.i:head.right_edge.i + 1]:
        if exclude[0] <= tok.i < exclude[1] or tok.like_num or tok.text in ("$", "%", "€", "£"):
            continue
        if tok.dep_ in dropped and tok != head:
            continue
        keep.append(tok)
    allowed = _connected(head, {k.i for k in keep}, clauses)
    toks = sorted((doc[i] for i in allowed), key=lambda t: t.i)
    toks = [t for t in toks if t.i >= head.left_edge.i]
    # keep a contiguous window around the head
    idx = [t.i for t in toks]
    start = idx.index(head.i)
    lo = hi = start
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1 and hi - lo < max_tokens:
        hi += 1
    window = toks[lo:hi + 1]
    while window and window[0].lower_ in _STOP_EDGE:
        window = window[1:]
    while window and (window[-1].lower_ in _STOP_EDGE or window[-1].is_punct or window[-1].pos_ in ("ADP", "ADV", "CCONJ")
                      or window[-1].lower_ in ("worth", "valued", "totaling", "totalling")):
        window = window[:-1]
    if not window:
        return None
    span = doc[window[0].i:window[-1].i + 1]
    return span.text, [span.start_char, span.end_char]


def _connected(head: Token, kept: set[int], clauses: bool) -> set[int]:
    """The kept tokens joined to ``head`` through kept tokens, crossing only 'of'/'in'/'on'/'for'/'from' (or, with
    ``clauses``, a verb's own prepositions). Walked from the head down, so it is linear in the subtree: walking
    up from every token was cubic on a sentence of 5,000 figures."""
    allowed = {head.i}
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.i in kept and not _blocks(child, clauses):
                allowed.add(child.i)
                stack.append(child)
    return allowed


def _blocks(tok: Token, clauses: bool) -> bool:
    return tok.dep_ == "prep" and tok.lower_ not in ("of", "in", "on", "for", "from") \
        and not (clauses and tok.head.dep_ != "ROOT" and tok.head.pos_ == "VERB")


@dataclass(frozen=True)
class WhatLexicon:
    """Words that name the kind of figure, not the thing measured (``models/lexicon/what.json``)."""

    changes: frozenset
    placeholders: frozenset
    qualifiers: frozenset
    level_verbs: frozenset = frozenset({"be", "have"})
    reporters: frozenset = frozenset()

    @classmethod
    def load(cls, path: Path = LEXICON_DIR / "what.json", subjects: Path = LEXICON_DIR / "subjects.json") -> "WhatLexicon":
        return cls.from_data(json.loads(Path(path).read_text(encoding="utf-8")),
                             json.loads(Path(subjects).read_text(encoding="utf-8")))

    @classmethod
    def from_data(cls, what: dict, subjects: dict) -> "WhatLexicon":
        """From the data of what.json and subjects.json (whose reporters are never the thing measured either)."""
        return cls(frozenset(what["changes"]), frozenset(what["placeholders"]), frozenset(what["qualifiers"]),
                   frozenset(what["level_verbs"]), frozenset(subjects["reporters"]))

    def generic_word(self, doc: Doc, span: Optional[list]) -> Optional[str]:
        """The change or placeholder word of a what that says only what kind of figure it is ('increase',
        'annual rate', 'record'), else None."""
        if span is None:
            return None
        lemmas = [t.lemma_.lower() for t in doc.char_span(span[0], span[1], alignment_mode="expand")
                  if t.is_alpha and not t.is_stop]
        kinds = [w for w in lemmas if w in self.changes or w in self.placeholders]
        if not kinds or any(w not in self.changes and w not in self.placeholders and w not in self.qualifiers for w in lemmas):
            return None
        return kinds[-1]

    def names_change(self, text: str) -> bool:
        return any(w in self.changes or w.rstrip("s") in self.changes for w in re.findall(r"[a-z]+", text.lower()))


@functools.lru_cache(maxsize=1)
def packaged_what_words() -> WhatLexicon:
    """The packaged ``what.json`` and ``subjects.json`` as a :class:`WhatLexicon`, read once (calls outside a pipeline)."""
    return WhatLexicon.from_data(read_lexicon("what"), read_lexicon("subjects"))


def _is_the_unit(what: tuple, m: dict) -> bool:
    """'km' or 'MMBtu' read back from the figure itself: the unit is not what was measured."""
    words = re.findall(r"[A-Za-z]+", what[0])
    return bool(words) and all(w in re.findall(r"[A-Za-z]+", m["text"]) for w in words)


def _clause_after(doc: Doc, noun: Token, what: tuple, exclude: tuple[int, int], max_tokens: int = 16) -> Optional[tuple]:
    """A counted noun that is a verb's subject, with that verb: 'farmers [in northern Ohio] lost their crops',
    'homes were sold'. The verb says which things were counted; without it the what is just 'people'."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or verb.i < noun.i or what[1] is None:
        return None
    if any(c.dep_ == "relcl" for c in noun.children):
        return None  # the noun's own clause already says it
    end = verb.i + 1
    for c in verb.children:  # particle and object right after the verb: 'quit the union'
        if c.i >= end and c.dep_ in ("prt", "dobj") and c.left_edge.i == end:
            end = c.right_edge.i + 1 if c.dep_ == "dobj" else c.i + 1
    start = doc.char_span(what[1][0], what[1][1], alignment_mode="expand").start
    if end - start > max_tokens or any(exclude[0] <= t.i < exclude[1] for t in doc[start:end]):
        return None
    span = doc[start:end]
    return span.text, [span.start_char, span.end_char]


LOCATIVE_LABELS = {"GPE", "LOC", "FAC"}  # not ORG: "a 40% share in Acme Steel" is the buyer's


def _located_in(ents: list[Span], *tokens: Optional[Token]) -> Optional[Span]:
    """The place a figure is given for by its own 'in'/'at' phrase: 'nine injuries in Peru', '$0.40 at the Ridgeway hub'."""
    for tok in tokens:
        if tok is None:
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in LOCATIVE_LABELS:
                    ent = _entity_in(ents, (pobj.idx, pobj.idx + len(pobj)))
                    if ent is not None and ent.label_ in LOCATIVE_LABELS:
                        return ent
    return None


def _is_object_of(tok: Optional[Token], verb: Token) -> bool:
    """The verb's object, or a restatement of it ('eating less rice -- 31 million tonnes'), also of a verb the
    governing one opens ('the pilot tried to fire three flares')."""
    if tok is None:
        return False
    if tok.dep_ == "appos":
        tok = tok.head
    return tok.dep_ == "dobj" and (tok.head == verb or tok.head.dep_ == "xcomp" and tok.head.head == verb)


def _surveyed(doc: Doc, head: Token, m: dict, exclude: tuple[int, int], words: SubjectWords) -> Optional[tuple]:
    """The population a share is 'of' ('41% of retired teachers', 'one-third (33.1%) of farmers'), as written:
    by the guidelines a survey's share takes the surveyed population as its who, never the survey."""
    if m.get("unit") != "%" and m.get("kind") != "percentage":
        return None
    for tok in (head, head.head if head.dep_ == "appos" else None):
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None) if tok is not None else None
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and pobj.lemma_.lower() in words.populations:
            return _phrase(doc, pobj, exclude)
    return None


def _names_a_measure(tok: Token, lexicon: WhatLexicon, words: SubjectWords) -> bool:
    """A noun that says what was measured or what kind of figure it is ('exports', 'the increase'), not whose."""
    lemma = tok.lemma_.lower()
    return lemma in words.measures or lemma in lexicon.changes or lemma in lexicon.placeholders


def aged_person(head: Token, words: SubjectWords) -> Optional[Token]:
    """The noun an 'N-year-old' age describes ('a 52-year-old teacher'), or the noun that one stands in apposition to
    ('the suspect, a 19-year-old man'): by the guidelines the person the age is of."""
    old = head
    for _ in range(3):
        if old.lower_ in words.age_adjectives or old.head == old:
            break
        old = old.head
    person = old.head
    if old.lower_ not in words.age_adjectives or old.dep_ != "amod" or person.pos_ not in ("NOUN", "PROPN"):
        return None
    if person.dep_ == "appos" and person.head.pos_ in ("NOUN", "PROPN"):
        return person.head  # the noun the text refers to the person by
    return person


def survey_of(head: Token, verb: Optional[Token], subject: Optional[Token], words: SubjectWords) -> Optional[Token]:
    """The survey, poll or study whose own size or coverage the figure gives (guidelines: a survey's size and
    coverage take the survey, study or reviewer): the survey the figure's phrase hangs on ('the study of 2,300
    adults'), a survey subject of a verb that does not report ('one study followed 68 runners'), or the subject of a
    surveying verb whose object holds the figure ('researchers asked people in 47 countries')."""
    tok = head
    for _ in range(6):
        if tok.head == tok or tok == verb or tok.pos_ in ("VERB", "AUX"):
            break
        counted = tok == head and head.dep_ in ("nummod", "compound", "quantmod")  # 'two rock samples': the what
        tok = tok.head
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in words.survey_nouns and not counted:
            return tok
    if subject is None or verb is None:
        return None
    if subject.lemma_.lower() in words.survey_nouns:
        return None if states_for_others(verb, words) else subject
    surveyed = any(c.dep_ in ("dobj", "prep") and (c == head or c.is_ancestor(head)) for c in verb.children)
    if verb.lemma_.lower() in words.survey_verbs and surveyed and subject.lower_ not in words.pronouns:
        return subject
    return None


def ratio_counted(doc: Doc, m: dict, noun: Optional[Token], words: SubjectWords) -> Optional[Token]:
    """The counted noun of an 'N in M' share ('two in three nurses', 'one out of four tenants'): the population."""
    inside = range(m["token_start"], m["token_end"])
    if not any(doc[i].lower_ in words.ratio_words for i in inside):
        return None
    after = doc[m["token_end"]] if m["token_end"] < len(doc) else None
    if noun is None and after is not None and after.pos_ == "NOUN" and after.head.i in inside:
        return after  # 'one out of four tenants': the parse hangs the noun on the figure's 'of'
    return noun


def event_named(measures: list[Token], words: SubjectWords) -> Optional[Token]:
    """The event a casualty or damage measure names by a common noun 'from', 'of' or 'in' it ('the death toll from
    the landslide', 'the number of deaths from the quake')."""
    events = words.event_nouns | words.storm_nouns
    measures = measures + [o for t in measures for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj"]
    for tok in measures:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in words.event_preps:
                continue
            pobj = next((x for x in prep.children if x.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "NOUN" and pobj.lemma_.lower() in events:
                return pobj
    return None


def _compact(doc: Doc, tok: Token) -> tuple[str, list]:
    """A subject noun with the words that name it and none that place it: 'the nation', 'Cotton farmers'."""
    start = tok.i
    for c in reversed(list(tok.lefts)):
        if c.i == start - 1 and c.dep_ in ("det", "compound", "amod", "poss"):
            start = c.i
    span = doc[start:tok.i + 1]
    return span.text, [span.start_char, span.end_char]


def _governing_verb(tok: Token) -> Optional[Token]:
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in tok.children):
            return tok
        if tok.head == tok:
            return None
        if tok.dep_ not in _HOPS and tok.dep_ not in SUBJECTS and tok.dep_ != "ROOT":
            return None
        tok = tok.head
    return None


def states_for_others(verb: Optional[Token], words: Optional[SubjectWords] = None) -> bool:
    """A verb whose subject states or measures a figure rather than owning it ('the CBO estimates', 'USGS measured')."""
    return verb is not None and verb.lemma_.lower() in (words or packaged_words()).reporter_verbs


def in_reporter_role(tok: Token, words: Optional[SubjectWords] = None) -> bool:
    """The token names who states or measures a figure: it is in the subject of a reporter verb ('the agency puts
    the toll at ten', 'officials at the UN warn') or in its 'by' agent ('rated at 4.2 by the weather bureau')."""
    for _ in range(6):
        if tok.dep_ in ("nsubj", "nsubjpass") and states_for_others(tok.head, words):
            return True
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and states_for_others(tok.head.head, words):
            return True
        if tok.head.i == tok.i or tok.dep_ not in ("compound", "poss", "amod", "appos", "pobj", "prep", "nmod", "det"):
            return False
        tok = tok.head
    return False


def _has_no_owner(head: Token, noun: Optional[Token], verb: Optional[Token], subject: Optional[Token],
                  words: SubjectWords) -> bool:
    """A figure no entity owns, by the guidelines: a scale reading of an event ('a 6.3 magnitude quake') and a
    world total ('deaths worldwide', 'refugees in the world'), whose scope hangs off the figure, its noun or its verb,
    unless a subject of its own owns it ('Acme sells 2 million cars worldwide')."""
    near = [noun, head.head, *(c for c in (noun.children if noun is not None else ()) if c.dep_ in ("compound", "nmod"))]
    if any(t is not None and t.lemma_.lower() in words.event_scales for t in near):  # 'a magnitude 6.1 quake'
        return True
    if noun is not None and noun.dep_ == "pobj" and _world_scoped(noun, words):
        return True  # 'risks make up 40% of the 9 million deaths worldwide': the subject owns the share, not the total
    if subject is not None and subject != noun and subject.lower_ not in words.pronouns:
        return False
    return any(_world_scoped(tok, words) for tok in (head, noun, verb) if tok is not None)


def _world_scoped(tok: Token, words: SubjectWords) -> bool:
    """A world scope hangs off the token: 'deaths worldwide', 'refugees in the world'."""
    for c in tok.children:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in words.world_scopes:
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in words.world_scopes for g in c.children):
            return True
    return False


def _plain_noun_subject(doc: Doc, subject: Optional[Token], ents: list[Span], words: SubjectWords) -> bool:
    """A common-noun subject that names no entity, points at none and owns nothing by a possessor:
    'The city payroll', 'the glass frog' (not 'U.S. exports', 'the company', 'its sales')."""
    if subject is None or subject.pos_ != "NOUN" or subject.lower_ in words.pronouns \
            or _pointer_labels(subject, words) is not None:
        return False
    if any(c.dep_ == "poss" for c in subject.children):
        return False
    return _entity_in(ents, (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))) is None


def _described_subject(doc: Doc, m: dict, noun: Optional[Token], verb: Optional[Token], subject: Optional[Token], ents: list[Span],
                       lexicon: WhatLexicon, words: SubjectWords) -> bool:
    """A common-noun subject that the figure's clause describes ('the glass frog was 3 cm long', 'the drone
    has four rotors', 'the barge was sent on a nine-month trip'): the thing described is the who, not the
    document's country. Measures, reporters and populations stay out ('exports were $5 billion', 'officials
    counted 12', 'workers culled a million birds')."""
    if m.get("kind") in ("percentage", "money") or m.get("unit") == "%":  # 'Condoms were the top method (44%)': a
        return False  # share's subject is what it measures; money has a payer or an owner, not a described thing
    if verb is None or not _plain_noun_subject(doc, subject, ents, words) or _names_a_measure(subject, lexicon, words):
        return False
    if states_for_others(verb, words) or _place_in_clause(ents, verb, subject):
        return False  # 'the flood struck on June 8 in Ohio, with 14 dams breached': the place is the who
    if noun is not None and (subject == noun or noun.is_ancestor(subject) or subject.is_ancestor(noun)):
        return False  # 'forty more bakeries were opened': the counted noun is the what, not the who
    if m["token_start"] <= subject.i < m["token_end"] or any(d.lower_ in POINTER_DETERMINERS for d in subject.children):
        return False  # 'these challenges': a pointer at something named before
    if any(c.dep_ == "nummod" for c in subject.children):
        return False  # 'at least 17 wells are dry': a subject counted by a figure of its own is a what
    lemma = subject.lemma_.lower()
    return lemma not in lexicon.reporters and lemma not in words.populations and not subject.like_num


def _place_in_clause(ents: list[Span], verb: Token, subject: Token) -> bool:
    """A place the clause states its facts for by an 'in' or 'at' phrase anywhere outside its subject."""
    for tok in verb.subtree:
        if tok.dep_ == "prep" and tok.lower_ in ("in", "at") and not subject.is_ancestor(tok) \
                and _located_in(ents, tok.head) is not None:
            return True
    return False


def _pointer_labels(tok: Token, words: SubjectWords) -> Optional[frozenset]:
    """The entity labels a pointer can stand for: 'it', 'they', or 'the company', 'this agency' with no name of its own."""
    if tok.lower_ in words.pointer_pronouns:
        return words.pointer_pronouns[tok.lower_]
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words.pointer_nouns:
        return None
    dets = [c for c in tok.children if c.dep_ == "det"]
    named = any(c.dep_ in ("compound", "amod", "appos", "poss") and c.pos_ == "PROPN" for c in tok.children)
    if named or not any(d.lower_ in words.pointer_determiners for d in dets):
        return None
    return words.pointer_nouns[tok.lemma_.lower()]


def document_entities(doc: Doc, words: SubjectWords) -> list[Span]:
    """The document's who entities, read once per document (doc.ents walks every token)."""
    memo = document_memo(doc)
    if _ENTS_KEY not in memo:
        memo[_ENTS_KEY] = who_entities(doc, words)
    return memo[_ENTS_KEY]


def _noun_uses(doc: Doc) -> dict[tuple[str, str], list[int]]:
    """The document's nouns by (``NOUN``, lemma) and proper nouns by (``PROPN``, lowercase word), as sorted token
    indices, read once per document: the looks back for an earlier use of a noun then skip straight to its uses
    instead of walking up to 2,000 tokens per figure."""
    memo = document_memo(doc)
    if _USES_KEY not in memo:  # read from the token arrays: a Token object per word costs more than the lookups save
        uses: dict[tuple[str, str], list[int]] = {}
        strings, lowered = doc.vocab.strings, {}
        for i, (pos, lemma, lower) in enumerate(doc.to_array([POS, LEMMA, LOWER]).tolist()):
            if pos == NOUN:
                if lemma not in lowered:
                    lowered[lemma] = strings[lemma].lower()
                uses.setdefault(("NOUN", lowered[lemma]), []).append(i)
            elif pos == PROPN:
                uses.setdefault(("PROPN", strings[lower]), []).append(i)
        memo[_USES_KEY] = uses
    return memo[_USES_KEY]


def _earlier_uses(doc: Doc, pos: str, word: str, tok: Token, reach: int):
    """The tokens of the ``reach`` before ``tok`` that use ``word`` as a ``pos`` (see :func:`_noun_uses`), latest
    first."""
    uses = _noun_uses(doc).get((pos, word), ())
    lo, hi = bisect.bisect_left(uses, max(tok.i - reach, 0)), bisect.bisect_left(uses, tok.i)
    return (doc[i] for i in reversed(uses[lo:hi]))


def _name_with(doc: Doc, tok: Token, max_tokens: int = 8) -> Optional[tuple[str, list]]:
    """The latest proper name before ``tok`` that holds the pointer's own noun ('the ministry' -> 'the Royal
    Ministry of Fisheries'), read off the parse, since the NER often tags only a part of such a name."""
    cand = next(_earlier_uses(doc, "PROPN", tok.lower_, tok, 2000), None)
    if cand is None:
        return None
    lo, hi = cand.left_edge.i, cand.right_edge.i + 1
    while lo < cand.i and doc[lo].dep_ == "det":
        lo += 1
    if hi - lo > max_tokens:
        lo, hi = cand.i, cand.i + 1
    span = doc[lo:hi]
    return span.text, [span.start_char, span.end_char]


def _latest_of_kind(doc: Doc, tok: Token, labels: frozenset, words: SubjectWords) -> Optional[tuple[str, list]]:
    """The most recent entity before ``tok`` of a kind the pointer can stand for."""
    kind = [_program_owner(e, words) if _names_a_program(e, words) else e
            for e in document_entities(doc, words) if e.end_char <= tok.idx and e.label_ in labels]
    kind = [e for e in kind if e is not None]
    return (kind[-1].text, [kind[-1].start_char, kind[-1].end_char]) if kind else None


def _names_a_program(ent: Span, words: SubjectWords) -> bool:
    """The name is a program's or plan's ('EPA's Clean Ports program', 'the Green Fleet plan'), which the tagger
    labels ORG: no agency or company that 'the agency' or 'it' could point back at, unlike its owner."""
    root = ent.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in words.program_nouns


def _program_owner(ent: Span, words: SubjectWords) -> Optional[Span]:
    """The name that owns a program ('EPA' of "EPA's Clean Ports program"), which the tagger often leaves untagged;
    None when the program has no named owner."""
    program = ent.root.head
    owner = next((c for c in program.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None:
        return None
    if ent.start <= owner.i < ent.end:  # "Acme's Green Fleet" tagged as one name: its possessor
        return ent.doc[ent.start:owner.i + 1]
    return ent.doc[owner.left_edge.i:owner.i + 1]


def pointed_at(doc: Doc, tok: Token, previous_subject: Optional[dict], named_only: bool = False,
               words: Optional[SubjectWords] = None) -> Optional[tuple[str, list]]:
    """(name, span) a pointer subject or possessor stands for ('The firm booked orders of $8 million' -> the firm
    named before): a name holding the pointer's noun, else the paragraph's remembered who, else the latest entity
    of a matching kind; None when ``tok`` is no pointer. With ``named_only``, only the first ('the nation's growth'
    stays as written when no name says which nation)."""
    words = words or packaged_words()
    labels = _pointer_labels(tok, words)
    if labels is None:
        return None
    if named_only:
        return _name_with(doc, tok) if tok.pos_ == "NOUN" else None
    remembered = (previous_subject["who"], previous_subject["who_span"]) \
        if previous_subject is not None and previous_subject.get("who") else None
    named = _name_with(doc, tok) if tok.pos_ == "NOUN" else None
    prior = _prior_subject(doc, tok, labels, words) if tok.lower_ in words.pointer_pronouns else None
    return named or prior or remembered or _latest_of_kind(doc, tok, labels, words)


def _prior_subject(doc: Doc, tok: Token, labels: frozenset, words: SubjectWords) -> Optional[tuple[str, list]]:
    """For a pronoun subject, the entity of a matching kind that is the subject of the sentence before:
    'Norway built more ferries. It built the third highest count' -> Norway, not a place named after it."""
    if tok.dep_ not in SUBJECTS or tok.sent.start == 0:
        return None
    before = doc[tok.sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return None
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    ent = _entity_in(document_entities(doc, words), (lo, hi))
    return (ent.text, [ent.start_char, ent.end_char]) if ent is not None and ent.label_ in labels else None


def who_entities(doc: Doc, words: Optional[SubjectWords] = None) -> list[Span]:
    """The entities a figure can be about (doc.ents walks every token, so callers read it once per doc).

    Statistical NER in headlines and datelines yields junk ('EMBARGOED', 'SSE'); entities of the ruler
    (which carry an id) are always kept, others must look like names.
    """
    pronouns = (words or packaged_words()).pronouns
    out = []
    repeated = _repeated_acronyms(doc)
    for e in doc.ents:
        if e.label_ not in WHO_LABELS:
            continue
        junk = len(e.text) <= 3 and e.text not in repeated or any(ch.isdigit() for ch in e.text) \
            or (e.text.isupper() and len(e.text) > 5)
        if not e.ent_id_ and junk:
            continue
        if e.root.lower_ in pronouns or not e.ent_id_ and _capitalised_common_noun(e):
            continue
        out.append(e)
    return out


def _capitalised_common_noun(e: Span) -> bool:
    """'Rainfall in Kerala', 'House prices in London': the NER takes a sentence's first word for a name only because
    it is capitalised; the tagger still reads it, and every word of the entity, as a common noun."""
    return e[0].is_sent_start and all(t.pos_ == "NOUN" for t in e)


def _repeated_acronyms(doc: Doc) -> frozenset:
    """Upper-case words of two or three letters the text uses twice or more as names ('EPA', 'NSF'): an agency's
    acronym recurs through a story, while the NER's junk of a headline or dateline ('SSE') stands once. One the text
    uses as a common noun is no name: after 'a'/'an' ('an IUD') or spelled out in lower case ('miles traveled (VMT)')."""
    text = doc_text(doc)  # doc.text joins every token on each read
    counts: dict[str, int] = {}
    for found in re.findall(r"\b[A-Z]{2,3}\b", text):
        counts[found] = counts.get(found, 0) + 1
    common = set(re.findall(r"\ban? ([A-Z]{2,3})\b", text)) | set(re.findall(r"(?<![\w-])[a-z][a-z-]*,? \(([A-Z]{2,3})\)", text))
    return frozenset(k for k, n in counts.items() if n >= 2 and k not in common)


def document_subject(ents: list[Span], lead_sentences: int = 3) -> Optional[Span]:
    """The place a document is about: its most frequent GPE if it is named at least twice, else a place named in
    its lead (the first sentences: headline, dateline, opening), else the only place it names ('U.S. Import Price
    Indexes' in a price release's closing line; a region such as 'Africa' named too leaves no single place)."""
    counts: dict[str, list] = {}
    for e in ents:
        if e.label_ == "GPE":
            counts.setdefault(e.ent_id_ or e.text.lower(), []).append(e)
    if not counts:
        return None
    best = max(counts.values(), key=len)
    regions = {e.text.lower() for e in ents if e.label_ == "LOC"}
    if len(best) >= 2 or len(counts) == 1 and not regions:
        return best[0]
    lead_end = _lead_end(best[0].doc, lead_sentences)
    in_lead = [found[0] for found in counts.values() if found[0].start_char < lead_end]
    return min(in_lead, key=lambda e: e.start_char) if in_lead else None


def _lead_end(doc: Doc, sentences: int) -> int:
    """Where the document's first ``sentences`` sentences end."""
    end = 0
    for k, sent in enumerate(doc.sents):
        if k >= sentences:
            break
        end = sent.end_char
    return end


def _entity_in(ents: list[Span], span: tuple[int, int]) -> Optional[Span]:
    best = None
    for ent in ents:
        if ent.label_ in WHO_LABELS and ent.start_char < span[1] and span[0] < ent.end_char:
            if best is None or ent.start_char < best.start_char:
                best = ent
    return best


@dataclass(frozen=True)
class _Figure:
    """What every rule of :func:`fill_subject` reads about one figure, found once: the parse around it and the
    lexicons. ``subj_slots`` is the clause's subject as text and span (the remembered subject for a pronoun)."""

    doc: Doc
    m: dict
    head: Token
    exclude: tuple[int, int]
    noun: Optional[Token]  # the noun the figure counts or modifies
    verb: Optional[Token]  # the verb that governs the figure and has a subject
    subject: Optional[Token]  # that verb's subject, outside the figure
    subj_slots: Optional[dict]
    reporter: bool  # the verb states the figure for others ('the agency puts the toll at ten')
    ents: list
    previous: Optional[dict]
    lexicon: WhatLexicon
    words: SubjectWords


def _figure(doc: Doc, m: dict, previous: Optional[dict], ents: list[Span], lexicon: WhatLexicon,
            words: SubjectWords) -> _Figure:
    """The parse around figure ``m``, found once: every rule reads the same noun, verb and subject."""
    head = doc[m["head"]]
    exclude = (m["token_start"], m["token_end"])
    verb = _governing_verb(head)
    subject = _clause_subject(verb, m)
    return _Figure(doc, m, head, exclude, _counted_noun(doc, m, head), verb, subject,
                   _subject_slots(doc, subject, previous, exclude, words), states_for_others(verb, words),
                   ents, previous, lexicon, words)


def _counted_noun(doc: Doc, m: dict, head: Token) -> Optional[Token]:
    """The noun the figure counts or modifies: "30 wind farms", "a 40% share in Acme Steel"; for a bare
    count, the last noun inside the figure ('a score of sailors')."""
    modified = head.head
    if head.dep_ in ("npadvmod", "nummod") and modified.lower_ in ("more", "fewer", "less") and modified.dep_ == "amod":
        modified = modified.head  # "6.7% more passengers": the figure counts the passengers, not 'more'
    if head.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod", "npadvmod") and modified.pos_ in ("NOUN", "PROPN") \
            and not (m["token_start"] <= modified.i < m["token_end"]):
        return modified
    noun = None
    if m["unit"] is None:
        for tok in doc[m["token_start"]:m["token_end"]]:
            if tok.pos_ == "NOUN":
                noun = tok
    return noun


def _clause_subject(verb: Optional[Token], m: dict) -> Optional[Token]:
    """The governing verb's subject, unless it is part of the figure."""
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(subjects) > 1 and _dateline(subjects[0]):
        subjects = subjects[1:]  # 'WASHINGTON – The coalition ... is': the parser made the dateline a second subject
    subj = subjects[0] if subjects else None
    if subj is not None and subj.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
        subj = verb.head  # "fines that could reach $9 million": the relative pronoun stands for its noun
    if subj is not None and not (m["token_start"] <= subj.i < m["token_end"]):
        return subj
    return None


def _dateline(tok: Token) -> bool:
    """A wire story's opening place in capitals before a dash ('WASHINGTON –')."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return _in_capitals(tok) and tok.i == tok.sent.start and nxt is not None \
        and nxt.text in ("–", "—", "-", "--")


def _subject_slots(doc: Doc, subject: Optional[Token], previous: Optional[dict], exclude: tuple[int, int],
                   words: SubjectWords) -> Optional[dict]:
    """The subject as text, span and whether it names an entity; a pronoun subject is the paragraph's remembered one."""
    if subject is None:
        return None
    if subject.lower_ in words.pronouns and previous is not None:
        return previous
    ph = _phrase(doc, subject, exclude)
    return {"text": ph[0], "span": ph[1], "is_entity": subject.ent_type_ in WHO_LABELS} if ph else None


# --------------------------------------------------------------------------------------------- the what rules
# Each takes the figure and gives (text, span or None) or None; the first that gives one decides.

def _what_of_phrase(f: _Figure) -> Optional[tuple]:
    """"60% of French wine sales", "half of the harvest": the noun the figure is a part of."""
    of_child = next((c for c in f.head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of_child.children if c.dep_ == "pobj"), None) if of_child is not None else None
    return _phrase(f.doc, pobj, f.exclude) if pobj is not None else None


def _what_counted_noun(f: _Figure) -> Optional[tuple]:
    """The counted or modified noun's phrase; a bare count keeps the clause that says which things were counted."""
    if f.noun is None:
        return None
    count = f.m["unit"] is None
    what = _phrase(f.doc, f.noun, f.exclude, max_tokens=14 if count else 10, clauses=count)
    if what is not None and count:
        what = _clause_after(f.doc, f.noun, what, f.exclude) or what
    return what


def _what_restated(f: _Figure) -> Optional[tuple]:
    """"less gas -- 9 million cubic feet a day", "the size of the grant -- $40 million": the figure restates a noun."""
    restated = f.head.head
    if f.head.dep_ == "appos" and restated.pos_ == "NOUN" and not (f.exclude[0] <= restated.i < f.exclude[1]):
        return _phrase(f.doc, restated, f.exclude)
    return None


def _what_money_is_for(f: _Figure) -> Optional[tuple]:
    """"$9 million for repairs at the harbor": money is for something."""
    if f.m.get("kind") != "money":
        return None
    for_child = next((c for c in f.head.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    pobj = next((c for c in for_child.children if c.dep_ == "pobj"), None) if for_child is not None else None
    return _phrase(f.doc, pobj, f.exclude) if pobj is not None else None


def _what_produced(f: _Figure) -> Optional[tuple]:
    """"the mills produced $4 billion in steel": what was produced, and the verb that says how."""
    if f.head.dep_ not in ("dobj", "npadvmod") or f.head.head.pos_ != "VERB":
        return None
    pp = next((c for c in f.head.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "on")), None)
    pobj = next((c for c in pp.children if c.dep_ == "pobj"), None) if pp is not None else None
    ph = _phrase(f.doc, pobj, f.exclude) if pobj is not None else None
    return (f"{ph[0]} {f.head.head.text}", None) if ph is not None else None  # words from two places: no one span


def _what_activity_unit(f: _Figure) -> Optional[tuple]:
    """"hikers walked 3,000 kilometers", "pilots flew 4,000 hours": a measure that is the object of an
    activity verb is that activity's ('traveled miles')."""
    verb = f.head.head
    if f.head.dep_ in ("dobj", "npadvmod") and verb.pos_ == "VERB" and verb.lemma_ not in f.lexicon.level_verbs \
            and f.m.get("kind") in ("physical", "duration") and (f.m.get("unit_text") or "").isalpha():
        return f"{verb.text} {f.m['unit_text']}", None
    return None


def _what_amount_of(f: _Figure) -> Optional[tuple]:
    """A figure that is an amount "of" a noun: "a levy of 15%"."""
    if f.head.dep_ == "pobj" and f.head.head.lower_ == "of" and f.head.head.head.pos_ == "NOUN":
        return _phrase(f.doc, f.head.head.head, f.exclude)
    return None


def _what_changed_object(f: _Figure) -> Optional[tuple]:
    """"raised the fee from 5% to 8%": the figure hangs off the verb through a preposition, and the verb's
    object is what changed."""
    if f.head.dep_ != "pobj" or f.head.head.dep_ != "prep" or f.head.head.head.pos_ != "VERB":
        return None
    obj = next((c for c in f.head.head.head.children if c.dep_ in ("dobj", "attr")), None)
    if obj is not None and not (f.m["token_start"] <= obj.i < f.m["token_end"]):
        return _phrase(f.doc, obj, f.exclude)
    return None


# From the figure's own phrase outwards: what the figure counts or is part of before what its clause is about.
WHAT_RULES: tuple[Callable[[_Figure], Optional[tuple]], ...] = (
    _what_of_phrase, _what_counted_noun, _what_restated, _what_money_is_for, _what_produced, _what_activity_unit,
    _what_amount_of, _what_changed_object,
)


def _rules_what(f: _Figure) -> Optional[tuple]:
    """The first rule's what; one that only reads the unit back ('km') is none, and no later rule gets a say."""
    what = next((w for w in (rule(f) for rule in WHAT_RULES) if w is not None), None)
    return None if what is not None and _is_the_unit(what, f.m) else what


# ---------------------------------------------------------------------------------------------- the who rules
# Each takes the figure and its what and gives (name, span) or None; the first that gives one decides.

_GAP_WORDS = ("DET", "ADJ", "PROPN", "NOUN")  # the words of a gapped conjunct's subject ('the coalition', 'Toyota')
_GAP_SEPARATORS = frozenset(read_lexicon("subjects")["gap_separators"])  # shared with the other slot's gap rule
_FIGURE_ENTS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def _who_gapped_conjunct(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Ford sold 12,000 cars, Toyota 9,000 and Honda 7,500': a figure right after a noun phrase that follows a comma
    or 'and', with no verb of its own, repeats the first clause for that noun phrase, which is its who (the verb's
    subject is the first figure's). A noun that names a measure ('exports $5 billion, imports $3 billion') is what
    was measured, not whose: the other rules decide."""
    run = _gapped_subject(f.doc, f.m)
    if run is None or _names_a_measure(run[-1], f.lexicon, f.words) or run[-1].lower_ in f.words.pronouns:
        return None
    ent = _entity_in(f.ents, (run.start_char, run.end_char))
    if ent is not None:
        return ent.text, [ent.start_char, ent.end_char]
    return run.text, [run.start_char, run.end_char]


def _gapped_subject(doc: Doc, m: dict) -> Optional[Span]:
    """The noun phrase a gapped conjunct opens with, when the figure follows it and a clause with a verb and a figure
    of its own comes before its comma or 'and' in the sentence."""
    start = i = m["token_start"]
    while i > 0 and start - i < 6 and doc[i - 1].idx >= m["sent_start"] and doc[i - 1].pos_ in _GAP_WORDS:
        i -= 1
    if i == start or i == 0 or doc[start - 1].pos_ not in ("NOUN", "PROPN") or doc[i - 1].lower_ not in _GAP_SEPARATORS:
        return None
    first = [t for t in doc[max(i - 41, 0):i - 1] if t.idx >= m["sent_start"]]  # a window: never the whole document
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in first)
    has_figure = any(t.ent_type_ in _FIGURE_ENTS or t.like_num and t.ent_type_ != "DATE" for t in first)
    return doc[i:start] if has_verb and has_figure else None


# A ranking's names: 'followed by Jordan with 589,000, Iraq with ...'. Not an object or a destination: 'Smith won Ohio
# with 52%' and 'it sent the most students to Canada with 9,000' are the subject's.
_WITH_ROLES = ("appos", "conj", "nsubj", "nsubjpass")


def _who_named_with(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'followed by Jordan with 589,000, Iraq with 220,000': a figure given 'with' right after a name is that
    name's, unless the name is a verb's object (the subject then owns the figure)."""
    i = f.m["token_start"] - 1
    while i > 0 and f.doc[i].dep_ in ("quantmod", "advmod") and f.m["token_start"] - i <= 3:
        i -= 1  # 'with more than 589,000'
    if i < 1 or f.doc[i].lower_ != "with" or f.doc[i - 1].idx < f.m["sent_start"]:
        return None
    ent = next((e for e in f.ents if e.end == i), None)
    ranked = ent is not None and (ent.root.dep_ in _WITH_ROLES or ent.root.dep_ == "pobj" and ent.root.head.lower_ == "by")
    if not ranked:
        return None
    return ent.text, [ent.start_char, ent.end_char]


def _who_surveyed(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'54% of adults': a survey's share belongs to the surveyed population. A share that its clause places
    ('40% of the refugees are in Africa') is the place's, and one a named subject holds ('Africa hosts a quarter of
    all refugees') is left to the subject's rule."""
    found = _surveyed(f.doc, f.head, f.m, f.exclude, f.words)
    if found is None or f.verb is None:
        return found
    if f.head.dep_ in SUBJECTS:
        place = _located_in(f.ents, f.verb)
        if place is not None:
            return place.text, [place.start_char, place.end_char]
    if f.subj_slots is not None and f.subj_slots.get("is_entity") and not f.reporter and _is_object_of(f.head, f.verb):
        return None
    return found


def _who_among_population(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'11 of the 19 common cancers among men', 'unemployment among young adults rose to 12%': a figure stated 'among'
    a population (``populations`` of subjects.json) is that population's, as the guidelines' surveyed shares are."""
    of = next((c for c in f.head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    for tok in (f.head, f.noun, counted, f.subject):
        among = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "among"), None) if tok is not None else None
        group = next((c for c in among.children if c.dep_ == "pobj"), None) if among is not None else None
        if group is not None and group.lemma_.lower() in f.words.populations and not group.ent_type_:
            return _phrase(f.doc, group, f.exclude)
    return None


def _who_aged_person(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'a 34-year-old driver', 'the suspect, a 19-year-old man': an age is the person's it describes, the name when
    the text gives one, else the noun as written without the age."""
    person = aged_person(f.head, f.words)
    if person is None or any(c.dep_ == "poss" for c in person.children):
        return None  # "the country's three-year-old crisis": whose, by the possessor rules
    ent = _entity_in(f.ents, (person.left_edge.idx, person.idx + len(person)))
    if ent is not None and not _overlaps_tokens(ent, f.exclude):
        return ent.text, [ent.start_char, ent.end_char]
    age = next((c for c in person.lefts if c.lower_ in f.words.age_adjectives), None)
    if age is None:  # 'the suspect' of 'the suspect, a 19-year-old man'
        return _compact(f.doc, person)
    span = f.doc[age.i + 1:person.i + 1]  # 'a 34-year-old truck driver': the noun's own words after the age
    return span.text, [span.start_char, span.end_char]


def _who_survey_itself(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'The poll of 1,500 adults', 'Researchers asked people in 47 countries': a survey's own size and coverage are
    the survey's or the reviewer's (a share it measures is the surveyed population's: :func:`_who_surveyed`)."""
    if f.m.get("unit") == "%":
        return None
    survey = survey_of(f.head, f.verb, f.subject, f.words)
    if survey is None or f.exclude[0] <= survey.i < f.exclude[1]:
        return None
    ent = _entity_in(f.ents, (survey.left_edge.idx, survey.idx + len(survey)))
    return (ent.text, [ent.start_char, ent.end_char]) if ent is not None else _compact(f.doc, survey)


def _who_ratio_population(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Two in five teachers plan to quit': an 'N in M' share of a population (``populations`` of subjects.json, or a
    nationality) is that population's, as the guidelines' surveyed shares are."""
    noun = ratio_counted(f.doc, f.m, f.noun, f.words)
    if noun is None or not (noun.lemma_.lower() in f.words.populations or noun.ent_type_ == "NORP"):
        return None
    ent = _entity_in(f.ents, (noun.left_edge.idx, noun.idx + len(noun)))
    return (ent.text, [ent.start_char, ent.end_char]) if ent is not None else _compact(f.doc, noun)


def _who_bracketed_group(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'rural voters (41%), urban (55%) and suburban (48%) voters': a figure in brackets right after a population
    (``populations`` of subjects.json) is that group's figure; a bare adjective stands for the group noun it shares
    ('urban voters'). Another noun before the bracket ('sales (4%)', 'condoms (23%)') is what was measured, and a
    name keeps the entity rules."""
    start = f.m["token_start"]
    if start < 2 or f.doc[start - 1].text != "(" or f.head.dep_ != "appos" or f.head.head.i != start - 2:
        return None
    group = f.head.head
    if group.ent_type_ or group.lower_ in f.words.pronouns:
        return None
    if group.pos_ == "NOUN" and group.lemma_.lower() in f.words.populations:
        return _compact(f.doc, group)
    first = group
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    noun = first.head
    if group.pos_ in ("ADJ", "PROPN") and first.dep_ == "amod" and noun.lemma_.lower() in f.words.populations:
        return f"{group.text} {noun.text}", None  # words from two places: no one span
    return None


def _who_part_of_them(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Kurds make up the largest group; 2 million of them live abroad': a part 'of them' is the group's, the
    subject named just before it (in the sentence, else the one before) when that subject is a name."""
    of = next((c for c in f.head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or not any(c.dep_ == "pobj" and c.lower_ in f.words.part_of_pronouns for c in of.children):
        return None
    sent = f.head.sent
    start = f.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for tok in reversed(f.doc[start:f.m["token_start"]]):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            surveyed = _surveyed_by(tok, f.words)
            if surveyed is not None:  # 'A poll of 900 adults found 54% of them ...': the adults, never the poll
                return _compact(f.doc, surveyed)
            ent = _entity_in(document_entities(f.doc, f.words), (tok.idx, tok.idx + len(tok)))
            return (ent.text, [ent.start_char, ent.end_char]) if ent is not None else None
    return None


def _surveyed_by(tok: Token, words: SubjectWords) -> Optional[Token]:
    """The population a survey noun says it surveys ('a poll of 900 adults' -> adults), else None."""
    if tok.lemma_.lower() not in words.survey_nouns:
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _who_possessor(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """"DOD's stake", "the nation's growth", "the nation's fourth consecutive month": the possessor of the counted
    noun, or of the figure's own noun, as named."""
    poss = next((c for tok in (f.noun, f.head) if tok is not None for c in tok.children if c.dep_ == "poss"), None)
    if poss is None or poss.ent_type_ not in WHO_LABELS | {""}:
        return None
    ent = _entity_in(f.ents, (poss.left_edge.idx, poss.idx + len(poss)))
    if ent is not None:
        return ent.text, [ent.start_char, ent.end_char]
    if poss.lower_ in f.words.pointer_pronouns:  # 'its two leaders': whose, as for a pronoun subject
        return pointed_at(f.doc, poss, f.previous, words=f.words)
    return pointed_at(f.doc, poss, None, named_only=True, words=f.words) or (poss.text, [poss.idx, poss.idx + len(poss)])


def _who_place_of_whole(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Cholera has spread to 6 of Yemen's 22 governorates': a part of a whole that a place possesses is stated for
    that place, unless it is the object of a named subject ('Acme holds 30% of Canada's market')."""
    if f.subj_slots is not None and f.subj_slots.get("is_entity") and f.verb is not None and _is_object_of(f.head, f.verb):
        return None
    of = next((c for c in f.head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    poss = next((c for c in whole.children if c.dep_ == "poss"), None) if whole is not None else None
    ent = _entity_in(f.ents, (poss.left_edge.idx, poss.idx + len(poss))) if poss is not None else None
    if ent is None or ent.label_ not in LOCATIVE_LABELS:
        return None
    return ent.text, [ent.start_char, ent.end_char]


def _who_place_given(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'nine injuries in Peru': a place given for the figure itself beats the clause's subject."""
    place = _located_in(f.ents, f.head, f.noun)
    return (place.text, [place.start_char, place.end_char]) if place is not None else None


def _who_event_place(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Floods have destroyed 3,000 homes in Assam': a disaster named by a common noun as the clause's subject does
    not own the figure; the place its verb's phrase gives does, as in 'twelve deaths in Haiti'."""
    subject = f.subject
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in f.words.event_nouns:
        return None
    place = _located_in(f.ents, f.verb)
    return (place.text, [place.start_char, place.end_char]) if place is not None else None


def _who_named_event(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'The death toll from the landslide rose to 27': a casualty measure of an event named by a common noun, in a
    sentence that names no place, is the event's (the guidelines: the place stated, else the event as named)."""
    if any(e.label_ in LOCATIVE_LABELS for e in f.ents):
        return None
    event = event_named([t for t in (f.subject, f.noun, f.head) if t is not None], f.words)
    return _compact(f.doc, event) if event is not None else None


def _who_place_noun_of_verb(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'About 300 homes were flooded in the town': a place the verb states its counted subject's figure for by a
    common noun with its article ('in the city', 'across the region') is the who, as in 'deaths in Haiti'; the place
    named before when the noun points back at one. A subject that owns the figure keeps it."""
    subject = f.subject
    if subject is not None and subject.lower_ not in f.words.pronouns and subject != f.noun \
            and not _names_a_measure(subject, f.lexicon, f.words):
        return None
    verb = f.verb if f.verb is not None else _existential_verb(f.noun)
    for prep in (c for tok in (f.noun, verb) if tok is not None for c in tok.children):
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                place = _place_noun_in_subject(f, pobj)
                if place is not None:
                    return place
    return None


_PLACE_PREPS = ("in", "across", "throughout", "within")


def _existential_verb(noun: Optional[Token]) -> Optional[Token]:
    """The verb of 'there are 440,000 buses in the country', which has no subject for the governing-verb walk."""
    if noun is None or noun.dep_ != "attr" or not any(c.dep_ == "expl" for c in noun.head.children):
        return None
    return noun.head


def _who_place_group(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'farmers in dry regions', 'In coastal regions, it may fall by 3%': a group of places named by a
    described plural noun and no name is who as written (not a bare 'in 29 states'). A verb's phrase counts only when no subject owns the figure."""
    owned = f.subject is not None and f.subject.lower_ not in f.words.pronouns \
        and not _names_a_measure(f.subject, f.lexicon, f.words)
    for tok in (f.head, f.noun, f.subject, None if owned else f.verb):
        for prep in (tok.children if tok is not None else ()):
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "across", "among", "throughout"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.tag_ == "NNS" and pobj.lemma_.lower() in f.words.place_groups \
                        and not any(c.dep_ in ("det", "poss", "nummod") for c in pobj.children) and pobj.ent_type_ == "" \
                        and any(c.dep_ in ("amod", "compound") for c in pobj.children):
                    return _compact(f.doc, pobj)
    return None


def _who_entity_subject(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """"Ohio lost 3,000 jobs": an entity in the clause's subject, unless the verb only reports the figure."""
    if f.subj_slots is None or f.reporter:
        return None
    span = tuple(f.subj_slots["span"])
    named = [e for e in f.ents if e.label_ in WHO_LABELS and e.start_char < span[1] and span[0] < e.end_char
             and not _in_description(e, f.subject)]
    # the name the subject's own head is in ('the U.S. agency's Fjord Institute') before the names that modify it
    heads = [e for e in named if f.subject is not None and e.start <= f.subject.i < e.end and not base_of(e)]
    ent = next((e for e in heads + named if not base_of(e)), named[0] if named else None)
    if ent is not None and _nationality_of(ent, f.subject):
        return _nationality_subject(f, ent)
    ent = specific_place(ent, f.ents, f.words) if ent is not None else None
    return (ent.text, [ent.start_char, ent.end_char]) if ent is not None else None


def _in_description(ent: Span, subject: Optional[Token]) -> bool:
    """The entity is inside a clause that describes the subject ('The coalition, launched by Vice President Kamala
    Harris, is a group of 30 companies'): the agent of a passive 'launched/built/operated by X' describes the subject
    and does not own the subject's figure."""
    if subject is None:
        return False
    return any(c.dep_ in ("acl", "relcl") and c.left_edge.i <= ent.start and ent.end - 1 <= c.right_edge.i
               for c in subject.children)


def describes_a_subject(ent: Span) -> bool:
    """The entity is inside a clause that describes some clause's subject (see :func:`_in_description`)."""
    tok = ent.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("acl", "relcl") and tok.head.dep_ in SUBJECTS:
            return True
        tok = tok.head
    return False


_DESCRIPTIONS = ("acl", "relcl", "appos")


def describes_the_figures_subject(ent: Span, m: dict) -> bool:
    """'The company, based in Seattle, reported ...', 'The fund, managed by BlackRock, holds ...': a name inside a
    clause or apposition describing the figure's subject says where or by whom the subject is, not whose the
    figure is."""
    head = ent.doc[m["head"]]
    verb = next((t for t in [head, *head.ancestors] if t.pos_ in ("VERB", "AUX")
                 and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if subject is None:
        return False
    for description in (c for c in subject.children if c.dep_ in _DESCRIPTIONS):
        lo, hi = description.left_edge.i, description.right_edge.i
        set_off = description.dep_ == "relcl" or (lo > 0 and ent.doc[lo - 1].text == ",")  # not 'a hotel building along'
        if set_off and lo <= ent.root.i <= hi and not lo <= head.i <= hi:
            return True
    return False


def _nationality_of(ent: Span, subject: Optional[Token]) -> bool:
    """The entity is a nationality adjective of the subject's common noun ('the French carmaker', 'American
    consumers'), not the subject itself."""
    return (ent.label_ == "NORP" and subject is not None and subject.pos_ == "NOUN"
            and not ent.start <= subject.i < ent.end and ent.root.head.i == subject.i
            and ent.root.dep_ in ("amod", "compound"))


def _nationality_subject(f: _Figure, ent: Span) -> tuple:
    """A subject named by a nationality: the name it is renamed by ('The French carmaker Renault'), else, for a
    population, the group as written ('American consumers': the guidelines' 'Palestinian refugees'); anything else
    keeps the nationality ('Chinese exports')."""
    for appos in (c for c in f.subject.children if c.dep_ == "appos"):
        name = next((e for e in f.ents if e.start <= appos.i < e.end and e.label_ != "NORP"), None)
        if name is not None and not _overlaps_tokens(name, f.exclude):
            return name.text, [name.start_char, name.end_char]
    if f.subject.lemma_.lower() in f.words.populations:
        return _compact(f.doc, f.subject)
    return ent.text, [ent.start_char, ent.end_char]


def _who_named_apposition(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'The former king, Gyanendra of Nepal, was given two weeks', 'Its rival, Acme Corp, sold 3 million': a common-noun
    subject renamed by an apposition takes the name, unless the verb only reports the figure."""
    subject = f.subject
    if subject is None or subject.pos_ != "NOUN" or f.reporter or subject.lower_ in f.words.pronouns:
        return None
    for appos in (c for c in subject.children if c.dep_ == "appos"):
        ent = next((e for e in f.ents if e.start <= appos.i < e.end), None)
        if ent is not None and not _overlaps_tokens(ent, f.exclude):
            return ent.text, [ent.start_char, ent.end_char]
    return None


def _who_unnamed_proper_subject(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Walmart, the largest U.S. retailer, employs 1.6 million people': a proper-noun subject the small NER model left
    untagged, renamed or described ('launched by ...'), is still a name, and the figure's own, before a place that only describes it;
    unless the verb only reports the figure or the word names what was measured."""
    subject = f.subject
    if (subject is None or subject.pos_ != "PROPN" or subject.tag_ not in ("NNP", "NNPS") or f.reporter
            or not subject.text[:1].isupper() or subject.lower_ in f.words.pronouns
            or _names_a_measure(subject, f.lexicon, f.words) or any(e.start <= subject.i < e.end for e in f.ents)
            or f.exclude[0] - 1 <= subject.i <= f.exclude[1] or _dateline_or_calendar(subject, f.words)
            or len(subject.text) < 2 or not _described(subject)):
        return None
    return _with_compounds(f.doc, subject, proper_only=True)


def _with_compounds(doc: Doc, tok: Token, proper_only: bool = False) -> tuple[str, list]:
    """(text, span) of ``tok`` with the compounds right before it ('Marcus Hale', 'Delta Air Lines'), proper nouns only
    when ``proper_only``."""
    start = tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i \
            and (not proper_only or doc[start - 1].pos_ == "PROPN"):
        start -= 1
    span = doc[start:tok.i + 1]
    return span.text, [span.start_char, span.end_char]


def _described(subject: Token) -> bool:
    """A description follows the name: 'Walmart, the largest U.S. retailer,', 'the Coalition, launched by ...'."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" or c.dep_ == "acl" and c.tag_ == "VBN" for c in subject.children)


def _dateline_or_calendar(tok: Token, words: SubjectWords) -> bool:
    """'WASHINGTON —' opening a wire story, or a month or weekday the NER left untagged: never a name that owns a figure."""
    return tok.lower_ in words.calendar_words or _in_capitals(tok)


def _in_capitals(tok: Token) -> bool:
    """A word in capitals longer than an acronym such as 'NASA': a wire story's dateline ('WASHINGTON')."""
    return tok.text.isupper() and len(tok.text) > 4


def _overlaps_tokens(ent: Span, tokens: tuple[int, int]) -> bool:
    return ent.start < tokens[1] and tokens[0] < ent.end


def _who_moved_object(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Technicians moved the satellite 12 meters': a distance the clause moves its object over is the object's (the
    thing that travels it), not the mover's; 'crews towed the ship 40 km' parses the ship as the dative."""
    verb = f.verb
    if verb is None or f.m.get("dimension") != "length" or verb.lemma_.lower() not in f.words.moving_verbs:
        return None
    lo, hi = f.exclude
    figure_object = any(c.dep_ == "dobj" and lo <= c.i < hi for c in verb.children)
    moved = [c for c in verb.children if (c.dep_ == "dobj" or c.dep_ == "dative" and figure_object)
             and not lo <= c.i < hi and c.i < lo]
    if not moved or moved[0].pos_ not in ("NOUN", "PROPN") or moved[0].lower_ in f.words.pronouns:
        return None
    if _names_a_measure(moved[0], f.lexicon, f.words):
        return None
    ent = _entity_in(f.ents, (moved[0].left_edge.idx, moved[0].i + len(moved[0])))
    return (ent.text, [ent.start_char, ent.end_char]) if ent is not None else _compact(f.doc, moved[0])


def _who_named_storm(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'the storm dumped two metres of rain' after 'Typhoon Rusa hit Taiwan': a storm's own measures take the storm,
    by the name it was given before ('Hurricane X', 'Super Typhoon X'; the NER tags such names as events or people).
    'It killed 300 people' takes the storm that is the subject of the sentences before it (through their own 'it')."""
    subject = f.subject
    if subject is None or f.reporter:
        return None
    if subject.lower_ == "it":
        return _storm_subject_before(f.doc, subject, f.words)
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in f.words.storm_nouns \
            or any(c.pos_ == "PROPN" for c in subject.lefts):
        return None
    for tok in reversed(f.doc[max(subject.i - 2000, 0):subject.i]):
        name = _storm_name(f.doc, tok, f.words)
        if name is not None:
            return name
    return None


def _storm_subject_before(doc: Doc, tok: Token, words: SubjectWords, sentences: int = 2) -> Optional[tuple]:
    """The storm name that is the subject of one of the sentences before ``tok``'s, passing through their 'it'."""
    sent = tok.sent
    for _ in range(sentences):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        subject = next((c for c in sent.root.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.lower_ == "it":
            continue
        # the name must head the subject: 'damage from Hurricane X' is not the storm
        return next((n for n in (_storm_name(doc, t, words) for t in doc[subject.left_edge.i:subject.i])
                     if n is not None), None)
    return None


def _storm_name(doc: Doc, tok: Token, words: SubjectWords) -> Optional[tuple]:
    """'Hurricane Delia', 'Super Typhoon Rusa' when ``tok`` is the storm word of such a name."""
    if tok.i + 1 >= len(doc) or tok.lower_ not in words.storm_nouns or not tok.is_title:
        return None
    nxt = doc[tok.i + 1]
    if nxt.pos_ != "PROPN" or not nxt.is_title:
        return None
    before = doc[tok.i - 1] if tok.i > 0 else None
    start = before.i if before is not None and before.is_title and before.dep_ == "compound" \
        and before.pos_ in ("PROPN", "ADJ") else tok.i
    span = doc[start:nxt.i + 1]
    return span.text, [span.start_char, span.end_char]


def _who_entity_in_subject(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Prices at the Ridgeway hub fell 9 cents', 'the cost of the Orion mission rose to $2 billion': a subject that
    names a measure or a thing, not an owner, is stated for the entity its own 'of'/'at'/'in' phrase names. The
    subject's compact phrase stops at that phrase's article, so the entity-subject rule does not see it."""
    subject = f.subject
    if subject is None or subject.pos_ != "NOUN" or f.reporter or subject.lower_ in f.words.pronouns:
        return None
    lemma = subject.lemma_.lower()
    counted = subject == f.noun  # 'forty million people on that continent': a counted group neither reports nor owns
    if not counted and (lemma in f.lexicon.reporters or lemma in f.words.populations) \
            or _pointer_labels(subject, f.words) is not None:
        return None
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ not in f.words.subject_attachments:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            lo, hi = pobj.left_edge.idx, pobj.right_edge.idx + len(pobj.right_edge)
            ent = next((e for e in f.ents if lo <= e.start_char and e.end_char <= hi and e.label_ != "NORP"
                        and not (e.start_char < f.m["end"] and f.m["start"] < e.end_char)), None)
            if ent is not None:
                return ent.text, [ent.start_char, ent.end_char]
            place = _place_noun_in_subject(f, pobj)
            if place is not None:
                return place
    return None


def _place_noun_in_subject(f: _Figure, pobj: Token) -> Optional[tuple]:
    """'Unemployment in the region stands at 9%': a place the subject is stated for by a common noun with its
    article is the who, the place it points back at when the text has named one, else as written."""
    lemma = pobj.lemma_.lower()
    if pobj.pos_ != "NOUN" or lemma not in f.words.place_nouns or lemma in f.words.world_scopes:
        return None
    if not any(c.dep_ == "det" and c.lower_ in f.words.pointer_determiners for c in pobj.children):
        return None
    return pointed_at(f.doc, pobj, None, words=f.words) or _compact(f.doc, pobj)


def _who_subject_possessor(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'The new probe's antenna will be 4 metres wide', 'the region's output rose 3%': a subject that is a part or a
    measure of something is stated for its possessor, as written when no name says which (names are caught by the
    entity-subject rule, since the subject's phrase holds its possessor)."""
    subject = f.subject
    if subject is None or subject.pos_ != "NOUN" or f.reporter or subject.ent_type_:
        return None
    lemma = subject.lemma_.lower()
    if lemma in f.lexicon.reporters or lemma in f.words.populations or lemma in f.words.pointer_nouns:
        return None
    poss = next((c for c in subject.children if c.dep_ == "poss"), None)
    if poss is None or poss.pos_ != "NOUN" or poss.lower_ in f.words.pronouns or poss.ent_type_:
        return None
    if _pointer_labels(poss, f.words) is not None:  # 'the company's revenue': which company, else the later rules
        return pointed_at(f.doc, poss, f.previous, words=f.words)
    return _compact(f.doc, poss)


_SPEAKER_ORG_LABELS = ("ORG", "FAC", "GPE", "PERSON")


def _who_speakers_organisation(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'"We could make 20 percent more," says Ann Lee, head of Acme Wind': 'we' or 'our' in a quote stands for the
    organisation the speaker is named with (the guidelines' "the speaker's company for 'we' in a quote")."""
    subject = f.subject
    if subject is None or f.reporter:
        return None
    we = subject.lower_ == "we" or any(c.dep_ == "poss" and c.lower_ == "our" for c in subject.children)
    if not we:
        return None
    speaker = _latest_speaker(f.doc, subject, f.words)
    if speaker is None:
        return None
    lo, hi = speaker.left_edge.idx, speaker.right_edge.idx + len(speaker.right_edge)
    # '<= hi + 1': the phrase may stop before its name ('the head of Acme Inc.' hangs 'Inc.' off the verb)
    # the tagger often labels a company named with its speaker FAC or PERSON ('chief executive of Lumo Games'): any
    # name of the speaker's phrase but the speaker's own
    ent = next((e for e in document_entities(f.doc, f.words) if lo <= e.start_char <= hi + 1
                and e.label_ in _SPEAKER_ORG_LABELS and not e.start <= speaker.i < e.end), None)
    return (ent.text, [ent.start_char, ent.end_char]) if ent is not None else None


def _latest_speaker(doc: Doc, tok: Token, words: SubjectWords, sentences: int = 3) -> Optional[Token]:
    """The subject of the latest reporting verb ('says', 'told') in ``tok``'s sentence or the few before it."""
    sent = tok.sent
    for _ in range(sentences):
        verbs = [t for t in sent if states_for_others(t, words) and t.pos_ == "VERB"]
        subjects = [next((c for c in v.children if c.dep_ in SUBJECTS), None) for v in verbs]
        subjects = [t for t in subjects if t is not None]
        if subjects:  # 'he said': the speaker is the one named before, not another sentence's
            return subjects[-1] if subjects[-1].lower_ not in words.pronouns else None
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
    return None


# The number a pronoun subject asks of the speaker it stands for: 'Acme said it', 'the unions said they'.
_SPEAKER_NUMBER = {"it": ("NN", "NNP"), "they": ("NNS", "NNPS")}


def _who_speaker_pronoun(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'The company said it shipped 2 million units', 'Farmers say they lost 30%': 'it' or 'they' subject of a
    clause a reporting verb reports stands for that verb's subject, when the speaker can be it (a singular noun for
    'it', a plural for 'they'; no survey or report, no 'officials' who speak for others): the speaker reports its own
    figure. A pointer speaker ('the company') is the name it points at, else as written (guidelines, pointers). Not
    when 'it' is what the clause identifies ('it was a 7.0') or the clause reports others' tallies ('it had reports')."""
    subject = f.subject
    pronoun = _speaker_pronoun_of(subject)
    if pronoun is None or f.reporter or subject.lemma_.lower() in f.words.report_nouns:
        return None  # 'the group said its own count exceeds 150,000' counts others
    if f.verb.lemma_.lower() == "be" and pronoun == subject.lower_ or any(c.dep_ == "dobj" and c.lemma_.lower() in f.words.report_nouns
                                            for c in f.verb.children):
        return None  # 'the center says it was a 7.0' is the quake; 'it had reports of 60 deaths' counts others
    speaker = _reporting_speaker(f.verb)
    if speaker is None or speaker.tag_ not in _SPEAKER_NUMBER[pronoun] or speaker.ent_type_ == "PERSON" \
            or speaker.lemma_.lower() in f.words.report_nouns \
            or (pronoun == "they" and speaker.lemma_.lower() in f.lexicon.reporters):
        return None
    ent = _entity_in(f.ents, (speaker.idx, speaker.idx + len(speaker)))
    if ent is not None:
        return ent.text, [ent.start_char, ent.end_char]
    written = f.doc[speaker.left_edge.i:speaker.i + 1]  # "the teachers' unions", not 'unions'
    return pointed_at(f.doc, speaker, f.previous, words=f.words) or (written.text, [written.start_char, written.end_char])


_POSSESSIVE_SPEAKER = {"its": "it", "their": "they"}


def _speaker_pronoun_of(subject: Optional[Token]) -> Optional[str]:
    """'it'/'they' when the clause's subject is that pronoun or is owned by its possessive ('The airline said its profit
    rose 12%': the profit is the airline's, as 'it' would be)."""
    if subject is None:
        return None
    if subject.lower_ in _SPEAKER_NUMBER:
        return subject.lower_
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_SPEAKER), None)
    return _POSSESSIVE_SPEAKER[owner.lower_] if owner is not None else None


def _reporting_speaker(verb: Optional[Token]) -> Optional[Token]:
    """The subject of the reporting verb whose reported clause ``verb`` heads ('said [it sold ...]'), through
    the conjuncts of that clause ('it sold X and shipped Y')."""
    while verb is not None and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING:
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj",) and c.pos_ in ("NOUN", "PROPN")), None)


def _who_pronoun_after_subject(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'The seed industry is growing fast: it has doubled in five years': 'it' or 'they' after a noun subject of an
    earlier clause of its own sentence stands for that noun (not for the paragraph's remembered who)."""
    subject = f.subject
    if subject is None or subject.lower_ not in ("it", "they") or f.reporter:
        return None
    earlier = [t for t in f.doc[subject.sent.start:subject.i] if t.dep_ in ("nsubj", "nsubjpass")
               and t.pos_ in ("NOUN", "PROPN") and not t.ent_type_]
    if not earlier or earlier[-1].head == subject.head:
        return None
    noun = earlier[-1]
    if noun.lemma_.lower() in f.lexicon.reporters or states_for_others(noun.head, f.words) \
            or _pointer_labels(noun, f.words) is not None:
        return None
    return _compact(f.doc, noun)


def _who_owner_named_before(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'The request includes $848 billion' after 'the President's proposed budget request': a definite noun that
    takes up a noun an owner was named with takes that owner (pointer nouns such as 'the company' have their rule)."""
    subject = f.subject
    if subject is None or subject.pos_ != "NOUN" or f.reporter or f.subj_slots is None \
            or _pointer_labels(subject, f.words) is not None or subject.lemma_.lower() in f.words.pointer_nouns:
        return None
    if any(c.dep_ == "poss" for c in subject.children) or _entity_in(f.ents, tuple(f.subj_slots["span"])) is not None:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children):
        return None
    owner = _earlier_owner(f.doc, subject, document_entities(f.doc, f.words))  # f.ents holds the sentence's only
    return (owner.text, [owner.start_char, owner.end_char]) if owner is not None else None


def _earlier_owner(doc: Doc, tok: Token, ents: list[Span], reach: int = 1500) -> Optional[Span]:
    """The named owner of the latest earlier use of ``tok``'s noun: 'Acme's budget', 'Acme's budget request'."""
    for cand in _earlier_uses(doc, "NOUN", tok.lemma_.lower(), tok, reach):
        owned = cand.head if cand.dep_ == "compound" else cand
        poss = next((c for c in owned.children if c.dep_ == "poss"), None)
        ent = _entity_in(ents, (poss.idx, poss.idx + len(poss))) if poss is not None else None
        if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            return ent
    return None


def base_of(ent: Span) -> bool:
    """The entity only says where something is based ('the Oslo-based maker Fjordtek'): not its owner."""
    doc = ent.doc
    after = doc[ent.end:ent.end + 2]
    return any(t.lower_ == "based" for t in after) and all(t.lower_ in ("-", "based") for t in after[:2])


def speaks_of_itself(doc: Doc, m: dict, words: SubjectWords) -> bool:
    """The figure's clause points back at its speaker with a pronoun ('Acme said it would cut 2,500 jobs', 'Acme
    said its revenue rose 8%'): a company that reports its own figure owns it, so the speaker stays the who."""
    verb = _governing_verb(doc[m["head"]])
    subject = _clause_subject(verb, m) if verb is not None else None
    if subject is None or states_for_others(verb, words):
        return False
    if subject.lower_ in words.pointer_pronouns:
        return True
    if subject.lemma_.lower() in words.report_nouns:  # 'the group said its own count exceeds 150,000': a tally of others
        return False
    return any(c.dep_ == "poss" and c.lower_ in words.pointer_pronouns for c in subject.children)


def specific_place(ent: Span, ents: list[Span], words: SubjectWords) -> Span:
    """The place a possessor narrows: 'India's Bihar region' -> Bihar (the figure is stated for the region)."""
    if ent.label_ not in LOCATIVE_LABELS or ent.root.dep_ != "poss":
        return ent
    owned = ent.root.head
    inner = [e for e in ents if e.label_ in LOCATIVE_LABELS and ent.end_char <= e.start_char
             and e.end_char <= owned.idx + len(owned)]
    return inner[0] if inner and owned.lemma_.lower() in words.region_nouns else ent


def _who_rule_maximum(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Program guidelines allow grants of up to $20 million': a maximum that a law, rule or guideline sets is the
    rule's as the text names it (guidelines: statutory and program-rule maxima take the law or the rules as who)."""
    subject = f.subject
    if f.m.get("bound") not in ("<=", "<") or subject is None or f.reporter or f.subj_slots is None:
        return None
    if subject.pos_ not in ("NOUN", "PROPN") or subject.lemma_.lower() not in f.words.rule_nouns:
        return None
    ent = _entity_in(f.ents, tuple(f.subj_slots["span"]))
    return (ent.text, [ent.start_char, ent.end_char]) if ent is not None else _compact(f.doc, subject)


def _who_activity_actor(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """"drivers traveled 1.5 trillion miles", "the town is eating less rice -- 31 million tonnes": the actor of an
    activity is its who even when it names no entity (not a reporter: "researchers mapped 40 km of cracks")."""
    subject, verb = f.subject, f.verb
    if subject is None or verb is None or subject.pos_ != "NOUN" or f.subj_slots is None:
        return None
    extent = _extent_of(f, verb)
    if f.reporter and not (extent and subject.dep_ == "nsubjpass"):  # 'the wreck was found 20 km off the coast'
        return None
    if subject.lower_ in f.words.pronouns or verb.lemma_ in f.lexicon.level_verbs:
        return None
    if subject.lemma_.lower() in f.lexicon.reporters or _names_a_measure(subject, f.lexicon, f.words):
        return None
    if _pointer_labels(subject, f.words) == frozenset({"ORG"}) and subject.tag_ == "NN":
        return None  # 'The company made $1 billion': the pointer rule says which company ('the nation' stays)
    if not (extent or _is_object_of(f.head, verb) or _is_object_of(f.noun, verb) or _amount_object(f, verb)):
        return None
    return _compact(f.doc, subject) if _entity_in(f.ents, tuple(f.subj_slots["span"])) is None else None


def _amount_object(f: _Figure, verb: Token) -> bool:
    """The figure is 'of' a placeholder noun that is the verb's object: 'paid an average of $1,800', 'reported
    losing a total of $905 million' (the placeholders of what.json: 'total', 'average', 'sum', 'record' ...)."""
    prep = f.head.head
    if f.head.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return False
    return prep.head.lemma_.lower() in f.lexicon.placeholders and _is_object_of(prep.head, verb)


def _extent_of(f: _Figure, verb: Token) -> bool:
    """The figure says how long or how far the verb's action goes ('nurses worked 60 hours a week', 'the wreck was
    found 20 km off the coast'): a time or length measure hung on the verb or on a preposition of it."""
    if f.m.get("kind") not in ("duration", "physical", "rate") or f.m.get("dimension") == "currency_rate":
        return False
    if f.head.dep_ != "npadvmod":
        return False
    return f.head.head == verb or f.head.head.dep_ == "prep" and f.head.head.head == verb


def _who_pointer_subject(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'The department awarded $2 million in Acme grants': what 'the department' stands for, not the grants' name."""
    if f.subject is None or f.subject.pos_ != "NOUN" or f.reporter:
        return None
    return pointed_at(f.doc, f.subject, f.previous, words=f.words)


def _who_pointer_owner(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'His budget proposes $3 trillion': whose budget."""
    owner = next((c for c in f.subject.children if c.dep_ == "poss"), None) if f.subject is not None else None
    return pointed_at(f.doc, owner, f.previous, words=f.words) if owner is not None and not f.reporter else None


def _who_entity_in_what(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'U.S. exports were $5 billion': an entity inside the what phrase."""
    if what is None or what[1] is None:
        return None
    ent = _entity_in(f.ents, tuple(what[1]))
    return (ent.text, [ent.start_char, ent.end_char]) if ent is not None else None


def _who_anaphor_subject(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'It sold 4,000 cars': what 'it' stands for."""
    return pointed_at(f.doc, f.subject, f.previous, words=f.words) if f.subject is not None and not f.reporter else None


def _who_remembered(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """A clause with no subject ('..., up 5% from a year ago') continues the paragraph's remembered who."""
    if f.subject is None and f.previous is not None and f.previous.get("who"):
        if f.m.get("unit") == "%" and _names_a_survey(f.doc, f.previous["who_span"], f.words):
            return None  # guidelines: a share a survey measures is the surveyed population's, never the survey's
        return f.previous["who"], f.previous["who_span"]
    return None


def _names_a_survey(doc: Doc, span: Optional[list], words: SubjectWords) -> bool:
    if not span:
        return False
    named = doc.char_span(span[0], span[1], alignment_mode="expand")
    return named is not None and len(named) > 0 and named[-1].lemma_.lower() in words.survey_nouns


def _who_described(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'the glass frog was 3 cm long': the thing the level describes."""
    if _described_subject(f.doc, f.m, f.noun, f.verb, f.subject, f.ents, f.lexicon, f.words):
        return _compact(f.doc, f.subject)
    return None


def _who_lasting_actor(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Local farmers have grown rice here for 40 years': how long the subject has done something is the subject's,
    a population too (a count the population makes, 'workers culled a million birds', stays the place's)."""
    subject, verb = f.subject, f.verb
    if verb is None or f.m.get("kind") != "duration" or f.reporter or f.head.dep_ not in ("pobj", "npadvmod"):
        return None
    prep = f.head.head
    if f.head.dep_ == "pobj" and (prep.dep_ != "prep" or prep.lower_ not in ("for", "over") or prep.head.i != verb.i):
        return None
    if f.head.dep_ == "npadvmod" and prep.i != verb.i:
        return None
    if not _plain_noun_subject(f.doc, subject, f.ents, f.words) or _names_a_measure(subject, f.lexicon, f.words):
        return None
    if subject.lemma_.lower() in f.lexicon.reporters or any(c.dep_ == "nummod" for c in subject.children):
        return None
    return _compact(f.doc, subject)


_IN_CLAUSE = ("dobj", "pobj", "prep", "npadvmod", "quantmod", "nummod", "compound", "amod", "nmod", "appos", "dative",
              "attr", "oprd")  # the hops that stay inside the figure's own clause
_RELATIVES = ("who", "that", "which")


def _own_verb(tok: Token) -> Optional[Token]:
    """The verb of the figure's own clause, with a subject or not ('ordered Meta to pay $25 million' -> pay)."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i or tok.dep_ not in _IN_CLAUSE:
            return None
        tok = tok.head
    return None


def _object_of(verb: Token, exclude: tuple[int, int]) -> Optional[Token]:
    """The verb's object or recipient outside the figure ('fined Acme $5 million', 'awarded a contract to SpaceX')."""
    for c in verb.children:
        if c.dep_ == "dative" and c.lower_ == "to":
            c = next((g for g in c.children if g.dep_ == "pobj"), c)
        if c.dep_ in ("dobj", "dative", "iobj", "pobj") and c.pos_ in ("NOUN", "PROPN", "PRON") \
                and not exclude[0] <= c.i < exclude[1]:
            return c
    return None


def _party(f: _Figure, tok: Token, sanctioned: bool = False) -> Optional[tuple]:
    """Who the party token names: its entity, what an object pronoun or a pointer stands for ('him', 'the company'; for
    a ``sanctioned`` party 'the official' after the person's name), else the noun phrase as written."""
    if tok.lower_ in f.words.object_pronouns:
        return _latest_of_kind(f.doc, tok, f.words.object_pronouns[tok.lower_], f.words) or _named_subject_before(f.doc, tok)
    if tok.pos_ == "PRON" or tok.lower_ in f.words.pronouns:
        return None  # a subject pronoun: the pronoun rules resolve it as elsewhere
    ent = next((e for e in f.ents if e.start <= tok.i < e.end), None)
    if ent is not None:
        return ent.text, [ent.start_char, ent.end_char]
    if tok.pos_ == "NOUN":
        pointed = pointed_at(f.doc, tok, f.previous, words=f.words) or (_person_pointed_at(f, tok) if sanctioned else None)
        if pointed is not None:
            return pointed
    span = f.doc[tok.left_edge.i:tok.i + 1]
    return span.text, [span.start_char, span.end_char]


def _named_subject_before(doc: Doc, tok: Token) -> Optional[tuple]:
    """The proper-name subject of the sentence before, for a pronoun whose kind the small NER model mislabels
    ('Marcus Hale admitted the fraud. A judge sentenced him' with Marcus Hale tagged ORG)."""
    if tok.sent.start == 0:
        return None
    root = doc[tok.sent.start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS and c.pos_ == "PROPN"), None)
    if subject is None:
        return None
    return _with_compounds(doc, subject)


def _person_pointed_at(f: _Figure, tok: Token) -> Optional[tuple]:
    """A person's description ('the former official', 'A former State Department official was sentenced') names the
    person the story named before, else the person the story is about (a sentencing release names the person after
    its lead); as written when the story names no one."""
    if tok.lemma_.lower() not in f.words.sentenced_nouns and f.m.get("kind") != "duration":
        return None  # a prison term is always a person's; a fine only when the noun names a person
    definite = any(c.dep_ == "det" and c.lower_ in f.words.pointer_determiners for c in tok.children)
    before = _latest_of_kind(f.doc, tok, frozenset({"PERSON"}), f.words) if definite else None
    if before is not None:
        return before
    from newsclaims.slots.fallbacks import document_person  # fallbacks reads this module: imported when first needed
    person = document_person(document_entities(f.doc, f.words), None, f.words)
    return (person.text, [person.start_char, person.end_char]) if person is not None else None


def _who_sanctioned(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Regulators fined Acme Corp $5 million', 'The official was sentenced to three months': by the guidelines the
    party fined or the person sentenced owns the figure (the verb's object, else its passive subject), not the
    regulator or court that imposes it."""
    verb = _own_verb(f.head)
    if verb is None or not {verb.lemma_.lower(), verb.lower_} & f.words.sanction_verbs:
        return None
    party = _object_of(verb, f.exclude) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if party is not None and party.lower_ in _RELATIVES and verb.dep_ == "relcl":
        party = verb.head  # 'Smith, who was sentenced to five years'
    return _party(f, party, sanctioned=True) if party is not None else None


def _who_penalty_target(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Regulators imposed a $5 million fine on Acme', 'the judge handed Smith a 10-year sentence': a fine or
    sentence imposed on or given to someone is theirs (guidelines: the party that pays, the person sentenced), not
    the imposer's; 'Acme paid a $5 million fine' names no target and stays the subject's."""
    noun = f.noun
    if noun is None or noun.lemma_.lower() not in f.words.penalty_nouns or noun.dep_ != "dobj":
        return None
    verb = noun.head
    preps = [c for c in list(verb.children) + list(noun.children) if c.dep_ in ("prep", "dative")
             and c.lower_ in f.words.penalty_targets | {"to"}]
    party = next((g for p in preps for g in p.children if g.dep_ == "pobj"), None) \
        or next((c for c in verb.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"), None)
    return _party(f, party, sanctioned=True) if party is not None else None


def _who_understood_subject(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """A verb with no subject of its own whose doer is another verb's object: 'A court ordered Meta to pay $25
    million' (Meta pays; 'Meta was ordered to pay' too), 'NASA awarded SpaceX a contract to provide 12 flights' (SpaceX provides them)."""
    verb = _own_verb(f.head)
    if verb is None or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in f.words.control_verbs:
        party = _object_of(head, f.exclude) or next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    elif verb.dep_ == "acl" and head.dep_ == "dobj" and head.head.lemma_.lower() in f.words.grant_verbs:
        party = _object_of(head.head, (head.i, head.i + 1))
    else:
        return None
    return _party(f, party) if party is not None else None


_SCORE_JOINS = frozenset(read_lexicon("what_kinds")["scores"]["joins"])  # the what slot's score joins: '2-1', 'three-to-two'


def _score_partner(f: _Figure) -> Optional[tuple[Token, bool]]:
    """(the other figure's token, whether this figure is the score's first) when the figure is one side of a score:
    two unitless counts with only a join between them ('3-1', 'three-to-two')."""
    if f.m.get("unit") is not None:
        return None
    start, end = f.m["token_start"], f.m["token_end"]
    before = [f.doc[j] for j in range(start - 1, max(start - 5, -1), -1)]
    after = [f.doc[j] for j in range(end, min(end + 4, len(f.doc)))]
    for near, first in ((before, False), (after, True)):
        tok = next((t for t in near if t.like_num or t.pos_ == "NUM"), None)
        if tok is None or tok.sent != f.head.sent:
            continue
        lo, hi = (f.doc[end - 1], tok) if first else (tok, f.doc[start])
        if doc_text(f.doc)[lo.idx + len(lo):hi.idx].strip() in _SCORE_JOINS:
            return tok, first
    return None


def _who_score_side(f: _Figure, what: Optional[tuple]) -> Optional[tuple]:
    """'Arsenal beat Chelsea 3-1', 'the Americans surprised one of Europe's teams, Portugal, three-to-two': by the
    guidelines (Sports) each side's score is that side's own, the first the subject's, the second the other side's
    (the verb's object, or the name that renames an object such as 'one of the leading teams')."""
    partner = _score_partner(f)
    if partner is None:
        return None
    tok = f.doc[f.m["token_start"]] if partner[1] else partner[0]
    for _ in range(6):
        if tok.pos_ == "VERB" or tok.head.i == tok.i:
            break
        tok = tok.head
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    figures = {f.doc[f.m["token_start"]].i, partner[0].i}
    other = next((c for c in tok.children if c.dep_ in ("dobj", "npadvmod") and c.pos_ in ("NOUN", "PROPN", "NUM")
                  and c.i not in figures), None)
    if other is not None and other.pos_ != "PROPN":
        other = next((c for c in other.children if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN"), other)
    side = subject if partner[1] else other
    if tok.pos_ != "VERB" or side is None or subject is None or other is None or other.pos_ == "NUM":
        return None
    return _party(f, side)


# (rule, acts), in order: the figure's own phrase (surveyed population, possessor, place) before its clause's
# subject, names before pointers, the remembered subject and a described thing last. ``acts`` marks a who that acts
# in the figure's own clause: it stays even when it is also the sentence's source (``fallbacks.fallbacks``).
WHO_RULES: tuple[tuple[Callable[[_Figure, Optional[tuple]], Optional[tuple]], bool], ...] = (
    (_who_gapped_conjunct, False), (_who_score_side, True), (_who_named_with, False), (_who_aged_person, False), (_who_sanctioned, True),
    (_who_penalty_target, True), (_who_understood_subject, True), (_who_survey_itself, True),
    (_who_surveyed, False), (_who_ratio_population, False), (_who_among_population, False), (_who_bracketed_group, False), (_who_part_of_them, False), (_who_possessor, False), (_who_place_given, False), (_who_place_of_whole, False), (_who_event_place, False), (_who_named_event, False), (_who_place_group, False),
    (_who_place_noun_of_verb, False),
    (_who_moved_object, False), (_who_speakers_organisation, True), (_who_speaker_pronoun, True), (_who_pronoun_after_subject, True), (_who_entity_subject, True), (_who_named_apposition, True), (_who_unnamed_proper_subject, True),
    (_who_named_storm, False),
    (_who_entity_in_subject, False), (_who_subject_possessor, False), (_who_owner_named_before, False), (_who_rule_maximum, False), (_who_activity_actor, False), (_who_pointer_subject, True), (_who_pointer_owner, False),
    (_who_entity_in_what, False), (_who_anaphor_subject, False), (_who_remembered, False), (_who_described, False), (_who_lasting_actor, False),
)


def _rules_who(f: _Figure, what: Optional[tuple]) -> tuple[Optional[tuple], bool]:
    """(who, acts) of the first who rule that names someone, else (None, False)."""
    for rule, acts in WHO_RULES:
        who = rule(f, what)
        if who is not None:
            return who, acts
    return None, False


def fill_subject(doc: Doc, m: dict, previous_subject: Optional[dict], ents: list[Span],
                 lexicon: Optional[WhatLexicon] = None,
                 words: Optional[SubjectWords] = None) -> tuple[dict, Optional[dict]]:
    """(slots, subject to remember) for one figure: who, who_span, what, what_span, by the first hit of
    :data:`WHAT_RULES` and :data:`WHO_RULES`. ``lexicon`` and ``words`` are the claims component's (the packaged
    ones when not given).

    Two more keys help the claim builder finish a generic what ('an increase of 2%'): ``what_generic``,
    the change or placeholder word, and ``what_subject``, the clause's subject when it is not an entity.
    """
    f = _figure(doc, m, previous_subject, ents, lexicon or packaged_what_words(), words or packaged_words())
    what = _rules_what(f)
    generic = f.lexicon.generic_word(doc, what[1]) if what is not None else None  # of the rules' own what
    thing = f.subj_slots if f.subj_slots is not None and not f.subj_slots.get("is_entity") else None
    if what is None and thing is not None:
        what = (thing["text"], thing["span"])  # 'exports were $5 billion': the subject is what was measured
    who, actor = _rules_who(f, what)
    ownerless = _has_no_owner(f.head, f.noun, f.verb, f.subject, f.words)
    if ownerless:
        who = None
    slots = {
        "who": who[0] if who else None, "who_span": who[1] if who else None, "who_null": ownerless, "who_actor": actor,
        "who_self": speaks_of_itself(doc, m, f.words),
        "what": what[0] if what else None, "what_span": what[1] if what else None,
        "what_generic": generic,
        "what_subject": (thing["text"], thing["span"]) if thing is not None and thing.get("span") else None,
    }
    remember = None
    if f.subj_slots is not None:
        remember = dict(f.subj_slots)
        remember["who"], remember["who_span"] = slots["who"], slots["who_span"]
    return slots, remember
