#!/usr/bin/env python
"""Coverage-guided fuzzing of ``newsclaims.api.extract`` with atheris.

Input layout (decoded by :func:`decode`, also used by ``make_seeds.py`` to write seeds):

* byte 0 ``flags``: ``flags & 3`` picks the publication date (0/3: None, 1: a valid ISO date built from
  fuzz ints, 2: an arbitrary short string); ``flags & 4`` picks the text decoding (0: UTF-8 with
  replacement, 4: ``FuzzedDataProvider.ConsumeUnicodeNoSurrogates``, i.e. ASCII/UTF-16/UTF-32 mixes).
* then the published date's bytes, then the text (at most ``MAX_LEN`` characters).

Besides "never raises" every claim is checked: spans inside the text and equal to the recorded slot text,
finite numbers, low <= high, and the dict validates against ``newsclaims.schema.CLAIM_JSON_SCHEMA``.

Run: ``python fuzz/fuzz_extract.py [libFuzzer flags] CORPUS_DIR`` or ``python fuzz/run.py --target extract``.
Environment: ``FUZZ_KNOWN_SIGNATURES`` = a JSON file of bug signatures to ignore (so a run can go past a
known bug); ``FUZZ_ONLY_SIGNATURE`` = report only this signature (used when minimizing one crash).
"""
from __future__ import annotations

import datetime as _dt
import json
import logging
import math
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Optional

import atheris

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MAX_LEN = 2000
PUB_MAX = 40


def decode(data: bytes) -> tuple[str, Optional[str]]:
    """(text, published) from fuzz bytes."""
    fdp = atheris.FuzzedDataProvider(data)
    flags = fdp.ConsumeUInt(1)
    published: Optional[str] = None
    mode = flags & 3
    if mode == 1:
        year = 1800 + fdp.ConsumeUInt(2) % 401
        month = 1 + fdp.ConsumeUInt(1) % 12
        day = 1 + fdp.ConsumeUInt(1) % 31
        try:
            published = _dt.date(year, month, day).isoformat()
        except ValueError:  # 31 April: clamp to the 28th, still a valid date
            published = _dt.date(year, month, 28).isoformat()
    elif mode == 2:
        n = fdp.ConsumeUInt(1) % (PUB_MAX + 1)
        published = fdp.ConsumeBytes(n).decode("utf-8", "replace")
    if flags & 4:
        text = fdp.ConsumeUnicodeNoSurrogates(MAX_LEN)
    else:
        text = fdp.ConsumeBytes(MAX_LEN * 4).decode("utf-8", "replace")[:MAX_LEN]
    return text, published


def encode(text: str, published: Optional[str] = None) -> bytes:
    """The inverse of :func:`decode` for UTF-8 text and a string date (mode 2): used to write seeds."""
    if published is None:
        return b"\x00" + text.encode("utf-8")
    pub = published.encode("utf-8")
    assert len(pub) <= PUB_MAX
    return b"\x02" + bytes([len(pub)]) + pub + text.encode("utf-8")


# ------------------------------------------------------------------------------------------ checks

_SLOT_SPANS = (("span", "text"), ("who_span", "who"), ("what_span", "what"), ("date_span", "date_text"),
               ("source_span", "source"))
_NUMBERS = ("value", "low", "high", "value_base", "low_base", "high_base")


_SYMBOL_RUN = re.compile(r"[^\w\s]{100,}")


def _masked(text: str) -> str:
    """The text as newsclaims.api.mask_symbol_runs (uncommitted at the time of writing) hands it to spaCy:
    used only to tell that known failure apart from other span/text mismatches."""
    return _SYMBOL_RUN.sub(lambda m: " " * len(m.group()), text)


class PropertyFailure(AssertionError):
    def __init__(self, prop: str, message: str) -> None:
        super().__init__(f"[{prop}] {message}")
        self.prop = prop


def _fail(prop: str, message: str) -> None:
    raise PropertyFailure(prop, message)


_ISO_PART = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _iso_part_ok(part: str) -> bool:
    if not _ISO_PART.match(part):
        return False
    y, m, d = (part.split("-") + ["01", "01"])[:3]
    try:
        _dt.date(int(y), int(m), int(d))
    except ValueError:
        return False
    return True


def _real_date(published: Optional[str]) -> bool:
    try:
        _dt.date.fromisoformat((published or "")[:10])
        return True
    except ValueError:
        return False


