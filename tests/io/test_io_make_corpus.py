"""The synthetic corpus generator: N documents from bundled articles, deterministic, readable by the readers."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsclaims.io.documents import Document, ReadError
from newsclaims.io.readers import iter_documents

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "benchmarks" / "make_corpus.py"
PARAGRAPH = "Officials said exports rose {n} percent to {m} tonnes in the year to March, the ministry reported."


def make(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    subprocess.run([sys.executable, str(SCRIPT), "-n", "120", "-o", str(out), "--source", str(tmp_path / "src"), *extra],
                   check=True, capture_output=True)
    return out


def test_make_corpus_is_deterministic_and_readable(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(4):
        (src / f"a{i}.txt").write_text("\n\n".join(PARAGRAPH.format(n=i + k, m=10 * k) for k in range(3)), encoding="utf-8")
    first = make(tmp_path, "one.jsonl.gz", "--seed", "5")
    second = make(tmp_path, "two.jsonl.gz", "--seed", "5")
    assert first.read_bytes() == second.read_bytes()
    items = list(iter_documents(first))
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == 120 and len({d.id for d in docs}) == 120
    assert all(d.published and d.text.count("\n\n") >= 1 for d in docs)
    assert all(set(d.meta["derived_from"]) <= {f"a{i}" for i in range(4)} for d in docs)

    with_bad = make(tmp_path, "bad.jsonl", "--bad-rate", "0.2")
    items = list(iter_documents(with_bad))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(items) == 120 and 5 <= len(errors) <= 45
