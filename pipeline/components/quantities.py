"""The ``newsclaims_quantities`` component: quantity mentions on ``doc._.quantities``.

Candidates come from the text grammar (:mod:`newsclaims.normalize.mentions`); the parse and the
entities then remove what news writes with digits but is not a quantity: years and dates, times of
day, ranks, numbers inside names and identifiers, time frames that only place another figure.
"""
from __future__ import annotations

import calendar
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
from newsclaims.normalize.mentions import (
    game_score_around,
    SUSPENDED_HYPHEN_GAP,
    MentionGrammar,
    conversions_take_bounds,
    counted_noun_follows,
    find_mentions,
    kind_of,
)
from newsclaims.normalize.numbers import TENS_WORDS, UNITS_WORDS
from newsclaims.normalize.units import LEXICON_DIR, UnitLexicon, dimension_of, physically_possible
from newsclaims.resources import read_lexicon
from newsclaims.slots.change import ChangeLexicon
from newsclaims.slots.sentences import SentenceIndex
from newsclaims.slots.when import counted_back_or_ago

from .extensions import doc_text, register_extensions
from .not_claims import NOT_A_CLAIM_MORE

# Words before a number that make it a label ("Section 301", "No. 1") or an index's name ("S&P 500"): not_quantities.json
_NOT_QUANTITIES = read_lexicon("not_quantities")
LABEL_BEFORE = re.compile(r"(?:\b(?:" + "|".join(re.escape(w) for w in _NOT_QUANTITIES["label_words"] + _NOT_QUANTITIES["index_names"])
                          + r")\s*)$", re.I)
LABEL_RANGE_BEFORE = re.compile(LABEL_BEFORE.pattern[:-1] + r"\d[\d,.]*\s*(?:through|to|and|or|-|\u2013)\s*$", re.I)
_NUMBER_WORD = r"(?:(?:" + "|".join(sorted([*UNITS_WORDS, *TENS_WORDS, "hundred", "thousand"], key=len, reverse=True)) + r")[\s-]?)+"
# Ages that delimit a group ("aged 18 to 34", "ages 65 and over", "between the ages of 15 and 24")
AGE_WORD_BEFORE = re.compile(r"\b(?:aged|ages|ages of|age of|age group of|age groups of)\s+(?:between\s+)?$", re.I)
AGE_SECOND_END = re.compile(r"\b(?:aged|ages|ages of)\s+(?:between\s+)?(?:\d{1,3}|" + _NUMBER_WORD + r")\s*(?:to|and|-|\u2013|through)\s*$", re.I)
AGE_BOUND_BEFORE = re.compile(r"\b(?:under|over|below|above)\s+the\s+age\s+of\s+$", re.I)
AGED_BEFORE = re.compile(r"\baged\s+$", re.I)
# A person's age as the complement of a copula, the clause ending right after it: "who was 10.", "she turns 40 in May"
AGE_COPULA_BEFORE = re.compile(r"\b(?:he|she|who|i)\s+(?:is|was|will be|would be|turned|turns|will turn|has turned|had turned)"
                               r"\s+(?:now\s+|only\s+|just\s+)?$", re.I)
AGE_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$|(?:by|when|in|on|at|and|next|this|last|years? old)\b)", re.I)
AGE_OPEN_END = re.compile(r"\s*(?:(?:to|and|-|\u2013|through)\s*(?:\d|" + _NUMBER_WORD + r")|\+|(?:and|or)\s+(?:over|older|above|up|under|younger|below)\b)", re.I)
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
# "only one of the storms", "killing one and injuring two": 'one' as a count, though no noun follows it
ONE_COUNTED_BEFORE = re.compile(r"\b(?:only|(?:" + "|".join(_NOT_QUANTITIES["casualty_verbs"]) + r"))\s+$", re.I)
PRONOUN_ONE_AFTER = re.compile(r"^\s*(?:of|another|who|that|which|or|and only|day|time|thing|way|by one)\b", re.I)


