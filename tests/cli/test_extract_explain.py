"""`newsclaims extract --explain FILE`: every processed document's explanation records (one JSON line per figure: doc_id,
the figure, each slot's scored candidates with their proposers, as `newsclaims explain` builds them), while
claims.jsonl stays byte for byte what a run without it writes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclaims.cli import main
from newsclaims.explain import RANKED_SLOTS, explain

ARTICLES = [
    {"id": "ferry", "text": "The ferry carried 41,000 riders in July, up 6% from a year earlier.", "published": "2025-09-03"},
    {"id": "orchard", "text": "Growers in the valley picked 9,500 tons of pears.\n\nThe co-op paid them $3.2 million.",
     "published": "2025-10-21"},
    {"id": "quiet", "text": "Nothing here is counted.", "published": "2025-01-05"},
]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """(folder, explain file) of the same tiny corpus extracted without and with --explain."""
    root = tmp_path_factory.mktemp("explain")
    corpus = root / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    assert main(["extract", str(corpus), "-o", str(root / "plain"), "-q"]) == 0
    assert main(["extract", str(corpus), "-o", str(root / "explained"), "-q", "--explain", str(root / "why.jsonl")]) == 0
    return root, root / "why.jsonl"


def test_explain_leaves_the_claims_unchanged(runs):
    root, _ = runs
    plain = (root / "plain" / "claims.jsonl").read_bytes()
    assert plain and plain == (root / "explained" / "claims.jsonl").read_bytes()


def test_explain_writes_one_record_per_claimed_figure(runs):
    root, why = runs
    claims = {(c["doc_id"], c["span_start"], c["span_end"]) for c in read_jsonl(root / "plain" / "claims.jsonl")}
    records = read_jsonl(why)
    assert sorted((r["doc_id"], *r["span"]) for r in records) == sorted(claims)
    for record in records:
        assert set(record["slots"]) == set(RANKED_SLOTS)
        for candidates in record["slots"].values():
            assert candidates and all("score" in c and c["proposer"] for c in candidates)


def test_explain_records_are_what_explain_builds(runs, nlp):
    _, why = runs
    article = ARTICLES[1]
    records = [r for r in read_jsonl(why) if r["doc_id"] == article["id"]]
    expected = json.loads(json.dumps(explain(nlp, article["text"], published=article["published"])))
    assert [{k: v for k, v in r.items() if k != "doc_id"} for r in records] == expected


@pytest.mark.parametrize("options", [["--n-process", "2"], ["--engine", "dask"]])
def test_explain_refuses_engines_that_write_from_several_processes(tmp_path, options, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(corpus), "-o", str(tmp_path / "out"), "--explain", str(tmp_path / "why.jsonl"), *options])
    assert exit_info.value.code == 2
    assert "--n-process 1" in capsys.readouterr().err


def test_explain_refuses_a_run_folder_with_finished_shards(runs, capsys):
    root, _ = runs
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(root / "corpus.jsonl"), "-o", str(root / "plain"), "--explain", str(root / "again.jsonl")])
    assert exit_info.value.code == 2
    assert "new OUTDIR" in capsys.readouterr().err
