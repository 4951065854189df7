"""Scoring predicted claims against gold claims: counts, P/R/F1, bootstrap intervals, error list.

Definitions (they are also written into every report, see :func:`definitions`):

* **Anchoring** — per document, each predicted claim is paired one-to-one with a gold claim whose
  quantity span overlaps it, largest overlap first (:mod:`newsclaims.evaluation.matching`).
* **mention** — tp = anchored pairs, fp = unanchored predicted claims, fn = unanchored gold claims.
* **slot S** (value, unit, bound, change, date, who, what, source) — over anchored pairs, a pair
  whose S is right is one tp; a pair whose S is wrong is one fp *and* one fn (the system said
  something wrong and the gold fact was not found). Every unanchored predicted claim adds an fp and
  every unanchored gold claim an fn. Hence P = right / predicted claims, R = right / gold claims,
  the usual convention for labelled spans. A null slot is right when gold is null too.
* **quantity** — value and unit right; **strict** — value, unit, who, what and date right;
  **relaxed** — value and unit right, and who or what right. Counted like a slot.
* **what-F1 mean** — mean content-lemma token F1 over anchored pairs plus a 0 for every missed and
  every spurious claim (MeasEval's penalty rows); the mean over anchored pairs alone is given too.
* **95% CI** — percentile bootstrap over documents (seed 0, 1,000 resamples, numpy default_rng):
  documents, not claims, are the independent unit.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence, Union

import numpy as np

from . import compare
from .compare import Aliases, Lemmatize
from .gold import read_gold, read_predictions
from .matching import align, span_of

SLOTS = ("value", "unit", "bound", "change", "date", "who", "what", "source")
METRICS = ("mention", "quantity", *SLOTS, "strict", "relaxed")
KINDS = ("count", "money", "percentage", "physical", "ratio", "duration", "range", "change")
SEVERITY = MappingProxyType({"missed": 0, "spurious": 0, "value": 1, "unit": 1})  # every other slot: 2
ORDER_OF_SLOTS = MappingProxyType({s: i for i, s in enumerate(SLOTS)})
DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 0
DEFAULT_CONFIDENCE = 0.95

Claim = Mapping[str, Any]
Extractor = Callable[[dict], Iterable[Any]]


# --------------------------------------------------------------------------- counts and scores


@dataclass(frozen=True)
class Counts:
    """tp/fp/fn with the derived rates; a rate is None when its denominator is 0 (undefined, not 0)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> Optional[float]:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> Optional[float]:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> Optional[float]:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


def _ratio(num: float, den: float) -> Optional[float]:
    return num / den if den else None


@dataclass
class Score:
    """A metric as reported: counts, rates and (for corpus-level metrics) bootstrap intervals."""

    tp: int
    fp: int
    fn: int
    precision: Optional[float]
    recall: Optional[float]
    f1: Optional[float]
    ci: Optional[dict[str, Optional[list[float]]]] = None  # {"precision": [lo, hi], "recall": ..., "f1": ...}

    @classmethod
    def of(cls, counts: Counts, ci: Optional[dict[str, Optional[list[float]]]] = None) -> "Score":
        return cls(counts.tp, counts.fp, counts.fn, counts.precision, counts.recall, counts.f1, ci)


@dataclass
class ErrorExample:
    """One error for the error table. ``error`` is 'missed', 'spurious' or 'wrong_slot' (then ``slot`` says which)."""

    doc_id: str
    error: str
    slot: Optional[str]
    severity: int
    claim_kind: str
    span: Optional[list[int]]
    mention: str
    sentence: str
    expected: str
    got: str
    mention_at: Optional[int] = None  # where ``mention`` starts inside ``sentence`` (the report highlights it there)


