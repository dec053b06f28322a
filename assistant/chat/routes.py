"""HTTP routes of the chat API. Thin: parsing and status codes only; the work is in ChatService."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request

from assistant.chat.schemas import ChatRequest, ChatResponse, ErrorResponse
from assistant.chat.service import ChatService
from assistant.errors import WRONG_CONTENT_TYPE
from assistant.i18n import best_match, translate

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
async def chat(body: ChatRequest, service: ChatService = Depends(get_chat_service)) -> ChatResponse:
    return await service.handle(body)
