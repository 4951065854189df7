"""Rendering reports: terminal text, JSON, Markdown and a self-contained HTML page.

Every renderer takes a mapping ``system name -> Report`` so the pipeline and its baselines sit side
by side in one document. The HTML page needs no network: CSS and the script that pages and filters
the error tables are inline and the charts are inline SVG, so it can be archived with a run and opened
anywhere. Every error can also be written as CSV (:func:`render_errors_csv`).
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Optional, Sequence, Union

from .scoring import KINDS, METRICS, Report, Score

JSON_FORMAT = "newsclaims-evaluation/1"
DEFAULT_MAX_ERRORS = 25
PRF = ("precision", "recall", "f1")
PRF_COLOURS = MappingProxyType({"precision": "#4e79a7", "recall": "#f28e2b", "f1": "#59a14f"})
SYSTEM_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f")
KIND_METRIC = "quantity"  # the metric the per-kind chart shows: right value and unit, by kind of claim
METRIC_LABELS = MappingProxyType({"mention": "mention", "quantity": "quantity (value+unit)",
                                  "strict": "full claim, strict", "relaxed": "full claim, relaxed"})

Reports = Mapping[str, Report]


# --------------------------------------------------------------------------- small formatting helpers


def fmt_rate(x: Optional[float]) -> str:
    """A rate to three decimals; '–' when undefined (no denominator)."""
    return "–" if x is None else f"{x:.3f}"


def fmt_ci(ci: Optional[Sequence[float]]) -> str:
    return "–" if not ci else f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def score_ci(score: Score, rate: str = "f1") -> Optional[Sequence[float]]:
    return (score.ci or {}).get(rate)


def metric_label(metric: str) -> str:
    return METRIC_LABELS.get(metric, f"slot: {metric}")


def n_gold_of(scores: Mapping[str, Score]) -> int:
    """Gold claims behind a breakdown row (anchored + missed mentions)."""
    m = scores["mention"]
    return m.tp + m.fn


def n_pred_of(scores: Mapping[str, Score]) -> int:
    m = scores["mention"]
    return m.tp + m.fp


def truncate(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def mention_offset(sentence: str, mention: str, at: Optional[int]) -> int:
    """Where this mention starts in its sentence: the error's own offset when it points at the mention, else
    the first equal string (reports written before offsets were kept); -1 when it is not there at all."""
    if mention and at is not None and 0 <= at and sentence[at:at + len(mention)] == mention:
        return at
    return sentence.find(mention) if mention else -1


def collapsed_offset(text: str, at: int) -> int:
    """Offset ``at`` of ``text`` in ``" ".join(text.split())`` (whitespace runs collapsed, ends stripped)."""
    if at < 0:
        return at
    head = " ".join(text[:at].split())
    return len(head) + (1 if head and text[:at][-1].isspace() else 0)


def excerpt(sentence: str, mention: str, width: int, at: Optional[int] = None) -> str:
    """At most ``width`` characters of a sentence, centred on the mention so the error stays visible."""
    at = collapsed_offset(str(sentence), mention_offset(str(sentence), mention, at))
    text = " ".join(str(sentence).split())
    if not width or len(text) <= width:
        return text
    if at < 0:
        return truncate(text, width)
    start = max(0, min(at + len(mention) // 2 - width // 2, len(text) - width))
    cut = text[start:start + width]
    return ("…" + cut[1:] if start > 0 else cut)[:width - 1] + ("…" if start + width < len(text) else cut[-1])


def corpus_line(reports: Reports) -> str:
    """'45 documents, 323 gold claims' (all systems are scored on the same gold set)."""
    first = next(iter(reports.values()), None)
    if first is None:
        return "no systems"
    return f"{first.n_docs} documents, {first.n_gold} gold claims"


# --------------------------------------------------------------------------- text


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], align_right: Sequence[bool] = ()) -> str:
    """A plain fixed-width table with a rule under the header."""
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows)] if rows else [len(h) for h in header]
    right = list(align_right) + [False] * (len(header) - len(align_right))

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).rjust(w) if r else str(c).ljust(w) for c, w, r in zip(cells, widths, right)).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def summary_rows(reports: Reports) -> list[list[str]]:
    """One row per metric: F1 and its interval for each system, then the what-F1 mean."""
    rows = [[metric_label(m)] + [f"{fmt_rate(r.metrics[m].f1)} {fmt_ci(score_ci(r.metrics[m]))}"
                                 for r in reports.values()] for m in METRICS]
    rows.append(["what token F1 (mean)"] + [f"{fmt_rate(r.what_f1.get('mean'))} {fmt_ci(r.what_f1.get('ci'))}"
                                            for r in reports.values()])
    return rows


def detail_rows(report: Report) -> list[list[str]]:
    return [[metric_label(m), str(s.tp), str(s.fp), str(s.fn), fmt_rate(s.precision), fmt_rate(s.recall),
             fmt_rate(s.f1), fmt_ci(score_ci(s, "precision")), fmt_ci(score_ci(s, "recall")), fmt_ci(score_ci(s))]
            for m, s in report.metrics.items()]


DETAIL_HEADER = ["metric", "tp", "fp", "fn", "P", "R", "F1", "P 95% CI", "R 95% CI", "F1 95% CI"]
KIND_HEADER = ["kind", "gold", "pred", "mention F1", "quantity F1", "strict F1", "relaxed F1"]
DOMAIN_HEADER = ["domain", "docs", "gold", "pred", "quantity F1", "who F1", "what F1", "date F1", "source F1",
                 "strict F1"]
DOMAIN_METRICS = ("quantity", "who", "what", "date", "source", "strict")
DOC_HEADER = ["doc", "gold", "pred", "mention F1", "quantity F1", "strict F1", "relaxed F1"]
ERROR_HEADER = ["#", "doc", "error", "kind", "mention", "expected", "got", "sentence"]


def breakdown_rows(breakdown: Mapping[str, Mapping[str, Score]], keys: Sequence[str]) -> list[list[str]]:
    return [[k, str(n_gold_of(breakdown[k])), str(n_pred_of(breakdown[k]))]
            + [fmt_rate(breakdown[k][m].f1) for m in ("mention", "quantity", "strict", "relaxed")]
            for k in keys if k in breakdown]


def domain_rows(report: Report) -> list[list[str]]:
    """One row per domain (only when the gold set names more than one): claim counts and slot F1."""
    if len(report.by_domain) < 2:
        return []
    docs = {d: sum(1 for v in report.domain_of.values() if v == d) for d in report.by_domain}
    return [[d, str(docs[d]), str(n_gold_of(s)), str(n_pred_of(s))] + [fmt_rate(s[m].f1) for m in DOMAIN_METRICS]
            for d, s in report.by_domain.items()]


def error_label(error: Any) -> str:
    return error.slot if error.error == "wrong_slot" else error.error


def error_rows(report: Report, max_errors: Optional[int], width: int = 0) -> list[list[str]]:
    cut = (lambda s: truncate(s, width)) if width else (lambda s: " ".join(str(s).split()))
    return [[str(i), e.doc_id, error_label(e), e.claim_kind, cut(e.mention), cut(e.expected), cut(e.got),
             excerpt(e.sentence, e.mention, width * 2, e.mention_at)]
            for i, e in enumerate(report.errors[:max_errors], start=1)]


def render_text(reports: Reports, max_errors: int = DEFAULT_MAX_ERRORS, show_docs: bool = True) -> str:
    """A terminal report: a side-by-side F1 summary, then per system counts, kinds, documents and errors."""
    names = list(reports)
    out = [f"newsclaims evaluation: {corpus_line(reports)}",
           "systems: " + ", ".join(f"{n} ({r.n_pred} predicted claims)" for n, r in reports.items()), "",
           "F1 [95% bootstrap CI over documents]",
           text_table(["metric", *names], summary_rows(reports))]
    for name, report in reports.items():
        out += ["", f"== {name} ==", text_table(DETAIL_HEADER, detail_rows(report), [False] + [True] * 9),
                f"what token F1: mean {fmt_rate(report.what_f1.get('mean'))} {fmt_ci(report.what_f1.get('ci'))}, "
                f"over anchored pairs only {fmt_rate(report.what_f1.get('mean_anchored'))}",
                "", "by kind of claim",
                text_table(KIND_HEADER, breakdown_rows(report.by_kind, KINDS), [False] + [True] * 6)]
        if domain_rows(report):
            out += ["", "by domain", text_table(DOMAIN_HEADER, domain_rows(report), [False] + [True] * 9)]
        if show_docs:
            out += ["", "by document", text_table(DOC_HEADER, breakdown_rows(report.by_doc, list(report.by_doc)),
                                                  [False] + [True] * 6)]
        if report.unscored_doc_ids:
            out += [f"predictions for documents not in the gold set (not scored): {', '.join(report.unscored_doc_ids)}"]
        out += ["", f"worst errors ({min(max_errors, len(report.errors))} of {len(report.errors)})",
                text_table(ERROR_HEADER[:-1], [r[:-1] for r in error_rows(report, max_errors, 48)])]
    out += ["", "definitions"] + definition_lines(reports)
    return "\n".join(out) + "\n"


def definition_lines(reports: Reports) -> list[str]:
    first = next(iter(reports.values()), None)
    return [f"- {k}: {v}" for k, v in (first.definitions.items() if first else [])]


# --------------------------------------------------------------------------- JSON


def reports_to_dict(reports: Reports, max_errors: Optional[int] = None) -> dict[str, Any]:
    systems = {}
    for name, r in reports.items():
        data = r.to_dict()
        if max_errors is not None:
            data["errors"] = data["errors"][:max_errors]
        systems[name] = data
    return {"format": JSON_FORMAT, "system_order": list(reports), "systems": systems}


def render_json(reports: Reports, max_errors: Optional[int] = None) -> str:
    """Machine-readable: sorted keys, no NaN (undefined rates are null), one object per system;
    ``system_order`` keeps the side-by-side order that sorted keys would lose.

    All errors are kept unless ``max_errors`` is given (the error list dominates the file size).
    """
    return json.dumps(reports_to_dict(reports, max_errors), indent=2, sort_keys=True, ensure_ascii=False,
                      allow_nan=False) + "\n"


def reports_from_json(text: str) -> dict[str, Report]:
    """Read back what :func:`render_json` wrote."""
    data = json.loads(text)
    if data.get("format") != JSON_FORMAT:
        raise ValueError(f"not a {JSON_FORMAT} document (format={data.get('format')!r})")
    order = data.get("system_order") or sorted(data["systems"])
    return {name: Report.from_dict(data["systems"][name]) for name in order}


# --------------------------------------------------------------------------- Markdown


def md_cell(text: Any) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def md_table(header: Sequence[str], rows: Sequence[Sequence[Any]], align_right: Sequence[bool] = ()) -> str:
    right = list(align_right) + [False] * (len(header) - len(align_right))
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |",
             "|" + "|".join("---:" if r else "---" for r in right) + "|"]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(reports: Reports, max_errors: int = DEFAULT_MAX_ERRORS, show_docs: bool = True) -> str:
    """Markdown for a PR comment or a docs page: the same tables as the text report."""
    names = list(reports)
    out = ["# newsclaims evaluation", "",
           f"{corpus_line(reports)}; systems: " + ", ".join(f"**{n}** ({r.n_pred} predicted claims)"
                                                            for n, r in reports.items()), "",
           "## Summary: F1 [95% bootstrap CI over documents]", "",
           md_table(["metric", *names], summary_rows(reports), [False] + [True] * len(names))]
    for name, report in reports.items():
        out += ["", f"## {name}", "", md_table(DETAIL_HEADER, detail_rows(report), [False] + [True] * 9), "",
                f"What token F1: mean {fmt_rate(report.what_f1.get('mean'))} {fmt_ci(report.what_f1.get('ci'))}; "
                f"over anchored pairs only {fmt_rate(report.what_f1.get('mean_anchored'))}.", "",
                "### By kind of claim", "", md_table(KIND_HEADER, breakdown_rows(report.by_kind, KINDS),
                                                     [False] + [True] * 6)]
        if domain_rows(report):
            out += ["", "### By domain", "", md_table(DOMAIN_HEADER, domain_rows(report), [False] + [True] * 9)]
        if show_docs:
            out += ["", "### By document", "",
                    md_table(DOC_HEADER, breakdown_rows(report.by_doc, list(report.by_doc)), [False] + [True] * 6)]
        out += ["", f"### Worst errors ({min(max_errors, len(report.errors))} of {len(report.errors)})", "",
                md_table(ERROR_HEADER, error_rows(report, max_errors, 160))]
    out += ["", "## Definitions", "", *definition_lines(reports)]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- SVG charts

Interval = Optional[Sequence[float]]


def svg_whisker(x: float, top: float, height: float, ci: Interval, label: str) -> str:
    """A vertical interval line with caps at x, for a rate interval [lo, hi] in [0, 1] on a chart of ``height``."""
    if not ci or ci[0] is None or ci[1] is None:
        return ""
    y_lo, y_hi = top + height * (1 - float(ci[0])), top + height * (1 - float(ci[1]))
    return (f'<g class="whisker"><title>{html.escape(label)}: [{ci[0]:.3f}, {ci[1]:.3f}]</title>'
            f'<line x1="{x:.1f}" y1="{y_lo:.1f}" x2="{x:.1f}" y2="{y_hi:.1f}"/>'
            f'<line x1="{x - 3:.1f}" y1="{y_lo:.1f}" x2="{x + 3:.1f}" y2="{y_lo:.1f}"/>'
            f'<line x1="{x - 3:.1f}" y1="{y_hi:.1f}" x2="{x + 3:.1f}" y2="{y_hi:.1f}"/></g>')


def svg_bar_chart(title: str, groups: Sequence[str], series: Sequence[str],
                  values: Sequence[Sequence[Optional[float]]], colours: Sequence[str],
                  intervals: Optional[Sequence[Sequence[Interval]]] = None, ci_label: str = "95% CI") -> str:
    """Grouped vertical bars of rates in [0, 1]: one group per label, one bar per series.

    ``intervals`` (same shape as ``values``) draws a whisker over each bar. Plain SVG elements only (rect,
    line, text, title) so the chart renders in any browser and the numbers stay readable as tooltips;
    undefined rates draw no bar.
    """
    bar, gap, left, top, height, bottom = 13, 18, 44, 46, 220, 80
    group_w = bar * len(series) + gap
    width = max(left + group_w * len(groups) + 20, left + 110 * len(series) + 120)
    total_h = top + height + bottom
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{total_h}" '
             f'viewBox="0 0 {width} {total_h}" role="img" aria-label="{html.escape(title)}">',
             f'<text x="{left}" y="18" class="chart-title">{html.escape(title)}</text>']
    for i, (name, colour) in enumerate(zip(series, colours)):
        x = left + i * 110
        parts.append(f'<rect x="{x}" y="28" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="37" class="legend">{html.escape(name)}</text>')
    if intervals is not None:
        x = left + len(series) * 110
        parts.append(f'<line x1="{x + 5}" y1="28" x2="{x + 5}" y2="38" class="legend-whisker"/>'
                     f'<text x="{x + 14}" y="37" class="legend">{html.escape(ci_label)}</text>')
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = top + height * (1 - tick)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{tick:.2f}</text>')
    for g, label in enumerate(groups):
        gx = left + g * group_w + gap / 2
        for s, (name, colour) in enumerate(zip(series, colours)):
            parts.append(svg_bar(gx + s * bar, bar, top, height, values[g][s], colour, f"{label} · {name}"))
            if intervals is not None and values[g][s] is not None:
                parts.append(svg_whisker(gx + s * bar + (bar - 1) / 2, top, height, intervals[g][s],
                                         f"{label} · {name} {ci_label}"))
        lx, ly = gx + bar * len(series) / 2, top + height + 12
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" class="label" text-anchor="end" '
                     f'transform="rotate(-40 {lx:.1f} {ly:.1f})">{html.escape(label)}</text>')
    parts.append(f'<line x1="{left}" y1="{top + height}" x2="{width - 10}" y2="{top + height}" class="axis"/></svg>')
    return "".join(parts)


def svg_bar(x: float, bar: int, top: float, height: float, value: Optional[float], colour: str, label: str) -> str:
    if value is None:
        return ""
    h = max(height * value, 0.0)
    return (f'<rect class="bar" x="{x:.1f}" y="{top + height - h:.1f}" width="{bar - 1}" height="{h:.1f}" '
            f'fill="{colour}"><title>{html.escape(label)}: {value:.3f}</title></rect>')


def ci_label_of(reports: Reports) -> str:
    """'95% CI' from the confidence the reports were scored with."""
    first = next(iter(reports.values()), None)
    confidence = float((first.settings if first else {}).get("confidence") or 0.95)
    return f"{confidence * 100:g}% CI"


def has_intervals(scores: Mapping[str, Score]) -> bool:
    return any(s.ci for s in scores.values())


def prf_chart(title: str, scores: Mapping[str, Score], ci_label: str = "95% CI") -> str:
    """P, R and F1 per row of a score table (metrics or kinds), with their bootstrap intervals when scored."""
    keys = list(scores)
    intervals = [[score_ci(scores[k], r) for r in PRF] for k in keys] if has_intervals(scores) else None
    return svg_bar_chart(title, keys, PRF, [[getattr(scores[k], r) for r in PRF] for k in keys],
                         [PRF_COLOURS[r] for r in PRF], intervals, ci_label)


def comparison_chart(reports: Reports) -> str:
    """F1 per metric, one bar per system: the side-by-side view, with each F1's interval."""
    names = list(reports)
    with_ci = any(has_intervals(r.metrics) for r in reports.values())
    intervals = [[score_ci(reports[n].metrics[m]) for n in names] for m in METRICS] if with_ci else None
    return svg_bar_chart("F1 per metric, all systems", list(METRICS), names,
                         [[reports[n].metrics[m].f1 for n in names] for m in METRICS],
                         [SYSTEM_COLOURS[i % len(SYSTEM_COLOURS)] for i in range(len(names))],
                         intervals, ci_label_of(reports))


