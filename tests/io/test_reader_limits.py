"""Reader limits and WARC crawls (issue 14, "Bounded resources per input" and "Inputs"): a cut plain WARC is
reported, a crawl's non-article records are counted instead of failing the run, numeric dates follow
--date-order, and the caps on file bytes and document characters hold memory down. Real files in tmp_path."""
from __future__ import annotations

import gzip
import io
import json
import struct
import tracemalloc
import zlib
from collections import Counter
from pathlib import Path
from typing import Optional

import pytest
from io_fakeproc import make_process

from newsclaims.cli import main
from newsclaims.io.documents import Document, ReadError, normalize_published
from newsclaims.io.readers import iter_documents
from newsclaims.io.runner import run_corpus

PROSE = ("<p>The Harbor Statistics Office said on Thursday that Baltic ports handled about $41.7 billion in freight "
         "in 2019, more than $3 billion higher than the revised 2018 shipping totals.</p><p>The report covers "
         "every class of bulk cargo, with 90 commodities listed and 45,000 tons of output.</p>")


def page(title: str) -> bytes:
    return (f'<html lang="en"><head><title>{title}</title></head><body><article><h1>{title}</h1>{PROSE}'
            "</article></body></html>").encode()


def split(items) -> tuple[list[Document], list[ReadError]]:
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ReadError)]


