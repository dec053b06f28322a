"""Tables of the officer queue: back-office users, their schools, cases, messages, notes and the audit log.

The audit log is append-only: `assistant.cases.audit` only ever inserts, an ORM guard refuses updates and deletes,
and migration 0002 installs database triggers that refuse them too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column, relationship

from assistant.db.base import Base, utcnow

# Roles of back-office accounts.
ROLE_OFFICER = "officer"
ROLE_SCHOOL = "school"
ROLE_ADMIN = "admin"
ROLES = (ROLE_OFFICER, ROLE_SCHOOL, ROLE_ADMIN)

# Case priorities, most urgent first (the order is the sort order of the queue).
PRIORITY_URGENT = "urgent"
PRIORITY_HIGH = "high"
PRIORITY_NORMAL = "normal"
PRIORITIES = (PRIORITY_URGENT, PRIORITY_HIGH, PRIORITY_NORMAL)

# Case statuses. While a case is "open" the bot is silent and the user talks to the officer.
STATUS_NEW = "new"
STATUS_ASSIGNED = "assigned"
STATUS_WAITING_FOR_USER = "waiting_for_user"
STATUS_HANDED_BACK = "handed_back"
STATUS_CLOSED = "closed"
STATUSES = (STATUS_NEW, STATUS_ASSIGNED, STATUS_WAITING_FOR_USER, STATUS_HANDED_BACK, STATUS_CLOSED)
OPEN_STATUSES = (STATUS_NEW, STATUS_ASSIGNED, STATUS_WAITING_FOR_USER)

# Authors of case messages.
AUTHOR_USER = "user"
AUTHOR_OFFICER = "officer"
AUTHOR_SYSTEM = "system"

# What started a case, as the back office and the figures name it.
TRIGGER_LABELS = {
    "safety_signal": "Signaal over veiligheid",
    "absolute_verzuim": "Kind staat niet ingeschreven (absoluut verzuim)",
    "user_request": "Gebruiker vroeg om een medewerker",
    "rules_need_officer": "Regels: leerplichtambtenaar moet beoordelen",
    "repeated_misunderstanding": "Assistent begreep de vraag meerdere keren niet",
}


class User(Base):
    """A back-office account: a leerplicht officer, a school account or an administrator."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)  # stored lower-case
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # officer | school | admin
    municipality: Mapped[str | None] = mapped_column(String(64), nullable=True)  # officers: whose queue they see
    school_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # school accounts: their school
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Part of every session cookie; a new value (logout, deactivation) ends all sessions of the account.
    session_nonce: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    schools: Mapped[list[OfficerSchool]] = relationship(back_populates="officer", cascade="all, delete-orphan")


class OfficerSchool(Base):
    """A school and its fixed contact officer (one officer per school, an officer has several schools)."""

    __tablename__ = "officer_schools"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[str] = mapped_column(String(64), unique=True)
    school_name: Mapped[str] = mapped_column(String(200))

    officer: Mapped[User] = relationship(back_populates="schools")


class Case(Base):
    """A conversation handed to a human, with what the assistant collected and its legal pre-assessment."""

    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_municipality_status", "municipality", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)  # public, non-guessable: LP-XXXXXXXXXX
    sender_id: Mapped[str] = mapped_column(String(128), index=True)
    # The municipality that runs leerplicht for the child's town; None when the town is unknown (admins route it).
    municipality: Mapped[str | None] = mapped_column(String(64), nullable=True)
    town: Mapped[str | None] = mapped_column(String(64), nullable=True)
    school_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    school_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    assigned_officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    priority: Mapped[str] = mapped_column(String(16))  # urgent | high | normal
    status: Mapped[str] = mapped_column(String(24), default=STATUS_NEW)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    trigger: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8), default="nl")
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    assessment: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The chat transcript up to the handoff (redacted turns), kept with the case.
    transcript: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    consent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sla_due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    first_response_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    assigned_officer: Mapped[User | None] = relationship()
    messages: Mapped[list[CaseMessage]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseMessage.id"
    )
    notes: Mapped[list[CaseNote]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseNote.id"
    )


class CaseMessage(Base):
    """One message between the user and the officer (user texts are stored redacted)."""

    __tablename__ = "case_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(16))  # user | officer | system
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    case: Mapped[Case] = relationship(back_populates="messages")
    officer: Mapped[User | None] = relationship()


class CaseNote(Base):
    """An internal note on a case; never shown to the user."""

    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    case: Mapped[Case] = relationship(back_populates="notes")
    author: Mapped[User | None] = relationship()


class AuditEntry(Base):
    """One append-only audit record: who did what to which object, when."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_object", "object_type", "object_ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))  # "user:<id>", "system" or "chat"
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class LoginAttempt(Base):
    """A back-office login attempt, for throttling (kept in the database so every replica sees it)."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_email_ip_at", "email", "ip", "at"),
        Index("ix_login_attempts_ip_at", "ip", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str] = mapped_column(String(64))
    success: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# --- the audit log is append-only ----------------------------------------------------------------------------


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or delete an audit record."""


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, _flush_context: Any, _instances: Any) -> None:
    for instance in (*session.dirty, *session.deleted):
        if isinstance(instance, AuditEntry):
            raise AuditLogIsAppendOnly("audit_log is append-only: records cannot be changed or deleted")


@event.listens_for(Session, "do_orm_execute")
def _refuse_audit_bulk_changes(state: ORMExecuteState) -> None:
    if (state.is_update or state.is_delete) and getattr(
        getattr(state.statement, "table", None), "name", None
    ) == AuditEntry.__tablename__:
        raise AuditLogIsAppendOnly("audit_log is append-only: records cannot be changed or deleted")
