"""Sentence bounds by character offset, read once per doc.

``Span.sent`` checks the whole doc for sentence annotation on every call, which makes a long article
quadratic; this index answers the same question with a bisect.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc


class SentenceIndex:
    def __init__(self, doc: Doc) -> None:
        self.bounds = [(s.start_char, s.end_char) for s in doc.sents]
        self.starts = [b[0] for b in self.bounds]

    def of(self, char: int) -> tuple[int, int]:
        """(start, end) of the sentence holding the character at ``char``."""
        i = max(bisect.bisect_right(self.starts, char) - 1, 0)
        return self.bounds[i] if self.bounds else (0, 0)
