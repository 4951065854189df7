"""The derived columns (date_start/date_end, who_norm/source_norm) and the new documents columns, at the writers."""
from __future__ import annotations

import pytest

from newsclaims.io.documents import Document
from newsclaims.io.writers import (
    CLAIM_COLUMNS, DOCUMENT_COLUMNS, arrow_schema, document_row, duckdb_columns, flatten_claim, unflatten_claim,
)
from newsclaims.schema import Claim


def claim(**fields) -> dict:
    return Claim(doc_id="d1", span=[0, 2], text="3%", value=3.0, **fields).to_dict()


def test_the_period_and_entity_columns_are_derived_in_the_record() -> None:
    record = claim(date="2007-10/2008-09", who="the U.S.'s", source="the Fed")
    assert (record["date_start"], record["date_end"]) == ("2007-10-01", "2008-09-30")
    assert (record["who_norm"], record["source_norm"]) == ("united states", "federal reserve")
    assert claim()["date_start"] is None and claim()["who_norm"] is None


def test_a_field_set_after_construction_is_derived_again() -> None:
    c = Claim(doc_id="d1", span=[0, 2], text="3%", value=3.0, date="2024")
    c.date, c.who = "2024-10", "Britain"
    record = c.to_dict()
    assert (record["date_start"], record["date_end"], record["who_norm"]) == ("2024-10-01", "2024-10-31", "united kingdom")


def test_flatten_claim_derives_from_the_record_s_own_fields_whatever_it_was_given() -> None:
    stale = {**claim(date="2024", who="US"), "date_start": "1999-01-01", "who_norm": "somebody else"}
    row = flatten_claim(stale)
    assert (row["date_start"], row["date_end"], row["who_norm"]) == ("2024-01-01", "2024-12-31", "united states")
    assert row["extra"] is None and unflatten_claim(row) == claim(date="2024", who="US")


@pytest.mark.parametrize("date", ["last year", "2024-13", "2023/2020"])
def test_a_date_without_an_iso_period_has_null_bounds(date: str) -> None:
    row = flatten_claim(claim(date=date))
    assert row["date"] == date and (row["date_start"], row["date_end"]) == (None, None)


def test_the_period_columns_are_typed_dates_in_parquet_and_duckdb() -> None:
    import pyarrow as pa

    kinds = {c.name: c.kind for c in CLAIM_COLUMNS}
    assert kinds["date_start"] == kinds["date_end"] == "date" and kinds["date"] == "string"
    schema = arrow_schema("claims")
    assert schema.field("date_start").type == pa.date32() and schema.field("who_norm").type == pa.string()
    assert '"date_start" DATE, "date_end" DATE' in duckdb_columns("claims")


def test_document_rows_carry_the_text_hash_always_and_the_text_when_kept() -> None:
    doc = Document(id="d1", text="Sales rose 4% in 2024.")
    copy = Document(id="d2", text=" Sales  rose 4% in 2024.\n")
    kept, bare = document_row(copy, n_claims=0, keep_text=True, duplicate_of="d1"), document_row(doc, n_claims=1)
    assert list(kept) == [c.name for c in DOCUMENT_COLUMNS]
    assert (kept["text"], kept["duplicate_of"], bare["text"], bare["duplicate_of"]) == (copy.text, "d1", None, None)
    assert kept["text_hash"] == bare["text_hash"] and len(bare["text_hash"]) == 32
