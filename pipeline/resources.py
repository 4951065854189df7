"""Where the package's data lives: ``models/`` (patterns, lexicons, ranker weights, evaluation maps) and
``config.cfg``.

Both stay at the top of the repository, as the design card has them; the wheel maps ``models/`` to the
package ``newsclaims.models`` and copies ``config.cfg`` into ``newsclaims/`` (``setup.py``). Everything
reads them through :mod:`importlib.resources`, so a checkout, an editable install and an installed wheel
find the same files, whatever the working folder holds.
"""
from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path


def models_dir() -> Path:
    """The ``models/`` folder as a path on disk (spaCy and srsly read paths, not resource handles)."""
    root = files("newsclaims.models")
    if not isinstance(root, Path):  # a zipped install: no folder to hand to spaCy
        raise RuntimeError(f"newsclaims' data files must be installed as files, not inside {root}")
    return root


def model_path(*parts: str) -> Path:
    """One file or folder under ``models/``, e.g. ``model_path("lexicon", "units.json")``."""
    return models_dir().joinpath(*parts)


def read_lexicon(name: str) -> dict:
    """The JSON lexicon ``models/lexicon/NAME.json`` as data."""
    return json.loads(model_path("lexicon", f"{name}.json").read_text(encoding="utf-8"))


def config_path() -> Path:
    """The default ``config.cfg``: the wheel's copy inside the package, else the checkout's top-level file."""
    packaged = files("newsclaims") / "config.cfg"
    if isinstance(packaged, Path) and packaged.is_file():
        return packaged
    return models_dir().parent / "config.cfg"
