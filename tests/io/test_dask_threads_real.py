"""Dask as its users run it: a real `dask scheduler` and two `dask worker` processes at their default thread count
(one per core, so several task threads share a worker), on loopback, driven by `newsclaims extract --engine dask`.

Two task threads in one spaCy pipeline failed documents with E018 ("Can't retrieve string for hash"): 14 of these
40 did, with the earlier code (a shard ran in the task thread unless it had a time-out) preloaded into the workers.
The claims must be byte for byte those of the local engine, with and without --doc-timeout (the time-out used to be
the only path through a shard child process)."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")
psutil = pytest.importorskip("psutil")

pytestmark = pytest.mark.slow  # 4 to 6 minutes on 2 busy cores: five pipelines load (the local run, one per thread)

N_DOCS = 40
RUN_TIMEOUT = 600.0  # seconds for one run on a slow, busy machine
TABLES = ("documents.jsonl", "claims.jsonl", "errors.jsonl")
RUNS = {"no-timeout": ["--doc-timeout", "0"], "default-timeout": []}  # --doc-timeout: the default, 60 s

SUBJECTS = ["Acme Mining", "The energy ministry", "Norway's wealth fund", "The central bank", "Harbor Freight Lines",
            "The city council", "Statistics Canada", "A spokesperson for Volta Grid"]
FIGURES = ["{n} tonnes of copper", "{n} megawatts of capacity", "{n} percent more passengers", "${n} million in fines",
           "{n} barrels a day", "{n} kilometres of new track", "€{n} billion of bonds", "{n},000 jobs"]


def make_corpus(path: Path) -> None:
    """N_DOCS short articles with money, percentages, physical quantities, counts and relative dates."""
    with open(path, "w", encoding="utf-8") as out:
        for i in range(N_DOCS):
            subject, other = SUBJECTS[i % len(SUBJECTS)], SUBJECTS[(i + 3) % len(SUBJECTS)]
            figure = FIGURES[i % len(FIGURES)].format(n=i * 7 + 12)
            text = (f"{subject} reported {figure} in {2001 + i % 23}, up {i % 9 + 2}% on the year before.\n\n"
                    f"Last month, prices fell to {i + 0.25} dollars per kilogram, according to {other}. "
                    f"About {i * 30 + 150} people attended the meeting on Tuesday.")
            record = {"id": f"dt{i:03d}", "text": text, "published": f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}"}
            out.write(json.dumps(record) + "\n")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dask_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "dask", *args]  # the `dask` script of this interpreter's environment


def newsclaims_extract(corpus: Path, outdir: Path, *options: str) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("newsclaims")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "newsclaims.cli"]
    return subprocess.run([*command, "extract", str(corpus), "-o", str(outdir), "-q", "--shard-size", "4",
                           "--batch-size", "4", *options], capture_output=True, text=True, timeout=RUN_TIMEOUT)


class DaskCluster:
    """A scheduler and two workers as subprocesses; `close` ends them and every process they started."""

    def __init__(self, folder: Path) -> None:
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.folder = folder
        self.procs: list[subprocess.Popen] = []
        self._start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", self.address.rsplit(":", 1)[1],
                    "--no-dashboard")
        for number in range(2):  # --nthreads not given: Dask's default, one thread per core
            self._start(f"worker{number}", "worker", self.address, "--host", "127.0.0.1", "--no-dashboard",
                        "--local-directory", str(folder / f"worker{number}"))

    def _start(self, name: str, *args: str) -> None:
        log = open(self.folder / f"{name}.log", "w", encoding="utf-8")
        self.procs.append(subprocess.Popen(dask_command(*args), stdout=log, stderr=subprocess.STDOUT, cwd=self.folder))
        log.close()  # the child has its own copy of the descriptor

    def worker_threads(self) -> list[int]:
        from distributed import Client

        with Client(self.address, timeout=120) as client:
            client.wait_for_workers(2, timeout=180)
            return sorted(w["nthreads"] for w in client.scheduler_info()["workers"].values())

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(encoding='utf-8')[-3000:]}" for p in sorted(self.folder.glob("*.log")))

    def close(self) -> None:
        family = [psutil.Process(p.pid) for p in self.procs if p.poll() is None]
        for process in list(family):
            try:
                family.extend(process.children(recursive=True))  # worker processes and their shard children
            except psutil.NoSuchProcess:
                pass
        for proc in reversed(self.procs):  # workers first, then the scheduler
            proc.terminate()
        _, alive = psutil.wait_procs(family, timeout=30)
        for process in alive:
            process.kill()
        psutil.wait_procs(alive, timeout=10)


def test_dask_workers_at_default_threads_give_the_local_runs_claims(tmp_path: Path) -> None:
    from dask.system import CPU_COUNT

    corpus = tmp_path / "in.jsonl"
    make_corpus(corpus)
    cluster = DaskCluster(tmp_path)
    try:
        assert cluster.worker_threads() == [CPU_COUNT, CPU_COUNT], cluster.logs()  # Dask's default, not ours
        for name, options in RUNS.items():
            dask = newsclaims_extract(corpus, tmp_path / f"dask-{name}", "--engine", "dask",
                                      "--scheduler", cluster.address, *options)
            assert dask.returncode == 0, f"{dask.stderr}\n{cluster.logs()}"
    finally:
        cluster.close()
    local = newsclaims_extract(corpus, tmp_path / "local", "--doc-timeout", "0")
    assert local.returncode == 0, local.stderr
    claims = (tmp_path / "local" / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(claims) > 3 * N_DOCS and (tmp_path / "local" / "errors.jsonl").read_text() == ""
    for name in RUNS:
        for table in TABLES:
            assert (tmp_path / f"dask-{name}" / table).read_bytes() == (tmp_path / "local" / table).read_bytes(), \
                (name, table)
