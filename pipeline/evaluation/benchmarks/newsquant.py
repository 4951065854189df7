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
    change_noun_after: re.Pattern
    change_noun_before: re.Pattern
    average_cue: re.Pattern
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
        **_change_noun_patterns(data["change"]["written_as_noun"]),
        average_cue=re.compile(data["change"]["average_cue"], re.I),
        quantulum3_names=frozen(data["quantulum3_names"]),
    )


def _change_noun_patterns(words: Mapping[str, Any]) -> dict[str, re.Pattern]:
    """'a 5% [pay] rise', '5% (or $3) higher' after the figure; 'an increase of [about]' (or 'an increase of 600 jobs or')
    before it."""
    after = "|".join(map(re.escape, words["after"]))
    before = "|".join(map(re.escape, words["before"]))
    modifier = r"(?:(?!(?:" + "|".join(map(re.escape, words["modifiers_not"])) + r")\b)[a-z][\w-]*\s+)"
    return {
        "change_noun_after": re.compile(rf"^\s*(?:\([^()]{{0,40}}\)|\))?\s*{modifier}{{0,2}}(?:{after})\b", re.I),
        "change_noun_before": re.compile(rf"\b(?:{before})s?\s+of\s+(?:[a-z]+\s+)?(?:(?:[^,;()]|,(?=\d)){{1,30}}?\s+or\s+)?$", re.I),
    }


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
    if unit in umap.age_units and (_is_age(unit_text, after, umap) or not (unit_text or "").strip()):
        return umap.age_units[unit]  # a year with no unit written is a stated age ("Maddon, 66,")
    for o_unit, pattern, name in umap.unit_text_overrides:
        if unit == o_unit and re.search(pattern, (unit_text or "").strip(), flags=re.IGNORECASE):
            return name
    if unit in umap.units or unit in umap.currencies:
        return _single_unit_name(unit, umap)
    if "/" in unit:
        head, _, tail = unit.partition("/")
        head_name = _counted_rate_head(unit_text, umap) if head == "1" else _single_unit_name(head, umap)
        return umap.rate_joiner.join((head_name, _single_unit_name(tail, umap)))
    return _single_unit_name(unit, umap)


_PER_PHRASE = re.compile(r"\s*\b(?:a|an|per|each|every)\b.*$|\s*/.*$", re.IGNORECASE)


def _counted_rate_head(unit_text: Optional[str], umap: UnitMap) -> str:
    """The numerator of a count per time ('1/day'): the counted noun ('3,000 tests per day' -> 'test'), or
    'count' when the figure counts times ('78,000 times a minute')."""
    noun = _PER_PHRASE.sub("", unit_text or "").strip()
    if not noun or noun.lower() in ("times", "time", "x"):
        return "count"
    return singular_noun(noun, umap)


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


def _text_before(claim: Mapping[str, Any], width: int = 48) -> Optional[str]:
    """The sentence text right before the mention."""
    span, sent, sent_span = claim.get("span"), claim.get("sentence"), claim.get("sentence_span")
    if not span or not sent or not sent_span:
        return None
    end = span[0] - sent_span[0]
    return sent[max(0, end - width):end] if 0 <= end <= len(sent) else None


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


