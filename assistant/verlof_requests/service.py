"""Verlof requests: check, store, list, decide, and show the decision to the parent.

The chat form (`actions/verlof_form.py`) and the API (`assistant/verlof_requests/api.py`) store through `submit`;
the back office lists and decides through `list_for` and `decide`; the parent's status page uses `find_for_parent`
and `parent_view`.

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

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from assistant.calendar import SchoolYear, get_calendar
from assistant.cases import audit
from assistant.cases import service as case_service
from assistant.cases.auth import Principal, can_see_school_item
from assistant.cases.models import OPEN_STATUSES, ROLE_ADMIN, ROLE_OFFICER, ROLE_SCHOOL, Case, CaseMessage
from assistant.chat.sender_ids import verlof_sender_id
from assistant.db.base import utcnow
from assistant.i18n import Message, _, message_from_json, message_to_json, translate
from assistant.insight import record as insight
from assistant.knowledge import UnknownMunicipality, get_regions
from assistant.knowledge.parameters import params
from assistant.privacy.redact import MARKS, redact
from assistant.rules.verlof import (
    KINDS,
    VerlofDecision,
    VerlofFacts,
    evaluate_verlof,
    get_rules,
    last_day_to_ask,
    nl_date,
)
from assistant.schools import School, find_school, get_registry, normalise_name
from assistant.verlof_requests import interpret
from assistant.verlof_requests.models import (
    COUNTING_STATUSES,
    STATUS_APPROVED,
    STATUS_NOTIFIED,
    STATUS_REFUSED,
    STATUS_SUBMITTED,
    VerlofRequest,
)

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 10
MAX_REASON_CHARS = 2000

# -- messages (Dutch source texts; the API and the chat translate them) ----------------------------------------------

DATE_IN_PAST = _("de datum {date} ligt in het verleden. Verlof vraagt u vooraf aan.")
OUTSIDE_CALENDAR = _("voor deze datum kennen we de schoolvakanties nog niet. Kies een datum tot en met {until}.")
UNKNOWN_MUNICIPALITY = _("deze gemeente kennen we niet. De assistent werkt voor {municipalities}.")
UNKNOWN_SCHOOL_ID = _("deze school kennen we niet.")
NO_SCHOOL = _("vul de naam van de school in.")
INVALID_EMAIL = _("dit is geen geldig e-mailadres. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl.")
INVALID_CHILD_NAME = _("vul de voornaam en achternaam van uw kind in, zonder cijfers.")
INVALID_CLASS = _("vul de groep of klas in, bijvoorbeeld groep 5 of 2 havo.")
INVALID_REASON = _("vertel kort waarom u verlof vraagt.")
UNKNOWN_KIND = _("kies vakantie, gewichtige_omstandigheid of religieus.")
UNKNOWN_CATEGORY = _("deze reden kennen we niet. Kies uit: {categories}.")
EMPLOYER_STATEMENT_MISSING = _("geef aan of u een verklaring van de werkgever heeft (ja of nee).")

DECIDED_APPROVED = _("Het verlof is toegestaan.")
DECIDED_REFUSED = _("Het verlof is niet toegestaan.")
STATUS_TEXTS = {
    STATUS_SUBMITTED: _("Uw aanvraag is ontvangen. Er is nog geen beslissing."),
    STATUS_APPROVED: DECIDED_APPROVED,
    STATUS_REFUSED: DECIDED_REFUSED,
    STATUS_NOTIFIED: _("Uw melding is doorgegeven aan de school. Voor een religieuze verplichting hoeft u geen "
                       "toestemming te krijgen."),
}
BEZWAAR_DIRECTEUR = _("Bent u het niet eens met deze beslissing? Dan kunt u binnen {weeks} weken bezwaar maken bij de "
                      "directeur van {school}. Dat staat in artikel 6:7 van de Algemene wet bestuursrecht. De {weeks} "
                      "weken beginnen op de dag nadat u de beslissing kreeg ({date}). Schrijf in uw bezwaar uw naam, "
                      "de datum, over welke beslissing het gaat en waarom u het er niet mee eens bent.")
BEZWAAR_OFFICER = _("Bent u het niet eens met deze beslissing? Dan kunt u binnen {weeks} weken bezwaar maken bij de "
                    "leerplichtambtenaar die besliste: de leerplichtambtenaar voor de gemeente {municipality}. Bij "
                    "verlof van meer dan {max} schooldagen beslist die zelf (Leerplichtwet artikel 14, derde lid). De "
                    "termijn staat in artikel 6:7 van de Algemene wet bestuursrecht. De {weeks} weken beginnen op de "
                    "dag nadat u de beslissing kreeg ({date}). Schrijf in uw bezwaar uw naam, de datum, over welke "
                    "beslissing het gaat en waarom u het er niet mee eens bent.")
BEZWAAR_CITATIONS = ("awb:6:7", "awb:6:8", "lpw:14", "src:assen-wie-beslist")
REFUSAL_NEEDS_REASON = "Geef een reden voor de weigering: de ouder ziet die reden."
NOT_YOURS_TO_DECIDE = "Over deze aanvraag beslist {decider}, niet u."
ALREADY_DECIDED = "Over deze aanvraag is al beslist."
NO_DECISION_NEEDED = "Dit is een melding (artikel 13): daarover wordt niet beslist."
DECIDER_LABELS = {"directeur": "de directeur van de school", "leerplichtambtenaar": "de leerplichtambtenaar"}

# A blocking rule problem is refused on the field it is about.
PROBLEM_FIELDS = {
    "end_before_start": "end_date",
    "too_many_days": "end_date",
    "first_two_weeks": "start_date",
    "already_used_this_school_year": "start_date",
    "short_notice": "start_date",
    "no_school_days": "start_date",
}


class RequestRefused(ValueError):
    """The request cannot be stored as it is: `field` is wrong for `code`; `template`/`values` say why (Dutch).
    `by_rule`: the law does not allow it (a blocking rule problem), rather than a field being wrong."""

    by_rule = False

    def __init__(self, field: str, code: str, template: str, citations: tuple[str, ...] = (), **values: Any) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code
        self.template = template
        self.values = values
        self.citations = citations

    def message(self, language: str | None = "nl") -> str:
        return translate(self.template, language, **self.values)


class RequestNotFound(LookupError):
    pass


class DecisionError(ValueError):
    def __init__(self, message: str, status_code: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code


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


def _check_fields(data: RequestData, today: date) -> tuple[RequestData, School | None, str]:
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
        raise RequestRefused("home_municipality", "unknown_municipality", UNKNOWN_MUNICIPALITY,
                             municipalities=list(error.known)) from None
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
        category = interpret.guess_non_reason(reason)
    employer_statement = data.employer_statement if data.kind == "vakantie" else None
    if data.kind == "vakantie" and employer_statement is None:
        raise RequestRefused("employer_statement", "employer_statement_missing", EMPLOYER_STATEMENT_MISSING)
    cleaned = replace(data, child_name=name, child_class=child_class, home_municipality=home, reason=reason,
                      email=email, category=category, employer_statement=employer_statement,
                      school=school_name, school_id=school.id if school else None)
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


def prior_use(session: Session, key: str, school_year: SchoolYear, exclude_id: int | None = None,
              email: str | None = None) -> PriorUse:
    """The child's counting requests in the school year; `email` tells the parent's own from the others."""
    query = select(VerlofRequest.reference, VerlofRequest.kind, VerlofRequest.school_days, VerlofRequest.email).where(
        VerlofRequest.child_key == key, VerlofRequest.school_year == school_year.label,
        VerlofRequest.status.in_(COUNTING_STATUSES)).order_by(VerlofRequest.id)
    if exclude_id is not None:
        query = query.where(VerlofRequest.id != exclude_id)
    own, everyone = [0, False], [0, False]
    others: list[str] = []
    for reference, kind, school_days, address in session.execute(query):
        mine = email is None or hmac.compare_digest(address.encode(), email.encode())
        for use in ((own, everyone) if mine else (everyone,)):
            if kind == "gewichtige_omstandigheid":
                use[0] += int(school_days)
            elif kind == "vakantie":
                use[1] = True
        if not mine:
            others.append(reference)
    return PriorUse(int(own[0]), bool(own[1]), int(everyone[0]), bool(everyone[1]), tuple(others))


def _evaluate(facts: VerlofFacts, today: date, school_year: SchoolYear) -> VerlofDecision:
    """`evaluate_verlof` as of today; when the leave lies in a later school year, the limits of that year
    (vacation leave once, the 10-day total) are taken from an evaluation as of its first day, because the rules
    only count earlier leave of the school year in which the request is made."""
    decision = evaluate_verlof(facts, today)
    year_start = school_year.start
    if year_start <= today or not (facts.prior_days_this_school_year or facts.prior_vakantie_this_school_year):
        return decision
    limits = evaluate_verlof(replace(facts, requested_on=year_start), today)
    codes = ("already_used_this_school_year", "needs_officer")
    problems = (*(p for p in decision.problems if p.code not in codes),
                *(p for p in limits.problems if p.code in codes))
    blocking = any(problem.severity == "blocking" for problem in problems)
    return replace(decision, problems=problems, decided_by=limits.decided_by if limits.problem("needs_officer")
                   else decision.decided_by, allowed=False if blocking else decision.allowed)


def problems_json(decision: VerlofDecision, language: str = "nl") -> list[dict[str, Any]]:
    from assistant.knowledge import resolve_citations

    return [{"code": problem.code, "severity": problem.severity,
             "message": translate(problem.template, language, **problem.values),
             "citations": [c.model_dump() for c in resolve_citations(problem.citations)]}
            for problem in decision.problems]


def stored_problems(decision: VerlofDecision) -> list[dict[str, Any]]:
    """The problems as stored with a request: the Dutch message, and its template with the values (`source`), so
    that the parent's status page can show it in any language later."""
    return [{**problem, "source": message_to_json(Message(source.template, source.values))}
            for problem, source in zip(problems_json(decision), decision.problems, strict=True)]