@dataclass
class Report:
    """Everything one system scored on one gold set. Plain data: it round-trips through JSON."""

    n_docs: int
    n_gold: int
    n_pred: int
    metrics: dict[str, Score]
    what_f1: dict[str, Any]
    by_kind: dict[str, dict[str, Score]]
    by_doc: dict[str, dict[str, Score]]
    errors: list[ErrorExample]
    definitions: dict[str, str]
    settings: dict[str, Any]
    unscored_doc_ids: list[str] = field(default_factory=list)
    by_domain: dict[str, dict[str, Score]] = field(default_factory=dict)
    domain_of: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Report":
        def scores(d: Mapping[str, Any]) -> dict[str, Score]:
            return {k: Score(**v) for k, v in d.items()}

        return cls(
            n_docs=data["n_docs"], n_gold=data["n_gold"], n_pred=data["n_pred"],
            metrics=scores(data["metrics"]),
            what_f1=dict(data["what_f1"]),
            by_kind={k: scores(v) for k, v in data["by_kind"].items()},
            by_doc={k: scores(v) for k, v in data["by_doc"].items()},
            errors=[ErrorExample(**e) for e in data["errors"]],
            definitions=dict(data["definitions"]),
            settings=dict(data["settings"]),
            unscored_doc_ids=list(data.get("unscored_doc_ids", [])),
            by_domain={k: scores(v) for k, v in data.get("by_domain", {}).items()},
            domain_of=dict(data.get("domain_of", {})),
        )


# --------------------------------------------------------------------------- comparing one pair


@dataclass(frozen=True)
class Comparators:
    """The resources the slot comparisons need, passed explicitly instead of living in globals."""

    aliases: Aliases
    lemmatize: Lemmatize
    rel_tol: float = compare.REL_TOL
    what_threshold: float = compare.WHAT_F1_THRESHOLD


def default_comparators() -> Comparators:
    """Comparators backed by the alias file and the spaCy lemmatizer (each loaded once per process)."""
    return Comparators(aliases=compare.load_aliases(), lemmatize=compare.load_lemmatizer())


SLOT_CHECKS: Mapping[str, Callable[[Claim, Claim, Comparators], bool]] = MappingProxyType({
    "value": lambda gold, pred, cmp: compare.value_match(gold, pred, cmp.aliases, cmp.rel_tol),
    "unit": lambda gold, pred, cmp: compare.unit_match(gold, pred, cmp.aliases),
    "bound": lambda gold, pred, cmp: compare.bound_match(gold, pred),
    "change": lambda gold, pred, cmp: compare.change_match(gold, pred),
    "date": lambda gold, pred, cmp: compare.date_match(gold, pred),
    "who": lambda gold, pred, cmp: compare.who_match(gold, pred, cmp.aliases),
    "what": lambda gold, pred, cmp: compare.what_match(gold, pred, cmp.lemmatize, cmp.what_threshold),
    "source": lambda gold, pred, cmp: compare.source_match(gold, pred, cmp.aliases),
})


def slot_right(slot: str, gold: Claim, pred: Claim, cmp: Comparators) -> bool:
    """Whether one slot of an anchored pair is right: the one definition the report and the candidate-recall
    report (:mod:`newsclaims.evaluation.candidate_recall`) both count by."""
    return SLOT_CHECKS[slot](gold, pred, cmp)


def slot_results(gold: Claim, pred: Claim, cmp: Comparators) -> tuple[dict[str, bool], float]:
    """Which slots of an anchored pair are right, and the pair's what-F1."""
    wf1 = compare.what_f1(gold.get("what"), pred.get("what"), cmp.lemmatize)
    return {slot: slot_right(slot, gold, pred, cmp) for slot in SLOTS}, wf1


def metric_results(slots: Mapping[str, bool]) -> dict[str, bool]:
    """Every metric of an anchored pair from its slot results (mention is right by construction)."""
    quantity = slots["value"] and slots["unit"]
    return {
        "mention": True,
        "quantity": quantity,
        **slots,
        "strict": quantity and slots["who"] and slots["what"] and slots["date"],
        "relaxed": quantity and (slots["who"] or slots["what"]),
    }


def claim_kind(claim: Claim, aliases: Optional[Aliases] = None) -> str:
    """The claim's kind for breakdowns, from its range, change and unit (first that applies):
    range (low/high given), change (the figure is the amount of a change: role 'delta'), then by unit:
    count (no unit), percentage (% pp bp), ratio (x), money (a currency anywhere in the unit, so
    USD/barrel is money), duration (a time unit), physical (anything else).

    The old and new figures of a change are levels, so they take their unit's kind: otherwise
    'change' would swallow a third of the money and most percentages of a news corpus.
    """
    aliases = aliases or compare.load_aliases()
    if compare.is_range(claim):
        return "range"
    change = claim.get("change")
    if isinstance(change, Mapping) and change.get("role") == "delta":
        return "change"
    unit = compare.canonical_special_unit(claim.get("unit"), aliases)
    if unit is None:
        return "count"
    if unit in ("%", "pp", "bp"):
        return "percentage"
    if unit == "x":
        return "ratio"
    meaning = compare.unit_meaning(unit, aliases)
    if meaning is not None and "currency_" in (meaning.text or meaning.dimensionality):
        return "money"
    if meaning is not None and meaning.dimensionality == "[time]":
        return "duration"
    return "physical"


