"""assistant.dates in every supported language: month and weekday names from CLDR, relative and range words from
languages.yml, folded case, accents and digits; impossible dates, weekday mismatches and sentences that are no date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import assistant.dates as dates
import assistant.dates.words as date_words
from assistant.dates import DateError, ParsedDates, looks_like_range, parse_dates
from assistant.folding import fold
from assistant.i18n import SUPPORTED_LANGUAGES
from assistant.i18n.formatting import format_date, format_day_month
from tests.language_config import with_supported_language

TODAY = date(2026, 3, 2)  # a Monday
D = date


def one(day: date) -> ParsedDates:
    return ParsedDates(day)


def span(start: date, end: date) -> ParsedDates:
    return ParsedDates(start, end)


PARSES: list[tuple[str, str, ParsedDates]] = [
    # English: day first and month first, ordinals, weekdays with a comma, relative words, ranges
    ("en", "14 March", one(D(2026, 3, 14))),
    ("en", "March 14", one(D(2026, 3, 14))),
    ("en", "March 14th, 2027", one(D(2027, 3, 14))),
    ("en", "the 14th of March", one(D(2026, 3, 14))),
    ("en", "Friday, March 13, 2026", one(D(2026, 3, 13))),
    ("en", "Fri 13 Mar", one(D(2026, 3, 13))),
    ("en", "tomorrow", one(D(2026, 3, 3))),
    ("en", "the day after tomorrow", one(D(2026, 3, 4))),
    ("en", "yesterday", one(D(2026, 3, 1))),
    ("en", "friday", one(D(2026, 3, 6))),
    ("en", "Friday next week", one(D(2026, 3, 13))),
    ("en", "March 9 to 13", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("en", "March 9-13, 2026", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("en", "9 to 13 March", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("en", "from 9 until 13 March", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("en", "9 March through 13 March", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("en", "13/3/2026", one(D(2026, 3, 13))),  # numeric dates are day first in every language
    # Polish: genitive and nominative month names, "od … do", weekdays in the accusative
    ("pl", "14 marca", one(D(2026, 3, 14))),
    ("pl", "14 marzec", one(D(2026, 3, 14))),
    ("pl", "14 MARCA 2027", one(D(2027, 3, 14))),
    ("pl", "1 października", one(D(2026, 10, 1))),
    ("pl", "od 9 do 13 marca", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("pl", "od 9 marca do 13 marca", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("pl", "piątek, 13 marca 2026", one(D(2026, 3, 13))),
    ("pl", "w środę", one(D(2026, 3, 4))),
    ("pl", "jutro", one(D(2026, 3, 3))),
    ("pl", "pojutrze", one(D(2026, 3, 4))),
    ("pl", "dziś", one(D(2026, 3, 2))),
    ("pl", "14 lis", one(D(2026, 11, 14))),
    # Ukrainian: genitive and nominative month names, "з … до", "по", "-го", the apostrophe in п'ятниця
    ("uk", "14 березня", one(D(2026, 3, 14))),
    ("uk", "14 березень", one(D(2026, 3, 14))),
    ("uk", "14-го березня", one(D(2026, 3, 14))),
    ("uk", "з 9 до 13 березня", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("uk", "з 9 по 13 березня", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("uk", "пʼятниця, 13 березня 2026 р.", one(D(2026, 3, 13))),
    ("uk", "п'ятниця 13 березня", one(D(2026, 3, 13))),
    ("uk", "у п’ятницю", one(D(2026, 3, 6))),
    ("uk", "пятниця, 13 березня", one(D(2026, 3, 13))),  # the apostrophe left out
    ("uk", "завтра", one(D(2026, 3, 3))),
    ("uk", "післязавтра", one(D(2026, 3, 4))),
    ("uk", "14 бер.", one(D(2026, 3, 14))),
    # Turkish: dotted and dotless i, suffixes after an apostrophe, "'dan … 'e kadar", weekday after the date
    ("tr", "14 Mart", one(D(2026, 3, 14))),
    ("tr", "14 mart", one(D(2026, 3, 14))),
    ("tr", "14 ŞUBAT 2027", one(D(2027, 2, 14))),
    ("tr", "3 Mayıs", one(D(2026, 5, 3))),
    ("tr", "3 MAYIS", one(D(2026, 5, 3))),
    ("tr", "3 mayis", one(D(2026, 5, 3))),
    ("tr", "31 Aralık", one(D(2026, 12, 31))),
    ("tr", "9'dan 13 Mart'a kadar", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("tr", "9 Mart'tan 13 Mart'a kadar", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("tr", "9-13 Mart", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("tr", "13 Mart 2026 Cuma", one(D(2026, 3, 13))),
    ("tr", "yarın", one(D(2026, 3, 3))),
    ("tr", "YARIN", one(D(2026, 3, 3))),
    ("tr", "haftaya Cuma", one(D(2026, 3, 13))),
    # Arabic: Arabic-Indic digits, Egyptian, Levantine and Maghreb month names, "من … إلى", "حتى"
    ("ar", "14 مارس", one(D(2026, 3, 14))),
    ("ar", "١٤ مارس", one(D(2026, 3, 14))),
    ("ar", "١٤ مارس ٢٠٢٧", one(D(2027, 3, 14))),
    ("ar", "14 آذار", one(D(2026, 3, 14))),
    ("ar", "14 اذار", one(D(2026, 3, 14))),
    ("ar", "14 أفريل", one(D(2026, 4, 14))),
    ("ar", "14 شتنبر", one(D(2026, 9, 14))),
    ("ar", "14 تشرين الأول", one(D(2026, 10, 14))),
    ("ar", "من 9 إلى 13 مارس", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("ar", "من ٩ الى ١٣ مارس", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("ar", "9 حتى 13 مارس", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("ar", "الجمعة، 13 مارس 2026", one(D(2026, 3, 13))),
    ("ar", "غدًا", one(D(2026, 3, 3))),
    ("ar", "بعد غد", one(D(2026, 3, 4))),
    ("ar", "الجمعة", one(D(2026, 3, 6))),
    # Dutch words count in every conversation: the school's letters are Dutch
    ("en", "13 maart", one(D(2026, 3, 13))),
    ("pl", "van 9 t/m 13 maart", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("ar", "morgen", one(D(2026, 3, 3))),
    # a full month name of any supported language counts in any conversation
    ("nl", "14 marca", one(D(2026, 3, 14))),
    ("nl", "14 березня", one(D(2026, 3, 14))),
    ("nl", "14 March", one(D(2026, 3, 14))),
    ("nl", "١٤ مارس", one(D(2026, 3, 14))),
    # Dutch, as before, and weekdays as a range
    ("nl", "maandag t/m vrijdag", span(D(2026, 3, 9), D(2026, 3, 13))),
    ("en", "Monday to Friday", span(D(2026, 3, 9), D(2026, 3, 13))),
]


@pytest.mark.parametrize(("language", "text", "expected"), PARSES)
def test_parses(language: str, text: str, expected: ParsedDates) -> None:
    assert parse_dates(text, TODAY, language) == expected


IMPOSSIBLE = [
    ("nl", "31 februari"),
    ("en", "30 February"),
    ("en", "February 30"),
    ("uk", "31 лютого"),
    ("pl", "31 lutego"),
    ("pl", "30 luty 2026"),
    ("tr", "30 Şubat"),
    ("ar", "31 فبراير"),
    ("ar", "٣١ شباط"),
    ("en", "29 February 2026"),
    ("uk", "з 30 до 31 квітня"),
]


@pytest.mark.parametrize(("language", "text"), IMPOSSIBLE)
def test_impossible_dates(language: str, text: str) -> None:
    with pytest.raises(DateError) as error:
        parse_dates(text, TODAY, language)
    assert error.value.code == "impossible_date"
    assert error.value.detail in text  # the words as the parent typed them


MISMATCH = [
    ("nl", "donderdag 13 maart", 3),
    ("en", "Thursday, March 13", 3),
    ("en", "Thu 13 March", 3),
    ("pl", "czwartek, 13 marca", 3),
    ("uk", "четвер, 13 березня", 3),
    ("tr", "13 Mart Perşembe", 3),
    ("ar", "الخميس 13 مارس", 3),
    ("pl", "w środę 13 marca", 2),
]


@pytest.mark.parametrize(("language", "text", "weekday"), MISMATCH)
def test_a_weekday_that_does_not_match(language: str, text: str, weekday: int) -> None:
    with pytest.raises(DateError) as error:
        parse_dates(text, TODAY, language)
    assert error.value.code == "weekday_mismatch"
    assert error.value.date == D(2026, 3, 13) and error.value.weekday == weekday


NOT_A_DATE = {
    "nl": [
        "Mijn zoon is 13 jaar en zit in groep 8",
        "We hebben 2 kinderen op deze school",
        "Hoeveel dagen verlof mag ik vragen?",
        "zo snel mogelijk graag",
        "ik heb 13 jan gebeld",
    ],
    "en": [
        "My son is 13 years old and in year 8",
        "We have 2 children at this school",
        "How many days of leave can I ask for?",
        "I may need more time",
        "Can I ask for 3 days off?",
        "He is in grade 5 and she is in grade 7",
    ],
    "pl": [
        "Mój syn ma 13 lat i chodzi do szkoły",
        "Mam 2 dzieci w tej szkole",
        "Ile dni urlopu mogę dostać?",
        "Czy 2 się zgadza?",
        "Do szkoły chodzi 3 dzieci",
    ],
    "uk": [
        "Моєму синові 13 років",
        "У мене 2 дітей у цій школі",
        "Скільки днів відпустки можна отримати?",
        "Він навчається у 5 класі",
    ],
    "tr": [
        "Oğlumun 3 ara sınavı var",
        "2 eki gönderdim",
        "Oğlum 13 yaşında",
        "Kaç gün izin alabilirim?",
        "Çocuğum 2 gün hasta",
    ],
    "ar": ["عمر ابني 13 سنة", "لدي 3 أطفال في هذه المدرسة", "كم يوم إجازة يمكنني أن أطلب؟", "ابني في الصف 5"],
}


@pytest.mark.parametrize(("language", "text"), [(code, text) for code, texts in NOT_A_DATE.items() for text in texts])
def test_ordinary_sentences_are_no_date(language: str, text: str) -> None:
    with pytest.raises(DateError) as error:
        parse_dates(text, TODAY, language)
    assert error.value.code == "no_date"


def test_abbreviations_and_weekday_words_count_only_in_their_own_language() -> None:
    assert parse_dates("2 eki", TODAY, "tr") == one(D(2026, 10, 2))  # "eki" is Ekim, October, in Turkish
    with pytest.raises(DateError):
        parse_dates("2 eki", TODAY, "en")
    # Polish "do" (until) is never the Dutch weekday "do" (donderdag); in Dutch it is
    assert parse_dates("do 13 marca", TODAY, "pl") == one(D(2026, 3, 13))
    with pytest.raises(DateError) as error:
        parse_dates("do 13 maart", TODAY, "nl")
    assert error.value.code == "weekday_mismatch"
    with pytest.raises(DateError):
        parse_dates("jutro", TODAY, "en")  # Polish "tomorrow" in an English conversation


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_the_examples_the_form_shows_parse_back(language: str) -> None:
    day = D(2026, 3, 13)
    for text in (
        format_date(day, language, "long"),
        format_date(day, language, "full"),
        format_date(day, language, "medium"),
    ):
        assert parse_dates(text, TODAY, language) == one(day), text
    assert parse_dates(format_day_month(D(2026, 4, 28), language), TODAY, language) == one(D(2026, 4, 28))


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_month_name_of_every_language_parses(language: str) -> None:
    from babel.dates import get_month_names

    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for month, name in get_month_names(width, context, language).items():
                assert parse_dates(f"3 {name}", TODAY, language).start.month == month, name


def test_range_words_and_folding() -> None:
    assert looks_like_range("van 9 t/m 13 maart") and not looks_like_range("13 maart")
    assert looks_like_range("9 to 13 March", "en") and looks_like_range("od 9 do 13 marca", "pl")
    assert looks_like_range("13 Mart'a kadar", "tr") and looks_like_range("من 9 إلى 13 مارس", "ar")
    assert fold("ŞUBAT") == "subat" and fold("Mayıs") == "mayis" and fold("İstanbul") == "istanbul"
    assert fold("Łódź") == "lodz" and fold("١٤") == "14" and fold("۱۴") == "14" and fold("пʼятниця") == "п'ятниця"
    assert fold("أفريل") == fold("افريل") and fold("غدًا") == "غدا"


def test_a_new_language_needs_no_code_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Somali moved to `supported` (one line): its CLDR month names parse; with `dates` words, its range words too."""
    config = with_supported_language(
        tmp_path,
        "{code: so, name: Soomaali, english: Somali, dir: ltr, lingua: SOMALI, aliases: [soomaali],"
        " dates: {relative: {1: [berri]}, to: [ilaa]}}",
    )
    monkeypatch.setattr(date_words, "load_languages", lambda: config)
    monkeypatch.setattr(date_words, "SUPPORTED_LANGUAGES", config.codes)
    monkeypatch.setattr(dates, "normalise_language", lambda code: code if code in config.codes else "nl")
    dates.clear_caches()
    try:
        from babel.dates import get_month_names

        march = get_month_names("wide", "format", "so")[3]
        assert parse_dates(f"14 {march}", TODAY, "so") == one(D(2026, 3, 14))
        assert parse_dates(f"9 ilaa 13 {march}", TODAY, "so") == span(D(2026, 3, 9), D(2026, 3, 13))
        assert parse_dates("berri", TODAY, "so") == one(D(2026, 3, 3))
    finally:
        dates.clear_caches()


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "9 t/m 13 maart", True),
        ("nl", "van 9 tot en met 13 maart", True),
        ("nl", "vrijdag 13 maart", True),
        ("en", "March 9 to 13", True),
        ("en", "from 9 until 13 March", True),
        ("en", "on Friday", True),
        ("uk", "9-13 березня", True),
        ("uk", "з 9 до 13 березня", True),
        ("pl", "od 9 do 13 marca", True),
        ("pl", "dnia 13 marca", True),
        ("tr", "9'dan 13 Mart'a kadar", True),
        ("tr", "9-13 Mart", True),
        ("ar", "من ٩ إلى ١٣ مارس", True),
        ("nl", "31 februari", True),  # impossible, but still only a date
        ("nl", "de bruiloft is op 13 maart", False),
        ("en", "my sister's wedding on March 13", False),
        ("uk", "весілля 13 березня", False),
        ("nl", "groep 5", False),
        ("tr", "3 ara sınavı", False),
        ("en", "I work in a hotel", False),
    ],
)
def test_only_dates(language: str, text: str, expected: bool) -> None:
    """An answer that is nothing but a date or a range (range and `filler` words from languages.yml aside)."""
    assert dates.only_dates(text, language) is expected


def test_date_spans_point_at_the_dates_as_typed() -> None:
    text = "nee, het is van 9 t/m 13 maart"
    [found] = dates.date_spans(text, "nl")
    assert text[found.start : found.end] == "9 t/m 13 maart" and found.dates == 2
    text = "ні, з 9 березня до 13 березня"
    spans = dates.date_spans(text, "uk")
    assert [text[span.start : span.end] for span in spans] == ["9 березня", "13 березня"]
    assert dates.date_spans("31 februari", "nl")[0].dates == 1  # no error: no date is built
    assert dates.date_spans("no date here", "en") == []
