"""``newsclaims explain``: every figure of a text with each ranked slot's candidates, scores and proposers; and the
same records for every document of a corpus run (``newsclaims extract --explain FILE``, :class:`ExplainingProcess`)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Union

from spacy.language import Language

# The ranked slots, in the order they are printed.
RANKED_SLOTS = ("date", "who", "what")


def explain(nlp: Language, text: str, *, published: Optional[str] = None) -> list[dict[str, Any]]:
    """One record per figure: its mention and, per ranked slot, the scored candidates, best first."""
    from newsclaims.normalize.masking import mask_non_prose

    return _explained(nlp, mask_non_prose(text), "explain", published)


def _explained(nlp: Language, masked: str, doc_id: str, published: Optional[str]) -> list[dict[str, Any]]:
    """The records of a masked text, parsed without the claims component, whose ranking is then asked for every
    candidate (the claims themselves read only the rules' ones where the rules rank)."""
    from newsclaims.api import make_doc

    builder = nlp.get_pipe("newsclaims_claims")
    with nlp.select_pipes(disable=[builder.name]):
        doc = nlp(make_doc(nlp, masked, doc_id=doc_id, published=published))
    out = []
    for claim, ranked in builder.build_ranked(doc):
        out.append({"text": claim.text, "span": claim.span, "value": claim.value, "low": claim.low,
                    "high": claim.high, "unit": claim.unit,
                    "slots": {slot: [s.to_dict() for s in ranked[slot]] for slot in RANKED_SLOTS if slot in ranked}})
    return out


def explain_document(nlp: Language, doc_id: str, text: str, published: Optional[str] = None) -> list[dict[str, Any]]:
    """:func:`explain` for one document of a corpus, each record with its ``doc_id``. A text longer than a piece is
    explained piece by piece, as extract processes it, with its offsets moved into the whole text."""
    from newsclaims.api import PIECE_CHARS, pieces
    from newsclaims.normalize.masking import mask_non_prose

    masked = mask_non_prose(text)
    parts = [(0, masked)] if len(masked) <= PIECE_CHARS else pieces(masked)
    return [{"doc_id": doc_id, **_shifted(figure, offset)}
            for offset, part in parts for figure in _explained(nlp, part, doc_id, published)]


def _shifted(figure: dict[str, Any], offset: int) -> dict[str, Any]:
    """A piece's record with the figure's and every candidate's span moved by ``offset``."""
    if not offset:
        return figure

    def moved(span):
        return [span[0] + offset, span[1] + offset] if span is not None else None

    slots = {slot: [{**c, "span": moved(c["span"])} for c in candidates] for slot, candidates in figure["slots"].items()}
    return {**figure, "span": moved(figure["span"]), "slots": slots}


class ExplainingProcess:
    """A corpus run's process factory (:class:`newsclaims.api.PipelineProcess`) whose batch function also appends
    the explanation records of the documents it processed to ``path``, one JSON line per figure.

    The claims are computed as the plain factory computes them; the explanation parses each document once more,
    with the claims component off, so a run pays for it only when asked. A batch's records are written once its
    claims are done, so a batch the runner retries document by document is not written twice; a document whose
    explanation fails gets a record with its ``error`` and keeps its claims. One process writes the file: the
    runner must use its serial engine (the local engine with one process).
    """

    def __init__(self, process, path: Union[str, Path]) -> None:
        self.process = process
        self.path = str(path)

    def __repr__(self) -> str:
        return repr(self.process)

    def __call__(self):
        from newsclaims.api import _claims_of_docs, load

        nlp = load(self.process.config, base_model=self.process.base_model)
        batch_size, path = self.process.batch_size, self.path

        def process(documents: list) -> list:
            with nlp.memory_zone():  # as PipelineProcess: the records are plain data, nothing outlives the zone
                claims = list(_claims_of_docs(nlp, [(d.id, d.text, d.published) for d in documents],
                                              batch_size=batch_size))
                records = [r for d in documents for r in _records_of(nlp, d)]
            with open(path, "a", encoding="utf-8") as out:
                out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            return claims

        return process


def _records_of(nlp: Language, document) -> list[dict[str, Any]]:
    try:
        return explain_document(nlp, document.id, document.text, document.published)
    except Exception as exc:  # noqa: BLE001 - the explanation is a by-product: the document keeps its claims
        return [{"doc_id": document.id, "error": f"{type(exc).__name__}: {exc}"}]


def render_explanation(figures: list[dict[str, Any]]) -> str:
    """The explanation as text: a block per figure, a row per candidate, the chosen one marked '*'."""
    if not figures:
        return "no figures found\n"
    lines = []
    for fig in figures:
        lines.append(f"{fig['text']!r} [{fig['span'][0]}, {fig['span'][1]}]")
        for slot, candidates in fig["slots"].items():
            lines.append(f"  {slot:6} {'score':>6}  {'proposer':14} {'value':22} text")
            for i, c in enumerate(candidates):
                score = "-" if c["score"] is None else f"{c['score']:.3f}"
                mark = "*" if i == 0 else " "
                shown = "" if c["text"] is None else repr(c["text"])
                lines.append(f"  {mark:6} {score:>6}  {c['proposer']:14} {str(c['value']):22} {shown}")
        lines.append("")
    return "\n".join(lines) + "\n"
