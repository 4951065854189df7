"""Run an extractor over a corpus in resumable shards, locally or on Dask, and write the output tables.

The unit of work is `run_shard(process, in_path, out_path)`: a pure, idempotent function from an input
shard file to an output shard file plus a ``.done`` marker. The same function runs in the calling
process, in worker processes (``n_process > 1``) or on Dask workers, so all engines give the same files.

OUTDIR layout::

    shards/00000.jsonl, shards/00000.done   one output shard per `shard_size` input items
    documents.*, claims.*, errors.*          merged tables in each requested format (+ claims.duckdb)
    errors.jsonl                            every unreadable input and every document whose processing raised
    manifest.json                           inputs, counts, versions, config hash, timings (written last)

A run restarted on the same OUTDIR skips every shard whose ``.done`` marker carries the same fingerprint
(its documents, the config hash and the pipeline version), so after Ctrl-C or kill -9 the final output
equals that of an uninterrupted run. A shard whose inputs or config changed is processed again.

A document whose normalised text, publication date and declared language equal an earlier document's (the same
article under two ids) is not processed again: its documents row has status 'duplicate' and ``duplicate_of`` the
first id, whose claims are its claims, written once (see `_copy_key`).
"""
from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import fcntl
import functools
import gzip
import hashlib
import itertools
import json
import multiprocessing
import multiprocessing.connection
import os
import pickle
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, Callable, Optional, TextIO, Union

from newsclaims.io.documents import DEFAULT_DATE_ORDER, Document, ReadError
from newsclaims.io.language import language_problem
from newsclaims.normalize.text_hash import text_hash
from newsclaims.io.readers import (
    DEFAULT_MAX_DOC_CHARS, DEFAULT_MAX_FILE_BYTES, InputFile, Item, ReadOptions, iter_documents, list_input_files,
)
from newsclaims.io.writers import (
    DUCKDB_FILE, FORMATS, TABLES, TablesWriter, atomic_open, check_formats, document_row, duckdb_column_struct,
    error_row, flatten_claim, write_json_atomic,
)

ClaimResult = tuple[str, list[dict[str, Any]]]
ProcessFn = Callable[[list[Document]], list[ClaimResult]]
ProcessFactory = Callable[[], ProcessFn]
PathLike = Union[str, Path]

DEFAULT_SHARD_SIZE = 500
DEFAULT_BATCH_SIZE = 64
_FLUSH_ROWS = 10_000  # rows buffered per table before a write (the Parquet row-group size); the merge holds up to
# this many rows as Python dicts, so a larger value makes peak memory grow with the corpus up to it

# Per-worker pipeline cache: factory fingerprint -> loaded process function. Module-level on purpose:
# it is what makes each worker process (multiprocessing or Dask) load the pipeline once rather than per
# shard. At most _PIPELINE_CACHE_SIZE pipelines are kept so a long-lived process does not pile them up.
_PIPELINE_CACHE_SIZE = 2
_PIPELINES: "collections.OrderedDict[str, ProcessFn]" = collections.OrderedDict()
_PIPELINES_LOCK = threading.Lock()


class PipelineLoadError(RuntimeError):
    """The `process` factory itself failed: the run stops (marking every document failed would be wrong)."""


class ShardCrashError(RuntimeError):
    """A shard killed its worker twice (or its Dask task failed): the run stops, finished shards are kept."""


class ShardChildError(RuntimeError):
    """A Dask worker's shard child process died under its shard, or run_shard raised in it."""


# ------------------------------------------------------------------------------ per-worker cache

def cached_process(factory: ProcessFactory) -> ProcessFn:
    """Return the process function built by ``factory``, building it once per (worker) process.

    The function is safe to call from several threads: they take turns (see `_one_thread_at_a_time`).
    """
    if isinstance(factory, _CountingFactory):  # the pipeline is the inner factory's; only the counting is the run's
        return functools.partial(_count_batch, cached_process(factory.factory), factory.folder)
    key = _factory_key(factory)
    with _PIPELINES_LOCK:
        if key in _PIPELINES:
            _PIPELINES.move_to_end(key)
            return _PIPELINES[key]
        try:
            fn = _one_thread_at_a_time(factory())
        except Exception as exc:
            raise PipelineLoadError(f"{factory!r} could not be loaded: {type(exc).__name__}: {exc}") from exc
        _PIPELINES[key] = fn
        while len(_PIPELINES) > _PIPELINE_CACHE_SIZE:
            _PIPELINES.popitem(last=False)
        return fn


def _one_thread_at_a_time(fn: ProcessFn) -> ProcessFn:
    """A spaCy pipeline is not thread-safe: two threads in one pipeline at once (a Dask worker runs a task per
    thread) failed 14 of 46 documents with E018 "Can't retrieve string for hash" (the vocabulary and the memory
    zones that free its strings after each batch are shared). So one pipeline serves one batch at a time; Dask gets
    its parallelism from a shard child process per task thread instead (see `run_shard_on_dask_worker`)."""
    lock = threading.Lock()

    def serialized(docs: list[Document]) -> list[ClaimResult]:
        with lock:
            return fn(docs)

    return serialized


def _factory_key(factory: ProcessFactory) -> str:
    """A key that survives pickling: after (cloud)pickling to a worker every task gets a new object."""
    for dumps in (pickle.dumps, _cloudpickle_dumps):
        try:
            return hashlib.sha1(dumps(factory)).hexdigest()
        except Exception:
            continue
    return f"id:{id(factory)}"


def _cloudpickle_dumps(obj: Any) -> bytes:
    import cloudpickle

    return cloudpickle.dumps(obj)


# ------------------------------------------------------------------------------------- one shard

def run_shard(process: ProcessFactory, in_path: PathLike, out_path: PathLike, batch_size: int = DEFAULT_BATCH_SIZE) -> dict[str, Any]:
    """Process one input shard into ``out_path`` and its ``.done`` marker; return the marker's stats.

    Idempotent and pure (files in, files out), so it can be retried or run anywhere the paths exist.
    A batch that raises is retried document by document, so one bad document fails alone. Over an output of the
    same shard already done (same fingerprint: documents and configuration), the documents that succeeded keep
    their earlier claims and only the others are processed again (``--retry-failed`` sends such shards).
    """
    started = time.perf_counter()
    header, items = _read_input_shard(Path(in_path))
    fn = cached_process(process)
    copies: dict[str, str] = header.get("duplicate_of", {})  # copy's id -> first id: its claims are the first's
    docs = [item for item in items if isinstance(item, Document) and item.id not in copies]
    skipped = _language_problems(docs) if header.get("language_check", True) else {}
    earlier = _earlier_successes(Path(out_path), header["fingerprint"])
    results = _process_documents(fn, [d for d in docs if d.id not in skipped and d.id not in earlier], batch_size,
                                 header.get("doc_timeout"))
    results.update(earlier)
    results.update({doc_id: _DocResult(skipped=reason) for doc_id, reason in skipped.items()})
    results.update({doc_id: _DocResult(duplicate_of=first) for doc_id, first in copies.items()})
    lines, stats = _output_lines(header, items, results)
    out_path = Path(out_path)
    with atomic_open(out_path) as handle:
        handle.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    stats.update(shard=header["shard"], fingerprint=header["fingerprint"], host=socket.gethostname(),
                 pid=os.getpid(), seconds=round(time.perf_counter() - started, 3))
    write_json_atomic(done_path(out_path), stats)
    return stats