def newsquant_errors(gold: Sequence[Mapping[str, Any]],
                     predictions: Sequence[Sequence[Mapping[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Every error of the mapped rows, for an audit (``bench newsquant --json``): gold quantities no prediction
    has the value of (``value_missed``), gold whose value is found but never with its unit (``unit_wrong``),
    and predictions whose value no gold quantity has (``extra``); each with its sentence index and text."""
    errors: dict[str, list[dict[str, Any]]] = {"value_missed": [], "unit_wrong": [], "extra": []}
    for i, (sentence, preds) in enumerate(zip(gold, predictions)):
        where = {"sentence": i, "text": sentence["text"]}
        decoded = [(decode_value(p["value"]), str(p["normalized_unit"]).lower()) for p in preds]
        gold_q = [(decode_value(g["value"]), g["normalized_unit"].lower()) for g in sentence["quantities"]]
        for value, unit in gold_q:
            units = [u for v, u in decoded if values_match(value, v)]
            if not units:
                errors["value_missed"].append({**where, "gold": [value, unit]})
            elif unit not in units:
                errors["unit_wrong"].append({**where, "gold": [value, unit], "predicted_units": units})
        for value, unit in decoded:
            if not any(values_match(g, value) for g, _ in gold_q):
                errors["extra"].append({**where, "predicted": [value, unit]})
    return errors


# NewsQuant's detection conventions that our guidelines do not share, each recognised on the gold side by a rule
DETECTION_CONVENTIONS = MappingProxyType({
    "implicit one ('one of the best')": lambda q, text: _is_one(q) and re.search(r"\bone of\b", text, re.I),
    "vague amounts as ranges ('dozens')": lambda q, text: isinstance(decode_value(q["value"]), tuple) and re.search(
        r"\b(?:dozens|scores|hundreds|thousands|millions|billions|tens of)\b", text, re.I),
    "'5G' as a quantity": lambda q, text: q["normalized_unit"].lower() == "generation wireless",
})


def _is_one(q: Mapping[str, Any]) -> bool:
    value = decode_value(q["value"])
    return not isinstance(value, tuple) and value == 1.0


def convention_costs(gold: Sequence[Mapping[str, Any]], predictions: Sequence[Sequence[Mapping[str, Any]]],
                     ) -> dict[str, dict[str, float]]:
    """For each of NewsQuant's conventions that our guidelines do not follow: how many gold quantities it
    makes, and how many points of value and value+unit F1 they cost (the F1 with them left out of the gold,
    minus the F1 with them in)."""
    base = count_newsquant(gold, predictions)
    costs = {}
    for name, applies in DETECTION_CONVENTIONS.items():
        kept = [{**s, "quantities": [q for q in s["quantities"] if not applies(q, s["text"])]} for s in gold]
        n = sum(len(s["quantities"]) for s in gold) - sum(len(s["quantities"]) for s in kept)
        without = count_newsquant(kept, predictions)
        costs[name] = {"gold": n, **{t: round(fscores(without.correct[t], without.n_gold, without.n_pred)[2]
                                             - fscores(base.correct[t], base.n_gold, base.n_pred)[2], 1)
                                     for t in VALUE_UNIT_TYPES}}
    return costs


def change_label_misses(gold: Sequence[Mapping[str, Any]], predictions: Sequence[Sequence[Mapping[str, Any]]],
                        ) -> list[tuple[str, Mapping[str, Any], list[Mapping[str, Any]]]]:
    """(text, gold quantity, our rows with its value) for each gold quantity whose value we give but never with its
    change label, the rows scanned as the scorer scans them (up to the one that also has the unit)."""
    misses = []
    for sentence, preds in zip(gold, predictions):
        pool = sorted(preds, key=lambda d: str(d["normalized_unit"]))
        for g in sorted(sentence["quantities"], key=lambda d: d["normalized_unit"]):
            rows = []
            for m in pool:
                if values_match(decode_value(g["value"]), decode_value(m["value"])):
                    rows.append(m)
                    if str(m["normalized_unit"]).lower() == g["normalized_unit"].lower():
                        pool.remove(m)
                        break
            if rows and all(r.get("change") != g.get("change") for r in rows):
                misses.append((sentence["text"], g, rows))
    return misses


_DIRECTIONS = ("up", "down")

# NewsQuant's change labels where our guidelines read the same words otherwise, each recognised by a rule on the gold
# label, our labels and roles, and the sentence; the first that says yes takes the miss (docs/EVALUATION.md)
CHANGE_CONVENTIONS = MappingProxyType({
    "a level of a change labelled with its direction ('rose 5% to $40': $40 up)": lambda g, rows, text, umap:
        g["change"] in _DIRECTIONS and all(r.get("role") in ("new", "old") for r in rows),
    "a change a verb states labelled '=' ('sales rose 5%': 5% =)": lambda g, rows, text, umap:
        g["change"] == "=" and all(r["change"] in _DIRECTIONS and r.get("role") == "delta" for r in rows),
    "a bounded or approximate change labelled with its direction ('up about 2%')": lambda g, rows, text, umap:
        g["change"] in _DIRECTIONS and all(r["change"] in ("~", "<", ">") for r in rows),
    "an average labelled approximate ('averaged 7 points')": lambda g, rows, text, umap:
        g["change"] == "~" and all(r["change"] == "=" for r in rows) and umap.average_cue.search(text) is not None,
    "a bound or approximator NewsQuant does not read ('some 7 miles', 'within six weeks')": lambda g, rows, text, umap:
        g["change"] == "=" and all(r["change"] in ("~", "<", ">") for r in rows),
})


def change_convention_costs(gold: Sequence[Mapping[str, Any]], predictions: Sequence[Sequence[Mapping[str, Any]]],
                            umap: Optional[UnitMap] = None) -> dict[str, dict[str, float]]:
    """For each change-label convention of NewsQuant's that our guidelines do not share: how many gold quantities it
    takes and how many value+change F1 points it costs (the F1 with those gold labels written our way, minus the F1 as
    is); 'left' counts the misses no convention takes (our misses and the gold's slips)."""
    umap = umap or load_unit_map()
    base = count_newsquant(gold, predictions)
    taken: dict[str, list] = {name: [] for name in CHANGE_CONVENTIONS}
    left = 0
    for text, g, rows in change_label_misses(gold, predictions):
        name = next((n for n, rule in CHANGE_CONVENTIONS.items() if rule(g, rows, text, umap)), None)
        if name is None:
            left += 1
        else:
            taken[name].append((g, rows[0]["change"]))
    costs = {}
    for name, found in taken.items():
        relabel = {id(g): label for g, label in found}
        ours = [{**s, "quantities": [{**q, "change": relabel.get(id(q), q.get("change"))} for q in s["quantities"]]}
                for s in gold]
        without = count_newsquant(ours, predictions)
        costs[name] = {"gold": len(found), "value+change": round(
            fscores(without.correct["value+change"], without.n_gold, without.n_pred)[2]
            - fscores(base.correct["value+change"], base.n_gold, base.n_pred)[2], 1)}
    costs["left"] = {"gold": left}
    return costs


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

        from newsclaims.adapters.quantulum import without_classifier

        without_classifier()  # as published: the baseline ran without the classifier, whatever ran before

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


def _adapt_claims(claims_per_sentence: Sequence[Sequence[Any]], umap: UnitMap,
                  mappings: Sequence[str] = ()) -> list[list[dict[str, Any]]]:
    """Our claims in NewsQuant's form, sentence by sentence; ``mappings`` names the form mappings to apply
    (see :data:`FORM_MAPPINGS`); with none, only the unit vocabulary is translated."""
    adapted = []
    for claims in claims_per_sentence:
        plain = [_plain_claim(c) for c in claims]
        if "change_pair_as_range" in mappings:
            plain = change_pairs_as_ranges(plain)
        if "score_pair_as_range" in mappings:
            plain = score_pairs_as_ranges(plain)
        if "compound_duration_as_parts" in mappings:
            plain = [part for c in plain for part in compound_duration_parts(c)]
        rows = []
        for c in plain:
            row = to_newsquant(c, umap)
            if row is None:
                continue
            if "share_as_fraction" in mappings:
                row = share_as_fraction(c, row)
            if "cents_as_cents" in mappings:
                row = cents_as_cents(c, row, umap)
            if "change_noun_as_equal" in mappings:
                row = change_noun_as_equal(c, row, umap)
            # the scorer ignores these two; the error classes and the change conventions read them
            rows.append({**row, "surface": c.get("text"), "role": (c.get("change") or {}).get("role")})
        adapted.append(rows)
    return adapted


# ----------------------------------------------------------------------------- form mappings
# Each changes only how a detected figure is written, never what is detected; the bench prints the scores
# with and without them (docs/EVALUATION.md, NewsQuant section, says why each is a difference of form).

FORM_MAPPINGS = ("change_pair_as_range", "share_as_fraction", "cents_as_cents", "compound_duration_as_parts",
                 "change_noun_as_equal", "score_pair_as_range")
_PERCENT_WRITTEN = re.compile(r"%|percent|per\s*cent|pct\b|\dpc\b", re.IGNORECASE)
_FRACTION_WRITTEN = re.compile(r"\b(?:halfs?|halves|thirds?|quarters?|fourths?|fifths?|tenths?)\b|\b(?:in|out of|for every)\b|\d[/\u2044]\d",
                               re.IGNORECASE)
_CENT_WORDS = re.compile(r"^(?:cents?|¢)\b", re.IGNORECASE)
_PENCE_WORDS = re.compile(r"^(?:pence|penny|p)\b", re.IGNORECASE)


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b", re.IGNORECASE)


def compound_duration_parts(claim: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """'3 years, 2 months and 4 days': one duration for us (summed in its smallest unit), one figure per part
    for NewsQuant; each part keeps its own number and unit. Any other claim is returned as it is."""
    parts = _DURATION_PART.findall(claim.get("text") or "") if claim.get("kind") == "duration" else []
    if len(parts) < 2:
        return [claim]
    return [{**claim, "value": float(number), "low": None, "high": None, "unit": word.lower().removesuffix("s"),
             "unit_text": word} for number, word in parts]


def change_pairs_as_ranges(claims: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """'fell from $2,415 to $2,315': our two levels (change roles old and new, next to each other in the
    sentence, one unit) become the one range NewsQuant writes for a from-to change, old end first ('2415-2315')."""
    out: list[Mapping[str, Any]] = []
    i = 0
    while i < len(claims):
        a = claims[i]
        b = claims[i + 1] if i + 1 < len(claims) else None
        pair = _old_new_pair(a, b)
        if pair is not None:
            old, new = pair
            out.append({**new, "value": None, "low": old["value"], "high": new["value"],
                        "unit": new.get("unit") or old.get("unit"), "unit_text": new.get("unit_text") or old.get("unit_text")})
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _old_new_pair(a: Mapping[str, Any], b: Optional[Mapping[str, Any]]):
    if b is None:
        return None
    roles = {(a.get("change") or {}).get("role"), (b.get("change") or {}).get("role")}
    if roles != {"old", "new"} or a.get("value") is None or b.get("value") is None:
        return None
    if a.get("unit") and b.get("unit") and a["unit"] != b["unit"]:
        return None
    # only a pair written old first ('from X to Y') is NewsQuant's range; 'rose to X from Y', 'X, down from Y' and
    # 'X instead of Y' it writes as two figures
    return (a, b) if (a.get("change") or {}).get("role") == "old" else None


_SCORE_DASH = re.compile(r"[-\u2013\u2014]")


def score_pairs_as_ranges(claims: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """'won 3-1', 'a 9-2 lead': two counts for us (each side's score is its own claim, corpus/GUIDELINES.md,
    Sports) and one 'low-high' figure for NewsQuant, written in the text's order ('9.0-2.0'). Only two whole
    counts with no unit that a dash alone joins are a score pair; a range of ours is one claim already."""
    out: list[Mapping[str, Any]] = []
    i = 0
    while i < len(claims):
        a, b = claims[i], claims[i + 1] if i + 1 < len(claims) else None
        if b is not None and _is_score_pair(a, b):
            out.append({**a, "value": None, "low": a["value"], "high": b["value"],
                        "unit_text": a.get("unit_text") or b.get("unit_text")})
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _is_score_pair(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    if not all(_is_whole_plain_count(c) for c in (a, b)) or a.get("sentence") != b.get("sentence"):
        return False
    start = (a.get("sentence_span") or [0])[0]
    gap = (a.get("sentence") or "")[a["span"][1] - start:b["span"][0] - start]
    return _SCORE_DASH.fullmatch(gap) is not None


def _is_whole_plain_count(c: Mapping[str, Any]) -> bool:
    value = c.get("value")
    return (value is not None and float(value).is_integer() and c.get("unit") is None and c.get("low") is None
            and c.get("span") is not None and c.get("bound") in (None, "="))


def share_as_fraction(claim: Mapping[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """'a third of those screened', 'one out of three': a share written as a fraction, which we keep in percent
    (33.3 %), NewsQuant keeps as the fraction (0.333). A share written with a percent sign or word is left alone."""
    text = claim.get("text") or ""
    if claim.get("unit") != "%" or _PERCENT_WRITTEN.search(text) or not _FRACTION_WRITTEN.search(text):
        return row
    value = newsquant_value({k: (claim.get(k) / 100.0 if claim.get(k) is not None else None)
                             for k in ("value", "low", "high")})
    return {**row, "value": value} if value is not None else row


def cents_as_cents(claim: Mapping[str, Any], row: dict[str, Any], umap: UnitMap) -> dict[str, Any]:
    """'up 19 cents', '63 cents per share': we write cents as the currency at /100 (0.19 USD), NewsQuant keeps
    the figure in cents (19 cent; pence are its 'point'). Only where the text itself writes cents or pence."""
    unit_text = (claim.get("unit_text") or "").strip()
    unit = claim.get("unit") or ""
    name = "cent" if _CENT_WORDS.match(unit_text) else umap.units.get("pence") if _PENCE_WORDS.match(unit_text) else None
    if name is None or dimension_is_currency(unit, umap) is False:
        return row
    value = newsquant_value({k: (claim.get(k) * 100.0 if claim.get(k) is not None else None)
                             for k in ("value", "low", "high")})
    _, _, per = unit.partition("/")
    if per:
        name = umap.rate_joiner.join((name, _single_unit_name(per, umap)))
    return {**row, "value": value or row["value"], "normalized_unit": name}


def change_noun_as_equal(claim: Mapping[str, Any], row: dict[str, Any], umap: UnitMap) -> dict[str, Any]:
    """'a 5% rise', 'an increase of 600 jobs', '34% higher': the same delta for us as 'rose 5%'; NewsQuant labels a
    change written as a noun or a comparative '=' and keeps the direction for one a verb, adverb or sign states."""
    if row["change"] not in ("up", "down") or (claim.get("change") or {}).get("role") != "delta":
        return row
    after, before = _text_after(claim, 60) or "", _text_before(claim) or ""
    if umap.change_noun_after.match(after) or umap.change_noun_before.search(before):
        return {**row, "change": "="}
    return row


def dimension_is_currency(unit: str, umap: UnitMap) -> bool:
    return unit.partition("/")[0] in umap.currencies


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
    unmapped = evaluate_newsquant(path, _adapt_claims(claims, umap), system=system)
    mapped = _adapt_claims(claims, umap, FORM_MAPPINGS)
    result = evaluate_newsquant(path, mapped, system=system)
    result["mappings"] = list(FORM_MAPPINGS)
    result["errors"] = newsquant_errors(load_newsquant(path), mapped)
    result["conventions"] = convention_costs(load_newsquant(path), mapped)
    result["change_conventions"] = change_convention_costs(load_newsquant(path), mapped, umap)
    result["unmapped"] = {k: unmapped[k] for k in ("n_gold", "n_pred", "scores")}
    result["text"] = format_newsquant(result)
    return result


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
    unmapped = result.get("unmapped")
    if unmapped:
        lines[0] += f" (mapped: {', '.join(result.get('mappings') or [])})"
        errors = result.get("errors")
        if errors:
            lines.insert(1, "errors of the mapped rows: " + ", ".join(f"{k.replace('_', ' ')} {len(v)}" for k, v in errors.items()))
        for name, cost in (result.get("conventions") or {}).items():
            lines.append(f"NewsQuant convention not ours, {name}: {cost['gold']} gold quantities, cost "
                         f"{cost['value']:.1f} value / {cost['value+unit']:.1f} value+unit F1 points")
        change_costs = dict(result.get("change_conventions") or {})
        left = change_costs.pop("left", None)
        for name, cost in change_costs.items():
            lines.append(f"NewsQuant change label not ours, {name}: {cost['gold']} gold quantities, cost "
                         f"{cost['value+change']:.1f} value+change F1 points")
        if left is not None:
            lines.append(f"change labels missed that no convention explains: {left['gold']}")
        lines += ["", f"unmapped (unit names only): {result['system']}: {unmapped['n_pred']} predicted",
                  f"{'NewsQuant':<24}{'P':>6}{'R':>6}{'F1':>6}"]
        for t, s in unmapped["scores"].items():
            lines.append(f"{TYPE_LABELS.get(t, t):<24}{s['P']:>6.1f}{s['R']:>6.1f}{s['F1']:>6.1f}")
    return "\n".join(lines)


def _prf_cell(scores: Optional[Mapping[str, float]]) -> str:
    return "-" if not scores else f"{scores['P']:.1f}/{scores['R']:.1f}/{scores['F1']:.1f}"
