"""Aggregate-only tables for the officers' figures, and the feedback and review tables.

- `insight_turns`: one row per user turn: when (UTC and the local day and week), language, intent, topic, how the
  turn ended (`outcome`), outside office hours or not, the municipality when the conversation named one, and the
  👍/👎 counts of its answers. While the conversation lives, `conversation_id` and `user_message_id` point at it
  (the review queue shows the question from there); purging or erasing the conversation sets both to NULL.
- `message_feedback`: the rating (and optional, redacted comment) of one bot message. It lives and dies with the
  message; the counts stay in `insight_turns`.
- `satisfaction_scores`: the optional 1-5 score at the end of a conversation.
- `insight_cases`, `insight_verlof`, `insight_melding`: what the jaarverslag counts about cases, verlof requests and
  melding checks, kept after the cases and requests themselves are deleted.
- `review_labels`: an officer's decision on a queue item; a labelled example keeps its (redacted, reviewed) text,
  which becomes training data (`assistant nlu export-reviewed`).

`municipality` is always a municipality of the region as `knowledge/regions.yml` spells it (Hengelo, Borne,
Enschede, ...), i.e. where the family lives when known; who may see it follows from who runs leerplicht there.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assistant.db.base import Base, utcnow

# How a turn ended (`InsightTurn.outcome`).
OUTCOME_ANSWERED = "answered"  # a topic's answer (with its sources)
OUTCOME_MENU = "menu"  # not sure what was meant: the best-matching topics offered as buttons
OUTCOME_FALLBACK = "fallback"  # not understood at all
OUTCOME_OUT_OF_SCOPE = "out_of_scope"
OUTCOME_HANDOFF = "handoff"  # this turn handed the conversation to an officer
OUTCOME_FORM = "form"  # a step of a form (verlof request, melding check)
OUTCOME_OFFICER = "officer"  # an officer case held the conversation: the message went to the officer
OUTCOME_OTHER = "other"  # greeting, thanks, language switch, ...
OUTCOMES = (
    OUTCOME_ANSWERED,
    OUTCOME_MENU,
    OUTCOME_FALLBACK,
    OUTCOME_OUT_OF_SCOPE,
    OUTCOME_HANDOFF,
    OUTCOME_FORM,
    OUTCOME_OFFICER,
    OUTCOME_OTHER,
)
NOT_UNDERSTOOD = (OUTCOME_FALLBACK, OUTCOME_MENU)

RATING_UP = "up"
RATING_DOWN = "down"
RATINGS = (RATING_UP, RATING_DOWN)

REVIEW_LABELLED = "labelled"
REVIEW_NEW_TOPIC = "new_topic"
REVIEW_DISMISSED = "dismissed"
REVIEW_STATUSES = (REVIEW_LABELLED, REVIEW_NEW_TOPIC, REVIEW_DISMISSED)

VERLOF_REFUSED_BY_RULE = "refused_by_rule"  # the rules do not allow it: not submitted


# The figures group turns by one column over a range of days, optionally for some municipalities. Each such
# grouping has a covering index that starts with the grouped column, then municipality and day (and the columns it
# sums): the database reads the index in group order, with no sort and no table access. There is deliberately no
# index on `day` alone: SQLite would prefer it for the day range, then look up every row and sort it (ten times
# slower over 100,000 turns; docs/benchmarks.md).
TURN_INDEXES = {
    "ix_insight_turns_week": ("week", "municipality", "day", "outcome", "first_turn"),
    "ix_insight_turns_outcome": ("outcome", "municipality", "day"),
    "ix_insight_turns_language": ("language", "municipality", "day", "first_turn"),
    "ix_insight_turns_topic": ("topic", "municipality", "day", "feedback_up", "feedback_down"),
    "ix_insight_turns_out_of_hours": ("out_of_hours", "municipality", "day"),
}


class InsightTurn(Base):
    __tablename__ = "insight_turns"
    __table_args__ = tuple(Index(name, *columns) for name, columns in TURN_INDEXES.items())

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    day: Mapped[date] = mapped_column(Date)  # local date (Europe/Amsterdam)
    week: Mapped[date] = mapped_column(Date)  # the Monday of the local ISO week
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), nullable=True, index=True
    )
    user_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="SET NULL"), nullable=True, index=True
    )
    first_turn: Mapped[bool] = mapped_column(Boolean, default=False)
    municipality: Mapped[str | None] = mapped_column(String(64), nullable=True)
    language: Mapped[str] = mapped_column(String(8))
    intent: Mapped[str | None] = mapped_column(String(128), nullable=True)
    topic: Mapped[str | None] = mapped_column(String(64), nullable=True)
    outcome: Mapped[str] = mapped_column(String(16))
    out_of_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    feedback_up: Mapped[int] = mapped_column(Integer, default=0)
    feedback_down: Mapped[int] = mapped_column(Integer, default=0)


class MessageFeedback(Base):
    __tablename__ = "message_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_message_id: Mapped[int] = mapped_column(ForeignKey("chat_messages.id", ondelete="CASCADE"), unique=True)
    turn_id: Mapped[int | None] = mapped_column(
        ForeignKey("insight_turns.id", ondelete="CASCADE"), nullable=True, index=True
    )
    rating: Mapped[str] = mapped_column(String(8))  # up | down
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)  # redacted
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SatisfactionScore(Base):
    __tablename__ = "satisfaction_scores"
    __table_args__ = (Index("ix_satisfaction_scores_day", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    day: Mapped[date] = mapped_column(Date)
    municipality: Mapped[str | None] = mapped_column(String(64), nullable=True)
    language: Mapped[str] = mapped_column(String(8))
    score: Mapped[int] = mapped_column(Integer)  # 1 (very dissatisfied) .. 5 (very satisfied)


class InsightCase(Base):
    __tablename__ = "insight_cases"
    __table_args__ = (Index("ix_insight_cases_day", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    day: Mapped[date] = mapped_column(Date)
    municipality: Mapped[str | None] = mapped_column(String(64), nullable=True)
    trigger: Mapped[str] = mapped_column(String(64))
    priority: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    sla_due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    first_response_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)


class InsightVerlof(Base):
    __tablename__ = "insight_verlof"
    __table_args__ = (Index("ix_insight_verlof_day", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(16), unique=True, nullable=True)  # None: refused by rule
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    day: Mapped[date] = mapped_column(Date)
    municipality: Mapped[str | None] = mapped_column(String(64), nullable=True)
    kind: Mapped[str] = mapped_column(String(32))  # vakantie | gewichtige_omstandigheid | religieus
    status: Mapped[str] = mapped_column(String(16))  # submitted | approved | refused | notified | refused_by_rule
    decided_by: Mapped[str | None] = mapped_column(String(24), nullable=True)
    source: Mapped[str] = mapped_column(String(8))  # chat | api


class InsightMelding(Base):
    __tablename__ = "insight_melding"
    __table_args__ = (Index("ix_insight_melding_day", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    day: Mapped[date] = mapped_column(Date)
    municipality: Mapped[str | None] = mapped_column(String(64), nullable=True)
    category: Mapped[str] = mapped_column(String(32))
    obligation: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(8))  # chat | api


class ReviewLabel(Base):
    __tablename__ = "review_labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("insight_turns.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16))  # labelled | new_topic | dismissed
    intent: Mapped[str | None] = mapped_column(String(128), nullable=True)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)  # labelled / new_topic: the reviewed example
    language: Mapped[str] = mapped_column(String(8))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
