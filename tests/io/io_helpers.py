"""Helpers for the I/O tests (a module of its own: `conftest` may name another file when tests/ grows)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


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
