"""Line breaks that end a sentence, marked before the parser (which keeps boundaries already set).

News pages put datelines, headlines, list items and table rows on lines of their own ("3. David Keller at
21 secs"); the parser runs them into one sentence, so a figure takes its subject from the line above. A line
break ends a sentence when the line before it is short (a headline, a dateline, a list item) or ends like a
sentence, or when the next line opens a list item; hard-wrapped prose (long lines ending mid-sentence) is
left to the parser.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text

SHORT_LINE = 60  # characters: headlines, datelines and list items; wrapped prose runs to 65-80
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]\d%]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]\s|[-*•·–]\s|[A-Z][A-Za-z ]{0,30}:\s)")
_OPEN_END = re.compile(r"(?:,|\b(?:the|a|an|of|in|to|and|or|for|with|by|on|at|from|that|than|as|is|was|were|are))\s*$")


def _ends_sentence(previous_line: str, next_line: str) -> bool:
    previous_line = previous_line.rstrip()
    if not previous_line or not next_line.strip():
        return False
    if _SENTENCE_END.search(previous_line) or _LIST_ITEM.match(next_line):
        return True
    # a short line (headline, dateline) ends unless the sentence plainly runs on into the next line
    return len(previous_line) < SHORT_LINE and next_line[:1].isupper() and not _OPEN_END.search(previous_line)


def mark_line_breaks(doc: Doc) -> Doc:
    text = doc_text(doc)
    newlines = [m.start() for m in re.finditer("\n", text)]  # one visit per line, not per token
    for k, newline in enumerate(newlines):
        first = newline + 1
        while first < len(text) and text[first].isspace():
            first += 1
        if first == len(text):
            break
        if k + 1 < len(newlines) and newlines[k + 1] < first:
            continue  # a blank line follows: the last line break before the next word decides
        token = doc.char_span(first, first + 1, alignment_mode="expand")[0]
        if token.i == 0:
            continue
        line_start = newlines[k - 1] + 1 if k > 0 else 0
        line_end = newlines[k + 1] if k + 1 < len(newlines) else len(text)
        previous_line = text[line_start:newline]
        if k > 0 and not previous_line.strip():
            token.is_sent_start = True  # a paragraph break always ends a sentence
        elif _ends_sentence(previous_line, text[first:line_end]):
            token.is_sent_start = True
    return doc


@Language.component("newsclaims_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    return mark_line_breaks(doc)
