"""The verlof form actions, driven with rasa_sdk's Tracker against a migrated database and a fixed today."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select

from actions.verlof_form import (
    ActionAskVerlofConfirmed,
    ActionSubmitVerlofRequest,
    ActionVerlofCancel,
    ValidateVerlofForm,
)
from assistant.db.session import session_scope
from assistant.i18n import translate
from assistant.verlof_requests import form, form_texts
from assistant.verlof_requests.interpret import payload_values
from assistant.verlof_requests.models import VerlofRequest

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain" / "verlof_form.yml").read_text("utf-8"))
FILLED = {
    form.KIND: "vakantie",
    form.CHILD_NAME: "Sara Jansen",
    form.CHILD_CLASS: "groep 5",
    form.SCHOOL: "De Borgh (Hengelo)",
    form.SCHOOL_ID: "hengelo-de-borgh",
    form.HOME: "Hengelo",
    form.START: "2026-03-09",
    form.END: "2026-03-13",
    form.REASON: "Ik werk in de horeca.",
    form.EMPLOYER: True,
    form.EMAIL: "ouder@voorbeeld.nl",
}


@pytest.fixture(autouse=True)
def today(today_is) -> None:
    from datetime import date

    today_is(date(2026, 1, 12))


def tracker(
    text: str,
    requested: str | None = None,
    intent: str = "inform",
    set_slot: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    language: str = "nl",
    slot_value: Any = "text",
    **slots: Any,
) -> Tracker:
    """The tracker after a user message while the form asks `requested`; `set_slot` got the text (from_text),
    or `slot_value` (from_intent)."""
    values = {name: None for name in DOMAIN["slots"]}
    values.update(slots)
    events: list[dict[str, Any]] = [{"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}]
    if set_slot:
        values[set_slot] = text if slot_value == "text" else slot_value
        events.append({"event": "slot", "name": set_slot, "value": values[set_slot]})
    values["requested_slot"] = requested
    return Tracker(
        "web-test",
        values,
        {
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "entities": entities or [],
            "metadata": {"language": language},
        },
        events,
        False,
        None,
        {"name": "verlof_form"},
        "action_listen",
    )


def run_validation(t: Tracker) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateVerlofForm().run(dispatcher, t, DOMAIN))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def answer(slot: str, text: str, **slots: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    return run_validation(tracker(text, slot, set_slot=slot, **slots))


def test_kind_by_typing_or_button_and_category_from_the_answer() -> None:
    _m, slots = answer(form.KIND, "Vakantie buiten de schoolvakantie")
    assert slots[form.KIND] == "vakantie" and slots["requested_slot"] == form.CHILD_NAME
    _m, slots = answer(form.KIND, "de bruiloft van mijn zus")
    assert slots[form.KIND] == "gewichtige_omstandigheid" and slots[form.CATEGORY] == "huwelijk"
    _m, slots = answer(form.KIND, '/inform{"verlof_kind": "gewichtige_omstandigheid"}')
    assert slots["requested_slot"] == form.CATEGORY  # asked only for this kind
    _m, slots = answer(
        form.CATEGORY, "mijn opa is overleden, de uitvaart is in Marokko", **{form.KIND: "gewichtige_omstandigheid"}
    )
    assert slots[form.CATEGORY] == "overlijden" and slots[form.REASON].startswith("mijn opa")


def _button_values(response: str, entity: str) -> list[str]:
    """The entity values the buttons of a domain response set (what Rasa puts in the slot when one is pressed)."""
    return [payload_values(button["payload"])[entity] for button in DOMAIN["responses"][response][0]["buttons"]]


@pytest.mark.parametrize("value", _button_values("utter_ask_verlof_kind", "verlof_kind"))
def test_every_kind_button_gives_its_own_kind_and_the_event_is_asked_only_for_an_event(value: str) -> None:
    """The slot holds the button's entity value ("gewichtige_omstandigheid"), not the payload text."""
    _m, slots = answer(form.KIND, value)
    assert slots[form.KIND] == value
    expected_next = form.CATEGORY if value == "gewichtige_omstandigheid" else form.CHILD_NAME
    assert slots["requested_slot"] == expected_next


