"""Blank out what is not prose before tokenizing, keeping every offset: each masked character becomes a space
(a line break where a block of markup ended), so claim offsets still index the text as given."""
from __future__ import annotations

import itertools
import re

# spaCy's tokenizer peels prefixes and suffixes off a word one at a time, copying the rest each time, so a
# long run of punctuation ("%" * 10_000) costs quadratic time. No claim lives in such a run.
_SYMBOL_RUN = re.compile(r"[^\w\s]{100,}")

# No word reaches this many characters without whitespace: a run that long is an inline image (base64 in a data:
# URI), minified script or a mangled token. Left in, a run over 1,000,000 characters cannot be cut into pieces and
# fails the whole article (spaCy E088, over max_length); shorter ones still cost the tokenizer's affix peeling.
# The lookbehind starts the match only where a run starts, so each run is read once (linear time).
LONG_RUN_CHARS = 1_000
_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % LONG_RUN_CHARS)

# HTML passed as text: at least two tags of the common kinds before anything is masked.
_HTML_HINT = re.compile(r"</?(?:p|div|span|br|a|b|i|em|strong|script|style|table|tr|td|li|ul|ol|h[1-6]|body|html|head)\b[^<>]{0,500}>", re.I)
_HIDDEN = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
# Where a _HIDDEN block may start: the same opening, without the search for its close.
_HIDDEN_START = re.compile(r"<(?:(script|style|noscript)\b|!--)", re.I)
_NOT_LINE_BREAK = re.compile(r"[^\n]")
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


def mask_long_runs(text: str) -> str:
    """``text`` with each run of LONG_RUN_CHARS or more characters without whitespace blanked to spaces."""
    return _LONG_RUN.sub(_blank, text)


def mask_markup(text: str) -> str:
    """HTML passed as text, read as its visible words: scripts, styles and comments blanked, tags blanked
    (block tags end a line). Text with fewer than two HTML tags is returned as it is ("x < 3 and y > 2")."""
    if len(list(itertools.islice(_HTML_HINT.finditer(text), 2))) < 2:
        return text
    return _TAG.sub(_blank_tag, _blank_hidden_blocks(text))


def _blank_hidden_blocks(text: str) -> str:
    """What ``_HIDDEN.sub`` gives with each block blanked but its line breaks, in linear time.

    ``_HIDDEN.sub`` alone is quadratic on openings that are never closed ("<script>" * 20_000 or "<!--" * 40_000
    took 13 s and 34 s at 160 KB): at each of them the lazy ``.*?`` reads on to the end of the text looking for a
    close. Once an opening of one kind (same tag name, or a comment) finds no close, no later opening of that kind
    can: its search starts further on, in the same text. So the regex is tried at most once per kind that fails,
    and every other try ends in a block that is consumed.
    """
    parts: list[str] = []
    copied = searched = 0
    unclosed: set[str] = set()  # "script", "style", "noscript" (as written, lowercased) or "<!--"
    while (opening := _HIDDEN_START.search(text, searched)) is not None:
        # lowercased as the backreference \1 compares it (re.I): so a kind is one set of closes
        kind = (opening.group(1) or "<!--").lower()
        block = None if kind in unclosed else _HIDDEN.match(text, opening.start())
        if block is None:
            unclosed.add(kind)
            searched = opening.start() + 1
            continue
        parts += [text[copied:block.start()], _NOT_LINE_BREAK.sub(" ", block.group())]
        copied = searched = block.end()
    parts.append(text[copied:])
    return "".join(parts)


def mask_non_prose(text: str) -> str:
    # markup first: blanked tags split runs, so "6%</p><img src='data:...'>" keeps its figure
    return mask_long_runs(mask_symbol_runs(mask_markup(text)))
