"""The ``newsclaims_quantities`` component: quantity mentions on ``doc._.quantities``.

Candidates come from the text grammar (:mod:`newsclaims.normalize.mentions`); the parse and the
entities then remove what news writes with digits but is not a quantity: years and dates, times of
day, ranks, numbers inside names and identifiers, time frames that only place another figure.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterable, Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from newsclaims.adapters.quantulum import QuantulumAdapter
from newsclaims.normalize.dates import MONTHS
from newsclaims.normalize.mentions import SUSPENDED_HYPHEN_GAP, MentionGrammar, counted_noun_follows, find_mentions
from newsclaims.normalize.units import LEXICON_DIR, UnitLexicon, dimension_of, physically_possible
from newsclaims.resources import read_lexicon
from newsclaims.slots.change import ChangeLexicon
from newsclaims.slots.sentences import SentenceIndex

from .extensions import doc_text, register_extensions

# Words before a number that make it a label ("Section 301", "No. 1") or an index's name ("S&P 500"): not_quantities.json
_NOT_QUANTITIES = read_lexicon("not_quantities")
LABEL_BEFORE = re.compile(r"(?:\b(?:" + "|".join(re.escape(w) for w in _NOT_QUANTITIES["label_words"] + _NOT_QUANTITIES["index_names"])
                          + r")\s*)$", re.I)
LABEL_RANGE_BEFORE = re.compile(LABEL_BEFORE.pattern[:-1] + r"\d[\d,.]*\s*(?:through|to|and|or|-|\u2013)\s*$", re.I)
# Ages that delimit a group ("aged 18 to 34", "ages 65 and over", "between the ages of 15 and 24")
AGE_WORD_BEFORE = re.compile(r"\b(?:aged|ages|ages of|age of|age group of|age groups of)\s+(?:between\s+)?$", re.I)
AGE_SECOND_END = re.compile(r"\b(?:aged|ages|ages of)\s+(?:between\s+)?\d{1,3}\s*(?:to|and|-|\u2013|through)\s*$", re.I)
AGE_BOUND_BEFORE = re.compile(r"\b(?:under|over|below|above)\s+the\s+age\s+of\s+$", re.I)
AGED_BEFORE = re.compile(r"\baged\s+$", re.I)
# A person's age as the complement of a copula, the clause ending right after it: "who was 10.", "she turns 40 in May"
AGE_COPULA_BEFORE = re.compile(r"\b(?:he|she|who|i)\s+(?:is|was|will be|would be|turned|turns|will turn|has turned|had turned)"
                               r"\s+(?:now\s+|only\s+|just\s+)?$", re.I)
AGE_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$|(?:by|when|in|on|at|and|next|this|last|years? old)\b)", re.I)
AGE_OPEN_END = re.compile(r"\s*(?:(?:to|and|-|\u2013|through)\s*\d|\+|(?:and|or)\s+(?:over|older|above|up|under|younger|below)\b)", re.I)
SCALE_LETTERS = {"K": 1e3, "M": 1e6, "B": 1e9}
SCALE_LETTER_AFTER = re.compile(r"\s(?P<letter>[KMB])\s+(?=[a-z]{3,})")
TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|(?:am|pm|o'clock|hours? gmt|gmt|utc|et|edt|est|cet|bst)\b)", re.I)
TIMEFRAME_BEFORE = re.compile(
    r"(?:\b(?:the|its|their)\s+)?\b(?:first|last|past|next|previous|recent|coming|following|preceding|latest|prior)\s+$", re.I
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
TIMEFRAME_AFTER = re.compile(  # "in the 12 months to September": the period of another figure, not a claim
    rf"^\s+(?:to|through|thru|until|ended|ending|that ended)(?:\s+(?:in|on))?\s+(?:(?:{_MONTH_NAMES})\b\.?|\d{{4}}\b|the end\b)",
    re.I,
)
NAME_LABELS = {"ORG", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PERSON", "NORP"}
DATE_WORDS = frozenset(_NOT_QUANTITIES["period_nouns"])
NOT_A_DATE = re.compile(r"\b(?:million|billion|trillion|thousand|percent|per cent|dollars?)\b|[%$\u20ac\u00a3]", re.I)
# A register name and a colon before a bare number make it an identifier: "doi:10.1016", "OMIM: 606639" (a
# capitalised label only before a long plain number, so that "UPDATE: 12 dead" keeps its figure)
ID_LABEL_BEFORE = re.compile(r"\b(?:doi|isbn|issn|pmid|arxiv)\s*:\s*$", re.I)
CAPS_LABEL_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\s*:\s*$")
LONG_PLAIN_NUMBER = re.compile(r"\d{5,}")
LEADING_ZERO = re.compile(r"0\d+")
BARE_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
YEAR = re.compile(r"1\d{3}|20\d{2}")
# "from 1000 to 2000 hires": the upper end of a pair whose lower end cannot be a year counts what the lower counts
COUNT_BEFORE_TO = re.compile(r"(?<![\d,.])(?P<low>\d[\d,]*)\s+(?:to|and|or)\s*$")
PRONOUN_ONE_AFTER = re.compile(r"^\s*(?:of|another|who|that|which|or|and only|day|time|thing|way|by one)\b", re.I)


def _model_suffix_pattern(path: Path) -> re.Pattern:
    """The words after a number that make it part of a model's name, matched in their case (``model_names.json``)."""
    words = json.loads(path.read_text(encoding="utf-8"))["suffixes"] if path.is_file() else []
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