def _words(key: str) -> str:
    """A lexicon list of not_quantities.json as a regex alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(_NOT_QUANTITIES[key], key=len, reverse=True))


_BOUND_WORDS = r"(?:(?:about|nearly|almost|roughly|around|some|just|only|at least|more than|less than|under|over|up to)\s+)*"
WORD_LABEL_BEFORE = re.compile(r"\b(?:" + _words("label_words_before_number_words") + r")\s*$", re.I)
# "31 of the 32 districts", "three of the nine main risks": the M of "N of the M" is the set the count N is drawn from
SET_SIZE_BEFORE = re.compile(r"(?:\d[\d,.]*\s*(?:%|percent|per cent)?|\b" + _NUMBER_WORD + r"|\b(?:half|most|many|some|none))"
                             r"\s+of\s+(?:the|these|those|its|their)\s+$", re.I)
RANK_WORDS = frozenset(_NOT_QUANTITIES["rank_words"])
LIST_OF_THE_BEFORE = re.compile(r"\b(?:" + _words("list_nouns") + r")\s+of\s+the\s+$", re.I)
FRAME_NOUN_AFTER = re.compile(r"[\s-]+(?:" + _words("frame_nouns_after_duration") + r")s?\b", re.I)
DURATION_OBJECT_BEFORE = re.compile(r"\b(?:to|for|of|" + _words("duration_object_verbs") + r")\s+" + _BOUND_WORDS + r"$", re.I)
DATING_AFTER = re.compile(r"\s+(?:after|before|later|earlier|prior\s+to|from\s+now)\b(?!\s+than)", re.I)  # "later than": a gap
ONE_AS_ARTICLE_AFTER = re.compile(r"\s+(?:" + _words("one_as_article_nouns") + r")\b", re.I)
ONE_OPENING_ARTICLE_AFTER = re.compile(r"\s+(?:" + _words("one_opening_article_nouns") + r")\b", re.I)
GROUP_AGE_BEFORE = re.compile(r"\b(?:" + _words("group_nouns") + r")\s+(?:(?:aged\s+)?(?:under|over|below|above)|older\s+than|younger\s+than)\s+$", re.I)
# "the steepest drop in 27 years", "the largest 12-month advance", "third-lowest in the survey's 61-year history"
HORIZON_GAP = re.compile(r"(?:(?:\s+[\w-]+){0,3}?\s+(?:in|since|over|for|of)\s+(?:(?:the|its|their|his|her|a|an|[\w.&-]+(?:'s|\u2019s))\s+)?"
                         r"(?:(?:last|past|previous|nearly|almost|about|more than|at least|over)\s+)*)?\s*")
# a duration after "in", "over", "within", "during": the frame of another figure of its sentence, when there is one
FRAME_PREPOSITION_BEFORE = re.compile(r"\b(?:within|over|in|during|throughout)\s+(?:(?:the|a|an)\s+)?(?:(?:next|coming|following|"
                                      r"span of|period of)\s+)?" + _BOUND_WORDS + r"$", re.I)
_NAME = r"[A-Z][\w.'\u2019&-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w.'\u2019&-]*)*"
NAME_LIST = re.compile(rf"{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+(?:and|or)\s+{_NAME}")  # "Zimbabwe, Zambia and Malawi"
FRAMED_KINDS = frozenset({"count", "money", "percentage", "percentage_points", "ratio"})
# "has spent the last 200 days in space": the duration is the verb's object, the fact itself, not a time frame
SPENT_THE_LAST_BEFORE = re.compile(r"\b(?:" + "|".join(w for w in _NOT_QUANTITIES["duration_object_verbs"]) + r")\s+(?:(?:the|its|their|his|her)\s+)?"
                                   r"(?:first|last|past|next|previous)\s+" + _BOUND_WORDS + r"$", re.I)
STREET_TYPE_FIRST_AFTER = re.compile(r"\s+(?:Ave\.?|Avenue|Rue|Via|Calle|Avenida|Boulevard|Blvd\.?|Plaza)\s+(?:(?:de|du|del|la|le)\s+)?[A-Z]")
ATTRIBUTIVE_DURATION = re.compile(r"[-\u2013][A-Za-z]+(?<!s)$")  # "nine-month", not "nine months"
TIMES_IN_BEFORE = re.compile(r"\btimes?\s+(?:in|over|within)\s+(?:the\s+)?" + _BOUND_WORDS + r"$", re.I)
ENUMERATOR_CONTEXT = re.compile(r"(?:[:;,\n]|\band|\bor)\s*\($")
BARE_ENUMERATOR_CONTEXT = re.compile(r"(?:[:;\n]|\band|\bor)\s*$")
# the second part of "NOAA 2000-252", "ISO 3888-2", and a model's variant: "A350-1000", "B737-800"
IDENTIFIER_TAIL_BEFORE = re.compile(r"(?:\b[A-Z]{2,}\s+\d+|(?<![\w$\u00a3\u20ac-])[A-Za-z]{1,3}\d+)[-\u2013]$")
LETTER_HYPHEN_BEFORE = re.compile(r"(?<![A-Za-z])[A-Za-z]-$")  # "h-five-n-one", "B-52": a letter's code
HYPHEN_LETTER_AFTER = re.compile(r"-(?![aA]\b)[A-Za-z](?:-|\b)")
ERA_BEFORE = re.compile(r"\b(?:A\.D\.|AD|C\.E\.)\s*(?:\d[\d,]*\s*(?:and|to|or|-|\u2013)\s*)?$")
ERA_AFTER = re.compile(r"\s*(?:B\.C\.(?:E\.)?|BCE?|A\.D\.|AD|C\.E\.|CE)(?![A-Za-z])")
_CAPITAL_MONTHS = "|".join(sorted([m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + ["Sept"],
                                  key=len, reverse=True))
DAY_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?(?:{_CAPITAL_MONTHS})\b")  # "1 September 2019": day first
YEAR_PREPOSITION_BEFORE = re.compile(r"\b(?:by|in|until|till|before|after|through|since|from|to)\s+$", re.I)
WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
FROM_BEFORE_FIGURE = re.compile(r"\bfrom\s+(?:(?:about|around|roughly|nearly|almost|some|just)\s+)?"
                                r"(?:[A-Z]{0,3}[$\u00a3\u20ac\u00a5])?$", re.I)


def _model_suffix_pattern(path: Path) -> re.Pattern:
    """The words after a number that make it part of a model's name, matched in their case (``model_names.json``)."""
    words = json.loads(path.read_text(encoding="utf-8"))["suffixes"] if path.is_file() else []
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


