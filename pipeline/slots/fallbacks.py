"""The rules' last resorts for a figure's who and what, after ``fill_subject``: the speaker is not the subject, a name
the tagger missed or an entity of the sentence is, a paragraph about one subject keeps it, and the document's main
person or place owns what nobody else does; a generic what takes the thing named before it. The claims component
calls :func:`fallbacks` once per figure."""
from __future__ import annotations

from typing import Any, Optional

from newsclaims.slots.source import REPORTING
from newsclaims.slots.subject import (SubjectWords, WhatLexicon, _noun_uses, base_of, describes_a_subject,
                                      describes_the_figures_subject, in_reporter_role, packaged_words, specific_place)
from newsclaims.slots.who_features import _path_length
from newsclaims.slots.who_proposers import WhoFrame


def _overlaps(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _both_resolved_back(slots: dict, source, m: dict) -> bool:
    """Whether the who and the source both stand in an earlier sentence, each reached through a pronoun of the
    figure's ('He says he harvested six tons'): the speaker speaks of himself, and is the who too."""
    who_span, source_span = slots.get("who_span"), source[1] if source else None
    return bool(who_span) and bool(source_span) and who_span[1] <= m["sent_start"] and source_span[1] <= m["sent_start"]


def fallbacks(slots: dict, m: dict, source, ents, previous: list, paragraph_start: int, doc_subject=None,
               what_words: Optional[WhatLexicon] = None, words: Optional[SubjectWords] = None,
               named_subject: Optional[tuple] = None) -> dict:
    """Fill who/what the parse left empty: the speaker is not the subject; an entity of the sentence is;
    a figure in a paragraph about one subject keeps that subject. A generic what ('an increase of 2%')
    takes the thing from the figure before it in the sentence, else from the clause's subject. ``words`` are the
    component's pronouns and reporter verbs (the packaged ones when not given)."""
    pronouns = (words or packaged_words()).pronouns
    slots = dict(slots)
    generic, subject_what = slots.pop("what_generic", None), slots.pop("what_subject", None)
    ownerless = slots.pop("who_null", False)  # a quake's magnitude, a world total: no who to fall back to
    speaks_of_itself = slots.pop("who_self", False)  # 'Acme said its revenue rose 8%': the speaker owns its figure
    actor = slots.pop("who_actor", False)  # 'The agency awarded $2 million': the source is the who when it acts
    forecast_by = slots.pop("who_forecaster", None)  # 'the IMF forecast inflation of 8%': the IMF is no who
    if forecast_by is not None and _overlaps(slots["who_span"], forecast_by):
        slots["who"] = slots["who_span"] = None
    if slots["who"] is not None and slots["who"].lower() in pronouns:
        slots["who"] = slots["who_span"] = None
    if slots["who"] is not None and source is not None and not actor and not _both_resolved_back(slots, source, m) \
            and (_overlaps(slots["who_span"], source[1]) or slots["who"] == source[0]) \
            and not speaks_of_itself:
        slots["who"] = slots["who_span"] = None
    # a name the tagger missed that governs the figure, before the entities of its sentence ('In X the SPD won 29%')
    if slots["who"] is None and not ownerless and named_subject is not None \
            and not (source and (_overlaps(named_subject[1], source[1]) or named_subject[0] == source[0])):
        slots["who"], slots["who_span"] = named_subject[0], list(named_subject[1])
    if slots["who"] is None and not ownerless:
        # "European" only when nothing better; then the entity nearest the figure in the parse
        for ent in sorted(ents, key=lambda e: (e.label_ == "NORP", base_of(e), _arcs_to_figure(e, m))):
            span = [ent.start_char, ent.end_char]
            if m["sent_start"] <= ent.start_char < m["sent_end"] and not (source and _overlaps(span, source[1])) \
                    and not _overlaps(span, [m["start"], m["end"]]) and not in_reporter_role(ent.root, words) \
                    and not _overlaps(span, forecast_by) \
                    and not _describes_another_noun(ent, m) and not describes_a_subject(ent) \
                    and not describes_the_figures_subject(ent, m):
                ent = specific_place(ent, ents, words or packaged_words())
                slots["who"], slots["who_span"] = ent.text, [ent.start_char, ent.end_char]
                break
    ownerless = ownerless or forecast_by is not None  # a forecast names its own owner or has none
    last = previous[-1] if previous and previous[-1].span[0] > paragraph_start else None  # claims in text order
    if slots["who"] is None and not ownerless and last is not None and last.who \
            and not (m.get("unit") == "%" and _a_survey(last.who, words or packaged_words())):
        slots["who"], slots["who_span"] = last.who, last.who_span
    if slots["who"] is None and not ownerless and doc_subject is not None:
        slots["who"], slots["who_span"] = doc_subject.text, [doc_subject.start_char, doc_subject.end_char]
    if generic and what_words is not None:
        same_sentence = last is not None and last.sentence_span[0] == m["sent_start"] and last.what
        thing = (last.what, last.what_span) if same_sentence else subject_what
        if thing is not None and not _overlaps(thing[1], [m["start"], m["end"]]):
            if generic in what_words.changes and not what_words.names_change(thing[0]):
                slots["what"], slots["what_span"] = f"{thing[0]} {generic}", None  # 'government spending increase'
            else:
                slots["what"], slots["what_span"] = thing
    what = (slots["what"] or "").lower()
    if (not what or what in pronouns) and last is not None and last.what:
        slots["what"], slots["what_span"] = last.what, last.what_span
    return slots


def _a_survey(who: str, words: SubjectWords) -> bool:
    """'A survey', 'the Pew poll': by the guidelines a share a survey measures is never the survey's own."""
    return who.split()[-1].lower() in words.survey_nouns


# A story is about one person (a sentencing, an obituary) when a person's surname is named this often, and more
# often than the story's main place: a figure with no owner of its own is then that person's, not the place's.
PERSON_STORY_MENTIONS = 3


def document_person(ents, place, words: Optional[SubjectWords] = None) -> Optional[Any]:
    """The person a story is about: the most named person (by surname, whatever label each mention has), named at
    least PERSON_STORY_MENTIONS times and more often than ``place``, and never as a speaker ('the minister said'),
    whose figures are the quoted ones'."""
    words = words or packaged_words()
    by_surname: dict[str, list] = {}
    for ent in ents:  # the tagger labels a bare surname ORG or NORP as often as PERSON: one PERSON mention will do
        by_surname.setdefault(ent[-1].lower_, []).append(ent)
    people = [found for surname, found in by_surname.items()
              if any(e.label_ == "PERSON" for e in found) or _written_as_a_person(found[0].doc, surname, words)]
    if not people:
        return None
    named = max(people, key=lambda found: len(_surname_uses(found)))
    uses = _surname_uses(named)  # the tagger leaves some mentions of a name untagged: count the name's every use
    place_count = sum(1 for e in ents if e.text == place.text) if place is not None else 0
    if len(uses) < PERSON_STORY_MENTIONS or len(uses) <= place_count:
        return None
    if any((e.root.dep_ != "poss" and in_reporter_role(e.root, words)) or _speaks(e.root) for e in named) \
            or any(_speaks(tok) for tok in uses):  # 'his aide said' is not he
        return None
    return named[0]


def _surname_uses(found: list) -> list:
    """Every proper-noun use of the surname of the mentions ``found``, tagged or not ('Ullah faced ...')."""
    doc, surname = found[0].doc, found[0][-1].lower_
    return [doc[i] for i in _noun_uses(doc).get(("PROPN", surname), ())] or [e.root for e in found]


def _written_as_a_person(doc, surname: str, words: SubjectWords) -> bool:
    """Whether the text writes ``surname`` as a person's, whatever label the tagger gives it ('Haroon Ullah, who
    served as ...', 'Mr. Ullah'): a relative clause opened by 'who', or a title before the name."""
    for i in _noun_uses(doc).get(("PROPN", surname), ()):
        tok = doc[i]
        if tok.i > 0 and doc[tok.i - 1].lower_.rstrip(".") in words.person_titles:
            return True
        clauses = [c for c in tok.children if c.dep_ == "relcl"]
        if any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in words.person_relatives for c in clauses for g in c.children):
            return True
    return False


