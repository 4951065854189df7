"""A tiny stand-in for the spaCy pipeline, for the I/O tests only.

It marks every number in the text as a count claim. A document containing RAISE makes the batch
function raise (so the runner's per-document isolation is exercised); ``stall_after`` makes it hang
once that many documents are done, so a test can kill a run at a known point without racing it.
A document containing STALL hangs for 30 s (a time-out). A document containing CRASH kills the worker process (SIGKILL), every time or, with ``crash_marker``,
only the first time (a transient fault such as the OOM killer).
"""
from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path
from typing import Any, Callable, Optional

from newsclaims.io.documents import Document
from newsclaims.schema import Claim

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def make_process(loads_dir: Optional[str] = None, stall_after: Optional[int] = None,
                 crash_marker: Optional[str] = None) -> Callable[[list[Document]], list[tuple[str, list[dict[str, Any]]]]]:
    """The factory: records each load (one line per process) so tests can count pipeline loads."""
    if loads_dir:
        with open(Path(loads_dir) / "loads.txt", "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
    seen = [0]

    def process(docs: list[Document]) -> list[tuple[str, list[dict[str, Any]]]]:
        seen[0] += len(docs)
        if stall_after is not None and seen[0] > stall_after:
            time.sleep(120)  # the test kills us long before; bounded so a stray process still ends
        if any("STALL" in doc.text for doc in docs):
            time.sleep(30)  # far past the tests' time limit: the runner must cut it off
        if any("CRASH" in doc.text for doc in docs):
            _crash(crash_marker)
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


def _crash(marker: Optional[str]) -> None:
    if marker is not None:
        if Path(marker).exists():
            return
        Path(marker).touch()
    os.kill(os.getpid(), signal.SIGKILL)
