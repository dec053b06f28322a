"""The append-only audit log: every state change of a case, every sign-in, every account change.

There is deliberately no update or delete function here. Changing or deleting a record is refused three times over:
this module only inserts, an ORM guard in `assistant.cases.models` raises `AuditLogIsAppendOnly`, and database
triggers (migration 0002) abort any UPDATE or DELETE on `audit_log`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.cases.models import AuditEntry
from assistant.db.base import utcnow

ACTOR_SYSTEM = "system"
ACTOR_CHAT = "chat"


def record(
    session: Session,
    actor: str,
    action: str,
    object_type: str,
    object_ref: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(), actor=actor, action=action, object_type=object_type, object_ref=object_ref, details=details or {}
    )
    session.add(entry)
    return entry


def entries_for(session: Session, object_type: str, object_ref: str) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_type == object_type, AuditEntry.object_ref == object_ref)
            .order_by(AuditEntry.id)
        )
    )
