"""The ``newsclaims`` command: extract, evaluate, candidates, show, bench, sql, schema, train-slots, explain."""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional, Sequence


def _cmd_extract(args: argparse.Namespace) -> int:
    from newsclaims.api import PipelineProcess
    from newsclaims.io.runner import run_corpus

    if "-" in args.inputs and sys.stdin.isatty():
        print("newsclaims: reading JSONL from standard input (Ctrl-D ends it)", file=sys.stderr)
    process = PipelineProcess(args.config, base_model=args.base_model, batch_size=args.batch_size)
    run_process = process
    if args.explain is not None:
        from newsclaims.explain import ExplainingProcess

        args.explain.write_text("", encoding="utf-8")  # this run's documents only; a missing folder fails here
        run_process = ExplainingProcess(process, args.explain)
    field_map = dict(kv.split("=", 1) for kv in args.field) if args.field else None
    formats = args.format or ["jsonl"]
    if args.stdout and "jsonl" not in formats:
        formats = [*formats, "jsonl"]  # --stdout copies claims.jsonl, so the run folder gets it too
    with _run_folder(args.output) as outdir:
        manifest = run_corpus(
            args.inputs, outdir, process=run_process, n_process=args.n_process, batch_size=args.batch_size,
            shard_size=args.shard_size, formats=formats, engine=args.engine, scheduler=args.scheduler,
            progress=not args.quiet, limit=args.limit, field_map=field_map, config_hash=process.config_hash(),
            language_check=not args.skip_language_check, doc_timeout=args.doc_timeout or None, keep_text=args.keep_text,
            retry_failed=args.retry_failed,
            date_order=args.date_order, max_file_bytes=args.max_file_bytes, max_doc_chars=args.max_doc_chars,
        )
        counts = manifest.get("counts", {})
        _print_notes(counts, outdir)
        if args.stdout:
            _copy_to_stdout(outdir / "claims.jsonl")
    print(json.dumps({"output": str(args.output) if args.output else None, **counts}), file=sys.stderr)
    # a document that is not English is reported (errors.jsonl, stage 'language') but is not a failure
    failed = counts.get("documents_failed", 0) + counts.get("read_errors", 0)
    return 1 if failed else 0


