"""Reading gold documents and predicted claims.

The gold format is the one of ``GUIDELINES.md`` (JSON Lines, one document per line with
``id``, ``text``, ``meta`` and ``claims``). Hand annotation also produces one pretty-printed
document per ``.json`` file (``corpus/gold/annotated/``), so a directory of those is read too.
Bad input fails loudly with the file and line, because a silently skipped gold line would
quietly change every score.
"""
from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping, Optional, Union

PathLike = Union[str, Path]
SLOT_DEFAULTS: Mapping[str, Any] = MappingProxyType({
    "value": None, "low": None, "high": None, "bound": "=", "unit": None,
    "who": None, "what": None, "date": None, "change": None, "source": None,
})


class GoldFormatError(ValueError):
    """A gold or prediction file that does not follow the format; the message names file and line."""


def _where(path: Path, line: Optional[int]) -> str:
    return f"{path}:{line}" if line is not None else str(path)


def _iter_json_records(path: Path) -> Iterator[tuple[Optional[int], Any]]:
    """(line number, object) for a JSONL file; (None, object) for each item of a .json file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from exc
        for item in data if isinstance(data, list) else [data]:
            yield None, item
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from exc


def _files(path: Path) -> list[Path]:
    """The file itself, or the .json/.jsonl files of a directory in name order (stable document order)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl") and p.is_file())
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or directory")
    return [path]


def check_span(span: Any, text_len: int) -> Optional[str]:
    """A problem with a claim span, or None when it is a valid [start, end) inside the text."""
    if not isinstance(span, (list, tuple)) or len(span) != 2 or not all(
            isinstance(x, int) and not isinstance(x, bool) for x in span):
        return f"span must be [start, end] integers, got {span!r}"
    if not 0 <= span[0] < span[1] <= text_len:
        return f"span {list(span)} outside the text (length {text_len})"
    return None


def validate_gold_document(doc: Any) -> tuple[dict, list[str]]:
    """A cleaned copy of one gold document (missing slots filled per the guidelines) and its problems."""
    if not isinstance(doc, dict):
        return {}, [f"expected a JSON object, got {type(doc).__name__}"]
    problems = []
    doc_id = doc.get("id", doc.get("doc_id"))
    text = doc.get("text")
    if doc_id is None or isinstance(doc_id, (dict, list)):
        problems.append("missing document 'id'")
    if not isinstance(text, str):
        problems.append("missing document 'text'")
        text = ""
    claims = doc.get("claims", [])
    if not isinstance(claims, list):
        problems.append("'claims' must be a list")
        claims = []
    cleaned = []
    for i, claim in enumerate(claims):
        if not isinstance(claim, dict):
            problems.append(f"claim {i}: expected an object")
            continue
        span_problem = check_span(claim.get("span"), len(text))
        if span_problem:
            problems.append(f"claim {i}: {span_problem}")
            continue
        start, end = claim["span"]
        if "text" in claim and claim["text"] != text[start:end]:
            problems.append(f"claim {i}: text {claim['text']!r} != text[{start}:{end}] {text[start:end]!r}")
        for key in ("value", "low", "high"):
            v = claim.get(key)
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                problems.append(f"claim {i}: {key} must be a number or null, got {v!r}")
        cleaned.append({**SLOT_DEFAULTS, **claim, "span": [start, end], "text": text[start:end]})
    meta = doc.get("meta") if isinstance(doc.get("meta"), dict) else {}
    return {"id": str(doc_id), "text": text, "meta": meta, "claims": cleaned}, problems


def read_gold(path: PathLike) -> list[dict]:
    """Gold documents ({id, text, meta, claims}) from a JSONL file, a .json file, or a directory of them.

    Raises GoldFormatError naming the file and line of the first bad document, and on duplicate ids
    (two documents with one id would silently merge their predictions).
    """
    docs: list[dict] = []
    seen: dict[str, str] = {}
    for file in _files(Path(path)):
        for lineno, record in _iter_json_records(file):
            doc, problems = validate_gold_document(record)
            if problems:
                raise GoldFormatError(f"{_where(file, lineno)}: " + "; ".join(problems))
            if doc["id"] in seen:
                raise GoldFormatError(f"{_where(file, lineno)}: duplicate document id {doc['id']!r} "
                                      f"(first in {seen[doc['id']]})")
            seen[doc["id"]] = _where(file, lineno)
            docs.append(doc)
    return docs


def _claims_of_record(record: Any, where: str) -> tuple[str, list[dict]]:
    """(doc_id, claims) for one prediction record: a claim with 'doc_id' or a document with 'claims'."""
    if not isinstance(record, dict):
        raise GoldFormatError(f"{where}: expected a JSON object, got {type(record).__name__}")
    if "claims" in record:
        doc_id = record.get("id", record.get("doc_id"))
        if doc_id is None:
            raise GoldFormatError(f"{where}: document without 'id'")
        if not isinstance(record["claims"], list) or not all(isinstance(c, dict) for c in record["claims"]):
            raise GoldFormatError(f"{where}: 'claims' must be a list of objects")
        return str(doc_id), [{**c, "doc_id": str(doc_id)} for c in record["claims"]]
    if "doc_id" not in record:
        raise GoldFormatError(f"{where}: a claim needs 'doc_id' (or give a document with 'id' and 'claims')")
    return str(record["doc_id"]), [dict(record)]


def read_predictions(path: PathLike) -> dict[str, list[dict]]:
    """Predicted claims by document id, from a claims JSONL (one claim per line with "doc_id"),
    a documents JSONL in the gold format, or a .json file / directory holding either.

    Documents that appear with an empty claims list are kept (the system saw them and found nothing).
    """
    out: dict[str, list[dict]] = {}
    for file in _files(Path(path)):
        for lineno, record in _iter_json_records(file):
            doc_id, claims = _claims_of_record(record, _where(file, lineno))
            out.setdefault(doc_id, []).extend(claims)
    return out


def write_predictions(predictions: dict[str, list[dict]], path: PathLike) -> None:
    """Write predictions as a claims JSONL (one claim per line), the form read_predictions reads first."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for doc_id, claims in predictions.items():
            for claim in claims:
                fh.write(json.dumps({**claim, "doc_id": doc_id}, ensure_ascii=False) + "\n")
