"""NewsQuant errors sorted into issue 12's error classes, so docs/EVALUATION.md can count each class before and after.

An error is one of four kinds, judged on the mapped rows exactly as :func:`newsquant.newsquant_errors` judges them:
``missed`` (no prediction has the gold value), ``unit wrong`` (the value is found, never with the gold unit),
``extra`` (a prediction whose value no gold quantity has) and ``change wrong`` (value and unit found, never with
the gold change label). Each error gets the first class, in :data:`CLASSES` order, whose test says yes. The tests
read only general patterns of the sentence, the gold unit as written, the units and our figure as written
(``models/evaluation/newsquant_classes.json``), never a sentence of the benchmark.

Predictions can be read from a saved file (``bench newsquant --pred-out``: JSONL, one line per sentence,
``{"sentence", "text", "claims"}``), so that two versions of the code are classified by this same code::

    python -m newsclaims.evaluation.benchmarks.newsquant_classes BENCH before.jsonl after.jsonl
"""
from __future__ import annotations

import argparse
import functools
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Optional

from newsclaims.resources import model_path

from . import newsquant as nq

KINDS = ("missed", "unit wrong", "extra", "change wrong")
CLASSES = (
    "signs", "conventions", "gold value not in the text", "scale fractions", "ranges split", "glued units", "units carried from a sibling",
    "rates", "shares", "currencies", "units pint knows but news means otherwise", "not quantities",
    "found too rarely", "other",
)
PATTERNS_PATH = model_path("evaluation", "newsquant_classes.json")
_NUMBER = re.compile(r"(?<![\w.])[-\u2212+]?\d[\d,]*(?:\.\d+)?|(?<![\w\d])\.\d+")


@dataclass(frozen=True)
class NewsQuantError:
    """One error: its kind, its sentence, the gold quantity (None for an extra), our rows that bear on it
    (missed: the sentence's every row; unit/change wrong: the rows with the gold value; extra: the one row)
    and the sentence's whole gold list. Rows are NewsQuant-form predictions with ``surface``, our figure as written."""

    kind: str
    text: str
    gold: Optional[Mapping[str, Any]]
    predicted: tuple = ()
    sentence_gold: tuple = field(default=())


@dataclass(frozen=True)
class Patterns:
    scale_fraction: re.Pattern
    sign: re.Pattern
    range_joiner: re.Pattern
    ambiguous_units: frozenset
    pint_only_names: frozenset
    rate_words: re.Pattern
    share: re.Pattern
    cent_units: frozenset
    not_quantity_surface: re.Pattern
    number_words: re.Pattern
    age_units: frozenset
    multiplier: re.Pattern
    currency_names: frozenset
    unit_names: frozenset


@functools.lru_cache(maxsize=2)
def load_patterns(path: Optional[str] = None) -> Patterns:
    data = json.loads(Path(path or PATTERNS_PATH).read_text(encoding="utf-8"))
    umap = nq.load_unit_map()

    def rx(key: str) -> re.Pattern:
        return re.compile(data[key], re.IGNORECASE)

    return Patterns(
        scale_fraction=rx("scale_fraction_phrase"), sign=rx("sign_phrase"), range_joiner=rx("range_joiners"),
        ambiguous_units=frozenset(data["ambiguous_unit_surfaces"]), pint_only_names=frozenset(data["pint_only_names"]),
        rate_words=rx("rate_words"), share=rx("share_phrase"), cent_units=frozenset(data["cent_units"]),
        not_quantity_surface=re.compile(data["not_quantity_surfaces"]), number_words=rx("number_words"),
        age_units=frozenset(data["age_units"]), multiplier=rx("multiplier_surfaces"),
        currency_names=frozenset(umap.currencies.values()),
        unit_names=frozenset(umap.units.values()) | frozenset(umap.currencies.values()),
    )


# ----------------------------------------------------------------------------- predictions, saved and adapted


def write_predictions(path: nq.PathLike, sentences: Sequence[str], claims: Sequence[Sequence[Any]]) -> None:
    """Our claims per sentence as JSONL, so another version's run can be classified by this code."""
    with Path(path).open("w", encoding="utf-8") as out:
        for i, (text, cs) in enumerate(zip(sentences, claims)):
            plain = [nq._plain_claim(c) for c in cs]
            out.write(json.dumps({"sentence": i, "text": text, "claims": plain}, default=str) + "\n")


