"""The ``newsclaims_claims`` component: quantity mentions + slots -> typed claims on ``doc._.claims``.

Each slot is filled by its own module under :mod:`newsclaims.slots` (change, when, subject, source);
this component only walks the figures in order and assembles :class:`newsclaims.schema.Claim` records.
The date, who and what slots are chosen among candidates by the configured rankers (``ranker``, ``who_ranker`` and
``what_ranker`` in config.cfg: ``newsclaims.slot_ranker.v1`` rules only, ``.v2`` trained weights).
The rules' who (``fill_subject`` and :func:`newsclaims.slots.fallbacks.fallbacks`) is one who candidate among the
others.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime
import json
import re
from typing import Any, Callable, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path, registry

from newsclaims.adapters.dateparse import DateParserAdapter
from newsclaims.normalize.units import to_base
from newsclaims.resources import read_lexicon
from newsclaims.schema import Claim
from newsclaims.slots.change import ChangeLexicon, fill_changes
from newsclaims.slots.sentences import SentenceIndex
from newsclaims.slots.source import DocumentSources
from newsclaims.slots.fallbacks import document_person, fallbacks, pointer_as_written, proper_subject
from newsclaims.slots.subject import (SubjectWords, WhatLexicon, document_entities, document_subject, fill_subject,
                                      who_entities)
from newsclaims.slots.candidates import Scored, SlotFiller, SlotRanker
from newsclaims.slots.date_features import DATE_FILLER
from newsclaims.slots.date_proposers import DateFrame
from newsclaims.slots.rankers import RulesRanker, checked_ranker, ranker_from_data
from newsclaims.slots.what_features import WHAT_FILLER
from newsclaims.slots.what_layout import gapped_answer, layout_answer
from newsclaims.slots.what_proposers import KindWords, WhatFrame
from newsclaims.slots.who_features import WHO_FILLER
from newsclaims.slots.who_null import NullWords, forecaster, ownerless
from newsclaims.slots.who_proposers import WhoFrame, WhoLexicon
from newsclaims.slots.when import DateLexicon, date_mentions

from .extensions import doc_text, forget_memo, forget_text, register_extensions


# What the component reads from models/lexicon/ (NAME.json), and its ranker settings; to_disk writes both, so an
# assembled pipeline folder carries them.
LEXICONS = ("changes", "dates", "subjects", "what", "what_kinds", "who")
RANKER_SETTINGS = ("ranker", "who_ranker", "what_ranker")


class ClaimBuilder:
    def __init__(self, nlp: Language, name: str = "newsclaims_claims", *, date_timeout: float = 2.0,
                 carry_subject: bool = True, release_attribution: bool = True, date_carry: str = "paragraph",
                 ranker: Optional[SlotRanker] = None, who_ranker: Optional[SlotRanker] = None,
                 what_ranker: Optional[SlotRanker] = None, scorer: Optional[Callable] = None) -> None:
        register_extensions()
        self.scorer = scorer if scorer is not None else score_claims
        if date_carry not in ("none", "paragraph", "document"):
            raise ValueError(f"date_carry must be 'none', 'paragraph' or 'document', not {date_carry!r}")
        self.date_carry = date_carry
        self.name = name
        self.date_timeout = date_timeout
        self.carry_subject = carry_subject
        self.release_attribution = release_attribution
        self.dates = DateParserAdapter(timeout=date_timeout)
        self.ranker = checked_ranker("ranker", ranker) if ranker is not None else RulesRanker()
        self.who_ranker = checked_ranker("who_ranker", who_ranker) if who_ranker is not None else RulesRanker()
        self.what_ranker = checked_ranker("what_ranker", what_ranker) if what_ranker is not None else RulesRanker()
        self._set_lexicons(packaged_lexicons())

    def initialize(self, get_examples: Optional[Callable[[], Iterable]] = None, *, nlp: Optional[Language] = None,
                   lexicons: Optional[dict[str, dict]] = None) -> None:
        """Load the lexicons: the packaged ones (``models/lexicon/``), each replaced by the data ``lexicons`` gives
        under its name ([initialize.components.newsclaims_claims.lexicons] in a config). The rankers' weights come
        from their settings, so no examples are read."""
        self._set_lexicons({**packaged_lexicons(), **(lexicons or {})})

    @property
    def who_words(self) -> dict:
        return self.lexicons["who"]

    @property
    def date_words(self) -> dict:
        return self.lexicons["dates"]

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.claims = [c.to_dict() for c in self.build(doc)]
        except Exception as exc:
            handler = getattr(self, "_error_handler", None)
            if handler is None:
                raise
            handler(self.name, self, [doc], exc)
        finally:
            forget_text(doc)
            forget_memo(doc)
        return doc

    def score(self, examples: Iterable, **kwargs: Any) -> dict[str, Optional[float]]:
        """Claims against ``example.reference._.claims`` (the gold format), by the configured scorer."""
        return self.scorer(examples, **kwargs)

    def set_error_handler(self, handler) -> None:
        self._error_handler = handler

    def get_error_handler(self):
        from spacy.util import raise_error

        return getattr(self, "_error_handler", raise_error)

    def build(self, doc: Doc) -> list[Claim]:
        return [claim for claim, _ in self.build_ranked(doc, every_candidate=False)]

    def build_ranked(self, doc: Doc, every_candidate: bool = True) -> list[tuple[Claim, dict[str, list[Scored]]]]:
        """Each figure's claim with every ranked slot's scored candidates, best first (``newsclaims explain``,
        ``train-slots``). Without ``every_candidate``, a slot ranked by the rules alone gets only the rules' own
        candidates: the same claims, without proposing and scoring what v1 never reads."""
        mentions = doc._.quantities or []
        if not mentions:
            return []
        doc_id = str(doc._.doc_id) if doc._.doc_id is not None else ""
        text = doc_text(doc)
        changes = fill_changes(doc, mentions, self.changes, text=text)
        sentences = SentenceIndex(doc)
        frame = self.date_frame(doc, changes, sentences)
        sources = DocumentSources(doc, release=self.release_attribution)
        claims = []
        remembered: Optional[dict] = None
        ents = document_entities(doc, self.subject_words)  # the rules' who reads the same list: found once
        main_place = document_subject(ents)
        doc_subject = document_person(ents, main_place, self.subject_words) or main_place
        ents_by_sentence: dict[int, list] = {}
        for ent in ents:  # a figure's who comes from its own sentence: index the entities by it
            ents_by_sentence.setdefault(sentences.of(ent.start_char)[0], []).append(ent)
        who_frame = self.who_frame(doc, frame, ents)
        what_frame = WhatFrame(who_frame, self.what_words, self.what_kinds, changes)
        breaks = [b.start() for b in re.finditer("\n\n", text)]
        paragraph_start = -1
        paragraph_claims: list = []
        for mi, (m, change) in enumerate(zip(mentions, changes)):
            ranked = {"date": self._rank(DATE_FILLER, self.ranker, frame, mi, every_candidate)}
            when = ranked["date"][0]
            k = bisect.bisect_left(breaks, m["start"]) - 1
            para = breaks[k] if k >= 0 else -1
            if para != paragraph_start:
                paragraph_start, remembered, paragraph_claims = para, None, []
            sent_ents = ents_by_sentence.get(m["sent_start"], [])
            slots, subject = fill_subject(doc, m, remembered if self.carry_subject else None, sent_ents, self.what_words,
                                          self.subject_words)
            if subject is not None:
                remembered = subject
            if ownerless(who_frame.clause(mi), m, self.null_words):
                slots = {**slots, "who": None, "who_span": None, "who_null": True}
            slots["who_forecaster"] = forecaster(who_frame.clause(mi), sent_ents, self.null_words)
            source = sources.of(m["start"], m["end"])
            slots = fallbacks(slots, m, source, sent_ents, paragraph_claims if self.carry_subject else [], para,
                               doc_subject if self.carry_subject else None, self.what_words, self.subject_words,
                               proper_subject(who_frame, mi) or pointer_as_written(who_frame, mi))
            ruled = _claim(doc_id, text, m, slots, when, change, source)
            paragraph_claims.append(ruled)  # the rules' own chain: what they carry on does not depend on the ranker
            ranked["who"] = self.rank_who(who_frame, mi, slots, source, every_candidate)
            ranked["what"] = self.rank_what(what_frame, mi, slots, every_candidate)
            claims.append((_with_ranked(ruled, ranked["who"][0], ranked["what"][0]), ranked))
        return claims

    def rank_what(self, frame: WhatFrame, mi: int, slots: dict, every_candidate: bool = True) -> list[Scored]:
        """The figure's what candidates, best first; the rules' answer (``slots``) is one of them."""
        frame.rules[mi] = layout_answer(frame, mi) or gapped_answer(frame, mi) or (slots["what"], slots["what_span"])
        return self._rank(WHAT_FILLER, self.what_ranker, frame, mi, every_candidate)

    def rank_who(self, frame: WhoFrame, mi: int, slots: dict, source, every_candidate: bool = True) -> list[Scored]:
        """The figure's who candidates, best first; the rules' answer (``slots``) is one of them."""
        frame.rules[mi] = (slots["who"], slots["who_span"])
        frame.sources[mi] = source
        frame.whats[mi] = (slots["what"], slots["what_span"])
        return self._rank(WHO_FILLER, self.who_ranker, frame, mi, every_candidate)

    @staticmethod
    def _rank(filler: SlotFiller, ranker: SlotRanker, frame, mi: int, every_candidate: bool) -> list[Scored]:
        """The one place that decides a slot: the filler proposes, the ranker orders. A rules-only ranker reads only
        the rules' own candidates unless every candidate is asked for (explain, training)."""
        every = every_candidate or not isinstance(ranker, RulesRanker)
        return ranker.rank(filler.candidates(frame, mi, every=every))

    def date_frame(self, doc: Doc, changes: Optional[list] = None,
                   sentences: Optional[SentenceIndex] = None) -> DateFrame:
        """What the date proposers read about ``doc`` (its figures must be found: ``doc._.quantities``)."""
        mentions = doc._.quantities or []
        published, text = _iso_or_none(doc._.published), doc_text(doc)
        changes = fill_changes(doc, mentions, self.changes, text=text) if changes is None else changes
        sentences = sentences or SentenceIndex(doc)
        found = date_mentions(doc, mentions, published, self.dates, sentences, text=text, lexicon=self.date_lexicon)
        return DateFrame.build(doc, text, published, mentions, changes, found, sentences, self.date_lexicon,
                               self.date_carry)

    def who_frame(self, doc: Doc, date_frame: Optional[DateFrame] = None, ents: Optional[list] = None) -> WhoFrame:
        """What the who proposers read about ``doc``; it shares the date frame's sentences, lead and comparison
        markers. The rules' answers, sources and whats are filled in as :meth:`build_ranked` walks the figures."""
        date_frame = date_frame or self.date_frame(doc)
        ents = who_entities(doc, self.subject_words) if ents is None else ents
        return WhoFrame.build(doc, date_frame.text, date_frame.mentions, date_frame.sentences, ents, self.who_lexicon,
                              date_frame.markers, date_frame.lead, self.subject_words)

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        """cfg.json, one JSON file per ranker setting, and lexicon/NAME.json: the folder needs nothing from models/."""
        path = ensure_path(path)
        (path / "lexicon").mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps(self._cfg()), encoding="utf-8")
        for setting in RANKER_SETTINGS:
            data = json.dumps(self._ranker_data(getattr(self, setting)), sort_keys=True)
            (path / f"{setting}.json").write_text(data, encoding="utf-8")
        for name, data in self.lexicons.items():
            (path / "lexicon" / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "ClaimBuilder":
        path = ensure_path(path)
        self._set_cfg(json.loads((path / "cfg.json").read_text(encoding="utf-8")))
        for setting in RANKER_SETTINGS:  # a folder written before a slot had candidates keeps the configured ranker
            if (path / f"{setting}.json").exists():
                setattr(self, setting, _ranker_of(json.loads((path / f"{setting}.json").read_text(encoding="utf-8"))))
        # folders written before lexicon/ held dates.json and who.json at the top
        files = [path / "dates.json", path / "who.json", *sorted((path / "lexicon").glob("*.json"))]
        self._set_lexicons({**packaged_lexicons(),
                            **{f.stem: json.loads(f.read_text(encoding="utf-8")) for f in files if f.is_file()}})
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        rankers = {setting: self._ranker_data(getattr(self, setting)) for setting in RANKER_SETTINGS}
        return json.dumps({"cfg": self._cfg(), **rankers, "lexicons": self.lexicons}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "ClaimBuilder":
        data = json.loads(data)
        self._set_cfg(data["cfg"])
        for setting in RANKER_SETTINGS:  # bytes written before a slot had candidates keep the configured ranker
            if setting in data:
                setattr(self, setting, _ranker_of(data[setting]))
        self._set_lexicons({**packaged_lexicons(), **data.get("lexicons", {})})
        return self

    def _ranker_data(self, ranker: Optional[SlotRanker] = None) -> dict:
        ranker = self.ranker if ranker is None else ranker
        to_data = getattr(ranker, "to_data", None)
        return {"name": ranker.name, "data": to_data() if to_data else {}}

    def _set_lexicons(self, lexicons: dict[str, dict]) -> None:
        unknown = sorted(set(lexicons) - set(LEXICONS))
        if unknown:
            raise ValueError(f"newsclaims_claims: unknown lexicons {unknown}; it reads {list(LEXICONS)}")
        self.lexicons = {name: lexicons[name] for name in LEXICONS}
        self.changes = ChangeLexicon(lexicons["changes"])
        self.what_words = WhatLexicon.from_data(lexicons["what"], lexicons["subjects"])
        self.subject_words = SubjectWords.from_data(lexicons["subjects"], lexicons["who"])
        self.what_kinds = KindWords.from_data(lexicons["what_kinds"])
        self.who_lexicon = WhoLexicon.from_data(lexicons["who"], self.what_words.reporters)
        self.null_words = NullWords.from_data(lexicons["who"])
        self.date_lexicon = DateLexicon.from_data(lexicons["dates"])

    def _cfg(self) -> dict:
        return {"date_timeout": self.date_timeout, "carry_subject": self.carry_subject,
                "release_attribution": self.release_attribution, "date_carry": self.date_carry}

    def _set_cfg(self, cfg: dict) -> None:
        self.date_timeout = cfg["date_timeout"]
        self.carry_subject = cfg["carry_subject"]
        self.release_attribution = cfg["release_attribution"]
        self.date_carry = cfg.get("date_carry", "paragraph")
        self.dates = DateParserAdapter(timeout=self.date_timeout)


def _claim(doc_id: str, text: str, m: dict, slots: dict, when: Scored, change, source) -> Claim:
    value_base, base_unit = to_base(m["value"], m["unit"])
    low_base, _ = to_base(m["low"], m["unit"])
    high_base, _ = to_base(m["high"], m["unit"])
    date = when.candidate
    return Claim(
        doc_id=doc_id, span=[m["start"], m["end"]], text=m["text"],
        value=m["value"], low=m["low"], high=m["high"], bound=m["bound"],
        unit=m["unit"], unit_text=m["unit_text"], dimension=m["dimension"], kind=m["kind"],
        value_base=value_base, low_base=low_base, high_base=high_base, base_unit=base_unit,
        who=slots["who"], who_span=slots["who_span"], what=slots["what"], what_span=slots["what_span"],
        date=date.value, date_text=date.text, date_span=list(date.span) if date.span is not None else None,
        date_resolution=date.resolution, date_confidence=when.score,
        change=change,
        source=source[0] if source else None, source_span=source[1] if source else None,
        sentence=text[m["sent_start"]:m["sent_end"]].strip(), sentence_span=[m["sent_start"], m["sent_end"]],
    )


def packaged_lexicons() -> dict[str, dict]:
    return {name: read_lexicon(name) for name in LEXICONS}


def _ranker_of(data: dict):
    return ranker_from_data(data["name"], data["data"])


def _with_ranked(claim: Claim, who: Scored, what: Scored) -> Claim:
    """The claim with the ranked who and what in place of the rules' ones (one copy of the claim, not two)."""
    w, t = who.candidate, what.candidate
    return dataclasses.replace(claim, who=w.value, who_span=list(w.span) if w.span is not None else None,
                               who_confidence=who.score, what=t.value,
                               what_span=list(t.span) if t.span is not None else None, what_confidence=what.score)


def _iso_or_none(value) -> Optional[str]:
    """A publication date we can trust as ISO 'YYYY-MM-DD' (or 'YYYY-MM'), else None."""
    if value is None:
        return None
    value = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m or not 1800 <= int(m.group(1)) <= 2200 or not 1 <= int(m.group(2)) <= 12:
        return None
    if m.group(3):
        try:
            datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))  # "2020-02-31" is no day
        except ValueError:
            return None
    return m.group(0)


