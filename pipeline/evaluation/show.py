"""Look at a run's claims in one document: the text with each claim's value, who, what, date and source spans
marked by spaCy's displaCy (span style, so overlapping and shared spans stack), then a table of the claims.

``newsclaims show DOC_ID RUN`` uses this. The claims come from the run's claims table; the text from the run's
documents table when the run kept it (``keep_text``), else from the inputs the manifest names (or the files given
as ``text_from``), read again with the run's own field mapping so the offsets index the same text. A text whose
length differs from the run's ``n_chars`` is refused rather than shown with misplaced marks.
"""
from __future__ import annotations

import bisect
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Optional, Sequence, Union

PathLike = Union[str, Path]

# slot -> the claim's offsets field; the order is the order of the legend and the table
SLOT_SPANS = MappingProxyType({"value": "span", "who": "who_span", "what": "what_span", "date": "date_span",
                               "source": "source_span"})
SLOT_COLOURS = MappingProxyType({"value": "#f2a93b", "who": "#4e79a7", "what": "#59a14f", "date": "#b07aa1",
                                 "source": "#e15759"})
CLAIM_COLUMNS = ("#", "mention", "value", "unit", "who", "what", "date", "change", "source")


class ShowError(ValueError):
    """The document or its text cannot be found (a usage problem: wrong id, run without text, no inputs)."""


@dataclass(frozen=True)
class Shown:
    """What the page shows: the documents-table row, the text and where it came from, and the claims."""

    document: dict[str, Any]
    text: str
    text_from: str
    claims: list[dict[str, Any]]


# --------------------------------------------------------------------------- reading the run


