"""What the who-class tests share: the who of one figure, extracted by the real pipeline, matched as the evaluator
matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words)."""
import newsclaims
from newsclaims.evaluation.compare import who_match

PUB = "2021-03-01"


def who_of(nlp, text: str, figure: str):
    claims = newsclaims.extract(text, published=PUB, doc_id="t", nlp=nlp)
    found = [c for c in claims if c.text == figure]
    assert found, f"no figure {figure!r} in {[c.text for c in claims]}"
    return found[0].who


def check(nlp, text, figure, expected):
    """``expected`` None: the claim must have no who."""
    who = who_of(nlp, text, figure)
    if expected is None:
        assert who is None, f"{figure!r}: expected no who, got {who!r}"
    else:
        assert who is not None and who_match({"who": expected}, {"who": who}), f"{figure!r}: {who!r} is not {expected!r}"


def candidates_of(nlp, text: str, figure: str) -> dict:
    """The who candidates of one figure by value, as the claims component ranks them (features included)."""
    builder = nlp.get_pipe("newsclaims_claims")
    with nlp.select_pipes(disable=[builder.name]):
        doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published=PUB))
    for claim, ranked in builder.build_ranked(doc):
        if claim.text == figure:
            return {s.candidate.value: s.candidate for s in ranked["who"]}
    raise AssertionError(f"no figure {figure!r}")
