"""A tiny stand-in for the spaCy pipeline, for the I/O tests only.

It marks every number in the text as a count claim. A document containing RAISE makes the batch
function raise (so the runner's per-document isolation is exercised); SLOW_SECONDS slows every batch
so a test can kill a run in the middle.
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any, Callable, Optional

from pipeline.io.documents import Document
from pipeline.schema import Claim

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def make_process(loads_dir: Optional[str] = None, slow_seconds: float = 0.0) -> Callable[[list[Document]], list[tuple[str, list[dict[str, Any]]]]]:
    """The factory: records each load (one line per process) so tests can count pipeline loads."""
    if loads_dir:
        with open(Path(loads_dir) / "loads.txt", "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")

    def process(docs: list[Document]) -> list[tuple[str, list[dict[str, Any]]]]:
        if slow_seconds:
            time.sleep(slow_seconds)
        out = []
        for doc in docs:
            if "RAISE" in doc.text:
                raise ValueError(f"fake extractor cannot handle {doc.id}")
            claims = [Claim(doc_id=doc.id, span=[m.start(), m.end()], text=m.group(), value=float(m.group()),
                            sentence=doc.text[:40], sentence_span=[0, min(40, len(doc.text))]).to_dict()
                      for m in NUMBER.finditer(doc.text)]
            out.append((doc.id, claims))
        return out

    return process
