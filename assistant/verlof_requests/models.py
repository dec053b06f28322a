"""The table of verlof requests: what the parent asked, the rule outcome at the time, and the decision."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assistant.db.base import Base, utcnow

STATUS_SUBMITTED = "submitted"  # waiting for the directeur or the leerplichtambtenaar
STATUS_APPROVED = "approved"
STATUS_REFUSED = "refused"
STATUS_NOTIFIED = "notified"  # art. 13 (religious duty): a notice to the school, no permission needed
STATUSES = (STATUS_SUBMITTED, STATUS_APPROVED, STATUS_REFUSED, STATUS_NOTIFIED)
# Requests that count for the limits of the school year (13a once; the 10-day total of art. 14).
COUNTING_STATUSES = (STATUS_SUBMITTED, STATUS_APPROVED)


class VerlofRequest(Base):
    __tablename__ = "verlof_requests"
    __table_args__ = (
        Index("ix_verlof_requests_child_key_school_year", "child_key", "school_year"),
        Index("ix_verlof_requests_municipality_status", "municipality", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)  # public, non-guessable: VL-XXXXXXXXXX
    status: Mapped[str] = mapped_column(String(16), default=STATUS_SUBMITTED)
    kind: Mapped[str] = mapped_column(String(32))  # vakantie | gewichtige_omstandigheid | religieus
    category: Mapped[str | None] = mapped_column(String(40), nullable=True)
    child_name: Mapped[str] = mapped_column(String(120))
    # Normalised child name + school: earlier requests of the same child in the same school year count.
    child_key: Mapped[str] = mapped_column(String(320))
    child_class: Mapped[str] = mapped_column(String(40))
    school_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    school_name: Mapped[str] = mapped_column(String(200))
    school_town: Mapped[str | None] = mapped_column(String(64), nullable=True)
    home_municipality: Mapped[str] = mapped_column(String(64))
    # The municipality whose leerplichtambtenaar serves the child's home (Borne -> Hengelo): the officer's scope.
    municipality: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    school_days: Mapped[int] = mapped_column(Integer)
    school_year: Mapped[str] = mapped_column(String(9))
    decided_by: Mapped[str] = mapped_column(String(24))  # directeur | leerplichtambtenaar | none
    allowed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    employer_statement: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    email: Mapped[str] = mapped_column(String(254))  # stored lower-case; the second factor for the status page
    # SHA-256 of the random access token the API hands out once at submission (instead of the e-mail address).
    access_token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    language: Mapped[str] = mapped_column(String(8), default="nl")
    sender_id: Mapped[str | None] = mapped_column(String(128), nullable=True, index=True)
    # The pre-assessment at submission: problems, notes and citations ({code, severity, message, citations}).
    assessment: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    case_reference: Mapped[str | None] = mapped_column(String(16), nullable=True)
    decision_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    decider_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    decider_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
