"""The claim record: one quantity mention with its slots, as plain data.

Field names follow ``corpus/GUIDELINES.md`` (span, value, low, high, bound, unit,
who, what, date, change, source); everything else adds provenance for analytics.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Optional

Span = Optional[list]  # [start, end) character offsets into the document text

BOUNDS = ("=", "~", ">", ">=", "<", "<=")
DIRECTIONS = ("up", "down", None)
ROLES = ("new", "old", "delta")
KINDS = ("count", "money", "percentage", "percentage_points", "ratio", "physical", "duration", "rate")


@dataclass
class Claim:
    """A typed quantitative claim. Every ``*_span`` indexes into the document text, and its slice equals the
    slot's text; ``what_span`` is null when ``what`` joins words from two places ("minerals produced")."""

    doc_id: str
    span: list
    text: str
    value: Optional[float]
    low: Optional[float] = None
    high: Optional[float] = None
    bound: str = "="
    unit: Optional[str] = None
    unit_text: Optional[str] = None
    dimension: str = "count"
    kind: str = "count"
    value_base: Optional[float] = None
    low_base: Optional[float] = None
    high_base: Optional[float] = None
    base_unit: Optional[str] = None
    who: Optional[str] = None
    who_span: Span = None
    what: Optional[str] = None
    what_span: Span = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    date_span: Span = None
    date_resolution: Optional[str] = None
    date_confidence: Optional[float] = None  # the date ranker's score for its choice, 0..1 (null: no score)
    change: Optional[dict] = None
    source: Optional[str] = None
    source_span: Span = None
    sentence: str = ""
    sentence_span: Span = None
    claim_id: str = field(default="")

    def __post_init__(self) -> None:
        for name in ("value", "low", "high", "value_base", "low_base", "high_base"):
            if getattr(self, name, None) == 0:
                setattr(self, name, 0.0)  # -0.0 is written as 0, never as "-0.0"
        if not self.claim_id:
            self.claim_id = make_claim_id(self.doc_id, self.span)

    def to_dict(self) -> dict[str, Any]:
        # dataclasses.asdict deep-copies through copy.deepcopy, which is most of the cost on claim-dense texts
        return {name: _plain_copy(getattr(self, name)) for name in _CLAIM_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Claim":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))


def _plain_copy(value: Any) -> Any:
    """A copy of JSON-like data (lists, tuples, dicts of numbers and strings) sharing nothing mutable."""
    if isinstance(value, (list, tuple)):
        return [_plain_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_copy(v) for k, v in value.items()}
    return value


def make_claim_id(doc_id: str, span: list) -> str:
    """A claim id that depends only on the document id and the quantity's offsets."""
    key = f"{doc_id}\x1f{span[0]}\x1f{span[1]}".encode("utf-8")
    return hashlib.sha1(key).hexdigest()[:16]


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


_OFFSETS = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}

CLAIM_JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://newsclaims.invalid/schema/claim.v1.json",
    "title": "newsclaims claim",
    "description": "One quantity mention in a news document with who/what/value/unit/date and provenance.",
    "type": "object",
    "required": ["claim_id", "doc_id", "span", "text", "value", "low", "high", "bound", "unit",
                 "who", "what", "date", "change", "source"],
    "additionalProperties": False,
    "properties": {
        "claim_id": {"type": "string", "description": "sha1(doc_id, span) prefix: stable across runs"},
        "doc_id": {"type": "string"},
        "span": {**_OFFSETS, "description": "[start, end) of the quantity mention"},
        "text": {"type": "string", "description": "the quantity mention as written"},
        "value": _nullable({"type": "number"}),
        "low": _nullable({"type": "number"}),
        "high": _nullable({"type": "number"}),
        "bound": {"enum": list(BOUNDS)},
        "unit": _nullable({"type": "string"}),
        "unit_text": _nullable({"type": "string"}),
        "dimension": {"type": "string"},
        "kind": {"enum": list(KINDS)},
        "value_base": _nullable({"type": "number"}),
        "low_base": _nullable({"type": "number"}),
        "high_base": _nullable({"type": "number"}),
        "base_unit": _nullable({"type": "string"}),
        "who": _nullable({"type": "string"}),
        "who_span": _nullable(_OFFSETS),
        "what": _nullable({"type": "string"}),
        "what_span": _nullable(_OFFSETS),
        "date": _nullable({"type": "string", "description": "ISO 8601 at the text's precision, or an interval a/b"}),
        "date_text": _nullable({"type": "string"}),
        "date_span": _nullable(_OFFSETS),
        "date_resolution": _nullable({"enum": ["explicit", "relative", "publication"]}),
        "date_confidence": _nullable({"type": "number", "minimum": 0, "maximum": 1,
                                      "description": "the date ranker's score for its choice (the null date included)"}),
        "change": _nullable({
            "type": "object",
            "required": ["direction", "role"],
            "properties": {"direction": {"enum": ["up", "down", None]}, "role": {"enum": list(ROLES)}},
        }),
        "source": _nullable({"type": "string"}),
        "source_span": _nullable(_OFFSETS),
        "sentence": {"type": "string"},
        "sentence_span": _nullable(_OFFSETS),
    },
}


def schema_json() -> str:
    return json.dumps(CLAIM_JSON_SCHEMA, indent=2, ensure_ascii=False)
