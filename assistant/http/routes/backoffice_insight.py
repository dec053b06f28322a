"""The officers' insight in the back office: figures (`/backoffice/stats`) and the jaarverslag
(`/backoffice/jaarverslag`), with the same as JSON and CSV under `/api/backoffice`; the review queue is in
`backoffice_review`.

Officers and administrators only: a school account gets 404 (as for cases), without a session the pages go to the
login and the API answers 401. Every view, export and label is written to the audit log. Thin: the figures are in
`stats` and `jaarverslag`, who sees what in `scope`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assistant.backoffice import security
from assistant.backoffice.security import SignedIn
from assistant.backoffice.views import render
from assistant.calendar.model import SchoolYear
from assistant.cases import audit
from assistant.cases.auth import Principal
from assistant.db.session import session_scope
from assistant.http.deps import CurrentUser, Today
from assistant.http.responses import JaarverslagOut, StatsOut
from assistant.insight import charts, labels
from assistant.insight.jaarverslag import Jaarverslag, compute_jaarverslag
from assistant.insight.scope import NotVisible, ScopeError, choices_for, period_for, scope_for
from assistant.insight.stats import TABLE_KEYS, Stats, compute_stats
from assistant.insight.tables import table_csv

T = TypeVar("T")
pages = APIRouter(prefix="/backoffice", include_in_schema=False)
router = APIRouter(prefix="/api/backoffice", tags=["back office"])

NOT_FOUND = "Niet gevonden."
NOT_A_SCHOOL_YEAR = "'{value}' is geen schooljaar. Schrijf het als 2024-2025."
CSRF_REFUSED = "Dit formulier is verlopen of niet door u verstuurd. Laad de pagina opnieuw en probeer het nog eens."
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "U bent niet ingelogd."},
    404: {"description": NOT_FOUND},
    422: {"description": "Periode, gemeente of schooljaar klopt niet."},
}


def school_year_of(text: str | None, today: date) -> SchoolYear:
    if not text or not text.strip():
        return SchoolYear.of(today)
    try:
        return SchoolYear.parse(text.strip())
    except ValueError:
        raise ScopeError(NOT_A_SCHOOL_YEAR.format(value=text.strip()[:16])) from None


def load_stats(
    principal: Principal,
    start: str | None,
    end: str | None,
    municipality: str | None,
    today: date,
    action: str,
    **details: Any,
) -> Stats:
    """The figures `principal` may see (raises NotVisible / ScopeError), audited as `action`."""
    scope = scope_for(principal, municipality)
    period = period_for(start, end, today)
    with session_scope() as session:
        stats = compute_stats(session, period, scope)
        audit.record(
            session,
            principal.actor,
            action,
            "insight",
            None,
            {
                "from": period.start.isoformat(),
                "to": period.end.isoformat(),
                "municipality": scope.requested or None,
                **details,
            },
        )
    return stats


def load_jaarverslag(
    principal: Principal, school_year: str | None, municipality: str | None, today: date, action: str
) -> Jaarverslag:
    scope = scope_for(principal, municipality)
    year = school_year_of(school_year, today)
    with session_scope() as session:
        report = compute_jaarverslag(session, year, scope)
        audit.record(
            session,
            principal.actor,
            action,
            "insight",
            None,
            {"school_year": year.label, "municipality": scope.requested or None},
        )
    return report


def _csv(body: bytes, filename: str) -> Response:
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


# --- JSON and CSV -------------------------------------------------------------------------------------------------

FromQuery = Annotated[str | None, Query(alias="from", max_length=32, description="First day (YYYY-MM-DD).")]
ToQuery = Annotated[str | None, Query(alias="to", max_length=32, description="Last day, included (YYYY-MM-DD).")]
MunicipalityQuery = Annotated[
    str | None, Query(max_length=64, description="One municipality of your scope (admins: also 'onbekend').")
]
SchoolYearQuery = Annotated[str | None, Query(max_length=16, description="e.g. 2024-2025 (default: the current one)")]


def api_call(call: Callable[[], T]) -> T:
    try:
        return call()
    except NotVisible:
        raise HTTPException(404, NOT_FOUND) from None
    except ScopeError as error:
        raise HTTPException(422, str(error)) from None


@router.get(
    "/stats",
    response_model=StatsOut,
    responses=ERRORS,
    summary="Figures of the assistant for a period (officers: own municipalities)",
)
def stats_json(
    signed: CurrentUser,
    today: Today,
    start: FromQuery = None,
    end: ToQuery = None,
    municipality: MunicipalityQuery = None,
) -> dict[str, Any]:
    return api_call(
        lambda: load_stats(signed.principal, start, end, municipality, today, "stats_viewed", via="api")
    ).as_dict()


@router.get(
    "/stats/{table}.csv",
    responses=ERRORS,
    response_class=Response,
    summary="One table of the figures as CSV (; separated, UTF-8)",
)
def stats_csv(
    table: Annotated[str, Path(max_length=32)],
    signed: CurrentUser,
    today: Today,
    start: FromQuery = None,
    end: ToQuery = None,
    municipality: MunicipalityQuery = None,
) -> Response:
    if table not in TABLE_KEYS:
        raise HTTPException(404, NOT_FOUND)
    stats = api_call(
        lambda: load_stats(signed.principal, start, end, municipality, today, "stats_exported", table=table)
    )
    return _csv(
        table_csv(stats.tables[table]), f"leerplicht-assistent-{table}-{stats.period.start}-{stats.period.end}.csv"
    )


@router.get(
    "/jaarverslag",
    response_model=JaarverslagOut,
    responses=ERRORS,
    summary="The art. 25 figures of a school year (counts 1-4 as '<5')",
)
def jaarverslag_json(
    signed: CurrentUser, today: Today, school_year: SchoolYearQuery = None, municipality: MunicipalityQuery = None
) -> dict[str, Any]:
    return api_call(
        lambda: load_jaarverslag(signed.principal, school_year, municipality, today, "jaarverslag_viewed")
    ).as_dict()


@router.get(
    "/jaarverslag.csv",
    responses=ERRORS,
    response_class=Response,
    summary="The jaarverslag figures as CSV (counts 1-4 as '<5')",
)
def jaarverslag_csv(
    signed: CurrentUser, today: Today, school_year: SchoolYearQuery = None, municipality: MunicipalityQuery = None
) -> Response:
    report = api_call(
        lambda: load_jaarverslag(signed.principal, school_year, municipality, today, "jaarverslag_exported")
    )
    return _csv(report.csv(), f"leerplicht-assistent-jaarverslag-{report.school_year.label}.csv")


# --- pages --------------------------------------------------------------------------------------------------------


def _to_login(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/backoffice/login?next={quote(target, safe='')}", status_code=303)


def page_user(request: Request) -> SignedIn | Response:
    signed = security.signed_in(request)
    if signed is None:
        return _to_login(request)
    if not signed.principal.works_cases:
        return render(request, "not_found.html", signed, status_code=404)
    return signed


def _query(**values: Any) -> str:
    return urlencode({key: value for key, value in values.items() if value})


@pages.get("/stats", response_class=HTMLResponse)
def stats_page(
    request: Request, today: Today, start: FromQuery = None, end: ToQuery = None, municipality: MunicipalityQuery = None
) -> Response:
    signed = page_user(request)
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
    charts_by_table = {
        key: charts.bar_chart(
            [str(row[0]) for row in table.rows],
            [row[table.chart_column] for row in table.rows],
            title=table.title,
            table_id=f"table-{key}",
        )
        for key, table in stats.tables.items()
        if table.chart_column is not None and table.rows
    }
    return render(
        request,
        "stats.html",
        signed,
        status_code=status_code,
        stats=stats,
        charts=charts_by_table,
        error=error,
        query=query,
        choices=choices_for(principal),
        filters={
            "from": start or stats.period.start.isoformat(),
            "to": end or stats.period.end.isoformat(),
            "municipality": municipality or "",
        },
    )


def _school_years(today: date) -> list[str]:
    current = SchoolYear.of(today)
    return [SchoolYear(current.start_year - back).label for back in range(4)]


@pages.get("/jaarverslag", response_class=HTMLResponse)
def jaarverslag_page(
    request: Request, today: Today, school_year: SchoolYearQuery = None, municipality: MunicipalityQuery = None
) -> Response:
    signed = page_user(request)
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
    return render(
        request,
        "jaarverslag.html",
        signed,
        status_code=status_code,
        report=report,
        error=error,
        municipality_label=labels.municipality_label,
        school_years=_school_years(today),
        choices=choices_for(signed.principal),
        query=_query(school_year=report.school_year.label, municipality=report.scope.requested),
        filters={"school_year": report.school_year.label, "municipality": report.scope.requested},
    )
