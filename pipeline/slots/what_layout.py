"""The what of a figure that the page sets out by its layout, where the parse of the line says nothing, and of a
count in a gapped clause, whose noun and verb the clause before it states.

Stat blocks and labelled lines are no sentences: in 'Deaths' over '1,204', or 'Deaths ..... 1,204', the label
says what the figure counts, qualified by the topic of its section or page ('Deaths of river floods'); in
'Total: 9 million riders in May' the label qualifies the counted noun ('Total riders'); and a paragraph led in
by a label ('Spot price: The price fell 5 cents ...') states its first sentence's figures of the label. Such an
answer is the rules' answer of the figure (the claim builder puts it before the cascade's): dev holds almost no
such figure, so a ranker could not learn to prefer it as a proposer of its own.

The words of the layout (separators, the most words of a label, lines of a block) are
``models/lexicon/what_kinds.json`` ``layout``.
"""
from __future__ import annotations

import re
from typing import Optional

from newsclaims.resources import read_lexicon
from newsclaims.slots.what_proposers import WhatFrame, _phrase_words, _plain_noun, _tail, _verb_of

_PACKAGED = read_lexicon("what_kinds")["layout"]  # for a component lexicon that has no layout words of its own


def layout_answer(frame: WhatFrame, mi: int) -> Optional[tuple[str, None]]:
    """(what, None) for a figure of a stat block, a labelled line or a label's lead-in sentence, else None. The
    text has no span (it joins the label and its qualifier); :attr:`WhatFrame.anchors` keeps the label's. Once per
    figure: the claim builder and the what candidates both ask."""
    key = ("layout_answer", mi)
    if key not in frame.memo:
        frame.memo[key] = _read_layout_answer(frame, mi)
    return frame.memo[key]


def _read_layout_answer(frame: WhatFrame, mi: int) -> Optional[tuple[str, None]]:
    m, text = frame.mentions[mi], frame.who.text
    reach = _layout(frame)["line_chars"]
    start = text.rfind("\n", max(0, m["start"] - reach), m["start"]) + 1
    if start == 0 and m["start"] > reach:
        return None  # deep inside a long line: prose, and a search to its start would be quadratic in it
    end = text.find("\n", m["end"], m["end"] + reach)
    before, after = text[start:m["start"]], text[m["end"]:end if end >= 0 else m["end"] + reach]
    found = _block_label(frame, start) if not before.strip() and not after.strip() else None
    if found is not None:
        return _answer(frame, mi, found, _qualified(frame, m, found))
    found = _inline_label(frame, start, before)
    if found is not None:
        noun = _counted_words(frame, mi, found)
        return _answer(frame, mi, found, f"{found[2]} {noun}" if noun else _qualified(frame, m, found))
    found = _lead_in(frame, start, before)
    return _answer(frame, mi, found, found[2]) if found is not None else None


def _qualified(frame: WhatFrame, m: dict, label: tuple[int, int, str]) -> str:
    """The label with the figure's rate and the topic it is of: 'Deaths per year of river floods'."""
    topic = _topic(frame, label[0])
    what = _with_rate(frame, m, label[2])
    return f"{what} {_layout(frame)['link']} {topic}" if topic else what


def _answer(frame: WhatFrame, mi: int, where: tuple, what: str) -> tuple[str, None]:
    frame.anchors[(mi, what)] = (where[0], where[1])
    return what, None


def _layout(frame: WhatFrame) -> dict:
    """The layout words, merged once per document: every step of a figure reads them."""
    key = ("layout_words",)
    if key not in frame.memo:
        frame.memo[key] = {**_PACKAGED, **(frame.kinds.layout if frame.kinds is not None else {})}
    return frame.memo[key]


def _lines_above(text: str, start: int, limit: int):
    """(start, end, line) of up to ``limit`` lines above the line that starts at ``start``, nearest first."""
    for _ in range(limit):
        if start == 0:
            return
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        yield start, end, text[start:end]


def _block_label(frame: WhatFrame, start: int) -> Optional[tuple[int, int, str]]:
    """The label over a figure alone on its line: the nearest line above that is a label, past lines that hold
    only a figure ('Deaths' / '1,204' / '56 per year'); None at a blank line or a line of prose."""
    for s, e, line in _lines_above(frame.who.text, start, _layout(frame)["block_lines"]):
        if not line.strip():
            return None
        if _figure_line(line):
            continue
        return _as_label(frame, s, line)
    return None


def _figure_line(line: str) -> bool:
    return bool(re.search(r"\d", line)) and len(line.split()) <= 4


