"""What the date-class tests share: each figure's date, extracted by the real pipeline."""
import newsclaims


def check(nlp, text: str, published, expected: dict) -> None:
    """Each figure's date; a count's mention may or may not run on to its noun ('30' or '30 seats')."""
    got = {c.text: c.date for c in newsclaims.extract(text, published=published, nlp=nlp)}
    for figure, date in expected.items():
        found = [k for k in got if k == figure or figure.startswith(k + " ")]
        assert found, (figure, got)
        assert got[found[0]] == date, (figure, got)
