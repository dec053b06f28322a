"""The path of one chat message: validate, choose the language, store, ask Rasa, shape the answer.

While an officer case holds the conversation (`assistant.cases`), the message goes to the case instead of Rasa.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool

from assistant.cases import chat_handoff
from assistant.chat import transcript
from assistant.chat.rasa_client import RasaClient, RasaReply, RasaUnavailable
from assistant.chat.schemas import BotMessage, Button, ChatRequest, ChatResponse, Citation, Handoff, Intent
from assistant.chat.validation import normalise_message, problem_with_message
from assistant.db.session import session_scope
from assistant.i18n import SUPPORTED_LANGUAGES, _, normalise_language, translate
from assistant.i18n.detect import choose_language, switch_confirmation, unsupported_language_reply
from assistant.insight import record as insight
from assistant.insight.models import OUTCOME_OFFICER, OUTCOME_OTHER
from assistant.privacy.redact import redact

RASA_DOWN = _(
    "De assistent is even niet bereikbaar. Uw bericht is bewaard; probeer het over een halve minuut opnieuw."
)
UNSUPPORTED_LANGUAGE = _("Deze taal wordt (nog) niet ondersteund. Kies een van deze talen: {languages}.")
BSN_NOTICE = _(
    "Voor uw privacy hebben we het burgerservicenummer (BSN) uit uw bericht gehaald. "
    "U hoeft uw BSN hier nooit te delen."
)


class ChatError(Exception):
    """A problem the user must be told about, with the HTTP status to use."""

    def __init__(self, status_code: int, message: str, language: str, **values: object) -> None:
        super().__init__(message)
        self.status_code = status_code
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
    first_turn: bool = False  # the first message of the conversation (the figures count conversations by it)


@dataclass(frozen=True)
class StoredTurn:
    handoff: chat_handoff.HandoffInfo | None
    message_ids: list[int]


def with_ids(messages: list[BotMessage], ids: list[int]) -> list[BotMessage]:
    """The messages with the ids they were stored under (the same order)."""
    return [message.model_copy(update={"id": ids[index] if index < len(ids) else None})
            for index, message in enumerate(messages)]


@dataclass
class ChatService:
    rasa: RasaClient
    max_message_chars: int
    default_language: str

    async def handle(self, request: ChatRequest) -> ChatResponse:
        turn = await run_in_threadpool(self._begin_turn, request)
        if turn.routed is not None:
            return await self._answer_for_officer(request.sender_id, turn)
        if turn.local_reply is not None:
            messages = [BotMessage(text=turn.local_reply)]
            stored = await run_in_threadpool(self._store_bot_turn, request.sender_id, turn, messages, None,
                                             turn.requested_slot, False, insight.TurnFacts(None, OUTCOME_OTHER))
            return ChatResponse(sender_id=request.sender_id, language=turn.language,
                                messages=with_ids(messages, stored.message_ids), intent=None)
        try:
            reply = await self.rasa.send(request.sender_id, turn.text, {"language": turn.language})
        except RasaUnavailable as error:
            raise ChatError(503, RASA_DOWN, turn.language) from error

        messages = [to_bot_message(raw) for raw in reply.messages]
        messages = [message for message in messages if message.text or message.buttons]
        if turn.give_bsn_notice:
            messages.insert(0, BotMessage(text=translate(BSN_NOTICE, turn.language)))
        intent = Intent(name=reply.intent.get("name"), confidence=float(reply.intent.get("confidence") or 0.0)) \
            if reply.intent else None
        requested_slot = reply.slots.get("requested_slot")
        facts = insight.classify_turn(intent.name if intent else None, reply.messages, requested_slot)
        stored = await run_in_threadpool(
            self._store_bot_turn, request.sender_id, turn, messages, intent, requested_slot, turn.give_bsn_notice,
            facts, opened_case(reply),
        )
        handoff = stored.handoff
        return ChatResponse(sender_id=request.sender_id, language=turn.language,
                            messages=with_ids(messages, stored.message_ids), intent=intent,
                            handoff=Handoff(**handoff.as_dict()) if handoff else None)

    def _begin_turn(self, request: ChatRequest) -> UserTurn:
        """Validate the message, choose its language, redact it and store it, in one transaction (nothing is
        stored when the message is refused)."""
        with session_scope() as session:
            state = transcript.conversation_state(session, request.sender_id)
            language = self._language_for(request, state)
            problem = problem_with_message(request.message, self.max_message_chars)
            if problem:
                raise ChatError(422, problem, language, limit=self.max_message_chars)
            text = normalise_message(request.message)
            local_reply = None
            if not text.startswith("/"):  # button payloads carry no language
                choice = choose_language(text, request.language, state.language or self.default_language)
                language = choice.language
                if choice.unsupported:
                    local_reply = unsupported_language_reply()
                elif choice.explicit and request.language is None and len(text.split()) <= 4:
                    local_reply = switch_confirmation(language)  # "English please": confirm, nothing to answer yet
            redaction = redact(text, state.requested_slot)
            message_id = transcript.record_user_message(session, request.sender_id, language, redaction.text,
                                                        state.conversation_id)
            named = insight.municipality_in_text(redaction.text) if state.municipality is None else None
            if named:
                insight.attribute_conversation(session, named, sender_id=request.sender_id, overwrite=False)
            routed = chat_handoff.route_user_message(session, request.sender_id, redaction.text, language) \
                if state.case_open else None
        return UserTurn(
            language=language, text=redaction.text, user_message_id=message_id, routed=routed,
            requested_slot=state.requested_slot, local_reply=local_reply,
            give_bsn_notice=redaction.had_bsn and not state.bsn_notice_given,
            first_turn=state.conversation_id is None,
        )

    async def _answer_for_officer(self, sender_id: str, turn: UserTurn) -> ChatResponse:
        """A case holds the conversation: the message went to the officer and the bot stays silent."""
        assert turn.routed is not None
        messages = [BotMessage(text=translate(BSN_NOTICE, turn.language))] if turn.give_bsn_notice else []
        if turn.routed.status_line:
            messages.append(BotMessage(text=turn.routed.status_line))
        stored = await run_in_threadpool(self._store_bot_turn, sender_id, turn, messages, None, turn.requested_slot,
                                         turn.give_bsn_notice, insight.TurnFacts(None, OUTCOME_OFFICER))
        return ChatResponse(sender_id=sender_id, language=turn.language,
                            messages=with_ids(messages, stored.message_ids), intent=None,
                            handoff=Handoff(**turn.routed.handoff.as_dict()))

    def _language_for(self, request: ChatRequest, state: transcript.ConversationState) -> str:
        if request.language is not None:
            if normalise_language(request.language) != request.language.strip().lower().split("-")[0]:
                raise ChatError(422, UNSUPPORTED_LANGUAGE, self.default_language,
                                languages=", ".join(SUPPORTED_LANGUAGES))
            return normalise_language(request.language)
        return state.language or self.default_language

    @staticmethod
    def _store_bot_turn(sender_id: str, turn: UserTurn, messages: list[BotMessage], intent: Intent | None,
                        requested_slot: str | None, bsn_notice_given: bool, facts: insight.TurnFacts,
                        case_opened: bool = False) -> StoredTurn:
        """Store the bot turn and its row in the officers' figures; returns the ids of the bot messages and the
        handoff when this turn opened a case (`case_opened`: a Rasa action said so in its message)."""
        with session_scope() as session:
            bot = transcript.record_bot_turn(
                session, sender_id, turn.user_message_id, [m.text for m in messages],
                intent.name if intent else None, intent.confidence if intent else None,
                requested_slot, bsn_notice_given,
                citations=[[citation.model_dump() for citation in m.citations] for m in messages],
            )
            handoff = chat_handoff.open_handoff(session, sender_id) if case_opened else None
            insight.record_turn(session, conversation_id=bot.conversation_id, user_message_id=turn.user_message_id,
                                first_turn=turn.first_turn, municipality=bot.municipality, language=turn.language,
                                intent=intent.name if intent else None, facts=facts)
            return StoredTurn(handoff, bot.message_ids)


def opened_case(reply: RasaReply) -> bool:
    """True when an action of this turn opened an officer case: `action_create_case` (actions/handoff.py) puts the
    handoff in its message's custom payload. The handoff itself is then read from the database."""
    return any(isinstance(raw.get("custom"), dict) and raw["custom"].get("handoff") for raw in reply.messages)


def to_bot_message(raw: dict[str, Any]) -> BotMessage:
    """One message as Rasa's gateway channel returns it -> the API shape (text, buttons, citations)."""
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
    return BotMessage(text=str(text), buttons=buttons, citations=citations)
