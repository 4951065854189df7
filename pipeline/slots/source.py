"""The source slot: who the text says a figure comes from ('according to USGS', 'the IEA says', 'X data showed').

A figure takes the attribution of its own sentence (the reporting verb that governs it, when the sentence has
several); a figure inside a quotation takes the quote's speaker; a sentence that refers back ('It is the fourth
rise') shares the attribution of the sentence before it; anything else takes the release's opening (or closing)
attribution, when the document has one.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsclaims.components.extensions import doc_text
from newsclaims.resources import read_lexicon

_LEXICON = read_lexicon("source")
REPORTING = frozenset(_LEXICON["reporting_verbs"])
RELEASING = frozenset(_LEXICON["release_verbs"])
VERBS_WITH_AT = frozenset(_LEXICON["verbs_with_at"])
VERBS_WITH_FOR = frozenset(_LEXICON["verbs_with_for"])
PRESENTING_VERBS = frozenset(_LEXICON["presenting_verbs"])
SHOWING_FORMS = frozenset(_LEXICON["trailing_data_verbs"])
COLLECTIVE_HEADS = frozenset(_LEXICON["collective_heads"])
COMPOSING_VERBS = frozenset(_LEXICON["composing_verbs"])
UNNAMED_HEADS = frozenset(_LEXICON["unnamed_source_heads"])
BODY_HEADS = frozenset(_LEXICON["body_heads"])
UNSPECIFIC = frozenset(_LEXICON["unspecific_modifiers"])
NOUN_TAGGED_VERBS = frozenset(_LEXICON["noun_tagged_verbs"])
NOT_SPEAKER_LABELS = frozenset(_LEXICON["not_speaker_labels"])
SHARE_HEADS = frozenset(_LEXICON["share_heads"])
DATA_NOUNS = frozenset(_LEXICON["data_nouns"])
DOCUMENT_NOUNS = frozenset(_LEXICON["document_nouns"])
ACTION_VERBS = frozenset(_LEXICON["action_verbs"])
FINDING_VERBS = frozenset(_LEXICON["finding_verbs"])
REFER_BACK = frozenset(_LEXICON["refer_back_openers"])
_CONTINUING = re.compile(r"(?:%s)\b" % "|".join(re.escape(w) for w in _LEXICON["continuing_openers"]), re.I)
PRONOUN_SOURCES = frozenset(_LEXICON["pronoun_sources"])
PERSON_PRONOUNS = frozenset(_LEXICON["person_pronouns"])
PERSON_REACH = 3  # sentences back where a 'he said' finds the person it names
POINTER_SOURCES = frozenset(_LEXICON["pointer_sources"])
DATA_VERBS = frozenset(_LEXICON["data_verbs"])
INTRO_OPENERS = tuple(_LEXICON["intro_openers"])
_EDGE = {"the", "a", "an", ",", "'s"}
_ISSUING = ("from", "by", "with")
_QUOTES = "\"“”"
_TRAILING = re.compile(r",\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s+){0,6}[A-Z][\w.&'’-]*)\s+(?:%s)(?=\W|$)"
                       % "|".join(_LEXICON["trailing_forms"]))
_TRAILING_HEADS = "|".join(sorted(BODY_HEADS | UNNAMED_HEADS, key=len, reverse=True))
# '..., the mayor's office estimates.': a common-noun source closing the sentence, read from the text
_TRAILING_COMMON = re.compile(r",\s+((?:the\s+)?(?:[\w.&'’-]+\s+){0,4}?(?:%s)s?)\s+(?:%s)\s*[.!?]?\s*$"
                              % (_TRAILING_HEADS, "|".join(_LEXICON["trailing_forms"])), re.I)

def _alternatives(key: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_LEXICON[key], key=len, reverse=True))


# 'figures from the ministry show', 'police data show', 'data released Monday by the bureau show': a data set, its
# issuer and a verb of showing, read from the text when the parse breaks (see source.json trailing_data_*)
_DATA_TIME = r"(?:\s+(?:%s|(?:%s)\s+\w+))?" % (_alternatives("trailing_data_days"), _alternatives("trailing_data_time_openers"))
# 'released by', also with a time between ('released Monday by')
_DATA_ISSUING = "|".join(r"\s+".join(w.split()[:-1]) + _DATA_TIME + r"\s+" + w.split()[-1] if " " in w else w
                         for w in sorted(_LEXICON["trailing_data_issuing"], key=len, reverse=True))
_DATA_SET = (r"((?:the\s+)?(?:[\w.&'’-]+\s+){0,3}?(?:%s))%s(?:\s+(?:%s)\s+((?:[\w.&'’()-]+\s+){0,6}?[\w.&'’()-]+))?%s"
             r"\s+(?:%s)" % (_alternatives("trailing_data_nouns"), _DATA_TIME, _DATA_ISSUING,
                             _DATA_TIME, _alternatives("trailing_data_verbs")))
_TRAILING_DATA = re.compile(r",\s+" + _DATA_SET + r"\s*[.!?]?\s*$", re.I)  # '..., police data show.'
_OPENING_DATA = re.compile(r"^\s*" + _DATA_SET + r"\s+(?:that\s+)?\w", re.I)  # 'Police data show crime fell ...'
_OPENS_LIST = re.compile(r":\s*(?:\(?(?:1|a|i)\)|$)")
_SPEAKER_LABEL = re.compile(r"^([A-Z][A-Z.'’ -]*[A-Z]):\s*[\"“]")
_TRANSCRIPT_LABEL = re.compile(r"(?m)(?:^|(?<=[.?!\"”] ))([A-Z][A-Z.'’ -]*[A-Z]):[ \t]+(?=[A-Z\"“])")  # 'LEE: We ...'

Attribution = tuple  # (text as written, [start_char, end_char])


@dataclass(frozen=True)
class Found:
    """One attribution of a sentence: the source, the verb whose clause it covers (None: the whole sentence),
    whether the phrase names its source (a proper noun, an entity) and the verb's lemma. ``source`` is None for a
    pronoun subject ('they say'), which names the source of an earlier sentence, and for a pointer ('the report
    says'), which names the body the text named first."""
    source: Optional[Attribution]
    verb: Optional[int]
    named: bool
    lemma: str
    pointer: bool = False
    written: Optional[Attribution] = None  # a pointer as written, for when the text names no body before it
    body: bool = False  # a pointer to a body ('said the company'): the body named last before it, not the first source


def _chunk(doc: Doc, tok: Token) -> Attribution:
    clauses = {t.i for c in tok.children if c.dep_ in ("relcl", "acl") for t in c.subtree}  # "officials saying ..."
    toks = [t for t in tok.subtree if t.i not in clauses and (t.dep_ != "punct" or t == tok)]
    start, end = toks[0].i, toks[-1].i + 1
    # an appositive title ("Jim Reilly, USGS Director") belongs to the name; cut at the comma
    for t in doc[start:end]:
        if t.text == "," and t.i > tok.i:
            end = t.i
            break
    # 'by the Statistics Office show wages': a verb of showing the parser glued into the phrase ends it
    end = next((t.i for t in doc[start + 1:end] if t.dep_ == "compound" and t.lower_ in SHOWING_FORMS), end)
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[0]:end]):
        end = opened[0]  # "the Nordic Weather Agency (NWA" -> cut the unclosed gloss
    span = doc[start:end]
    while len(span) > 1 and span[0].lower_ in _EDGE:
        span = doc[span.start + 1:span.end]
    return span.text, [span.start_char, span.end_char]


