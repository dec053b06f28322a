"""Verlof requests: check, store, list, decide, and show the decision to the parent.

The chat form (`actions/verlof_form.py`) and the API (`assistant/http/routes/verlof_requests.py`) store through
`submit`; the back office lists and decides through `list_for` and `decide`; the parent's status page uses
`find_for_parent` and `parent_view`.

- `submit` checks every field (`RequestRefused(field, code, message)` for the first that is wrong), counts the
  child's earlier requests in the same school year (vacation leave once; the 10-day total of art. 14), evaluates
  the request with `assistant.rules.verlof.evaluate_verlof`, refuses what the law does not allow (a blocking
  problem), and stores one row. Nothing is stored when anything fails (one transaction, the caller's).
- More than 10 school days under art. 14: the leerplichtambtenaar of the child's home municipality decides, so a
  case is opened in that municipality's officer queue with the pre-assessment (trigger `rules_need_officer`). The
  case has its own sender id (`verlof:<reference>`), so the parent's chat is not taken over by it.
- Art. 13 (religious duty) needs no permission: the request is stored as a notice (`notified`), not decided.
- The reference (VL- + 10 characters, 50 bits from `secrets`) and the parent's e-mail address together give access
  to the status and to the officer's messages; so does the reference with the access token the API hands out once at
  submission (stored as its SHA-256). A wrong address or token is answered exactly like an unknown reference. The
  reference alone gives nothing: school accounts see references.
- Earlier requests for the same child count for the limits of the school year only when they were made with the same
  e-mail address: a refusal must not tell an anonymous caller that someone else asked leave for this child. Requests
  of the same child under another address are shown to whoever decides (`assessment["other_requests"]`), with what
  the rules say when they are counted too.
- Every free-text field is redacted (`assistant.privacy.redact`) before it is checked or stored: an identifier in the
  reason is replaced by a marker; the child's name, class and school must hold none.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from assistant.calendar import SchoolYear, get_calendar
from assistant.cases import audit
from assistant.cases import service as case_service
from assistant.conversations.sender_ids import verlof_sender_id
from assistant.dates import nl_date
from assistant.db.base import utcnow
from assistant.i18n import message_to_json, translate
from assistant.insight import record as insight
from assistant.knowledge import get_regions, resolve_citations
from assistant.rules.verlof import (
    VerlofDecision,
    VerlofFacts,
    evaluate_verlof,
)
from assistant.schools import School
from assistant.verlof_requests.checks import RequestData as RequestData
from assistant.verlof_requests.checks import check_fields, child_key, prior_use
from assistant.verlof_requests.errors import DecisionError as DecisionError
from assistant.verlof_requests.errors import RequestNotFound as RequestNotFound
from assistant.verlof_requests.errors import RequestRefused as RequestRefused
from assistant.verlof_requests.models import (
    STATUS_NOTIFIED,
    STATUS_SUBMITTED,
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
from assistant.verlof_requests.parent import token_hash
from assistant.verlof_requests.texts import (
    PROBLEM_FIELDS,
)

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 10


@dataclass(frozen=True)
class Prepared:
    """A checked request: cleaned values, the school (when known), prior use and the rule outcome."""

    data: RequestData
    school: School | None
    school_name: str
    municipality: str  # whose leerplichtambtenaar serves the home municipality
    child_key: str
    school_year: SchoolYear
    prior_days: int
    prior_vakantie: bool
    decision: VerlofDecision
    problems: list[dict[str, Any]] = field(default_factory=list)
    # Requests for the same child under another e-mail address, and what the rules say with them counted: for the
    # one who decides, never for the caller.
    other_requests: tuple[str, ...] = ()
    decision_with_others: VerlofDecision | None = None


def new_reference() -> str:
    return "VL-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(REFERENCE_LENGTH))


def problems_json(decision: VerlofDecision, language: str = "nl") -> list[dict[str, Any]]:
    return [
        {
            "code": problem.code,
            "severity": problem.severity,
            "message": translate(problem.message, language),
            "citations": [c.model_dump() for c in resolve_citations(problem.citations)],
        }
        for problem in decision.problems
    ]


def stored_problems(decision: VerlofDecision) -> list[dict[str, Any]]:
    """The problems as stored with a request: the Dutch message, and its template with the values (`source`), so
    that the parent's status page can show it in any language later."""
    return [
        {**problem, "source": message_to_json(source.message)}
        for problem, source in zip(problems_json(decision), decision.problems, strict=True)
    ]