# --------------------------------------------------------------------------- CSV of the errors

ERROR_CSV_HEADER = ("system", "rank", "doc_id", "error", "slot", "kind", "severity", "span_start", "span_end",
                    "mention", "expected", "got", "sentence")


def error_csv_rows(name: str, report: Report) -> list[list[Any]]:
    return [[name, rank, e.doc_id, e.error, e.slot or "", e.claim_kind, e.severity,
             *(e.span if e.span else ["", ""]), e.mention, e.expected, e.got, e.sentence]
            for rank, e in enumerate(report.errors, start=1)]


def render_errors_csv(reports: Reports) -> str:
    """Every error of every system, one row each, in the report's order (most harmful first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ERROR_CSV_HEADER)
    for name, report in reports.items():
        writer.writerows(error_csv_rows(name, report))
    return out.getvalue()


def errors_csv_path(path: Union[str, Path]) -> Path:
    """Where the errors CSV goes beside a report file: out.html or out.json -> out.errors.csv."""
    return Path(path).with_suffix(".errors.csv")


# --------------------------------------------------------------------------- HTML

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:24px;color:#222;
max-width:1400px}
h1{font-size:1.5em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}h3{font-size:1.05em}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
th,td{border:1px solid #ddd;padding:3px 7px;vertical-align:top}th{background:#f4f4f4;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.sev0 td{background:#fdecea}tr.sev1 td{background:#fff4e0}mark{background:#ffe066}tr[hidden]{display:none}
.chart{margin:8px 16px 8px 0;background:#fff;border:1px solid #eee}
.chart-title{font-size:14px;font-weight:600}.legend,.tick{font-size:11px;fill:#444}.label{font-size:11px;fill:#222}
.grid{stroke:#e6e6e6;stroke-width:1}.axis{stroke:#888;stroke-width:1}
.whisker line,.legend-whisker{stroke:#222;stroke-width:1.2}
.charts{display:flex;flex-wrap:wrap}.muted{color:#666}dt{font-weight:600}dd{margin:0 0 6px 16px}
.error-controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;font-size:13px;margin:6px 0}
"""