# --------------------------------------------------------------------------- describing errors

_BOUNDARY = re.compile(r"\n|[.!?][\"\u201d\u2019)]*\s+")
_ABBREVIATIONS = frozenset("mr ms mrs dr st no vs inc co jr sr corp ltd gov sen rep gen jan feb mar apr jun jul "
                           "aug sep sept oct nov dec approx est fig".split())
MAX_SENTENCE = 400


def _is_sentence_end(text: str, m: re.Match) -> bool:
    """A newline always ends a sentence; a full stop does unless it closes an abbreviation ('U.S.', 'Inc.')."""
    if m.group().startswith("\n"):
        return True
    word = re.search(r"(\S+)$", text[: m.start()])
    token = word.group(1).lower() if word else ""
    if text[m.start()] == "." and (token in _ABBREVIATIONS or "." in token or len(token) == 1):
        return False
    return True


def sentence_around(text: str, span: Optional[Sequence[int]]) -> str:
    """The sentence holding a span, by a light rule (no parser: errors need context, not syntax)."""
    return sentence_and_offset(text, span)[0]


def sentence_and_offset(text: str, span: Optional[Sequence[int]]) -> tuple[str, Optional[int]]:
    """The sentence holding a span and where the span starts inside it (None when it is not inside).

    The offset lets a report mark this very mention, not the first equal string of the sentence.
    """
    if not span:
        return "", None
    start, end = int(span[0]), int(span[1])
    s_start = 0
    for m in _BOUNDARY.finditer(text, 0, max(start, 0)):
        if m.end() <= start and _is_sentence_end(text, m):
            s_start = m.end()
    s_end = len(text)
    for m in _BOUNDARY.finditer(text, end):
        if _is_sentence_end(text, m):
            s_end = m.start() + (0 if m.group().startswith("\n") else 1)
            break
    raw = text[s_start:s_end]
    sentence = raw.strip()
    if len(sentence) <= MAX_SENTENCE:
        return sentence, _offset_inside(start, s_start + len(raw) - len(raw.lstrip()), len(sentence), end - start)
    lo, hi = max(s_start, start - MAX_SENTENCE // 2), min(s_end, end + MAX_SENTENCE // 2)
    window, prefix = text[lo:hi], "…" if lo > s_start else ""
    core = window.strip()
    at = _offset_inside(start, lo + len(window) - len(window.lstrip()), len(core), end - start)
    return prefix + core + ("…" if hi < s_end else ""), None if at is None else at + len(prefix)


def _offset_inside(start: int, shown_from: int, shown_len: int, length: int) -> Optional[int]:
    """``start`` (a document offset) relative to text shown from ``shown_from``; None if the span is not all shown."""
    at = start - shown_from
    return at if 0 <= at and at + length <= shown_len else None


def format_number(x: Any) -> str:
    """Readable number: integers without '.0', others to 10 significant digits."""
    v = compare.as_number(x)
    if v is None:
        return "null" if x is None else repr(x)
    if v.is_integer() and abs(v) < 1e16:
        return str(int(v))
    return f"{v:.10g}"


def describe_slot(claim: Claim, slot: str) -> str:
    """One slot of a claim as short text for the error table."""
    if slot == "value":
        if compare.is_range(claim):
            return f"{format_number(claim.get('low'))}–{format_number(claim.get('high'))}"
        return format_number(claim.get("value"))
    if slot == "change":
        ch = claim.get("change")
        return f"{ch.get('direction')}/{ch.get('role')}" if ch else "null"
    v = claim.get(slot)
    return "null" if v is None else str(v)


def describe_claim(claim: Claim) -> str:
    """A whole claim on one line: 'value unit (bound) · who · what · date · change · source'."""
    value, low, high = compare.claim_numbers(claim)
    if value is None and low is None and high is None:
        head = "no value" + (f" {claim['unit']}" if claim.get("unit") else "")
    else:
        unit = claim.get("unit")
        head = " ".join(str(x) for x in (claim.get("bound"), describe_slot(claim, "value"), unit) if x)
    rest = [f"{s}={describe_slot(claim, s)}" for s in ("who", "what", "date", "change", "source")
            if claim.get(s) is not None]
    return " · ".join([head, *rest])


def describe_slot_in_context(claim: Claim, slot: str) -> str:
    """A wrong slot's text, with the unit next to a wrong value (and vice versa) so the error reads alone."""
    if slot == "value":
        return f"{describe_slot(claim, 'value')} {describe_slot(claim, 'unit')}"
    if slot == "unit":
        return f"{describe_slot(claim, 'unit')} (value {describe_slot(claim, 'value')})"
    return describe_slot(claim, slot)


def error_sort_key(e: ErrorExample, doc_order: Mapping[str, int]) -> tuple:
    """Most harmful first: missed/spurious claims, then wrong value/unit, then other slots; then by text order."""
    return (e.severity, ORDER_OF_SLOTS.get(e.slot or "", -1), doc_order.get(e.doc_id, 0),
            (e.span or [0])[0], e.error)


# --------------------------------------------------------------------------- one document


@dataclass
class DocResult:
    """Counts of one document: per metric, per (kind, metric), and what-F1 sums for the bootstrap."""

    doc_id: str
    counts: dict[str, Counts]
    kind_counts: dict[str, dict[str, Counts]]
    what_sum: float
    what_rows: int
    what_anchored_sum: float
    what_anchored_rows: int
    errors: list[ErrorExample]
    n_gold: int
    n_pred: int


def _mention_text(text: str, claim: Claim) -> str:
    span = span_of(claim)
    if span is None:
        return str(claim.get("text") or "")
    return text[span[0]:span[1]] if span[1] <= len(text) else str(claim.get("text") or "")


def _context(text: str, span: Sequence[int]) -> dict[str, Any]:
    sentence, at = sentence_and_offset(text, span)
    return {"sentence": sentence, "mention_at": at}


def score_document(gold_doc: Mapping[str, Any], pred_claims: Sequence[Claim], cmp: Comparators) -> DocResult:
    """Anchor, compare and count one document; see the module docstring for the counting rules."""
    doc_id, text = str(gold_doc["id"]), gold_doc.get("text", "")
    gold_claims = list(gold_doc.get("claims", []))
    alignment = align(gold_claims, pred_claims)
    counts = {m: Counts() for m in METRICS}
    kind_counts: dict[str, dict[str, Counts]] = {}
    errors: list[ErrorExample] = []
    what_anchored: list[float] = []

    def add(kind: str, metric: str, c: Counts) -> None:
        counts[metric] = counts[metric] + c
        per_kind = kind_counts.setdefault(kind, {m: Counts() for m in METRICS})
        per_kind[metric] = per_kind[metric] + c

    for gi, pi in alignment.pairs:
        gold, pred = gold_claims[gi], pred_claims[pi]
        kind = claim_kind(gold, cmp.aliases)
        slots, wf1 = slot_results(gold, pred, cmp)
        what_anchored.append(wf1)
        for metric, right in metric_results(slots).items():
            add(kind, metric, Counts(tp=1) if right else Counts(fp=1, fn=1))
        for slot in SLOTS:
            if not slots[slot]:
                errors.append(ErrorExample(
                    doc_id=doc_id, error="wrong_slot", slot=slot, severity=SEVERITY.get(slot, 2), claim_kind=kind,
                    span=list(gold["span"]), mention=_mention_text(text, gold), **_context(text, gold["span"]),
                    expected=describe_slot_in_context(gold, slot), got=describe_slot_in_context(pred, slot)))
    for gi in alignment.missed:
        gold = gold_claims[gi]
        kind = claim_kind(gold, cmp.aliases)
        for metric in METRICS:
            add(kind, metric, Counts(fn=1))
        errors.append(ErrorExample(
            doc_id=doc_id, error="missed", slot=None, severity=0, claim_kind=kind, span=list(gold["span"]),
            mention=_mention_text(text, gold), **_context(text, gold["span"]),
            expected=describe_claim(gold), got="—"))
    for pi in alignment.spurious:
        pred = pred_claims[pi]
        kind = claim_kind(pred, cmp.aliases)
        span = span_of(pred)
        for metric in METRICS:
            add(kind, metric, Counts(fp=1))
        errors.append(ErrorExample(
            doc_id=doc_id, error="spurious", slot=None, severity=0, claim_kind=kind,
            span=list(span) if span else None, mention=_mention_text(text, pred),
            **(_context(text, span) if span else {"sentence": str(pred.get("sentence") or "")}),
            expected="—", got=describe_claim(pred)))
    n_unanchored = len(alignment.missed) + len(alignment.spurious)
    return DocResult(
        doc_id=doc_id, counts=counts, kind_counts=kind_counts,
        what_sum=sum(what_anchored), what_rows=len(what_anchored) + n_unanchored,
        what_anchored_sum=sum(what_anchored), what_anchored_rows=len(what_anchored),
        errors=errors, n_gold=len(gold_claims), n_pred=len(pred_claims))


# --------------------------------------------------------------------------- bootstrap


def bootstrap_weights(n_docs: int, resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED) -> np.ndarray:
    """(resamples, n_docs) array: how often each document is drawn in each resample (with replacement)."""
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n_docs, size=(resamples, n_docs))
    weights = np.zeros((resamples, n_docs), dtype=np.int64)
    np.add.at(weights, (np.arange(resamples)[:, None], idx), 1)
    return weights