def run_rows(outdir: PathLike, query: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    from newsclaims.io.runner import sql_with_columns

    columns, rows = sql_with_columns(outdir, query, list(params))
    return [dict(zip(columns, row)) for row in rows]


def run_document(outdir: PathLike, doc_id: str) -> dict[str, Any]:
    rows = run_rows(outdir, "SELECT * FROM documents WHERE id = ?", [doc_id])
    if not rows:
        some = [r["id"] for r in run_rows(outdir, "SELECT id FROM documents ORDER BY id LIMIT 5", [])]
        raise ShowError(f"no document {doc_id!r} in {outdir} (ids there include: {', '.join(map(str, some))})")
    return rows[0]


def run_claims(outdir: PathLike, doc_id: str) -> list[dict[str, Any]]:
    from newsclaims.io.writers import unflatten_claim

    rows = run_rows(outdir, "SELECT * FROM claims WHERE doc_id = ? ORDER BY span_start, span_end", [doc_id])
    return [unflatten_claim(row) for row in rows]


def run_manifest(outdir: PathLike) -> dict[str, Any]:
    path = Path(outdir) / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def text_from_inputs(doc_id: str, inputs: Sequence[PathLike], manifest: Mapping[str, Any],
                     outdir: PathLike) -> Optional[str]:
    """The document's text, read from ``inputs`` as the run read them (its field map, date order and caps)."""
    from newsclaims.io.documents import Document
    from newsclaims.io.readers import iter_documents

    options = manifest.get("options") or {}
    caps = {k: options[k] for k in ("date_order", "max_file_bytes", "max_doc_chars") if k in options}
    for item in iter_documents(inputs, field_map=options.get("field_map") or None, exclude=[outdir], **caps):
        if isinstance(item, Document) and item.id == doc_id:
            return item.text  # the first document with the id is the one the run kept
    return None


def document_text(outdir: PathLike, document: Mapping[str, Any], text_from: Sequence[PathLike] = ()) -> tuple[str, str]:
    """(text, where it came from): the run's documents table, else ``text_from``, else the manifest's inputs."""
    doc_id = str(document["id"])
    if document.get("text") is not None:
        return str(document["text"]), "the run's documents table (kept with keep_text)"
    manifest = run_manifest(outdir)
    named = [Path(p) for p in text_from] or [Path(i["path"]) for i in manifest.get("inputs", [])]
    present = [p for p in named if p.exists()]
    if not present:
        raise ShowError(f"the run did not keep the text of {doc_id!r} (keep_text) and its inputs "
                        f"({', '.join(map(str, named)) or 'none named'}) are not here; pass --text-from FILE")
    text = text_from_inputs(doc_id, present, manifest, outdir)
    if text is None:
        raise ShowError(f"no document {doc_id!r} in {', '.join(map(str, present))}")
    n_chars = document.get("n_chars")
    if n_chars is not None and len(text) != int(n_chars):
        raise ShowError(f"the text of {doc_id!r} in {', '.join(map(str, present))} has {len(text):,} characters, the "
                        f"run's has {int(n_chars):,}: the input changed since the run, so its offsets would not fit")
    how = " (--text-from)" if text_from else " (from the manifest)"
    return text, "the input " + ", ".join(map(str, present)) + how


def load_shown(outdir: PathLike, doc_id: str, text_from: Sequence[PathLike] = ()) -> Shown:
    document = run_document(outdir, doc_id)
    text, where = document_text(outdir, document, text_from)
    return Shown(document=document, text=text, text_from=where, claims=run_claims(outdir, doc_id))


# --------------------------------------------------------------------------- spans -> displaCy


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    slot: str
    claims: tuple[int, ...]  # 1-based numbers of the claims this span belongs to (a who is often shared)

    @property
    def label(self) -> str:
        return f"{self.slot} {','.join(map(str, self.claims))}"


def claim_marks(claims: Sequence[Mapping[str, Any]], text_length: int) -> list[Mark]:
    """One mark per distinct (start, end, slot), naming every claim that has it; spans off the text are dropped."""
    owners: dict[tuple[int, int, str], list[int]] = {}
    for number, claim in enumerate(claims, start=1):
        for slot, field in SLOT_SPANS.items():
            span = claim.get(field)
            if span and span[0] is not None and 0 <= int(span[0]) < int(span[1]) <= text_length:
                owners.setdefault((int(span[0]), int(span[1]), slot), []).append(number)
    return [Mark(s, e, slot, tuple(numbers)) for (s, e, slot), numbers in sorted(owners.items())]


def line_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank line: displaCy joins tokens with spaces, so lines are rendered one by one."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def tokens_of(text: str, start: int, end: int, cuts: Sequence[int]) -> list[tuple[int, int]]:
    """Whitespace-separated pieces of text[start:end], cut again wherever a mark starts or ends (``cuts``, sorted)."""
    pieces = []
    for m in re.finditer(r"\S+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        inner = cuts[bisect.bisect_right(cuts, s):bisect.bisect_left(cuts, e)]
        pieces += list(zip([s, *inner], [*inner, e]))
    return pieces


def displacy_docs(text: str, marks: Sequence[Mark]) -> list[dict[str, Any]]:
    """The manual input of ``displacy.render(style="span")``: one doc per line, marks as token ranges."""
    cuts = sorted({b for m in marks for b in (m.start, m.end)})
    docs = []
    for start, end in line_ranges(text):
        tokens = tokens_of(text, start, end, cuts)
        spans = []
        for mark in (m for m in marks if m.start < end and m.end > start):   # only this line's marks
            inside = [i for i, (s, e) in enumerate(tokens) if mark.start <= s and e <= mark.end]
            if inside:
                spans.append({"start_token": inside[0], "end_token": inside[-1] + 1, "label": mark.label})
        docs.append({"text": text[start:end], "tokens": [text[s:e] for s, e in tokens], "spans": spans})
    return docs


def render_marks(text: str, claims: Sequence[Mapping[str, Any]]) -> str:
    """The text with the claims' spans, as displaCy's span-style markup (no page around it)."""
    from spacy import displacy

    marks = claim_marks(claims, len(text))
    colours = {m.label.upper(): SLOT_COLOURS[m.slot] for m in marks}
    return displacy.render(displacy_docs(text, marks), style="span", manual=True, page=False, jupyter=False,
                           options={"colors": colours})


# --------------------------------------------------------------------------- the page


def format_value(claim: Mapping[str, Any]) -> str:
    from newsclaims.evaluation.scoring import format_number

    if claim.get("low") is not None or claim.get("high") is not None:
        return f"{format_number(claim.get('low'))} – {format_number(claim.get('high'))}"
    bound = claim.get("bound") or "="
    return ("" if bound == "=" else bound + " ") + format_number(claim.get("value"))


def claim_row(number: int, claim: Mapping[str, Any]) -> list[str]:
    change = claim.get("change") or {}
    change_text = " ".join(str(v) for v in (change.get("direction"), change.get("role")) if v)
    return [str(number), str(claim.get("text") or ""), format_value(claim), str(claim.get("unit") or ""),
            str(claim.get("who") or ""), str(claim.get("what") or ""), str(claim.get("date") or ""), change_text,
            str(claim.get("source") or "")]


def claims_table(claims: Sequence[Mapping[str, Any]]) -> str:
    head = "".join(f"<th>{c}</th>" for c in CLAIM_COLUMNS)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in claim_row(n, c)) + "</tr>"
                   for n, c in enumerate(claims, start=1))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def legend() -> str:
    return "".join(f'<span class="key" style="border-bottom:4px solid {colour}">{slot}</span>'
                   for slot, colour in SLOT_COLOURS.items())


PAGE_CSS = """body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:24px;
color:#222;max-width:1100px}h1{font-size:1.4em}.muted{color:#666;font-size:13px}.key{margin-right:14px;font-size:13px}
table{border-collapse:collapse;font-size:13px;margin-top:16px}th,td{border:1px solid #ddd;padding:3px 7px;
vertical-align:top}th{background:#f4f4f4;text-align:left}.spans{margin-bottom:6px}"""


def render_page(shown: Shown) -> str:
    """A self-contained page: the document's facts, the marked text, and the claims with their numbers."""
    doc = shown.document
    facts = " · ".join(html.escape(f"{k}: {doc[k]}") for k in ("published", "source", "url") if doc.get(k))
    title = f"{doc['id']}: {doc.get('title') or 'document'}"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{PAGE_CSS}</style></head><body>"
            f"<h1>{html.escape(title)}</h1><p class=\"muted\">{facts}</p>"
            f"<p class=\"muted\">{len(shown.claims)} claims; text from {html.escape(shown.text_from)}. "
            f"Each mark is labelled with its slot and the numbers of the claims it belongs to.</p>"
            f"<p>{legend()}</p>{render_marks(shown.text, shown.claims)}{claims_table(shown.claims)}"
            "</body></html>\n")


def show_document(outdir: PathLike, doc_id: str, text_from: Sequence[PathLike] = ()) -> str:
    """The HTML page of ``newsclaims show DOC_ID OUTDIR``."""
    return render_page(load_shown(outdir, doc_id, text_from))