def _named(tok: Token, kinds: tuple = ("ORG", "PERSON", "GPE", "NORP")) -> bool:
    """A source worth naming: a proper noun or an entity in the phrase; a day or month ('The firm on Monday')
    names no one."""
    return any((t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")) or t.ent_type_ in kinds for t in tok.subtree)


def _names_body(tok: Token) -> bool:
    """A phrase that names a body, not only a nationality ('senior Indonesian officials' names none)."""
    return _named(tok, ("ORG", "PERSON", "GPE"))


def _unnamed_source(tok: Token) -> bool:
    """'officials', 'local authorities', 'customs data', 'the state trade agency': a source the text names by a
    common noun."""
    if tok.lemma_.lower() in UNNAMED_HEADS:
        return True
    if tok.lemma_.lower() in BODY_HEADS:
        modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod", "det")]
        return not any(c.lower_ in UNSPECIFIC for c in modifiers) and any(c.dep_ != "det" for c in modifiers)
    return tok.lemma_.lower() in DATA_NOUNS and any(c.dep_ in ("compound", "amod") for c in tok.children)


def _issuer(tok: Token) -> Token:
    """'a study from the WHO', 'a report released by the agency', 'data filed with the bureau': the issuer names
    the source, not the document or data set."""
    if tok.lemma_.lower() not in DOCUMENT_NOUNS | DATA_NOUNS:
        return tok
    for child in tok.children:
        preps = [child] if child.dep_ == "prep" and child.lower_ in _ISSUING else \
            [c for c in child.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in _ISSUING)] \
            if child.dep_ == "acl" else []
        for prep in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            # 'figures from the ministry', 'data released by the police': a body the text names by a common noun too
            if pobj is not None and (_named(pobj) or _unnamed_source(pobj) or _bare_body(pobj)):
                return pobj
    return tok


def _members(tok: Token) -> Token:
    """'A group composed of senior defense leaders': the members a collective subject names are the source."""
    if tok.lemma_.lower() not in COLLECTIVE_HEADS:
        return tok
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_ in COMPOSING_VERBS):
        for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ == "of"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return tok


