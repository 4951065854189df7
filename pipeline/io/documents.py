"""The unit of input (`Document`) and the record of an input that could not be read (`ReadError`).

Readers never raise for one bad document: they yield a `ReadError` in its place so that a corpus run
can go on and still account for every input item (the runner writes them to ``errors.jsonl``).
"""
from __future__ import annotations

import dataclasses
import email.utils
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Optional

_ISO_DATE_START = re.compile(r"^\d{4}-\d{2}-\d{2}")
_EPOCH_DIGITS = re.compile(r"^\d{10}(\d{3})?$")
# Publication dates outside this range are placeholders ("0001-01-01") or unit mix-ups (ms vs s).
_MIN_YEAR, _MAX_YEAR = 1800, 2200
# A written publication date is short ("Tuesday, 6 February 2020 14:05 GMT"); longer strings are not dates
# and dateparser can take minutes on some of them (dateparser #1185).
_MAX_FREE_FORM_DATE = 64
# How an all-numeric date such as 04.11.2025 or 04/11/2025 is read. Month first is what the readers always did
# (and dateparser's default, and how US feeds write slashed dates); European feeds need DMY. A date that only one
# order can read (25.11.2025) is read that way under either setting.
DATE_ORDERS = ("MDY", "DMY")
DEFAULT_DATE_ORDER = "MDY"


@dataclass
class Document:
    """One article: its text plus the metadata the extractor needs (``published`` anchors relative dates).

    ``published`` is an ISO date ``YYYY-MM-DD`` or None; when the input held something else (a time of
    day, an RFC 2822 date, an unparseable string) the original is kept in ``meta['published_raw']``.
    ``meta`` holds every other input field and ``meta['input']`` says where the document came from.
    """

    id: str
    text: str
    published: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    lang: Optional[str] = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain data; a shallow copy (``dataclasses.asdict`` deep-copies and is slow at corpus scale)."""
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        data["meta"] = dict(self.meta)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class ReadError:
    """An input item that could not become a Document, said so a person can find and fix it.

    ``location`` is ``file:line`` (or ``file`` / ``file@offset`` / ``file[index]`` / a document id);
    ``reason`` is a sentence. The optional fields let tools filter without parsing ``location``.
    """

    location: str
    reason: str
    path: Optional[str] = None
    line: Optional[int] = None
    doc_id: Optional[str] = None
    offset: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ReadError":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def normalize_published(raw: Any, date_order: str = DEFAULT_DATE_ORDER) -> Optional[str]:
    """Return the publication date in ``raw`` as ``YYYY-MM-DD``, or None when it is not a full date.

    The date is taken as written (a time zone offset is not applied) because "today" in an article means
    the newsroom's day. Relative expressions ("yesterday") are refused: they would resolve against the
    time of the run, not of publication. ``date_order`` (MDY or DMY) says how 04.11.2025 is read.
    """
    check_date_order(date_order)
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int) and _COMPACT_DATE.match(str(raw)):
        # 20251104 as a JSON number: as seconds it would be a day in 1970, which no news feed means
        found = _from_compact(str(raw))
        if found is not None:
            return _checked(found)
    if isinstance(raw, (int, float)):
        try:
            return _from_epoch(float(raw))
        except OverflowError:  # an integer too large for a float is no timestamp
            return None
    text = str(raw).strip()
    if not text:
        return None
    for parse in (_from_iso, _from_compact, _from_epoch_text, _from_rfc2822):
        found = parse(text)
        if found is not None:
            return _checked(found)
    found = _from_dateparser(text, date_order)
    return _checked(found) if found is not None else None


def check_date_order(date_order: str) -> str:
    if date_order not in DATE_ORDERS:
        raise ValueError(f"date_order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}")
    return date_order


def _checked(day: date) -> Optional[str]:
    return day.isoformat() if _MIN_YEAR <= day.year <= _MAX_YEAR else None


def _from_iso(text: str) -> Optional[date]:
    if not _ISO_DATE_START.match(text):
        return None
    try:
        return datetime.fromisoformat(text.replace("z", "Z")).date()
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None


def _from_epoch(seconds: float) -> Optional[str]:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000.0
    try:
        return _checked(datetime.fromtimestamp(seconds, tz=timezone.utc).date())
    except (OverflowError, OSError, ValueError):
        return None


_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _from_compact(text: str) -> Optional[date]:
    """'20251104' (ISO 8601's basic format, common in feeds and file names) is 2025-11-04."""
    m = _COMPACT_DATE.match(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _from_epoch_text(text: str) -> Optional[date]:
    if not _EPOCH_DIGITS.match(text):
        return None
    found = _from_epoch(float(text))
    return date.fromisoformat(found) if found else None


def _from_rfc2822(text: str) -> Optional[date]:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _from_dateparser(text: str, date_order: str) -> Optional[date]:
    """Last resort for free-form dates ("6 February 2020", "04.11.2025"); imported lazily because it is slow to load."""
    import dateparser

    if len(text) > _MAX_FREE_FORM_DATE:
        return None
    settings = {
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": date_order,
    }
    try:
        parsed = dateparser.parse(text, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a bad date is not fatal
        return None
    return parsed.date() if parsed else None
