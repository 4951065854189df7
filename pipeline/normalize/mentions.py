"""Quantity mentions found in raw text: number, scale word, currency, unit, bound and range.

This layer sees only characters; :mod:`newsclaims.components.quantities` then uses the
parse and the entities to drop what is not a quantity (years, dates, identifiers, ranks).
Every mention is a plain dict with character offsets into the text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .numbers import (
    MULTIPLE_WORDS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    parse_digits,
    parse_fraction,
    parse_number,
)
from ..resources import read_lexicon
from .units import UnitLexicon, dimension_of, same_dimension

_NUMWORDS = sorted(list(UNITS_WORDS) + list(TENS_WORDS) + ["hundred", "thousand", "million", "billion", "trillion", "dozen"],
                   key=len, reverse=True)
_NW = "(?:" + "|".join(_NUMWORDS) + ")"
_NW_FIRST = "(?:" + "|".join(w for w in _NUMWORDS if w not in SCALE_WORDS and w != "dozen") + ")"
_NW_SCALE = "(?:dozen|hundred|thousand|million|billion|trillion)"
_DIGIT_WORDS = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
WORD_NUMBER = (
    rf"(?:\b(?:a|an)\s+{_NW_SCALE}|\b{_NW_FIRST})"
    # "and" joins only after a scale word ("one hundred and five") or before a half; "twenty-two and
    # twenty-eight" is two numbers
    rf"(?:(?:(?<=hundred)[\s-]+and[\s-]+|(?<=thousand)[\s-]+and[\s-]+|(?<=million)[\s-]+and[\s-]+|[\s-]+and[\s-]+(?=(?:a|one)[\s-]+half)|[\s-]+)"
    rf"(?:(?:a|one)[\s-]+half|{_NW})\b)*"
    rf"(?:[\s-]+point(?:[\s-]+{_DIGIT_WORDS}\b)+)?\b"  # spoken decimals: "five point four"
)
# "42,7%": a decimal comma, read as the text's decimal point (guidelines); only before a percent, where a comma
# can never be a thousands separator ("1,2 and 3" stays a list)
DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=\s?(?:%|percent\b|per\s?cent\b))"
DIGIT_NUMBER = (r"(?<![\d_.,/\u2044])(?:(?<=minus-)|(?<=sub-)|(?<=now-)|(?<=then-)|(?<=\d-to-)|(?<=\d to-)|(?<![A-Za-z]-))(?:(?<![A-Za-z%\u00b0])[-\u2212](?=\d))?(?:" + DECIMAL_COMMA + r"|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
                r"(?:\s?[\u00d7x*]\s?10\s?(?:\^|\*\*)?[-\u2212\u2013]?\d+)?(?!\d|,\d)|(?<![\w.])\.\d+")
SCALE_WORD = r"(?:\s+|-)(?P<{name}>hundred|thousand|million|billion|trillion|mln|mil|bln|bn|mn|tn|trn|lakhs?|crores?)\b"
SCALE_NUM = (r"(?:(?:\s+|-)(?:hundred|thousand|million|billion)(?=\s+(?:thousand|million|billion|trillion)\b))*"
             + SCALE_WORD.format(name="scale"))
SIGN_WORD = re.compile(r"(?:^|(?<=[^\w-]))(?P<sign>minus|negative)(?:\s+|-)$", re.IGNORECASE)
PLUS_OR = re.compile(r"\bplus\s*(?:or|/)\s*$", re.IGNORECASE)
POWER_OF_TEN = re.compile(r"\^|\*\*")
PHONE_NUMBER = re.compile(r"(?<![\w.])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[.-]\d{4}(?!\w|[.-]\d)")
# A local number with no area code ("call 555-0142"): only after a word that says a number is dialled, since
# "300-1200" is a range
LOCAL_PHONE_NUMBER = re.compile(r"\b(?:" + "|".join(map(re.escape, read_lexicon("not_quantities")["phone_dial_words"])) + r")\b"
                                r"[^.\d\n]{0,20}?(?P<number>(?<![\w.$-])\d{3}[-.]\d{4})(?![\w-]|\.\d)", re.I)
# A number in groups after a dialling word ("ring 020 7946 0958", "the helpline (03) 9876 5432"), and one with an
# international prefix anywhere ("+44 20 7946 0321"): phone numbers in the forms outside North America
DIALLED_NUMBER = re.compile(LOCAL_PHONE_NUMBER.pattern.split("[^.")[0] + r"[^.\d\n]{0,20}?(?P<number>(?<![\w.$-])"
                            r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)\s?)?\d{2,5}(?:[\s.-]\d{2,5}){1,3})(?![\w-]|[.,]\d)", re.I)
INTERNATIONAL_NUMBER = re.compile(r"(?<![\w.+])\+\d{1,3}(?:[\s.-]\(?\d{1,5}\)?){2,5}(?![\w-]|[.,]\d)")
PHONE_MIN_DIGITS = 7  # "call 555 12": too short to dial; a phone number has seven digits at least
MINUS_BEFORE_SYMBOL = re.compile(r"(?<![\w%.,\u00b0)-])[-\u2212]$")
PAREN_NOTE = re.compile(r"\s*\([A-Za-z][A-Za-z ]{0,20}\)")
WRITTEN_FRACTION = re.compile(r"[/\u2044](?P<den>[1-9]\d{0,2})(?![\d/\u2044])")  # "/" or the fraction slash
# A figure's conversion in brackets ("($2.4 billion)", "(US$4.46)"), which a rate's denominator may follow
CONVERSION_NOTE = re.compile(r"\s*\((?:about\s+|around\s+|roughly\s+)?[A-Z]{0,3}\s?[$\u00a3\u20ac\u00a5]?\s?\d[\d,.]*"
                             r"(?:\s*(?:[a-z]{1,8}|[A-Z]{3}))?\)")
# A length in feet or inches in brackets right after a figure: the conversion of a length in metres
FEET_CONVERSION_AFTER = re.compile(r"\s*\(\s*(?:about\s+|around\s+|some\s+)?[\d,.]+\s*(?:ft|feet|foot|in|inches|yd|yards)\b", re.I)
MAX_MAGNITUDE = 1e100  # nothing in news is larger; beyond it a figure is a parse gone wrong or a joke
SCALE_WRD = SCALE_WORD.format(name="wscale")
# A glued unit: letters, an area or volume power after metres ("32m2", "4km\u00b2"), a denominator ("50km/h"), or
# "sq m" / "sq ft" written glued ("3923sq m"), a degree glued before a spaced scale letter ("1.2deg C")
GLUED = (r"(?P<glued>sq\.?\s?(?:m|ft|km|mi)\b|deg\s[CF]\b|[A-Za-z\u00b0%]+(?:(?<=m)[23\u00b2\u00b3](?![\d\w]))?"
         r"(?:/[A-Za-z]+(?:(?<=m)[23](?!\d))?)?)?")
FRACTION = (
    r"\b(?:(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths|fourths?(?=\s+of\b))"  # "a fourth straight year"
    r"|(?<!\bthis )(?<!\bthat )(?<!\bfirst )(?<!\bsecond )(?<!\blatter )half)(?!-(?!(?:hundred|thousand|million|billion|trillion)\b)\w)"  # "third-party", "this half"; "a quarter-million"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:(?:in|out of)(?: every)?|(?:for|of) every) "
    r"(?:(?!(?:1[6-9]|2[01])\d\d\b)\d+|two|three|four|five|six|seven|eight|nine|ten))\b"
)
# "double", "triple" are adjectives too ("a double room"); after a bound word they are multiples ("more than double")
_BOUNDED_MULTIPLE = r"(?:(?<=more than )|(?<=nearly )|(?<=almost )|(?<=roughly )|(?<=about ))(?:double|triple|quadruple)"
MULTIPLE = r"\b(?:" + "|".join(w for w in MULTIPLE_WORDS if w not in ("double", "triple", "quadruple")) + "|" + _BOUNDED_MULTIPLE + r")\b"
RANGE_JOIN = r"\s*(?:-|\u2013|\u2014|to|through)\s*"


@dataclass
class MentionGrammar:
    """Compiled patterns built from the unit lexicon (built once per pipeline, not per call)."""

    lexicon: UnitLexicon
    number_re: re.Pattern
    unit_re: re.Pattern
    currency_prefix_re: re.Pattern
    per_re: re.Pattern
    bound_before: dict
    bound_after: dict
    bound_before_re: re.Pattern
    bound_after_re: re.Pattern

    @classmethod
    def build(cls, lexicon: UnitLexicon, bounds: Optional[dict] = None) -> "MentionGrammar":
        if bounds is None:
            bounds = read_lexicon("bounds")
        before = {k: v for k, v in bounds["before"].items()}
        after = {k: v for k, v in bounds["after"].items()}
        number_re = re.compile(
            rf"(?P<frac>{FRACTION})|(?P<mult>{MULTIPLE})|(?P<num>{DIGIT_NUMBER}){GLUED}(?:{SCALE_NUM})?"
            rf"|(?P<word>{WORD_NUMBER})(?:{SCALE_WRD})?",
            re.IGNORECASE,
        )
        surfaces = sorted(
            [s for s in list(lexicon.units) + list(lexicon.currency_words) if s not in lexicon.ambiguous_short or s in ("%", "x")]
            + list(lexicon.currency_codes) + list(lexicon.currency_suffixes),
            key=len, reverse=True,
        )
        unit_re = re.compile(
            r"(?:\s*-\s*|\s*)(?P<unit>" + "|".join(re.escape(s) for s in surfaces) + r")(?![\w])", re.IGNORECASE
        )
        symbols = sorted(list(lexicon.currency_symbols) + list(lexicon.currency_codes), key=len, reverse=True)
        currency_prefix_re = re.compile(r"(?P<cur>" + "|".join(re.escape(s) for s in symbols) + r")\s?$")
        per_words = sorted(set(lexicon.per_units) | set(_denominator_surfaces(lexicon)), key=len, reverse=True)
        per_re = re.compile(
            # "a"/"per" as a word of its own: "12 points ahead" is not "a head"; hyphened: "52,000 barrel-a-day";
            # an abbreviation's point before "per": "410 million lbs. per year"; "every day", written "everyday" too
            r"(?:\.(?=\s+per\b))?(?:\s*|-)(?:(?:a|an|per|each|every)\b|every(?=day\b)|/)(?:\s*|-)(?P<per>" + "|".join(re.escape(w) for w in per_words) + r")s?(?![\w/])"
            r"(?!\s+(?:earlier|ago|before|later|prior|previously|after))",  # "$4.1 billion a year earlier": a date
            re.IGNORECASE
        )
        bound_before_re = re.compile(
            r"(?:^|(?<=\W))(?P<bound>" + "|".join(re.escape(b) for b in sorted(before, key=len, reverse=True)) + r")\s*$",
            re.IGNORECASE,
        )
        bound_after_re = re.compile(
            # no "^": it would anchor at the string's start, not at the position match() is given
            r"\s*(?P<bound>" + "|".join(re.escape(b) for b in sorted(after, key=len, reverse=True)) + r")\b", re.IGNORECASE
        )
        return cls(lexicon, number_re, unit_re, currency_prefix_re, per_re, before, after, bound_before_re, bound_after_re)


# Dimensions whose units never stand after "per" as a denominator ("per cent" is a unit of its own)
NOT_A_DENOMINATOR = {"percentage", "percentage_points", "ratio"}


def _denominator_surfaces(lexicon: UnitLexicon) -> list[str]:
    """Unit words that can follow "per"/"a" as a rate's denominator: "$10 per gram", "$80 per sq m", "11 feet
    per century", besides the words of ``per_units``. Single letters and ambiguous short forms are left out."""
    return [s for s, info in lexicon.units.items()
            if len(s) > 1 and s not in lexicon.ambiguous_short and info.dimension not in NOT_A_DENOMINATOR
            and "/" not in info.canonical and not s.endswith("s")]