def _as_label(frame: WhatFrame, start: int, line: str) -> Optional[tuple[int, int, str]]:
    """The line as a label: a few words, letters only (no figure, no date), no sentence, no verb, naming a thing (no
    preposition first, as 'In Europe:'), not a dateline or a speaker's name in capitals ('OSLO:', 'MARY LEE:'), no
    bracket left open (a ticker's 'Acme Corp. (NYSE: ACM) said ...')."""
    label = line.strip().rstrip(":").strip()
    words = label.split()
    if not words or len(words) > _layout(frame)["label_words"] or re.search(r"\d|[.!?]$", label) \
            or not re.search(r"[A-Za-z]{3}", label) or label.isupper() or label.count("(") != label.count(")"):
        return None
    lead = start + len(line) - len(line.lstrip())
    span = frame.span(lead, lead + len(label))
    if span is None or span[0].pos_ == "ADP" or any(t.pos_ in ("VERB", "AUX") for t in span) \
            or all(t.ent_type_ == "PERSON" for t in span):
        return None
    return lead, lead + len(label), label


def _separated(frame: WhatFrame, before: str) -> Optional[re.Match]:
    separators = "|".join(re.escape(s) + ("+" if s in (".", "…") else "") for s in _layout(frame)["separators"])
    return re.fullmatch(rf"\s*(?P<label>[^\d\s][^\d\n]*?)\s*(?:{separators})[.…\s]*", before)


def _inline_label(frame: WhatFrame, start: int, before: str) -> Optional[tuple[int, int, str]]:
    """The label the figure's line opens with, right before the figure: 'Deaths: 1,204', 'Deaths ..... 1,204'."""
    found = _separated(frame, before)
    if found is None:
        return None
    return _as_label(frame, start + found.start("label"), found.group("label"))


def _lead_in(frame: WhatFrame, start: int, before: str) -> Optional[tuple[int, int, str]]:
    """The label that leads in the figure's paragraph, when the figure is in the first sentence after it, a
    sentence with its verb before the figure: 'Spot price: The price fell 5 cents ...', not a list ('Key
    players: Jones (12 points), ...') nor a dateline ('Oslo: The mill hired ...')."""
    found = re.match(r"\s*(?P<label>[^\d\s:][^\d\n:]*?):\s+(?=[A-Z])", before)
    if found is None or re.search(r"[.!?]\s", before[found.end():]):
        return None
    stated = frame.span(start + found.end(), start + len(before.rstrip()))
    if stated is None or not any(t.pos_ in ("VERB", "AUX") for t in stated):
        return None
    label = _as_label(frame, start + found.start("label"), found.group("label"))
    place = frame.span(*label[:2]) if label is not None else None
    return None if place is None or all(t.ent_type_ in ("GPE", "LOC") for t in place) else label  # 'Oslo: The ...'


def _counted_words(frame: WhatFrame, mi: int, label: tuple[int, int, str]) -> str:
    """The noun the figure counts, with its modifiers ('passengers' of '9 million passengers'), or '' (the parse
    of 'West / 2,100' takes the label for the counted noun)."""
    noun = frame.clause(mi).noun
    if noun is None or not _plain_noun(frame, mi, noun) or label[0] <= noun.idx < label[1]:
        return ""
    words = [t for t in _phrase_words(frame, mi, noun) if t.i <= noun.i]
    return " ".join(t.text for t in words) if noun in words else noun.text


def _with_rate(frame: WhatFrame, m: dict, label: str) -> str:
    """The label with the figure's rate ('56 per year' under 'Deaths' -> 'Deaths per year')."""
    rate = _layout(frame)["rate"]
    found = re.search(rf"\b{rate}\s+\w+", m.get("text") or "")
    return f"{label} {found.group(0)}" if found else label


def _topic(frame: WhatFrame, label_start: int) -> Optional[str]:
    """What the block's label is of: the heading over the block (a line of words, not a period such as
    '2010-2019', nor another label of the block), else the page's topic."""
    text = frame.who.text
    for s, e, line in _lines_above(text, text.rfind("\n", 0, label_start) + 1, 4 * _layout(frame)["block_lines"]):
        if not line.strip():
            break
        if re.search(r"\d", line) or _is_block_label(text, e):
            continue
        found = _as_label(frame, s, line)
        if found is not None:
            return found[2]
    return _page_topic(frame)


def _is_block_label(text: str, end: int) -> bool:
    """Whether the line that ends at ``end`` labels a figure alone on the next line."""
    nxt = text.find("\n", end + 1)
    return _figure_line(text[end + 1:len(text) if nxt < 0 else nxt])


