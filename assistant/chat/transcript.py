"""Stores the conversation and its turns. Texts arrive here already redacted."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.db.base import utcnow
from assistant.db.models import ChatMessage, Conversation


def get_or_create_conversation(session: Session, sender_id: str, language: str) -> Conversation:
    conversation = session.scalar(select(Conversation).where(Conversation.sender_id == sender_id))
    if conversation is None:
        conversation = Conversation(sender_id=sender_id, language=language)
        session.add(conversation)
        session.flush()
    return conversation


@dataclass(frozen=True)
class ConversationState:
    language: str | None = None
    requested_slot: str | None = None
    bsn_notice_given: bool = False


def conversation_state(session: Session, sender_id: str) -> ConversationState:
    conversation = session.scalar(select(Conversation).where(Conversation.sender_id == sender_id))
    if conversation is None:
        return ConversationState()
    return ConversationState(conversation.language, conversation.requested_slot, conversation.bsn_notice_given)


def record_user_message(session: Session, sender_id: str, language: str, text: str) -> int:
    conversation = get_or_create_conversation(session, sender_id, language)
    conversation.language = language
    conversation.last_activity_at = utcnow()
    message = ChatMessage(conversation_id=conversation.id, author="user", text=text)
    session.add(message)
    session.flush()
    return message.id


def record_bot_turn(session: Session, sender_id: str, user_message_id: int, texts: list[str],
                    intent: str | None, confidence: float | None, requested_slot: str | None,
                    bsn_notice_given: bool) -> None:
    conversation = session.scalar(select(Conversation).where(Conversation.sender_id == sender_id))
    if conversation is None:  # pragma: no cover - the user turn created it in the same request
        return
    conversation.requested_slot = requested_slot
    conversation.bsn_notice_given = conversation.bsn_notice_given or bsn_notice_given
    user_message = session.get(ChatMessage, user_message_id)
    if user_message is not None:
        user_message.intent = intent
        user_message.confidence = confidence
    for text in texts:
        session.add(ChatMessage(conversation_id=conversation.id, author="bot", text=text))
    conversation.last_activity_at = utcnow()
