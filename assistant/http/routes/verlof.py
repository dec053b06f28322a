"""`POST /api/verlof/check`: a stateless check of one leave request against the verlof rules.

Thin: it parses, validates against the data (known municipality, reason and calendar range), calls
`assistant.rules.verlof.evaluate_verlof` and resolves citation ids to `{ref, url}`.

Choices (documented in the OpenAPI description as well):
- A field that is wrong on its own (bad date, unknown municipality or reason, a date outside the known school calendar,
  negative prior days) answers 422 `{"detail": "Het veld 'x' is niet geldig: ..."}`.
- An end date before the start date is not a 422: the answer is 200 with the blocking problem `end_before_start`, so a
  dialogue can explain it like any other problem.
- `school_id` is accepted for the coming school registry and not used yet: all of Twente is vakantieregio noord, so
  the region follows from `municipality`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import structlog
from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from assistant.calendar import get_calendar
from assistant.dates import nl_date
from assistant.http.deps import JSON_BODY, Today
from assistant.http.schemas import Citation, document_known_values, error_responses, iso_date_text
from assistant.i18n import _, best_match, normalise_language, translate
from assistant.knowledge import UnknownMunicipality, get_regions, resolve_citations
from assistant.rules.verlof import VerlofFacts, evaluate_verlof, get_rules

router = APIRouter(prefix="/api/verlof", tags=["verlof"])
log = structlog.get_logger(__name__)

_ERRORS = error_responses(400, 413, 415, 422)

OUTSIDE_CALENDAR = _("deze datum ligt buiten de schoolkalender die we kennen ({known_from} tot en met {known_until}).")
UNKNOWN_MUNICIPALITY = _("deze gemeente kennen we niet. De assistent werkt voor {municipalities}.")
UNKNOWN_CATEGORY = _("deze reden kennen we niet. Kies uit: {categories}.")


def _join(names: tuple[str, ...] | list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


class VerlofCheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=document_known_values)

    kind: Literal["vakantie", "gewichtige_omstandigheid", "religieus"] = Field(
        description="vakantie (Lpw art. 13a), gewichtige_omstandigheid (art. 14) or religieus (art. 13)."
    )
    start_date: date = Field(description="First day of the absence (ISO date).", examples=["2026-10-05"])
    end_date: date = Field(description="Last day of the absence, inclusive (ISO date).", examples=["2026-10-09"])
    requested_on: date | None = Field(default=None, description="When the request is made; default: today.")
    municipality: str = Field(
        min_length=1, max_length=80, description="Home municipality of the pupil.", examples=["Borne"]
    )
    school_id: str | None = Field(
        default=None,
        max_length=32,
        pattern=r"^[A-Za-z0-9_.:\-]+$",
        description="Optional school id (e.g. BRIN + vestiging); not used yet.",
    )
    category: str | None = Field(
        default=None, max_length=40, description="The event or reason, e.g. huwelijk, overlijden, goedkopere_tickets."
    )
    prior_days_this_school_year: int = Field(
        default=0, ge=0, le=366, strict=True, description="School days of art. 14 leave already granted this year."
    )
    prior_vakantie_this_school_year: bool = Field(
        default=False, strict=True, description="Vacation leave (art. 13a) already granted this year."
    )
    language: str | None = Field(default=None, description="Language of the messages (nl, en, ...).")

    _iso_dates = field_validator("start_date", "end_date", "requested_on", mode="before")(iso_date_text)

    @field_validator("start_date", "end_date")
    @classmethod
    def _inside_calendar(cls, value: date) -> date:
        calendar = get_calendar()
        if not calendar.known_from <= value <= calendar.known_until:
            reason = OUTSIDE_CALENDAR.format(
                known_from=nl_date(calendar.known_from), known_until=nl_date(calendar.known_until)
            )
            raise PydanticCustomError("outside_calendar", reason, {"reason": reason})
        return value

    @field_validator("municipality")
    @classmethod
    def _known_municipality(cls, value: str) -> str:
        try:
            return get_regions().name_of(value)
        except UnknownMunicipality as error:
            reason = UNKNOWN_MUNICIPALITY.format(municipalities=_join(error.known))
            raise PydanticCustomError("unknown_municipality", reason, {"reason": reason}) from None

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str | None) -> str | None:
        if value is None:
            return None
        categories = get_rules().categories
        if value not in categories:
            reason = UNKNOWN_CATEGORY.format(categories=", ".join(categories))
            raise PydanticCustomError("unknown_category", reason, {"reason": reason})
        return value

    def to_facts(self) -> VerlofFacts:
        return VerlofFacts(
            kind=self.kind,
            start_date=self.start_date,
            end_date=self.end_date,
            municipality=self.municipality,
            requested_on=self.requested_on,
            category=self.category,
            prior_days_this_school_year=self.prior_days_this_school_year,
            prior_vakantie_this_school_year=self.prior_vakantie_this_school_year,
        )


class VerlofProblem(BaseModel):
    code: str = Field(examples=["too_many_days"])
    message: str
    severity: Literal["blocking", "warning", "info"]
    citations: list[Citation]


class VerlofNote(BaseModel):
    code: str = Field(examples=["richtlijn_dagen"])
    message: str
    citations: list[Citation]


class VerlofCheckResponse(BaseModel):
    school_days: int = Field(description="School days in the period (weekends, holidays and free feestdagen left out).")
    decided_by: Literal["directeur", "leerplichtambtenaar", "none"]
    problems: list[VerlofProblem]
    citations: list[Citation]
    allowed: bool | None = Field(
        description="False: the law does not allow it as asked. True: it fits the legal "
        "rules (the school or officer still decides). None: it depends on an assessment."
    )
    notes: list[VerlofNote] = Field(default_factory=list, description="Guidance and what to check; not problems.")
    school_year: str | None = Field(default=None, examples=["2026-2027"])
    vakantieregio: str = Field(examples=["noord"])
    leerplicht_gemeente: str = Field(
        description="Whose leerplichtambtenaar serves the municipality.", examples=["Hengelo"]
    )
    law_date: date | None = Field(default=None, description="The day whose law was applied (the first day of leave).")


@router.post(
    "/check",
    response_model=VerlofCheckResponse,
    responses=_ERRORS,
    dependencies=[JSON_BODY],
    summary="Check a leave request (verlof) against Leerplichtwet 1969 art. 13, 13a and 14",
    description=__doc__,
)
def check_verlof(body: VerlofCheckRequest, request: Request, today: Today) -> VerlofCheckResponse:
    language = (
        normalise_language(body.language) if body.language else best_match(request.headers.get("accept-language"))
    )
    decision = evaluate_verlof(body.to_facts(), on=today)
    return VerlofCheckResponse(
        school_days=decision.school_days,
        decided_by=decision.decided_by,
        problems=[
            VerlofProblem(
                code=problem.code,
                severity=problem.severity,
                message=translate(problem.message, language),
                citations=resolve_citations(problem.citations),
            )
            for problem in decision.problems
        ],
        citations=resolve_citations(decision.citations),
        allowed=decision.allowed,
        law_date=decision.law_date,
        notes=[
            VerlofNote(
                code=note.code, message=translate(note.message, language), citations=resolve_citations(note.citations)
            )
            for note in decision.notes
        ],
        school_year=decision.school_year.label if decision.school_year else None,
        vakantieregio=decision.region or "",
        leerplicht_gemeente=decision.leerplicht_gemeente or "",
    )
