"""Cases in the database (SQLite and PostgreSQL): opening, routing, queue position, transitions, audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from assistant.cases import chat_handoff, service
from assistant.cases.auth import Principal
from assistant.cases.models import AuditEntry, AuditLogIsAppendOnly, Case, CaseMessage, User
from assistant.conversations import transcript
from assistant.db.models import ChatMessage
from assistant.db.session import get_engine, session_scope
from tests.cases.helpers import MONDAY_10, load_case, make_case, make_user


def principal(user_id: int) -> Principal:
    with session_scope() as session:
        return Principal.of(session.get(User, user_id))


def act(reference: str, action, *args):
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == reference))
        return action(session, case, *args)


def audit_actions(reference: str) -> list[tuple[str, str]]:
    with session_scope() as session:
        return [
            (e.actor, e.action)
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.object_ref == reference).order_by(AuditEntry.id)
            )
        ]


def test_case_is_routed_to_the_municipality_and_the_schools_contact_officer(db):
    officer = make_user("jan@hengelo.nl", schools=(("12AB", "OBS De Esch"),))
    make_user("els@enschede.nl", municipality="Enschede", schools=(("99ZZ", "Het Stedelijk"),))
    reference = make_case("s1", town="Borne", school="obs de esch", now=MONDAY_10)
    case = load_case(reference)
    assert case.municipality == "Hengelo" and case.town == "Borne"
    assert case.assigned_officer_id == officer and case.status == "new"
    assert case.priority == "normal"
    assert case.sla_due_at.replace(tzinfo=None) == (MONDAY_10 + timedelta(days=1)).replace(tzinfo=None)
    assert case.assessment["citations"][0]["ref"] == "Leerplichtwet 1969, artikel 13a"
    assert audit_actions(reference) == [("chat", "case_opened")]

    losser = load_case(make_case("s2", town="Losser", school_id="99ZZ", trigger="absolute_verzuim"))
    assert losser.municipality == "Enschede" and losser.priority == "high"
    assert losser.assigned_officer_id is not None


def test_a_school_contact_in_another_municipality_is_not_used(db):
    make_user("els@enschede.nl", municipality="Enschede", schools=(("99ZZ", "Het Stedelijk"),))
    case = load_case(make_case("s1", town="Hengelo", school_id="99ZZ"))
    assert case.municipality == "Hengelo" and case.assigned_officer_id is None


def test_unknown_town_leaves_the_case_for_an_admin_to_route(db):
    case = load_case(make_case("s1", town="Atlantis"))
    assert case.municipality is None and case.status == "new"


def test_consent_is_required_and_handing_over_twice_gives_the_same_case(db):
    with session_scope() as session, pytest.raises(service.ConsentRequired):
        service.open_case(session, sender_id="s1", trigger="user_request", facts={}, assessment={}, consent=False)
    first = make_case("s1")
    assert make_case("s1") == first


def test_queue_position_by_priority_then_age_within_the_municipality(db):
    normal = make_case("a", town="Hengelo", now=MONDAY_10)
    make_case("other", town="Enschede", trigger="safety_signal", now=MONDAY_10 + timedelta(minutes=1))
    urgent = make_case("b", town="Borne", trigger="safety_signal", now=MONDAY_10 + timedelta(minutes=5))
    later_normal = make_case("c", town="Hengelo", now=MONDAY_10 + timedelta(minutes=6))
    with session_scope() as session:
        positions = {
            ref: service.queue_position(session, session.scalar(select(Case).where(Case.reference == ref)))
            for ref in (normal, urgent, later_normal)
        }
    assert positions == {urgent: 1, normal: 2, later_normal: 3}

    info = chat_handoff.open_case_for("b")
    assert info.status == "queued" and info.queue_position == 1
    assert "112" in info.expected_response


def test_transitions_messages_and_audit(db):
    officer = principal(make_user("jan@hengelo.nl"))
    reference = make_case("s1", town="Hengelo", now=MONDAY_10)

    act(reference, service.take, officer)
    assert load_case(reference).status == "assigned"
    act(reference, service.reply, officer, "Goedemorgen, ik bel u vandaag.")
    case = load_case(reference)
    assert case.status == "waiting_for_user" and case.first_response_at is not None
    act(reference, lambda s, c: service.add_user_message(s, c, "Dank u wel"))
    assert load_case(reference).status == "assigned"
    act(reference, service.add_note, officer, "Moeder klinkt bezorgd.")
    act(reference, service.hand_back, officer)
    assert load_case(reference).status == "handed_back"
    assert chat_handoff.open_case_for("s1") is None

    with pytest.raises(service.InvalidTransition):
        act(reference, service.reply, officer, "Nog iets")
    with pytest.raises(service.InvalidInput):
        act(reference, service.close, officer, "onbekend")
    act(reference, service.close, officer, "answered")
    case = load_case(reference)
    assert (case.status, case.outcome) == ("closed", "answered") and case.closed_at is not None
    with pytest.raises(service.InvalidTransition):
        act(reference, service.close, officer, "answered")
    act(reference, service.add_note, officer, "Nazorg: geen.")  # notes stay possible after closing

    assert [a for _, a in audit_actions(reference)] == [
        "case_opened",
        "case_taken",
        "case_replied",
        "user_replied",
        "note_added",
        "case_handed_back",
        "case_closed",
        "note_added",
    ]
    assert {actor for actor, _ in audit_actions(reference)} == {"chat", officer.actor}

    # Messages into the chat: the notice of taking up, the reply, the hand-back notice (no note!).
    messages, handoff = chat_handoff.officer_messages_after("s1")
    assert [m["author"] for m in messages] == ["system", "officer", "system"]
    assert messages[1]["text"] == "Goedemorgen, ik bel u vandaag."
    assert handoff.status == "closed"
    assert chat_handoff.officer_messages_after("s1", messages[1]["id"])[0] == [messages[2]]
    with session_scope() as session:
        authors = [m.author for m in session.scalars(select(ChatMessage).order_by(ChatMessage.id))]
    assert authors == ["system", "officer", "system"]


def test_reply_without_taking_assigns_and_empty_text_is_refused(db):
    officer = principal(make_user("jan@hengelo.nl"))
    reference = make_case("s1", town="Hengelo")
    with pytest.raises(service.InvalidInput):
        act(reference, service.reply, officer, "   ")
    act(reference, service.reply, officer, "Hallo")
    case = load_case(reference)
    assert case.assigned_officer_id == officer.id and case.status == "waiting_for_user"


def test_closing_an_open_case_hands_it_back_with_a_notice(db):
    officer = principal(make_user("jan@hengelo.nl"))
    reference = make_case("s1", town="Hengelo")
    act(reference, service.close, officer, "duplicate")
    messages, _ = chat_handoff.officer_messages_after("s1")
    assert messages[-1]["author"] == "system" and "afgehandeld" in messages[-1]["text"]


def test_create_from_conversation_reads_the_transcript_from_chat_messages(db):
    with session_scope() as session:
        user_turn = transcript.record_user_message(session, "web-9", "nl", "Mijn zoon gaat niet naar school")
        transcript.record_bot_turn(
            session, "web-9", user_turn, ["Wilt u een leerplichtambtenaar spreken?"], "ask_officer", 0.9, None, False
        )
    info = chat_handoff.create_from_conversation(
        "web-9",
        "absolute_verzuim",
        {"town": "Enschede", "child_age": 9, "school": None},
        {"text": "Mogelijk absoluut verzuim.", "citations": [{"ref": "Leerplichtwet 1969, artikel 2"}]},
        now=MONDAY_10,
    )
    assert info.case_id.startswith("LP-") and info.status == "queued" and info.queue_position == 1
    assert info.expected_response.startswith("Een leerplichtambtenaar reageert zo snel mogelijk")
    case = load_case(info.case_id)
    assert [t["author"] for t in case.transcript] == ["user", "bot"]
    assert case.transcript[0]["text"] == "Mijn zoon gaat niet naar school"
    assert case.summary == {"town": "Enschede", "child_age": 9}
    assert case.language == "nl" and case.municipality == "Enschede"


def test_unknown_sender_has_no_messages(db):
    assert chat_handoff.officer_messages_after("nobody") == ([], None)
    assert chat_handoff.open_case_for("nobody") is None


def test_audit_log_is_append_only_in_code_and_in_the_database(db):
    reference = make_case("s1")
    with session_scope() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.object_ref == reference))
        entry.action = "rewritten"
        with pytest.raises(AuditLogIsAppendOnly):
            session.flush()
        session.rollback()
    with session_scope() as session:
        session.delete(session.scalar(select(AuditEntry)))
        with pytest.raises(AuditLogIsAppendOnly):
            session.flush()
        session.rollback()
    with session_scope() as session, pytest.raises(AuditLogIsAppendOnly):
        session.execute(update(AuditEntry).values(action="x"))
    with session_scope() as session, pytest.raises(AuditLogIsAppendOnly):
        session.execute(delete(AuditEntry))
    # Below the ORM, the database triggers refuse too.
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), get_engine().begin() as connection:
            connection.execute(text(statement))
    assert audit_actions(reference) == [("chat", "case_opened")]
    assert not hasattr(__import__("assistant.cases.audit", fromlist=["x"]), "delete")


def test_case_messages_cascade_with_the_case_but_the_audit_log_stays(db):
    reference = make_case("s1")
    officer = principal(make_user("jan@hengelo.nl"))
    act(reference, service.reply, officer, "Hallo")
    with session_scope() as session:
        session.delete(session.scalar(select(Case).where(Case.reference == reference)))
    with session_scope() as session:
        assert session.scalar(select(CaseMessage)) is None
    assert [a for _, a in audit_actions(reference)] == ["case_opened", "case_replied"]
