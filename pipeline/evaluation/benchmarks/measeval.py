"""MeasEval (SemEval-2021 Task 8): quantity spans and units, scored by the official scorer's rules.

MeasEval is scientific paragraphs, not news, so it checks the quantity finder's span boundaries and
unit strings on foreign text. Our claim maps to a MeasEval ``Quantity`` by its span; its unit is the
claim's ``unit_text`` (a plain count has none: MeasEval annotates 'Five samples' as Quantity 'Five'
plus MeasuredEntity 'samples', so a counted noun is not a unit there).

:func:`score_measeval` re-implements the Quantity and Unit parts of ``eval/measeval-eval.py`` in the
public repository harperco/MeasEval (read via the code index), in its ``-m class`` mode without ``--limit``:

- a submitted Quantity is aligned to every gold Quantity of the same paragraph whose closed offset
  interval touches it (``s.start <= g.end and g.start <= s.end``; merely adjacent spans count);
- each aligned pair is a ``Match`` row with EM = 1 if both offsets agree and F1 = the submission's best
  space-token overlap F1 over its pairs (the scorer's ``calcF1``, quirks included);
- unaligned submissions and unaligned gold Quantities are penalty rows with EM = F1 = 0;
- the reported Exact Match and F1 (Overlap) are the means over all rows; P/R/F come from the row counts;
- Units: a submission's unit counts if it equals (case-sensitively) the unit of the gold Quantity it was
  aligned to (the last overlapping gold Quantity in file order when there are several, as the scorer's
  dict keeps the last); gold units and submitted units left unmatched are penalty rows;
- every paragraph of the split counts, including the five without any annotation (a submission there is
  all penalty), because without ``--limit`` the official scorer loads the whole gold folder.

grobid-quantities publishes 54.3 (strict) / 67.3 (soft) F1 for quantities, but from its own script
(``scripts/measeval_e2e_eval.py``): train+trial paragraphs, span *texts* matched greedily, strict =
case-insensitive equality, soft = Ratcliff/Obershelp similarity >= 0.8. :func:`score_measeval_textmatch`
re-implements that too, so the comparable figure can be shown beside theirs.
"""
from __future__ import annotations

import csv
import difflib
import json
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Optional, Union

PathLike = Union[str, Path]

# grobid-quantities, doc/evaluation-scores.md ("End 2 end evaluation", MeasEval train+trial, micro average).
GROBID_QUANTITIES_PUBLISHED = MappingProxyType({
    "strict": MappingProxyType({"P": 54.09, "R": 54.47, "F1": 54.28}),
    "soft": MappingProxyType({"P": 67.02, "R": 67.49, "F1": 67.26}),
})
GROBID_SOURCE = ("grobid-quantities doc/evaluation-scores.md: MeasEval train+trial paragraphs, "
                 "text matching (strict: equal, soft: Ratcliff/Obershelp >= 0.8), not the official scorer")
SOFT_THRESHOLD = 0.8
_TEXT_DIRS = ("text", "txt")  # eval/train use text/, trial uses txt/


# ----------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class Annotation:
    """One TSV row, offsets into the paragraph text."""

    annot_set: int
    annot_type: str
    start: int
    end: int
    annot_id: str
    text: str
    other: Mapping[str, Any]

    @property
    def unit(self) -> Optional[str]:
        unit = self.other.get("unit")
        return unit or None


@dataclass(frozen=True)
class Paragraph:
    """A MeasEval paragraph with its gold rows in file order (empty when it has no TSV)."""

    doc_id: str
    text: str
    annotations: tuple[Annotation, ...]
    has_tsv: bool

    @property
    def quantities(self) -> tuple[Annotation, ...]:
        return tuple(a for a in self.annotations if a.annot_type == "Quantity")


def resolve_measeval_split(path: PathLike, split: str) -> Path:
    """Accept the MeasEval root, its ``data/`` folder or the split folder itself."""
    p = Path(path)
    for candidate in (p / "data" / split, p / split, p):
        if (candidate / "tsv").is_dir() and any((candidate / d).is_dir() for d in _TEXT_DIRS):
            return candidate
    raise FileNotFoundError(f"no MeasEval split {split!r} at or under {p}")


def _read_tsv(path: Path) -> tuple[Annotation, ...]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return tuple(
        Annotation(
            annot_set=int(r["annotSet"]),
            annot_type=r["annotType"],
            start=int(r["startOffset"]),
            end=int(r["endOffset"]),
            annot_id=r["annotId"],
            text=r["text"],
            other=MappingProxyType(json.loads(r["other"]) if r.get("other") else {}),
        )
        for r in rows
    )