def _denominator(word: str, lex: UnitLexicon) -> Optional[str]:
    word = word.lower()
    if word in lex.per_units:
        return lex.per_units[word]
    info = lex.unit(word)
    return info.canonical if info is not None else None


PRECIOUS_METAL = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in read_lexicon("units")["precious_metals"])
                            + r")\b", re.I)


def _troy_ounce(unit: Optional[str], text: str, start: int, end: int) -> Optional[str]:
    """An ounce in a sentence about a precious metal is a troy ounce ('gold rose to $1,800 an ounce'), the unit
    that metal is weighed and priced in; any other unit, or an ounce elsewhere, is returned as it is."""
    if unit != "oz":
        return unit
    before, after = _sentence_around(text, start, end)
    return "troy_ounce" if PRECIOUS_METAL.search(before) or PRECIOUS_METAL.search(after) else unit


def _takes_denominator(unit: Optional[str], core: dict, lex: UnitLexicon) -> bool:
    """Which figures a "per"/"a" phrase makes a rate: counts, money and multiples ("$60 a barrel", "four times
    a day"), percentages and physical amounts ("3 percent a year", "11 feet per century", "40 hours a week"),
    but never a fraction word ("half a day") or a figure that is already a rate."""
    if unit is None or dimension_of(unit, lex) in ("currency", "ratio"):
        return True
    return not core.get("fraction") and not core.get("multiple_word") and "/" not in unit and unit not in ("pp", "bp")


def _kind(unit: Optional[str], dimension: str, is_range: bool = False) -> str:
    if unit is None:
        return "count"
    if dimension in ("currency", "currency_rate"):
        return "money"
    if unit == "%":
        return "percentage"
    if dimension == "percentage_points":
        return "percentage_points"
    if unit == "x":
        return "ratio"
    if dimension == "duration":
        return "duration"
    if "/" in unit:
        return "rate"
    return "physical"


kind_of = _kind  # the components read a mention's kind from its unit the same way


FRACTION_OF_SCALE = re.compile(r"(?:\s+(?:of\s+)?(?:an?\s+)?|-)(?P<scale>hundred|thousand|million|billion|trillion)\b", re.I)
FRACTION_OF_PERCENT = re.compile(
    r"\s+(?:of\s+)?(?:an?|one)\s+(?:(?P<pp>percentage[\s-]points?)|(?P<pct>percent|per\s+cent|%)|(?P<pt>point))(?![\w-])", re.I)
# "raised rates by three-quarters of a point": a point of a rate or a yield is a percentage point
RATE_POINT_CONTEXT = re.compile(r"%|\bper\s?cent\b|\b(?:" + "|".join(map(re.escape, read_lexicon("units")["rate_point_context"]["words"]))
                                + r")\b", re.I)


def _fraction_of(text: str, m: re.Match, share: float) -> Optional[dict]:
    """A fraction that scales a number or a percent rather than stating a share: "a quarter of a million"
    (250,000), "half a billion dollars", "a half billion", "two-tenths of a percent" (0.2 %), "three-quarters of a
    percentage point" (0.75 pp). None when the fraction stands alone ("half of the budget" is 50 %)."""
    if re.match(r"\d", m.group("frac")):
        return None  # "3 in 10" is a share already
    scale = FRACTION_OF_SCALE.match(text, m.end())
    if scale:
        value = share / 100.0 * SCALE_WORDS[scale.group("scale").lower()]
        return {"value": value, "unit": None, "unit_text": None, "scaled": True, "end": scale.end(), "digits": False}
    percent = FRACTION_OF_PERCENT.match(text, m.end())
    if percent and percent.group("pt"):
        unit = "pp" if RATE_POINT_CONTEXT.search(text[max(0, m.start() - 120):percent.end() + 120]) else "point"
        return {"value": share / 100.0, "unit": unit, "unit_text": text[m.start():percent.end()],
                "fraction": True, "end": percent.end()}
    if percent:
        unit = "pp" if percent.group("pp") else "%"
        return {"value": share / 100.0, "unit": unit, "unit_text": text[m.start():percent.end()],
                "fraction": True, "end": percent.end()}
    return None


# What may stand between a fraction and the unit it divides: "half a mile", "a third of an hour", "1/16 of a US pint",
# "a quarter mile"
UNIT_OF_FRACTION = re.compile(r"(?:\s+of)?\s+(?:an?|one)\s+(?:(?:US|U\.S\.|imperial|metric)\s+)?|\s+(?=[a-z])", re.I)
UNIT_WORDS = re.compile(r"[a-z\u00b0.-]+(?:\s+[a-z.-]+){0,2}", re.I)
NOT_A_MEASURE = {"percentage", "percentage_points", "ratio"}


def measure_unit_at(text: str, pos: int, lex: UnitLexicon) -> Optional[tuple[str, str, int]]:
    """The measure unit written at ``pos`` (the longest lexicon surface of up to three words): (canonical,
    surface, end). Percent, points and multiples are not measures; single letters are too often words."""
    words = UNIT_WORDS.match(text, pos)
    if words is None:
        return None
    phrase = words.group(0)
    cuts = [m.start() for m in re.finditer(r"\s+", phrase)] + [len(phrase)]
    for cut in reversed(cuts):
        surface = phrase[:cut].rstrip(".")
        info = lex.unit(surface)
        if info is not None and len(surface) > 1 and surface.lower() not in lex.ambiguous_short \
                and info.dimension not in NOT_A_MEASURE and not re.match(r"[\w\u00b0]", text[pos + len(surface):pos + len(surface) + 1]):
            return info.canonical, surface, pos + len(surface)
    return None


def _fraction_of_unit(text: str, end: int, share: float, lex: UnitLexicon) -> Optional[tuple[float, str, str, int]]:
    """A fraction of a unit is that much of the unit, not a share: "half a mile" (0.5 mi), "a quarter of an hour",
    "1/16 of a US pint" (0.0625 gallon's pint). (value, unit, unit text, end) or None."""
    gap = UNIT_OF_FRACTION.match(text, end)
    found = measure_unit_at(text, gap.end(), lex) if gap else None
    if found is None:
        return None
    unit, surface, unit_end = found
    return share / 100.0, unit, surface, unit_end


VIDEO_LINES = frozenset(read_lexicon("currencies")["video_lines"]["values"])
_TEMPERATURE = read_lexicon("units")["glued_temperature"]
METRES_DIMENSION_AFTER = re.compile(r"[\s-](?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                                     read_lexicon("units")["glued_metres_before"]["words"]) + r")\b", re.I)
GLUED_TEMPERATURE = _TEMPERATURE["letters"]
TEMPERATURE_CONTEXT_BEFORE = re.compile(_TEMPERATURE["context_before"], re.I)
SIGNED_BEFORE = re.compile(r"(?:\bminus|\bnegative|[-\u2212])\s?$", re.I)


def _temperature_reading(text: str, m: re.Match) -> bool:
    """A glued 'C' or 'F' is degrees when the figure is signed or a temperature word is shortly before it."""
    before = text[max(0, m.start() - 60):m.start()]
    return m.group("num")[:1] in "-\u2212" or SIGNED_BEFORE.search(before) is not None \
        or TEMPERATURE_CONTEXT_BEFORE.search(before) is not None


