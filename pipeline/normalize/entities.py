"""Spellings of one entity -> one key, for ``who_norm`` and ``source_norm`` (``GROUP BY who_norm``).

This is normalisation, not entity linking: a name is folded by rule (case, accents, punctuation, the periods of
abbreviations, a leading "the", a trailing possessive) and then looked up, as a whole, in the alias lexicon
``models/lexicon/entity_aliases.json``. A name the lexicon lists becomes its entity's key ("U.S.", "US",
"the United States" and "America" all become ``united states``); any other name becomes its own folded form
("The Henry Hub" and "Henry Hub" both become ``henry hub``). Nothing is looked up inside a longer name
("Bank of America" stays ``bank of america``), no name is guessed from context, and two different entities that
share a spelling are not told apart.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from newsclaims.resources import model_path

ALIASES_PATH = model_path("lexicon", "entity_aliases.json")

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}|(?<![^\W\d_])[^\W\d_]\.(?=[^\W\d_]\b)")  # U.S. U.S
_POSSESSIVE = re.compile(r"(?<=\w)'s?$", re.IGNORECASE)
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_NOT_NAME = re.compile(r"[^\w&+]+")  # '&' and '+' name things (AT&T, OPEC+); other punctuation separates words
_LEADING_ARTICLE = re.compile(r"^(?:the\b\s*)+", re.IGNORECASE)


def entity_key(name: Optional[str]) -> Optional[str]:
    """The folded form of a name: lower case, no accents, abbreviation periods dropped (U.S. -> us), a trailing
    possessive dropped (the Fed's -> fed), other punctuation as spaces, no leading "the". None if nothing is left."""
    if name is None:
        return None
    text = _APOSTROPHE.sub("", _core(name))
    text = _fold(text)
    text = " ".join(_NOT_NAME.sub(" ", text).replace("_", " ").split())
    text = _LEADING_ARTICLE.sub("", text)
    return text or None


def _fold(text: str) -> str:
    """Lower case without accents (Société -> societe): spellings differ in both."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _surface(name: str) -> str:
    """The name with one spelling of quotes and without the punctuation around it ('"Reuters",' -> 'Reuters')."""
    return unicodedata.normalize("NFKC", name).translate(_QUOTES).strip().strip(".,;:!?\"()[]{}").strip()


def _core(name: str) -> str:
    """The name as written without abbreviation periods, a leading "the" and a trailing possessive
    ("the U.K.'s" -> "UK")."""
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), _surface(name))
    return _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text))


def written_in_capitals(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class EntityAliases:
    """Folded alias -> the entity's key. Aliases written in capitals ("US", "WHO") match only names written in
    capitals, so the pronouns "us" and "who" stay themselves."""

    any_case: Mapping[str, str]
    capitals_only: Mapping[str, str]

    @classmethod
    def from_data(cls, data: Mapping[str, object]) -> "EntityAliases":
        any_case: dict[str, str] = {}
        capitals_only: dict[str, str] = {}
        for canonical, aliases in data["entities"].items():  # type: ignore[union-attr]
            key = entity_key(canonical)
            for alias in [canonical, *aliases]:
                table = capitals_only if written_in_capitals(alias) else any_case
                folded = entity_key(alias)
                if table.get(folded, key) != key:
                    raise ValueError(f"entity alias {alias!r} names both {table[folded]!r} and {key!r}")
                table[folded] = key
        return cls(any_case, capitals_only)

    def canonical(self, name: Optional[str]) -> Optional[str]:
        """The entity key of ``name``: its lexicon entity's, else its own folded form (None for None or '')."""
        folded = entity_key(name)
        if folded is None:
            return None
        if folded in self.any_case:
            return self.any_case[folded]
        if folded in self.capitals_only and written_in_capitals(_core(name or "")):
            return self.capitals_only[folded]
        return folded


@functools.lru_cache(maxsize=4)
def load_entity_aliases(path: Path = ALIASES_PATH) -> EntityAliases:
    """The alias lexicon, read once per process and path."""
    return EntityAliases.from_data(json.loads(Path(path).read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=65536)
def canonical_entity(name: Optional[str]) -> Optional[str]:
    """``who_norm``/``source_norm`` of a who or source with the project's lexicon (see the module docstring)."""
    return load_entity_aliases().canonical(name)
