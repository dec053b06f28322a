"""Erasure of one conversation everywhere: by sender id or case reference, from the command line and the back-office
API (admins; officers only within their municipality), audited without personal data."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assistant import cli
from assistant.cases.models import STATUS_CLOSED, AuditEntry, Case, CaseMessage, CaseNote
from assistant.db import session as db_session
from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope
from assistant.privacy import erasure
from assistant.settings import Settings, get_settings
from tests.cases.helpers import PASSWORD, make_case, make_user
from tests.privacy.rasa_tracker import events_per_sender, write_tracker

TEXTS = ("Mijn dochter Sara (groep 5) is al drie weken thuis", "Vader zegt dat Sara gepest wordt", "Fatima")


def _reset() -> None:
    get_settings.cache_clear()
    db_session.get_engine.cache_clear()
    db_session.get_sessionmaker.cache_clear()


@pytest.fixture(autouse=True)
def private_tracker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the developer's var/tracker.db: every test gets its own tracker file (SQLite)."""
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")


@pytest.fixture
def settings(any_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    monkeypatch.setenv("APP_ENV", "test")
    monkeypatch.setenv("DATABASE_URL", any_database_url)
    if not any_database_url.startswith("sqlite"):
        monkeypatch.delenv("TRACKER_STORE_URL", raising=False)  # the same PostgreSQL database
    _reset()
    yield get_settings()
    db_session.get_engine().dispose()
    _reset()


def chat(sender_id: str, turns: int = 2) -> None:
    with session_scope() as session:
        row = Conversation(sender_id=sender_id, language="nl")
        session.add(row)
        session.flush()
        for i in range(turns):
            session.add(ChatMessage(conversation_id=row.id, author="user" if i % 2 == 0 else "bot", text=TEXTS[0]))


def case(sender_id: str, town: str = "Borne", closed: bool = False) -> str:
    reference = make_case(sender_id, town=town)
    with session_scope() as session:
        row = session.scalar(select(Case).where(Case.reference == reference))
        session.add(CaseMessage(case_id=row.id, author="user", text=TEXTS[0]))
        session.add(CaseNote(case_id=row.id, text=TEXTS[1]))
        if closed:
            row.status, row.outcome = STATUS_CLOSED, "answered"
    return reference


def remaining(sender_id: str) -> dict[str, int]:
    with session_scope() as session:
        case_ids = list(session.scalars(select(Case.id).where(Case.sender_id == sender_id)))
        return {
            "conversations": session.scalar(select(func.count()).where(Conversation.sender_id == sender_id)),
            "chat_messages": session.scalar(
                select(func.count())
                .select_from(ChatMessage)
                .join(Conversation)
                .where(Conversation.sender_id == sender_id)
            ),
            "cases": len(case_ids),
            "case_messages": session.scalar(select(func.count()).where(CaseMessage.case_id.in_(case_ids))),
            "case_notes": session.scalar(select(func.count()).where(CaseNote.case_id.in_(case_ids))),
        }


def erase_audits() -> list[AuditEntry]:
    with session_scope() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == "erase").order_by(AuditEntry.id)))


NOTHING = {"conversations": 0, "chat_messages": 0, "cases": 0, "case_messages": 0, "case_notes": 0}


@pytest.fixture
def two_conversations(settings: Settings) -> dict[str, str]:
    chat("web-erase-me")
    chat("web-keep-me")
    refs = {"closed": case("web-erase-me", closed=True), "open": case("web-erase-me"), "other": case("web-keep-me")}
    write_tracker(settings.resolved_tracker_store_url, {"web-erase-me": 1.7e9, "web-keep-me": 1.7e9})
    return refs


@pytest.mark.parametrize("by", ["sender_id", "case_reference"])
def test_erase_removes_the_conversation_everywhere_and_nothing_else(settings, two_conversations, by):
    target = {"sender_id": "web-erase-me"} if by == "sender_id" else {"case_reference": two_conversations["open"]}
    result = erasure.erase(**target, via="cli")

    assert remaining("web-erase-me") == NOTHING
    assert set(events_per_sender(settings.resolved_tracker_store_url)) == {"web-keep-me"}
    assert remaining("web-keep-me") == {
        "conversations": 1,
        "chat_messages": 2,
        "cases": 1,
        "case_messages": 1,
        "case_notes": 1,
    }
    assert (result.conversations, result.chat_messages, result.cases, result.case_messages, result.case_notes) == (
        1,
        2,
        2,
        2,
        2,
    )
    assert result.tracker_events >= 3
    assert sorted(result.case_references) == sorted([two_conversations["closed"], two_conversations["open"]])