class QuantityFinder:
    """Finds quantity mentions and stores them as plain dicts on ``doc._.quantities``."""

    def __init__(self, nlp: Language, name: str = "newsclaims_quantities", *, lexicon_dir: Optional[str] = None,
                 use_quantulum: bool = True) -> None:
        register_extensions()
        self.name = name
        self.lexicon_dir = Path(lexicon_dir) if lexicon_dir else LEXICON_DIR
        self.use_quantulum = use_quantulum
        self._load(self.lexicon_dir)

    def _load(self, path: Path) -> None:
        self.units_data = json.loads((path / "units.json").read_text(encoding="utf-8"))
        self.currencies_data = json.loads((path / "currencies.json").read_text(encoding="utf-8"))
        self.bounds_data = json.loads((path / "bounds.json").read_text(encoding="utf-8"))
        self.model_suffix_re = _model_suffix_pattern(path / "model_names.json")
        self.lexicon = UnitLexicon.from_data(self.units_data, self.currencies_data)
        self.grammar = MentionGrammar.build(self.lexicon, self.bounds_data)
        self.quantulum = QuantulumAdapter(enabled=self.use_quantulum)
        self.changes = ChangeLexicon()

    def initialize(self, get_examples: Optional[Callable[[], Iterable]] = None, *, nlp: Optional[Language] = None,
                   lexicon: Optional[dict] = None) -> None:
        """Reload the lexicons, from ``lexicon`` (as made by ``newsclaims.unit_lexicon.v1``) if given."""
        if lexicon is not None:
            self.lexicon_dir = Path(lexicon["path"])
        self._load(self.lexicon_dir)

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            doc._.quantities = self.find(doc)
            return doc
        except Exception as exc:
            error_handler(self.name, self, [doc], exc)
            return doc

    def get_error_handler(self):
        from spacy.util import raise_error

        return getattr(self, "_error_handler", raise_error)

    def set_error_handler(self, handler) -> None:
        self._error_handler = handler

    def find(self, doc: Doc) -> list[dict]:
        text = doc_text(doc)
        kept = []
        self._ents = [e for e in doc.ents if e.label_ in NAME_LABELS]  # doc.ents walks every token: read it once
        sentences = SentenceIndex(doc)

        def change_context(start: int, end: int) -> bool:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                return False
            tok = span.root
            for _ in range(5):
                if self.changes.direction(tok.lemma_) and tok.pos_ in ("VERB", "NOUN", "ADV", "ADP", "ADJ"):
                    return True
                if tok.head == tok:
                    return False
                tok = tok.head
            return False

        for m in find_mentions(text, self.grammar, change_context):
            core = doc.char_span(m["core_start"], m["core_end"], alignment_mode="expand")
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if core is None or span is None or len(core) == 0:
                continue
            if m["unit"] is None and not m["multiple_word"]:
                self._unit_from_quantulum(doc, text, m, span)
                span = doc.char_span(m["start"], m["end"], alignment_mode="expand") or span
            if not self._is_quantity(doc, text, m, core, span) or not physically_possible(m):
                continue
            m["token_start"], m["token_end"] = span.start, span.end
            m["head"] = self._head_token(span).i
            m["sent_start"], m["sent_end"] = sentences.of(m["start"])
            m["counted"] = self._counted_noun(doc, m, span)
            if m["unit"] is None and m["counted"]:
                m["unit_text"] = m["counted"]
            elif self._appositive_age(core, text, m):
                m["unit"], m["dimension"], m["kind"] = "year", "duration", "duration"  # "Maddon, 66, said"
            kept.append(m)
        _carry_counted_nouns(text, kept)
        return kept

    def _unit_from_quantulum(self, doc: Doc, text: str, m: dict, span) -> None:
        if self._scale_letter(text, m):
            return
        following = text[m["end"]:m["end"] + 40]
        if not following[:1].isspace() and following[:1] != "":
            return
        word = following.split(maxsplit=1)[0] if following.strip() else ""
        if word.lower() in STOP_WORDS or (word.isalpha() and word.islower() and len(word) > 4):
            return  # plain English words: quantulum3 would read "pair" or "set" as units
        found = self.quantulum.unit_after(text[m["core_start"]:m["end"]], following.lstrip())  # "minus 5": the number alone
        if found is None:
            return
        unit, surface = found
        unit = self.lexicon.news_readings.get(unit, unit)
        offset = following.index(surface)
        m["end"] = m["end"] + offset + len(surface)
        m["text"] = text[m["start"]:m["end"]]
        m["unit"], m["unit_text"] = unit, surface
        m["dimension"] = dimension_of(unit, self.lexicon)
        m["kind"] = "physical"

    @staticmethod
    def _appositive_age(core, text: str, m: dict) -> bool:
        """'Joe Maddon, 66, has ...', 'a man aged 34': a bare whole number set off by commas right after a
        person's name, or after "aged", is the person's age, as the guidelines count it (unit year)."""
        if m["unit"] is not None or not m["digits"] or m["value"] is None or not float(m["value"]).is_integer() \
                or not 1 <= m["value"] <= 120 or m.get("bound_text"):
            return False
        if AGED_BEFORE.search(text[max(0, m["start"] - 8):m["start"]]):
            return True
        if AGE_COPULA_BEFORE.search(text[max(0, m["start"] - 24):m["start"]]) and AGE_CLAUSE_END.match(text, m["end"]):
            return True  # "who was 10.", "He will be 35 by the end of the year"
        if not re.match(r"\s*,", text[m["end"]:m["end"] + 3]) or not re.search(r"\w,\s*$", text[max(0, m["start"] - 3):m["start"]]):
            return False
        doc = core.doc
        before = [t for t in doc[max(0, core.start - 2):core.start] if not t.is_punct]
        if not before:
            return False
        # the tagger may call a surname a place ("Maddon, 66, has"): a proper noun before the commas and a verb
        # after them is a person and their age just the same
        after = doc[core.end + 1] if core.end + 1 < len(doc) else None
        return before[-1].ent_type_ == "PERSON" or (before[-1].pos_ == "PROPN" and before[-1].ent_type_ not in ("ORG", "DATE")
                                                    and after is not None and after.pos_ in ("AUX", "VERB", "ADV"))

    @staticmethod
    def _scale_letter(text: str, m: dict) -> bool:
        """'8 B people', '3 M users': a capital scale letter before a counted noun is billion or million, not the
        byte or the metre that quantulum3 would read."""
        letter = SCALE_LETTER_AFTER.match(text, m["end"])
        if letter is None or not m["digits"] or m["scaled"] or m["value"] is None:
            return False
        m["value"] *= SCALE_LETTERS[letter.group("letter")]
        m["end"], m["scaled"] = letter.end("letter"), True
        m["text"] = text[m["start"]:m["end"]]
        return True

    def _is_quantity(self, doc: Doc, text: str, m: dict, core, span) -> bool:
        # doc.text joins every token on each access: callers pass it in, read once per doc
        before = text[max(0, m["core_start"] - 25):m["start"]]
        after = text[m["end"]:m["end"] + 20]
        value = m["value"] if m["value"] is not None else m["low"]
        ents = {t.ent_type_ for t in core}
        if m["unit"] is None and m["digits"] and LABEL_BEFORE.search(before) and not m.get("bound_text"):
            return False
        if m["unit"] is None and m["digits"] and LABEL_RANGE_BEFORE.search(text[max(0, m["start"] - 50):m["start"]]):
            return False  # "atomic numbers 57 through 71": the far end of a run of labels is a label too
        if self._is_identifier(m, before):
            return False
        if m["unit"] is None and m["digits"] and self.model_suffix_re.match(after):
            return False  # "Galaxy Note 20 Ultra", "737 Max", "787 Dreamliner": the number is part of a model's name
        if TIME_AFTER.match(after) or "TIME" in ents and m["unit"] is None:
            return False
        if re.search(r"\d:$", text[max(0, m["core_start"] - 2):m["core_start"]]) or re.match(r":\d", text[m["core_end"]:m["core_end"] + 2]):
            return False  # clock times and time stamps: "08:24:27"
        line_start = text.rfind("\n", 0, m["core_start"]) + 1
        if m["unit"] is None and not text[line_start:m["core_start"]].strip() and re.match(r"[.)]?\s+[A-Z]", text[m["core_end"]:m["core_end"] + 3]):
            return False  # a list item's number: "2. Alberto Contador"
        if self._age_threshold(text, m):
            return False  # "men aged 18 to 34", "ages 65 and over": a class threshold, not a claim
        if re.match(r"\s+ago\b", after):
            return False  # "15 or 20 years ago" dates something; it is not a figure
        if m["unit"] is None and re.match(r"\s+(?:[A-Z][a-z]+\s+)*(?:Avenue|Ave\.|Street|St\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Way|Place|Plaza|Suite)\b", after):
            return False  # street addresses
        if m["unit"] is None and re.search(r"(?:\b[A-Z]{2}|D\.C\.),?\s+$", before) and re.fullmatch(r"\d{5}", m["text"]):
            return False  # ZIP codes
        if m["unit"] is None and m["digits"] and re.search(r"\b[A-Z]{2,}\s+$", before) and re.match(r"[-\u2013]\d", text[m["core_end"]:m["core_end"] + 2] or "x"):
            return False  # release and docket numbers: "FHWA 30-14", "FCC 20-112"
        if m.get("is_range") and m["unit"] is None and re.search(r"\b[A-Z]{2,}\s+$", before):
            return False
        if m["unit"] is None and re.search(r"\b(?:these|those|the other|top|the top|bottom|the bottom|our|its|their)\s+$", before, re.I):
            return False  # counts that point back at things already named: "these five states"
        if m["unit"] is None and not m.get("is_range") and self._is_year(doc, m, core, before):
            return False
        if m.get("is_range") and m["unit"] is None and m["low"] is not None and 1600 <= m["low"] <= 2100 and float(m["low"]).is_integer() \
                and re.fullmatch(r"\d{4}\s*[-\u2013/]\s*\d{2,4}", m["text"].strip()):
            return False  # "2020-23" is a span of years
        if "DATE" in ents and m["unit"] is None and not m["multiple_word"] and self._date_entity_is_a_date(doc, core):
            return False  # "April 4", "the 1990s", "November 17, 2010"
        if m["kind"] == "duration" and (TIMEFRAME_BEFORE.search(text[max(0, m["start"] - 30):m["start"]])
                                        or TIMEFRAME_AFTER.match(text[m["end"]:m["end"] + 40])):
            return False  # "over the last 12 months", "the 12 months to September" only place another figure in time
        if m["unit"] is None and ents & NAME_LABELS and self._inside_name(self._ents, core):
            return False
        if not m["digits"] and m["unit"] is None and not m["multiple_word"] and value == 1 and \
                (PRONOUN_ONE_AFTER.match(text[m["end"]:]) or not self._has_noun_after(doc, span)):
            return False  # "one of the largest", "no one"
        if m["fraction"] and re.search(r"\b(?:first|second|last|latter|other)\s*$", text[max(0, m["start"] - 12):m["start"]], re.I):
            return False  # "the second half of the year"
        if m["fraction"] and not re.match(r"\s*(?:of|the|a|an|its|their|that|as|[,.;])", text[m["end"]:m["end"] + 6]) \
                and m["bound"] == "=" and m["text"].lower() == "half":
            return False  # "half" as an adverb ("half empty")
        if m["multiple_word"] and m["text"].lower() in ("twice",) and not re.match(r"\s+(?:as|the|that|a|an)\b", after):
            return False  # "twice" as frequency without comparison
        if value is not None and abs(value) > 1e18:
            return False
        return True

    @staticmethod
    def _age_threshold(text: str, m: dict) -> bool:
        """Ages that delimit a group are thresholds, which the guidelines leave to the what of the figure they
        delimit: "aged 18 to 34", "ages 20-29", "aged 65 and over", "between the ages of 15 and 24". An age
        stated alone ("a man aged 34") is a person's age and stays."""
        before = text[max(0, m["start"] - 40):m["start"]]
        after = text[m["end"]:m["end"] + 24]
        if AGE_SECOND_END.search(before) or AGE_BOUND_BEFORE.search(before):
            return True
        if not AGE_WORD_BEFORE.search(before):
            return False
        return bool(m.get("is_range")) or AGE_OPEN_END.match(after) is not None

    @staticmethod
    def _is_identifier(m: dict, before: str) -> bool:
        """'OMIM: 606639', 'doi:10.1016', the '(0001) plane': a bare number that labels something."""
        if m["unit"] is not None or not m["digits"]:
            return False
        if ID_LABEL_BEFORE.search(before) or LEADING_ZERO.fullmatch(m["text"]):
            return True
        return bool(CAPS_LABEL_BEFORE.search(before)) and LONG_PLAIN_NUMBER.fullmatch(m["text"]) is not None

    @staticmethod
    def _is_year(doc: Doc, m: dict, core, before: str) -> bool:
        value = m["value"]
        if value is None or not float(value).is_integer() or not 1600 <= value <= 2100 or "," in m["text"] \
                or (m["scaled"] and m["digits"]):
            return False
        if not m["digits"] and not re.match(r"(?:two[\s-]thousand|nineteen|twenty)\b", m["text"], re.I):
            return False  # "two-thousand-three" is how broadcast copy writes a year
        head = core[-1]
        low = COUNT_BEFORE_TO.search(before)
        if low and not 1600 <= float(low.group("low").replace(",", "")) <= 2100 \
                and counted_noun_follows(doc.text, head.idx + len(head.text)):
            return False  # "from 1000 to 2000 hires", whatever the parse makes of "hires"
        if head.dep_ == "nummod" and head.head.pos_ == "NOUN" and head.head.lower_ not in DATE_WORDS and head.head.tag_ == "NNS":
            if not re.search(r"\b(?:in|since|by|of|from|until|through|to|between|during|before|after)\s*$", before, re.I):
                return False  # "2000 workers"
        return True

    @staticmethod
    def _date_entity_is_a_date(doc: Doc, core) -> bool:
        """The small model sometimes calls 'between 5 and 7 million' a DATE; amounts with scale words are not dates."""
        tok = core[0]
        if tok.ent_iob_ == "":
            return False
        start = tok.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if BARE_NUMBER.fullmatch(core.text) and not YEAR.fullmatch(core.text) and float(core.text.replace(",", "")) > 31:
            return False  # "sales of 5835 units", "which is 50000": no day or year; the small model calls them dates
        return not NOT_A_DATE.search(doc[start:end].text)

    @staticmethod
    def _inside_name(ents: list, core) -> bool:
        for ent in ents:
            if ent.label_ in NAME_LABELS and ent.start <= core.start and core.end <= ent.end:
                others = [t for t in ent if not (core.start <= t.i < core.end) and t.is_alpha and t.lower_ not in ("the",)]
                return bool(others)
        return False

    @staticmethod
    def _has_noun_after(doc: Doc, span) -> bool:
        for tok in doc[span.end:span.end + 3]:
            if tok.pos_ in ("NOUN", "PROPN"):
                return True
            if tok.pos_ not in ("ADJ", "NUM", "ADV"):
                return False
        return False

    @staticmethod
    def _head_token(span):
        """The syntactic head of the mention: the token whose head lies outside it."""
        for tok in span:
            if tok.head.i < span.start or tok.head.i >= span.end or tok.head == tok:
                return tok
        return span.root

    @staticmethod
    def _counted_noun(doc: Doc, m: dict, span) -> Optional[str]:
        """For a plain count, the counted noun with the words between it and the number, as the guidelines'
        count span runs ('20 domestic projects' -> 'domestic projects', '700 heart transplants' -> 'heart
        transplants'); the bare noun when only the parse links them."""
        if m["unit"] is not None:
            return None
        for tok in span:
            if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i >= span.end:
                return QuantityFinder._noun_phrase(doc, span.end, tok.head.i) or tok.head.text
        for tok in doc[span.end:span.end + 3]:
            if tok.pos_ in ("NOUN",):
                return QuantityFinder._noun_phrase(doc, span.end, tok.i) or tok.text
            if tok.pos_ not in ("ADJ", "NUM", "PROPN"):
                break
        return None

    @staticmethod
    def _noun_phrase(doc: Doc, start: int, head: int) -> Optional[str]:
        """The words from ``start`` through the noun at ``head`` when they are all its modifiers (adjectives,
        compounds, proper names), at most four; None when anything else stands between."""
        if head - start > 4:
            return None
        words = doc[start:head + 1]
        if any(t.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB") or t.dep_ not in ("amod", "compound", "nmod")
               for t in words[:-1]) or any(t.is_punct for t in words):
            return None
        return words.text

    # Serialisation: the lexicons travel with the pipeline folder, as JSON anyone can diff.
    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for fname, data in (("units.json", self.units_data), ("currencies.json", self.currencies_data),
                            ("bounds.json", self.bounds_data)):
            (path / fname).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        (path / "cfg.json").write_text(json.dumps({"use_quantulum": self.use_quantulum}), encoding="utf-8")

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "QuantityFinder":
        path = ensure_path(path)
        cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        self.use_quantulum = cfg["use_quantulum"]
        self.lexicon_dir = path
        self._load(path)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({"units": self.units_data, "currencies": self.currencies_data, "bounds": self.bounds_data,
                           "use_quantulum": self.use_quantulum}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "QuantityFinder":
        cfg = json.loads(data)
        self.units_data, self.currencies_data, self.bounds_data = cfg["units"], cfg["currencies"], cfg["bounds"]
        self.use_quantulum = cfg["use_quantulum"]
        self.lexicon = UnitLexicon.from_data(self.units_data, self.currencies_data)
        self.grammar = MentionGrammar.build(self.lexicon, self.bounds_data)
        self.quantulum = QuantulumAdapter(enabled=self.use_quantulum)
        self.changes = ChangeLexicon()
        return self


@Language.factory(
    "newsclaims_quantities",
    assigns=["doc._.quantities"],
    requires=["token.dep", "token.pos", "doc.ents", "doc.sents"],
    default_config={"lexicon_dir": None, "use_quantulum": True},
)
def make_quantity_finder(nlp: Language, name: str, *, lexicon_dir: Optional[str], use_quantulum: bool) -> QuantityFinder:
    return QuantityFinder(nlp, name, lexicon_dir=lexicon_dir, use_quantulum=use_quantulum)


COUNT_SIBLING_GAP = re.compile(
    r"(?P<words>(?:\s+[A-Za-z][\w'-]*){0,6}?)\s*,?\s*(?:and|or|including|compared\s+(?:with|to)|versus|vs\.?|"
    r"(?:(?:up|down)\s+)?from|against)\s+(?:(?:about|nearly|almost|some|around|roughly|just)\s+)?$", re.I)


def _carry_suspended_counted_nouns(text: str, mentions: list[dict]) -> None:
    """'four-, five- and six-cylinder engines': a count left hanging on a hyphen counts what the compound ending
    the list counts, whatever noun the parse found after it. Walked from the end, as units are in mentions."""
    for a, b in reversed(list(zip(mentions, mentions[1:]))):
        if a["unit"] is None and b["unit"] is None and b.get("counted") and not a["multiple_word"] \
                and SUSPENDED_HYPHEN_GAP.fullmatch(text[a["end"]:b["start"]]):
            a["counted"] = a["unit_text"] = b["counted"]


def _carry_counted_nouns(text: str, mentions: list[dict]) -> None:
    """A bare count takes the counted noun of the count it is paired with: '3.9 million headsets, up from 2.4
    million', '435 homes by open sale and 187 by tender', '6 million homes including 1.5 million'. Only when
    the first count's noun follows it, no other figure stands between, and the bare one has no noun of its own."""
    _carry_suspended_counted_nouns(text, mentions)
    for a, b in zip(mentions, mentions[1:]):
        if a["unit"] is not None or b["unit"] is not None or not a.get("counted") or b.get("counted") \
                or a["sent_start"] != b["sent_start"] or not b["digits"] and not b["scaled"]:
            continue
        gap = text[a["end"]:b["start"]]
        phrase = a["counted"]
        if not gap.lstrip().startswith(phrase):
            continue
        rest = gap.lstrip()[len(phrase):]
        if COUNT_SIBLING_GAP.fullmatch(rest) and not re.search(r"\d", rest):
            b["counted"] = b["unit_text"] = phrase