def read_predictions(path: nq.PathLike) -> list[list[dict]]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["claims"] for r in sorted(rows, key=lambda r: r["sentence"])]


def error_records(gold: Sequence[Mapping[str, Any]],
                  predictions: Sequence[Sequence[Mapping[str, Any]]]) -> list[NewsQuantError]:
    """Every error of the (mapped) predictions, one record each; the first three kinds as ``newsquant_errors``."""
    records = []
    for sentence, preds in zip(gold, predictions):
        text, gold_q = sentence["text"], tuple(sentence["quantities"])
        for g in gold_q:
            records.extend(_gold_errors(text, g, tuple(preds), gold_q))
        for p in preds:
            if not any(nq.values_match(nq.decode_value(g["value"]), nq.decode_value(p["value"])) for g in gold_q):
                records.append(NewsQuantError("extra", text, None, (p,), gold_q))
    return records


def _gold_errors(text: str, g: Mapping[str, Any], preds: tuple, gold_q: tuple) -> list[NewsQuantError]:
    value, unit = nq.decode_value(g["value"]), g["normalized_unit"].lower()
    same_value = tuple(p for p in preds if nq.values_match(value, nq.decode_value(p["value"])))
    if not same_value:
        return [NewsQuantError("missed", text, g, preds, gold_q)]
    if unit not in {str(p["normalized_unit"]).lower() for p in same_value}:
        return [NewsQuantError("unit wrong", text, g, same_value, gold_q)]
    if g.get("change") not in {p.get("change") for p in same_value}:
        return [NewsQuantError("change wrong", text, g, same_value, gold_q)]
    return []


# ----------------------------------------------------------------------------- the class tests


def _numbers(text: str) -> list[tuple[float, int, int]]:
    """Every number written with digits in ``text``: (value, start, end)."""
    out = []
    for m in _NUMBER.finditer(text):
        try:
            out.append((float(m.group().replace(",", "").replace("\u2212", "-")), m.start(), m.end()))
        except ValueError:
            continue
    return out


def _ends(value: nq.NewsQuantValue) -> tuple[float, ...]:
    return value if isinstance(value, tuple) else (value,)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def _written_at(value: float, text: str) -> list[tuple[int, int]]:
    """Where ``value`` is written with digits, as such or before a scale word (3.9 for 3,900,000)."""
    spans = []
    for number, start, end in _numbers(text):
        if any(_close(abs(value), abs(number) * scale) for scale in (1, 1e3, 1e6, 1e9, 1e12)):
            spans.append((start, end))
    return spans


def _gold_value(e: NewsQuantError):
    return nq.decode_value(e.gold["value"]) if e.gold else None


def _pred_values(e: NewsQuantError) -> list:
    return [nq.decode_value(p["value"]) for p in e.predicted]


def _pred_units(e: NewsQuantError) -> set[str]:
    return {str(p["normalized_unit"]).lower() for p in e.predicted}


def _surfaces(e: NewsQuantError) -> list[str]:
    return [str(p.get("surface") or "") for p in e.predicted]


def _is_convention(e: NewsQuantError, pat: Patterns) -> bool:
    """NewsQuant's ways that our guidelines do not share: its detection conventions (gold side), multipliers
    ('doubled', 'twice') that we count and it does not, the words of a counted noun ('charging station' or
    'station'), and its change-label conventions (:data:`newsquant.CHANGE_CONVENTIONS`: a direction on a level, an
    '=' on a change a verb states, a direction on an approximate change, ...)."""
    if e.gold is not None and any(rule(e.gold, e.text) for rule in nq.DETECTION_CONVENTIONS.values()):
        return True
    if e.kind == "extra":
        return any(pat.multiplier.match(s.strip()) for s in _surfaces(e))
    if e.kind == "unit wrong":
        return _counted_noun_words_differ(e.gold["normalized_unit"].lower(), _pred_units(e), pat)
    if e.kind == "change wrong":
        umap = nq.load_unit_map()
        return any(rule(e.gold, list(e.predicted), e.text, umap) for rule in nq.CHANGE_CONVENTIONS.values())
    return False


