"""The absence verdicts: a parent asking about leaving without leave hears the law of the days the child would be
away, like the leave verdicts (`law_day`)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.situation import read_facts
from assistant.situation.verdict import situational_reply
from tests.situation.helpers import first_bubble, reply

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


# -- 18-plus verzuim: the weeks of WEB 9.2.1, never the hours of art. 21a, never "0 weeks" from a default -------------


def test_an_18_plus_question_without_weeks_gets_the_rule_not_a_verdict_from_zero_weeks() -> None:
    from tests.situation.helpers import first_bubble, reply

    text = "Wanneer moeten wij het verzuim melden van een mbo-student van 20 zonder diploma?"
    bubble = first_bubble(reply("verzuim_18plus", text))
    assert bubble.startswith(
        "Voor een leerling van 18 tot 27 jaar zonder startkwalificatie meldt u het verzuim bij DUO als de "
        "leerling 4 weken aaneengesloten zonder geldige reden afwezig is, of eerder als uw schoolbestuur een kortere "
        "termijn heeft gekozen (artikel 9.2.1 en 9.2.2 Wet educatie en beroepsonderwijs)."
    )
    assert "0 weken" not in bubble and "nog niet verplicht" not in bubble
    same = first_bubble(reply("meldplicht_verzuim", text))  # asked in the general topic: the same rule
    assert "artikel 9.2.1" in same and "0 weken" not in same and "21a" not in same


def test_a_young_person_of_19_away_for_a_month_is_reported_after_the_weeks_of_the_web() -> None:
    from tests.situation.helpers import first_bubble, reply

    text = "ik ben 19 en ga al een maand niet meer naar mijn mbo. krijgt iemand daar bericht van?"
    found = reply("verzuim_18plus", text)
    bubble = first_bubble(found)
    assert bubble.startswith("Ja. De school moet dit verzuim melden bij DUO")
    assert "Doorstroompunt" in bubble and "4 weken" in bubble
    assert "16 uur" not in bubble and "21a" not in bubble and "Nee" not in bubble


def test_an_18_plus_pupil_away_for_two_weeks_is_not_yet_reported_by_law() -> None:
    from tests.situation.helpers import first_bubble, reply

    bubble = first_bubble(reply("verzuim_18plus", "Mijn zoon van 19 zit op het mbo en is al 2 weken niet geweest."))
    assert bubble.startswith("Volgens de wet nog niet:")
    assert "4 weken" in bubble and "9.2.1" in bubble and "16 uur" not in bubble


def test_under_18_the_hours_of_article_21a_still_decide() -> None:
    from tests.situation.helpers import first_bubble, reply

    bubble = first_bubble(
        reply("verzuim_18plus", "ik ben 16 en heb 20 uur gespijbeld, krijgt iemand daar bericht van?")
    )
    assert "21a" in bubble or "16 uur" in bubble
    assert "9.2.1" not in bubble


def test_a_young_person_living_on_their_own_reports_their_own_illness() -> None:
    """Art. 13b: "ik ben 17 en woon op kamers, moet ik mezelf ziek melden?" is told who reports, not "meld uw kind"."""
    text = "ik ben 17 en woon op kamers. moet ik mezelf ziek melden bij school of moeten mijn ouders dat doen?"
    bubble = first_bubble(reply("meldplicht_verzuim", text))
    assert bubble.startswith("Ziekte is geoorloofd verzuim (artikel 11 Leerplichtwet). Woon je niet meer bij je")
    assert "meld je jezelf ziek bij de school" in bubble and "(artikel 13b)" in bubble
    assert "uw kind" not in bubble