def _according_to(doc: Doc, sent: Span, tok: Token) -> Optional[Found]:
    """'according to the bureau', read at the token 'according'."""
    if tok.lower_ != "according" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None and tok.i + 2 < sent.end:
        pobj = doc[tok.i + 2]
    if pobj is None:
        return None
    issuer = _issuer(pobj)
    if issuer is not pobj and _bare_body(issuer):  # 'according to figures from the ministry': the body named before
        return Found(None, None, False, "according", pointer=True, written=_chunk(doc, issuer), body=True)
    return Found(_chunk(doc, issuer), None, _names_body(issuer), "according")


def _appositive_name(tok: Token) -> Token:
    """'The retailer, Castlemoor, reported ...': the name in apposition names the source, not the common noun."""
    if tok.pos_ != "NOUN":
        return tok
    return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), tok)


def _has_figure(tok: Token) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or any(c.dep_ in ("nummod", "quantmod") for c in tok.children)


def _presents_data(tok: Token) -> bool:
    """'The 2019 survey provides information on ...': a data set presenting the figures."""
    return tok.lemma_ in DATA_VERBS and tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DATA_NOUNS for c in tok.children)


def _noun_tagged_verb(tok: Token) -> bool:
    """'The Treasury projects that debt will ...': a reporting verb the tagger read as the root noun, with a clause."""
    return tok.dep_ == "ROOT" and tok.pos_ == "NOUN" and tok.lower_ in NOUN_TAGGED_VERBS \
        and any(c.dep_ in ("relcl", "acl", "ccomp") for c in tok.children)


def _compound_verb(tok: Token) -> bool:
    """'The World Bank projects growth of 2.9%', 'The IMF forecast inflation of 8%': a reporting verb the parser
    read as a compound of its object, the sentence's root noun, right after a proper noun (who reports)."""
    return tok.dep_ == "compound" and tok.lower_ in NOUN_TAGGED_VERBS and tok.head.dep_ == "ROOT" \
        and tok.head.pos_ == "NOUN" and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN"


def _proper_start(tok: Token) -> int:
    """Where the run of proper nouns ending at ``tok`` starts ('Orion Airlines' for 'Airlines')."""
    start = tok.i
    while start > tok.sent.start and tok.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return start


def _proper_run_before(doc: Doc, tok: Token) -> Attribution:
    """The proper nouns right before ``tok`` ('The World Bank projects' -> 'World Bank')."""
    span = doc[_proper_start(doc[tok.i - 1]):tok.i]
    return span.text, [span.start_char, span.end_char]


def _closing(tok: Token, subj: Token) -> bool:
    """A reporting verb after its figure's clause: 'said the company', '..., the ministry said'."""
    return subj.i > tok.i or any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children)


def _reports_clause(tok: Token) -> bool:
    """'The company said it hired 300 people': the verb reports a clause of its own after it."""
    return any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)


def _bare_body(tok: Token) -> bool:
    """'the company', 'the ministry': a body named by its head noun alone, which points back at a named body; a
    relative clause ('The airline, which is based in Oslo, said') does not say which body."""
    return tok.lemma_.lower() in BODY_HEADS and all(c.dep_ in ("det", "relcl", "punct") for c in tok.children)


def _attributes(tok: Token) -> bool:
    """Whether a reporting verb attributes something rather than acting ('released $2 million in aid')."""
    if _presents_data(tok) or _noun_tagged_verb(tok) or _compound_verb(tok):
        return True
    if tok.lemma_ in VERBS_WITH_AT:
        return any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children)
    if tok.lemma_ in PRESENTING_VERBS:
        # a finite clause of its own: 'a report outlining America's dependence' presents nothing of the report's
        return tok.pos_ == "VERB" and any(c.dep_ == "dobj" for c in tok.children) \
            and any(c.dep_ == "nsubj" for c in tok.children)
    if tok.lemma_ in VERBS_WITH_FOR:
        return any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
    if tok.lemma_ not in REPORTING or tok.pos_ != "VERB":
        return False
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if tok.lemma_ in ACTION_VERBS and dobj is not None and _has_figure(dobj) \
            and not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    if tok.lemma_ in FINDING_VERBS and _finds_a_thing(tok, dobj):
        return False
    return tok.dep_ in ("ROOT", "parataxis", "ccomp", "acl") or any(c.dep_ in ("ccomp", "dobj") for c in tok.children) \
        or any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children)


