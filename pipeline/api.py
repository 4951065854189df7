"""The Python API: build the pipeline from config.cfg and turn texts into claims."""
from __future__ import annotations

import collections
import functools
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsclaims.components.extensions import register_extensions, remember_text
from newsclaims.normalize.masking import mask_non_prose
from newsclaims.schema import Claim
from newsclaims.resources import config_path, models_dir

CONFIG = config_path()


def load(path: Union[str, Path, None] = None, *, base_model: Optional[str] = None) -> Language:
    """The newsclaims pipeline.

    ``path`` may be an assembled pipeline folder (``spacy assemble config.cfg DIR``) or a config file;
    by default the project's ``config.cfg`` is assembled in memory. ``base_model`` names the spaCy
    model whose tagger, parser and NER are sourced (default: the config's ``paths.base_model``).
    """
    # Importing the components registers their factories even where the package's entry points
    # are not installed (a source checkout on PYTHONPATH).
    import newsclaims.components.claims  # noqa: F401
    import newsclaims.components.line_breaks  # noqa: F401
    import newsclaims.components.quantities  # noqa: F401
    import newsclaims.components.registry  # noqa: F401

    register_extensions()
    path = Path(path) if path is not None else CONFIG
    if path.is_dir():
        return spacy.load(path)
    overrides = {"paths.base_model": base_model} if base_model else {}
    config = spacy.util.load_config(path, overrides=overrides, interpolate=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    sourced = spacy.util.get_sourced_components(config.interpolate())
    nlp._link_components()
    with nlp.select_pipes(disable=[*sourced]):
        nlp.initialize()
    return nlp


@functools.lru_cache(maxsize=2)
def _default_nlp() -> Language:
    return load()


def make_doc(nlp: Language, text: str, *, doc_id: Optional[str] = None, published: Optional[str] = None) -> Doc:
    """A Doc carrying the document's id and publication date, ready for ``nlp`` or ``nlp.pipe``."""
    register_extensions()
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    doc._.doc_id = doc_id
    doc._.published = published
    return doc


PIECE_CHARS = 100_000  # long articles are processed in pieces of about this size, cut between paragraphs


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) cuts of a long text at paragraph breaks (else line breaks, sentence ends, spaces)."""
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = None
        for sep in ("\n\n", "\n", ". ", " "):  # the strongest break in the second half of the window
            at = window.rfind(sep)
            if at > limit // 2:
                cut = at + len(sep)
                break
        if cut is None:  # never cut inside a word or a number: go on to the next space
            ahead = re.search(r"\s", text[start + limit:])
            if ahead is None:
                break
            cut = limit + ahead.end()
        out.append((start, text[start:start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def _shift(claim: dict, offset: int, doc_id: str) -> dict:
    """A claim of a piece, with every offset moved into the whole text and its id remade."""
    from newsclaims.schema import make_claim_id

    claim = dict(claim)
    for key in ("span", "who_span", "what_span", "date_span", "source_span", "sentence_span"):
        if claim.get(key) is not None:
            claim[key] = [claim[key][0] + offset, claim[key][1] + offset]
    claim["doc_id"] = doc_id
    claim["claim_id"] = make_claim_id(doc_id, claim["span"])
    return claim


def _claims_of_docs(nlp: Language, records: Iterable[tuple[str, str, Optional[str]]], *, n_process: int = 1,
                    batch_size: int = 32) -> Iterator[tuple[str, list[dict]]]:
    """(doc_id, claims) per (doc_id, text, published), in order.

    Texts longer than a piece go in pieces, so an article over spaCy's max_length is processed, not refused,
    and its offsets stay right. Its pieces run one at a time outside the batched stream: a batch of 32
    pieces of 100,000 characters would hold the parser state of all of them at once.
    """
    records = iter(records)
    originals: collections.deque = collections.deque()  # the unmasked text of each doc in the stream, or None
    while True:
        long_record: list[tuple[str, str, str, Optional[str]]] = []

        def short_docs() -> Iterator[Doc]:
            for doc_id, text, published in records:
                masked = mask_non_prose(text)
                if len(masked) > PIECE_CHARS:
                    long_record.append((doc_id, text, masked, published))  # ends this stream; handled below
                    return
                originals.append(text if masked != text else None)
                yield make_doc(nlp, masked, doc_id=doc_id, published=published)

        for doc in nlp.pipe(short_docs(), n_process=n_process, batch_size=batch_size):
            original = originals.popleft()
            claims = doc._.claims or []
            if original is not None:
                masked_text = doc.text  # spaCy rebuilds doc.text on every read: once per document, not per claim
                claims = [_unmasked(c, original, masked_text) for c in claims]
            yield doc._.doc_id, claims
        if not long_record:
            return
        doc_id, text, masked, published = long_record[0]
        collected: list[dict] = []
        for offset, part in pieces(masked):
            doc = nlp(make_doc(nlp, part, doc_id=doc_id, published=published))
            collected.extend(_shift(c, offset, doc_id) if offset else c for c in doc._.claims or [])
        yield doc_id, [_unmasked(c, text, masked) for c in collected] if masked != text else collected


_SURFACES = (("text", "span"), ("who", "who_span"), ("what", "what_span"), ("date_text", "date_span"),
             ("source", "source_span"))


def _unmasked(claim: dict, text: str, masked: str) -> dict:
    """A claim's surfaces read from the text as given, where masking blanked part of it: each span is first
    trimmed of the blanks masking left at its edges, then sliced from the original text."""
    claim = dict(claim)
    for key, span_key in _SURFACES:
        span = claim.get(span_key)
        if span is None or claim.get(key) is None:
            continue
        start, end = _trimmed(masked, span[0], span[1])
        claim[span_key] = [start, end]
        claim[key] = text[start:end]
    if claim.get("sentence_span") is not None:
        start, end = _trimmed(masked, *claim["sentence_span"])
        claim["sentence_span"] = [start, end]
        claim["sentence"] = text[start:end].strip()
    return claim


def _trimmed(masked: str, start: int, end: int) -> tuple[int, int]:
    piece = masked[start:end]
    if not piece.strip():
        return start, end
    return start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))


def extract(text: str, *, published: Optional[str] = None, doc_id: str = "doc", nlp: Optional[Language] = None) -> list[Claim]:
    """The claims of one text. ``published`` (ISO date) anchors relative dates such as 'last year'."""
    nlp = nlp or _default_nlp()
    claims = next(_claims_of_docs(nlp, [(doc_id, text, published)]))[1]
    return [Claim.from_dict(c) for c in claims]


def extract_many(records: Iterable[dict], *, nlp: Optional[Language] = None, n_process: int = 1,
                 batch_size: int = 32) -> Iterator[tuple[str, list[dict]]]:
    """(doc_id, claim dicts) for records with ``id``, ``text`` and optional ``published``, in input order."""
    nlp = nlp or _default_nlp()
    triples = ((str(r["id"]), r["text"], r.get("published")) for r in records)
    yield from _claims_of_docs(nlp, triples, n_process=n_process, batch_size=batch_size)


class PipelineProcess:
    """A picklable factory for corpus runs: called once per worker, it loads the pipeline and returns
    a function from a batch of :class:`newsclaims.io.documents.Document` to (doc_id, claim dicts)."""

    def __init__(self, config: Union[str, Path, None] = None, *, base_model: Optional[str] = None,
                 batch_size: int = 32) -> None:
        self.config = str(config) if config is not None else None
        self.base_model = base_model
        self.batch_size = batch_size

    def __repr__(self) -> str:  # error messages name the config the pipeline failed to load from
        return f"the pipeline of {self.config or 'the packaged config.cfg'}"

    def __call__(self):
        nlp = load(self.config, base_model=self.base_model)

        def process(documents: list) -> list[tuple[str, list[dict]]]:
            # memory_zone frees the strings each batch adds to the vocab, so memory stays flat on long runs;
            # the claims are plain data, so nothing of the zone outlives it.
            with nlp.memory_zone():
                triples = [(d.id, d.text, d.published) for d in documents]
                return list(_claims_of_docs(nlp, triples, batch_size=self.batch_size))

        return process

    def config_hash(self) -> str:
        """Hash of everything that decides the output: config, lexicons, patterns, base model name and our
        own code (so a run resumed after a code change redoes its shards instead of mixing old and new)."""
        import hashlib

        h = hashlib.sha256()
        h.update((self.base_model or "").encode())
        files = [Path(self.config) if self.config else CONFIG]
        files += sorted(models_dir().rglob("*.json")) + sorted(models_dir().rglob("*.jsonl"))
        files += sorted(Path(__file__).resolve().parent.rglob("*.py"))
        for f in files:
            if f.is_file():
                h.update(f.name.encode())
                h.update(f.read_bytes())
        return h.hexdigest()[:16]
