"""The first bubble answers the point people ask (a senior leerplichtambtenaar's review, 2026-12-07): moving abroad
(deregistered or not, art. 5 onder c), a vrijstelling on physical or mental grounds (report with the statement of
art. 7), when the school reports to DUO (under and over 18), whether absence is punishable and whether there is a fine
per day (art. 26), and whether a vmbo diploma or two days a week is enough after 16 (art. 1 onder f, 4a, 4c). Each
question runs through the real answer action, in Dutch and in another language."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswerTopic
from actions.fallback import ActionRetrievalFallback
from tests.actions.trackers import message_tracker

TODAY = date(2026, 12, 7)
pytestmark = pytest.mark.real_knowledge


def answers(text: str, ranking: list[tuple[str, float]], language: str = "nl", action: Any = None) -> list[dict]:
    tracker = message_tracker(text, ranking, language, sender="first-bubbles")
    dispatcher = CollectingDispatcher()
    (action or ActionAnswerTopic()).run(dispatcher, tracker, {})
    return dispatcher.messages


def first_bubble(text: str, intent: str, language: str = "nl") -> str:
    message = answers(text, [(intent, 0.9)], language)[0]
    assert message["custom"]["topic"] == intent.removeprefix("ask_"), message["custom"]["topic"]
    return message["text"]


# -- moving abroad: deregistered or not -------------------------------------------------------------------------------


def test_moving_abroad_names_both_branches_and_the_5c_route() -> None:
    text = first_bubble(
        "Wat als je met leerplichtige kinderen voor langere tijd naar het buitenland vertrekt?",
        "ask_verhuizen_buitenland",
    )
    assert "Meldt u uw vertrek bij de gemeente" in text and "geldt de Nederlandse leerplicht niet meer" in text
    assert "Blijft uw kind in Nederland ingeschreven (BRP), dan blijft het leerplichtig" in text
    assert "artikel 5 onder c, 6 en 9" in text and "vóór 1 juli" in text and "verklaring van die school" in text
    assert "proces-verbaal" in text and "artikel 22" in text
    assert "maanden" not in text  # no BRP term of months: the sources do not give one


def test_moving_abroad_in_english() -> None:
    question = "We are moving abroad with our children for a long time. What about school?"
    text = first_bubble(question, "ask_verhuizen_buitenland", "en")
    assert "Dutch compulsory education (leerplicht) no longer applies" in text
    assert "artikel 5 onder c" in text and "before 1 July" in text and "official report (proces-verbaal)" in text


# -- vrijstelling on physical or mental grounds: report with the statement ------------------------------------------


def test_a_vrijstelling_question_gets_the_statement_and_the_check_first() -> None:
    """A child's health named: ground (a) alone, how to notify and the statement, without the other grounds' steps."""
    text = first_bubble(
        "Mijn zoon heeft ernstige psychische klachten. Kunnen we vrijstelling van inschrijving krijgen?",
        "ask_vrijstelling_5",
    )
    assert "vrijgesteld van de inschrijving (artikel 5 onder a Leerplichtwet)" in text
    assert "u meldt het bij de gemeente" in text and "die de gemeente heeft aangewezen" in text
    assert "niet de eigen behandelaar van uw kind" in text and "niet ouder dan 3 maanden (artikel 7)" in text
    assert "richting" not in text and "buitenland" not in text  # grounds (b) and (c) are not asked
    assert len(text) <= 520


def test_a_vrijstelling_question_in_english_gets_the_statement_first() -> None:
    text = first_bubble("How do I apply for an exemption for my son?", "ask_vrijstelling_5", "en")
    assert "not your own practitioner" in text and "no older than 3 months (artikel 7)" in text
    assert "checks whether the notice meets the law" in text


# -- when the school reports to DUO: under and over 18 ---------------------------------------------------------------


def test_the_18plus_answer_also_gives_the_rule_under_18() -> None:
    text = first_bubble("Na hoeveel verzuim uren meldt de school mij bij de RMC?", "ask_verzuim_18plus")
    assert "jonger dan 27 jaar" in text and "ten minste 4 aaneengesloten weken" in text
    assert "16 uur ongeoorloofd verzuim in 4 opeenvolgende lesweken" in text
    assert "leerplichtambtenaar (artikel 21a Leerplichtwet)" in text
    assert text.index("artikel 9.2.1") < text.index("artikel 21a")


def test_the_18plus_answer_in_turkish_gives_both_rules() -> None:
    text = first_bubble("Okul, devamsızlığı kaç saat sonra RMC'ye bildirir?", "ask_verzuim_18plus", "tr")
    assert "RMC" in text and "artikel 9.2.1" in text
    assert "16 saatlik izinsiz devamsızlığı" in text and "artikel 21a" in text


# -- is absence punishable; is there a fine per day -----------------------------------------------------------------


def test_whether_absence_is_punishable_is_answered_with_who_can_be_punished() -> None:
    text = first_bubble("Czy nieusprawiedliwiona nieobecność w szkole jest karalna?", "ask_luxe_verzuim", "pl")
    assert text.startswith("Nieusprawiedliwiona nieobecność w szkole jest karalna")
    assert "rodzicom grozi najwyżej grzywna drugiej kategorii (tweede categorie)" in text
    assert "młoda osoba od 12 lat może sama zostać ukarana (artikel 26)" in text
    assert "euro" not in text.lower() and "€" not in text  # the category is named, never given in euros


def test_a_fine_per_day_is_answered_law_first() -> None:
    text = first_bubble("Is het waar dat je 50 euro boete per dag krijgt als je kind spijbelt?", "ask_luxe_verzuim")
    assert "De wet noemt geen vast bedrag per dag" in text
    assert "geldboete van de tweede categorie of één maand hechtenis" in text and "(artikel 26)" in text
    assert "50 euro" not in text
    assert text.index("De wet noemt geen vast bedrag") < text.index("vuistregel")  # the law before any indication


def test_the_ukrainian_question_about_a_fine_per_day_gets_the_law_in_its_extra_bubble() -> None:
    text = "Чи обов'язково відвідувати школу з 4 років і чи правда, що за кожен день пропуску штраф 50 євро?"
    unsure = [("nlu_fallback", 0.45), ("ask_boete_school", 0.3), ("ask_luxe_verzuim", 0.12)]
    first, second = answers(text, unsure, "uk", ActionRetrievalFallback())
    assert first["custom"]["topic"] == "leerplicht_leeftijd" and second["custom"]["topic"] == "luxe_verzuim"
    assert "Закон не встановлює фіксованої суми за день" in second["text"]
    assert "штраф другої категорії (tweede categorie)" in second["text"] and "(artikel 26)" in second["text"]
    assert "50 євро" not in second["text"]


# -- after 16: is a vmbo diploma or two days a week enough ----------------------------------------------------------


def test_the_turkish_question_after_16_hears_vmbo_is_no_startkwalificatie_and_the_full_programme() -> None:
    text = first_bubble(
        "16 yaşından sonra haftada iki gün okula gitmek yeterli mi, VMBO diploması yeterli mi?",
        "ask_kwalificatieplicht",
        "tr",
    )
    assert "vmbo diploması temel yeterlilik diploması sayılmaz" in text
    assert "programın tamamını" in text and "bbl" in text and "artikel 4c" in text


def test_without_an_age_the_short_answer_says_vmbo_is_no_startkwalificatie() -> None:
    text = first_bubble("Is een vmbo-diploma een startkwalificatie?", "ask_kwalificatieplicht")
    assert "Een vmbo-diploma is géén startkwalificatie" in text
    assert "volledige programma" in text and "combinatie van leren en werken zoals de bbl" in text
    assert "artikel 4a en 4c Leerplichtwet" in text and "artikel 1 onder f" in text
