"""Is this article in English? newsclaims reads English only, so a corpus run reports other languages
instead of mis-parsing them (German "45.000 Tonnen" would otherwise become 45 tonnes).

The guess is cheap and deterministic: the share of letters in each script, then, for Latin-script text,
which language's frequent function words (``models/lexicon/stopwords.json``) the text uses most.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from newsclaims.resources import model_path

STOPWORDS = model_path("lexicon", "stopwords.json")
ENGLISH_CODES = {"en", "eng", "english"}
UNDETERMINED_CODES = {"und", "unknown", "xx", "mul", "zxx", "none", "null"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE_CHARS = 20_000  # the start of an article is enough, and keeps the guess cheap on a 5 MB one
_MIN_SCRIPT_LETTERS = 10  # a handful of Han or Cyrillic letters already says "not English"
_MIN_LETTERS = 40  # below this a Latin-script text is too short to tell
_MIN_WORDS = 8
_SCRIPTS = {  # the first word of a letter's Unicode name that names its script
    "LATIN": "Latin", "CYRILLIC": "Cyrillic", "GREEK": "Greek", "ARABIC": "Arabic", "HEBREW": "Hebrew",
    "CJK": "Han", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean", "DEVANAGARI": "Devanagari",
    "THAI": "Thai", "BENGALI": "Bengali", "TAMIL": "Tamil", "GEORGIAN": "Georgian", "ARMENIAN": "Armenian",
}


@dataclass(frozen=True)
class LanguageGuess:
    """``code`` is an ISO 639-1 code, a script name for non-Latin text, or None when the text is too short."""

    code: Optional[str]
    confidence: float
    english: bool
    reason: str


@functools.lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    data = json.loads(STOPWORDS.read_text(encoding="utf-8"))
    english = frozenset(data["en"])
    return {lang: frozenset(words) if lang == "en" else frozenset(words) - english
            for lang, words in data.items() if not lang.startswith("_")}


@functools.lru_cache(maxsize=4096)
def _script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    return _SCRIPTS.get(name.split(" ", 1)[0], "other")


def guess_language(text: str) -> LanguageGuess:
    """Guess whether ``text`` is English; short or mixed texts count as English (they are processed)."""
    sample = text[:_SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < _MIN_SCRIPT_LETTERS:
        return LanguageGuess(None, 0.0, True, "too little text to tell the language")
    scripts: dict[str, int] = {}
    for char in letters:
        script = _script_of(char)
        scripts[script] = scripts.get(script, 0) + 1
    if scripts.get("Latin", 0) / len(letters) < 0.5:
        main = max(sorted(scripts), key=scripts.get)
        share = scripts[main] / len(letters)
        return LanguageGuess(main, round(share, 3), False, f"{share:.0%} of its letters are in {main} script")
    if len(letters) < _MIN_LETTERS:
        return LanguageGuess(None, 0.0, True, "too little text to tell the language")
    # one-letter words ("a", "z", "T" of a timestamp) say little and are common in every language
    words = [w.lower() for w in _WORD.findall(sample) if len(w) > 1]
    if len(words) < _MIN_WORDS:
        return LanguageGuess(None, 0.0, True, "too few words to tell the language")
    scores = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in _stopwords().items()}
    best = max(sorted(scores), key=scores.get)  # sorted: ties break the same way every run
    english = scores["en"]
    if best == "en" or scores[best] < 0.12 or scores[best] < 2 * english:
        return LanguageGuess("en", round(english, 3), True, f"{english:.0%} of its words are common English words")
    return LanguageGuess(best, round(scores[best], 3), False,
                         f"{scores[best]:.0%} of its words are common {best!r} words against {english:.0%} English")


def is_english_code(code: Optional[str]) -> bool:
    """True for 'en', 'en-GB', 'en_US', 'English' (any case)."""
    if not code:
        return False
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0] in ENGLISH_CODES


def language_problem(text: str, declared: Optional[str] = None) -> Optional[str]:
    """Why a document should not be read as English, as a sentence; None when it should be read.

    A declared language (the record's ``lang`` field) decides when present; otherwise the text is guessed.
    """
    if declared and str(declared).strip() and str(declared).strip().lower() not in UNDETERMINED_CODES:
        if is_english_code(str(declared)):
            return None
        return (f"the document is declared as language {str(declared)!r}; newsclaims reads English only, "
                f"so it was not processed")
    guess = guess_language(text)
    if guess.english:
        return None
    return (f"the text looks like language {guess.code!r}, not English ({guess.reason}); newsclaims reads "
            f"English only, so it was not processed (--skip-language-check processes it anyway)")
