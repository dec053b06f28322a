"""The path of one chat message: validate, choose the language, store, ask Rasa, shape the answer.

While an officer case holds the conversation (`assistant.cases`), the message goes to the case instead of Rasa.

Retries are idempotent when the client gives each message an id (`client_message_id`, the chat page does): a message
whose answer was stored gets that answer again; one that was stored but not answered (Rasa, the action server or the
tracker store failed) is asked again without a second user turn; one still being answered gets 409 with Retry-After.

Whoever asks whether they talk to a person gets the disclosure, whatever Rasa made of it (`assistant.chat.disclosure`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from assistant.cases import chat_handoff
from assistant.chat.disclosure import disclosure_for
from assistant.chat.rasa_client import RasaClient, RasaReply, RasaUnavailable
from assistant.chat.schemas import (
    LANGUAGE_PATTERN,
    BotMessage,
    Button,
    ChatRequest,
    ChatResponse,
    Citation,
    Handoff,
    Intent,
)
from assistant.conversations import transcript
from assistant.conversations.validation import normalise_message, problem_with_message, readable_text
from assistant.db.base import utcnow
from assistant.db.session import session_scope
from assistant.i18n import SUPPORTED_LANGUAGES, _, normalise_language, translate
from assistant.i18n.detect import choose_language, switch_confirmation, unsupported_language_reply
from assistant.insight import record as insight
from assistant.insight.models import OUTCOME_OFFICER, OUTCOME_OTHER
from assistant.privacy.redact import redact

log = structlog.get_logger(__name__)

RASA_DOWN = _("De assistent is even niet bereikbaar. Uw bericht is bewaard; probeer het over een halve minuut opnieuw.")
UNSUPPORTED_LANGUAGE = _("Deze taal wordt (nog) niet ondersteund. Kies een van deze talen: {languages}.")
STILL_ANSWERING = _("Uw bericht wordt nog beantwoord. Een ogenblik geduld, het antwoord komt zo.")
RASA_RETRY_SECONDS = 30
STILL_ANSWERING_RETRY_SECONDS = 2
BSN_NOTICE = _(
    "Voor uw privacy hebben we het burgerservicenummer (BSN) uit uw bericht gehaald. "
    "U hoeft uw BSN hier nooit te delen."
)
CONTACT_REMOVED = _(
    "Voor uw privacy hebben we het telefoonnummer of e-mailadres uit uw bericht gehaald. Wilt u dat een "
    "leerplichtambtenaar contact met u opneemt? Typ dan 'medewerker'."
)
CONTACT_FOR_OFFICER = _(
    "Voor uw privacy staan telefoonnummers en e-mailadressen niet in het gesprek. We hebben wat u typte apart bij "
    "uw contactgegevens gezet. Alleen de leerplichtambtenaar ziet het, en kan u zo bereiken."
)


class ChatError(Exception):
    """A problem the user must be told about, with the HTTP status to use."""

    def __init__(
        self, status_code: int, message: str, language: str, retry_after: int | None = None, **values: object
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.retry_after = retry_after
        self.detail = translate(message, language, **values)


@dataclass(frozen=True)
class UserTurn:
    """The stored user turn and what the rest of the request needs to know about it."""

    language: str
    text: str  # redacted
    user_message_id: int
    routed: chat_handoff.RoutedMessage | None  # an officer case holds the conversation
    requested_slot: str | None
    local_reply: str | None  # answered by the gateway itself (language switch or unsupported language)
    give_bsn_notice: bool
    keep_reply: bool = False  # the client gave the message an id: store the whole answer for its retries
    contact_notice: str | None = None  # a phone number or e-mail address was taken out (Dutch source text)
    first_turn: bool = False  # the first message of the conversation (the figures count conversations by it)

    def notices(self) -> list[BotMessage]:
        """What the user is told about the identifiers taken out of this message, in their language."""
        texts = [BSN_NOTICE] if self.give_bsn_notice else []
        texts += [self.contact_notice] if self.contact_notice else []
        return [BotMessage(text=translate(text, self.language)) for text in texts]


def with_ids(messages: list[BotMessage], ids: list[int]) -> list[BotMessage]:
    """The messages with the ids they were stored under (the same order)."""
    return [
        message.model_copy(update={"id": ids[index] if index < len(ids) else None})
        for index, message in enumerate(messages)
    ]


@dataclass(frozen=True)
class Replay:
    """The answer already given to this client message id."""

    response: ChatResponse


@dataclass
class ChatService:
    rasa: RasaClient
    max_message_chars: int
    default_language: str
    # How long a stored, unanswered attempt counts as still being answered (Rasa's deadline and some margin); a
    # retry after that asks Rasa again.
    answer_deadline_seconds: float = 5.0

    async def handle(self, request: ChatRequest, page_language: str | None = None) -> ChatResponse:
        """One message. `page_language`: the language of the page the message comes from; a new conversation
        starts in it (detection then decides, and short messages keep it)."""
        turn = await run_in_threadpool(self._begin_turn, request, page_language)
        if isinstance(turn, Replay):
            return turn.response
        if turn.routed is not None:
            return await self._answer_for_officer(request.sender_id, turn)
        if turn.local_reply is not None:
            response = ChatResponse(
                sender_id=request.sender_id,
                language=turn.language,
                messages=[BotMessage(text=turn.local_reply)],
                intent=None,
            )
            await run_in_threadpool(
                self._store_bot_turn,
                request.sender_id,
                turn,
                response,
                turn.requested_slot,
                insight.TurnFacts(None, OUTCOME_OTHER),
            )
            return response
        try:
            reply = await self.rasa.send(request.sender_id, readable_text(turn.text), {"language": turn.language})
        except RasaUnavailable as error:
            log.warning("rasa_unavailable", reason=getattr(error, "reason", "rasa"), error=str(error)[:200])
            raise ChatError(503, RASA_DOWN, turn.language, retry_after=RASA_RETRY_SECONDS) from error

        messages = [to_bot_message(raw) for raw in reply.messages]
        messages = [message for message in messages if message.text or message.buttons]
        intent = (
            Intent(name=reply.intent.get("name"), confidence=float(reply.intent.get("confidence") or 0.0))
            if reply.intent
            else None
        )
        disclosure = disclosure_for(turn.text, turn.language, intent.name if intent else None)
        if disclosure is not None:
            messages.insert(0, disclosure)
        messages = [*turn.notices(), *messages]
        response = ChatResponse(sender_id=request.sender_id, language=turn.language, messages=messages, intent=intent)
        requested_slot = reply.slots.get("requested_slot")
        facts = insight.classify_turn(intent.name if intent else None, reply.messages, requested_slot)
        await run_in_threadpool(
            self._store_bot_turn, request.sender_id, turn, response, requested_slot, facts, opened_case(reply)
        )
        return response

    def _begin_turn(self, request: ChatRequest, page_language: str | None = None) -> UserTurn | Replay:
        """Validate the message, choose its language, redact it and store it, in one transaction (nothing is
        stored when the message is refused). A retry of a stored message is not stored again."""
        try:
            with session_scope() as session:
                return self._store_user_turn(session, request, page_language)
        except IntegrityError:
            # Another attempt with the same client message id stored it a moment ago and is being answered.
            raise ChatError(
                409,
                STILL_ANSWERING,
                self._language_for(request, page_language or self.default_language),
                retry_after=STILL_ANSWERING_RETRY_SECONDS,
            ) from None

    def _store_user_turn(self, session: Session, request: ChatRequest, page_language: str | None) -> UserTurn | Replay:
        state = transcript.conversation_state(session, request.sender_id)
        current = state.language or page_language or self.default_language
        language = self._language_for(request, current)
        text = normalise_message(request.message)
        problem = problem_with_message(text, self.max_message_chars)
        if problem:
            raise ChatError(422, problem, language, limit=self.max_message_chars)
        if request.client_message_id and state.conversation_id is not None:
            earlier = transcript.earlier_attempt(session, state.conversation_id, request.client_message_id)
            if earlier is not None:
                return self._retried(session, request, state, earlier)
        local_reply = None
        if not text.startswith("/"):  # button payloads carry no language
            choice = choose_language(readable_text(text), request.language, current)
            language = choice.language
            if choice.unsupported:
                local_reply = unsupported_language_reply()
            elif choice.explicit and request.language is None and len(text.split()) <= 4:
                local_reply = switch_confirmation(language)  # "English please": confirm, nothing to answer yet
        redaction = redact(text, state.requested_slot)
        message_id = transcript.record_user_message(
            session, request.sender_id, language, redaction.text, state.conversation_id, request.client_message_id
        )
        named = insight.municipality_in_text(redaction.text) if state.municipality is None else None
        if named:
            insight.attribute_conversation(session, named, sender_id=request.sender_id, overwrite=False)
        routed = (
            chat_handoff.route_user_message(
                session,
                request.sender_id,
                redaction.text,
                language,
                contacts=[item.value for item in redaction.removed_contacts],
            )
            if state.case_open
            else None
        )
        contact_notice = None
        if redaction.removed_contacts:
            contact_notice = CONTACT_FOR_OFFICER if routed is not None else CONTACT_REMOVED
        return UserTurn(
            language=language,
            text=redaction.text,
            user_message_id=message_id,
            routed=routed,
            requested_slot=state.requested_slot,
            local_reply=local_reply,
            give_bsn_notice=redaction.had_bsn and not state.bsn_notice_given,
            keep_reply=request.client_message_id is not None,
            contact_notice=contact_notice,
            first_turn=state.conversation_id is None,
        )

    def _retried(
        self,
        session: Session,
        request: ChatRequest,
        state: transcript.ConversationState,
        earlier: transcript.EarlierAttempt,
    ) -> UserTurn | Replay:
        """A message the client sent before (same client message id): its answer, or a second try at one."""
        language = state.language or self.default_language
        if earlier.reply is not None:
            return Replay(ChatResponse.model_validate_json(earlier.reply))
        if utcnow() - _aware(earlier.created_at) < timedelta(seconds=self.answer_deadline_seconds):
            raise ChatError(409, STILL_ANSWERING, language, retry_after=STILL_ANSWERING_RETRY_SECONDS)
        # Stored, never answered: ask again with the stored (redacted) text. When a case holds the conversation,
        # the first attempt already gave the message to the officer.
        handoff = chat_handoff.open_handoff(session, request.sender_id) if state.case_open else None
        return UserTurn(
            language=language,
            text=earlier.text,
            user_message_id=earlier.user_message_id,
            routed=chat_handoff.RoutedMessage(handoff, None) if handoff else None,
            requested_slot=state.requested_slot,
            local_reply=None,
            give_bsn_notice=False,
            keep_reply=True,
        )

    async def _answer_for_officer(self, sender_id: str, turn: UserTurn) -> ChatResponse:
        """A case holds the conversation: the message went to the officer and the bot stays silent."""
        assert turn.routed is not None
        messages = turn.notices()
        if turn.routed.status_line:
            messages.append(BotMessage(text=turn.routed.status_line))
        response = ChatResponse(
            sender_id=sender_id,
            language=turn.language,
            messages=messages,
            intent=None,
            handoff=Handoff(**turn.routed.handoff.as_dict()),
        )
        await run_in_threadpool(
            self._store_bot_turn,
            sender_id,
            turn,
            response,
            turn.requested_slot,
            insight.TurnFacts(None, OUTCOME_OFFICER),
        )
        return response

    def _language_for(self, request: ChatRequest, current: str) -> str:
        if request.language is not None:
            if not re.fullmatch(LANGUAGE_PATTERN, request.language):
                raise ChatError(422, UNSUPPORTED_LANGUAGE, current, languages=", ".join(SUPPORTED_LANGUAGES))
            return normalise_language(request.language)
        return current

    @staticmethod
    def _store_bot_turn(
        sender_id: str,
        turn: UserTurn,
        response: ChatResponse,
        requested_slot: str | None,
        facts: insight.TurnFacts,
        case_opened: bool = False,
    ) -> None:
        """Store the bot turn with each message's sources, its row in the officers' figures and, for a client
        message id, the whole answer. The answer's messages get the ids they were stored under; when this turn
        opened a case (`case_opened`: a Rasa action said so in its message), the answer gets the handoff, read in
        the same transaction."""
        with session_scope() as session:
            if case_opened:
                handoff = chat_handoff.open_handoff(session, sender_id)
                response.handoff = Handoff(**handoff.as_dict()) if handoff else None
            intent = response.intent
            bot = transcript.record_bot_turn(
                session,
                sender_id,
                turn.user_message_id,
                [m.text for m in response.messages],
                intent.name if intent else None,
                intent.confidence if intent else None,
                requested_slot,
                turn.give_bsn_notice,
                citations=[[citation.model_dump() for citation in m.citations] for m in response.messages],
            )
            response.messages = with_ids(response.messages, bot.message_ids)
            insight.record_turn(
                session,
                conversation_id=bot.conversation_id,
                user_message_id=turn.user_message_id,
                first_turn=turn.first_turn,
                municipality=bot.municipality,
                language=turn.language,
                intent=intent.name if intent else None,
                facts=facts,
            )
            if turn.keep_reply:
                transcript.record_reply(session, turn.user_message_id, response.model_dump_json())


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=utcnow().tzinfo)


def opened_case(reply: RasaReply) -> bool:
    """True when an action of this turn opened an officer case: `action_create_case` (actions/handoff.py) puts the
    handoff in its message's custom payload. The handoff itself is then read from the database."""
    return any(isinstance(raw.get("custom"), dict) and raw["custom"].get("handoff") for raw in reply.messages)


def to_bot_message(raw: dict[str, Any]) -> BotMessage:
    """One message as Rasa's gateway channel returns it -> the API shape (text, buttons, citations, details, topic)."""
    custom = raw.get("custom") if isinstance(raw.get("custom"), dict) else {}
    text = raw.get("text") or custom.get("text") or ""
    buttons = [
        Button(title=str(button.get("title", "")), payload=str(button.get("payload", "")))
        for button in (raw.get("buttons") or custom.get("buttons") or [])
        if isinstance(button, dict) and button.get("title")
    ]
    citations = [
        Citation(ref=str(citation["ref"]), url=citation.get("url"))
        for citation in custom.get("citations") or []
        if isinstance(citation, dict) and citation.get("ref")
    ]
    details = custom.get("details")
    topic = custom.get("topic")
    return BotMessage(
        text=str(text),
        buttons=buttons,
        citations=citations,
        headline=custom.get("headline") is True,
        details=details if isinstance(details, str) and details.strip() else None,
        topic=topic if isinstance(topic, str) and topic else None,
    )
