"""assistant.dates: Dutch dates as parents type them."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.dates import DateError, ParsedDates, find_dates, looks_like_range, nl_date, parse_date, parse_dates

TODAY = date(2026, 3, 2)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vrijdag 13 maart", ParsedDates(date(2026, 3, 13))),
        ("13 maart", ParsedDates(date(2026, 3, 13))),
        ("13 mrt 2027", ParsedDates(date(2027, 3, 13))),
        ("13-3", ParsedDates(date(2026, 3, 13))),
        ("13/03/2026", ParsedDates(date(2026, 3, 13))),
        ("13.3.26", ParsedDates(date(2026, 3, 13))),
        ("2026-03-13", ParsedDates(date(2026, 3, 13))),
        ("op de 13e maart", ParsedDates(date(2026, 3, 13))),
        ("morgen", ParsedDates(date(2026, 3, 3))),
        ("overmorgen", ParsedDates(date(2026, 3, 4))),
        ("vrijdag", ParsedDates(date(2026, 3, 6))),
        ("volgende week vrijdag", ParsedDates(date(2026, 3, 13))),
        ("van 9 t/m 13 maart", ParsedDates(date(2026, 3, 9), date(2026, 3, 13))),
        ("9 tot en met 13 maart", ParsedDates(date(2026, 3, 9), date(2026, 3, 13))),
        ("9-13 maart", ParsedDates(date(2026, 3, 9), date(2026, 3, 13))),
        ("13-3 t/m 17-3", ParsedDates(date(2026, 3, 13), date(2026, 3, 17))),
        ("van 28 februari 2027 tot en met 3 maart 2027", ParsedDates(date(2027, 2, 28), date(2027, 3, 3))),
        ("28 december t/m 3 januari", ParsedDates(date(2026, 12, 28), date(2027, 1, 3))),
        ("nee, de laatste dag is 14 maart", ParsedDates(date(2026, 3, 14))),
    ],
)
def test_parses(text: str, expected: ParsedDates) -> None:
    assert parse_dates(text, TODAY) == expected


def test_a_date_without_a_year_is_the_next_one_but_a_recent_one_stays() -> None:
    assert parse_date("1 februari", TODAY) == date(2027, 2, 1)  # a month ago: next year
    assert parse_date("25 februari", TODAY) == date(2026, 2, 25)  # last week: reporting leave afterwards
    assert parse_date("1 september", TODAY) == date(2026, 9, 1)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31 februari", "impossible_date"),
        ("30-2-2026", "impossible_date"),
        ("29 februari 2026", "impossible_date"),
        ("13-13", "impossible_date"),
        ("donderdag 13 maart", "weekday_mismatch"),
        ("geen idee", "no_date"),
        ("", "no_date"),
    ],
)
def test_errors_have_a_stable_code(text: str, code: str) -> None:
    with pytest.raises(DateError) as error:
        parse_dates(text, TODAY)
    assert error.value.code == code


def test_weekday_mismatch_names_the_date() -> None:
    with pytest.raises(DateError) as error:
        parse_dates("donderdag 13 maart", TODAY)
    assert error.value.detail == "donderdag 13 maart 2026"


def test_leap_day_in_a_leap_year_and_helpers() -> None:
    assert parse_date("29 februari 2028", TODAY) == date(2028, 2, 29)
    assert find_dates("van 9 maart tot 13 maart", TODAY) == [date(2026, 3, 9), date(2026, 3, 13)]
    assert looks_like_range("van 9 t/m 13 maart") and not looks_like_range("13 maart")
    assert nl_date(date(2026, 3, 13), weekday=True) == "vrijdag 13 maart 2026"
    assert not parse_dates("13 maart", TODAY).is_range