def _speaks(tok) -> bool:
    """The name is the subject of a reporting verb ('Smith said', 'said Dr Smith')."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in REPORTING


def proper_subject(frame: WhoFrame, mi: int) -> Optional[tuple]:
    """(text, span) of the figure's clause subject when it is a proper name the tagger left untagged ('Nigeria
    produced 1.5 million barrels'): a name that governs the figure owns it, as an entity would."""
    c = frame.clause(mi)
    subject = c.subject
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ or subject.dep_ != "nsubj" \
            or subject.lower_ in frame.words.pronouns or subject.lemma_.lower() in frame.lexicon.reporters:
        return None
    if any(t.pos_ not in ("PROPN", "DET") for t in subject.subtree):
        return None  # a phrase, not a bare name
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    return frame.text[lo:hi], (lo, hi)


def _describes_another_noun(ent, m: dict) -> bool:
    """A nationality adjective of a noun the figure does not count ('a survey of American travel', '2.6 million
    Syrian refugees beside 6.5 million displaced'): it describes that noun, it owns nothing of the figure's. Of the
    figure's own noun it names the group ('Hispanic (12.8%) students')."""
    root = ent.root
    if ent.label_ != "NORP" or root.dep_ not in ("amod", "conj"):
        return False
    noun = root
    for _ in range(4):  # 'black, Hispanic students': up the conjuncts to the noun they describe
        if noun.pos_ in ("NOUN", "PROPN") and noun.i != root.i or noun.head.i == noun.i:
            break
        noun = noun.head
    head = ent.doc[m["head"]]
    return not (noun.left_edge.i <= head.i <= noun.right_edge.i)


def pointer_as_written(frame: WhoFrame, mi: int) -> Optional[tuple]:
    """(text, span) of the figure's clause subject when it is a pointer the rules tied to no name ('The airline expects
    to carry 45 million passengers' with no airline named): the guidelines keep such a description as written."""
    subject = frame.clause(mi).subject
    if subject is None or subject.dep_ != "nsubj" or subject.lemma_.lower() not in frame.lexicon.nouns:
        return None
    if not any(c.dep_ == "det" and c.lower_ in frame.lexicon.determiners for c in subject.children):
        return None
    lo, hi = subject.left_edge.idx, subject.idx + len(subject)
    return frame.text[lo:hi], (lo, hi)


def _arcs_to_figure(ent, m: dict) -> int:
    """Dependency arcs between an entity of the figure's sentence and the figure: of the sentence's entities, the one
    the parse ties closest to the figure is its who ('from $1 at X to $2 at Y': $2 is Y's), not the first named."""
    arcs = _path_length(ent.root, ent.doc[m["head"]])
    return len(ent.doc) if arcs is None else arcs