def check_claims(text: str, claims: list, validator, published: Optional[str] = None) -> None:
    from newsclaims.schema import Claim

    if not isinstance(claims, list):
        _fail("type", f"extract returned {type(claims).__name__}, not a list")
    n = len(text)
    for i, claim in enumerate(claims):
        if not isinstance(claim, Claim):
            _fail("type", f"claim {i} is a {type(claim).__name__}")
        d = claim.to_dict()
        errors = sorted(validator.iter_errors(d), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            _fail("schema", f"claim {i} {list(e.path)}: {e.message}")
        for span_key, text_key in _SLOT_SPANS:
            span = d[span_key]
            if span is None:
                continue
            s, e = span
            if not (0 <= s <= e <= n):
                _fail(span_key, f"claim {i} {span_key}={span} outside text of length {n}")
            if text[s:e] != d[text_key]:
                if _masked(text)[s:e] == d[text_key]:
                    _fail("symbol-run-mask", f"claim {i} {text_key}={d[text_key]!r} is the masked text, "
                                             f"text[{s}:{e}]={text[s:e]!r}")
                _fail(span_key, f"claim {i} text[{s}:{e}]={text[s:e]!r} != {text_key}={d[text_key]!r}")
        s, e = d["span"]
        if s == e:
            _fail("span", f"claim {i} has an empty span {d['span']}")
        sent = d["sentence_span"]
        if sent is not None:
            ss, se = sent
            if not (0 <= ss <= se <= n):
                _fail("sentence_span", f"claim {i} sentence_span={sent} outside text of length {n}")
            if text[ss:se].strip() != d["sentence"]:
                if _masked(text)[ss:se].strip() == d["sentence"]:
                    _fail("symbol-run-mask", f"claim {i} sentence={d['sentence']!r} is the masked text, "
                                             f"text[{ss}:{se}]={text[ss:se]!r}")
                _fail("sentence_span", f"claim {i} text[{ss}:{se}].strip()={text[ss:se].strip()!r} != "
                                       f"sentence={d['sentence']!r}")
        for key in _NUMBERS:
            v = d[key]
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)):
                _fail("finite", f"claim {i} {key}={v!r} is not a finite number")
        date = d["date"]
        if date is not None:
            parts = date.split("/")
            if len(parts) > 2 or not all(_iso_part_ok(p) for p in parts) or (len(parts) == 2 and parts[0] > parts[1]):
                prop = "date-iso" if published is None or _real_date(published) else "date-iso/bad-published"
                _fail(prop, f"claim {i} date={date!r} is not an ISO date or ordered interval "
                            f"(date_text={d['date_text']!r}, published={published!r})")
        for lo, hi in (("low", "high"), ("low_base", "high_base")):
            if d[lo] is not None and d[hi] is not None and d[lo] > d[hi]:
                _fail("low<=high", f"claim {i} {lo}={d[lo]!r} > {hi}={d[hi]!r} (text {d['text']!r})")


# ------------------------------------------------------------------------------------- signatures

def signature(exc: BaseException) -> str:
    """A short id of a bug: property name, or exception type + the innermost pipeline/ frame."""
    if isinstance(exc, PropertyFailure):
        return f"property:{exc.prop}"
    frames = traceback.extract_tb(exc.__traceback__)
    where = "?"
    for fr in frames:
        if f"{os.sep}pipeline{os.sep}" in fr.filename:
            where = f"{Path(fr.filename).relative_to(ROOT).as_posix()}:{fr.name}"
    last = frames[-1] if frames else None
    inner = f"{Path(last.filename).name}:{last.name}" if last else "?"
    return f"{type(exc).__name__}@{where}>{inner}"


def _load_known() -> set[str]:
    path = os.environ.get("FUZZ_KNOWN_SIGNATURES")
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            return set(json.load(fh))
    return set()


KNOWN: set[str] = set()
ONLY: Optional[str] = os.environ.get("FUZZ_ONLY_SIGNATURE") or None


def report_or_ignore(exc: BaseException) -> bool:
    """True when the exception is to be re-raised (a new bug, or the one being minimized)."""
    sig = signature(exc)
    if ONLY is not None:
        keep = sig == ONLY
    else:
        keep = sig not in KNOWN
    if keep:
        sys.stderr.write(f"\nFUZZ-SIGNATURE: {sig}\n")
        sys.stderr.flush()
    return keep


# ------------------------------------------------------------------------------------------- main

NLP = None
VALIDATOR = None


def TestOneInput(data: bytes) -> None:
    text, published = decode(data)
    try:
        claims = pipeline_api.extract(text, published=published, nlp=NLP)
        check_claims(text, claims, VALIDATOR, published)
    except Exception as exc:
        if report_or_ignore(exc):
            raise


def main() -> None:
    global NLP, VALIDATOR, KNOWN, pipeline_api
    logging.disable(logging.CRITICAL)  # dateparser timeouts etc. are logged as warnings
    mode = os.environ.get("FUZZ_INSTRUMENT", "deep")
    if mode == "all":
        import newsclaims.api as pipeline_api
        NLP = pipeline_api.load()
        atheris.instrument_all()
    elif mode == "none":
        import newsclaims.api as pipeline_api
        NLP = pipeline_api.load()
    else:
        include = ["pipeline"] + (["quantulum3", "dateparser"] if mode == "deep" else [])
        with atheris.instrument_imports(include=include):
            import newsclaims.api as pipeline_api
            import newsclaims.components.claims  # noqa: F401
            import newsclaims.components.quantities  # noqa: F401
            import newsclaims.components.registry  # noqa: F401
            if mode == "deep":
                import quantulum3.parser  # noqa: F401
                import dateparser  # noqa: F401
                import dateparser.date  # noqa: F401
            NLP = pipeline_api.load()
    import jsonschema
    from newsclaims.schema import CLAIM_JSON_SCHEMA

    VALIDATOR = jsonschema.Draft202012Validator(CLAIM_JSON_SCHEMA)
    KNOWN = _load_known()
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
