"""``newsclaims train-slots``: fit the date, who and what rankers (``newsclaims.slot_ranker.v2``) on gold documents.

The pipeline runs over the gold texts and proposes each figure's date, who and what candidates, as it does at run
time. A figure anchored to a gold claim gives one example per candidate and slot: positive when the candidate
matches the gold value as the evaluator matches it (a date covering the same days; a who naming the same
entity, aliases and whole-word containment included), the null candidate when the gold value is null. A what
is right when its content-lemma F1 against the gold what reaches the evaluator's threshold; of those, only the
best-scoring wordings are positives, so the model learns the closest phrasing rather than every near one. A
logistic regression per slot (scikit-learn, fixed seed, lbfgs) fits them; the file it writes is plain JSON with rounded floats and sorted keys, so the same
gold file gives the same bytes. Cross-validation holds out whole documents, since the figures of one story share
its phrasing. scikit-learn is the ``train`` extra; running the pipeline does not need it.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence, Union

from spacy.language import Language

from newsclaims.evaluation import compare, scoring
from newsclaims.evaluation.matching import align
from newsclaims.slots.candidates import Candidate
from newsclaims.slots.rankers import LinearRanker, RulesRanker

SLOTS = ("date", "who", "what")
SEED = 0
FOLDS = 5
# Inverse regularisation strength per slot. Strong, since a few hundred figures from ~50 stories are all there
# is: of C = 0.03, 0.1, 0.3, 1 and 3, 0.1 had the best 5-fold CV date accuracy on the dev split of gold v1, and
# for the who slot 0.1, the middle of the tied best 5-fold CV who accuracy on dev with the twelfth round's who
# features (C = 0.05, 0.1, 0.2, 0.3: 254, 254, 254, 253 of 320 anchored figures; the rules alone 254), and 0.1,
# the strongest of the tied best, the 5-fold CV what accuracy on the dev split of the issue 11 what work (0.519,
# 0.523, 0.523, 0.523, 0.523; the rules alone 0.500).
C_BY_SLOT = {"date": 0.1, "who": 0.1, "what": 0.1}
C = C_BY_SLOT["date"]
DECIMALS = 6


def slot_match(slot: str, gold: Optional[str], value: Optional[str]) -> bool:
    """Whether a candidate's value is the gold value: the evaluator's own per-slot test."""
    return scoring.slot_right(slot, {slot: gold}, {slot: value}, _comparators())


@functools.lru_cache(maxsize=1)
def _comparators() -> scoring.Comparators:
    return scoring.default_comparators()


def what_f1(gold: Optional[str], value: Optional[str]) -> float:
    """The evaluator's what score of a candidate: content-lemma token F1 against the gold what."""
    return compare.what_f1(gold, value, compare.load_lemmatizer())


@dataclass
class Figure:
    """One predicted figure of a gold document: its claim, its candidates per slot and, if anchored, the gold
    values per slot."""

    doc_id: str
    claim: dict
    candidates: dict[str, list[Candidate]]
    anchored: bool
    gold: dict[str, Optional[str]]

    def labels(self, slot: str) -> list[int]:
        if slot == "what":  # many wordings are right, and each is one to learn: with only the closest to the gold
            # as a positive, a right wording was taught as wrong (5-fold CV what accuracy on dev 0.703 -> 0.744)
            return [int(what_f1(self.gold.get(slot), c.value) >= compare.WHAT_F1_THRESHOLD)
                    for c in self.candidates[slot]]
        return [int(self.right(slot, c)) for c in self.candidates[slot]]

    def right(self, slot: str, candidate: Candidate) -> bool:
        return slot_match(slot, self.gold.get(slot), candidate.value)