def _core(m: re.Match, text: str, lexicon: UnitLexicon) -> Optional[dict]:
    """The number itself: value, scale, and a glued unit or scale suffix ('3.2GW', '1.5bn')."""
    if m.group("frac"):
        value = parse_fraction(m.group("frac"))
        if value is None:
            return None
        of_unit = None if re.match(r"\d", m.group("frac")) else _fraction_of_unit(text, m.end(), value, lexicon)
        if of_unit:
            return {"value": of_unit[0], "unit": of_unit[1], "unit_text": of_unit[2], "end": of_unit[3], "digits": False}
        return _fraction_of(text, m, value) or {"value": value, "unit": "%", "unit_text": m.group("frac"),
                                                "fraction": True, "end": m.end()}
    if m.group("mult"):
        word = m.group("mult")
        return {"value": MULTIPLE_WORDS[word.lower()], "unit": "x", "unit_text": word, "multiple_word": True, "end": m.end()}
    end = m.end()
    scale = m.group("scale")
    if m.group("num") is not None and m.start() > 0 and text[m.start() - 1].isalpha():
        found = re.search(r"[$A-Za-z]+$", text[max(0, m.start() - 4):m.start()])
        letters = found.group(0) if found else ""  # 'α1', 'μ3': letters outside ASCII are never a currency
        scaled = bool(scale) or (m.group("glued") or "").lower() in SCALE_WORDS
        money_form = scaled or (ASCII_FIGURE.fullmatch(m.group("num")) is not None and len(letters) > 1)
        if letters not in lexicon.currency_symbols and letters.upper() not in lexicon.currency_codes \
                and not (letters in lexicon.ascii_symbols and money_form):
            return None  # 'COVID19', 'A380', 'H1N1': a name, not a figure
    if m.group("num") is not None and (POWER_OF_TEN.match(text, m.end("num"))
                                       or POWER_OF_TEN.search(text[max(0, m.start() - 2):m.start()])):
        return None  # "10^400": a power that news never states as a figure; neither part is the figure
    if m.group("num") is not None:
        if sum(ch.isdigit() for ch in m.group("num")) > 30 or (m.start() > 0 and text[m.start() - 1].isdigit()):
            return None  # a 200,000-digit string is not a figure, nor is any tail of one
        value = parse_digits(m.group("num"))
        if value is None:
            return None
        glued = m.group("glued")
        unit = unit_text = None
        if glued:
            g = glued.lower()
            if g in ("st", "nd", "rd", "th", "s"):
                return None  # ordinals and decades ("25th", "1990s") are not quantities
            if glued in lexicon.glued_only and not scale:
                unit, unit_text = lexicon.glued_only[glued], glued  # "6W", "40min": a unit only when glued
            elif glued in lexicon.spaced_exact and not scale:
                unit, unit_text = lexicon.spaced_exact[glued], glued  # "300PS"
            elif glued in GLUED_TEMPERATURE and not scale and _temperature_reading(text, m):
                unit, unit_text = GLUED_TEMPERATURE[glued], glued  # "-52C", "25-28C", but not "Figure 3C"
            elif glued == "m" and not scale and (FEET_CONVERSION_AFTER.match(text, end)
                                                 or METRES_DIMENSION_AFTER.match(text, end)):
                unit, unit_text = "m", glued  # "37m (121ft)", "a 3m high wall": metres, as the words beside it say
            elif g in SCALE_WORDS and g not in ("hundred",):
                value *= SCALE_WORDS[g]
                scale = scale or glued
            elif g == "%" or (lexicon.unit(g) is not None and (g not in lexicon.ambiguous_short
                                                               or glued in (g, lexicon.unit(g).canonical))):  # "500MW"
                info = lexicon.unit(g)
                unit, unit_text = info.canonical, glued
            elif g in lexicon.word_context and lexicon.currency(g) and value not in VIDEO_LINES \
                    and _currency_word_fits(text, g, {"end": end}, lexicon):
                code = lexicon.currency(g)  # "164p" in a share-price story: pence, the currency at /100
                unit, unit_text = code.removesuffix("_cent"), glued
                value = value / 100.0 if code.endswith("_cent") else value
            else:
                return None  # '5G', '10-K': an identifier, not a figure
        if scale and not (glued and glued.lower() in SCALE_WORDS):
            for word in re.findall(r"[A-Za-z]+", text[m.end("num"):end]):
                value *= SCALE_WORDS[word.lower()]  # "4 hundred million", "5 million billion"
        if unit is None and re.match(r"-[A-Z]", text[end:end + 2]):
            return None  # '10-K', '737-800': part of an identifier
        return {"value": value, "unit": unit, "unit_text": unit_text, "scaled": bool(scale), "end": end,
                "digits": True}
    word = m.group("word")
    scale = m.group("wscale")
    if re.match(r"-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", text[end:end + 8], re.I):
        return None  # "twenty-first" is an ordinal
    value = parse_number(word + (" " + scale if scale else ""))
    if value is None:
        return None
    scaled = bool(scale) or bool(re.search(r"\b(?:thousand|million|billion|trillion)\b", word, re.I))
    return {"value": value, "unit": None, "unit_text": None, "scaled": scaled, "end": end, "digits": False}


def _written_fraction(text: str, end: int, value: float,
                      grammar: "MentionGrammar") -> tuple[float, int, Optional[str], Optional[str]]:
    """"3/4 cup", "1/2 mile": a written fraction of a unit. Only before a unit, so that dates ("on 3/4") and
    scores are never read as fractions. Returns (value, end, unit, unit text); the unit is "not a fraction"
    for a figure that is none."""
    frac = WRITTEN_FRACTION.match(text, end)
    if frac is None or not value.is_integer():
        return value, end, None, None
    denominator = int(frac.group("den"))
    if not 0 < value < denominator:
        return value, end, "not a fraction", None
    of_unit = _fraction_of_unit(text, frac.end(), 100.0 * value / denominator, grammar.lexicon) \
        if re.match(r"\s+of\s", text[frac.end():]) else None
    if of_unit:
        return of_unit[0], of_unit[3], of_unit[1], of_unit[2]  # "1/16 of a pint": a sixteenth of the unit
    if re.match(r"\s+of\b", text[frac.end():]):
        return 100.0 * value / denominator, frac.end(), "%", "%"  # "3/4 of voters": a share, as "three-quarters" is
    if grammar.unit_re.match(text, frac.end()) is None:
        return value, end, "not a fraction", None  # "on 3/4", "9/11": a date or a name, not a figure
    return value / denominator, frac.end(), None, None


MIXED_FRACTION = re.compile(r"[ \u00a0](?P<num>[1-9])[/\u2044](?P<den>[2-9]|1[0-6])(?![\d/\u2044])")


def _mixed_number(text: str, end: int, value: float, grammar: "MentionGrammar") -> tuple[float, int]:
    """"1 1/2 cups", "2 3/4 miles": a whole number and a proper fraction before a unit are one figure."""
    frac = MIXED_FRACTION.match(text, end)
    if frac is None or not value.is_integer() or value < 0 or int(frac.group("num")) >= int(frac.group("den")) \
            or grammar.unit_re.match(text, frac.end()) is None:
        return value, end
    return value + int(frac.group("num")) / int(frac.group("den")), frac.end()


def _unit_after(text: str, end: int, core: dict, currency: Optional[str],
                grammar: "MentionGrammar") -> tuple[Optional[str], Optional[str], Optional[str], int]:
    """The currency or unit written after the number: (currency, unit, unit_text, new end). A short note in
    parentheses may stand between them ("7 (girls) years"), but not before a currency ("5 (five) won")."""
    lex = grammar.lexicon
    after = grammar.unit_re.match(text, end)
    note = None if after else PAREN_NOTE.match(text, end)
    if note:
        after = grammar.unit_re.match(text, note.end())
    if after is None and currency is None:
        exact = SPACED_EXACT.match(text, end)
        if exact and exact.group("unit") in lex.spaced_exact:
            return currency, lex.spaced_exact[exact.group("unit")], exact.group("unit"), exact.end()  # "300 PS"
    if after is None:
        slash = None if currency else _slash_unit(text, end, lex)
        if slash is None and currency is None:
            slash = _unit_after_modifier(text, end, lex)
        return (currency, *slash) if slash else (currency, None, None, end)
    surface = after.group("unit")
    code = lex.currency(surface)
    if code:
        if note or currency is not None or not _currency_word_fits(text, surface, core, lex):
            info = None if note or currency is not None else lex.unit(surface)
            if info is not None:
                return currency, info.canonical, surface, after.end()  # "winds of 40 kn": the unit, not the currency
            return currency, None, None, end  # "5 won and 3 lost": the verb, not the currency
        return code, None, surface, after.end()
    info = lex.unit(surface)
    if info is None or (currency and info.dimension != "percentage"):
        return currency, None, None, end
    if surface.lower() in STERLING["surfaces"] and _sterling_pounds(text, after.end()):
        return "GBP", None, surface, after.end()
    return currency, info.canonical, surface, after.end()


SPACED_EXACT = re.compile(r"\s?(?P<unit>[A-Z][A-Za-z]*)(?![\w-])")


STERLING = read_lexicon("currencies")["pounds_as_sterling"]
OF_A_THING = re.compile(r"\s+of\s+(?!sterling\b)", re.I)


def _sterling_pounds(text: str, end: int) -> bool:
    """'pounds' is sterling in a text about British money, unless it weighs something ('5 pounds of potatoes')."""
    return OF_A_THING.match(text, end) is None and _text_says(STERLING["context"], text)


_NO_MODIFIER = frozenset(read_lexicon("units")["not_modifiers_of_a_unit"]["words"])
MODIFIER_THEN = re.compile(r"\s+(?P<mod>[a-z][a-z-]*[a-z])\s+(?=[a-z])")
MODIFIED_DIMENSIONS = {"length", "duration", "mass", "volume", "area", "energy"}
TIME_PHRASE_AFTER = re.compile(r"\s+(?:ago|earlier|later|before|after|since|prior)\b", re.I)


def _unit_after_modifier(text: str, end: int, lex: UnitLexicon) -> Optional[tuple[str, str, int]]:
    """'517 rushing yards', '50 previous years', 'three more days': a unit word after one modifier is the unit,
    the modifier says what kind. Only a measure written in full and plural; the modifier must be no plural noun
    ('arrested 5 men weeks ago' counts men) and no function word."""
    mod = MODIFIER_THEN.match(text, end)
    if mod is None or mod.group("mod").lower() in _NO_MODIFIER or _is_plural_noun(mod.group("mod")):
        return None
    found = measure_unit_at(text, mod.end(), lex)
    if found is None:
        return None
    unit, surface, unit_end = found
    info = lex.unit(surface)
    if info.dimension not in MODIFIED_DIMENSIONS or not (surface.lower().endswith("s") or surface.lower() == "feet") \
            or TIME_PHRASE_AFTER.match(text, unit_end) or len(surface) < 4:
        return None
    return unit, surface, unit_end


SLASH_UNIT = re.compile(r"\s?(?P<num>[A-Za-z\u00b5\u03bc]{1,4})/(?P<den>[A-Za-z]{1,4}[23\u00b2\u00b3]?)(?![\w/])")


def _slash_unit(text: str, end: int, lex: UnitLexicon) -> Optional[tuple[str, str, int]]:
    """'1.3 A/cm2', '340 W/m2', '2.7 g/cm3': a short symbol that is no unit alone is one before '/' and a
    denominator unit. Returns (unit, unit_text, new end)."""
    m = SLASH_UNIT.match(text, end)
    if m is None or m.group("num") not in lex.slash_numerators:
        return None
    den = lex.unit(m.group("den"))
    if den is None or den.dimension in NOT_A_DENOMINATOR:
        return None
    return f"{lex.slash_numerators[m.group('num')]}/{den.canonical}", m.group(0).strip(), m.end()


