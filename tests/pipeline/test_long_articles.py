"""Articles longer than a piece (and than spaCy's max_length) are processed in pieces with exact offsets."""
import newsclaims
from newsclaims import api


def test_pieces_cover_the_text_and_cut_between_paragraphs():
    text = ("A paragraph with 5 tons.\n\n" * 5000) + "tail"
    parts = api.pieces(text, limit=10_000)
    assert "".join(p for _, p in parts) == text
    assert all(text[o:o + len(p)] == p for o, p in parts)
    assert all(p.endswith("\n") for _, p in parts[:-1])


def test_a_long_article_keeps_every_claim_with_exact_offsets(nlp, monkeypatch):
    monkeypatch.setattr(api, "PIECE_CHARS", 5_000)
    para = "Chile's output rose to 45,000 tons in 2024 from 38,000 tons in 2020, according to the mines ministry.\n\n"
    text = para * 200  # 18,000 characters: four pieces
    claims = newsclaims.extract(text, published="2025-11-04", doc_id="long", nlp=nlp)
    assert len(claims) == 400
    assert len({c.claim_id for c in claims}) == 400
    for c in claims:
        assert text[c.span[0]:c.span[1]] == c.text and c.doc_id == "long"
        assert text[c.date_span[0]:c.date_span[1]] == c.date_text
    assert [c.value for c in claims[:2]] == [45000, 38000]
