"""Every input format, and every bad case turning into a ReadError instead of an exception."""
from __future__ import annotations

import gzip
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from io_helpers import make_records, write_jsonl

from newsclaims.io.documents import Document, ReadError, normalize_published
from newsclaims.io.readers import iter_documents, list_input_files

ARTICLE = ("<p>The Harbor Statistics Office said on Thursday that Baltic ports handled about $41.7 billion in "
           "freight in 2019, more than $3 billion higher than the revised 2018 shipping totals.</p>"
           "<p>The report covers every class of bulk cargo, and it was released in Reston on "
           "March 3, 2015 according to the archive, with 90 commodities listed.</p>")


def docs_and_errors(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ReadError)]


def html_page(*, date_meta: str | None = None, title: str = "Mine output up") -> str:
    meta = f'<meta property="article:published_time" content="{date_meta}">' if date_meta else ""
    return (f'<html lang="en"><head><title>{title}</title>{meta}</head><body><nav>Home | About</nav>'
            f"<article><h1>{title}</h1>{ARTICLE}</article><footer>Contact us</footer></body></html>")


# ------------------------------------------------------------------------------------------ txt

def test_txt_folder_ids_are_relative_paths(tmp_path: Path) -> None:
    root = tmp_path / "news"
    (root / "2020").mkdir(parents=True)
    (root / "2020" / "a.txt").write_text("Prices rose 5 percent.", encoding="utf-8")
    (root / "b.txt").write_bytes("\ufeffA BOM and 3 tonnes.".encode("utf-8"))
    (root / ".hidden.txt").write_text("skipped", encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents(root))
    assert [d.id for d in docs] == ["2020/a", "b"]
    assert docs[1].text == "A BOM and 3 tonnes."
    assert docs[0].published is None and docs[0].meta["input"].endswith("a.txt")
    assert errors == []  # an unknown type inside a folder is skipped and counted (manifest), not an error
    assert [f.path.name for f in list_input_files(root) if f.skipped] == ["notes.md"]


def test_txt_undecodable_bytes_report_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Valid start \xff\xfe then more")
    docs, errors = docs_and_errors(iter_documents(path))
    assert docs == [] and errors[0].offset == 12
    assert "byte offset 12" in errors[0].reason and errors[0].doc_id == "bad"


def test_missing_input_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(iter_documents(tmp_path / "nope"))


# ---------------------------------------------------------------------------------------- jsonl

def test_jsonl_fields_dates_and_meta(tmp_path: Path) -> None:
    records = [
        {"id": 7, "text": "Sales up 3%.", "published": "2020-02-06T10:00:00Z", "desk": "biz"},
        {"text": "No id here, 4 units.", "date": "Thu, 06 Feb 2020 10:00:00 GMT"},
        {"id": "x", "text": "A 5 km road.", "published": "last Tuesday"},
        {"id": "m", "text": "Nested 9.", "meta": {"published": "2019-05-01", "title": "From meta", "license": "pd"}},
    ]
    docs, errors = docs_and_errors(iter_documents(write_jsonl(tmp_path / "feed.jsonl", records)))
    assert errors == []
    assert [d.id for d in docs] == ["7", "feed:2", "x", "m"]
    assert docs[0].published == "2020-02-06" and docs[0].meta["published_raw"] == "2020-02-06T10:00:00Z"
    assert docs[0].meta["desk"] == "biz" and docs[0].meta["input"].endswith("feed.jsonl:1")
    assert docs[1].published == "2020-02-06"
    assert docs[2].published is None and docs[2].meta["published_raw"] == "last Tuesday"
    assert (docs[3].published, docs[3].title, docs[3].meta["license"]) == ("2019-05-01", "From meta", "pd")


def test_jsonl_field_map(tmp_path: Path) -> None:
    records = [{"guid": "a1", "body": "Up 12 percent.", "pub_date": "2022-03-04", "domain": "example.org"}]
    path = write_jsonl(tmp_path / "cc.jsonl", records)
    field_map = {"id": "guid", "text": "body", "published": "pub_date", "source": "domain"}
    (doc,) = iter_documents(path, field_map=field_map)
    assert (doc.id, doc.text, doc.published, doc.source) == ("a1", "Up 12 percent.", "2022-03-04", "example.org")
    with pytest.raises(ValueError):
        list(iter_documents(path, field_map={"body": "text"}))


