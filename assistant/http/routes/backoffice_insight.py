"""The officers' insight in the back office: figures (`/backoffice/stats`), the jaarverslag (`/backoffice/jaarverslag`)
and the review queue (`/backoffice/review`), with the same as JSON and CSV under `/api/backoffice`.

Officers and administrators only: a school account gets 404 (as for cases), without a session the pages go to the
login and the API answers 401. Every view, export and label is written to the audit log. Thin: the figures are in
`stats` and `jaarverslag`, the queue in `review`, who sees what in `scope`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from assistant.backoffice import security
from assistant.backoffice.security import SignedIn
from assistant.backoffice.views import render
from assistant.calendar.model import SchoolYear
from assistant.cases import audit
from assistant.cases.auth import Principal
from assistant.db.session import session_scope
from assistant.http.deps import CsrfCheckedUser, CurrentUser, Today
from assistant.http.responses import JaarverslagOut, ReviewLabelled, ReviewQueue, StatsOut
from assistant.insight import charts, labels, review
from assistant.insight.errors import Refused
from assistant.insight.jaarverslag import Jaarverslag, compute_jaarverslag
from assistant.insight.scope import NotVisible, Scope, ScopeError, choices_for, period_for, scope_for
from assistant.insight.stats import TABLE_KEYS, Stats, compute_stats
from assistant.insight.tables import table_csv

T = TypeVar("T")
pages = APIRouter(prefix="/backoffice", include_in_schema=False)
router = APIRouter(prefix="/api/backoffice", tags=["back office"])

NOT_FOUND = "Niet gevonden."
NOT_A_SCHOOL_YEAR = "'{value}' is geen schooljaar. Schrijf het als 2024-2025."
CSRF_REFUSED = "Dit formulier is verlopen of niet door u verstuurd. Laad de pagina opnieuw en probeer het nog eens."
REVIEW_DONE = {"labelled": "Het onderwerp is opgeslagen. De vraag gaat mee in de volgende training.",
               "new_topic": "Genoteerd: voor deze vraag is een nieuw onderwerp nodig.",
               "dismissed": "De vraag is overgeslagen."}
_ERRORS: dict[int | str, dict[str, Any]] = {401: {"description": "U bent niet ingelogd."},
                                             404: {"description": NOT_FOUND},
                                             422: {"description": "Periode, gemeente of schooljaar klopt niet."}}


def school_year_of(text: str | None, today: date) -> SchoolYear:
    if not text or not text.strip():
        return SchoolYear.of(today)
    try:
        return SchoolYear.parse(text.strip())
    except ValueError:
        raise ScopeError(NOT_A_SCHOOL_YEAR.format(value=text.strip()[:16])) from None


def load_stats(principal: Principal, start: str | None, end: str | None, municipality: str | None, today: date,
               action: str, **details: Any) -> Stats:
    """The figures `principal` may see (raises NotVisible / ScopeError), audited as `action`."""
    scope = scope_for(principal, municipality)
    period = period_for(start, end, today)
    with session_scope() as session:
        stats = compute_stats(session, period, scope)
        audit.record(session, principal.actor, action, "insight", None, {
            "from": period.start.isoformat(), "to": period.end.isoformat(),
            "municipality": scope.requested or None, **details})
    return stats


def load_jaarverslag(principal: Principal, school_year: str | None, municipality: str | None, today: date,
                     action: str) -> Jaarverslag:
    scope = scope_for(principal, municipality)
    year = school_year_of(school_year, today)
    with session_scope() as session:
        report = compute_jaarverslag(session, year, scope)
        audit.record(session, principal.actor, action, "insight", None,
                     {"school_year": year.label, "municipality": scope.requested or None})
    return report


def _csv(body: bytes, filename: str) -> Response:
    return Response(body, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})


# --- JSON and CSV -------------------------------------------------------------------------------------------------

FromQuery = Annotated[str | None, Query(alias="from", max_length=32, description="First day (YYYY-MM-DD).")]
ToQuery = Annotated[str | None, Query(alias="to", max_length=32, description="Last day, included (YYYY-MM-DD).")]
MunicipalityQuery = Annotated[str | None, Query(max_length=64, description="One municipality of your scope "
                                                                           "(admins: also 'onbekend').")]
SchoolYearQuery = Annotated[str | None, Query(max_length=16, description="e.g. 2024-2025 (default: the current one)")]


def _api_call(call: Callable[[], T]) -> T:
    try:
        return call()
    except NotVisible:
        raise HTTPException(404, NOT_FOUND) from None
    except ScopeError as error:
        raise HTTPException(422, str(error)) from None


@router.get("/stats", response_model=StatsOut, responses=_ERRORS,
            summary="Figures of the assistant for a period (officers: own municipalities)")
def stats_json(signed: CurrentUser, today: Today, start: FromQuery = None, end: ToQuery = None,
               municipality: MunicipalityQuery = None) -> dict[str, Any]:
    return _api_call(lambda: load_stats(signed.principal, start, end, municipality, today, "stats_viewed",
                                        via="api")).as_dict()


@router.get("/stats/{table}.csv", responses=_ERRORS, response_class=Response,
            summary="One table of the figures as CSV (; separated, UTF-8)")
def stats_csv(table: Annotated[str, Path(max_length=32)], signed: CurrentUser, today: Today,
              start: FromQuery = None, end: ToQuery = None, municipality: MunicipalityQuery = None) -> Response:
    if table not in TABLE_KEYS:
        raise HTTPException(404, NOT_FOUND)
    stats = _api_call(lambda: load_stats(signed.principal, start, end, municipality, today, "stats_exported",
                                         table=table))
    return _csv(table_csv(stats.tables[table]),
                f"leerplicht-assistent-{table}-{stats.period.start}-{stats.period.end}.csv")


@router.get("/jaarverslag", response_model=JaarverslagOut, responses=_ERRORS,
            summary="The art. 25 figures of a school year (counts 1-4 as '<5')")
def jaarverslag_json(signed: CurrentUser, today: Today, school_year: SchoolYearQuery = None,
                     municipality: MunicipalityQuery = None) -> dict[str, Any]:
    return _api_call(lambda: load_jaarverslag(signed.principal, school_year, municipality, today,
                                              "jaarverslag_viewed")).as_dict()


@router.get("/jaarverslag.csv", responses=_ERRORS, response_class=Response,
            summary="The jaarverslag figures as CSV (counts 1-4 as '<5')")
def jaarverslag_csv(signed: CurrentUser, today: Today, school_year: SchoolYearQuery = None,
                    municipality: MunicipalityQuery = None) -> Response:
    report = _api_call(lambda: load_jaarverslag(signed.principal, school_year, municipality, today,
                                                "jaarverslag_exported"))
    return _csv(report.csv(), f"leerplicht-assistent-jaarverslag-{report.school_year.label}.csv")


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


@router.get("/review", response_model=ReviewQueue, responses=_ERRORS,
            summary="Questions the assistant could not answer or that got 👎")
def review_json(signed: CurrentUser) -> dict[str, Any]:
    _scope, items, done = _api_call(lambda: _queue(signed.principal))
    return {"items": [item.as_dict() for item in items], "decided": done,
            "intents": [{"intent": intent, "label": label} for intent, label in review.intent_choices()]}


def _label(principal: Principal, turn_id: int, status: str, intent: str | None, text: str | None) -> str:
    scope = scope_for(principal)
    with session_scope() as session:
        return review.label(session, principal, scope, turn_id, status, intent or None, text).status


@router.post("/review/{turn_id}", response_model=ReviewLabelled, responses=_ERRORS,
             summary="Label a queue item (topic, new topic needed, skip)")
def review_label(turn_id: Annotated[int, Path(ge=1, le=2**63 - 1)], body: LabelBody,
                 signed: CsrfCheckedUser) -> dict[str, Any]:
    try:
        status = _api_call(lambda: _label(signed.principal, turn_id, body.status, body.intent, body.text))
    except Refused as error:
        raise HTTPException(error.status_code, error.message) from None
    return {"turn_id": turn_id, "status": status}


# --- pages --------------------------------------------------------------------------------------------------------


def _to_login(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/backoffice/login?next={quote(target, safe='')}", status_code=303)


def _page_user(request: Request) -> SignedIn | Response:
    signed = security.signed_in(request)
    if signed is None:
        return _to_login(request)
    if not signed.principal.works_cases:
        return render(request, "not_found.html", signed, status_code=404)
    return signed


def _query(**values: Any) -> str:
    return urlencode({key: value for key, value in values.items() if value})


@pages.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, today: Today, start: FromQuery = None, end: ToQuery = None,
               municipality: MunicipalityQuery = None) -> Response:
    signed = _page_user(request)
    if isinstance(signed, Response):
        return signed
    principal = signed.principal
    try:
        stats = load_stats(principal, start, end, municipality, today, "stats_viewed", via="page")
        error, status_code = None, 200
    except NotVisible:
        return render(request, "not_found.html", signed, status_code=404)
    except ScopeError as problem:
        stats = load_stats(principal, None, None, None, today, "stats_viewed", via="page")
        error, status_code = str(problem), 422
    query = _query(**{"from": start, "to": end, "municipality": municipality}) if error is None else ""
    charts_by_table = {key: charts.bar_chart([str(row[0]) for row in table.rows],
                                             [row[table.chart_column] for row in table.rows],
                                             title=table.title, table_id=f"table-{key}")
                       for key, table in stats.tables.items() if table.chart_column is not None and table.rows}
    return render(request, "stats.html", signed, status_code=status_code, stats=stats, charts=charts_by_table,
                  error=error, query=query, choices=choices_for(principal),
                  filters={"from": start or stats.period.start.isoformat(), "to": end or stats.period.end.isoformat(),
                           "municipality": municipality or ""})


def _school_years(today: date) -> list[str]:
    current = SchoolYear.of(today)
    return [SchoolYear(current.start_year - back).label for back in range(4)]


@pages.get("/jaarverslag", response_class=HTMLResponse)
def jaarverslag_page(request: Request, today: Today, school_year: SchoolYearQuery = None,
                     municipality: MunicipalityQuery = None) -> Response:
    signed = _page_user(request)
    if isinstance(signed, Response):
        return signed
    try:
        report = load_jaarverslag(signed.principal, school_year, municipality, today, "jaarverslag_viewed")
        error, status_code = None, 200
    except NotVisible:
        return render(request, "not_found.html", signed, status_code=404)
    except ScopeError as problem:
        report = load_jaarverslag(signed.principal, None, None, today, "jaarverslag_viewed")
        error, status_code = str(problem), 422
    return render(request, "jaarverslag.html", signed, status_code=status_code, report=report, error=error,
                  municipality_label=labels.municipality_label, school_years=_school_years(today),
                  choices=choices_for(signed.principal),
                  query=_query(school_year=report.school_year.label, municipality=report.scope.requested),
                  filters={"school_year": report.school_year.label, "municipality": report.scope.requested})


def _review_page(request: Request, signed: SignedIn, *, done: str | None = None, error: str | None = None,
                 status_code: int = 200) -> HTMLResponse:
    _scope, items, decided = _queue(signed.principal)
    return render(request, "review.html", signed, status_code=status_code, items=items, decided=decided,
                  intents=review.intent_choices(), done=REVIEW_DONE.get(done or ""), error=error,
                  reasons=review.REASONS, language_label=labels.language_label, topic_label=labels.topic_label)


@pages.get("/review", response_class=HTMLResponse)
def review_page(request: Request, done: str | None = None) -> Response:
    signed = _page_user(request)
    if isinstance(signed, Response):
        return signed
    return _review_page(request, signed, done=done)


@pages.post("/review/{turn_id}")
def review_form(request: Request, turn_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
                csrf_token: Annotated[str, Form(max_length=128)] = "",
                status: Annotated[str, Form(max_length=16)] = "",
                intent: Annotated[str, Form(max_length=128)] = "",
                text: Annotated[str, Form(max_length=review.MAX_EXAMPLE_CHARS * 4)] = "") -> Response:
    signed = _page_user(request)
    if isinstance(signed, Response):
        return signed
    if not security.csrf_ok(signed, csrf_token):
        return render(request, "error.html", signed, status_code=403, title="Niet verstuurd", message=CSRF_REFUSED)
    try:
        done = _label(signed.principal, turn_id, status, intent, text)
    except Refused as problem:
        return _review_page(request, signed, error=problem.message, status_code=problem.status_code)
    return RedirectResponse(f"/backoffice/review?done={quote(done)}", status_code=303)