def _problem_text(problem: dict[str, Any], language: str) -> str:
    """A stored problem in `language`; requests stored before `source` existed have only the Dutch message."""
    try:
        return translate(message_from_json(problem["source"]), language)
    except (KeyError, ValueError, TypeError):
        return translate(problem["message"], language)


def notes_json(decision: VerlofDecision, language: str = "nl") -> list[dict[str, Any]]:
    from assistant.knowledge import resolve_citations

    return [{"code": note.code, "message": translate(note.template, language, **note.values),
             "citations": [c.model_dump() for c in resolve_citations(note.citations)]}
            for note in decision.notes]


def prepare(session: Session, data: RequestData, today: date, exclude_id: int | None = None) -> Prepared:
    """Check `data` and evaluate it with the child's earlier requests; raises RequestRefused."""
    cleaned, school, school_name = _check_fields(data, today)
    key = child_key(cleaned.child_name, cleaned.school_id, school_name)
    calendar = get_calendar()
    region = school.vakantieregio if school and school.vakantieregio else None
    first_days = list(calendar.school_days(cleaned.start_date, cleaned.end_date,
                                           region or calendar.region_of(cleaned.home_municipality))
                      ) if cleaned.end_date >= cleaned.start_date else []
    school_year = SchoolYear.of(first_days[0] if first_days else cleaned.start_date)
    prior = prior_use(session, key, school_year, exclude_id, cleaned.email)
    facts = VerlofFacts(kind=cleaned.kind, start_date=cleaned.start_date, end_date=cleaned.end_date,  # type: ignore[arg-type]
                        municipality=cleaned.home_municipality, requested_on=today, category=cleaned.category,
                        prior_days_this_school_year=prior.days, prior_vakantie_this_school_year=prior.vakantie,
                        region=region)
    decision = _evaluate(facts, today, school_year)
    for problem in decision.problems:
        if problem.severity == "blocking" or problem.code == "no_school_days":
            refused = RequestRefused(PROBLEM_FIELDS.get(problem.code, "start_date"), problem.code, problem.template,
                                     problem.citations, **problem.values)
            refused.by_rule = True
            raise refused
    with_others = _evaluate(replace(facts, prior_days_this_school_year=prior.all_days,
                                    prior_vakantie_this_school_year=prior.all_vakantie), today, school_year) \
        if prior.others else None
    return Prepared(data=cleaned, school=school, school_name=school_name,
                    municipality=get_regions().responsible_municipality(cleaned.home_municipality), child_key=key,
                    school_year=school_year, prior_days=prior.days, prior_vakantie=prior.vakantie, decision=decision,
                    other_requests=prior.others, decision_with_others=with_others)


