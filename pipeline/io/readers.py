"""Turn news inputs (folders, .txt, JSON/JSONL(.gz), CSV, HTML, WARC) into a stream of Documents.

`iter_documents` yields `Document` or `ReadError` records and never raises for one bad document, so a
corpus run keeps going and can account for every item. It does raise `FileNotFoundError` for an input
path that does not exist: a mistyped path must not look like an empty corpus.

Publication dates come only from metadata (a field, or HTML markup read by trafilatura/htmldate): dates
guessed from the article body are often the dates the article talks about, and a WARC-Date is the
crawl time, kept as ``meta['crawl_date']``.

Every input is read with bounded memory: decompressed bytes per file (``max_file_bytes``) and characters per
document (``max_doc_chars``) are capped, and what exceeds a cap is a ReadError that says how to raise it.
WARC records that are not articles (images, robots.txt, redirects, 404s) are skipped and counted, not errors.
"""
from __future__ import annotations

import contextlib
import csv
import gzip
import json
import os
import re
import sys
import zlib
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, ContextManager, Optional, Union

from newsclaims.io.documents import DEFAULT_DATE_ORDER, Document, ReadError, check_date_order, normalize_published

Item = Union[Document, ReadError]
PathLike = Union[str, Path]

# A Common Crawl WARC file is about 5 GB decompressed and news JSONL dumps run to several GB; a gzip bomb is
# still stopped here, and its memory is bounded long before by the per-document byte cap below.
DEFAULT_MAX_FILE_BYTES = 16 * 2**30
# The project processes a 5 MB article (benchmarks/long_article.py, a little over 5,000,000 characters);
# twice that is still an article, far more is a dump or a runaway field.
DEFAULT_MAX_DOC_CHARS = 10_000_000
# The bytes one document may take in its input: a character is at most 4 bytes of UTF-8 and 6 as a JSON
# \uXXXX escape, and HTML markup around the text is also bounded by this. A JSONL line, a CSV record, a WARC
# article body and a file read whole (.txt, .html, .json) are capped at this many bytes per allowed character.
_INPUT_BYTES_PER_CHAR = 6

# Suffix -> format name; longest suffixes first so ".jsonl.gz" wins over ".gz".
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".json.gz", "json"), (".json", "json"), (".csv.gz", "csv"), (".csv", "csv"), (".txt", "txt"),
    (".html", "html"), (".htm", "html"), (".warc.gz", "warc"), (".warc", "warc"),
)
SUPPORTED_SUFFIXES = tuple(suffix for suffix, _ in _SUFFIXES)
# The input path that means standard input, read as JSONL (gzipped JSONL too), as in `cat news.jsonl | newsclaims
# extract -`. Only a path given as exactly "-" is stdin: a file named "-" inside a folder is a file.
STDIN = "-"
_STDIN_ID = "stdin"  # document ids default to "stdin:LINE" as they default to "FILE:LINE" for a file

# Document field -> input field names tried in order (overridden one by one by ``field_map``).
_DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id"),
    "text": ("text",),
    "title": ("title",),
    "url": ("url",),
    "published": ("published", "published_at", "date"),
    "source": ("source",),
    "lang": ("lang", "language"),
}

