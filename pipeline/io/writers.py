"""Write the `documents`, `claims` and `errors` tables as JSONL, CSV, Parquet or an embedded DuckDB file.

Every format holds the same flat rows: one row per claim with each claim field flattened
(``span`` -> ``span_start``/``span_end``, ``change`` -> ``change_direction``/``change_role``), and
``claims.doc_id`` joins ``documents.id``. The claim columns are derived from `newsclaims.schema.Claim`,
so a field added there appears here without edits. A claim field whose schema has ``"format": "date"``
(``date_start``, ``date_end``) and the documents' ``published`` are DATE in Parquet and DuckDB and
``YYYY-MM-DD`` text in JSONL and CSV, which `newsclaims sql` reads back as DATE.

Files are written under a temporary name, fsynced and renamed with `os.replace`, so a crash never
leaves a half-written file under a final name.
"""
from __future__ import annotations

import contextlib
import csv
import dataclasses
import json
import os
import typing
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Optional

from newsclaims.io.documents import Document, ReadError, normalize_published
from newsclaims.normalize.text_hash import text_hash
from newsclaims.schema import CLAIM_JSON_SCHEMA, Claim, derived_fields, make_claim_id

FORMATS = ("jsonl", "csv", "parquet", "duckdb")
TABLES = ("documents", "claims", "errors")
DUCKDB_FILE = "claims.duckdb"


@dataclass(frozen=True)
class Column:
    """A typed output column; ``kind`` is one of string, float, int, date."""

    name: str
    kind: str


# ------------------------------------------------------------------------------------------ columns

def _claim_columns() -> tuple[Column, ...]:
    """Flat claim columns in Claim field order, ids first (what analysts read first)."""
    hints = typing.get_type_hints(Claim)
    columns: list[Column] = []
    for f in dataclasses.fields(Claim):
        columns.extend(_flat_columns(f.name, _base_type(hints[f.name])))
    first = [c for c in columns if c.name in ("claim_id", "doc_id")]
    return tuple(sorted(first, key=lambda c: c.name) + [c for c in columns if c not in first]) + (Column("extra", "string"),)


def _base_type(hint: Any) -> Any:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return _base_type(args[0]) if typing.get_origin(hint) is typing.Union and len(args) == 1 else (typing.get_origin(hint) or hint)


def _flat_columns(name: str, base: Any) -> list[Column]:
    if base is list:
        return [Column(f"{name}_start", "int"), Column(f"{name}_end", "int")]
    if base is dict:
        return [Column(f"{name}_{key}", "string") for key in _dict_keys(name)]
    kind = {float: "float", int: "int", str: "string"}.get(base, "json")
    return [Column(name, "date" if kind == "string" and _is_day_field(name) else kind)]


def _is_day_field(name: str) -> bool:
    """A string field whose schema says it holds a YYYY-MM-DD day (date_start, date_end): a DATE column."""
    schema = CLAIM_JSON_SCHEMA["properties"].get(name, {})
    return any(option.get("format") == "date" for option in schema.get("anyOf", [schema]))


def _dict_keys(name: str) -> list[str]:
    schema = CLAIM_JSON_SCHEMA["properties"].get(name, {})
    for option in schema.get("anyOf", [schema]):
        if option.get("type") == "object":
            return list(option.get("properties", {}))
    return []


CLAIM_COLUMNS: tuple[Column, ...] = _claim_columns()
_FIELD_COLUMNS: Mapping[str, list[Column]] = {  # Claim field -> its flat column(s)
    f.name: _flat_columns(f.name, _base_type(typing.get_type_hints(Claim)[f.name])) for f in dataclasses.fields(Claim)
}
DOCUMENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "string"), Column("title", "string"), Column("url", "string"), Column("source", "string"),
    Column("lang", "string"), Column("published", "date"), Column("n_chars", "int"), Column("n_claims", "int"),
    Column("status", "string"), Column("error", "string"), Column("duplicate_of", "string"), Column("meta", "string"),
    Column("text_hash", "string"), Column("text", "string"),
)
ERROR_COLUMNS: tuple[Column, ...] = (
    Column("stage", "string"), Column("location", "string"), Column("doc_id", "string"), Column("path", "string"),
    Column("line", "int"), Column("offset", "int"), Column("reason", "string"), Column("shard", "int"),
)
COLUMNS: Mapping[str, tuple[Column, ...]] = {"documents": DOCUMENT_COLUMNS, "claims": CLAIM_COLUMNS, "errors": ERROR_COLUMNS}


# ------------------------------------------------------------------------------------------- rows

@dataclass(frozen=True)
class _FieldPlan:
    """How one Claim field becomes columns: ``scalar`` (one column), ``span`` (start/end), ``object`` (keys)."""

    name: str
    shape: str
    columns: tuple[Column, ...]