def _product_noun_pattern(path: Path) -> re.Pattern:
    """The nouns after a model's number ('a Falcon 9 rocket'), from ``model_names.json``, in any case."""
    words = json.loads(path.read_text(encoding="utf-8")).get("product_nouns", []) if path.is_file() else []
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I)


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
        self.product_noun_re = _product_noun_pattern(path / "model_names.json")
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
            after_from = FROM_BEFORE_FIGURE.search(text, max(0, start - 30), start) is not None
            return self.changes.governs_change(span.root, after_from)

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
            m["game_score"] = m["unit"] is None and game_score_around(text, m["core_start"], m["core_end"])
            if m["unit"] is None and m["counted"] and not m["unit_text"]:
                m["unit_text"] = m["counted"]  # a noun the grammar read right after the number ("points") stays
            elif self._appositive_age(core, text, m):
                m["unit"], m["dimension"], m["kind"] = "year", "duration", "duration"  # "Maddon, 66, said"
            kept.append(m)
        _clause_rates(doc, kept, self.lexicon)
        _dollars_of_the_text(kept)
        kept = _shares_per_every(text, kept)
        conversions_take_bounds(text, kept, self.lexicon)
        kept = _drop_time_frames(doc, text, kept)
        _bound_deadlines(text, kept)
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
                                                    and after is not None and after.pos_ in ("AUX", "VERB", "ADV")) \
            or (before[-1].tag_ == "NN" and before[-1].lemma_.lower() in AGE_APPOSITIVE_NOUNS)  # "The victim, 72, was"

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
        if m["unit"] is None and not text[line_start:m["core_start"]].strip() \
                and re.match(r"[.)]\s+[A-Z]" if not m["digits"] else r"[.)]?\s+[A-Z]", text[m["core_end"]:m["core_end"] + 3]):
            return False  # a list item's number: "2. Alberto Contador"; "Two Norwegian climbers" is a count
        if self._age_threshold(text, m):
            return False  # "men aged 18 to 34", "ages 65 and over": a class threshold, not a claim
        if re.match(r"\s+ago\b", after) and not _beyond_calendar_dates(m):
            return False  # "15 or 20 years ago" dates something; "500 million years ago" is an age no date can write
        if m["unit"] is None and re.match(r"\s+(?:[A-Z][a-z]+\s+)*(?:Avenue|Ave\.|Street|St\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Way|Place|Plaza|Suite)\b", after):
            return False  # street addresses
        if m["unit"] is None and STREET_TYPE_FIRST_AFTER.match(after):
            return False  # "22 Ave Foch", "14 Rue Cler": the street's type before its name
        if m["unit"] is None and re.search(r"(?:\b[A-Z]{2}|D\.C\.),?\s+$", before) and re.fullmatch(r"\d{5}", m["text"]):
            return False  # ZIP codes
        if m["unit"] is None and m["digits"] and re.search(r"\b[A-Z]{2,}\s+$", before) and re.match(r"[-\u2013]\d", text[m["core_end"]:m["core_end"] + 2] or "x"):
            return False  # release and docket numbers: "FHWA 30-14", "FCC 20-112"
        if m.get("is_range") and m["unit"] is None and re.search(r"\b[A-Z]{2,}\s+$", before):
            return False
        if m["unit"] is None and re.search(r"\b(?:the other|top|the top|bottom|the bottom|our)\s+$", before, re.I) \
                or not m.get("bound_text") and re.search(r"\b(?:these|those)\s+$", before, re.I):
            return False  # figures that point back at things already named: "these five states", "during those 29 months"
        if m["unit"] is None and not m.get("is_range") and self._is_year(doc, m, core, before):
            return False
        if m.get("is_range") and m["unit"] is None and m["low"] is not None and 1600 <= m["low"] <= 2100 and float(m["low"]).is_integer() \
                and re.fullmatch(r"\d{4}\s*[-\u2013/]\s*\d{2,4}", m["text"].strip()):
            return False  # "2020-23" is a span of years
        scaled_amount = m["scaled"] and not YEAR.match(m["text"])  # "between 1m and 2m people"; "2010b" cites a year
        # the tagger often calls a game score a date or part of a name ('a 24-17 win', 'beat Hull 2-1'): it is two counts
        score_side = m["unit"] is None and game_score_around(text, m["core_start"], m["core_end"])
        if "DATE" in ents and m["unit"] is None and not m["multiple_word"] and not scaled_amount and not score_side \
                and self._date_entity_is_a_date(doc, core) \
                and not self._appositive_age(core, text, m):  # "The nurse, 29, was": an age the model calls a date
            return False  # "April 4", "the 1990s", "November 17, 2010"
        if m["kind"] == "duration" and (TIMEFRAME_BEFORE.search(text[max(0, m["start"] - 30):m["start"]])
                                        or TIMEFRAME_AFTER.match(text[m["end"]:m["end"] + 40])) \
                and not SPENT_THE_LAST_BEFORE.search(text[max(0, m["start"] - 50):m["start"]]):
            return False  # "over the last 12 months", "the 12 months to September" only place another figure in time
        if m["unit"] is None and ents & NAME_LABELS and not score_side and self._inside_name(self._ents, core):
            return False
        if not m["digits"] and m["unit"] is None and not m["multiple_word"] and value == 1 and not self._one_counted(text, m, before) and \
                (PRONOUN_ONE_AFTER.match(text[m["end"]:]) or not self._has_noun_after(doc, span)):
            return False  # "one of the largest", "no one"
        if m["fraction"] and re.search(r"\b(?:first|second|last|latter|other)\s*$", text[max(0, m["start"] - 12):m["start"]], re.I):
            return False  # "the second half of the year"
        if m["fraction"] and self._counted_back_time(text, m):
            return False  # "up from 850 a quarter earlier": a time counted back, no share
        if m["fraction"] and not re.match(r"\s*(?:of|the|a|an|its|their|that|as|[,.;])", text[m["end"]:m["end"] + 6]) \
                and m["bound"] == "=" and m["text"].lower() == "half" and not IN_HALF_BEFORE.search(before):
            return False  # "half" as an adverb ("half empty"); "cut in half", "split by half" is the share itself
        if m["multiple_word"] and m["text"].lower() in ("twice",) and not re.match(r"\s+(?:as|the|that|a|an)\b", after):
            return False  # "twice" as frequency without comparison
        if value is not None and abs(value) > 1e18:
            return False
        if self._product_name(doc, text, m, core) or any(test(doc, text, m, span) for test in NOT_A_CLAIM):
            return False
        return True

    def _product_name(self, doc: Doc, text: str, m: dict, core) -> bool:
        """'a Falcon 9 rocket', 'the Planet 9 project', 'its HIV 2 drug regimen': a bare number between a capitalised
        name and a product noun, or a singular noun that no count above one takes, is the name's number, not a count."""
        if m["unit"] is not None or not m["digits"] or m.get("is_range") or not re.fullmatch(r"\d+", m["text"]):
            return False
        prev = doc[core.start - 1] if core.start > 0 else None
        nxt = doc[core.end] if core.end < len(doc) else None
        if prev is None or nxt is None or not (prev.is_title or prev.is_upper and len(prev) > 1) or not prev.is_alpha \
                or prev.is_sent_start or prev.idx + len(prev) != m["core_start"] - 1 or prev.lower_ in MONTHS \
                or prev.lower_ in WEEKDAYS or prev.ent_type_ in ("GPE", "NORP", "DATE", "LOC"):
            return False
        singular = nxt.tag_ == "NN" and nxt.is_lower and nxt.idx == m["end"] + 1 and m["value"] != 1
        return singular or self.product_noun_re.match(text, m["end"]) is not None

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
                and counted_noun_follows(doc_text(doc), head.idx + len(head.text)):
            return False  # "from 1000 to 2000 hires", whatever the parse makes of "hires"
        if head.dep_ == "nummod" and head.head.pos_ == "NOUN" and head.head.lower_ not in DATE_WORDS and head.head.tag_ == "NNS":
            if not re.search(r"\b(?:in|since|by|of|from|until|through|to|between|during|before|after)\s*$", before, re.I):
                return False  # "2000 workers"
        return True

    @staticmethod
    def _counted_back_time(text: str, m: dict) -> bool:
        """Whether the mention and the word after it count back in time ('a quarter earlier', 'a quarter ago')."""
        after = re.compile(r"\s+\w+").match(text, m["end"])
        return after is not None and counted_back_or_ago(text[m["start"]:after.end()])

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
        if core.start == start and core.end < end and counted_back_or_ago(doc[core.end:end].text):
            return False  # "up from 9 two years ago": the model runs a bare count into the date after it
        return not NOT_A_DATE.search(doc[start:end].text) and not NOT_A_DATE.search(core.text)  # "three quarters of a million"

    @staticmethod
    def _inside_name(ents: list, core) -> bool:
        for ent in ents:
            if ent.label_ in NAME_LABELS and ent.start <= core.start and core.end <= ent.end:
                others = [t for t in ent if not (core.start <= t.i < core.end) and t.is_alpha and t.lower_ not in ("the",)]
                return bool(others)
        return False

    @staticmethod
    def _one_counted(text: str, m: dict, before: str) -> bool:
        """'only one of the storms', 'killing one': a count with no noun of its own, not the pronoun 'one of the best';
        'twelve deaths in Haiti, four in Mexico and one in Jamaica': the last of a list of counts by place."""
        return ONE_COUNTED_BEFORE.search(before) is not None and re.match(r"\s+of\b|\s*(?:[,.;]|and\b)", text[m["end"]:]) is not None \
            or _last_of_counts_by_place(text, m)

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
            if tok.pos_ in ("NOUN",) and not _opens_adverbial_phrase(tok):
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


