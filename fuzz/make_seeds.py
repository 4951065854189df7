"""Write the seed corpora fuzz/seeds/extract/ and fuzz/seeds/readers/ (run once; the seeds are committed).

    python fuzz/make_seeds.py
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from fuzz_extract import decode, encode  # noqa: E402
from fuzz_readers import SELECTORS, encode as encode_reader  # noqa: E402

HOSTILE = [
    "30/2030 and", "80 per cent", "minus ten degrees", "1 '2", '3.5"', "100M", "73 20", "32° 34’S", ": 20/05/20",
    "between 5 and 3 percent", "from 10% to -5%", "-0", "1e308 tons", "10^400 dollars", "½ mile", "3-4-5 km",
    "$1.2bn-$900m", "2020-21", "Q3 2019 to Q1 2018", "1,2,3,4,5", "nineteen ninety-eight", "two thousand and twenty",
    "today 5 people", "up 3 points from 2 a year earlier", "ten to the power of nine", "2.5 million-3 million",
    "Ⅻ apples", "٣٤ dollars", "５０％", "50 °C and 122 °F", "\u00a0100\u00a0km", "10\n\n20 said the bank.",
    "US$ 5,000,000.00.", "3 out of 4", "1/0", "0/0 percent", "inf percent", "NaN dollars", "from 1800 to 2200",
    "the first 11 months of 2024 saw 40 tornadoes", "last year, 20 per cent", "fiscal year 2022 exports of $191 billion",
]


def _sentences(text: str, n: int) -> str:
    parts = re.split(r"(?<=[.!?])\s+", text)
    return " ".join(parts[:n])


def extract_seeds() -> dict[str, bytes]:
    seeds: dict[str, bytes] = {}
    records = [json.loads(line) for line in (ROOT / "corpus/news/news.jsonl").read_text(encoding="utf-8").splitlines()]
    for i, rec in enumerate(records[::3]):  # 16 articles, 2-3 sentences each
        text = _sentences(rec["text"], 3)[:600]
        seeds[f"news-{i:02d}"] = encode(text, rec.get("published"))
    for i, s in enumerate(HOSTILE):
        seeds[f"hostile-{i:02d}"] = encode(s, "2020-06-15" if i % 3 == 0 else None)
    seeds["pub-garbage"] = encode("Sales rose 5% last year.", "yesterday-ish 99-99")
    seeds["pub-ints"] = b"\x01\x00\xdc\x05\x0fSales rose 5% last year to 30 million tons."
    seeds["unicode-mode"] = b"\x05" + b"The index fell 3.2 points, or 1.1 percent."
    for name, data in seeds.items():
        text, published = decode(data)
        if not name.startswith(("pub-ints", "unicode")):
            assert text and published in (None,) + tuple(r.get("published") for r in records) + ("2020-06-15", "yesterday-ish 99-99"), name
    return seeds


def _warc(records: list[tuple[str, bytes, str]], compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    for url, body, status in records:
        http = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
        writer.write_record(rec)
    return buf.getvalue()


HTML = (b'<html lang="en"><head><title>Exports rise</title><meta name="date" content="2021-03-04">'
        b'<meta property="og:site_name" content="Example News"></head><body><article><h1>Exports rise</h1>'
        b"<p>U.S. exports rose 5.2 percent to $191 billion in 2021, the department said on Thursday.</p>"
        b"<p>Imports fell 3 per cent, to 2.1 million tons, according to the report.</p></article></body></html>")


def readers_seeds() -> dict[str, bytes]:
    jsonl = (b'{"id": "a", "text": "Prices rose 5% in 2019.", "published": "2020-01-02"}\n'
             b'{"id": 7, "text": "Exports fell 3 per cent.", "date": "Thu, 02 Jan 2020 10:00:00 +0000", "meta": {"source": "x"}}\n'
             b'{"text": "", "published": "1577923200"}\n'
             b'not json\n'
             b'[1, 2]\n'
             b'{"id": true, "text": "x"}\n'
             b'{"id": "b", "text": "Unemployment was 4.1 percent.", "published": "6 February 2020"}\n')
    csv = (b'id,text,published\r\n'
           b'1,"Prices rose 5% in 2019, the bank said.",2020-01-02\r\n'
           b'2,"A ""quoted"" figure of 3 million\nover two lines",0001-01-01\r\n'
           b'3,"unclosed quote,2020-01-01\r\n'
           b'4,Short row\r\n'
           b'5,\xff\xfe bad bytes,2020-13-45\r\n')
    json_list = json.dumps([{"id": "x", "text": "GDP grew 2.3 percent.", "published": 1577923200000},
                            {"text": 5}, "nope", {"doc_id": 3.5, "text": "Ten tons.", "published_at": "2020-02-30"}]).encode()
    json_obj = json.dumps({"id": "one", "text": "Sales were $4 million.", "published": "2020-02-06T10:00:00Z"}).encode()
    warc = _warc([("http://example.com/a", HTML, "200 OK"), ("http://example.com/b", b"<html></html>", "404 Not Found")], False)
    warc_gz = _warc([("http://example.com/a", HTML, "200 OK")], True)
    seeds = {
        "jsonl": encode_reader(".jsonl", jsonl),
        "jsonl-gz": encode_reader(".jsonl.gz", jsonl),
        "jsonl-gz-cut": encode_reader(".jsonl.gz", jsonl, truncate=7),
        "jsonl-gz-raw": encode_reader(".jsonl.gz(raw)", gzip.compress(jsonl, mtime=0)[:-5]),
        "ndjson": encode_reader(".ndjson", b'{"id": "n", "text": "73 20"}\n\xef\xbb\xbf{"text": "ok 5"}\n\xc3\x28\n'),
        "json-list": encode_reader(".json", json_list),
        "json-obj": encode_reader(".json", json_obj),
        "csv": encode_reader(".csv", csv),
        "csv-bom": encode_reader(".csv", b"\xef\xbb\xbftext,date\n\"5 tons\",2020-01-01\n"),
        "csv-gz": encode_reader(".csv.gz", csv),
        "txt": encode_reader(".txt", "Prices rose 5% in 2019. 32° 34’S".encode()),
        "txt-bad": encode_reader(".txt", b"\xef\xbb\xbfok then \xe2\x82 broken"),
        "html": encode_reader(".html", HTML),
        "htm": encode_reader(".htm", b"<p>5 tons</p>"),
        "warc": encode_reader(".warc", warc),
        "warc-gz": encode_reader(".warc.gz(raw)", warc_gz),
        "warc-cut": encode_reader(".warc", warc[:-120]),
        "warc-gzip-wrapped": encode_reader(".warc.gz", warc),
        "unsupported": encode_reader(".xml", b"<doc/>"),
    }
    return seeds


def write(folder: Path, seeds: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name, data in seeds.items():
        (folder / name).write_bytes(data)


def main() -> None:
    ex, rd = extract_seeds(), readers_seeds()
    write(HERE / "seeds" / "extract", ex)
    write(HERE / "seeds" / "readers", rd)
    total = sum(map(len, ex.values())) + sum(map(len, rd.values()))
    print(f"{len(ex)} extract seeds, {len(rd)} readers seeds, {total} bytes")
    assert total < 50_000


if __name__ == "__main__":
    main()
