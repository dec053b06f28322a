"""`POST /api/leerplicht/status`: is this child leerplichtig or kwalificatieplichtig on a day, and from when until
when. Thin: validation here, the rules in `assistant.rules.leerplicht`, citations from the knowledge base."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.http.deps import JSON_BODY, Today
from assistant.http.errors import INVALID_FIELD, request_language
from assistant.http.schemas import Citation, error_responses
from assistant.i18n import Localiser, translate
from assistant.knowledge import resolve_citations
from assistant.rules.leerplicht import FUTURE_BIRTH, ImpossibleFacts, LeerplichtFacts, leerplicht_status

router = APIRouter(prefix="/api/leerplicht", tags=["leerplicht"])

_ERRORS = error_responses(400, 413, 415, 422)


class LeerplichtStatusRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    birth_date: date = Field(description="The child's date of birth.", examples=["2020-03-31"])
    on_date: date | None = Field(default=None, description="The day asked about; default today.")
    school_years_completed: int | None = Field(
        default=None,
        ge=0,
        le=30,
        description="Full school years attended BEFORE the school year of `on_date` (a primary school finished in "
        "fewer than 8 years counts as 8, Leerplichtwet art. 3 lid 2). Leerplicht ends early after 12.",
    )
    has_startkwalificatie: bool = Field(default=False, description="A havo, vwo or mbo-2+ diploma.")
    language: str | None = Field(default=None, description="Language of `explanation` (nl, en, ar, uk, tr, pl).")


class AgeFiveHours(BaseModel):
    without_permission: int
    with_head_permission: int


class LeerplichtStatusResponse(BaseModel):
    on_date: date
    age: int
    leerplichtig: bool
    leerplicht_start: date = Field(description="First school day of the month after the 5th birthday.")
    leerplicht_end: date
    kwalificatieplichtig: bool
    kwalificatieplicht_end: date | None = Field(description="The 18th birthday; null with a startkwalificatie.")
    own_obligation: bool = Field(description="From 12 the young person is obliged too (art. 2 lid 3).")
    age_5_hours_per_week: AgeFiveHours | None
    citations: list[Citation]
    citation_ids: list[str]
    explanation: str


@router.post(
    "/status",
    response_model=LeerplichtStatusResponse,
    responses=_ERRORS,
    dependencies=[JSON_BODY],
    summary="Leerplicht and kwalificatieplicht of a child on a day",
)
def status(body: LeerplichtStatusRequest, request: Request, today: Today) -> LeerplichtStatusResponse | JSONResponse:
    language = body.language or request_language(request)
    on = body.on_date or today
    if body.birth_date > today:
        detail = translate(INVALID_FIELD, language, field="birth_date", reason=translate(FUTURE_BIRTH, language))
        return JSONResponse({"detail": detail}, status_code=422)
    facts = LeerplichtFacts(
        birth_date=body.birth_date,
        school_years_completed=body.school_years_completed,
        has_startkwalificatie=body.has_startkwalificatie,
    )
    try:
        result = leerplicht_status(facts, on=on)
    except ImpossibleFacts as error:
        detail = translate(INVALID_FIELD, language, field=error.field, reason=translate(error.reason, language))
        return JSONResponse({"detail": detail}, status_code=422)
    loc = Localiser(language)
    return LeerplichtStatusResponse(
        on_date=on,
        age=result.age,
        leerplichtig=result.leerplichtig,
        leerplicht_start=result.leerplicht_start,
        leerplicht_end=result.leerplicht_end,
        kwalificatieplichtig=result.kwalificatieplichtig,
        kwalificatieplicht_end=result.kwalificatieplicht_end,
        own_obligation=result.own_obligation,
        age_5_hours_per_week=AgeFiveHours(**result.age_5_hours_per_week) if result.age_5_hours_per_week else None,
        citations=resolve_citations(result.citations),
        citation_ids=list(result.citations),
        explanation=" ".join(loc(message) for message in result.explanation),
    )
