"""Builds the bundled corpus and the gold split from the hand-annotated documents.

    python corpus/build.py

Sources: corpus/gold/annotated/*.json (one document each, annotated by hand per corpus/GUIDELINES.md).
Writes:  corpus/news/news.jsonl   the documents as extractor input (id, text, published, title, url, source, license)
         corpus/gold/dev.jsonl    tune on it  (odd-numbered documents and the seed)
         corpus/gold/test.jsonl   report on it (even-numbered documents); each record says its split in meta.split
The split alternates through the numbered documents, which are grouped by domain, so both halves cover every domain.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def split_of(doc_id: str) -> str:
    return "test" if doc_id.isdigit() and int(doc_id) % 2 == 0 else "dev"


def main() -> None:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((HERE / "gold" / "annotated").glob("*.json"))]
    (HERE / "news").mkdir(exist_ok=True)
    with open(HERE / "news" / "news.jsonl", "w", encoding="utf-8") as news:
        for d in docs:
            m = d["meta"]
            news.write(json.dumps({"id": d["id"], "text": d["text"], "published": m.get("published"), "title": m.get("title"),
                                   "url": m.get("url"), "source": m.get("source"), "license": m.get("license")},
                                  ensure_ascii=False) + "\n")
    for split in ("dev", "test"):
        with open(HERE / "gold" / f"{split}.jsonl", "w", encoding="utf-8") as out:
            for d in docs:
                if split_of(d["id"]) == split:
                    record = dict(d, meta=dict(d["meta"], split=split))
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts = {s: sum(1 for d in docs if split_of(d["id"]) == s) for s in ("dev", "test")}
    claims = {s: sum(len(d["claims"]) for d in docs if split_of(d["id"]) == s) for s in ("dev", "test")}
    print(f"documents {counts}, claims {claims}")


if __name__ == "__main__":
    main()