def _finds_a_thing(tok: Token, dobj: Optional[Token]) -> bool:
    """'Scientists found a fossil at two national parks': the object is a thing with no figure and no clause
    follows, so the verb discovers rather than reports."""
    return dobj is not None and not any(_has_figure(t) for t in dobj.subtree) \
        and not any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in tok.children)


def _left_modifiers(doc: Doc, tok: Token) -> Optional[Attribution]:
    """The words before a noun-tagged reporting verb that name who reports ('The Treasury', 'Moody's')."""
    left = [c for c in tok.lefts if c.dep_ in ("compound", "poss", "amod", "nmod")]
    if not left:
        return None
    span = doc[left[0].left_edge.i:tok.i]
    while len(span) > 1 and span[0].lower_ in _EDGE:
        span = doc[span.start + 1:span.end]
    return span.text, [span.start_char, span.end_char]


def _bare_plural(tok: Token) -> bool:
    return tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in tok.children)


def _is_share(tok: Token) -> bool:
    """'62% of voters say ...': the subject is the figure (a share of respondents), not who reports it."""
    return tok.like_num or tok.pos_ == "NUM" or tok.lower_ in SHARE_HEADS


def _subject(tok: Token) -> Optional[Token]:
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG":
        return tok.head  # "with medics saying at least 23 were hurt"
    return subj


def _verb_attribution(doc: Doc, tok: Token) -> Optional[Found]:
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if by is not None and tok.tag_ == "VBN" and _named(by) and not any(_has_figure(t) for t in by.subtree):
        return Found(_chunk(doc, by), tok.i, _names_body(by), tok.lemma_)  # "figures issued today by the port authority"
    if _compound_verb(tok):
        return Found(_proper_run_before(doc, tok), None, True, tok.lemma_)
    subj = _subject(tok)
    if subj is None and _noun_tagged_verb(tok):
        left = _left_modifiers(doc, tok)  # 'The Treasury projects that', 'police data show': named if a name is in it
        named = any(_named(c) for c in tok.lefts if c.dep_ in ("compound", "poss", "amod", "nmod"))
        return Found(left, tok.i, named, tok.lemma_) if left is not None else None
    if subj is None or _is_share(subj):
        return None  # a passive subject, or respondents, are what is reported, never who reports it
    if subj.lower_ in PRONOUN_SOURCES:
        return Found(None, tok.i, False, tok.lemma_)
    issuer = _appositive_name(_issuer(_members(subj)))
    # "..., said the company", "the company said it hired 300": the body named before (the figure stays the who's
    # when the company is the actor: 'The company reported a loss of $5 million'); a name inside a relative clause
    # ('The airline, which is based in Oslo, said') does not name the body
    if _bare_body(issuer) and not _unnamed_source(issuer) and (_closing(tok, subj) or _reports_clause(tok)):
        return Found(None, tok.i, False, tok.lemma_, pointer=True, written=_chunk(doc, issuer), body=True)
    if _named(issuer):
        lemma = "data" if _presents_data(tok) else tok.lemma_
        return Found(_chunk(doc, issuer), tok.i, _names_body(issuer), lemma)
    if _unnamed_source(issuer):
        return Found(_chunk(doc, issuer), tok.i, False, tok.lemma_)
    if issuer.lemma_.lower() in POINTER_SOURCES and _bare_plural(issuer):
        return Found(_chunk(doc, issuer), tok.i, False, tok.lemma_)  # "Reports say ...": no one report to point at
    if issuer.lemma_.lower() in POINTER_SOURCES:  # "the report said": the body named first
        return Found(None, tok.i, False, tok.lemma_, pointer=True, written=_chunk(doc, issuer))
    return None


def _data_from(doc: Doc, tok: Token) -> Optional[Found]:
    """'These numbers are from the ministry's wage survey', 'The figures come from the census'."""
    if tok.lemma_ not in ("be", "come") or not any(c.dep_ == "nsubj" and c.lemma_.lower() in DATA_NOUNS
                                                   for c in tok.children):
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is not None and _named(pobj):
        return Found(_chunk(doc, pobj), None, True, "from")
    return None


