"""The output tables as analysts use them, over a real run (the real pipeline, `newsclaims extract`, real DuckDB):
typed period columns, entity keys, kept texts, duplicate texts and the tables' JSON Schemas, in every format."""
from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsclaims.cli import main
from newsclaims.io.runner import sql
from newsclaims.io.writers import COLUMNS, unflatten_claim
from newsclaims.normalize.entities import canonical_entity
from newsclaims.normalize.periods import period_bounds
from newsclaims.schema import CLAIM_JSON_SCHEMA, table_schema

FORMATS = ("jsonl", "csv", "parquet", "duckdb")
OIL = ("U.S. oil output rose 2% to 13.4 million barrels a day in 2024, the EIA said.\n\n"
       "The United States shipped 3.9 million barrels a day abroad in November 2024.")
DOCUMENTS = [
    {"id": "oil", "published": "2025-02-03", "text": OIL},
    {"id": "gas", "published": "2025-02-04",
     "text": "Prices at the Henry Hub averaged $2.50 per million British thermal units in 2021-2023, the EIA said.\n\n"
             "Henry Hub futures slid 6% in September 2023."},
    {"id": "uk", "published": "2025-02-05",
     "text": "Britain's jobless rate held at 4.4% in March 2024. The UK economy grew 0.7% in the first quarter of "
             "2024, the Office for National Statistics said."},
    {"id": "oil-copy", "published": "2025-02-03", "text": OIL},  # the same article under another id
    {"id": "oil-respaced", "published": "2025-02-03", "text": "  " + OIL.replace("\n", "\r\n").replace(", ", ",  ")},
    {"id": "oil-later", "published": "2026-01-07", "text": OIL},  # same words, another publication date
    {"id": "fed", "published": "2025-02-06",
     "text": "The Fed cut its rate by 0.5 percentage points in 2024, and America's jobless rate was 4.2% in July 2024."},
]
COPIES = {"oil-copy": "oil", "oil-respaced": "oil"}


def _write_corpus(path: Path) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("analytics")
    corpus = _write_corpus(root / "corpus.jsonl")
    argv = ["extract", str(corpus), "-o", str(root / "run"), "-q", "--keep-text", "--shard-size", "3"]
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(argv + [arg for fmt in FORMATS for arg in ("--format", fmt)]) == 0
    return root / "run"