def _counted_noun_words_differ(gold_unit: str, pred_units: set[str], pat: Patterns) -> bool:
    """Both sides are counted nouns (no unit of the vocabulary) and share a word: only the noun's span differs."""
    if gold_unit in pat.unit_names or gold_unit == "-" or any(" per " in u for u in pred_units | {gold_unit}):
        return False  # a rate against a count is a rate error, not a noun's span
    gold_words = set(re.split(r"[\s-]+", gold_unit))
    return any(u not in pat.unit_names and u != "-" and gold_words & set(re.split(r"[\s-]+", u)) for u in pred_units)


def _gold_value_unwritten(e: NewsQuantError, pat: Patterns) -> bool:
    """The gold number is written nowhere in its sentence, in digits, words or a fraction: a slip of the gold
    ('0.2%' annotated 2, '$3 billion' annotated 3,000,000)."""
    if e.gold is None or pat.number_words.search(e.text) or pat.share.search(e.text):
        return False
    return not any(_written_at(x, e.text) for x in _ends(_gold_value(e)))


def _is_sign(e: NewsQuantError, pat: Patterns) -> bool:
    """A minus or plus sign, or 'minus'/'negative', is written at the figure, or one side has a negative value."""
    values = [v for v in [_gold_value(e)] + _pred_values(e) if v is not None]
    if any(x < 0 for v in values for x in _ends(v)):
        return True
    if e.kind == "extra":
        return any(_close(-x, y) for v in _pred_values(e) for x in _ends(v) for g in e.sentence_gold
                   for y in _ends(nq.decode_value(g["value"])))
    return any(pat.sign.search(e.text[max(0, s - 9):end]) for s, end in _written_at(_ends(_gold_value(e))[0], e.text))


def _is_scale_fraction(e: NewsQuantError, pat: Patterns) -> bool:
    """The sentence writes a fraction of a scale word ('a quarter of a million', 'two-tenths of a percent') and the
    figure is missed or extra, or its value is not whole, or ours is off by a power of ten."""
    if not pat.scale_fraction.search(e.text):
        return False
    if e.kind in ("extra", "missed"):
        return True
    value = _ends(_gold_value(e))[0]
    return value != int(value) or any(_off_by_power_of_ten(value, x) for v in _pred_values(e) for x in _ends(v))


def _off_by_power_of_ten(a: float, b: float) -> bool:
    if a == 0 or b == 0 or _close(a, b):
        return False
    ratio = math.log10(abs(a / b))
    return abs(ratio - round(ratio)) < 1e-6


def _is_range_split(e: NewsQuantError, pat: Patterns) -> bool:
    """A range on one side is two figures on the other: a gold range of which we give an end, our range whose
    ends are gold figures, or two of our figures joined by 'to'/'and'/'-' in the text where the gold has a range."""
    if e.kind == "extra":
        value = _pred_values(e)[0]
        gold_values = [nq.decode_value(g["value"]) for g in e.sentence_gold]
        if isinstance(value, tuple):
            return any(_close(x, y) for x in value for g in gold_values for y in _ends(g))
        return any(isinstance(g, tuple) and any(_close(value, y) for y in g) for g in gold_values)
    value = _gold_value(e)
    if isinstance(value, tuple):
        return True
    if e.kind == "missed":
        return any(isinstance(v, tuple) and any(_close(value, y) for y in v) for v in _pred_values(e))
    return False


def _unit_written_after(value: float, unit: str, text: str) -> list[str]:
    """What separates the written value from the unit as written right after it: '' (glued), '-', ' '."""
    seps = []
    for _, end in _written_at(value, text):
        m = re.match(rf"(\s*-?\s*|\s*(?:million|billion|thousand|m|bn|mil|k)\s*)(?:{re.escape(unit)})(?![a-z])",
                     text[end:end + len(unit) + 14], re.IGNORECASE)
        if m:
            seps.append(m.group(1))
    return seps


def _gold_unit_surface(e: NewsQuantError) -> str:
    unit = (e.gold or {}).get("unit") or "-"
    return "" if unit == "-" else unit.strip()