@pytest.mark.parametrize("value", _button_values("utter_ask_verlof_category", "gebeurtenis"))
def test_every_event_button_gives_its_own_category(value: str) -> None:
    _m, slots = answer(form.CATEGORY, value, **{form.KIND: "gewichtige_omstandigheid"})
    assert slots[form.CATEGORY] == value
    assert slots["requested_slot"] == form.CHILD_NAME


def test_a_range_fills_both_dates_and_the_next_question_is_the_reason() -> None:
    messages, slots = answer(
        form.START,
        "van 9 t/m 13 maart",
        **{k: FILLED[k] for k in (form.KIND, form.CHILD_NAME, form.CHILD_CLASS, form.SCHOOL, form.HOME)},
    )
    assert messages == []
    assert (slots[form.START], slots[form.END], slots["requested_slot"]) == ("2026-03-09", "2026-03-13", form.REASON)


@pytest.mark.parametrize(
    ("slot", "text", "words"),
    [
        (form.START, "31 februari", "Die datum bestaat niet"),
        (
            form.START,
            "donderdag 13 maart",
            "De dag en de datum passen niet bij elkaar: 13 maart 2026 valt op een vrijdag",
        ),
        (form.START, "5 januari 2026", "ligt in het verleden"),
        (form.START, "ergens in het voorjaar", "geen datum"),
        (form.EMAIL, "mijn mail is jan@", "naam@voorbeeld.nl"),
        (form.CHILD_NAME, "ja", "voornaam en achternaam"),
        (form.HOME, "Almelo", "Enschede"),
        (form.KIND, "weet ik veel", "welk soort verlof"),
    ],
)
def test_invalid_answers_are_explained_with_an_example_and_asked_again(slot: str, text: str, words: str) -> None:
    later = (form.END, form.EMAIL) if slot == form.START else (slot,)
    slots_before = {k: v for k, v in FILLED.items() if k not in (slot, *later)}
    messages, slots = answer(slot, text, **slots_before)
    assert slots[slot] is None and slots["requested_slot"] == slot
    assert words in messages[0]["text"], messages[0]["text"]
    assert messages[0]["buttons"] == []


def test_a_sunday_as_the_only_day_clears_both_dates() -> None:
    messages, slots = answer(form.END, "zondag 15 maart", **{form.START: "2026-03-15", form.KIND: "vakantie"})
    assert slots[form.START] is None and slots[form.END] is None and "geen schooldagen" in messages[0]["text"]


def test_end_before_start() -> None:
    messages, slots = answer(form.END, "6 maart", **{form.START: "2026-03-09", form.KIND: "vakantie"})
    assert slots[form.END] is None and "ligt vóór de eerste dag" in messages[0]["text"]


def test_after_three_failed_tries_a_person_is_offered() -> None:
    failures: dict[str, Any] | None = None
    for attempt in range(1, 4):
        messages, slots = answer(form.EMAIL, "geen idee", **{form.FAILURES: failures})
        failures = slots[form.FAILURES]
        assert failures == {"slot": form.EMAIL, "count": attempt}
    assert messages[0]["buttons"] == [{"title": "Met een medewerker praten", "payload": "/request_human"}]
    assert "medewerker" in messages[0]["text"]
    _m, slots = answer(form.EMAIL, "Ouder@Voorbeeld.nl", **{form.FAILURES: failures})
    assert slots[form.EMAIL] == "ouder@voorbeeld.nl" and slots[form.FAILURES] is None


def test_school_from_the_registry_or_as_typed() -> None:
    _m, slots = answer(form.SCHOOL, "basisschool de triangel")
    assert (slots[form.SCHOOL], slots[form.SCHOOL_ID]) == ("De Triangel (Enschede)", "enschede-de-triangel")
    messages, slots = answer(form.SCHOOL, "Montessorischool Zonnebloem")
    assert slots[form.SCHOOL] == "Montessorischool Zonnebloem" and slots[form.SCHOOL_ID] is None
    assert "staat niet in mijn lijst" in messages[0]["text"]


def test_employer_statement_by_button_or_text() -> None:
    _m, slots = answer(form.EMPLOYER, "nee, die heb ik niet", **{form.KIND: "vakantie"})
    assert slots[form.EMPLOYER] is False
    messages, slots = answer(form.EMPLOYER, "misschien", **{form.KIND: "vakantie"})
    assert slots[form.EMPLOYER] is None and "ja of nee" in messages[0]["text"]


