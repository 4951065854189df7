"""The claim record: one quantity mention with its slots, as plain data.

Field names follow ``corpus/GUIDELINES.md`` (span, value, low, high, bound, unit,
who, what, date, change, source); everything else adds provenance for analytics.
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Optional

from newsclaims.normalize.entities import canonical_entity
from newsclaims.normalize.periods import period_bounds

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
    who_norm: Optional[str] = None  # derived from who (newsclaims.normalize.entities): always recomputed
    who_span: Span = None
    who_confidence: Optional[float] = None  # the who ranker's score for its choice, 0..1 (null: no score)
    what: Optional[str] = None
    what_span: Span = None
    what_confidence: Optional[float] = None  # the what ranker's score for its choice, 0..1 (null: no score)
    date: Optional[str] = None
    date_start: Optional[str] = None  # derived from date (newsclaims.normalize.periods): always recomputed
    date_end: Optional[str] = None
    date_text: Optional[str] = None
    date_span: Span = None
    date_resolution: Optional[str] = None
    date_confidence: Optional[float] = None  # the date ranker's score for its choice, 0..1 (null: no score)
    change: Optional[dict] = None
    source: Optional[str] = None
    source_norm: Optional[str] = None  # derived from source, as who_norm from who
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
        for name, value in derived_fields(self.date, self.who, self.source).items():
            setattr(self, name, value)

    def to_dict(self) -> dict[str, Any]:
        # dataclasses.asdict deep-copies through copy.deepcopy, which is most of the cost on claim-dense texts
        record = {name: _plain_copy(getattr(self, name)) for name in _CLAIM_FIELDS}
        record.update(derived_fields(self.date, self.who, self.source))  # an attribute may have been set since
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Claim":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))
DERIVED_FIELDS = ("date_start", "date_end", "who_norm", "source_norm")


def derived_fields(date: Any, who: Any, source: Any) -> dict[str, Optional[str]]:
    """The fields computed from others, never set by hand: the typed period of ``date`` and the entity keys of
    ``who`` and ``source``. A value that is not a string (a malformed record) derives nothing."""
    start, end = period_bounds(date) if isinstance(date, str) else (None, None)
    return {"date_start": start, "date_end": end,
            "who_norm": canonical_entity(who) if isinstance(who, str) else None,
            "source_norm": canonical_entity(source) if isinstance(source, str) else None}


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


def _field(description: str, schema: dict, *, nullable: bool = False) -> dict:
    """A property with its description at the top, where tools (and `newsclaims schema`) show it."""
    return {"description": description, **(_nullable(schema) if nullable else schema)}


_OFFSETS = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
_TEXT = {"type": "string"}
_NUMBER = {"type": "number"}
_DAY = {"type": "string", "format": "date"}
_SCORE = {"type": "number", "minimum": 0, "maximum": 1}

CLAIM_JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://newsclaims.invalid/schema/claim.v1.json",
    "title": "newsclaims claim",
    "description": "One quantity mention in a news document with who/what/value/unit/date and provenance. "
                   "Every *_span is [start, end) in the document text, and its slice equals the field's text.",
    "type": "object",
    "required": ["claim_id", "doc_id", "span", "text", "value", "low", "high", "bound", "unit",
                 "who", "what", "date", "change", "source"],
    "additionalProperties": False,
    "properties": {
        "claim_id": _field("stable id: the first 16 hex digits of sha1(doc_id, span), the same in every run", _TEXT),
        "doc_id": _field("the document's id (documents.id)", _TEXT),
        "span": _field("[start, end) character offsets of the quantity mention in the document text", _OFFSETS),
        "text": _field("the quantity mention as written", _TEXT),
        "value": _field("the number with scale words applied ('$2.5 billion' -> 2500000000); null for a range",
                        _NUMBER, nullable=True),
        "low": _field("lower end of a range ('between 3 and 5 percent' -> 3); null when not a range", _NUMBER,
                      nullable=True),
        "high": _field("upper end of a range; null when not a range (a range is never averaged)", _NUMBER,
                       nullable=True),
        "bound": _field("= exact, ~ about, > more than, >= at least, < less than, <= up to", {"enum": list(BOUNDS)}),
        "unit": _field("canonical unit: %, pp, an ISO 4217 code, x, a pint unit such as t or GW, USD/barrel; "
                       "null for a count", _TEXT, nullable=True),
        "unit_text": _field("the unit as written (for a count, the counted noun)", _TEXT, nullable=True),
        "dimension": _field("what the unit measures: count, currency, percentage, mass, power, ...", _TEXT),
        "kind": _field("the claim's kind of quantity", {"enum": list(KINDS)}),
        "value_base": _field("value in SI base units where pint converts the unit (45,000 t -> 4.5e7 kg)", _NUMBER,
                             nullable=True),
        "low_base": _field("low in SI base units (as value_base)", _NUMBER, nullable=True),
        "high_base": _field("high in SI base units (as value_base)", _NUMBER, nullable=True),
        "base_unit": _field("the SI unit of value_base, low_base and high_base", _TEXT, nullable=True),
        "who": _field("the entity the figure is about, as written", _TEXT, nullable=True),
        "who_norm": _field("who as an entity key for GROUP BY: lower case, no accents, punctuation, leading 'the' or "
                           "possessive; aliases in models/lexicon/entity_aliases.json become their entity's key "
                           "(U.S., US, America -> united states). Normalisation, not entity linking", _TEXT,
                           nullable=True),
        "who_span": _field("[start, end) of who", _OFFSETS, nullable=True),
        "who_confidence": _field("the who ranker's score for its choice (a null who included)", _SCORE, nullable=True),
        "what": _field("the measured thing in the text's words", _TEXT, nullable=True),
        "what_span": _field("[start, end) of what; null when what joins words from two places", _OFFSETS,
                            nullable=True),
        "what_confidence": _field("the what ranker's score for its choice (a null what included)", _SCORE,
                                  nullable=True),
        "date": _field("ISO 8601 at the text's precision (2024, 2024-10, 2024-10-03), or an interval a/b "
                       "(2020/2023, 2007-10/2008-09)", _TEXT, nullable=True),
        "date_start": _field("first day of the period date covers, YYYY-MM-DD (2024 -> 2024-01-01, "
                             "2007-10/2008-09 -> 2007-10-01); null when date is null", _DAY, nullable=True),
        "date_end": _field("last day of the period date covers, YYYY-MM-DD (2024 -> 2024-12-31, "
                           "2007-10/2008-09 -> 2008-09-30); null when date is null", _DAY, nullable=True),
        "date_text": _field("the words the date was read from", _TEXT, nullable=True),
        "date_span": _field("[start, end) of date_text; null for the publication date", _OFFSETS, nullable=True),
        "date_resolution": _field("explicit (the text names it), relative (to the publication date) or "
                                  "publication (the publication date itself, 'now')",
                                  {"enum": ["explicit", "relative", "publication"]}, nullable=True),
        "date_confidence": _field("the date ranker's score for its choice (the null date included)", _SCORE,
                                  nullable=True),
        "change": _field("null, or the figure's part in a change", {
            "type": "object",
            "required": ["direction", "role"],
            "properties": {
                "direction": _field("up, down or null (a change without a direction)", {"enum": ["up", "down", None]}),
                "role": _field("new (the value after), old (the value before) or delta (the size of the change)",
                               {"enum": list(ROLES)}),
            },
        }, nullable=True),
        "source": _field("who the text says the figure comes from ('according to USGS', 'the IEA said')", _TEXT,
                         nullable=True),
        "source_norm": _field("source as an entity key, made as who_norm is", _TEXT, nullable=True),
        "source_span": _field("[start, end) of source", _OFFSETS, nullable=True),
        "sentence": _field("the sentence the figure stands in", _TEXT),
        "sentence_span": _field("[start, end) of the sentence", _OFFSETS, nullable=True),
    },
}


# ------------------------------------------------------------------------------- the output tables

SCHEMA_TABLES = ("record", "claims", "documents", "errors")  # `newsclaims schema --table ...`

TABLE_DESCRIPTIONS = {
    "claims": "One row per claim: the claim record with each *_span flattened to *_start/*_end and change to "
              "change_direction/change_role; claims.doc_id joins documents.id.",
    "documents": "One row per document read (unreadable input items are in errors only).",
    "errors": "One row per input item that could not be read and per document that failed or was skipped.",
}

DOCUMENT_COLUMN_DESCRIPTIONS = {
    "id": "the document's id (from the input, or made from the file name and position)",
    "title": "the title given with the input", "url": "the URL given with the input",
    "source": "the publisher given with the input (not a claim's source)",
    "lang": "the language declared with the input (as given, e.g. en)",
    "published": "publication date, YYYY-MM-DD; null when the input had none or not a full date "
                 "(then meta.published_raw holds what it had)",
    "n_chars": "characters of text", "n_claims": "claims of this document in the claims table",
    "status": "ok (processed), failed (processing raised or timed out: see error), skipped (not English: see "
              "error) or duplicate (the same text as an earlier document: see duplicate_of)",
    "error": "why the document failed or was skipped; null when ok",
    "duplicate_of": "for a duplicate: the id of the first document with the same normalised text, publication "
                    "date and declared language; its claims are that document's (claims.doc_id = duplicate_of), "
                    "and not written again under this id; null otherwise",
    "meta": "every other input field, and meta.input: where the document came from, as a JSON object",
    "text_hash": "32 hex digits of the BLAKE2b-128 hash of the normalised text (NFC, whitespace runs as one space, "
                 "trimmed): equal for copies of one article, whatever their dates; null for an empty text",
    "text": "the document text, with --keep-text (keep_text=True); null otherwise",
}

ERROR_COLUMN_DESCRIPTIONS = {
    "stage": "read (the input item could not be read), process (extraction raised or timed out) or language "
             "(the document is not English and was skipped)",
    "location": "where the item is: file:line, file, file@offset, file[index] or a document id",
    "doc_id": "the document's id, when there is one",
    "path": "the input file", "line": "line number in the input file (1-based), for line-based inputs",
    "offset": "byte offset in the input file (WARC records)", "reason": "what went wrong, as a sentence",
    "shard": "the output shard (shards/NNNNN.jsonl) that holds the item",
}

_EXTRA_DESCRIPTION = ("claim keys the schema does not name (from a custom process function), as a JSON object; "
                      "null when none")
_COLUMN_JSON_TYPES = {"string": "string", "json": "string", "float": "number", "int": "integer", "date": "string"}
_COLUMN_SQL_TYPES = {"string": "VARCHAR", "json": "VARCHAR", "float": "DOUBLE", "int": "BIGINT", "date": "DATE"}
_NOT_NULL = {"documents": {"id", "n_chars", "n_claims", "status"}, "errors": {"stage", "location", "reason"}}


def table_schema(table: str) -> dict[str, Any]:
    """The JSON Schema of one row of an output table (a JSONL line; the same columns in CSV, Parquet, DuckDB).

    The columns come from the writers (`newsclaims.io.writers.COLUMNS`), so a column added there and not described
    here shows up as a property without a description, which the tests refuse. ``x-sql-type`` is the column's
    type in Parquet and DuckDB (CSV and JSONL hold the same values as text; dates as YYYY-MM-DD).
    """
    from newsclaims.io.writers import COLUMNS

    properties = {c.name: _column_schema(table, c.name, c.kind) for c in COLUMNS[table]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://newsclaims.invalid/schema/{table}-table.v1.json",
        "title": f"newsclaims {table} table row",
        "description": TABLE_DESCRIPTIONS[table],
        "type": "object",
        "required": list(properties),
        "additionalProperties": False,
        "properties": properties,
    }


def _column_schema(table: str, name: str, kind: str) -> dict[str, Any]:
    if table == "claims":
        schema = _claim_column_schema(name)
    else:
        descriptions = DOCUMENT_COLUMN_DESCRIPTIONS if table == "documents" else ERROR_COLUMN_DESCRIPTIONS
        typed = {"type": _COLUMN_JSON_TYPES[kind], **({"format": "date"} if kind == "date" else {})}
        schema = {**({"description": descriptions[name]} if name in descriptions else {}),
                  **(typed if name in _NOT_NULL.get(table, ()) else _nullable(typed))}
    return {**schema, "x-sql-type": _COLUMN_SQL_TYPES[kind]}


def _claim_column_schema(name: str) -> dict[str, Any]:
    """A flat claim column's schema, read off the record's: a field itself, one end of a span, or an object's key."""
    properties = CLAIM_JSON_SCHEMA["properties"]
    if name == "extra":
        return {"description": _EXTRA_DESCRIPTION, **_nullable(_TEXT)}
    if name in properties and not _options_of(properties[name], "array", "object"):
        return copy.deepcopy(properties[name])
    for field_name, prop in properties.items():
        if _options_of(prop, "array") and name in (f"{field_name}_start", f"{field_name}_end"):
            end = "start" if name.endswith("_start") else "end"
            offset = {"type": "integer", "minimum": 0}
            return {"description": f"{end} offset of {field_name}: {prop['description']}",
                    **(_nullable(offset) if "anyOf" in prop else offset)}
        obj = _options_of(prop, "object")
        if obj and name.startswith(f"{field_name}_") and name[len(field_name) + 1:] in obj["properties"]:
            key_schema = copy.deepcopy(obj["properties"][name[len(field_name) + 1:]])
            description = key_schema.pop("description", "")
            return {"description": f"{field_name}.{name[len(field_name) + 1:]}: {description}",
                    **(_nullable(key_schema) if "anyOf" in prop else key_schema)}
    return {}


def _options_of(prop: dict[str, Any], *types: str) -> Optional[dict[str, Any]]:
    """The option of a (nullable) property whose type is one of ``types``, or None."""
    for option in prop.get("anyOf", [prop]):
        if option.get("type") in types:
            return option
    return None


def schema_json(table: str = "record") -> str:
    """`newsclaims schema`: the claim record's JSON Schema, or that of a row of an output table."""
    if table not in SCHEMA_TABLES:
        raise ValueError(f"unknown table {table!r}; choose from {', '.join(SCHEMA_TABLES)}")
    schema = CLAIM_JSON_SCHEMA if table == "record" else table_schema(table)
    return json.dumps(schema, indent=2, ensure_ascii=False)
