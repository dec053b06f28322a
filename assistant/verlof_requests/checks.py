"""Checking a verlof request: every field cleaned and checked (`check_fields`, `RequestRefused` for the first that is
wrong), the child's key, and the child's earlier requests in the school year (`prior_use`)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.calendar import SchoolYear, get_calendar
from assistant.knowledge import UnknownMunicipality, get_regions
from assistant.privacy.redact import MARKS, redact
from assistant.rules.verlof import (
    KINDS,
    get_rules,
    last_day_to_ask,
)
from assistant.schools import School, find_school, get_registry, normalise_name
from assistant.verlof_requests import interpret, reasons
from assistant.verlof_requests.errors import DecisionError as DecisionError
from assistant.verlof_requests.errors import RequestNotFound as RequestNotFound
from assistant.verlof_requests.errors import RequestRefused
from assistant.verlof_requests.models import (
    COUNTING_STATUSES,
    VerlofRequest,
)
from assistant.verlof_requests.office import count_open as count_open
from assistant.verlof_requests.office import decide as decide
from assistant.verlof_requests.office import get_for as get_for
from assistant.verlof_requests.office import list_for as list_for
from assistant.verlof_requests.office import may_decide as may_decide
from assistant.verlof_requests.parent import ConversationClosed as ConversationClosed
from assistant.verlof_requests.parent import add_parent_message as add_parent_message
from assistant.verlof_requests.parent import find_for_parent as find_for_parent
from assistant.verlof_requests.parent import parent_conversation as parent_conversation
from assistant.verlof_requests.parent import parent_view as parent_view
from assistant.verlof_requests.texts import (
    DATE_IN_PAST,
    EMPLOYER_STATEMENT_MISSING,
    INVALID_CHILD_NAME,
    INVALID_CLASS,
    INVALID_EMAIL,
    INVALID_REASON,
    MAX_REASON_CHARS,
    NO_SCHOOL,
    OUTSIDE_CALENDAR,
    UNKNOWN_CATEGORY,
    UNKNOWN_KIND,
    UNKNOWN_MUNICIPALITY,
    UNKNOWN_SCHOOL_ID,
)


@dataclass(frozen=True)
class RequestData:
    """A request as the parent gave it (the API body, or the form's slots)."""

    kind: str
    start_date: date
    end_date: date
    child_name: str
    child_class: str
    home_municipality: str
    reason: str
    email: str
    school: str | None = None
    school_id: str | None = None
    category: str | None = None
    employer_statement: bool | None = None
    language: str = "nl"
    sender_id: str | None = None


def child_key(child_name: str, school_id: str | None, school_name: str) -> str:
    """The same child at the same school, however the name is capitalised or spaced."""
    school_part = school_id.casefold() if school_id else "naam:" + normalise_name(school_name)
    return f"{normalise_name(child_name) or child_name.casefold()}|{school_part}"[:320]


# -- checking -----------------------------------------------------------------------------------------------------


def _without_identifiers(text: str | None, max_length: int) -> str | None:
    """`text` cleaned and normalised; None when it holds a personal identifier (or a redaction marker): a name, a
    class or a school has none."""
    redaction = redact(text or "")
    if redaction.found or any(mark in redaction.text for mark in MARKS.values()):
        return None
    return interpret.clean_text(redaction.text, max_length)


def check_fields(data: RequestData, today: date) -> tuple[RequestData, School | None, str]:
    if data.kind not in KINDS:
        raise RequestRefused("kind", "unknown_kind", UNKNOWN_KIND)
    name = _without_identifiers(data.child_name, 200)
    if name is None or not interpret.valid_child_name(name):
        raise RequestRefused("child_name", "invalid_child_name", INVALID_CHILD_NAME)
    child_class = _without_identifiers(data.child_class, 100)
    if child_class is None or not 1 <= len(child_class) <= 40 or child_class.startswith("/"):
        raise RequestRefused("child_class", "invalid_class", INVALID_CLASS)
    school: School | None = None
    if data.school_id:
        school = get_registry().get(data.school_id)
        if school is None:
            raise RequestRefused("school_id", "unknown_school", UNKNOWN_SCHOOL_ID)
    elif data.school:
        school = find_school(data.school)
    school_name = school.name if school else _without_identifiers(data.school, 200)
    if school_name is None or len(school_name) < 2:
        raise RequestRefused("school", "no_school", NO_SCHOOL)
    calendar = get_calendar()
    try:
        home = get_regions().name_of(interpret.clean_text(data.home_municipality, 80))
    except UnknownMunicipality as error:
        raise RequestRefused(
            "home_municipality", "unknown_municipality", UNKNOWN_MUNICIPALITY, municipalities=list(error.known)
        ) from None
    for field_name in ("start_date", "end_date"):
        day = getattr(data, field_name)
        if not calendar.known_from <= day <= calendar.known_until:
            raise RequestRefused(field_name, "outside_calendar", OUTSIDE_CALENDAR, until=calendar.known_until)
    if today > last_day_to_ask(data.kind, data.start_date, calendar):
        raise RequestRefused("start_date", "date_in_past", DATE_IN_PAST, date=data.start_date)
    reason = interpret.clean_text(redact(data.reason or "").text, MAX_REASON_CHARS)
    if len(reason) < 3:
        raise RequestRefused("reason", "invalid_reason", INVALID_REASON)
    email = (data.email or "").strip().lower()
    if not interpret.valid_email(email):
        raise RequestRefused("email", "invalid_email", INVALID_EMAIL)
    category = data.category or None
    rules = get_rules()
    if category is not None and category not in rules.categories:
        raise RequestRefused("category", "unknown_category", UNKNOWN_CATEGORY, categories=", ".join(rules.categories))
    if category is None and data.kind == "vakantie":
        category = reasons.guess_non_reason(reason)
    employer_statement = data.employer_statement if data.kind == "vakantie" else None
    if data.kind == "vakantie" and employer_statement is None:
        raise RequestRefused("employer_statement", "employer_statement_missing", EMPLOYER_STATEMENT_MISSING)
    cleaned = replace(
        data,
        child_name=name,
        child_class=child_class,
        home_municipality=home,
        reason=reason,
        email=email,
        category=category,
        employer_statement=employer_statement,
        school=school_name,
        school_id=school.id if school else None,
    )
    return cleaned, school, school_name


@dataclass(frozen=True)
class PriorUse:
    """The child's counting requests earlier in the school year: art. 14 school days and whether vacation leave was
    asked, of the same parent (the same e-mail address) and of everyone."""

    days: int = 0
    vakantie: bool = False
    all_days: int = 0
    all_vakantie: bool = False
    others: tuple[str, ...] = ()  # references of requests made under another e-mail address


def prior_use(
    session: Session, key: str, school_year: SchoolYear, exclude_id: int | None = None, email: str | None = None
) -> PriorUse:
    """The child's counting requests in the school year; `email` tells the parent's own from the others."""
    query = (
        select(VerlofRequest.reference, VerlofRequest.kind, VerlofRequest.school_days, VerlofRequest.email)
        .where(
            VerlofRequest.child_key == key,
            VerlofRequest.school_year == school_year.label,
            VerlofRequest.status.in_(COUNTING_STATUSES),
        )
        .order_by(VerlofRequest.id)
    )
    if exclude_id is not None:
        query = query.where(VerlofRequest.id != exclude_id)
    own, everyone = [0, False], [0, False]
    others: list[str] = []
    for reference, kind, school_days, address in session.execute(query):
        mine = email is None or hmac.compare_digest(address.encode(), email.encode())
        for use in (own, everyone) if mine else (everyone,):
            if kind == "gewichtige_omstandigheid":
                use[0] += int(school_days)
            elif kind == "vakantie":
                use[1] = True
        if not mine:
            others.append(reference)
    return PriorUse(int(own[0]), bool(own[1]), int(everyone[0]), bool(everyone[1]), tuple(others))
