"""Crash safety with the real pipeline: `newsclaims extract` killed with SIGKILL again and again, then resumed.

The run is started as a subprocess (its own session, so the whole process group, pool workers included,
can be killed as kill -9 or a lost machine would), killed at seeded random moments (while the model
loads, mid-run just after a shard finished, with ``--n-process 2``, near the end, around the merge) and
restarted each time with the very same command on the same OUTDIR. The final tables must equal those of
an uninterrupted run of the same input: every claim once, every document once, every item accounted for.

Set ``NEWSCLAIMS_KILL_SEED`` to try other kill moments (default 7). Takes 65-90 s on 2 cores (the uninterrupted run goes in parallel).
"""
from __future__ import annotations

import collections
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT / "corpus" / "news" / "news.jsonl"
SEED = int(os.environ.get("NEWSCLAIMS_KILL_SEED", "7"))
N_DOCS = 200
SHARD_SIZE = 10
N_SHARDS = N_DOCS // SHARD_SIZE
RUN_TIMEOUT = 150.0  # seconds for one uninterrupted run on a slow, busy machine


def newsclaims_command() -> list[str]:
    script = Path(sys.executable).with_name("newsclaims")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsclaims.cli"]


def build_corpus(path: Path) -> list[str]:
    """N_DOCS documents: the news sample repeated under new ids (claim ids depend on the doc id), each repeat with a
    closing line of its own, so no document is a copy of another (copies are not processed again)."""
    source = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert source, f"no documents in {NEWS}"
    ids = []
    with open(path, "w", encoding="utf-8") as out:
        for number in range(N_DOCS):
            record = dict(source[number % len(source)])
            record["id"] = f"kr{number:04d}-{record['id']}"
            if number >= len(source):
                record["text"] += "\n\nReprinted" + " again" * (number // len(source) - 1) + "."
            ids.append(record["id"])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return ids


class Run:
    """One `newsclaims extract` process in its own session (so its pgid is its pid)."""

    def __init__(self, corpus: Path, outdir: Path, log: Path, n_process: int = 1) -> None:
        self.command = [*newsclaims_command(), "extract", str(corpus), "-o", str(outdir), "--shard-size",
                        str(SHARD_SIZE), "--batch-size", "8", "--n-process", str(n_process), "-q"]
        self.log = log
        self.started = time.monotonic()
        with open(log, "w", encoding="utf-8") as stderr:
            self.proc = subprocess.Popen(self.command, cwd=corpus.parent, stdout=subprocess.DEVNULL, stderr=stderr,
                                         start_new_session=True)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill_group(self) -> Optional[int]:
        """SIGKILL the whole process group; return the exit status (-9, or 0 if it had already finished)."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return self.proc.wait(timeout=30)

    def wait(self, timeout: float = RUN_TIMEOUT) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill_group()
            raise AssertionError(f"{self.command} did not finish in {timeout} s:\n{self.stderr()}") from None

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]


def done_numbers(shards: Path) -> set[int]:
    return {int(p.name.split(".")[0]) for p in shards.glob("[0-9]*.done")} if shards.exists() else set()


def wait_until(run: Run, condition, what: str, timeout: float = RUN_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert run.alive(), f"the run ended (status {run.proc.returncode}) before {what}:\n{run.stderr()}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{run.stderr()}"
        time.sleep(0.01)


def group_members(pgid: int) -> list[str]:
    """Live (non-zombie) processes still in process group ``pgid``, as 'pid state command'."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            members.append(f"{stat.parent.name} {fields[0]} {text[text.index('(') + 1:text.rindex(')')]}")
    return members


def assert_group_gone(pgid: int) -> None:
    deadline = time.monotonic() + 10
    while (left := group_members(pgid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not left, f"processes of the killed run are still alive: {left}"


def folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file (temp files included) with its size and mtime: what a still-running writer would change."""
    state = {}
    for path in folder.rglob("*") if folder.exists() else []:
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        state[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return state


def check_shards_after_kill(shards: Path) -> dict[int, dict[str, Any]]:
    """A `.done` marker must only exist next to a complete output shard; return the markers by shard number."""
    markers = {}
    for number in sorted(done_numbers(shards)):
        marker_file = shards / f"{number:05d}.done"
        marker = json.loads(marker_file.read_text(encoding="utf-8"))  # written atomically: never half a file
        out = shards / f"{number:05d}.jsonl"
        assert out.exists(), f"{marker_file.name} exists but {out.name} does not"
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(lines) == marker["items"] == SHARD_SIZE, f"{out.name} is incomplete: {len(lines)} lines, {marker}"
        assert sum(len(line["claims"]) for line in lines) == marker["claims"], f"{out.name} disagrees with its marker"
        assert marker["shard"] == number
        markers[number] = marker
    return markers


def check_complete_output(outdir: Path, moment: str) -> None:
    """A manifest is written last, so where there is one the merged tables must be whole."""
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    counts = manifest["counts"]
    assert manifest["status"] == "complete" and counts["all_items_accounted_for"], f"{moment}: {manifest}"
    assert counts["items"] == N_DOCS, f"{moment}: the manifest counts {counts['items']} items"
    assert len(read_jsonl(outdir / "documents.jsonl")) == counts["documents_read"], f"{moment}: documents.jsonl"
    assert len(read_jsonl(outdir / "claims.jsonl")) == counts["claims"], f"{moment}: claims.jsonl"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def comparable_claims(rows: list[dict[str, Any]]) -> list[str]:
    # claim rows carry no timings, pids or hosts (those live in the markers and the manifest): compare whole rows
    return sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows)


def claim_differences(claims: list[dict[str, Any]], ref_claims: list[dict[str, Any]]) -> str:
    """Which fields of which claims differ (claims matched by claim_id), for the failure message."""
    ref = {c["claim_id"]: c for c in ref_claims}
    diffs = [f"{c['claim_id']} ({c['doc_id']}): " + ", ".join(f"{k}={c.get(k)!r} vs {ref[c['claim_id']].get(k)!r}"
                                                            for k in sorted(set(c) | set(ref[c["claim_id"]]))
                                                            if c.get(k) != ref[c["claim_id"]].get(k))
             for c in claims if c["claim_id"] in ref and c != ref[c["claim_id"]]]
    return f"{len(diffs)} claims differ from the uninterrupted run (resumed vs reference):\n" + "\n".join(diffs[:10])


def test_sigkill_at_random_moments_then_resume_equals_uninterrupted_run(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    print(f"seed {SEED}")
    corpus = tmp_path / "corpus.jsonl"
    input_ids = build_corpus(corpus)
    interrupted, reference_dir = tmp_path / "interrupted", tmp_path / "reference"
    shards = interrupted / "shards"

    # The uninterrupted run goes alongside the interrupted ones (it only makes them slower, not different).
    reference = Run(corpus, reference_dir, tmp_path / "reference.log")
    runs: list[Run] = [reference]
    history: list[str] = []
    markers: dict[int, dict[str, Any]] = {}

    def after_kill(run: Run, status: Optional[int], moment: str) -> None:
        nonlocal markers
        history.append(f"{moment}: n_process={run.command[-2]}, status {status}, "
                       f"{time.monotonic() - run.started:.2f} s, {len(done_numbers(shards))}/{N_SHARDS} shards done"
                       + (", manifest written" if (interrupted / "manifest.json").exists() else ""))
        print(history[-1])  # shown with -s, or on a failure
        assert status in (-signal.SIGKILL, 0), f"{moment}: unexpected exit status {status}:\n{run.stderr()}"
        if (interrupted / "manifest.json").exists():  # written last: only by a run killed while exiting
            check_complete_output(interrupted, moment)
        assert_group_gone(run.proc.pid)
        now = check_shards_after_kill(shards)
        lost = {n: m for n, m in markers.items() if now.get(n) != m}
        assert not lost, f"{moment}: shards finished earlier were lost or redone: {sorted(lost)}"
        markers = now

    try:
        # 1. early: while the model loads, before any shard is finished
        run = Run(corpus, interrupted, tmp_path / "run1.log")
        runs.append(run)
        time.sleep(rng.uniform(0.3, 2.0))  # the first shard takes ~5 s (model loading) on 2 cores
        after_kill(run, run.kill_group(), "early (model loading)")

        # 2. mid-run, n_process 1: right after a new .done appears, plus a random delay
        run = Run(corpus, interrupted, tmp_path / "run2.log")
        runs.append(run)
        target = len(done_numbers(shards)) + rng.randint(2, 4)
        wait_until(run, lambda: len(done_numbers(shards)) >= target, f"{target} finished shards")
        time.sleep(rng.uniform(0.0, 0.6))
        after_kill(run, run.kill_group(), "mid-run")

        # 3. mid-run, n_process 2: the pool workers die with the group and nothing writes afterwards
        run = Run(corpus, interrupted, tmp_path / "run3.log", n_process=2)
        runs.append(run)
        target = len(done_numbers(shards)) + rng.randint(1, 3)
        wait_until(run, lambda: len(done_numbers(shards)) >= target, f"{target} finished shards (2 workers)")
        time.sleep(rng.uniform(0.0, 0.4))
        after_kill(run, run.kill_group(), "mid-run, 2 workers")
        before = folder_state(interrupted)
        time.sleep(1.0)
        assert folder_state(interrupted) == before, "files changed after the whole process group was killed"

        # 4. late: with at most 2 shards left
        run = Run(corpus, interrupted, tmp_path / "run4.log")
        runs.append(run)
        wait_until(run, lambda: len(done_numbers(shards)) >= N_SHARDS - 2, f"{N_SHARDS - 2} finished shards")
        time.sleep(rng.uniform(0.0, 0.3))
        after_kill(run, run.kill_group(), "late")

        # 5. around the merge: once every shard is done (the run may have completed by then: status 0)
        run = Run(corpus, interrupted, tmp_path / "run5.log")
        runs.append(run)
        wait_until(run, lambda: len(done_numbers(shards)) >= N_SHARDS, "all shards finished")
        time.sleep(rng.uniform(0.0, 0.1))
        after_kill(run, run.kill_group(), "merge")

        # 6. the last resume runs to the end
        reused_expected = len(done_numbers(shards))
        run = Run(corpus, interrupted, tmp_path / "run6.log")
        runs.append(run)
        assert run.wait() == 0, f"the final resume failed:\n{run.stderr()}"
        assert reference.wait() == 0, f"the uninterrupted run failed:\n{reference.stderr()}"
    finally:
        for started in runs:
            if started.alive():
                started.kill_group()
    kills = sum(" status -9" in line for line in history)
    assert kills >= 3, f"only {kills} of the runs were actually killed:\n" + "\n".join(history)

    # claims: the same rows, each claim exactly once, none missing
    claims, ref_claims = read_jsonl(interrupted / "claims.jsonl"), read_jsonl(reference_dir / "claims.jsonl")
    assert ref_claims, "the reference run found no claims: nothing was compared"
    ids, ref_ids = [c["claim_id"] for c in claims], [c["claim_id"] for c in ref_claims]
    duplicated = [cid for cid, n in collections.Counter(ids).items() if n > 1]
    assert not duplicated, f"claim ids written more than once: {duplicated[:10]}"
    assert len(ref_ids) == len(set(ref_ids))
    assert not set(ref_ids) - set(ids), f"claims lost: {sorted(set(ref_ids) - set(ids))[:10]}"
    assert not set(ids) - set(ref_ids), f"claims not in the reference: {sorted(set(ids) - set(ref_ids))[:10]}"
    assert {frozenset(c) for c in claims} == {frozenset(c) for c in ref_claims}  # same columns
    assert comparable_claims(claims) == comparable_claims(ref_claims), claim_differences(claims, ref_claims)
    assert ids == ref_ids, "same claims, but merged in another order"

    # documents: every input id exactly once, rows as in the reference
    documents, ref_documents = read_jsonl(interrupted / "documents.jsonl"), read_jsonl(reference_dir / "documents.jsonl")
    assert collections.Counter(d["id"] for d in documents) == collections.Counter(input_ids)
    assert all(d["status"] == "ok" for d in documents), [d for d in documents if d["status"] != "ok"][:3]
    assert documents == ref_documents
    assert sum(d["n_claims"] for d in documents) == len(claims)
    assert read_jsonl(interrupted / "errors.jsonl") == read_jsonl(reference_dir / "errors.jsonl") == []

    # the manifest: complete, every item accounted for, the earlier sessions' shards reused
    manifest = json.loads((interrupted / "manifest.json").read_text(encoding="utf-8"))
    ref_manifest = json.loads((reference_dir / "manifest.json").read_text(encoding="utf-8"))
    counts = manifest["counts"]
    assert manifest["status"] == "complete"
    assert counts["all_items_accounted_for"] is True
    assert counts["items"] == counts["documents_read"] == counts["documents_ok"] == N_DOCS
    assert counts["documents_failed"] == counts["read_errors"] == counts["duplicate_ids"] == 0
    assert counts["claims"] == len(claims)
    assert counts == ref_manifest["counts"]
    assert manifest["shards"]["total"] == ref_manifest["shards"]["total"] == N_SHARDS
    assert manifest["shards"]["reused_from_earlier_run"] == reused_expected > 0
    assert manifest["shards"]["processed_this_run"] == N_SHARDS - reused_expected
    assert manifest["config_hash"] == ref_manifest["config_hash"]

    # nothing left behind by the killed sessions
    assert not list(shards.glob("*.input.jsonl")), sorted(p.name for p in shards.glob("*.input.jsonl"))
    assert not list(interrupted.rglob(".*.tmp-*")), sorted(p.name for p in interrupted.rglob(".*.tmp-*"))
    assert done_numbers(shards) == set(range(N_SHARDS))


def test_workers_die_with_a_parent_killed_alone(tmp_path: Path) -> None:
    """kill -9 of the parent only (as the OOM killer does) must not leave pool workers running on."""
    corpus = tmp_path / "corpus.jsonl"
    build_corpus(corpus)
    outdir = tmp_path / "out"
    run = Run(corpus, outdir, tmp_path / "run.log", n_process=2)
    try:
        wait_until(run, lambda: len(done_numbers(outdir / "shards")) >= 1, "the first shard")
        assert len(group_members(run.proc.pid)) >= 3  # the parent and its two workers
        os.kill(run.proc.pid, signal.SIGKILL)
        run.proc.wait(timeout=30)
        assert_group_gone(run.proc.pid)
    finally:
        run.kill_group()
    resumed = Run(corpus, outdir, tmp_path / "resume.log", n_process=1)
    assert resumed.wait() == 0, resumed.stderr()
    check_complete_output(outdir, "after the resumed run")