def test_erasure_is_audited_without_personal_data(settings, two_conversations):
    result = erasure.erase(sender_id="web-erase-me", via="cli")
    [entry] = erase_audits()
    assert (entry.actor, entry.object_type, entry.object_ref) == ("system", "conversation", result.fingerprint)
    assert entry.details["requested_by"] == "sender_id" and entry.details["via"] == "cli"
    assert entry.details["cases"] == 2 and entry.details["tracker_events"] == result.tracker_events
    assert result.fingerprint == erasure.fingerprint("web-erase-me", settings)  # verifiable by who knows the id
    with session_scope() as session:
        log = json.dumps(
            [[e.actor, e.object_ref, e.details] for e in session.scalars(select(AuditEntry))], ensure_ascii=False
        )
    assert "web-erase-me" not in log
    for text in TEXTS:
        assert text not in log


def test_nothing_to_erase_changes_nothing_and_is_not_audited(settings, two_conversations):
    with pytest.raises(erasure.NothingToErase):
        erasure.erase(sender_id="web-unknown")
    with pytest.raises(erasure.NothingToErase):
        erasure.erase(case_reference="LP-XXXXXXXXXX")
    assert erase_audits() == []
    assert remaining("web-erase-me")["cases"] == 2


def test_a_failing_erasure_leaves_everything(settings, two_conversations, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("connection lost")

    monkeypatch.setattr(erasure, "delete_tracker_events", broken)
    with pytest.raises(RuntimeError):
        erasure.erase(sender_id="web-erase-me")
    assert remaining("web-erase-me")["cases"] == 2 and remaining("web-erase-me")["conversations"] == 1
    assert "web-erase-me" in events_per_sender(settings.resolved_tracker_store_url)
    assert erase_audits() == []


def test_cli_erase(settings, two_conversations, capsys):
    assert cli.main(["erase", "--case", two_conversations["other"]]) == 0
    assert capsys.readouterr().out.startswith("erased conversation hmac-sha256:")
    assert remaining("web-keep-me") == NOTHING
    assert cli.main(["erase", "--sender-id", "web-keep-me"]) == 1
    assert "nothing found" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["erase"])  # one of --sender-id / --case is required


