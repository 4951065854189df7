"""The claims component holds its lexicons as data: `initialize()` loads them (the packaged ones, or others by name),
and to_disk/to_bytes carry them, so an assembled pipeline folder decides its claims by its own copies."""
import json

import pytest
import spacy

import newsclaims
from newsclaims.components.claims import LEXICONS, packaged_lexicons

TEXT = "Sales rose 5% to $3 billion in 2024, the company said."


def direction_of(nlp, text=TEXT):
    """The direction of the 5% figure's change; None where the claim has no change."""
    change = [c["change"] for c in nlp(text)._.claims if c["value"] == 5][0]
    return (change or {}).get("direction")


def without_rise(changes: dict) -> dict:
    return {**changes, "up": [w for w in changes["up"] if w != "rise"]}


@pytest.fixture(scope="module")
def fresh():
    return newsclaims.load()


def test_to_disk_writes_every_lexicon_it_reads(nlp, tmp_path):
    nlp.get_pipe("newsclaims_claims").to_disk(tmp_path)
    assert sorted(p.stem for p in (tmp_path / "lexicon").glob("*.json")) == sorted(LEXICONS)
    for name, data in packaged_lexicons().items():
        assert json.loads((tmp_path / "lexicon" / f"{name}.json").read_text(encoding="utf-8")) == data


def test_an_assembled_folder_uses_its_own_lexicons(nlp, tmp_path):
    assert direction_of(nlp) == "up"
    nlp.to_disk(tmp_path / "assembled")
    changes = tmp_path / "assembled" / "newsclaims_claims" / "lexicon" / "changes.json"
    changes.write_text(json.dumps(without_rise(json.loads(changes.read_text(encoding="utf-8")))), encoding="utf-8")
    assert direction_of(spacy.load(tmp_path / "assembled")) is None


def test_bytes_carry_the_lexicons(fresh):
    builder = fresh.get_pipe("newsclaims_claims")
    builder.initialize(lexicons={"changes": without_rise(packaged_lexicons()["changes"])})
    try:
        restored = newsclaims.load()
        restored.get_pipe("newsclaims_claims").from_bytes(builder.to_bytes())
        assert direction_of(restored) is None
    finally:
        builder.initialize()
    assert direction_of(fresh) == "up"  # initialize() alone reloads the packaged lexicons


def test_an_unknown_lexicon_name_is_an_error_that_names_it(fresh):
    with pytest.raises(ValueError, match="unknown lexicons \\['units'\\]"):
        fresh.get_pipe("newsclaims_claims").initialize(lexicons={"units": {}})
