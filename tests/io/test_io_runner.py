"""run_corpus end to end with a fake extractor: accounting, errors, formats, SQL, re-runs, worker processes."""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from io_helpers import make_records, write_jsonl
from io_fakeproc import make_process

from newsclaims.io.runner import PipelineLoadError, ShardCrashError, run_corpus, sql

OUTPUT_FILES = ("documents.jsonl", "claims.jsonl", "errors.jsonl")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def same_outputs(a: Path, b: Path) -> bool:
    return all((a / name).read_bytes() == (b / name).read_bytes() for name in OUTPUT_FILES)


def failing_factory():
    raise OSError("model directory not found")


def test_bad_documents_in_the_middle_are_accounted_for(tmp_path: Path, corpus_jsonl: Path) -> None:
    manifest = run_corpus([corpus_jsonl], tmp_path / "out", process=make_process, shard_size=16, batch_size=8,
                          config_hash="cfg1", progress=False)
    counts = manifest["counts"]
    assert counts["items"] == 63 and counts["read_errors"] == 3
    assert (counts["documents_read"], counts["documents_ok"], counts["documents_failed"]) == (60, 59, 1)
    assert counts["all_items_accounted_for"] and manifest["shards"]["total"] == 4
    assert manifest["config_hash"] == "cfg1" and manifest["pipeline_version"]
    assert manifest["inputs"] == [{"path": str(corpus_jsonl), "kind": "file", "files": 1,
                                   "bytes": corpus_jsonl.stat().st_size}]

    errors = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert [(e["stage"], e["line"]) for e in errors if e["stage"] == "read"] == [("read", 21), ("read", 32), ("read", 43)]
    (failed,) = [e for e in errors if e["stage"] == "process"]
    assert failed["doc_id"] == "doc0050" and "ValueError: fake extractor cannot handle doc0050" in failed["reason"]

    documents = read_jsonl(tmp_path / "out" / "documents.jsonl")
    assert [d["id"] for d in documents] == [f"doc{i:04d}" for i in range(60)]
    assert {d["status"] for d in documents if d["id"] == "doc0050"} == {"failed"}
    claims = read_jsonl(tmp_path / "out" / "claims.jsonl")
    assert {c["doc_id"] for c in claims} == {f"doc{i:04d}" for i in range(60)} - {"doc0050"}
    # the documents either side of the raising one, in the same batch, still have their claims
    assert any(c["doc_id"] == "doc0049" for c in claims) and any(c["doc_id"] == "doc0051" for c in claims)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "duckdb"])
def test_sql_over_each_format(tmp_path: Path, corpus_jsonl: Path, fmt: str) -> None:
    out = tmp_path / fmt
    run_corpus([corpus_jsonl], out, process=make_process, formats=(fmt,), shard_size=25, progress=False)
    rows = sql(out, "SELECT d.published, count(*) AS n FROM claims c JOIN documents d ON c.doc_id = d.id "
                    "WHERE d.id IN ('doc0001', 'doc0013') GROUP BY 1 ORDER BY 1")
    assert [(str(day), n) for day, n in rows] == [("2021-02-02", 3), ("2021-02-14", 3)]
    assert sql(out, "SELECT count(*) FROM errors WHERE stage = ?", ["read"]) == [(3,)]
    assert sql(out, "SELECT sum(value) FROM claims WHERE doc_id = 'doc0002'") == [(2.0 + 13.0 + 2020.0,)]


