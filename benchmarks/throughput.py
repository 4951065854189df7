"""Throughput in one process on the same documents: the base spaCy model, newsclaims, quantulum3 alone on
whole texts, and spaCy + quantulum3 on whole texts (the naive way). Prints words/s and the ratios.

    .venv/bin/python benchmarks/throughput.py [--repeat 2] [--rounds 3] [--article-words 0,800,2500]

Each ``--article-words`` value is one table: 0 keeps the bundled articles as they are (about 260 words);
N joins consecutive bundled articles until each has at least N words, the length of a full news story.
quantulum3 reads each quantity against its whole text, so its cost grows faster than the text; ours
does not. quantulum3 runs without its optional scikit-learn classifier, as in the evaluation baseline.

Targets (issue 4): newsclaims >= 0.75x the base model's words/s; >= 5x the naive spaCy + quantulum3 way.
Timings on a shared machine vary from run to run (the same spaCy component can take noticeably longer from one
pass to the next). Each system is therefore timed in ``--rounds`` interleaved passes over the
same documents and its fastest pass counts, as ``timeit`` does; the ratios come from one run.
"""
import argparse
import json
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(repeat: int, article_words: int = 0) -> list[dict]:
    docs = [json.loads(line) for line in (ROOT / "corpus" / "news" / "news.jsonl").read_text(encoding="utf-8").splitlines()]
    if article_words:
        joined, current = [], []
        for doc in docs:
            current.append(doc)
            if sum(len(d["text"].split()) for d in current) >= article_words:
                joined.append(_join(current))
                current = []
        if current:
            joined.append(_join(current))
        docs = joined
    return [dict(d, id=f"{d['id']}-{i}") for i in range(repeat) for d in docs]


def _join(docs: list[dict]) -> dict:
    return {"id": "+".join(d["id"] for d in docs), "text": "\n\n".join(d["text"] for d in docs),
            "published": docs[0].get("published")}


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(docs: list[dict], base, nlp, q3, rounds: int = 3) -> dict[str, float]:
    import newsclaims

    texts = [d["text"] for d in docs]
    systems = {
        "spaCy base model": lambda: list(base.pipe(texts, batch_size=32)),
        "newsclaims": lambda: list(newsclaims.extract_many(docs, nlp=nlp, batch_size=32)),
        "quantulum3 alone (whole texts)": lambda: [q3.parse(t) for t in texts],
    }
    results = {name: float("inf") for name in systems}
    for _ in range(rounds):
        for name, run in systems.items():
            results[name] = min(results[name], timed(run))
    results["spaCy + quantulum3 (naive)"] = results["spaCy base model"] + results["quantulum3 alone (whole texts)"]
    return results


def report(docs: list[dict], results: dict[str, float], label: str, rounds: int) -> None:
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{label}: {len(docs)} documents, {words} words ({words / len(docs):.0f} per document), one process, "
          f"fastest of {rounds} interleaved passes\n")
    print(f"{'system':34} {'seconds':>8} {'words/s':>9}")
    for name, secs in results.items():
        print(f"{name:34} {secs:8.2f} {words / secs:9.0f}")
    ratio_base = results["spaCy base model"] / results["newsclaims"]
    ratio_naive = results["spaCy + quantulum3 (naive)"] / results["newsclaims"]
    print(f"\nnewsclaims / base model words/s: {ratio_base:.2f}x (target >= 0.75x)")
    print(f"newsclaims / naive spaCy+quantulum3 words/s: {ratio_naive:.2f}x (target >= 5x)\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3, help="interleaved timed passes per system; the fastest counts")
    ap.add_argument("--article-words", default="0,800,2500",
                    help="comma-separated article lengths in words; 0 = the bundled articles as they are")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    import spacy
    from quantulum3 import parser as q3

    import newsclaims

    config = spacy.util.load_config(ROOT / "config.cfg")
    base = spacy.load(config["paths"]["base_model"])
    nlp = newsclaims.load()
    q3.parse("warm up 5 tons")  # quantulum3 loads its unit tables on first use
    warm = corpus(1)[:2]
    list(base.pipe([d["text"] for d in warm]))
    list(newsclaims.extract_many(warm, nlp=nlp))
    for length in (int(x) for x in args.article_words.split(",")):
        docs = corpus(args.repeat, length)
        label = "bundled articles" if not length else f"articles of at least {length} words"
        report(docs, measure(docs, base, nlp, q3, args.rounds), label, args.rounds)


if __name__ == "__main__":
    main()