def test_a_correction_anywhere_changes_that_answer() -> None:
    t = tracker("nee, de laatste dag is 12 maart", form.CONFIRMED, intent="verlof_correction", **FILLED)
    messages, slots = run_validation(t)
    assert slots[form.END] == "2026-03-12" and slots["requested_slot"] == form.CONFIRMED
    assert [m["text"] for m in messages] == ["Ik heb het aangepast."]  # said before the summary comes again
    t = tracker(
        "de school klopt niet",
        form.EMAIL,
        intent="verlof_correction",
        **{k: v for k, v in FILLED.items() if k != form.EMAIL},
    )
    messages, slots = run_validation(t)
    assert slots[form.SCHOOL] is None and slots["requested_slot"] == form.SCHOOL
    assert messages == []  # nothing changed yet: the question itself follows
    t = tracker(
        '/verlof_correction{"verlof_field": "date"}',
        form.CONFIRMED,
        intent="verlof_correction",
        entities=[{"entity": "verlof_field", "value": "date"}],
        **FILLED,
    )
    _m, slots = run_validation(t)
    assert slots[form.START] is None and slots[form.END] is None and slots["requested_slot"] == form.START


def test_a_question_is_not_an_answer_so_the_form_is_rejected() -> None:
    # from_text fills the slot with any text but a correction, "stop" and the like; a message phrased as a question
    # is emptied again and the form rejected, so the question rule answers it.
    t = tracker(
        "hoeveel dagen mag ik weg?",
        form.START,
        intent="ask_verlof_vakantie",
        set_slot=form.START,
        **{form.KIND: "vakantie"},
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateVerlofForm().run(dispatcher, t, DOMAIN))
    assert dispatcher.messages == []
    assert events == [
        {"event": "slot", "timestamp": None, "name": form.START, "value": None},
        {
            "event": "action_execution_rejected",
            "name": "verlof_form",
            "policy": None,
            "confidence": None,
            "timestamp": None,
        },
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "mijn oma wordt 90 en viert dat in Turkije"),
        ("en", "my grandmother turns 90 and celebrates in Turkey"),
        ("tr", "babaannem 90 yaşına giriyor"),
        ("pl", "babcia kończy 90 lat"),
    ],
)
def test_an_answer_the_classifier_took_for_a_question_fills_the_slot(language: str, text: str) -> None:
    t = tracker(
        text,
        form.REASON,
        intent="ask_verlof_gewichtige_omstandigheden",
        set_slot=form.REASON,
        language=language,
        **{k: v for k, v in FILLED.items() if k not in (form.REASON, form.EMPLOYER, form.EMAIL)},
    )
    messages, slots = run_validation(t)
    assert slots[form.REASON] == text and slots["requested_slot"] == form.EMPLOYER and messages == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "wat is luxe verzuim"),
        ("en", "what is luxe verzuim?"),
        ("ar", "ما هو luxe verzuim؟"),
        ("uk", "чи можна поїхати раніше"),
        ("tr", "erken gidebilir miyiz"),
        ("pl", "czy możemy wyjechać wcześniej"),
    ],
)
def test_a_question_in_any_language_rejects_the_form(language: str, text: str) -> None:
    t = tracker(
        text, form.REASON, intent="ask_luxe_verzuim", set_slot=form.REASON, language=language, **{form.KIND: "vakantie"}
    )
    events = asyncio.run(ValidateVerlofForm().run(CollectingDispatcher(), t, DOMAIN))
    assert events[-1]["event"] == "action_execution_rejected"


