"""Every bundled document goes through the pipeline without an error, and every claim keeps its promises."""
import json
import math
from pathlib import Path

import jsonschema
import pytest

import newsclaims
from newsclaims.schema import CLAIM_JSON_SCHEMA

NEWS = Path(__file__).resolve().parents[2] / "corpus" / "news" / "news.jsonl"


@pytest.fixture(scope="module")
def corpus_claims(nlp):
    records = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    texts = {r["id"]: r["text"] for r in records}
    return texts, list(newsclaims.extract_many(records, nlp=nlp))


def test_every_document_is_processed(corpus_claims):
    texts, results = corpus_claims
    assert [doc_id for doc_id, _ in results] == list(texts)
    assert sum(len(claims) for _, claims in results) > 300


def test_every_claim_is_valid_and_its_spans_slice_to_its_text(corpus_claims):
    texts, results = corpus_claims
    for doc_id, claims in results:
        text = texts[doc_id]
        for c in claims:
            jsonschema.validate(c, CLAIM_JSON_SCHEMA)
            assert text[c["span"][0]:c["span"][1]] == c["text"]
            for slot, key in (("who", "who_span"), ("what", "what_span"), ("source", "source_span"), ("date_text", "date_span")):
                if c[key] is not None:
                    assert text[c[key][0]:c[key][1]] == c[slot], (doc_id, slot, c)
            for number in (c["value"], c["low"], c["high"]):
                assert number is None or math.isfinite(number)
            if c["low"] is not None:
                assert c["low"] <= c["high"]
