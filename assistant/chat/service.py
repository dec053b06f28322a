"""The path of one chat message: validate, choose the language, store, ask Rasa, shape the answer.

While an officer case holds the conversation (`assistant.cases`), the message goes to the case instead of Rasa.
Whoever asks whether they talk to a person gets the disclosure, whatever Rasa made of it (`assistant.chat.disclosure`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool

from assistant.cases import chat_handoff
from assistant.chat import transcript
from assistant.chat.disclosure import disclosure_for
from assistant.chat.rasa_client import RasaClient, RasaReply, RasaUnavailable
from assistant.chat.schemas import BotMessage, Button, ChatRequest, ChatResponse, Citation, Handoff, Intent
from assistant.chat.validation import normalise_message, problem_with_message
from assistant.db.session import session_scope
from assistant.i18n import SUPPORTED_LANGUAGES, _, normalise_language, translate
from assistant.i18n.detect import choose_language, switch_confirmation, unsupported_language_reply
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


@dataclass
class ChatService:
    rasa: RasaClient
    max_message_chars: int
    default_language: str

    async def handle(self, request: ChatRequest, page_language: str | None = None) -> ChatResponse:
        """One message. `page_language`: the language of the page the message comes from; a new conversation
        starts in it (detection then decides, and short messages keep it)."""
        turn = await run_in_threadpool(self._begin_turn, request, page_language)
        if turn.routed is not None:
            return await self._answer_for_officer(request.sender_id, turn.language, turn.user_message_id,
                                                  turn.routed, turn.requested_slot, turn.give_bsn_notice)
        if turn.local_reply is not None:
            await run_in_threadpool(self._store_bot_turn, request.sender_id, turn.user_message_id,
                                    [turn.local_reply], None, turn.requested_slot, False)
            return ChatResponse(sender_id=request.sender_id, language=turn.language,
                                messages=[BotMessage(text=turn.local_reply)], intent=None)
        try:
            reply = await self.rasa.send(request.sender_id, turn.text, {"language": turn.language})
        except RasaUnavailable as error:
            raise ChatError(503, RASA_DOWN, turn.language) from error

        messages = [to_bot_message(raw) for raw in reply.messages]
        messages = [message for message in messages if message.text or message.buttons]
        intent = Intent(name=reply.intent.get("name"), confidence=float(reply.intent.get("confidence") or 0.0)) \
            if reply.intent else None
        disclosure = disclosure_for(turn.text, turn.language, intent.name if intent else None)
        if disclosure is not None:
            messages.insert(0, disclosure)
        if turn.give_bsn_notice:
            messages.insert(0, BotMessage(text=translate(BSN_NOTICE, turn.language)))
        handoff = await run_in_threadpool(
            self._store_bot_turn, request.sender_id, turn.user_message_id, [m.text for m in messages], intent,
            reply.slots.get("requested_slot"), turn.give_bsn_notice, opened_case(reply),
        )
        return ChatResponse(sender_id=request.sender_id, language=turn.language, messages=messages, intent=intent,
                            handoff=Handoff(**handoff.as_dict()) if handoff else None)

    def _begin_turn(self, request: ChatRequest, page_language: str | None = None) -> UserTurn:
        """Validate the message, choose its language, redact it and store it, in one transaction (nothing is
        stored when the message is refused)."""
        with session_scope() as session:
            state = transcript.conversation_state(session, request.sender_id)
            current = state.language or page_language or self.default_language
            language = self._language_for(request, current)
            problem = problem_with_message(request.message, self.max_message_chars)
            if problem:
                raise ChatError(422, problem, language, limit=self.max_message_chars)
            text = normalise_message(request.message)
            local_reply = None
            if not text.startswith("/"):  # button payloads carry no language
                choice = choose_language(text, request.language, current)
                language = choice.language
                if choice.unsupported:
                    local_reply = unsupported_language_reply()
                elif choice.explicit and request.language is None and len(text.split()) <= 4:
                    local_reply = switch_confirmation(language)  # "English please": confirm, nothing to answer yet
            redaction = redact(text, state.requested_slot)
            message_id = transcript.record_user_message(session, request.sender_id, language, redaction.text,
                                                        state.conversation_id)
            routed = chat_handoff.route_user_message(session, request.sender_id, redaction.text, language) \
                if state.case_open else None
        return UserTurn(
            language=language, text=redaction.text, user_message_id=message_id, routed=routed,
            requested_slot=state.requested_slot, local_reply=local_reply,
            give_bsn_notice=redaction.had_bsn and not state.bsn_notice_given,
        )

    async def _answer_for_officer(self, sender_id: str, language: str, user_message_id: int,
                                  routed: chat_handoff.RoutedMessage, requested_slot: str | None,
                                  give_bsn_notice: bool) -> ChatResponse:
        """A case holds the conversation: the message went to the officer and the bot stays silent."""
        messages = [BotMessage(text=translate(BSN_NOTICE, language))] if give_bsn_notice else []
        if routed.status_line:
            messages.append(BotMessage(text=routed.status_line))
        await run_in_threadpool(self._store_bot_turn, sender_id, user_message_id, [m.text for m in messages], None,
                                requested_slot, give_bsn_notice)
        return ChatResponse(sender_id=sender_id, language=language, messages=messages, intent=None,
                            handoff=Handoff(**routed.handoff.as_dict()))

    def _language_for(self, request: ChatRequest, current: str) -> str:
        if request.language is not None:
            if normalise_language(request.language) != request.language.strip().lower().split("-")[0]:
                raise ChatError(422, UNSUPPORTED_LANGUAGE, current, languages=", ".join(SUPPORTED_LANGUAGES))
            return normalise_language(request.language)
        return current

    @staticmethod
    def _store_bot_turn(sender_id: str, user_message_id: int, texts: list[str], intent: Intent | None,
                        requested_slot: str | None, bsn_notice_given: bool,
                        case_opened: bool = False) -> chat_handoff.HandoffInfo | None:
        """Store the bot turn; returns the handoff when this turn opened a case (`case_opened`: a Rasa action said
        so in its message)."""
        with session_scope() as session:
            transcript.record_bot_turn(
                session, sender_id, user_message_id, texts,
                intent.name if intent else None, intent.confidence if intent else None,
                requested_slot, bsn_notice_given,
            )
            return chat_handoff.open_handoff(session, sender_id) if case_opened else None


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
    return BotMessage(text=str(text), buttons=buttons, citations=citations, headline=custom.get("headline") is True)