@pytest.fixture(scope="module")
def by_format(run: Path) -> dict[str, Path]:
    """One folder per format holding only that format's tables, so `sql` reads that format and no other."""
    folders = {}
    for fmt in FORMATS:
        folder = run.parent / f"only-{fmt}"
        folder.mkdir()
        for name in (["claims.duckdb"] if fmt == "duckdb" else [f"{t}.{fmt}" for t in COLUMNS]):
            shutil.copy(run / name, folder / name)
        folders[fmt] = folder
    return folders


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("fmt", FORMATS)
def test_date_start_and_date_end_are_dates_that_sql_compares_in_every_format(by_format: dict[str, Path], fmt: str,
                                                                             run: Path) -> None:
    out = by_format[fmt]
    assert sql(out, "SELECT DISTINCT typeof(date_start), typeof(date_end) FROM claims") == [("DATE", "DATE")]
    assert sql(out, "SELECT DISTINCT typeof(published) FROM documents") == [("DATE",)]
    claims = read_jsonl(run / "claims.jsonl")
    assert any(c["date"] == "2024" for c in claims) and any("/" in (c["date"] or "") for c in claims)
    expected = {c["claim_id"] for c in claims if c["date"] and period_bounds(c["date"])[0] >= "2024-01-01"}
    got = {cid for (cid,) in sql(out, "SELECT claim_id FROM claims WHERE date_start >= '2024-01-01'")}
    assert got == expected and expected
    # a year-only date is inside 2024 by its bounds, which text comparison of `date` cannot tell
    assert sql(out, "SELECT count(*) FROM claims WHERE date = '2024' AND date_start >= '2024-01-01' "
                    "AND date_end <= DATE '2024-12-31'") == sql(out, "SELECT count(*) FROM claims WHERE date = '2024'")
    rows = sql(out, "SELECT date, CAST(date_start AS VARCHAR), CAST(date_end AS VARCHAR) FROM claims")
    assert all(period_bounds(date) == (start, end) for date, start, end in rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_who_norm_groups_the_spellings_of_one_entity(by_format: dict[str, Path], fmt: str) -> None:
    out = by_format[fmt]
    rows = sql(out, "SELECT who, who_norm, source, source_norm FROM claims")
    assert all(canonical_entity(who) == who_norm and canonical_entity(source) == source_norm
               for who, who_norm, source, source_norm in rows)
    spellings = dict(sql(out, "SELECT who_norm, count(DISTINCT who) FROM claims GROUP BY who_norm"))
    assert spellings["united states"] >= 2  # U.S., United States, America: counted as one entity


@pytest.mark.parametrize("fmt", FORMATS)
def test_keep_text_puts_each_text_in_the_documents_table(by_format: dict[str, Path], fmt: str) -> None:
    texts = dict(sql(by_format[fmt], "SELECT id, text FROM documents"))
    assert texts == {d["id"]: d["text"] for d in DOCUMENTS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_duplicate_text_is_reported_and_its_claims_linked_not_repeated(by_format: dict[str, Path], fmt: str) -> None:
    out = by_format[fmt]
    documents = {d: (s, dup, n) for d, s, dup, n in sql(out, "SELECT id, status, duplicate_of, n_claims FROM documents")}
    assert {d: (s, dup) for d, (s, dup, _) in documents.items() if dup} == {c: ("duplicate", f) for c, f in COPIES.items()}
    assert documents["oil-later"][:2] == ("ok", None)  # its "last year" would mean another year: processed
    assert sql(out, "SELECT count(*) FROM claims WHERE doc_id IN ('oil-copy', 'oil-respaced')") == [(0,)]
    linked = dict(sql(out, "SELECT d.id, count(c.claim_id) FROM documents d "
                           "JOIN claims c ON c.doc_id = coalesce(d.duplicate_of, d.id) GROUP BY d.id"))
    assert linked["oil-copy"] == linked["oil-respaced"] == linked["oil"] == documents["oil"][2] > 0
    hashes = dict(sql(out, "SELECT id, text_hash FROM documents"))
    assert hashes["oil"] == hashes["oil-copy"] == hashes["oil-respaced"] == hashes["oil-later"] != hashes["gas"]


def test_the_manifest_counts_the_duplicates(run: Path) -> None:
    counts = json.loads((run / "manifest.json").read_text(encoding="utf-8"))["counts"]
    assert counts["documents_duplicate"] == len(COPIES) and counts["documents_read"] == len(DOCUMENTS)
    assert counts["all_items_accounted_for"] and counts["documents_failed"] == 0


@pytest.mark.parametrize("table", ["claims", "documents", "errors"])
def test_every_column_the_writers_write_is_in_the_schema_with_a_description(table: str) -> None:
    schema = table_schema(table)
    assert list(schema["properties"]) == [c.name for c in COLUMNS[table]] == schema["required"]
    undescribed = [name for name, prop in schema["properties"].items() if not prop.get("description", "").strip()]
    assert not undescribed
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_field_of_the_record_schema_has_a_description() -> None:
    properties = CLAIM_JSON_SCHEMA["properties"]
    assert not [name for name, prop in properties.items() if not prop.get("description")]
    assert all(p.get("description") for p in properties["change"]["anyOf"][0]["properties"].values())


def test_the_sql_types_in_the_schema_are_those_of_the_duckdb_file(run: Path) -> None:
    import duckdb

    con = duckdb.connect(str(run / "claims.duckdb"), read_only=True)
    try:
        for table in ("claims", "documents", "errors"):
            actual = {name: kind for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()}
            assert actual == {n: p["x-sql-type"] for n, p in table_schema(table)["properties"].items()}
    finally:
        con.close()


@pytest.mark.parametrize("table", ["claims", "documents", "errors"])
def test_the_rows_of_a_real_run_validate(run: Path, table: str) -> None:
    validator = jsonschema.Draft202012Validator(table_schema(table), format_checker=jsonschema.FormatChecker())
    rows = read_jsonl(run / f"{table}.jsonl")
    assert rows or table == "errors"
    for row in rows:
        validator.validate(row)
    if table == "claims":
        for row in rows:
            jsonschema.validate(unflatten_claim(row), CLAIM_JSON_SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("table", ["record", "claims", "documents", "errors"])
def test_the_schema_command_prints_each_table(table: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema", "--table", table]) == 0
    assert json.loads(out.getvalue()) == (CLAIM_JSON_SCHEMA if table == "record" else table_schema(table))