def _interval(samples: np.ndarray, confidence: float) -> Optional[list[float]]:
    """Percentile interval of the defined (non-NaN) samples; None if no resample defines the rate."""
    finite = samples[~np.isnan(samples)]
    if finite.size == 0:
        return None
    alpha = (1 - confidence) / 2 * 100
    lo, hi = np.percentile(finite, [alpha, 100 - alpha])
    return [float(lo), float(hi)]


def _safe_div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def prf_intervals(per_doc: np.ndarray, weights: np.ndarray, confidence: float) -> dict[str, Optional[list[float]]]:
    """Bootstrap intervals of P, R and F1 from per-document (tp, fp, fn) rows (shape (n_docs, 3))."""
    totals = weights @ per_doc  # (resamples, 3)
    tp, fp, fn = totals[:, 0], totals[:, 1], totals[:, 2]
    return {
        "precision": _interval(_safe_div(tp, tp + fp), confidence),
        "recall": _interval(_safe_div(tp, tp + fn), confidence),
        "f1": _interval(_safe_div(2 * tp, 2 * tp + fp + fn), confidence),
    }


def _counts_matrix(rows: Sequence[Counts]) -> np.ndarray:
    return np.array([[c.tp, c.fp, c.fn] for c in rows], dtype=np.float64).reshape(len(rows), 3)


