"""``newsclaims train-slots``: fit the date ranker (``newsclaims.slot_ranker.v2``) on gold documents.

The pipeline runs over the gold texts and proposes each figure's date candidates, as it does at run time. A
figure anchored to a gold claim gives one example per candidate: positive when the candidate's date covers the
same days as the gold date (the null candidate when the gold date is null). A logistic regression (scikit-learn,
fixed seed, lbfgs) fits them; the file it writes is plain JSON with rounded floats and sorted keys, so the same
gold file gives the same bytes. Cross-validation holds out whole documents, since the figures of one story share
its phrasing. scikit-learn is the ``train`` extra; running the pipeline does not need it.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence, Union

from spacy.language import Language

from newsclaims.evaluation import compare
from newsclaims.evaluation.matching import align
from newsclaims.slots.candidates import Candidate
from newsclaims.slots.rankers import LinearRanker, RulesRanker

SLOT = "date"
SEED = 0
FOLDS = 5
# Inverse regularisation strength. Strong, since a few hundred figures from ~50 stories are all there is: of
# C = 0.03, 0.1, 0.3, 1 and 3, 0.1 had the best 5-fold CV accuracy on the dev split of gold v1.
C = 0.1
DECIMALS = 6


@dataclass
class Figure:
    """One predicted figure of a gold document: its claim, its date candidates and the gold date if anchored."""

    doc_id: str
    claim: dict
    candidates: list[Candidate]
    anchored: bool
    gold_date: Optional[str] = None

    def labels(self) -> list[int]:
        return [int(compare.date_match({"date": self.gold_date}, {"date": c.value})) for c in self.candidates]


def collect(nlp: Language, gold_docs: Sequence[dict]) -> list[Figure]:
    """Every predicted figure of the gold documents with its date candidates, in document order."""
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
            candidates = sorted((s.candidate for s in slots[SLOT]), key=lambda c: -c.features["rule_rank_inverse"])
            gi = pairs.get(pi)
            figures.append(Figure(doc_id, claim, candidates, gi is not None,
                                  gold["claims"][gi].get("date") if gi is not None else None))
    return figures


def fit(figures: Sequence[Figure], seed: int = SEED) -> dict[str, Any]:
    """A logistic model over the anchored figures' candidates: {"bias", "weights": {feature: w}, ...}."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    examples = [(c, y) for f in figures if f.anchored for c, y in zip(f.candidates, f.labels())]
    names = sorted({k for c, _ in examples for k in c.features})
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(examples), len(names)))
    for row, (c, _) in enumerate(examples):
        for k, v in c.features.items():
            x[row, index[k]] = v
    y = np.array([label for _, label in examples])
    if len(set(y.tolist())) < 2:
        raise ValueError("training needs both right and wrong candidates; the gold file gave only one kind")
    model = LogisticRegression(C=C, solver="lbfgs", max_iter=5000, random_state=seed).fit(x, y)
    weights = {k: _rounded(w) for k, w in zip(names, model.coef_[0])}
    return {"slot": SLOT, "kind": "logistic", "bias": _rounded(model.intercept_[0]), "features": names,
            "weights": weights, "examples": len(examples), "positives": int(y.sum())}


def _rounded(x: float) -> float:
    return round(float(x), DECIMALS) + 0.0  # + 0.0: no '-0.0' in the file


def choose(ranker, figure: Figure) -> Candidate:
    return ranker.rank(figure.candidates)[0].candidate


def accuracy(ranker, figures: Sequence[Figure]) -> float:
    """Share of anchored figures whose chosen date covers the gold date's days."""
    anchored = [f for f in figures if f.anchored]
    right = sum(compare.date_match({"date": f.gold_date}, {"date": choose(ranker, f).value}) for f in anchored)
    return right / len(anchored) if anchored else 0.0


def folds_of(figures: Sequence[Figure], k: int) -> list[set[str]]:
    """Document ids in k folds: documents sorted by id, dealt round-robin (deterministic, no shuffling)."""
    ids = sorted({f.doc_id for f in figures})
    return [set(ids[i::k]) for i in range(k)]


def cross_validated(figures: Sequence[Figure], k: int, seed: int = SEED) -> dict[str, Any]:
    """Each fold's figures ranked by a model fitted on the other folds: {"ranked": [Candidate], "accuracy": ...}."""
    chosen: dict[int, Candidate] = {}
    for held in folds_of(figures, k):
        ranker = LinearRanker({SLOT: fit([f for f in figures if f.doc_id not in held], seed)})
        for i, f in enumerate(figures):
            if f.doc_id in held:
                chosen[i] = choose(ranker, f)
    anchored = [i for i, f in enumerate(figures) if f.anchored]
    right = sum(compare.date_match({"date": figures[i].gold_date}, {"date": chosen[i].value}) for i in anchored)
    return {"chosen": [chosen[i] for i in range(len(figures))], "accuracy": right / len(anchored) if anchored else 0.0}


