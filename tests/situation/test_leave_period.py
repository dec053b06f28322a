"""The period of a leave question: the day whose law answers it (`law_day`)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.situation.facts import Facts
from assistant.situation.leave_period import law_day

TODAY = date(2026, 12, 6)


def test_the_first_day_of_a_known_period() -> None:
    period = (date(2027, 3, 1), date(2027, 3, 19))
    assert law_day(Facts(start=date(2027, 3, 1), end=date(2027, 3, 19), month=2), period, TODAY) == date(2027, 3, 1)


def test_a_date_said_without_a_computed_period() -> None:
    assert law_day(Facts(start=date(2027, 3, 20)), None, TODAY) == date(2027, 3, 20)


@pytest.mark.parametrize(
    ("month", "day"),
    [
        (10, date(2027, 10, 1)),  # October asked in December: next year's
        (1, date(2027, 1, 1)),
        (11, date(2027, 11, 1)),  # last month: next year's
        (12, TODAY),  # this month: what is left of it, from today
    ],
)
def test_only_a_month_is_the_first_day_of_its_next_occurrence(month: int, day: date) -> None:
    assert law_day(Facts(month=month, weeks=3), None, TODAY) == day


def test_without_a_period_or_a_month_the_day_asked() -> None:
    assert law_day(Facts(weeks=3), None, TODAY) == TODAY
    assert law_day(Facts(), None, TODAY) == TODAY