def write_warc(path: Path, records: list[dict], *, gz: bool) -> Path:
    """records: dicts with url, body and optionally type (response), status (200 OK), content_type (text/html)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for spec in records:
            kind, content_type = spec.get("type", "response"), spec.get("content_type", "text/html")
            http = None
            if kind == "response" and spec["url"].startswith("http"):
                http = StatusAndHeaders(spec.get("status", "200 OK"), [("Content-Type", content_type)],
                                        protocol="HTTP/1.1")
            record = writer.create_warc_record(spec["url"], kind, payload=io.BytesIO(spec["body"]), http_headers=http,
                                               warc_content_type="" if http else content_type)
            writer.write_record(record)
    return path


def record_offsets(path: Path) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        records = ArchiveIterator(handle)
        return [records.get_record_offset() for _ in records]


def gzip_of(head: bytes, byte: bytes, size: int) -> bytes:
    """One gzip member of ``head`` then ``size`` (a multiple of 1 MiB) copies of ``byte``, built in a second.

    After a full flush the compressor starts afresh, so every MiB compresses to the same bytes: compress one
    and repeat it, then add the CRC and length that a reader checks at the end.
    """
    block = byte * (1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    one_mib = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(size >> 20):
        crc = zlib.crc32(block, crc)
    trailer = struct.pack("<II", crc, (len(head) + size) & 0xFFFFFFFF)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + start + one_mib * (size >> 20) + packer.flush() + trailer


def read_peak(path: Path, **options) -> tuple[list, int]:
    """The items read from ``path`` and the peak of Python memory while reading them."""
    tracemalloc.start()
    try:
        items = list(iter_documents(path, **options))
        return items, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# ---------------------------------------------------------------------------------- truncated WARC

def three_pages_warc(path: Path) -> Path:
    return write_warc(path, [{"url": f"https://news.example/{i}", "body": page(f"Story {i}")} for i in range(3)],
                      gz=False)


@pytest.mark.parametrize("cut_in", ["body", "http headers", "warc headers"])
def test_a_truncated_plain_warc_is_a_read_error_naming_file_and_offset(tmp_path: Path, cut_in: str) -> None:
    path = three_pages_warc(tmp_path / "crawl.warc")
    data, second = path.read_bytes(), record_offsets(path)[1]
    marks = {"body": data.index(b"<h1>Story 1", second) + 20, "http headers": data.index(b"HTTP/1.1 200", second) + 20,
             "warc headers": data.index(b"Content-Length:", second) + len(b"Content-Length:")}
    path.write_bytes(data[:marks[cut_in]])
    docs, errors = split(iter_documents(path))
    assert [d.title for d in docs] == ["Story 0"]  # no cut "Story 1"
    [error] = errors
    assert error.path == str(path) and error.offset == second and error.location == f"{path}@{second}"
    assert "truncated or corrupt" in error.reason and f"byte offset {second}" in error.reason


# -------------------------------------------------------------------------------- a crawl's records

CRAWL = [
    {"url": "https://news.example/story", "body": page("Story")},
    {"url": "https://news.example/logo.png", "body": b"\x89PNG\r\n\x1a\n....", "content_type": "image/png"},
    {"url": "https://news.example/site.css", "body": b"body { color: red }", "content_type": "text/css"},
    {"url": "https://news.example/robots.txt", "body": b"User-agent: *\nDisallow: /", "content_type": "text/plain"},
    {"url": "https://news.example/gone", "body": page("Not found"), "status": "404 Not Found"},
    {"url": "https://news.example/old", "body": b"", "status": "301 Moved Permanently"},
    {"url": "https://news.example/moved", "body": b"", "status": "302 Found"},
    {"url": "dns:news.example", "body": b"20250101000000\nnews.example. 300 IN A 192.0.2.1\n", "content_type": "text/dns"},
    {"url": "https://news.example/saved", "body": page("Saved page"), "type": "resource"},
    {"url": "https://news.example/photo.jpg", "body": b"\xff\xd8\xff....", "type": "resource", "content_type": "image/jpeg"},
    {"url": "https://news.example/wire.txt", "body": b"Output rose 5% to 45,000 tons in 2024.",
     "content_type": "text/plain; charset=utf-8"},
]
CRAWL_SKIPPED = {"not html": 3, "robots.txt": 1, "http 404": 1, "http 301": 1, "http 302": 1, "not http": 1}


@pytest.mark.parametrize("gz", [True, False])
def test_warc_records_that_are_not_articles_are_counted_not_errors(tmp_path: Path, gz: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), CRAWL, gz=gz)
    skipped: Counter = Counter()
    docs, errors = split(iter_documents(path, skipped=skipped))
    assert errors == []
    assert [d.url for d in docs] == ["https://news.example/story", "https://news.example/saved",
                                     "https://news.example/wire.txt"]
    assert docs[1].title == "Saved page" and "$41.7 billion" in docs[1].text  # a resource record holding HTML
    assert docs[2].text == "Output rose 5% to 45,000 tons in 2024."
    assert skipped == CRAWL_SKIPPED


def test_the_manifest_counts_skipped_warc_records(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", CRAWL, gz=True)
    manifest = run_corpus([path], tmp_path / "out", process=make_process, progress=False)
    assert manifest["counts"]["warc_records_skipped"] == dict(sorted(CRAWL_SKIPPED.items()))
    assert manifest["counts"]["read_errors"] == 0 and manifest["counts"]["documents_read"] == 3
    on_disk = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk["counts"]["warc_records_skipped"] == manifest["counts"]["warc_records_skipped"]
    # counted afresh on a resume, not added to the first run's counts
    again = run_corpus([path], tmp_path / "out", process=make_process, progress=False)
    assert again["counts"]["warc_records_skipped"] == manifest["counts"]["warc_records_skipped"]


# ------------------------------------------------------------------------------------ --date-order

@pytest.mark.parametrize("raw, mdy, dmy", [
    ("04.11.2025", "2025-04-11", "2025-11-04"), ("04/11/2025", "2025-04-11", "2025-11-04"),
    ("25.11.2025", "2025-11-25", "2025-11-25"), ("2025-11-04", "2025-11-04", "2025-11-04"),
    (20251104, "2025-11-04", "2025-11-04"),  # a JSON number in ISO basic format is no epoch second of 1970
])
def test_numeric_dates_follow_the_date_order(raw, mdy: str, dmy: str) -> None:
    assert normalize_published(raw) == normalize_published(raw, "MDY") == mdy
    assert normalize_published(raw, "DMY") == dmy


def test_readers_pass_the_date_order_on(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j", "text": "Up 5%.", "published": "04.11.2025"}) + "\n",
                                      encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,text,published\nc,Up 6%.,04.11.2025\n", encoding="utf-8")
    for order, expected in (("MDY", "2025-04-11"), ("DMY", "2025-11-04")):
        docs, errors = split(iter_documents(tmp_path, date_order=order))
        assert errors == [] and [d.published for d in docs] == [expected, expected]
    with pytest.raises(ValueError, match="MDY, DMY"):
        list(iter_documents(tmp_path, date_order="YMD"))


def published_by_id(outdir: Path) -> dict[str, Optional[str]]:
    rows = [json.loads(line) for line in (outdir / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return {row["id"]: row["published"] for row in rows}


def test_a_resume_with_another_date_order_redoes_the_shards(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Up {i}%.", "published": f"0{i + 1}.11.2025"})
                              + "\n" for i in range(4)), encoding="utf-8")
    out = tmp_path / "out"
    first = run_corpus([corpus], out, process=make_process, shard_size=2, progress=False)
    assert first["options"]["date_order"] == "MDY" and published_by_id(out)["d0"] == "2025-01-11"
    second = run_corpus([corpus], out, process=make_process, shard_size=2, date_order="DMY", progress=False)
    assert second["options"]["date_order"] == "DMY" and second["shards"]["reused_from_earlier_run"] == 0
    assert published_by_id(out) == {f"d{i}": f"2025-11-0{i + 1}" for i in range(4)}
    with pytest.raises(ValueError, match="date_order"):
        run_corpus([corpus], tmp_path / "bad", process=make_process, date_order="YMD", progress=False)
    assert not (tmp_path / "bad").exists()  # refused before anything is written


# -------------------------------------------------------------------------------------------- caps

def test_a_document_over_the_char_cap_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [{"id": "a", "text": "Up 5%."}, {"id": "big", "text": "Up 7%. " * 500}, {"id": "c", "text": "Up 9%."}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    docs, errors = split(iter_documents(path, max_doc_chars=1000))
    assert [d.id for d in docs] == ["a", "c"]
    [error] = errors
    assert error.doc_id == "big" and error.line == 2 and error.location == f"{path}:2"
    assert "3,500 characters" in error.reason and "1,000 characters per document" in error.reason
    assert "--max-doc-chars" in error.reason and "0 for no limit" in error.reason
    assert [d.id for d in iter_documents(path, max_doc_chars=0)] == ["a", "big", "c"]  # 0 = no limit


@pytest.mark.parametrize("name", ["page.txt", "page.html", "page.json", "page.csv"])
def test_each_format_keeps_the_char_cap(tmp_path: Path, name: str) -> None:
    text = "Output rose 5% to 45,000 tons in 2024, officials said. " * 40  # 2,200 characters
    path = tmp_path / name
    if name.endswith(".html"):
        path.write_bytes(f"<html lang=en><body><article><p>{text}</p></article></body></html>".encode())
    elif name.endswith(".json"):
        path.write_text(json.dumps({"id": "p", "text": text}), encoding="utf-8")
    elif name.endswith(".csv"):
        path.write_text(f'id,text\np,"{text}"\n', encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")
    assert split(iter_documents(path, max_doc_chars=5000))[1] == []
    docs, [error] = split(iter_documents(path, max_doc_chars=1000))
    assert docs == [] and error.path == str(path) and "--max-doc-chars" in error.reason


def test_a_file_over_the_byte_cap_is_an_error_after_the_lines_before(tmp_path: Path) -> None:
    path = gzip_path = tmp_path / "feed.jsonl.gz"
    gzip_path.write_bytes(gzip.compress(b"".join(json.dumps({"id": f"d{i}", "text": "Up 5% today."}).encode() + b"\n"
                                                 for i in range(100))))
    docs, errors = split(iter_documents(path, max_file_bytes=1000))
    assert 0 < len(docs) < 100 and [d.id for d in docs] == [f"d{i}" for i in range(len(docs))]
    [error] = errors
    assert error.path == str(path) and error.line == len(docs) + 1
    assert "1,000 decompressed bytes per file" in error.reason and "--max-file-bytes" in error.reason
    assert len(list(iter_documents(path, max_file_bytes=0))) == 100


def test_a_warc_over_the_caps(tmp_path: Path) -> None:
    records = [{"url": "https://news.example/big", "body": page("Big") + b"<!-- x -->" * 2000},
               {"url": "https://news.example/small", "body": page("Small")}]
    path = write_warc(tmp_path / "crawl.warc.gz", records, gz=True)
    docs, [error] = split(iter_documents(path, max_doc_chars=1000))  # 6,000 bytes: the big page is over
    assert [d.title for d in docs] == ["Small"] and error.offset == record_offsets(path)[0]
    assert "--max-doc-chars" in error.reason and "news.example/big" in error.reason
    docs, [error] = split(iter_documents(path, max_file_bytes=5000))
    assert docs == [] and "--max-file-bytes" in error.reason


GIB_OF_ZEROS = 1 << 30  # a 1 MB gzip, as in the issue


@pytest.mark.parametrize("name, head, byte, size", [
    ("zeros.jsonl.gz", b'{"text": "', b"0", GIB_OF_ZEROS),  # one line, no newline
    ("nuls.jsonl.gz", b"", b"\0", GIB_OF_ZEROS),
    ("zeros.json.gz", b'{"text": "', b"0", GIB_OF_ZEROS),
    ("zeros.csv.gz", b"id,text\n1,", b"0", 64 << 20),
    ("zeros.warc.gz", b"", b"0", GIB_OF_ZEROS),
    ("nuls.warc.gz", b"", b"\0", GIB_OF_ZEROS),
])
def test_a_gzip_of_zeros_is_a_read_error_in_bounded_memory(tmp_path: Path, name: str, head: bytes, byte: bytes,
                                                           size: int) -> None:
    path = tmp_path / name
    path.write_bytes(gzip_of(head, byte, size))
    items, peak = read_peak(path, max_doc_chars=1000)
    [error] = items
    assert isinstance(error, ReadError) and error.path == str(path), error
    assert peak < min(size // 8, 100 << 20), f"peak {peak:,} bytes for {size:,} decompressed"


@pytest.mark.parametrize("name", ["line.jsonl.gz", "line.json.gz", "line.warc.gz"])
def test_one_long_text_in_a_gzip_is_a_read_error_without_holding_it(tmp_path: Path, name: str) -> None:
    """The issue's 200 MB text line, at a tenth of the size and a cap to match (100,000 characters)."""
    text = "Output rose 5% to 45,000 tons in 2024. " * 512_000  # 20 MB
    path = tmp_path / name
    if name.endswith(".warc.gz"):
        write_warc(path, [{"url": "https://news.example/long", "body": f"<p>{text}</p>".encode()},
                          {"url": "https://news.example/short", "body": page("Short")}], gz=True)
    else:
        after = json.dumps({"id": "after", "text": "Up 5%."}) + "\n"
        path.write_bytes(gzip.compress((json.dumps({"id": "long", "text": text}) + "\n" + after).encode()))
    items, peak = read_peak(path, max_doc_chars=100_000)
    docs, errors = split(items)
    assert len(errors) == 1 and "--max-doc-chars" in errors[0].reason
    # the text read whole would be 20 MB; JSONL peaks near 3 MiB, WARC near 8 (warcio inflates 4 KiB at a time)
    assert peak < len(text) // 2, f"peak {peak:,} bytes for a {len(text):,}-byte text"
    if not name.endswith(".json.gz"):  # a .json is parsed whole; in JSONL and WARC the next document is read
        assert len(docs) == 1