def load_measeval(path: PathLike, split: str = "eval") -> list[Paragraph]:
    """Every paragraph of ``split`` (``'eval'``, ``'train'``, ``'trial'`` or several joined with '+'),
    sorted by id, with its gold rows; paragraphs without a TSV are kept (they have no annotations)."""
    paragraphs: list[Paragraph] = []
    for name in split.split("+"):
        split_dir = resolve_measeval_split(path, name)
        text_dir = next(split_dir / d for d in _TEXT_DIRS if (split_dir / d).is_dir())
        for txt in sorted(text_dir.glob("*.txt")):
            tsv = split_dir / "tsv" / (txt.stem + ".tsv")
            paragraphs.append(Paragraph(
                doc_id=txt.stem,
                text=txt.read_text(encoding="utf-8"),
                annotations=_read_tsv(tsv) if tsv.is_file() else (),
                has_tsv=tsv.is_file(),
            ))
    return paragraphs


# ----------------------------------------------------------------------------- claim -> MeasEval


def to_measeval(claim: Any, text: Optional[str] = None) -> Optional[dict[str, Any]]:
    """A claim as a submitted Quantity ``{start, end, text, unit}``; None if it has no span.

    ``text`` (the paragraph) makes the span text exact; the unit is ``unit_text`` unless the claim is a
    plain count (``unit`` None), whose ``unit_text`` is the counted noun, not a unit."""
    c = claim.to_dict() if hasattr(claim, "to_dict") else claim
    span = c.get("span")
    if not span or span[0] is None or span[1] is None:
        return None
    start, end = int(span[0]), int(span[1])
    unit = c.get("unit_text") if c.get("unit") is not None else None
    return {
        "start": start,
        "end": end,
        "text": text[start:end] if text is not None else c.get("text", ""),
        "unit": unit or None,
    }


# ----------------------------------------------------------------------------- official scorer


def spans_touch(a_start: int, a_end: int, g_start: int, g_end: int) -> bool:
    """The scorer's join condition: the closed intervals [start, end] share at least a point."""
    return (g_start <= a_start <= g_end or g_start <= a_end <= g_end
            or a_start <= g_start <= a_end or a_start <= g_end <= a_end)


def overlap_f1(a_text: str, a_start: int, a_end: int, g_text: str, g_start: int, g_end: int) -> float:
    """``calcF1`` verbatim: tokens are split on single spaces; the overlap text is cut out of the
    submitted text. (Adjacent spans overlap in zero characters, which still counts as one token.)"""
    a_tokens = len(a_text.split(" "))
    g_tokens = len(g_text.split(" "))
    start, end = max(a_start, g_start), min(a_end, g_end)
    offset = start - a_start if start > a_start else 0
    overlap_tokens = len(a_text[offset:offset + int(end - start)].split(" "))
    precision = overlap_tokens / a_tokens
    recall = overlap_tokens / g_tokens
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class ClassScore:
    """One annotation class as the scorer reports it, in percent."""

    tp: int
    fp: int
    fn: int
    exact_match: float
    overlap_f1: float

    def as_dict(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "P": 100 * p, "R": 100 * r, "F": 100 * f,
                "strict": self.exact_match, "soft": self.overlap_f1}


def _class_score(rows: Sequence[tuple[str, float, float]]) -> ClassScore:
    """rows: (match type, EM, F1) -> counts and the means over all rows, in percent."""
    n = len(rows)
    return ClassScore(
        tp=sum(1 for kind, _, _ in rows if kind == "Match"),
        fp=sum(1 for kind, _, _ in rows if kind == "Sub only"),
        fn=sum(1 for kind, _, _ in rows if kind == "Gold only"),
        exact_match=100 * sum(em for _, em, _ in rows) / n if n else 0.0,
        overlap_f1=100 * sum(f for _, _, f in rows) / n if n else 0.0,
    )


