"""`assistant purge`: chats and closed cases past their retention period go, from the app tables and Rasa's tracker
store, on SQLite (tracker in its own file) and PostgreSQL (tracker in the same database), right at the boundary."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assistant import cli
from assistant.cases.models import STATUS_CLOSED, STATUS_HANDED_BACK, AuditEntry, Case, CaseMessage, CaseNote
from assistant.db import session as db_session
from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope
from assistant.privacy import retention
from assistant.settings import Settings, get_settings
from tests.cases.helpers import make_case
from tests.privacy.rasa_tracker import events_per_sender, write_tracker

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
CHAT_CUTOFF = NOW - timedelta(days=28)
CASE_CUTOFF = NOW - timedelta(days=365)
MINUTE = timedelta(minutes=1)
PERSONAL = ("Fatima", "Mijn zoon Ahmed is ziek", "Moeder belde: Ahmed woont in Borne", "Ik wil een leerplichtambtenaar")


def _reset() -> None:
    get_settings.cache_clear()
    db_session.get_engine.cache_clear()
    db_session.get_sessionmaker.cache_clear()


@pytest.fixture
def settings(any_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    monkeypatch.setenv("APP_ENV", "test")
    monkeypatch.setenv("DATABASE_URL", any_database_url)
    if any_database_url.startswith("sqlite"):
        monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    else:
        monkeypatch.delenv("TRACKER_STORE_URL", raising=False)  # the same PostgreSQL database
    monkeypatch.setenv("CHAT_RETENTION_DAYS", "28")
    monkeypatch.setenv("CASE_RETENTION_DAYS", "365")
    _reset()
    yield get_settings()
    db_session.get_engine().dispose()
    _reset()


def conversation(sender_id: str, last_activity: datetime, turns: int = 2) -> None:
    with session_scope() as session:
        row = Conversation(sender_id=sender_id, language="nl", created_at=last_activity, last_activity_at=last_activity)
        session.add(row)
        session.flush()
        for i in range(turns):
            session.add(
                ChatMessage(
                    conversation_id=row.id,
                    author="user" if i % 2 == 0 else "bot",
                    text="Mijn zoon Ahmed is ziek",
                    created_at=last_activity,
                )
            )


def case(sender_id: str, *, closed_at: datetime | None = None, status: str | None = None) -> str:
    reference = make_case(sender_id, town="Borne", now=(closed_at or NOW) - timedelta(days=3))
    with session_scope() as session:
        row = session.scalar(select(Case).where(Case.reference == reference))
        session.add(CaseMessage(case_id=row.id, author="user", text="Mijn zoon Ahmed is ziek"))
        session.add(CaseNote(case_id=row.id, text="Moeder belde: Ahmed woont in Borne"))
        if closed_at is not None:
            row.status, row.outcome, row.closed_at = STATUS_CLOSED, "answered", closed_at
        elif status is not None:
            row.status = status
    return reference


def senders() -> set[str]:
    with session_scope() as session:
        return set(session.scalars(select(Conversation.sender_id)))


def references() -> set[str]:
    with session_scope() as session:
        return set(session.scalars(select(Case.reference)))


def count(model) -> int:
    with session_scope() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def populated(settings: Settings) -> dict[str, str]:
    conversation("chat-expired", CHAT_CUTOFF - MINUTE)
    conversation("chat-kept", CHAT_CUTOFF + MINUTE)
    conversation("chat-open-case", CHAT_CUTOFF - timedelta(days=10))
    conversation("chat-handed-back", CHAT_CUTOFF - timedelta(days=10))
    conversation("chat-closed-case", CHAT_CUTOFF - MINUTE)
    refs = {
        "open": case("chat-open-case"),
        "handed_back": case("chat-handed-back", status=STATUS_HANDED_BACK),
        "closed_recent": case("chat-closed-case", closed_at=CASE_CUTOFF + MINUTE),
        "closed_expired": case("case-expired", closed_at=CASE_CUTOFF - MINUTE),
        "old_but_open": case("case-old-open", status=None),
    }
    with session_scope() as session:  # an open case that is very old: never purged
        row = session.scalar(select(Case).where(Case.reference == refs["old_but_open"]))
        row.created_at = CASE_CUTOFF - timedelta(days=400)
    tracker = {
        "chat-expired": CHAT_CUTOFF - MINUTE,
        "chat-kept": CHAT_CUTOFF + MINUTE,
        "chat-open-case": CHAT_CUTOFF - timedelta(days=10),
        "chat-handed-back": CHAT_CUTOFF - timedelta(days=10),
        "chat-closed-case": CHAT_CUTOFF - MINUTE,
        "rest-only-old": CHAT_CUTOFF - timedelta(days=1),
        "rest-only-new": CHAT_CUTOFF + timedelta(seconds=5),
    }
    write_tracker(settings.resolved_tracker_store_url, {s: at.timestamp() for s, at in tracker.items()})
    return refs


def test_purge_deletes_exactly_what_is_past_the_boundary(settings: Settings, populated: dict[str, str]):
    result = retention.purge(settings, now=NOW)

    assert senders() == {"chat-kept", "chat-open-case", "chat-handed-back"}
    assert references() == {
        populated["open"],
        populated["handed_back"],
        populated["closed_recent"],
        populated["old_but_open"],
    }
    assert set(events_per_sender(settings.resolved_tracker_store_url)) == {
        "chat-kept",
        "chat-open-case",
        "chat-handed-back",
        "rest-only-new",
    }
    assert (result.conversations, result.chat_messages) == (2, 4)
    assert (result.cases, result.case_messages, result.case_notes) == (1, 1, 1)
    assert result.tracker_conversations == 3 and result.tracker_events >= 9  # 3 senders x (user, slot, bot, ...)
    assert result.case_references == [populated["closed_expired"]]
    assert result.tracker_store == (
        "separate database" if settings.database_url.startswith("sqlite") else "same database"
    )
    # messages and notes of deleted cases are gone; the kept cases keep theirs
    assert count(CaseMessage) == 4 and count(CaseNote) == 4


def test_purge_is_audited_and_audit_records_keep_no_personal_text(settings: Settings, populated: dict[str, str]):
    result = retention.purge(settings, now=NOW)
    with session_scope() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "purge"))
        assert entry.actor == "system" and entry.object_type == "retention"
        assert entry.details["conversations"] == result.conversations == 2
        assert entry.details["cases"] == 1 and entry.details["tracker_events"] == result.tracker_events
        # the purged case's own audit trail stays, without any of its texts
        trail = session.scalars(select(AuditEntry).where(AuditEntry.object_ref == populated["closed_expired"])).all()
        assert [e.action for e in trail] == ["case_opened"]
        everything = json.dumps(
            [[e.actor, e.action, e.object_ref, e.details] for e in session.scalars(select(AuditEntry))],
            ensure_ascii=False,
        )
    for text in PERSONAL:
        assert text not in everything


def test_purge_is_idempotent(settings: Settings, populated: dict[str, str]):
    retention.purge(settings, now=NOW)
    before = (senders(), references(), events_per_sender(settings.resolved_tracker_store_url))
    again = retention.purge(settings, now=NOW)
    assert again.counts() == {key: 0 for key in again.counts()}
    assert (senders(), references(), events_per_sender(settings.resolved_tracker_store_url)) == before
    with session_scope() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.action == "purge")) == 2


def test_a_failing_purge_changes_nothing_in_the_app_tables(
    settings: Settings, populated: dict[str, str], monkeypatch: pytest.MonkeyPatch
):
    tracker_before = events_per_sender(settings.resolved_tracker_store_url)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(retention, "delete_tracker_events", broken)
    with pytest.raises(RuntimeError):
        retention.purge(settings, now=NOW)
    assert "chat-expired" in senders() and populated["closed_expired"] in references()
    assert events_per_sender(settings.resolved_tracker_store_url) == tracker_before
    with session_scope() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.action == "purge")) == 0


def test_without_a_tracker_store_yet_the_app_tables_are_still_purged(settings: Settings):
    conversation("chat-expired", CHAT_CUTOFF - MINUTE)
    result = retention.purge(settings, now=NOW)
    assert result.conversations == 1 and result.tracker_store == "none"
    if settings.database_url.startswith("sqlite"):  # the tracker file is not created by a purge
        assert not Path(settings.resolved_tracker_store_url.removeprefix("sqlite:///")).exists()


def test_cli_purge_prints_the_counts(settings: Settings, capsys: pytest.CaptureFixture[str]):
    conversation("chat-old", datetime.now(timezone.utc) - timedelta(days=40))
    conversation("chat-new", datetime.now(timezone.utc) - timedelta(days=1))
    assert cli.main(["purge"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("purged 1 conversations (2 messages)")
    assert senders() == {"chat-new"}


def test_scheduler_runs_job_until_stopped():
    import threading

    stop, runs = threading.Event(), []

    def job():
        runs.append(time.monotonic())
        if len(runs) == 3:
            stop.set()
        if len(runs) == 2:
            raise RuntimeError("database restarting")

    errors: list[BaseException] = []
    thread = threading.Thread(target=retention.run_every, args=(0.05, job, stop, errors.append, 0.01))
    thread.start()
    thread.join(timeout=5)
    assert not thread.is_alive() and len(runs) == 3 and len(errors) == 1


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_scheduled_purge_process_stops_cleanly_on_signals(database_url: str, tmp_path: Path, signum: int):
    """`assistant purge --every 3600` (the Procfile's scheduler) purges at once, then sleeps until a signal."""
    environment = {
        **os.environ,
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
        "LOG_JSON": "false",
    }
    command = [str(Path(sys.executable).parent / "assistant"), "purge", "--every", "3600"]
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(2)]
        assert lines[0].startswith("purge scheduled every 3600 s"), lines
        assert lines[1].startswith("purged 0 conversations"), lines
        time.sleep(0.2)
        assert process.poll() is None  # sleeping until the next run
        started = time.monotonic()
        process.send_signal(signum)
        assert process.wait(timeout=5) == 0
        assert time.monotonic() - started < 2
        assert "purge scheduler stopped" in process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def verlof_request(reference: str, status: str, decided_at: datetime | None, created_at: datetime) -> None:
    from datetime import date

    from assistant.verlof_requests.models import VerlofRequest

    with session_scope() as session:
        session.add(
            VerlofRequest(
                reference=reference,
                status=status,
                kind="gewichtige_omstandigheid",
                category="huwelijk",
                child_name="Ahmed",
                child_key="ahmed|school",
                child_class="5b",
                school_name="De Borgh",
                home_municipality="Hengelo",
                municipality="Hengelo",
                start_date=date(2025, 3, 3),
                end_date=date(2025, 3, 3),
                school_days=1,
                school_year="2024-2025",
                decided_by="directeur",
                reason="bruiloft",
                email="ouder@example.nl",
                assessment={},
                decided_at=decided_at,
                created_at=created_at,
            )
        )


