"""dateparser behind a small adapter: English only, relative to the publication date, time-limited.

dateparser can spend minutes on one odd string (its tracker: #1185, #582), so every call runs in a
worker thread with a deadline; a call that misses it returns None and the stuck thread is left
behind (daemon) while later calls get a fresh worker.
"""
from __future__ import annotations

import concurrent.futures
import datetime as dt
import functools
import logging
from typing import Optional

logger = logging.getLogger(__name__)

MAX_CHARS = 80  # a date expression longer than this is not one dateparser should see


@functools.lru_cache(maxsize=64)
def _parser(base_iso: Optional[str]):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False, "STRICT_PARSING": False}
    if base_iso:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base_iso)
    return DateDataParser(languages=["en"], settings=settings)


class DateParserAdapter:
    """``parse(text, published)`` -> (datetime, period) or None, where period is 'day', 'week', 'month' or 'year'."""

    CACHE_SIZE = 20_000  # answers kept: news repeats its date phrases ("last year", "in March") under one publication date

    def __init__(self, *, timeout: float = 2.0) -> None:
        self.timeout = timeout
        self._executor: Optional[concurrent.futures.ThreadPoolExecutor] = None
        self._answers: dict[tuple[str, Optional[str]], Optional[tuple[dt.datetime, str]]] = {}
        _warm()

    def _pool(self) -> concurrent.futures.ThreadPoolExecutor:
        if self._executor is None:
            self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateparser")
        return self._executor

    def parse(self, text: str, published: Optional[str]) -> Optional[tuple[dt.datetime, str]]:
        text = text.strip()
        if not text or len(text) > MAX_CHARS:
            return None
        key = (text, published)
        if key in self._answers:
            return self._answers[key]
        future = self._pool().submit(_parse_now, text, published)
        try:
            answer = future.result(timeout=self.timeout)
        except concurrent.futures.TimeoutError:
            logger.warning("dateparser gave up after %.1fs on %r", self.timeout, text)
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
            return None  # not remembered: a time-out says more about the machine's load than the text
        if len(self._answers) >= self.CACHE_SIZE:
            self._answers.clear()
        self._answers[key] = answer
        return answer

    def __getstate__(self) -> dict:
        return {"timeout": self.timeout, "_executor": None, "_answers": {}}


@functools.lru_cache(maxsize=1)
def _warm() -> None:
    """dateparser loads its English data on the first parse (0.7 s on a 2-core machine at load average 7, past the
    2 s deadline at heavier load, which left the first document's date null): pay that at load, with no deadline,
    so a document's dates do not depend on the machine's load."""
    _parse_now("last year", None)


def _parse_now(text: str, published: Optional[str]) -> Optional[tuple[dt.datetime, str]]:
    try:
        data = _parser(published).get_date_data(text)
    except Exception as exc:  # dateparser raises on odd input; a date we cannot read is simply absent
        logger.debug("dateparser failed on %r: %s", text, exc)
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"
