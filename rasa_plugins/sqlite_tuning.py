"""SQLite settings for Rasa's SQL tracker store (runs inside Rasa, environment B).

Rasa's `SQLTrackerStore` opens SQLite with its defaults: a rollback journal and `synchronous=FULL`, so every saved
turn waits for an fsync of the database file. On this machine that was several milliseconds per message, more when
the gateway had just written its own database (the fsync flushes the file system's other dirty pages too). The
gateway's own SQLite engine uses write-ahead logging with `synchronous=NORMAL` (`assistant/db/session.py`); this gives
the tracker store the same: durable when a process is killed (the SIGKILL test), committed without an fsync per turn.
Only SQLite connections are touched; PostgreSQL is left as it is. Installed when the gateway channel is imported.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=15000")


def _tune(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def install() -> None:
    """Apply the pragmas to every SQLite connection any engine opens from now on (idempotent)."""
    if not event.contains(Engine, "connect", _tune):
        event.listen(Engine, "connect", _tune)
