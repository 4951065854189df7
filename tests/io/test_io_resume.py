"""A run killed with SIGKILL part-way and resumed gives exactly the output of an uninterrupted run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from io_helpers import make_records, write_jsonl
from io_fakeproc import make_process

from newsclaims.io.runner import run_corpus

HERE = Path(__file__).resolve().parent
SCRIPT = """
import functools, sys
from io_fakeproc import make_process
from newsclaims.io.runner import run_corpus

if __name__ == "__main__":
    run_corpus([sys.argv[1]], sys.argv[2], process=functools.partial(make_process, stall_after=70),
               shard_size=20, batch_size=10, formats=("jsonl", "parquet"), config_hash="cfg", progress=True)
"""


def wait_for_done_markers(shards: Path, count: int, proc: subprocess.Popen, timeout: float = 60.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = len(list(shards.glob("*.done"))) if shards.exists() else 0
        if done >= count:
            return done
        assert proc.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.02)
    raise AssertionError("no progress before the timeout")


def test_sigkill_then_resume_equals_uninterrupted_run(tmp_path: Path) -> None:
    records = make_records(400)
    records[77]["text"] += " RAISE"
    records.insert(150, "{not json")
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    interrupted = tmp_path / "interrupted"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    with open(tmp_path / "stderr.txt", "w") as stderr:
        proc = subprocess.Popen([sys.executable, str(script), str(corpus), str(interrupted)], env=env,
                                stderr=stderr, start_new_session=True)
        try:
            wait_for_done_markers(interrupted / "shards", 3, proc)  # then it hangs in shard 3
            time.sleep(0.2)
        finally:
            os.killpg(proc.pid, signal.SIGKILL)  # the whole job, as kill -9 or a lost machine would
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    finished_before = len(list((interrupted / "shards").glob("*.done")))
    assert finished_before == 3 and not (interrupted / "manifest.json").exists()
    assert (interrupted / "shards" / "00003.input.jsonl").exists()  # killed while shard 3 was running

    # what a crash at other moments leaves: a half-written temp file, an output shard without its marker
    (interrupted / "shards" / ".00004.jsonl.tmp-99999").write_text('{"document": {"id": "half', encoding="utf-8")
    (interrupted / "shards" / "00005.jsonl").write_text('{"document": {"id": "stale"}, "claims": []}\n', encoding="utf-8")

    resumed = run_corpus([corpus], interrupted, process=make_process, shard_size=20, batch_size=10,
                         formats=("jsonl", "parquet"), config_hash="cfg", progress=False)
    reference = run_corpus([corpus], tmp_path / "reference", process=make_process, shard_size=20, batch_size=10,
                           formats=("jsonl", "parquet"), config_hash="cfg", progress=False)

    assert resumed["shards"]["reused_from_earlier_run"] == finished_before
    assert resumed["shards"]["total"] == reference["shards"]["total"] == 21
    assert resumed["counts"] == reference["counts"]
    assert resumed["counts"]["items"] == 401 and resumed["counts"]["all_items_accounted_for"]
    for name in ("documents.jsonl", "claims.jsonl", "errors.jsonl"):
        assert (interrupted / name).read_bytes() == (tmp_path / "reference" / name).read_bytes(), name
    import pyarrow.parquet as pq

    for table in ("documents", "claims"):
        assert pq.read_table(interrupted / f"{table}.parquet").equals(pq.read_table(tmp_path / "reference" / f"{table}.parquet"))
    ids = [json.loads(line)["id"] for line in (interrupted / "documents.jsonl").read_text().splitlines()]
    assert len(ids) == len(set(ids)) == 400  # nothing lost, nothing twice
    assert not list(interrupted.glob("shards/*.input.jsonl")) and not list(interrupted.rglob(".*.tmp-*"))