def notes_json(decision: VerlofDecision, language: str = "nl") -> list[dict[str, Any]]:
    return [
        {
            "code": note.code,
            "message": translate(note.message, language),
            "citations": [c.model_dump() for c in resolve_citations(note.citations)],
        }
        for note in decision.notes
    ]


def prepare(session: Session, data: RequestData, today: date, exclude_id: int | None = None) -> Prepared:
    """Check `data` and evaluate it with the child's earlier requests; raises RequestRefused."""
    cleaned, school, school_name = check_fields(data, today)
    key = child_key(cleaned.child_name, cleaned.school_id, school_name)
    calendar = get_calendar()
    region = school.vakantieregio if school and school.vakantieregio else None
    first_days = (
        list(
            calendar.school_days(
                cleaned.start_date, cleaned.end_date, region or calendar.region_of(cleaned.home_municipality)
            )
        )
        if cleaned.end_date >= cleaned.start_date
        else []
    )
    school_year = SchoolYear.of(first_days[0] if first_days else cleaned.start_date)
    prior = prior_use(session, key, school_year, exclude_id, cleaned.email)
    facts = VerlofFacts(
        kind=cleaned.kind,
        start_date=cleaned.start_date,
        end_date=cleaned.end_date,  # type: ignore[arg-type]
        municipality=cleaned.home_municipality,
        requested_on=today,
        category=cleaned.category,
        prior_days_this_school_year=prior.days,
        prior_vakantie_this_school_year=prior.vakantie,
        region=region,
        prior_school_year=school_year,
    )
    decision = evaluate_verlof(facts, today)
    for problem in decision.problems:
        if problem.severity == "blocking" or problem.code == "no_school_days":
            refused = RequestRefused(
                PROBLEM_FIELDS.get(problem.code, "start_date"),
                problem.code,
                problem.message.template,
                problem.citations,
                **problem.message.values,
            )
            refused.by_rule = True
            raise refused
    with_others = (
        evaluate_verlof(
            replace(
                facts, prior_days_this_school_year=prior.all_days, prior_vakantie_this_school_year=prior.all_vakantie
            ),
            today,
        )
        if prior.others
        else None
    )
    return Prepared(
        data=cleaned,
        school=school,
        school_name=school_name,
        municipality=get_regions().responsible_municipality(cleaned.home_municipality),
        child_key=key,
        school_year=school_year,
        prior_days=prior.days,
        prior_vakantie=prior.vakantie,
        decision=decision,
        other_requests=prior.others,
        decision_with_others=with_others,
    )


# -- storing ------------------------------------------------------------------------------------------------------


def _open_officer_case(session: Session, request: VerlofRequest, prepared: Prepared, now: datetime) -> str:
    decision = prepared.decision
    facts = {
        "topic": "verlof_gewichtige_omstandigheden",
        "verlof_reference": request.reference,
        "child_name": request.child_name,
        "school": request.school_name,
        "school_id": request.school_id,
        "town": request.home_municipality,
        "email": request.email,
        "question": f"Verlof {nl_date(request.start_date)} t/m {nl_date(request.end_date)} "
        f"({request.school_days} schooldagen): {request.reason}",
    }
    lines = [problem["message"] for problem in request.assessment.get("problems", [])]
    citations = [c for problem in request.assessment.get("problems", []) for c in problem["citations"]]
    assessment = {
        "text": "\n".join(lines) or f"Beslist door: {decision.decided_by}",
        "citations": citations,
        "school_days": request.school_days,
        "prior_days": prepared.prior_days,
    }
    case = case_service.open_case(
        session,
        sender_id=verlof_sender_id(request.reference),
        trigger="rules_need_officer",
        facts=facts,
        assessment=assessment,
        transcript=[],
        language=request.language,
        consent=True,
        now=now,
    )
    return case.reference


