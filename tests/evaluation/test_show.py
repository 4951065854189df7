"""`newsclaims show DOC_ID RUN`: a real small run, its claims' spans marked by displaCy in the document's text,
the text taken from the run (keep_text), from the inputs its manifest names, or from --text-from."""
from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsclaims.cli import main
from newsclaims.evaluation.show import (
    Mark, ShowError, claim_marks, displacy_docs, load_shown, render_marks, show_document,
)

# our own articles (not from the gold set); the input names its text field "body", so the run needs --field
ARTICLES = [
    {"id": "port-1", "published": "2025-03-14",
     "body": "Harbor volumes climb at Kestrel Bay\n\nKestrel Bay Port handled 1.4 million containers in 2024, the "
             "port authority said. Its fuel bill rose 8% to $41 million, according to the annual report."},
    {"id": "farm-2", "published": "2025-06-02",
     "body": "Greenfield Cooperative harvested 12,000 tonnes of barley last year and 12,000 tonnes of oats, its "
             "chairman said on Monday."},
]


def write_articles(path: Path) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def run_without_text(tmp_path_factory):
    """A real run (the full pipeline) over a JSONL input whose text field is 'body'; documents keep no text."""
    root = tmp_path_factory.mktemp("show-run")
    write_articles(root / "articles.jsonl")
    here = os.getcwd()
    os.chdir(root)   # inputs given relative to the folder the run is made in, as people type them
    try:
        assert main(["extract", "articles.jsonl", "-o", "run", "--field", "text=body", "-q"]) == 0
    finally:
        os.chdir(here)
    assert json.loads((root / "run" / "manifest.json").read_text())["inputs"][0]["path"] == "articles.jsonl"
    return root


@pytest.fixture(scope="module")
def run_with_text(tmp_path_factory):
    from newsclaims.api import PipelineProcess
    from newsclaims.io.runner import run_corpus

    root = tmp_path_factory.mktemp("show-run-kept")
    source = write_articles(root / "articles.jsonl")
    run_corpus([source], root / "run", process=PipelineProcess(None), progress=False, field_map={"text": "body"},
               keep_text=True)
    source.unlink()  # the text must come from the run itself
    return root / "run"


