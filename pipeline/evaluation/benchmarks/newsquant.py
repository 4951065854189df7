"""NewsQuant: the CQE news benchmark (Almasian et al., EACL 2024), scored the way the paper scored it.

The data (590 sentences, 904 quantities) is read from wherever it lives; nothing of it is copied here.
The scorer re-implements ``calculate_metrics`` of ``evaluate_models.py`` in the public repository
satya77/CQE_Evaluation (read via the code index) rule for rule, including its quirks:

- micro-averaged: P = correct / #predicted quantities, R = correct / #gold quantities;
- per sentence, gold and predictions are each sorted by ``normalized_unit`` (the raw string);
- for each gold quantity the (remaining) predictions are scanned in order; a prediction whose value
  matches (``np.isclose(rtol=1e-5, atol=1e-8)``; a range only matches a range, both ends) is counted for
  ``value`` while the *sentence's* budget of ``len(gold)`` value credits lasts -- so one gold quantity can
  take two value credits when two predictions carry its number; FORMAT.md's "once per gold" is the common
  case, not the rule -- and for ``change`` / ``concept`` on every such prediction; the scan stops at the
  first value-matching prediction whose lower-cased ``normalized_unit`` equals the gold's, which scores
  ``value+unit`` and is removed from the pool;
- ``value+concept_partial``: the lower-cased concept token sets intersect; ``value+concept_compelete``
  (sic): the intersection, the gold token list and the predicted token list all have the same length;
- the quantulum3 baseline is compared against gold range *midpoints* (``average_ranges``).

Our claims are mapped to NewsQuant's vocabulary by :func:`to_newsquant`, driven by the unit table
``models/evaluation/newsquant_units.json`` (by unit, never by sentence).
"""
from __future__ import annotations

import csv
import functools
import json
import math
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Optional, Union

import numpy as np

from newsclaims.resources import model_path

PathLike = Union[str, Path]
NewsQuantValue = Union[float, tuple]

DEFAULT_UNITS_PATH = model_path("evaluation", "newsquant_units.json")
DATA_FILE = "NewsQuant.json"

# The five rows of the published table, spelled as in the published CSVs (sic: "compelete").
TYPES = ("value", "value+unit", "value+change", "value+concept_partial", "value+concept_compelete")
VALUE_UNIT_TYPES = TYPES[:2]
TYPE_LABELS = MappingProxyType({
    "value": "value",
    "value+unit": "value+unit",
    "value+change": "value+change",
    "value+concept_partial": "value+concept partial",
    "value+concept_compelete": "value+concept complete",
})
_CONCEPT_SPLIT = re.compile(r"[,\s]+")  # the scorer's split of the gold concept string


# ----------------------------------------------------------------------------- unit table


@dataclass(frozen=True)
class UnitMap:
    """The claim -> NewsQuant vocabulary table, read-only once loaded."""

    currencies: Mapping[str, str]
    units: Mapping[str, str]
    age_units: Mapping[str, str]
    age_markers: tuple[str, ...]
    age_context: str
    count_unit_surfaces: Mapping[str, str]
    unit_text_overrides: tuple[tuple[str, str, str], ...]
    no_unit: str
    rate_joiner: str
    pint_spelling: tuple[tuple[str, str], ...]
    irregular_plurals: Mapping[str, str]
    singular_endings_kept: tuple[str, ...]
    direction_roles: tuple[str, ...]
    quantulum3_names: Mapping[str, str]


@functools.lru_cache(maxsize=4)
def load_unit_map(path: Optional[str] = None) -> UnitMap:
    """Read ``newsquant_units.json`` once per process; the result is immutable so caching is safe."""
    data = json.loads(Path(path or DEFAULT_UNITS_PATH).read_text(encoding="utf-8"))

    def frozen(d: Mapping[str, str]) -> Mapping[str, str]:
        return MappingProxyType({k: v for k, v in d.items() if not k.startswith("_")})

    return UnitMap(
        currencies=frozen(data["currencies"]),
        units=frozen(data["units"]),
        age_units=frozen(data["age_units"]),
        age_markers=tuple(data["age_markers"]),
        age_context=data["age_context"],
        count_unit_surfaces=frozen(data["count_unit_surfaces"]),
        unit_text_overrides=tuple((o["unit"], o["unit_text"], o["name"]) for o in data["unit_text_overrides"]),
        no_unit=data["no_unit"],
        rate_joiner=data["rate_joiner"],
        pint_spelling=tuple((old, new) for old, new in data["pint_spelling"]),
        irregular_plurals=frozen(data["irregular_plurals"]),
        singular_endings_kept=tuple(data["singular_endings_kept"]),
        direction_roles=tuple(data["change"]["roles_with_direction"]),
        quantulum3_names=frozen(data["quantulum3_names"]),
    )


