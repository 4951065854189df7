"""What the change-class tests share: the change record (or the bound) of one figure, extracted by the real pipeline."""
import newsclaims

UP_DELTA = {"direction": "up", "role": "delta"}
DOWN_DELTA = {"direction": "down", "role": "delta"}
DOWN_NEW = {"direction": "down", "role": "new"}


def claim_of(nlp, text, surface):
    found = [c for c in newsclaims.extract(text, published="2024-05-02", nlp=nlp) if c.text == surface]
    assert found, f"no claim {surface!r} in {[c.text for c in newsclaims.extract(text, nlp=nlp)]}"
    return found[0]


def change_of(nlp, text, surface):
    return claim_of(nlp, text, surface).change


def bound_of(nlp, text, surface):
    return claim_of(nlp, text, surface).bound
