"""Every error leaves as `{"detail": "<reason in the user's language>"}`; never a stack trace.

A database that cannot be written (read-only, disk full) or reached answers 503 with `Retry-After`, like a Rasa that
is down: the request can succeed later, and the connection stays open (a 500 from the catch-all handler is re-raised
to the server, which then closes the connection).
"""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sqlalchemy_errors
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.chat.service import ChatError
from assistant.http.rate_limits import RateLimited, busy_text
from assistant.i18n import _, best_match, normalise_language, translate
from assistant.knowledge.parameters import LawNotKnown

log = structlog.get_logger(__name__)

INVALID_JSON = _("De gegevens zijn geen geldige JSON. Controleer de opmaak en probeer het opnieuw.")
MISSING_FIELD = _("Het veld '{field}' ontbreekt.")
INVALID_FIELD = _("Het veld '{field}' is niet geldig: {reason}")
UNKNOWN_FIELD = _("Het veld '{field}' kennen we niet.")
NOT_AN_OBJECT = _("Stuur de gegevens als een JSON-object.")
WRONG_CONTENT_TYPE = _("Stuur de gegevens als JSON (Content-Type: application/json).")
INTERNAL = _("Er ging iets mis aan onze kant. Probeer het later opnieuw.")
NOT_FOUND = _("Deze pagina of dit adres bestaat niet.")
METHOD_NOT_ALLOWED = _("Deze methode is hier niet toegestaan.")
LAW_NOT_KNOWN = _("Ik ken de wet pas vanaf {known_from}. Wat de wet op {day} zei, kan ik u niet zeggen.")
STORAGE_UNAVAILABLE = _("Er is even een storing aan onze kant. Probeer het over een halve minuut opnieuw.")
STORAGE_RETRY_SECONDS = 30
# SQLSTATEs of a database that cannot take writes now: read-only transaction or server, disk full, out of memory,
# too many connections, shutting down (PostgreSQL); SQLite reports these as OperationalError.
_UNAVAILABLE_SQLSTATES = ("25006", "53", "57P", "08")

_REASONS = {
    "string_too_short": _("de tekst is te kort."),
    "string_too_long": _("de tekst is te lang."),
    "string_pattern_mismatch": _("er staan tekens in die niet zijn toegestaan."),
    "string_type": _("dit moet tekst zijn."),
    "int_parsing": _("dit moet een heel getal zijn."),
    "int_type": _("dit moet een heel getal zijn."),
    "int_from_float": _("dit moet een heel getal zijn."),
    "float_parsing": _("dit moet een getal zijn."),
    "bool_parsing": _("dit moet waar of onwaar zijn."),
    "date_from_datetime_parsing": _("dit moet een datum zijn (JJJJ-MM-DD)."),
    "date_parsing": _("dit moet een datum zijn (JJJJ-MM-DD)."),
    "literal_error": _("deze waarde kennen we niet."),
    "enum": _("deze waarde kennen we niet."),
    "greater_than_equal": _("de waarde is te laag."),
    "less_than_equal": _("de waarde is te hoog."),
    "value_error": _("de waarde klopt niet."),
}


def request_language(request: Request, body: Any = None) -> str:
    if isinstance(body, dict) and isinstance(body.get("language"), str):
        return normalise_language(body["language"])
    return best_match(request.headers.get("accept-language"))


def _first_error_message(errors: list[dict[str, Any]], language: str) -> tuple[int, str]:
    error = errors[0] if errors else {}
    kind = error.get("type", "")
    location = [str(part) for part in error.get("loc", ()) if part != "body"]
    field = ".".join(location) or "body"
    if kind == "json_invalid":
        return 400, translate(INVALID_JSON, language)
    if kind in ("model_attributes_type", "dict_type", "model_type") and not location:
        return 422, translate(NOT_AN_OBJECT, language)
    if kind == "missing":
        return 422, translate(MISSING_FIELD, language, field=field)
    if kind == "extra_forbidden":
        return 422, translate(UNKNOWN_FIELD, language, field=field)
    custom = (error.get("ctx") or {}).get("reason")
    reason = (
        translate(custom, language)
        if isinstance(custom, str)
        else translate(_REASONS.get(kind, _REASONS["value_error"]), language)
    )
    return 422, translate(INVALID_FIELD, language, field=field, reason=reason)


def storage_unavailable(error: BaseException) -> bool:
    """True when the database cannot take the request now (as opposed to a bug in a statement)."""
    if isinstance(
        error, (sqlalchemy_errors.OperationalError, sqlalchemy_errors.InterfaceError, sqlalchemy_errors.TimeoutError)
    ):
        return True
    sqlstate = getattr(getattr(error, "orig", None), "sqlstate", None)
    return (
        isinstance(error, sqlalchemy_errors.DBAPIError)
        and isinstance(sqlstate, str)
        and sqlstate.startswith(_UNAVAILABLE_SQLSTATES)
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        language = request_language(request, exc.body)
        status, detail = _first_error_message(list(exc.errors()), language)
        return JSONResponse({"detail": detail}, status_code=status)

    @app.exception_handler(ChatError)
    async def _chat(request: Request, exc: ChatError) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(LawNotKnown)
    async def _law_not_known(request: Request, exc: LawNotKnown) -> JSONResponse:
        detail = translate(LAW_NOT_KNOWN, request_language(request), known_from=exc.known_from, day=exc.day)
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(RateLimited)
    async def _rate_limited(request: Request, exc: RateLimited) -> JSONResponse:
        return JSONResponse(
            {"detail": busy_text(exc.retry_after, request_language(request))},
            status_code=429,
            headers={"Retry-After": str(exc.retry_after)},
        )

    async def _database(request: Request, exc: Exception) -> JSONResponse:
        if not storage_unavailable(exc):
            return await _unexpected(request, exc)
        log.error("storage_unavailable", error_type=type(exc).__name__, error=str(getattr(exc, "orig", exc))[:200])
        return JSONResponse(
            {"detail": translate(STORAGE_UNAVAILABLE, request_language(request))},
            status_code=503,
            headers={"Retry-After": str(STORAGE_RETRY_SECONDS)},
        )

    for error_class in (sqlalchemy_errors.DBAPIError, sqlalchemy_errors.TimeoutError):
        app.add_exception_handler(error_class, _database)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        language = request_language(request)
        if exc.status_code == 404 and exc.detail == "Not Found":
            detail = translate(NOT_FOUND, language)
        elif exc.status_code == 405:
            detail = translate(METHOD_NOT_ALLOWED, language)
        else:
            detail = translate(str(exc.detail), language)
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled_error", error_type=type(exc).__name__)
        return JSONResponse({"detail": translate(INTERNAL, request_language(request))}, status_code=500)
