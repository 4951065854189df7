"""Table tests of who_norm/source_norm: spellings of one entity -> one key (folding rules + the alias lexicon)."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from newsclaims.normalize.entities import (
    ALIASES_PATH, EntityAliases, canonical_entity, entity_key, load_entity_aliases, written_in_capitals,
)


@pytest.mark.parametrize("spellings, key", [
    (["U.S.", "US", "U.S", "United States", "the United States", "The United States", "America", "USA",
      "U.S.A.", "United States of America", "the U.S.", "the US's", "America's", "UNITED STATES", "THE U.S.'S"],
     "united states"),
    (["UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "the United Kingdom", "the U.K.'s", "Britain's"],
     "united kingdom"),
    (["the Fed", "Fed", "The Fed's", "Federal Reserve", "the Federal Reserve", "U.S. Federal Reserve",
      "Federal Reserve Board"], "federal reserve"),
    (["World Health Organization", "World Health Organisation", "WHO", "W.H.O.", "the WHO"],
     "world health organization"),
    (["Labor Department", "U.S. Department of Labor", "the Department of Labor", "United States Labor Department"],
     "us department of labor"),
])
def test_aliases_in_the_lexicon_become_one_key(spellings, key):
    assert {canonical_entity(s) for s in spellings} == {key}


@pytest.mark.parametrize("spellings, key", [
    (["Henry Hub", "the Henry Hub", "The Henry Hub", "Henry Hub's", "HENRY HUB"], "henry hub"),
    (["Acme Mining", "acme mining", "the Acme Mining", "Acme Mining's", "ACME MINING", "Acme  Mining"], "acme mining"),
    (["Coca-Cola", "Coca Cola", "Coca\u2013Cola"], "coca cola"),
    (["Société Générale", "Societe Generale", "SOCIÉTÉ GÉNÉRALE"], "societe generale"),
    (["Reuters'", "\u201cReuters\u201d", "Reuters,", "(Reuters)"], "reuters"),
    (["the Smiths\u2019", "Smiths'"], "smiths"),  # plural possessive, curly or straight
])
def test_names_outside_the_lexicon_merge_by_folding(spellings, key):
    assert {canonical_entity(s) for s in spellings} == {key}


@pytest.mark.parametrize("name, key", [
    ("Bank of America", "bank of america"),  # an alias inside a longer name is not looked up
    ("Latin America", "latin america"),
    ("U.S. Steel", "us steel"),
    ("Federal Reserve Bank of St. Louis", "federal reserve bank of st louis"),
    ("AT&T", "at&t"),  # & and + are part of names
    ("OPEC+", "opec+"),
    ("OPEC", "organization of the petroleum exporting countries"),
    ("People's Bank of China", "peoples bank of china"),  # an inner 's is not a possessive ending
    ("Theater Group", "theater group"),  # 'the' only as a word
])
def test_longer_names_and_name_punctuation_stay_themselves(name, key):
    assert canonical_entity(name) == key


@pytest.mark.parametrize("name, key", [
    ("us", "us"),  # the pronoun is no alias of US
    ("who", "who"),
    ("Us", "us"),
    ("US", "united states"),
    ("WHO", "world health organization"),
])
def test_aliases_written_in_capitals_match_only_names_in_capitals(name, key):
    assert canonical_entity(name) == key


@pytest.mark.parametrize("name", [None, "", "   ", "the", "The", "...", "\u2014"])
def test_names_with_nothing_left_have_no_key(name):
    assert canonical_entity(name) is None


@pytest.mark.parametrize("name, key", [
    ("U.S.", "us"), ("the Fed's", "fed"), ("  The  Henry   Hub ", "henry hub"), ("Côte d\u2019Ivoire", "cote divoire"),
])
def test_entity_key_folds_without_the_lexicon(name, key):
    assert entity_key(name) == key


@pytest.mark.parametrize("name, capitals", [("US", True), ("U.S.", True), ("OPEC+", True), ("Fed", False),
                                            ("us", False), ("2024", False)])
def test_written_in_capitals(name, capitals):
    assert written_in_capitals(name) is capitals


def test_the_lexicon_names_every_alias_under_one_entity_only():
    data = json.loads(ALIASES_PATH.read_text(encoding="utf-8"))
    aliases = EntityAliases.from_data(data)  # raises on an alias listed under two entities
    assert len(data["entities"]) >= 50 and aliases.any_case and aliases.capitals_only
    assert load_entity_aliases().canonical("the States") == "states"  # 'states' is many things: not listed


def test_an_alias_under_two_entities_is_refused():
    with pytest.raises(ValueError, match="names both"):
        EntityAliases.from_data({"entities": {"Georgia (country)": ["Georgia"], "Georgia (U.S. state)": ["Georgia"]}})


def test_a_lexicon_of_ones_own_is_used_as_given():
    aliases = EntityAliases.from_data({"entities": {"Acme Corporation": ["Acme", "ACME Corp."]}})
    assert {aliases.canonical(n) for n in ("acme", "the Acme", "ACME Corp.", "Acme Corporation's")} == {"acme corporation"}
    assert aliases.canonical("U.S.") == "us"  # only its own entries


NAMEISH = st.text(alphabet=list("aAbBeEhHsStTuUfFdD .'\u2019-&+,()\u00e9\u0301\u00df\u0130"), max_size=12) | \
    st.sampled_from(["the ", "The ", "U.S.", "Fed", "'s", "WHO", "United States", " of "])


@settings(max_examples=300, deadline=None)
@given(st.lists(NAMEISH, max_size=4).map("".join))
def test_a_key_is_its_own_key(name):
    key = canonical_entity(name)
    assert key is None or (canonical_entity(key) == key and key == key.strip() and key == key.lower())
