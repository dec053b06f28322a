"""The first bubble answers the finer point a question asks of a topic (the graders' PARTIALs of the held-out set):
the amount of a fine (about 100 euro per child per day, as a rule of thumb; more than one day can mean a proces-verbaal
straight away), what follows a proces-verbaal, whether a bezwaar suspends the decision (Awb 6:16) and what a
bezwaarschrift contains (Awb 6:5), whether a doctor's note is needed for illness (not by law: art. 12), why the
jeugdarts is involved, and how to reach leerplicht or the Doorstroompunt of a municipality. Each question runs through
the real answer action, in Dutch and in other languages."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswerTopic
from actions.fallback import ActionRetrievalFallback
from tests.actions.trackers import message_tracker

TODAY = date(2026, 12, 7)
pytestmark = pytest.mark.real_knowledge


def answer(text: str, topic: str, language: str = "nl", state: Tracker | None = None) -> dict[str, Any]:
    dispatcher = CollectingDispatcher()
    ActionAnswerTopic().run(dispatcher, state or message_tracker(text, [(f"ask_{topic}", 0.9)], language), {})
    message = dispatcher.messages[0]
    assert message["custom"]["topic"] == topic, message["custom"]["topic"]
    return message


def refs(message: dict[str, Any]) -> list[str]:
    return [citation["ref"] for citation in message["custom"]["citations"]]


def titles(message: dict[str, Any]) -> list[str]:
    return [button["title"] for button in message.get("buttons") or []]


def click(message: dict[str, Any], title: str, language: str = "nl") -> dict[str, Any]:
    """The answer to a situation button of `message` (its payload sent as the next message)."""
    payload = next(button["payload"] for button in message["buttons"] if button["title"] == title)
    intent = re.match(r"/(\w+)", payload).group(1)  # type: ignore[union-attr]
    return answer(payload, intent.removeprefix("ask_"), language, message_tracker(payload, [(intent, 1.0)], language))


# -- 1. the amount of a fine -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "language", "words"),
    [
        ("Hoe hoog is de boete als we een week eerder op vakantie gaan?", "nl",
         ("ongeveer 100 euro per dag per kind", "vuistregel", "De officier van justitie of de rechter bepaalt")),
        ("Wat is de boete als je kind zonder toestemming een week eerder op vakantie gaat?", "nl",
         ("ongeveer 100 euro per dag per kind",)),
        ("How much is the fine if we leave a week before the holiday?", "en",
         ("about 100 euros per day per child", "rule of thumb", "decides the fine")),
        ("yaz tatiline bir hafta erken gidersek ceza ne kadar olur", "tr",
         ("100 euro", "savcı (officier van justitie)")),
        ("Jak wysoka jest kara, jeśli wyjedziemy tydzień wcześniej?", "pl", ("100 euro",)),
        ("Скільки буде штраф, якщо ми поїдемо на тиждень раніше?", "uk", ("100 євро",)),
    ],
)  # fmt: skip
def test_a_question_about_the_amount_gets_the_rule_of_thumb(question: str, language: str, words: tuple[str, ...]):
    message = answer(question, "luxe_verzuim", language)
    for word in words:
        assert word in message["text"], (word, message["text"])
    assert "Leerplichtwet 1969, artikel 26" in refs(message)
    assert any(ref.endswith("Niet naar school vanwege vakantie? Direct een boete") for ref in refs(message))


def test_the_fine_answer_says_that_more_than_one_day_can_mean_a_report_straight_away() -> None:
    text = answer("Hoe hoog is de boete als we een week eerder gaan?", "luxe_verzuim")["text"]
    assert "bij hooguit 1 schooldag de eerste keer meestal een waarschuwing" in text
    assert "bij meer dagen" in text and "kan direct proces-verbaal volgen" in text
    english = answer("How much is the fine for leaving a week early?", "luxe_verzuim", "en")["text"]
    assert "for more days" in english and "can follow straight away" in english


# -- 2. after a proces-verbaal ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "language", "words"),
    [
        ("We hebben een pv gekregen, wat nu?", "nl",
         ("beslist de officier van justitie", "strafbeschikking", "binnen 14 dagen verzet doen", "de rechter")),
        ("We received an official report for leaving early. What now?", "en",
         ("the public prosecutor (officier van justitie) decides", "penalty order", "within 14 days")),
        ("Dostaliśmy protokół za wcześniejszy wyjazd. Co teraz?", "pl", ("nakaz karny", "sprzeciw (verzet)")),
    ],
)  # fmt: skip
def test_after_a_proces_verbaal_the_first_bubble_says_what_follows(question: str, language: str, words):
    message = answer(question, "luxe_verzuim", language)
    for word in words:
        assert word in message["text"], (word, message["text"])
    assert "Leerplichtwet 1969, artikel 22" in refs(message)
    assert any(ref.endswith("Schoolverzuim kost extra dag vakantie") for ref in refs(message))


def test_a_question_about_a_report_and_the_amount_gets_both() -> None:
    question = (
        "We kregen een brief dat er proces-verbaal is opgemaakt omdat we 2 dagen later terug waren van vakantie. "
        "Wat betekent dat en hoe hoog wordt de boete?"
    )
    text = answer(question, "luxe_verzuim")["text"]
    assert "ongeveer 100 euro per dag per kind" in text and "strafbeschikking" in text and "verzet" in text


# -- 3. bezwaar: no suspension, and what a bezwaarschrift contains -----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "language", "words"),
    [
        ("Mogen we toch gaan terwijl het bezwaar loopt?", "nl",
         ("Een bezwaar schorst het besluit niet (artikel 6:16", "ongeoorloofd verzuim", "voorlopige voorziening")),
        ("Ik heb bezwaar gemaakt. Mag mijn kind alvast mee op reis zolang er nog niet is beslist?", "nl",
         ("schorst het besluit niet",)),
        ("May we go anyway while the objection is still pending?", "en",
         ("does not suspend the decision (artikel 6:16", "unauthorised absence", "voorlopige voorziening")),
        ("İtiraz devam ederken tatile gidebilir miyiz?", "tr", ("durdurmaz (artikel 6:16",)),
    ],
)  # fmt: skip
def test_a_bezwaar_does_not_suspend_the_decision(question: str, language: str, words: tuple[str, ...]) -> None:
    message = answer(question, "bezwaar", language)
    for word in words:
        assert word in message["text"], (word, message["text"])
    assert "Algemene wet bestuursrecht, artikel 6:16" in refs(message)


@pytest.mark.parametrize(
    ("question", "language", "words"),
    [
        ("Wat moet er allemaal in een bezwaarschrift staan?", "nl",
         ("uw naam en adres, de datum, over welk besluit", "Onderteken", "artikel 6:5")),
        ("What must an objection letter contain?", "en", ("your name and address", "Sign the letter", "6:5")),
        ("Що має містити заперечення?", "uk", ("ваше ім'я та адресу", "6:5")),
    ],
)  # fmt: skip
def test_what_a_bezwaarschrift_contains(question: str, language: str, words: tuple[str, ...]) -> None:
    message = answer(question, "bezwaar", language)
    for word in words:
        assert word in message["text"], (word, message["text"])
    assert "Algemene wet bestuursrecht, artikel 6:5" in refs(message)


# -- 4. illness: a doctor's note, and why the jeugdarts ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "language", "words"),
    [
        ("Moet ik een doktersverklaring inleveren als mijn dochter een week griep heeft gehad?", "nl",
         ("De Leerplichtwet vraagt geen doktersverklaring: de ziekmelding bij de directeur is genoeg (artikel 12)",
          "binnen 2 dagen", "schoolgids")),
        ("How do I report my son sick to his school? Do I need a doctor's note?", "en",
         ("does not require a doctor's note", "within 2 days", "school guide")),
        ("Донька захворіла. Як повідомити школу і чи потрібна довідка від лікаря?", "uk",
         ("не вимагає довідки від лікаря", "протягом 2 днів")),
    ],
)  # fmt: skip
def test_the_law_asks_no_doctors_note(question: str, language: str, words: tuple[str, ...]) -> None:
    message = answer(question, "ziekte", language)
    for word in words:
        assert word in message["text"], (word, message["text"])
    assert refs(message)[0] == "Leerplichtwet 1969, artikel 12"


@pytest.mark.parametrize(
    ("question", "language", "words"),
    [
        ("Mijn zoon heeft al maanden migraine en mist veel lessen. Nu begint de school over de jeugdarts van de GGD. "
         "Waarom is dat nodig?", "nl",
         ("het begin van langdurig wegblijven van school", "in Hengelo en Borne", "zodat ziekteverzuim vroeg")),
        ("Why does the school want to involve the youth doctor?", "en", ("the start of staying away from school",)),
        ("Dlaczego szkoła chce zaangażować lekarza młodzieżowego?", "pl", ("początkiem długiej nieobecności",)),
    ],
)  # fmt: skip
def test_why_the_jeugdarts_is_involved(question: str, language: str, words: tuple[str, ...]) -> None:
    message = answer(question, "ziekte", language)
    for word in words:
        assert word in message["text"], (word, message["text"])
    assert "Gemeente Hengelo – Jaarverslag leerplicht 2024-2025" in refs(message)


# -- 5. how to reach leerplicht or the Doorstroompunt -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "language", "words", "source"),
    [
        ("Hoe bereik ik de leerplichtambtenaar in Hengelo?", "nl",
         ("Bel de gemeente Hengelo op 14 074",), "Gemeente Hengelo – Voortijdig schoolverlaten"),
        ("Wij zijn een middelbare school in Borne. Wie is onze vaste contactpersoon bij leerplicht?", "nl",
         ("De gemeente Hengelo doet de leerplicht ook voor Borne", "14 074", "vaste contactpersoon"),
         "Gemeente Hengelo – Jaarverslag leerplicht 2024-2025"),
        ("Ik woon in Losser. Hoe bereik ik leerplicht?", "nl",
         ("staat niet zeker vast", "gemeente Enschede", "leerplicht@enschede.nl", "ook aan de gemeente Losser"),
         "Gemeente Enschede – Leerplichtambtenaren Enschede handhaven leerplicht ook in Losser, Oldenzaal en "
         "Dinkelland"),
        ("We wonen in Oldenzaal. Bij welke gemeente moet ik zijn voor leerplicht?", "nl",
         ("Wie de leerplicht in Oldenzaal doet, staat niet zeker vast", "leerplicht@enschede.nl"),
         "Gemeente Enschede – Leerplicht"),
        ("How do I contact the attendance officer in Enschede?", "en",
         ("Email the compulsory education (leerplicht) department", "leerplicht@enschede.nl"),
         "Gemeente Enschede – Leerplicht"),
        ("Jak się skontaktować z urzędnikiem ds. obowiązku szkolnego w Borne?", "pl",
         ("Gmina Hengelo zajmuje się obowiązkiem szkolnym", "14 074"), "Gemeente Hengelo – Voortijdig schoolverlaten"),
    ],
)  # fmt: skip
def test_a_contact_question_gets_the_contact_of_the_municipality_named(question, language, words, source) -> None:
    message = answer(question, "leerplichtambtenaar", language)
    for word in words:
        assert word in message["text"], (word, message["text"])
    assert refs(message)[0] == "Leerplichtwet 1969, artikel 16" and source in refs(message)
    assert "Deze tekst is nog niet vertaald" not in message["text"] and "not been translated" not in message["text"]


def test_without_a_municipality_the_one_question_is_which_with_a_button_each() -> None:
    message = answer("Hoe neem ik contact op met de leerplichtambtenaar?", "leerplichtambtenaar")
    assert message["text"].endswith("Om welke gemeente gaat het? Dan geef ik u het contact van leerplicht daar.")
    buttons = titles(message)
    towns = ["Hengelo", "Borne", "Enschede", "Losser", "Oldenzaal", "Dinkelland"]
    assert buttons[:7] == [*(f"Gemeente {town}" for town in towns), "Een andere gemeente"]
    assert message["custom"]["situation"]["asks"] == "municipality"
    borne = click(message, "Gemeente Borne")
    assert borne["text"].startswith("De gemeente Hengelo doet de leerplicht ook voor Borne. Bel de gemeente Hengelo")
    other = click(message, "Een andere gemeente")
    assert "Neem dan contact op met die gemeente" in other["text"] and "artikel 16" in other["text"]
    assert refs(other)[0] == "Leerplichtwet 1969, artikel 16"


def test_the_municipality_typed_after_the_question_gives_its_contact() -> None:
    asked = answer("Hoe bereik ik leerplicht?", "leerplichtambtenaar")
    situation = asked["custom"]["situation"]
    events = [
        {"event": "bot", "text": asked["text"], "data": {"custom": {"situation": situation}}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "Enschede", "parse_data": {"intent": {"name": "ask_leerplichtambtenaar"}}},
    ]
    state = message_tracker("Enschede", [("ask_leerplichtambtenaar", 0.6)])
    state.events = events
    message = answer("Enschede", "leerplichtambtenaar", state=state)
    assert message["text"] == "Mail de afdeling leerplicht van de gemeente Enschede: leerplicht@enschede.nl."


def test_a_town_the_classifier_does_not_understand_still_answers_the_question_just_asked() -> None:
    asked = answer("Hoe bereik ik leerplicht?", "leerplichtambtenaar")
    state = message_tracker("borne", [("nlu_fallback", 0.45)])
    state.events = [
        {"event": "bot", "text": asked["text"], "data": {"custom": {"situation": asked["custom"]["situation"]}}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "borne", "parse_data": {"intent": {"name": "nlu_fallback"}}},
    ]
    dispatcher = CollectingDispatcher()
    ActionRetrievalFallback().run(dispatcher, state, {})
    assert dispatcher.messages[0]["text"].startswith("De gemeente Hengelo doet de leerplicht ook voor Borne.")


def test_the_question_and_the_buttons_are_in_the_language_of_the_asker() -> None:
    message = answer("How can I reach the school attendance officer?", "leerplichtambtenaar", "en")
    assert message["text"].endswith("Which municipality is it about? Then I will give you the contact for compulsory "
                                    "education (leerplicht) there.")  # fmt: skip
    assert "Municipality of Hengelo" in titles(message) and "Another municipality" in titles(message)
    enschede = click(message, "Municipality of Enschede", "en")
    assert "leerplicht@enschede.nl" in enschede["text"] and "Email" in enschede["text"]


@pytest.mark.parametrize(
    ("question", "topic", "language", "words", "source"),
    [
        ("Waar kunnen we een oud-leerling van 21 naartoe verwijzen die zonder startkwalificatie is gestopt? We "
         "zitten in Enschede.", "voortijdig_schoolverlaten", "nl",
         ("Mail het Doorstroompunt (voorheen RMC) van de gemeente Enschede: rmc@enschede.nl",),
         "Gemeente Enschede – Voortijdig schoolverlaten"),
        ("Ik woon in Hof van Twente en ben 20. Hoe bereik ik het Doorstroompunt?", "voortijdig_schoolverlaten", "nl",
         ("Jongeren uit Hof van Twente kunnen terecht bij het Doorstroompunt van de gemeente Hengelo",
          "14 074", "rmc.trajectbureau@hengelo.nl"), "Gemeente Hengelo – Voortijdig schoolverlaten"),
        ("Doorstroompunt ile nasıl iletişime geçebilirim? Hengelo'da oturuyorum.", "verzuim_18plus", "tr",
         ("Doorstroompunt'unu (eski adıyla RMC) 14 074", "rmc.trajectbureau@hengelo.nl"),
         "Gemeente Hengelo – Voortijdig schoolverlaten"),
        ("Як зв'язатися з Doorstroompunt в Enschede?", "verzuim_18plus", "uk", ("rmc@enschede.nl",),
         "Gemeente Enschede – Voortijdig schoolverlaten"),
    ],
)  # fmt: skip
def test_a_doorstroompunt_contact_question_gets_its_contact(question, topic, language, words, source) -> None:
    message = answer(question, topic, language)
    for word in words:
        assert word in message["text"], (word, message["text"])
    assert source in refs(message)
    assert message["text"].count("rmc@enschede.nl") + message["text"].count("rmc.trajectbureau") == 1


def test_a_doorstroompunt_question_without_a_town_asks_for_it() -> None:
    message = answer("Ik ben 19, gestopt met mijn opleiding en heb geen diploma. Waar kan ik hulp krijgen?",
                     "voortijdig_schoolverlaten")  # fmt: skip
    assert message["text"].endswith("Dan geef ik je het contact van het Doorstroompunt (voorheen RMC) daar.")  # young
    assert titles(message)[:5] == [
        "Gemeente Hengelo", "Gemeente Borne", "Gemeente Enschede", "Gemeente Hof van Twente", "Een andere gemeente"
    ]  # fmt: skip
    hof = click(message, "Gemeente Hof van Twente")
    assert "Doorstroompunt van de gemeente Hengelo" in hof["text"] and "14 074" in hof["text"]


def test_a_young_person_under_18_gets_the_kwalificatieplicht_first_not_the_doorstroompunt() -> None:
    text = answer("Ik ben 16 en wil stoppen met school. Waar kan ik hulp krijgen?", "voortijdig_schoolverlaten")["text"]
    assert text.startswith("Je bent kwalificatieplichtig")
    assert "Om welke gemeente gaat het?" not in text


def test_the_contact_facts_travel_with_the_button() -> None:
    message = answer("Hoe bereik ik leerplicht?", "leerplichtambtenaar")
    payload = next(button["payload"] for button in message["buttons"] if button["title"] == "Gemeente Oldenzaal")
    facts = json.loads(re.match(r"/\w+(\{.*\})", payload).group(1))["situation"]  # type: ignore[union-attr]
    assert facts == {"municipality": "Oldenzaal", "contact": True}
