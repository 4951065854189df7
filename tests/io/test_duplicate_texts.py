"""Exact-duplicate texts with the runner's own machinery (a fake extractor): across shards, on re-runs and resumes,
in worker processes, next to duplicate ids."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from io_fakeproc import make_process
from io_helpers import make_records, write_jsonl

from newsclaims.io.runner import run_corpus

TABLE_FILES = ("documents.jsonl", "claims.jsonl", "errors.jsonl")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def corpus_with_copies() -> list[dict[str, Any]]:
    """20 articles; doc0013 repeats doc0002 (another shard), doc0017 repeats doc0005 with other whitespace."""
    records = make_records(20)
    records[13]["text"], records[13]["published"] = records[2]["text"], records[2]["published"]
    records[17]["text"] = "\n " + records[5]["text"].replace(" ", "   ") + "\n"
    records[17]["published"] = records[5]["published"]
    return records


def documents_by_id(out: Path) -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in read_jsonl(out / "documents.jsonl")}


def test_a_copy_in_a_later_shard_links_to_the_first_and_has_no_claims_of_its_own(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", corpus_with_copies())
    manifest = run_corpus([corpus], tmp_path / "out", process=make_process, shard_size=4, progress=False)
    documents = documents_by_id(tmp_path / "out")
    assert {d: (r["status"], r["duplicate_of"]) for d, r in documents.items() if r["duplicate_of"]} == {
        "doc0013": ("duplicate", "doc0002"), "doc0017": ("duplicate", "doc0005")}
    assert documents["doc0013"]["n_claims"] == 0 and documents["doc0002"]["n_claims"] > 0
    claim_docs = {c["doc_id"] for c in read_jsonl(tmp_path / "out" / "claims.jsonl")}
    assert "doc0013" not in claim_docs and "doc0017" not in claim_docs and {"doc0002", "doc0005"} <= claim_docs
    assert not [e for e in read_jsonl(tmp_path / "out" / "errors.jsonl") if e["doc_id"] in ("doc0013", "doc0017")]
    counts = manifest["counts"]
    assert (counts["documents_duplicate"], counts["documents_ok"], counts["all_items_accounted_for"]) == (2, 18, True)


def test_a_rerun_reuses_every_shard_and_a_changed_original_makes_its_copy_an_article_again(tmp_path: Path) -> None:
    records = corpus_with_copies()
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    out = tmp_path / "out"
    run_corpus([corpus], out, process=make_process, shard_size=4, progress=False)
    before = {name: (out / name).read_bytes() for name in TABLE_FILES}
    again = run_corpus([corpus], out, process=make_process, shard_size=4, progress=False)
    assert again["shards"]["processed_this_run"] == 0
    assert {name: (out / name).read_bytes() for name in TABLE_FILES} == before

    records[2]["text"] = "Edited: 77 ships."
    write_jsonl(corpus, records)
    edited = run_corpus([corpus], out, process=make_process, shard_size=4, progress=False)
    assert edited["shards"]["processed_this_run"] == 2  # doc0002's shard and doc0013's, whose status changed
    assert documents_by_id(out)["doc0013"]["status"] == "ok" and edited["counts"]["documents_duplicate"] == 1


def test_worker_processes_give_the_serial_output(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", corpus_with_copies())
    run_corpus([corpus], tmp_path / "serial", process=make_process, shard_size=3, progress=False)
    run_corpus([corpus], tmp_path / "pool", process=make_process, shard_size=3, n_process=2, progress=False)
    assert all((tmp_path / "serial" / n).read_bytes() == (tmp_path / "pool" / n).read_bytes() for n in TABLE_FILES)


def test_a_repeated_id_is_an_error_not_a_copy_and_another_date_or_language_is_another_article(tmp_path: Path) -> None:
    records = make_records(3)
    same_id = dict(records[0])  # the same id and text again: a read error, as before
    other_date = {**records[0], "id": "later", "published": "2024-06-01"}
    other_lang = {**records[0], "id": "declared-de", "lang": "de"}
    corpus = write_jsonl(tmp_path / "c.jsonl", records + [same_id, other_date, other_lang])
    manifest = run_corpus([corpus], tmp_path / "out", process=make_process, progress=False)
    documents = documents_by_id(tmp_path / "out")
    assert not [d for d in documents.values() if d["duplicate_of"]]
    assert documents["later"]["status"] == "ok" and documents["declared-de"]["status"] == "skipped"
    assert (manifest["counts"]["duplicate_ids"], manifest["counts"]["documents_duplicate"]) == (1, 0)
    assert len({d["text_hash"] for d in documents.values()}) == 3  # the copies still share their text's hash


def test_keep_text_keeps_the_copy_s_own_text(tmp_path: Path) -> None:
    records = corpus_with_copies()
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    run_corpus([corpus], tmp_path / "out", process=make_process, keep_text=True, progress=False)
    documents = documents_by_id(tmp_path / "out")
    assert documents["doc0017"]["text"] == records[17]["text"] != documents["doc0005"]["text"]
    assert documents["doc0017"]["text_hash"] == documents["doc0005"]["text_hash"]
