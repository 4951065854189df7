"""The who features of issue 11's twelfth round, for the trained ranker (v2): the compressed dependency path from a
candidate of the figure's sentence to the figure ('nsubj>ROOT<dobj'), whether it crosses a reporting verb or a relative
clause or starts in a prepositional phrase, the speaker crossed with the figure's verb class, and which other
proposers offered the rules' own answer."""
import pytest

from who_checks import candidates_of


@pytest.mark.parametrize("text, figure, name, present, absent", [
    # the subject of the figure's verb: up one arc to the root, down one to the object
    ("Sweden caught 700 tons of herring in 2019.", "700 tons", "Sweden",
     {"dep_path=nsubj>ROOT<dobj"}, {"path_crosses_reporting", "path_crosses_relcl", "candidate_in_prep"}),
    # the subject of a reported clause: the ancestor is the reported verb, no reporting verb on the path
    ("The ministry said that Peru exported 800 tons of zinc.", "800 tons", "Peru",
     {"dep_path=nsubj>ccomp<dobj"}, {"path_crosses_reporting"}),
    # the speaker of a 'said' over the figure's clause: the path goes through the reporting verb
    ("Ghana grew 6% last year, the World Bank said.", "6%", "World Bank",
     {"path_crosses_reporting", "is_source", "is_source*verb_activity"}, {"path_crosses_relcl"}),
    # the figure in a relative clause of its noun: that noun is the ancestor, its side of the path empty
    ("Growers who sold 400 tons of rice thanked Vietnam.", "400 tons", "Vietnam",
     {"path_crosses_relcl"}, {"path_crosses_reporting"}),
    # a name in a prepositional phrase (a setting, more often than an owner)
    ("At a summit in Lisbon, ministers approved 30 new ports.", "30", "Lisbon",
     {"candidate_in_prep"}, {"path_crosses_relcl"}),
])
def test_dependency_path_features(nlp, text, figure, name, present, absent):
    cand = candidates_of(nlp, text, figure).get(name)
    assert cand is not None, f"no candidate {name!r}"
    names = set(cand.features)
    assert present <= names, f"missing {sorted(present - names)} in {sorted(names)}"
    assert not absent & names, f"present {sorted(absent & names)}"
    assert sum(k.startswith("dep_path=") for k in names) == 1  # one path per candidate of the figure's sentence


@pytest.mark.parametrize("text, figure, name, present", [
    # the speaker who owns a reported figure: is the source, the figure's verb is a reporting one
    ("Globex Inc. reported a loss of $5 million.", "$5 million", "Globex Inc.",
     {"is_source", "is_source*verb_reporting", "rules*is_source"}),
    # the rules' answer that the clause's subject and the sentence's entities proposers offer too
    ("Denmark caught 900 tons of cod in 2018.", "900 tons", "Denmark",
     {"rules*by_subject", "rules*by_entity"}),
])
def test_source_and_rules_agreement_features(nlp, text, figure, name, present):
    cand = candidates_of(nlp, text, figure).get(name)
    assert cand is not None and cand.proposer == "rules", f"no rules candidate {name!r}"
    assert present <= set(cand.features), f"missing {sorted(present - set(cand.features))}"


def test_a_candidate_of_another_sentence_has_no_path(nlp):
    cands = candidates_of(nlp, "Chile is a big producer. Output was 600 tons in 2020.", "600 tons")
    assert not any(k.startswith("dep_path=") for c in cands.values() for k in c.features if c.value == "Chile")