# -- storing ------------------------------------------------------------------------------------------------------


def _open_officer_case(session: Session, request: VerlofRequest, prepared: Prepared, now: datetime) -> str:
    decision = prepared.decision
    facts = {
        "topic": "verlof_gewichtige_omstandigheden", "verlof_reference": request.reference,
        "child_name": request.child_name, "school": request.school_name, "school_id": request.school_id,
        "town": request.home_municipality, "email": request.email,
        "question": f"Verlof {nl_date(request.start_date)} t/m {nl_date(request.end_date)} "
                    f"({request.school_days} schooldagen): {request.reason}",
    }
    lines = [problem["message"] for problem in request.assessment.get("problems", [])]
    citations = [c for problem in request.assessment.get("problems", []) for c in problem["citations"]]
    assessment = {"text": "\n".join(lines) or f"Beslist door: {decision.decided_by}", "citations": citations,
                  "school_days": request.school_days, "prior_days": prepared.prior_days}
    case = case_service.open_case(session, sender_id=verlof_sender_id(request.reference), trigger="rules_need_officer",
                                  facts=facts, assessment=assessment, transcript=[], language=request.language,
                                  consent=True, now=now)
    return case.reference


def new_access_token() -> str:
    """A random token (192 bits) the parent can use instead of the e-mail address; only its hash is stored."""
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _other_requests(prepared: Prepared) -> dict[str, Any] | None:
    """For the one who decides: the same child's requests under another e-mail address, and the rules' problems
    when they are counted too (those the parent's own requests do not already give)."""
    if not prepared.other_requests or prepared.decision_with_others is None:
        return None
    own = {problem.code for problem in prepared.decision.problems}
    extra = [problem for problem in stored_problems(prepared.decision_with_others) if problem["code"] not in own]
    return {"references": list(prepared.other_requests), "problems": extra,
            "decided_by": prepared.decision_with_others.decided_by}


