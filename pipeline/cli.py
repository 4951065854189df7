"""The ``newsclaims`` command: extract, evaluate, bench, sql, schema, train-slots, explain."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Optional, Sequence


def _cmd_extract(args: argparse.Namespace) -> int:
    from newsclaims.api import PipelineProcess
    from newsclaims.io.runner import run_corpus

    process = PipelineProcess(args.config, base_model=args.base_model, batch_size=args.batch_size)
    field_map = dict(kv.split("=", 1) for kv in args.field) if args.field else None
    manifest = run_corpus(
        args.inputs, args.output, process=process, n_process=args.n_process, batch_size=args.batch_size,
        shard_size=args.shard_size, formats=args.format or ["jsonl"], engine=args.engine, scheduler=args.scheduler,
        progress=not args.quiet, field_map=field_map, config_hash=process.config_hash(),
        language_check=not args.skip_language_check, doc_timeout=args.doc_timeout or None,
        date_order=args.date_order, max_file_bytes=args.max_file_bytes, max_doc_chars=args.max_doc_chars,
    )
    counts = manifest.get("counts", {})
    print(json.dumps({"output": str(args.output), **counts}), file=sys.stderr)
    # a document that is not English is reported (errors.jsonl, stage 'language') but is not a failure
    failed = counts.get("documents_failed", 0) + counts.get("read_errors", 0)
    return 1 if failed else 0


def _read_run_claims(path: Path) -> dict[str, list[dict]]:
    """Claims of a run (flattened rows of claims.jsonl) or any predictions file the evaluator reads."""
    from newsclaims.evaluation.gold import read_predictions
    from newsclaims.io.writers import unflatten_claim

    if path.is_dir():
        return read_predictions(path)  # a folder of gold-format documents, e.g. a second annotator's
    first = next((line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()), "{}")
    if "span_start" not in json.loads(first):
        return read_predictions(path)
    out: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            claim = unflatten_claim(json.loads(line))
            out.setdefault(claim["doc_id"], []).append(claim)
    return out


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from newsclaims.evaluation import report as render
    from newsclaims.evaluation.baselines import baseline_systems
    from newsclaims.evaluation.gold import read_gold
    from newsclaims.evaluation.scoring import evaluate, evaluate_systems

    gold = read_gold(args.gold)
    reports = {}
    if args.pred:
        reports[args.name] = evaluate(gold, _read_run_claims(Path(args.pred)))
    else:
        import newsclaims

        nlp = newsclaims.load(args.config, base_model=args.base_model)

        def extract(doc: dict) -> list[dict]:
            published = (doc.get("meta") or {}).get("published")
            return [c.to_dict() for c in newsclaims.extract(doc["text"], published=published, doc_id=doc["id"], nlp=nlp)]

        reports["newsclaims"] = evaluate_systems(gold, {"newsclaims": extract})["newsclaims"]
    if not args.no_baselines:
        reports.update(evaluate_systems(gold, baseline_systems()))
    print(render.render_text(reports))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(render.render_json(reports), encoding="utf-8")
    if args.markdown:
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text(render.render_markdown(reports), encoding="utf-8")
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(render.render_html(reports), encoding="utf-8")
    return 0


def _sentence_predictor(args: argparse.Namespace):
    import newsclaims

    nlp = newsclaims.load(args.config, base_model=args.base_model)

    def predict(texts: list[str]) -> list[list[dict]]:
        records = ({"id": str(i), "text": t} for i, t in enumerate(texts))
        return [claims for _, claims in newsclaims.extract_many(records, nlp=nlp, batch_size=64)]

    return predict


def _cmd_bench(args: argparse.Namespace) -> int:
    predict = _sentence_predictor(args)
    if args.benchmark == "newsquant":
        from newsclaims.evaluation.benchmarks import newsquant

        table = newsquant.run_newsquant(args.path, predict)
    else:
        from newsclaims.evaluation.benchmarks import measeval

        table = measeval.run_measeval(args.path, predict)
    print(table["text"])
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=2, default=str), encoding="utf-8")
    return 0


def _cmd_convert(args: argparse.Namespace) -> int:
    from newsclaims.evaluation.annotation_formats import (AnnotationFormatError, label_studio_to_gold, prodigy_to_gold,
                                                        read_json_or_jsonl)

    records = read_json_or_jsonl(args.input)
    try:
        docs = label_studio_to_gold(records) if args.source_format == "label-studio" else prodigy_to_gold(records)
    except AnnotationFormatError as exc:
        print(f"newsclaims: {args.input} cannot be converted:\n{exc}", file=sys.stderr)
        return 1
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {sum(len(d['claims']) for d in docs)} claims -> {args.output}", file=sys.stderr)
    return 0


def _cmd_export_label_studio(args: argparse.Namespace) -> int:
    from newsclaims.evaluation.annotation_formats import claims_to_label_studio, read_json_or_jsonl

    documents = read_json_or_jsonl(args.documents)
    claims = _read_run_claims(Path(args.pred))
    tasks = claims_to_label_studio(documents, claims, model_version=f"newsclaims-{__import__('pipeline').__version__}")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(tasks)} tasks -> {args.output} (labeling config: models/evaluation/label_studio_config.xml)", file=sys.stderr)
    return 0


def _cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from newsclaims.io.runner import UnsafeQueryError, sql_with_columns

    try:
        columns, rows = sql_with_columns(args.outdir, args.query, unsafe=args.unsafe)
    except (duckdb.Error, UnsafeQueryError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"newsclaims sql: {first_line}", file=sys.stderr)
        return 2
    print(format_rows(columns, rows, args.format), end="")
    return 0


def format_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str:
    """Query results as a table (NULL written out), CSV with a header row, or JSON Lines."""
    import csv
    import io

    if fmt == "json":
        return "".join(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n" for row in rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        return out.getvalue()
    cells = [[str(c) for c in columns]] + [["NULL" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _cmd_train_slots(args: argparse.Namespace) -> int:
    try:
        from newsclaims.training.slots import train_slots
        import sklearn  # noqa: F401
    except ImportError:
        print("newsclaims train-slots needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 2
    import newsclaims

    nlp = newsclaims.load(args.config, base_model=args.base_model)
    train_slots(args.gold, args.output, nlp=nlp, folds=args.folds, seed=args.seed)
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    import newsclaims
    from newsclaims.explain import explain, render_explanation

    nlp = newsclaims.load(args.config, base_model=args.base_model)
    figures = explain(nlp, args.text, published=args.published)
    print(json.dumps(figures, indent=1, ensure_ascii=False) if args.json else render_explanation(figures), end="")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from newsclaims.schema import schema_json

    print(schema_json())
    return 0


def _version_line() -> str:
    from importlib.metadata import PackageNotFoundError, version

    import newsclaims

    try:
        spacy_version = version("spacy")
    except PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        spacy_version = "?"
    return f"newsclaims {newsclaims.__version__} (spaCy {spacy_version}, Python {sys.version.split()[0]})"


def _cap(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    from newsclaims.io.readers import DEFAULT_MAX_DOC_CHARS, DEFAULT_MAX_FILE_BYTES

    p = argparse.ArgumentParser(prog="newsclaims", description="Typed quantitative claims from news text.",
                                epilog="exit codes: 0 all documents processed; 1 some documents failed or were skipped "
                                       "(see errors.jsonl); 2 usage error; 3 the run itself failed")
    p.add_argument("--version", action="version", version=_version_line())
    p.add_argument("--debug", action="store_true", help="show the traceback when the command fails")
    sub = p.add_subparsers(dest="command", required=True)

    def pipeline_options(q: argparse.ArgumentParser) -> None:
        q.add_argument("--config", default=None, help="config.cfg or an assembled pipeline folder (default: the project's config.cfg)")
        q.add_argument("--base-model", default=None, help="spaCy model to source tagger/parser/NER from (default: config)")

    e = sub.add_parser("extract", help="extract claims from .txt folders, JSONL(.gz), CSV, HTML or WARC into OUTDIR")
    e.add_argument("inputs", nargs="+")
    e.add_argument("-o", "--output", required=True, type=Path)
    e.add_argument("--format", action="append", choices=["jsonl", "csv", "parquet", "duckdb"],
                   help="output format (repeatable; default jsonl)")
    e.add_argument("--n-process", type=int, default=1)
    e.add_argument("--batch-size", type=int, default=32)
    e.add_argument("--shard-size", type=int, default=500)
    e.add_argument("--engine", choices=["local", "dask"], default="local")
    e.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://HOST:8786 (default: a LocalCluster)")
    e.add_argument("--field", action="append", help="input field mapping, e.g. --field text=body (repeatable)")
    e.add_argument("--skip-language-check", action="store_true",
                   help="process every document as English (by default documents that are not English are reported and skipped)")
    e.add_argument("--doc-timeout", type=float, default=60.0,
                   help="seconds a document may take, plus 1 s per 2,000 characters; 0 = no limit (default 60)")
    e.add_argument("--date-order", choices=["MDY", "DMY"], default="MDY",
                   help="how an all-numeric publication date is read: 04.11.2025 is 4 Nov 2025 under DMY and "
                        "11 Apr 2025 under MDY (the default); a date only one order can read (25.11.2025) "
                        "is read that way")
    e.add_argument("--max-file-bytes", type=_cap, default=DEFAULT_MAX_FILE_BYTES,
                   help="decompressed bytes one input file may hold; what is past it is a read error; "
                        f"0 = no limit (default {DEFAULT_MAX_FILE_BYTES:,}, 16 GiB)")
    e.add_argument("--max-doc-chars", type=_cap, default=DEFAULT_MAX_DOC_CHARS,
                   help="characters one document may have (its input may take 6 bytes per character); a longer one "
                        f"is a read error; 0 = no limit (default {DEFAULT_MAX_DOC_CHARS:,})")
    e.add_argument("-q", "--quiet", action="store_true")
    pipeline_options(e)
    e.set_defaults(func=_cmd_extract)

    v = sub.add_parser("evaluate", help="precision/recall report against a gold file")
    v.add_argument("gold")
    v.add_argument("--pred", default=None, help="saved predictions: a run's claims.jsonl, or a gold-format file or "
                                                "folder (a second annotator's work); default: run the pipeline")
    v.add_argument("--name", default="newsclaims", help="the name the report gives the predictions (with --pred), "
                                                         "e.g. --name annotator-b")
    v.add_argument("--report", default=None, help="write a self-contained HTML report here")
    v.add_argument("--json", default=None, help="write the machine-readable report here")
    v.add_argument("--markdown", default=None, help="write the Markdown report here")
    v.add_argument("--no-baselines", action="store_true", help="skip the spaCy-NER and quantulum3 baselines")
    pipeline_options(v)
    v.set_defaults(func=_cmd_evaluate)

    b = sub.add_parser("bench", help="score on an external benchmark (read in place, never copied)")
    b.add_argument("benchmark", choices=["newsquant", "measeval"])
    b.add_argument("path")
    b.add_argument("--json", default=None)
    pipeline_options(b)
    b.set_defaults(func=_cmd_bench)

    c = sub.add_parser("convert", help="Label Studio export or Prodigy JSONL -> gold JSONL")
    c.add_argument("input")
    c.add_argument("--from", dest="source_format", choices=["label-studio", "prodigy"], required=True)
    c.add_argument("-o", "--output", required=True)
    c.set_defaults(func=_cmd_convert)

    x = sub.add_parser("export-label-studio", help="a run's claims as Label Studio pre-annotations")
    x.add_argument("documents", help="the run's input JSONL (id, text, published ...)")
    x.add_argument("--pred", required=True, help="the run's claims.jsonl")
    x.add_argument("-o", "--output", required=True)
    x.set_defaults(func=_cmd_export_label_studio)

    s = sub.add_parser("sql", help="query a run's claims/documents tables with DuckDB (read-only)",
                       description="Query a run's documents, claims and errors tables with DuckDB. Only SELECT and "
                                   "EXPLAIN run, over the run's own files; --unsafe lifts that.",
                       epilog='example: newsclaims sql runs/demo "SELECT unit, count(*) FROM claims GROUP BY unit"')
    s.add_argument("outdir", help="the run's output folder")
    s.add_argument("query", help="one or more SQL statements; the last one's rows are printed")
    s.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (default; NULL written out), csv (header row) or json (one object per line)")
    s.add_argument("--unsafe", action="store_true",
                   help="full DuckDB: file access, COPY, ATTACH and extensions (off by default)")
    s.set_defaults(func=_cmd_sql)

    t = sub.add_parser("train-slots", help="fit the trained slot ranker (newsclaims.slot_ranker.v2) on a gold file",
                       epilog="example: newsclaims train-slots corpus/gold/dev.jsonl -o models/slots/")
    t.add_argument("gold", help="gold JSONL (the dev split)")
    t.add_argument("-o", "--output", required=True, type=Path, help="folder for the model files (date.json)")
    t.add_argument("--folds", type=int, default=5, help="cross-validation folds, by document (default 5; 0 = none)")
    t.add_argument("--seed", type=int, default=0)
    pipeline_options(t)
    t.set_defaults(func=_cmd_train_slots)

    xp = sub.add_parser("explain", help="each figure's slot candidates with their scores and proposers",
                        epilog='example: newsclaims explain "Sales rose 5%% to $3 billion in 2024." --published 2025-11-04')
    xp.add_argument("text")
    xp.add_argument("--published", default=None, help="publication date, YYYY-MM-DD (anchors 'last year', 'now')")
    xp.add_argument("--json", action="store_true", help="print JSON instead of a table")
    pipeline_options(xp)
    xp.set_defaults(func=_cmd_explain)

    j = sub.add_parser("schema", help="print the claim record's JSON Schema")
    j.set_defaults(func=_cmd_schema)
    return p


EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_RUN_FAILED = 0, 1, 2, 3


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Exit codes: 0 all documents processed; 1 some failed or were skipped (errors.jsonl); 2 usage error
    (argparse's own code too); 3 the run itself failed (output not writable, disk full, lock held, ...)."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        if args.command == "extract":
            print("newsclaims: interrupted; run the same command again to resume where it stopped", file=sys.stderr)
        return 130
    except FileNotFoundError as exc:  # an input, gold file or run folder named on the command line
        return _fail(args, exc, EXIT_USAGE)
    except Exception as exc:  # noqa: BLE001 - one line for scripts and people; --debug for the traceback
        return _fail(args, exc, EXIT_RUN_FAILED)


def _fail(args: argparse.Namespace, exc: BaseException, code: int) -> int:
    if getattr(args, "debug", False):
        import traceback

        traceback.print_exception(exc)
    if isinstance(exc, OSError) and exc.strerror:  # "No space left on device: runs/x/shards/00001.jsonl"
        message = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    else:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    hint = "" if getattr(args, "debug", False) else " (--debug shows the traceback)"
    print(f"newsclaims: {message}{hint}" if code == EXIT_RUN_FAILED else f"newsclaims: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
