"""Two baselines scored by the same matcher as the pipeline, so its numbers have a floor to stand on.

* ``spacy-ner``: every MONEY/PERCENT/QUANTITY/CARDINAL entity of the spaCy model is a mention, with
  no normalisation at all (every slot null). It measures mention detection alone; its slot scores
  show what "always null" earns.
* ``quantulum3``: quantulum3 run on the whole text; value as quantulum3 gives it (a range is
  averaged, as quantulum3 does), unit renamed only where the guidelines' names differ.

Each factory returns an extractor: a callable from a document dict ({id, text, meta}) to claim
dicts, the same interface :func:`newsclaims.evaluation.scoring.evaluate_system` takes.
"""
from __future__ import annotations

import functools
import warnings
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional

from .compare import DEFAULT_MODEL

NER_LABELS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
# quantulum3 unit names whose guideline name differs; every other name is kept for pint to parse.
QUANTULUM_UNITS: Mapping[str, Optional[str]] = MappingProxyType(
    {"percentage": "%", "dollar": "USD", "dimensionless": None})

Extractor = Callable[[Mapping[str, Any]], list[dict]]


def empty_claim(doc_id: str, text: str, start: int, end: int) -> dict[str, Any]:
    """A claim with only its mention: every slot null (bound too, since nothing was normalised)."""
    return {"doc_id": doc_id, "span": [start, end], "text": text[start:end], "value": None, "low": None,
            "high": None, "bound": None, "unit": None, "who": None, "what": None, "date": None,
            "change": None, "source": None}


@functools.lru_cache(maxsize=2)
def load_ner(model: str = DEFAULT_MODEL) -> Any:
    """The spaCy model with only NER (its tok2vec is internal in the small English model), once per process."""
    import spacy

    return spacy.load(model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])


def ner_claims(doc: Mapping[str, Any], nlp: Any, labels: tuple[str, ...] = NER_LABELS) -> list[dict]:
    """Every entity with a numeric label as a bare mention."""
    text = doc["text"]
    return [empty_claim(str(doc["id"]), text, ent.start_char, ent.end_char)
            for ent in nlp(text).ents if ent.label_ in labels]


def ner_baseline(nlp: Any = None) -> Extractor:
    """Extractor for the spaCy NER baseline (loads the model on first use unless one is given)."""
    return lambda doc: ner_claims(doc, nlp if nlp is not None else load_ner())


@functools.lru_cache(maxsize=1)
def load_quantulum_parser() -> Any:
    """quantulum3's parser module, imported quietly: without scikit-learn it warns once that its
    disambiguation classifier is unavailable, which says nothing about this run."""
    from newsclaims.adapters.quantulum import without_classifier

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    without_classifier()
    return parser


def quantulum_unit(name: Optional[str]) -> Optional[str]:
    """quantulum3's unit name in the guidelines' vocabulary where they differ ('percentage' -> '%')."""
    if name is None:
        return None
    return QUANTULUM_UNITS[name] if name in QUANTULUM_UNITS else name


def quantulum_claims(doc: Mapping[str, Any], parser: Any = None) -> list[dict]:
    """quantulum3 on the whole text: span, value and unit as quantulum3 gives them."""
    parser = parser if parser is not None else load_quantulum_parser()
    text, doc_id = doc["text"], str(doc["id"])
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantities = parser.parse(text)
    for q in quantities:
        start, end = q.span
        if not 0 <= start < end <= len(text):
            continue
        claim = empty_claim(doc_id, text, start, end)
        claim.update(value=float(q.value), bound="=", unit=quantulum_unit(getattr(q.unit, "name", None)))
        out.append(claim)
    return out


def quantulum_baseline() -> Extractor:
    """Extractor for the quantulum3 baseline. Bound is '=' because quantulum3 states the number as exact."""
    return lambda doc: quantulum_claims(doc)


def baseline_systems() -> dict[str, Extractor]:
    """Both baselines by report name, ready for :func:`newsclaims.evaluation.scoring.evaluate_systems`."""
    return {"spacy-ner": ner_baseline(), "quantulum3": quantulum_baseline()}
