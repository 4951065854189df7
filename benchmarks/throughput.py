"""Throughput in one process on the same documents: the base spaCy model, newsclaims, quantulum3 alone on
whole texts, and spaCy + quantulum3 on whole texts (the naive way). Prints words/s and the ratios.

    .venv/bin/python benchmarks/throughput.py [--repeat 2]

Targets (issue 4): newsclaims >= 0.75x the base model's words/s; >= 5x the naive spaCy + quantulum3 way.
Timings on a shared machine vary from run to run; the ratios come from one run on the same documents.
"""
import argparse
import json
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(repeat: int) -> list[dict]:
    docs = [json.loads(line) for line in (ROOT / "corpus" / "news" / "news.jsonl").read_text(encoding="utf-8").splitlines()]
    return docs * repeat


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    import spacy
    from quantulum3 import parser as q3

    import pipeline

    docs = corpus(args.repeat)
    texts = [d["text"] for d in docs]
    words = sum(len(t.split()) for t in texts)
    config = spacy.util.load_config(ROOT / "config.cfg")
    base = spacy.load(config["paths"]["base_model"])
    nlp = pipeline.load()
    q3.parse("warm up 5 tons")  # quantulum3 loads its unit tables on first use
    list(base.pipe(texts[:2]))
    list(pipeline.extract_many(docs[:2], nlp=nlp))

    results = {
        "spaCy base model": timed(lambda: list(base.pipe(texts, batch_size=32))),
        "newsclaims": timed(lambda: list(pipeline.extract_many(docs, nlp=nlp, batch_size=32))),
        "quantulum3 alone (whole texts)": timed(lambda: [q3.parse(t) for t in texts]),
    }
    results["spaCy + quantulum3 (naive)"] = results["spaCy base model"] + results["quantulum3 alone (whole texts)"]
    print(f"{len(texts)} documents, {words} words, one process\n")
    print(f"{'system':34} {'seconds':>8} {'words/s':>9}")
    for name, secs in results.items():
        print(f"{name:34} {secs:8.2f} {words / secs:9.0f}")
    ratio_base = results["spaCy base model"] / results["newsclaims"]
    ratio_naive = results["spaCy + quantulum3 (naive)"] / results["newsclaims"]
    print(f"\nnewsclaims / base model words/s: {ratio_base:.2f}x (target >= 0.75x)")
    print(f"newsclaims / naive spaCy+quantulum3 words/s: {ratio_naive:.2f}x (target >= 5x)")


if __name__ == "__main__":
    main()