def _beyond_calendar_dates(m: dict) -> bool:
    """An age in years too great for an ISO date ('500 million years ago'): the guidelines count it as a claim."""
    return m["unit"] == "year" and (m["value"] if m["value"] is not None else m["low"] or 0) >= 10000


# Issue 12, fifth pass: figures the guidelines do not count, each class one test (doc, text, mention, span) -> bool.

def _set_size(doc: Doc, text: str, m: dict, span) -> bool:
    """'31 of the 32 districts', 'three of the nine main risks': the M of 'N of the M' is the set the count is drawn
    from, which the guidelines put into the count's what."""
    return m["unit"] is None and SET_SIZE_BEFORE.search(text[max(0, m["start"] - 40):m["start"]]) is not None


def _rank_set(doc: Doc, text: str, m: dict, span) -> bool:
    """'the ten leading killers', 'the 19 most common cancers': the size of a rank set that frames another figure;
    'a list of the 500 biggest companies' introduces the list, and a list's size is a claim."""
    if m["unit"] is not None or m.get("bound_text") or span.end >= len(doc) \
            or not re.search(r"\bthe\s+$", text[max(0, m["start"] - 5):m["start"]], re.I):
        return False
    nxt = doc[span.end]
    ranked = nxt.lower_ in RANK_WORDS or (nxt.tag_ in ("JJS", "RBS") and nxt.lower_ not in ("least",))
    return ranked and not LIST_OF_THE_BEFORE.search(text[max(0, m["start"] - 30):m["start"]])


RANK_RELATIVE_WORDS = frozenset(_NOT_QUANTITIES["rank_relative_words"])


def _rank_set_by_clause(doc: Doc, text: str, m: dict, span) -> bool:
    """'the 25 airlines that carry the most passengers', '12 states with the highest rates': a set picked by a
    superlative after its noun is a rank set, as 'the 19 most common cancers' is."""
    if m["unit"] is not None or m.get("bound_text"):
        return False
    nouns = [t for t in doc[span.end:span.end + 3] if t.pos_ in ("NOUN", "PROPN")]
    if not nouns or nouns[0].i + 1 >= len(doc) or doc[nouns[0].i + 1].lower_ not in RANK_RELATIVE_WORDS:
        return False
    clause = doc[nouns[0].i + 2:min(len(doc), nouns[0].i + 7)]
    return any(t.lower_ == "the" and t.i + 1 < len(doc) and doc[t.i + 1].tag_ in ("JJS", "RBS")
               and doc[t.i + 1].lower_ != "least" and not any(x.like_num for x in doc[span.end:t.i]) for t in clause)


IDIOM = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                               sorted(_NOT_QUANTITIES["idioms"], key=len, reverse=True)) + r")\b", re.I)
DISCOURSE_NOUN_AFTER = re.compile(r"\s+(?P<noun>" + _words("discourse_nouns") + r")\b(?P<colon>\s*:)?", re.I)
DISCOURSE_OPENING_BEFORE = re.compile(r"\b(?:there|here)\s+(?:are|were)\s+$", re.I)


def _idiom(doc: Doc, text: str, m: dict, span) -> bool:
    """'all our eggs in one basket': a set phrase's number word counts nothing."""
    if m["digits"] or m["unit"] not in (None, "USD"):
        return False
    window_start = max(0, m["start"] - 40)
    return any(a.start() + window_start <= m["start"] and m["end"] <= a.end() + window_start
               for a in IDIOM.finditer(text[window_start:m["end"] + 40]))


def _discourse_count(doc: Doc, text: str, m: dict, span) -> bool:
    """'there are two caveats: ...', 'three lessons:': a count of the writer's own points is rhetoric."""
    if m["digits"] or m["unit"] is not None or m.get("bound_text"):
        return False  # "there are 40 reasons" in a list story counts something; rhetoric writes the number out
    noun = DISCOURSE_NOUN_AFTER.match(text, m["end"])
    return noun is not None and (noun.group("colon") is not None
                                 or DISCOURSE_OPENING_BEFORE.search(text[max(0, m["start"] - 16):m["start"]]) is not None)


HYPOTHETICAL_OPENING = re.compile(r"(?:^|[.!?:]\s+)[\"\u201c]?(?:" + _words("hypothetical_openers") + r")\b", re.I | re.M)


def _hypothetical(doc: Doc, text: str, m: dict, span) -> bool:
    """'Let us say that a loaf cost ten cents. A year later it costs eleven cents.': a made-up example runs from the
    sentence that opens it to the end of its paragraph; its figures describe no world."""
    paragraph_start = text.rfind("\n", 0, m["start"]) + 1
    return HYPOTHETICAL_OPENING.search(text, paragraph_start, m["start"]) is not None


def _word_label(doc: Doc, text: str, m: dict, span) -> bool:
    """'the number one cause', 'the Fortune five-hundred list': a spelled number after a label word is a name."""
    return not m["digits"] and m["unit"] is None \
        and WORD_LABEL_BEFORE.search(text[max(0, m["core_start"] - 25):m["core_start"]]) is not None


