"""Shared fixtures for the I/O tests: small corpora written into tmp_path by the tests themselves."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # io_fakeproc must be importable by name in worker processes too
    sys.path.insert(0, str(HERE))


def make_records(n: int, *, prefix: str = "doc") -> list[dict[str, Any]]:
    """n small articles with a few numbers each, a publication date and some extra metadata."""
    return [
        {
            "id": f"{prefix}{i:04d}",
            "title": f"Report {i}",
            "url": f"https://example.invalid/{prefix}/{i}",
            "published": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "source": "Example Wire",
            "lang": "en",
            "text": f"Output rose {i} percent to {i * 3 + 7} tonnes in 2020, officials said.\n\nNo numbers here.",
            "section": "economy",
        }
        for i in range(n)
    ]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write((record if isinstance(record, str) else json.dumps(record)) + "\n")
    return path


@pytest.fixture
def corpus_jsonl(tmp_path: Path) -> Path:
    """60 good documents with bad lines in the middle (not JSON, missing text, null text)."""
    records: list[Any] = make_records(60)
    records[50]["text"] += " RAISE"  # doc0050: the fake extractor raises on it
    records.insert(20, '{"id": "broken", "text": "unterminated')
    records.insert(31, {"id": "notext", "title": "no text"})
    records.insert(42, {"id": "nulltext", "text": None})
    return write_jsonl(tmp_path / "corpus.jsonl", records)
