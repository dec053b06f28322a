"""The right language from the first message, and the disclosure for every way of asking whether this is a person.

- Without `language` in the request, a new conversation starts in the page's language (the picker's cookie, else the
  browser's Accept-Language among the supported languages); a clear message in another language switches; a short
  message keeps the page's language.
- Whoever asks whether they talk to a person gets `utter_iamabot` (with the offer of a person) in their language,
  also when Rasa read the message as something else.
"""

from __future__ import annotations

import pytest

from assistant.i18n import translate
from assistant.nlg import load_responses

IAMABOT = load_responses()["utter_iamabot"][0]["text"].strip()


def post(client, message: str, sender: str, **extra):
    return client.post("/api/chat", json={"sender_id": sender, "message": message, **extra.pop("body", {})}, **extra)


def test_arabic_on_the_default_page_is_answered_in_arabic(client, fake_rasa):
    body = post(client, "هل يجب أن يذهب طفلي إلى المدرسة؟", "web-ar").json()
    assert body["language"] == "ar"
    assert fake_rasa.received[0]["metadata"] == {"language": "ar"}


def test_a_short_dutch_first_message_stays_dutch(client, fake_rasa):
    body = post(client, "Is dit een chatbot?", "web-short").json()
    assert body["language"] == "nl"


def test_a_new_conversation_starts_in_the_browsers_language(client, fake_rasa):
    body = post(client, "ok", "web-accept", headers={"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"}).json()
    assert body["language"] == "pl"
    body = post(client, "ok", "web-accept-unsupported", headers={"Accept-Language": "de-DE,fr;q=0.8"}).json()
    assert body["language"] == "nl"


def test_the_pickers_cookie_is_the_start_and_a_clear_message_still_switches(client, fake_rasa):
    client.cookies.set("lang", "uk")
    assert post(client, "ok", "web-cookie").json()["language"] == "uk"
    assert post(client, "My son is very sick, what should I do?", "web-cookie").json()["language"] == "en"
    client.cookies.clear()


def test_a_language_sent_with_the_message_wins(client, fake_rasa):
    body = post(client, "هل يجب أن يذهب طفلي إلى المدرسة؟", "web-chosen", body={"language": "nl"}).json()
    assert body["language"] == "nl"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ben ik nu met een robot aan het praten?", "nl"),
        ("Praat ik met een mens of een computer?", "nl"),
        ("Zit er een mens achter deze chat?", "nl"),
        ("Am I talking to a robot right now?", "en"),
        ("هل أتكلم الآن مع روبوت؟", "ar"),
        ("Я зараз розмовляю з роботом?", "uk"),
        ("Şu anda bir robotla mı konuşuyorum?", "tr"),
        ("Czy teraz rozmawiam z robotem?", "pl"),
    ],
)
def test_every_way_of_asking_gets_the_disclosure_and_the_offer_of_a_person(client, fake_rasa, text, language):
    fake_rasa.reply = lambda body: {
        "messages": [
            {"text": "U wilt graag met een mens praten. Dat kan.", "buttons": [{"title": "Ja", "payload": "/affirm"}]}
        ],
        "intent": {"name": "request_human", "confidence": 0.74},
    }
    body = post(client, text, f"web-bot-{language}", body={"language": language}).json()
    first, second = body["messages"]
    assert first["text"] == translate(IAMABOT, language)
    assert first["buttons"][0]["payload"] == "/request_human"
    assert second["text"].startswith("U wilt graag met een mens praten")


def test_no_second_disclosure_when_rasa_gave_it_or_nobody_asked(client, fake_rasa):
    fake_rasa.reply = lambda body: {
        "messages": [{"text": "Ik ben een automatische assistent, geen mens."}],
        "intent": {"name": "bot_challenge", "confidence": 0.99},
    }
    assert len(post(client, "Ben jij een robot?", "web-bot-2").json()["messages"]) == 1
    fake_rasa.reply = lambda body: {
        "messages": [{"text": "Antwoord"}],
        "intent": {"name": "request_human", "confidence": 0.9},
    }
    assert len(post(client, "Kan ik met een mens praten?", "web-bot-3").json()["messages"]) == 1
    assert len(post(client, "Mag mijn kind op vakantie?", "web-bot-4").json()["messages"]) == 1


def test_the_arabic_word_for_to_is_no_question_about_a_machine(client, fake_rasa):
    """ "إلى" (to) folds to the same letters as "آلي" (automatic): a question about travelling "to Morocco" gets no
    disclosure; asking for an automatic assistant in more words still does."""
    fake_rasa.reply = lambda body: {
        "messages": [{"text": "لا."}],
        "intent": {"name": "ask_verlof_vakantie", "confidence": 0.98},
    }
    travel = "نريد السفر إلى المغرب قبل العطلة الصيفية بأسبوعين لأن التذاكر أرخص، هل هذا مسموح؟"
    assert len(post(client, travel, "web-bot-ar-1").json()["messages"]) == 1
    assert len(post(client, "هل أنت مساعد آلي؟", "web-bot-ar-2").json()["messages"]) == 2
