"""The period of a leave question: the day whose law answers it (`law_day`)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.situation import read_facts
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


# -- the leave's days are the days the asker gave -------------------------------------------------------------------


def test_a_weekday_with_an_article_is_no_date_of_leave() -> None:
    """ "op een donderdag" is any Thursday: no period is made of it, and no days are held against the guidance."""
    from tests.situation.helpers import first_bubble, reply

    text = "Mijn broer trouwt op een donderdag in Marokko. Hoeveel dagen vrij kan mijn dochter krijgen?"
    assert read_facts(text, "nl", today=TODAY).start is None
    bubble = first_bubble(reply("verlof_gewichtige_omstandigheden", text))
    assert "schooldagen." in bubble  # the guidance for abroad
    assert "Van " not in bubble and "passen binnen" not in bubble
    for language, other in (("en", "My brother is getting married on a Friday in Morocco."), ("nl", "op een woensdag")):
        assert read_facts(other, language, today=TODAY).start is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Opa is gisteren overleden en de uitvaart is vrijdag. Moet ik daar nog toestemming voor vragen?"),
        ("en", "Grandpa died yesterday and the funeral is on Friday. Do I need permission?"),
        ("ar", "توفي جدي أمس والجنازة يوم الجمعة"),
        ("nl", "Opa is op 2 december overleden, de uitvaart is vrijdag"),
    ],
)
def test_a_past_date_is_when_it_happened_never_the_start_of_the_leave(language: str, text: str) -> None:
    found = read_facts(text, language, today=TODAY)
    assert (found.start, found.end, found.weekday) == (date(2026, 12, 11), None, True)


def test_the_funeral_day_is_counted_as_one_school_day_without_a_verdict_on_days_not_given() -> None:
    from tests.situation.helpers import first_bubble, reply

    text = "Opa is gisteren overleden en de uitvaart is vrijdag. Moet ik daar nog toestemming voor vragen?"
    found = reply("verlof_gewichtige_omstandigheden", text)
    bubble = first_bubble(found)
    assert bubble.startswith("Uw kind mag niet zomaar thuisblijven")  # the point asked first (art. 14 lid 1 and 2)
    assert "Op 11 december 2026 is er één schooldag." in [str(line) for line in found.details]  # behind "Meer uitleg"
    assert "Van 6 december" not in bubble and "schooldagen." in bubble
    assert "passen binnen" not in bubble


def test_one_leave_day_is_said_in_the_singular_in_every_language() -> None:
    from assistant.i18n import SUPPORTED_LANGUAGES
    from tests.situation.helpers import first_bubble, reply

    found = reply(
        "verlof_gewichtige_omstandigheden", "verlof voor de begrafenis van mijn schoonvader volgende week dinsdag"
    )
    assert first_bubble(found).startswith("Op 8 december 2026 is er één schooldag.")
    assert "zijn er 1 schooldagen" not in first_bubble(found)
    assert "1 school days" not in first_bubble(found, "en")
    for language in SUPPORTED_LANGUAGES:
        assert first_bubble(found, language).split("\n")[0].strip()


def test_days_the_asker_gave_are_held_against_the_guidance() -> None:
    from tests.situation.helpers import first_bubble, reply

    text = "Mag mijn dochter op 14 december vrij voor de begrafenis van haar opa?"
    bubble = first_bubble(reply("verlof_gewichtige_omstandigheden", text))
    assert bubble.startswith("Op 14 december 2026 is er één schooldag.")
    assert "De gevraagde dagen passen binnen die richtlijn." in bubble
    text = "Mag mijn dochter van 14 tot en met 15 december vrij voor de begrafenis van haar opa?"
    bubble = first_bubble(reply("verlof_gewichtige_omstandigheden", text))
    assert bubble.startswith("Van 14 december 2026 tot en met 15 december 2026 zijn er 2 schooldagen.")
    # her grandfather is 2nd degree: the guidance gives 2 school days
    assert "Vanaf uw kind geteld is een opa familie in de 2e graad." in bubble
    assert "De gevraagde dagen passen binnen die richtlijn." in bubble
    bubble = first_bubble(reply("verlof_gewichtige_omstandigheden", text.replace("haar opa", "haar overgrootvader")))
    assert "U vraagt meer dagen dan die richtlijn." in bubble  # 3rd degree: 1 school day
