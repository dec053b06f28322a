"""The back-office pages: login, the officer queue, a case, verlof requests (for schools), logout.

Pages are server-rendered without scripts; every form posts with the session's CSRF token and redirects back
(post/redirect/get). Cases another user may not see answer 404, exactly like cases that do not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask

from assistant.backoffice import security
from assistant.backoffice.security import SignedIn
from assistant.backoffice.views import (
    AUTHOR_LABELS,
    DONE_MESSAGES,
    FACT_LABELS,
    case_detail,
    case_rows,
    outcome_labels,
    render,
)
from assistant.cases import routing, service
from assistant.cases.auth import Principal
from assistant.cases.email_notice import notify_officer_reply
from assistant.cases.models import OPEN_STATUSES, PRIORITIES, ROLE_SCHOOL, STATUSES, TRIGGER_LABELS, Case
from assistant.db.base import utcnow
from assistant.db.session import session_scope

pages = APIRouter(prefix="/backoffice", include_in_schema=False)

THROTTLED = "Te veel mislukte pogingen om in te loggen. Wacht {minutes} minuten en probeer het dan opnieuw."
WRONG_LOGIN = "Het e-mailadres of het wachtwoord klopt niet."
FORM_EXPIRED = "Het formulier is verlopen. Probeer het opnieuw."
CSRF_REFUSED = "Dit formulier is verlopen of niet door u verstuurd. Laad de pagina opnieuw en probeer het nog eens."


def _safe_next(target: str | None) -> str:
    """Only a path inside the back office (no open redirect)."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and parts.path.startswith("/backoffice") and "\\" not in target:
            return target
    return "/backoffice"


def _to_login(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/backoffice/login?next={quote(target, safe='')}", status_code=303)


def _not_found(request: Request, signed: SignedIn | None) -> HTMLResponse:
    return render(request, "not_found.html", signed, status_code=404)


def _refused(request: Request, signed: SignedIn) -> HTMLResponse:
    return render(request, "error.html", signed, status_code=403, title="Niet verstuurd", message=CSRF_REFUSED)


def _home(signed: SignedIn) -> str:
    return "/backoffice/verlof" if signed.principal.role == ROLE_SCHOOL else "/backoffice/cases"


# --- login and logout ----------------------------------------------------------------------------------------


def _login_page(
    request: Request, next_url: str, error: str | None = None, email: str = "", status_code: int = 200
) -> HTMLResponse:
    token = security.new_login_form_token()
    response = render(
        request,
        "login.html",
        None,
        status_code=status_code,
        error=error,
        email=email,
        next_url=next_url,
        form_token=token,
    )
    security.set_login_form_cookie(request, response, token)
    return response


@pages.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    signed = security.signed_in(request)
    if signed is not None:
        return RedirectResponse(_safe_next(next) if next else _home(signed), status_code=303)
    return _login_page(request, _safe_next(next))


@pages.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    next: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    next_url = _safe_next(next)
    if not security.login_form_token_ok(request, csrf_token):
        return _login_page(request, next_url, FORM_EXPIRED, email, status_code=403)
    throttle = security.throttle_for(request)
    try:
        user = security.authenticate(email, password, security.client_ip(request), throttle=throttle)
    except security.Throttled:
        minutes = int(throttle.window.total_seconds() // 60)
        page = _login_page(request, next_url, THROTTLED.format(minutes=minutes), email, status_code=429)
        page.headers["Retry-After"] = str(int(throttle.window.total_seconds()))
        return page
    if user is None:
        return _login_page(request, next_url, WRONG_LOGIN, email, status_code=401)
    target = next_url if next else ("/backoffice/verlof" if user.role == ROLE_SCHOOL else "/backoffice/cases")
    response = RedirectResponse(target, status_code=303)
    security.start_session(request, response, user)
    return response


@pages.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form(max_length=128)] = "") -> Response:
    signed = security.signed_in(request)
    if signed is not None and not security.csrf_ok(signed, csrf_token):
        return _refused(request, signed)
    response = RedirectResponse("/backoffice/login", status_code=303)
    security.end_session(request, response, signed)
    return response


# --- pages ---------------------------------------------------------------------------------------------------


@pages.get("", response_class=HTMLResponse)
@pages.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    signed = security.signed_in(request)
    if signed is None:
        return _to_login(request)
    return RedirectResponse(_home(signed), status_code=303)


