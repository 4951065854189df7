"""Shared helpers for the slot tests: a parsed document's date and what frames, from the real pipeline."""
from __future__ import annotations

from typing import Callable, Optional

import pytest

import newsclaims
from newsclaims.slots.date_proposers import DateFrame
from newsclaims.slots.rankers import RulesRanker
from newsclaims.slots.what_proposers import WhatFrame


@pytest.fixture(scope="session")
def frame_of(nlp) -> Callable[..., tuple[DateFrame, Callable[[str], int]]]:
    """``frame_of(text, published)`` -> (the text's DateFrame, figure index by the figure's text)."""
    builder = nlp.get_pipe("newsclaims_claims")

    def make(text: str, published: Optional[str] = "2021-03-01") -> tuple[DateFrame, Callable[[str], int]]:
        with nlp.select_pipes(disable=[builder.name]):
            doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published=published))
        frame = builder.date_frame(doc)

        def figure(mention: str) -> int:
            found = [i for i, m in enumerate(frame.mentions) if m["text"] == mention]
            assert found, f"no figure {mention!r} in {[m['text'] for m in frame.mentions]}"
            return found[0]

        return frame, figure

    return make


@pytest.fixture(scope="session")
def what_frame_of(nlp) -> Callable[[str], tuple[WhatFrame, Callable[[str], int]]]:
    """``what_frame_of(text)`` -> (the text's WhatFrame with the rules' whats set, figure index by its text)."""
    builder = nlp.get_pipe("newsclaims_claims")

    def make(text: str) -> tuple[WhatFrame, Callable[[str], int]]:
        with nlp.select_pipes(disable=[builder.name]):
            doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published="2021-03-01"))
        configured, builder.what_ranker = builder.what_ranker, RulesRanker()  # the claims' what is then the rules'
        try:
            claims = builder.build(doc)
        finally:
            builder.what_ranker = configured
        frame = WhatFrame(builder.who_frame(doc), builder.what_words, builder.what_kinds, [c.change for c in claims])
        for i, claim in enumerate(claims):  # one claim per figure, in order: the rules' what of each
            frame.rules[i] = (claim.what, claim.what_span)

        def figure(mention: str) -> int:
            found = [i for i, m in enumerate(frame.mentions) if m["text"] == mention]
            assert found, f"no figure {mention!r} in {[m['text'] for m in frame.mentions]}"
            return found[0]

        return frame, figure

    return make


@pytest.fixture(scope="session")
def nlp_v2():
    """The pipeline with the trained date ranker (newsclaims.slot_ranker.v2, the packaged weights), whatever
    config.cfg chooses: the tests of scores and of the weights' travel need the model, not the rules."""
    from newsclaims.slots.rankers import linear_ranker

    nlp = newsclaims.load()
    nlp.get_pipe("newsclaims_claims").ranker = linear_ranker()
    return nlp
