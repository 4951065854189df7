"""What a run tells about its inputs: a record without the text field names the field to map, with the fields
found; documents without a publication date are counted (their relative dates stay null), on stderr and in the
manifest."""
from __future__ import annotations

import json

import pytest

from newsclaims.cli import main


def run(tmp_path, rows, *extra):
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code = main(["extract", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out"), "-q", *extra])
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    return code, errors, manifest


BODY = "Coal output fell 7% to 310 million tonnes in the first half."


@pytest.mark.parametrize("record, suggestion", [
    # the article is the longest string
    ({"id": "a", "headline": "Coal down", "body": BODY}, "--field text=body"),
    # a title is longer than the body, but it is the title field already
    ({"id": "b", "title": "Coal output fell sharply as mines closed across the north of the country", "content": BODY},
     "--field text=content"),
    # no string field at all: the form of the option, without a guess
    ({"id": "c", "n": 5}, "--field text=NAME"),
])
def test_a_missing_text_field_suggests_the_field_to_map(tmp_path, capsys, record, suggestion):
    code, errors, _ = run(tmp_path, [record])
    assert code == 1
    reason = errors[0]["reason"]
    fields = ", ".join(sorted(record))
    assert f"no 'text' field (fields present: {fields})" in reason and reason.endswith(suggestion)
    note = [line for line in capsys.readouterr().err.splitlines() if "have no text field" in line]
    assert len(note) == 1 and note[0].endswith(suggestion)


def test_the_suggestion_works(tmp_path):
    code, errors, manifest = run(tmp_path, [{"id": "a", "body": BODY, "published": "2025-07-30"}], "--field", "text=body")
    assert code == 0 and errors == [] and manifest["counts"]["claims"] >= 1


def test_documents_without_a_publication_date_are_counted(tmp_path, capsys):
    rows = [{"id": "dated", "text": "Sales rose 3% last year.", "published": "2025-03-01"},
            {"id": "undated", "text": "Sales rose 3% last year."},
            {"id": "blank", "text": "Prices climbed 2% in the past month.", "published": ""}]
    code, _, manifest = run(tmp_path, rows)
    assert code == 0 and manifest["counts"]["documents_without_published"] == 2
    note = [line for line in capsys.readouterr().err.splitlines() if "no publication date" in line]
    assert len(note) == 1 and note[0].startswith("newsclaims: 2 of 3 documents have no publication date")
    claims = [json.loads(line) for line in (tmp_path / "out" / "claims.jsonl").read_text().splitlines()]
    dates = {c["doc_id"]: c["date"] for c in claims if c["text"] == "3%"}
    assert dates["dated"] == "2024" and dates["undated"] is None  # why the count is worth telling


def test_a_dated_run_says_nothing_about_dates(tmp_path, capsys):
    code, _, manifest = run(tmp_path, [{"id": "d", "text": BODY, "published": "2025-07-30"}])
    assert code == 0 and manifest["counts"]["documents_without_published"] == 0
    assert "publication date" not in capsys.readouterr().err
