"""Hostile inputs of the second hardening round (issue 14): markup that used to cost quadratic time, and runs
without whitespace too long for spaCy. Real pipeline. The bounds are on this process's CPU seconds
(time.process_time), not the wall clock, so other jobs on a shared machine do not make them fail; they are
generous (a quadratic masker took 13 s and 34 s on the 160 KB cases, measured by hand on the old code), so only a
regression to quadratic fails.
The 160 KB cases and the million-character runs are also checked in one real `newsclaims extract` run next to
good documents, as in tests/test_hostile_inputs.py."""
import base64
import itertools
import json
import random
import re
import string
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclaims
from newsclaims.cli import main
from newsclaims.normalize import masking
from newsclaims.normalize.masking import LONG_RUN_CHARS, mask_markup, mask_non_prose

PUB = "2025-11-04"
PROSE_A = "<p>Output rose 6% to 45,000 tons in 2024.</p>"
PROSE_B = "<p>Prices fell 3% in May.</p>"


@pytest.mark.parametrize("hostile", ["<script>" * 20_000, "<!--" * 40_000, ("<style>" + "x" * 10) * 9_000,
                                     "<script>" * 10_000 + "<!--" * 20_000])
def test_unclosed_hidden_blocks_mask_in_linear_time(hostile):
    text = PROSE_A + hostile + PROSE_B
    started = time.process_time()
    masked = mask_markup(text)
    assert time.process_time() - started < 5.0
    assert len(masked) == len(text) and "45,000 tons" in masked


def test_closed_blocks_are_still_blanked_after_an_unclosed_one():
    text = "<p>A 5% rise.</p><!-- never closed <script>var x = 99;</script><p>B 7 tons.</p>"
    masked = mask_markup(text)
    assert "99" not in masked and "5%" in masked and "7 tons" in masked and len(masked) == len(text)


def test_hostile_markup_article_extracts_its_figures(nlp):
    text = PROSE_A + "<script>" * 20_000 + PROSE_B
    started = time.process_time()
    claims = newsclaims.extract(text, published=PUB, nlp=nlp)
    assert time.process_time() - started < 60.0
    assert {text[c.span[0]:c.span[1]] for c in claims} >= {"6%", "45,000 tons", "3%"}


def test_a_million_characters_without_whitespace_no_longer_fails_the_article(nlp):
    rng = random.Random(0)
    blob = "".join(rng.choice(string.ascii_letters + string.digits + "+/") for _ in range(1_200_000))
    text = ("Output rose 6% to 45,000 tons in 2024. <img src='data:image/png;base64," + blob
            + "'> Prices fell 3% in May.")
    claims = newsclaims.extract(text, published=PUB, nlp=nlp)
    found = {text[c.span[0]:c.span[1]]: c for c in claims}
    assert {"6%", "45,000 tons", "3%"} <= set(found)
    assert found["3%"].span[0] == text.index("3%")


@pytest.mark.parametrize("length, blanked", [(LONG_RUN_CHARS, True), (LONG_RUN_CHARS - 1, False)])
def test_the_long_run_threshold(length, blanked):
    run = "a" * length
    text = f"Sales rose 5% {run} to $3 billion."
    masked = mask_non_prose(text)
    assert len(masked) == len(text) and (run not in masked) is blanked and "5%" in masked


GOOD = "Chile's output rose to 45,000 tons in 2024 from 38,000 tons in 2020, according to the mines ministry."
PARAGRAPH = "<p>Output rose 5% in 2024.</p>"
INTERLEAVED_UNIT = PARAGRAPH + "<script>" * 50 + "<!--" * 50
INTERLEAVED_COPIES = 160_000 // len(INTERLEAVED_UNIT)

