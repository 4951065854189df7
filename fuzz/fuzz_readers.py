#!/usr/bin/env python
"""Coverage-guided fuzzing of the input readers (``newsclaims.io.readers.iter_documents``) with atheris.

Input layout (see :func:`decode`): byte 0 picks the file type (``byte0 & 15`` indexes ``SELECTORS``;
``byte0 & 0x80`` also passes a ``field_map``); byte 1 says how many bytes to cut off the end of a
gzip stream the harness makes itself (``.gz`` kinds without "raw"); the rest is the file content.
The content is written to a temporary file with that extension and the reader is drained.

Contract checked: the reader never raises; it yields only ``Document`` / ``ReadError``; a Document has
a str ``id``, a non-blank str ``text``, ``published`` None or a real ``YYYY-MM-DD`` date, optional
str title/url/source/lang and a dict ``meta``; a ReadError has str ``location`` and ``reason``.

Run: ``python fuzz/fuzz_readers.py [libFuzzer flags] CORPUS_DIR`` or ``python fuzz/run.py --target readers``.
"""
from __future__ import annotations

import datetime as _dt
import gzip
import logging
import os
import re
import shutil
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Optional

import atheris

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from fuzz_extract import PropertyFailure, _fail  # noqa: E402  (shared signature/known-crash logic)
import fuzz_extract as _common  # noqa: E402

# (selector key, file suffix, gzip the payload in the harness)
SELECTORS: tuple[tuple[str, str, bool], ...] = (
    (".jsonl", ".jsonl", False), (".jsonl.gz", ".jsonl.gz", True), (".jsonl.gz(raw)", ".jsonl.gz", False),
    (".ndjson", ".ndjson", False), (".ndjson.gz", ".ndjson.gz", True), (".json", ".json", False),
    (".csv", ".csv", False), (".csv.gz", ".csv.gz", True), (".csv.gz(raw)", ".csv.gz", False),
    (".txt", ".txt", False), (".html", ".html", False), (".htm", ".htm", False),
    (".warc", ".warc", False), (".warc.gz", ".warc.gz", True), (".warc.gz(raw)", ".warc.gz", False),
    (".xml", ".xml", False),
)
FIELD_MAP = {"text": "body", "id": "key", "published": "when"}
MAX_LEN = 64 * 1024


def decode(data: bytes) -> tuple[str, bytes, Optional[dict]]:
    """(suffix, file bytes, field_map) from fuzz bytes."""
    fdp = atheris.FuzzedDataProvider(data)
    sel = fdp.ConsumeUInt(1)
    cut = fdp.ConsumeUInt(1)
    payload = fdp.ConsumeBytes(MAX_LEN)
    _, suffix, compress = SELECTORS[sel & 15]
    if compress:
        payload = gzip.compress(payload, mtime=0)
        if cut:
            payload = payload[: max(0, len(payload) - (cut % 64))]
    return suffix, payload, (FIELD_MAP if sel & 0x80 else None)


def encode(key: str, payload: bytes, *, truncate: int = 0, field_map: bool = False) -> bytes:
    index = [k for k, _, _ in SELECTORS].index(key)
    return bytes([index | (0x80 if field_map else 0), truncate]) + payload


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_item(item, documents_mod) -> None:
    Document, ReadError = documents_mod.Document, documents_mod.ReadError
    if isinstance(item, ReadError):
        if not isinstance(item.location, str) or not isinstance(item.reason, str):
            _fail("readerror", f"ReadError fields have wrong types: {item!r}")
        return
    if not isinstance(item, Document):
        _fail("item-type", f"reader yielded a {type(item).__name__}: {item!r}")
    if not isinstance(item.id, str):
        _fail("doc-id", f"Document.id is a {type(item.id).__name__}: {item.id!r}")
    if not isinstance(item.text, str):
        _fail("doc-text", f"Document.text is a {type(item.text).__name__}: {item.text!r}")
    if not item.text.strip():
        _fail("doc-text", f"Document.text is blank: {item.text!r} (id {item.id!r})")
    pub = item.published
    if pub is not None:
        if not isinstance(pub, str) or not _ISO.match(pub):
            _fail("doc-published", f"Document.published={pub!r} is not YYYY-MM-DD")
        try:
            _dt.date.fromisoformat(pub)
        except ValueError:
            _fail("doc-published", f"Document.published={pub!r} is not a real date")
    for name in ("title", "url", "source", "lang"):
        value = getattr(item, name)
        if value is not None and not isinstance(value, str):
            _fail(f"doc-{name}", f"Document.{name} is a {type(value).__name__}: {value!r}")
    if not isinstance(item.meta, dict):
        _fail("doc-meta", f"Document.meta is a {type(item.meta).__name__}")


TMP: Optional[Path] = None


def TestOneInput(data: bytes) -> None:
    suffix, payload, field_map = decode(data)
    path = TMP / f"input{suffix}"
    path.write_bytes(payload)
    try:
        for item in readers.iter_documents(path, field_map=field_map):
            check_item(item, documents)
    except Exception as exc:
        if _common.report_or_ignore(exc):
            raise
    finally:
        path.unlink()


def main() -> None:
    global TMP, readers, documents
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    mode = os.environ.get("FUZZ_INSTRUMENT", "deep")
    include = ["pipeline"] + (["warcio", "htmldate", "trafilatura", "dateparser"] if mode == "deep" else [])
    with atheris.instrument_imports(include=include):
        import newsclaims.io.documents as documents
        import newsclaims.io.readers as readers
        # the heavy dependencies are imported now (instrumented only in "deep" mode) so that the
        # first exec is not a multi-second outlier
        import warcio.archiveiterator  # noqa: F401
        import trafilatura  # noqa: F401
        import dateparser  # noqa: F401
    if os.environ.get("FUZZ_TMP"):  # run.py points this into fuzz/work/readers/
        TMP = Path(os.environ["FUZZ_TMP"])
        TMP.mkdir(parents=True, exist_ok=True)
    else:
        TMP = Path(tempfile.mkdtemp(prefix="fuzzhelper-readers-"))
        import atexit

        atexit.register(shutil.rmtree, TMP, True)
    _common.KNOWN = _common._load_known()
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
