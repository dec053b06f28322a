"""Verlof requests in the back office: who sees which request (`list_for`, `get_for`), who decides it and the
decision (`decide`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from assistant.cases import audit
from assistant.cases.auth import Principal, can_see_school_item
from assistant.cases.models import ROLE_ADMIN, ROLE_OFFICER, ROLE_SCHOOL
from assistant.db.base import utcnow
from assistant.insight import record as insight
from assistant.verlof_requests import interpret
from assistant.verlof_requests.errors import DecisionError, RequestNotFound
from assistant.verlof_requests.models import (
    STATUS_APPROVED,
    STATUS_NOTIFIED,
    STATUS_REFUSED,
    STATUS_SUBMITTED,
    VerlofRequest,
)
from assistant.verlof_requests.texts import (
    ALREADY_DECIDED,
    DECIDER_LABELS,
    MAX_REASON_CHARS,
    NO_DECISION_NEEDED,
    NOT_YOURS_TO_DECIDE,
    REFUSAL_NEEDS_REASON,
)

# -- the back office ------------------------------------------------------------------------------------------------


def _visible(query: Select, principal: Principal) -> Select:
    if principal.role == ROLE_ADMIN:
        return query
    if principal.role == ROLE_SCHOOL and principal.school_id:
        return query.where(VerlofRequest.school_id == principal.school_id)
    if principal.role == ROLE_OFFICER and principal.municipality:
        return query.where(VerlofRequest.municipality == principal.municipality)
    return query.where(VerlofRequest.id.is_(None))


def list_for(
    session: Session, principal: Principal, *, status: str | None = None, limit: int = 500
) -> list[VerlofRequest]:
    """The requests `principal` may see: a school its own school's; an officer the requests of the municipality
    that the officer decides (more than 10 days under art. 14) or that no school account can see (unknown school);
    an admin all. Undecided first, then by start date."""
    query = _visible(select(VerlofRequest), principal)
    if principal.role == ROLE_OFFICER:
        query = query.where(or_(VerlofRequest.decided_by == "leerplichtambtenaar", VerlofRequest.school_id.is_(None)))
    if status:
        query = query.where(VerlofRequest.status == status)
    rows = list(session.scalars(query.order_by(VerlofRequest.start_date, VerlofRequest.id).limit(limit)))
    return sorted(rows, key=lambda r: (r.status != STATUS_SUBMITTED, r.start_date, r.id))


def get_for(session: Session, principal: Principal, reference: str) -> VerlofRequest:
    request = session.scalar(select(VerlofRequest).where(VerlofRequest.reference == reference))
    if request is None or not can_see_school_item(principal, request):
        raise RequestNotFound
    return request


def may_decide(principal: Principal, request: VerlofRequest) -> bool:
    if request.decided_by == "directeur":
        return (
            principal.role == ROLE_SCHOOL
            and principal.school_id is not None
            and principal.school_id == request.school_id
        )
    if request.decided_by == "leerplichtambtenaar":
        return principal.role == ROLE_OFFICER and principal.municipality == request.municipality
    return False


def decide(
    session: Session,
    principal: Principal,
    reference: str,
    outcome: str,
    reason: str | None,
    now: datetime | None = None,
) -> VerlofRequest:
    """Approve or refuse (`outcome` 'approve' / 'refuse'); a refusal needs a reason (the parent sees it)."""
    now = now or utcnow()
    request = get_for(session, principal, reference)
    if request.status == STATUS_NOTIFIED:
        raise DecisionError(NO_DECISION_NEEDED)
    if request.status != STATUS_SUBMITTED:
        raise DecisionError(ALREADY_DECIDED)
    if not may_decide(principal, request):
        raise DecisionError(NOT_YOURS_TO_DECIDE.format(decider=DECIDER_LABELS.get(request.decided_by, "-")), 403)
    if outcome not in ("approve", "refuse"):
        raise DecisionError("Kies toestaan of weigeren.", 422)
    reason = interpret.clean_text(reason, MAX_REASON_CHARS) or None
    if outcome == "refuse" and not reason:
        raise DecisionError(REFUSAL_NEEDS_REASON, 422)
    request.status = STATUS_APPROVED if outcome == "approve" else STATUS_REFUSED
    request.decision_reason = reason
    request.decided_at = now
    request.decider_id = principal.id
    request.decider_name = principal.display_name or None
    request.updated_at = now
    audit.record(
        session,
        principal.actor,
        "verlof_request_decided",
        "verlof_request",
        request.reference,
        {"outcome": request.status, "role": principal.role},
    )
    insight.sync_verlof_decision(session, request)
    return request


def count_open(session: Session, principal: Principal) -> int:
    query = _visible(select(func.count(VerlofRequest.id)), principal).where(VerlofRequest.status == STATUS_SUBMITTED)
    return int(session.scalar(query) or 0)
