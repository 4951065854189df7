"""Rendering reports: terminal text, JSON, Markdown and a self-contained HTML page.

Every renderer takes a mapping ``system name -> Report`` so the pipeline and its baselines sit side
by side in one document. The HTML page needs no network: CSS is inline and the charts are inline
SVG, so it can be archived with a run and opened anywhere.
"""
from __future__ import annotations

import html
import json
from types import MappingProxyType
from typing import Any, Mapping, Optional, Sequence

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


def excerpt(sentence: str, mention: str, width: int) -> str:
    """At most ``width`` characters of a sentence, centred on the mention so the error stays visible."""
    text = " ".join(str(sentence).split())
    if not width or len(text) <= width:
        return text
    at = text.find(" ".join(mention.split())) if mention else -1
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


def error_rows(report: Report, max_errors: int, width: int = 0) -> list[list[str]]:
    cut = (lambda s: truncate(s, width)) if width else (lambda s: " ".join(str(s).split()))
    return [[str(i), e.doc_id, error_label(e), e.claim_kind, cut(e.mention), cut(e.expected), cut(e.got),
             excerpt(e.sentence, e.mention, width * 2)] for i, e in enumerate(report.errors[:max_errors], start=1)]


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


def svg_bar_chart(title: str, groups: Sequence[str], series: Sequence[str],
                  values: Sequence[Sequence[Optional[float]]], colours: Sequence[str]) -> str:
    """Grouped vertical bars of rates in [0, 1]: one group per label, one bar per series.

    Plain SVG elements only (rect, line, text, title) so the chart renders in any browser and the
    numbers stay readable as tooltips; undefined rates draw no bar.
    """
    bar, gap, left, top, height, bottom = 13, 18, 44, 46, 220, 80
    group_w = bar * len(series) + gap
    width = left + group_w * len(groups) + 20
    total_h = top + height + bottom
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{total_h}" '
             f'viewBox="0 0 {width} {total_h}" role="img" aria-label="{html.escape(title)}">',
             f'<text x="{left}" y="18" class="chart-title">{html.escape(title)}</text>']
    for i, (name, colour) in enumerate(zip(series, colours)):
        x = left + i * 110
        parts.append(f'<rect x="{x}" y="28" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="37" class="legend">{html.escape(name)}</text>')
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = top + height * (1 - tick)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{tick:.2f}</text>')
    for g, label in enumerate(groups):
        gx = left + g * group_w + gap / 2
        for s, (name, colour) in enumerate(zip(series, colours)):
            v = values[g][s]
            if v is None:
                continue
            h = max(height * v, 0.0)
            parts.append(f'<rect class="bar" x="{gx + s * bar:.1f}" y="{top + height - h:.1f}" width="{bar - 1}" '
                         f'height="{h:.1f}" fill="{colour}"><title>{html.escape(label)} · {html.escape(name)}: '
                         f'{v:.3f}</title></rect>')
        lx, ly = gx + bar * len(series) / 2, top + height + 12
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" class="label" text-anchor="end" '
                     f'transform="rotate(-40 {lx:.1f} {ly:.1f})">{html.escape(label)}</text>')
    parts.append(f'<line x1="{left}" y1="{top + height}" x2="{width - 10}" y2="{top + height}" class="axis"/></svg>')
    return "".join(parts)


def prf_chart(title: str, scores: Mapping[str, Score]) -> str:
    """P, R and F1 per row of a score table (metrics or kinds)."""
    keys = list(scores)
    return svg_bar_chart(title, keys, PRF, [[getattr(scores[k], r) for r in PRF] for k in keys],
                         [PRF_COLOURS[r] for r in PRF])


def comparison_chart(reports: Reports) -> str:
    """F1 per metric, one bar per system: the side-by-side view."""
    names = list(reports)
    return svg_bar_chart("F1 per metric, all systems", list(METRICS), names,
                         [[reports[n].metrics[m].f1 for n in names] for m in METRICS],
                         [SYSTEM_COLOURS[i % len(SYSTEM_COLOURS)] for i in range(len(names))])


