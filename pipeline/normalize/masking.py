"""Blank out what is not prose before tokenizing, keeping every offset: each masked character becomes a space
(a line break where a block of markup ended), so claim offsets still index the text as given."""
from __future__ import annotations

import itertools
import re

# spaCy's tokenizer peels prefixes and suffixes off a word one at a time, copying the rest each time, so a
# long run of punctuation ("%" * 10_000) costs quadratic time. No claim lives in such a run.
_SYMBOL_RUN = re.compile(r"[^\w\s]{100,}")

# HTML passed as text: at least two tags of the common kinds before anything is masked.
_HTML_HINT = re.compile(r"</?(?:p|div|span|br|a|b|i|em|strong|script|style|table|tr|td|li|ul|ol|h[1-6]|body|html|head)\b[^<>]{0,500}>", re.I)
_HIDDEN = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\b[^<>]{0,2000}>")
_BLOCK = re.compile(r"</?(?:p|div|br|li|ul|ol|tr|table|h[1-6]|section|article|header|footer|blockquote)\b", re.I)


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def _blank_tag(match: re.Match) -> str:
    tag = match.group()
    return ("\n" + " " * (len(tag) - 1)) if _BLOCK.match(tag) else " " * len(tag)


def mask_symbol_runs(text: str) -> str:
    """``text`` with each run of 100+ punctuation or symbol characters blanked to spaces."""
    return _SYMBOL_RUN.sub(_blank, text)


def mask_markup(text: str) -> str:
    """HTML passed as text, read as its visible words: scripts, styles and comments blanked, tags blanked
    (block tags end a line). Text with fewer than two HTML tags is returned as it is ("x < 3 and y > 2")."""
    if len(list(itertools.islice(_HTML_HINT.finditer(text), 2))) < 2:
        return text
    text = _HIDDEN.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    return _TAG.sub(_blank_tag, text)


def mask_non_prose(text: str) -> str:
    return mask_symbol_runs(mask_markup(text))
