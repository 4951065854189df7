"""The plain-data attributes newsclaims keeps on a Doc (never Span objects, so docs cross processes)."""
from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "doc_id": None,        # the document's id, carried into every claim
    "published": None,     # ISO publication date; relative dates resolve against it
    "quantities": None,    # list[dict]: quantity mentions with offsets
    "claims": None,        # list[dict]: Claim.to_dict() records
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_TEXT_KEY = "newsclaims.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc: spaCy rebuilds it from every token on each access, and several
    components need it. The text of a Doc never changes, so the first join serves them all."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record the text a Doc was made from (the tokenizer keeps it verbatim), so ``doc_text`` never joins."""
    doc.user_data[_TEXT_KEY] = text


def forget_text(doc: Doc) -> None:
    """Drop the recorded text once the last component has read it: ``Doc.to_bytes`` (and so ``nlp.pipe``
    with ``n_process``) would otherwise carry the text twice."""
    doc.user_data.pop(_TEXT_KEY, None)


_MEMO_KEY = "newsclaims.memo"


def document_memo(doc: Doc) -> dict:
    """A dict for answers computed from ``doc`` alone, shared by the slot rules for one document: a parse walk that
    many figures and proposers repeat runs once. It may hold Spans because ``forget_memo`` drops it before the Doc
    leaves the claims component (so it never reaches ``Doc.to_bytes`` or another process)."""
    memo = doc.user_data.get(_MEMO_KEY)
    if memo is None:
        memo = doc.user_data[_MEMO_KEY] = {}
    return memo


def forget_memo(doc: Doc) -> None:
    """Drop the document's memo once the last component is done, so it never travels with the Doc."""
    doc.user_data.pop(_MEMO_KEY, None)
