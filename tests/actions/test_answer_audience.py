"""School staff get a topic's text for the school (`audiences.school`), not the parents' text: as the answer when no
verdict takes the turn, in Dutch and in another language, with its own citations; a parent asking the same topic still
gets the parents' text; an asker who did not say who they are gets the parents' text with the button "Ik vraag dit als
school", whose answer is the school text; after a verdict the school text follows behind "Meer uitleg"."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswerTopic
from assistant.i18n import Localiser
from assistant.knowledge import KnowledgeBase, render_answer
from assistant.knowledge.ids import intent_for_topic
from assistant.situation.verdict import ROLE_SCHOOL_BUTTON

TODAY = date(2026, 12, 7)
pytestmark = pytest.mark.real_knowledge
PARENT_WORDS = re.compile(r"\buw kind|\bals ouder\b|\bU moet uw", re.IGNORECASE)

# topic: (a school's question in Dutch, (language, the same kind of question in another language), a parent's question)
CASES: dict[str, tuple[str, tuple[str, str], str]] = {
    "luxe_verzuim": (
        "Wij als school vermoeden dat een gezin zonder verlof op vakantie is. Wat kan de leerplichtambtenaar doen?",
        ("en", "We as a school suspect that a family has gone on holiday without leave. What can the officer do?"),
        "Wat riskeer ik als ik met mijn kind zonder verlof op vakantie ga?",
    ),
    "absoluut_verzuim": (
        "Wij als school merkten bij een aanmelding dat een meisje al maanden op geen enkele school stond. Wat doet de "
        "gemeente dan?",
        ("tr", "Okul olarak bir çocuğun hiçbir okula kayıtlı olmadığını fark ettik. Belediye ne yapar?"),
        "Mijn kind staat op geen enkele school ingeschreven. Wat moet ik doen?",
    ),
    "in_uitschrijving": (
        "Mogen we een leerplichtige leerling uitschrijven omdat zijn resultaten zo slecht zijn?",
        ("en", "When may we as a school deregister a pupil?"),
        "Hoe schrijf ik mijn kind in op een nieuwe school?",
    ),
    "bezwaar": (
        "Ouders hebben bezwaar gemaakt tegen onze afwijzing van vakantieverlof. Binnen welke termijn moeten wij als "
        "school daarop beslissen?",
        ("uk", "Батьки подали заперечення проти нашої відмови у відпустці. Ми як школа, в який строк маємо вирішити?"),
        "Het verlof voor mijn kind is afgewezen. Hoe maak ik bezwaar?",
    ),
    "vrijstelling_5": (
        "Ouders willen hun zoon thuis les gaan geven. Wat moeten zij regelen voordat wij hem kunnen uitschrijven?",
        ("pl", "Jako szkoła pytamy: rodzice chcą uczyć syna w domu. Czy możemy go wypisać?"),
        "Ik wil mijn kind thuisonderwijs geven. Hoe regel ik een vrijstelling?",
    ),
    "passend_onderwijs": (
        "Wij kunnen een leerling met zware gedragsproblemen niet de ondersteuning geven die hij nodig heeft. Bij wie "
        "kunnen we als school aankloppen?",
        ("ar", "نحن كمدرسة لا نستطيع أن نقدم لتلميذ الدعم الذي يحتاجه. إلى من نتوجه؟"),
        "Mijn zoon heeft autisme en de school zegt dat ze hem niet genoeg kunnen helpen. Waar kan ik terecht?",
    ),
    "ziekte": (
        "Wanneer schakelen wij als school de jeugdarts in?",
        ("en", "As a school, when do we involve the youth doctor?"),
        "Mijn dochter heeft griep. Wat moet ik doen?",
    ),
    "verhuizen_buitenland": (
        "Een gezin is terugverhuisd naar Polen, maar we hebben geen bewijs van een nieuwe school. Mogen we de kinderen "
        "uitschrijven?",
        ("en", "A family has moved back to Poland. May we deregister them?"),
        "Wij gaan met onze kinderen in Spanje wonen. Wat moeten we regelen?",
    ),
    "nieuwkomers": (
        "We krijgen een nieuwe leerling van 14 uit Eritrea die nog geen woord Nederlands spreekt. Kan hij gewoon bij "
        "ons in de klas of hoort hij eerst op een ISK?",
        ("uk", "Ми як школа отримали нового учня із Сирії, він не говорить нідерландською. Куди він має йти?"),
        "Wij zijn net in Nederland komen wonen met onze kinderen. Moeten ze meteen naar school?",
    ),
    "thuiszitters": (
        "Hoe houden wij als school contact met een leerling die thuis zit?",
        ("en", "As a school, what can we do for a pupil who stays at home?"),
        "Mijn zoon gaat niet meer naar school. Wie helpt ons?",
    ),
}


def ask(topic_id: str, text: str, language: str = "nl") -> dict[str, Any]:
    intent = intent_for_topic(topic_id)
    tracker = Tracker(
        sender_id="audience-test",
        slots={"topic": None, "gebeurtenis": None},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "intent_ranking": [{"name": intent, "confidence": 0.9}],
            "entities": [],
            "metadata": {"language": language},
        },
        events=[{"event": "action", "name": "action_listen"}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
    dispatcher = CollectingDispatcher()
    ActionAnswerTopic().run(dispatcher, tracker, {})
    (message,) = dispatcher.messages
    return message


def rendered(kb: KnowledgeBase, topic_id: str, language: str = "nl", audience: str | None = None):
    return render_answer(kb.topic(topic_id), audience=audience, kb=kb, language=language, on=TODAY)


def refs(message: dict[str, Any]) -> list[str]:
    return [citation["ref"] for citation in message["custom"]["citations"]]


def school_button(message: dict[str, Any], language: str = "nl") -> dict[str, str] | None:
    title = Localiser(language)(ROLE_SCHOOL_BUTTON)
    return next((button for button in message["buttons"] if button["title"] == title), None)


@pytest.mark.parametrize("topic_id", sorted(CASES))
def test_a_school_question_in_dutch_gets_the_school_text_with_its_citations(real_kb: KnowledgeBase, topic_id: str):
    message = ask(topic_id, CASES[topic_id][0])
    school = rendered(real_kb, topic_id, audience="school")
    assert message["custom"]["topic"] == topic_id
    assert message["custom"]["situation"]["facts"]["role"] == "school"
    first, *points = message["text"].split("\n\n")
    assert first == school.short  # no verdict
    assert all(point in school.more for point in points)  # a point asked comes from the school text, not the parents'
    assert message["custom"]["details"] == school.more
    assert not PARENT_WORDS.search(message["text"] + message["custom"]["details"])
    assert refs(message) == [citation.ref for citation in school.citations]
    assert refs(message)[0].startswith(("Leerplichtwet", "Algemene wet bestuursrecht"))
    assert school_button(message) is None  # the role is known


@pytest.mark.parametrize("topic_id", sorted(CASES))
def test_a_school_question_in_another_language_gets_the_translated_school_text(real_kb: KnowledgeBase, topic_id: str):
    language, question = CASES[topic_id][1]
    message = ask(topic_id, question, language)
    school = rendered(real_kb, topic_id, language, audience="school")
    assert school.complete and school.language == language
    assert message["custom"]["topic"] == topic_id
    assert message["text"] == school.short, (language, message["text"][:120])
    assert refs(message) == [citation.ref for citation in school.citations]


@pytest.mark.parametrize("topic_id", sorted(CASES))
def test_a_parent_still_gets_the_parents_text(real_kb: KnowledgeBase, topic_id: str):
    """The general answer, or its variant for the subject asked ("thuisonderwijs", "meteen naar school?")."""
    message = ask(topic_id, CASES[topic_id][2])
    assert message["custom"]["topic"] == topic_id
    assert message["custom"]["situation"]["facts"].get("role") == "parent"
    topic = real_kb.topic(topic_id)
    parents = [render_answer(topic, variant, kb=real_kb, on=TODAY).short for variant in (None, *topic.variants)]
    assert message["text"].startswith(tuple(parents)), message["text"][:100]
    assert not message["text"].startswith(rendered(real_kb, topic_id, audience="school").short)
    assert school_button(message) is None  # the asker said who they are


def test_an_unsaid_role_gets_the_parents_text_and_the_school_button_which_gives_the_school_text(real_kb: KnowledgeBase):
    message = ask("bezwaar", "Hoe lang duurt een beslissing op bezwaar?")
    assert message["text"].startswith(rendered(real_kb, "bezwaar").short)
    button = school_button(message)
    assert button is not None and message["buttons"][0] == button  # the choice first, then the related topics
    match = re.fullmatch(r"/(\w+)(\{.*\})", button["payload"])
    assert match and match.group(1) == "ask_bezwaar"
    assert json.loads(match.group(2))["situation"]["role"] == "school"
    clicked = ask("bezwaar", button["payload"])
    assert clicked["text"] == rendered(real_kb, "bezwaar", audience="school").short
    assert clicked["custom"]["situation"]["facts"]["role"] == "school"
    assert school_button(clicked) is None


@pytest.mark.parametrize(
    ("topic_id", "question", "language"),
    [
        ("in_uitschrijving", "Binnen hoeveel dagen gaat een uitschrijving naar DUO?", "nl"),
        ("vrijstelling_5", "What exemptions from school enrolment are there?", "en"),
        ("luxe_verzuim", "Wat is luxe verzuim precies?", "nl"),
    ],
)
def test_the_school_button_leads_to_the_school_text_in_every_topic_that_has_one(
    real_kb: KnowledgeBase, topic_id: str, question: str, language: str
):
    message = ask(topic_id, question, language)
    button = school_button(message, language)
    assert button is not None, message["buttons"]
    clicked = ask(topic_id, button["payload"], language)
    assert clicked["text"] == rendered(real_kb, topic_id, language, audience="school").short


def test_a_topic_without_a_school_text_offers_no_school_button() -> None:
    message = ask("leerplicht_uitleg", "Wat is leerplicht eigenlijk?")
    assert school_button(message) is None


def test_after_a_verdict_the_school_text_follows_behind_more(real_kb: KnowledgeBase):
    """A school naming an illness gets the registration verdict first (assistant/situation/registration.py); the
    parents' text stayed out of that answer, the school text does not."""
    message = ask("ziekte", "Onze leerling zit thuis met griep, hoe registreren we dat?")
    assert message["text"].startswith("Ziekte is geoorloofd verzuim (Leerplichtwet artikel 11).")
    school = rendered(real_kb, "ziekte", audience="school")
    assert school.short in message["custom"]["details"]
    parents = rendered(real_kb, "ziekte")
    assert parents.short not in message["custom"]["details"]
    assert not PARENT_WORDS.search(message["custom"]["details"])


def test_a_newcomer_question_from_a_school_with_an_age_gets_the_school_text_not_the_age_rule(real_kb: KnowledgeBase):
    message = ask("nieuwkomers", CASES["nieuwkomers"][0])
    assert "internationale schakelklas (ISK)" in message["text"]
    parent = ask("nieuwkomers", "Mijn zoon van 14 is net in Nederland. Is hij leerplichtig?")
    assert parent["text"].startswith("Ja, uw kind is leerplichtig")  # a parent still gets the age verdict