def collect(nlp: Language, gold_docs: Sequence[dict]) -> list[Figure]:
    """Every predicted figure of the gold documents with its candidates, in document order."""
    from newsclaims.api import PIECE_CHARS, _unmasked, make_doc
    from newsclaims.normalize.masking import mask_non_prose

    builder = nlp.get_pipe("newsclaims_claims")
    figures = []
    for gold in gold_docs:
        masked = mask_non_prose(gold["text"])
        if len(masked) > PIECE_CHARS:
            raise ValueError(f"gold document {gold['id']} is longer than {PIECE_CHARS} characters")
        doc_id, published = str(gold["id"]), (gold.get("meta") or {}).get("published")
        with nlp.select_pipes(disable=[builder.name]):
            doc = nlp(make_doc(nlp, masked, doc_id=doc_id, published=published))
        ranked = builder.build_ranked(doc)
        claims = [c.to_dict() for c, _ in ranked]
        if masked != gold["text"]:
            claims = [_unmasked(c, gold["text"], masked) for c in claims]
        pairs = dict((pi, gi) for gi, pi in align(gold["claims"], claims).pairs)
        for pi, (claim, (_, slots)) in enumerate(zip(claims, ranked)):
            # in the rules' order whatever ranker the pipeline has, so v1 breaks ties as at run time
            candidates = {slot: sorted((s.candidate for s in slots[slot]), key=lambda c: -c.features["rule_rank_inverse"])
                          for slot in SLOTS}
            gi = pairs.get(pi)
            wanted = {slot: gold["claims"][gi].get(slot) for slot in SLOTS} if gi is not None else {}
            figures.append(Figure(doc_id, claim, candidates, gi is not None, wanted))
    return figures


def fit(figures: Sequence[Figure], seed: int = SEED, slot: str = "date", c: Optional[float] = None) -> dict[str, Any]:
    """A logistic model over the anchored figures' candidates: {"bias", "weights": {feature: w}, ...}."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    examples = [(cand, y) for f in figures if f.anchored for cand, y in zip(f.candidates[slot], f.labels(slot))]
    names = sorted({k for cand, _ in examples for k in cand.features})
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(examples), len(names)))
    for row, (cand, _) in enumerate(examples):
        for k, v in cand.features.items():
            x[row, index[k]] = v
    y = np.array([label for _, label in examples])
    if len(set(y.tolist())) < 2:
        raise ValueError("training needs both right and wrong candidates; the gold file gave only one kind")
    strength = C_BY_SLOT[slot] if c is None else c
    model = LogisticRegression(C=strength, solver="lbfgs", max_iter=5000, random_state=seed).fit(x, y)
    weights = {k: _rounded(w) for k, w in zip(names, model.coef_[0])}
    return {"slot": slot, "kind": "logistic", "bias": _rounded(model.intercept_[0]), "features": names,
            "weights": weights, "examples": len(examples), "positives": int(y.sum())}


def _rounded(x: float) -> float:
    return round(float(x), DECIMALS) + 0.0  # + 0.0: no '-0.0' in the file


def choose(ranker, figure: Figure, slot: str = "date") -> Candidate:
    return ranker.rank(figure.candidates[slot])[0].candidate


def accuracy(ranker, figures: Sequence[Figure], slot: str = "date") -> float:
    """Share of anchored figures whose chosen value matches the gold one."""
    anchored = [f for f in figures if f.anchored]
    right = sum(f.right(slot, choose(ranker, f, slot)) for f in anchored)
    return right / len(anchored) if anchored else 0.0


def folds_of(figures: Sequence[Figure], k: int) -> list[set[str]]:
    """Document ids in k folds: documents sorted by id, dealt round-robin (deterministic, no shuffling)."""
    ids = sorted({f.doc_id for f in figures})
    return [set(ids[i::k]) for i in range(k)]


def cross_validated(figures: Sequence[Figure], k: int, seed: int = SEED, slot: str = "date",
                    c: Optional[float] = None) -> dict[str, Any]:
    """Each fold's figures ranked by a model fitted on the other folds: {"chosen": [Candidate], "accuracy": ...}."""
    chosen: dict[int, Candidate] = {}
    for held in folds_of(figures, k):
        ranker = LinearRanker({slot: fit([f for f in figures if f.doc_id not in held], seed, slot, c)})
        for i, f in enumerate(figures):
            if f.doc_id in held:
                chosen[i] = choose(ranker, f, slot)
    anchored = [i for i, f in enumerate(figures) if f.anchored]
    right = sum(figures[i].right(slot, chosen[i]) for i in anchored)
    return {"chosen": [chosen[i] for i in range(len(figures))], "accuracy": right / len(anchored) if anchored else 0.0}


def slot_f1(gold_docs: Sequence[dict], figures: Sequence[Figure], chosen: Sequence[Candidate], slot: str = "date") -> float:
    """The evaluator's F1 for one slot of the predicted claims with the given values."""
    from newsclaims.evaluation.scoring import evaluate

    preds: dict[str, list[dict]] = {str(d["id"]): [] for d in gold_docs}
    for f, c in zip(figures, chosen):
        preds[f.doc_id].append({**f.claim, slot: c.value})
    return evaluate(gold_docs, preds, resamples=0).metrics[slot].f1 or 0.0