@pages.get("/cases", response_class=HTMLResponse)
def queue(
    request: Request,
    status: Annotated[str, Query(max_length=32)] = "open",
    priority: Annotated[str, Query(max_length=16)] = "",
    school: Annotated[str, Query(max_length=200)] = "",
    municipality: Annotated[str, Query(max_length=64)] = "",
) -> Response:
    signed = security.signed_in(request)
    if signed is None:
        return _to_login(request)
    principal = signed.principal
    if not principal.works_cases:
        return _not_found(request, signed)
    status = status if status in ("open", "all", *STATUSES) else "open"
    priority = priority if priority in PRIORITIES else ""
    now = utcnow()
    with session_scope() as session:
        cases = service.list_cases(
            session,
            principal,
            status=None if status == "all" else status,
            priority=priority or None,
            school=school or None,
            municipality=(municipality or None) if principal.is_admin else None,
            now=now,
        )
        rows = case_rows(session, cases, now)
        schools = service.schools_in_queue(session, principal)
    return render(
        request,
        "queue.html",
        signed,
        cases=rows,
        schools=schools,
        municipalities=routing.leerplicht_municipalities(),
        filters={"status": status, "priority": priority, "school": school, "municipality": municipality},
        trigger_labels=TRIGGER_LABELS,
    )


def _case_page(
    request: Request,
    signed: SignedIn,
    reference: str,
    *,
    done: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    now = utcnow()
    with session_scope() as session:
        try:
            case = service.get_case(session, signed.principal, reference)
        except service.CaseNotFound:
            return _not_found(request, signed)
        detail = case_detail(session, case, now)
    return render(
        request,
        "case.html",
        signed,
        status_code=status_code,
        case=detail,
        fact_labels=FACT_LABELS,
        trigger_labels=TRIGGER_LABELS,
        author_labels=AUTHOR_LABELS,
        outcomes=outcome_labels(),
        done=DONE_MESSAGES.get(done or ""),
        error=error,
        open_statuses=OPEN_STATUSES,
    )


@pages.get("/cases/{reference}", response_class=HTMLResponse)
def case_page(request: Request, reference: str, done: str | None = None) -> Response:
    signed = security.signed_in(request)
    if signed is None:
        return _to_login(request)
    return _case_page(request, signed, reference, done=done)


def _act(
    request: Request, reference: str, csrf_token: str, done: str, action: Callable[[Session, Case, Principal], object]
) -> Response:
    """Run `action(session, case, principal)` on a case the user may see, then redirect back to the case."""
    signed = security.signed_in(request)
    if signed is None:
        return _to_login(request)
    if not security.csrf_ok(signed, csrf_token):
        return _refused(request, signed)
    try:
        with session_scope() as session:
            case = service.get_case(session, signed.principal, reference)
            action(session, case, signed.principal)
    except service.CaseNotFound:
        return _not_found(request, signed)
    except service.CaseError as error:
        return _case_page(request, signed, reference, error=error.message, status_code=error.status_code)
    return RedirectResponse(f"/backoffice/cases/{quote(reference)}?done={done}", status_code=303)


CsrfField = Annotated[str, Form(max_length=128)]
TextField = Annotated[str, Form(max_length=service.MAX_TEXT_CHARS * 2)]


@pages.post("/cases/{reference}/take")
def take(request: Request, reference: str, csrf_token: CsrfField = "") -> Response:
    return _act(request, reference, csrf_token, "taken", lambda s, c, p: service.take(s, c, p))


@pages.post("/cases/{reference}/reply")
def reply(request: Request, reference: str, csrf_token: CsrfField = "", text: TextField = "") -> Response:
    response = _act(request, reference, csrf_token, "replied", lambda s, c, p: service.reply(s, c, p, text))
    if response.status_code == 303:  # stored: tell the parent by e-mail, after the response has gone out
        response.background = BackgroundTask(notify_officer_reply, reference)
    return response


@pages.post("/cases/{reference}/note")
def note(request: Request, reference: str, csrf_token: CsrfField = "", text: TextField = "") -> Response:
    return _act(request, reference, csrf_token, "noted", lambda s, c, p: service.add_note(s, c, p, text))


@pages.post("/cases/{reference}/hand-back")
def hand_back(request: Request, reference: str, csrf_token: CsrfField = "") -> Response:
    return _act(request, reference, csrf_token, "handed_back", lambda s, c, p: service.hand_back(s, c, p))


@pages.post("/cases/{reference}/close")
def close(
    request: Request, reference: str, csrf_token: CsrfField = "", outcome: Annotated[str, Form(max_length=32)] = ""
) -> Response:
    return _act(request, reference, csrf_token, "closed", lambda s, c, p: service.close(s, c, p, outcome))


# The verlof request pages (`/backoffice/verlof...`) live in assistant/http/routes/backoffice_verlof.py.
