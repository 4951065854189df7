"""What classes of issue 11, second round: one table per class of what error, on made-up sentences. Each row
says what the proposer or feature of the class must give."""
from types import SimpleNamespace

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsclaims.slots import what_features as F


def _parsed(words: list[str], heads: list[int]) -> Doc:
    """A hand-parsed doc (heads by index; the root heads itself), so the arcs counted do not hang on the parser."""
    deps = ["ROOT" if h == i else "dep" for i, h in enumerate(heads)]
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


# "Mayor said fares rose 5 %": said <- Mayor, said <- rose, rose <- fares, rose <- %, % <- 5
_SAID = (["Mayor", "said", "fares", "rose", "5", "%"], [1, 1, 3, 1, 5, 3])


# The path between a candidate and the figure counts the real arcs, through the sentence's root too (it once
# counted a root ancestor as 40 arcs, so a candidate beside the root looked as far as one in another clause).
@pytest.mark.parametrize("candidate, figure, arcs", [
    (0, 1, 1),  # the root's own child
    (0, 3, 2),  # two children of the root: through the root
    (0, 4, 4),  # Mayor -> said -> rose -> % -> 5
    (2, 5, 2),  # siblings below the root
    (1, 5, 2),  # the root itself, two arcs above the figure
    (4, 4, 0),  # a token to itself
])
def test_what_path_counts_real_arcs_through_the_root(candidate, figure, arcs):
    doc = _parsed(*_SAID)
    frame = SimpleNamespace(memo={})
    assert F._path_to(frame, doc[candidate], doc[figure]) == arcs
    assert F._path_to(SimpleNamespace(memo={}), doc[figure], doc[candidate]) == arcs