def _currency_word_fits(text: str, surface: str, core: dict, lex: UnitLexicon) -> bool:
    """A currency word that is also an English word ("won") is money only after a scaled figure ("5 billion
    won") or where the text names the currency's country or code; one that is also a unit ("kn") only where a
    money word stands near."""
    context = lex.word_context.get(surface.lower())
    near = lex.word_context_near.get(surface.lower())
    if (context is None and near is None) or core.get("scaled"):
        return True
    end = core.get("end", 0)
    if near is not None and re.search(near, text[max(0, end - 100):end + 100], re.IGNORECASE):
        return True  # "a ticket cost 150 kn", "a stamp costs 85p": a money word close by
    return context is not None and _text_says(context, text)


@functools.lru_cache(maxsize=16)
def _text_says(pattern: str, text: str) -> bool:
    """Whether the whole text matches a context pattern, searched once per text and pattern, not once per figure
    (a str caches its hash, so the lookup is cheap)."""
    return re.search(pattern, text, re.IGNORECASE) is not None


ASCII_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+\.\d+")


def _ascii_symbol(text: str, start: int, m: re.Match, core: dict, grammar: "MentionGrammar") -> Optional[re.Match]:
    """'PS2.7m', 'Y=5,182': a currency symbol that ASCII transliteration wrote as letters. Only before a figure
    written as money is (scaled, grouped or with decimals), so that the console 'PS5' stays a name."""
    lex = grammar.lexicon
    for symbol in sorted(lex.ascii_symbols, key=len, reverse=True):
        head = start - len(symbol)
        if head < 0 or text[head:start] != symbol or (head > 0 and text[head - 1].isalnum()):
            continue
        if core.get("scaled") or (ASCII_FIGURE.fullmatch(m.group("num") or "") and len(symbol) > 1):
            return re.match(r"(?P<cur>" + re.escape(symbol) + r")", text[head:start])
    return None


def _signed(text: str, start: int, value: float) -> tuple[int, float]:
    """A sign written as a word keeps its sign ("minus 12 degrees", "negative 0.4%", "minus-60"), but the
    minus of "plus or minus 3%" is a margin, which stays positive."""
    sign = SIGN_WORD.search(text[max(0, start - 10):start])
    if sign is None:
        return start, value
    sign_start = start - (len(text[max(0, start - 10):start]) - sign.start("sign"))
    if PLUS_OR.search(text[max(0, sign_start - 10):sign_start]):
        return start, value
    return sign_start, -value


def _grouped_phone_numbers(text: str) -> list[tuple[int, int]]:
    found = [p.span("number") for p in DIALLED_NUMBER.finditer(text)] + [p.span() for p in INTERNATIONAL_NUMBER.finditer(text)]
    return [(a, b) for a, b in found if sum(ch.isdigit() for ch in text[a:b]) >= PHONE_MIN_DIGITS]


# Where a number can start: a digit, a sign or a decimal point, or the first letter of a word (every worded
# alternative of number_re opens at a word boundary). Trying number_re only there finds what its finditer
# finds, without running every alternative at every character.
_NUMBER_START = re.compile(r"[\d.\-\u2212]|\b\w", re.IGNORECASE)


def _numbers(text: str, number_re: re.Pattern):
    """``number_re.finditer(text)``, tried only where a number can start (``match`` at a position still sees
    the text before it, so lookbehinds and word boundaries read as in a search)."""
    searched_to = 0
    for start in _NUMBER_START.finditer(text):
        if start.start() < searched_to:
            continue
        m = number_re.match(text, start.start())
        if m is not None:
            searched_to = m.end()
            yield m


def find_mentions(text: str, grammar: MentionGrammar, change_context=None) -> list[dict]:
    """All quantity mentions in ``text``, in order, as plain dicts with offsets.

    ``change_context(start, end)`` says whether a change word governs the figure at those offsets; with it,
    'X to Y' of one unit is a range unless it is a change. Without it (text only), 'X to Y' stays two figures.
    """
    lex = grammar.lexicon
    mentions: list[dict] = []
    covered = 0  # a core can reach past its regex match ("a quarter of a million"): no second mention inside it
    phones = [(p.start(), p.end()) for p in PHONE_NUMBER.finditer(text)] \
        + [p.span("number") for p in LOCAL_PHONE_NUMBER.finditer(text)] + _grouped_phone_numbers(text)
    for m in _numbers(text, grammar.number_re):
        if m.start() < covered or any(a <= m.start() < b for a, b in phones):
            continue
        core = _core(m, text, lex)
        if core is None:
            continue
        covered = core["end"]
        start, end = m.start(), core["end"]
        value, unit, unit_text = core["value"], core["unit"], core["unit_text"]
        if core.get("digits") and unit is None:
            value, end = _mixed_number(text, end, value, grammar)
            covered = max(covered, end)
            value, end, unit, unit_text = _written_fraction(text, end, value, grammar)
            if unit == "not a fraction":
                continue
        currency = None
        # Currency before the number: "$17.8 trillion", "US$ 5", "€3.2m".
        pre = grammar.currency_prefix_re.search(text[max(0, start - 6):start])
        if pre is None and unit is None and core.get("digits"):
            pre = _ascii_symbol(text, start, m, core, grammar)
        if pre and unit is None and not core.get("fraction") and not core.get("multiple_word"):
            symbol = pre.group("cur")
            if symbol.isalpha() and symbol.isupper() and start - len(pre.group(0)) > 0 and text[start - len(pre.group(0)) - 1].isalnum():
                symbol = None  # "ABCUSD": not a code standing alone
            if symbol:
                currency = lex.currency(symbol) or lex.ascii_symbols.get(symbol)
                start -= len(pre.group(0))
                if MINUS_BEFORE_SYMBOL.search(text, max(0, start - 2), start) and value > 0:
                    start, value = start - 1, -value  # "-$2.1 billion"; "$1-$2" is a range's dash
        if not core.get("multiple_word") and not core.get("fraction") and value > 0:
            start, value = _signed(text, start, value)
        if unit is None and not core.get("multiple_word") and not core.get("fraction"):
            currency, unit, unit_text, end = _unit_after(text, end, core, currency, grammar)
        if currency:
            unit = currency
            if unit.endswith("_cent"):  # cents and pence: the currency at /100
                unit, value = unit.removesuffix("_cent"), value / 100.0
            unit_text = unit_text or (pre.group("cur") if pre else None)
        # "points" is percentage points only beside percentages; otherwise index points.
        if unit == "pp" and unit_text and unit_text.lower() == "points":
            unit = "pp" if re.search(r"%|percent|per cent", text[max(0, start - 200):end + 200], re.I) else "point"
        if unit in ("pp", "point") and unit_text and unit_text.lower() in ("point", "points") \
                and _sports_points(text, start, end, strong_only=unit == "pp"):
            unit = None  # a score or a standings total is a plain count of points (guidelines, Sports)
        # Rates: "$60 a barrel", "30,000 a month", "four times a day".
        per, touches = _rate_after(text, end, grammar)
        counted = per is None and unit is None and not core.get("fraction")
        if counted:
            per, touches = _count_per_time(text, end, grammar), False
        elif per is None and unit is not None and dimension_of(unit, lex) not in ("currency", "percentage", "percentage_points", "ratio", "points"):
            per = _amount_of_per_time(text, end, grammar)
        denom = _troy_ounce(_denominator(per.group("per"), lex) if per else None, text, start, end)
        unit = _troy_ounce(unit, text, start, end)
        if denom and denom != unit and _takes_denominator(unit, core, lex):
            unit = f"{unit}/{denom}" if unit not in (None, "x") else f"1/{denom}"
            # a count per time keeps its noun in the unit as written: "cases per week"
            unit_text = text[end:per.end()].strip() if counted else \
                (unit_text + " " if unit_text else "") + per.group(0).strip()
            end = per.end() if touches else end
            covered = max(covered, end)  # "$2 a dozen": the denominator's number word is no figure of its own
        dimension = dimension_of(unit, lex) if unit not in ("point",) else "points"
        mention = {
            "start": start, "end": end, "text": text[start:end],
            "core_start": m.start(), "core_end": core["end"],
            "value": value, "low": None, "high": None, "bound": "=", "bound_span": None,
            "unit": unit, "unit_text": unit_text, "dimension": dimension,
            "kind": _kind(unit, dimension),
            "multiple_word": bool(core.get("multiple_word")), "fraction": bool(core.get("fraction")),
            "digits": bool(core.get("digits")), "scaled": bool(core.get("scaled")),
            # "three more days": a unit after a modifier, which never joins a compound duration
            "modified": bool(unit_text) and not re.match(r"[\s-]*" + re.escape(unit_text), text[core["end"]:], re.I),
        }
        _attach_bound(text, mention, grammar)
        if abs(value or 0) <= MAX_MAGNITUDE:
            mentions.append(mention)
    mentions = _merge_ranges(text, mentions, change_context)
    mentions = _merge_compound_durations(text, mentions, lex)
    mentions = sorted(mentions + _streaks(text), key=lambda m: m["start"])
    _inherit_units(text, mentions, lex)
    _defined_abbreviations(text, mentions, lex)
    _percent_as_points(text, mentions, lex)
    for mention in mentions:
        _tidy(text, mention, lex)
    return mentions


_SPORTS = read_lexicon("sports")
_SCORE_VERB_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _SPORTS["score_verbs"])
                                + r")\s+(?:[\w'-]+\s+){0,%d}$" % _SPORTS["max_words_between"], re.I)
_STANDINGS_WORD = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _SPORTS["standings_words"])
                             + r")\b", re.I)
_STANDINGS_VERB = re.compile(r"\b(?:" + "|".join(map(re.escape, _SPORTS["standings_verbs"])) + r")\b", re.I)
_MARGIN_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, _SPORTS["margin_verbs"])) + r")\b(?:\s+[\w'.-]+){0,5}\s+by\s+$", re.I)
_WITH_OR_ON_BEFORE = re.compile(r"\b(?:with|on)\s+(?:(?:just|only|about|around|some)\s+)?$", re.I)
_GAME_SCORE = re.compile(r"(?<![\d.,-])(\d{1,3})\s?[-\u2013]\s?(\d{1,3})(?![\d%-]|[.,]\d)(?!\s+(?:"
                         + "|".join(map(re.escape, _SPORTS["not_score_after"])) + r")\b)", re.I)
