"""Builds the bundled corpus and the gold split from the hand-annotated documents.

    python corpus/build.py                 # rebuild the files from the stored split
    python corpus/build.py --resplit       # draw the split anew (stratified, fixed seed) and store it

Sources: corpus/gold/annotated/*.json   one document each, annotated by hand per corpus/GUIDELINES.md
         corpus/gold/domains.json        the coarse domain of each document
         corpus/gold/split.json          the stored dev/test assignment and the seed that drew it
Writes:  corpus/news/news.jsonl          the documents as extractor input, each with its license and credit
         corpus/gold/dev.jsonl           tune and train on it
         corpus/gold/test.jsonl          report on it; each record says its split and domain group in meta

The split is stratified by (domain group, source kind): within each stratum the documents are shuffled with the
seed and dealt out in turn, and the side that takes a stratum's odd document alternates, so both halves cover
every domain and source kind and their sizes differ by at most one. The seed article always goes to dev: the
rules were written against it (issue 2) and the golden test pins it.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
SPLIT_FILE = GOLD / "split.json"
DOMAINS_FILE = GOLD / "domains.json"
DEFAULT_SEED = 20261202
ALWAYS_DEV = ("seed-rare-earths-solar",)


def source_kind(meta: dict) -> str:
    """Wikinews, Voice of America or a US agency's own release: the three kinds of writing in the set."""
    source = (meta.get("source") or "").lower()
    if "wikinews" in source:
        return "wikinews"
    if "voice of america" in source or "voa" in source:
        return "voa"
    return "agency"


def credit_of(meta: dict) -> str:
    """The attribution a reuser must keep: CC BY asks for the author and a link; public domain is stated."""
    license_ = meta.get("license") or ""
    if license_.startswith("cc-by"):
        return f"Wikinews, {meta.get('url')} (CC BY {license_.removeprefix('cc-by-')})"
    if license_ == "public-domain-us-gov":
        return f"{meta.get('source')}: a work of the US federal government, public domain"
    return f"{meta.get('source')} ({license_})"


def domain_groups() -> dict[str, str]:
    table = json.loads(DOMAINS_FILE.read_text(encoding="utf-8"))
    return {doc_id: group for group, ids in table.items() if not group.startswith("_") for doc_id in ids}


def draw_split(docs: list[dict], groups: dict[str, str], seed: int) -> dict[str, str]:
    strata: dict[tuple[str, str], list[str]] = {}
    for d in docs:
        if d["id"] not in ALWAYS_DEV:
            strata.setdefault((groups[d["id"]], source_kind(d["meta"])), []).append(d["id"])
    rng = random.Random(seed)
    assignment = {doc_id: "dev" for doc_id in ALWAYS_DEV if any(d["id"] == doc_id for d in docs)}
    odd_side = 0
    for key in sorted(strata):
        ids = sorted(strata[key])
        rng.shuffle(ids)
        for k, doc_id in enumerate(ids):
            assignment[doc_id] = ("test", "dev")[(k + odd_side) % 2]
        odd_side ^= len(ids) % 2
    return dict(sorted(assignment.items()))


def load_docs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((GOLD / "annotated").glob("*.json"))]


def raw_docs_not_in(docs: list[dict]) -> list[dict]:
    """The raw collection's documents not yet annotated, so a split can be drawn before annotation starts."""
    raw_dir = HERE.parent.parent / "shared" / "corpus-raw"
    have = {d["id"] for d in docs}
    out = []
    for path in sorted(raw_dir.glob("[0-9]*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw["id"] not in have:
            out.append({"id": raw["id"], "meta": {"source": raw.get("source")}})
    return out


def write_outputs(docs: list[dict], groups: dict[str, str], split: dict[str, str]) -> None:
    missing = [d["id"] for d in docs if d["id"] not in split or d["id"] not in groups]
    if missing:
        raise SystemExit(f"no split or domain group for {', '.join(missing)}: add them to domains.json and run --resplit")
    (HERE / "news").mkdir(exist_ok=True)
    with open(HERE / "news" / "news.jsonl", "w", encoding="utf-8") as news:
        for d in docs:
            m = d["meta"]
            news.write(json.dumps({"id": d["id"], "text": d["text"], "published": m.get("published"),
                                   "title": m.get("title"), "url": m.get("url"), "source": m.get("source"),
                                   "license": m.get("license"), "credit": credit_of(m), "domain": groups[d["id"]]},
                                  ensure_ascii=False) + "\n")
    for name in ("dev", "test"):
        with open(GOLD / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for d in docs:
                if split[d["id"]] == name:
                    meta = dict(d["meta"], split=name, domain_group=groups[d["id"]],
                                source_kind=source_kind(d["meta"]), credit=credit_of(d["meta"]))
                    out.write(json.dumps(dict(d, meta=meta), ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resplit", action="store_true", help="draw the dev/test split anew and store it")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed for --resplit (default %(default)s)")
    args = parser.parse_args()
    docs, groups = load_docs(), domain_groups()
    if args.resplit or not SPLIT_FILE.exists():
        split = draw_split(docs + raw_docs_not_in(docs), groups, args.seed)
        SPLIT_FILE.write_text(json.dumps({"seed": args.seed, "strata": "domain group x source kind",
                                          "assignment": split}, indent=1) + "\n", encoding="utf-8")
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["assignment"]
    write_outputs(docs, groups, split)
    for name in ("dev", "test"):
        ids = [d["id"] for d in docs if split[d["id"]] == name]
        n_claims = sum(len(d["claims"]) for d in docs if split[d["id"]] == name)
        print(f"{name}: {len(ids)} documents, {n_claims} claims, {len({groups[i] for i in ids})} domain groups")


if __name__ == "__main__":
    main()