# Only markup dates (meta tags, <time>, URL patterns): the extensive search reads dates in the body text.
_HTML_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_HTML_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)", re.I)
_HTML_META = ("author", "description", "hostname", "sitename", "categories", "tags")  # kept in Document.meta
_CSV_FIELD_LIMIT = 2**31 - 1
_TRUNCATION_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)
_READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: field names, the order of numeric dates, and the resource caps (0 = no limit)."""

    fields: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(_DEFAULT_FIELDS))
    date_order: str = DEFAULT_DATE_ORDER
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS

    def __post_init__(self) -> None:
        check_date_order(self.date_order)
        if self.max_file_bytes < 0 or self.max_doc_chars < 0:
            raise ValueError("max_file_bytes and max_doc_chars must be 0 (no limit) or more")

    @property
    def max_doc_bytes(self) -> int:
        return self.max_doc_chars * _INPUT_BYTES_PER_CHAR

    def file_cap(self) -> str:
        return (f"the cap of {self.max_file_bytes:,} decompressed bytes per file (--max-file-bytes, run_corpus "
                "max_file_bytes); raise it, or set 0 for no limit, to read it")

    def doc_bytes_cap(self) -> str:
        return (f"the cap of {self.max_doc_bytes:,} input bytes per document ({_INPUT_BYTES_PER_CHAR} per character "
                f"of --max-doc-chars {self.max_doc_chars:,}, run_corpus max_doc_chars); raise --max-doc-chars, or set "
                "0 for no limit, to read it")

    def doc_chars_cap(self) -> str:
        return (f"the cap of {self.max_doc_chars:,} characters per document (--max-doc-chars, run_corpus "
                "max_doc_chars); raise it, or set 0 for no limit, to read it")

    def whole_file_cap(self) -> tuple[int, str]:
        """(bytes, which cap) for a file read whole (.txt, .html, .json): the smaller cap that is set, 0 if none."""
        caps = [(self.max_doc_bytes, self.doc_bytes_cap()), (self.max_file_bytes, self.file_cap())]
        return min(((limit, says) for limit, says in caps if limit), default=(0, ""))


@dataclass(frozen=True)
class SkippedRecord:
    """A WARC record that holds no article (an image, robots.txt, a redirect): counted by reason, not an error."""

    location: str
    reason: str


ReaderItem = Union[Item, SkippedRecord]


class _OverCap(Exception):
    """Reading stopped at a cap; the message says which cap, where, and how to raise it."""


@dataclass(frozen=True)
class InputFile:
    """A file to read and the folder it was found under (document ids are relative to that folder)."""

    path: Path
    root: Optional[Path] = None
    problem: Optional[str] = None  # an entry that cannot be read at all (unreadable folder, dangling link)
    skipped: bool = False  # a file of an unknown type found inside a folder: counted, not an error

    @property
    def is_stdin(self) -> bool:
        return self.root is None and _is_stdin(self.path)

    @property
    def format(self) -> Optional[str]:
        return "jsonl" if self.is_stdin else _format_of(self.path)

    @property
    def rel_id(self) -> str:
        """The path relative to its folder without the format suffix, e.g. ``news/2020/a`` for a.txt."""
        if self.is_stdin:
            return _STDIN_ID
        rel = self.path.relative_to(self.root).as_posix() if self.root else self.path.name
        lowered = rel.lower()
        for suffix, _ in _SUFFIXES:
            if lowered.endswith(suffix):
                return rel[: -len(suffix)]
        return rel


def list_input_files(paths: Union[PathLike, Iterable[PathLike]], *,
                     exclude: Iterable[PathLike] = ()) -> list[InputFile]:
    """Expand files and folders (recursively, sorted, hidden entries skipped) in a deterministic order.

    A stable order is what lets an interrupted run cut the same shards again when it resumes. Folders in
    ``exclude`` (the run's own output) and any folder holding a newsclaims run are never read as input.
    """
    excluded = {Path(p).resolve() for p in exclude}
    files: list[InputFile] = []
    for given in _as_path_list(paths):
        if _is_stdin(given):
            files.append(InputFile(given))
        elif given.is_dir():
            files.extend(_walk(given, excluded))
        elif given.exists():
            files.append(InputFile(given))
        elif given.is_symlink():
            files.append(InputFile(given, problem="dangling symbolic link (its target does not exist)"))
        else:
            raise FileNotFoundError(f"input path does not exist: {given}")
    return files


def iter_documents(
    paths: Union[PathLike, Iterable[PathLike]], *, field_map: Optional[Mapping[str, str]] = None,
    exclude: Iterable[PathLike] = (), date_order: str = DEFAULT_DATE_ORDER,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES, max_doc_chars: int = DEFAULT_MAX_DOC_CHARS,
    skipped: Optional[Counter] = None,
) -> Iterator[Item]:
    """Yield a Document or a ReadError for every item of every input, in a stable order.

    ``field_map`` maps Document field names to the input's names for JSON/JSONL/CSV inputs, e.g.
    ``{"text": "body", "published": "pub_date", "source": "domain"}``; unmapped fields use the defaults
    (``published`` also accepts ``published_at`` and ``date``). Input fields not mapped go to ``meta``.
    ``date_order`` (MDY or DMY) reads publication dates such as 04.11.2025. ``max_file_bytes`` caps the
    decompressed bytes read from one file and ``max_doc_chars`` the characters of one document (0 = no limit).
    WARC records that hold no article are not yielded; they are counted by reason into ``skipped`` if given.
    """
    options = ReadOptions(fields=_resolve_fields(field_map), date_order=date_order, max_file_bytes=max_file_bytes,
                          max_doc_chars=max_doc_chars)
    for input_file in list_input_files(paths, exclude=exclude):
        for item in read_input_file(input_file, options):
            if isinstance(item, SkippedRecord):
                if skipped is not None:
                    skipped[item.reason] += 1
                continue
            yield item


def read_input_file(input_file: InputFile, options: Optional[ReadOptions] = None) -> Iterator[ReaderItem]:
    """Read one file with the reader for its format; an unknown format or unreadable file is one ReadError.

    Besides Documents and ReadErrors this yields a SkippedRecord for each WARC record that is not an article.
    """
    options = options or ReadOptions()
    reader = _READERS.get(input_file.format or "")
    where = str(input_file.path)
    if input_file.problem:
        yield ReadError(where, input_file.problem, path=where)
        return
    if input_file.skipped:
        return  # an unknown file type inside a folder is counted in the manifest, not read
    if reader is None:
        kind = input_file.path.suffix or "no extension"
        yield ReadError(where, f"unsupported file type ({kind}); skipped. Readable: .txt, .json[.gz], .jsonl[.gz], "
                        ".ndjson[.gz], .csv[.gz], .html, .htm, .warc[.gz]", path=where)
        return
    try:
        yield from reader(input_file, options)
    except OSError as exc:  # permission denied, file vanished, I/O error: lose this file, not the run
        yield ReadError(where, f"could not read the file: {exc.strerror or exc}", path=where)


# ---------------------------------------------------------------------------------------------- paths

def _as_path_list(paths: Union[PathLike, Iterable[PathLike]]) -> list[Path]:
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def is_run_folder(folder: Path) -> bool:
    """A newsclaims output folder: its lock file beside a manifest or the shards of an unfinished run."""
    try:
        return (folder / ".lock").exists() and ((folder / "manifest.json").exists() or (folder / "shards").is_dir())
    except OSError:
        return False  # an unreadable folder: the walk reports it


def _walk(folder: Path, excluded: set[Path]) -> list[InputFile]:
    found: list[InputFile] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        found.append(InputFile(where, folder, problem=f"folder cannot be read: {exc.strerror or exc}"))

    for top, dirs, names in os.walk(folder, onerror=unreadable):
        here = Path(top)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not _is_excluded(here / d, excluded)]
        for name in names:
            if name.startswith("."):
                continue
            path = here / name
            if path.is_symlink() and not path.exists():
                found.append(InputFile(path, folder, problem="dangling symbolic link (its target does not exist)"))
            elif path.is_file():
                found.append(InputFile(path, folder, skipped=_format_of(path) is None))
    return sorted(found, key=lambda f: f.path.relative_to(folder).as_posix())


def _is_excluded(folder: Path, excluded: set[Path]) -> bool:
    return folder.resolve() in excluded or is_run_folder(folder)


def _format_of(path: Path) -> Optional[str]:
    name = path.name.lower()
    for suffix, fmt in _SUFFIXES:
        if name.endswith(suffix):
            return fmt
    return None


def _resolve_fields(field_map: Optional[Mapping[str, str]]) -> dict[str, tuple[str, ...]]:
    fields = dict(_DEFAULT_FIELDS)
    for name, source_name in (field_map or {}).items():
        if name not in fields:
            raise ValueError(f"field_map key {name!r} is not a Document field ({', '.join(fields)})")
        fields[name] = (source_name,)
    return fields


def _is_stdin(path: Path) -> bool:
    return str(path) == STDIN


def _open_binary(path: Path) -> ContextManager[IO[bytes]]:
    if _is_stdin(path):
        return contextlib.nullcontext(_stdin_bytes())  # not closed: stdin is the caller's
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _stdin_bytes() -> IO[bytes]:
    """Standard input as bytes, decompressed when it starts with the gzip magic (`zcat` is then not needed)."""
    stream = sys.stdin.buffer
    if stream.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    return stream


def _decode(raw: bytes, where: str, path: Path, *, base_offset: int = 0, line: Optional[int] = None) -> Union[str, ReadError]:
    """Decode UTF-8 (a BOM is dropped) or say at which byte of the file the bad bytes start."""
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    if _looks_utf16(raw):
        return ReadError(where, "the file looks like UTF-16, not UTF-8 (a UTF-16 byte-order mark or every other byte "
                         "NUL); re-encode the input as UTF-8", path=str(path), line=line, offset=base_offset)
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = base_offset + start + exc.start
        compressed = " of the decompressed data" if path.name.lower().endswith(".gz") else ""
        reason = (f"bytes are not valid UTF-8 at byte offset {offset}{compressed} "
                  f"({raw[start + exc.start:start + exc.start + 4]!r}); re-encode the input as UTF-8")
        return ReadError(where, reason, path=str(path), line=line, offset=offset)


def _looks_utf16(raw: bytes) -> bool:
    """A UTF-16 byte-order mark, or text where one byte of each pair is NUL (UTF-16 without a BOM). Stray NULs in
    UTF-8 text are read (and blanked later); only the regular pattern of UTF-16 is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = raw[:2000]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) >= 0.9 * (len(sample) // 2)


def _utf16_error(handle: IO[bytes], path: Path) -> Optional[ReadError]:
    """A file read line by line is checked for UTF-16 up front: its lines would each fail as "not JSON" or
    garble the CSV header, which does not say what is wrong."""
    start = handle.peek(2000)[:2000] if hasattr(handle, "peek") else b""
    if not _looks_utf16(start):
        return None
    return ReadError(str(path), "the file looks like UTF-16, not UTF-8 (a UTF-16 byte-order mark or every other byte "
                     "NUL); re-encode the input as UTF-8", path=str(path))


class _CappedReader:
    """A binary file (decompressed, if gzipped) that counts the bytes it hands out and raises _OverCap past
    ``limit`` (0 = no limit), so a gzip bomb is cut off at the cap instead of being read to its end."""

    def __init__(self, handle: IO[bytes], limit: int, cap: str) -> None:
        self._handle, self._limit, self._cap = handle, limit, cap
        self.consumed = 0

    def read(self, size: int = -1) -> bytes:
        return self._count(self._handle.read(self._bounded(size)))

    def readline(self, size: int = -1) -> bytes:
        return self._count(self._handle.readline(self._bounded(size)))

    def _bounded(self, size: int) -> int:
        if not self._limit:
            return size
        room = self._limit + 1 - self.consumed  # one byte past the cap is enough to know it is exceeded
        return room if size < 0 else min(size, room)

    def _count(self, data: bytes) -> bytes:
        self.consumed += len(data)
        if self._limit and self.consumed > self._limit:
            raise _OverCap(f"the file holds more than {self._limit:,} bytes, over {self._cap}")
        return data


def _read_whole(path: Path, options: ReadOptions) -> bytes:
    """The bytes of a file that is parsed whole (.txt, .html, .json), read no further than its cap."""
    limit, cap = options.whole_file_cap()
    with _open_binary(path) as handle:
        return _CappedReader(handle, limit, cap).read()


def _binary_lines(handle: Union[IO[bytes], _CappedReader],
                  max_line: int = 0) -> Iterator[tuple[int, int, Optional[bytes]]]:
    """Yield (line number from 1, byte offset of the line, raw bytes) so errors can point into the file.

    A line over ``max_line`` bytes (0 = no limit) is read past in chunks and yielded as None: one endless line
    (a gzip of zeros has no line break) must not be held in memory whole.
    """
    offset, number = 0, 0
    while raw := handle.readline(max_line + 1 if max_line else -1):
        number += 1
        length = len(raw)
        too_long = bool(max_line) and length > max_line and not raw.endswith(b"\n")
        while too_long and not raw.endswith(b"\n"):
            raw = handle.readline(_READ_CHUNK)
            if not raw:
                break
            length += len(raw)
        yield number, offset, (None if too_long else raw)
        offset += length


# ------------------------------------------------------------------------------------ records -> docs

def _record_to_document(record: Mapping[str, Any], *, where: str, default_id: str,
                        options: ReadOptions, path: Path, line: Optional[int]) -> Item:
    """Map one JSON object or CSV row to a Document, or to a ReadError saying which field is wrong.

    Fields missing at the top level are also looked up in a nested ``meta`` object (the Prodigy and
    gold-file convention); whatever is not used goes to ``Document.meta``.
    """
    if _nesting_exceeds(record, _MAX_NESTING):
        return ReadError(where, f"the record nests objects or lists more than {_MAX_NESTING} levels deep",
                         path=str(path), line=line)
    fields = options.fields
    record, repaired = _replace_lone_surrogates(record)
    values, meta = _pick_fields(record, fields)
    if repaired:
        meta["repaired"] = f"{repaired} lone UTF-16 surrogate escape(s) replaced by U+FFFD"
    doc_id = _as_id(values.get("id"), default_id)
    if doc_id is None:
        return ReadError(where, f"'id' is a {type(values['id']).__name__}, expected a string or number",
                         path=str(path), line=line)
    problem = _text_problem(record, values, fields) or _too_many_chars(values["text"], options)
    if problem:
        return ReadError(where, problem, path=str(path), line=line, doc_id=doc_id)
    meta["input"] = where
    published = normalize_published(values.get("published"), options.date_order)
    raw_published = values.get("published")
    if raw_published not in (None, "") and str(raw_published) != published:
        meta["published_raw"] = raw_published
    return Document(
        id=doc_id, text=values["text"], published=published, title=_opt_str(values.get("title")),
        url=_opt_str(values.get("url")), source=_opt_str(values.get("source")),
        lang=_opt_str(values.get("lang")), meta=meta,
    )


_MAX_NESTING = 64  # metadata nests a few levels; far deeper is junk, and would overflow the writers' recursion


def _nesting_exceeds(value: Any, limit: int) -> bool:
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (Mapping, list)):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, Mapping) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _json_limit(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "objects or lists nest too deeply"
    return str(exc)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_lone_surrogates(value: Any) -> tuple[Any, int]:
    """JSON may escape half of a UTF-16 pair ("\\ud83d" alone), which no UTF-8 file can hold; replace each
    such character by U+FFFD (one character for one, so offsets into the text stay right) and count them."""
    if isinstance(value, str):
        fixed, count = _LONE_SURROGATE.subn("\ufffd", value)
        return fixed, count
    if isinstance(value, Mapping):
        total, out = 0, {}
        for key, item in value.items():
            new_key, a = _replace_lone_surrogates(key)
            new_item, b = _replace_lone_surrogates(item)
            out[new_key] = new_item
            total += a + b
        return (out, total) if total else (value, 0)
    if isinstance(value, list):
        pairs = [_replace_lone_surrogates(v) for v in value]
        total = sum(n for _, n in pairs)
        return ([v for v, _ in pairs], total) if total else (value, 0)
    return value, 0


def _pick_fields(record: Mapping[str, Any], fields: Mapping[str, tuple[str, ...]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (Document field values, the remaining input fields for ``meta``)."""
    has_nested = isinstance(record.get("meta"), Mapping)
    nested: Mapping[str, Any] = record["meta"] if has_nested else {}
    rest = {**nested, **{k: v for k, v in record.items() if not (has_nested and k == "meta")}}
    values: dict[str, Any] = {}
    for name, candidates in fields.items():
        for scope in (record, nested):
            found = next((c for c in candidates if c in scope), None)
            if found is not None:
                values[name] = scope[found]
                break
    for candidates in fields.values():
        for candidate in candidates:
            rest.pop(candidate, None)
    return values, rest


def _text_problem(record: Mapping[str, Any], values: Mapping[str, Any], fields: Mapping[str, tuple[str, ...]]) -> Optional[str]:
    name = fields["text"][0]
    if "text" not in values:
        present = ", ".join(sorted(map(str, record))) or "none"
        return f"no {name!r} field (fields present: {present}); {_text_field_hint(record, fields)}"
    text = values["text"]
    if text is None:
        return f"{name!r} is null"
    if not isinstance(text, str):
        return f"{name!r} is a {type(text).__name__}, expected a string"
    if not text.strip():
        return f"{name!r} is empty"
    return None


def _text_field_hint(record: Mapping[str, Any], fields: Mapping[str, tuple[str, ...]]) -> str:
    """Name the field that most likely holds the article: the longest string among the fields not already used
    for another Document field (an id or a title is shorter than the body of an article)."""
    taken = {name for key, names in fields.items() if key != "text" for name in names}
    strings = {str(k): v for k, v in record.items() if isinstance(v, str) and v.strip() and k not in taken}
    if not strings:
        return "name the field that holds the text with --field text=NAME"
    longest = max(sorted(strings), key=lambda k: len(strings[k]))
    return f"name the field that holds the text with --field text=NAME, e.g. --field text={longest}"


def _too_many_chars(text: str, options: ReadOptions) -> Optional[str]:
    if options.max_doc_chars and len(text) > options.max_doc_chars:
        return f"the text has {len(text):,} characters, over {options.doc_chars_cap()}"
    return None


def _checked_size(item: Item, options: ReadOptions, path: Path) -> Item:
    """A Document whose text is over the character cap becomes a ReadError (for formats without a text field)."""
    problem = _too_many_chars(item.text, options) if isinstance(item, Document) else None
    if problem is None:
        return item
    return ReadError(item.meta.get("input", str(path)), problem, path=str(path), doc_id=item.id)


def _as_id(value: Any, default: str) -> Optional[str]:
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def _opt_str(value: Any) -> Optional[str]:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


# ---------------------------------------------------------------------------------------- formats

def _read_txt(input_file: InputFile, options: ReadOptions) -> Iterator[Item]:
    """One article per file; the id is the path relative to the folder it was found in."""
    path, where, doc_id = input_file.path, str(input_file.path), input_file.rel_id
    try:
        raw = _read_whole(path, options)
    except _OverCap as exc:
        yield ReadError(where, f"{exc}; nothing of it was read", path=where, doc_id=doc_id)
        return
    text = _decode(raw, where, path)
    if isinstance(text, ReadError):
        text.doc_id = doc_id
        yield text
    elif not text.strip():
        yield ReadError(where, "file is empty", path=where, doc_id=doc_id)
    else:
        yield _checked_size(Document(id=doc_id, text=text, meta={"input": where}), options, path)


def _read_jsonl(input_file: InputFile, options: ReadOptions) -> Iterator[Item]:
    """One JSON object per line; a gzip stream cut short still yields the lines before the cut."""
    path = input_file.path
    last_line = 0
    with _open_binary(path) as raw_handle:
        handle = _CappedReader(raw_handle, options.max_file_bytes, options.file_cap())
        try:
            utf16 = _utf16_error(raw_handle, path)
            if utf16 is not None:
                yield utf16
                return
            for number, offset, raw in _binary_lines(handle, options.max_doc_bytes):
                last_line = number
                item = _jsonl_line(input_file, number, offset, raw, options)
                if item is not None:
                    yield item
        except _TRUNCATION_ERRORS as exc:
            yield _truncated(path, last_line, exc)
        except _OverCap as exc:
            yield _stopped_at_cap(path, last_line, exc)


def _jsonl_line(input_file: InputFile, number: int, offset: int, raw: Optional[bytes],
                options: ReadOptions) -> Optional[Item]:
    path = input_file.path
    where = f"{path}:{number}"
    if raw is None:
        return ReadError(where, f"the line is longer than {options.doc_bytes_cap()}; the lines after it are read",
                         path=str(path), line=number, offset=offset)
    text = _decode(raw, where, path, base_offset=offset, line=number)
    if isinstance(text, ReadError):
        return text
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"line is not valid JSON ({exc.msg} at column {exc.colno})", path=str(path), line=number)
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, or nesting deeper than the parser's stack
        return ReadError(where, f"line cannot be read as JSON: {_json_limit(exc)}", path=str(path), line=number)
    if not isinstance(record, dict):
        return ReadError(where, f"line is a JSON {type(record).__name__}, expected an object", path=str(path), line=number)
    return _record_to_document(record, where=where, default_id=f"{input_file.rel_id}:{number}",
                               options=options, path=path, line=number)


def _truncated(path: Path, last_line: int, exc: BaseException) -> ReadError:
    reason = (f"compressed file ends early or is corrupt after line {last_line} ({exc}); "
              f"the {last_line} line(s) before were read, the rest of the file is lost")
    return ReadError(f"{path}:{last_line + 1}", reason, path=str(path), line=last_line + 1)


def _stopped_at_cap(path: Path, last_line: int, exc: _OverCap) -> ReadError:
    reason = f"{exc}; the {last_line} line(s) before were read, the rest of the file is not"
    return ReadError(f"{path}:{last_line + 1}", reason, path=str(path), line=last_line + 1)


def _read_json(input_file: InputFile, options: ReadOptions) -> Iterator[Item]:
    """A .json file holds one article object or a list of them (e.g. the bundled corpus-raw files)."""
    path, where = input_file.path, str(input_file.path)
    try:
        text = _decode(_read_whole(path, options), where, path)
    except _TRUNCATION_ERRORS as exc:
        yield ReadError(where, f"compressed file ends early or is corrupt ({exc}); nothing of it was read", path=where)
        return
    except _OverCap as exc:  # parsed whole, so it is read whole: a list of articles belongs in JSONL
        yield ReadError(where, f"{exc} (or convert it to JSONL, read line by line); nothing of it was read", path=where)
        return
    if isinstance(text, ReadError):
        yield text
        return
    if not text.strip():
        return  # an empty .json holds no documents, as an empty .jsonl holds none
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError(where, f"file is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", path=where)
        return
    except (ValueError, RecursionError) as exc:
        yield ReadError(where, f"file cannot be read as JSON: {_json_limit(exc)}", path=where)
        return
    if isinstance(data, dict):
        yield _record_to_document(data, where=where, default_id=input_file.rel_id, options=options, path=path, line=None)
    elif isinstance(data, list):
        yield from _json_list(input_file, data, options)
    else:
        yield ReadError(where, f"file holds a JSON {type(data).__name__}, expected an object or a list of objects", path=where)


def _json_list(input_file: InputFile, data: list[Any], options: ReadOptions) -> Iterator[Item]:
    path = input_file.path
    for index, record in enumerate(data):
        where = f"{path}[{index}]"
        if not isinstance(record, dict):
            yield ReadError(where, f"item is a JSON {type(record).__name__}, expected an object", path=str(path))
            continue
        yield _record_to_document(record, where=where, default_id=f"{input_file.rel_id}:{index}",
                                  options=options, path=path, line=None)


class _RecordOverCap(Exception):
    """A CSV record grew past the per-document byte cap (raised through csv.reader, which holds the record)."""


class _CsvLineFeed:
    """Feeds decoded lines to csv.reader and remembers which physical lines the current record used.

    That memory is what lets a record with a broken quote (which swallows the lines after it) be
    reported with its line numbers and the swallowed lines be parsed again instead of lost. It also
    stops a record at ``max_record`` bytes (0 = no limit): csv.reader would hold a runaway quoted field whole.
    """

    def __init__(self, raw_lines: Iterator[tuple[int, int, Optional[bytes]]], max_record: int = 0) -> None:
        self._raw = raw_lines
        self._max_record = max_record
        self._pushback: deque[tuple[int, int, bytes]] = deque()
        self.record: list[tuple[int, int, bytes]] = []
        self.record_bytes = 0
        self.bad_bytes: Optional[tuple[int, int]] = None  # (line, byte offset) of the first undecodable byte
        self.last_line = 0

    def __iter__(self) -> "_CsvLineFeed":
        return self

    def __next__(self) -> str:
        number, offset, raw = self._pushback.popleft() if self._pushback else next(self._raw)
        self.last_line = max(self.last_line, number)
        self.record_bytes += len(raw) if raw is not None else self._max_record + 1
        if raw is None or (self._max_record and self.record_bytes > self._max_record):
            raise _RecordOverCap(self.record[0][0] if self.record else number)
        self.record.append((number, offset, raw))
        try:
            return raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            if self.bad_bytes is None:
                self.bad_bytes = (number, offset + exc.start)
            return raw.decode("utf-8", "replace")

    def start_record(self) -> None:
        self.record = []
        self.record_bytes = 0
        self.bad_bytes = None

    def lines(self) -> tuple[int, int]:
        return (self.record[0][0], self.record[-1][0]) if self.record else (0, 0)

    def reread_after_first_line(self) -> None:
        self._pushback.extendleft(reversed(self.record[1:]))
        self.record = []
        self.record_bytes = 0


def _read_csv(input_file: InputFile, options: ReadOptions) -> Iterator[Item]:
    """A header row then one article per record; quoted fields may span lines."""
    csv.field_size_limit(_CSV_FIELD_LIMIT)  # interpreter-wide, but articles exceed the 128 KiB default
    path = input_file.path
    with _open_binary(path) as raw_handle:
        utf16 = _utf16_error(raw_handle, path)
        if utf16 is not None:
            yield utf16
            return
        handle = _CappedReader(raw_handle, options.max_file_bytes, options.file_cap())
        feed = _CsvLineFeed(_binary_lines(handle, options.max_doc_bytes), options.max_doc_bytes)
        try:
            yield from _csv_records(input_file, feed, options)
        except _TRUNCATION_ERRORS as exc:
            yield _truncated(path, feed.last_line, exc)
        except _OverCap as exc:
            yield _stopped_at_cap(path, feed.last_line, exc)
        except _RecordOverCap as exc:
            # A CSV record cannot be stepped over without parsing it (a quote may open a field of many lines).
            first = exc.args[0]
            reason = (f"the CSV record starting on line {first} is longer than {options.doc_bytes_cap()}; "
                      "it and the rest of the file are not read")
            yield ReadError(f"{path}:{first}", reason, path=str(path), line=first)


def _csv_records(input_file: InputFile, feed: _CsvLineFeed, options: ReadOptions) -> Iterator[Item]:
    path, name, fields = input_file.path, str(input_file.path), options.fields
    reader = csv.reader(feed, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        yield ReadError(name, "file is empty (no header row)", path=name)
        return
    except csv.Error as exc:
        yield ReadError(f"{name}:1", f"header row is malformed ({exc}); file skipped", path=name, line=1)
        return
    header = [column.strip() for column in header]
    if not any(column in header for column in fields["text"]):
        yield ReadError(name, f"no {fields['text'][0]!r} column (columns: {', '.join(header)}); file skipped", path=name)
        return
    while True:
        feed.start_record()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _broken_csv_record(path, feed, exc)
            feed.reread_after_first_line()
            reader = csv.reader(feed, strict=True)
            continue
        item = _csv_row(input_file, header, row, feed, options)
        if item is not None:
            yield item


def _broken_csv_record(path: Path, feed: _CsvLineFeed, exc: csv.Error) -> ReadError:
    first, last = feed.lines()
    reason = (f"CSV record starting on line {first} is malformed ({exc}), most likely an unclosed or stray "
              f"quote; it is skipped and lines {first + 1}-{last} are read again")
    return ReadError(f"{path}:{first}", reason, path=str(path), line=first)


def _csv_row(input_file: InputFile, header: list[str], row: list[str], feed: _CsvLineFeed,
             options: ReadOptions) -> Optional[Item]:
    path = input_file.path
    first, _ = feed.lines()
    where = f"{path}:{first}"
    if not row:
        return None
    if feed.bad_bytes is not None:
        line, offset = feed.bad_bytes
        return ReadError(where, f"bytes are not valid UTF-8 at byte offset {offset} (line {line}); "
                         "re-encode the input as UTF-8", path=str(path), line=first, offset=offset)
    if len(row) != len(header):
        return ReadError(where, f"record has {len(row)} fields but the header has {len(header)} "
                         "(a stray quote or delimiter?)", path=str(path), line=first)
    return _record_to_document(dict(zip(header, row)), where=where, default_id=f"{input_file.rel_id}:{first}",
                               options=options, path=path, line=first)


def _read_html(input_file: InputFile, options: ReadOptions) -> Iterator[Item]:
    """A saved web page: trafilatura keeps the article text and reads the date from the markup."""
    path, where = input_file.path, str(input_file.path)
    try:
        html = _read_whole(path, options)
    except _OverCap as exc:
        yield ReadError(where, f"{exc}; nothing of it was read", path=where, doc_id=input_file.rel_id)
        return
    item = html_to_document(html, doc_id=input_file.rel_id, where=where, meta={"input": where})
    if isinstance(item, ReadError):
        item.path = where
    yield _checked_size(item, options, path)


def html_to_document(html: bytes, *, doc_id: str, where: str, url: Optional[str] = None,
                     meta: Optional[dict[str, Any]] = None, max_date: Optional[str] = None) -> Item:
    """Extract main text, title and publication date of one HTML page (shared by HTML and WARC input)."""
    import trafilatura

    params = dict(_HTML_DATE_PARAMS, **({"max_date": max_date} if max_date else {}))
    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, date_extraction_params=params)
    except Exception as exc:  # trafilatura/lxml fail in many ways on broken markup; one page must not stop a run
        return ReadError(where, f"HTML could not be parsed ({type(exc).__name__}: {exc})", doc_id=doc_id)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        return ReadError(where, "no article text found in the page (empty, an index page, or boilerplate only)",
                         doc_id=doc_id)
    page_meta = {key: getattr(extracted, key, None) for key in _HTML_META}
    return Document(
        id=doc_id, text=text, published=normalize_published(extracted.date), title=extracted.title or None,
        url=url or extracted.url or None, source=extracted.sitename or extracted.hostname or None,
        lang=extracted.language or _html_lang(html),
        meta={**{k: v for k, v in page_meta.items() if v}, **(meta or {})},
    )


def _html_lang(html: bytes) -> Optional[str]:
    found = _HTML_LANG.search(html[:4096])
    return found.group(1).decode("ascii").lower() if found else None


# ------------------------------------------------------------------------------------------- WARC

_WARC_ARTICLE_RECORDS = ("response", "resource")  # request, warcinfo, metadata, revisit hold no article
# warcio inflates each block it reads in one go, up to ~1,000 times its size for text this repetitive: 4 KiB
# blocks bound that to 4 MiB (its default of 16 KiB let one block of a gzip of zeros take 16 MiB and more).
_WARC_BLOCK = 4096
_ROBOTS_TXT = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*/robots\.txt(?:[?#]|$)", re.I)


class _WarcCut(Exception):
    """A record is cut short or its header is broken: warcio hands out such a record as if it were whole."""

    def __init__(self, offset: int, problem: str) -> None:
        super().__init__(f"the record at byte offset {offset} {problem}")
        self.offset = offset


def _read_warc(input_file: InputFile, options: ReadOptions) -> Iterator[ReaderItem]:
    """Response and resource records of a (gzipped) WARC; those that hold no article are SkippedRecords."""
    scan = _WarcScan(input_file, options)
    with open(input_file.path, "rb") as handle:
        records = _warc_records(handle)
        try:
            for record in records:
                yield from scan.read(record, records)
        except _OverCap as exc:
            yield scan.error(scan.end, f"{exc}; the records before were read, the rest of the file is not")
            return
        except _WarcCut as exc:
            yield scan.damaged(exc.offset, str(exc))
            return
        except Exception as exc:  # warcio raises ArchiveLoadFailed, EOFError, zlib.error... on damage
            if "non-chunked gzip" in str(exc):
                # One gzip stream around all records (not per record, as crawlers write them): valid, but
                # warcio reads it only decompressed. Go on after the records already read.
                yield from _read_warc_single_gzip(input_file, options, skip=scan.records)
                return
            yield scan.damaged(scan.end, f"{type(exc).__name__}: {exc}")
            return
        # warcio ends quietly inside a cut record: bytes left past the last whole record give it away
        # (an uncompressed record's closing CRLFs are not counted in its length, hence the slack).
        if os.fstat(handle.fileno()).st_size - scan.end > (4 if scan.records else 0):
            yield scan.damaged(scan.end, "the file ends inside a record")


def _read_warc_single_gzip(input_file: InputFile, options: ReadOptions, skip: int) -> Iterator[ReaderItem]:
    scan = _WarcScan(input_file, options, skip=skip)
    try:
        with gzip.open(input_file.path, "rb") as handle:
            records = _warc_records(handle)
            for record in records:
                yield from scan.read(record, records)
    except _OverCap as exc:
        yield scan.error(0, f"{exc} (in the decompressed stream); the records before were read, the rest is not")
    except Exception as exc:
        yield scan.damaged(0, f"{type(exc).__name__}: {exc} (in the decompressed stream)")


def _warc_records(handle: IO[bytes]) -> Any:
    """warcio's record iterator, with its line reads bounded.

    warcio reads WARC and HTTP header lines with an unbounded readline, so a gzip of zeros (no line break in a
    gigabyte) would be held whole. No header line is near _READ_CHUNK; a longer one is read in pieces, which the
    header parser refuses or misreads, and that file is reported as corrupt.
    """
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(handle, block_size=_WARC_BLOCK)
    unbounded = records.reader.readline
    records.reader.readline = lambda length=None: unbounded(min(length, _READ_CHUNK) if length else _READ_CHUNK)
    return records


class _WarcScan:
    """Reads the records of one WARC in order, keeping what its errors must say: where the last whole record
    ended, how many articles came before, and the decompressed bytes so far (the file cap)."""

    def __init__(self, input_file: InputFile, options: ReadOptions, skip: int = 0) -> None:
        self.input_file, self.options, self.skip = input_file, options, skip
        self.records = self.articles = self.end = self.block_bytes = 0

    def read(self, record: Any, records: Any) -> Iterator[ReaderItem]:
        self.records += 1
        if not _valid_length(record):  # a header cut before its Content-Length value (which WARC requires)
            raise _WarcCut(records.get_record_offset(), "has no valid Content-Length (its header is cut or corrupt)")
        self._count_bytes(record)
        candidate = record.rec_type in _WARC_ARTICLE_RECORDS and self.records > self.skip
        reason = _warc_skip_reason(record) if candidate else None
        body = self._body(record) if candidate and reason is None else None
        # Asking the offset reads the record to its end (in small blocks), so it comes after the body.
        offset = records.get_record_offset()
        if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes left than its Content-Length promised
            raise _WarcCut(offset, "is cut short: the file ends inside it")
        self.end = offset + records.get_record_length()
        if reason is not None:
            yield SkippedRecord(f"{self.input_file.path}@{offset}", reason)
        elif candidate:
            self.articles += 1
            yield self._article(record, body, offset)

    def _count_bytes(self, record: Any) -> None:
        """The file cap, checked on each record's declared length before its body is decompressed."""
        self.block_bytes += record.length
        limit = self.options.max_file_bytes
        if limit and self.block_bytes > limit:
            raise _OverCap(f"the records hold more than {limit:,} bytes, over {self.options.file_cap()}")

    def _body(self, record: Any) -> Optional[bytes]:
        """The payload, or None when it is over the per-document byte cap (the rest is skipped, not held)."""
        limit = self.options.max_doc_bytes
        body = record.content_stream().read(limit + 1 if limit else None)  # warcio reads nothing for -1
        return None if limit and len(body) > limit else body

    def _article(self, record: Any, body: Optional[bytes], offset: int) -> Item:
        headers = record.rec_headers
        url = headers.get_header("WARC-Target-URI")
        record_id = (headers.get_header("WARC-Record-ID") or f"{self.input_file.rel_id}@{offset}").strip("<>")
        if body is None:
            return self.error(offset, f"the record is longer than {self.options.doc_bytes_cap()} ({url})",
                              doc_id=record_id)
        if record.rec_type == "response" and record.http_headers is None:
            return self.error(offset, f"response record without HTTP headers ({url}); skipped", doc_id=record_id)
        where = f"{self.input_file.path}@{offset}"
        crawl_date = headers.get_header("WARC-Date")
        meta = {"input": where, "crawl_date": crawl_date, "warc_record_id": record_id}
        if _warc_content_kind(record) == "text":
            item = _text_document(body, doc_id=record_id, where=where, url=url, meta=meta, path=self.input_file.path)
        else:
            max_date = crawl_date[:10] if crawl_date and normalize_published(crawl_date[:10]) else None
            item = html_to_document(body, doc_id=record_id, where=where, url=url, meta=meta, max_date=max_date)
        if isinstance(item, ReadError):
            item.path, item.offset = str(self.input_file.path), offset
        return _checked_size(item, self.options, self.input_file.path)

    def error(self, offset: int, reason: str, doc_id: Optional[str] = None) -> ReadError:
        path = self.input_file.path
        return ReadError(f"{path}@{offset}", reason, path=str(path), offset=offset, doc_id=doc_id)

    def damaged(self, offset: int, detail: str) -> ReadError:
        return self.error(offset, f"WARC file is truncated or corrupt after {self.articles} article record(s) "
                                  f"({detail}); the records before were read, the rest is lost")


def _valid_length(record: Any) -> bool:
    declared = record.rec_headers.get_header("Content-Length")
    return declared is not None and declared.strip().isdigit()


def _warc_skip_reason(record: Any) -> Optional[str]:
    """Why a response or resource record holds no article (counted in the manifest), or None to read it."""
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.rec_type == "response" and url.lower().startswith(("http:", "https:")):
        status = record.http_headers.get_statuscode() if record.http_headers is not None else None
        if status is not None and status != "200":  # redirects, 404s, 206 partial bodies: no whole article
            return f"http {status}"
    elif record.rec_type == "response":
        return "not http"  # dns: and whois: records of a crawler
    if _ROBOTS_TXT.match(url):
        return "robots.txt"
    if _warc_content_kind(record) is None:
        return "not html"
    return None


def _warc_content_kind(record: Any) -> Optional[str]:
    """'html', 'text' (plain text) or None (images, scripts, PDFs...) from the HTTP or the WARC Content-Type."""
    if record.rec_type == "response":
        http = record.http_headers
        content_type = (http.get_header("Content-Type") if http is not None else None) or ""
    else:
        content_type = record.content_type or ""
    content_type = content_type.lower()
    if not content_type or "html" in content_type:  # no type at all: trafilatura tells whether it is a page
        return "html"
    return "text" if content_type.startswith("text/plain") else None


def _text_document(body: bytes, *, doc_id: str, where: str, url: Optional[str], meta: dict[str, Any],
                   path: Path) -> Item:
    text = _decode(body, where, path)
    if isinstance(text, ReadError):
        text.doc_id = doc_id
        return text
    if not text.strip():
        return ReadError(where, "the record's text is empty", doc_id=doc_id)
    return Document(id=doc_id, text=text, url=url, meta=meta)


_READERS: Mapping[str, Callable[[InputFile, ReadOptions], Iterator[ReaderItem]]] = {
    "txt": _read_txt, "jsonl": _read_jsonl, "json": _read_json, "csv": _read_csv,
    "html": _read_html, "warc": _read_warc,
}