def _letter_code(doc: Doc, text: str, m: dict, span) -> bool:
    """'the k-nine-q-two strain', 'a B-52 bomber', 'a 3-D film': a number hyphened to a single letter is part of a code."""
    return m["unit"] is None and (LETTER_HYPHEN_BEFORE.search(text[max(0, m["core_start"] - 3):m["core_start"]]) is not None
                                  or HYPHEN_LETTER_AFTER.match(text, m["core_end"]) is not None)


def _identifier_tail(doc: Doc, text: str, m: dict, span) -> bool:
    """'NOAA 2000-252', 'ISO 3888-2', 'A350-1000': the second part of a release, standard or model number."""
    return m["unit"] is None and m["digits"] \
        and IDENTIFIER_TAIL_BEFORE.search(text[max(0, m["core_start"] - 20):m["core_start"]]) is not None


def _era_year(doc: Doc, text: str, m: dict, span) -> bool:
    """'A.D. 1000', '450 BC', 'between A.D. 900 and 1150': years of an era are dates, whatever their size."""
    return m["unit"] is None and m["digits"] and (ERA_BEFORE.search(text[max(0, m["core_start"] - 30):m["core_start"]])
                                                  is not None or ERA_AFTER.match(text, m["end"]) is not None)


def _day_month_date(doc: Doc, text: str, m: dict, span) -> bool:
    """'1 September 2019': a day of the month written before the month's name is a date, also where a sibling lent
    the bare day its unit ('5 per cent a year from 1 January')."""
    return not m.get("is_range") and re.fullmatch(r"(?:[1-9]|[12]\d|3[01])", m["text"]) is not None \
        and DAY_MONTH_AFTER.match(text, m["end"]) is not None


def _far_year(doc: Doc, text: str, m: dict, span) -> bool:
    """'by 2120', 'until 2150': a year past 2100 after a preposition of time is still a date."""
    return m["unit"] is None and re.fullmatch(r"2[1-4]\d\d|2500", m["text"]) is not None \
        and YEAR_PREPOSITION_BEFORE.search(text[max(0, m["start"] - 10):m["start"]]) is not None \
        and not counted_noun_follows(text, m["end"])


def _enumerator(doc: Doc, text: str, m: dict, span) -> bool:
    """'three factors: (1) poor data and (2) late reports': a list item's number in brackets."""
    if m["unit"] is not None or not re.fullmatch(r"\d{1,2}", m["text"]) or not re.match(r"\)\s+[A-Za-z]", text[m["end"]:m["end"] + 3]):
        return False
    before = text[max(0, m["start"] - 40):m["start"]]
    if ENUMERATOR_CONTEXT.search("\n" + before[-8:]) is not None:
        return True
    # "two caveats: 1) the number fell; and 2) ...": the closing bracket alone, with no bracket left open before it
    return BARE_ENUMERATOR_CONTEXT.search("\n" + before[-8:]) is not None and before.rfind("(") <= before.rfind(")")


def _horizon(doc: Doc, text: str, m: dict, span) -> bool:
    """'the steepest drop in 27 years', 'the largest 12-month advance': how far back a record reaches only places
    another figure in time (guidelines: 'the highest level in 8 years')."""
    if m["kind"] != "duration":
        return False
    for tok in reversed(doc[max(span.sent.start, span.start - 8):span.start]):
        if tok.tag_ in ("JJS", "RBS") and tok.lower_ not in ("least", "most"):
            return HORIZON_GAP.fullmatch(text, tok.idx + len(tok), m["start"]) is not None
    return False


def _dating_offset(doc: Doc, text: str, m: dict, span) -> bool:
    """'Six days after the crash', 'two years later': a dating expression (guidelines); 'served 5 years after' keeps
    the duration as the verb's object."""
    return m["kind"] == "duration" and DATING_AFTER.match(text, m["end"]) is not None \
        and not DURATION_OBJECT_BEFORE.search(text[max(0, m["start"] - 30):m["start"]])


def _opens_adverbial_phrase(tok) -> bool:
    """'won 2-1 thanks to a late goal': a noun that opens an adverbial phrase with 'to' counts nothing."""
    return tok.dep_ == "npadvmod" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to"


def _frame_noun(doc: Doc, text: str, m: dict, span) -> bool:
    """'the 5-year average', 'seven month totals', 'a 10-year high', 'each three-month period': the duration frames
    another figure."""
    return m["kind"] == "duration" and FRAME_NOUN_AFTER.match(text, m["end"]) is not None


def _times_in_frame(doc: Doc, text: str, m: dict, span) -> bool:
    """'for the third time in four weeks', 'three times in five years': the period of a running count."""
    return m["kind"] == "duration" and TIMES_IN_BEFORE.search(text[max(0, m["start"] - 30):m["start"]]) is not None


def _per_amount_base(doc: Doc, text: str, m: dict, span) -> bool:
    """'every $1 billion of exports supports 8,100 jobs': a per-amount base goes into the counted figure's what
    ('once every 5 years' is a duration and stays)."""
    return m["unit"] is not None and m["kind"] != "duration" \
        and re.search(r"\b(?:every|each)\s+$", text[max(0, m["start"] - 8):m["start"]], re.I) is not None


def _group_age(doc: Doc, text: str, m: dict, span) -> bool:
    """'children under five', 'men over sixty': an age that delimits a group is a threshold, not a claim."""
    value = m["value"]
    if m["unit"] not in (None, "year") or m["scaled"] or value is None or not float(value).is_integer() or not 1 <= value <= 120:
        return False
    if not GROUP_AGE_BEFORE.search(text[max(0, m["start"] - 40):m["start"]]):
        return False
    return m["unit"] == "year" or not counted_noun_follows(text, m["end"])


def _one_as_article(doc: Doc, text: str, m: dict, span) -> bool:
    """'One example is', 'one reason': a spelled 'one' before an abstract noun is the article, not a count; 'One
    study found', 'One group had': at a sentence's start, before these nouns, likewise ('in just one area' counts)."""
    if m["unit"] is not None or m["text"].lower() != "one":
        return False
    if ONE_AS_ARTICLE_AFTER.match(text, m["end"]) is not None:
        return True
    return m["text"] == "One" and span.start == span.sent.start and ONE_OPENING_ARTICLE_AFTER.match(text, m["end"]) is not None


