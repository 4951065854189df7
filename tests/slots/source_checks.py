"""What the source-class tests share: the claim of one figure, extracted by the real pipeline, found by its text or
by the first words of a longer figure text ('300 homes' names the figure '300')."""
import newsclaims


def claim_of(nlp, text: str, figure: str, published=None):
    claims = {c.text: c for c in newsclaims.extract(text, published=published, nlp=nlp)}
    found = [k for k in claims if k == figure or figure.startswith(k + " ")]
    assert found, f"no figure {figure!r} in {list(claims)}"
    return claims[found[0]]
