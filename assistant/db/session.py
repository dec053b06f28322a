"""Engine and session factory built from the settings."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from assistant.db.base import utcnow
from assistant.db.models import Conversation
from assistant.settings import get_settings


def normalise_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs given in the common `postgresql://` form."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def build_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across app crashes, fewer fsyncs
            cursor.execute("PRAGMA busy_timeout=15000")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


@lru_cache
def get_engine() -> Engine:
    return build_engine(get_settings().database_url)


@lru_cache
def get_sessionmaker() -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(), expire_on_commit=False)


@contextmanager
def session_scope() -> Iterator[Session]:
    """A transaction: commits on success, rolls back on any error (no half-written rows)."""
    session = get_sessionmaker()()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def database_writable() -> bool:
    """Whether the database takes a write now: a row inserted and rolled back (nothing remains). A read-only database
    (file, server or transaction) fails here; so does one that cannot be reached."""
    try:
        with get_engine().connect() as connection, connection.begin() as transaction:
            connection.execute(
                Conversation.__table__.insert().values(
                    sender_id=f"health-probe-{uuid.uuid4().hex}",
                    language="nl",
                    created_at=utcnow(),
                    last_activity_at=utcnow(),
                    bsn_notice_given=False,
                )
            )
            transaction.rollback()
        return True
    except Exception:
        return False
