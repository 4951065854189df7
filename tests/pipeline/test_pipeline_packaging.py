"""The pipeline as a spaCy pipeline: assembled folder, serialisation, multiprocessing, factories by entry point."""
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span, Token

import newsclaims

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    "Chile's output rose to 45,000 tons in 2024 from 38,000 tons in 2020, according to the mines ministry.",
    "The tariff on Chinese imports was cut from 20% to 10% last year.",
    "Northwind Data is tracking almost 2,300 sites worth about $700 billion.",
    "No figures here at all.",
] * 3


def run(nlp, n_process):
    docs = [newsclaims.make_doc(nlp, t, doc_id=str(i), published="2025-11-04") for i, t in enumerate(TEXTS)]
    return [(d._.doc_id, d._.claims) for d in nlp.pipe(docs, n_process=n_process, batch_size=2)]


def test_n_process_2_gives_the_same_claims(nlp):
    assert run(nlp, 2) == run(nlp, 1)


def holds_spacy_objects(value) -> bool:
    if isinstance(value, (Span, Token, Doc)):
        return True
    if isinstance(value, dict):
        return any(holds_spacy_objects(v) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(holds_spacy_objects(v) for v in value)
    return False


def test_a_processed_doc_carries_only_plain_data_and_round_trips_through_bytes(nlp):
    # the slot rules cache Spans per document; none may stay on the Doc the pipeline hands back
    doc = nlp(newsclaims.make_doc(nlp, "Acme Corp said its revenue rose 8% to $4 billion. That company employs 4,000 people.", doc_id="d", published="2025-11-04"))
    assert not [k for k, v in doc.user_data.items() if holds_spacy_objects(v)]
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.claims == doc._.claims


def test_factories_are_advertised_by_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"newsclaims_quantities", "newsclaims_claims"} <= names
    misc = {ep.name for ep in entry_points(group="spacy_misc")}
    assert {"newsclaims.entity_patterns.v1", "newsclaims.unit_lexicon.v1", "newsclaims.slot_ranker.v1",
            "newsclaims.slot_ranker.v2"} <= misc


def test_spacy_assemble_gives_a_folder_that_spacy_load_opens(tmp_path, nlp):
    out = tmp_path / "newsclaims-en"
    # run in a fresh interpreter without importing pipeline first: the config must resolve through entry points
    subprocess.run([sys.executable, "-m", "spacy", "assemble", str(ROOT / "config.cfg"), str(out)], check=True,
                   capture_output=True, cwd=tmp_path)
    loaded = spacy.load(out)
    assert loaded.pipe_names == nlp.pipe_names
    assert run(loaded, 1) == run(nlp, 1)


def test_to_bytes_round_trip(nlp):
    restored = newsclaims.load().from_bytes(nlp.to_bytes())
    assert run(restored, 1) == run(nlp, 1)


def test_claims_are_plain_data(nlp):
    import json

    for _, claims in run(nlp, 1):
        json.dumps(claims)
