"""Stores the conversation and its turns. Texts arrive here already redacted."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from assistant.db.base import utcnow
from assistant.db.models import ChatMessage, Conversation


def get_or_create_conversation(session: Session, sender_id: str, language: str) -> Conversation:
    conversation = _loaded(session, sender_id) or \
        session.scalar(select(Conversation).where(Conversation.sender_id == sender_id))
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


def _loaded(session: Session, sender_id: str) -> Conversation | None:
    """The conversation when this session already loaded it (no second query in one transaction)."""
    for instance in session.identity_map.values():
        if isinstance(instance, Conversation) and instance.sender_id == sender_id:
            return instance
    return None


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
    """The bot's messages, the intent of the user message they answer and the conversation's form state.

    Plain UPDATE/INSERT statements: nothing needs loading first (this runs on every turn)."""
    now = utcnow()
    conversation_id = session.scalar(
        update(Conversation).where(Conversation.sender_id == sender_id)
        .values(requested_slot=requested_slot, last_activity_at=now,
                bsn_notice_given=Conversation.bsn_notice_given | bsn_notice_given)
        .returning(Conversation.id)
    )
    if conversation_id is None:  # pragma: no cover - the user turn created it in the same request
        return
    session.execute(update(ChatMessage).where(ChatMessage.id == user_message_id)
                    .values(intent=intent, confidence=confidence))
    if texts:
        session.execute(insert(ChatMessage), [
            {"conversation_id": conversation_id, "author": "bot", "text": text, "created_at": now} for text in texts
        ])
