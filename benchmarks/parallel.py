"""Speed of `newsclaims extract` on one synthetic corpus: --n-process 1, --n-process 2 and --engine dask
(a LocalCluster of 2 workers on loopback), one run each, in this order.

    .venv/bin/python benchmarks/parallel.py [-n 2000]

Prints documents/s and words/s for each, and the speed-ups over one process. The pipeline is loaded once per worker,
and loading takes part of each run's time, so the speed-ups grow with corpus size.
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWSCLAIMS = str(Path(sys.executable).parent / "newsclaims")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", "--documents", type=int, default=2000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "-n", str(args.documents), "-o", str(corpus)],
                       check=True, capture_output=True)
        lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        words = sum(len((json.loads(line).get("text") or "").split()) for line in lines)
        runs = {"1 process": ["--n-process", "1"], "2 processes": ["--n-process", "2"], "dask, 2 workers": ["--engine", "dask"]}
        seconds = {}
        for name, options in runs.items():
            start = time.perf_counter()
            subprocess.run([NEWSCLAIMS, "extract", str(corpus), "-o", str(Path(tmp) / name.replace(" ", "_")), "-q", *options],
                           check=True, capture_output=True)
            seconds[name] = time.perf_counter() - start
    print(f"{args.documents} documents, {words} words (wall clock, pipeline loading included)\n")
    print(f"{'run':18} {'seconds':>8} {'docs/s':>8} {'words/s':>8} {'speed-up':>9}")
    for name, secs in seconds.items():
        print(f"{name:18} {secs:8.1f} {args.documents / secs:8.1f} {words / secs:8.0f} {seconds['1 process'] / secs:8.2f}x")


if __name__ == "__main__":
    main()