# --------------------------------------------------------------------------- HTML

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:24px;color:#222;
max-width:1400px}
h1{font-size:1.5em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}h3{font-size:1.05em}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
th,td{border:1px solid #ddd;padding:3px 7px;vertical-align:top}th{background:#f4f4f4;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.sev0 td{background:#fdecea}tr.sev1 td{background:#fff4e0}mark{background:#ffe066}
.chart{margin:8px 16px 8px 0;background:#fff;border:1px solid #eee}
.chart-title{font-size:14px;font-weight:600}.legend,.tick{font-size:11px;fill:#444}.label{font-size:11px;fill:#222}
.grid{stroke:#e6e6e6;stroke-width:1}.axis{stroke:#888;stroke-width:1}
.charts{display:flex;flex-wrap:wrap}.muted{color:#666}dt{font-weight:600}dd{margin:0 0 6px 16px}
"""


class RawHtml(str):
    """A table cell that is already HTML (escaped by whoever built it)."""


def html_cell(value: Any) -> str:
    return value if isinstance(value, RawHtml) else html.escape(str(value))


def html_mark(sentence: str, mention: str) -> RawHtml:
    """The sentence, escaped, with the first occurrence of the mention highlighted."""
    at = sentence.find(mention) if mention else -1
    if at < 0:
        return RawHtml(html.escape(sentence))
    return RawHtml(html.escape(sentence[:at]) + "<mark>" + html.escape(mention) + "</mark>"
                   + html.escape(sentence[at + len(mention):]))


def html_table(header: Sequence[str], rows: Sequence[Sequence[Any]], numeric: Sequence[bool] = (),
               row_classes: Sequence[str] = ()) -> str:
    num = list(numeric) + [False] * (len(header) - len(numeric))
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{row_classes[i]}"' if i < len(row_classes) and row_classes[i] else ""
        cells = "".join(f'<td class="num">{html_cell(c)}</td>' if n else f"<td>{html_cell(c)}</td>"
                        for c, n in zip(row, num))
        body.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def html_system_section(name: str, report: Report, max_errors: int, show_docs: bool) -> str:
    kinds = {k: report.by_kind[k][KIND_METRIC] for k in KINDS if k in report.by_kind}
    parts = [f"<h2>{html.escape(name)}</h2>",
             f'<p class="muted">{report.n_pred} predicted claims; what token F1 mean '
             f"{fmt_rate(report.what_f1.get('mean'))} {fmt_ci(report.what_f1.get('ci'))}, over anchored pairs "
             f"{fmt_rate(report.what_f1.get('mean_anchored'))}</p>",
             '<div class="charts">',
             prf_chart(f"{name}: P / R / F1 per metric and slot", report.metrics),
             prf_chart(f"{name}: P / R / F1 of {KIND_METRIC} per kind of claim", kinds) if kinds else "",
             "</div>",
             html_table(DETAIL_HEADER, detail_rows(report), [False] + [True] * 9),
             "<h3>By kind of claim</h3>",
             html_table(KIND_HEADER, breakdown_rows(report.by_kind, KINDS), [False] + [True] * 6)]
    if domain_rows(report):
        parts += ["<h3>By domain</h3>", html_table(DOMAIN_HEADER, domain_rows(report), [False] + [True] * 9)]
    if show_docs:
        parts += ["<h3>By document</h3>",
                  html_table(DOC_HEADER, breakdown_rows(report.by_doc, list(report.by_doc)), [False] + [True] * 6)]
    shown = report.errors[:max_errors]
    rows = [row[:-1] + [html_mark(e.sentence, e.mention)] for row, e in zip(error_rows(report, max_errors), shown)]
    parts += [f"<h3>Worst errors ({len(shown)} of {len(report.errors)})</h3>",
              html_table(ERROR_HEADER, rows, [True], [f"sev{e.severity}" for e in shown])]
    return "".join(parts)


def render_html(reports: Reports, max_errors: int = DEFAULT_MAX_ERRORS, show_docs: bool = True,
                title: str = "newsclaims evaluation") -> str:
    """A self-contained page (inline CSS and SVG, no scripts, fonts or network) for one or more systems."""
    names = list(reports)
    first = next(iter(reports.values()), None)
    defs = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>"
                   for k, v in (first.definitions.items() if first else []))
    body = [f"<h1>{html.escape(title)}</h1>",
            f'<p class="muted">{html.escape(corpus_line(reports))}; systems: '
            + ", ".join(f"<b>{html.escape(n)}</b> ({r.n_pred} predicted claims)" for n, r in reports.items())
            + "</p>",
            "<h2>Summary: F1 [95% bootstrap CI over documents]</h2>",
            comparison_chart(reports) if reports else "",
            html_table(["metric", *names], summary_rows(reports), [False] + [True] * len(names))]
    body += [html_system_section(n, r, max_errors, show_docs) for n, r in reports.items()]
    body += ["<h2>Definitions</h2>", f"<dl>{defs}</dl>"]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
            + "".join(body) + "</body></html>\n")


RENDERERS = MappingProxyType(
    {"text": render_text, "json": render_json, "markdown": render_markdown, "html": render_html})


def render(reports: Reports, fmt: str, **options: Any) -> str:
    """Render in a named format ('text', 'json', 'markdown', 'html'); options go to the renderer
    (max_errors for all; show_docs for text, markdown and html; title for html)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(RENDERERS)}")
    return RENDERERS[fmt](reports, **options)