def _is_glued_unit(e: NewsQuantError, pat: Patterns) -> bool:
    """The gold unit is written glued or hyphened to its number ('420bhp', '150-hp', '37m') and we miss it or its
    unit; or an extra of ours is a number glued to letters."""
    if e.kind == "extra":
        return any(re.fullmatch(r"\d[\d.,]*(?:[a-zA-Z]{1,4}|-[a-z]{1,5})\d?", s.strip()) for s in _surfaces(e))
    unit = _gold_unit_surface(e)
    if e.kind not in ("missed", "unit wrong") or not unit:
        return False
    return any(sep.strip() in ("", "-") and sep == sep.strip() for sep in
               _unit_written_after(_ends(_gold_value(e))[0], unit.split()[0], e.text))


def _is_sibling_unit(e: NewsQuantError, pat: Patterns) -> bool:
    """The gold unit is written in the sentence but not after this number: the text set it for a neighbour
    ('5.2 million tons, up from 4.8 million', '7- or 8-inch', 'from 208 pounds to 193')."""
    unit = _gold_unit_surface(e)
    if e.kind not in ("missed", "unit wrong") or not unit or e.gold["normalized_unit"].lower() in ("-",):
        return False
    value = _gold_value(e)
    if isinstance(value, tuple) or not _written_at(value, e.text):
        return False  # a number in words cannot be placed; a range is a range error
    head = unit.split()[0]
    if not re.search(rf"(?<![a-z]){re.escape(head)}(?![a-z])", e.text, re.IGNORECASE):
        return False
    return not _unit_near_after(value, head, e.text) and not _written_before(value, head, e.text)


def _unit_near_after(value: float, unit: str, text: str, width: int = 32) -> bool:
    """The unit is written within a few words after the number ('517 rushing yards'): not a neighbour's."""
    return any(re.search(rf"(?<![a-z]){re.escape(unit)}(?![a-z])", text[end:end + width], re.IGNORECASE)
               for _, end in _written_at(value, text))


def _written_before(value: float, unit: str, text: str) -> bool:
    """A unit written before its number ('$40', 'RM2.70', 'HK $3')."""
    return any(text[max(0, s - len(unit) - 2):s].replace(" ", "").lower().endswith(unit.replace(" ", "").lower())
               for s, _ in _written_at(value, text))


def _is_rate(e: NewsQuantError, pat: Patterns) -> bool:
    """One side is a rate (a 'per' unit) and the other is not, or the gold unit as written names a denominator."""
    if e.kind == "extra":
        return False
    gold_rate = " per " in e.gold["normalized_unit"].lower() or bool(pat.rate_words.search(_gold_unit_surface(e)))
    pred_rate = any(" per " in u for u in _pred_units(e))
    return gold_rate != pred_rate if e.kind == "unit wrong" else gold_rate


def _is_share(e: NewsQuantError, pat: Patterns) -> bool:
    """A share: the gold unit is a '%' of something ('% Germans'), the text writes one (out of, one in six, a third
    of, 1/16, a ± margin), or the values differ by a hundred."""
    if e.gold is not None and e.gold["normalized_unit"].startswith("%") and e.gold["normalized_unit"] != "%":
        return True
    values = [_gold_value(e)] if e.gold else [nq.decode_value(g["value"]) for g in e.sentence_gold]
    hundredfold = any(not isinstance(v, tuple) and not isinstance(p, tuple) and v and p and
                      (_close(v * 100, p) or _close(p * 100, v)) for v in values for p in _pred_values(e))
    if hundredfold:
        return True
    return e.kind != "extra" and bool(pat.share.search(e.text)) and "percentage" in _pred_units(e) | {
        e.gold["normalized_unit"].lower()}


def _is_currency(e: NewsQuantError, pat: Patterns) -> bool:
    """Money: the gold or our unit is a currency, or a cent-like subunit (cent, sen, pence)."""
    if e.kind not in ("missed", "unit wrong"):
        return False
    if _gold_unit_surface(e).lower() in pat.cent_units:
        return True
    gold_money = e.gold["normalized_unit"].lower().split(" per ")[0] in pat.currency_names
    pred_money = any(u.split(" per ")[0] in pat.currency_names for u in _pred_units(e))
    return gold_money or (pred_money and e.kind == "unit wrong")