def submit(session: Session, data: RequestData, *, today: date, now: datetime | None = None,
           actor: str = audit.ACTOR_CHAT, access_token: str | None = None) -> VerlofRequest:
    """Check, evaluate and store one request (and open the officer's case when the officer decides).

    `access_token`: a token from `new_access_token` that the caller hands to the parent; its hash is stored. A request
    the rules refuse is counted for the officers' figures (in a transaction of its own: the caller's rolls back) and
    raised as `RequestRefused`."""
    now = now or utcnow()
    try:
        prepared = prepare(session, data, today)
    except RequestRefused as refused:
        if refused.by_rule:
            insight.record_verlof_refusal(data.kind, data.home_municipality, "api" if actor == "api" else "chat",
                                          at=now)
        raise
    cleaned, decision = prepared.data, prepared.decision
    request = VerlofRequest(
        reference=new_reference(), status=STATUS_NOTIFIED if cleaned.kind == "religieus" else STATUS_SUBMITTED,
        kind=cleaned.kind, category=cleaned.category, child_name=cleaned.child_name, child_key=prepared.child_key,
        child_class=cleaned.child_class, school_id=cleaned.school_id, school_name=prepared.school_name,
        school_town=prepared.school.town if prepared.school else None, home_municipality=cleaned.home_municipality,
        municipality=prepared.municipality, start_date=cleaned.start_date, end_date=cleaned.end_date,
        school_days=decision.school_days, school_year=prepared.school_year.label, decided_by=decision.decided_by,
        allowed=decision.allowed, reason=cleaned.reason, employer_statement=cleaned.employer_statement,
        email=cleaned.email, language=cleaned.language or "nl", sender_id=cleaned.sender_id,
        assessment={"problems": stored_problems(decision), "notes": notes_json(decision),
                    "prior_days": prepared.prior_days, "prior_vakantie": prepared.prior_vakantie,
                    "evaluated_on": today.isoformat(),
                    **({"other_requests": others} if (others := _other_requests(prepared)) else {})},
        access_token_hash=token_hash(access_token) if access_token else None,
        created_at=now, updated_at=now,
    )
    session.add(request)
    session.flush()
    if decision.decided_by == "leerplichtambtenaar":
        request.case_reference = _open_officer_case(session, request, prepared, now)
    audit.record(session, actor, "verlof_request_submitted", "verlof_request", request.reference, {
        "kind": request.kind, "school_id": request.school_id, "municipality": request.municipality,
        "school_days": request.school_days, "decided_by": request.decided_by, "case": request.case_reference,
    })
    insight.record_verlof_request(session, request, "api" if actor == "api" else "chat")
    return request