@Language.factory(
    "newsclaims_claims",
    assigns=["doc._.claims"],
    requires=["doc._.quantities"],
    default_config={"date_timeout": 2.0, "carry_subject": True, "release_attribution": True, "date_carry": "paragraph",
                    "ranker": {"@misc": "newsclaims.slot_ranker.v1"}, "who_ranker": {"@misc": "newsclaims.slot_ranker.v1"},
                    "what_ranker": {"@misc": "newsclaims.slot_ranker.v1"},
                    "scorer": {"@scorers": "newsclaims.claims_scorer.v1"}},
)
def make_claim_builder(nlp: Language, name: str, *, date_timeout: float, carry_subject: bool,
                       release_attribution: bool, date_carry: str, ranker: Any, who_ranker: Any,
                       what_ranker: Any, scorer: Optional[Callable]) -> ClaimBuilder:
    # ranker, who_ranker: any SlotRanker; typed Any since spaCy's config validation cannot check a Protocol
    return ClaimBuilder(nlp, name, date_timeout=date_timeout, carry_subject=carry_subject,
                        release_attribution=release_attribution, date_carry=date_carry, ranker=ranker,
                        who_ranker=who_ranker, what_ranker=what_ranker, scorer=scorer)


def score_claims(examples: Iterable, **kwargs: Any) -> dict[str, Optional[float]]:
    from newsclaims.evaluation.scoring import score_examples  # the scorer's lemmatizer loads only when scoring

    return score_examples(examples)


@registry.scorers("newsclaims.claims_scorer.v1")
def make_claims_scorer() -> Callable:
    """P/R/F1 of mentions, quantities, every slot, and strict and relaxed whole claims (``claims_strict_f``...)."""
    return score_claims