def test_jsonl_bad_lines_become_errors_with_file_and_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": "One 1."}),
        '{"id": "cut", "text": "no closing',
        json.dumps({"id": "nt", "title": "no text"}),
        json.dumps({"id": "nul", "text": None}),
        json.dumps({"id": "num", "text": 42}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "ok2", "text": "Two 2."}),
    ]
    path = write_jsonl(tmp_path / "mixed.jsonl", lines)
    docs, errors = docs_and_errors(iter_documents(path))
    assert [d.id for d in docs] == ["ok1", "ok2"]
    by_line = {e.line: e for e in errors}
    assert sorted(by_line) == [2, 3, 4, 5, 6, 7]
    assert "not valid JSON" in by_line[2].reason and by_line[2].location == f"{path}:2"
    assert "no 'text' field" in by_line[3].reason and by_line[3].doc_id == "nt"
    assert "'text' is null" in by_line[4].reason
    assert "expected a string" in by_line[5].reason
    assert "empty" in by_line[6].reason
    assert "expected an object" in by_line[7].reason


def test_jsonl_undecodable_line_reports_byte_offset(tmp_path: Path) -> None:
    first = json.dumps({"id": "a", "text": "fine 1"}).encode() + b"\n"
    second = b'{"id": "b", "text": "bad \xc3\x28 byte"}\n'
    path = tmp_path / "enc.jsonl"
    path.write_bytes(first + second + first.replace(b'"a"', b'"c"'))
    docs, errors = docs_and_errors(iter_documents(path))
    assert [d.id for d in docs] == ["a", "c"]
    assert errors[0].line == 2 and errors[0].offset == len(first) + second.index(b"\xc3")


def test_jsonl_gz_cut_short_keeps_documents_before_the_cut(tmp_path: Path) -> None:
    full = tmp_path / "full.jsonl.gz"
    with gzip.open(full, "wt", encoding="utf-8") as handle:
        for record in make_records(400):
            handle.write(json.dumps(record) + "\n")
    data = full.read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    docs, errors = docs_and_errors(iter_documents(cut))
    assert 0 < len(docs) < 400
    assert [d.id for d in docs] == [f"doc{i:04d}" for i in range(len(docs))]
    assert len(errors) <= 2 and "ends early" in errors[-1].reason
    assert all(d.text.endswith("No numbers here.") for d in docs)


def test_json_file_object_or_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "Single 1.", "title": "T"}), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"id": "p", "text": "A 1."}, 3]), encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents(tmp_path))
    assert [d.id for d in docs] == ["p", "one"]
    assert errors[0].location.endswith("many.json[1]")


# ------------------------------------------------------------------------------------------ csv

def test_csv_columns_multiline_and_field_map(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text('doc,body,published,title\n'
                    'a,"Line one 1.\nLine two, with ""quotes"" 2.",2020-01-02,First\n'
                    'b,Plain 3.,,Second\n', encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents(path, field_map={"id": "doc", "text": "body"}))
    assert errors == []
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].text == 'Line one 1.\nLine two, with "quotes" 2.'
    assert (docs[0].published, docs[1].published, docs[1].title) == ("2020-01-02", None, "Second")


def test_csv_broken_quote_loses_only_its_record(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text('id,text\n'
                    '1,"Fine 1."\n'
                    '2,"Broken quote 2, never closed\n'
                    '3,"Fine 3."\n'
                    '4,"Fine 4."\n'
                    '5,Short,extra field\n'
                    '6,"Fine 6."\n', encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents(path))
    assert [d.id for d in docs] == ["1", "3", "4", "6"]
    assert [e.line for e in errors] == [3, 6]
    assert "quote" in errors[0].reason and "3 fields" in errors[1].reason


def test_csv_broken_quote_at_end_of_file(tmp_path: Path) -> None:
    path = tmp_path / "tail.csv"
    path.write_text('id,text\n1,Fine 1.\n2,"never closed\n', encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents(path))
    assert [d.id for d in docs] == ["1"] and errors[0].line == 3


def test_csv_undecodable_record_reports_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "enc.csv"
    data = b'id,text\n1,"Fine 1."\n2,"Bad \xff byte"\n3,Fine 3.\n'
    path.write_bytes(data)
    docs, errors = docs_and_errors(iter_documents(path))
    assert [d.id for d in docs] == ["1", "3"]
    assert errors[0].line == 3 and errors[0].offset == data.index(b"\xff")


def test_csv_without_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("id,body\n1,x\n", encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents(path))
    assert docs == [] and "no 'text' column" in errors[0].reason


# ----------------------------------------------------------------------------------- html, warc

def test_html_text_and_date_from_markup_only(tmp_path: Path) -> None:
    (tmp_path / "dated.html").write_text(html_page(date_meta="2020-02-06T09:00:00Z"), encoding="utf-8")
    (tmp_path / "undated.htm").write_text(html_page(), encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents(tmp_path))
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"dated", "undated"}
    assert by_id["dated"].published == "2020-02-06" and by_id["dated"].title == "Mine output up"
    assert "$41.7 billion" in by_id["dated"].text and "Contact us" not in by_id["dated"].text
    assert by_id["undated"].published is None  # "March 3, 2015" in the body is not the publication date
    assert by_id["dated"].lang == "en"
    assert errors[0].doc_id == "empty" and "no article text" in errors[0].reason