def done_path(out_path: Path) -> Path:
    return out_path.with_suffix(".done")


def _earlier_successes(out_path: Path, fingerprint: str) -> dict[str, "_DocResult"]:
    """The documents processed with status 'ok' by an earlier run of this very shard, with their claims (already
    flattened and checked), so a retry redoes only the documents that failed. Nothing for a shard not done yet."""
    if not _is_done(out_path, fingerprint):
        return {}
    successes = {}
    with open(out_path, encoding="utf-8") as handle:
        for raw in handle:
            line = json.loads(raw)
            document = line.get("document")
            if document is not None and document["status"] == "ok":
                successes[document["id"]] = _DocResult(claims=line["claims"])
    return successes


def _read_input_shard(path: Path) -> tuple[dict[str, Any], list[Item]]:
    with open(path, encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        items: list[Item] = []
        for line in handle:
            record = json.loads(line)
            items.append(Document.from_dict(record["doc"]) if "doc" in record else ReadError.from_dict(record["read_error"]))
    return header, items


@dataclass
class _DocResult:
    claims: list[dict[str, Any]] = field(default_factory=list)
    error: Optional[str] = None
    skipped: Optional[str] = None  # why the document was not processed (not English)
    duplicate_of: Optional[str] = None  # not processed: the same text as this earlier document


def _language_problems(docs: Sequence[Document]) -> dict[str, str]:
    """Documents that are not English, with the reason; they are reported, not mis-parsed."""
    problems = {}
    for doc in docs:
        reason = language_problem(doc.text, doc.lang)
        if reason:
            problems[doc.id] = reason
    return problems


def _process_documents(fn: ProcessFn, docs: Sequence[Document], batch_size: int,
                       doc_timeout: Optional[float] = None) -> dict[str, _DocResult]:
    results: dict[str, _DocResult] = {}
    for start in range(0, len(docs), batch_size):
        batch = list(docs[start:start + batch_size])
        try:
            with _time_limit(_limit_for(batch, doc_timeout)):
                results.update(_collect(batch, fn(batch)))
        except (Exception, _TimeLimitExceeded):
            for doc in batch:
                results.update(_process_one(fn, doc, doc_timeout))
    return results


def _process_one(fn: ProcessFn, doc: Document, doc_timeout: Optional[float] = None) -> dict[str, _DocResult]:
    limit = _limit_for([doc], doc_timeout)
    try:
        with _time_limit(limit):
            return _collect([doc], fn([doc]))
    except _TimeLimitExceeded:
        return {doc.id: _DocResult(error=f"time-out: processing took longer than {limit:.0f} s "
                                         f"(--doc-timeout {doc_timeout:g} s plus 1 s per {_CHARS_PER_SECOND:,} characters)")}
    except Exception as exc:
        return {doc.id: _DocResult(error=_describe(exc))}


# The time a document may take: the --doc-timeout plus one second per this many characters, about a tenth
# of the normal speed, so long articles are not cut off.
_CHARS_PER_SECOND = 2_000


class _TimeLimitExceeded(BaseException):
    """Raised in the worker's main thread by the alarm; a BaseException so no `except Exception` swallows it."""


def _limit_for(docs: Sequence[Document], doc_timeout: Optional[float]) -> Optional[float]:
    if not doc_timeout:
        return None
    return sum(doc_timeout + len(d.text) / _CHARS_PER_SECOND for d in docs)


@contextlib.contextmanager
def _time_limit(seconds: Optional[float]) -> Iterator[None]:
    """An alarm that interrupts the block after ``seconds``. Only the main thread receives signals, so in any
    other thread the block runs without a limit: that is why Dask tasks run time-limited shards in a child
    process (see `run_shard_on_dask_worker`)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise _TimeLimitExceeded()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _collect(batch: Sequence[Document], output: Iterable[ClaimResult]) -> dict[str, _DocResult]:
    """Match the function's (doc_id, claims) pairs to the batch and flatten every claim (which checks it)."""
    by_id: dict[str, list[dict[str, Any]]] = {}
    for doc_id, claims in output:
        by_id.setdefault(str(doc_id), []).extend(claims)
    results: dict[str, _DocResult] = {}
    for doc in batch:
        if doc.id not in by_id:
            results[doc.id] = _DocResult(error="the process function returned no result for this document")
            continue
        results[doc.id] = _flatten_all(doc.id, by_id[doc.id])
    return results


def _flatten_all(doc_id: str, claims: Sequence[dict[str, Any]]) -> _DocResult:
    rows = []
    for number, claim in enumerate(claims):
        try:
            rows.append(flatten_claim(claim, doc_id))
        except (ValueError, TypeError, KeyError) as exc:
            return _DocResult(error=f"claim {number} is malformed: {exc}")
    return _DocResult(claims=rows)


def _describe(exc: BaseException) -> str:
    """Exception type, message and where it was raised: enough to find the bug from errors.jsonl."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


def _output_lines(header: Mapping[str, Any], items: Sequence[Item], results: Mapping[str, _DocResult]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    stats = collections.Counter(items=len(items), documents=0, documents_ok=0, documents_failed=0,
                                documents_skipped=0, documents_duplicate=0, documents_with_claims=0, claims=0,
                                read_errors=0)
    for item in items:
        if isinstance(item, ReadError):
            lines.append({"error": error_row("read", item, header["shard"])})
            stats["read_errors"] += 1
            continue
        result = results[item.id]
        status = ("failed" if result.error else "skipped" if result.skipped else
                  "duplicate" if result.duplicate_of else "ok")
        line: dict[str, Any] = {
            "document": document_row(item, n_claims=len(result.claims), status=status,
                                     error=result.error or result.skipped, keep_text=header.get("keep_text", False),
                                     duplicate_of=result.duplicate_of),
            "claims": result.claims,
        }
        if result.error or result.skipped:
            failure = ReadError(item.id, result.error or result.skipped, doc_id=item.id,
                                path=item.meta.get("input"))
            line["error"] = error_row("process" if result.error else "language", failure, header["shard"])
        lines.append(line)
        stats.update(documents=1, documents_ok=int(status == "ok"), documents_failed=int(status == "failed"),
                     documents_skipped=int(status == "skipped"), documents_duplicate=int(status == "duplicate"),
                     documents_with_claims=int(bool(result.claims)), claims=len(result.claims))
    return lines, dict(stats)


# ------------------------------------------------------------------------------------- planning

@dataclass
class ShardTask:
    """A shard to process: its input file (written by the planner) and where its output goes."""

    number: int
    in_path: Path
    out_path: Path
    fingerprint: str


@dataclass
class _Plan:
    """What the planner found while cutting shards (filled in as the input stream is read)."""

    total: int = 0
    reused: int = 0
    retried: int = 0  # shards done earlier but sent again to retry their failed documents (--retry-failed)
    duplicates: int = 0
    copies: dict[str, str] = field(default_factory=dict)  # id -> first id of the same text, until its shard is cut
    warc_skipped: collections.Counter = field(default_factory=collections.Counter)  # WARC records that are no article


def _plan_shards(items: Iterator[Item], shard_dir: Path, *, shard_size: int, salt: str,
                 keep_text: bool, plan: _Plan, language_check: bool = True,
                 doc_timeout: Optional[float] = None, limit: Optional[int] = None,
                 retry_failed: bool = False) -> Iterator[ShardTask]:
    """Cut the item stream into shards; write the input file of each shard that is not already done (or, with
    ``retry_failed``, is done but has documents whose processing failed)."""
    for number, chunk in enumerate(_chunks(_first_documents(_dedupe(items, plan), limit), shard_size)):
        plan.total = number + 1
        copies = {item.id: plan.copies.pop(item.id) for item in chunk if isinstance(item, Document) and item.id in plan.copies}
        fingerprint = _fingerprint(chunk, salt + json.dumps(copies, sort_keys=True) if copies else salt)
        out_path = shard_dir / f"{number:05d}.jsonl"
        if _is_done(out_path, fingerprint):
            if not (retry_failed and _has_failed_documents(out_path)):
                plan.reused += 1
                continue
            plan.retried += 1
        in_path = shard_dir / f"{number:05d}.input.jsonl"
        _write_input_shard(in_path, number, fingerprint, chunk, keep_text, language_check, doc_timeout, copies)
        yield ShardTask(number, in_path, out_path, fingerprint)


def _dedupe(items: Iterator[Item], plan: _Plan) -> Iterator[Item]:
    """Turn a repeated document id into a ReadError: claims.doc_id must join exactly one document. Note a document
    whose text repeats an earlier one's (`_copy_key`) in ``plan.copies``: it is reported, not processed again."""
    seen: set[str] = set()
    first_by_text: dict[bytes, str] = {}
    for item in items:
        if isinstance(item, Document):
            if item.id in seen:
                plan.duplicates += 1
                reason = f"duplicate document id {item.id!r}: an earlier input item has the same id; skipped"
                item = ReadError(item.meta.get("input", item.id), reason, doc_id=item.id, path=item.meta.get("input"))
            else:
                seen.add(item.id)
                _note_copy(item, first_by_text, plan)
        yield item


def _note_copy(doc: Document, first_by_text: dict[bytes, str], plan: _Plan) -> None:
    key = _copy_key(doc)
    if key is not None:
        first = first_by_text.setdefault(key, doc.id)
        if first != doc.id:
            plan.copies[doc.id] = first


def _copy_key(doc: Document) -> Optional[bytes]:
    """Documents with equal keys give the same claims: the same normalised text (`text_hash`), and the same
    publication date and declared language, the other inputs of extraction ("last year" depends on the date).
    Kept for every document of the run (about 100 bytes each); None for an empty text, which is nobody's copy."""
    digest = text_hash(doc.text)
    if digest is None:
        return None
    return hashlib.blake2b(json.dumps([digest, doc.published, doc.lang]).encode("utf-8"), digest_size=16).digest()


def _first_documents(items: Iterator[Item], limit: Optional[int]) -> Iterator[Item]:
    """Stop after the ``limit``-th document (counted after dedupe; 0 or None = no limit). Read errors met before it
    are kept, as they are part of the inputs read; nothing after it is read, so a limited run of a huge input is quick.
    The shards of a limited run are a prefix of the full run's, so a resumed run with a higher limit reuses them."""
    documents = 0
    for item in items:
        yield item
        documents += isinstance(item, Document)
        if limit and documents >= limit:
            return


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _fingerprint(chunk: Sequence[Item], salt: str) -> str:
    """Identifies a shard's content and configuration (not file paths, so a moved corpus still resumes)."""
    digest = hashlib.sha1(salt.encode("utf-8"))
    for item in chunk:
        if isinstance(item, Document):
            key = [item.id, item.text, item.published, item.title, item.url, item.source, item.lang]
        else:
            key = ["error", item.doc_id, item.line, item.offset, item.reason]
        digest.update(json.dumps(key, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def _has_failed_documents(out_path: Path) -> bool:
    """The shard's done marker counts documents whose processing failed (errors rows of stage 'process')."""
    return json.loads(done_path(out_path).read_text(encoding="utf-8")).get("documents_failed", 0) > 0


def _is_done(out_path: Path, fingerprint: str) -> bool:
    try:
        marker = json.loads(done_path(out_path).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return False
    return marker.get("fingerprint") == fingerprint and out_path.exists()


def _write_input_shard(path: Path, number: int, fingerprint: str, chunk: Sequence[Item], keep_text: bool,
                       language_check: bool = True, doc_timeout: Optional[float] = None,
                       duplicate_of: Optional[Mapping[str, str]] = None) -> None:
    header = {"shard": number, "fingerprint": fingerprint, "keep_text": keep_text, "language_check": language_check,
              "doc_timeout": doc_timeout, "duplicate_of": dict(duplicate_of or {})}
    with atomic_open(path) as handle:
        handle.write(json.dumps(header) + "\n")
        for item in chunk:
            key = "doc" if isinstance(item, Document) else "read_error"
            handle.write(json.dumps({key: item.to_dict()}, ensure_ascii=False, default=str) + "\n")


# --------------------------------------------------------------------------------------- engines

def _run_serial(tasks: Iterator[ShardTask], process: ProcessFactory, batch_size: int) -> Iterator[dict[str, Any]]:
    for task in tasks:
        yield _finish(task, run_shard(process, task.in_path, task.out_path, batch_size))


def _finish(task: ShardTask, stats: dict[str, Any]) -> dict[str, Any]:
    task.in_path.unlink(missing_ok=True)
    return stats


def _init_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and keeps the finished shards, and die
    with the parent: a parent killed alone (kill -9, the OOM killer) must not leave workers behind that
    go on writing shards a resumed run may be redoing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()


def _exit_with_parent(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _new_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    # spawn: workers start clean (no copied threads or locks) and import the factory's module themselves.
    context = multiprocessing.get_context("spawn")
    return concurrent.futures.ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker)


def _run_pool(tasks: Iterator[ShardTask], process: ProcessFactory, batch_size: int, n_process: int) -> Iterator[dict[str, Any]]:
    """Worker processes, at most 2 shards in flight per worker so the reader stays a little ahead."""
    crashed: list[ShardTask] = []
    pool = _new_pool(n_process)
    try:
        pending: dict[concurrent.futures.Future, ShardTask] = {}
        for task in itertools.chain(tasks, [None]):
            if task is not None:
                pending[pool.submit(run_shard, process, task.in_path, task.out_path, batch_size)] = task
            while pending and not crashed and (task is None or len(pending) >= 2 * n_process):
                done, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
                for future in done:
                    finished = pending.pop(future)
                    stats = _pool_result(future)
                    if stats is None:
                        crashed.append(finished)
                    else:
                        yield _finish(finished, stats)
            if crashed:
                crashed.extend(pending.values())
                break
    except BaseException:  # Ctrl-C or an error upstream: stop now, unfinished shards are redone on resume
        _terminate_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if crashed:
        yield from _rerun_crashed(crashed, tasks, process, batch_size, n_process)


def _terminate_workers(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    """End the workers at once (Python 3.11 has no public call for it; 3.14 adds terminate_workers)."""
    for worker in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            worker.terminate()


def _pool_result(future: concurrent.futures.Future) -> Optional[dict[str, Any]]:
    """The shard's stats, or None when the worker process died under it."""
    try:
        return future.result()
    except concurrent.futures.process.BrokenProcessPool:
        return None


def _rerun_crashed(crashed: list[ShardTask], tasks: Iterator[ShardTask], process: ProcessFactory,
                   batch_size: int, n_process: int) -> Iterator[dict[str, Any]]:
    """A worker died (killed, out of memory, segfault): retry each affected shard alone in a fresh process.

    A shard that kills its worker twice stops the run rather than being marked failed: a systemic
    fault (workers that cannot start) must not turn a whole corpus into "failed" shards that a resumed
    run would then skip.
    """
    for task in sorted(crashed, key=lambda t: t.number):
        with _new_pool(1) as pool:
            stats = _pool_result(pool.submit(run_shard, process, task.in_path, task.out_path, batch_size))
        if stats is None:
            raise ShardCrashError(f"a worker process died twice while processing shard {task.number:05d} "
                                  f"({task.in_path}); finished shards are kept, so the run resumes after a fix")
        yield _finish(task, stats)
    yield from _run_pool(tasks, process, batch_size, n_process)


@contextlib.contextmanager
def _dask_client(scheduler: Any) -> Iterator[Any]:
    """A Client for ``scheduler`` (address or Client), or a 2-worker LocalCluster on loopback."""
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        yield scheduler
    elif scheduler is not None:
        with Client(scheduler) as client:
            yield client
    else:
        import dask

        # The workers' statistical profiler samples the running task every 10 ms, which halves the speed
        # of pure-Python work such as spaCy pipelines; it is only useful with a dashboard, which is off.
        with dask.config.set({"distributed.worker.profile.enabled": False}), \
                LocalCluster(host="127.0.0.1", n_workers=2, threads_per_worker=1, processes=True,
                             dashboard_address=None) as cluster, Client(cluster) as client:
            yield client


def _run_dask(tasks: Iterator[ShardTask], process: ProcessFactory, batch_size: int, scheduler: Any) -> Iterator[dict[str, Any]]:
    """Submit `run_shard_on_dask_worker` per shard; each task thread's shard child loads the pipeline once.

    OUTDIR must be on storage the workers see (true for a LocalCluster; a shared filesystem otherwise).
    """
    from distributed import as_completed

    with _dask_client(scheduler) as client:
        workers = client.scheduler_info().get("workers", {}).values()
        limit = 2 * max(1, sum(w.get("nthreads", 1) for w in workers))  # two shards in flight per task thread
        running = as_completed()
        owners: dict[str, ShardTask] = {}
        for task in itertools.chain(tasks, [None]):
            if task is not None:
                future = client.submit(run_shard_on_dask_worker, process, str(task.in_path), str(task.out_path), batch_size,
                                       key=f"newsclaims-shard-{task.number:05d}-{task.fingerprint[:12]}",
                                       pure=False, retries=1)
                owners[future.key] = task
                running.add(future)
            while running.count() and (task is None or running.count() >= limit):
                future = next(running)
                task_done = owners.pop(future.key)
                yield _finish(task_done, _dask_result(future, task_done))


def run_shard_on_dask_worker(process: ProcessFactory, in_path: PathLike, out_path: PathLike,
                             batch_size: int = DEFAULT_BATCH_SIZE) -> dict[str, Any]:
    """`run_shard` as a Dask task: in a child process of the task's thread, which has a pipeline of its own.

    Dask runs tasks in threads of the worker process (`dask worker` starts one per core by default). Two threads
    in one spaCy pipeline fail documents with E018 (see `_one_thread_at_a_time`), and a thread gets no signals, so
    the --doc-timeout alarm never fires and a stalling document held the worker for as long as it liked. So each
    task thread hands its shards to a child process of its own and waits: the shard runs in the child's main
    thread, where the alarm cuts a stalling document off exactly as in the serial and pool engines, and the
    worker's threads run their shards in parallel on separate cores, each child with its own pipeline (memory
    grows with the threads: one pipeline per thread).
    Rejected: one pipeline per thread in the worker process (the threads share one interpreter lock, so the
    pipeline's Python code, ours, quantulum3's and dateparser's, runs one thread at a time, and the time-out would
    still not fire); a lock around one shared pipeline (safe, but a worker's threads then run one at a time); a
    deadline that the pipeline checks (a stall in code that does not check, such as a library call, would still
    hold the worker) and an exception injected into the task thread (it lands only between bytecodes of that
    thread, so not during a blocking call, and may land in Dask's own code). The child is a plain subprocess
    because Dask's nanny starts workers as daemonic processes, which multiprocessing forbids to have children. It
    stays up from shard to shard, so the pipeline loads once per task thread (in the child).
    """
    return _shard_child().run(process, in_path, out_path, batch_size)


# One shard child per Dask task thread (a worker started with --nthreads 2 runs two shards at once).
_SHARD_CHILDREN = threading.local()


def _shard_child() -> "_ShardChild":
    child = getattr(_SHARD_CHILDREN, "child", None)
    if child is None or not child.alive():
        child = _SHARD_CHILDREN.child = _ShardChild()
    return child


class _ShardChild:
    """A Python child process running `run_shard` in its main thread, one shard per request.

    Requests and replies are pickles over two pipes of their own (the child's stdout and stderr stay the worker's,
    for logs). A third pipe is its lifeline: the worker never writes to it, and the child exits as soon as it
    reads end-of-file, that is when the worker process is gone (even by kill -9), instead of writing shards on
    alone that a resumed run may be redoing.
    """

    def __init__(self) -> None:
        requests_read, requests_write = os.pipe()
        replies_read, replies_write = os.pipe()
        lifeline_read, self._lifeline = os.pipe()
        child_fds = (requests_read, replies_write, lifeline_read)
        # The worker's sys.path, so the child imports the factory's module wherever the worker found it.
        code = ("import json, sys; sys.path[:] = json.loads(sys.argv[1]); "
                "from newsclaims.io.runner import _serve_shards; _serve_shards(*map(int, sys.argv[2:]))")
        self._proc = subprocess.Popen([sys.executable, "-c", code, json.dumps(sys.path), *map(str, child_fds)],
                                      pass_fds=child_fds, stdin=subprocess.DEVNULL)
        for fd in child_fds:
            os.close(fd)
        self._requests = multiprocessing.connection.Connection(requests_write, readable=False)
        self._replies = multiprocessing.connection.Connection(replies_read, writable=False)

    def alive(self) -> bool:
        return self._proc.poll() is None

    def run(self, process: ProcessFactory, in_path: PathLike, out_path: PathLike, batch_size: int) -> dict[str, Any]:
        # cloudpickle: the factory came to this worker by cloudpickle and may be something pickle refuses
        request = _cloudpickle_dumps((process, str(in_path), str(out_path), batch_size))
        try:
            self._requests.send_bytes(request)
            outcome, value = self._replies.recv()
        except (EOFError, OSError) as exc:  # the child died under the shard (killed, out of memory, segfault)
            self.close()
            raise ShardChildError(f"the shard child process died (exit code {self._proc.returncode}) while "
                                  f"processing {in_path}") from exc
        if outcome == "failed":
            raise value
        return value

    def close(self) -> None:
        for connection in (self._requests, self._replies):
            with contextlib.suppress(OSError):
                connection.close()
        with contextlib.suppress(OSError):
            os.close(self._lifeline)
        self._proc.kill()
        self._proc.wait()


def _serve_shards(requests_fd: int, replies_fd: int, lifeline_fd: int) -> None:
    """The shard child's main loop: run each requested shard and send back its stats or its failure."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the driver; the worker ends us by closing the pipes
    threading.Thread(target=_exit_when_closed, args=(lifeline_fd,), daemon=True).start()
    requests = multiprocessing.connection.Connection(requests_fd, writable=False)
    replies = multiprocessing.connection.Connection(replies_fd, readable=False)
    while True:
        try:
            request = requests.recv_bytes()
        except EOFError:  # the worker closed us: its work is done
            return
        replies.send(_shard_outcome(request))


def _shard_outcome(request: bytes) -> tuple[str, Any]:
    """("done", stats) or ("failed", an exception that is sure to unpickle in the worker)."""
    try:
        process, in_path, out_path, batch_size = pickle.loads(request)
    except Exception as exc:
        return "failed", PipelineLoadError(f"the process factory could not be unpickled in the shard child: {_describe(exc)}")
    try:
        return "done", run_shard(process, in_path, out_path, batch_size)
    except PipelineLoadError as exc:
        return "failed", PipelineLoadError(str(exc))
    except Exception as exc:
        return "failed", ShardChildError(f"run_shard raised in the shard child: {_describe(exc)}")


def _exit_when_closed(fd: int) -> None:
    os.read(fd, 1)  # nothing is ever written: this returns at end-of-file, when the worker process is gone
    os._exit(1)


def _dask_result(future: Any, task: ShardTask) -> dict[str, Any]:
    """run_shard isolates document errors itself, so a failed task is infrastructure: stop the run."""
    try:
        return future.result()
    except PipelineLoadError:
        raise
    except Exception as exc:  # KilledWorker (a worker died on it repeatedly), lost files, ...
        raise ShardCrashError(f"the Dask task for shard {task.number:05d} failed: {_describe(exc)}; "
                              "finished shards are kept, so the run resumes after a fix") from exc


# ---------------------------------------------------------------------------------------- merging

def _merge(outdir: Path, shard_dir: Path, total: int, formats: Sequence[str]) -> dict[str, int]:
    """Concatenate the output shards in order into the requested formats; errors.jsonl always."""
    counts = collections.Counter(items=0, documents_read=0, documents_ok=0, documents_failed=0, documents_skipped=0,
                                 documents_duplicate=0, documents_with_claims=0, documents_without_published=0, claims=0, read_errors=0)
    writers = [TablesWriter(outdir, formats)]
    if "jsonl" not in formats:
        writers.append(TablesWriter(outdir, ("jsonl",), tables=("errors",)))
    with contextlib.ExitStack() as stack:
        outs = [stack.enter_context(w) for w in writers]
        buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        for number in range(total):
            _merge_shard(shard_dir / f"{number:05d}.jsonl", buffers, counts)
            _flush(outs, buffers, force=False)
        _flush(outs, buffers, force=True)
    _remove_stale_tables(outdir, formats)
    return dict(counts)


def _table_files(fmt: str) -> list[str]:
    return [DUCKDB_FILE] if fmt == "duckdb" else [f"{t}.{fmt}" for t in TABLES]


def _remove_stale_tables(outdir: Path, formats: Sequence[str]) -> None:
    """Tables of formats an earlier run wrote but this one was not asked for: left in place, `sql` would read
    them and count claims that are no longer this run's (errors.jsonl is always written)."""
    for fmt in FORMATS:
        if fmt not in formats:
            for name in _table_files(fmt):
                if name != "errors.jsonl":
                    (outdir / name).unlink(missing_ok=True)


def _merge_shard(path: Path, buffers: dict[str, list[dict[str, Any]]], counts: collections.Counter) -> None:
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = json.loads(raw)
            counts["items"] += 1
            if line.get("error"):
                buffers["errors"].append(line["error"])
            document = line.get("document")
            if document is None:
                counts["read_errors"] += 1
                continue
            buffers["documents"].append(document)
            buffers["claims"].extend(line["claims"])
            status = document["status"]
            counts.update(documents_read=1, documents_ok=int(status == "ok"), documents_failed=int(status == "failed"),
                          documents_skipped=int(status == "skipped"), documents_duplicate=int(status == "duplicate"),
                          documents_with_claims=int(bool(line["claims"])),
                          documents_without_published=int(not document.get("published")), claims=len(line["claims"]))


def _flush(outs: Sequence[TablesWriter], buffers: dict[str, list[dict[str, Any]]], *, force: bool) -> None:
    for table, rows in buffers.items():
        if rows and (force or len(rows) >= _FLUSH_ROWS):
            for out in outs:
                if table in out.tables:
                    out.add(table, rows)
            buffers[table] = []


# -------------------------------------------------------------------------------------- progress

class _Progress:
    """A live progress line on a terminal, tqdm-style, rewritten in place with a carriage return::

        newsclaims  42%|████████▍           | 2,100/5,000 docs [01:10<01:36, 30.0 docs/s] 5,230 claims, 3 failed

    Documents are counted one batch at a time through the light channel of `_CountingFactory`, and shard by shard
    as shards finish (the larger of the two is shown). The total comes from a quick count of the inputs' lines in a
    background thread (`_count_documents`), capped by ``limit``; until it is known, or where it cannot be (stdin,
    WARC), the line shows the count and the rate without a bar or an ETA. Silent when disabled or when the stream
    is not a terminal: a log file or a pipe gets no progress lines.
    """

    def __init__(self, enabled: bool, stream: Optional[TextIO] = None, *, clock: Callable[[], float] = time.monotonic,
                 channel: Optional[Path] = None, interval: float = 0.2) -> None:
        self.stream = stream
        self.enabled = bool(enabled) and self._tty()
        self.clock, self.started, self.interval = clock, clock(), interval
        self.channel = channel
        self.totals: collections.Counter = collections.Counter()
        self.total: Optional[int] = None  # documents expected, once known
        self.reused = 0
        self._first: Optional[tuple[float, int]] = None  # (time, count) when documents were first counted
        self._complete = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._written = 0  # length of the line on screen, so a shorter one blanks its tail

    def start(self, input_files: Sequence[InputFile] = (), limit: Optional[int] = None) -> None:
        """Start counting the inputs and redrawing the line (only when enabled)."""
        if not self.enabled:
            return
        self.total = limit or None
        self._spawn(self._count_total, input_files, limit)
        self._spawn(self._tick)

    def update(self, stats: Mapping[str, Any], plan: _Plan) -> None:
        """A shard finished."""
        self.totals.update({k: stats.get(k, 0) for k in ("items", "documents", "documents_failed", "documents_skipped",
                                                         "read_errors", "claims")})
        self.totals["shards"] += 1
        self.reused = plan.reused
        self.refresh()

    def finished(self, plan: _Plan) -> None:
        """Every shard is done: the total is what was read (the line count is an estimate)."""
        self.reused = plan.reused
        self.total = self.done()
        self._complete = True

    def close(self, plan: _Plan) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=1.0)
        self.reused = plan.reused
        if self.enabled:
            self.refresh(end="\n")

    def done(self) -> int:
        """Documents (and unreadable items) done in this run."""
        return max(self.totals["items"], _documents_counted(self.channel) if self.channel else 0)

    def render(self, columns: int = 120) -> str:
        """The progress line, at most ``columns - 1`` characters (a full line would wrap on some terminals)."""
        now, done = self.clock(), self.done()
        elapsed, rate = now - self.started, self._rate(now, done)
        if rate is None and self._complete and elapsed > 0:
            rate = done / elapsed  # a run that finished in one step: its average is all there is
        speed = f"{rate:,.1f} docs/s" if rate else "? docs/s"
        if self.total:
            total = max(self.total, done)
            left = _clock_time((total - done) / rate) if rate else "?"
            head = (f"newsclaims {100 * done // total:3d}%|{_bar(done / total, 20, self._unicode())}| "
                    f"{done:,}/{total:,} docs [{_clock_time(elapsed)}<{left}, {speed}]")
        else:
            head = f"newsclaims {done:,} docs [{_clock_time(elapsed)}, {speed}]"
        return f"{head} {self._tally()}"[: max(columns - 1, 20)]

    def _rate(self, now: float, done: int) -> Optional[float]:
        """Documents per second since documents were first counted: the time before that went on loading the
        pipeline, which would make the first ETA several times too long."""
        if done and self._first is None:
            self._first = (now, done)
        if self._first is None or now <= self._first[0] or done <= self._first[1]:
            return None
        return (done - self._first[1]) / (now - self._first[0])

    def refresh(self, end: str = "") -> None:
        if not self.enabled:
            return
        with self._lock:
            line = self.render(self._columns())
            self._out().write("\r" + line.ljust(self._written) + end)
            self._out().flush()
            self._written = 0 if end else len(line)

    def _tally(self) -> str:
        t = self.totals
        parts = [f"{t['claims']:,} claims"]
        parts += [f"{t[key]:,} {what}" for key, what in (("documents_failed", "failed"),
                  ("documents_skipped", "not English"), ("read_errors", "unreadable")) if t[key]]
        if self.reused:
            parts.append(f"{self.reused} shard(s) done earlier")
        return ", ".join(parts)

    def _spawn(self, target: Callable[..., None], *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name="newsclaims-progress")
        thread.start()
        self._threads.append(thread)

    def _tick(self) -> None:
        while not self._stop.wait(self.interval):
            self.refresh()

    def _count_total(self, input_files: Sequence[InputFile], limit: Optional[int]) -> None:
        with contextlib.suppress(Exception):  # the count is a nicety: an unreadable file is the reader's to report
            counted = _count_documents(input_files, self._stop)
            if counted is not None and not self._complete:  # a finished run already knows its total
                self.total = min(counted, limit) if limit else counted

    def _out(self) -> TextIO:
        return self.stream or sys.stderr  # looked up late so redirected stderr is honoured

    def _tty(self) -> bool:
        return bool(getattr(self._out(), "isatty", lambda: False)())

    def _columns(self) -> int:
        try:
            columns = os.get_terminal_size(self._out().fileno()).columns
        except (AttributeError, OSError, ValueError):
            columns = 0
        return columns or 120  # a pseudo-terminal without a size says 0

    def _unicode(self) -> bool:
        return "utf" in (getattr(self._out(), "encoding", None) or "").lower()


_BLOCKS = " ▏▎▍▌▋▊▉█"  # eighths of a character cell, as tqdm draws its bar


def _bar(fraction: float, width: int, unicode: bool) -> str:
    fraction = min(max(fraction, 0.0), 1.0)
    if not unicode:
        filled = int(fraction * width)
        return ("#" * filled).ljust(width, ".")
    eighths = int(fraction * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_BLOCKS[part] if part else "")).ljust(width)


def _clock_time(seconds: float) -> str:
    """01:36, or 1:02:03 past an hour."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


# The light channel: one file per worker process in OUTDIR/.progress, one byte appended per document processed.
# A file works alike for the serial engine, worker processes and Dask workers (which see OUTDIR anyway), needs no
# server, and costs one small append per batch. Its files are removed when the run ends.
_PROGRESS_FOLDER = ".progress"


@dataclass(frozen=True)
class _CountingFactory:
    """The run's process factory, wrapped so that its batch function reports each processed batch to the channel."""

    factory: ProcessFactory
    folder: str

    def __call__(self) -> ProcessFn:
        fn = self.factory()
        return functools.partial(_count_batch, fn, self.folder)


def _count_batch(fn: ProcessFn, folder: str, docs: list[Document]) -> list[ClaimResult]:
    results = list(fn(docs))  # a batch that raises is not counted: it is retried document by document
    with contextlib.suppress(OSError):  # progress must never fail a shard
        handle = os.open(os.path.join(folder, f"{socket.gethostname()}-{os.getpid()}"),
                         os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(handle, b"." * len(docs))
        finally:
            os.close(handle)
    return results


def _documents_counted(folder: Path) -> int:
    try:
        return sum(entry.stat().st_size for entry in os.scandir(folder))
    except OSError:
        return 0


def _reset_channel(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _count_documents(input_files: Sequence[InputFile], stop: Optional[threading.Event] = None) -> Optional[int]:
    """How many documents the inputs hold, counted cheaply (lines, files), or None where only parsing can tell."""
    total = 0
    for input_file in input_files:
        if stop is not None and stop.is_set():
            return None
        if input_file.skipped or input_file.problem:
            continue
        counted = _documents_in(input_file, stop)
        if counted is None:
            return None
        total += counted
    return total


def _documents_in(input_file: InputFile, stop: Optional[threading.Event] = None) -> Optional[int]:
    fmt = input_file.format
    if fmt in ("txt", "html"):
        return 1
    if input_file.is_stdin or fmt not in ("jsonl", "csv", "json"):
        return None  # stdin cannot be read twice; a WARC's articles are known only by parsing its records
    if fmt == "json":
        if input_file.path.stat().st_size > 64 * 2**20:
            return None
        with _open_counted(input_file.path) as handle:
            data = json.load(handle)
        return len(data) if isinstance(data, list) else 1
    lines = _count_lines(input_file.path, stop)
    if lines is None:
        return None
    return max(lines - 1, 0) if fmt == "csv" else lines  # a CSV's header row; a quoted line break counts twice


def _open_counted(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _count_lines(path: Path, stop: Optional[threading.Event] = None) -> Optional[int]:
    """Lines of a (gzipped) file, or None when ``stop`` is set first (a run that ends stops its count)."""
    lines, last = 0, b"\n"
    with _open_counted(path) as handle:
        while chunk := handle.read(1 << 20):
            if stop is not None and stop.is_set():
                return None
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


# ---------------------------------------------------------------------------------------- the run

@contextlib.contextmanager
def _run_lock(outdir: Path) -> Iterator[None]:
    """One run per OUTDIR at a time; the OS drops the lock when the process dies (even by kill -9)."""
    with open(outdir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RuntimeError(f"another run is using {outdir}") from None
        yield


def _remove_stale_temp_files(folder: Path) -> None:
    for stale in folder.glob(".*.tmp-*"):
        stale.unlink(missing_ok=True)


def _check_options(engine: str, n_process: int, shard_size: int, batch_size: int, process: ProcessFactory) -> None:
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if n_process < 1 or shard_size < 1 or batch_size < 1:
        raise ValueError("n_process, shard_size and batch_size must be at least 1")
    if not callable(process):
        raise TypeError("process must be a factory: a callable returning the batch function")
    if engine == "local" and n_process > 1:
        try:
            pickle.dumps(process)
        except Exception as exc:
            raise TypeError("with n_process > 1 the process factory must be picklable (a module-level "
                            f"function or a functools.partial of one): {exc}") from exc


def run_corpus(
    inputs: Union[PathLike, Iterable[PathLike]],
    outdir: PathLike,
    *,
    process: ProcessFactory,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    shard_size: int = DEFAULT_SHARD_SIZE,
    formats: Iterable[str] = ("jsonl",),
    engine: str = "local",
    scheduler: Any = None,
    progress: Union[bool, TextIO] = True,
    limit: Optional[int] = None,
    field_map: Optional[Mapping[str, str]] = None,
    date_order: str = DEFAULT_DATE_ORDER,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS,
    keep_text: bool = False,
    language_check: bool = True,
    doc_timeout: Optional[float] = None,
    retry_failed: bool = False,
    config_hash: Optional[str] = None,
    pipeline_version: Optional[str] = None,
) -> dict[str, Any]:
    """Extract claims from every document of ``inputs`` into ``outdir``; return the manifest.

    ``process`` is a factory (called once per worker process) returning a function that maps a list of
    Documents to a list of ``(doc_id, [claim dict, ...])`` with claim dicts as from ``Claim.to_dict()``.
    Pass ``config_hash``/``pipeline_version`` so a resumed run notices a changed pipeline and redoes
    its shards. Re-running on the same ``outdir`` resumes; an uninterrupted and a resumed run give
    identical tables. With ``language_check`` (the default) a document that is not English is reported
    with status 'skipped' and an errors row of stage 'language' instead of being processed. With
    ``doc_timeout`` a document that takes longer than that many seconds (plus one per 2,000 characters)
    fails alone with a time-out, on every engine (on Dask each task thread runs its shards in a child process
    whose main thread can take the alarm, with a pipeline of its own; see `run_shard_on_dask_worker`). ``date_order`` (MDY or DMY) reads
    publication dates such as 04.11.2025; ``max_file_bytes`` and ``max_doc_chars`` cap what one input file and
    one document may hold (0 = no limit; what exceeds them is a read error). Like ``field_map`` they change the
    documents read, so a resumed run with other values redoes the shards whose documents changed. ``limit`` processes
    only the first that many documents (after dedupe; 0 or None = all); its shards are those of the full run, so
    a later run with a higher limit or none reuses them. An input ``"-"`` is standard input, read as JSONL.
    ``progress`` shows a live progress line on stderr, or on the stream given, when that is a terminal.
    A resumed run keeps the earlier outcome of every finished shard, failed documents included; with
    ``retry_failed`` it processes again the documents whose processing failed (errors rows of stage 'process',
    time-outs for instance), and those that now succeed get their claims and lose their errors rows.
    """
    formats = check_formats(formats)
    _check_options(engine, n_process, shard_size, batch_size, process)
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 (no limit) or more, not {limit}")
    ReadOptions(date_order=date_order, max_file_bytes=max_file_bytes, max_doc_chars=max_doc_chars)  # fails fast
    inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)  # read twice: listing, then reading
    outdir, started_at, clock = Path(outdir), _now(), time.perf_counter()
    input_files = list_input_files(inputs, exclude=[outdir])  # fails fast on a mistyped path
    shard_dir = outdir / "shards"
    shard_dir.mkdir(parents=True, exist_ok=True)
    version = pipeline_version or _package_version()
    salt = json.dumps([config_hash, version, keep_text] + ([] if language_check else ["no-language-check"]))
    with _run_lock(outdir):
        _remove_stale_temp_files(shard_dir)
        _remove_stale_temp_files(outdir)
        (outdir / "manifest.json").unlink(missing_ok=True)  # present only for a complete output
        plan = _Plan()
        items = iter_documents(inputs, field_map=field_map, exclude=[outdir], date_order=date_order,
                               max_file_bytes=max_file_bytes, max_doc_chars=max_doc_chars, skipped=plan.warc_skipped)
        tasks = _plan_shards(items, shard_dir, shard_size=shard_size, salt=salt, keep_text=keep_text, plan=plan,
                             language_check=language_check, doc_timeout=doc_timeout, limit=limit,
                             retry_failed=retry_failed)
        meter = _Progress(bool(progress), None if isinstance(progress, bool) else progress,
                          channel=outdir / _PROGRESS_FOLDER)
        if meter.enabled:
            _reset_channel(meter.channel)
            meter.channel.mkdir()
            process = _CountingFactory(process, str(meter.channel))
            meter.start(input_files, limit)
        try:
            shard_seconds = _drive(tasks, process, plan, meter, engine=engine, n_process=n_process,
                                   batch_size=batch_size, scheduler=scheduler)
        finally:
            _reset_channel(meter.channel)
        process_done = time.perf_counter()
        _remove_extra_shards(shard_dir, plan.total)
        counts = _merge(outdir, shard_dir, plan.total, formats)
        manifest = _manifest(
            input_files=input_files, inputs=inputs, counts=counts, plan=plan, formats=formats, outdir=outdir,
            version=version, config_hash=config_hash,
            options={"engine": engine, "n_process": n_process, "batch_size": batch_size, "shard_size": shard_size,
                     "keep_text": keep_text, "language_check": language_check, "doc_timeout": doc_timeout,
                     "limit": limit or None, "retry_failed": retry_failed,
                     "field_map": dict(field_map or {}), "date_order": date_order, "max_file_bytes": max_file_bytes,
                     "max_doc_chars": max_doc_chars},
            timings={"started_at": started_at, "finished_at": _now(),
                     "process_seconds": round(process_done - clock, 3),
                     "merge_seconds": round(time.perf_counter() - process_done, 3),
                     "total_seconds": round(time.perf_counter() - clock, 3),
                     "documents_per_second": round(meter.totals["documents"] / max(process_done - clock, 1e-9), 2),
                     "shard_seconds_all_sessions": round(_all_shard_seconds(shard_dir, plan.total), 3),
                     "shard_seconds_this_session": round(shard_seconds, 3)},
        )
        write_json_atomic(outdir / "manifest.json", manifest)
    return manifest


def _drive(tasks: Iterator[ShardTask], process: ProcessFactory, plan: _Plan, meter: _Progress, *, engine: str,
           n_process: int, batch_size: int, scheduler: Any) -> float:
    """Run the shards on the chosen engine, report progress, and return the summed shard seconds."""
    if engine == "dask":
        results = _run_dask(tasks, process, batch_size, scheduler)
    elif n_process > 1:
        results = _run_pool(tasks, process, batch_size, n_process)
    else:
        cached_process(process)  # load once up front: a broken pipeline fails before any reading
        results = _run_serial(tasks, process, batch_size)
    seconds = 0.0
    try:
        for stats in results:
            seconds += stats.get("seconds", 0.0)
            meter.update(stats, plan)
        meter.finished(plan)
    finally:
        meter.close(plan)
    return seconds


def _remove_extra_shards(shard_dir: Path, total: int) -> None:
    """Shards numbered past this run's last one come from an earlier, longer input: not part of it."""
    for path in shard_dir.glob("*.*"):
        number = path.name.split(".", 1)[0]
        if number.isdigit() and int(number) >= total:
            path.unlink(missing_ok=True)


def _all_shard_seconds(shard_dir: Path, total: int) -> float:
    seconds = 0.0
    for number in range(total):
        with contextlib.suppress(FileNotFoundError, json.JSONDecodeError):
            seconds += json.loads((shard_dir / f"{number:05d}.done").read_text()).get("seconds", 0.0)
    return seconds


def _manifest(*, input_files: Sequence[InputFile], inputs: Sequence[PathLike], counts: Mapping[str, int], plan: _Plan,
              formats: Sequence[str], outdir: Path, version: str, config_hash: Optional[str],
              options: Mapping[str, Any], timings: Mapping[str, Any]) -> dict[str, Any]:
    accounted = counts["items"] == (counts["documents_ok"] + counts["documents_failed"] + counts["documents_skipped"]
                                    + counts["documents_duplicate"] + counts["read_errors"])
    return {
        "status": "complete",
        "pipeline_version": version,
        "config_hash": config_hash,
        "inputs": _describe_inputs(inputs, input_files),
        "counts": {**counts, "duplicate_ids": plan.duplicates, "all_items_accounted_for": accounted,
                   "files_skipped_unknown_type": sum(1 for f in input_files if f.skipped),
                   "warc_records_skipped": dict(sorted(plan.warc_skipped.items()))},
        "shards": {"total": plan.total, "reused_from_earlier_run": plan.reused,
                   "processed_this_run": plan.total - plan.reused, "retried_for_failed_documents": plan.retried},
        "options": dict(options),
        "outputs": _describe_outputs(outdir, formats),
        "timings": dict(timings),
    }


def _describe_inputs(inputs: Sequence[PathLike], input_files: Sequence[InputFile]) -> list[dict[str, Any]]:
    """One entry per input as given (a folder lists its file count, not every file)."""
    described = []
    for path in map(Path, inputs):
        files = [f.path for f in input_files if f.path == path or f.root == path]
        described.append({"path": str(path), "kind": "folder" if path.is_dir() else "file", "files": len(files),
                          "bytes": sum(p.stat().st_size for p in files if p.exists())})
    return described


def _describe_outputs(outdir: Path, formats: Sequence[str]) -> dict[str, Any]:
    wanted = [n for fmt in formats for n in _table_files(fmt)] + (["errors.jsonl"] if "jsonl" not in formats else [])
    return {name: {"bytes": (outdir / name).stat().st_size} for name in wanted if (outdir / name).exists()}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _package_version() -> str:
    from newsclaims import __version__

    return __version__


# ------------------------------------------------------------------------------------------- SQL

class UnsafeQueryError(ValueError):
    """A query that the read-only ``sql`` policy refuses (writes, attaches, settings, extensions)."""


SAFE_STATEMENTS = ("SELECT", "EXPLAIN")


def sql(outdir: PathLike, query: str, params: Optional[Sequence[Any]] = None, *,
        unsafe: bool = False) -> list[tuple[Any, ...]]:
    """Run ``query`` with DuckDB over a run's tables (documents, claims, errors) and return the rows."""
    return sql_with_columns(outdir, query, params, unsafe=unsafe)[1]


def sql_with_columns(outdir: PathLike, query: str, params: Optional[Sequence[Any]] = None, *,
                     unsafe: bool = False) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(column names, rows) of ``query`` over a run's tables.

    Uses whatever the run wrote, preferring Parquet, then claims.duckdb, then JSONL, then CSV. Unless ``unsafe``,
    the connection reads the run's own table files and nothing else: only SELECT and EXPLAIN statements run, file
    access outside those files is off, extensions are never installed or loaded, and the settings are locked.
    """
    import duckdb

    outdir = Path(outdir)
    config = {} if unsafe else {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    con = duckdb.connect(config=config)
    try:
        sources = {table: _table_source(con, outdir, table) for table in TABLES}
        if not unsafe:
            _lock_down(con, outdir)
        for table, source in sources.items():
            con.execute(f"CREATE VIEW {table} AS {source}")
        if not unsafe:
            con.execute("SET lock_configuration = true")
            _refuse_unsafe_statements(con, query)
        cursor = con.execute(query, params or [])
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    finally:
        con.close()


def _lock_down(con: Any, outdir: Path) -> None:
    own = [str((outdir / f"{t}.{fmt}").resolve()) for t in TABLES for fmt in ("parquet", "jsonl", "csv")]
    con.execute("SET allowed_paths = " + "[" + ", ".join(_quote(Path(p)) for p in own) + "]")
    con.execute("SET enable_external_access = false")


def _refuse_unsafe_statements(con: Any, query: str) -> None:
    for statement in con.extract_statements(query):
        kind = statement.type.name
        if kind not in SAFE_STATEMENTS:
            raise UnsafeQueryError(f"{kind} statements are not allowed: newsclaims sql is read-only over the run's "
                                   "own tables (use --unsafe for full DuckDB)")


_LONGEST_ROW = 2**31 - 1  # bytes


def _table_source(con: Any, outdir: Path, table: str) -> str:
    parquet, database = outdir / f"{table}.parquet", outdir / DUCKDB_FILE
    jsonl, csv_file = outdir / f"{table}.jsonl", outdir / f"{table}.csv"
    if parquet.exists():
        return f"SELECT * FROM read_parquet({_quote(parquet.resolve())})"
    if database.exists():
        attached = {row[0] for row in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}
        if "run" not in attached:
            con.execute(f"ATTACH {_quote(database)} AS run (READ_ONLY)")
        return f"SELECT * FROM run.{table}"
    # A row may hold a whole article (documents.text with --keep-text): past DuckDB's default 2 MB CSV line and
    # 16 MB JSON object, so the limits are lifted to the largest DuckDB takes (it allocates only what a row needs).
    if jsonl.exists():
        return (f"SELECT * FROM read_json({_quote(jsonl.resolve())}, format='newline_delimited', "
                f"maximum_object_size={_LONGEST_ROW}, columns={duckdb_column_struct(table)})")
    if csv_file.exists():
        return (f"SELECT * FROM read_csv({_quote(csv_file.resolve())}, header=true, max_line_size={_LONGEST_ROW}, "
                f"columns={duckdb_column_struct(table)})")
    raise FileNotFoundError(f"no {table} table in {outdir} (was the run completed? see manifest.json)")


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
