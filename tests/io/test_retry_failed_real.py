"""`--retry-failed` with the real pipeline: documents that failed in an earlier run are processed again on request.

The failure is a transient one made on purpose: a factory around the real pipeline whose batch function raises for
chosen documents while a flag file exists (a stand-in for a time-out on a busy machine or a worker short of memory).
Once the flag is gone, a resumed run keeps the failures unless asked, and with `retry_failed` it processes only the
failed documents again: their claims join the tables and their errors rows go, exactly as if they never failed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsclaims.api import PipelineProcess
from newsclaims.io.runner import run_corpus

pytestmark = pytest.mark.slow  # 80 s on 2 busy cores: three pipeline loads (one per test, one in the command line)

TABLES = ("documents.jsonl", "claims.jsonl", "errors.jsonl")
FAILING = ("rf003", "rf004", "rf009")  # shards of 3: two in shard 1, one in shard 3, none in shards 0 and 2


@dataclass(frozen=True)
class FailsWhileFlagged:
    """The real pipeline, except that a batch holding one of ``fail_ids`` raises while the file ``flag`` exists.
    Every document a batch receives is logged to ``log``, so a test sees which documents were processed."""

    flag: str
    log: str
    fail_ids: tuple = FAILING

    def __call__(self):
        process = PipelineProcess()()

        def run(documents: list) -> list:
            with open(self.log, "a", encoding="utf-8") as log:
                log.writelines(f"{d.id}\n" for d in documents)
            if os.path.exists(self.flag) and any(d.id in self.fail_ids for d in documents):
                raise RuntimeError("transient failure (the test's flag file exists)")
            return process(documents)

        return run


def make_corpus(path: Path) -> Path:
    lines = []
    for i in range(11):
        text = (f"Exports of wheat rose {i + 4}% to {i * 11 + 30} million tonnes in {2010 + i}, the ministry said. "
                f"Refiners paid ${i + 60} a barrel last week.")
        lines.append(json.dumps({"id": f"rf{i:03d}", "text": text, "published": f"2023-0{1 + i % 9}-10"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def extract(corpus: Path, outdir: Path, factory: FailsWhileFlagged, **options) -> dict:
    return run_corpus([corpus], outdir, process=factory, shard_size=3, batch_size=32, progress=False,
                      config_hash=PipelineProcess().config_hash(), **options)


def test_failed_documents_are_redone_only_when_asked_and_then_join_the_tables(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in.jsonl")
    flag, log = tmp_path / "flag", tmp_path / "processed.txt"
    factory = FailsWhileFlagged(str(flag), str(log))
    clean = extract(corpus, tmp_path / "clean", factory)
    flag.touch()
    first = extract(corpus, tmp_path / "out", factory)
    errors = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert first["counts"]["documents_failed"] == 3
    assert [(e["doc_id"], e["stage"]) for e in errors] == [(doc_id, "process") for doc_id in FAILING]
    flag.unlink()

    log.write_text("")
    resumed = extract(corpus, tmp_path / "out", factory)
    assert resumed["counts"]["documents_failed"] == 3 and read_jsonl(tmp_path / "out" / "errors.jsonl") == errors
    assert resumed["shards"]["processed_this_run"] == 0 and log.read_text() == ""  # the earlier outcome is kept

    retried = extract(corpus, tmp_path / "out", factory, retry_failed=True)
    assert sorted(log.read_text().split()) == sorted(FAILING)  # only the failed documents were processed again
    assert retried["shards"]["retried_for_failed_documents"] == 2 and retried["counts"] == clean["counts"]
    for table in TABLES:
        assert (tmp_path / "out" / table).read_bytes() == (tmp_path / "clean" / table).read_bytes(), table

    log.write_text("")
    again = extract(corpus, tmp_path / "out", factory, retry_failed=True)  # nothing failed: nothing to retry
    assert again["shards"]["retried_for_failed_documents"] == 0 and log.read_text() == ""


def test_the_command_line_retries_with_the_flag(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in.jsonl")
    flag, log = tmp_path / "flag", tmp_path / "processed.txt"
    flag.touch()
    factory = FailsWhileFlagged(str(flag), str(log))
    extract(corpus, tmp_path / "out", factory)  # as `newsclaims extract` would, with three documents failing
    flag.unlink()
    clean = extract(corpus, tmp_path / "clean", factory)
    script = Path(sys.executable).with_name("newsclaims")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "newsclaims.cli"]
    done = subprocess.run([*command, "extract", str(corpus), "-o", str(tmp_path / "out"), "-q", "--shard-size", "3",
                           "--retry-failed"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr  # 0: every document processed now
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["retry_failed"] is True and manifest["counts"] == clean["counts"]
    for table in TABLES:
        assert (tmp_path / "out" / table).read_bytes() == (tmp_path / "clean" / table).read_bytes(), table
