"""What is not prose is blanked before tokenizing, with every offset kept."""
import pytest

from newsclaims.normalize.masking import mask_markup, mask_non_prose, mask_symbol_runs


@pytest.mark.parametrize("text, visible", [
    ("<p>Sales rose <b>6%</b>.</p><script>var x = 10;</script>", "Sales rose 6% ."),
    ("<div>A</div><!-- 7 tons --><style>.a{width:20px}</style><p>B</p>", "A B"),
    ("If x < 3 and y > 2, output rose 5%.", "If x < 3 and y > 2, output rose 5%."),  # not HTML: untouched
    ("A line <br> ends here.", "A line <br> ends here."),  # one tag is not enough to call it HTML
])
def test_markup_is_blanked_to_its_visible_words(text, visible):
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert " ".join(masked.split()) == visible


def test_block_tags_end_lines_and_words_keep_their_offsets():
    text = "<p>Output rose 5%</p><p>Prices fell</p>"
    masked = mask_non_prose(text)
    assert masked.index("Output") == text.index("Output") and masked.index("5%") == text.index("5%")
    assert "\n" in masked[masked.index("5%"):masked.index("Prices")]


@pytest.mark.parametrize("run, masked", [("%" * 100, True), ("%" * 99, False), ("-=" * 60, True), ("ab" * 100, False)])
def test_long_symbol_runs_are_blanked(run, masked):
    text = f"Sales rose 5% {run} to $3 billion."
    out = mask_symbol_runs(text)
    assert len(out) == len(text) and (run not in out) is masked and out.startswith("Sales rose 5% ")
