"""`newsclaims sql` reads the run's own tables and nothing else (issue 14, Security); CSV cells never run as
formulas. Real DuckDB over a real run written by run_corpus."""
from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from io_fakeproc import make_process
from io_helpers import make_records, write_jsonl

from newsclaims.cli import main
from newsclaims.io.runner import UnsafeQueryError, run_corpus, sql
from newsclaims.io.writers import csv_safe_text


@pytest.fixture(params=["parquet", "duckdb", "jsonl", "csv"])
def run(request, tmp_path: Path) -> Path:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", make_records(5))
    out = tmp_path / f"run-{request.param}"
    run_corpus([corpus], out, process=make_process, formats=(request.param,), progress=False)
    return out


def test_own_tables_are_readable(run: Path) -> None:
    assert sql(run, "SELECT count(*) FROM documents") == [(5,)]


@pytest.mark.parametrize("query", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM glob('/etc/*')",
])
def test_files_outside_the_run_cannot_be_read(run: Path, query: str) -> None:
    with pytest.raises(duckdb.Error):
        sql(run, query)


@pytest.mark.parametrize("query", [
    "COPY (SELECT 1 AS a) TO '{run}/claims.parquet' (USE_TMP_FILE false)",
    "COPY claims TO '{run}/elsewhere.csv'",
    "ATTACH '{run}/new.duckdb' AS n",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "CREATE TABLE x AS SELECT 1",
    "SELECT 1; DETACH run",
])
def test_writes_attaches_extensions_and_settings_are_refused(run: Path, query: str) -> None:
    before = {p.name: p.read_bytes() for p in run.iterdir() if p.is_file()}
    with pytest.raises((UnsafeQueryError, duckdb.Error)):
        sql(run, query.format(run=run))
    assert {p.name: p.read_bytes() for p in run.iterdir() if p.is_file()} == before


def test_unsafe_lifts_the_policy(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", make_records(3))
    run_corpus([corpus], tmp_path / "run", process=make_process, formats=("parquet",), progress=False)
    target = tmp_path / "copy.csv"
    sql(tmp_path / "run", f"COPY documents TO '{target}'", unsafe=True)
    assert target.exists()


def test_cli_refusal_is_one_line_exit_2(tmp_path: Path, capsys) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", make_records(3))
    run_corpus([corpus], tmp_path / "run", process=make_process, progress=False)
    assert main(["sql", str(tmp_path / "run"), "COPY documents TO '/tmp/x.csv'"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsclaims sql: COPY statements are not allowed") and err.count("\n") == 1
    assert main(["sql", str(tmp_path / "run"), "SELEC nonsense"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_cli_formats_have_header_and_null(tmp_path: Path, capsys) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", make_records(3))
    run_corpus([corpus], tmp_path / "run", process=make_process, progress=False)
    query = "SELECT id, NULL AS missing FROM documents ORDER BY id LIMIT 2"
    assert main(["sql", str(tmp_path / "run"), query]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["id", "missing"] and table[2].split() == ["doc0000", "NULL"]
    assert main(["sql", str(tmp_path / "run"), query, "--format", "csv"]) == 0
    assert list(csv.reader(capsys.readouterr().out.splitlines())) == [["id", "missing"], ["doc0000", ""],
                                                                      ["doc0001", ""]]
    assert main(["sql", str(tmp_path / "run"), query, "--format", "json"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == '{"id": "doc0000", "missing": null}'


@pytest.mark.parametrize("cell, written", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+cmd", "'+1+cmd"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tindent", "'\tindent"),
    ("-3.5", "-3.5"),
    ("+12", "+12"),
    ("-1,200", "-1,200"),
    ("U.S.", "U.S."),
    ("=", "="),
    ("-3.5%", "'-3.5%"),
    ("", ""),
])
def test_csv_cells_never_start_a_formula(cell: str, written: str) -> None:
    assert csv_safe_text(cell) == written


def test_csv_output_escapes_formula_cells(tmp_path: Path) -> None:
    records = make_records(2)
    records[0]["title"] = "=cmd|' /C calc'!A0"
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    run_corpus([corpus], tmp_path / "run", process=make_process, formats=("csv",), progress=False)
    rows = list(csv.DictReader((tmp_path / "run" / "documents.csv").open(encoding="utf-8")))
    assert rows[0]["title"] == "'=cmd|' /C calc'!A0"
