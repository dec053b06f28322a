"""HTTP routes of the chat API. Thin: parsing and status codes only; the work is in ChatService."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from assistant.cases import chat_handoff
from assistant.chat.schemas import ChatRequest, ChatResponse, Handoff
from assistant.conversations.sender_ids import RESERVED, is_reserved
from assistant.http.deps import JSON_BODY, AppSettings, ChatServiceDep, RateLimiterDep
from assistant.http.errors import INVALID_FIELD
from assistant.http.schemas import RETRY_AFTER, ErrorResponse
from assistant.i18n import best_match, translate
from assistant.web.language import page_language

router = APIRouter(prefix="/api", tags=["chat"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "The body is not valid JSON."},
    409: {
        "model": ErrorResponse,
        "description": "A message with this `client_message_id` is still being answered; "
        "retry after `Retry-After` seconds.",
        "headers": RETRY_AFTER,
    },
    413: {"model": ErrorResponse, "description": "The body is larger than MAX_BODY_BYTES."},
    415: {"model": ErrorResponse, "description": "The body is not sent as application/json."},
    422: {
        "model": ErrorResponse,
        "description": "A field is missing or not valid, or the message is empty or too "
        "long once invisible characters are removed, or the language is not supported. Nothing is stored.",
    },
    429: {
        "model": ErrorResponse,
        "description": "Too many messages in this conversation, or from this address; "
        "retry after `Retry-After` seconds (the message was not stored).",
        "headers": RETRY_AFTER,
    },
    503: {
        "model": ErrorResponse,
        "description": "Rasa, the action server, the tracker store or the database cannot "
        "answer now; the message is kept when it could be stored. Retry after `Retry-After` seconds, with the same "
        "`client_message_id`.",
        "headers": RETRY_AFTER,
    },
}


@router.post(
    "/chat",
    response_model=ChatResponse,
    responses=_ERRORS,
    dependencies=[JSON_BODY],
    summary="Send one user message and receive the assistant's answer",
)
async def chat(
    body: ChatRequest, request: Request, service: ChatServiceDep, settings: AppSettings, limiter: RateLimiterDep
) -> ChatResponse:
    """Without `language`, the language of each message is detected; a new conversation starts in the language of
    the page it comes from (the `lang` cookie of the picker, else the browser's Accept-Language), so a short first
    message ("Is dit een chatbot?") is answered in the page's language."""
    await limiter.check("chat-conversation", settings.chat_rate_limit_per_conversation, body.sender_id)
    return await service.handle(body, page_language(request, service.default_language).code)


class OfficerMessage(BaseModel):
    id: int
    author: str  # officer | system
    text: str
    created_at: datetime
    officer_name: str | None = Field(default=None, description="Who wrote it (an officer's message)")
    officer_role: str | None = Field(
        default=None,
        description='Their role, in the conversation\'s language, e.g. "leerplichtambtenaar, gemeente Hengelo"',
    )


class OfficerMessages(BaseModel):
    messages: list[OfficerMessage]
    handoff: Handoff | None = None


@router.get(
    "/chat/{sender_id}/messages",
    response_model=OfficerMessages,
    responses={422: {"model": ErrorResponse}},
    summary="Officer and system messages after a message id (poll while a handoff is open)",
)
async def officer_messages(
    request: Request,
    sender_id: str = Path(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:\-]+$"),
    after: int = Query(default=0, ge=0, le=2**31 - 1, description="Only messages with a higher id than this."),
) -> OfficerMessages:
    """Messages an officer (or the system, e.g. "taken up", "handed back") sent into the conversation, and the
    state of its latest case. An unknown conversation gets an empty list, never a 404. Reserved ids (the officer
    threads of verlof requests) are refused: their parent reads them through `/api/verlof/requests/…`."""
    if is_reserved(sender_id):
        language = best_match(request.headers.get("accept-language"))
        raise HTTPException(
            422, translate(INVALID_FIELD, language, field="sender_id", reason=translate(RESERVED, language))
        )
    messages, handoff = await run_in_threadpool(chat_handoff.officer_messages_after, sender_id, after)
    return OfficerMessages(
        messages=[OfficerMessage(**m) for m in messages], handoff=Handoff(**handoff.as_dict()) if handoff else None
    )