def run_action(action: Any, t: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    return dispatcher.messages, action.run(dispatcher, t, DOMAIN)


def test_summary_shows_days_who_decides_and_citations(configured) -> None:
    messages, events = run_action(ActionAskVerlofConfirmed(), tracker("", form.CONFIRMED, **FILLED))
    [message] = messages
    assert "Dit heb ik genoteerd:" in message["text"]
    assert "maandag 9 maart 2026 tot en met vrijdag 13 maart 2026 (5 schooldagen)" in message["text"]
    assert "Wie beslist: de directeur van de school." in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/affirm", "/deny", "/stop_form"]
    refs = [c["ref"] for c in message["custom"]["citations"]]
    assert any("13a" in ref for ref in refs)
    # what a "yes" confirms: the fingerprint of these answers
    assert events == [{"event": "slot", "timestamp": None, "name": form.SUMMARY, "value": form.fingerprint(FILLED)}]


def test_summary_says_honestly_when_the_law_does_not_allow_it(configured) -> None:
    slots = {**FILLED, form.END: "2026-03-27"}
    messages, events = run_action(ActionAskVerlofConfirmed(), tracker("", form.CONFIRMED, **slots))
    assert "Zo kan ik de aanvraag niet versturen" in messages[0]["text"]
    assert "ten hoogste 10 schooldagen" in messages[0]["text"]
    assert "/affirm" not in [b["payload"] for b in messages[0]["buttons"]]
    assert any("13a" in c["ref"] for c in messages[0]["custom"]["citations"])
    assert {"event": "slot", "timestamp": None, "name": form.CORRECTING, "value": True} in events
    _m, validated = run_validation(
        tracker(
            "ja",
            form.CONFIRMED,
            intent="affirm",
            set_slot=form.CONFIRMED,
            slot_value=True,
            **{**slots, form.SUMMARY: form.fingerprint(slots)},
        )
    )
    # a "yes" cannot send what the law does not allow
    assert validated[form.CONFIRMED] is None and validated[form.CORRECTING] is True


def test_short_notice_is_shown_as_a_warning(configured) -> None:
    slots = {**FILLED, form.START: "2026-01-26", form.END: "2026-01-27"}
    messages, _events = run_action(ActionAskVerlofConfirmed(), tracker("", form.CONFIRMED, **slots))
    assert "Let op:" in messages[0]["text"] and "/affirm" in [b["payload"] for b in messages[0]["buttons"]]


def test_after_no_the_summary_asks_what_to_change(configured) -> None:
    _m, slots = run_validation(
        tracker("nee", form.CONFIRMED, intent="deny", set_slot=form.CONFIRMED, slot_value=False, **FILLED)
    )
    assert slots[form.CORRECTING] is True and slots["requested_slot"] == form.CONFIRMED
    messages, _e = run_action(
        ActionAskVerlofConfirmed(), tracker("nee", form.CONFIRMED, **{**FILLED, form.CORRECTING: True})
    )
    assert "Wat wilt u aanpassen?" in messages[0]["text"]
    assert '/verlof_correction{"verlof_field": "date"}' in [b["payload"] for b in messages[0]["buttons"]]


def test_submit_stores_through_the_service_and_empties_the_form(configured) -> None:
    messages, events = run_action(ActionSubmitVerlofRequest(), tracker("ja", None, intent="affirm", **FILLED))
    reference = next(e["value"] for e in events if e["event"] == "slot" and e["name"] == form.REFERENCE)
    assert f"Uw kenmerk is {reference}" in messages[0]["text"] and "De Borgh" in messages[0]["text"]
    assert all(e["value"] is None for e in events if e["event"] == "slot" and e["name"] in form.FORM_SLOTS)
    with session_scope() as session:
        stored = session.scalar(select(VerlofRequest).where(VerlofRequest.reference == reference))
        assert stored.sender_id == "web-test" and stored.email == "ouder@voorbeeld.nl"


def test_submit_refused_or_failing_keeps_the_answers_and_offers_a_person(configured, monkeypatch) -> None:
    messages, events = run_action(
        ActionSubmitVerlofRequest(), tracker("ja", None, **{**FILLED, form.END: "2026-03-27"})
    )
    assert "Het versturen is niet gelukt" in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == "/request_human"
    monkeypatch.setattr("assistant.verlof_requests.service.submit", lambda *a, **k: 1 / 0)
    messages, events = run_action(ActionSubmitVerlofRequest(), tracker("ja", None, **FILLED))
    assert "Er is niets opgeslagen" in messages[0]["text"]
    assert [e["name"] for e in events if e["event"] == "slot"] == [form.CONFIRMED]
    with session_scope() as session:
        assert session.scalar(select(func.count(VerlofRequest.id))) == 0


def test_cancel_forgets_everything(configured) -> None:
    messages, events = run_action(ActionVerlofCancel(), tracker("ja", None, intent="affirm", **FILLED))
    assert messages[0]["response"] == "utter_verlof_stopped"
    assert {e["name"] for e in events if e["event"] == "slot"} >= set(form.FORM_SLOTS)
    with session_scope() as session:
        assert session.scalar(select(func.count(VerlofRequest.id))) == 0


def test_texts_in_the_conversation_language() -> None:
    messages, _slots = run_validation(
        tracker("31 februari", form.START, set_slot=form.START, language="en", **{form.KIND: "vakantie"})
    )
    assert messages[0]["text"]  # translated or with the "not translated yet" notice, never empty


BEFORE_DATES = {k: FILLED[k] for k in (form.KIND, form.CHILD_NAME, form.CHILD_CLASS, form.SCHOOL, form.HOME)}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "March 9 to 13"),
        ("en", "from 9 until 13 March"),
        ("pl", "od 9 do 13 marca"),
        ("uk", "з 9 до 13 березня"),
        ("tr", "9'dan 13 Mart'a kadar"),
        ("ar", "من ٩ إلى ١٣ مارس"),
    ],
)
def test_dates_are_read_in_the_conversation_language(language: str, text: str) -> None:
    messages, slots = run_validation(tracker(text, form.START, set_slot=form.START, language=language, **BEFORE_DATES))
    assert messages == []
    assert (slots[form.START], slots[form.END]) == ("2026-03-09", "2026-03-13")


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("en", "30 February", ["That date does not exist (30 February)", '"February 28"']),
        ("pl", "31 lutego", ["Taka data nie istnieje (31 lutego)", '"28 lutego"']),
        ("uk", "31 лютого", ["Такої дати не існує (31 лютого)", '"28 лютого"']),
        ("en", "Thursday, March 13", ["March 13, 2026 is a Friday", '"Monday, February 2, 2026"']),
        ("pl", "czwartek, 13 marca", ["13 marca 2026 to piątek", '"poniedziałek, 2 lutego 2026"']),
        ("tr", "ne zaman olursa", ["Burada bir tarih bulamıyorum", '"2 Şubat 2026 Pazartesi"', '"2-2-2026"']),
        ("ar", "لا أعرف", ["لا أجد تاريخًا", '"الاثنين، 2 فبراير 2026"']),
    ],
)
def test_date_errors_give_examples_in_the_users_language(language: str, text: str, words: list[str]) -> None:
    from assistant.dates import parse_dates
    from assistant.i18n import UNTRANSLATED_NOTICE, translate

    messages, slots = run_validation(tracker(text, form.START, set_slot=form.START, language=language, **BEFORE_DATES))
    assert slots[form.START] is None
    message = messages[0]["text"]
    assert translate(UNTRANSLATED_NOTICE, language) not in message
    for expected in words:
        assert expected in message, message
    example = message.rsplit('"', 2)[-2]  # the last example in the message: the parser reads it back
    assert parse_dates(example, date(2026, 1, 12), language).start >= date(2026, 1, 12)