class SpanMarkup(HTMLParser):
    """Reads displaCy's span-style markup back: per token, its text, its underline slices and the labels that
    start there, each at a vertical offset (the render slot)."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: list[dict] = []
        self.stack: list[str] = []   # 'token', 'slice', 'start', 'label' or 'other' per open <span>/<div>

    def handle_starttag(self, tag: str, attrs: list) -> None:
        style = dict(attrs).get("style") or ""
        top = re.search(r"top: (-?[\d.]+)px", style)
        if tag == "span" and "display: inline-block" in style:
            kind = "token"
            self.tokens.append({"text": "", "slices": set(), "starts": []})
        elif tag == "span" and "height: 4px" in style:
            kind = "start" if "border-top-left-radius" in style else "slice"
            self.tokens[-1]["slices"].add(top.group(1))
            if kind == "start":
                self.tokens[-1]["starts"].append([top.group(1), ""])
        elif tag == "span" and self.stack and self.stack[-1] == "start":
            kind = "label"
        else:
            kind = "other"
        self.stack.append(kind)

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        where = self.stack[-1] if self.stack else None
        if where == "token":
            self.tokens[-1]["text"] += data.strip()
        elif where == "label":
            self.tokens[-1]["starts"][-1][1] += data.strip()


def marked_spans(page: str) -> dict[str, str]:
    """label -> the tokens displaCy underlines for it, read back from its span-style markup."""
    parser = SpanMarkup()
    parser.feed(page)
    spans: dict[str, list[str]] = {}
    open_at: dict[str, str] = {}   # vertical offset -> the label whose underline runs there
    for token in parser.tokens:
        open_at = {top: label for top, label in open_at.items() if top in token["slices"]}
        open_at.update({top: label for top, label in token["starts"]})
        for label in open_at.values():
            spans.setdefault(label, []).append(token["text"])
    return {label: " ".join(parts) for label, parts in spans.items()}


# --------------------------------------------------------------------------- offsets -> displaCy tokens


@pytest.mark.parametrize("text, marks", [
    ("Sales rose 5% to $3 billion.", [Mark(11, 13, "value", (1,)), Mark(17, 27, "value", (2,))]),   # mid-sentence
    ("Acme's output", [Mark(0, 4, "who", (1,))]),                                      # a span ends inside a word
    ("Headline\n\nU.S. mines grew 4%.", [Mark(10, 14, "who", (1,)), Mark(10, 20, "what", (1,))]),   # overlapping
    ("A line\nThen 7 more\n", [Mark(12, 13, "value", (1, 2))]),                        # on the second line
])
def test_marks_become_token_ranges_over_the_same_characters(text, marks):
    docs = displacy_docs(text, marks)
    seen = {}
    for doc in docs:
        for span in doc["spans"]:
            seen[span["label"]] = " ".join(doc["tokens"][span["start_token"]:span["end_token"]])
    assert seen == {m.label: " ".join(text[m.start:m.end].split()) for m in marks}
    assert " ".join(t for d in docs for t in d["tokens"]).replace(" ", "") == "".join(text.split())


def test_a_span_shared_by_claims_is_one_mark_naming_both():
    claims = [{"span": [0, 2], "who_span": [10, 14]}, {"span": [5, 7], "who_span": [10, 14], "date_span": None},
              {"span": [40, 99]}]  # past the end of the text: dropped, not drawn somewhere else
    assert claim_marks(claims, 30) == [Mark(0, 2, "value", (1,)), Mark(5, 7, "value", (2,)),
                                       Mark(10, 14, "who", (1, 2))]


def test_render_marks_is_displacy_span_markup():
    text = "Kestrel Bay Port handled 1.4 million containers."
    page = render_marks(text, [{"span": [25, 47], "who_span": [0, 16]}])
    assert 'class="spans"' in page
    assert marked_spans(page) == {"value 1": "1.4 million containers", "who 1": "Kestrel Bay Port"}


# --------------------------------------------------------------------------- a real run


def test_show_reads_the_text_from_the_inputs_of_the_manifest(run_without_text, monkeypatch):
    monkeypatch.chdir(run_without_text)   # the manifest names the input as it was given
    shown = load_shown("run", "port-1")
    assert shown.document["text"] is None and "the input" in shown.text_from and "manifest" in shown.text_from
    assert shown.text == ARTICLES[0]["body"] and len(shown.claims) >= 2
    page = show_document("run", "port-1")
    spans = marked_spans(page)
    for number, claim in enumerate(shown.claims, start=1):
        start, end = claim["span"]
        assert spans[f"value {number}"] == " ".join(shown.text[start:end].split())
        for slot in ("who", "what", "date", "source"):
            if claim.get(f"{slot}_span"):
                s, e = claim[f"{slot}_span"]
                assert " ".join(shown.text[s:e].split()) in [v for k, v in spans.items() if k.startswith(slot)]
    assert "Harbor volumes climb at Kestrel Bay" in page   # the document's text is there, headline included


def test_same_figure_twice_marks_each_claim_at_its_own_place(run_without_text, monkeypatch):
    monkeypatch.chdir(run_without_text)
    shown = load_shown("run", "farm-2")
    tonnes = [c for c in shown.claims if c["text"].startswith("12,000 tonnes")]
    assert len(tonnes) == 2 and tonnes[0]["span"] != tonnes[1]["span"]
    marks = claim_marks(shown.claims, len(shown.text))
    values = [m for m in marks if m.slot == "value" and shown.text[m.start:m.end].startswith("12,000")]
    assert [(m.start, m.end) for m in values] == [tuple(c["span"]) for c in tonnes]


def test_show_uses_the_text_the_run_kept(run_with_text):
    shown = load_shown(run_with_text, "farm-2")
    assert shown.document["text"] == ARTICLES[1]["body"] and "documents table" in shown.text_from
    assert "Greenfield Cooperative" in show_document(run_with_text, "farm-2")


def test_text_from_when_the_inputs_moved(run_without_text, tmp_path, monkeypatch, capsys):
    moved = tmp_path / "elsewhere.jsonl"
    shutil.copy(run_without_text / "articles.jsonl", moved)
    monkeypatch.chdir(tmp_path)   # the manifest's relative input path does not resolve from here
    run = str(run_without_text / "run")
    assert main(["show", "port-1", run]) == 2
    assert "--text-from" in capsys.readouterr().err
    out = tmp_path / "page.html"
    assert main(["show", "port-1", run, "--text-from", str(moved), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "(--text-from)" in page and 'class="spans"' in page
    assert main(["show", "port-1", run, "--text-from", str(moved)]) == 0
    assert capsys.readouterr().out == page   # without -o the page goes to stdout


def test_an_input_that_changed_since_the_run_is_refused(run_without_text, tmp_path):
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps(dict(ARTICLES[0], body=ARTICLES[0]["body"] + " More text.")) + "\n", encoding="utf-8")
    with pytest.raises(ShowError, match="offsets would not fit"):
        load_shown(run_without_text / "run", "port-1", text_from=[changed])


def test_an_unknown_document_names_some_that_exist(run_without_text, capsys):
    assert main(["show", "nope", str(run_without_text / "run")]) == 2
    err = capsys.readouterr().err
    assert "no document 'nope'" in err and "farm-2" in err and "port-1" in err