def _paragraph_rows(
    gold: Sequence[Annotation], subs: Sequence[Mapping[str, Any]], text: str
) -> tuple[list[tuple[str, float, float]], list[tuple[str, float, float]]]:
    """Quantity rows and Unit rows of one paragraph."""
    pairs: list[tuple[int, int, float, float]] = []  # (sub index, gold index, EM, F1)
    for si, s in enumerate(subs):
        s_text = s.get("text") if s.get("text") is not None else text[s["start"]:s["end"]]
        for gi, g in enumerate(gold):
            if spans_touch(s["start"], s["end"], g.start, g.end):
                em = 1.0 if (s["start"] == g.start and s["end"] == g.end) else 0.0
                pairs.append((si, gi, em, overlap_f1(s_text, s["start"], s["end"], g.text, g.start, g.end)))
    best = {}
    for si, _, _, f1 in pairs:
        best[si] = max(best.get(si, 0.0), f1)
    paired_subs = {si for si, _, _, _ in pairs}
    paired_gold = {gi for _, gi, _, _ in pairs}
    q_rows = [("Match", em, best[si]) for si, _, em, _ in pairs]
    q_rows += [("Sub only", 0.0, 0.0) for si in range(len(subs)) if si not in paired_subs]
    q_rows += [("Gold only", 0.0, 0.0) for gi in range(len(gold)) if gi not in paired_gold]

    aligned: dict[int, int] = {}  # sub -> gold annotSet; the last pair wins, as in the scorer's dict
    for si, gi, _, _ in pairs:
        aligned[si] = gold[gi].annot_set
    gold_units = [(g.annot_set, g.unit) for g in gold if g.unit]
    sub_units = [(aligned.get(si), s.get("unit")) for si, s in enumerate(subs) if s.get("unit")]
    matches = [(sset, unit) for sset, unit in sub_units for gset, gunit in gold_units
               if sset is not None and sset == gset and unit == gunit]
    matched_sets = {sset for sset, _ in matches}
    u_rows = [("Match", 1.0, 1.0) for _ in matches]
    u_rows += [("Sub only", 0.0, 0.0) for sset, _ in sub_units if sset is None or sset not in matched_sets]
    u_rows += [("Gold only", 0.0, 0.0) for gset, _ in gold_units if gset not in matched_sets]
    return q_rows, u_rows


def score_measeval(
    paragraphs: Sequence[Paragraph], predictions: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, dict[str, float]]:
    """Official-scorer Quantity and Unit scores: ``{"Quantity": {...}, "Unit": {...}}`` with tp/fp/fn,
    P/R/F and ``strict`` (Exact Match) / ``soft`` (F1 Overlap), all in percent.

    ``predictions`` maps a paragraph id to its submitted Quantities ``{start, end[, text], unit}``;
    a paragraph missing from it simply has no submission."""
    q_rows: list[tuple[str, float, float]] = []
    u_rows: list[tuple[str, float, float]] = []
    known = {p.doc_id for p in paragraphs}
    for p in paragraphs:
        q, u = _paragraph_rows(p.quantities, list(predictions.get(p.doc_id, ())), p.text)
        q_rows += q
        u_rows += u
    for doc_id, subs in predictions.items():  # submissions for paragraphs outside the gold are all penalty
        if doc_id not in known:
            q_rows += [("Sub only", 0.0, 0.0)] * len(subs)
            u_rows += [("Sub only", 0.0, 0.0)] * sum(1 for s in subs if s.get("unit"))
    return {"Quantity": _class_score(q_rows).as_dict(), "Unit": _class_score(u_rows).as_dict()}


# ----------------------------------------------------------------------------- grobid-quantities' text matching


def _grobid_expected(annotations: Sequence[Annotation]) -> list[str]:
    """grobid's ``prepare_data``: keep a row only if it touches no row kept before it (any type),
    then take the kept Quantity texts."""
    kept: list[Annotation] = []
    for a in annotations:
        if not any(spans_touch(a.start, a.end, k.start, k.end) for k in kept):
            kept.append(a)
    return [a.text for a in kept if a.annot_type == "Quantity"]


def texts_match(predicted: str, expected: str, mode: str, threshold: float = SOFT_THRESHOLD) -> bool:
    """strict: equal ignoring case; soft: Ratcliff/Obershelp similarity (difflib without autojunk) >= threshold."""
    if mode == "strict":
        return predicted.lower() == expected.lower()
    return difflib.SequenceMatcher(None, predicted.lower(), expected.lower(), autojunk=False).ratio() >= threshold


def greedy_text_matches(expected: Sequence[str], predicted: Sequence[str], mode: str) -> tuple[int, int, int]:
    """grobid's ``get_matches``: each prediction takes the first unused expected text it matches."""
    used: set[int] = set()
    tp = fp = 0
    for pred in predicted:
        hit = next((i for i, exp in enumerate(expected)
                    if i not in used and texts_match(pred.strip(), exp.strip(), mode)), None)
        if hit is None:
            fp += 1
        else:
            used.add(hit)
            tp += 1
    return tp, fp, len(expected) - len(used)


def score_measeval_textmatch(
    paragraphs: Sequence[Paragraph], predictions: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, dict[str, float]]:
    """Quantity P/R/F1 (percent) the way grobid-quantities computed its published figures, over the
    paragraphs that have a TSV (grobid's script only reads those)."""
    out = {}
    for mode in ("strict", "soft"):
        tp = fp = fn = 0
        for p in paragraphs:
            if not p.has_tsv:
                continue
            predicted = [s.get("text") if s.get("text") is not None else p.text[s["start"]:s["end"]]
                         for s in predictions.get(p.doc_id, ())]
            a, b, c = greedy_text_matches(_grobid_expected(p.annotations), predicted, mode)
            tp, fp, fn = tp + a, fp + b, fn + c
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[mode] = {"tp": tp, "fp": fp, "fn": fn, "P": 100 * prec, "R": 100 * rec, "F1": 100 * f1}
    return out


