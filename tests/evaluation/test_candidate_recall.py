"""`newsclaims candidates`: per slot, the anchored figures, those with a right candidate and those the shipped
ranker gets right, counted with the evaluator's own test, on a made-up gold file whose answers are known."""
from __future__ import annotations

import json

import pytest

import newsclaims
from newsclaims.cli import RECALL_SLOTS, main
from newsclaims.evaluation.candidate_recall import SLOTS, SlotRecall, _count, candidate_recall, proposers_of
from newsclaims.evaluation.scoring import evaluate
from newsclaims.slots.candidates import Candidate
from newsclaims.training.slots import Figure

PUB = "2021-03-01"
# (id, text, [(figure, who, what, date)]): a gold value the text never says ('Zanzibar Mining', 'bananas', 1987)
# can have no right candidate; a null one always has the null candidate. 'Labor' is no figure: not anchored.
STORIES = [
    ("r0", "Ohio lost 3,000 jobs in 2020, the Labor Department said. Output was 40 tons last week.",
     [("3,000", "Ohio", "jobs", "2020"), ("40 tons", None, "bananas", "1987"), ("Labor", None, "labor", None)]),
    ("r1", "Rainfall was 30 millimetres.", [("30 millimetres", "Zanzibar Mining", "rainfall", None)]),
]
# slot -> (anchored, with a right candidate, the figures without one as (doc id, figure))
EXPECTED = {
    "who": (3, 2, [("r1", "30 millimetres")]),
    "what": (3, 2, [("r0", "40 tons")]),
    "date": (3, 2, [("r0", "40 tons")]),
}


def gold_docs() -> list[dict]:
    docs = []
    for doc_id, text, figures in STORIES:
        claims = [{"span": [text.index(f), text.index(f) + len(f)], "text": f, "value": None, "unit": None,
                   "bound": "=", "change": None, "source": None, "who": who, "what": what, "date": date}
                  for f, who, what, date in figures]
        docs.append({"id": doc_id, "text": text, "meta": {"published": PUB}, "claims": claims})
    return docs


@pytest.fixture(scope="module")
def report(nlp):
    return candidate_recall(nlp, gold_docs())


@pytest.mark.parametrize("slot", sorted(EXPECTED))
def test_right_candidates_are_counted_per_slot(report, slot):
    anchored, reachable, misses = EXPECTED[slot]
    counts = report[slot]
    assert (counts.anchored, counts.reachable) == (anchored, reachable)
    assert [(m["doc_id"], m["figure"]) for m in counts.misses] == misses
    assert all(m["candidates"] for m in counts.misses)  # the null candidate at least


@pytest.mark.parametrize("slot", sorted(EXPECTED))
def test_the_ranker_right_count_is_the_evaluators_slot_tp(nlp, report, slot):
    docs = gold_docs()
    predicted = {d["id"]: [c.to_dict() for c in newsclaims.extract(d["text"], published=PUB, doc_id=d["id"], nlp=nlp)]
                 for d in docs}
    assert report[slot].chosen_right == evaluate(docs, predicted, resamples=0).metrics[slot].tp
    assert report[slot].chosen_right <= report[slot].reachable


def figure(gold: str, *candidates: Candidate, chosen: str = "x") -> Figure:
    return Figure("d", {"text": "5%", "who": chosen}, {"who": list(candidates)}, True, {"who": gold})


def who(value, proposer, *also: str) -> Candidate:
    return Candidate("who", proposer, value, value, None, None, {f"by_{p}": 1.0 for p in (proposer, *also)})


@pytest.mark.parametrize("candidates, reachable, sole", [
    ((who("Ohio", "rules"), who("Texas", "entity")), 1, {"rules": 1}),        # one proposer offers the right one
    ((who("Ohio", "rules", "subject"), who("Texas", "entity")), 1, {}),       # two offer it: neither is needed alone
    ((who("Ohio", "rules"), who("the state of Ohio", "entity")), 1, {}),      # two right candidates, two proposers
    ((who("Texas", "rules"), who("Chile", "entity")), 0, {}),                 # no right candidate
])
def test_a_proposer_is_credited_when_it_alone_offers_the_right_candidates(comparators, candidates, reachable, sole):
    counts = SlotRecall("who")
    _count(counts, figure("Ohio", *candidates), comparators)
    assert (counts.anchored, counts.reachable, dict(counts.sole)) == (1, reachable, sole)
    assert len(counts.misses) == 1 - reachable


def test_proposers_of_a_merged_candidate_include_every_flagged_one():
    assert proposers_of(who("Ohio", "rules", "by_agent")) == {"rules", "by_agent"}


def test_the_command_prints_the_table_and_lists_the_misses(nlp, tmp_path, monkeypatch, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in gold_docs()), encoding="utf-8")
    monkeypatch.setattr(newsclaims, "load", lambda *args, **kwargs: nlp)
    out_json = tmp_path / "recall.json"
    assert main(["candidates", str(gold), "--misses", "who", "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "who: figures without a right candidate: 1" in out and "'Zanzibar Mining'" in out
    table = json.loads(out_json.read_text(encoding="utf-8"))[str(gold)]
    assert table["documents"] == 2
    assert {s: (t["anchored"], t["reachable"]) for s, t in table["slots"].items()} == \
        {s: e[:2] for s, e in EXPECTED.items()}
    (miss,) = table["slots"]["who"]["no_right_candidate"]
    marked = [c["value"] for c in miss["candidates"] if c["chosen"]]
    assert marked and set(marked) == {miss["chosen"]}  # the shipped choice is among the candidates, marked
    assert f"*{miss['chosen']!r}" in out


def test_the_command_offers_every_reported_slot_to_misses():
    assert RECALL_SLOTS == SLOTS