# 160 KB each; text -> the values of its claims, sorted. Nothing closes the openings, so nothing is hidden: the
# "<script>" tags are blanked as tags and a "<!--" storm as a symbol run, and the prose around them is read.
HTML_STORMS = {
    "script-storm": ("<script>" * 20_000, []),
    "comment-storm": ("<!--" * 40_000, []),
    "script-storm-in-html": ("<p>Sales rose 6% to $5 billion.</p>" + "<script>" * 20_000 + "<p>Exports fell 3%.</p>",
                             [3, 6, 5e9]),
    "comment-storm-in-html": ("<p>Sales rose 6% to $5 billion.</p>" + "<!--" * 40_000 + "<p>Exports fell 3%.</p>",
                              [3, 6, 5e9]),
    "interleaved-storms": (INTERLEAVED_UNIT * INTERLEAVED_COPIES, [5] * INTERLEAVED_COPIES),
    # closed blocks by the thousand: their figures are hidden, the paragraphs' are not
    "closed-blocks": ("<p>Sales rose 6%.</p>" + "<script>var x = 10;</script><!-- 7 tons -->" * 3_600
                      + "<p>Exports fell 3%.</p>", [3, 6]),
}
MASK_SECONDS = 3.0  # linear masking takes milliseconds; the quadratic one took 13 s to 34 s on these texts
EXTRACT_SECONDS = 30.0

BEFORE = "Chile's output rose to 45,000 tons in 2024, according to the mines ministry.\n\n"
AFTER = "\n\nExports fell 3% to $5 billion in 2025, the ministry said.\n"
BASE64_RUN = base64.b64encode(random.Random(14).randbytes(900_000)).decode()  # 1,200,000 characters
LONG_RUNS = {
    "base64-run": BEFORE + BASE64_RUN + AFTER,
    "base64-image-in-html": f'<p>{BEFORE}</p><img src="data:image/png;base64,{BASE64_RUN}" alt="chart"><p>{AFTER}</p>',
    "long-token": BEFORE + "x" * 1_200_000 + AFTER,
}
LONG_RUN_VALUES = [3, 45000, 5e9]


def assert_exact_offsets(text, claim):
    assert text[claim["span"][0]:claim["span"][1]] == claim["text"]
    assert text[claim["sentence_span"][0]:claim["sentence_span"][1]].strip() == claim["sentence"]
    for key, span_key in (("who", "who_span"), ("what", "what_span"), ("source", "source_span"), ("date_text", "date_span")):
        if claim[span_key] is not None:
            assert text[claim[span_key][0]:claim[span_key][1]] == claim[key]


@pytest.mark.parametrize("doc_id", sorted(HTML_STORMS))
def test_masking_html_looking_text_is_linear(nlp, doc_id):
    text, values = HTML_STORMS[doc_id]
    assert len(text) >= 150_000
    started = time.process_time()
    masked = masking.mask_non_prose(text)
    assert time.process_time() - started < MASK_SECONDS
    assert len(masked) == len(text)
    claims = [c.to_dict() for c in newsclaims.extract(text, published="2025-11-04", nlp=nlp)]
    assert time.process_time() - started < EXTRACT_SECONDS
    assert sorted(c["value"] for c in claims) == values
    for c in claims:
        assert_exact_offsets(text, c)


def reference_mask_markup(text):
    """mask_markup as it was before issue 14 (one _HIDDEN.sub, quadratic on unclosed openings): the oracle."""
    if len(list(itertools.islice(masking._HTML_HINT.finditer(text), 2))) < 2:
        return text
    text = masking._HIDDEN.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    return masking._TAG.sub(masking._blank_tag, text)


MARKUP_PIECES = st.sampled_from([
    "<script>", "</script>", "</SCRIPT >", "< /script>", "<script src='a>b'>", "<ScRiPt>", "<scripts>", "</script",
    "<script", "<style a='x'>", "</style>", "<STYLE>", "</style\n>", "<noscript>", "</NoScript>", "<noscript",
    "<!--", "-->", "--", "<!-->", "<p>", "</p>", "<b>", "</b>", "<div class=x>", "<br/>", "x", "5%", " ", "\n", ">",
    "<", "\u017fcript", "<\u017fcript>", "</\u017fcript>", "<scr\u0130pt>", "</scr\u0131pt>",
])


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(MARKUP_PIECES, max_size=30))
def test_linear_masking_gives_what_the_quadratic_one_gave(pieces):
    text = "".join(pieces)
    assert masking.mask_markup(text) == reference_mask_markup(text)


