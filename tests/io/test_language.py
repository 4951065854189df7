"""The language gate: English articles pass, others are named, short or mixed texts pass."""
import json
from pathlib import Path

import pytest

from newsclaims.io.language import guess_language, is_english_code, language_problem

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text, code", [
    ("Die Produktion stieg 2024 um 5 Prozent auf 45.000 Tonnen, teilte das Amt mit.", "de"),
    ("La production a augmenté de 5 % pour atteindre 45 000 tonnes en 2024, selon l'office des statistiques.", "fr"),
    ("La producción aumentó un 5 por ciento hasta 45.000 toneladas en 2024, según la oficina.", "es"),
    ("La produzione è aumentata del 5 per cento a 45.000 tonnellate nel 2024, secondo l'ufficio.", "it"),
    ("A produção aumentou 5 por cento para 45.000 toneladas em 2024, segundo o escritório de estatística.", "pt"),
    ("De productie steeg in 2024 met 5 procent tot 45.000 ton, volgens het bureau voor de statistiek.", "nl"),
    ("Производство выросло на 5 процентов до 45 000 тонн в 2024 году, сообщило ведомство.", "Cyrillic"),
    ("2024年产量增长5%，达到45000吨，该机构表示。去年的销售额为30亿欧元。", "Han"),
    ("ارتفع الإنتاج بنسبة 5 في المئة إلى 45 ألف طن في عام 2024 بحسب المكتب", "Arabic"),
])
def test_other_languages_are_named(text, code):
    guess = guess_language(text)
    assert not guess.english and guess.code == code


@pytest.mark.parametrize("text", [
    "Sales rose 5%.",  # too short to tell: processed
    "Deutsche Bank and Banco Santander said profit at the Société Générale unit rose 5 percent to 3 billion euros.",
    "Callum Rice-Coates 1 September 2019 11:30 2019-09-01T10:38:07.190Z Callum Rice-Coates 1 September 2019",
    "",
])
def test_english_short_and_mixed_texts_pass(text):
    assert guess_language(text).english


def test_every_bundled_article_is_english():
    for line in (ROOT / "corpus" / "news" / "news.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert guess_language(record["text"]).english, record["id"]


@pytest.mark.parametrize("code, english", [("en", True), ("EN-gb", True), ("en_US", True), ("English", True),
                                           ("de", False), ("fr-FR", False), ("", False), (None, False)])
def test_declared_language_codes(code, english):
    assert is_english_code(code) is english


def test_a_declared_language_decides_and_undetermined_falls_back_to_the_text():
    german = "Die Produktion stieg 2024 um 5 Prozent auf 45.000 Tonnen, teilte das Amt mit."
    assert language_problem(german, "en") is None
    assert "'de'" in language_problem("Sales rose 5% to $3 billion in 2024, the company said.", "de")
    assert "'de'" in language_problem(german, "und")
    assert language_problem("Sales rose 5% to $3 billion in 2024, the company said on Tuesday.", None) is None
