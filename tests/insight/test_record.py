"""What is written for the figures when something happens: each chat turn (topic, outcome, language, office hours,
municipality), cases, verlof requests and refusals, melding checks. Never a text, never a sender id."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select

from assistant.cases import service as case_service
from assistant.db.session import get_engine, session_scope
from assistant.insight import record
from assistant.insight.models import InsightCase, InsightMelding, InsightTurn, InsightVerlof
from assistant.verlof_requests import service as verlof_service
from tests.cases.helpers import MONDAY_10, make_case, make_user
from tests.insight.conftest import answer, menu, not_understood
from tests.verlof_requests.conftest import TODAY, body


def data(**changes) -> verlof_service.RequestData:
    values = body(**changes)
    return verlof_service.RequestData(
        **{
            **values,
            "start_date": date.fromisoformat(values["start_date"]),
            "end_date": date.fromisoformat(values["end_date"]),
        }
    )


def turns() -> list[InsightTurn]:
    with session_scope() as session:
        rows = session.scalars(select(InsightTurn).order_by(InsightTurn.id)).all()
        session.expunge_all()
        return list(rows)


# --- classify_turn (pure) -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("intent", "messages", "slot", "expected"),
    [
        ("ask_ziekte", [{"text": "a", "custom": {"topic": "ziekte", "citations": []}}], None, ("ziekte", "answered")),
        ("nlu_fallback", [{"text": "a", "custom": {"topic": "bezwaar"}}], None, ("bezwaar", "answered")),
        (
            "nlu_fallback",
            [{"text": "Sorry", "buttons": [{"title": "x", "payload": "/y"}], "custom": {"fallback": "suggestions"}}],
            None,
            (None, "menu"),
        ),
        ("ask_followup", [{"text": "Sorry", "custom": {"fallback": "no_match"}}], None, (None, "fallback")),
        ("greet", [{"text": "Sorry, ik begrijp het niet", "utter_action": "utter_default"}], None, (None, "fallback")),
        ("nlu_fallback", [], None, (None, "fallback")),
        (
            "out_of_scope",
            [{"text": "Daar kan ik niet mee helpen", "utter_action": "utter_out_of_scope"}],
            None,
            (None, "out_of_scope"),
        ),
        (
            "request_human",
            [{"text": "Ik geef het door", "custom": {"handoff": {"case_id": "LP-1"}}}],
            None,
            ("medewerker", "handoff"),
        ),
        ("inform", [{"text": "Wat is de naam van uw kind?"}], "verlof_child_name", (None, "form")),
        ("request_verlof", [{"text": "Welk soort verlof?"}], "verlof_kind", ("verlof_aanvraag", "form")),
        ("greet", [{"text": "Goedendag!", "utter_action": "utter_greet"}], None, (None, "other")),
        (None, [], None, (None, "other")),
    ],
)
def test_classify_turn(intent, messages, slot, expected):
    facts = record.classify_turn(intent, messages, slot)
    assert (facts.topic, facts.outcome) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wij wonen in Borne en mijn zoon zit op school", "Borne"),
        ("gemeente HENGELO", "Hengelo"),
        ("ik woon in Oldenzaal.", "Oldenzaal"),
        ("school in Hengelo, wonen in Enschede", None),  # two: do not guess
        ("Hengelose school", None),  # part of another word
        ("Almelo", None),
        ("", None),
    ],
)
def test_municipality_named_in_a_message(text, expected):
    assert record.municipality_in_text(text) == expected


def test_out_of_office_hours_follows_the_default_hours():
    assert record.out_of_hours("Borne", MONDAY_10) is False
    assert record.out_of_hours(None, MONDAY_10.replace(hour=20)) is True
    assert record.out_of_hours("Hengelo", MONDAY_10 + timedelta(days=5)) is True  # Saturday


def test_local_day_and_week_are_dutch_dates():
    late_sunday = datetime(2025, 11, 23, 23, 30, tzinfo=timezone.utc)  # Monday 00:30 in Amsterdam
    assert record.local_day(late_sunday) == date(2025, 11, 24)
    assert record.week_start(date(2025, 11, 30)) == date(2025, 11, 24)


# --- chat turns through the gateway -----------------------------------------------------------------------------


def test_each_turn_is_recorded_with_topic_outcome_language_and_first_turn(chat):
    chat("web-t", "Mag ik op vakantie?", answer("verlof_vakantie"))
    chat("web-t", "asdf", menu())
    chat("web-t", "Hello, what?", not_understood(), language="en")
    rows = turns()
    assert [(t.topic, t.outcome, t.language, t.first_turn, t.intent) for t in rows] == [
        ("verlof_vakantie", "answered", "nl", True, "ask_verlof_vakantie"),
        (None, "menu", "nl", False, "nlu_fallback"),
        (None, "fallback", "en", False, "nlu_fallback"),
    ]
    assert all(t.conversation_id == rows[0].conversation_id and t.user_message_id for t in rows)
    assert rows[0].day == record.local_day(rows[0].at) and rows[0].week == record.week_start(rows[0].day)


def test_the_aggregate_table_has_no_text_and_no_sender_column(configured):
    columns = {column["name"] for column in inspect(get_engine()).get_columns("insight_turns")}
    assert not columns & {"text", "sender_id", "message", "comment"}


def test_a_municipality_named_later_counts_for_the_earlier_turns_too(chat):
    chat("web-m", "Mag ik op vakantie?", answer("verlof_vakantie"))
    chat("web-m", "Wij wonen in Borne", answer("leerplichtambtenaar"))
    chat("web-m", "En in Enschede dan?", answer("leerplichtambtenaar"))  # the first municipality named stays
    assert [t.municipality for t in turns()] == ["Borne", "Borne", "Borne"]


def test_a_message_to_an_open_case_is_recorded_as_for_the_officer(chat, configured):
    chat("web-case", "Ik wil iemand spreken", answer("leerplichtambtenaar"))
    make_case("web-case", town="Hengelo")
    body = chat("web-case", "Hoe lang duurt het nog?", answer("ziekte"))
    assert body["handoff"] is not None and all(isinstance(m["id"], int) for m in body["messages"])
    first, second = turns()
    assert (first.municipality, second.outcome, second.topic, second.municipality) == (
        "Hengelo",
        "officer",
        None,
        "Hengelo",
    )


def test_a_language_switch_answered_by_the_gateway_is_recorded_as_other(chat, fake_rasa):
    body = chat("web-lang", "English please", answer("ziekte"))
    assert fake_rasa.received == [] and body["messages"][0]["id"]
    [turn] = turns()
    assert (turn.outcome, turn.language) == ("other", "en")


# --- cases, verlof, melding -----------------------------------------------------------------------------------


def test_case_is_mirrored_when_opened_answered_and_closed(configured):
    officer = make_user("jan@hengelo.nl")
    reference = make_case("web-c", town="Borne", trigger="absolute_verzuim", now=MONDAY_10)
    from assistant.cases.auth import Principal
    from tests.cases.helpers import load_case, user_id

    principal = Principal(officer, "officer", "Hengelo", display_name="Jan")
    with session_scope() as session:
        case = case_service.get_case(session, principal, reference)
        case_service.reply(session, case, principal, "Ik bel u vandaag.", now=MONDAY_10 + timedelta(hours=2))
        case_service.close(session, case, principal, "investigation", now=MONDAY_10 + timedelta(days=1))
    with session_scope() as session:
        row = session.scalar(select(InsightCase))
        assert (row.reference, row.municipality, row.trigger, row.priority, row.outcome) == (
            reference,
            "Borne",
            "absolute_verzuim",
            "high",
            "investigation",
        )
        assert row.first_response_at.replace(tzinfo=timezone.utc) == MONDAY_10 + timedelta(hours=2)
        assert row.day == date(2025, 11, 24)
    assert load_case(reference).outcome == "investigation" and user_id("jan@hengelo.nl") == officer


def test_verlof_requests_and_rule_refusals_are_counted(configured):
    with session_scope() as session:
        stored = verlof_service.submit(session, data(home_municipality="Borne"), today=TODAY, actor="api")
        reference = stored.reference
    with pytest.raises(verlof_service.RequestRefused) as refused, session_scope() as session:
        verlof_service.submit(session, data(end_date="2026-03-27"), today=TODAY)
    assert refused.value.by_rule
    from assistant.cases.auth import Principal

    school = make_user("directeur@school.nl", role="school", municipality=None, school_id=stored.school_id)
    with session_scope() as session:
        verlof_service.decide(session, Principal(school, "school", None, stored.school_id), reference, "approve", None)
    with session_scope() as session:
        rows = session.scalars(select(InsightVerlof).order_by(InsightVerlof.id)).all()
        assert [(r.reference, r.kind, r.status, r.decided_by, r.municipality, r.source) for r in rows] == [
            (reference, "vakantie", "approved", "directeur", "Borne", "api"),
            (None, "vakantie", "refused_by_rule", None, "Hengelo", "chat"),
        ]


def test_a_wrong_field_is_not_a_rule_refusal(configured):
    with pytest.raises(verlof_service.RequestRefused) as refused, session_scope() as session:
        verlof_service.submit(session, data(email="geen-adres"), today=TODAY)
    assert not refused.value.by_rule
    with session_scope() as session:
        assert session.scalars(select(InsightVerlof)).all() == []


def test_melding_check_api_records_category_and_obligation_only(client):
    response = client.post(
        "/api/melding/check",
        json={
            "school_type": "vo",
            "age": 14,
            "absence_kind": "ongeoorloofd",
            "unauthorized_hours_4_weeks": 16,
            "consecutive_weeks_absent": 1,
            "municipality": "Borne",
        },
    )
    assert response.status_code == 200
    with session_scope() as session:
        [row] = session.scalars(select(InsightMelding)).all()
        assert (row.category, row.obligation, row.municipality, row.source) == (
            response.json()["category"],
            response.json()["obligation"],
            "Borne",
            "api",
        )


def test_a_chat_request_the_rules_refuse_is_counted_once_not_again_while_correcting(configured, today_is):
    from actions.verlof_form import ActionAskVerlofConfirmed
    from assistant.verlof_requests import form
    from tests.actions.test_verlof_form import FILLED, run_action, tracker

    today_is(TODAY)
    slots = {**FILLED, form.END: "2026-03-27", form.HOME: "Borne"}
    run_action(ActionAskVerlofConfirmed(), tracker("", form.CONFIRMED, **slots))
    run_action(ActionAskVerlofConfirmed(), tracker("", form.CONFIRMED, **{**slots, form.CORRECTING: True}))
    with session_scope() as session:
        rows = session.scalars(select(InsightVerlof)).all()
        assert [(r.kind, r.status, r.municipality, r.source) for r in rows] == [
            ("vakantie", "refused_by_rule", "Borne", "chat")
        ]