# Filters and pages for the error tables. Plain DOM code, run once at load; without it every row shows.
ERRORS_SCRIPT = """
(function () {
  function setUp(box) {
    var rows = Array.prototype.slice.call(box.querySelectorAll("tbody tr"));
    var controls = box.querySelector(".error-controls");
    var filters = Array.prototype.slice.call(controls.querySelectorAll("[data-filter]"));
    var info = controls.querySelector(".page-info");
    var prev = controls.querySelector("[data-page=prev]"), next = controls.querySelector("[data-page=next]");
    var size = parseInt(box.getAttribute("data-page-size"), 10) || 50, page = 0;
    function matches(row) {
      return filters.every(function (f) {
        var want = f.value.trim().toLowerCase(), key = f.getAttribute("data-filter");
        if (!want) { return true; }
        if (key === "text") { return row.textContent.toLowerCase().indexOf(want) >= 0; }
        return (row.getAttribute("data-" + key) || "").toLowerCase() === want;
      });
    }
    function show() {
      var hits = rows.filter(matches), pages = Math.max(1, Math.ceil(hits.length / size));
      page = Math.min(Math.max(page, 0), pages - 1);
      rows.forEach(function (r) { r.hidden = true; });
      hits.slice(page * size, (page + 1) * size).forEach(function (r) { r.hidden = false; });
      var first = hits.length ? page * size + 1 : 0, last = Math.min((page + 1) * size, hits.length);
      info.textContent = first + "\\u2013" + last + " of " + hits.length + " errors (page " + (page + 1) + " of " +
        pages + ")";
      box.setAttribute("data-shown", String(last - first + (hits.length ? 1 : 0)));
      box.setAttribute("data-matching", String(hits.length));
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    filters.forEach(function (f) {
      f.addEventListener("input", function () { page = 0; show(); });
      f.addEventListener("change", function () { page = 0; show(); });
    });
    prev.addEventListener("click", function () { page -= 1; show(); });
    next.addEventListener("click", function () { page += 1; show(); });
    controls.hidden = false;
    show();
  }
  Array.prototype.forEach.call(document.querySelectorAll(".errors"), setUp);
})();
"""
DEFAULT_PAGE_SIZE = 50


