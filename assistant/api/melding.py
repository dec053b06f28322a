"""`POST /api/melding/check`: the DUO verzuimmelding check for schools. Thin: validation is in `MeldingFacts`,
the decision in `assistant.rules.melding`; this module only resolves citation ids to {ref, url}."""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from assistant.chat.routes import require_json
from assistant.chat.schemas import Citation, ErrorResponse
from assistant.insight.record import record_melding_check
from assistant.rules.melding import (
    AgeStatus,
    Category,
    Deadline,
    MeldingFacts,
    Obligation,
    evaluate_melding,
    load_melding_rules,
)

log = structlog.get_logger(__name__)

router = APIRouter(prefix="/api/melding", tags=["melding"])

_ERRORS = {code: {"model": ErrorResponse} for code in (400, 413, 415, 422)}


class MeldingCheckResponse(BaseModel):
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


def _knowledge_base() -> Any | None:
    """The shared knowledge base, or None while it cannot load (then the rules file's references are used)."""
    try:
        from assistant.knowledge import get_knowledge_base

        return get_knowledge_base()
    except Exception as error:  # a broken or missing knowledge base must not break the check
        log.warning("knowledge_base_unavailable", error_type=type(error).__name__)
        return None


def _from_knowledge_base(knowledge_base: Any | None, citation_id: str) -> Citation | None:
    if knowledge_base is None:
        return None
    try:
        [found] = knowledge_base.citations([citation_id])
    except (KeyError, ValueError):
        return None
    return Citation(ref=found.ref, url=found.url)


def resolve_citations(ids: list[str]) -> list[Citation]:
    """{ref, url} for each id: from the knowledge base when it knows the id, else from the rules file's table."""
    fallback: dict[str, Any] = load_melding_rules().get("citation_refs", {})
    knowledge_base = _knowledge_base()
    resolved: list[Citation] = []
    for citation_id in dict.fromkeys(ids):
        citation = _from_knowledge_base(knowledge_base, citation_id)
        if citation is None and citation_id in fallback:
            citation = Citation(ref=fallback[citation_id]["ref"], url=fallback[citation_id].get("url"))
        if citation is None:
            log.warning("citation_unresolved", citation_id=citation_id)
            continue
        resolved.append(citation)
    return resolved


@router.post("/check", response_model=MeldingCheckResponse, responses=_ERRORS, dependencies=[Depends(require_json)],
             summary="Must this absence be reported to DUO, and how?")
def check(facts: MeldingFacts) -> MeldingCheckResponse:
    decision = evaluate_melding(facts)
    record_melding_check(decision.category, decision.obligation, facts.municipality, "api")
    body = decision.model_dump(exclude={"citations"})
    return MeldingCheckResponse(**body, citations=resolve_citations(decision.citations),
                                citation_ids=decision.citations)
