"""Readers of the second hardening round (issue 14, "Inputs"): files written by the tests, read by the real readers."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsclaims.io.documents import Document, ReadError, normalize_published
from newsclaims.io.readers import iter_documents

RECORD = {"id": "a", "text": "Output rose 5% to 45,000 tons.", "published": "2025-11-04"}


def items(path: Path) -> list:
    return list(iter_documents(path))


def test_json_gz_is_read_like_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "one.json.gz"
    path.write_bytes(gzip.compress(json.dumps([RECORD, dict(RECORD, id="b")]).encode()))
    assert [d.id for d in items(path)] == ["a", "b"]


def test_a_json_gz_cut_short_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.json.gz"
    path.write_bytes(gzip.compress(json.dumps([RECORD] * 50).encode())[:-30])
    (error,) = items(path)
    assert isinstance(error, ReadError) and "ends early or is corrupt" in error.reason


@pytest.mark.parametrize("content", ["", "  \n\n"])
def test_empty_json_and_empty_jsonl_behave_the_same(tmp_path: Path, content: str) -> None:
    (tmp_path / "e.json").write_text(content, encoding="utf-8")
    (tmp_path / "e.jsonl").write_text(content, encoding="utf-8")
    assert items(tmp_path / "e.json") == items(tmp_path / "e.jsonl") == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_jsonl_is_reported_as_not_utf8(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "u.jsonl"
    path.write_bytes("".join(json.dumps(dict(RECORD, id=f"d{i}")) + "\n" for i in range(3)).encode(encoding))
    (error,) = items(path)
    assert isinstance(error, ReadError) and "UTF-16, not UTF-8" in error.reason


def test_stray_nul_bytes_in_utf8_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Output rose\x00 5% in 2024\x00 to 45,000 tons.\x00")
    (doc,) = items(path)
    assert isinstance(doc, Document)


@pytest.mark.parametrize("raw, day", [("20251104", "2025-11-04"), ("20240229", "2024-02-29"), ("20251304", None),
                                      ("1730700000", "2024-11-04")])
def test_compact_iso_dates(raw: str, day) -> None:
    assert normalize_published(raw) == day
