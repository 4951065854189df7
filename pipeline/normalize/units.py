"""Units and currencies: canonical names, dimensions and values in base units.

The lexicons are data files under ``models/lexicon``; :class:`UnitLexicon` is built
from them once per process and passed to whoever needs it.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from newsclaims.resources import model_path

LEXICON_DIR = model_path("lexicon")

# Dimensions that pint should not try to convert (they are already canonical).
NON_PHYSICAL = {"percentage", "percentage_points", "ratio", "currency", "count"}


@dataclass(frozen=True)
class UnitInfo:
    canonical: str
    dimension: str


@dataclass
class UnitLexicon:
    """Surface form (lower-cased) -> unit, plus currency symbols, codes and words."""

    units: dict[str, UnitInfo] = field(default_factory=dict)
    per_units: dict[str, str] = field(default_factory=dict)
    ambiguous_short: frozenset = frozenset()
    currency_symbols: dict[str, str] = field(default_factory=dict)
    currency_codes: frozenset = frozenset()
    currency_words: dict[str, str] = field(default_factory=dict)
    currency_suffixes: frozenset = frozenset()  # symbols also written after the number ("1,200€")
    news_readings: dict[str, str] = field(default_factory=dict)  # quantulum3's unit -> what news means by it
    glued_only: dict[str, str] = field(default_factory=dict)  # exact case, a unit only glued to a number ("6W")
    spaced_exact: dict[str, str] = field(default_factory=dict)  # exact case, a unit spaced or glued ("300 PS")
    ascii_symbols: dict[str, str] = field(default_factory=dict)  # "PS2.7m": a symbol lost to ASCII transliteration
    word_context: dict[str, str] = field(default_factory=dict)  # "won": a currency only where the text says so
    word_context_near: dict[str, str] = field(default_factory=dict)  # "kn": a currency only where money words are near
    slash_numerators: dict[str, str] = field(default_factory=dict)  # exact case, a unit only before "/": "A/cm2"

    @classmethod
    def from_dir(cls, path: Path = LEXICON_DIR) -> "UnitLexicon":
        units_data = json.loads((Path(path) / "units.json").read_text(encoding="utf-8"))
        cur = json.loads((Path(path) / "currencies.json").read_text(encoding="utf-8"))
        return cls.from_data(units_data, cur)

    @classmethod
    def from_data(cls, units_data: dict, cur: dict) -> "UnitLexicon":
        units: dict[str, UnitInfo] = {}
        for entry in units_data["units"]:
            info = UnitInfo(entry["canonical"], entry["dimension"])
            for surface in entry["surfaces"]:
                units.setdefault(surface.lower(), info)
        per = {k: v for k, v in units_data.get("per_units", {}).items() if not k.startswith("_")}
        return cls(
            units=units,
            per_units=per,
            ambiguous_short=frozenset(units_data.get("ambiguous_short", [])),
            currency_symbols=dict(cur["symbols"]),
            currency_codes=frozenset(cur["codes"]),
            currency_words={k.lower(): v for k, v in cur["words"].items()},
            currency_suffixes=frozenset(cur.get("suffix_symbols", [])),
            news_readings={k: v for k, v in units_data.get("news_readings", {}).items() if not k.startswith("_")},
            glued_only={k: v for k, v in units_data.get("glued_only", {}).items() if not k.startswith("_")},
            spaced_exact={k: v for k, v in units_data.get("spaced_exact", {}).items() if not k.startswith("_")},
            slash_numerators={k: v for k, v in units_data.get("slash_numerators", {}).items() if not k.startswith("_")},
            ascii_symbols={k: v for k, v in cur.get("ascii_symbols", {}).items() if not k.startswith("_")},
            word_context={k: v for k, v in cur.get("word_context", {}).items() if not k.startswith("_")},
            word_context_near={k: v for k, v in cur.get("word_context_near", {}).items() if not k.startswith("_")},
        )

    def to_data(self) -> tuple[dict, dict]:
        grouped: dict[UnitInfo, list[str]] = {}
        for surface, info in self.units.items():
            grouped.setdefault(info, []).append(surface)
        units_data = {
            "units": [{"canonical": i.canonical, "dimension": i.dimension, "surfaces": s} for i, s in grouped.items()],
            "per_units": self.per_units,
            "ambiguous_short": sorted(self.ambiguous_short),
            "news_readings": self.news_readings,
            "glued_only": self.glued_only,
            "spaced_exact": self.spaced_exact,
            "slash_numerators": self.slash_numerators,
        }
        cur = {"symbols": self.currency_symbols, "codes": sorted(self.currency_codes), "words": self.currency_words,
               "suffix_symbols": sorted(self.currency_suffixes), "ascii_symbols": self.ascii_symbols,
               "word_context": self.word_context, "word_context_near": self.word_context_near}
        return units_data, cur

    def unit(self, surface: str) -> Optional[UnitInfo]:
        return self.units.get(surface.lower().strip())

    def currency(self, surface: str) -> Optional[str]:
        s = surface.strip()
        if s in self.currency_symbols:
            return self.currency_symbols[s]
        if s.upper() in self.currency_codes and s.isupper():
            return s.upper()
        return self.currency_words.get(s.lower())

    def max_surface_words(self) -> int:
        return max(len(s.split()) for s in list(self.units) + list(self.currency_words))


@functools.lru_cache(maxsize=1)
def default_lexicon() -> UnitLexicon:
    return UnitLexicon.from_dir()


def canonical_unit(surface: str, lexicon: Optional[UnitLexicon] = None) -> Optional[str]:
    """'metric tons' -> 't', 'percent' -> '%', 'dollars' -> 'USD', 'gigawatts' -> 'GW'; None if unknown."""
    lex = lexicon or default_lexicon()
    code = lex.currency(surface)
    if code:
        return code
    info = lex.unit(surface)
    return info.canonical if info else None


def dimension_of(unit: Optional[str], lexicon: Optional[UnitLexicon] = None) -> str:
    """The dimension name of a canonical unit: 'USD' -> 'currency', 'GW' -> 'power', None -> 'count'."""
    if unit is None:
        return "count"
    lex = lexicon or default_lexicon()
    if unit in lex.currency_codes or unit == "USD_cent":
        return "currency"
    if "/" in unit:
        head = unit.split("/")[0]
        if head in lex.currency_codes:
            return "currency_rate"
    for info in lex.units.values():
        if info.canonical == unit:
            return info.dimension
    return "physical"


@functools.lru_cache(maxsize=1)
def _registry():
    import pint  # imported lazily: pint's registry takes ~0.3 s to build

    return pint.UnitRegistry()


# Named SI units read better in analytics than pint's base expansion (W, not kg*m**2/s**3).
PREFERRED_BASE = {
    "[mass]": "kg", "[length]": "m", "[length] ** 2": "m**2", "[length] ** 3": "m**3",
    "[length] ** 3 / [time]": "m**3/s", "[length] / [time]": "m/s", "[time]": "s",
    "[mass] * [length] ** 2 / [time] ** 3": "W", "[mass] * [length] ** 2 / [time] ** 2": "J",
    "1 / [time]": "Hz", "[temperature]": "K",
}


@functools.lru_cache(maxsize=512)
def base_conversion(unit: str) -> Optional[tuple[float, str]]:
    """(factor, base unit) so that value * factor is in SI units; None if pint cannot convert."""
    if unit in ("%", "pp", "x", "bp", "degF", "degC") or unit is None:
        return None  # temperatures are offset units: no factor converts them
    try:
        reg = _registry()
        q = reg.Quantity(1.0, unit)
        target = PREFERRED_BASE.get(str(q.dimensionality))
        base = q.to(target) if target else q.to_base_units()
        return float(base.magnitude), target or f"{base.units:~}".replace(" ", "")
    except Exception:
        return None


@functools.lru_cache(maxsize=512)
def _dimensionality(unit: str) -> Optional[str]:
    try:
        return str(_registry().Quantity(1.0, unit).dimensionality)
    except Exception:
        return None


def same_dimension(a: Optional[str], b: Optional[str], lexicon: Optional[UnitLexicon] = None) -> bool:
    """Both units measure one kind of thing ('hp' and 'kW', 'ksi' and 'MPa', 'DKK' and 'USD'): by the lexicon's
    dimension where it names one, else by pint's dimensionality."""
    if a is None or b is None:
        return False
    da, db = dimension_of(a, lexicon), dimension_of(b, lexicon)
    if "physical" not in (da, db):
        return da == db
    return _dimensionality(a) is not None and _dimensionality(a) == _dimensionality(b)


def to_base(value: Optional[float], unit: Optional[str]) -> tuple[Optional[float], Optional[str]]:
    """Value in SI base units where pint can convert: (45000, 't') -> (4.5e7, 'kg')."""
    if value is None or unit is None:
        return None, None
    if unit in ("degF", "degC"):
        try:
            reg = _registry()
            q = reg.Quantity(value, unit).to("kelvin")
            return float(q.magnitude), "K"
        except Exception:
            return None, None
    conv = base_conversion(unit)
    if conv is None:
        return None, None
    result = value * conv[0]
    return (result, conv[1]) if math.isfinite(result) else (None, None)


def physically_possible(mention: dict) -> bool:
    """False for a figure no world can hold: an absolute temperature below absolute zero ("minus 500 kelvin").
    Such a figure is a misreading or a joke; it is dropped rather than written out as a fact."""
    unit = mention.get("unit")
    if unit not in ("K", "degC", "degF"):
        return True
    values = [v for v in (mention.get("value"), mention.get("low"), mention.get("high")) if v is not None]
    return all((to_base(v, unit)[0] or 0.0) >= 0.0 for v in values)