def _ordinal_not_fraction(doc: Doc, text: str, m: dict, span) -> bool:
    """'a third round', 'a fourth-quarter loss': an ordinal after the article, not the fraction 'a third'."""
    if not m["fraction"] or not re.fullmatch(r"(?:a|the)\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)", m["text"], re.I):
        return False
    if text[m["end"]:m["end"] + 1] == "-":
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and (nxt.pos_ in ("NOUN", "PROPN") or nxt.tag_ == "JJ") and nxt.lower_ not in ("more", "less", "percent")


def _named_list_back_reference(doc: Doc, text: str, m: dict, span) -> bool:
    """'Apple and Google ... the two companies': 'the N' after a list of N names only points back at things already
    named (guidelines: back-references are not claims)."""
    value = m["value"]
    if m["unit"] is not None or m.get("bound_text") or value is None or not float(value).is_integer() or not 2 <= value <= 12 \
            or not re.search(r"\bthe\s+$", text[max(0, m["start"] - 5):m["start"]], re.I) or not counted_noun_follows(text, m["end"]):
        return False
    lists = list(NAME_LIST.finditer(text, max(0, m["start"] - 400), m["start"]))
    return bool(lists) and len(re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", lists[-1].group())) == value


CLASS_THRESHOLD_AFTER = re.compile(r"\s+or\s+(?:" + _words("class_threshold_words") + r")\s+(?=[\w-]+)", re.I)
THRESHOLD_BEFORE = re.compile(r"(?:\b(?:" + _words("threshold_verbs_before") + r")|\b(?:larger|greater|stronger|bigger|higher|"
                              r"smaller|weaker|lower)\s+than\s+magnitude)\s*$", re.I)
MAGNITUDE_BEFORE = re.compile(r"\bmagnitude\s*$", re.I)
CLASS_OF_BEFORE = re.compile(r"\b(?:in\s+which|where|with|having|of)\s+$", re.I)  # "the seasons with 8 or more floods"
# "women who swam at least 5 km a week": a restrictive clause on a group noun delimits the group (no comma before 'who')
GROUP_RELATIVE_BEFORE = re.compile(r"\b(?:" + _words("group_nouns") + r")\s+(?:who|that)\s+(?:\w+\s+){1,2}$", re.I)
COORDINATE_AFTER = re.compile(r"(?:\s*(?:degrees?|Degrees?)\s+|\s*\u00b0\s*)(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[NSEW])\b(?!\s+of\b)")
SPEAKER_LABEL_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'\u2019-]*(?:\s+[A-Z][A-Z.'\u2019-]*)*\s+$")
RANK_MOVE = re.compile(r"\b(?:up|down|rose|fell|climbed|dropped|slipped|jumped|moved)\s+$", re.I)
RANK_MOVE_NOUN_AFTER = re.compile(r"\s+(?:" + _words("rank_move_nouns") + r")\b", re.I)
ORDINAL_OF_BEFORE = re.compile(r"\b(?:first|second|third|last|latter|former|other|each|either|neither|both)\s+of\s+(?:the\s+)?$", re.I)
AGO_PAIR_AFTER = re.compile(r"\s*(?:or|to|and|-|\u2013)\s*(?:\d[\d,.]*|" + _NUMBER_WORD + r")\s*(?:years?|months?|weeks?|days?|decades?)\s+ago\b", re.I)
UNIT_DEFINITION_AFTER = re.compile(r"\s+[a-z]+\s+(?:weighs|equals|measures|holds|contains|is\s+(?:equal\s+to|a\s+little|about|roughly|some|\d))", re.I)
CAPITALISED_LABEL_BEFORE = re.compile(r"\b(?:" + "|".join(_NOT_QUANTITIES["capitalised_labels"]) + r")\s+$")
AGE_REACHED_BEFORE = re.compile(r"\b(?:before|until|till|by\s+the\s+time)\s+(?:\w+\s+){0,2}(?:reach|reaches|reaching|turn|turns|turning)"
                                r"\s+(?:the\s+age\s+of\s+|age\s+)?$", re.I)


def _class_threshold(doc: Doc, text: str, m: dict, span) -> bool:
    """'magnitude 3 or higher aftershocks', '(2 megawatts or larger plants)', 'damages reached or exceeded $1
    billion', 'larger than magnitude 5': a threshold that delimits a class of what another figure counts, which the
    guidelines put into that figure's what; so do 'the seasons with 8 or more floods' and 'women who swam at least 5 km a
    week'. 'killed 10 or more people' states a bounded count and stays, as does 'Smith, who earned over $5 million'."""
    if m.get("is_range"):
        return False
    before = text[max(0, m["start"] - 40):m["start"]]
    if THRESHOLD_BEFORE.search(before) or m.get("bound_text") and GROUP_RELATIVE_BEFORE.search(text, max(0, m["start"] - 60), m["bound_span"][0]):
        return True
    after = CLASS_THRESHOLD_AFTER.match(text, m["end"])
    if after is None:
        return False
    word, following = after.group(0).split()[-1].lower(), re.match(r"[\w-]+", text[after.end():]).group(0).lower()
    if following in STOP_WORDS:
        return False  # "at 35 or above, or obese": the bound of the figure itself, no class noun after it
    return word != "more" or MAGNITUDE_BEFORE.search(before) is not None or CLASS_OF_BEFORE.search(before) is not None


def _coordinate(doc: Doc, text: str, m: dict, span) -> bool:
    """'36.4 degrees north', '17.958\u00b0N': a latitude or longitude is an address on the globe, not a figure."""
    return COORDINATE_AFTER.match(text, m["core_end"]) is not None


def _speaker_label(doc: Doc, text: str, m: dict, span) -> bool:
    """'VOICE TWO:', 'SPEAKER 1:': a transcript's label for a speaker, a name."""
    return m["unit"] is None and re.match(r"\s*:", text[m["end"]:m["end"] + 3]) is not None \
        and m["text"].upper() == m["text"] and SPEAKER_LABEL_BEFORE.search(text[max(0, m["start"] - 30):m["start"]]) is not None


def _rank_move(doc: Doc, text: str, m: dict, span) -> bool:
    """'up two places from 2015', 'slipped three spots': a move in a ranking, which the guidelines do not count."""
    return m["unit"] is None and (m["value"] or 0) <= 100 and RANK_MOVE_NOUN_AFTER.match(text, m["end"]) is not None \
        and RANK_MOVE.search(text[max(0, m["start"] - 12):m["start"]]) is not None


