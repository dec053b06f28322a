"""The absence verdicts: a parent asking about leaving without leave hears the law of the days the child would be
away, like the leave verdicts (`law_day`)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.situation import read_facts
from assistant.situation.verdict import situational_reply

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("De tickets zijn veel goedkoper in juni, kan ik mijn kind dan ziek melden?", date(2027, 6, 1)),
        ("Mogen we zonder verlof van 8 t/m 12 maart 2027 weg? De tickets zijn dan goedkoper.", date(2027, 3, 8)),
        ("Zal ik mijn kind ziek melden omdat de tickets goedkoper zijn na de vakantie?", TODAY),
    ],
)
def test_leaving_without_leave_applies_the_law_of_the_days_away(text: str, day: date) -> None:
    found = situational_reply("luxe_verzuim", read_facts(text, "nl", today=TODAY), TODAY)
    assert found is not None and found.topic == "luxe_verzuim"
    assert found.law_date == day
