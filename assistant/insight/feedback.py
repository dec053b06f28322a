"""Feedback from the chat: 👍/👎 on a bot message (with an optional comment on 👎) and the 1-5 satisfaction score at
the end of a conversation.

- One rating per bot message; sending another changes it. The comment is redacted like every chat message and
  lives as long as the message (it is deleted with the conversation); the turn's 👍/👎 counts stay in
  `insight_turns`.
- Only the conversation's own sender id can rate its messages: any other id, an unknown message or a message that
  is not the bot's answers 404, the same for each, so message ids cannot be probed.
- One satisfaction score per conversation (changeable).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from assistant.conversations.validation import normalise_message, problem_with_message
from assistant.db.base import utcnow
from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope
from assistant.i18n import _
from assistant.insight.errors import Refused
from assistant.insight.models import RATING_DOWN, RATING_UP, InsightTurn, MessageFeedback, SatisfactionScore
from assistant.insight.record import local_day
from assistant.privacy.redact import redact

MAX_COMMENT_CHARS = 500
MESSAGE_NOT_FOUND = _("Dit bericht bestaat niet of hoort niet bij dit gesprek.")
CONVERSATION_NOT_FOUND = _("Dit gesprek bestaat niet (meer).")


@dataclass(frozen=True)
class SavedFeedback:
    message_id: int
    rating: str
    comment_saved: bool


def _clean_comment(comment: str | None, rating: str) -> str | None:
    """The redacted comment of a 👎 (a 👍 carries none), normalised as every chat message is (control and invisible
    characters removed); raises Refused for a comment that is too long once normalised."""
    cleaned = normalise_message(comment or "")
    if rating != RATING_DOWN or not cleaned:
        return None
    problem = problem_with_message(cleaned, MAX_COMMENT_CHARS)
    if problem:
        raise Refused(422, problem, limit=MAX_COMMENT_CHARS)
    return redact(cleaned).text


def _turn_of(session: Session, conversation_id: int, message_id: int) -> int | None:
    """The turn a bot message answers: the conversation's latest user turn before it."""
    return session.scalar(
        select(InsightTurn.id)
        .where(InsightTurn.conversation_id == conversation_id, InsightTurn.user_message_id < message_id)
        .order_by(InsightTurn.user_message_id.desc())
        .limit(1)
    )


def _recount(session: Session, turn_id: int) -> None:
    counts = dict(
        session.execute(
            select(MessageFeedback.rating, func.count())
            .where(MessageFeedback.turn_id == turn_id)
            .group_by(MessageFeedback.rating)
        ).all()
    )
    session.execute(
        update(InsightTurn)
        .where(InsightTurn.id == turn_id)
        .values(feedback_up=counts.get(RATING_UP, 0), feedback_down=counts.get(RATING_DOWN, 0))
    )


def save_feedback(
    sender_id: str, message_id: int, rating: str, comment: str | None = None, now: datetime | None = None
) -> SavedFeedback:
    """Store (or change) the rating of one bot message of the sender's conversation."""
    if rating not in (RATING_UP, RATING_DOWN):  # the API refuses it before; a guard for other callers
        raise Refused(422, MESSAGE_NOT_FOUND)
    now = now or utcnow()
    cleaned = _clean_comment(comment, rating)
    with session_scope() as session:
        row = session.execute(
            select(ChatMessage.id, ChatMessage.conversation_id)
            .join(Conversation, Conversation.id == ChatMessage.conversation_id)
            .where(ChatMessage.id == message_id, ChatMessage.author == "bot", Conversation.sender_id == sender_id)
        ).first()
        if row is None:
            raise Refused(404, MESSAGE_NOT_FOUND)
        feedback = session.scalar(select(MessageFeedback).where(MessageFeedback.chat_message_id == message_id))
        if feedback is None:
            feedback = MessageFeedback(
                chat_message_id=message_id,
                turn_id=_turn_of(session, row.conversation_id, message_id),
                rating=rating,
                comment=cleaned,
                created_at=now,
                updated_at=now,
            )
            session.add(feedback)
        else:
            feedback.rating, feedback.comment, feedback.updated_at = rating, cleaned, now
        session.flush()
        if feedback.turn_id is not None:
            _recount(session, feedback.turn_id)
        return SavedFeedback(message_id, rating, cleaned is not None)


def save_satisfaction(sender_id: str, score: int, now: datetime | None = None) -> int:
    """Store (or change) the conversation's satisfaction score (1-5)."""
    now = now or utcnow()
    with session_scope() as session:
        conversation = session.execute(
            select(Conversation.id, Conversation.language, Conversation.municipality).where(
                Conversation.sender_id == sender_id
            )
        ).first()
        if conversation is None:
            raise Refused(404, CONVERSATION_NOT_FOUND)
        existing = session.scalar(select(SatisfactionScore).where(SatisfactionScore.conversation_id == conversation.id))
        if existing is None:
            session.add(
                SatisfactionScore(
                    conversation_id=conversation.id,
                    at=now,
                    day=local_day(now),
                    municipality=conversation.municipality,
                    language=conversation.language,
                    score=score,
                )
            )
        else:
            existing.score, existing.at, existing.day = score, now, local_day(now)
        return score
