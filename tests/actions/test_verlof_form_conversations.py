"""Whole verlof conversations with the real form actions and Rasa's form loop played by tests/verlof_form_loop.py:
every correction leads back to the updated summary, only a "yes" to the summary as shown sends it, a free-text answer
fills the question it answers, a real question leaves the form and the form comes back, and what the first message
said is not asked again."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from assistant.db.session import session_scope
from assistant.verlof_requests.models import VerlofRequest
from tests.verlof_form_loop import TOPIC_ANSWER, FormLoop

EMAIL = "ouder@voorbeeld.nl"


@pytest.fixture(autouse=True)
def today(today_is) -> None:
    today_is(date(2026, 1, 12))


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(message["text"] or "" for message in messages)


def payloads(messages: list[dict[str, Any]]) -> list[str]:
    return [button["payload"] for message in messages for button in message["buttons"]]


def up_to_the_summary(loop: FormLoop, *, school: str = "De Borgh in Hengelo") -> list[dict[str, Any]]:
    loop.say("ik wil verlof aanvragen", "request_verlof")
    loop.say('/inform{"verlof_kind": "vakantie"}')
    loop.say("Sara Jansen", "inform_contact")
    loop.say("groep 5")
    loop.say(school, "inform_contact")
    loop.say('/inform{"verlof_municipality": "Hengelo"}')
    loop.say("van 9 tot en met 13 maart")
    loop.say("Ik werk in de horeca en kan in de zomer geen vrij krijgen.")
    loop.say("/affirm")
    return loop.say(EMAIL, "inform_contact")


def stored() -> VerlofRequest:
    with session_scope() as session:
        request = session.scalars(select(VerlofRequest)).one()
        session.expunge(request)
        return request


def test_two_corrections_each_show_the_new_summary_and_only_its_confirmation_sends(configured) -> None:
    loop = FormLoop()
    summary = up_to_the_summary(loop)
    assert "maandag 9 maart 2026 tot en met vrijdag 13 maart 2026 (5 schooldagen)" in texts(summary)

    asked = loop.say("/deny")
    assert "Wat wilt u aanpassen?" in texts(asked)
    asked = loop.say('/verlof_correction{"verlof_field": "date"}')
    assert "eerste dag" in texts(asked)
    summary = loop.say("van 9 tot en met 12 maart")
    assert "Dit heb ik genoteerd:" in texts(summary), texts(summary)
    assert "maandag 9 maart 2026 tot en met donderdag 12 maart 2026 (4 schooldagen)" in texts(summary)
    assert "/affirm" in payloads(summary)

    summary = loop.say("nee, de laatste dag is 11 maart", "verlof_correction")
    assert texts(summary).startswith("Ik heb het aangepast.")
    assert "maandag 9 maart 2026 tot en met woensdag 11 maart 2026 (3 schooldagen)" in texts(summary)

    done = loop.say("ja, versturen", "affirm")
    assert "Uw aanvraag is verstuurd" in texts(done)
    request = stored()
    assert (request.start_date, request.end_date, request.school_days) == (date(2026, 3, 9), date(2026, 3, 11), 3)


def test_a_yes_after_what_to_change_shows_the_summary_first(configured) -> None:
    loop = FormLoop()
    up_to_the_summary(loop)
    loop.say("/deny")
    again = loop.say("ja, versturen", "affirm")
    assert "Dit heb ik genoteerd:" in texts(again) and loop.submitted == []
    done = loop.say("/affirm")
    assert "Uw aanvraag is verstuurd" in texts(done)


# Each answer of the summary, changed by its button (or by typing when it has none) after "no", then confirmed.
CORRECTIONS = [
    (
        "child_name",
        [
            ("/deny", None),
            ('/verlof_correction{"verlof_field": "child_name"}', None),
            ("Sara de Vries", "inform_contact"),
        ],
        "Sara de Vries",
        "child_name",
        "Sara de Vries",
    ),
    (
        "child_class",
        [("/deny", None), ("de klas is fout, het is groep 6", "verlof_correction")],
        "Sara Jansen, groep 6",
        "child_class",
        "groep 6",
    ),
    (
        "school",
        [
            ("/deny", None),
            ('/verlof_correction{"verlof_field": "school"}', None),
            ("De Triangel in Enschede", "inform_contact"),
        ],
        "De Triangel (Enschede)",
        "school_name",
        "De Triangel",
    ),
    (
        "home_municipality",
        [("de gemeente klopt niet, we wonen in Borne", "verlof_correction")],
        "Woongemeente: Borne",
        "home_municipality",
        "Borne",
    ),
    (
        "dates",
        [("/deny", None), ('/verlof_correction{"verlof_field": "date"}', None), ("16 t/m 18 maart", None)],
        "maandag 16 maart 2026 tot en met woensdag 18 maart 2026",
        "end_date",
        date(2026, 3, 18),
    ),
    (
        "start_date",
        [("sorry, de eerste dag is 10 maart", "verlof_correction")],
        "dinsdag 10 maart 2026 tot en met vrijdag 13 maart 2026",
        "start_date",
        date(2026, 3, 10),
    ),
    (
        "end_date",
        [("/deny", None), ("de laatste dag is 12 maart", "verlof_correction")],
        "tot en met donderdag 12 maart 2026",
        "end_date",
        date(2026, 3, 12),
    ),
    (
        "dates typed at what to change",
        [("/deny", None), ("van 10 tot en met 12 maart", "inform")],
        "dinsdag 10 maart 2026 tot en met donderdag 12 maart 2026",
        "end_date",
        date(2026, 3, 12),
    ),
    (
        "reason",
        [
            ("/deny", None),
            ('/verlof_correction{"verlof_field": "reason"}', None),
            ("Mijn man is seizoenswerker in de landbouw.", None),
        ],
        "Reden: Mijn man is seizoenswerker in de landbouw.",
        "reason",
        "Mijn man is seizoenswerker in de landbouw.",
    ),
    (
        "employer_statement",
        [("de verklaring van de werkgever klopt niet", "verlof_correction"), ("/deny", None)],
        "Verklaring van de werkgever: nee",
        "employer_statement",
        False,
    ),
    (
        "email",
        [
            ("/deny", None),
            ('/verlof_correction{"verlof_field": "email"}', None),
            ("piet@voorbeeld.nl", "inform_contact"),
        ],
        "E-mailadres: piet@voorbeeld.nl",
        "email",
        "piet@voorbeeld.nl",
    ),
    (
        "kind",
        [
            ("het soort verlof klopt niet", "verlof_correction"),
            ('/inform{"verlof_kind": "gewichtige_omstandigheid"}', None),
            ('/inform{"gebeurtenis": "huwelijk"}', None),
        ],
        "verlof wegens gewichtige omstandigheden (artikel 14)",
        "kind",
        "gewichtige_omstandigheid",
    ),
]


@pytest.mark.parametrize(("name", "steps", "shown", "column", "value"), CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_every_answer_can_be_corrected_and_the_summary_shows_it_before_sending(
    configured, name: str, steps: list[tuple[str, str | None]], shown: str, column: str, value: Any
) -> None:
    loop = FormLoop()
    up_to_the_summary(loop)
    for text, intent in steps:
        reply = loop.say(text, intent)
    assert "Dit heb ik genoteerd:" in texts(reply), texts(reply)
    assert shown in texts(reply), texts(reply)
    assert "/affirm" in payloads(reply)
    assert loop.submitted == []
    loop.say("/affirm")
    assert "Uw aanvraag is verstuurd" in texts([{"text": t} for t in loop.submitted])
    assert getattr(stored(), column) == value


def test_a_reason_the_classifier_took_for_a_question_is_the_reason(configured) -> None:
    loop = FormLoop()
    loop.say("ik wil verlof aanvragen", "request_verlof")
    loop.say('/inform{"verlof_kind": "gewichtige_omstandigheid"}')
    loop.say('/inform{"gebeurtenis": "overig"}')
    for text, intent in (
        ("Sara Jansen", "inform_contact"),
        ("groep 5", None),
        ("De Borgh", "inform_contact"),
        ('/inform{"verlof_municipality": "Hengelo"}', None),
        ("van 9 tot en met 13 maart", None),
    ):
        loop.say(text, intent)
    assert loop.slots["requested_slot"] == "verlof_reason"
    reply = loop.say("mijn oma wordt 90 en viert dat in Turkije", "ask_verlof_gewichtige_omstandigheden")
    assert TOPIC_ANSWER not in texts(reply)
    assert loop.slots["verlof_reason"] == "mijn oma wordt 90 en viert dat in Turkije"
    assert "e-mailadres" in texts(reply)


def test_a_real_question_leaves_the_form_and_the_question_comes_back(configured) -> None:
    loop = FormLoop()
    loop.say("ik wil verlof aanvragen", "request_verlof")
    loop.say('/inform{"verlof_kind": "vakantie"}')
    reply = loop.say("wat is luxe verzuim?", "ask_luxe_verzuim")
    assert texts(reply).startswith(TOPIC_ANSWER)
    assert "voornaam en achternaam" in reply[-1]["text"]  # the form's question comes last, after the answer
    assert loop.slots["verlof_child_name"] is None
    reply = loop.say("Sara Jansen", "inform_contact")
    assert loop.slots["verlof_child_name"] == "Sara Jansen" and "groep of klas" in texts(reply)


@pytest.mark.parametrize(
    ("first", "entities", "kind", "category", "next_question"),
    [
        (
            "ik wil verlof aanvragen voor de bruiloft van mijn broer",
            {"gebeurtenis": "huwelijk"},
            "gewichtige_omstandigheid",
            "huwelijk",
            "voornaam en achternaam",
        ),
        ("ik wil vakantieverlof aanvragen", {}, "vakantie", None, "voornaam en achternaam"),
        ("ik wil verlof aanvragen voor het Suikerfeest", {}, "religieus", None, "voornaam en achternaam"),
        ("ik wil bijzonder verlof aanvragen", {}, "gewichtige_omstandigheid", None, "Om welke gebeurtenis gaat het?"),
        ("ik wil verlof aanvragen voor mijn dochter", {}, None, None, "Om wat voor verlof gaat het?"),
    ],
)
def test_what_the_first_message_says_is_not_asked_again(
    configured, first: str, entities: dict[str, str], kind: str | None, category: str | None, next_question: str
) -> None:
    loop = FormLoop()
    reply = loop.say(first, "request_verlof", **entities)
    assert (loop.slots["verlof_kind"], loop.slots["verlof_category"]) == (kind, category)
    assert next_question in texts(reply)


def test_an_unknown_school_says_truthfully_who_decides_and_what_the_parent_must_do(configured) -> None:
    loop = FormLoop()
    summary = up_to_the_summary(loop, school="Montessorischool Zonnebloem")
    assert "Deze school staat niet in onze lijst" in texts(summary)
    assert "vraag het verlof ook aan bij de school zelf" in texts(summary)
    loop.say("/affirm")
    [done] = loop.submitted
    assert "De directeur van Montessorischool Zonnebloem beslist" in done
    assert "Vraag het verlof dus ook aan bij de school zelf" in done
    assert "De directeur van Montessorischool Zonnebloem beslist over uw aanvraag. Met uw kenmerk" not in done


INTRO_START = "Ik help u graag met een verlofaanvraag."


def test_the_introduction_comes_once_and_a_question_asked_again_is_only_the_question(configured) -> None:
    """An answer that cannot be read gets the polite explanation and the question again, not the introduction; nor
    does the question that comes back after a question in between."""
    loop = FormLoop()
    started = loop.say("ik wil verlof aanvragen", "request_verlof")
    assert [message["text"] for message in started] == [
        "Ik help u graag met een verlofaanvraag. Ik stel u een paar vragen. Daarna ziet u alles nog een keer, "
        'voordat u het verstuurt. U kunt altijd "stop" typen.',
        "Om wat voor verlof gaat het?",
    ]
    assert started[-1]["buttons"]  # the kinds of leave as buttons, with the question
    again = loop.say("blablabla")
    assert [message["text"] for message in again] == [
        'Ik begrijp niet welk soort verlof u bedoelt. Kies een van de knoppen, of typ bijvoorbeeld "vakantie" of '
        '"bruiloft".',
        "Om wat voor verlof gaat het?",
    ]
    after_a_question = loop.say("wat is luxe verzuim?", "ask_luxe_verzuim")
    assert INTRO_START not in texts(after_a_question)
    assert after_a_question[-1]["text"] == "Om wat voor verlof gaat het?"
    loop.say('/inform{"verlof_kind": "vakantie"}')
    wrong_name = loop.say("123")
    assert INTRO_START not in texts(wrong_name) and "voornaam en achternaam" in wrong_name[-1]["text"]


def test_the_introduction_also_comes_when_the_first_message_names_the_kind(configured) -> None:
    loop = FormLoop()
    started = loop.say("ik wil vakantieverlof aanvragen", "request_verlof")
    assert started[0]["text"].startswith(INTRO_START)
    assert "voornaam en achternaam" in started[-1]["text"]


def test_the_introduction_is_in_the_conversations_language(configured) -> None:
    loop = FormLoop(language="en")
    started = loop.say("I want to request leave", "request_verlof")
    assert started[0]["text"].startswith("I am happy to help you with a leave request.")
    again = loop.say("blablabla")
    assert not any("happy to help" in (message["text"] or "") for message in again)


def test_a_correction_that_restarts_the_form_does_not_introduce_it_again(configured) -> None:
    loop = FormLoop()
    up_to_the_summary(loop)
    loop.active = False  # the parent left the form (a person, a question); the answers are kept
    restarted = loop.say("de laatste dag is 12 maart", "verlof_correction")
    assert INTRO_START not in texts(restarted)


def test_the_forms_event_question_puts_an_illness_before_cheaper_tickets(configured) -> None:
    """The same message as in the chat (tests/verlof_requests/test_interpret_reasons.py): the illness is assessed."""
    loop = FormLoop()
    loop.say("ik wil verlof aanvragen", "request_verlof")
    loop.say('/inform{"verlof_kind": "gewichtige_omstandigheid"}')
    loop.say("oma is ziek en de tickets zijn goedkoper")
    assert loop.slots["verlof_category"] == "ernstige_ziekte"