# -- the parent's view ----------------------------------------------------------------------------------------------


def find_for_parent(session: Session, reference: str, email: str | None = None,
                    token: str | None = None) -> VerlofRequest:
    """The request when `email` is its parent's address or `token` its access token; RequestNotFound otherwise (also
    for a wrong address or token, and when neither is given)."""
    request = session.scalar(select(VerlofRequest).where(VerlofRequest.reference == (reference or "").strip().upper()))
    given_email = (email or "").strip().lower().encode()
    given_token = token_hash(token).encode() if token else b""
    expected_email = request.email.encode() if request is not None else b"x" * len(given_email)
    expected_token = (request.access_token_hash or "").encode() if request is not None else b"x" * 64
    email_ok = hmac.compare_digest(given_email, expected_email)  # same work whether or not the reference exists
    token_ok = hmac.compare_digest(given_token, expected_token)
    if request is None or not ((given_email and email_ok) or (given_token and token_ok)):
        raise RequestNotFound
    return request


def bezwaar(request: VerlofRequest, language: str = "nl") -> dict[str, Any] | None:
    """How to object to the decision (Awb 6:7): to whoever decided, within six weeks."""
    from assistant.knowledge import resolve_citations

    if request.status not in (STATUS_APPROVED, STATUS_REFUSED) or request.decided_at is None:
        return None
    decided_on = request.decided_at.date()
    if request.decided_by == "leerplichtambtenaar":
        text = translate(BEZWAAR_OFFICER, language, municipality=request.home_municipality, date=decided_on,
                         max=params(decided_on).verlof.gewichtig_director_max_school_days.value,
                         weeks=params(decided_on).bezwaar.objection_weeks.value)
    else:
        text = translate(BEZWAAR_DIRECTEUR, language, school=request.school_name, date=decided_on,
                         weeks=params(decided_on).bezwaar.objection_weeks.value)
    return {"text": text, "deadline_weeks": 6,
            "citations": [c.model_dump() for c in resolve_citations(BEZWAAR_CITATIONS)]}


class ConversationClosed(ValueError):
    """The parent wrote, but no officer conversation is open on the request."""


