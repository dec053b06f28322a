"""Tables of the application database (the Rasa tracker store has its own tables)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assistant.db.base import Base, utcnow


class Conversation(Base):
    """One chat conversation, keyed by the opaque sender id the client chose."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(128), unique=True, index=True)
    language: Mapped[str] = mapped_column(String(8), default="nl")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    # The form slot Rasa asked for last (e.g. "email"): that answer may keep an address the redactor removes elsewhere.
    requested_slot: Mapped[str | None] = mapped_column(String(64), nullable=True)
    bsn_notice_given: Mapped[bool] = mapped_column(Boolean, default=False)
    # The municipality of the region the conversation is about, once known (named in a message, or from a case or a
    # verlof request); the officers' figures count the conversation for it (assistant.insight).
    municipality: Mapped[str | None] = mapped_column(String(64), nullable=True)

    messages: Mapped[list[ChatMessage]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="ChatMessage.id"
    )


class ChatMessage(Base):
    """One turn of the transcript. Text is stored after redaction of personal identifiers."""

    __tablename__ = "chat_messages"
    __table_args__ = (
        Index("ix_chat_messages_conversation_id_id", "conversation_id", "id"),
        Index(
            "uq_chat_messages_conversation_id_client_message_id", "conversation_id", "client_message_id", unique=True
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    author: Mapped[str] = mapped_column(String(16))  # user | bot | officer | system
    text: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(128), nullable=True)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    # Bot messages: the sources shown with the answer ([{"ref", "url"}]), for the transcript the parent can download.
    citations: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # User turns: the id the client gave the message (a retry reuses it), and the answer given, as the API's JSON,
    # so that a retry gets the same answer instead of a second turn.
    client_message_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reply: Mapped[str | None] = mapped_column(Text, nullable=True)

    conversation: Mapped[Conversation] = relationship(back_populates="messages")
