"""Flat claim rows, each output format read back and compared, and no half-written files."""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from newsclaims.io.documents import Document, ReadError
from newsclaims.io.writers import (
    CLAIM_COLUMNS, COLUMNS, DOCUMENT_COLUMNS, TablesWriter, document_row, error_row, flatten_claim, unflatten_claim,
)
from newsclaims.schema import Claim


def full_claim(doc_id: str = "d1", start: int = 10) -> dict[str, Any]:
    return Claim(
        doc_id=doc_id, span=[start, start + 5], text="$2 bn", value=2e9, low=1.5e9, high=2.5e9, bound="~",
        unit="USD", unit_text="$", dimension="currency", kind="money", value_base=2e9, base_unit="USD",
        who="USGS", who_span=[0, 4], what="mineral production", what_span=[20, 38], date="2019",
        date_text="in 2019", date_span=[40, 47], date_resolution="explicit",
        change={"direction": "up", "role": "delta"}, source="USGS", source_span=[0, 4],
        sentence="USGS said output rose $2 bn in 2019.", sentence_span=[0, 36],
    ).to_dict()


def sample_tables() -> dict[str, list[dict[str, Any]]]:
    doc = Document(id="d1", text="USGS said output rose $2 bn in 2019.", published="2020-02-06", title="T, with comma",
                   url="https://x.invalid/1", source="USGS", lang="en", meta={"input": "a.jsonl:1", "desk": "ü"})
    bare = Document(id="d2", text="Nothing here.")
    claims = [flatten_claim(full_claim()), flatten_claim(Claim(doc_id="d1", span=[0, 1], text="1", value=1).to_dict())]
    return {
        "documents": [document_row(doc, n_claims=2), document_row(bare, n_claims=0, status="failed", error="Boom: x")],
        "claims": claims,
        "errors": [error_row("read", ReadError("a.jsonl:3", "line is not valid JSON", path="a.jsonl", line=3), 0)],
    }


def test_flatten_names_and_round_trip() -> None:
    claim = full_claim()
    row = flatten_claim(claim)
    assert list(row) == [c.name for c in CLAIM_COLUMNS]
    assert (row["span_start"], row["span_end"], row["change_direction"], row["change_role"]) == (10, 15, "up", "delta")
    assert (row["who_span_start"], row["sentence_span_end"], row["extra"]) == (0, 36, None)
    assert unflatten_claim(row) == claim


def test_flatten_fills_ids_keeps_extra_keys_and_rejects_bad_types() -> None:
    row = flatten_claim({"span": [3, 5], "text": "12", "value": 12, "confidence": 0.9}, doc_id="d9")
    assert row["doc_id"] == "d9" and len(row["claim_id"]) == 16 and row["value"] == 12.0
    assert json.loads(row["extra"]) == {"confidence": 0.9}
    assert unflatten_claim(row)["confidence"] == 0.9
    for bad in ({"span": [1], "value": 1.0}, {"span": [1, 2], "value": "12"}, {"span": [1, 2], "change": "up"}):
        with pytest.raises(ValueError):
            flatten_claim(bad, doc_id="d9")


def normalise(table: str, row: dict[str, Any], fmt: str) -> dict[str, Any]:
    """Typed values as Python sees them, so rows read back from any format compare equal.

    CSV cannot tell an empty string from null (documented), so for CSV both read as null.
    """
    out = {}
    for column in COLUMNS[table]:
        value = row.get(column.name)
        if value == "" and (column.kind != "string" or fmt == "csv"):
            value = None
        if value is not None:
            value = {"float": float, "int": int, "date": lambda v: str(v)[:10]}.get(column.kind, lambda v: v)(value)
        out[column.name] = value
    return out


def read_back(outdir: Path, fmt: str, table: str) -> list[dict[str, Any]]:
    if fmt == "jsonl":
        return [json.loads(line) for line in (outdir / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with open(outdir / f"{table}.csv", encoding="utf-8", newline="") as handle:
            return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(handle)]
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(outdir / f"{table}.parquet").to_pylist()
    import duckdb

    con = duckdb.connect(str(outdir / "claims.duckdb"), read_only=True)
    try:
        cursor = con.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
    finally:
        con.close()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "duckdb"])
def test_each_format_reads_back_equal(tmp_path: Path, fmt: str) -> None:
    tables = sample_tables()
    with TablesWriter(tmp_path, (fmt,)) as out:
        for table, rows in tables.items():
            out.add(table, rows)
    for table, rows in tables.items():
        got = read_back(tmp_path, fmt, table)
        assert [normalise(table, r, fmt) for r in got] == [normalise(table, r, fmt) for r in rows], (fmt, table)
    assert not list(tmp_path.glob(".*tmp*"))


def test_parquet_and_duckdb_columns_are_typed(tmp_path: Path) -> None:
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = sample_tables()
    with TablesWriter(tmp_path, ("parquet", "duckdb")) as out:
        for table, rows in tables.items():
            out.add(table, rows)
    schema = pq.read_schema(tmp_path / "claims.parquet")
    assert schema.field("value").type == pa.float64() and schema.field("span_start").type == pa.int64()
    assert pq.read_schema(tmp_path / "documents.parquet").field("published").type == pa.date32()
    con = duckdb.connect(str(tmp_path / "claims.duckdb"), read_only=True)
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'documents'").fetchall())
    con.close()
    assert types["published"] == "DATE" and types["n_claims"] == "BIGINT"
    assert [c.name for c in DOCUMENT_COLUMNS] == list(types)


def test_failed_write_leaves_no_file_behind(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        with TablesWriter(tmp_path, ("jsonl", "csv", "parquet", "duckdb")) as out:
            out.add("claims", sample_tables()["claims"])
            raise RuntimeError("crash in the middle")
    assert list(tmp_path.iterdir()) == []


def test_document_row_date_and_text_flag() -> None:
    doc = Document(id="a", text="abc", published="2021-03-04")
    assert document_row(doc, n_claims=0)["text"] is None
    row = document_row(doc, n_claims=0, keep_text=True)
    assert (row["text"], row["n_chars"], row["published"]) == ("abc", 3, "2021-03-04")
    assert dt.date.fromisoformat(row["published"]) == dt.date(2021, 3, 4)
