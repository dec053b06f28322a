"""The age verdict answers with the age or birth month given, instead of asking for it again."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.situation import read_facts
from tests.situation.helpers import TODAY, first_bubble, reply


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Mijn dochter wordt in november 5. Vanaf welke dag is ze precies leerplichtig?"),
        ("en", "My daughter turns 5 in November. From which day exactly must she go to school?"),
        ("ar", "ابنتي ستبلغ 5 في نوفمبر"),
        ("ar", "ستبلغ ابنتي 5 سنوات في نوفمبر"),
        ("pl", "Moja córka skończy 5 lat w listopadzie. Od kiedy musi chodzić do szkoły?"),
        ("tr", "Kızım kasımda 5 yaşına giriyor, ne zaman okula başlamalı?"),
        ("uk", "Моїй доньці виповниться 5 років у листопаді. Коли вона має йти до школи?"),
    ],
)
def test_the_month_of_the_fifth_birthday_is_read_as_the_month_of_birth(language: str, text: str) -> None:
    found = read_facts(text, language, today=TODAY)
    assert (found.birth_date, found.birth_month_only, found.age) == (date(2022, 11, 1), True, None)


def test_the_month_of_the_fifth_birthday_gives_the_first_school_day_of_the_next_month() -> None:
    text = "Mijn dochter wordt in november 5. Vanaf welke dag is ze precies leerplichtig?"
    found = reply("leerplicht_leeftijd", text)
    assert not found.is_question
    bubble = first_bubble(found)
    # next November (this one is past on 6 December 2026): leerplichtig from the first school day of December 2027
    # what holds today first (the parent's "moet ze al?"), then the dates
    assert bubble.startswith(
        "Op 6 december 2026 is uw kind nog niet leerplichtig. Uw kind is leerplichtig van 1 december 2027 tot en met "
        "31 juli 2039"
    )
    assert "kwalificatieplichtig tot" not in bubble  # that ends on the birthday itself, whose day was not said
    assert "Hoe oud" not in bubble


def test_a_birthday_month_this_school_year_and_one_past() -> None:
    bubble = first_bubble(reply("leerplicht_leeftijd", "Mijn zoon wordt in maart 5, wanneer is hij leerplichtig?"))
    assert bubble.startswith(
        "Op 6 december 2026 is uw kind nog niet leerplichtig. Uw kind is leerplichtig van 1 april 2027"
    )
    bubble = first_bubble(reply("leerplicht_leeftijd", "Mijn dochter werd in oktober 5, is ze leerplichtig?"))
    assert bubble.startswith("Op 6 december 2026 is uw kind leerplichtig. Uw kind is leerplichtig van 2 november 2026")


def test_just_four_is_an_age_not_yet_leerplichtig_but_may_go_to_school() -> None:
    found = reply("leerplicht_leeftijd", "Onze zoon is net 4. Moet hij al naar school?")
    assert not found.is_question
    bubble = first_bubble(found)
    assert bubble.startswith("Nee, uw kind is nog niet leerplichtig.")
    assert "eerste schooldag van de maand nadat uw kind 5 jaar is geworden (artikel 3 Leerplichtwet)" in bubble
    assert "Vanaf 4 jaar mag uw kind wel al naar de basisschool" in bubble
    assert found.citations[0] == "lpw:3"


def test_the_age_question_is_still_asked_when_no_age_is_given() -> None:
    found = reply("leerplicht_leeftijd", "Moet mijn kind al naar school?")
    assert found.asks == "age"


@pytest.mark.parametrize(
    ("language", "text", "role", "start"),
    [
        (
            "nl",
            "Een leerling van 17 heeft het diploma praktijkonderwijs en wil werken. Is hij nog kwalificatieplichtig?",
            "school",
            "Met een diploma praktijkonderwijs, of na het voortgezet speciaal onderwijs",
        ),
        ("nl", "Mijn zoon is 17 en heeft praktijkonderwijs afgerond. Moet hij nog naar school?", "parent", "Met een"),
        ("tr", "Oğlum 17 yaşında ve praktijkonderwijs diploması var. Okula gitmek zorunda mı?", "parent", "Uygulamalı"),
    ],
)
def test_a_praktijkonderwijs_diploma_ends_the_kwalificatieplicht(language, text, role, start) -> None:
    """Art. 4a lid 2: the kwalificatieplicht does not apply with a diploma praktijkonderwijs (or a vso uitstroomprofiel
    arbeidsmarkt/dagbesteding); the general "naar school tot 18" would be wrong for this young person."""
    facts = read_facts(text, language, today=date(2026, 12, 7))
    assert facts.kwalificatie_exempt is True and facts.age == 17 and facts.role == role
    found = reply("kwalificatieplicht", text, language)
    bubble = first_bubble(found, language)
    assert bubble.startswith(start)
    assert "artikel 4a lid 2 Leerplichtwet" in bubble
    assert "naar school tot" not in bubble and "Stoppen zonder zo'n diploma mag dus nog niet" not in bubble
    assert found.citations[0] == "lpw:4a"


def test_without_such_a_diploma_the_kwalificatieplicht_stands() -> None:
    bubble = first_bubble(reply("kwalificatieplicht", "Mijn zoon is 17 en zit op het praktijkonderwijs. Moet hij nog?"))
    assert "kwalificatieplichtig" in bubble and "artikel 4a lid 2" not in bubble


def test_a_day_off_before_a_holiday_without_a_job_reason_is_said_to_be_impossible() -> None:
    """No job named: the days may fit the maximum, but without a parent's job that rules out every holiday it cannot
    be, and going anyway is luxe verzuim; how to apply (the employer's statement) is no first-bubble advice then."""
    found = reply(
        "verlof_vakantie",
        "mag ik de kids een dag eerder ophalen voor de kerstvakantie? we vliegen vrijdagochtend om 7 uur",
    )
    bubble = first_bubble(found)
    assert "Zo niet, dan kan het niet; gaat uw kind toch, dan is dat luxe verzuim." in bubble
    assert "verklaring van de werkgever" not in bubble
    job = first_bubble(reply("verlof_vakantie", "Mijn man werkt in de horeca, mogen wij in juni een week weg?"))
    assert "Zo niet" not in job and "verklaring van de werkgever" in job


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "nl",
            "In groep 1 zit een jongen die op 12 januari 5 jaar is geworden. Sinds wanneer is hij leerplichtig?",
        ),
        ("nl", "Ze werd op 12 januari vijf; geldt de leerplicht al?"),
        ("en", "A boy in our reception class turned 5 on 12 January. Since when is he leerplichtig?"),
        ("pl", "Syn skończył 5 lat 12 stycznia. Od kiedy podlega obowiązkowi szkolnemu?"),
    ],
)
def test_a_fifth_birthday_on_a_day_without_a_year_is_the_last_one_passed(language: str, text: str) -> None:
    found = read_facts(text, language, today=TODAY)
    assert (found.birth_date, found.start, found.age) == (date(2021, 1, 12), None, None)
    bubble = first_bubble(reply("leerplicht_leeftijd", text, language))
    assert "leerplichtig van 2 februari 2026" in bubble  # the first school day of the month after (artikel 3)


def test_a_fifth_birthday_to_come_on_a_day_without_a_year_is_the_next_one() -> None:
    bubble = first_bubble(reply("leerplicht_leeftijd", "Onze dochter wordt op 3 maart 5. Wanneer moet ze naar school?"))
    assert "Uw kind is leerplichtig van 1 april 2027" in bubble
    # an age beside a leave date is no birthday
    assert read_facts("Mijn zoon wordt 5, mogen we op 3 maart weg?", "nl", today=TODAY).birth_date is None