def _per(doc: Doc, sent: Span, tok: Token) -> Optional[Found]:
    """'..., per a court filing': a document, a data set or a named body after a comma; 'per day' is a rate."""
    if tok.lower_ != "per" or tok.i <= sent.start or doc[tok.i - 1].text != ",":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is not None and (pobj.lemma_.lower() in DOCUMENT_NOUNS | DATA_NOUNS or _names_body(pobj)):
        issuer = _issuer(pobj)
        return Found(_chunk(doc, issuer), None, _names_body(issuer), "per")
    return None


def _trailing(sent: Span, text: str) -> Optional[Found]:
    """'..., the State Audit Office estimates—$12 million less': read from the text when the tokenizer
    glued the verb to the next word; '..., the mayor's office estimates.' when the tagger read the verb as a noun.
    ``text`` is the sentence's text."""
    match = _TRAILING.search(text)
    if match is not None:
        start = sent.start_char + match.start(1)
        return Found((match.group(1), [start, start + len(match.group(1))]), None, True, "trailing")
    match = _TRAILING_COMMON.search(text)
    if match is None:
        return _data_set(sent, text)
    phrase = re.sub(r"^the\s+", "", match.group(1), flags=re.I)  # the leading article aside, as _chunk writes it
    start = sent.start_char + match.end(1) - len(phrase)
    written = (phrase, [start, start + len(phrase)])
    if len(phrase.split()) == 1 and match.group(1).split()[-1].lower().rstrip("s") in BODY_HEADS:
        return Found(None, None, False, "trailing", pointer=True, written=written, body=True)  # 'the ministry estimates.'
    return Found(written, None, False, "trailing")


def _data_set(sent: Span, text: str) -> Optional[Found]:
    """'..., figures from the ministry show.', 'Police data show crime fell ...': a data set opening or closing the
    sentence with a verb of showing, read from the text when the parser broke the clause. ``text`` is the
    sentence's text."""
    match = _TRAILING_DATA.search(text) or _OPENING_DATA.search(text)
    return _data_found(sent, match) if match is not None else None


def _is_time(sent: Span, start_char: int) -> bool:
    """'figures from last year', 'figures from 2023': a time where an issuer would stand, not who issued them."""
    return any(e.label_ in ("DATE", "TIME") and e.start_char <= start_char < e.end_char for e in sent.ents) \
        or any(t.idx == start_char and (t.like_num or t.ent_type_ in ("DATE", "TIME")) for t in sent)


def _data_found(sent: Span, match: re.Match) -> Found:
    """The issuer names the source (a bare body noun, as for 'said the company', the body named before), else the
    data set as written ('police data'); 'the figures' alone points back at the body named first."""
    group = 2 if match.group(2) and not _is_time(sent, sent.start_char + match.start(2)) else 1
    phrase = re.sub(r"^the\s+", "", match.group(group), flags=re.I)  # the leading article aside, as _chunk writes it
    start = sent.start_char + match.end(group) - len(phrase)
    written = (phrase, [start, start + len(phrase)])
    if group == 2 and phrase[:1].isupper():
        return Found(written, None, True, "trailing")
    if " " not in phrase and (phrase.lower() in BODY_HEADS or group == 1):
        return Found(None, None, False, "trailing", pointer=True, written=written, body=group == 2)  # 'the ministry'
    return Found(written, None, False, "trailing")


# The words _attributes can accept: any other token attributes nothing, so the walk skips it unread.
_ATTRIBUTING_LEMMAS = DATA_VERBS | VERBS_WITH_AT | VERBS_WITH_FOR | PRESENTING_VERBS | REPORTING


def sentence_attributions(doc: Doc, sent: Span, tokens: Optional[list] = None) -> list[Found]:
    """Every attribution of a sentence, in text order of the verbs ('according to' first), read in one walk
    over its tokens (``tokens``: the sentence's Token objects, when the caller holds them)."""
    according = per = data = None
    verbs = []
    for tok in tokens if tokens is not None else sent:
        lower, lemma = tok.lower_, tok.lemma_
        if according is None and lower == "according":
            according = _according_to(doc, sent, tok)
        if per is None and lower == "per":
            per = _per(doc, sent, tok)
        if (lemma in _ATTRIBUTING_LEMMAS or lower in NOUN_TAGGED_VERBS) and _attributes(tok):
            att = _verb_attribution(doc, tok)
            if att is not None:
                verbs.append(att)
        if data is None and lemma in ("be", "come"):
            data = _data_from(doc, tok)
    found = [f for f in (according, per) if f is not None] + verbs
    if not found:
        found = [f for f in (data, _trailing(sent, doc_text(doc)[sent.start_char:sent.end_char])) if f is not None]
    return found