_POINTS_TO = re.compile(r"\s+to\s+(\d[\d,]*(?:\.\d+)?)(?![\d%])", re.I)
_SENTENCE_END = re.compile(r"[.!?](?:\s+|$)")
SPORTS_WINDOW = 200  # characters either side: the figure's own sentence, cut at its ends


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the figure's sentence before and after it, from a bounded window (never the whole text)."""
    before = text[max(0, start - SPORTS_WINDOW):start]
    ends = list(_SENTENCE_END.finditer(before))
    before = before[ends[-1].end():] if ends else before
    after = text[end:end + SPORTS_WINDOW]
    stop = _SENTENCE_END.search(after)
    return before, after[:stop.start()] if stop else after


def _phrase_alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# a tight dash pair of whole numbers, no decimals, times or dates around it: '3-1', '24\u201317'
_TIGHT_SCORE = re.compile(r"(?<![\d.,:/\u2013-])(\d{1,3})[-\u2013\u2014](\d{1,3})(?![\d%:/\u2013-]|[.,]\d)")
_GAME_SCORE_BEFORE = re.compile(r"\b(?:" + _phrase_alternatives(_SPORTS["game_score_before"]) + r")\b(?:\s+[\w'.-]+){0,4}\s+$", re.I)
_GAME_SCORE_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:" + _phrase_alternatives(_SPORTS["game_score_after"]) + r")\b", re.I)


def is_game_score(text: str, start: int, end: int) -> bool:
    """'won 3-1', 'a 24-17 win', 'lost 17-24': text[start:end] is a tight dash pair of whole numbers with a
    score word before or after it (models/lexicon/sports.json), and no counted noun after it ('win 3-5 seats' is a
    range). A score is two counts, never a range, a date or part of a name (guidelines, Sports)."""
    pair = _TIGHT_SCORE.fullmatch(text, start, end)
    if pair is None or max(int(pair.group(1)), int(pair.group(2))) > _SPORTS["max_score"]:
        return False
    before, after = _sentence_around(text, start, end)
    if _GAME_SCORE_NOT_AFTER.match(after) or counted_noun_follows(text, end) and not _NOT_COUNTED_AFTER.match(after):
        return False
    return bool(_GAME_SCORE_BEFORE.search(before[-60:]) or _GAME_SCORE_AFTER.match(after))


def game_score_around(text: str, start: int, end: int) -> bool:
    """The figure text[start:end] is one side of a game score ('3' of 'won 3-1')."""
    for lo, hi in ((start, min(len(text), end + 4)), (max(0, start - 4), end)):
        pair = _TIGHT_SCORE.search(text, lo, hi)
        if pair and pair.start() <= start and end <= pair.end() and is_game_score(text, pair.start(), pair.end()):
            return True
    return False


_NOT_COUNTED_AFTER = re.compile(r"\s+(?:" + _phrase_alternatives(_SPORTS["game_score_plurals_not_counted"]) + r")\b", re.I)
_GAME_SCORE_NOT_AFTER = re.compile(r"\s+(?:" + "|".join(map(re.escape, _SPORTS["not_score_after"])) + r")\b", re.I)


def _game_score_in(sentence: str) -> bool:
    return any(int(a) <= _SPORTS["max_score"] and int(b) <= _SPORTS["max_score"] for a, b in _GAME_SCORE.findall(sentence))


def _sports_points(text: str, start: int, end: int, strong_only: bool = False) -> bool:
    """Points of a score or a standings total, not an index's points (models/lexicon/sports.json says when).
    strong_only: only the signals no rate change has (a score verb, a game score, 'N points to M')."""
    before, after = _sentence_around(text, start, end)
    to = _POINTS_TO.match(after)
    level = float(to.group(1).rstrip(",").replace(",", "")) if to else None
    move = _number_before_points(text, start, end)
    if level is not None and move is not None and level > move:
        return False  # an index's move and the level it reached: "slid 120 points to 3,400"
    if _SCORE_VERB_BEFORE.search(before) or _game_score_in(before + " " + after) or level is not None and move is not None:
        return True
    return not strong_only and bool(_MARGIN_BEFORE.search(before) or _STANDINGS_WORD.search(before + text[start:end] + after)
                                    or (_STANDINGS_VERB.search(before) and _WITH_OR_ON_BEFORE.search(before)))


def _number_before_points(text: str, start: int, end: int):
    digits = re.match(r"\d[\d,]*(?:\.\d+)?", text[start:end])
    return float(digits.group(0).rstrip(",").replace(",", "")) if digits else None


_POINTS = read_lexicon("units")["percent_as_points"]
_POINT_NOUNS = "|".join(_POINTS["nouns"])
POINT_NOUN_AFTER = re.compile(r"\s+(?:" + _POINT_NOUNS + r")\b(?!\s+(?:" + "|".join(_POINTS["not_before"]) + r")\b)", re.I)
POINT_NOUN_OF_BEFORE = re.compile(r"\b(?:" + _POINT_NOUNS + r")\s+of\s+(?:(?:about|around|nearly|almost|roughly|some|just|over|"
                                  r"more\s+than|less\s+than|under)\s+)?$", re.I)
# "from 5% to 7%", "climbed to 6.7% from 6.3%": the first figure is a level, not the change
LEVEL_BEFORE = re.compile(r"\b(?:from|to|at|of|reach(?:ed|es|ing)?|hit)\s+(?:(?:about|around|nearly|almost|roughly|some|just|"
                          r"an\s+estimated)\s+)?$", re.I)
PERCENT_WORD = re.compile(r"%|percent|per\s+cent", re.I)


def _percent_as_points(text: str, mentions: list[dict], lex: UnitLexicon) -> None:
    """'a 5.2 percent swing', 'down 0.1 percent, to 5.4 percent': a change in a rate written as percent is
    percentage points, as the guidelines say. A level ('from 5 percent to 7 percent', 'rose to 6% from 5%') is no change."""
    def to_points(m: dict) -> None:
        m["unit"], m["dimension"] = "pp", dimension_of("pp", lex)
        m["kind"] = _kind("pp", m["dimension"])

    def in_percent(m: dict) -> bool:
        return m["unit"] == "%" and not m.get("is_range") and bool(PERCENT_WORD.search(m["text"]))

    for m in mentions:
        if in_percent(m) and (POINT_NOUN_AFTER.match(text, m["end"])
                              or POINT_NOUN_OF_BEFORE.search(text[max(0, m["start"] - 40):m["start"]])):
            to_points(m)
    for a, b in zip(mentions, mentions[1:]):
        if in_percent(a) and in_percent(b) and DELTA_TO_LEVEL_GAP.fullmatch(text[a["end"]:b["start"]]) \
                and not LEVEL_BEFORE.search(text[max(0, a["start"] - 30):a["start"]]) and not _shares_of_a_whole(a, b):
            to_points(a)


def _shares_of_a_whole(a: dict, b: dict) -> bool:
    """'won 55% to 45%', 'approved by 58% to 42%': two shares that make up the whole (a vote split), not a change
    and the level it reaches."""
    return a["value"] is not None and b["value"] is not None and a["value"] >= b["value"] \
        and 95.0 <= a["value"] + b["value"] <= 100.5


_ABBREVIATIONS = read_lexicon("units")["defined_abbreviations"]
ABBREVIATION_DEFINED = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z]{1,7}?)s?\)")
ABBREVIATION_BETWEEN = r"(?:(?:" + "|".join(_ABBREVIATIONS["between_words"]) + r")\s+)?"


def _defined_abbreviations(text: str, mentions: list[dict], lex: UnitLexicon) -> None:
    """'396 cooling degree days (CDDs) ... 252 CDDs more than': a bare figure followed by an abbreviation that
    the text defined after a unit takes that unit. Only units the lexicon does not know by that abbreviation."""
    defined: dict[str, dict] = {}
    for m in mentions:
        found = ABBREVIATION_DEFINED.match(text, m["end"]) if m["unit"] and "/" not in m["unit"] else None
        if found and lex.unit(found.group("abbr")) is None:
            defined.setdefault(found.group("abbr"), {"donor": m, "after": found.end()})
    if not defined:
        return
    use = re.compile(r"\s+" + ABBREVIATION_BETWEEN + r"(?P<abbr>" + "|".join(map(re.escape, defined)) + r")s?\b")
    for m in mentions:
        found = use.match(text, m["end"])
        if found is None or m["unit"] is not None or m["multiple_word"] or m["fraction"] or m.get("is_range") \
                or m["start"] < defined[found.group("abbr")]["after"]:
            continue
        _take_unit(m, defined[found.group("abbr")]["donor"], scale=False)
        m["unit_text"], m["end"] = found.group("abbr"), found.end()
        m["text"] = text[m["start"]:m["end"]]


CONVERSION_OPEN = re.compile(r"\s*\(\s*")
CONVERSION_NEXT = re.compile(r"\s*(?:/|,|;|\bor\b)\s*")  # "(224 kW / 300 PS)": a second conversion of the figure
NOT_CONVERTED = frozenset({"count", "percentage", "percentage_points", "ratio", "points"})


def conversions_take_bounds(text: str, mentions: list[dict], lex: UnitLexicon) -> None:
    """'more than 100 km (62 miles)', 'just under 300 hp (224 kW)': a bracketed conversion states the same figure in
    another unit, so it is bounded as the figure is. Only a measure or an amount of money in another unit of the
    same dimension: 'one-fifth (19.8%)' gives the exact share, not a conversion; a bound of its own wins. Run on the
    final units (some come from quantulum3 after this module), so the component calls it."""
    donor = None
    for a, b in zip(mentions, mentions[1:]):
        gap = text[a["end"]:b["start"]]
        opens = CONVERSION_OPEN.fullmatch(gap) and a["bound"] != "=" and not a["fraction"]
        chained = donor is not None and a.get("converted") and CONVERSION_NEXT.fullmatch(gap)
        donor = a if opens else donor if chained else None
        if donor is None or b.get("bound_text") or b["bound"] != "=" or b.get("is_range") != donor.get("is_range") \
                or b["unit"] in (None, donor["unit"]) or b["dimension"] in NOT_CONVERTED or not same_dimension(b["unit"], donor["unit"], lex):
            donor = None
            continue
        b["bound"], b["converted"] = donor["bound"], True