def _ordinal_of_set(doc: Doc, text: str, m: dict, span) -> bool:
    """'the first of two rovers', 'the last of 12 talks': the set an ordinal picks from points at it, as 'N of the M';
    'the first of a dozen flights' introduces the set, a count."""
    return m["unit"] is None and not m.get("bound_text") and not re.match(r"an?\s", m["text"], re.I) \
        and ORDINAL_OF_BEFORE.search(text[max(0, m["start"] - 20):m["start"]]) is not None


def _ago_pair(doc: Doc, text: str, m: dict, span) -> bool:
    """'8 or 9 decades ago': the first of two dating offsets, which is no figure either."""
    return (m["unit"] is None or m["kind"] == "duration") and AGO_PAIR_AFTER.match(text, m["end"]) is not None


def _unit_definition_base(doc: Doc, text: str, m: dict, span) -> bool:
    """'One bale weighs about 227 kilograms': the 'one' of a unit's definition is its base; the measure is the fact."""
    return not m["digits"] and m["value"] == 1 and re.match(r"(?:one|each)\b", m["text"], re.I) is not None \
        and UNIT_DEFINITION_AFTER.match(text, m["end"] if m["unit"] is None else m["core_end"]) is not None


def _capitalised_label(doc: Doc, text: str, m: dict, span) -> bool:
    """'FERC Order 841', 'FEMA Region 5': a capitalised label word before a bare number names the thing."""
    return m["unit"] is None and m["digits"] and not m.get("bound_text") \
        and CAPITALISED_LABEL_BEFORE.search(text[max(0, m["start"] - 12):m["start"]]) is not None


def _age_reached(doc: Doc, text: str, m: dict, span) -> bool:
    """'until they reach the age of seventy', 'until turning 18': an age as a threshold of time, not a person's age."""
    return m["unit"] in (None, "year") and not m["scaled"] \
        and AGE_REACHED_BEFORE.search(text[max(0, m["start"] - 50):m["start"]]) is not None


MODEL_VARIANT = re.compile(r"\d\d[1-9]-[1-9]00")


def _model_variant(doc: Doc, text: str, m: dict, span) -> bool:
    """'its 737-800 jets', 'a 747-400 airliner': a model number and its variant before a product noun, not a range
    (a count range ends are round, '100-200 jets')."""
    return m["unit"] is None and m.get("is_range") and MODEL_VARIANT.fullmatch(m["text"].strip()) is not None


NOT_A_CLAIM = (_set_size, _rank_set, _rank_set_by_clause, _idiom, _discourse_count, _hypothetical, _word_label, _letter_code, _identifier_tail, _era_year, _day_month_date, _far_year,
               _enumerator, _horizon, _dating_offset, _frame_noun, _times_in_frame, _per_amount_base, _group_age,
               _one_as_article, _ordinal_not_fraction, _named_list_back_reference, _class_threshold, _coordinate, _speaker_label,
               _rank_move, _ordinal_of_set, _ago_pair, _unit_definition_base, _capitalised_label, _age_reached, _model_variant,
               *NOT_A_CLAIM_MORE)


# "four in Mexico and one in Jamaica": a count, its noun elided, before a place, then 'one' before a place likewise
COUNT_AT_PLACE_BEFORE = re.compile(r"(?:\d[\d,.]*|\b" + _NUMBER_WORD + r")(?:\s+[a-z]+)?\s+(?P<prep>in|at|from|on)\s+"
                                   r"(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s*,?\s+(?:and\s+|or\s+)?$")
PLACE_AFTER = re.compile(r"\s+(?P<prep>in|at|from|on)\s+(?:the\s+)?[A-Z]")


IN_HALF_BEFORE = re.compile(r"\b(?:in|by)\s+$", re.I)


def _last_of_counts_by_place(text: str, m: dict) -> bool:
    before = COUNT_AT_PLACE_BEFORE.search(text[max(0, m["start"] - 80):m["start"]])
    after = PLACE_AFTER.match(text, m["end"])
    return before is not None and after is not None and before.group("prep") == after.group("prep")


def _drop_time_frames(doc: Doc, text: str, mentions: list[dict]) -> list[dict]:
    """'by 25 percent within ten years', '$115 million over five years': a duration after in, over or within is the
    time frame of another figure of its clause, one that hangs on the same verb (guidelines); alone it is the fact (a
    deadline, 'passed the barriers ... to reach the top in three years'). A hyphened adjective ('during a nine-month
    spree') is the property of its noun, a claim; beside a physical measure ('0 to 60 mph in 7 seconds') the time is
    itself the fact."""
    framed = {(m["sent_start"], _clause_verb(doc, m["head"])) for m in mentions if m["kind"] in FRAMED_KINDS}
    firsts = {}
    for m in mentions:
        if m["kind"] in FRAMED_KINDS:
            firsts.setdefault(m["sent_start"], m["start"])

    def frames(m: dict) -> bool:
        # "a $7 billion charge over three years": after "over", any earlier figure of the sentence is framed, as
        # the parse may hang the two on different verbs
        return (m["sent_start"], _clause_verb(doc, m["head"])) in framed \
            or firsts.get(m["sent_start"], m["start"]) < m["start"] and OVER_BEFORE.search(text, max(0, m["start"] - 20), m["start"]) is not None

    return [m for m in mentions if not (m["kind"] == "duration" and frames(m)
                                        and not ATTRIBUTIVE_DURATION.search(m["text"]) and _after_frame_preposition(text, m))]


OVER_BEFORE = re.compile(r"(?<!\bfor )(?<!\bof )\bover\s+(?:(?:the|a)\s+)?(?:(?:next|coming|following|span of|period of)\s+)?$", re.I)


FOR_EVERY_BEFORE = re.compile(r"\b(?:for|out\s+of)\s+every\s+$", re.I)
FOR_EVERY_GAP = re.compile(r"(?:\s+[\w'-]+){0,5}\s*,\s*(?:(?:about|nearly|almost|roughly|some|at\s+least|more\s+than|only|just)\s+)?")


