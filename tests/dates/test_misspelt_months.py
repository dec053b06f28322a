"""A month name misspelt by one edit ("okotber", "novmber", "feburari") is read as that month, in every language,
by the date parser and (tests/situation/test_leave_law_date.py) by the situation's month; ordinary words never are."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.dates import ParsedDates, date_spans, misspelt_month, parse_dates
from assistant.dates.words import date_patterns
from assistant.folding import fold
from assistant.situation import read_facts

TODAY = date(2026, 12, 6)


def names() -> dict[str, int]:
    return date_patterns("nl").vocabulary.full_months


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("okotber", 10),  # two letters swapped
        ("novmber", 11),  # a letter left out
        ("decmber", 12),
        ("feburari", 2),
        ("septmber", 9),
        ("Ocotber", 10),
        ("Febuary", 2),
        ("listopda", 11),
        ("Agutsos", 8),
        ("жовтян", 10),
        ("نوفمير", 11),
    ],
)
def test_a_month_name_one_edit_off_is_that_month(typed: str, month: int) -> None:
    found = misspelt_month(fold(typed), names())
    assert found is not None and names()[found] == month


@pytest.mark.parametrize(
    "word",
    [
        "match",  # five letters: too short to trust ("march")
        "maand",
        "marge",
        "kwart",
        "start",
        "matches",
        "marches",
        "member",
        "remember",
        "junior",
        "jullie",
        "temiz",
        "maarten",
        "oktoberfest",
        "oktober",  # a name itself is no misspelling
        "okt0ber",  # not only letters
    ],
)
def test_ordinary_words_are_no_misspelt_month(word: str) -> None:
    assert misspelt_month(fold(word), names()) is None


def test_a_word_as_close_to_two_months_is_neither() -> None:
    assert misspelt_month("abcdex", {"abcdef": 1, "abcdeg": 2}) is None
    assert misspelt_month("abcdex", {"abcdef": 1, "abcdeg": 1}) == "abcdef"


@pytest.mark.parametrize(
    ("language", "text", "start", "end"),
    [
        ("nl", "Mag hij vrij op 14 okotber?", date(2027, 10, 14), None),
        ("nl", "van 9 t/m 13 novmber", date(2027, 11, 9), date(2027, 11, 13)),
        ("nl", "op 3 feburari 2027", date(2027, 2, 3), None),
        ("en", "Can we go from Febuary 9 to 13?", date(2027, 2, 9), date(2027, 2, 13)),
        ("pl", "od 9 do 13 listopda", date(2027, 11, 9), date(2027, 11, 13)),
        ("tr", "9'dan 13 Agutsos'a kadar", date(2027, 8, 9), date(2027, 8, 13)),
        ("uk", "з 9 до 13 жовтян", date(2027, 10, 9), date(2027, 10, 13)),
        ("ar", "من 9 إلى 13 نوفمير", date(2027, 11, 9), date(2027, 11, 13)),
    ],
)
def test_the_parser_reads_misspelt_months(language: str, text: str, start: date, end: date | None) -> None:
    assert parse_dates(text, TODAY, language) == ParsedDates(start, end)


def test_a_span_shows_the_month_as_typed() -> None:
    text = "Mag hij vrij van 9 t/m 13 novmber, en op 14 okotber?"
    assert [text[span.start : span.end] for span in date_spans(text)] == ["9 t/m 13 novmber", "14 okotber"]


def test_a_number_before_an_ordinary_word_is_still_no_date() -> None:
    assert date_spans("Hij heeft 14 matches gespeeld en 10 schooldagen gemist") == []


def turkish_names() -> dict[str, int]:
    return date_patterns("tr").vocabulary.full_months


@pytest.mark.parametrize("word", ["hazırlanmak", "hazırlan", "hazirlan"])
def test_a_letter_added_inside_a_name_makes_another_word(word: str) -> None:
    """The Turkish verb stem "hazırlan" (prepare) is one letter more than "haziran" (June): no month."""
    assert misspelt_month(fold(word), turkish_names()) is None
    assert misspelt_month(fold(word), names()) is None


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("hazrian", 6),  # two letters swapped
        ("Haizran", 6),
        ("hazran", 6),  # a letter left out
        ("octobber", 10),  # a letter typed twice
        ("novvember", 11),
        ("hazirana", 6),  # a case ending after the whole name
        ("nisani", 4),
    ],
)
def test_a_turkish_misspelling_or_a_doubled_letter_is_a_month(typed: str, month: int) -> None:
    found = misspelt_month(fold(typed), turkish_names())
    assert found is not None and turkish_names()[found] == month


def test_preparing_is_no_june_in_a_turkish_question() -> None:
    assert read_facts("Tatile hazırlanmak için iki hafta izin alabilir miyiz?", "tr", today=TODAY).month is None
    assert read_facts("Çocuğum sınava hazırlan diyor, bir gün izin?", "tr", today=TODAY).month is None
    assert read_facts("Haizran ayında iki hafta izin alabilir miyiz?", "tr", today=TODAY).month == 6