def date_f1(gold_docs: Sequence[dict], figures: Sequence[Figure], chosen: Sequence[Candidate]) -> float:
    """The evaluator's date F1 of the predicted claims with the given dates."""
    from newsclaims.evaluation.scoring import evaluate

    preds: dict[str, list[dict]] = {str(d["id"]): [] for d in gold_docs}
    for f, c in zip(figures, chosen):
        preds[f.doc_id].append({**f.claim, "date": c.value})
    return evaluate(gold_docs, preds, resamples=0).metrics["date"].f1 or 0.0


def proposer_shares(figures: Sequence[Figure]) -> dict[str, list[int]]:
    """For v1's choices, by proposer: [right, chosen] (what RULE_CONFIDENCE in rankers.py summarises)."""
    out: dict[str, list[int]] = {}
    for f in figures:
        if f.anchored:
            c = choose(RulesRanker(), f)
            counts = out.setdefault(c.proposer, [0, 0])
            counts[0] += compare.date_match({"date": f.gold_date}, {"date": c.value})
            counts[1] += 1
    return dict(sorted(out.items()))


def train_slots(gold_path: Union[str, Path], out_dir: Union[str, Path], *, nlp: Optional[Language] = None,
                folds: int = FOLDS, seed: int = SEED, log=print) -> dict[str, Any]:
    """Fit the date model on a gold file, print rules against model (in-sample and cross-validated by
    document), write ``out_dir/date.json`` and return the model."""
    import sklearn

    import newsclaims
    from newsclaims.evaluation.gold import read_gold

    gold_docs = read_gold(gold_path)
    figures = collect(nlp or newsclaims.load(), gold_docs)
    model = fit(figures, seed)
    rules, trained = RulesRanker(), LinearRanker({SLOT: model})
    scores = {
        "rules_accuracy": accuracy(rules, figures),
        "rules_date_f1": date_f1(gold_docs, figures, [choose(rules, f) for f in figures]),
        "train_accuracy": accuracy(trained, figures),
        "train_date_f1": date_f1(gold_docs, figures, [choose(trained, f) for f in figures]),
    }
    if folds > 1:
        cv = cross_validated(figures, folds, seed)
        scores.update(cv_accuracy=cv["accuracy"], cv_date_f1=date_f1(gold_docs, figures, cv["chosen"]))
    digest = hashlib.sha256(json.dumps(gold_docs, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    model["training"] = {
        "gold_file": Path(gold_path).name, "gold_sha256": digest, "documents": len(gold_docs),
        "anchored_figures": sum(f.anchored for f in figures), "folds": folds, "seed": seed, "C": C,
        "solver": "lbfgs", "scikit_learn": sklearn.__version__, **{k: round(v, 4) for k, v in scores.items()},
    }
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{SLOT}.json").write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    log(_summary(model, proposer_shares(figures), out / f"{SLOT}.json"))
    return model


def _summary(model: dict, shares: dict[str, list[int]], path: Path) -> str:
    t = model["training"]
    lines = [f"date ranker: {t['documents']} documents, {t['anchored_figures']} anchored figures, "
             f"{model['examples']} candidates ({model['positives']} right), {len(model['features'])} features",
             f"{'':34}accuracy  date F1",
             f"{'rules only (v1)':34}{t['rules_accuracy']:.3f}     {t['rules_date_f1']:.3f}",
             f"{'model (v2), on its training docs':34}{t['train_accuracy']:.3f}     {t['train_date_f1']:.3f}"]
    if "cv_accuracy" in t:
        label = f"model (v2), {t['folds']}-fold CV by document"
        lines.append(f"{label:34}{t['cv_accuracy']:.3f}     {t['cv_date_f1']:.3f}")
    lines.append("v1's choices right, by proposer: " + ", ".join(f"{p} {r}/{n}" for p, (r, n) in shares.items()))
    top = sorted(model["weights"].items(), key=lambda kv: -abs(kv[1]))[:8]
    lines.append("largest weights: " + ", ".join(f"{k} {w:+.2f}" for k, w in top))
    lines.append(f"wrote {path}")
    return "\n".join(lines)
