"""The parent's status page of a verlof request: `GET /verlof/status` (the form) and `POST /verlof/status` (the
answer).

The parent fills in the reference (VL-…) and the e-mail address given with the request; both travel in the POST body,
never in a URL. A wrong address is answered exactly like an unknown reference (`service.find_for_parent`). The page
shows, in the parent's language, where the request stands, the decision with its reason, how to object (Awb 6:7),
the rule notes of the pre-assessment, and the messages a leerplicht officer wrote about it. The page is not cached.

Language: a language the parent chose in the picker; otherwise the language the request was made in; the form itself
follows the browser (`assistant.web.language`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from assistant.cases.chat_handoff import officer_role
from assistant.cases.models import AUTHOR_OFFICER, Case
from assistant.db.session import session_scope
from assistant.i18n import _, translate
from assistant.i18n.formatting import format_date
from assistant.verlof_requests import service
from assistant.verlof_requests.form_texts import KIND_TEXTS, PERIOD
from assistant.verlof_requests.models import STATUS_APPROVED, STATUS_REFUSED, VerlofRequest
from assistant.web.language import PageLanguage, page_language
from assistant.web.pages import render_page

pages = APIRouter(include_in_schema=False)
NO_STORE = {"Cache-Control": "no-store"}

NOT_FOUND = _("We kunnen deze aanvraag niet vinden. Controleer het kenmerk en het e-mailadres.")
FILL_IN_BOTH = _("Vul het kenmerk en het e-mailadres allebei in.")
DECIDED_BY = {
    "directeur": _("de directeur van de school"),
    "leerplichtambtenaar": _("de leerplichtambtenaar"),
}
DECIDED_ON = _("Besloten door {who} op {date}.")


def _choice(request: Request, request_language: str | None = None) -> PageLanguage:
    """The picker's choice wins; otherwise the language of the request (once it is known), else the browser's."""
    settings = getattr(request.app.state, "settings", None)
    choice = page_language(request, getattr(settings, "default_language", None))
    if request_language and not choice.chosen:
        return PageLanguage(request_language, chosen=False, remember=False)
    return choice


def _officer_messages(session: Any, found: VerlofRequest, language: str) -> list[dict[str, Any]]:
    if not found.case_reference:
        return []
    case = session.scalar(select(Case).where(Case.reference == found.case_reference))
    if case is None:
        return []
    return [
        {
            "name": message.officer.display_name if message.officer else None,
            "role": officer_role(case, language),
            "text": message.text,
            "date": format_date(message.created_at.date(), language),
        }
        for message in case.messages
        if message.author == AUTHOR_OFFICER
    ]


def _view(session: Any, found: VerlofRequest, language: str) -> dict[str, Any]:
    shown = service.parent_view(found, language)
    decided = found.status in (STATUS_APPROVED, STATUS_REFUSED)
    return {
        **shown,
        "kind_text": translate(KIND_TEXTS.get(found.kind, found.kind), language),
        "period": translate(
            PERIOD,
            language,
            start=format_date(found.start_date, language, "full"),
            end=format_date(found.end_date, language, "full"),
            days=found.school_days,
        ),
        "outcome": "approved" if found.status == STATUS_APPROVED else "refused" if decided else None,
        "decided_line": translate(
            DECIDED_ON,
            language,
            who=translate(DECIDED_BY.get(found.decided_by, DECIDED_BY["directeur"]), language),
            date=format_date(found.decided_at.date(), language),
        )
        if decided and found.decided_at
        else None,
        "unknown_school": found.decided_by == "directeur" and not found.school_id,
        "officer_messages": _officer_messages(session, found, language),
    }


@pages.get("/verlof/status", response_class=HTMLResponse, name="verlof_status_form")
def status_form(request: Request) -> HTMLResponse:
    return render_page(
        request, "verlof_status.html", "status", lambda language: {"found": None, "error": None, "reference": ""}
    )


@pages.post("/verlof/status", response_class=HTMLResponse, name="verlof_status")
def status(
    request: Request,
    reference: Annotated[str, Form(max_length=64)] = "",
    email: Annotated[str, Form(max_length=254)] = "",
) -> HTMLResponse:
    reference = reference.strip().upper()
    if not reference or not email.strip():
        response = render_page(
            request,
            "verlof_status.html",
            "status",
            lambda language: {"found": None, "error": translate(FILL_IN_BOTH, language), "reference": reference},
            status_code=422,
        )
        response.headers.update(NO_STORE)
        return response
    with session_scope() as session:
        try:
            found = service.find_for_parent(session, reference[:32], email)
        except service.RequestNotFound:
            response = render_page(
                request,
                "verlof_status.html",
                "status",
                lambda language: {"found": None, "error": translate(NOT_FOUND, language), "reference": reference},
                status_code=404,
            )
            response.headers.update(NO_STORE)
            return response
        choice = _choice(request, found.language)
        response = render_page(
            request,
            "verlof_status.html",
            "status",
            lambda language: {"found": _view(session, found, language), "error": None, "reference": reference},
            page_choice=choice,
        )
    response.headers.update(NO_STORE)
    return response