# ------------------------------------------------------------------------------------------ the CLI

def test_cli_extract_reads_a_crawl_with_date_order_and_caps(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_warc(inputs / "crawl.warc.gz", CRAWL, gz=True)
    (inputs / "feed.jsonl").write_text(
        json.dumps({"id": "dotted", "text": "Output rose 5% to 45,000 tons in 2024.", "published": "04.11.2025"})
        + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["extract", str(inputs), "-o", str(out), "-q", "--date-order", "DMY", "--max-doc-chars", "500000",
                 "--max-file-bytes", "0"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert code == 0, (out / "errors.jsonl").read_text(encoding="utf-8")
    assert manifest["counts"]["warc_records_skipped"] == dict(sorted(CRAWL_SKIPPED.items()))
    assert {k: manifest["options"][k] for k in ("date_order", "max_doc_chars", "max_file_bytes")} == {
        "date_order": "DMY", "max_doc_chars": 500_000, "max_file_bytes": 0}
    assert published_by_id(out)["dotted"] == "2025-11-04"


def test_cli_refuses_a_negative_cap_and_an_unknown_date_order(tmp_path: Path, capsys) -> None:
    for option in (["--max-doc-chars", "-1"], ["--max-file-bytes", "-5"], ["--date-order", "YMD"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["extract", str(tmp_path), "-o", str(tmp_path / "out"), *option])
        assert exit_info.value.code == 2
    assert not (tmp_path / "out").exists()