CURRENCY_TAG = re.compile(r"\s+(?:U\.S\.|US|Cdn)(?=\s+(?:a|an|per|each)\b)")


def _rate_after(text: str, end: int, grammar: MentionGrammar) -> tuple[Optional[re.Match], bool]:
    """The rate's denominator after a figure, and whether it touches the figure (then it joins the span).
    A bracketed conversion may stand between them, and a figure may be that conversion: '9 billion shekels
    ($2.4 billion) a year' makes both figures yearly, the span of each stays the figure as written."""
    per = grammar.per_re.match(text, end)
    if per:
        return per, True
    tag = CURRENCY_TAG.match(text, end)  # "$75 U.S. per barrel"
    if tag and grammar.per_re.match(text, tag.end()):
        return grammar.per_re.match(text, tag.end()), True
    conversion = CONVERSION_NOTE.match(text, end)
    if conversion:
        return grammar.per_re.match(text, conversion.end()), False
    if text[end:end + 1] == ")":
        return grammar.per_re.match(text, end + 1), False
    return None, False


COUNTED_NOUN_THEN = re.compile(r"\s+(?P<noun>[a-z]+)(?:\s+(?:worldwide|nationwide|globally|overall|alone))?", re.I)


def _count_per_time(text: str, end: int, grammar: MentionGrammar) -> Optional[re.Match]:
    """'8,000 cases per week', '56 million deaths worldwide each year': a count whose noun a per-time phrase
    follows is a count per time (1/week), as the guidelines say; the noun stays outside the figure's unit.
    Only time: 'cars per dealer' is a per-amount rate, which the guidelines leave unit null."""
    noun = COUNTED_NOUN_THEN.match(text, end)
    if noun is None or not _is_plural_noun(noun.group("noun")):
        return None
    per = grammar.per_re.match(text, noun.end())
    if per is None or dimension_of(_denominator(per.group("per"), grammar.lexicon), grammar.lexicon) != "duration":
        return None
    return per


_STUFF_WORD = r"(?!(?:a|an|per|each|every)\b)[a-z][a-z-]*"
AMOUNT_OF_THEN = re.compile(r"\s+of\s+(?:" + _STUFF_WORD + r"\s+){0,2}" + _STUFF_WORD + r"(?=\s)", re.I)


def _amount_of_per_time(text: str, end: int, grammar: MentionGrammar) -> Optional[re.Match]:
    """'300,000 barrels of oil a day', '2 million tonnes of carbon dioxide a year': a physical amount of a named
    stuff that a per-time phrase follows is a rate per that time (barrel/day), as when the per-time phrase touches
    the unit; the stuff stays outside the figure's span."""
    stuff = AMOUNT_OF_THEN.match(text, end)
    if stuff is None:
        return None
    per = grammar.per_re.match(text, stuff.end())
    if per is None or dimension_of(_denominator(per.group("per"), grammar.lexicon), grammar.lexicon) != "duration":
        return None
    return per


def _tidy(text: str, mention: dict, lex: UnitLexicon) -> None:
    """Scale words multiply in binary floating point (4.1 * 1e9 = 4099999999.9999995): keep the digits as written.
    A percent written with "±" or "plus or minus" is a margin of error: percentage points, as the guidelines say."""
    for key in ("value", "low", "high"):
        if mention.get(key) is not None:
            mention[key] = float(f"{mention[key]:.15g}")
    if mention["unit"] == "%" and re.search(r"(?:\u00b1|\+/-|plus\s+or\s+minus)\s*$", text[max(0, mention["start"] - 16):mention["start"]], re.I):
        mention["unit"], mention["dimension"] = "pp", dimension_of("pp", lex)
        mention["kind"] = _kind("pp", mention["dimension"])


# "edged up to $27.10": the verb's particle and the new level's "to", not the bound "up to"
CHANGE_VERB_BEFORE_UP_TO = re.compile(r"\b(?:" + "|".join(map(re.escape, read_lexicon("changes")["verbs_before_up_to"]))
                                      + r")\s+$", re.I)


def _attach_bound(text: str, mention: dict, grammar: MentionGrammar) -> None:
    window = text[max(0, mention["start"] - 30):mention["start"]]
    b = grammar.bound_before_re.search(window)
    if b and b.group("bound").lower() == "up to" and CHANGE_VERB_BEFORE_UP_TO.search(window[:b.start("bound")]):
        return
    if b:
        word = b.group("bound").lower()
        mention["bound"] = grammar.bound_before[word]
        mention["bound_span"] = [mention["start"] - (len(window) - b.start("bound")), mention["start"] - (len(window) - b.end("bound"))]
        mention["bound_text"] = b.group("bound")
        return
    a = grammar.bound_after_re.match(text, mention["end"])
    if a:
        mention["bound"] = grammar.bound_after[a.group("bound").lower()]
        mention["bound_span"] = [a.start("bound"), a.end("bound")]
        mention["bound_text"] = a.group("bound")


_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
_FROM = re.compile(r"\bfrom\s*$", re.I)
_RANGE_WORDS = read_lexicon("ranges")
_PLURALS_WITHOUT_S = frozenset(_RANGE_WORDS["plural_nouns_without_s"])
_S_WORDS_NOT_PLURAL = frozenset(_RANGE_WORDS["words_ending_in_s_that_are_not_plural_nouns"])
_WORDS_AFTER = re.compile(r"\s+(?P<first>[a-z][a-z-]*)(?:\s+(?P<second>[a-z][a-z-]*))?")


def _is_plural_noun(word: Optional[str]) -> bool:
    """A word that reads as a plural count noun ('workers', 'people'), judged on its letters alone."""
    if not word:
        return False
    word = word.lower()
    if word in _PLURALS_WITHOUT_S:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _S_WORDS_NOT_PLURAL


def counted_noun_follows(text: str, end: int) -> bool:
    """A plural noun right after the figure, or after one modifier ('300 to 400 new workers'): the two bare ends
    count the same things. Without it, 'voted 6 to 3' or 'won 3 to 1' is a tally or a score, two figures."""
    m = _WORDS_AFTER.match(text, end)
    return bool(m) and (_is_plural_noun(m.group("first")) or _is_plural_noun(m.group("second")))


def _merge_ranges(text: str, mentions: list[dict], change_context=None) -> list[dict]:
    """Join 'between 5 and 7 GW', '5-7%', '12.8-13.0', '$5 to $7 billion' into one range mention.

    A range keeps both ends and is never averaged. 'from X to Y' is not a range: it is a change
    (two mentions), and so is 'X to Y' when X carries its own unit.
    """
    out: list[dict] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and not a["multiple_word"] and not b["multiple_word"] and not a["fraction"] and not b["fraction"]:
            gap = text[a["end"]:b["start"]]
            before = text[max(0, a["start"] - 12):a["start"] - (0 if a["bound_span"] is None else 0)]
            between = _BETWEEN.search(text[max(0, a["start"] - 10):a["start"]]) and re.fullmatch(r"\s*and\s*", gap)
            dash = re.fullmatch(r"\s*[-\u2013\u2014]\s*", gap) is not None
            a_unscaled_money = a["unit"] == b["unit"] and a["kind"] == "money" and b["scaled"] and not a["scaled"]
            # "a 0-to-60-mph time"; a compound adjective's hyphens around 'to': "a 10- to 15-minute walk", "200 to-260 year-old"
            to_gap = re.fullmatch(r"\s*(?:-\s*)?(?:to|through|up to)(?:\s*-)?\s*", gap) is not None
            to = to_gap and (a["unit"] is None or a_unscaled_money) and not _FROM.search(before)
            # "between $3 and $4 a gallon", "$920 to $1,730 a week": the rate's denominator, written once,
            # covers both ends
            rate_of_a = a["unit"] is not None and (b["unit"] or "").split("/")[0] == a["unit"]
            if to_gap and not to and (a["unit"] == b["unit"] or rate_of_a) and b["unit"] is not None:
                # "$3 billion to $5 billion", "ranging from 1% to 1.5%": a range, unless a change word
                # governs the pair ("rose from 20% to 10%"), which only the parse can tell.
                wider = text[max(0, a["start"] - 24):a["start"]]
                ranging = re.search(r"\b(?:rang(?:e|es|ed|ing)|between|anywhere)\s+(?:from\s+)?$", wider, re.I)
                to = bool(ranging) or (change_context is not None and not change_context(a["core_start"], a["core_end"]))
            a_bare = a["unit"] is None or a["unit"] == b["unit"] or rate_of_a
            unit_after_both = a["unit"] is None and b["unit"] is not None  # "1,500 - 1,800 calories"
            tight_dash = dash and (gap.strip() == gap or a["unit"] == b["unit"] or unit_after_both) and a_bare
            bare_to_scaled = to and a["unit"] is None and b["unit"] is None and b["scaled"] and not a["scaled"]
            bare_count = to and a["unit"] is None and b["unit"] is None and counted_noun_follows(text, b["end"]) \
                and not (_year_like(a) and _year_like(b))  # "300 to 400 workers"; "1990 to 2000 figures" are years
            score = tight_dash and a["unit"] is None and b["unit"] is None and is_game_score(text, a["start"], b["end"])
            if not score and ((between and a_bare) or tight_dash or (to and b["unit"] is not None) or bare_to_scaled or bare_count):
                low, high = a["value"], b["value"]
                own_money = a["kind"] == "money" and low is not None and high is not None \
                    and low * high / _unscaled(b) >= high  # "$200 to $4 million" starts at $200
                if b["scaled"] and not a["scaled"] and low is not None and high is not None and low < high / 100 \
                        and not own_money:
                    low *= high / _unscaled(b)  # "$3 to $5 billion"
                if low is None or high is None or low >= high:
                    pass  # "20-10", "2024 to 3.2 GW": not an increasing range, so two mentions
                else:
                    merged = dict(b)
                    b_bound = _bound_outside(b, a["end"])
                    merged.update({
                        "start": a["start"], "text": text[a["start"]:b["end"]], "core_start": a["core_start"],
                        "value": None, "low": min(low, high), "high": max(low, high),
                        "bound": a["bound"] if a["bound"] != "=" else b_bound["bound"],
                        "bound_span": a["bound_span"] or b_bound["bound_span"], "is_range": True,
                    })
                    out.append(merged)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _bound_outside(b: dict, gap_start: int) -> dict:
    """The upper end's bound, unless its words stand between the two ends: in "from 450 up to 900 sq ft" the
    'up to' joins the range, it does not bound it."""
    span = b["bound_span"]
    if span is not None and span[0] >= gap_start:
        return {"bound": "=", "bound_span": None}
    return {"bound": b["bound"], "bound_span": span}