def _shares_per_every(text: str, mentions: list[dict]) -> list[dict]:
    """'for every 50 claims, at least 31 payouts are made': a share written with its base first is one
    claim, N in M as a percent (guidelines: an 'N for every M' share spans both numbers)."""
    out: list[dict] = []
    skip = set()
    for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
        if a["unit"] is None and b["unit"] is None and a["value"] and b["value"] is not None and a["sent_start"] == b["sent_start"] \
                and FOR_EVERY_BEFORE.search(text, max(0, a["start"] - 16), a["start"]) and FOR_EVERY_GAP.fullmatch(text, a["end"], b["start"]) \
                and 0 < b["value"] <= a["value"]:
            b.update({"value": 100.0 * b["value"] / a["value"], "unit": "%", "unit_text": None, "dimension": "percentage",
                      "kind": "percentage", "start": a["start"], "text": text[a["start"]:b["end"]], "token_start": a["token_start"]})
            skip.add(i)
    return [m for i, m in enumerate(mentions) if i not in skip]


DEADLINE_BEFORE = re.compile(r"\bwithin\s+(?:the\s+(?:next|coming)\s+)?$", re.I)
TIME_ALLOWED_BEFORE = re.compile(r"\b(?:given|gave|give|gives|granted|has|have|had|got|gets)\s+(?:(?:him|her|them|it|us|only|just)\s+)?$", re.I)
TIME_ALLOWED_AFTER = re.compile(r"\s+(?:to|in\s+which\s+to)\s+[a-z]+", re.I)


def _bound_deadlines(text: str, mentions: list[dict]) -> None:
    """'aims to reach that within 15 years', 'was given ten days to reply': a deadline that is the fact of its
    statement (the time frames of other figures are gone by now) is an upper bound, as the guidelines say."""
    for m in mentions:
        if m["kind"] != "duration" or m["bound"] != "=" or m.get("is_range"):
            continue
        before = text[max(0, m["start"] - 30):m["start"]]
        if DEADLINE_BEFORE.search(before) or (TIME_ALLOWED_BEFORE.search(before) and TIME_ALLOWED_AFTER.match(text, m["end"])):
            m["bound"] = "<="


def _clause_verb(doc: Doc, i: int) -> int:
    """The index of the first verb up the parse from token ``i`` (the sentence root if none): the clause it belongs to."""
    tok = doc[i]
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _after_frame_preposition(text: str, m: dict) -> bool:
    """'within five years', 'in about 18 months', not the bound of 'for over two years'."""
    found = FRAME_PREPOSITION_BEFORE.search(text, max(0, m["start"] - 40), m["start"])
    return found is not None and not re.search(r"\b(?:for|of|at|to|by|than)\s+$", text[max(0, found.start() - 6):found.start()], re.I)


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
    _carry_counted_nouns_before_who(text, mentions)


WHO_AFTER = re.compile(r"\s+who\b", re.I)


def _carry_counted_nouns_before_who(text: str, mentions: list[dict]) -> None:
    """'68,400 people who have waited a year and 95,800 who have waited longer': a bare count that a 'who' clause
    follows counts the people of the earlier count of its sentence written the same way ('N <noun> who'), whatever
    figures the first clause holds."""
    for j, b in enumerate(mentions):
        if b["unit"] is not None or b.get("counted") or b["multiple_word"] or not WHO_AFTER.match(text, b["end"]):
            continue
        for a in reversed(mentions[:j]):
            if a["sent_start"] != b["sent_start"]:
                break
            noun = a.get("counted")
            if a["unit"] is None and noun and re.match(r"\s+" + re.escape(noun) + r"\s+who\b", text[a["end"]:a["end"] + len(noun) + 8], re.I):
                b["counted"] = b["unit_text"] = noun
                break


_CLAUSE_RATES = read_lexicon("units")["clause_rates"]
AGE_APPOSITIVE_NOUNS = frozenset(read_lexicon("units")["age_appositive_nouns"]["words"])


def _per_time_of(verb, lex: UnitLexicon) -> Optional[str]:
    """The time unit of a per-time phrase that modifies ``verb``: 'each month', 'every day', 'everyday'."""
    for child in verb.children:
        word = child.lower_
        if word in _CLAUSE_RATES["adverbs"]:
            return _CLAUSE_RATES["adverbs"][word]
        denom = lex.per_units.get(child.lemma_.lower())
        if child.dep_ == "npadvmod" and denom and dimension_of(denom, lex) == "duration" \
                and any(d.lower_ in _CLAUSE_RATES["determiners"] and d.i == child.i - 1 for d in child.children):
            return denom
    return None


def _clause_rates(doc: Doc, mentions: list[dict], lex: UnitLexicon) -> None:
    """'80 million people use the site each month': a count whose noun is the subject or object of a verb that
    a per-time phrase modifies is a count per time (1/month), as the guidelines write counts per time."""
    for m in mentions:
        if m["unit"] is not None or m["multiple_word"] or m["fraction"] or m.get("is_range") or not m.get("counted"):
            continue
        noun = doc[m["head"]]
        while noun.dep_ in ("nummod", "compound", "quantmod") and noun.head.i > noun.i:
            noun = noun.head
        if noun.pos_ != "NOUN" or noun.dep_ not in _CLAUSE_RATES["noun_roles"] or noun.head.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ in ("det", "poss") and c.i < m["head"] for c in noun.children):
            continue  # "each year the 12 members meet": a set already named, no count per time
        denom = _per_time_of(noun.head, lex)
        if denom:
            m["unit"] = f"1/{denom}"
            m["dimension"] = dimension_of(m["unit"], lex)
            m["kind"] = kind_of(m["unit"], m["dimension"])


def _dollars_of_the_text(mentions: list[dict]) -> None:
    """'a deficit of A$18 billion ... the $18 billion deficit': a text that writes its dollars with one country's
    symbol (A$, C$, NZ$) and never as US dollars means those dollars by a bare '$' too."""
    marked = {m["unit"].split("/")[0] for m in mentions if _dollar_symbol(m) not in (None, "$")}
    if len(marked) != 1 or "USD" in marked:
        return
    local = marked.pop()
    for m in mentions:
        if _dollar_symbol(m) == "$" and m["unit"].split("/")[0] == "USD":
            m["unit"] = local + m["unit"][len("USD"):]


def _dollar_symbol(m: dict) -> Optional[str]:
    """The dollar sign a money figure is written with ('A$', 'US$', '$'), None for other figures."""
    if m["kind"] not in ("money", "rate") or not m["unit"]:
        return None
    symbol = (m.get("unit_text") or "").split(" ")[0]
    return symbol if "$" in symbol else None