# -- corrections in every language ----------------------------------------------------------------------------------

BEFORE_EMAIL = {k: v for k, v in FILLED.items() if k != form.EMAIL}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "nee, de laatste dag is 12 maart"),
        ("en", "no, the last day is 12 March"),
        ("ar", "لا، آخر يوم هو ١٢ مارس"),
        ("uk", "ні, останній день 12 березня"),
        ("tr", "hayır, son gün 12 Mart olacak"),
        ("pl", "nie, ostatni dzień to 12 marca"),
    ],
)
def test_a_new_last_day_is_understood_in_every_language(language: str, text: str) -> None:
    """No entity from the NLU: the words of the conversation language (languages.yml) name the field."""
    messages, slots = run_validation(
        tracker(text, form.CONFIRMED, intent="verlof_correction", language=language, **FILLED)
    )
    assert slots[form.END] == "2026-03-12" and form.START not in slots
    assert slots["requested_slot"] == form.CONFIRMED
    assert [m["text"] for m in messages] == [translate(form_texts.CORRECTED, language)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "de school klopt niet"),
        ("en", "the school is wrong"),
        ("ar", "المدرسة مو صحيحة"),
        ("uk", "школа не та"),
        ("tr", "okul yanlış"),
        ("pl", "szkoła się nie zgadza"),
    ],
)
def test_a_wrong_school_is_asked_again_in_every_language(language: str, text: str) -> None:
    """ "Wrong" is never taken as the new school: the school is emptied and asked again; the rest stays."""
    messages, slots = run_validation(
        tracker(text, form.EMAIL, intent="verlof_correction", language=language, **BEFORE_EMAIL)
    )
    assert slots[form.SCHOOL] is None
    assert slots["requested_slot"] == form.SCHOOL and messages == []
    assert form.CHILD_NAME not in slots and form.START not in slots