def test_a_long_url_is_not_a_long_run():
    url = "https://example.com/" + "/".join(f"section-{i}" for i in range(30)) + "?utm_source=x"
    text = f"Sales rose 5% (see {url})."
    assert len(url) > 300 and masking.mask_non_prose(text) == text


@pytest.mark.parametrize("doc_id", sorted(LONG_RUNS))
def test_prose_around_a_million_character_run_comes_out_with_exact_offsets(nlp, doc_id):
    text = LONG_RUNS[doc_id]
    assert len(text) > 1_200_000 > nlp.max_length
    started = time.process_time()
    claims = [c.to_dict() for c in newsclaims.extract(text, published="2025-11-04", nlp=nlp)]
    assert time.process_time() - started < EXTRACT_SECONDS
    assert sorted(c["value"] for c in claims) == LONG_RUN_VALUES
    for c in claims:
        assert_exact_offsets(text, c)
        assert len(c["sentence"]) < 200  # the run is not part of any sentence
    [before] = [c for c in claims if c["value"] == 45000]
    [after] = [c for c in claims if c["value"] == 3]
    assert before["span"][1] < text.index(BASE64_RUN[:50] if "base64" in doc_id else "xxxx") < after["span"][0]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-2")
    inputs = folder / "in"
    inputs.mkdir()
    texts = {doc_id: text for doc_id, (text, _) in HTML_STORMS.items()} | LONG_RUNS
    # the two good documents differ by a sentence: one text under two ids would be linked as a duplicate, not processed
    records = ([{"id": "good-1", "text": GOOD + " It was filed from Denver."}] + [{"id": k, "text": t} for k, t in texts.items()]
               + [{"id": "good-2", "text": GOOD + " It was filed from Reston."}])
    # declared English, as a scraped page's <html lang="en"> says: the language guess of a page that is mostly
    # script code is not what these tests are about
    (inputs / "docs.jsonl").write_text("".join(json.dumps(r | {"published": PUB, "lang": "en"}) + "\n" for r in records),
                                       encoding="utf-8")
    out = folder / "out"
    code = main(["extract", str(inputs), "-o", str(out), "-q"])
    tables = {name: [json.loads(line) for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
              for name in ("claims", "documents", "errors")}
    return code, texts, tables


def test_the_run_over_these_inputs_has_no_failure(run):
    code, _, tables = run
    assert code == 0 and tables["errors"] == []
    assert {d["status"] for d in tables["documents"]} == {"ok"}


@pytest.mark.parametrize("doc_id", sorted(HTML_STORMS) + sorted(LONG_RUNS))
def test_each_input_keeps_its_figures_in_the_run(run, doc_id):
    _, texts, tables = run
    claims = [c for c in tables["claims"] if c["doc_id"] == doc_id]
    expected = HTML_STORMS[doc_id][1] if doc_id in HTML_STORMS else LONG_RUN_VALUES
    assert sorted(c["value"] for c in claims) == expected
    for c in claims:
        assert texts[doc_id][c["span_start"]:c["span_end"]] == c["text"]


def test_good_documents_beside_them_are_intact(run):
    _, _, tables = run
    for doc_id in ("good-1", "good-2"):
        assert sorted(c["value"] for c in tables["claims"] if c["doc_id"] == doc_id) == [38000, 45000]


def test_a_sentence_of_thousands_of_spaced_figures_is_not_cubic(nlp):
    # "5% " x 5,000 took 553 s: the what phrase walked Token.subtree (one generator per tree level) and checked every
    # token's path up to the head, on a parse that chains the figures thousands of levels deep. 5,000 take 20 s now;
    # 1,000 took 13.6 s before, 3,000 take about 8 s now, so a 60 s bound fails only on a regression.
    started = time.process_time()
    claims = newsclaims.extract("5% " * 3000, published=PUB, nlp=nlp)
    assert time.process_time() - started < 60
    assert len(claims) == 3000 and all(c.value == 5 and c.unit == "%" for c in claims)