def _is_pint_meaning(e: NewsQuantError, pat: Patterns) -> bool:
    """The gold unit is written with a short or ambiguous symbol ('kn', 'C', 'B', '45m', 'points') that a unit
    library reads otherwise, or our unit is a library name news rarely means (knot, barn, coulomb)."""
    if e.kind == "extra":
        return any(u in pat.pint_only_names for u in _pred_units(e))
    surface = _gold_unit_surface(e).lower()
    if surface in pat.ambiguous_units:
        return True
    return e.kind == "unit wrong" and bool(_pred_units(e) & pat.pint_only_names)


def _is_not_quantity(e: NewsQuantError, pat: Patterns) -> bool:
    """Every remaining extra: a figure the gold does not count (names, scores, years, times, ordinals)."""
    return e.kind == "extra"


def _is_found_too_rarely(e: NewsQuantError, pat: Patterns) -> bool:
    """A gold figure we do not give, or give without its unit: written in words or as a fraction, an age, an
    index level or a bare total."""
    if e.kind == "missed":
        return True
    if e.kind != "unit wrong":
        return False
    gold_unit = e.gold["normalized_unit"].lower()
    return gold_unit in pat.age_units or _pred_units(e) <= {"-"} or (gold_unit == "point" and "-" in _pred_units(e))


CLASS_TESTS: Mapping[str, Callable[[NewsQuantError, Patterns], bool]] = MappingProxyType({
    "signs": _is_sign,
    "conventions": _is_convention,
    "gold value not in the text": lambda e, pat: _gold_value_unwritten(e, pat),
    "scale fractions": _is_scale_fraction,
    "ranges split": _is_range_split,
    "glued units": _is_glued_unit,
    "units carried from a sibling": _is_sibling_unit,
    "rates": _is_rate,
    "shares": _is_share,
    "currencies": _is_currency,
    "units pint knows but news means otherwise": _is_pint_meaning,
    "not quantities": _is_not_quantity,
    "found too rarely": _is_found_too_rarely,
    "other": lambda e, pat: True,
})


def classify(error: NewsQuantError, patterns: Optional[Patterns] = None) -> str:
    """The first class of :data:`CLASSES` whose test says yes."""
    pat = patterns or load_patterns()
    return next(name for name in CLASSES if CLASS_TESTS[name](error, pat))


def class_counts(errors: Sequence[NewsQuantError]) -> Counter:
    """``Counter`` keyed by (class, kind)."""
    pat = load_patterns()
    return Counter((classify(e, pat), e.kind) for e in errors)


# ----------------------------------------------------------------------------- runs and the table


def errors_of_claims(path: nq.PathLike, claims: Sequence[Sequence[Any]]) -> list[NewsQuantError]:
    """Our claims, mapped as the bench's first table maps them, and their errors against the gold."""
    gold = nq.load_newsquant(path)
    return error_records(gold, nq._adapt_claims(claims, nq.load_unit_map(), nq.FORM_MAPPINGS))


def format_by_class(runs: Mapping[str, Counter]) -> str:
    """One row per class: the errors of each run by kind (missed/unit/extra/change) and their total."""
    short = {"missed": "miss", "unit wrong": "unit", "extra": "extra", "change wrong": "chg"}
    head = f"{'error class':<44}" + "".join(
        f" | {name[:18]:>18}: " + " ".join(f"{short[k]:>5}" for k in KINDS) + f" {'all':>5}" for name in runs)
    lines = [head, "-" * len(head)]
    for cls in CLASSES + ("total",):
        cells = []
        for counts in runs.values():
            per_kind = [sum(n for (c, k), n in counts.items() if k == kind and cls in (c, "total")) for kind in KINDS]
            cells.append(f" | {'':>18}  " + " ".join(f"{n:>5}" for n in per_kind) + f" {sum(per_kind):>5}")
        lines.append(f"{cls:<44}" + "".join(cells))
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="NewsQuant errors by class, for saved prediction files")
    ap.add_argument("benchmark", help="the NewsQuant folder")
    ap.add_argument("predictions", nargs="+", help="saved prediction files (bench newsquant --pred-out)")
    args = ap.parse_args(argv)
    runs = {Path(p).stem: class_counts(errors_of_claims(args.benchmark, read_predictions(p))) for p in args.predictions}
    print(format_by_class(runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
