"""--doc-timeout under --engine dask, on a real LocalCluster (loopback, 2 worker processes started by nannies, so
daemonic, as `dask worker` starts them): a stalling document fails alone, its shard's other documents keep their
claims, and the run finishes long before the stall would have ended (the fake extractor sleeps 30 s on STALL)."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest
from io_fakeproc import make_process
from io_helpers import make_records, write_jsonl

from newsclaims.io.runner import ShardCrashError, run_corpus

pytest.importorskip("distributed")


def read_jsonl(path: Path) -> list[dict]:
    import json

    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_document_that_stalls_on_dask_times_out_alone(tmp_path: Path) -> None:
    records = make_records(18)
    records[5]["text"] = "This one STALLS: 5 tonnes."
    corpus = write_jsonl(tmp_path / "in.jsonl", records)
    loads = tmp_path / "loads"
    loads.mkdir()
    manifest = run_corpus([corpus], tmp_path / "dask", process=functools.partial(make_process, loads_dir=str(loads)),
                          shard_size=6, batch_size=4, engine="dask", doc_timeout=1.0, progress=False)
    # a stall that was not cut off would end after 30 s (io_fakeproc) and the document would succeed
    assert manifest["counts"]["documents_failed"] == 1 and manifest["counts"]["documents_ok"] == 17
    (error,) = read_jsonl(tmp_path / "dask" / "errors.jsonl")
    assert error["doc_id"] == "doc0005" and error["stage"] == "process" and error["reason"].startswith("time-out")
    claims = read_jsonl(tmp_path / "dask" / "claims.jsonl")
    assert {c["doc_id"] for c in claims} == {f"doc{i:04d}" for i in range(18)} - {"doc0005"}
    pids = (loads / "loads.txt").read_text().split()
    assert 1 <= len(pids) <= 2 and len(set(pids)) == len(pids)  # one shard child per worker, kept across shards

    serial = run_corpus([corpus], tmp_path / "serial", process=make_process, shard_size=6, batch_size=4,
                        doc_timeout=1.0, progress=False)
    assert serial["counts"] == manifest["counts"]
    for name in ("documents.jsonl", "claims.jsonl", "errors.jsonl"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "serial" / name).read_bytes(), name


def test_a_shard_child_killed_once_is_replaced_and_one_killed_twice_stops_the_run(tmp_path: Path) -> None:
    records = make_records(12)
    records[7]["text"] += " CRASH"
    corpus = write_jsonl(tmp_path / "in.jsonl", records)
    transient = functools.partial(make_process, crash_marker=str(tmp_path / "crashed-once"))
    manifest = run_corpus([corpus], tmp_path / "once", process=transient, shard_size=6, engine="dask",
                          doc_timeout=5.0, progress=False)
    assert (tmp_path / "crashed-once").exists() and manifest["counts"]["documents_ok"] == 12

    with pytest.raises(ShardCrashError, match="shard 00001"):
        run_corpus([corpus], tmp_path / "always", process=make_process, shard_size=6, engine="dask",
                   doc_timeout=5.0, progress=False)
    assert not (tmp_path / "always" / "shards" / "00001.done").exists()
    assert not (tmp_path / "always" / "manifest.json").exists()
