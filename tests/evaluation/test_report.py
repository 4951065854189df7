"""Every report format renders; JSON round-trips; the HTML page shows its charts in a real browser."""
from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from newsclaims.evaluation.report import (
    JSON_FORMAT, render, render_html, render_json, render_markdown, render_text, reports_from_json,
)
from newsclaims.evaluation.scoring import METRICS, evaluate

TEXT = ("Acme mined 45,000 tons of ore in 2024, the USGS said. Prices rose 6% to $3.2 per pound. "
        "The mine | employs 800 people.")


@pytest.fixture(scope="module")
def reports(comparators, make_claim):
    c = make_claim
    gold = [c(TEXT, "45,000 tons", value=45000, unit="t", who="Acme", what="ore production", date="2024",
              source="USGS"),
            c(TEXT, "6%", value=6, unit="%", what="price", change={"direction": "up", "role": "delta"}),
            c(TEXT, "$3.2 per pound", value=3.2, unit="USD/lb", what="price",
              change={"direction": "up", "role": "new"}),
            c(TEXT, "800 people", value=800, who="The mine", what="employees")]
    docs = [{"id": doc_id, "text": TEXT, "meta": {}, "claims": gold} for doc_id in ("a", "b")]
    good = {"a": [dict(x) for x in gold], "b": [dict(gold[0], date="2023"), dict(gold[1])]}
    weak = {"a": [dict(gold[0], unit=None, who=None), c(TEXT, "2024", value=2024)], "b": []}
    return {"pipeline": evaluate(docs, good, comparators=comparators),
            "baseline": evaluate(docs, weak, comparators=comparators)}


def test_text_report(reports):
    out = render_text(reports)
    assert "pipeline" in out and "baseline" in out and "F1 [95% bootstrap CI over documents]" in out
    assert "quantity (value+unit)" in out and "worst errors" in out and "by kind of claim" in out
    assert "definitions" in out and "- slots:" in out


def test_json_round_trips(reports):
    text = render_json(reports)
    data = json.loads(text)
    assert data["format"] == JSON_FORMAT and data["system_order"] == ["pipeline", "baseline"]
    assert set(data["systems"]["pipeline"]["metrics"]) == set(METRICS)
    back = reports_from_json(text)
    assert back == dict(reports) and list(back) == ["pipeline", "baseline"]
    assert render_json(reports_from_json(text)) == text   # stable keys and values
    assert "NaN" not in text


def test_json_can_cap_errors(reports):
    data = json.loads(render_json(reports, max_errors=1))
    assert all(len(s["errors"]) <= 1 for s in data["systems"].values())


def test_markdown_has_the_tables(reports):
    out = render_markdown(reports)
    assert "| metric | pipeline | baseline |" in out
    assert re.search(r"^\|---\|---:\|---:\|$", out, re.M)
    assert "| mention |" in out and "### Worst errors" in out and "### By kind of claim" in out
    assert "The mine \\| employs" in out   # a pipe inside a cell is escaped, the table stays intact


def test_render_dispatch(reports):
    assert render(reports, "markdown") == render_markdown(reports)
    with pytest.raises(ValueError, match="unknown report format"):
        render(reports, "pdf")


def test_html_is_self_contained(reports):
    page = render_html(reports)
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 5   # comparison + 2 per system
    for forbidden in ("<link", "src=", "url(", "@import", "https://", "fetch(", "XMLHttpRequest", "import("):
        assert forbidden not in page
    assert page.count("<script>") == 1   # the one inline script that pages and filters the error tables
    assert re.findall(r"http://[^\"]+", page) == ["http://www.w3.org/2000/svg"] * page.count("<svg")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium_args(profile: Path) -> list[str]:
    return [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}"]


def _png_pixels_vary(path: Path) -> bool:
    """True when the PNG's decompressed image data holds many byte values (a blank page holds very few)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat))) > 32


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_html_renders_charts_in_headless_chromium(reports, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_html(reports), encoding="utf-8")
    dom = subprocess.run(_chromium_args(tmp_path / "profile-dom") + ["--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert dom.count("<svg") >= 5 and dom.count('class="bar"') > 20 and "<mark>" in dom
    shot = tmp_path / "report.png"
    subprocess.run(_chromium_args(tmp_path / "profile-shot") + [f"--screenshot={shot}", "--window-size=1200,2000",
                                                               page.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000 and _png_pixels_vary(shot)
