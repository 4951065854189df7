"""When a figure's who stays null whatever its sentence names: the figures the guidelines give no owner.

The claim builder asks before its fallbacks (``fallbacks.fallbacks``), which fill an empty who from the sentence's
entities, the paragraph's last who and the document's main place: a figure nobody owns must stay empty, and the
place a forecast or a quake is stated for ('a 30% chance of rain in Leeds', '40 km north of Izmir') is no owner.
The words are ``null_when`` in ``models/lexicon/who.json``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from newsclaims.slots.who_proposers import Clause

_QUAKE_REACH = 3  # clause heads climbed from the figure's verb to the quake ('measuring 6.2' hangs on 'struck')


@dataclass(frozen=True)
class NullWords:
    chance_nouns: frozenset = frozenset()
    quake_nouns: frozenset = frozenset()
    scale_verbs: frozenset = frozenset()
    tally_things: frozenset = frozenset()
    tally_verbs: frozenset = frozenset()
    fiscal_nouns: frozenset = frozenset()
    world_scopes: frozenset = frozenset()
    forecast_verbs: frozenset = frozenset()
    forecast_measures: frozenset = frozenset()

    @classmethod
    def from_data(cls, who: dict) -> "NullWords":
        data = who.get("null_when", {})
        return cls(*(frozenset(data.get(k, ())) for k in
                     ("chance_nouns", "quake_nouns", "scale_verbs", "tally_things", "tally_verbs", "fiscal_nouns")),
                   frozenset(who.get("world_scopes", ())), frozenset(who.get("forecast_verbs", ())),
                   frozenset(who.get("forecast_measures", ())))


def ownerless(clause: Clause, m: dict, words: NullWords) -> bool:
    """Whether the figure is one the guidelines give no who: a forecast's chance, an actual quake's magnitude,
    distance or depth, the progress of a vote count, a deficit no one is named for, a world total stated by its
    predicate."""
    return _a_chance(clause, words) or _of_a_quake(clause, m, words) or _count_progress(clause, words) \
        or _unowned_fiscal_total(clause, words) or _world_scoped_predicate(clause, words)


def _a_chance(clause: Clause, words: NullWords) -> bool:
    """'a 30% chance of rain', 'a 60 percent probability that the storm ...': nobody's, unless a possessor owns it."""
    noun = clause.noun
    return noun is not None and noun.lemma_.lower() in words.chance_nouns \
        and not any(c.dep_ == "poss" for c in noun.children)


def _unowned_fiscal_total(clause: Clause, words: NullWords) -> bool:
    """'The deficit for 2013/14 is to be A$18 billion': a deficit, surplus or outlay total with no owner named goes
    into what with who null, by the guidelines; a named owner keeps it ('Greece's deficit', 'the U.S. deficit')."""
    for tok in (clause.subject, clause.noun):
        if tok is not None and tok.lemma_.lower() in words.fiscal_nouns:
            return not any(c.dep_ == "poss" or c.dep_ in ("compound", "nmod") and (c.ent_type_ or c.pos_ == "PROPN")
                           for c in tok.children)
    return False


def _world_scoped_predicate(clause: Clause, words: NullWords) -> bool:
    """'Ten major risks are common around the world': the world scope hangs off the predicate of the figure's own
    noun (the subject rules read it off the figure, its noun and its verb): a world total, who null."""
    verb, noun = clause.verb, clause.noun
    if verb is None or noun is None or clause.subject is None or clause.subject.i != noun.i \
            or any(c.dep_ == "poss" for c in noun.children):
        return False  # 'its 40 models are popular around the world': its owner's
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")]
    return any(_world_scope_under(p, words) for p in predicates)


def _world_scope_under(tok: Token, words: NullWords) -> bool:
    for c in tok.children:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in words.world_scopes:
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in words.world_scopes for g in c.children):
            return True
    return False


def _of_a_quake(clause: Clause, m: dict, words: NullWords) -> bool:
    """An actual quake's distance and depth ('struck 40 km north of X at a depth of 10 km') and its magnitude as a
    verb's object ('the quake, measuring 6.2'; 'a magnitude 6.2 quake' is the subject rules' already). A count
    stays the place's ('the quake killed 12 people in X')."""
    if m.get("dimension") == "length":
        return _quake_acts(clause.verb, words)
    head = clause.head
    return head.dep_ in ("dobj", "attr", "npadvmod") and head.head.lemma_.lower() in words.scale_verbs \
        and _quake_acts(head.head, words)


def _quake_acts(verb: Optional[Token], words: NullWords) -> bool:
    """The verb's subject is a quake, or the verb describes one ('the tremor, which registered 5.1'), up through
    the clauses it hangs on ('measuring 6.2' on 'struck')."""
    for _ in range(_QUAKE_REACH):
        if verb is None:
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in words.quake_nouns for c in verb.children):
            return True
        if verb.dep_ not in ("acl", "relcl", "advcl", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_.lower() in words.quake_nouns:
            return True
    return False


def _count_progress(clause: Clause, words: NullWords) -> bool:
    """'with 40 percent of the vote counted', '85% of precincts reporting': how far a count has got, nobody's."""
    head = clause.head
    objects = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if any(g.lemma_.lower() in words.tally_verbs and any(c.lemma_.lower() in words.tally_things for c in g.children)
           for g in objects):
        return True  # 'of precincts reporting', parsed as one gerund phrase
    things = [g for g in objects if g.lemma_.lower() in words.tally_things]
    if not things:
        return False
    return head.head.lemma_.lower() in words.tally_verbs or any(
        c.lemma_.lower() in words.tally_verbs for t in things for c in t.children if c.dep_ in ("acl", "amod", "relcl"))


_FORECAST_REACH = 6  # arcs climbed from the figure to the verb that forecasts it ('growth of 2.9%' under 'projects')
_CLAUSE_BOUNDS = ("ccomp", "xcomp", "advcl", "relcl", "acl", "csubj")  # 'Acme expects to sell 2 million': its own


def forecaster(clause: Clause, ents: list, words: NullWords) -> Optional[tuple[int, int]]:
    """(start, end) of the organisation that forecasts an economy's measure as the figure itself ('the IMF forecast
    inflation of 8%', 'the World Bank projects Brazil's growth at 2.9%'): by the guidelines it is the source, not the
    who, which is the owner the measure is named with, else null. The tagger often reads 'the IMF forecast inflation'
    as one noun phrase: the forecast word is then a compound of the measure."""
    tok = clause.head
    for _ in range(_FORECAST_REACH):
        found = _forecast_word(tok, words)
        if found is not None:
            return _organisation_before(found, ents)
        if tok.dep_ in _CLAUSE_BOUNDS or tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _forecast_word(tok: Token, words: NullWords) -> Optional[Token]:
    """The forecast verb ``tok`` is, when its object is an economy's measure, or the forecast word a measure noun
    ``tok`` has as a compound (the tagger's 'the IMF forecast inflation')."""
    if tok.lemma_.lower() in words.forecast_verbs:  # any tag: the tagger calls 'projects' a noun even with an object
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        return tok if any(o.lemma_.lower() in words.forecast_measures for o in objects) else None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in words.forecast_measures:
        return next((c for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in words.forecast_verbs
                     and c.i < tok.i), None)
    return None


def _organisation_before(word: Token, ents: list) -> Optional[tuple[int, int]]:
    """The organisation named right before the forecast word ('the IMF forecast', 'The World Bank projects')."""
    ent = next((e for e in ents if e.end == word.i and e.label_ == "ORG"), None)
    return (ent.start_char, ent.end_char) if ent is not None else None