def _field_plans() -> tuple[_FieldPlan, ...]:
    plans = []
    for name, columns in _FIELD_COLUMNS.items():
        if columns[0].name == f"{name}_start":
            shape = "span"
        elif len(columns) == 1 and columns[0].name == name:
            shape = "scalar"
        else:
            shape = "object"
        plans.append(_FieldPlan(name, shape, tuple(columns)))
    return tuple(plans)


_FIELD_PLANS = _field_plans()
_CLAIM_FIELDS = frozenset(_FIELD_COLUMNS)


def flatten_claim(claim: Mapping[str, Any], doc_id: Optional[str] = None) -> dict[str, Any]:
    """One flat, type-checked row from a claim dict (``Claim.to_dict()``); raises ValueError if malformed.

    Checking here, per document, turns a bad value from the extractor into that document's error
    instead of a failure of the whole merge. Keys not in the schema are kept as JSON in ``extra``.
    A missing ``doc_id`` is taken from the document, a missing ``claim_id`` made from doc_id and span.
    """
    row: dict[str, Any] = {"claim_id": None, "doc_id": None}  # first, as in CLAIM_COLUMNS
    for plan in _FIELD_PLANS:
        value = claim.get(plan.name)
        if plan.shape == "scalar":
            row[plan.name] = _checked(plan.columns[0], value)
        elif value is None:
            row.update(dict.fromkeys(c.name for c in plan.columns))
        elif plan.shape == "span":
            _put_span(row, plan, value)
        else:
            _put_object(row, plan, value)
    row.update(derived_fields(row["date"], row["who"], row["source"]))  # the record's own fields decide them
    if not row["doc_id"]:
        row["doc_id"] = doc_id
    if not row["claim_id"] and row["doc_id"] is not None and row["span_start"] is not None:
        row["claim_id"] = make_claim_id(row["doc_id"], [row["span_start"], row["span_end"]])
    extra = {k: claim[k] for k in claim.keys() - _CLAIM_FIELDS}
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row


def _put_span(row: dict[str, Any], plan: _FieldPlan, value: Any) -> None:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ValueError(f"claim field {plan.name!r} should be [start, end], got {value!r}")
    row[plan.columns[0].name] = _checked(plan.columns[0], value[0])
    row[plan.columns[1].name] = _checked(plan.columns[1], value[1])


def _put_object(row: dict[str, Any], plan: _FieldPlan, value: Any) -> None:
    if not isinstance(value, Mapping):
        raise ValueError(f"claim field {plan.name!r} should be an object, got {value!r}")
    for column in plan.columns:
        row[column.name] = _checked(column, value.get(column.name[len(plan.name) + 1:]))


def _checked(column: Column, value: Any) -> Any:
    """The value in the column's type; ints widen to float, anything else that does not fit is an error."""
    if value is None:
        return None
    kind, vtype = column.kind, type(value)
    if kind == "string" and vtype is str:
        return value
    if kind == "float" and vtype in (float, int):
        return float(value)
    if kind == "int" and vtype is int:
        return value
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind == "date" and vtype is str:
        date.fromisoformat(value)  # raises ValueError for anything but a real YYYY-MM-DD day
        return value
    raise ValueError(f"claim field {column.name!r} should be a {kind}, got {vtype.__name__} {value!r}")


def unflatten_claim(row: Mapping[str, Any]) -> dict[str, Any]:
    """The claim dict (as ``Claim.to_dict()``) back from a flat row; the inverse of `flatten_claim`."""
    claim: dict[str, Any] = {}
    for plan in _FIELD_PLANS:
        values = [row.get(c.name) for c in plan.columns]
        if plan.shape == "span":
            claim[plan.name] = None if all(v is None for v in values) else values
        elif plan.shape == "object":
            keys = [c.name[len(plan.name) + 1:] for c in plan.columns]
            claim[plan.name] = None if all(v is None for v in values) else dict(zip(keys, values))
        else:
            value = values[0]
            claim[plan.name] = json.loads(value) if plan.columns[0].kind == "json" and value is not None else value
    if row.get("extra"):
        claim.update(json.loads(row["extra"]))
    return claim


def document_row(doc: Document, *, n_claims: int, status: str = "ok", error: Optional[str] = None,
                 keep_text: bool = False, duplicate_of: Optional[str] = None) -> dict[str, Any]:
    """The documents-table row; the text is left out unless asked for (it is most of the bytes), its hash never."""
    return {
        "id": doc.id, "title": doc.title, "url": doc.url, "source": doc.source, "lang": doc.lang,
        "published": normalize_published(doc.published), "n_chars": len(doc.text), "n_claims": n_claims,
        "status": status, "error": error, "duplicate_of": duplicate_of,
        "meta": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True, default=str),
        "text_hash": text_hash(doc.text), "text": doc.text if keep_text else None,
    }


