"""The HTML report marks the mention an error is about, pages and filters every error, draws interval whiskers,
and the errors CSV holds every error. The page is checked in headless Chromium, where its script really runs."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsclaims.evaluation.report import (
    ERROR_CSV_HEADER, errors_csv_path, excerpt, html_mark, render_errors_csv, render_html, render_json,
    render_markdown, render_text, reports_from_json,
)
from newsclaims.evaluation.scoring import MAX_SENTENCE, evaluate, sentence_and_offset

# the same figure twice in one sentence: an error about the second must mark the second
TWICE = ("Sales at Borealis fell 12% in the first half and rose 12% in the second, the company said. "
         "Its lender cut 3 jobs in Oslo and 3 jobs in Bergen last year. Costs were flat.")
# one long sentence (over MAX_SENTENCE) so the error's sentence is a window with a leading ellipsis
LONG = ("Analysts said " + "that the market kept moving sideways, " * 14 + "with 7 new wells drilled, "
        + "while traders waited, " * 6 + "and 7 new wells planned.")


@pytest.fixture(scope="module")
def reports(comparators, make_claim):
    c = make_claim
    gold_twice = [
        c(TWICE, "12%", 0, value=12, unit="%", who="Borealis", what="sales", change={"direction": "down",
                                                                                       "role": "delta"}),
        c(TWICE, "12%", 1, value=12, unit="%", who="Borealis", what="sales", change={"direction": "up",
                                                                                       "role": "delta"}),
        c(TWICE, "3 jobs", 0, value=3, what="jobs cut", who="Its lender"),
        c(TWICE, "3 jobs", 1, value=3, what="jobs cut", who="Its lender"),
    ]
    gold_long = [c(LONG, "7 new wells", 0, value=7, what="wells drilled"),
                 c(LONG, "7 new wells", 1, value=7, what="wells planned")]
    docs = [{"id": "twice", "text": TWICE, "meta": {}, "claims": gold_twice},
            {"id": "long", "text": LONG, "meta": {}, "claims": gold_long}]
    pred = {"twice": [gold_twice[0], dict(gold_twice[1], change={"direction": "down", "role": "delta"}),
                      gold_twice[2]],                       # the second 12% has the wrong direction, 3 jobs missed
            "long": [gold_long[0], c(LONG, "7", 1, value=7)]}  # the second 7 anchors, its what is wrong
    return {"pipeline": evaluate(docs, pred, comparators=comparators, resamples=200),
            "baseline": evaluate(docs, {"twice": [], "long": []}, comparators=comparators, resamples=200)}


def errors_on(report, doc_id, error, slot=None):
    return [e for e in report.errors if e.doc_id == doc_id and e.error == error and (slot is None or e.slot == slot)]


def marked(cell: str) -> tuple[str, str, str]:
    """(text before the mark, marked text, text after) of a highlighted sentence cell."""
    m = re.fullmatch(r"(.*?)<mark>(.*?)</mark>(.*)", cell, re.S)
    assert m, cell
    return m.group(1), m.group(2), m.group(3)


# --------------------------------------------------------------------------- offsets of a mention in its sentence


@pytest.mark.parametrize("text, mention, occurrence", [
    (TWICE, "12%", 0), (TWICE, "12%", 1), (TWICE, "3 jobs", 1), (LONG, "7 new wells", 1), (LONG, "7", 0),
    ("  Lead with spaces: 4 mines and 4 mills.", "4", 1),
])
def test_sentence_offset_points_at_this_occurrence(text, mention, occurrence):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    sentence, at = sentence_and_offset(text, (start, start + len(mention)))
    assert at is not None and sentence[at:at + len(mention)] == mention
    before = sentence[:at].lstrip("…")
    assert before.count(mention) == occurrence or len(text) > MAX_SENTENCE  # a window may cut earlier ones off
    shown_from, prefix = text.find(sentence.strip("…")), len(sentence) - len(sentence.lstrip("…"))
    assert shown_from >= 0 and shown_from + at - prefix == start   # the offset maps back to the document's


def test_error_keeps_the_offset_of_its_own_mention(reports):
    (wrong,) = errors_on(reports["pipeline"], "twice", "wrong_slot", "change")
    assert wrong.sentence[:wrong.mention_at].count("12%") == 1   # the second 12%
    (missed,) = errors_on(reports["pipeline"], "twice", "missed")
    assert missed.sentence[:missed.mention_at].count("3 jobs") == 1


# --------------------------------------------------------------------------- the highlight, in every format


@pytest.mark.parametrize("sentence, mention, at, before", [
    ("It fell 5% and then rose 5% again.", "5%", 25, "It fell 5% and then rose "),   # second of two
    ("It fell 5% and then rose 5% again.", "5%", 8, "It fell "),                     # first of two
    ("It fell 5% and then rose 5% again.", "5%", None, "It fell "),                  # an old report: first match
    ("It fell 5% and then rose 5% again.", "5%", 3, "It fell "),                     # offset elsewhere: first match
])
def test_html_mark_uses_the_offset_when_it_points_at_the_mention(sentence, mention, at, before):
    assert marked(html_mark(sentence, mention, at)) == (before, mention, sentence[len(before) + len(mention):])


def test_html_mark_escapes_around_the_mark():
    assert html_mark("<b> 5% & 5%", "5%", 9) == "&lt;b&gt; 5% &amp; <mark>5%</mark>"


def test_excerpt_centres_on_this_occurrence():
    sentence = "Revenue of 9 firms rose. " + "Filler words keep going on and on here. " * 6 + "Only 9 firms left."
    at = sentence.rindex("9 firms")
    assert "Only 9 firms left" in excerpt(sentence, "9 firms", 60, at)
    assert "Revenue of 9 firms" in excerpt(sentence, "9 firms", 60, None)
    assert "Only 9 firms left" in excerpt("  " + sentence.replace(". ", ".   "), "9 firms", 60,
                                          at + 2 + 2 * sentence[:at].count(". "))


def test_each_error_row_marks_its_own_mention(reports):
    page = render_html(reports)
    rows = re.findall(r'<tr class="sev\d" data-error="([^"]+)" data-kind="[^"]+" data-doc="twice">(.*?)</tr>', page)
    by_error = {err: re.findall(r"<td>(.*?)</td>", cells)[-1] for err, cells in rows if err in ("change", "missed")}
    before, mark, _ = marked(by_error["change"])
    assert mark == "12%" and "12%" in before
    before, mark, _ = marked(by_error["missed"])
    assert mark == "3 jobs" and "3 jobs" in before


# --------------------------------------------------------------------------- all errors, whiskers, CSV


def test_html_holds_every_error_beyond_the_text_cap(reports):
    page = render_html(reports)
    for name, report in reports.items():
        assert len(report.errors) > 0
    n_rows = len(re.findall(r'<tr class="sev\d" data-error=', page))
    assert n_rows == sum(len(r.errors) for r in reports.values())
    assert len(re.findall(r'<tr class="sev\d" data-error=', render_html(reports, max_errors=1))) == 2


def test_bars_have_interval_whiskers(reports):
    page = render_html(reports)
    bars, whiskers = page.count('class="bar"'), page.count('class="whisker"')
    assert whiskers > 0 and whiskers <= bars
    pipeline = reports["pipeline"]
    lo, hi = pipeline.metrics["mention"].ci["f1"]
    assert f"mention · pipeline 95% CI: [{lo:.3f}, {hi:.3f}]" in page


def test_no_whiskers_without_a_bootstrap(comparators, make_claim):
    gold = [make_claim(TWICE, "12%", 0, value=12, unit="%")]
    report = evaluate([{"id": "d", "text": TWICE, "meta": {}, "claims": gold}], {"d": []},
                      comparators=comparators, resamples=0)
    page = render_html({"x": report})
    assert 'class="bar"' in page and 'class="whisker"' not in page and 'class="legend-whisker"' not in page


def test_errors_csv_has_every_error_with_offsets(reports):
    rows = list(csv.DictReader(io.StringIO(render_errors_csv(reports))))
    assert tuple(rows[0]) == ERROR_CSV_HEADER
    assert len(rows) == sum(len(r.errors) for r in reports.values())
    assert [r["system"] for r in rows] == ["pipeline"] * len(reports["pipeline"].errors) \
        + ["baseline"] * len(reports["baseline"].errors)
    for row in rows:
        span = int(row["span_start"]), int(row["span_end"])
        text = TWICE if row["doc_id"] == "twice" else LONG
        assert text[span[0]:span[1]] == row["mention"]


@pytest.mark.parametrize("given, beside", [("out/report.html", "out/report.errors.csv"),
                                           ("eval.json", "eval.errors.csv"), ("a.b/r", "a.b/r.errors.csv")])
def test_errors_csv_name_beside_the_report(given, beside):
    assert errors_csv_path(given) == Path(beside)


def test_offsets_survive_the_json_round_trip(reports):
    def error_tables(page: str) -> list[str]:
        return re.findall(r'<div class="errors".*?</table></div>', page, re.S)

    back = reports_from_json(render_json(reports))
    assert error_tables(render_html(back)) == error_tables(render_html(reports))
    old = json.loads(render_json(reports))   # a report written before offsets were kept still renders
    for system in old["systems"].values():
        for error in system["errors"]:
            error.pop("mention_at")
    assert "<mark>" in render_html(reports_from_json(json.dumps(old)))


def test_text_and_markdown_still_cap_errors(reports):
    assert "worst errors (1 of" in render_text(reports, max_errors=1)
    assert "### Worst errors (1 of" in render_markdown(reports, max_errors=1)


# --------------------------------------------------------------------------- in a real browser


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM after the page's scripts ran, from headless Chromium (no network: a file:// page)."""
    args = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    out = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert "<html" in out.stdout, out.stderr[-2000:]
    return out.stdout


