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