def sentence_source(doc: Doc, sent: Span) -> Optional[Attribution]:
    """The attribution that covers a whole sentence, if it has one."""
    return next((f.source for f in sentence_attributions(doc, sent) if f.source is not None), None)


def _governing(found: list[Found], figure: Optional[Token]) -> Found:
    """The attribution whose verb governs the figure most closely ('X puts the toll at ten, Y says at least 100'),
    else the sentence's first one."""
    by_verb = {f.verb: f for f in found if f.verb is not None}
    if figure is not None:
        for tok in [figure, *figure.ancestors]:
            if tok.i in by_verb:
                return by_verb[tok.i]
    return found[0]


def _body(sent: Span, text: str) -> bool:
    """A sentence of the body, not a header, dateline or headline line (those end without a full stop).
    ``text`` is the sentence's text."""
    text = text.strip()
    return len(sent) >= 5 and text[-1:] in ".!?\"”'’"


def _quoted(text: str, start: int, paragraph: int) -> bool:
    """Whether a sentence starting at ``start`` is (or opens) a quotation of its paragraph."""
    before = text[paragraph:start]
    opened = sum(before.count(q) for q in _QUOTES) % 2 == 1
    return opened or text[start:start + 1] in _QUOTES


def _release_attribution(found: list[Found], lead: bool) -> Optional[Attribution]:
    """A release's own attribution: a named body with a release verb ('ERS projects', 'released today by'); in the
    lead sentence also any reporting verb or 'according to' ('According to the bureau, ...')."""
    return next((f.source for f in found if f.source is not None and f.named
                 and (lead or (f.lemma in RELEASING and f.verb is not None))), None)


def _glossed_phrase(doc: Doc, tok: Token) -> Attribution:
    """The phrase of ``tok`` with a bracketed gloss closing it ('... Education (or IIE)'), whose closing bracket the
    parser often hangs elsewhere; cut at a comma after ``tok`` and without a leading article."""
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    if end < len(doc) and doc[end].text == ")" and any(t.text == "(" for t in doc[start:end]):
        end += 1
    end = next((t.i for t in doc[tok.i:end] if t.text == ","), end)
    span = doc[start:end]
    while len(span) > 1 and span[0].lower_ in _EDGE:
        span = doc[span.start + 1:span.end]
    return span.text, [span.start_char, span.end_char]