def _unscaled(m: dict) -> float:
    """The number as written before its scale word, to carry the scale to a bare lower end."""
    digits = re.match(r"[^\d]*(\d[\d,]*(?:\.\d+)?)", m["text"])
    if digits:
        return float(digits.group(1).replace(",", ""))
    words = re.sub(r"[\s-]+(?:hundred|thousand|million|billion|trillion)\b.*$", "", m["text"], flags=re.I)
    return parse_number(words) or 1.0


_BASELINE_LEAD = (r"\s*,?\s*(?:(?:up|down|rising|falling|increasing|decreasing)\s+|(?:a|an)\s+(?:drop|fall|rise|increase|decrease|"
                  r"decline|gain|jump|cut|reduction)\s+)?(?:from|compared\s+(?:with|to)|versus|vs\.?|against)")
_BASELINE_BOUND = r"(?:(?:about|nearly|almost|some|around|roughly|more\s+than|less\s+than)\s+)?"
BASELINE_GAP = re.compile(_BASELINE_LEAD + r"\s*" + _BASELINE_BOUND, re.I)
# "up from last year's 4.8 million", "down from the old model's 212": the baseline named by its owner
OWNED_BASELINE_GAP = re.compile(_BASELINE_LEAD + r"\s+(?:(?:the|its|their|his|her|a|an)\s+)?(?:[\w-]+\s+){0,2}[\w-]+(?:'s|\u2019s)\s+"
                                + _BASELINE_BOUND, re.I)
PAIR_GAP = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:to|and|or|,)\s*")
PART_OF_GAP = re.compile(r"\s+of\s+(?:the|its|their|his|her|a|an)\s+(?:(?:total|planned|promised|required|needed)\s+)?", re.I)
# An index's move in points and its level: "rose 64.06 points to 4,577.10", "(16,369.03, up 58.06 points)"
LEVEL_AFTER_POINTS = re.compile(r"\s*,?\s*(?:to|at)\s+(?:(?:fall|close|end|finish|settle|rise|climb)\s+(?:to|at)\s+)?"
                                r"(?:a\s+close\s+of\s+|an?\s+(?:record|high|low)\s+of\s+)?", re.I)
# "lost 162.31 points, or 2.1%, to 7,425.81": the percent form of the move stands between the points and the level
PERCENT_OF_MOVE_GAP = re.compile(r"\s*,?\s*(?:or|and)\s+", re.I)
LEVEL_BEFORE_POINTS = re.compile(r"\s*,?\s*(?:up|down|off|higher|lower)\s*", re.I)


SUSPENDED_HYPHEN_GAP = re.compile(r"-\s*,?\s*(?:(?:and|or|to)\s+)?")


def _suspended_hyphens(text: str, mentions: list[dict]) -> None:
    """'a 7- or 8-inch screen', 'four-, five- and six-litre engines': a number left hanging on a hyphen shares the
    unit of the compound that ends the list. Walked from the end, so the unit travels back along the list."""
    for a, b in reversed(list(zip(mentions, mentions[1:]))):
        if a["unit"] is None and b["unit"] is not None and not a["multiple_word"] and not a.get("is_range") \
                and SUSPENDED_HYPHEN_GAP.fullmatch(text[a["end"]:b["start"]]):
            _take_unit(a, b, scale=False)


def _inherit_units(text: str, mentions: list[dict], lex: UnitLexicon) -> None:
    """A bare number takes the unit of the figure it is paired with: forward in 'from 1 to 3.2 GW',
    '5 and 7 percent', '9 (boys) and 7 (girls) years'; backward from a baseline, 'climbed to 5.2 million tons,
    up from 4.8 million'."""
    _suspended_hyphens(text, mentions)
    _levels_after_points_and_percent(text, mentions)
    for a, b in zip(mentions, mentions[1:]):
        if a["multiple_word"] or b["multiple_word"]:
            continue
        gap = text[a["end"]:b["start"]]
        if a["unit"] is None and b["unit"] is not None and PAIR_GAP.fullmatch(gap):
            # "from 2 GW at the close of 2022 to 4.5 GW"; "at 16,644, 16 per cent above" is no list of one unit
            if not (_year_like(a) and not _year_like(b)) and (gap.strip() != "," or _comparable(a, b, 100)):
                _take_unit(a, b)
        elif b["unit"] is None and a["unit"] is not None and BASELINE_GAP.fullmatch(gap) and not _year_like(b) \
                and not re.match(r"-[a-z]", text[b["end"]:b["end"] + 2], re.I):  # "from three-point range": a name
            _take_unit(b, a, scale=False)
        elif b["unit"] is None and a["unit"] is not None and OWNED_BASELINE_GAP.fullmatch(gap) and not _year_like(b) \
                and _ends_bare(text, b):  # "from the firm's 300 stores" counts stores
            _take_unit(b, a, scale=False)
        elif b["unit"] is None and a["unit"] is not None and re.fullmatch(r"\s*to\s*", gap) and not _year_like(b) \
                and FROM_BEFORE.search(text[max(0, a["start"] - 30):a["start"]]) and _ends_bare(text, b):
            _take_unit(b, a)  # "from about 14-18 mpg to 24 for SUVs": the new level in the old one's unit
        elif _rate_of(a, b) and (PAIR_GAP.fullmatch(gap) or BASELINE_GAP.fullmatch(gap)) and _comparable(b, a, 10):
            _take_rate(b, a)  # "from $75 per barrel to $45.88": the rate's denominator, written once, covers both
        elif _rate_of(b, a) and PAIR_GAP.fullmatch(gap) and _comparable(a, b, 10):
            _take_rate(a, b)
        elif _rate_of(b, a) and DELTA_TO_LEVEL_GAP.fullmatch(gap) and a["value"] is not None and b["value"] is not None \
                and 0 < a["value"] < b["value"]:
            _take_rate(a, b)  # "fell 22 cents to/from $3.10 per MMBtu": a price's change is in the price's unit
        elif a["unit"] is None and b["dimension"] == "length" and DIMENSIONS_GAP.fullmatch(gap) and not _year_like(a):
            _take_unit(a, b)  # "19 by 26 miles": both sides of a measured area
        elif a["unit"] is None and b["kind"] in ("money", "physical") and PART_OF_GAP.fullmatch(gap) and not _year_like(a):
            _take_unit(a, b, scale=False)  # "raised 280 million of the 1.5 billion shekels he needs"
        elif _index_points(b) and a["unit"] is None and LEVEL_BEFORE_POINTS.fullmatch(gap) and not _year_like(a):
            _take_points(a)
        elif _index_points(a) and b["unit"] is None and LEVEL_AFTER_POINTS.fullmatch(gap) and not _year_like(b):
            _take_points(b)
    _lists_share_units(text, mentions)
    _parallel_conversions(text, mentions)
    _parallel_clauses(text, mentions)
    _rates_carried_forward(text, mentions)


def _lists_share_units(text: str, mentions: list[dict]) -> None:
    """'300, 350 and 420 metres', '5, 10 or 15 years': the unit written once at the end of a list covers every
    item. The pair loop gives it only to the last bare item; walked from the end, it travels back along the commas."""
    for a, b in reversed(list(zip(mentions, mentions[1:]))):
        if a["unit"] is None and b["unit"] is not None and a["digits"] and b["digits"] and not a.get("is_range") \
                and not b.get("is_range") and text[a["end"]:b["start"]].strip() == "," \
                and not _year_like(a) and not _year_like(b) and _comparable(a, b, 100):
            _take_unit(a, b)


# What joins a rate to a later price that the rate's denominator covers: "$3.40 a gallon in May, up from $3.10";
# "$300 an acre in 2010 and $350 now"; "$40 per hour, against $35"
_RATE_CARRY = read_lexicon("units")["rate_carry_before"]
RATE_CARRY_BEFORE = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, _RATE_CARRY["words"])) + r")|,)\s+"
                               r"(?:(?:" + "|".join(map(re.escape, _RATE_CARRY["approximators"])) + r")\s+)?$", re.I)
RATE_CARRY_GAP = 60  # characters: a rate set once covers the figures of its own comparison, not a paragraph


def _rates_carried_forward(text: str, mentions: list[dict]) -> None:
    """A price stated as a rate and a later bare price of the same currency in its sentence, set against it,
    are in the same rate: the denominator is written once for the run of figures. Years between are skipped."""
    for i, a in enumerate(mentions):
        if not a["unit"] or "/" not in a["unit"] or a.get("is_range") or a["kind"] not in ("money", "rate"):
            continue
        b = next((m for m in mentions[i + 1:] if not _year_like(m)), None)
        if b is None or b["unit"] != a["unit"].split("/")[0] or not b["digits"] or b.get("is_range") \
                or b["scaled"] != a["scaled"] or not _comparable(b, a, 4) or not _ends_bare(text, b):
            continue
        gap = text[a["end"]:b["start"]]
        if len(gap) <= RATE_CARRY_GAP and not SENTENCE_BREAK.search(gap) and RATE_CARRY_BEFORE.search(gap):
            _take_rate(b, a)


DIMENSIONS_GAP = re.compile(r"\s*-?\s*by\s*-?\s*", re.I)
DELTA_TO_LEVEL_GAP = re.compile(r"\s*,?\s*(?:to|from)\s+(?:(?:about|around|roughly|nearly|almost|some|just)\s+)?", re.I)
FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|roughly|nearly|almost|some|just|an\s+estimated)\s+)?$", re.I)
# What may follow a figure that stands bare, with no noun or unit of its own: the clause ends or goes on to a time,
# place or comparison ("the lowest is 74.", "to 1,333.18, on turnover", "to 24 for SUVs")
BARE_END = re.compile(r"\s*(?:[.,;:!?)]|$|(?:and|or|but|while|whereas|for|in|on|at|last|this|next|from|as|after|before|since|"
                      r"by|when|during|over|under|compared|versus|with|according|until|between|among|than|a|an|the|now|today|currently|"
                      r"previously)\b)", re.I)
