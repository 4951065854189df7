"""Peak memory of `newsclaims extract` on N1 vs N2 synthetic documents, each run in a fresh process.

    .venv/bin/python benchmarks/memory.py [--small 1000] [--large 10000]

Target (issue 4): the peak on 10,000 documents within 10% of the peak on 1,000. The runner streams the
input in shards and the pipeline frees each batch's strings with nlp.memory_zone(), so memory should not
grow with the corpus. Peak = the child's maximum resident set size (getrusage RUSAGE_CHILDREN).
"""
import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def peak_of_run(n: int, work: Path) -> tuple[float, float]:
    corpus = work / f"corpus-{n}.jsonl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "-n", str(n), "-o", str(corpus)],
                   check=True, capture_output=True)
    # one fresh interpreter per measurement: RUSAGE_CHILDREN of a throw-away parent gives that run's peak
    probe = (
        "import resource, subprocess, sys;"
        f"subprocess.run([{str(BIN / 'newsclaims')!r}, 'extract', {str(corpus)!r}, '-o', {str(work / f'out-{n}')!r}, '-q'],"
        " check=True, capture_output=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=10000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        small, t_small = peak_of_run(args.small, work)
        large, t_large = peak_of_run(args.large, work)
    print(f"{'documents':>10} {'peak RSS (MiB)':>15} {'seconds':>8}")
    print(f"{args.small:>10} {small:15.0f} {t_small:8.0f}")
    print(f"{args.large:>10} {large:15.0f} {t_large:8.0f}")
    print(f"\npeak ratio {args.large} / {args.small} documents: {large / small:.3f} (target <= 1.10)")


if __name__ == "__main__":
    main()