def error_row(stage: str, error: ReadError, shard: Optional[int] = None) -> dict[str, Any]:
    """An errors-table row: ``stage`` is 'read' (input could not be read) or 'process' (extraction raised)."""
    data = error.to_dict()
    return {"stage": stage, **{c.name: data.get(c.name) for c in ERROR_COLUMNS if c.name in data}, "shard": shard}


# ----------------------------------------------------------------------------------- atomic files

@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``final``; on success fsync it and rename it into place.

    On an exception the temporary file is removed, so readers only ever see complete files.
    """
    final = Path(final)
    tmp = final.with_name(f".{final.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")  # unique per writer
    try:
        yield tmp
        _fsync_file(tmp)
        os.replace(tmp, final)
        _fsync_dir(final.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_open(final: Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """`open` for writing whose file appears under ``final`` only once it is complete."""
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
    with atomic_path(final) as tmp, open(tmp, mode, **kwargs) as handle:
        yield handle


def write_json_atomic(final: Path, data: Any) -> None:
    with atomic_open(final) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
        handle.write("\n")


def _fsync_file(path: Path) -> None:
    if path.is_dir():
        return
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX: the directory entry lives in the folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --------------------------------------------------------------------------------------- writers

class _TableSink:
    """One output format: receives batches of rows per table, then commits or aborts all its files."""

    def add(self, table: str, rows: Sequence[dict[str, Any]], arrow: Any = None) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError


class _FileSink(_TableSink):
    """Shared temp-file bookkeeping for the one-file-per-table formats."""

    suffix = ""

    def __init__(self, outdir: Path, tables: Sequence[str]) -> None:
        self._stack = contextlib.ExitStack()
        self.paths = {t: outdir / f"{t}.{self.suffix}" for t in tables}
        self._tmp = {t: self._stack.enter_context(atomic_path(p)) for t, p in self.paths.items()}

    def commit(self) -> None:
        self._close_files()
        self._stack.close()

    def abort(self) -> None:
        self._close_files()
        self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)

    def _close_files(self) -> None:
        raise NotImplementedError


class _JsonlSink(_FileSink):
    suffix = "jsonl"

    def __init__(self, outdir: Path, tables: Sequence[str]) -> None:
        super().__init__(outdir, tables)
        self._files = {t: open(p, "w", encoding="utf-8") for t, p in self._tmp.items()}

    def add(self, table: str, rows: Sequence[dict[str, Any]], arrow: Any = None) -> None:
        handle = self._files[table]
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False))
            handle.write("\n")

    def _close_files(self) -> None:
        for handle in self._files.values():
            handle.close()


class _CsvSink(_FileSink):
    """CSV for spreadsheets: an empty cell is null (CSV cannot tell '' from null)."""

    suffix = "csv"

    def __init__(self, outdir: Path, tables: Sequence[str]) -> None:
        super().__init__(outdir, tables)
        self._files = {t: open(p, "w", encoding="utf-8", newline="") for t, p in self._tmp.items()}
        self._writers = {t: csv.writer(h) for t, h in self._files.items()}
        for table, writer in self._writers.items():
            writer.writerow([c.name for c in COLUMNS[table]])

    def add(self, table: str, rows: Sequence[dict[str, Any]], arrow: Any = None) -> None:
        names = [c.name for c in COLUMNS[table]]
        self._writers[table].writerows([[_csv_cell(row.get(n)) for n in names] for row in rows])

    def _close_files(self) -> None:
        for handle in self._files.values():
            handle.close()


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def csv_safe_text(text: str) -> str:
    """A text cell that spreadsheets will not run as a formula (OWASP CSV injection): a leading ' is added to a
    cell that starts with = + - @ tab or CR, unless the cell is a plain number such as "-3.5" or the bare bound
    "=", which no spreadsheet runs."""
    if text.startswith(FORMULA_PREFIXES) and text != "=" and not _is_number(text):
        return "'" + text
    return text


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_safe_text(value)
    return repr(value) if isinstance(value, float) else value


class _ParquetSink(_FileSink):
    """Typed Parquet (float64, int64, date32, dictionary-encoded strings), one row group per flush."""

    suffix = "parquet"

    def __init__(self, outdir: Path, tables: Sequence[str]) -> None:
        import pyarrow.parquet as pq

        super().__init__(outdir, tables)
        self._writers = {t: pq.ParquetWriter(p, arrow_schema(t), compression="zstd") for t, p in self._tmp.items()}

    def add(self, table: str, rows: Sequence[dict[str, Any]], arrow: Any = None) -> None:
        if rows:
            self._writers[table].write_table(arrow if arrow is not None else to_arrow(table, rows))

    def _close_files(self) -> None:
        for writer in self._writers.values():
            writer.close()


class _DuckDBSink(_TableSink):
    """An embedded DuckDB database file with the three tables, built under a temporary name."""

    def __init__(self, outdir: Path, tables: Sequence[str]) -> None:
        import duckdb

        self.path = outdir / DUCKDB_FILE
        self._stack = contextlib.ExitStack()
        self._tmp = self._stack.enter_context(atomic_path(self.path))
        self._tmp.unlink(missing_ok=True)
        self._con = duckdb.connect(str(self._tmp))
        for table in tables:
            self._con.execute(f"CREATE TABLE {table} ({duckdb_columns(table)})")

    def add(self, table: str, rows: Sequence[dict[str, Any]], arrow: Any = None) -> None:
        if not rows:
            return
        batch = arrow if arrow is not None else to_arrow(table, rows)
        self._con.register("_batch", batch)
        self._con.execute(f"INSERT INTO {table} SELECT * FROM _batch")
        self._con.unregister("_batch")

    def commit(self) -> None:
        self._con.execute("CHECKPOINT")
        self._con.close()
        Path(f"{self._tmp}.wal").unlink(missing_ok=True)
        self._stack.close()

    def abort(self) -> None:
        self._con.close()
        Path(f"{self._tmp}.wal").unlink(missing_ok=True)
        self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)


_SINKS: Mapping[str, type[_TableSink]] = {"jsonl": _JsonlSink, "csv": _CsvSink, "parquet": _ParquetSink, "duckdb": _DuckDBSink}


class TablesWriter:
    """Writes the tables in several formats at once; files appear only when the `with` block succeeds.

    Usage: ``with TablesWriter(outdir, ("jsonl", "parquet")) as out: out.add("claims", rows)``.
    """

    def __init__(self, outdir: Path, formats: Iterable[str] = ("jsonl",), tables: Sequence[str] = TABLES) -> None:
        self.formats = check_formats(formats)
        self.outdir = Path(outdir)
        self.tables = tuple(tables)
        self._sinks: list[_TableSink] = []
        self._arrow_formats = {"parquet", "duckdb"} & set(self.formats)

    def __enter__(self) -> "TablesWriter":
        self.outdir.mkdir(parents=True, exist_ok=True)
        try:
            for fmt in self.formats:
                self._sinks.append(_SINKS[fmt](self.outdir, self.tables))
        except BaseException:
            self._abort()
            raise
        return self

    def add(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        arrow = to_arrow(table, rows) if self._arrow_formats and rows else None
        for sink in self._sinks:
            sink.add(table, rows, arrow)

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            for sink in self._sinks:
                sink.commit()
        else:
            self._abort()

    def _abort(self) -> None:
        for sink in self._sinks:
            with contextlib.suppress(Exception):
                sink.abort()


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys([formats] if isinstance(formats, str) else formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise ValueError(f"unknown output format(s) {unknown or chosen}; choose from {', '.join(FORMATS)}")
    return chosen


# ------------------------------------------------------------------------------- arrow and duckdb

def arrow_schema(table: str) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "json": pa.string(), "float": pa.float64(), "int": pa.int64(), "date": pa.date32()}
    return pa.schema([pa.field(c.name, types[c.kind]) for c in COLUMNS[table]])


def to_arrow(table: str, rows: Sequence[dict[str, Any]]) -> Any:
    """Rows to a typed Arrow table (ISO date strings become date32)."""
    import pyarrow as pa

    columns = COLUMNS[table]
    data = {c.name: [_arrow_value(c, row.get(c.name)) for row in rows] for c in columns}
    return pa.Table.from_pydict(data, schema=arrow_schema(table))


def _arrow_value(column: Column, value: Any) -> Any:
    if column.kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def duckdb_columns(table: str) -> str:
    """The column list for CREATE TABLE, names quoted so any schema field name is safe in SQL."""
    types = {"string": "VARCHAR", "json": "VARCHAR", "float": "DOUBLE", "int": "BIGINT", "date": "DATE"}
    return ", ".join(f'"{c.name}" {types[c.kind]}' for c in COLUMNS[table])


def duckdb_column_struct(table: str) -> str:
    """The ``columns={...}`` struct that DuckDB's read_json/read_csv take, so empty files still type."""
    types = {"string": "VARCHAR", "json": "VARCHAR", "float": "DOUBLE", "int": "BIGINT", "date": "DATE"}
    return "{" + ", ".join(f"'{c.name}': '{types[c.kind]}'" for c in COLUMNS[table]) + "}"