# ----------------------------------------------------------------------------- loading


def resolve_newsquant_file(path: PathLike) -> Path:
    """Accept the JSON file itself, ``formatted_test_set/`` or the benchmark root, so the CLI can take any."""
    p = Path(path)
    for candidate in (p, p / DATA_FILE, p / "formatted_test_set" / DATA_FILE):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no {DATA_FILE} at or under {p}")


def load_newsquant(path: PathLike) -> list[dict[str, Any]]:
    """The gold sentences as ``[{"text": str, "quantities": [{value, unit, normalized_unit, change,
    referred_concepts}, ...]}]``, unchanged (the scorer needs the raw strings)."""
    data = json.loads(resolve_newsquant_file(path).read_text(encoding="utf-8"))
    return [{"text": row["text"], "quantities": list(row.get("quantities") or [])} for row in data]


def published_newsquant(path: PathLike) -> dict[str, dict[str, dict[str, float]]]:
    """The published P/R/F1 (``evaluation_output/<set>.csv``) as ``{model: {type: {P, R, F1}}}``; empty if absent.

    Read at run time rather than hard-coded so the table always shows what the authors shipped.
    """
    data_file = resolve_newsquant_file(path)
    csv_path = data_file.parent.parent / "evaluation_output" / (data_file.stem + ".csv")
    if not csv_path.is_file():
        return {}
    table: dict[str, dict[str, dict[str, float]]] = {}
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            scores = {k: float(row[k]) for k in ("P", "R", "F1")}
            table.setdefault(row["model"], {})[row["type"]] = scores
    return table


# ----------------------------------------------------------------------------- claim -> NewsQuant


def _plain_claim(claim: Any) -> Mapping[str, Any]:
    """Claims may arrive as dicts or as :class:`newsclaims.schema.Claim`; the adapter reads dicts."""
    return claim.to_dict() if hasattr(claim, "to_dict") else claim


def format_number(x: float) -> str:
    """A float as the scorer can read it back: exponents upper-cased ('1E-05') because the scorer
    only refrains from splitting a string on '-' when it contains an upper-case 'E'."""
    x = float(x)
    if x == int(x) and abs(x) < 1e15:
        return f"{x:.1f}"
    return repr(x).upper()


def newsquant_value(claim: Mapping[str, Any]) -> Optional[str]:
    """'low-high' for a two-sided range, else the single number; None when the claim has no number."""
    low, high, value = claim.get("low"), claim.get("high"), claim.get("value")
    if low is not None and high is not None and not math.isclose(low, high):
        return f"{format_number(low)}-{format_number(high)}"
    for x in (value, low, high):
        if x is not None and math.isfinite(float(x)):
            return format_number(x)
    return None


def singular_noun(phrase: Optional[str], umap: Optional[UnitMap] = None) -> str:
    """The counted noun as NewsQuant writes it: lower-case singular head ('projects' -> 'project',
    'snaps of man coverage' -> 'snap man coverage'); '-' when there is none."""
    umap = umap or load_unit_map()
    if not phrase or not phrase.strip():
        return umap.no_unit
    words = [w.strip(".,;:!?()[]\"'“”‘’").lower() for w in phrase.split()]
    words = [w for w in words if w]
    if not words:
        return umap.no_unit
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    words[head] = _singular(words[head], umap)
    return " ".join(w for w in words if w != "of")


