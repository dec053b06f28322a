"""The dependency vocabulary of the routes: what a route needs, declared in its signature.

    def check(body: Body, today: Today, session: SessionDep, signed: CurrentUser) -> ...

Each name is an `Annotated` type over one provider function; tests replace a provider for one app with
`app.dependency_overrides[get_today] = lambda: date(2026, 1, 12)` (never by patching module attributes).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from assistant import clock
from assistant.backoffice import security
from assistant.backoffice.security import CSRF_HEADER, SignedIn
from assistant.chat.service import ChatService
from assistant.db.session import session_scope
from assistant.http.errors import WRONG_CONTENT_TYPE
from assistant.http.rate_limits import RateLimiter
from assistant.http.schemas import ErrorResponse
from assistant.i18n import best_match, translate
from assistant.settings import Settings, get_settings

NOT_SIGNED_IN = "U bent niet ingelogd."
CSRF_MISSING = "De CSRF-token ontbreekt of klopt niet (header X-CSRF-Token)."


# --- the clock, the settings, the database -------------------------------------------------------------------------


def get_today() -> date:
    """Today in Europe/Amsterdam (`assistant.clock`)."""
    return clock.today()


Today = Annotated[date, Depends(get_today)]


def get_app_settings(request: Request) -> Settings:
    return getattr(request.app.state, "settings", None) or get_settings()


AppSettings = Annotated[Settings, Depends(get_app_settings)]


def get_session() -> Iterator[Session]:
    """One transaction for the route: committed when the route returns, rolled back when it raises."""
    with session_scope() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


# --- services the application holds --------------------------------------------------------------------------------


def get_chat_service(request: Request) -> ChatService:
    return request.app.state.chat_service  # type: ignore[no-any-return]


ChatServiceDep = Annotated[ChatService, Depends(get_chat_service)]


def get_rate_limiter(request: Request) -> RateLimiter:
    return request.app.state.rate_limiter  # type: ignore[no-any-return]


RateLimiterDep = Annotated[RateLimiter, Depends(get_rate_limiter)]


# --- the request ------------------------------------------------------------------------------------------------


def require_json(request: Request) -> None:
    """415 unless the body is sent as application/json (use as `dependencies=[JSON_BODY]`)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise HTTPException(415, translate(WRONG_CONTENT_TYPE, best_match(request.headers.get("accept-language"))))


JSON_BODY = Depends(require_json)


# --- the back office's signed-in user --------------------------------------------------------------------------


def require_user(request: Request) -> SignedIn:
    """The signed-in back-office user (officer, school account or administrator); 401 without a session."""
    signed = security.signed_in(request)
    if signed is None:
        raise HTTPException(401, NOT_SIGNED_IN)
    return signed


CurrentUser = Annotated[SignedIn, Depends(require_user)]


def require_csrf(request: Request, signed: CurrentUser) -> SignedIn:
    """The signed-in user of an unsafe request, which must carry the session's CSRF token (403 otherwise)."""
    if not security.csrf_ok(signed, request.headers.get(CSRF_HEADER)):
        raise HTTPException(403, CSRF_MISSING)
    return signed


CsrfCheckedUser = Annotated[SignedIn, Depends(require_csrf)]

READ_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": NOT_SIGNED_IN},
    404: {"model": ErrorResponse, "description": "Not found, or not visible to the signed-in user."},
    422: {"model": ErrorResponse, "description": "A parameter or field is not valid."},
}
# Unsafe methods: also the CSRF token (403) and a state that does not allow the action (409).
UNSAFE_ERRORS: dict[int | str, dict[str, Any]] = {
    **READ_ERRORS,
    403: {"model": ErrorResponse, "description": CSRF_MISSING + " Or: the signed-in user may not do this."},
    409: {"model": ErrorResponse, "description": "The case or request is not in a state that allows this."},
}