# --------------------------------------------------------------------------- whole corpus


def definitions(cmp: Comparators) -> dict[str, str]:
    """The scoring definitions, written into every report so a number is never read without its rule."""
    return {
        "anchoring": "Per document, each predicted claim is paired one-to-one with a gold claim whose quantity span "
                     "overlaps it, largest character overlap first (ties: nearest start, then text order).",
        "mention": "tp = anchored pairs; fp = unanchored predicted claims; fn = unanchored gold claims.",
        "slots": "For each slot, an anchored pair whose slot is right is 1 tp; a pair whose slot is wrong is 1 fp "
                 "and 1 fn; each unanchored predicted claim is 1 fp and each unanchored gold claim 1 fn. So P = right "
                 "/ predicted claims and R = right / gold claims. A null slot is right when the gold slot is null.",
        "value": f"Same number within relative tolerance {cmp.rel_tol:g}; a range only matches a range, by both ends; "
                 "gold N % equals predicted N/100 x and vice versa (the guidelines' fraction rule).",
        "unit": "Same unit by meaning (pint; ISO 4217 codes, currency symbols and names; % = percent = pct; "
                "pp = percentage point; x = times; plain tons = t); % vs x is right when the fraction rule applies.",
        "bound": "The same bound symbol (=, ~, >, >=, <, <=); a missing bound is wrong.",
        "change": "Both null, or the same direction and role.",
        "date": "The same ISO date or interval, compared by the days it covers (2024-10 = 2024-10-01/2024-10-31).",
        "who": "Equal after normalisation (case, periods, punctuation, leading 'the'), one containing the other as "
               "whole words, or names of one alias group (models/evaluation/aliases.json).",
        "what": f"Token F1 of content-word lemmas (spaCy lemmatizer) >= {cmp.what_threshold:g}.",
        "source": "As who.",
        "quantity": "Value and unit right.",
        "strict": "Value, unit, who, what and date all right.",
        "relaxed": "Value and unit right, and who or what right.",
        "what_f1_mean": "Mean what token F1 over anchored pairs plus a 0 for each missed and each spurious claim; "
                        "'mean_anchored' averages anchored pairs only.",
        "kinds": "A claim's kind: range if it has low/high, else change if it is the amount of a change (role "
                 "delta; old/new figures are levels), else by unit: count "
                 "(no unit), percentage (% pp bp), ratio (x), money (a currency in the unit), duration (time unit), "
                 "physical. Anchored pairs and missed claims take the gold claim's kind, spurious claims their own.",
        "ci": "95% percentile bootstrap intervals, resampling documents with replacement.",
    }