def test_all_formats_in_one_run_hold_the_same_rows(tmp_path: Path, corpus_jsonl: Path) -> None:
    out = tmp_path / "out"
    run_corpus([corpus_jsonl], out, process=make_process, formats=("jsonl", "csv", "parquet", "duckdb"),
               progress=False)
    for name in ("documents.parquet", "claims.parquet", "documents.csv", "claims.csv", "claims.duckdb"):
        assert (out / name).exists(), name
    import duckdb

    con = duckdb.connect(str(out / "claims.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == len(read_jsonl(out / "claims.jsonl"))
    con.close()


def test_rerun_reuses_every_shard_and_changed_input_redoes_only_its_shard(tmp_path: Path) -> None:
    records = make_records(50)
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    out = tmp_path / "out"
    first = run_corpus([corpus], out, process=make_process, shard_size=10, progress=False)
    before = {name: (out / name).read_bytes() for name in OUTPUT_FILES}
    second = run_corpus([corpus], out, process=make_process, shard_size=10, progress=False)
    assert second["shards"] == {"total": 5, "reused_from_earlier_run": 5, "processed_this_run": 0,
                                "retried_for_failed_documents": 0}
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == before
    assert second["counts"] == first["counts"]

    records[23]["text"] = "Changed: 99 balloons."
    write_jsonl(corpus, records)
    third = run_corpus([corpus], out, process=make_process, shard_size=10, progress=False)
    assert third["shards"]["processed_this_run"] == 1
    assert any(c["text"] == "99" for c in read_jsonl(out / "claims.jsonl") if c["doc_id"] == "doc0023")
    changed_config = run_corpus([corpus], out, process=make_process, shard_size=10, config_hash="v2", progress=False)
    assert changed_config["shards"]["processed_this_run"] == 5


def test_duplicate_ids_and_folder_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", make_records(5))
    write_jsonl(folder / "b.jsonl", make_records(3))  # same ids again
    (folder / "c.txt").write_text("A text file with 4 numbers 5 6 7.", encoding="utf-8")
    manifest = run_corpus(folder, tmp_path / "out", process=make_process, progress=False)
    assert manifest["counts"]["documents_read"] == 6 and manifest["counts"]["duplicate_ids"] == 3
    assert manifest["inputs"][0]["files"] == 3
    errors = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert sum("duplicate document id" in e["reason"] for e in errors) == 3


def test_worker_processes_give_the_same_output_and_load_once_each(tmp_path: Path, corpus_jsonl: Path) -> None:
    run_corpus([corpus_jsonl], tmp_path / "serial", process=make_process, shard_size=8, progress=False)
    loads = tmp_path / "loads"
    loads.mkdir()
    factory = functools.partial(make_process, loads_dir=str(loads))
    run_corpus([corpus_jsonl], tmp_path / "pool", process=factory, n_process=2, shard_size=8, progress=False)
    assert same_outputs(tmp_path / "serial", tmp_path / "pool")
    pids = (loads / "loads.txt").read_text().split()
    assert 1 <= len(pids) <= 2 and len(set(pids)) == len(pids)


def test_progress_line_on_a_terminal_and_none_on_a_log(tmp_path: Path, corpus_jsonl: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    run_corpus([corpus_jsonl], tmp_path / "out", process=make_process, progress=terminal)
    final = terminal.getvalue().rsplit("\r", 1)[-1]
    assert "docs/s" in final and "claims" in final and "63/63 docs" in final and "3 unreadable" in final
    run_corpus([corpus_jsonl], tmp_path / "out2", process=make_process, progress=True)
    assert "docs/s" not in capsys.readouterr().err  # stderr is not a terminal here: no progress lines


def test_a_pipeline_that_cannot_load_stops_the_run(tmp_path: Path, corpus_jsonl: Path) -> None:
    with pytest.raises(PipelineLoadError, match="model directory not found"):
        run_corpus([corpus_jsonl], tmp_path / "out", process=failing_factory, progress=False)
    assert not (tmp_path / "out" / "manifest.json").exists()
    assert not list((tmp_path / "out" / "shards").glob("*.done"))


def test_bad_options_fail_fast(tmp_path: Path, corpus_jsonl: Path) -> None:
    with pytest.raises(ValueError):
        run_corpus([corpus_jsonl], tmp_path / "o1", process=make_process, formats=("xlsx",))
    with pytest.raises(ValueError):
        run_corpus([corpus_jsonl], tmp_path / "o2", process=make_process, engine="ray")
    with pytest.raises(FileNotFoundError):
        run_corpus([tmp_path / "missing.jsonl"], tmp_path / "o3", process=make_process)
    with pytest.raises(TypeError):
        run_corpus([corpus_jsonl], tmp_path / "o4", process=lambda: (lambda docs: []), n_process=2)


def test_a_worker_killed_once_is_retried_and_a_shard_that_always_kills_stops_the_run(tmp_path: Path) -> None:
    records = make_records(40)
    records[25]["text"] += " CRASH"
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    (tmp_path / "never").touch()  # an existing marker: CRASH does nothing (the serial run is this process!)
    harmless = functools.partial(make_process, crash_marker=str(tmp_path / "never"))
    run_corpus([corpus], tmp_path / "serial", process=harmless, shard_size=10, progress=False)

    transient = functools.partial(make_process, crash_marker=str(tmp_path / "crashed-once"))
    manifest = run_corpus([corpus], tmp_path / "pool", process=transient, n_process=2, shard_size=10, progress=False)
    assert (tmp_path / "crashed-once").exists() and manifest["counts"]["documents_ok"] == 40
    assert same_outputs(tmp_path / "serial", tmp_path / "pool")

    with pytest.raises(ShardCrashError, match="shard 00002"):
        run_corpus([corpus], tmp_path / "always", process=make_process, n_process=2, shard_size=10, progress=False)
    assert not (tmp_path / "always" / "shards" / "00002.done").exists()
    assert not (tmp_path / "always" / "manifest.json").exists()


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_document_that_stalls_times_out_alone(tmp_path: Path, n_process: int) -> None:
    records = make_records(12)
    records[5]["text"] = "This one STALLS: 5 tonnes."
    corpus = write_jsonl(tmp_path / "in.jsonl", records)
    manifest = run_corpus([corpus], tmp_path / "out", process=make_process, shard_size=6, batch_size=4,
                          n_process=n_process, doc_timeout=1.0, progress=False)
    assert manifest["counts"]["documents_failed"] == 1 and manifest["counts"]["documents_ok"] == 11
    (error,) = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert error["doc_id"] == "doc0005" and error["reason"].startswith("time-out")
    claims = read_jsonl(tmp_path / "out" / "claims.jsonl")
    assert {c["doc_id"] for c in claims} == {f"doc{i:04d}" for i in range(12)} - {"doc0005"}
