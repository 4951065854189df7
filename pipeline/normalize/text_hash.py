"""A hash of an article's text that is equal for copies of one article, for ``documents.text_hash``.

Crawls hold the same article under several ids, and the copies differ in bytes that carry no words: Unicode
composition (é as one code point or two), line endings, runs of spaces, whitespace at the ends. Those are
normalised away; anything else (a changed word, a changed figure, case) makes another text.
"""
from __future__ import annotations

import hashlib
import unicodedata
from typing import Optional


def normalized_text(text: str) -> str:
    """NFC, every run of whitespace (line breaks included) as one space, no whitespace at the ends."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_hash(text: Optional[str]) -> Optional[str]:
    """The 128-bit BLAKE2b of the normalised text as 32 hex digits (a collision among 10^12 texts has odds
    near 10^-15); None for a text that is empty once normalised (two empty documents are not copies of one
    article)."""
    if text is None:
        return None
    normal = normalized_text(text)
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=16).hexdigest() if normal else None