class DocumentSources:
    """The sources of a document's figures: built once per document, asked per figure."""

    def __init__(self, doc: Doc, release: bool = True):
        self.doc = doc
        self.sents = list(doc.sents)
        self.starts = [s.start_char for s in self.sents]
        self.text = text = doc_text(doc)  # spaCy joins every token again on each access of doc.text
        breaks = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
        self.paragraph = [breaks[bisect.bisect_right(breaks, s.start_char) - 1] for s in self.sents]
        self.quoted = [_quoted(text, s.start_char, p) or bool(_SPEAKER_LABEL.match(text[p:p + 80]))
                       for s, p in zip(self.sents, self.paragraph)]
        tokens = list(doc)  # one Token object per word for the whole document, not one per rule that reads it
        self.own = [sentence_attributions(doc, s, tokens[s.start:s.end]) for s in self.sents]
        self.date_starts = sorted(e.start_char for e in doc.ents if e.label_ == "DATE")
        self.labels = [(m.start(1), m.group(1)) for m in _TRANSCRIPT_LABEL.finditer(text)
                       if m.group(1) not in NOT_SPEAKER_LABELS]
        self.label_starts = [start for start, _ in self.labels]
        self._resolve_pronouns()
        self.default, self.default_from = self._release() if release else (None, 0)

    def _resolve_pronouns(self) -> None:
        """'They say it lived ...': the pronoun names the last source named in the two sentences before; 'the
        report says' names the first body the document names as a source."""
        first = self._first_writing(next((f.source for found in self.own for f in found
                                          if f.source is not None and f.named), None))
        for i, found in enumerate(self.own):
            before = [f.source for j in range(max(0, i - 2), i) for f in self.own[j] if f.source is not None]
            # 'The bureau says it expects ...': the pronoun names the source before it in its own sentence first
            earlier = before + [f.source for f in found if f.source is not None]
            resolved = [f if f.source is not None else
                        Found((self._body_before(i) or f.written) if f.body else (first or f.written) if f.pointer
                              else (self._person_before(i, f.verb) or (earlier[-1] if earlier else None)),
                              f.verb, False, f.lemma)
                        for f in found]
            self.own[i] = [f for f in resolved if f.source is not None]

    def _first_writing(self, source: Optional[Attribution]) -> Optional[Attribution]:
        """The body a pointer names, as the text first writes it ('the U.S. Department of State and the Institute of
        International Education (or IIE)' for a later 'The Department of State and IIE'): an earlier phrase with the
        same head word that holds every capitalised word of the source (corpus/GUIDELINES.md)."""
        span = self.doc.char_span(*source[1], alignment_mode="expand") if source is not None else None
        if span is None:
            return source
        words = {t.text for t in span if t.text[:1].isupper()}
        for tok in self.doc[:span.start]:
            if tok.text == span.root.text and tok.pos_ == "PROPN":
                phrase = _glossed_phrase(self.doc, tok)
                if len(phrase[0]) > len(source[0]) and words <= set(phrase[0].replace("(", " ").replace(")", " ").split()):
                    return phrase
        return source

    def _body_before(self, i: int) -> Optional[Attribution]:
        """For 'said the company', the organisation the text named last before sentence ``i`` (corpus/GUIDELINES.md:
        a pointer to a named body is that body's name)."""
        before = self.sents[i].start_char
        bodies = [e for e in self.doc.ents if e.label_ == "ORG" and e.end_char <= before]
        # a name the tagger left untyped, as a subject ('Orion Airlines flies to 40 cities.')
        bodies += [self.doc[_proper_start(t):t.i + 1] for t in self.doc if t.dep_ == "nsubj" and t.pos_ == "PROPN"
                   and not t.ent_type_ and t.idx < before]
        if not bodies:
            return None
        span = max(bodies, key=lambda b: b.end_char)
        while len(span) > 1 and span[0].lower_ in _EDGE:
            span = self.doc[span.start + 1:span.end]
        return span.text, [span.start_char, span.end_char]

    def _person_before(self, i: int, verb: Optional[int]) -> Optional[Attribution]:
        """For 'he' or 'she' as a reporting verb's subject, the person named last as a subject in the sentences
        before ('Jane Doe heads the agency. ... "Half of it is lost," she said'), which a common-noun source in
        between ('the official says') does not hide."""
        subj = _subject(self.doc[verb]) if verb is not None else None
        if subj is None or subj.lower_ not in PERSON_PRONOUNS:
            return None
        for j in range(i - 1, max(-1, i - 1 - PERSON_REACH), -1):
            people = [t for t in self.sents[j] if t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == "PERSON"]
            if people:
                return _chunk(self.doc, people[-1])
        return None

    def _release(self) -> tuple[Optional[Attribution], int]:
        """The release's attribution and where it starts to hold: the opening one of the first two body sentences
        (from the top, headline included), else a data set named in the first paragraphs ('The 2019 survey provides
        information on ...', from there on), else a closing 'these data are from X'. Later attributions are a
        story's own, per sentence."""
        body = [i for i, s in enumerate(self.sents)
                if _body(s, self._text(i)) and not self.quoted[i] and not self._intro(i)]
        for k, i in enumerate(body[:2]):
            found = _release_attribution(self.own[i], lead=k == 0)
            if found is not None:
                return found, 0
        for i in body[:4]:
            data = next((f.source for f in self.own[i] if f.lemma == "data" and f.named), None)
            if data is not None:
                return data, self.sents[i].start_char
        last = [i for i in body if self.paragraph[i] == self.paragraph[-1]] if body else []
        closing = [f for i in last for f in self.own[i] if f.lemma == "from"]
        return (closing[0].source, 0) if closing else (None, 0)

    def _intro(self, i: int) -> bool:
        """A programme's or newsletter's opening line ('This is the Weekly Science Report.'): no lead."""
        return not self.own[i] and self._text(i).strip().lower().startswith(INTRO_OPENERS)

    def _text(self, i: int) -> str:
        """The text of sentence ``i``, cut from the document's (``Span.text`` joins its tokens on each access)."""
        return self.text[self.sents[i].start_char:self.sents[i].end_char]

    def _listed(self, i: int) -> Optional[Attribution]:
        """'GAO found ... the following three factors: (1) ...': the attribution covers its list, the rest of the
        paragraph."""
        for j in range(i - 1, -1, -1):
            if self.paragraph[j] != self.paragraph[i]:
                return None
            if self.own[j] and _OPENS_LIST.search(self._text(j)):
                return self.own[j][0].source
        return None

    def _speaker(self, i: int) -> Optional[Attribution]:
        """The speaker of the quotation sentence ``i`` belongs to: a sentence of the paragraph that attributes a
        quote, the one before first, or a transcript label ('JANE DOE: "...')."""
        para = self.paragraph[i]
        label = _SPEAKER_LABEL.match(self.text[para:para + 80])
        if label:
            return label.group(1), [para + label.start(1), para + label.end(1)]
        same = [j for j in range(len(self.sents)) if self.paragraph[j] == para and j != i]
        for j in sorted(same, key=lambda j: (j > i, abs(j - i))):
            if self.own[j] and any(q in self._text(j) for q in _QUOTES):
                return self.own[j][0].source
        opening = self._quote_opening(i)
        if opening > 0 and self.paragraph[opening - 1] == para and not self.quoted[opening - 1] and self.own[opening - 1]:
            return self.own[opening - 1][0].source  # '..., says Jane Doe, the director. "If we had the lines, ...'
        return None

    def _quote_opening(self, i: int) -> int:
        """The sentence that opens the quotation sentence ``i`` belongs to."""
        while i > 0 and self.quoted[i - 1] and not self.text[self.sents[i].start_char:self.sents[i].start_char + 1] in _QUOTES:
            i -= 1
        return i

    def _referred(self, i: int) -> Optional[Attribution]:
        """A sentence that refers back ('It is the fourth rise.') shares the own source of the one before it."""
        while i > 0 and self.paragraph[i] == self.paragraph[i - 1] and _refers_back(self.sents[i]):
            i -= 1
            if self.own[i]:
                return self.own[i][0].source
        return None

    def of(self, start_char: int, end_char: int) -> Optional[Attribution]:
        """The source of the figure at [start_char, end_char)."""
        i = max(0, bisect.bisect_right(self.starts, start_char) - 1)
        if self.own[i]:
            span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
            return _governing(self.own[i], span.root if span is not None else None).source
        if self.quoted[i]:
            speaker = self._speaker(i)
            if speaker is not None:
                return speaker
        labelled = self._labelled(i, start_char)
        if labelled is not None:
            return labelled
        listed = self._referred(i) or self._listed(i)
        if listed is not None:
            return listed
        if start_char < self.default_from or _background(self.doc.char_span(start_char, end_char, alignment_mode="expand"),
                                                         self._dated(i)):
            return None
        return self.default

    def _labelled(self, i: int, start_char: int) -> Optional[Attribution]:
        """A transcript's speaker: the last speaker label ('MAYOR LEE: ...') before the figure in its paragraph."""
        k = bisect.bisect_left(self.label_starts, start_char) - 1
        if k < 0 or self.label_starts[k] < self.paragraph[i]:
            return None
        start, label = self.labels[k]
        return label, [start, start + len(label)]

    def _dated(self, i: int) -> bool:
        """Whether sentence ``i`` holds a DATE entity (indexed once: a sentence's ``ents`` scans the document's)."""
        k = bisect.bisect_left(self.date_starts, self.sents[i].start_char)
        return k < len(self.date_starts) and self.date_starts[k] < self.sents[i].end_char


