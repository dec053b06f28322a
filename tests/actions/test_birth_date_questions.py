"""A birth date typed in digits ("14-03-2021", "14/03/2021", "14.03.2021") asks when the child's leerplicht starts
and ends, even when the classifier is unsure or reads the message as a form answer (`nlu_fallback`,
`inform_contact`): the fallback answers with the computed dates (`assistant.situation.age`), in the asker's language,
never with the offer of a person. The real topics, today 7 December 2026."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionRetrievalFallback
from tests.actions.trackers import message_tracker

TODAY = date(2026, 12, 7)
pytestmark = pytest.mark.real_knowledge

UNSURE = [("nlu_fallback", 0.45), ("inform", 0.2), ("ask_verlof_vakantie", 0.12)]
FORM_ANSWER = [("inform_contact", 0.54), ("inform", 0.21), ("ask_vijfjarigen", 0.08)]


def ask(text: str, ranking: list[tuple[str, float]], language: str = "nl") -> dict[str, Any]:
    dispatcher = CollectingDispatcher()
    ActionRetrievalFallback().run(dispatcher, message_tracker(text, ranking, language), {})
    (message,) = dispatcher.messages
    return message


@pytest.mark.parametrize(
    ("text", "ranking", "start", "end"),
    [
        # born 20 November 2022: 5 on 20 November 2027, leerplichtig from the first school day of December 2027; 16 in
        # the school year 2038-39
        (
            "ons zoontje is van 20-11-2022, per wanneer moet hij naar de basisschool?",
            UNSURE,
            "1 december 2027",
            "31 juli 2039",
        ),
        ("Geboortedatum dochter 02/09/2021. Leerplichtig vanaf?", FORM_ANSWER, "1 oktober 2026", "31 juli 2038"),
        ("zoon geboren 30.06.2020 moet die al naar school", FORM_ANSWER, "1 juli 2025", "31 juli 2036"),
    ],
)
def test_a_numeric_birth_date_gets_the_leerplicht_dates(
    text: str, ranking: list[tuple[str, float]], start: str, end: str
) -> None:
    message = ask(text, ranking)
    assert message["custom"]["topic"] == "leerplicht_leeftijd"
    assert "fallback" not in message["custom"]
    assert start in message["text"] and end in message["text"]
    assert message["custom"]["citations"][0]["ref"].startswith("Leerplichtwet 1969, artikel 3")
    assert message["custom"]["situation"]["facts"]["birth_date"] == text_date(text)
    assert "medewerker" not in message["text"]


def text_date(text: str) -> str:
    """The ISO form of the one numeric date in `text` (day first, as the Dutch write it)."""
    day, month, year = re.search(r"(\d{2})\D(\d{2})\D(\d{4})", text).groups()  # type: ignore[union-attr]
    return f"{year}-{month}-{day}"


@pytest.mark.parametrize(
    ("language", "text", "start"),
    [
        ("en", "My little girl's date of birth is 02-09-2021, from when does she have to attend school?", "October"),
        ("pl", "Moja córka urodziła się 02.09.2021, od kiedy musi chodzić do szkoły?", "października"),
        ("tr", "Kızım 02.09.2021 doğumlu, ne zaman okula gitmesi zorunlu?", "Ekim"),
        ("uk", "Моя донька народилася 02.09.2021, з якого часу вона має ходити до школи?", "жовтня"),
        ("ar", "ابنتي مولودة في 02-09-2021، متى يجب أن تذهب إلى المدرسة؟", "أكتوبر"),
    ],
)
def test_the_dates_are_written_the_askers_way(language: str, text: str, start: str) -> None:
    message = ask(text, UNSURE, language)
    assert message["custom"]["topic"] == "leerplicht_leeftijd"
    assert start in message["text"] and "2026" in message["text"] and "2038" in message["text"]


def test_a_name_or_phone_number_outside_a_form_still_gets_the_offer() -> None:
    message = ask("0612345678", [("inform_contact", 0.9), ("inform", 0.05)])
    assert message["custom"].get("fallback") == "no_match"
    assert message["custom"].get("topic") is None


def test_dates_of_leave_are_no_birth_date() -> None:
    message = ask("van 12-10-2026 tot 16-10-2026", [("inform", 0.9), ("ask_verlof_vakantie", 0.05)])
    assert message["custom"].get("topic") != "leerplicht_leeftijd"


def test_an_adult_student_away_for_weeks_gets_the_reporting_duty_not_a_menu() -> None:
    """Facts that point to a topic by themselves: 20, mbo, three weeks away (WEB 9.2.1), whatever the classifier
    guessed."""
    message = ask(
        "ik ben 20, zit op het mbo en ben al drie weken niet geweest. wordt dat ergens doorgegeven?",
        [("nlu_fallback", 0.45), ("ask_vervangende_leerplicht", 0.19), ("ask_vrijstelling_15", 0.12)],
    )
    assert message["custom"]["topic"] == "verzuim_18plus"
    assert "fallback" not in message["custom"]
    assert any("9.2.1" in citation["ref"] for citation in message["custom"]["citations"])


def test_an_answered_fallback_says_so_for_the_next_unclear_message() -> None:
    """`unclear` False after an answer (a next unclear message is tried again, dialogue/rules.yml), True after the
    offer of topics or a person (a second one offers a person)."""
    answered = ActionRetrievalFallback().run(
        CollectingDispatcher(), message_tracker("zoon 02/02/2016, leerplichtig tot?", UNSURE), {}
    )
    assert answered[-1] == SlotSet("unclear", False)
    offered = ActionRetrievalFallback().run(
        CollectingDispatcher(), message_tracker("0612345678", [("inform_contact", 0.9), ("inform", 0.05)]), {}
    )
    assert offered == [SlotSet("unclear", True)]
