"""HTTP routes of the chat API. Thin: parsing and status codes only; the work is in ChatService."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from assistant.cases import chat_handoff
from assistant.chat.schemas import ChatRequest, ChatResponse, ErrorResponse, Handoff
from assistant.chat.service import ChatService
from assistant.errors import WRONG_CONTENT_TYPE
from assistant.i18n import best_match, translate
from assistant.web.language import page_language

router = APIRouter(prefix="/api", tags=["chat"])

_ERRORS = {code: {"model": ErrorResponse} for code in (400, 413, 415, 422, 429, 503)}


def require_json(request: Request) -> None:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise HTTPException(415, translate(WRONG_CONTENT_TYPE, best_match(request.headers.get("accept-language"))))


def get_chat_service(request: Request) -> ChatService:
    return request.app.state.chat_service


@router.post("/chat", response_model=ChatResponse, responses=_ERRORS, dependencies=[Depends(require_json)],
             summary="Send one user message and receive the assistant's answer")
async def chat(body: ChatRequest, request: Request, service: ChatService = Depends(get_chat_service)) -> ChatResponse:
    """Without `language`, the language of each message is detected; a new conversation starts in the language of
    the page it comes from (the `lang` cookie of the picker, else the browser's Accept-Language), so a short first
    message ("Is dit een chatbot?") is answered in the page's language."""
    return await service.handle(body, page_language(request, service.default_language).code)


class OfficerMessage(BaseModel):
    id: int
    author: str  # officer | system
    text: str
    created_at: datetime
    officer_name: str | None = Field(default=None, description="Who wrote it (an officer's message)")
    officer_role: str | None = Field(default=None, description="Their role, in the conversation's language, e.g. "
                                     "\"leerplichtambtenaar, gemeente Hengelo\"")


class OfficerMessages(BaseModel):
    messages: list[OfficerMessage]
    handoff: Handoff | None = None


@router.get("/chat/{sender_id}/messages", response_model=OfficerMessages,
            responses={422: {"model": ErrorResponse}},
            summary="Officer and system messages after a message id (poll while a handoff is open)")
async def officer_messages(
    sender_id: str = Path(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:\-]+$"),
    after: int = Query(default=0, ge=0, le=2**31 - 1, description="Only messages with a higher id than this."),
) -> OfficerMessages:
    """Messages an officer (or the system, e.g. "taken up", "handed back") sent into the conversation, and the
    state of its latest case. An unknown conversation gets an empty list, never a 404."""
    messages, handoff = await run_in_threadpool(chat_handoff.officer_messages_after, sender_id, after)
    return OfficerMessages(messages=[OfficerMessage(**m) for m in messages],
                           handoff=Handoff(**handoff.as_dict()) if handoff else None)