@contextlib.contextmanager
def _run_folder(output: Optional[Path]) -> Iterator[Path]:
    """OUTDIR, or (for --stdout without -o) a temporary run folder removed afterwards: such a run cannot resume."""
    if output is not None:
        yield output
        return
    folder = Path(tempfile.mkdtemp(prefix="newsclaims-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_to_stdout(path: Path) -> None:
    """The claims as JSONL on stdout. A reader that stops early (`| head -3`) closes the pipe: that ends the copy
    quietly, it is no error of the run."""
    try:
        with open(path, encoding="utf-8") as claims:
            shutil.copyfileobj(claims, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's own flush at exit does not fail on the closed pipe again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # io.UnsupportedOperation: no fd (a test's stdout)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _print_notes(counts: dict[str, Any], outdir: Path) -> None:
    """What an analyst should know about the inputs, once per run rather than once per document."""
    undated, read = counts.get("documents_without_published", 0), counts.get("documents_read", 0)
    if undated:
        print(f"newsclaims: {undated:,} of {read:,} documents have no publication date, so relative dates in them "
              "('last year', 'on Thursday') stay null; name the date field with --field published=NAME",
              file=sys.stderr)
    missing_text = _reasons_with(outdir / "errors.jsonl", "--field text=")
    if missing_text:
        first = missing_text[0]
        print(f"newsclaims: {len(missing_text):,} input record(s) have no text field, e.g. {first['location']}: "
              f"{first['reason']}", file=sys.stderr)


def _reasons_with(errors_path: Path, needle: str) -> list[dict[str, Any]]:
    if not errors_path.exists():
        return []
    with open(errors_path, encoding="utf-8") as errors:
        rows = (json.loads(line) for line in errors if needle in line)
        return [row for row in rows if needle in (row.get("reason") or "")]


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
    _write_reports(args, reports)
    return 0


def _cmd_candidates(args: argparse.Namespace) -> int:
    import newsclaims
    from newsclaims.evaluation.candidate_recall import candidate_recall, render_recall
    from newsclaims.evaluation.gold import read_gold

    golds = {path: read_gold(path) for path in args.gold}  # a wrong path fails before the model loads
    nlp = newsclaims.load(args.config, base_model=args.base_model)
    tables = {}
    for path, gold in golds.items():
        report = candidate_recall(nlp, gold)
        print(render_recall(path, len(gold), report, top=args.top, misses=args.misses or ()))
        tables[path] = {"documents": len(gold), "slots": {slot: r.to_dict() for slot, r in report.items()}}
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(tables, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def _write_reports(args: argparse.Namespace, reports: dict) -> None:
    """--json, --markdown and --report files; beside the JSON and the HTML, every error as NAME.errors.csv."""
    from newsclaims.evaluation import report as render

    def write(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    if args.json:
        write(Path(args.json), render.render_json(reports))
    if args.markdown:
        write(Path(args.markdown), render.render_markdown(reports))
    if args.report:
        csv_name = render.errors_csv_path(args.report).name
        write(Path(args.report), render.render_html(reports, errors_csv=csv_name))
    for beside in {render.errors_csv_path(p) for p in (args.json, args.report) if p}:
        write(beside, render.render_errors_csv(reports))
        print(f"errors: {beside}", file=sys.stderr)


def _cmd_show(args: argparse.Namespace) -> int:
    from newsclaims.evaluation.show import ShowError, show_document

    try:
        page = show_document(args.outdir, args.doc_id, text_from=args.text_from or ())
    except ShowError as exc:
        print(f"newsclaims show: {exc}", file=sys.stderr)
        return 2
    if args.output is None:
        sys.stdout.write(page)
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(page, encoding="utf-8")
    print(f"{args.doc_id} -> {args.output}", file=sys.stderr)
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

        claims: list = []  # the run's claims per sentence, kept for --pred-out and --by-class

        def predict_and_keep(texts: list) -> list:
            found = predict(texts)
            claims.extend(found)
            return found

        table = newsquant.run_newsquant(args.path, predict_and_keep)
        table["by_class"] = _newsquant_extras(args, claims)
    else:
        from newsclaims.evaluation.benchmarks import measeval

        table = measeval.run_measeval(args.path, predict)
    print(table["text"])
    if table.get("by_class"):
        print("\nerrors by class (mapped rows; newsclaims.evaluation.benchmarks.newsquant_classes)\n" + table["by_class"])
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=2, default=str), encoding="utf-8")
    return 0


def _newsquant_extras(args: argparse.Namespace, claims: list) -> Optional[str]:
    """--pred-out saves the run's claims; --by-class prints its errors by class, beside --compare's."""
    from newsclaims.evaluation.benchmarks import newsquant, newsquant_classes as nqc

    if args.pred_out:
        texts = [row["text"] for row in newsquant.load_newsquant(args.path)]
        nqc.write_predictions(args.pred_out, texts, claims)
    if args.by_class or args.compare:
        runs = {Path(p).stem: nqc.read_predictions(p) for p in args.compare or ()}
        runs["this run"] = claims
        return nqc.format_by_class({name: nqc.class_counts(nqc.errors_of_claims(args.path, c))
                                    for name, c in runs.items()})
    return None


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
    tasks = claims_to_label_studio(documents, claims, model_version=f"newsclaims-{__import__('newsclaims').__version__}")
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

    print(schema_json(args.table))
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


_EXIT_CODES = ("exit codes: 0 all documents processed; 1 some documents failed or were skipped (see errors.jsonl); "
               "2 usage error; 3 the run itself failed")


def _subcommand(sub: Any, name: str, summary: str, examples: Sequence[str], description: Optional[str] = None
                ) -> argparse.ArgumentParser:
    """A subcommand whose --help ends with examples (one a line, as typed) and, for `extract`, the exit codes."""
    epilog = "examples:\n" + "\n".join(f"  {e}" for e in examples)
    if name == "extract":
        epilog += "\n\n" + _EXIT_CODES
    return sub.add_parser(name, help=summary, description=description or summary, epilog=epilog,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsclaims", description="Typed quantitative claims (who, what, value, unit, date) from news text.",
        epilog="examples:\n  newsclaims extract corpus/news -o runs/demo\n"
               "  cat news.jsonl | newsclaims extract - --stdout -q | head -3\n"
               "  newsclaims COMMAND --help   (each command's options and examples)\n\n" + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=_version_line(), help="print the version and exit")
    p.add_argument("--debug", action="store_true", help="show the traceback when the command fails")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(sub)
    _add_evaluate(sub)
    _add_candidates(sub)
    _add_show(sub)
    _add_bench(sub)
    _add_convert(sub)
    _add_export_label_studio(sub)
    _add_sql(sub)
    _add_train_slots(sub)
    _add_explain(sub)
    _add_schema(sub)
    return p


def _pipeline_options(q: argparse.ArgumentParser) -> None:
    q.add_argument("--config", default=None, help="config.cfg or an assembled pipeline folder (default: the project's config.cfg)")
    q.add_argument("--base-model", default=None, help="spaCy model to source tagger/parser/NER from (default: config)")


def _add_extract(sub: Any) -> None:
    from newsclaims.io.readers import DEFAULT_MAX_DOC_CHARS, DEFAULT_MAX_FILE_BYTES

    e = _subcommand(sub, "extract", "extract claims from .txt folders, JSONL(.gz), CSV, HTML or WARC into OUTDIR", [
        "newsclaims extract corpus/news -o runs/demo",
        "newsclaims extract articles.jsonl -o runs/x --format parquet --format duckdb --n-process 2",
        "newsclaims extract big.jsonl.gz -o runs/try --limit 100          # the first 100 documents",
        "cat news.jsonl | newsclaims extract - --stdout -q | head -3     # a pipe: stdin in, claims out",
        "newsclaims extract dump.jsonl -o runs/d --field text=body --field published=pub_date",
        "newsclaims extract corpus/news -o runs/x --explain runs/x-explain.jsonl   # each figure's slot candidates too",
    ])
    e.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files or folders to read; '-' is standard input, read as JSONL (gzipped or not)")
    e.add_argument("-o", "--output", type=Path, default=None, metavar="OUTDIR",
                   help="the run folder (tables, errors.jsonl, manifest.json); running again resumes. Required "
                        "unless --stdout is given, which then uses a temporary folder, removed after the run")
    e.add_argument("--stdout", action="store_true",
                   help="write the claims as JSONL (the rows of claims.jsonl) to standard output once the run is done; "
                        "with -o the run folder is written as well")
    e.add_argument("--limit", type=_cap, default=0, metavar="N",
                   help="process only the first N documents of the inputs (after duplicate ids are dropped); "
                        "0 = all (default). A later run on the same OUTDIR with a higher limit reuses the shards")
    e.add_argument("--format", action="append", choices=["jsonl", "csv", "parquet", "duckdb"],
                   help="output format (repeatable; default jsonl)")
    e.add_argument("--n-process", type=int, default=1, metavar="N",
                   help="worker processes for the local engine (default 1; each loads the pipeline once)")
    e.add_argument("--batch-size", type=int, default=32, metavar="N",
                   help="documents per spaCy batch (default 32)")
    e.add_argument("--shard-size", type=int, default=500, metavar="N",
                   help="documents per shard, the unit of resuming and of parallel work (default 500)")
    e.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local (the default; --n-process workers) or dask (a LocalCluster or --scheduler)")
    e.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://HOST:8786 (default: a LocalCluster)")
    e.add_argument("--field", action="append", metavar="NAME=INPUT_NAME",
                   help="input field mapping, e.g. --field text=body (repeatable; fields: id, text, title, url, "
                        "published, source, lang)")
    e.add_argument("--keep-text", action="store_true",
                   help="keep each document's text in the documents table (column text; null without it), so the "
                        "run folder alone shows every claim in context")
    e.add_argument("--skip-language-check", action="store_true",
                   help="process every document as English (by default documents that are not English are reported and skipped)")
    e.add_argument("--doc-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="seconds a document may take, plus 1 s per 2,000 characters; 0 = no limit (default 60)")
    e.add_argument("--retry-failed", action="store_true",
                   help="on a resumed run, process again the documents that failed before (errors rows of stage "
                        "'process', such as time-outs); without it a resumed run keeps their earlier outcome, e.g. "
                        "newsclaims extract corpus/ -o runs/x --retry-failed --doc-timeout 300")
    e.add_argument("--date-order", choices=["MDY", "DMY"], default="MDY",
                   help="how an all-numeric publication date is read: 04.11.2025 is 4 Nov 2025 under DMY and "
                        "11 Apr 2025 under MDY (the default); a date only one order can read (25.11.2025) "
                        "is read that way")
    e.add_argument("--max-file-bytes", type=_cap, default=DEFAULT_MAX_FILE_BYTES, metavar="N",
                   help="decompressed bytes one input file may hold; what is past it is a read error; "
                        f"0 = no limit (default {DEFAULT_MAX_FILE_BYTES:,}, 16 GiB)")
    e.add_argument("--max-doc-chars", type=_cap, default=DEFAULT_MAX_DOC_CHARS, metavar="N",
                   help="characters one document may have (its input may take 6 bytes per character); a longer one "
                        f"is a read error; 0 = no limit (default {DEFAULT_MAX_DOC_CHARS:,})")
    e.add_argument("--explain", type=Path, default=None, metavar="FILE",
                   help="also write, for every document processed, one JSON line per figure to FILE: doc_id, the "
                        "figure, and per slot its candidates with score and proposer, as `newsclaims explain` builds "
                        "them (claims.jsonl is unchanged; each document is parsed a second time). Only with the local "
                        "engine and --n-process 1, into a new OUTDIR (a resumed run would leave out the documents of "
                        "its finished shards)")
    e.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar (it is shown only when stderr is a terminal anyway)")
    _pipeline_options(e)
    e.set_defaults(func=_cmd_extract)


def _explain_problem(args: argparse.Namespace) -> Optional[str]:
    """Why ``extract --explain`` cannot run as asked: its file is written by one process, for this run's documents."""
    if args.explain is None:
        return None
    if args.engine != "local" or args.n_process != 1:
        return "--explain works with the local engine and --n-process 1 only"
    if args.output is not None and any((args.output / "shards").glob("*.done")):
        return (f"--explain needs a new OUTDIR: {args.output} has finished shards, whose documents would not be "
                "explained")
    target = args.explain.resolve()
    in_outdir = args.output is not None and args.output.resolve() in target.parents  # the run never reads OUTDIR
    if not in_outdir and any(Path(i).is_dir() and Path(i).resolve() in target.parents for i in args.inputs if i != "-"):
        return f"--explain {args.explain} is inside an input folder: the run would read it as an input"
    return None


def _add_evaluate(sub: Any) -> None:
    v = _subcommand(sub, "evaluate", "precision/recall report against a gold file", [
        "newsclaims evaluate corpus/gold/dev.jsonl                       # runs the pipeline",
        "newsclaims evaluate corpus/gold/dev.jsonl --pred runs/demo/claims.jsonl --report out/report.html",
        "newsclaims evaluate corpus/gold/agreement/a --pred corpus/gold/agreement/b --name annotator-b",
    ])
    v.add_argument("gold", help="gold JSONL (or a folder of gold-format documents)")
    v.add_argument("--pred", default=None, help="saved predictions: a run's claims.jsonl, or a gold-format file or "
                                                "folder (a second annotator's work); default: run the pipeline")
    v.add_argument("--name", default="newsclaims", help="the name the report gives the predictions (with --pred), "
                                                         "e.g. --name annotator-b")
    v.add_argument("--report", default=None, help="write a self-contained HTML report here, with every error (paged, "
                                                  "filterable) and NAME.errors.csv beside it, e.g. --report out.html "
                                                  "writes out.errors.csv")
    v.add_argument("--json", default=None, help="write the machine-readable report here, and NAME.errors.csv beside it")
    v.add_argument("--markdown", default=None, help="write the Markdown report here")
    v.add_argument("--no-baselines", action="store_true", help="skip the spaCy-NER and quantulum3 baselines")
    _pipeline_options(v)
    v.set_defaults(func=_cmd_evaluate)


RECALL_SLOTS = ("who", "what", "date")  # candidate_recall.SLOTS, not imported: the parser loads no scorer


def _add_candidates(sub: Any) -> None:
    r = _subcommand(sub, "candidates", "candidate recall of the who, what and date slots against gold files", [
        "newsclaims candidates corpus/gold/dev.jsonl corpus/gold/test.jsonl",
        "newsclaims candidates corpus/gold/dev.jsonl --misses who --misses what   # list the figures too",
    ], description="Run the pipeline over each gold file's texts and count, per ranked slot (who, what, date),\n"
                   "the figures anchored to a gold claim: those with a right candidate among the proposers'\n"
                   "(candidate recall, the best accuracy any ranker could reach), those whose shipped choice is\n"
                   "right (the evaluator's slot accuracy), and per proposer those whose right candidates it alone\n"
                   "offers. A candidate is right when the evaluator would score that slot right.")
    r.add_argument("gold", nargs="+", metavar="GOLD", help="gold JSONL files (e.g. the dev and test splits)")
    r.add_argument("--misses", action="append", choices=RECALL_SLOTS, metavar="SLOT",
                   help="also list the figures of SLOT (who, what or date) with no right candidate: doc id, "
                        "figure, gold value and every candidate with its proposer (repeatable)")
    r.add_argument("--top", type=int, default=5, metavar="N",
                   help="proposers shown per slot, most figures first (default 5)")
    r.add_argument("--json", default=None, metavar="FILE",
                   help="write the counts, every proposer's and the figures without a right candidate as JSON here")
    _pipeline_options(r)
    r.set_defaults(func=_cmd_candidates)


def _add_show(sub: Any) -> None:
    w = _subcommand(sub, "show", "one document of a run as an HTML page, its claims' spans marked by displaCy", [
        "newsclaims show 001 runs/demo -o doc-001.html",
    ], description="Mark the value, who, what, date and source spans of each claim of DOC_ID in its "
                   "text (spaCy displaCy, span style) and list the claims. The text comes from the "
                   "run's documents table when the run kept it (--keep-text), else from the inputs "
                   "named in its manifest, or from --text-from.")
    w.add_argument("doc_id", help="the document's id (documents.id, claims.doc_id)")
    w.add_argument("outdir", help="the run's output folder")
    w.add_argument("-o", "--output", type=Path, default=None, help="write the page here (default: print it)")
    w.add_argument("--text-from", action="append", default=None, metavar="INPUT",
                   help="read the text from this input (file or folder, as given to extract; repeatable) when the "
                        "run has no text, e.g. --text-from corpus/news/news.jsonl")
    w.set_defaults(func=_cmd_show)


def _add_bench(sub: Any) -> None:
    b = _subcommand(sub, "bench", "score on an external benchmark (read in place, never copied)", [
        "newsclaims bench newsquant ../shared/benchmarks/newsquant",
        "newsclaims bench measeval ../shared/benchmarks/measeval --json out/measeval.json",
    ])
    b.add_argument("benchmark", choices=["newsquant", "measeval"], help="which benchmark's format PATH holds")
    b.add_argument("path", help="the benchmark's folder")
    b.add_argument("--json", default=None, help="write the score table as JSON here")
    b.add_argument("--by-class", action="store_true",
                   help="newsquant: print the errors by class (signs, glued units, ranges split, rates, currencies, ...)")
    b.add_argument("--pred-out", default=None, metavar="FILE", help="newsquant: save this run's claims (JSONL)")
    b.add_argument("--compare", action="append", default=None, metavar="FILE",
                   help="newsquant: with --by-class, classify a saved run (--pred-out) beside this one; repeatable")
    _pipeline_options(b)
    b.set_defaults(func=_cmd_bench)


def _add_convert(sub: Any) -> None:
    c = _subcommand(sub, "convert", "Label Studio export or Prodigy JSONL -> gold JSONL", [
        "newsclaims convert export.json --from label-studio -o gold.jsonl",
        "newsclaims convert annotations.jsonl --from prodigy -o gold.jsonl",
    ])
    c.add_argument("input", help="the annotation tool's export file")
    c.add_argument("--from", dest="source_format", choices=["label-studio", "prodigy"], required=True,
                   help="the tool that wrote INPUT")
    c.add_argument("-o", "--output", required=True, help="the gold JSONL file to write")
    c.set_defaults(func=_cmd_convert)


def _add_export_label_studio(sub: Any) -> None:
    x = _subcommand(sub, "export-label-studio", "a run's claims as Label Studio pre-annotations", [
        "newsclaims export-label-studio corpus/news/news.jsonl --pred runs/demo/claims.jsonl -o tasks.json",
    ])
    x.add_argument("documents", help="the run's input JSONL (id, text, published ...)")
    x.add_argument("--pred", required=True, help="the run's claims.jsonl")
    x.add_argument("-o", "--output", required=True, help="the Label Studio tasks file (JSON) to write")
    x.set_defaults(func=_cmd_export_label_studio)


def _add_sql(sub: Any) -> None:
    s = _subcommand(sub, "sql", "query a run's claims/documents tables with DuckDB (read-only)", [
        'newsclaims sql runs/demo "SELECT unit, count(*) FROM claims GROUP BY unit"',
        'newsclaims sql runs/demo "SELECT * FROM documents WHERE published IS NULL" --format csv > undated.csv',
    ], description="Query a run's documents, claims and errors tables with DuckDB. Only SELECT and EXPLAIN run, "
                   "over the run's own files; --unsafe lifts that.")
    s.add_argument("outdir", help="the run's output folder")
    s.add_argument("query", help="one or more SQL statements; the last one's rows are printed")
    s.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (default; NULL written out), csv (header row) or json (one object per line)")
    s.add_argument("--unsafe", action="store_true",
                   help="full DuckDB: file access, COPY, ATTACH and extensions (off by default)")
    s.set_defaults(func=_cmd_sql)


def _add_train_slots(sub: Any) -> None:
    t = _subcommand(sub, "train-slots", "fit the trained slot ranker (newsclaims.slot_ranker.v2) on a gold file", [
        "newsclaims train-slots corpus/gold/dev.jsonl -o models/slots/",
    ])
    t.add_argument("gold", help="gold JSONL (the dev split)")
    t.add_argument("-o", "--output", required=True, type=Path, help="folder for the model files (date.json)")
    t.add_argument("--folds", type=int, default=5, help="cross-validation folds, by document (default 5; 0 = none)")
    t.add_argument("--seed", type=int, default=0, help="random seed of the folds and the fit (default 0)")
    _pipeline_options(t)
    t.set_defaults(func=_cmd_train_slots)


def _add_explain(sub: Any) -> None:
    xp = _subcommand(sub, "explain", "each figure's slot candidates with their scores and proposers", [
        'newsclaims explain "Sales rose 5% to $3 billion in 2024." --published 2025-11-04',
    ])
    xp.add_argument("text", help="the sentence or paragraph to explain")
    xp.add_argument("--published", default=None, help="publication date, YYYY-MM-DD (anchors 'last year', 'now')")
    xp.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _pipeline_options(xp)
    xp.set_defaults(func=_cmd_explain)


def _add_schema(sub: Any) -> None:
    from newsclaims.schema import SCHEMA_TABLES

    j = _subcommand(sub, "schema", "print the JSON Schema of the claim record or of a row of an output table",
                    ["newsclaims schema > claim.schema.json", "newsclaims schema --table claims",
                     "newsclaims schema --table documents | jq '.properties | map_values(.description)'"])
    j.add_argument("--table", choices=SCHEMA_TABLES, default="record",
                   help="record (the default: a claim as newsclaims.extract returns it), or claims, documents or "
                        "errors: one row of that output table, every column with its description and SQL type")
    j.set_defaults(func=_cmd_schema)


EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_RUN_FAILED = 0, 1, 2, 3


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Exit codes: 0 all documents processed; 1 some failed or were skipped (errors.jsonl); 2 usage error
    (argparse's own code too); 3 the run itself failed (output not writable, disk full, lock held, ...)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "extract" and args.output is None and not args.stdout:
        parser.error("extract needs -o OUTDIR, or --stdout (which then runs in a temporary folder)")
    if args.command == "extract" and (problem := _explain_problem(args)):
        parser.error(problem)
    try:
        return args.func(args)
    except BrokenPipeError as exc:  # `newsclaims sql ... | head`: the reader had enough; extract handles its own
        if args.command == "extract":
            return _fail(args, exc, EXIT_RUN_FAILED)
        _silence_stdout()
        return EXIT_OK
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
