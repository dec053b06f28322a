"""What a school (or a parent) asks about one pupil's case gets the point asked first: sick reports that keep coming,
a pupil away for weeks whom the school wants to deregister, who sits at the Thuiszitterstafel, and a pupil who stays
away out of fear (help first, then what the absence is)."""

from __future__ import annotations

import pytest

from assistant.situation import read_facts
from tests.situation.helpers import TODAY, first_bubble, reply

MAX_FIRST_BUBBLE = 470


def test_frequent_sick_reports_get_the_conversation_and_the_jeugdarts_first() -> None:
    text = "De ouders van een leerling van ons melden hem steeds weer een dag ziek, bijna elke week. Wat doen wij?"
    found = reply("ziekte", text)
    bubble = first_bubble(found)
    assert bubble.startswith("Wordt een leerling vaak ziek gemeld? Praat met de leerling en de ouders")
    assert "jeugdarts van de GGD" in bubble and "geoorloofd verzuim" in bubble and "'Overig verzuim'" in bubble
    assert "lpw:11" in found.citations and "src:drie1-verzuimkaart" in found.citations
    assert len(bubble) <= MAX_FIRST_BUBBLE, bubble
    assert read_facts("Our pupil is reported sick almost every week, what can we do?", "en", today=TODAY).frequent


def test_a_pupil_away_for_weeks_is_not_deregistered_and_the_school_keeps_reporting() -> None:
    text = (
        "Een leerling van ons is al weken weg en de ouders nemen niet op. Mogen we hem uitschrijven of blijven melden?"
    )
    bubble = first_bubble(reply("in_uitschrijving", text))
    assert bubble.startswith("Nee. U mag een leerplichtige leerling alleen uitschrijven")
    assert "meldt u het verzuim bij DUO" in bubble and "'Langdurig relatief verzuim (LRV)'" in bubble
    assert "leerplichtambtenaar" in bubble


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Welke professionals nemen deel aan de Thuiszitterstafel? Wij willen er een leerling aanmelden."),
        ("en", "Who takes part in the Thuiszitterstafel? We want to bring a pupil of ours there."),
    ],
)
def test_who_sits_at_the_thuiszitterstafel_is_answered_first(language: str, text: str) -> None:
    found = reply("thuiszitters", text, language)
    assert found.facts.asks_about == "thuiszitterstafel"
    bubble = first_bubble(found)  # the Dutch source text
    assert bubble.startswith("Aan de Thuiszitterstafel in Twente zitten professionals")
    assert "Jeugd en Gezin en de schoolarts" in bubble and "regie" in bubble
    assert "src:hengelo-jaarverslag-leerplicht-2024-2025" in found.citations
    assert len(bubble) <= MAX_FIRST_BUBBLE, bubble


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Een leerling van ons is al vier weken thuis, hij durft niet meer naar school. Wat kunnen we doen?"),
        ("en", "Our pupil has been at home for a month, she is too scared to come to school. How do we get help?"),
    ],
)
def test_a_school_with_an_anxious_pupil_gets_help_first_then_the_reporting(language: str, text: str) -> None:
    found = reply("thuiszitters", text, language)
    bubble = first_bubble(found)
    assert bubble.startswith("Komt een leerling uit angst niet naar school? Zoek eerst hulp")
    assert "jeugdarts" in bubble and "Thuiszitterstafel" in bubble
    assert "geoorloofd verzuim (artikel 11 Leerplichtwet)" in bubble and "(artikel 21a)" in bubble
    assert "uw kind" not in bubble and not found.topic_text and found.handoff
    assert len(bubble) <= MAX_FIRST_BUBBLE, bubble


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Mijn zoon is al maanden niet naar school geweest omdat hij te bang is. Ik zie het niet meer zitten."),
        ("pl", "Mój syn boi się chodzić do szkoły od września. Co mam robić?"),
    ],
)
def test_a_parent_of_an_anxious_child_gets_help_first_and_to_report_illness(language: str, text: str) -> None:
    found = reply("thuiszitters", text, language)
    bubble = first_bubble(found)
    assert bubble.startswith("Durft uw kind uit angst niet naar school? Zoek dan eerst hulp")
    assert "jeugdarts van de GGD" in bubble and "hulp voorop" in bubble
    assert "Meld het dan ziek bij de school" in bubble and "src:ingrado-mas" in found.citations
    assert len(bubble) <= MAX_FIRST_BUBBLE, bubble


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Bij de intake bleek dat een jongen van 8 al maanden nergens ingeschreven stond. Wat gebeurt er nu?"),
        ("en", "At enrolment it turned out that a boy of 8 had not been enrolled anywhere for months. What now?"),
    ],
)
def test_what_came_to_light_at_an_enrolment_is_asked_by_the_school(language: str, text: str) -> None:
    assert read_facts(text, language, today=TODAY).role == "school"


def test_a_toddler_in_a_groep_named_without_my_is_the_schools_pupil() -> None:
    found = reply(
        "leerplicht_leeftijd", "Een kleuter uit groep 2 werd op 3 oktober 5. Sinds wanneer is hij leerplichtig?"
    )
    assert found.facts.role == "school"
    assert first_bubble(found).startswith("Dit kind is leerplichtig van 2 november 2026")


def test_a_school_asking_about_days_that_fit_gets_its_own_step_not_the_parents_warning() -> None:
    found = reply("verlof_vakantie", "Ouders van onze leerling vragen twee weken vrij in maart, mag dat als school?")
    bubble = first_bubble(found)
    assert bubble.startswith("Dat past binnen het maximum van 10 schooldagen.")
    assert "Als directeur beslist u." in bubble and "uw kind" not in bubble
