"""The school calendar: data exactly as the reference gives it, school days, lesweken and the known range."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from assistant.calendar import (
    OutsideKnownCalendar,
    SchoolYear,
    UnknownMunicipality,
    UnknownRegion,
    first_school_day,
    get_calendar,
    holiday_on,
    is_school_day,
    lesweek_number,
    region_of,
    school_days_between,
    school_year_of,
)
from assistant.knowledge import get_regions

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


# -- school years ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 7, 31), "2025-2026"),
        (date(2026, 8, 1), "2026-2027"),
        (date(2027, 1, 1), "2026-2027"),
        (date(2024, 12, 31), "2024-2025"),  # pure arithmetic: works outside the known calendar too
    ],
)
def test_school_year_runs_from_1_august_to_31_july(day, expected):
    school_year = school_year_of(day)
    assert school_year.label == expected
    assert day in school_year
    assert school_year.start == date(school_year.start_year, 8, 1)
    assert school_year.end == date(school_year.start_year + 1, 7, 31)


@pytest.mark.parametrize("text", ["2025", "2025-2027", "volgend jaar", ""])
def test_school_year_parse_refuses_nonsense(text):
    with pytest.raises(ValueError, match="school year"):
        SchoolYear.parse(text)


# -- the data, as the reference gives it ------------------------------------------------------------------------------

REFERENCE = [
    # school year, holiday, region, start, end, certainty   (calendar-regional.md §1.2-1.4)
    ("2025-2026", "herfstvakantie", "noord", date(2025, 10, 18), date(2025, 10, 26), "corroborated"),
    ("2025-2026", "herfstvakantie", "zuid", date(2025, 10, 11), date(2025, 10, 19), "corroborated"),
    ("2025-2026", "kerstvakantie", "noord", date(2025, 12, 20), date(2026, 1, 4), "corroborated"),
    ("2025-2026", "voorjaarsvakantie", "noord", date(2026, 2, 21), date(2026, 3, 1), "corroborated"),
    ("2025-2026", "voorjaarsvakantie", "midden", date(2026, 2, 14), date(2026, 2, 22), "corroborated"),
    ("2025-2026", "meivakantie", "noord", date(2026, 4, 25), date(2026, 5, 3), "uncertain"),
    ("2025-2026", "zomervakantie", "noord", date(2026, 7, 4), date(2026, 8, 16), "corroborated"),
    ("2025-2026", "zomervakantie", "midden", date(2026, 7, 18), date(2026, 8, 30), "corroborated"),
    ("2025-2026", "zomervakantie", "zuid", date(2026, 7, 11), date(2026, 8, 23), "corroborated"),
    ("2026-2027", "herfstvakantie", "noord", date(2026, 10, 10), date(2026, 10, 18), "corroborated"),
    ("2026-2027", "herfstvakantie", "midden", date(2026, 10, 17), date(2026, 10, 25), "corroborated"),
    ("2026-2027", "kerstvakantie", "noord", date(2026, 12, 19), date(2027, 1, 3), "corroborated"),
    ("2026-2027", "voorjaarsvakantie", "noord", date(2027, 2, 20), date(2027, 2, 28), "corroborated"),
    ("2026-2027", "voorjaarsvakantie", "zuid", date(2027, 2, 13), date(2027, 2, 21), "uncertain"),
    ("2026-2027", "meivakantie", "noord", date(2027, 5, 1), date(2027, 5, 9), "uncertain"),
    ("2026-2027", "zomervakantie", "noord", date(2027, 7, 10), date(2027, 8, 22), "corroborated"),
    ("2026-2027", "zomervakantie", "zuid", date(2027, 7, 24), date(2027, 9, 5), "uncertain"),
    ("2027-2028", "herfstvakantie", "noord", date(2027, 10, 16), date(2027, 10, 24), "ok"),
    ("2027-2028", "herfstvakantie", "zuid", date(2027, 10, 23), date(2027, 10, 31), "ok"),
    ("2027-2028", "kerstvakantie", "noord", date(2027, 12, 25), date(2028, 1, 9), "ok"),
    ("2027-2028", "voorjaarsvakantie", "noord", date(2028, 2, 19), date(2028, 2, 27), "ok"),
    ("2027-2028", "meivakantie", "noord", date(2028, 4, 29), date(2028, 5, 7), "ok"),
    ("2027-2028", "zomervakantie", "noord", date(2028, 7, 15), date(2028, 8, 27), "ok"),
    ("2027-2028", "zomervakantie", "midden", date(2028, 7, 8), date(2028, 8, 20), "ok"),
]


@pytest.mark.parametrize(("school_year", "holiday_id", "region", "start", "end", "certainty"), REFERENCE)
def test_holidays_match_the_reference(school_year, holiday_id, region, start, end, certainty):
    for day in (start, end, start + (end - start) / 2):
        if get_calendar().known_from <= day <= get_calendar().known_until:
            holiday = holiday_on(day, region)
            assert holiday is not None
            assert (holiday.id, holiday.start, holiday.end, holiday.certainty) == (holiday_id, start, end, certainty)
            assert holiday.school_year.label == school_year
            assert holiday.sources, "every holiday names its sources"
    if start - timedelta(days=1) >= get_calendar().known_from:
        before = holiday_on(start - timedelta(days=1), region)
        assert before is None or before.id != holiday_id


def test_every_range_runs_saturday_to_sunday_and_has_sources_and_a_certainty():
    data = yaml.safe_load((KNOWLEDGE / "calendar" / "school-holidays.yml").read_text(encoding="utf-8"))
    for year in data["school_years"]:
        for holiday in year["holidays"]:
            assert holiday["sources"], (year["school_year"], holiday["id"])
            for region, period in holiday["regions"].items():
                assert period["start"].weekday() == 5 and period["end"].weekday() == 6, (holiday["id"], region)
                assert period["certainty"] in {"ok", "corroborated", "uncertain"}
                if year["school_year"] == "2027-2028":
                    assert period["certainty"] == "ok"  # the official Rijksoverheid page was seen


def test_herfst_and_voorjaar_are_advisory_and_zomer_is_compulsory():
    assert holiday_on(date(2026, 10, 12), "noord").advisory
    assert holiday_on(date(2027, 2, 22), "noord").advisory
    assert not holiday_on(date(2026, 12, 21), "noord").advisory
    assert holiday_on(date(2026, 7, 6), "noord").compulsory


def test_meivakantie_adviesweek_is_not_a_holiday():
    assert is_school_day(date(2026, 4, 20), "noord")  # Monday of the adviesweek 18-26 April 2026
    assert not is_school_day(date(2026, 4, 28), "noord")  # inside the meivakantie itself


# -- school days ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected", "why"),
    [
        (date(2026, 10, 5), True, "an ordinary Monday"),
        (date(2026, 10, 3), False, "Saturday"),
        (date(2026, 10, 4), False, "Sunday"),
        (date(2026, 10, 12), False, "herfstvakantie noord"),
        (date(2026, 10, 19), True, "the Monday after the herfstvakantie"),
        (date(2026, 4, 6), False, "Tweede Paasdag: school-free by default"),
        (date(2026, 5, 14), False, "Hemelvaartsdag: school-free by default"),
        (date(2026, 5, 15), True, "the Friday after Hemelvaart is not a public holiday"),
        (date(2026, 5, 25), False, "Tweede Pinksterdag"),
        (date(2026, 4, 3), True, "Goede Vrijdag varies by school: counted as a school day"),
        (date(2026, 5, 5), True, "Bevrijdingsdag 2026 (no lustrum): counted as a school day"),
        (date(2027, 4, 27), False, "Koningsdag 2027 is a Tuesday"),
        (date(2026, 2, 16), True, "carnaval is not free in regio noord"),
        (date(2026, 8, 14), False, "zomervakantie 2026 noord"),
        (date(2026, 8, 17), True, "first school day 2026-2027 noord"),
    ],
)
def test_is_school_day_noord(day, expected, why):
    assert is_school_day(day, "noord") is expected, why


def test_public_holidays_school_free_by_default_are_marked_uncertain_convention():
    holiday = holiday_on(date(2026, 4, 6), "noord")
    assert holiday.kind == "feestdag" and holiday.id == "tweede_paasdag"
    assert holiday.certainty == "uncertain"
    assert holiday.sources
    public = get_calendar().public_holiday_on(date(2026, 4, 3), "noord")
    assert public.id == "goede_vrijdag" and not public.school_free_by_default


def test_carnaval_is_a_regional_custom_of_zuid_only():
    calendar = get_calendar()
    assert calendar.public_holiday_on(date(2026, 2, 16), "noord") is None
    carnaval = calendar.public_holiday_on(date(2026, 2, 16), "zuid")
    assert carnaval.id == "carnaval" and carnaval.not_a_public_holiday and not carnaval.school_free_by_default


@pytest.mark.parametrize(
    ("start", "end", "expected", "why"),
    [
        (date(2026, 10, 5), date(2026, 10, 9), 5, "one ordinary week"),
        (date(2026, 10, 5), date(2026, 10, 5), 1, "inclusive: one day"),
        (
            date(2026, 10, 5),
            date(2026, 10, 23),
            10,
            "a week before and after the herfstvakantie: only school days count",
        ),
        (date(2026, 10, 3), date(2026, 10, 4), 0, "weekend only"),
        (date(2026, 10, 10), date(2026, 10, 18), 0, "holiday only"),
        (date(2026, 3, 30), date(2026, 4, 10), 9, "Goede Vrijdag counts, Tweede Paasdag does not"),
        (date(2026, 5, 11), date(2026, 5, 15), 4, "week of Hemelvaart"),
    ],
)
def test_school_days_between(start, end, expected, why):
    assert school_days_between(start, end, "noord") == expected, why


def test_school_days_between_refuses_end_before_start():
    with pytest.raises(ValueError, match="before"):
        school_days_between(date(2026, 10, 9), date(2026, 10, 5), "noord")


# -- first school day and lesweken ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("school_year", "region", "expected"),
    [
        ("2025-2026", "noord", date(2025, 8, 25)),  # after zomer 2025 (12 jul - 24 aug 2025, added from two sources)
        ("2026-2027", "noord", date(2026, 8, 17)),
        ("2027-2028", "noord", date(2027, 8, 23)),
        ("2026-2027", "midden", date(2026, 8, 31)),
        ("2026-2027", "zuid", date(2026, 8, 24)),
        ("2027-2028", "zuid", date(2027, 9, 6)),
    ],
)
def test_first_school_day_is_the_day_after_the_zomervakantie(school_year, region, expected):
    assert first_school_day(school_year, region) == expected
    assert first_school_day(SchoolYear.parse(school_year), region) == expected


@pytest.mark.parametrize(
    ("day", "expected", "why"),
    [
        (date(2026, 8, 17), 1, "first school day"),
        (date(2026, 8, 22), 1, "Saturday of lesweek 1"),
        (date(2026, 8, 28), 2, "last day of lesweek 2"),
        (date(2026, 8, 31), 3, "first day of lesweek 3"),
        (date(2026, 10, 9), 8, "the Friday before the herfstvakantie"),
        (date(2026, 10, 12), None, "herfstvakantie: a holiday week does not count"),
        (date(2026, 10, 19), 9, "the week after the herfstvakantie is lesweek 9, not 10"),
        (date(2026, 8, 10), None, "still zomervakantie: before the first school day"),
        (date(2025, 9, 5), 2, "2025-2026: last day of lesweek 2"),
        (date(2025, 9, 8), 3, "2025-2026: first day of lesweek 3"),
    ],
)
def test_lesweek_number(day, expected, why):
    assert lesweek_number(day, "noord") == expected, why


# -- the known range: no guessing -----------------------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(2025, 7, 31), date(2028, 8, 1), date(2030, 1, 7)])
def test_dates_outside_the_known_calendar_raise(day):
    with pytest.raises(OutsideKnownCalendar) as error:
        is_school_day(day, "noord")
    assert error.value.known_from == date(2025, 8, 1)
    assert error.value.known_until == date(2028, 7, 31)
    with pytest.raises(OutsideKnownCalendar):
        holiday_on(day, "noord")
    with pytest.raises(OutsideKnownCalendar):
        lesweek_number(day, "noord")


def test_period_reaching_outside_the_calendar_raises():
    with pytest.raises(OutsideKnownCalendar):
        school_days_between(date(2028, 7, 1), date(2028, 8, 31), "noord")


@pytest.mark.parametrize("school_year", ["2024-2025", "2028-2029"])
def test_first_school_day_outside_the_known_years_raises(school_year):
    with pytest.raises(OutsideKnownCalendar):
        first_school_day(school_year, "noord")


def test_unknown_region_raises():
    with pytest.raises(UnknownRegion):
        is_school_day(date(2026, 10, 5), "oost")


# -- municipalities -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "municipality", ["Hengelo", "Borne", "Enschede", "Losser", "Oldenzaal", "Dinkelland", "borne", " ENSCHEDE "]
)
def test_all_of_twente_is_regio_noord(municipality):
    assert region_of(municipality) == "noord"


def test_unknown_municipality_raises():
    with pytest.raises(UnknownMunicipality):
        region_of("Almelo")


def test_the_calendar_reads_municipalities_and_their_region_from_the_regional_table():
    calendar, regions = get_calendar(), get_regions()
    assert calendar.municipalities == regions.municipalities
    assert calendar.municipality_name(" dinkelland ") == "Dinkelland"
    assert calendar.municipality_citations == (
        "src:rijksoverheid-schoolvakanties",
        "src:regeling-schoolvakanties-2016-2019",
    )
    assert not (KNOWLEDGE / "calendar" / "municipalities.yml").exists()
    with pytest.raises(UnknownMunicipality) as raised:
        calendar.municipality_name("Hof van Twente")  # only its Doorstroompunt is known: no verlof check there
    assert raised.value.known == regions.municipalities