def _sum_counts(results: Sequence[DocResult], metric: str, kind: Optional[str] = None) -> list[Counts]:
    if kind is None:
        return [r.counts[metric] for r in results]
    return [r.kind_counts.get(kind, {}).get(metric, Counts()) for r in results]


def _total(rows: Sequence[Counts]) -> Counts:
    total = Counts()
    for c in rows:
        total = total + c
    return total


def _scores(results: Sequence[DocResult], weights: Optional[np.ndarray], confidence: float,
            kind: Optional[str] = None) -> dict[str, Score]:
    out = {}
    for metric in METRICS:
        rows = _sum_counts(results, metric, kind)
        ci = prf_intervals(_counts_matrix(rows), weights, confidence) if weights is not None else None
        out[metric] = Score.of(_total(rows), ci)
    return out


def domain_of_doc(doc: Mapping[str, Any]) -> str:
    """The document's domain for the by-domain table: the gold set's coarse group, else the raw domain."""
    meta = doc.get("meta") or {}
    return str(meta.get("domain_group") or meta.get("domain") or "unknown")


def _by_domain(results: Sequence[DocResult], domain_of: Mapping[str, str]) -> dict[str, dict[str, Score]]:
    groups: dict[str, list[DocResult]] = {}
    for r in results:
        groups.setdefault(domain_of[r.doc_id], []).append(r)
    return {name: _scores(rows, None, 0.0) for name, rows in sorted(groups.items())}


def _what_summary(results: Sequence[DocResult], weights: Optional[np.ndarray], confidence: float) -> dict[str, Any]:
    sums = np.array([r.what_sum for r in results], dtype=np.float64)
    rows = np.array([r.what_rows for r in results], dtype=np.float64)
    a_sums = np.array([r.what_anchored_sum for r in results], dtype=np.float64)
    a_rows = np.array([r.what_anchored_rows for r in results], dtype=np.float64)
    ci = None
    if weights is not None and len(results):
        ci = _interval(_safe_div(weights @ sums, weights @ rows), confidence)
    return {
        "mean": _ratio(float(sums.sum()), float(rows.sum())),
        "mean_anchored": _ratio(float(a_sums.sum()), float(a_rows.sum())),
        "rows": int(rows.sum()),
        "anchored_rows": int(a_rows.sum()),
        "ci": ci,
    }