_SIBLING = read_lexicon("units")["sibling_carry"]
GOVERNING_WORD = re.compile(r"\b(?P<word>" + "|".join(_SIBLING["governing_words"]) + r")\s+"
                            r"(?:(?:a\s+close|an?\s+(?:record|high|low))\s+of\s+|(?:end|close|finish|settle)\s+(?:at|to)\s+)?$", re.I)
LEVEL_WORDS = {"to": "to", "at": "to"}  # "ended at 1,463 points, while Y rose to 1,334": both name the level
CONTRAST_WORD = re.compile(r"\b(?:" + "|".join(_SIBLING["contrast_words"]) + r")\b", re.I)
SENTENCE_BREAK = re.compile(r"[.!?;]\s+[A-Z\"\u201c]|\n")


def _ends_bare(text: str, m: dict) -> bool:
    return BARE_END.match(text, m["end"]) is not None


def _comparable(bare: dict, donor: dict, factor: float) -> bool:
    """The two figures are of one order of magnitude (within ``factor``), as written: a unit only carries between
    figures that could measure the same kind of thing."""
    v = abs(bare["value"] if bare["value"] is not None else (bare["low"] or 0.0))
    d = abs(_unscaled(donor))
    return v > 0 and d > 0 and d / factor <= v <= d * factor


def _rate_of(rate: dict, plain: dict) -> bool:
    """``rate`` is a rate ('USD/barrel') whose numerator is ``plain``'s unit ('USD')."""
    return bool(rate["unit"]) and bool(plain["unit"]) and "/" in rate["unit"] and "/" not in plain["unit"] \
        and rate["unit"].split("/")[0] == plain["unit"] and not rate.get("is_range") and not plain["multiple_word"]


def _take_rate(plain: dict, rate: dict) -> None:
    plain["unit"], plain["dimension"], plain["kind"] = rate["unit"], rate["dimension"], rate["kind"]


def _governing_word(text: str, m: dict) -> Optional[str]:
    start = m["bound_span"][0] if m.get("bound_span") else m["start"]
    found = GOVERNING_WORD.search(text[max(0, start - 24):start])
    return LEVEL_WORDS.get(found.group("word").lower(), found.group("word").lower()) if found else None


def _parallel_clauses(text: str, mentions: list[dict]) -> None:
    """'The highest forecast is 84.75 cents, while the lowest is 74.07'; 'X climbed 0.1% to 1,463 points, while Y
    lost 1% to 1,334': a bare figure after the same governing word as an earlier figure of its sentence, the clauses
    joined by a contrast or coordination word, is in that figure's unit. The nearest such figure decides."""
    for j, b in enumerate(mentions):
        word = _governing_word(text, b)
        if b["unit"] is not None or word is None or not b["digits"] or b["multiple_word"] or _year_like(b) \
                or b.get("streak") or not _ends_bare(text, b):
            continue
        for a in reversed(mentions[:j]):
            gap = text[a["end"]:b["start"]]
            if SENTENCE_BREAK.search(gap):
                break
            if _governing_word(text, a) != word:
                continue
            if a["unit"] is not None and not a["multiple_word"] and not a["fraction"] and CONTRAST_WORD.search(gap) \
                    and _comparable(b, a, 10):
                _take_points(b) if _index_points(a) else _take_unit(b, a)
            break


def _parallel_conversions(text: str, mentions: list[dict]) -> None:
    """'2,435,000 yen ($22,480) for the manual and 2,380,000 ($21,972) for the CVT': a bare figure with a bracketed
    conversion is in the currency of an earlier figure of its sentence converted the same way."""
    def converted(k: int) -> Optional[str]:
        m, nxt = mentions[k], mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt is None or nxt["unit"] is None or not re.fullmatch(r"\s*\(\s*", text[m["end"]:nxt["start"]]):
            return None
        return nxt["unit"] if re.match(r"\s*\)", text[nxt["end"]:]) else None

    for j, b in enumerate(mentions):
        into = converted(j) if b["unit"] is None and b["digits"] and not _year_like(b) else None
        if into is None:
            continue
        for i in range(j - 1, -1, -1):
            a = mentions[i]
            if SENTENCE_BREAK.search(text[a["end"]:b["start"]]):
                break
            if a["kind"] == "money" and a["unit"] != into and converted(i) == into:
                _take_unit(b, a)
                break


def _levels_after_points_and_percent(text: str, mentions: list[dict]) -> None:
    """An index's move in points and in percent, then its level: the level is in points too."""
    for move, pct, level in zip(mentions, mentions[1:], mentions[2:]):
        if _index_points(move) and pct["unit"] == "%" and level["unit"] is None and not _year_like(level) \
                and PERCENT_OF_MOVE_GAP.fullmatch(text[move["end"]:pct["start"]]) \
                and LEVEL_AFTER_POINTS.fullmatch(text[pct["end"]:level["start"]]):
            _take_points(level)


def _index_points(m: dict) -> bool:
    return m["unit"] in ("pp", "point") and (m["unit_text"] or "").lower() == "points" and not m.get("is_range")


def _take_points(level: dict) -> None:
    """The level of an index whose move is written in points is in points too."""
    level["unit"], level["dimension"], level["unit_text"] = "point", "points", None
    level["kind"] = _kind("point", "points")


CENTS_TEXT = re.compile(r"cents?|pence|penny|p|\u00a2", re.I)  # "p": pence glued, "rose to 120p from 95"


def _take_unit(bare: dict, donor: dict, scale: bool = True) -> None:
    bare["unit"], bare["dimension"], bare["kind"] = donor["unit"], donor["dimension"], donor["kind"]
    bare["unit_text"] = donor["unit_text"]
    donor_value = donor["value"] if donor["value"] is not None else donor["low"]  # a range: its low end as written
    if scale and donor["scaled"] and not bare["scaled"] and bare["value"] is not None:
        bare["value"] *= donor_value / _unscaled(donor) if donor_value else 1.0
    elif CENTS_TEXT.fullmatch((donor["unit_text"] or "").strip()) and bare["value"] is not None:
        bare["value"] /= 100.0  # "84.75 cents, while the lowest is 74.07": cents too, the currency at /100


def _year_like(m: dict) -> bool:
    v = m["value"]
    return v is not None and m["digits"] and float(v).is_integer() and 1600 <= v <= 2100 and "," not in m["text"]


_ORDINALS = {word.lower(): int(n) for word, n in read_lexicon("ordinals")["words"].items()}
_STREAK = re.compile(
    r"\b(?P<ord>\d+(?:st|nd|rd|th)|" + "|".join(map(re.escape, _ORDINALS)) + r")\s+(?:consecutive|straight|successive)\s+"
    r"(?P<unit>year|month|week|day|quarter|season)s?\b", re.I)


_REPEAT_ORDINAL = r"(?P<ord>(?:[2-9]|\d\d+)(?:st|nd|rd|th)|" + "|".join(re.escape(w) for w in _ORDINALS if w != "first") + r")"
# "for the third time in four weeks", "the third time this year that": a running count of events ("first" states
# novelty, not a quantity); "for the third year, X names", "the second year that agencies reported": a streak of
# years, though not "the second year of the plan", which names a position
_RUNNING_COUNT = re.compile(r"\b(?:for\s+)?the\s+" + _REPEAT_ORDINAL + r"\s+(?P<unit>time)\b(?!\s+(?:of|around|slot|zone)\b)", re.I)
_YEAR_STREAK = re.compile(r"\b(?:(?<=for the )|(?<=For the ))" + _REPEAT_ORDINAL + r"\s+(?P<unit>year|month|week|day|season)\b"
                          r"(?!\s+of\b|-)|\bthe\s+" + _REPEAT_ORDINAL.replace("?P<ord>", "?P<ord2>")
                          + r"\s+(?P<unit2>year|month|week|day|season)\s+(?=(?:that|in\s+a\s+row|running)\b)", re.I)


def _ordinal_value(word: str) -> float:
    word = word.lower()
    return float(re.match(r"\d+", word).group(0)) if word[0].isdigit() else float(_ORDINALS[word])


def _streaks(text: str) -> list[dict]:
    """'the 29th consecutive month', 'a fourth straight year', 'for the third year': an ordinal that states how long
    a run has lasted; 'for the second time': how often something has happened (a count, unit null)."""
    found = [(m, m.group("ord"), m.group("unit"), m.start("ord")) for m in _STREAK.finditer(text)]
    found += [(m, m.group("ord") or m.group("ord2"), m.group("unit") or m.group("unit2"), m.start("ord") if m.group("ord") else m.start("ord2"))
              for m in _YEAR_STREAK.finditer(text)]
    found += [(m, m.group("ord"), m.group("unit"), m.start("ord")) for m in _RUNNING_COUNT.finditer(text)]
    out, taken = [], []
    for m, word, unit_word, start in sorted(found, key=lambda f: f[3]):
        end = m.end("unit") if m.group("unit") else m.end("unit2")
        if any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        unit = None if unit_word.lower() == "time" else unit_word.lower()
        out.append({
            "start": start, "end": end, "text": text[start:end], "core_start": start, "core_end": start + len(word),
            "value": _ordinal_value(word), "low": None, "high": None, "bound": "=", "bound_span": None,
            "unit": unit, "unit_text": unit_word, "dimension": "duration" if unit else "count",
            "kind": "duration" if unit else "count",
            "multiple_word": False, "fraction": False, "digits": word[0].isdigit(), "scaled": False, "streak": True,
        })
    return out


def _merge_compound_durations(text: str, mentions: list[dict], lex: UnitLexicon) -> list[dict]:
    """'3 hours 12 minutes and 8 seconds' is one duration, in its smallest unit."""
    from .units import base_conversion

    out: list[dict] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev["kind"] == "duration" and m["kind"] == "duration" and prev["value"] is not None \
                and not prev.get("modified") and not m.get("modified") \
                and m["value"] is not None and re.fullmatch(r"\s*(?:,|and|,\s*and)?\s*", text[prev["end"]:m["start"]]):
            big, small = base_conversion(prev["unit"]), base_conversion(m["unit"])
            if big and small and big[0] > small[0]:
                merged = dict(m)
                merged.update({"start": prev["start"], "text": text[prev["start"]:m["end"]], "core_start": prev["core_start"],
                               "value": prev["value"] * big[0] / small[0] + m["value"], "bound": prev["bound"],
                               "bound_span": prev["bound_span"]})
                out[-1] = merged
                continue
        out.append(m)
    return out