# ----------------------------------------------------------------------------- baselines and runners


def quantulum3_measeval(texts: Sequence[str]) -> list[list[dict[str, Any]]]:
    """quantulum3 alone: its spans as Quantities; the unit is the surface after the number (quantulum3
    reports no unit span), none for dimensionless results."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns that its optional classifier is missing
        from quantulum3 import parser

        out = []
        for text in texts:
            subs = []
            for q in parser.parse(text):
                start, end = q.span
                unit = None
                if q.unit.name not in ("dimensionless", "unk"):
                    unit = re.sub(r"^[-+±~<>≈\d.,\s]+", "", text[start:end]).strip() or None
                subs.append({"start": start, "end": end, "text": text[start:end], "unit": unit})
            out.append(subs)
    return out


def evaluate_measeval(
    path: PathLike, submissions: Sequence[Sequence[Mapping[str, Any]]], *, system: str, split: str = "eval"
) -> dict[str, Any]:
    """Score ready submissions (one list per paragraph of ``load_measeval(path, split)``, same order)."""
    paragraphs = load_measeval(path, split)
    if len(paragraphs) != len(submissions):
        raise ValueError(f"{len(paragraphs)} paragraphs but {len(submissions)} submission lists")
    predictions = {p.doc_id: list(s) for p, s in zip(paragraphs, submissions)}
    result: dict[str, Any] = {
        "benchmark": "MeasEval",
        "system": system,
        "split": split,
        "n_paragraphs": len(paragraphs),
        "n_gold_quantities": sum(len(p.quantities) for p in paragraphs),
        "n_gold_units": sum(1 for p in paragraphs for q in p.quantities if q.unit),
        "n_submitted": sum(len(s) for s in submissions),
        "official": score_measeval(paragraphs, predictions),
        "textmatch": score_measeval_textmatch(paragraphs, predictions),
        "published": {"grobid-quantities": {k: dict(v) for k, v in GROBID_QUANTITIES_PUBLISHED.items()},
                      "source": GROBID_SOURCE},
    }
    result["text"] = format_measeval(result)
    return result


def run_measeval(
    path: PathLike,
    predict: Callable[[list[str]], list[list[dict]]],
    *,
    split: str = "eval",
    system: str = "newsclaims",
) -> dict[str, Any]:
    """Run ``predict`` (paragraph texts -> claim dicts per paragraph, spans into that paragraph) over a
    MeasEval split and score Quantity spans and Units; the printable table is under ``"text"``."""
    paragraphs = load_measeval(path, split)
    claims = predict([p.text for p in paragraphs])
    submissions = [[s for s in (to_measeval(c, p.text) for c in cs) if s is not None]
                   for p, cs in zip(paragraphs, claims)]
    return evaluate_measeval(path, submissions, system=system, split=split)


def run_measeval_quantulum3(path: PathLike, *, split: str = "eval") -> dict[str, Any]:
    """The quantulum3-alone baseline on MeasEval, scored the same way."""
    paragraphs = load_measeval(path, split)
    return evaluate_measeval(path, quantulum3_measeval([p.text for p in paragraphs]),
                             system="quantulum3", split=split)


def format_measeval(result: Mapping[str, Any]) -> str:
    """The result as a small text table."""
    lines = [
        f"MeasEval {result['split']}: {result['n_paragraphs']} paragraphs, {result['n_gold_quantities']} gold "
        f"quantities ({result['n_gold_units']} with a unit); {result['system']}: {result['n_submitted']} submitted",
        "official scorer (measeval-eval.py -m class):",
        f"  {'':<10}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>7}{'R':>7}{'F':>7}{'strict EM':>11}{'soft F1':>9}",
    ]
    for cls in ("Quantity", "Unit"):
        s = result["official"][cls]
        lines.append(f"  {cls:<10}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}{s['P']:>7.1f}{s['R']:>7.1f}{s['F']:>7.1f}"
                     f"{s['strict']:>11.1f}{s['soft']:>9.1f}")
    lines.append("grobid-quantities-style text matching (Quantity):")
    pub = result["published"]["grobid-quantities"]
    for mode in ("strict", "soft"):
        s = result["textmatch"][mode]
        lines.append(f"  {mode:<10}P {s['P']:5.1f}  R {s['R']:5.1f}  F1 {s['F1']:5.1f}"
                     f"   | grobid-quantities published F1 {pub[mode]['F1']:.1f}")
    lines.append(f"  ({result['published']['source']})")
    return "\n".join(lines)
