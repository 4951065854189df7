"""`newsclaims explain`: every figure's date candidates with scores and proposers, the chosen one first."""
import json

import newsclaims
from newsclaims.cli import main
from newsclaims.explain import explain, render_explanation

TEXT = "Sales reached $4 billion in 2020, $1 billion more than in 2019."


def test_explain_lists_each_figures_candidates_best_first(nlp_v2):
    figures = explain(nlp_v2, TEXT, published="2021-03-01")
    assert [f["text"] for f in figures] == ["$4 billion", "$1 billion"]
    dates = figures[0]["slots"]["date"]
    assert (dates[0]["proposer"], dates[0]["value"]) == ("owned", "2020")
    assert any(c["proposer"] == "null" for c in dates)
    assert [c["score"] for c in dates] == sorted((c["score"] for c in dates), reverse=True)
    claims = newsclaims.extract(TEXT, published="2021-03-01", nlp=nlp_v2)
    assert [f["slots"]["date"][0]["value"] for f in figures] == [c.date for c in claims]  # what extract chose
    text = render_explanation(figures)
    assert "'$4 billion' [14, 24]" in text and "owned" in text and "*" in text


def test_explain_on_text_without_figures(nlp):
    assert explain(nlp, "No figures here.") == []
    assert render_explanation([]) == "no figures found\n"


def test_explain_command(capsys):
    assert main(["explain", TEXT, "--published", "2021-03-01", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures[1]["slots"]["date"][0]["value"] == "2019/2020"