@pytest.mark.parametrize(
    ("language", "text", "slot", "value"),
    [
        ("en", "the class is wrong, it's group 6", form.CHILD_CLASS, "group 6"),
        ("tr", "sınıf yanlış, groep 6", form.CHILD_CLASS, "groep 6"),
        ("uk", "клас неправильний, це groep 6", form.CHILD_CLASS, "groep 6"),
        ("en", "the municipality is wrong, we live in Borne", form.HOME, "Borne"),
        ("pl", "szkoła to De Triangel", form.SCHOOL, "De Triangel (Enschede)"),
        ("tr", "okul De Triangel olacak", form.SCHOOL, "De Triangel (Enschede)"),
        ("tr", "okul yanlış, De Triangel olarak değiştirin", form.SCHOOL, "De Triangel (Enschede)"),
        ("tr", "okul De Triangel şeklinde düzeltin", form.SCHOOL, "De Triangel (Enschede)"),
    ],
)
def test_a_correction_with_the_new_value_sets_it_in_every_language(
    language: str, text: str, slot: str, value: str
) -> None:
    messages, slots = run_validation(
        tracker(text, form.CONFIRMED, intent="verlof_correction", language=language, **FILLED)
    )
    assert slots[slot] == value and slots["requested_slot"] == form.CONFIRMED
    assert messages[0]["text"] == translate(form_texts.CORRECTED, language) != form_texts.CORRECTED


def test_a_correction_that_fails_its_check_is_not_called_changed() -> None:
    messages, slots = run_validation(
        tracker("nee, de laatste dag is 31 februari", form.CONFIRMED, intent="verlof_correction", **FILLED)
    )
    assert slots["requested_slot"] != form.CONFIRMED
    assert all(m["text"] != form_texts.CORRECTED for m in messages) and messages  # the problem is explained instead


def test_a_whole_new_range_in_a_correction_changes_both_days() -> None:
    _m, slots = run_validation(
        tracker("no, the dates are March 16 to 20", form.CONFIRMED, intent="verlof_correction", language="en", **FILLED)
    )
    assert (slots[form.START], slots[form.END]) == ("2026-03-16", "2026-03-20")


# -- dates where the event, the reason or another answer was asked -------------------------------------------------

GEWICHTIG = {form.KIND: "gewichtige_omstandigheid"}


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("nl", "9 t/m 13 maart", ["Ik heb de data genoteerd", "maandag 9 maart 2026 tot en met vrijdag 13 maart 2026"]),
        (
            "en",
            "March 9 to 13",
            ["I have noted the dates", "Monday, March 9, 2026 up to and including Friday, March 13"],
        ),
        ("ar", "من ٩ إلى ١٣ مارس", ["سجّلت التواريخ", "9 مارس 2026", "13 مارس 2026"]),
        ("uk", "9-13 березня", ["Я записав дати", "9 березня 2026", "13 березня 2026", "(включно)"]),
        ("tr", "9'dan 13 Mart'a kadar", ["Tarihleri not ettim", "9 Mart 2026 Pazartesi", "13 Mart 2026 Cuma"]),
        ("pl", "od 9 do 13 marca", ["Zapisałem daty", "9 marca 2026", "13 marca 2026", "(włącznie)"]),
    ],
)
def test_dates_typed_as_the_event_are_kept_and_the_event_is_asked_again(
    language: str, text: str, words: list[str]
) -> None:
    from assistant.i18n import UNTRANSLATED_NOTICE, translate

    messages, slots = answer_in(language, form.CATEGORY, text, **GEWICHTIG)
    assert (slots[form.START], slots[form.END]) == ("2026-03-09", "2026-03-13")
    assert slots[form.CATEGORY] is None and slots["requested_slot"] == form.CATEGORY
    assert slots.get(form.REASON) is None  # the dates are not the story either
    [message] = messages
    assert translate(UNTRANSLATED_NOTICE, language) not in message["text"]
    for expected in words:
        assert expected in message["text"], message["text"]
    assert message["buttons"] == []


