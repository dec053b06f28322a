"""Retention: `assistant purge` deletes what is kept longer than the privacy statement promises.

- Anonymous chat conversations whose last activity is older than `CHAT_RETENTION_DAYS`, with their messages, and
  Rasa's tracker events of the same conversations. A conversation that a case still holds (any status but closed:
  new, assigned, waiting for the user, handed back) is kept whatever its age.
- Closed cases (with their messages and notes) closed longer than `CASE_RETENTION_DAYS` ago. Their audit records
  stay: the audit log is append-only and holds ids, statuses and counts, never personal text.
- Verlof requests: decided ones `CASE_RETENTION_DAYS` after the decision, notices (art. 13) after submission, and
  undecided ones `VERLOF_UNDECIDED_RETENTION_DAYS` after the last day of the leave they asked for. With a request go
  the officer's case on it (whatever its status) and that case's thread.

The tracker store is found through `Settings.resolved_tracker_store_url`. Rasa keeps no "last activity" of its own,
so a conversation's tracker events are deleted when its newest event is older than the chat cutoff and the app does
not protect it (open case, recent activity); this also removes trackers the app never saw (e.g. Rasa's REST channel).

One run is one transaction per database. With PostgreSQL the tracker table lives in the app database and both are
deleted in the same transaction; with SQLite (a separate tracker file) the tracker is committed first and the app
tables right after. Every run is idempotent, so a run that failed in between is completed by the next one.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    delete,
    func,
    inspect,
    or_,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from assistant.cases import audit
from assistant.cases.models import STATUS_CLOSED, Case, CaseMessage, CaseNote
from assistant.conversations.sender_ids import verlof_sender_id
from assistant.db.base import utcnow
from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import build_engine, normalise_url, session_scope
from assistant.settings import Settings, get_settings
from assistant.verlof_requests.models import (
    STATUS_APPROVED,
    STATUS_NOTIFIED,
    STATUS_REFUSED,
    STATUS_SUBMITTED,
    VerlofRequest,
)

CHUNK = 500  # ids per IN (...) list: well below SQLite's variable limit

# Rasa's SQL tracker store table (rasa.core.tracker_store.SQLTrackerStore.SQLEvent), as far as we read or delete it.
tracker_metadata = MetaData()
tracker_events = Table(
    "events",
    tracker_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


def chunks(values: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


# --- the tracker store ---------------------------------------------------------------------------------------


def same_database(app_url: str, tracker_url: str) -> bool:
    return normalise_url(app_url) == normalise_url(tracker_url)


@contextmanager
def tracker_connection(session: Session, settings: Settings) -> Iterator[Connection | None]:
    """A connection to the tracker store inside a transaction, or None when there is no tracker table yet.

    When the tracker lives in the app database this is the session's own connection (one transaction). Otherwise a
    separate transaction that commits when the block ends without error.
    """
    tracker_url = settings.resolved_tracker_store_url
    if same_database(settings.database_url, tracker_url):
        connection = session.connection()
        yield connection if inspect(connection).has_table(tracker_events.name) else None
        return
    parsed = make_url(tracker_url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).exists():
        yield None  # Rasa has not created its tracker file yet: nothing to delete (and don't create it)
        return
    engine = tracker_engine(tracker_url)
    try:
        with engine.begin() as connection:
            yield connection if inspect(connection).has_table(tracker_events.name) else None
    finally:
        engine.dispose()


def tracker_engine(url: str) -> Engine:
    """An engine for Rasa's tracker store. SQLite: a busy timeout, but Rasa's own journal mode is left alone."""
    if make_url(url).get_backend_name() == "sqlite":
        return create_engine(normalise_url(url), connect_args={"timeout": 15})
    return build_engine(url)


def delete_tracker_events(connection: Connection, sender_ids: Iterable[str]) -> int:
    deleted = 0
    for batch in chunks(sorted(set(sender_ids))):
        deleted += connection.execute(delete(tracker_events).where(tracker_events.c.sender_id.in_(batch))).rowcount
    return deleted


def expired_tracker_senders(connection: Connection, cutoff: datetime) -> set[str]:
    """Senders whose newest tracker event is older than `cutoff`."""
    query = (
        select(tracker_events.c.sender_id)
        .group_by(tracker_events.c.sender_id)
        .having(func.max(tracker_events.c.timestamp) < cutoff.timestamp())
    )
    return set(connection.scalars(query))


# --- the app tables ------------------------------------------------------------------------------------------


def senders_held_by_cases(session: Session) -> set[str]:
    """Conversations a case that is not closed still holds (its officer conversation may go on)."""
    return set(session.scalars(select(Case.sender_id).where(Case.status != STATUS_CLOSED).distinct()))


def delete_conversations(session: Session, conversation_ids: Iterable[int]) -> tuple[int, int]:
    """Delete conversations and their messages; returns (conversations, messages)."""
    conversations = messages = 0
    for batch in chunks(conversation_ids):
        messages += session.execute(delete(ChatMessage).where(ChatMessage.conversation_id.in_(batch))).rowcount
        conversations += session.execute(delete(Conversation).where(Conversation.id.in_(batch))).rowcount
    return conversations, messages


def delete_cases(session: Session, case_ids: Iterable[int]) -> tuple[int, int, int]:
    """Delete cases with their messages and notes; returns (cases, messages, notes). Audit records stay."""
    cases = messages = notes = 0
    for batch in chunks(case_ids):
        messages += session.execute(delete(CaseMessage).where(CaseMessage.case_id.in_(batch))).rowcount
        notes += session.execute(delete(CaseNote).where(CaseNote.case_id.in_(batch))).rowcount
        cases += session.execute(delete(Case).where(Case.id.in_(batch))).rowcount
    return cases, messages, notes


@dataclass
class Removed:
    """What one deletion removed from the app tables, per table."""

    conversations: int = 0
    chat_messages: int = 0
    cases: int = 0
    case_messages: int = 0
    case_notes: int = 0
    verlof_requests: int = 0
    case_references: list[str] = field(default_factory=list)

    def add_conversations(self, counts: tuple[int, int]) -> None:
        self.conversations += counts[0]
        self.chat_messages += counts[1]

    def add_cases(self, counts: tuple[int, int, int], references: Iterable[str]) -> None:
        self.cases += counts[0]
        self.case_messages += counts[1]
        self.case_notes += counts[2]
        self.case_references += list(references)


def delete_senders(session: Session, sender_ids: Iterable[str], removed: Removed) -> None:
    """Every conversation and every case of `sender_ids` (whatever their status), with their messages and notes."""
    senders = sorted(set(sender_ids))
    for batch in chunks(senders):
        removed.add_conversations(
            delete_conversations(
                session, list(session.scalars(select(Conversation.id).where(Conversation.sender_id.in_(batch))))
            )
        )
        cases = list(
            session.execute(select(Case.id, Case.reference).where(Case.sender_id.in_(batch)).order_by(Case.id))
        )
        removed.add_cases(delete_cases(session, [cid for cid, _r in cases]), [reference for _c, reference in cases])


def delete_verlof_requests(session: Session, requests: Iterable[tuple[int, str]], removed: Removed) -> None:
    """Verlof requests `(id, reference)`, with the officer's case on each and that case's thread."""
    requests = list(requests)
    delete_senders(session, [verlof_sender_id(reference) for _id, reference in requests], removed)
    for batch in chunks([request_id for request_id, _r in requests]):
        removed.verlof_requests += (
            session.execute(delete(VerlofRequest).where(VerlofRequest.id.in_(batch))).rowcount or 0
        )


# --- purge ---------------------------------------------------------------------------------------------------


def expired_verlof_requests(session: Session, cutoff: datetime, undecided_cutoff: datetime) -> list[tuple[int, str]]:
    """Verlof requests decided (or, for a religious day, notified) before `cutoff`, and undecided ones whose leave
    ended before `undecided_cutoff`."""
    expired = or_(
        and_(VerlofRequest.status.in_((STATUS_APPROVED, STATUS_REFUSED)), VerlofRequest.decided_at < cutoff),
        and_(VerlofRequest.status == STATUS_NOTIFIED, VerlofRequest.created_at < cutoff),
        and_(VerlofRequest.status == STATUS_SUBMITTED, VerlofRequest.end_date < undecided_cutoff.date()),
    )
    return [
        (request_id, reference)
        for request_id, reference in session.execute(
            select(VerlofRequest.id, VerlofRequest.reference).where(expired).order_by(VerlofRequest.id)
        )
    ]


@dataclass(kw_only=True)
class PurgeResult(Removed):
    chat_cutoff: datetime
    case_cutoff: datetime
    undecided_cutoff: datetime
    tracker_conversations: int = 0
    tracker_events: int = 0
    tracker_store: str = "none"  # "same database", "separate database" or "none" (no tracker table yet)

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if isinstance(v, int)}

    def summary(self) -> str:
        return (
            f"purged {self.conversations} conversations ({self.chat_messages} messages), "
            f"{self.tracker_events} tracker events of {self.tracker_conversations} conversations, "
            f"{self.cases} cases ({self.case_messages} messages, {self.case_notes} notes), "
            f"{self.verlof_requests} verlof requests; "
            f"chat cutoff {self.chat_cutoff:%Y-%m-%d %H:%M} UTC, "
            f"case cutoff {self.case_cutoff:%Y-%m-%d %H:%M} UTC, "
            f"undecided verlof cutoff {self.undecided_cutoff:%Y-%m-%d}"
        )


def purge(settings: Settings | None = None, now: datetime | None = None) -> PurgeResult:
    """Delete everything past its retention period; one audit record ("system", "purge") with the counts."""
    settings = settings or get_settings()
    now = now or utcnow()
    result = PurgeResult(
        chat_cutoff=now - timedelta(days=settings.chat_retention_days),
        case_cutoff=now - timedelta(days=settings.case_retention_days),
        undecided_cutoff=now - timedelta(days=settings.verlof_undecided_retention_days),
    )
    with session_scope() as session:
        delete_verlof_requests(
            session, expired_verlof_requests(session, result.case_cutoff, result.undecided_cutoff), result
        )
        held = senders_held_by_cases(session)
        expired = [
            (cid, sender)
            for cid, sender in session.execute(
                select(Conversation.id, Conversation.sender_id)
                .where(Conversation.last_activity_at < result.chat_cutoff)
                .order_by(Conversation.id)
            )
            if sender not in held
        ]
        result.add_conversations(delete_conversations(session, [cid for cid, _s in expired]))

        expired_cases = list(
            session.execute(
                select(Case.id, Case.reference)
                .where(Case.status == STATUS_CLOSED, Case.closed_at.is_not(None), Case.closed_at < result.case_cutoff)
                .order_by(Case.id)
            )
        )
        result.add_cases(
            delete_cases(session, [cid for cid, _r in expired_cases]), [reference for _cid, reference in expired_cases]
        )

        with tracker_connection(session, settings) as tracker:
            if tracker is not None:
                result.tracker_store = (
                    "same database"
                    if same_database(settings.database_url, settings.resolved_tracker_store_url)
                    else "separate database"
                )
                recent = set(
                    session.scalars(
                        select(Conversation.sender_id).where(Conversation.last_activity_at >= result.chat_cutoff)
                    )
                )
                senders = expired_tracker_senders(tracker, result.chat_cutoff) - held - recent
                result.tracker_conversations = len(senders)
                result.tracker_events = delete_tracker_events(tracker, senders)

        audit.record(
            session,
            audit.ACTOR_SYSTEM,
            "purge",
            "retention",
            None,
            {
                **result.counts(),
                "tracker_store": result.tracker_store,
                "chat_retention_days": settings.chat_retention_days,
                "case_retention_days": settings.case_retention_days,
                "verlof_undecided_retention_days": settings.verlof_undecided_retention_days,
                "chat_cutoff": result.chat_cutoff.isoformat(),
                "case_cutoff": result.case_cutoff.isoformat(),
                "undecided_cutoff": result.undecided_cutoff.isoformat(),
                "case_references": result.case_references[:200],
            },
        )
    return result


# --- the scheduled run ---------------------------------------------------------------------------------------


def run_every(
    interval_seconds: float,
    job: Callable[[], None],
    stop: threading.Event | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    retry_seconds: float = 300,
) -> None:
    """Run `job` now and then every `interval_seconds` until SIGINT/SIGTERM (or `stop` is set).

    A failing run (e.g. the database is restarting) is reported and retried after `retry_seconds` at most.
    Signals are only installed when called from the main thread.
    """
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda _signum, _frame: stop.set())
    while not stop.is_set():
        started = time.monotonic()
        wait = interval_seconds
        try:
            job()
        except Exception as error:  # keep the schedule alive; the next run completes the work
            if on_error is not None:
                on_error(error)
            wait = min(interval_seconds, retry_seconds)
        stop.wait(max(0.0, wait - (time.monotonic() - started)))
