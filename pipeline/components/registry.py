"""Registered data loaders, named in config.cfg: patterns and lexicons are data files under models/.

The slot rankers (``newsclaims.slot_ranker.v1``/``.v2``) are registered beside their classes, in
:mod:`newsclaims.slots.rankers`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import srsly
from spacy.util import registry
from newsclaims.resources import models_dir

MODELS_DIR = models_dir()


@registry.misc("newsclaims.entity_patterns.v1")
def entity_patterns(path: Optional[str] = None) -> list[dict]:
    """Entity ruler patterns (agencies, companies, countries and their aliases) from JSONL."""
    return list(srsly.read_jsonl(Path(path) if path else MODELS_DIR / "patterns" / "entities.jsonl"))


@registry.misc("newsclaims.unit_lexicon.v1")
def unit_lexicon(path: Optional[str] = None) -> dict:
    """Where the unit, currency and bound lexicons live; the quantity finder reads them in initialize()."""
    return {"path": str(Path(path) if path else MODELS_DIR / "lexicon")}