def answer_in(language: str, slot: str, text: str, **slots: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    return run_validation(tracker(text, slot, set_slot=slot, language=language, **slots))


def test_kept_dates_are_not_asked_again_later() -> None:
    _m, slots = answer_in("en", form.KIND, "March 9 to 13")
    assert slots[form.KIND] is None and slots["requested_slot"] == form.KIND
    assert (slots[form.START], slots[form.END]) == ("2026-03-09", "2026-03-13")
    _m, slots = answer_in(
        "en",
        form.SCHOOL,
        "De Borgh",
        **{
            form.KIND: "vakantie",
            form.CHILD_NAME: "Sara Jansen",
            form.CHILD_CLASS: "groep 5",
            form.START: "2026-03-09",
            form.END: "2026-03-13",
        },
    )
    assert slots["requested_slot"] == form.HOME
    _m, slots = answer_in(
        "en",
        form.HOME,
        "Hengelo",
        **{**BEFORE_DATES, form.HOME: None, form.START: "2026-03-09", form.END: "2026-03-13"},
    )
    assert slots["requested_slot"] == form.REASON  # not the first day


def test_the_same_dates_as_the_reason_keep_everything_and_ask_the_reason_again() -> None:
    slots_before = {k: v for k, v in FILLED.items() if k not in (form.REASON, form.EMPLOYER, form.EMAIL)}
    messages, slots = answer_in("uk", form.REASON, "9-13 березня", **slots_before)
    assert slots[form.REASON] is None and slots["requested_slot"] == form.REASON
    assert form.START not in slots and form.END not in slots  # the known dates are left as they are
    assert "Ці дати в мене вже є" in messages[0]["text"] and messages[0]["buttons"] == []


def test_other_dates_as_the_reason_keep_the_known_ones_and_offer_to_change_them() -> None:
    slots_before = {k: v for k, v in FILLED.items() if k not in (form.REASON, form.EMPLOYER, form.EMAIL)}
    messages, slots = answer_in("en", form.REASON, "March 16 to 20", **slots_before)
    assert slots[form.REASON] is None and slots["requested_slot"] == form.REASON
    assert form.START not in slots and form.END not in slots
    text = messages[0]["text"]
    assert "Earlier you gave these dates: Monday, March 9, 2026 up to and including Friday, March 13, 2026" in text
    assert messages[0]["buttons"] == [
        {"title": "Enter other dates", "payload": '/verlof_correction{"verlof_field": "date"}'}
    ]


def test_dates_that_cannot_be_used_yet_are_left_for_the_date_question() -> None:
    messages, slots = answer_in("pl", form.CATEGORY, "5 stycznia 2026", **GEWICHTIG)  # before "today"
    assert slots[form.CATEGORY] is None and slots.get(form.START) is None and slots.get(form.END) is None
    assert "O daty zapytam za chwilę" in messages[0]["text"]


def test_a_reason_that_mentions_a_date_is_a_reason() -> None:
    slots_before = {k: v for k, v in FILLED.items() if k not in (form.REASON, form.EMPLOYER, form.EMAIL)}
    messages, slots = answer_in("nl", form.REASON, "de bruiloft van mijn zus is op 13 maart", **slots_before)
    assert slots[form.REASON] == "de bruiloft van mijn zus is op 13 maart" and messages == []
    _m, slots = answer_in("en", form.CATEGORY, "my sister's wedding on March 13", **GEWICHTIG)
    assert slots[form.CATEGORY] == "overig" and form.START not in slots


def test_dates_again_and_again_offer_a_person() -> None:
    slots_before = {k: v for k, v in FILLED.items() if k not in (form.REASON, form.EMPLOYER, form.EMAIL)}
    failures = None
    for _attempt in range(3):
        messages, slots = answer_in("nl", form.REASON, "9 t/m 13 maart", **{**slots_before, form.FAILURES: failures})
        failures = slots[form.FAILURES]
    assert failures == {"slot": form.REASON, "count": 3}
    assert messages[0]["buttons"][-1] == {"title": "Met een medewerker praten", "payload": "/request_human"}
