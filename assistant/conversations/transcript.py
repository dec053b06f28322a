"""Stores the conversation and its turns. Texts arrive here already redacted.

This runs twice on every chat message, on the gateway's critical path: one query reads what the turn needs (the
conversation's state and whether an officer case holds it), and the turns are written with plain INSERT/UPDATE
statements built once (docs/performance.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, exists, select
from sqlalchemy.orm import Session

from assistant.cases.models import OPEN_STATUSES, Case
from assistant.db.base import utcnow
from assistant.db.models import ChatMessage, Conversation


def get_or_create_conversation(session: Session, sender_id: str, language: str) -> Conversation:
    conversation = _loaded(session, sender_id) or session.scalar(
        select(Conversation).where(Conversation.sender_id == sender_id)
    )
    if conversation is None:
        conversation = Conversation(sender_id=sender_id, language=language)
        session.add(conversation)
        session.flush()
    return conversation


@dataclass(frozen=True)
class ConversationState:
    conversation_id: int | None = None  # None: the first message of this conversation
    language: str | None = None
    requested_slot: str | None = None
    bsn_notice_given: bool = False
    case_open: bool = False  # an officer case holds the conversation
    municipality: str | None = None  # the municipality of the region it is about, once known


def _loaded(session: Session, sender_id: str) -> Conversation | None:
    """The conversation when this session already loaded it (no second query in one transaction)."""
    for instance in session.identity_map.values():
        if isinstance(instance, Conversation) and instance.sender_id == sender_id:
            return instance
    return None


# Statements built once, on the tables (SQLAlchemy Core, run on the session's connection): the ORM layer adds nothing
# here (no object is loaded or changed) but cost about a third of each transaction.
_conversations, _messages, _cases = Conversation.__table__, ChatMessage.__table__, Case.__table__
_STATE = select(
    _conversations.c.id,
    _conversations.c.language,
    _conversations.c.requested_slot,
    _conversations.c.bsn_notice_given,
    _conversations.c.municipality,
    exists().where(_cases.c.sender_id == _conversations.c.sender_id, _cases.c.status.in_(OPEN_STATUSES)),
).where(_conversations.c.sender_id == bindparam("p_sender_id"))
_TOUCH = (
    _conversations.update()
    .where(_conversations.c.id == bindparam("p_id"))
    .values(language=bindparam("p_language"), last_activity_at=bindparam("p_now"))
)
_ADD_MESSAGE = _messages.insert().returning(_messages.c.id)
_ADD_MESSAGES = _messages.insert().returning(_messages.c.id, sort_by_parameter_order=True)
_MESSAGE_INTENT = (
    _messages.update()
    .where(_messages.c.id == bindparam("p_id"))
    .values(intent=bindparam("p_intent"), confidence=bindparam("p_confidence"))
)
_MESSAGE_REPLY = _messages.update().where(_messages.c.id == bindparam("p_id")).values(reply=bindparam("p_reply"))
_EARLIER_ATTEMPT = select(_messages.c.id, _messages.c.text, _messages.c.reply, _messages.c.created_at).where(
    _messages.c.conversation_id == bindparam("p_conversation_id"),
    _messages.c.client_message_id == bindparam("p_client_message_id"),
)
_BOT_TURN = (
    _conversations.update()
    .where(_conversations.c.sender_id == bindparam("p_sender_id"))
    .values(
        requested_slot=bindparam("p_slot"),
        last_activity_at=bindparam("p_now"),
        bsn_notice_given=_conversations.c.bsn_notice_given | bindparam("p_bsn_notice"),
    )
    .returning(_conversations.c.id, _conversations.c.municipality)
)


def conversation_state(session: Session, sender_id: str) -> ConversationState:
    row = session.connection().execute(_STATE, {"p_sender_id": sender_id}).first()
    if row is None:
        return ConversationState()
    conversation_id, language, requested_slot, bsn_notice_given, municipality, case_open = row
    return ConversationState(
        conversation_id, language, requested_slot, bool(bsn_notice_given), bool(case_open), municipality
    )


@dataclass(frozen=True)
class EarlierAttempt:
    """A user message stored before under the same client message id (the client retries it)."""

    user_message_id: int
    text: str  # as stored: redacted
    reply: str | None  # the answer given (JSON), None while not answered (in flight, or the answer failed)
    created_at: datetime


def earlier_attempt(session: Session, conversation_id: int, client_message_id: str) -> EarlierAttempt | None:
    row = (
        session.connection()
        .execute(_EARLIER_ATTEMPT, {"p_conversation_id": conversation_id, "p_client_message_id": client_message_id})
        .first()
    )
    return EarlierAttempt(*row) if row is not None else None


def record_user_message(
    session: Session,
    sender_id: str,
    language: str,
    text: str,
    conversation_id: int | None = None,
    client_message_id: str | None = None,
) -> int:
    """Store the user message and return its id. `conversation_id` from `conversation_state` saves a lookup; without
    it the conversation is found or created. A `client_message_id` already stored in the conversation raises
    IntegrityError (a unique index): two attempts of one message raced."""
    now = utcnow()
    if conversation_id is None:
        conversation = get_or_create_conversation(session, sender_id, language)
        conversation.language = language
        conversation.last_activity_at = now
        session.flush()
        conversation_id = conversation.id
    else:
        session.connection().execute(_TOUCH, {"p_id": conversation_id, "p_language": language, "p_now": now})
    return (
        session.connection()
        .execute(
            _ADD_MESSAGE,
            {
                "conversation_id": conversation_id,
                "author": "user",
                "text": text,
                "created_at": now,
                "client_message_id": client_message_id,
            },
        )
        .scalar_one()
    )


@dataclass(frozen=True)
class BotTurn:
    """What storing the bot turn gives back: the conversation, its municipality and the ids of the bot messages
    (in the order of the texts; the chat API returns them as each message's `id`)."""

    conversation_id: int | None
    municipality: str | None = None
    message_ids: list[int] = field(default_factory=list)


def record_bot_turn(
    session: Session,
    sender_id: str,
    user_message_id: int,
    texts: list[str],
    intent: str | None,
    confidence: float | None,
    requested_slot: str | None,
    bsn_notice_given: bool,
    citations: list[list[dict[str, Any]]] | None = None,
) -> BotTurn:
    """The bot's messages (with their sources, `citations[i]` for `texts[i]`), the intent of the user message they
    answer and the conversation's form state. The whole answer of a message with a client id is stored after this,
    with its message ids (`record_reply`).

    Plain UPDATE/INSERT statements: nothing needs loading first (this runs on every turn)."""
    now = utcnow()
    connection = session.connection()
    row = connection.execute(
        _BOT_TURN, {"p_sender_id": sender_id, "p_slot": requested_slot, "p_now": now, "p_bsn_notice": bsn_notice_given}
    ).first()
    if row is None:  # pragma: no cover - the user turn created it in the same request
        return BotTurn(None)
    conversation_id, municipality = row
    connection.execute(_MESSAGE_INTENT, {"p_id": user_message_id, "p_intent": intent, "p_confidence": confidence})
    ids: list[int] = []
    if texts:
        sources = citations or []
        ids = list(
            connection.execute(
                _ADD_MESSAGES,
                [
                    {
                        "conversation_id": conversation_id,
                        "author": "bot",
                        "text": text,
                        "created_at": now,
                        "citations": (sources[index] if index < len(sources) else None) or None,
                    }
                    for index, text in enumerate(texts)
                ],
            ).scalars()
        )
    return BotTurn(conversation_id, municipality, ids)


def record_reply(session: Session, user_message_id: int, reply: str) -> None:
    """The whole answer to a message the client gave an id, for its retries (`earlier_attempt`)."""
    session.connection().execute(_MESSAGE_REPLY, {"p_id": user_message_id, "p_reply": reply})
