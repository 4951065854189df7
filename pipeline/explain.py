"""``newsclaims explain``: every figure of a text with each ranked slot's candidates, scores and proposers."""
from __future__ import annotations

from typing import Any, Optional

from spacy.language import Language

# The ranked slots, in the order they are printed.
RANKED_SLOTS = ("date", "who", "what")


def explain(nlp: Language, text: str, *, published: Optional[str] = None) -> list[dict[str, Any]]:
    """One record per figure: its mention and, per ranked slot, the scored candidates, best first."""
    from newsclaims.api import make_doc
    from newsclaims.normalize.masking import mask_non_prose

    builder = nlp.get_pipe("newsclaims_claims")
    with nlp.select_pipes(disable=[builder.name]):
        doc = nlp(make_doc(nlp, mask_non_prose(text), doc_id="explain", published=published))
    out = []
    for claim, ranked in builder.build_ranked(doc):
        out.append({"text": claim.text, "span": claim.span, "value": claim.value, "low": claim.low,
                    "high": claim.high, "unit": claim.unit,
                    "slots": {slot: [s.to_dict() for s in ranked[slot]] for slot in RANKED_SLOTS if slot in ranked}})
    return out


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