def _page_topic(frame: WhatFrame) -> Optional[str]:
    """What the page is about, once per document: its first line when that is a title (a few words, no sentence),
    else the thing its first figure counts, with the things joined to it ('weather and storm disasters')."""
    key = ("layout_topic",)
    if key not in frame.memo:
        frame.memo[key] = _read_page_topic(frame)
    return frame.memo[key]


def _read_page_topic(frame: WhatFrame) -> Optional[str]:
    text = frame.who.text
    first = text[:text.find("\n")] if "\n" in text else text
    if first.strip() and len(first.split()) <= 12 and not re.search(r"[.!?:]\s*$|\d", first.strip()):
        return first.strip()
    if not frame.mentions:
        return None
    noun = frame.clause(0).noun
    if noun is None or not _plain_noun(frame, 0, noun):
        return None
    words = _phrase_words(frame, 0, noun) or [noun]
    last = max([words[-1].i] + [c.i for c in noun.conjuncts if c.i > noun.i and c.pos_ in ("NOUN", "PROPN")])
    return frame.doc[words[0].i:last + 1].text


# --------------------------------------------------------------------------- gapped clauses

_GAP_SEPARATORS = frozenset(read_lexicon("subjects")["gap_separators"])  # shared with the other slot's gap rule


def gapped_answer(frame: WhatFrame, mi: int) -> Optional[tuple[str, None]]:
    """(what, None) for a count in a gapped clause, whose verb and noun the clause before it states: in 'Labor won
    71 seats, the Greens 12 with 9 undecided' the 12 counts seats won (the Greens are its who, not its what)
    and the 9 seats undecided; in 'the storm caused 30 deaths in Ohio, four in Iowa' the four counts deaths
    caused. None when the figure counts its own noun, has a unit, or a verb of its own stands before it."""
    m, doc = frame.mentions[mi], frame.doc
    before = doc[m["token_start"] - 1] if m["token_start"] > 0 else None
    if m.get("unit") is not None or _counts_noun(frame, mi) or before is not None \
            and (before.pos_ == "ADP" and before.lower_ != "with" or before.text == "("):
        return None  # 'a crew of 6', 'down by 8': an amount of another thing; '(39)': a bracket's aside
    earlier = _earlier_count(frame, mi)
    if earlier is None:
        return None
    j, noun, verb = earlier
    between = doc[frame.mentions[j]["token_end"]:m["token_start"]]
    if any(t.pos_ in ("VERB", "AUX") for t in between) or not any(t.lower_ in _GAP_SEPARATORS for t in between):
        return None
    thing = " ".join(t.text for t in _counted_phrase(frame, mi, noun))
    tail = _tail(frame, mi, m["token_end"])
    if tail and tail[0].pos_ not in ("ADP", "DET", "NOUN", "PROPN", "NUM"):
        what = f"{thing} {' '.join(t.text for t in tail)}"  # '9 undecided' -> 'seats undecided'
    else:
        what = f"{thing} {verb.text}" if verb is not None else thing
    frame.anchors[(mi, what)] = (noun.idx, noun.idx + len(noun))
    return what, None


def _counts_noun(frame: WhatFrame, mi: int) -> bool:
    """Whether the figure counts a noun after it ('71 seats'); the noun before it is a gapped item's head, which
    the parse often takes for the counted one ('the Greens 12')."""
    noun = frame.clause(mi).noun
    return noun is not None and noun.i >= frame.mentions[mi]["token_end"]


def _earlier_count(frame: WhatFrame, mi: int):
    """(index, noun, verb) of the nearest earlier figure of the sentence that counts a noun, with no unit, and the
    verb that governs it (None for a level or reporting verb)."""
    m = frame.mentions[mi]
    for j in range(mi - 1, -1, -1):
        other = frame.mentions[j]
        if other["sent_start"] != m["sent_start"]:
            return None
        noun = frame.clause(j).noun
        if not _counts_noun(frame, j) or other.get("unit") is not None or not _plain_noun(frame, j, noun):
            continue
        verb = _verb_of(noun)
        if verb is not None and (verb.lemma_.lower() in frame.lexicon.level_verbs
                                 or verb.lemma_.lower() in frame.who.words.reporter_verbs):
            verb = None
        return j, noun, verb
    return None


def _counted_phrase(frame: WhatFrame, mi: int, noun) -> list:
    """The noun with the words before it that modify it ('factory jobs'), not what follows it."""
    words = [t for t in frame.doc[noun.left_edge.i:noun.i + 1]
             if t.dep_ in ("compound", "amod") and t.head == noun and not t.like_num] + [noun]
    return sorted(words, key=lambda t: t.i)
