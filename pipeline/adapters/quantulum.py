"""quantulum3 behind a small adapter, used only for units our lexicon does not know ('275 pound-feet', '3,000 rpm').

quantulum3 is slow on whole texts and reads news prose badly (years as quantities, 'U.S.' as a
unit, ranges averaged), so it never sees a whole document: only a number and the few words after it,
and only when the word after the number is one of quantulum3's own unit surfaces.
"""
from __future__ import annotations

import functools
import logging
import re
from typing import Optional

logger = logging.getLogger(__name__)

# quantulum3 entities that news uses for real measures; 'dimensionless', 'unknown', currencies and
# time are left to our own lexicon, which knows their news forms better.
PHYSICAL_ENTITIES = {
    "length", "mass", "area", "volume", "speed", "power", "energy", "pressure", "force", "frequency",
    "temperature", "density", "electric potential", "electric current", "data storage", "data transfer rate",
    "torque", "angular velocity", "acceleration", "volumetric flow", "mass flow", "concentration", "radioactivity",
    "luminous intensity", "illuminance", "dose", "fuel economy", "charge", "capacitance", "resistance",
}


def _import_quantulum():
    """quantulum3 warns at import that its optional classifier is missing; we do not use the classifier."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Classifier dependencies not installed")
        from quantulum3 import load, parser
    without_classifier()
    return load, parser


def without_classifier() -> None:
    """Keep quantulum3 on its heuristic disambiguation even where scikit-learn is installed (the ``train`` and
    ``test`` extras): its classifier is a pickle built with another scikit-learn, and the figures must not
    depend on which extras are installed."""
    from quantulum3 import classifier

    classifier.USE_CLF = False


@functools.lru_cache(maxsize=1)
def _surfaces() -> frozenset:
    load, _ = _import_quantulum()

    units = load.units("en_US")
    return frozenset(units.surfaces) | frozenset(units.symbols) | frozenset(units.surfaces_lower) | frozenset(units.symbols_lower)


class QuantulumAdapter:
    """``unit_after(number_text, following_text)`` -> (unit, unit surface) or None."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled
        if enabled:
            self._warm()

    def _warm(self) -> None:
        """quantulum3 compiles its large unit pattern on first parse: pay that at load, not in the first batch."""
        try:
            _surfaces()
            _import_quantulum()[1].parse("5 kg", lang="en_US")
        except Exception as exc:  # quantulum3's data failed to load: every lookup then answers None
            logger.debug("quantulum3 failed to load: %s", exc)

    def knows_surface(self, word: str) -> bool:
        if not self.enabled or not word or not re.search(r"[A-Za-z]", word):
            return False
        try:
            return word in _surfaces() or word.lower() in _surfaces()
        except Exception:  # quantulum3's data failed to load: work on without it
            return False

    def unit_after(self, number_text: str, following: str) -> Optional[tuple[str, str]]:
        """The unit in the one word after the number, read by quantulum3 alone on that window."""
        if not self.enabled:
            return None
        word = following.split(maxsplit=1)[0] if following.strip() else ""
        if not self.knows_surface(word.strip(".,;:)")):
            return None
        following = word.strip(".,;:)")
        window = f"{number_text} {following}"
        try:
            _, parser = _import_quantulum()
            quantities = parser.parse(window, lang="en_US")
        except Exception as exc:  # quantulum3 raises KeyError/ValidationError on odd strings (#152, #198)
            logger.debug("quantulum3 failed on %r: %s", window, exc)
            return None
        for q in quantities:
            entity = getattr(q.unit.entity, "name", "")
            if q.span[0] != 0 or entity not in PHYSICAL_ENTITIES:
                continue
            surface = window[len(number_text):q.span[1]].strip()
            if not surface or not following.startswith(surface) or re.search(r"[A-Z]\.", surface):
                continue  # 'U.S.' and other abbreviations with dots are never units
            return _canonical(q.unit), surface
        return None

    def __getstate__(self) -> dict:
        return {"enabled": self.enabled}


def _canonical(unit) -> str:
    """Prefer a symbol pint can read; fall back to quantulum3's unit name."""
    from newsclaims.normalize.units import base_conversion

    for candidate in (getattr(unit, "symbols", None) or []) + [unit.name.replace(" ", "_")]:
        if candidate and base_conversion(candidate) is not None:
            return candidate
    return unit.name
