"""Make a synthetic news corpus (JSONL, optionally .gz) of N documents from the bundled articles.

Scale runs (10,000 to 1,000,000 documents) need a corpus without a download: this recombines the
paragraphs of the project's own articles (every readable file under ``corpus/``; the shared raw
corpus when there is none) into new documents with new ids, dates, titles and sources. The output is
deterministic for a given ``--seed`` and source set, so benchmark numbers compare across commits.

    python benchmarks/make_corpus.py -n 10000 -o runs/synthetic-10k.jsonl.gz
    python benchmarks/make_corpus.py -n 2000 -o /tmp/c.jsonl --bad-rate 0.01   # with malformed lines

The claims in these documents are real sentences, but a paragraph's "last year" may now sit under a
date it was not written for: use the output for throughput and robustness, not for accuracy.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Any, Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script from anywhere

from newsclaims.io.documents import Document  # noqa: E402
from newsclaims.io.readers import iter_documents  # noqa: E402
from newsclaims.io.writers import atomic_path  # noqa: E402

DEFAULT_SOURCES = (REPO / "corpus",)
# shared/ sits beside the repository (locally and in CI); NEWSCLAIMS_CORPUS_RAW overrides.
FALLBACK_SOURCE = Path(os.environ.get("NEWSCLAIMS_CORPUS_RAW", REPO.parent / "shared" / "corpus-raw"))
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2024, 12, 31)


@dataclass(frozen=True)
class Paragraph:
    text: str
    doc_id: str
    title: Optional[str]
    source: Optional[str]


def load_documents(sources: Sequence[Path]) -> list[Document]:
    """Every readable document under ``sources``; the shared raw corpus if they hold none."""
    existing = [p for p in sources if p.exists()]
    docs = [d for d in iter_documents(existing) if isinstance(d, Document)] if existing else []
    if not docs and FALLBACK_SOURCE.exists():
        docs = [d for d in iter_documents([FALLBACK_SOURCE]) if isinstance(d, Document)]
    return docs


def paragraphs(docs: Sequence[Document]) -> list[Paragraph]:
    """Blank-line separated paragraphs long enough to carry a sentence, each once (gold repeats news)."""
    found: dict[str, Paragraph] = {}
    for doc in docs:
        for block in doc.text.split("\n\n"):
            block = block.strip()
            if len(block) >= 40 and block not in found:
                found[block] = Paragraph(block, doc.id, doc.title, doc.source)
    return list(found.values())


def synthesize(number: int, pool: Sequence[Paragraph], rng: random.Random) -> dict[str, Any]:
    """One new article: 2-6 paragraphs from random source articles, a random date in 2000-2024."""
    picked = [rng.choice(pool) for _ in range(rng.randint(2, 6))]
    lead = picked[0]
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    doc_id = f"syn{number:07d}"
    return {
        "id": doc_id,
        "title": lead.title or lead.text[:80],
        "url": f"https://synthetic.invalid/{published:%Y/%m/%d}/{doc_id}",
        "published": published.isoformat(),
        "source": lead.source,
        "lang": "en",
        "text": "\n\n".join(p.text for p in picked),
        "derived_from": sorted({p.doc_id for p in picked}),
    }


def bad_line(number: int) -> str:
    """A malformed line of one of the kinds a real feed produces (for error-path benchmarks)."""
    kinds = [
        '{"id": "bad%07d", "text": "cut off' % number,
        json.dumps({"id": f"bad{number:07d}", "title": "no text field"}),
        json.dumps({"id": f"bad{number:07d}", "text": None}),
    ]
    return kinds[number % len(kinds)]


def generate_lines(n: int, pool: Sequence[Paragraph], *, seed: int, bad_rate: float) -> Iterator[str]:
    rng = random.Random(seed)
    for number in range(n):
        if bad_rate and rng.random() < bad_rate:
            yield bad_line(number)
        else:
            yield json.dumps(synthesize(number, pool, rng), ensure_ascii=False)


def write_lines(lines: Iterator[str], out: Path) -> int:
    """Write atomically (temp name, fsync, rename); gzip when the name ends in .gz."""
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with atomic_path(out) as tmp, _open_text(tmp, gz=out.name.endswith(".gz")) as handle:
        for line in lines:
            handle.write(line + "\n")
            count += 1
    return count


@contextlib.contextmanager
def _open_text(path: Path, *, gz: bool) -> Iterator[IO[str]]:
    """A text file; gzip without name or time in its header so the same seed gives the same bytes."""
    with open(path, "wb") as raw:
        if gz:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed, \
                    io.TextIOWrapper(packed, encoding="utf-8") as handle:
                yield handle
        else:
            with io.TextIOWrapper(raw, encoding="utf-8") as handle:
                yield handle


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--documents", type=int, default=10_000, help="number of documents (default 10000)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="output .jsonl or .jsonl.gz")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--source", type=Path, action="append", help="folder/file of articles (repeatable)")
    parser.add_argument("--bad-rate", type=float, default=0.0, help="share of malformed lines (default 0)")
    args = parser.parse_args(argv)
    docs = load_documents(args.source or DEFAULT_SOURCES)
    pool = paragraphs(docs)
    if not pool:
        parser.error("no source articles found (under corpus/ or in the shared raw corpus)")
    count = write_lines(generate_lines(args.documents, pool, seed=args.seed, bad_rate=args.bad_rate), args.output)
    print(f"wrote {count} documents from {len(pool)} paragraphs of {len(docs)} articles to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
