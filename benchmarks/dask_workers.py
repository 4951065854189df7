"""`newsclaims extract --engine dask` against a real `dask scheduler` and `dask worker` processes on loopback:
wall time, documents per second and the memory of each worker process and of its shard children.

    .venv/bin/python benchmarks/make_corpus.py -n 200 -o /tmp/dask-bench/in.jsonl
    .venv/bin/python benchmarks/dask_workers.py /tmp/dask-bench/in.jsonl --workers 2             # Dask's default threads
    .venv/bin/python benchmarks/dask_workers.py /tmp/dask-bench/in.jsonl --workers 2 --nthreads 1

Each task thread of a worker runs its shards in a child process with a pipeline of its own, so memory is the worker
process plus one pipeline per thread; Dask's --memory-limit sees the worker process only.
"""
from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(folder: Path, name: str, *args: str) -> subprocess.Popen:
    with open(folder / f"{name}.log", "w", encoding="utf-8") as log:
        return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=log, stderr=subprocess.STDOUT)


def memory_mib(nanny: subprocess.Popen) -> list[dict]:
    """RSS of each worker process under a nanny and of the worker's children (the shard children)."""
    rows = []
    for worker in psutil.Process(nanny.pid).children():
        children = [round(c.memory_info().rss / 2**20) for c in worker.children()]
        if children or worker.memory_info().rss > 50 * 2**20:  # not the nanny's small helper processes
            rows.append({"worker_mib": round(worker.memory_info().rss / 2**20), "shard_children_mib": children})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workers", type=int, default=2, help="`dask worker` processes (default 2)")
    ap.add_argument("--nthreads", type=int, default=0, help="threads per worker (default: Dask's, one per core)")
    ap.add_argument("--shard-size", type=int, default=20)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="newsclaims-dask-bench-"))
    address = f"tcp://127.0.0.1:{free_port()}"
    procs = [start(folder, "scheduler", "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                   "--no-dashboard")]
    threads = ["--nthreads", str(args.nthreads)] if args.nthreads else []
    try:
        for number in range(args.workers):
            procs.append(start(folder, f"worker{number}", "worker", address, "--host", "127.0.0.1", "--no-dashboard",
                               "--local-directory", str(folder / f"worker{number}"), *threads))
        from distributed import Client

        with Client(address, timeout=120) as client:
            client.wait_for_workers(args.workers, timeout=300)
            nthreads = sorted(w["nthreads"] for w in client.scheduler_info()["workers"].values())
        started = time.perf_counter()
        run = subprocess.run([str(Path(sys.executable).with_name("newsclaims")), "extract", str(args.corpus), "-o",
                              str(folder / "out"), "-q", "--shard-size", str(args.shard_size), "--engine", "dask",
                              "--scheduler", address], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        counts = json.loads(run.stderr.strip().splitlines()[-1])
        print(json.dumps({"exit_code": run.returncode, "worker_threads": nthreads, "seconds": round(seconds, 1),
                          "documents_ok": counts.get("documents_ok"), "documents_failed": counts.get("documents_failed"),
                          "documents_per_second": round(counts.get("documents_read", 0) / seconds, 2),
                          "memory": [m for nanny in procs[1:] for m in memory_mib(nanny)]}, indent=1))
    finally:
        for proc in reversed(procs):
            proc.terminate()
        psutil.wait_procs([psutil.Process(p.pid) for p in procs if p.poll() is None], timeout=30)


if __name__ == "__main__":
    main()
