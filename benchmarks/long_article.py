"""One article of 5 MB (the bundled articles repeated): time, words/s and peak memory of extract().

    .venv/bin/python benchmarks/long_article.py [--mb 5]

The article is over spaCy's max_length (1,000,000 characters), so it is processed in pieces of about
100,000 characters, one piece at a time; peak memory stays near a short run's.
"""
import argparse
import json
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    import newsclaims

    nlp = newsclaims.load()
    newsclaims.extract("Warm-up: output rose 5% to 45,000 tons in 2024.", nlp=nlp)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    news = (ROOT / "corpus" / "news" / "news.jsonl").read_text(encoding="utf-8").splitlines()
    cycle = "".join(json.loads(line)["text"] + "\n\n" for line in news)
    text = cycle * (int(args.mb * 1_000_000) // len(cycle) + 1)
    words = len(text.split())
    start = time.perf_counter()
    claims = newsclaims.extract(text, published="2025-11-04", doc_id="long", nlp=nlp)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    exact = all(text[c.span[0]:c.span[1]] == c.text for c in claims)
    print(f"{len(text):,} characters, {words:,} words, {len(claims):,} claims, offsets exact: {exact}")
    print(f"{seconds:.1f} s, {words / seconds:,.0f} words/s")
    print(f"peak RSS {peak:,.0f} MiB (after loading the pipeline: {before:,.0f} MiB)")


if __name__ == "__main__":
    main()
