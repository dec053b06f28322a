"""Leerplicht and kwalificatieplicht from a birth date (Leerplichtwet 1969 art. 2, 3, 4a, 4b, 11a), at every boundary:
birthdays at month ends, the 31 July end of the school year, twelve school years before 16, the 16th birthday inside
and outside the school year asked about, the 18th birthday, a startkwalificatie at 17."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.rules.leerplicht import ImpossibleFacts, LeerplichtFacts, leerplicht_status


def status(birth: date, on: date, **values):
    return leerplicht_status(LeerplichtFacts(birth_date=birth, **values), on=on)


# --- the start: the first school day of the month after the 5th birthday ------------------------------------------


@pytest.mark.parametrize(
    ("birth", "start"),
    [
        (date(2021, 9, 30), date(2026, 10, 1)),  # 5 on 30 Sep 2026 -> first school day of October (a Thursday)
        (date(2021, 10, 1), date(2026, 11, 2)),  # 5 on 1 Oct -> November: 1 Nov 2026 is a Sunday
        (date(2021, 10, 31), date(2026, 11, 2)),  # a month-end birthday: the same month as the 1st
        (date(2021, 11, 30), date(2026, 12, 1)),  # 5 on 30 Nov -> 1 December 2026, a Tuesday and a school day
    ],
)
def test_start_is_the_first_school_day_of_the_next_month(birth, start):
    result = status(birth, on=date(2026, 12, 6))
    assert result.leerplicht_start == start
    assert result.leerplicht_start_known_school_day is True


def test_a_birthday_in_november_starts_after_the_christmas_holiday_when_december_is_free():
    # 5 in December 2026 -> January 2027: the kerstvakantie (noord) runs into January; 1 Jan is Nieuwjaarsdag
    result = status(date(2021, 12, 15), on=date(2026, 12, 6))
    assert result.leerplicht_start.year == 2027 and result.leerplicht_start.month == 1
    assert result.leerplicht_start.weekday() < 5 and result.leerplicht_start > date(2027, 1, 1)


def test_the_day_before_and_the_day_of_the_start():
    birth = date(2021, 9, 30)
    assert status(birth, on=date(2026, 9, 30)).leerplichtig is False
    assert status(birth, on=date(2026, 10, 1)).leerplichtig is True


def test_a_start_beyond_the_known_school_calendar_says_to_check_the_school_calendar():
    result = status(date(2024, 3, 10), on=date(2026, 12, 6))
    assert result.leerplicht_start == date(2029, 4, 2)  # 1 April 2029 is a Sunday
    assert result.leerplicht_start_known_school_day is False
    assert any("schoolgids" in str(message) for message in result.explanation)


# --- the end: 31 July of the school year in which the child turns 16, or after twelve school years ----------------


@pytest.mark.parametrize(
    ("birth", "end"),
    [
        (date(2010, 7, 31), date(2026, 7, 31)),  # 16 on 31 July 2026: the last day of school year 2025-2026
        (date(2010, 8, 1), date(2027, 7, 31)),  # 16 on 1 August 2026: school year 2026-2027
        (date(2010, 12, 31), date(2027, 7, 31)),
    ],
)
def test_end_of_the_school_year_in_which_the_child_turns_16(birth, end):
    assert status(birth, on=date(2026, 1, 1)).leerplicht_end == end


def test_sixteenth_birthday_inside_and_outside_the_school_year_asked_about():
    sixteen_in_this_year = status(date(2010, 9, 1), on=date(2026, 12, 6))  # turned 16 on 1 Sep 2026
    assert sixteen_in_this_year.leerplichtig is True and sixteen_in_this_year.leerplicht_end == date(2027, 7, 31)
    sixteen_last_year = status(date(2010, 3, 1), on=date(2026, 12, 6))  # turned 16 in school year 2025-2026
    assert sixteen_last_year.leerplichtig is False and sixteen_last_year.kwalificatieplichtig is True


def test_the_day_before_and_the_day_after_31_july():
    birth = date(2010, 3, 1)
    assert status(birth, on=date(2026, 7, 31)).leerplichtig is True
    after = status(birth, on=date(2026, 8, 1))
    assert after.leerplichtig is False and after.kwalificatieplichtig is True


@pytest.mark.parametrize(
    ("completed", "end", "reason"),
    [
        (11, date(2026, 7, 31), "school_years"),  # now in the 12th year: ends this school year, a year before 16's rule
        (12, date(2025, 7, 31), "school_years"),  # twelve already done: leerplicht ended last school year
        (10, date(2027, 7, 31), "age"),  # twelve years end in the same year as the age rule: the age rule
    ],
)
def test_twelve_full_school_years_before_16(completed, end, reason):
    result = status(date(2010, 10, 10), on=date(2025, 12, 6), school_years_completed=completed)  # 16 in Oct 2026
    assert (result.leerplicht_end, result.leerplicht_end_reason) == (end, reason)


def test_twelve_years_done_means_kwalificatieplichtig_now():
    result = status(date(2010, 10, 10), on=date(2025, 12, 6), school_years_completed=12)
    assert result.leerplichtig is False and result.kwalificatieplichtig is True
    assert any("12 volledige schooljaren" in str(message) for message in result.explanation)


# --- kwalificatieplicht: until the 18th birthday or a startkwalificatie ---------------------------------------------


def test_the_18th_birthday_ends_kwalificatieplicht():
    birth = date(2008, 12, 6)
    assert status(birth, on=date(2026, 12, 5)).kwalificatieplichtig is True
    on_birthday = status(birth, on=date(2026, 12, 6))
    assert on_birthday.kwalificatieplichtig is False and on_birthday.kwalificatieplicht_end == date(2026, 12, 6)


def test_a_startkwalificatie_at_17_ends_kwalificatieplicht():
    result = status(date(2009, 5, 1), on=date(2026, 12, 6), has_startkwalificatie=True)
    assert result.kwalificatieplichtig is False and result.kwalificatieplicht_end is None
    assert result.own_obligation is False


def test_own_obligation_from_12():
    assert status(date(2014, 12, 7), on=date(2026, 12, 6)).own_obligation is False  # 11 until tomorrow
    assert status(date(2014, 12, 6), on=date(2026, 12, 6)).own_obligation is True


def test_five_year_olds_may_stay_home_some_hours():
    five = status(date(2021, 6, 1), on=date(2026, 12, 6))
    assert five.age_5_hours_per_week == {"without_permission": 5, "with_head_permission": 10}
    assert "lpw:11a" in five.citations
    assert status(date(2020, 6, 1), on=date(2026, 12, 6)).age_5_hours_per_week is None  # six
    assert status(date(2021, 12, 20), on=date(2026, 12, 6)).age_5_hours_per_week is None  # not yet leerplichtig


def test_a_29_february_birthday():
    result = status(date(2020, 2, 29), on=date(2025, 3, 1))  # 5 on 28 Feb 2025 -> March
    assert result.leerplicht_start == date(2025, 3, 3)


def test_on_date_before_birth_is_impossible():
    with pytest.raises(ImpossibleFacts) as caught:
        status(date(2020, 5, 1), on=date(2020, 4, 1))
    assert caught.value.field == "on_date"


# --- the API --------------------------------------------------------------------------------------------------------


def test_api_answers_every_field_with_citations(client):
    response = client.post("/api/leerplicht/status", json={"birth_date": "2021-06-01", "on_date": "2026-12-06"})
    assert response.status_code == 200
    body = response.json()
    assert body["leerplichtig"] is True and body["leerplicht_start"] == "2026-07-01"
    assert body["leerplicht_end"] == "2037-07-31" and body["kwalificatieplicht_end"] == "2039-06-01"
    assert body["age_5_hours_per_week"] == {"without_permission": 5, "with_head_permission": 10}
    assert "Leerplichtwet 1969, artikel 3" in [citation["ref"] for citation in body["citations"]]
    assert "6 december 2026" in body["explanation"]


def test_api_explains_in_the_language_asked(client):
    body = client.post(
        "/api/leerplicht/status", json={"birth_date": "2021-06-01", "on_date": "2026-12-06", "language": "en"}
    ).json()
    assert "December 6, 2026" in body["explanation"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"birth_date": "2999-01-01"}, "birth_date"),
        ({"birth_date": "2020-05-01", "on_date": "2020-04-01"}, "on_date"),
        ({"birth_date": "2020-02-30"}, "birth_date"),
        ({"birth_date": "2012-01-01", "school_years_completed": -1}, "school_years_completed"),
        ({"birth_date": "2018-01-01", "on_date": "2026-12-06", "school_years_completed": 12}, "school_years_completed"),
    ],
)
def test_api_refuses_impossible_facts_with_a_reason(client, payload, field):
    response = client.post("/api/leerplicht/status", json=payload)
    assert response.status_code == 422
    assert f"'{field}'" in response.json()["detail"]


def test_api_before_the_known_law_is_a_422(client):
    response = client.post("/api/leerplicht/status", json={"birth_date": "2010-01-01", "on_date": "2020-01-01"})
    assert response.status_code == 422 and "vanaf 1 januari 2024" in response.json()["detail"]