def new_access_token() -> str:
    """A random token (192 bits) the parent can use instead of the e-mail address; only its hash is stored."""
    return secrets.token_urlsafe(24)


def _other_requests(prepared: Prepared) -> dict[str, Any] | None:
    """For the one who decides: the same child's requests under another e-mail address, and the rules' problems
    when they are counted too (those the parent's own requests do not already give)."""
    if not prepared.other_requests or prepared.decision_with_others is None:
        return None
    own = {problem.code for problem in prepared.decision.problems}
    extra = [problem for problem in stored_problems(prepared.decision_with_others) if problem["code"] not in own]
    return {
        "references": list(prepared.other_requests),
        "problems": extra,
        "decided_by": prepared.decision_with_others.decided_by,
    }


def submit(
    session: Session,
    data: RequestData,
    *,
    today: date,
    now: datetime | None = None,
    actor: str = audit.ACTOR_CHAT,
    access_token: str | None = None,
) -> VerlofRequest:
    """Check, evaluate and store one request (and open the officer's case when the officer decides).

    `access_token`: a token from `new_access_token` that the caller hands to the parent; its hash is stored. A request
    the rules refuse is counted for the officers' figures (in a transaction of its own: the caller's rolls back) and
    raised as `RequestRefused`."""
    now = now or utcnow()
    try:
        prepared = prepare(session, data, today)
    except RequestRefused as refused:
        if refused.by_rule:
            insight.record_verlof_refusal(
                data.kind, data.home_municipality, "api" if actor == "api" else "chat", at=now
            )
        raise
    cleaned, decision = prepared.data, prepared.decision
    request = VerlofRequest(
        reference=new_reference(),
        status=STATUS_NOTIFIED if cleaned.kind == "religieus" else STATUS_SUBMITTED,
        kind=cleaned.kind,
        category=cleaned.category,
        child_name=cleaned.child_name,
        child_key=prepared.child_key,
        child_class=cleaned.child_class,
        school_id=cleaned.school_id,
        school_name=prepared.school_name,
        school_town=prepared.school.town if prepared.school else None,
        home_municipality=cleaned.home_municipality,
        municipality=prepared.municipality,
        start_date=cleaned.start_date,
        end_date=cleaned.end_date,
        school_days=decision.school_days,
        school_year=prepared.school_year.label,
        decided_by=decision.decided_by,
        allowed=decision.allowed,
        reason=cleaned.reason,
        employer_statement=cleaned.employer_statement,
        email=cleaned.email,
        language=cleaned.language or "nl",
        sender_id=cleaned.sender_id,
        assessment={
            "problems": stored_problems(decision),
            "notes": notes_json(decision),
            "prior_days": prepared.prior_days,
            "prior_vakantie": prepared.prior_vakantie,
            "evaluated_on": today.isoformat(),
            **({"other_requests": others} if (others := _other_requests(prepared)) else {}),
        },
        access_token_hash=token_hash(access_token) if access_token else None,
        created_at=now,
        updated_at=now,
    )
    session.add(request)
    session.flush()
    if decision.decided_by == "leerplichtambtenaar":
        request.case_reference = _open_officer_case(session, request, prepared, now)
    audit.record(
        session,
        actor,
        "verlof_request_submitted",
        "verlof_request",
        request.reference,
        {
            "kind": request.kind,
            "school_id": request.school_id,
            "municipality": request.municipality,
            "school_days": request.school_days,
            "decided_by": request.decided_by,
            "case": request.case_reference,
        },
    )
    insight.record_verlof_request(session, request, "api" if actor == "api" else "chat")
    return request