def _refers_back(sent: Span) -> bool:
    """'It is the fourth rise.', 'In rural areas, it could rise by 5 percent.', 'If this were done, ...', 'At least
    31 remain missing.', 'For example, ...': a sentence that continues the one before it (see source.json
    refer_back_openers and continuing_openers)."""
    if sent[0].lower_ in REFER_BACK or _CONTINUING.match(sent.text):
        return True
    clauses = [sent.root] + [c for c in sent.root.children if c.dep_ == "advcl" and c.i < sent.root.i]
    subjects = [c for v in clauses for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ in REFER_BACK or (s.like_num and not any(c.dep_ == "prep" for c in s.children))
               for s in subjects)


def _background(span: Optional[Span], dated: bool) -> bool:
    """A figure stated in the plain present with no attribution and no date of its own ('The region has about 8
    percent of the world's people', 'Rail lines carry 13 million passengers a day'): a standing fact, which the
    release's opening attribution does not cover."""
    tok = span.root if span is not None and len(span) else None
    if tok is None or dated:
        return False  # a dated figure is a statistic of the release ('The 741 reports of the first half of 2000 are ...')
    for _ in range(4):
        if tok is None:
            return False
        if tok.pos_ in ("VERB", "AUX"):
            aux = [c.tag_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
            return tok.tag_ in ("VBZ", "VBP") and not aux
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def release_source(doc: Doc) -> Optional[Attribution]:
    """A release's opening attribution ('the Census Bureau announced today'), which covers what follows."""
    return DocumentSources(doc).default