class RawHtml(str):
    """A table cell that is already HTML (escaped by whoever built it)."""


def html_cell(value: Any) -> str:
    return value if isinstance(value, RawHtml) else html.escape(str(value))


def html_mark(sentence: str, mention: str, at: Optional[int] = None) -> RawHtml:
    """The sentence, escaped, with this mention highlighted: at its offset ``at`` in the sentence when that
    points at the mention (the same figure can occur twice in a sentence), else at its first occurrence."""
    at = mention_offset(sentence, mention, at)
    if at < 0:
        return RawHtml(html.escape(sentence))
    return RawHtml(html.escape(sentence[:at]) + "<mark>" + html.escape(mention) + "</mark>"
                   + html.escape(sentence[at + len(mention):]))


def html_table(header: Sequence[str], rows: Sequence[Sequence[Any]], numeric: Sequence[bool] = (),
               row_classes: Sequence[str] = (), row_attributes: Sequence[Mapping[str, str]] = ()) -> str:
    num = list(numeric) + [False] * (len(header) - len(numeric))
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{row_classes[i]}"' if i < len(row_classes) and row_classes[i] else ""
        attrs = "".join(f' {k}="{html.escape(str(v))}"' for k, v in (row_attributes[i] if i < len(row_attributes)
                                                                      else {}).items())
        cells = "".join(f'<td class="num">{html_cell(c)}</td>' if n else f"<td>{html_cell(c)}</td>"
                        for c, n in zip(row, num))
        body.append(f"<tr{cls}{attrs}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def html_select(key: str, label: str, choices: Sequence[str]) -> str:
    options = '<option value="">all</option>' + "".join(
        f'<option value="{html.escape(c)}">{html.escape(c)}</option>' for c in choices)
    return f'<label>{html.escape(label)} <select data-filter="{key}">{options}</select></label>'


def error_controls(errors: Sequence[Any]) -> str:
    """Filters by error (missed, spurious or the wrong slot), kind of claim and document, a text search and pager.

    Hidden until the script shows them, so a page opened without scripts simply lists every error.
    """
    labels = sorted({error_label(e) for e in errors}, key=lambda x: (x not in ("missed", "spurious"), x))
    kinds = [k for k in KINDS if any(e.claim_kind == k for e in errors)]
    kinds += sorted({e.claim_kind for e in errors} - set(kinds))
    docs = list(dict.fromkeys(e.doc_id for e in errors))
    return ('<div class="error-controls" hidden>'
            + html_select("error", "error / slot", labels) + html_select("kind", "kind", kinds)
            + html_select("doc", "document", docs)
            + '<label>text <input type="search" data-filter="text" placeholder="mention, value, sentence"></label>'
            + '<button type="button" data-page="prev">‹ previous</button><span class="page-info"></span>'
            + '<button type="button" data-page="next">next ›</button></div>')


def html_errors(name: str, report: Report, max_errors: Optional[int], page_size: int, csv_name: Optional[str]) -> str:
    shown = report.errors[:max_errors]
    rows = [row[:-1] + [html_mark(e.sentence, e.mention, e.mention_at)]
            for row, e in zip(error_rows(report, max_errors), shown)]
    attributes = [{"data-error": error_label(e), "data-kind": e.claim_kind, "data-doc": e.doc_id} for e in shown]
    link = (f' · <a href="{html.escape(csv_name)}">all errors as CSV</a>' if csv_name else "")
    anchor = "errors-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name)
    return (f'<h3 id="{anchor}">Errors ({len(shown)} of {len(report.errors)}, most harmful first)</h3>'
            f'<p class="muted">red: missed or spurious claim; orange: wrong value or unit{link}</p>'
            f'<div class="errors" data-page-size="{page_size}">{error_controls(shown)}'
            + html_table(ERROR_HEADER, rows, [True], [f"sev{e.severity}" for e in shown], attributes) + "</div>")


def html_system_section(name: str, report: Report, max_errors: Optional[int], show_docs: bool,
                        page_size: int = DEFAULT_PAGE_SIZE, csv_name: Optional[str] = None,
                        ci_label: str = "95% CI") -> str:
    kinds = {k: report.by_kind[k][KIND_METRIC] for k in KINDS if k in report.by_kind}
    parts = [f"<h2>{html.escape(name)}</h2>",
             f'<p class="muted">{report.n_pred} predicted claims; what token F1 mean '
             f"{fmt_rate(report.what_f1.get('mean'))} {fmt_ci(report.what_f1.get('ci'))}, over anchored pairs "
             f"{fmt_rate(report.what_f1.get('mean_anchored'))}</p>",
             '<div class="charts">',
             prf_chart(f"{name}: P / R / F1 per metric and slot", report.metrics, ci_label),
             prf_chart(f"{name}: P / R / F1 of {KIND_METRIC} per kind of claim", kinds, ci_label) if kinds else "",
             "</div>",
             html_table(DETAIL_HEADER, detail_rows(report), [False] + [True] * 9),
             "<h3>By kind of claim</h3>",
             html_table(KIND_HEADER, breakdown_rows(report.by_kind, KINDS), [False] + [True] * 6)]
    if domain_rows(report):
        parts += ["<h3>By domain</h3>", html_table(DOMAIN_HEADER, domain_rows(report), [False] + [True] * 9)]
    if show_docs:
        parts += ["<h3>By document</h3>",
                  html_table(DOC_HEADER, breakdown_rows(report.by_doc, list(report.by_doc)), [False] + [True] * 6)]
    parts.append(html_errors(name, report, max_errors, page_size, csv_name))
    return "".join(parts)


def render_html(reports: Reports, max_errors: Optional[int] = None, show_docs: bool = True,
                title: str = "newsclaims evaluation", page_size: int = DEFAULT_PAGE_SIZE,
                errors_csv: Optional[str] = None) -> str:
    """A self-contained page (inline CSS, SVG and script; no fonts, files or network) for one or more systems.

    Every error is in the page unless ``max_errors`` caps it; a small inline script pages the error tables
    (``page_size`` rows) and filters them by error or slot, kind of claim, document and text. ``errors_csv``
    names the errors CSV written beside the page, to link it.
    """
    names = list(reports)
    first = next(iter(reports.values()), None)
    defs = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>"
                   for k, v in (first.definitions.items() if first else []))
    ci_label = ci_label_of(reports)
    body = [f"<h1>{html.escape(title)}</h1>",
            f'<p class="muted">{html.escape(corpus_line(reports))}; systems: '
            + ", ".join(f"<b>{html.escape(n)}</b> ({r.n_pred} predicted claims)" for n, r in reports.items())
            + f"; whiskers: {html.escape(ci_label)} (bootstrap over documents)</p>",
            f"<h2>Summary: F1 [{html.escape(ci_label)}, bootstrap over documents]</h2>",
            comparison_chart(reports) if reports else "",
            html_table(["metric", *names], summary_rows(reports), [False] + [True] * len(names))]
    body += [html_system_section(n, r, max_errors, show_docs, page_size, errors_csv, ci_label)
             for n, r in reports.items()]
    body += ["<h2>Definitions</h2>", f"<dl>{defs}</dl>"]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
            + "".join(body) + f"<script>{ERRORS_SCRIPT}</script></body></html>\n")


RENDERERS = MappingProxyType(
    {"text": render_text, "json": render_json, "markdown": render_markdown, "html": render_html})


def render(reports: Reports, fmt: str, **options: Any) -> str:
    """Render in a named format ('text', 'json', 'markdown', 'html'); options go to the renderer
    (max_errors for all; show_docs for text, markdown and html; title, page_size and errors_csv for html)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(RENDERERS)}")
    return RENDERERS[fmt](reports, **options)
