"""Shared fixtures for the I/O tests: small corpora written into tmp_path by the tests themselves."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # io_helpers / io_fakeproc by name, also in worker processes
    sys.path.insert(0, str(HERE))

from io_helpers import make_records, write_jsonl  # noqa: E402


@pytest.fixture
def corpus_jsonl(tmp_path: Path) -> Path:
    """60 good documents with bad lines in the middle (not JSON, missing text, null text)."""
    records: list[Any] = make_records(60)
    records[50]["text"] += " RAISE"  # doc0050: the fake extractor raises on it
    records.insert(20, '{"id": "broken", "text": "unterminated')
    records.insert(31, {"id": "notext", "title": "no text"})
    records.insert(42, {"id": "nulltext", "text": None})
    return write_jsonl(tmp_path / "corpus.jsonl", records)