def test_finished_verlof_requests_go_after_the_case_period_open_ones_stay(settings: Settings):
    from assistant.verlof_requests.models import STATUS_APPROVED, STATUS_NOTIFIED, STATUS_SUBMITTED, VerlofRequest

    verlof_request("VL-EXPIRED01", STATUS_APPROVED, CASE_CUTOFF - MINUTE, CASE_CUTOFF - timedelta(days=30))
    verlof_request("VL-RECENT001", STATUS_APPROVED, CASE_CUTOFF + MINUTE, CASE_CUTOFF - timedelta(days=30))
    verlof_request("VL-NOTICE001", STATUS_NOTIFIED, None, CASE_CUTOFF - MINUTE)
    verlof_request("VL-OPEN00001", STATUS_SUBMITTED, None, CASE_CUTOFF - timedelta(days=400))

    result = retention.purge(settings, now=NOW)

    with session_scope() as session:
        kept = set(session.scalars(select(VerlofRequest.reference)))
    assert kept == {"VL-RECENT001", "VL-OPEN00001"}
    assert result.verlof_requests == 2


def test_undecided_verlof_requests_go_a_period_after_the_leave_ended(settings: Settings, monkeypatch):
    """Issue 17: an 800-day-old undecided request survived every purge. Undecided requests now go
    VERLOF_UNDECIDED_RETENTION_DAYS after the last day of the leave they asked for."""
    from datetime import date

    from assistant.verlof_requests.models import STATUS_SUBMITTED, VerlofRequest

    verlof_request("VL-ANCIENT01", STATUS_SUBMITTED, None, NOW - timedelta(days=800))  # leave ended 2025-03-03
    with session_scope() as session:
        row = session.scalar(select(VerlofRequest).where(VerlofRequest.reference == "VL-ANCIENT01"))
        row.start_date = row.end_date = date(2024, 1, 8)
    verlof_request("VL-UNDECIDED", STATUS_SUBMITTED, None, NOW - timedelta(days=30))  # leave ended 2025-03-03
    with session_scope() as session:
        row = session.scalar(select(VerlofRequest).where(VerlofRequest.reference == "VL-UNDECIDED"))
        row.start_date = row.end_date = (NOW - timedelta(days=100)).date()

    result = retention.purge(settings, now=NOW)
    with session_scope() as session:
        assert set(session.scalars(select(VerlofRequest.reference))) == {"VL-UNDECIDED"}
        [audit] = session.scalars(select(AuditEntry).where(AuditEntry.action == "purge"))
    assert result.verlof_requests == 1
    assert audit.details["verlof_undecided_retention_days"] == 365 and audit.details["verlof_requests"] == 1

    monkeypatch.setenv("VERLOF_UNDECIDED_RETENTION_DAYS", "90")
    _reset()
    assert retention.purge(get_settings(), now=NOW).verlof_requests == 1


def test_a_purged_verlof_request_takes_its_officer_case_and_thread_along(settings: Settings):
    from assistant.verlof_requests.models import STATUS_APPROVED

    verlof_request("VL-WITHCASE1", STATUS_APPROVED, CASE_CUTOFF - MINUTE, CASE_CUTOFF - timedelta(days=30))
    thread_case = case("verlof:VL-WITHCASE1")  # still open: the officer never closed it
    conversation("verlof:VL-WITHCASE1", NOW - timedelta(days=1))  # a thread kept by older versions
    kept_case = case("verlof:VL-SOMEOTHER")

    result = retention.purge(settings, now=NOW)
    assert result.verlof_requests == 1 and thread_case in result.case_references
    assert references() == {kept_case}
    assert "verlof:VL-WITHCASE1" not in senders()
    assert count(CaseMessage) == count(CaseNote) == 1
