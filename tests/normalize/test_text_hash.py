"""Table tests of `text_hash`: copies of one article hash alike, any change of words does not."""
import pytest

from newsclaims.normalize.text_hash import normalized_text, text_hash

ARTICLE = "Exports rose 4% in 2024.\n\nThe ministry said output fell."


@pytest.mark.parametrize("copy", [
    ARTICLE,
    ARTICLE.replace("\n", "\r\n"),  # Windows line endings
    "  " + ARTICLE + "\n",  # whitespace at the ends
    ARTICLE.replace(" ", "  ").replace("\n\n", "\n \n"),  # runs of spaces
    ARTICLE.replace("\n\n", "\u00a0"),  # a no-break space for the paragraph break
])
def test_copies_that_differ_in_whitespace_hash_alike(copy):
    assert text_hash(copy) == text_hash(ARTICLE)


def test_unicode_composition_does_not_matter():
    assert text_hash("Caf\u00e9 sales rose 3%.") == text_hash("Cafe\u0301 sales rose 3%.")


@pytest.mark.parametrize("changed", [
    ARTICLE.replace("4%", "5%"),  # a figure
    ARTICLE.replace("fell", "rose"),  # a word
    ARTICLE.lower(),  # case
    ARTICLE + " More.",
])
def test_a_change_in_the_words_makes_another_text(changed):
    assert text_hash(changed) != text_hash(ARTICLE)


@pytest.mark.parametrize("empty", [None, "", " \n\t "])
def test_an_empty_text_has_no_hash(empty):
    assert text_hash(empty) is None


def test_the_hash_is_32_hex_digits_of_the_normalised_text():
    digest = text_hash(ARTICLE)
    assert len(digest) == 32 and int(digest, 16) >= 0
    assert normalized_text(" a\r\n\n b ") == "a b"