def officer_case_of(session: Session, request: VerlofRequest) -> Case | None:
    if not request.case_reference:
        return None
    return session.scalar(select(Case).where(Case.reference == request.case_reference))


def parent_conversation(session: Session, request: VerlofRequest) -> dict[str, Any] | None:
    """The messages between the parent and the leerplichtambtenaar on this request (never the internal notes), and
    whether the parent can write; None when no officer handles it."""
    case = officer_case_of(session, request)
    if case is None:
        return None
    messages = session.scalars(select(CaseMessage).where(CaseMessage.case_id == case.id).order_by(CaseMessage.id))
    return {"case_reference": case.reference, "can_reply": case.status in OPEN_STATUSES,
            "messages": [{"id": m.id, "author": m.author, "text": m.text,
                          "created_at": case_service.sla.aware(m.created_at).isoformat()} for m in messages]}


def add_parent_message(session: Session, request: VerlofRequest, text: str, now: datetime | None = None) -> None:
    """A message from the parent to the officer, redacted like a chat message; ConversationClosed when no officer
    conversation is open."""
    case = officer_case_of(session, request)
    if case is None or case.status not in OPEN_STATUSES:
        raise ConversationClosed
    case_service.add_user_message(session, case, case_service.check_text(redact(text).text), now)


def parent_view(request: VerlofRequest, language: str | None = None) -> dict[str, Any]:
    language = language or request.language
    decision = None
    if request.status in (STATUS_APPROVED, STATUS_REFUSED):
        decision = {"outcome": "approved" if request.status == STATUS_APPROVED else "refused",
                    "reason": request.decision_reason, "decided_by": request.decided_by,
                    "decided_at": request.decided_at.isoformat() if request.decided_at else None}
    return {
        "reference": request.reference, "status": request.status,
        "status_text": translate(STATUS_TEXTS[request.status], language),
        "kind": request.kind, "category": request.category, "child_name": request.child_name,
        "school": request.school_name, "start_date": request.start_date.isoformat(),
        "end_date": request.end_date.isoformat(), "school_days": request.school_days,
        "school_year": request.school_year, "decided_by": request.decided_by,
        "problems": [{key: value for key, value in problem.items() if key != "source"}
                     | {"message": _problem_text(problem, language)}
                     for problem in request.assessment.get("problems", [])],
        "decision": decision, "bezwaar": bezwaar(request, language),
        "created_at": request.created_at.isoformat(),
    }


# -- the back office ------------------------------------------------------------------------------------------------


def _visible(query: Select, principal: Principal) -> Select:
    if principal.role == ROLE_ADMIN:
        return query
    if principal.role == ROLE_SCHOOL and principal.school_id:
        return query.where(VerlofRequest.school_id == principal.school_id)
    if principal.role == ROLE_OFFICER and principal.municipality:
        return query.where(VerlofRequest.municipality == principal.municipality)
    return query.where(VerlofRequest.id.is_(None))


def list_for(session: Session, principal: Principal, *, status: str | None = None,
             limit: int = 500) -> list[VerlofRequest]:
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
        return principal.role == ROLE_SCHOOL and principal.school_id is not None \
            and principal.school_id == request.school_id
    if request.decided_by == "leerplichtambtenaar":
        return principal.role == ROLE_OFFICER and principal.municipality == request.municipality
    return False


def decide(session: Session, principal: Principal, reference: str, outcome: str, reason: str | None,
           now: datetime | None = None) -> VerlofRequest:
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
    audit.record(session, principal.actor, "verlof_request_decided", "verlof_request", request.reference,
                 {"outcome": request.status, "role": principal.role})
    insight.sync_verlof_decision(session, request)
    return request


def count_open(session: Session, principal: Principal) -> int:
    query = _visible(select(func.count(VerlofRequest.id)), principal).where(VerlofRequest.status == STATUS_SUBMITTED)
    return int(session.scalar(query) or 0)