def evaluate(
    gold_docs: Sequence[Mapping[str, Any]],
    predictions_by_doc: Mapping[str, Sequence[Claim]],
    *,
    comparators: Optional[Comparators] = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    confidence: float = DEFAULT_CONFIDENCE,
) -> Report:
    """Score predicted claims (by document id) against gold documents; see the module docstring.

    A gold document with no predictions scores as all missed. Predictions for documents that are
    not in the gold set are not scored (their ids are listed in ``unscored_doc_ids``).
    ``resamples=0`` skips the bootstrap.
    """
    cmp = comparators or default_comparators()
    results = [score_document(doc, list(predictions_by_doc.get(str(doc["id"]), [])), cmp) for doc in gold_docs]
    weights = bootstrap_weights(len(results), resamples, seed) if resamples > 0 and results else None
    doc_order = {r.doc_id: i for i, r in enumerate(results)}
    errors = sorted((e for r in results for e in r.errors), key=lambda e: error_sort_key(e, doc_order))
    gold_ids = set(doc_order)
    domain_of = {str(doc["id"]): domain_of_doc(doc) for doc in gold_docs}
    return Report(
        n_docs=len(results),
        n_gold=sum(r.n_gold for r in results),
        n_pred=sum(r.n_pred for r in results),
        metrics=_scores(results, weights, confidence),
        what_f1=_what_summary(results, weights, confidence),
        by_kind={k: _scores(results, weights, confidence, kind=k) for k in KINDS
                 if any(k in r.kind_counts for r in results)},
        by_doc={r.doc_id: {m: Score.of(c) for m, c in r.counts.items()} for r in results},
        errors=errors,
        definitions=definitions(cmp),
        settings={"rel_tol": cmp.rel_tol, "what_threshold": cmp.what_threshold, "resamples": resamples,
                  "seed": seed, "confidence": confidence, "lemmatizer_model": compare.DEFAULT_MODEL},
        unscored_doc_ids=sorted(k for k in predictions_by_doc if str(k) not in gold_ids),
        by_domain=_by_domain(results, domain_of),
        domain_of=domain_of,
    )


def score_examples(examples: Iterable[Any], comparators: Optional[Comparators] = None) -> dict[str, Optional[float]]:
    """spaCy's scores of the claims: ``claims_METRIC_p``, ``_r`` and ``_f`` for every metric, micro-averaged over the
    examples, with ``example.reference._.claims`` as the gold (in the gold format) and ``example.predicted._.claims``
    as the prediction. What ``nlp.evaluate`` and ``spacy evaluate`` report for the claims component."""
    cmp = comparators or default_comparators()
    totals = {m: Counts() for m in METRICS}
    for i, eg in enumerate(examples):
        gold = {"id": str(i), "text": eg.reference.text, "claims": list(eg.reference._.claims or [])}
        result = score_document(gold, list(eg.predicted._.claims or []), cmp)
        totals = {m: totals[m] + result.counts[m] for m in METRICS}
    scores: dict[str, Optional[float]] = {}
    for metric, c in totals.items():
        scores.update({f"claims_{metric}_p": c.precision, f"claims_{metric}_r": c.recall, f"claims_{metric}_f": c.f1})
    return scores


# --------------------------------------------------------------------------- entry points for the CLI


def claim_to_dict(claim: Any, doc_id: str) -> dict[str, Any]:
    """A predicted claim as a dict with its document id, whether the extractor gave a dict or a Claim."""
    data = claim.to_dict() if hasattr(claim, "to_dict") else dict(claim)
    return {**data, "doc_id": doc_id}


def predict(gold_docs: Sequence[Mapping[str, Any]], extract: Extractor) -> dict[str, list[dict]]:
    """Run an extractor over the gold documents' text (never their claims) and collect its claims by doc id."""
    out = {}
    for doc in gold_docs:
        doc_id = str(doc["id"])
        blind = {"id": doc_id, "text": doc["text"], "meta": dict(doc.get("meta") or {})}
        out[doc_id] = [claim_to_dict(c, doc_id) for c in extract(blind)]
    return out


def evaluate_system(gold_docs: Sequence[Mapping[str, Any]], extract: Extractor, **options: Any) -> Report:
    """Score an extractor (document dict -> claims) on gold documents. Options as for :func:`evaluate`."""
    return evaluate(gold_docs, predict(gold_docs, extract), **options)


def evaluate_systems(gold_docs: Sequence[Mapping[str, Any]], systems: Mapping[str, Extractor],
                     **options: Any) -> dict[str, Report]:
    """Score several extractors on the same documents (same resamples, so intervals are comparable)."""
    return {name: evaluate_system(gold_docs, extract, **options) for name, extract in systems.items()}


def score_files(gold_path: Union[str, Path], predictions_path: Union[str, Path], **options: Any) -> Report:
    """Score a predictions file (claims JSONL or documents JSONL) against a gold file or directory."""
    return evaluate(read_gold(gold_path), read_predictions(predictions_path), **options)