def date_f1(gold_docs: Sequence[dict], figures: Sequence[Figure], chosen: Sequence[Candidate]) -> float:
    return slot_f1(gold_docs, figures, chosen, "date")


def proposer_shares(figures: Sequence[Figure], slot: str = "date") -> dict[str, list[int]]:
    """For v1's choices, by proposer: [right, chosen] (what RULE_CONFIDENCE in rankers.py summarises)."""
    out: dict[str, list[int]] = {}
    for f in figures:
        if f.anchored:
            c = choose(RulesRanker(), f, slot)
            counts = out.setdefault(c.proposer, [0, 0])
            counts[0] += f.right(slot, c)
            counts[1] += 1
    return dict(sorted(out.items()))


def train_slots(gold_path: Union[str, Path], out_dir: Union[str, Path], *, nlp: Optional[Language] = None,
                folds: int = FOLDS, seed: int = SEED, log=print) -> dict[str, Any]:
    """Fit a model per ranked slot on a gold file, print rules against model (in-sample and cross-validated by
    document), write ``out_dir/<slot>.json`` (date.json, who.json, what.json) and return the models by slot."""
    import newsclaims
    from newsclaims.evaluation.gold import read_gold

    gold_docs = read_gold(gold_path)
    figures = collect(nlp or newsclaims.load(), gold_docs)
    digest = hashlib.sha256(json.dumps(gold_docs, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    models = {}
    for slot in SLOTS:
        models[slot] = train_slot(slot, gold_docs, figures, out, folds=folds, seed=seed, log=log,
                                  provenance={"gold_file": Path(gold_path).name, "gold_sha256": digest})
    return models


def train_slot(slot: str, gold_docs: Sequence[dict], figures: Sequence[Figure], out: Path, *, folds: int, seed: int,
               log, provenance: dict) -> dict[str, Any]:
    """Fit, score and write one slot's model (``out/<slot>.json``)."""
    import sklearn

    model = fit(figures, seed, slot)
    rules, trained = RulesRanker(), LinearRanker({slot: model})
    scores = {
        "rules_accuracy": accuracy(rules, figures, slot),
        f"rules_{slot}_f1": slot_f1(gold_docs, figures, [choose(rules, f, slot) for f in figures], slot),
        "train_accuracy": accuracy(trained, figures, slot),
        f"train_{slot}_f1": slot_f1(gold_docs, figures, [choose(trained, f, slot) for f in figures], slot),
    }
    if folds > 1:
        cv = cross_validated(figures, folds, seed, slot)
        scores.update({"cv_accuracy": cv["accuracy"], f"cv_{slot}_f1": slot_f1(gold_docs, figures, cv["chosen"], slot)})
    model["training"] = {
        **provenance, "documents": len(gold_docs),
        "anchored_figures": sum(f.anchored for f in figures), "folds": folds, "seed": seed, "C": C_BY_SLOT[slot],
        "solver": "lbfgs", "scikit_learn": sklearn.__version__, **{k: round(v, 4) for k, v in scores.items()},
    }
    path = out / f"{slot}.json"
    path.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    log(_summary(slot, model, proposer_shares(figures, slot), path))
    return model


def _summary(slot: str, model: dict, shares: dict[str, list[int]], path: Path) -> str:
    t = model["training"]
    f1 = f"{slot} F1"
    lines = [f"{slot} ranker: {t['documents']} documents, {t['anchored_figures']} anchored figures, "
             f"{model['examples']} candidates ({model['positives']} right), {len(model['features'])} features",
             f"{'':34}accuracy  {f1}",
             f"{'rules only (v1)':34}{t['rules_accuracy']:.3f}     {t[f'rules_{slot}_f1']:.3f}",
             f"{'model (v2), on its training docs':34}{t['train_accuracy']:.3f}     {t[f'train_{slot}_f1']:.3f}"]
    if "cv_accuracy" in t:
        label = f"model (v2), {t['folds']}-fold CV by document"
        lines.append(f"{label:34}{t['cv_accuracy']:.3f}     {t[f'cv_{slot}_f1']:.3f}")
    lines.append("v1's choices right, by proposer: " + ", ".join(f"{p} {r}/{n}" for p, (r, n) in shares.items()))
    top = sorted(model["weights"].items(), key=lambda kv: -abs(kv[1]))[:8]
    lines.append("largest weights: " + ", ".join(f"{k} {w:+.2f}" for k, w in top))
    lines.append(f"wrote {path}")
    return "\n".join(lines)