# Run after the report's own script: drive its controls as a user would and write what shows into the page.
PROBE = """<script>
(function () {
  var out = {};
  var box = document.querySelectorAll(".errors")[0];
  function visible() {
    return Array.prototype.filter.call(box.querySelectorAll("tbody tr"), function (r) { return !r.hidden; })
      .map(function (r) { return r.getAttribute("data-error") + "/" + r.getAttribute("data-kind"); });
  }
  function choose(key, value) {
    var f = box.querySelector("[data-filter=" + key + "]");
    f.value = value; f.dispatchEvent(new Event("change"));
  }
  out.controls_shown = !box.querySelector(".error-controls").hidden;
  out.total = box.querySelectorAll("tbody tr").length;
  out.page1 = visible();
  box.querySelector("[data-page=next]").click();
  out.page2 = visible();
  out.info = box.querySelector(".page-info").textContent;
  choose("error", "missed");
  out.missed = visible();
  choose("error", ""); choose("kind", "change");
  out.change = visible();
  choose("kind", ""); var t = box.querySelector("[data-filter=text]"); t.value = "Bergen";
  t.dispatchEvent(new Event("input"));
  out.bergen = visible();
  var mark = document.querySelector("tr[data-error=change] mark");
  out.before_mark = mark.previousSibling.textContent;
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_misplaced_highlight_case_and_filters_in_headless_chromium(reports, tmp_path):
    page = render_html(reports, page_size=2)
    probe_page = tmp_path / "report.html"
    probe_page.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = dump_dom(probe_page, tmp_path / "profile")
    probe = json.loads(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1).replace("&amp;", "&"))
    errors = reports["pipeline"].errors
    labels = [("missed" if e.error == "missed" else e.slot if e.error == "wrong_slot" else e.error)
              + "/" + e.claim_kind for e in errors]
    assert probe["controls_shown"] and probe["total"] == len(errors)
    assert len(errors) > 2 and probe["page1"] == labels[:2] and probe["page2"] == labels[2:4]
    assert probe["info"] == f"3–{min(4, len(errors))} of {len(errors)} errors (page 2 of {(len(errors) + 1) // 2})"
    assert probe["missed"] == [x for x in labels if x.startswith("missed/")][:2]
    assert probe["change"] == [x for x in labels if x.endswith("/change")][:2] and probe["change"]
    bergen = [x for x, e in zip(labels, errors) if "Bergen" in e.sentence]
    assert probe["bergen"] == bergen[:2] and 0 < len(bergen) < len(errors)
    # the misplaced-highlight case: the change error is about the second 12%, so the first is before the mark
    assert probe["before_mark"].count("12%") == 1 and probe["before_mark"].endswith("rose ")


# --------------------------------------------------------------------------- the command line


def test_evaluate_writes_the_errors_csv_beside_the_report_and_json(tmp_path, make_claim, capsys):
    from newsclaims.cli import main

    c = make_claim
    gold = [c(TWICE, "12%", 0, value=12, unit="%", who="Borealis", what="sales"),
            c(TWICE, "12%", 1, value=12, unit="%", who="Borealis", what="sales"),
            c(TWICE, "3 jobs", 1, value=3, who="Its lender", what="jobs cut")]
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "twice", "text": TWICE, "meta": {}, "claims": gold})
                                         + "\n", encoding="utf-8")
    pred = [gold[0], dict(gold[1], who="Oslo")]
    (tmp_path / "pred.jsonl").write_text(json.dumps({"id": "twice", "text": TWICE, "claims": pred}) + "\n",
                                         encoding="utf-8")
    out = tmp_path / "out"
    assert main(["evaluate", str(tmp_path / "gold.jsonl"), "--pred", str(tmp_path / "pred.jsonl"), "--no-baselines",
                 "--report", str(out / "eval.html"), "--json", str(out / "eval.json")]) == 0
    assert f"errors: {out / 'eval.errors.csv'}" in capsys.readouterr().err
    rows = list(csv.DictReader((out / "eval.errors.csv").open(encoding="utf-8")))
    assert [(r["error"], r["slot"], r["mention"]) for r in rows] == [("missed", "", "3 jobs"), ("wrong_slot", "who",
                                                                                               "12%")]
    assert len(json.loads((out / "eval.json").read_text())["systems"]["newsclaims"]["errors"]) == len(rows)
    page = (out / "eval.html").read_text(encoding="utf-8")
    assert '<a href="eval.errors.csv">all errors as CSV</a>' in page
    before, mark, _ = marked(re.search(r'data-error="who"[^>]*>(.*?)</tr>', page).group(1).split("<td>")[-1]
                             .removesuffix("</td>"))
    assert mark == "12%" and before.count("12%") == 1
