"""The review queue of the back office (`/backoffice/review`, and `/api/backoffice/review` as JSON): questions the
assistant could not answer or that got a thumbs down, labelled by officers for the next training.

Officers and administrators only, as the other insight pages (`backoffice_insight`); every view and label is written
to the audit log. Thin: the queue and the labels are in `assistant.insight.review`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from assistant.backoffice import security
from assistant.backoffice.security import SignedIn
from assistant.backoffice.views import render
from assistant.cases import audit
from assistant.cases.auth import Principal
from assistant.db.session import session_scope
from assistant.http.deps import CsrfCheckedUser, CurrentUser
from assistant.http.responses import ReviewLabelled, ReviewQueue
from assistant.http.routes.backoffice_insight import CSRF_REFUSED, ERRORS, api_call, page_user
from assistant.insight import labels, review
from assistant.insight.errors import Refused
from assistant.insight.scope import Scope, scope_for

pages = APIRouter(prefix="/backoffice", include_in_schema=False)
router = APIRouter(prefix="/api/backoffice", tags=["back office"])

REVIEW_DONE = {
    "labelled": "Het onderwerp is opgeslagen. De vraag gaat mee in de volgende training.",
    "new_topic": "Genoteerd: voor deze vraag is een nieuw onderwerp nodig.",
    "dismissed": "De vraag is overgeslagen.",
}


class LabelBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["labelled", "new_topic", "dismissed"]
    intent: str | None = Field(default=None, max_length=128)
    text: str | None = Field(default=None, max_length=review.MAX_EXAMPLE_CHARS * 4)


def _queue(principal: Principal) -> tuple[Scope, list[review.ReviewItem], list[dict[str, Any]]]:
    scope = scope_for(principal)
    with session_scope() as session:
        items = review.review_queue(session, scope)
        done = review.decided(session, scope, limit=50)
        audit.record(session, principal.actor, "review_viewed", "insight", None, {"items": len(items)})
    return scope, items, done


@router.get(
    "/review",
    response_model=ReviewQueue,
    responses=ERRORS,
    summary="Questions the assistant could not answer or that got 👎",
)
def review_json(signed: CurrentUser) -> dict[str, Any]:
    _scope, items, done = api_call(lambda: _queue(signed.principal))
    return {
        "items": [item.as_dict() for item in items],
        "decided": done,
        "intents": [{"intent": intent, "label": label} for intent, label in review.intent_choices()],
    }


def _label(principal: Principal, turn_id: int, status: str, intent: str | None, text: str | None) -> str:
    scope = scope_for(principal)
    with session_scope() as session:
        return review.label(session, principal, scope, turn_id, status, intent or None, text).status


@router.post(
    "/review/{turn_id}",
    response_model=ReviewLabelled,
    responses=ERRORS,
    summary="Label a queue item (topic, new topic needed, skip)",
)
def review_label(
    turn_id: Annotated[int, Path(ge=1, le=2**63 - 1)], body: LabelBody, signed: CsrfCheckedUser
) -> dict[str, Any]:
    try:
        status = api_call(lambda: _label(signed.principal, turn_id, body.status, body.intent, body.text))
    except Refused as error:
        raise HTTPException(error.status_code, error.message) from None
    return {"turn_id": turn_id, "status": status}


# --- pages ---------------------------------------------------------------------------------------------------------


def _review_page(
    request: Request, signed: SignedIn, *, done: str | None = None, error: str | None = None, status_code: int = 200
) -> HTMLResponse:
    _scope, items, decided = _queue(signed.principal)
    return render(
        request,
        "review.html",
        signed,
        status_code=status_code,
        items=items,
        decided=decided,
        intents=review.intent_choices(),
        done=REVIEW_DONE.get(done or ""),
        error=error,
        reasons=review.REASONS,
        language_label=labels.language_label,
        topic_label=labels.topic_label,
    )


@pages.get("/review", response_class=HTMLResponse)
def review_page(request: Request, done: str | None = None) -> Response:
    signed = page_user(request)
    if isinstance(signed, Response):
        return signed
    return _review_page(request, signed, done=done)


@pages.post("/review/{turn_id}")
def review_form(
    request: Request,
    turn_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    status: Annotated[str, Form(max_length=16)] = "",
    intent: Annotated[str, Form(max_length=128)] = "",
    text: Annotated[str, Form(max_length=review.MAX_EXAMPLE_CHARS * 4)] = "",
) -> Response:
    signed = page_user(request)
    if isinstance(signed, Response):
        return signed
    if not security.csrf_ok(signed, csrf_token):
        return render(request, "error.html", signed, status_code=403, title="Niet verstuurd", message=CSRF_REFUSED)
    try:
        done = _label(signed.principal, turn_id, status, intent, text)
    except Refused as problem:
        return _review_page(request, signed, error=problem.message, status_code=problem.status_code)
    return RedirectResponse(f"/backoffice/review?done={quote(done)}", status_code=303)