# --- the back-office API -----------------------------------------------------------------------------------------

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def sign_in(client, email: str) -> str:
    client.cookies.clear()
    page = client.get("/backoffice/login")
    response = client.post(
        "/backoffice/login",
        data={"email": email, "password": PASSWORD, "next": "", "csrf_token": _TOKEN.search(page.text).group(1)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client.get("/api/backoffice/session").json()["csrf_token"]


@pytest.fixture
def accounts(client) -> None:
    make_user("admin@twente.nl", role="admin", municipality=None)
    make_user("jan@hengelo.nl", role="officer", municipality="Hengelo")
    make_user("els@enschede.nl", role="officer", municipality="Enschede")
    make_user("school@obs.nl", role="school", municipality=None, school_id="obs-1")


def test_api_needs_a_session_and_the_csrf_token(client, accounts):
    chat("web-anon")
    assert client.delete("/api/backoffice/conversations/web-anon").status_code == 401
    sign_in(client, "admin@twente.nl")
    assert client.delete("/api/backoffice/conversations/web-anon").status_code == 403
    assert client.delete("/api/backoffice/conversations/web-anon", headers={"X-CSRF-Token": "wrong"}).status_code == 403
    assert remaining("web-anon")["conversations"] == 1


def test_admin_erases_any_conversation(client, accounts):
    chat("web-anon")
    token = sign_in(client, "admin@twente.nl")
    response = client.delete("/api/backoffice/conversations/web-anon", headers={"X-CSRF-Token": token})
    assert response.status_code == 200, response.text
    assert response.json()["erased"]["conversations"] == 1 and response.json()["erased"]["chat_messages"] == 2
    assert remaining("web-anon") == NOTHING
    assert client.delete("/api/backoffice/conversations/web-anon", headers={"X-CSRF-Token": token}).status_code == 404
    [entry] = erase_audits()
    assert entry.actor.startswith("user:") and entry.details["via"] == "api"


def test_officer_erases_only_within_their_municipality(client, accounts):
    chat("web-borne")
    borne = case("web-borne", town="Borne")  # Hengelo runs leerplicht for Borne
    losser = case("web-losser", town="Losser")  # Enschede's
    chat("web-anon")
    case("web-both", town="Losser", closed=True)  # closed first: a sender has one open case at a time
    both = case("web-both", town="Borne")

    token = sign_in(client, "jan@hengelo.nl")
    headers = {"X-CSRF-Token": token}
    assert client.post(f"/api/backoffice/cases/{losser}/erase", headers=headers).status_code == 404
    assert client.delete("/api/backoffice/conversations/web-losser", headers=headers).status_code == 404
    assert client.delete("/api/backoffice/conversations/web-anon", headers=headers).status_code == 404
    assert client.post(f"/api/backoffice/cases/{both}/erase", headers=headers).status_code == 404
    assert remaining("web-losser")["cases"] == 1 and remaining("web-anon")["conversations"] == 1
    assert remaining("web-both")["cases"] == 2

    response = client.post(f"/api/backoffice/cases/{borne}/erase", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["erased"]["case_references"] == [borne]
    assert remaining("web-borne") == NOTHING

    token = sign_in(client, "els@enschede.nl")
    assert client.delete("/api/backoffice/conversations/web-losser", headers={"X-CSRF-Token": token}).status_code == 200
    assert [e.details["requested_by"] for e in erase_audits()] == ["case_reference", "sender_id"]


def test_school_accounts_cannot_erase(client, accounts):
    reference = case("web-borne", town="Borne")
    token = sign_in(client, "school@obs.nl")
    assert client.post(f"/api/backoffice/cases/{reference}/erase", headers={"X-CSRF-Token": token}).status_code == 404
    assert remaining("web-borne")["cases"] == 1


def test_api_refuses_malformed_ids(client, accounts):
    token = sign_in(client, "admin@twente.nl")
    assert client.delete("/api/backoffice/conversations/a%20b", headers={"X-CSRF-Token": token}).status_code == 422


# --- every row tied to the conversation, verlof requests included (issue 17) ---------------------------------------


def verlof(
    sender_id: str | None, *, child: str = "Sara Jansen", email: str = "ouder@voorbeeld.nl", officer: bool = True
) -> tuple[str, str | None]:
    """A verlof request made in the chat of `sender_id` (or through the API: None); with `officer` it is 12 school
    days under art. 14, so the leerplichtambtenaar decides and it has an officer case with a message and a note.
    Returns (reference, case reference)."""
    from datetime import date

    from assistant.cases import service as case_service
    from assistant.cases.auth import Principal
    from assistant.cases.models import User
    from assistant.verlof_requests import service

    data = service.RequestData(
        kind="gewichtige_omstandigheid",
        category="ernstige_ziekte",
        start_date=date(2026, 3, 9),
        end_date=date(2026, 3, 24) if officer else date(2026, 3, 10),
        child_name=child,
        child_class="groep 5",
        school_id="hengelo-de-borgh",
        home_municipality="Borne",
        reason="Mijn moeder Fatima is ernstig ziek.",
        email=email,
        sender_id=sender_id,
    )
    with session_scope() as session:
        request = service.submit(session, data, today=date(2026, 1, 12))
        reference, case_reference = request.reference, request.case_reference
        if case_reference:
            case = session.scalar(select(Case).where(Case.reference == case_reference))
            officer_user = session.scalar(select(User).where(User.role == "officer"))
            principal = Principal.of(officer_user)
            case_service.reply(session, case, principal, "Kunt u een verklaring van de arts sturen?")
            case_service.add_note(session, case, principal, "Moeder Fatima belde over Sara")
            service.add_parent_message(session, request, "Ja, die stuur ik.")
    return reference, case_reference


def tied_rows(sender_id: str, references: list[str]) -> dict[str, int]:
    """Rows in each app table tied to the chat `sender_id` and to the verlof requests `references`."""
    from assistant.verlof_requests.models import VerlofRequest

    senders = [sender_id, *(f"verlof:{reference}" for reference in references)]
    with session_scope() as session:
        case_ids = list(session.scalars(select(Case.id).where(Case.sender_id.in_(senders))))
        return {
            "conversations": session.scalar(select(func.count()).where(Conversation.sender_id.in_(senders))),
            "chat_messages": session.scalar(
                select(func.count())
                .select_from(ChatMessage)
                .join(Conversation)
                .where(Conversation.sender_id.in_(senders))
            ),
            "cases": len(case_ids),
            "case_messages": session.scalar(select(func.count()).where(CaseMessage.case_id.in_(case_ids))),
            "case_notes": session.scalar(select(func.count()).where(CaseNote.case_id.in_(case_ids))),
            "verlof_requests": session.scalar(
                select(func.count())
                .select_from(VerlofRequest)
                .where((VerlofRequest.sender_id == sender_id) | VerlofRequest.reference.in_(references))
            ),
        }


TABLES = ("conversations", "chat_messages", "cases", "case_messages", "case_notes", "verlof_requests")


@pytest.fixture
def with_verlof(settings: Settings) -> dict[str, object]:
    make_user("jan@hengelo.nl", role="officer", municipality="Hengelo")
    chat("web-parent")
    mine, mine_case = verlof("web-parent")
    small, _ = verlof("web-parent", officer=False, child="Tim Jansen")  # the directeur decides: no case
    theirs, theirs_case = verlof("web-other", child="Eva Smit", email="ander@voorbeeld.nl")
    chat("web-other")
    api_made, api_case = verlof(None, child="Noor Bakker", email="noor@voorbeeld.nl")
    before = tied_rows("web-parent", [mine, small])
    assert all(before[table] for table in TABLES), before
    return {
        "mine": [mine, small],
        "mine_case": mine_case,
        "theirs": theirs,
        "theirs_case": theirs_case,
        "api": api_made,
        "api_case": api_case,
    }


@pytest.mark.parametrize("table", TABLES)
def test_erasing_a_conversation_empties_every_table_of_it(settings, with_verlof, table):
    result = erasure.erase(sender_id="web-parent")
    assert tied_rows("web-parent", with_verlof["mine"])[table] == 0
    assert tied_rows("web-other", [with_verlof["theirs"]])[table] > 0  # the other parent's rows stay
    assert result.verlof_requests == 2 and with_verlof["mine_case"] in result.case_references


def test_erasing_a_conversation_empties_its_tracker(settings, with_verlof):
    write_tracker(settings.resolved_tracker_store_url, {"web-parent": 1.7e9, "web-other": 1.7e9})
    erasure.erase(sender_id="web-parent")
    assert set(events_per_sender(settings.resolved_tracker_store_url)) == {"web-other"}


@pytest.mark.parametrize("by", ["verlof_reference", "officer_case"])
def test_a_verlof_reference_or_its_officer_case_erases_the_conversation_it_came_from(settings, with_verlof, by):
    target = (
        {"verlof_reference": with_verlof["mine"][0].lower()}
        if by == "verlof_reference"
        else {"case_reference": with_verlof["mine_case"]}
    )
    erasure.erase(**target)
    assert tied_rows("web-parent", with_verlof["mine"]) == dict.fromkeys(TABLES, 0)
    assert all(tied_rows("web-other", [with_verlof["theirs"]])[t] for t in TABLES)


def test_a_request_made_through_the_api_is_erased_with_its_case(settings, with_verlof):
    result = erasure.erase(verlof_reference=with_verlof["api"])
    assert (result.verlof_requests, result.conversations, result.case_references) == (1, 0, [with_verlof["api_case"]])
    assert tied_rows("none", [with_verlof["api"]]) == dict.fromkeys(TABLES, 0)
    assert tied_rows("web-parent", with_verlof["mine"])["verlof_requests"] == 2


def test_the_audit_of_a_verlof_erasure_holds_no_personal_data(settings, with_verlof):
    from assistant.cases.models import AuditEntry

    erasure.erase(sender_id="web-parent")
    with session_scope() as session:
        log = json.dumps(
            [[e.actor, e.object_ref, e.details] for e in session.scalars(select(AuditEntry))], ensure_ascii=False
        )
    for personal in ("Sara", "Fatima", "ouder@voorbeeld.nl", "web-parent", "Kunt u een verklaring"):
        assert personal not in log


def test_cli_erases_a_verlof_request(settings, with_verlof, capsys):
    assert cli.main(["erase", "--verlof", with_verlof["theirs"]]) == 0
    assert "1 verlof requests" in capsys.readouterr().out
    assert tied_rows("web-other", [with_verlof["theirs"]]) == dict.fromkeys(TABLES, 0)


def test_officers_erase_verlof_requests_only_within_their_municipality(client, accounts):
    reference, _case = verlof(None)  # Borne: Hengelo's
    token = sign_in(client, "els@enschede.nl")
    assert client.post(f"/api/backoffice/verlof/{reference}/erase", headers={"X-CSRF-Token": token}).status_code == 404
    token = sign_in(client, "school@obs.nl")
    assert client.post(f"/api/backoffice/verlof/{reference}/erase", headers={"X-CSRF-Token": token}).status_code == 404
    token = sign_in(client, "jan@hengelo.nl")
    response = client.post(f"/api/backoffice/verlof/{reference}/erase", headers={"X-CSRF-Token": token})
    assert response.status_code == 200 and response.json()["erased"]["verlof_requests"] == 1
