"""Stores the conversation and its turns. Texts arrive here already redacted."""

from __future__ import annotations

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


def conversation_language(session: Session, sender_id: str) -> str | None:
    return session.scalar(select(Conversation.language).where(Conversation.sender_id == sender_id))


def record_user_message(session: Session, sender_id: str, language: str, text: str) -> int:
    conversation = get_or_create_conversation(session, sender_id, language)
    conversation.language = language
    conversation.last_activity_at = utcnow()
    message = ChatMessage(conversation_id=conversation.id, author="user", text=text)
    session.add(message)
    session.flush()
    return message.id


def record_bot_turn(session: Session, sender_id: str, user_message_id: int, texts: list[str],
                    intent: str | None, confidence: float | None) -> None:
    conversation = session.scalar(select(Conversation).where(Conversation.sender_id == sender_id))
    if conversation is None:  # pragma: no cover - the user turn created it in the same request
        return
    user_message = session.get(ChatMessage, user_message_id)
    if user_message is not None:
        user_message.intent = intent
        user_message.confidence = confidence
    for text in texts:
        session.add(ChatMessage(conversation_id=conversation.id, author="bot", text=text))
    conversation.last_activity_at = utcnow()
