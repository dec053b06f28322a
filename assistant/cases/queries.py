"""Reading cases: a conversation's open or latest case, its place in the queue, what the user is told, the officer's
messages, and the cases an officer may see (`get_case`, `list_cases`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from assistant.cases import sla
from assistant.cases.auth import Principal, can_see_case, restrict_cases
from assistant.cases.models import (
    AUTHOR_OFFICER,
    AUTHOR_SYSTEM,
    OPEN_STATUSES,
    PRIORITIES,
    STATUS_HANDED_BACK,
    STATUS_NEW,
    STATUSES,
    Case,
    CaseMessage,
)
from assistant.cases.policy import (
    BEING_HANDLED,
    CLOSED_NOTICE,
    HANDED_BACK_NOTICE,
    CaseNotFound,
    HandoffInfo,
    position_in_queue,
    public_status,
    queue_sort_key,
)
from assistant.db.base import utcnow
from assistant.i18n import translate

# --- reading -------------------------------------------------------------------------------------------------


def open_case_for(session: Session, sender_id: str) -> Case | None:
    """The case that currently holds the conversation (the bot is silent while there is one)."""
    return session.scalar(
        select(Case)
        .where(Case.sender_id == sender_id, Case.status.in_(OPEN_STATUSES))
        .order_by(Case.id.desc())
        .limit(1)
    )


def latest_case_for(session: Session, sender_id: str) -> Case | None:
    return session.scalar(select(Case).where(Case.sender_id == sender_id).order_by(Case.id.desc()).limit(1))


def queue_position(session: Session, case: Case) -> int | None:
    """Place in the municipality's queue of cases no officer has taken up yet; None once taken."""
    if case.status != STATUS_NEW:
        return None
    same_municipality = (
        Case.municipality == case.municipality if case.municipality is not None else Case.municipality.is_(None)
    )
    waiting = session.scalars(select(Case).where(same_municipality, Case.status == STATUS_NEW))
    return position_in_queue(case, waiting)


def handoff_info(session: Session, case: Case, now: datetime | None = None) -> HandoffInfo:
    now = now or utcnow()
    if case.status == STATUS_NEW:
        hours = sla.office_hours_for(case.municipality)
        due = sla.aware(case.sla_due_at)
        text = sla.expected_response(
            hours, case.priority, now, case.language, due_at=due if due > sla.aware(now) else None
        )
    elif case.status in OPEN_STATUSES:
        text = translate(BEING_HANDLED, case.language)
    elif case.status == STATUS_HANDED_BACK:
        text = translate(HANDED_BACK_NOTICE, case.language)
    else:
        text = translate(CLOSED_NOTICE, case.language)
    return HandoffInfo(case.reference, public_status(case), queue_position(session, case), text)


def officer_messages_after(session: Session, sender_id: str, after_id: int = 0, limit: int = 100) -> list[CaseMessage]:
    """Officer and system messages for the conversation with an id above `after_id`, oldest first."""
    return list(
        session.scalars(
            select(CaseMessage)
            .join(Case, Case.id == CaseMessage.case_id)
            .where(
                Case.sender_id == sender_id,
                CaseMessage.id > after_id,
                CaseMessage.author.in_((AUTHOR_OFFICER, AUTHOR_SYSTEM)),
            )
            .order_by(CaseMessage.id)
            .limit(limit)
        )
    )


def get_case(session: Session, principal: Principal, reference: str) -> Case:
    """The case with `reference` when `principal` may see it; `CaseNotFound` otherwise (also when it exists)."""
    case = session.scalar(select(Case).where(Case.reference == reference))
    if case is None or not can_see_case(principal, case):
        raise CaseNotFound
    return case


def list_cases(
    session: Session,
    principal: Principal,
    *,
    status: str | None = "open",
    priority: str | None = None,
    school: str | None = None,
    municipality: str | None = None,
    now: datetime | None = None,
    limit: int = 500,
) -> list[Case]:
    """The queue as `principal` may see it, filtered, overdue first, then priority, then age."""
    now = now or utcnow()
    query = restrict_cases(select(Case), principal)
    if status == "open":
        query = query.where(Case.status.in_(OPEN_STATUSES))
    elif status in STATUSES:
        query = query.where(Case.status == status)
    if priority in PRIORITIES:
        query = query.where(Case.priority == priority)
    if school:
        wanted = school.strip().lower()
        query = query.where(or_(func.lower(Case.school_id) == wanted, func.lower(Case.school_name) == wanted))
    if municipality:
        query = (
            query.where(Case.municipality == municipality)
            if municipality != "-"
            else query.where(Case.municipality.is_(None))
        )
    cases = list(session.scalars(query.order_by(Case.created_at.desc()).limit(limit)))
    return sorted(cases, key=lambda case: queue_sort_key(case, now))


def schools_in_queue(session: Session, principal: Principal) -> list[str]:
    """School names (or ids) that occur in the cases `principal` may see, for the filter."""
    query = restrict_cases(select(func.coalesce(Case.school_name, Case.school_id)).distinct(), principal)
    return sorted(name for name in session.scalars(query) if name)
