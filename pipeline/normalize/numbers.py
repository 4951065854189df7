"""Numbers as news writes them: digits with separators, scale words, number words, fractions."""
from __future__ import annotations

import math
import re
from typing import Optional

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Scale words multiply what precedes them; abbreviations are the forms wire copy uses.
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "mil": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tln": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
    # South Asian scale words: Indian and Pakistani copy writes "Rs 1,200 crore", "2 lakh people"
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Fractions are shares (the guidelines write "half" as 50 %), so they return percent values.
FRACTION_WORDS = {
    "half": 50.0, "halves": 50.0, "third": 100 / 3, "thirds": 100 / 3,
    "quarter": 25.0, "quarters": 25.0, "fourth": 25.0, "fourths": 25.0, "fifth": 20.0, "fifths": 20.0,
    "tenth": 10.0, "tenths": 10.0,
}
COUNT_WORDS = {"dozen": 12, "dozens": 12, "score": 20, "pair": 2, "couple": 2}
MULTIPLE_WORDS = {
    "doubled": 2, "double": 2, "doubling": 2, "doubles": 2,
    "tripled": 3, "triple": 3, "tripling": 3, "triples": 3, "trebled": 3,
    "quadrupled": 4, "quadruple": 4, "quadrupling": 4, "quintupled": 5,
    "halved": 0.5, "halving": 0.5,
    "twice": 2, "thrice": 3, "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10,
}

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$")
_SUFFIXED = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|mn|mln|mil|bn|b|bln|tn|trn|tr)$", re.I)
_DECIMAL_COMMA = re.compile(r"^[+-]?\d{1,3},\d{1,2}$")  # never a thousands separator: that takes three digits
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-"})


_SCIENTIFIC = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s?[\u00d7x*]\s?10\s?(?:\^|\*\*)?([+-]?\d+)$")


def parse_digits(text: str) -> Optional[float]:
    """'45,000' -> 45000.0, '1.5' -> 1.5, '-3' -> -3.0, '1.99×10−30' -> 1.99e-30; None when not a numeral."""
    text = text.strip().translate(_MINUS).replace("\u00a0", "").replace("\u202f", "")
    sci = _SCIENTIFIC.match(text)
    if sci:
        try:
            value = float(sci.group(1)) * 10.0 ** int(sci.group(2))
        except OverflowError:
            return None
        return value if math.isfinite(value) else None
    if _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")  # "42,7": the text's decimal point, as the guidelines read it
    elif not _DIGITS.match(text):
        return None
    value = float(text.replace(",", ""))
    return value if math.isfinite(value) else None


def parse_word_number(text: str) -> Optional[float]:
    """'seven' -> 7, 'twenty-five' -> 25, 'three hundred' -> 300, 'a dozen' -> 12, 'one and a half' -> 1.5,
    'five point four' -> 5.4 (the spoken decimals of broadcast copy)."""
    lowered = text.lower().strip()
    if re.search(r"\bpoint\b", lowered):
        whole, _, frac = re.split(r"[\s-]+(point)[\s-]+", lowered, maxsplit=1)
        digits = {"zero": "0", "oh": "0", **{k: str(v) for k, v in UNITS_WORDS.items() if v < 10}}
        frac_digits = [digits.get(w) for w in re.split(r"[\s-]+", frac)]
        head = parse_word_number(whole)
        if head is None or None in frac_digits:
            return None
        return float(f"{int(head)}.{''.join(frac_digits)}")
    words = re.split(r"[\s\-]+", lowered)
    words = [w for w in words if w and w != "and"]
    if len(words) > 2 and words[-1] == "half" and words[-2] in ("a", "one"):
        words = words[:-2] + ["half"]  # "one-and-one-half" is one and a half
    if words and words[0] in ("a", "an"):
        words = ["one"] + words[1:]
    words = [w for i, w in enumerate(words) if not (w in ("a", "an") and i + 1 < len(words) and words[i + 1] == "half")]
    if not words:
        return None
    total, current, seen, last_scale = 0.0, 0.0, False, 0.0
    for i, word in enumerate(words):
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in ("thousand", "million", "billion", "trillion"):
            scale = SCALE_WORDS[word]
            if total > 0 and last_scale < scale:
                # long scale in broadcast copy: a larger scale word multiplies all before it, "nine thousand
                # million" is 9e9, "two thousand seven hundred million" 2.7e9
                total = (total + current) * scale
            else:
                total += (current or 1) * scale
            current, last_scale = 0, scale
        elif word in COUNT_WORDS:
            current = (current or 1) * COUNT_WORDS[word]
        elif word == "half" and i == len(words) - 1 and seen:
            current += 0.5
        else:
            digits = parse_digits(word)
            if digits is None:
                return None
            current += digits
        seen = True
    return total + current


def parse_number(text: str) -> Optional[float]:
    """A number as written, scale words applied: '$17.8 trillion' is not a number, '17.8 trillion' is 1.78e13.

    Accepts digits ('45,000'), suffixed scales ('1.5bn', '3.2m'), number words ('seven',
    'a dozen') and mixtures ('2.5 million', 'five billion'). Returns None for anything else.
    """
    text = text.strip()
    if not text:
        return None
    plain = parse_digits(text)
    if plain is not None:
        return plain
    suffixed = _SUFFIXED.match(text)
    if suffixed:
        base = parse_digits(suffixed.group(1))
        return None if base is None else base * SCALE_WORDS[suffixed.group(2).lower()]
    parts = text.split()
    words_only = parse_word_number(text) if not re.search(r"\d", text) else None
    if words_only is not None:
        return words_only  # "two thousand five hundred" is 2500: the words read as a whole, not "hundred" times the rest
    if len(parts) >= 2 and parts[-1].lower() in SCALE_WORDS and len(parts[-1]) > 1:
        head = parse_number(" ".join(parts[:-1]))
        if head is not None:
            return head * SCALE_WORDS[parts[-1].lower()]
    return parse_word_number(text)


def parse_fraction(text: str) -> Optional[float]:
    """A share written as a fraction, in percent: 'half' -> 50, 'a third' -> 33.3, 'two-thirds' -> 66.7, '3 in 10' -> 30."""
    t = text.lower().strip()
    m = re.match(r"^(\d+(?:\.\d+)?|\w+) (?:in|out of|for|of(?= every))(?: every)? (\d+|\w+)$", t)
    if m:
        num, den = parse_number(m.group(1)), parse_number(m.group(2))
        return None if not num or not den else 100.0 * num / den
    words = re.split(r"[\s\-]+", t)
    if not words or words[-1] not in FRACTION_WORDS:
        return None
    head = words[:-1]
    if not head or head in (["a"], ["an"], ["one"]):
        return FRACTION_WORDS[words[-1]]
    count = parse_word_number(" ".join(head))
    return None if count is None else count * FRACTION_WORDS[words[-1]]


def parse_multiple(word: str) -> Optional[float]:
    """'tripled' -> 3, 'twice' -> 2, 'halved' -> 0.5: verbs and adverbs that state a multiple."""
    return MULTIPLE_WORDS.get(word.lower())


def is_number_word(word: str) -> bool:
    w = word.lower()
    return w in UNITS_WORDS or w in TENS_WORDS or w in ("hundred", "thousand", "million", "billion", "trillion", "dozen")
