"""Chat API routes around the answers: feedback on a message, the satisfaction score and the parent's transcript.

- `POST /api/chat/feedback` `{"sender_id", "message_id", "rating": "up"|"down", "comment"?, "language"?}`
- `POST /api/chat/satisfaction` `{"sender_id", "score": 1..5, "language"?}`
- `GET /api/chat/{sender_id}/transcript?language=` a text file of the conversation

Thin: the work is in `assistant.insight.feedback` and `assistant.chat.download`. Errors are `{"detail"}` in the
user's language like the rest of the chat API; the POSTs share the chat's rate limit (`ChatRateLimitMiddleware`).
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from assistant.chat import download
from assistant.http.deps import JSON_BODY, AppSettings, RateLimiterDep
from assistant.http.errors import request_language
from assistant.http.schemas import ErrorResponse, error_responses
from assistant.i18n import normalise_language, translate
from assistant.insight import feedback
from assistant.insight.errors import Refused

router = APIRouter(prefix="/api/chat", tags=["chat"])

SENDER_PATTERN = r"^[A-Za-z0-9_.:\-]+$"
_ERRORS = error_responses(400, 404, 413, 415, 422, 429)


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sender_id: str = Field(min_length=1, max_length=128, pattern=SENDER_PATTERN)
    message_id: int = Field(ge=1, le=2**63 - 1, description="The `id` of a bot message in a `/api/chat` answer.")
    rating: Literal["up", "down"]
    comment: str | None = Field(
        default=None,
        max_length=feedback.MAX_COMMENT_CHARS,
        description="Only with `down`: what was wrong or missing (redacted before storage).",
    )
    language: str | None = Field(default=None, max_length=16, description="Language of error messages.")


class FeedbackResponse(BaseModel):
    message_id: int
    rating: str
    comment_saved: bool


class SatisfactionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sender_id: str = Field(min_length=1, max_length=128, pattern=SENDER_PATTERN)
    score: int = Field(ge=1, le=5, description="1 = very dissatisfied ... 5 = very satisfied.")
    language: str | None = Field(default=None, max_length=16)


class SatisfactionResponse(BaseModel):
    score: int


async def _limit(limiter: RateLimiterDep, settings: AppSettings, sender_id: str) -> None:
    """Feedback floods meet the chat's limit per conversation (the address ceiling covers these paths too)."""
    await limiter.check("chat-feedback", settings.chat_rate_limit_per_conversation, sender_id)


def _refused(error: Refused, language: str) -> HTTPException:
    return HTTPException(error.status_code, translate(error.message, language, **error.values))


@router.post(
    "/feedback",
    response_model=FeedbackResponse,
    responses=_ERRORS,
    dependencies=[JSON_BODY],
    summary="Rate one answer of the assistant (👍/👎, one rating per message, changeable)",
)
async def rate_message(
    body: FeedbackRequest, request: Request, limiter: RateLimiterDep, settings: AppSettings
) -> FeedbackResponse:
    await _limit(limiter, settings, body.sender_id)
    language = normalise_language(body.language) if body.language else request_language(request)
    try:
        saved = await run_in_threadpool(
            feedback.save_feedback, body.sender_id, body.message_id, body.rating, body.comment
        )
    except Refused as error:
        raise _refused(error, language) from None
    return FeedbackResponse(message_id=saved.message_id, rating=saved.rating, comment_saved=saved.comment_saved)


@router.post(
    "/satisfaction",
    response_model=SatisfactionResponse,
    responses=_ERRORS,
    dependencies=[JSON_BODY],
    summary="How satisfied the user is with the conversation (1-5)",
)
async def rate_conversation(
    body: SatisfactionRequest, request: Request, limiter: RateLimiterDep, settings: AppSettings
) -> SatisfactionResponse:
    await _limit(limiter, settings, body.sender_id)
    language = normalise_language(body.language) if body.language else request_language(request)
    try:
        score = await run_in_threadpool(feedback.save_satisfaction, body.sender_id, body.score)
    except Refused as error:
        raise _refused(error, language) from None
    return SatisfactionResponse(score=score)


@router.get(
    "/{sender_id}/transcript",
    responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    response_class=Response,
    summary="Download the conversation as a text file (in the user's language)",
)
async def transcript(
    request: Request,
    settings: AppSettings,
    sender_id: str = Path(min_length=1, max_length=128, pattern=SENDER_PATTERN),
    language: str | None = Query(default=None, max_length=16),
) -> Response:
    retention_days = int(getattr(settings, "chat_retention_days", 28))
    chosen = normalise_language(language) if language else None
    result = await run_in_threadpool(download.transcript_text, sender_id, chosen, retention_days)
    if result is None:
        raise HTTPException(404, translate(download.NOT_FOUND, chosen or request_language(request)))
    return Response(
        result.text,
        media_type="text/plain; charset=utf-8",
        headers={
            "Content-Disposition": f"attachment; filename=\"{result.filename}\"; filename*=UTF-8''"
            f"{quote(result.filename)}",
            "Cache-Control": "no-store",
        },
    )