def _singular(word: str, umap: UnitMap) -> str:
    if word in umap.irregular_plurals:
        return umap.irregular_plurals[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if any(word.endswith(e) for e in umap.singular_endings_kept) or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def _is_age(unit_text: Optional[str], after: Optional[str], umap: UnitMap) -> bool:
    """An age: the unit as written says so ('year-old'), or the words right after the mention do
    ('65-year' + '-old', '30 years' + ' old')."""
    text = (unit_text or "").lower()
    if any(re.search(rf"(?<![a-z]){re.escape(m)}(?![a-z])", text) for m in umap.age_markers):
        return True
    return bool(after) and re.match(umap.age_context, after, flags=re.IGNORECASE) is not None


def _single_unit_name(unit: str, umap: UnitMap) -> str:
    """One side of a rate: table first (currency codes, then units), then pint's long name."""
    if unit in umap.currencies:
        return umap.currencies[unit]
    if unit in umap.units:
        return umap.units[unit]
    if re.fullmatch(r"[A-Z]{3}", unit):  # an ISO code the table does not know yet
        return unit.lower()
    return _pint_long_name(unit, umap) or unit.lower()


@functools.lru_cache(maxsize=512)
def _pint_long_name_cached(unit: str, spelling: tuple) -> Optional[str]:
    """pint's long unit name in CQE style ('kilometer ** 2' -> 'square kilometre'); None if pint fails."""
    try:
        name = str(_pint_registry().Unit(unit))
    except Exception:
        return None
    for old, new in spelling:
        name = name.replace(old, new)
    name = re.sub(r"(\w[\w ]*?) \*\* 2", r"square \1", name)
    name = re.sub(r"(\w[\w ]*?) \*\* 3", r"cubic \1", name)
    return name.replace(" / ", " per ").replace(" * ", " ").strip() or None


@functools.lru_cache(maxsize=1)
def _pint_registry():
    import pint  # lazily: building the registry costs ~0.3 s

    return pint.UnitRegistry()


def _pint_long_name(unit: str, umap: UnitMap) -> Optional[str]:
    return _pint_long_name_cached(unit, umap.pint_spelling)


def newsquant_unit(
    unit: Optional[str],
    unit_text: Optional[str] = None,
    umap: Optional[UnitMap] = None,
    *,
    after: Optional[str] = None,
) -> str:
    """Our canonical unit -> NewsQuant ``normalized_unit``.

    ``None`` (a plain count) becomes the singular counted noun from ``unit_text`` (or the unit an
    abbreviation left as the noun stands for: 'ppg' -> 'point per game'); ages ('35-year-old', judged
    from ``unit_text`` or from ``after``, the text following the mention) become 'year of age'; rates
    'A/B' become '<A> per <B>' ('USD/barrel' -> 'dollar per barrel').
    """
    umap = umap or load_unit_map()
    if unit is None:
        surface = (unit_text or "").strip().lower()
        return umap.count_unit_surfaces.get(surface) or singular_noun(unit_text, umap)
    if unit in umap.age_units and _is_age(unit_text, after, umap):
        return umap.age_units[unit]
    for o_unit, pattern, name in umap.unit_text_overrides:
        if unit == o_unit and re.search(pattern, (unit_text or "").strip(), flags=re.IGNORECASE):
            return name
    if unit in umap.units or unit in umap.currencies:
        return _single_unit_name(unit, umap)
    if "/" in unit:
        head, _, tail = unit.partition("/")
        return umap.rate_joiner.join(_single_unit_name(part, umap) for part in (head, tail))
    return _single_unit_name(unit, umap)


def newsquant_change(bound: Optional[str], change: Optional[Mapping[str, Any]], umap: Optional[UnitMap] = None) -> str:
    """One NewsQuant change label. '~' wins over everything (FORMAT.md: 'up about 19 per cent' is '~');
    a bound ('>', '>=', '<', '<=') wins over a direction (the gold labels 'climbed more than 3%' '>');
    a direction labels the change itself (role 'delta'); the new and old levels ('rose 8% to X from Y')
    are mostly '=' in the gold. The roles that take the direction are set in the unit table."""
    umap = umap or load_unit_map()
    if bound == "~":
        return "~"
    if bound in (">", ">="):
        return ">"
    if bound in ("<", "<="):
        return "<"
    if change and change.get("direction") in ("up", "down") and (change.get("role") or "delta") in umap.direction_roles:
        return change["direction"]
    return "="


def _stop_words() -> frozenset:
    from spacy.lang.en.stop_words import STOP_WORDS  # no model needed, just the word list

    return frozenset(STOP_WORDS)


def newsquant_concepts(claim: Mapping[str, Any]) -> list[str]:
    """The concept as the scorer wants a model's: a token list (what, then who), stop words,
    possessives and the unit's own words dropped (NewsQuant's concept never repeats the unit: in
    '10 users in Asia' 'users' is the unit), de-duplicated; ['-'] when there is none (matching the gold's '-')."""
    stop = _stop_words()
    unit_words = {w.lower() for w in _CONCEPT_SPLIT.split(claim.get("unit_text") or "") if w}
    unit_words |= {_singular(w, load_unit_map()) for w in unit_words}
    tokens: list[str] = []
    seen: set[str] = set()
    for part in (claim.get("what"), claim.get("who")):
        for raw in _CONCEPT_SPLIT.split(part or ""):
            tok = re.sub(r"['’]s$", "", raw.strip(".;:!?()[]\"'“”‘’"))
            if not tok or tok.lower() in stop or tok.lower() in seen or tok.lower() in unit_words \
                or not re.search(r"\w", tok):
                continue
            seen.add(tok.lower())
            tokens.append(tok)
    return tokens or ["-"]


def _text_after(claim: Mapping[str, Any], width: int = 24) -> Optional[str]:
    """The sentence text right after the mention (spans are document offsets, so shift by the sentence's)."""
    span, sent, sent_span = claim.get("span"), claim.get("sentence"), claim.get("sentence_span")
    if not span or not sent or not sent_span:
        return None
    start = span[1] - sent_span[0]
    return sent[start:start + width] if 0 <= start <= len(sent) else None


def to_newsquant(claim: Any, umap: Optional[UnitMap] = None) -> Optional[dict[str, Any]]:
    """One claim -> ``{value, normalized_unit, change, referred_concepts}``; None if it carries no number."""
    umap = umap or load_unit_map()
    c = _plain_claim(claim)
    value = newsquant_value(c)
    if value is None:
        return None
    return {
        "value": value,
        "normalized_unit": newsquant_unit(c.get("unit"), c.get("unit_text"), umap, after=_text_after(c)),
        "change": newsquant_change(c.get("bound"), c.get("change"), umap),
        "referred_concepts": newsquant_concepts(c),
    }


# ----------------------------------------------------------------------------- scorer


_RANGE = re.compile(r"^\s*(-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)\s*-\s*(-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)\s*$")


def decode_value(raw: Any, average_ranges: bool = False) -> NewsQuantValue:
    """The scorer's reading of a value: a string with '-' that neither starts with '-' nor contains 'E'
    is a range tuple (or its midpoint with ``average_ranges``); tuples/lists are ranges; else a float.

    Where the original would crash (a negative range such as '-5.0-3.0') the string is read as a range.
    """
    if isinstance(raw, (tuple, list)):
        pair = (float(raw[0]), float(raw[1]))
        return (pair[0] + pair[1]) / 2 if average_ranges else pair
    if isinstance(raw, str):
        try:
            if "E" not in raw and not raw.startswith("-") and "-" in raw:
                pair = (float(raw.split("-")[0]), float(raw.split("-")[1]))
                return (pair[0] + pair[1]) / 2 if average_ranges else pair
            return float(raw)
        except ValueError:
            m = _RANGE.match(raw)
            if not m:
                raise
            pair = (float(m.group(1)), float(m.group(2)))
            return (pair[0] + pair[1]) / 2 if average_ranges else pair
    return float(raw)


def values_match(gold: NewsQuantValue, model: NewsQuantValue) -> bool:
    """np.isclose(rtol=1e-5, atol=1e-8) on numbers, on both ends for ranges; a range never matches a number."""
    if isinstance(gold, tuple) and isinstance(model, tuple):
        return bool(np.isclose(gold[0], model[0], rtol=1e-05, atol=1e-08)
                    and np.isclose(gold[1], model[1], rtol=1e-05, atol=1e-08))
    if isinstance(gold, tuple) or isinstance(model, tuple):
        return False
    return bool(np.isclose(gold, model, rtol=1e-05, atol=1e-08))


def split_gold_concepts(concepts: str) -> list[str]:
    """The gold concept string as the scorer splits it (on commas and white space; empty pieces kept)."""
    return _CONCEPT_SPLIT.split(concepts)


def concepts_match(gold_tokens: Sequence[str], model_tokens: Sequence[str]) -> tuple[bool, bool]:
    """(complete, partial) exactly as ``concepts_match``: partial if the lower-cased sets intersect;
    complete if the intersection, the gold list and the model list all have the same length."""
    gold = [g.lower() for g in gold_tokens]
    model = [m.lower() for m in model_tokens]
    common = set(gold) & set(model)
    return (len(common) == len(gold) and len(gold) == len(model)), bool(common)


def _model_concepts(raw: Any) -> list[str]:
    if raw is None:
        return ["-"]
    if isinstance(raw, str):  # the original expects a list; split a string the gold's way instead of by character
        return split_gold_concepts(raw)
    return list(raw)


@dataclass(frozen=True)
class NewsQuantCounts:
    """Raw counts behind the table, so any figure can be recomputed or summed across runs."""

    n_gold: int
    n_pred: int
    correct: Mapping[str, int] = field(default_factory=dict)


def count_newsquant(
    gold: Sequence[Mapping[str, Any]],
    predictions: Sequence[Sequence[Mapping[str, Any]]],
    *,
    average_ranges: bool = False,
) -> NewsQuantCounts:
    """Correct counts per type, following ``calculate_metrics`` (see the module docstring)."""
    if len(gold) != len(predictions):
        raise ValueError(f"{len(gold)} gold sentences but {len(predictions)} prediction lists")
    correct = dict.fromkeys(TYPES, 0)
    n_gold = n_pred = 0
    for sentence, preds in zip(gold, predictions):
        gold_q = list(sentence["quantities"])
        n_gold += len(gold_q)
        n_pred += len(preds)
        pool = sorted(preds, key=lambda d: str(d["normalized_unit"]))
        value_budget = len(gold_q)  # per sentence, as in the original
        for g in sorted(gold_q, key=lambda d: d["normalized_unit"]):
            g_value = decode_value(g["value"], average_ranges)
            g_unit = g["normalized_unit"].lower()
            g_concepts = split_gold_concepts(g.get("referred_concepts", "-"))
            for m in pool:
                if not values_match(g_value, decode_value(m["value"])):
                    continue
                if value_budget > 0:
                    correct["value"] += 1
                    value_budget -= 1
                if m.get("change") == g.get("change"):
                    correct["value+change"] += 1
                complete, partial = concepts_match(g_concepts, _model_concepts(m.get("referred_concepts")))
                correct["value+concept_compelete"] += complete
                correct["value+concept_partial"] += partial
                if str(m["normalized_unit"]).lower() == g_unit:
                    correct["value+unit"] += 1
                    pool.remove(m)
                    pool = sorted(pool, key=lambda d: str(d["normalized_unit"]))
                    break
    return NewsQuantCounts(n_gold=n_gold, n_pred=n_pred, correct=MappingProxyType(correct))


def fscores(correct: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """P, R, F1 in percent rounded to one decimal, as ``get_fscores`` (0s instead of a division error)."""
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    if p + r == 0:
        return 0.0, 0.0, 0.0
    f1 = 2.0 * p * r / (p + r)
    return round(p * 100, 1), round(r * 100, 1), round(f1 * 100, 1)


def score_newsquant(
    gold: Sequence[Mapping[str, Any]],
    predictions: Sequence[Sequence[Mapping[str, Any]]],
    *,
    average_ranges: bool = False,
    types: Sequence[str] = TYPES,
) -> dict[str, Any]:
    """``{"n_gold", "n_pred", "scores": {type: {"P", "R", "F1", "correct"}}}`` for NewsQuant-format predictions
    (one list per gold sentence, each item ``{value, normalized_unit, change, referred_concepts}``)."""
    counts = count_newsquant(gold, predictions, average_ranges=average_ranges)
    scores = {}
    for t in types:
        p, r, f1 = fscores(counts.correct[t], counts.n_gold, counts.n_pred)
        scores[t] = {"P": p, "R": r, "F1": f1, "correct": counts.correct[t]}
    return {"n_gold": counts.n_gold, "n_pred": counts.n_pred, "scores": scores}


# ----------------------------------------------------------------------------- baselines and runners


def quantulum3_newsquant(sentences: Sequence[str], umap: Optional[UnitMap] = None) -> list[list[dict[str, Any]]]:
    """quantulum3 alone on whole sentences, shaped as CQE_Evaluation's QuantulumTagger shaped it:
    ``value`` is quantulum3's own (a range is already its midpoint), the unit name goes through the
    same spelling map. No change or concept: quantulum3 has neither. quantulum3 0.10.0 without its
    optional classifier is not fully deterministic: the count varies by one prediction with PYTHONHASHSEED."""
    umap = umap or load_unit_map()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns that its optional classifier is missing
        from quantulum3 import parser

        out = []
        for text in sentences:
            preds = []
            for q in parser.parse(text):
                name = q.unit.name
                name = umap.quantulum3_names.get(name.lower(), name)
                preds.append({"value": float(q.value), "normalized_unit": name.strip(),
                              "change": None, "referred_concepts": ["-"]})
            out.append(preds)
    return out


def _adapt_claims(claims_per_sentence: Sequence[Sequence[Any]], umap: UnitMap) -> list[list[dict[str, Any]]]:
    adapted = []
    for claims in claims_per_sentence:
        rows = (to_newsquant(c, umap) for c in claims)
        adapted.append([r for r in rows if r is not None])
    return adapted


def evaluate_newsquant(
    path: PathLike,
    predictions: Sequence[Sequence[Mapping[str, Any]]],
    *,
    system: str,
    average_ranges: bool = False,
    types: Sequence[str] = TYPES,
) -> dict[str, Any]:
    """Score ready NewsQuant-format predictions and put the published numbers beside them."""
    gold = load_newsquant(path)
    result = score_newsquant(gold, predictions, average_ranges=average_ranges, types=types)
    result.update({
        "benchmark": "NewsQuant",
        "system": system,
        "n_sentences": len(gold),
        "average_ranges": average_ranges,
        "published": published_newsquant(path),
    })
    result["text"] = format_newsquant(result)
    return result


def run_newsquant(
    path: PathLike,
    predict: Callable[[list[str]], list[list[dict]]],
    *,
    system: str = "newsclaims",
    units_path: Optional[PathLike] = None,
) -> dict[str, Any]:
    """Run ``predict`` (sentences -> claim dicts per sentence) over NewsQuant and score all five rows.

    Returns the result dict (``scores``, ``published``, counts) with the printable table under ``"text"``.
    """
    umap = load_unit_map(str(units_path) if units_path else None)
    sentences = [row["text"] for row in load_newsquant(path)]
    claims = predict(sentences)
    return evaluate_newsquant(path, _adapt_claims(claims, umap), system=system)


def run_newsquant_quantulum3(path: PathLike) -> dict[str, Any]:
    """The quantulum3 baseline measured here, scored like the published one (value, value+unit, range midpoints)."""
    sentences = [row["text"] for row in load_newsquant(path)]
    return evaluate_newsquant(path, quantulum3_newsquant(sentences), system="quantulum3",
                              average_ranges=True, types=VALUE_UNIT_TYPES)


def format_newsquant(result: Mapping[str, Any]) -> str:
    """The table as text: our P/R/F1 per row, then each published model's P/R/F1 where it has that row."""
    published = result.get("published") or {}
    models = list(published)
    header = f"{'NewsQuant':<24}{'P':>6}{'R':>6}{'F1':>6}" + "".join(f"  {m[:18]:>18}" for m in models)
    lines = [
        f"NewsQuant: {result['n_sentences']} sentences, {result['n_gold']} gold quantities; "
        f"{result['system']}: {result['n_pred']} predicted"
        + (" (gold ranges compared as midpoints)" if result.get("average_ranges") else ""),
        header + ("" if not models else "   (published P/R/F1)"),
        "-" * len(header),
    ]
    for t, s in result["scores"].items():
        cells = "".join(
            f"  {_prf_cell(published[m].get(t)):>18}" for m in models
        )
        lines.append(f"{TYPE_LABELS.get(t, t):<24}{s['P']:>6.1f}{s['R']:>6.1f}{s['F1']:>6.1f}{cells}")
    return "\n".join(lines)


def _prf_cell(scores: Optional[Mapping[str, float]]) -> str:
    return "-" if not scores else f"{scores['P']:.1f}/{scores['R']:.1f}/{scores['F1']:.1f}"