def write_warc(path: Path, responses: list[tuple[str, str, bytes, str]], *, gz: bool = True) -> None:
    """responses: (url, content type, body, WARC-Date); a request record precedes each response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, content_type, body, warc_date in responses:
            get = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=get,
                                                warc_headers_dict={"WARC-Date": warc_date})
            writer.write_record(request)
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                               warc_headers_dict={"WARC-Date": warc_date})
            writer.write_record(record)


def test_warc_crawl_date_is_not_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("https://news.example/a", "text/html; charset=utf-8", html_page().encode(), "2021-06-01T12:00:00Z"),
        ("https://news.example/b", "text/html", html_page(date_meta="2021-05-30").encode(), "2021-06-01T12:05:00Z"),
        ("https://news.example/logo.png", "image/png", b"\x89PNG....", "2021-06-01T12:06:00Z"),
    ])
    skipped: Counter = Counter()
    docs, errors = docs_and_errors(iter_documents(path, skipped=skipped))
    assert [d.url for d in docs] == ["https://news.example/a", "https://news.example/b"]
    assert docs[0].published is None and docs[0].meta["crawl_date"] == "2021-06-01T12:00:00Z"
    assert docs[1].published == "2021-05-30"
    assert all(d.id.startswith("urn:uuid:") for d in docs) and len({d.id for d in docs}) == 2
    assert errors == [] and skipped == {"not html": 1}  # an image is no article, and no error (issue 14)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_cut_short_keeps_earlier_records(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    pages = [(f"https://news.example/{i}", "text/html", html_page(title=f"Story {i}").encode(), "2021-06-01T12:00:00Z")
             for i in range(6)]
    write_warc(path, pages, gz=name.endswith(".gz"))
    whole = list(iter_documents(path))
    assert len(whole) == 6 and all(isinstance(d, Document) for d in whole)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.7)])
    docs, errors = docs_and_errors(iter_documents(path))
    assert 1 <= len(docs) < 6 and [d.title for d in docs] == [f"Story {i}" for i in range(len(docs))]
    assert errors and "truncated or corrupt" in errors[-1].reason


# ------------------------------------------------------------------------------------------ dates

@pytest.mark.parametrize("raw, expected", [
    ("2020-02-06", "2020-02-06"), ("2020-02-06T23:30:00+05:00", "2020-02-06"), ("6 February 2020", "2020-02-06"),
    ("Thu, 06 Feb 2020 10:00:00 GMT", "2020-02-06"), (1580983200, "2020-02-06"), ("yesterday", None),
    ("February 2020", None), ("0001-01-01", None), ("", None), (None, None),
])
def test_normalize_published(raw, expected) -> None:
    assert normalize_published(raw) == expected


# Found by the reader fuzz harness (fuzz/fuzz_readers.py): each used to raise out of the reader.
@pytest.mark.parametrize("line, reason", [
    ('{"text": "x", "a": ' + "[" * 5000 + "]" * 5000 + "}", "nest"),
    ('{"text": "x", "a": ' + "[" * 100 + "]" * 100 + "}", "more than 64 levels"),
    ('{"text": "x", "n": ' + "1" * 5000 + "}", "4300 digits"),
])
def test_json_beyond_the_parsers_limits_is_a_read_error(tmp_path: Path, line: str, reason: str) -> None:
    for name in ("in.jsonl", "in.json"):
        path = tmp_path / name
        path.write_text(line + "\n", encoding="utf-8")
        [item] = list(iter_documents([path]))
        assert isinstance(item, ReadError) and reason in item.reason, item


@pytest.mark.parametrize("published", [10 ** 400, -(10 ** 400), float("nan"), float("inf")])
def test_a_numeric_publication_date_out_of_range_is_no_date(tmp_path: Path, published) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Sales rose 5%.", "published": published}) + "\n", encoding="utf-8")
    [doc] = list(iter_documents([path]))
    assert isinstance(doc, Document) and doc.published is None


def test_warc_in_one_gzip_stream_is_read_whole(tmp_path: Path) -> None:
    """A WARC gzipped as one stream (`gzip crawl.warc`), not record by record: valid, every record is read."""
    plain = tmp_path / "crawl.warc"
    write_warc(plain, [(f"https://news.example/{i}", "text/html", html_page(title=f"Story {i}").encode(),
                        "2021-06-01T12:00:00Z") for i in range(4)], gz=False)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    docs, errors = docs_and_errors(iter_documents(path))
    assert [d.title for d in docs] == [f"Story {i}" for i in range(4)] and errors == []
