"""`POST /api/melding/check`: the DUO verzuimmelding check for schools. Thin: validation is in `MeldingFacts`,
the decision in `assistant.rules.melding` (under the law of `on_date`, default today), the citations from the
knowledge base."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel, Field

from assistant.http.deps import JSON_BODY, Today
from assistant.http.schemas import Citation, error_responses
from assistant.insight.record import record_melding_check
from assistant.knowledge import resolve_citations
from assistant.rules.melding import (
    AgeStatus,
    Category,
    Deadline,
    MeldingFacts,
    Obligation,
    evaluate_melding,
)

router = APIRouter(prefix="/api/melding", tags=["melding"])

_ERRORS = error_responses(400, 413, 415, 422)


class MeldingCheckResponse(BaseModel):
    law_date: date = Field(description="The day whose law was applied.")
    obligation: Obligation
    category: Category
    duo_category: str | None
    age_status: AgeStatus
    count_unit: str
    channel: str | None
    recipient: str | None
    deadline: Deadline | None
    fields: list[str]
    explanation: str
    checklist: list[str]
    citations: list[Citation]
    citation_ids: list[str] = Field(description="The ids behind `citations`, e.g. 'lpw:21a'.")
    fine_risk: str | None
    offer_consult: bool
    notes: list[str]


@router.post(
    "/check",
    response_model=MeldingCheckResponse,
    responses=_ERRORS,
    dependencies=[JSON_BODY],
    summary="Must this absence be reported to DUO, and how?",
)
def check(facts: MeldingFacts, today: Today) -> MeldingCheckResponse:
    decision = evaluate_melding(facts, on=facts.on_date or today)
    record_melding_check(decision.category, decision.obligation, facts.municipality, "api")
    body = decision.model_dump(exclude={"citations"})
    return MeldingCheckResponse(
        **body, citations=resolve_citations(decision.citations), citation_ids=decision.citations
    )
