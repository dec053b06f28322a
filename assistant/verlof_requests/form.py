"""The verlof form's logic without Rasa: checking each answer, the summary with the rule outcome, the texts.

`actions/verlof_form.py` is a thin adapter: it reads the slots and the latest message, calls these functions and
turns the result into slot events and messages. Every check raises `FormProblem(template, **values)` with a Dutch
source text (B1, with an example) that the action translates.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from assistant import clock
from assistant.calendar import get_calendar
from assistant.dates import DateError, ParsedDates, only_dates, parse_dates
from assistant.i18n import Localiser
from assistant.i18n.formatting import format_date
from assistant.knowledge import UnknownMunicipality, get_regions, resolve_citations
from assistant.knowledge.parameters import params
from assistant.rules.verlof import NO_SCHOOL_DAYS
from assistant.verlof_requests import service
from assistant.verlof_requests.answers import FormProblem, check_date_answer
from assistant.verlof_requests.form_texts import (
    CANNOT_SEND,
    DATES_KNOWN,
    DATES_LATER,
    DATES_NOTED,
    DATES_OTHER,
    DATES_RANGE,
    DECIDER_TEXTS,
    KIND_TEXTS,
    LABEL_CHILD,
    LABEL_EMAIL,
    LABEL_EMPLOYER,
    LABEL_HOME,
    LABEL_KIND,
    LABEL_PERIOD,
    LABEL_REASON,
    LABEL_SCHOOL,
    NO_TEXT,
    PERIOD,
    SEVERITY_TEXTS,
    STATUS_LINK,
    STATUS_PATH,
    SUBMITTED_DIRECTEUR,
    SUBMITTED_NOTICE,
    SUBMITTED_OFFICER,
    SUBMITTED_UNKNOWN_SCHOOL,
    SUMMARY_INTRO,
    SUMMARY_QUESTION,
    SUMMARY_RULES,
    YES_TEXT,
)

# Slot names (domain/verlof_form.yml).
KIND, CATEGORY, CHILD_NAME, CHILD_CLASS = "verlof_kind", "verlof_category", "verlof_child_name", "verlof_child_class"
SCHOOL, SCHOOL_ID, HOME, START, END = (
    "verlof_school",
    "verlof_school_id",
    "verlof_home_municipality",
    "verlof_start_date",
    "verlof_end_date",
)
REASON, EMPLOYER, EMAIL, CONFIRMED = "verlof_reason", "verlof_employer_statement", "email", "verlof_confirmed"
CORRECTING, FAILURES, REFERENCE = "verlof_correcting", "verlof_failures", "verlof_reference"
SUMMARY = "verlof_summary"  # the fingerprint of the answers in the summary last shown (what a "yes" confirms)
ANSWER_SLOTS = (KIND, CATEGORY, CHILD_NAME, CHILD_CLASS, SCHOOL, SCHOOL_ID, HOME, START, END, REASON, EMPLOYER, EMAIL)
FORM_SLOTS = (*ANSWER_SLOTS, CONFIRMED, CORRECTING, FAILURES, SUMMARY)
# Correction field (assistant.verlof_requests.interpret) -> the slots it clears or sets.
FIELD_SLOTS = {
    "kind": (KIND, CATEGORY, EMPLOYER),
    "child_name": (CHILD_NAME,),
    "child_class": (CHILD_CLASS,),
    "school": (SCHOOL, SCHOOL_ID),
    "home_municipality": (HOME,),
    "start_date": (START, END),
    "end_date": (END,),
    "reason": (REASON,),
    "employer_statement": (EMPLOYER,),
    "email": (EMAIL,),
    "date": (START, END),
}
MAX_FAILURES = 3


# -- a date where another answer was asked ---------------------------------------------------------------------

# The questions where an answer that is only a date ("9 t/m 13 maart") is recognised as dates, not taken as the
# answer. Not the child's name ("Cuma" is a name and a weekday) and not the class ("5/6" is a combination class).
DATE_AWARE_SLOTS = (KIND, CATEGORY, SCHOOL, HOME, REASON)


@dataclass(frozen=True)
class DatesInstead:
    """What to say when a parent typed dates where another answer was asked: `updates` are the date slots to keep
    (empty when the dates are known already or cannot be used now); `offer_change` adds the "other dates" button."""

    template: str
    values: dict[str, Any]
    updates: dict[str, Any]
    offer_change: bool = False


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def period_text(start: date, end: date | None, language: str = "nl") -> str:
    """ "vrijdag 13 maart 2026", or "maandag 9 maart 2026 tot en met vrijdag 13 maart 2026", in `language`."""
    if end is None or end == start:
        return format_date(start, language, "full")
    return Localiser(language)(
        DATES_RANGE, start=format_date(start, language, "full"), end=format_date(end, language, "full")
    )


def dates_instead_of_answer(text: str, slots: dict[str, Any], today: date, language: str = "nl") -> DatesInstead | None:
    """None unless `text` is nothing but a date or a range. Then: while the dates are unknown, keep them (checked as
    the date questions check them) and ask the question again; when they are known, keep the known ones, say so,
    and offer to change them if the typed ones differ. Nothing given earlier is lost."""
    if not only_dates(text, language):
        return None
    known_start, known_end = _iso(slots.get(START)), _iso(slots.get(END))
    if known_start is not None:
        period = period_text(known_start, known_end, language)
        try:
            parsed: ParsedDates | None = parse_dates(text, today, language)
        except DateError:
            parsed = None
        same = (
            parsed is not None
            and parsed.start == known_start
            and ((parsed.end or parsed.start) == (known_end or known_start))
        )
        if same:
            return DatesInstead(DATES_KNOWN, {"period": period}, {})
        return DatesInstead(DATES_OTHER, {"period": period}, {}, offer_change=True)
    try:
        parsed = check_date_answer(text, slots.get(KIND), today, language)
        end = parsed.end
        if end is not None:
            check_school_days(parsed.start, end, slots.get(HOME), language)
    except FormProblem:  # in the past, outside the calendar, no school day: the date questions explain it later
        return DatesInstead(DATES_LATER, {}, {})
    updates: dict[str, Any] = {START: parsed.start.isoformat()}
    if end is not None:
        updates[END] = end.isoformat()
    elif known_end is not None and known_end < parsed.start:
        updates[END] = None
    return DatesInstead(DATES_NOTED, {"period": period_text(parsed.start, end, language)}, updates)


# -- the request from the slots, the summary ----------------------------------------------------------------------


def request_data(slots: dict[str, Any], language: str = "nl", sender_id: str | None = None) -> service.RequestData:
    def as_date(value: Any) -> date:
        return date.fromisoformat(str(value))

    return service.RequestData(
        kind=str(slots.get(KIND) or ""),
        category=slots.get(CATEGORY) or None,
        start_date=as_date(slots.get(START)),
        end_date=as_date(slots.get(END)),
        child_name=str(slots.get(CHILD_NAME) or ""),
        child_class=str(slots.get(CHILD_CLASS) or ""),
        school_id=slots.get(SCHOOL_ID) or None,
        school=None if slots.get(SCHOOL_ID) else str(slots.get(SCHOOL) or ""),
        home_municipality=str(slots.get(HOME) or ""),
        reason=str(slots.get(REASON) or ""),
        employer_statement=slots.get(EMPLOYER) if isinstance(slots.get(EMPLOYER), bool) else None,
        email=str(slots.get(EMAIL) or ""),
        language=language,
        sender_id=sender_id,
    )


@dataclass(frozen=True)
class Summary:
    text: str
    citations: list[dict[str, Any]]
    can_send: bool
    refused_by_rule: bool = False  # the law does not allow the request as it is (counted in the officers' figures)


def summary(session: Session, slots: dict[str, Any], today: date, language: str = "nl") -> Summary:
    """What the parent filled in, and honestly what the rules say: school days, who decides, the problems with
    their sources. `can_send` is False when the law does not allow the request as it is."""
    loc = Localiser(language)
    data = request_data(slots, language)
    lines = [loc(SUMMARY_INTRO)]

    def line(label: str, value: str) -> None:
        lines.append(f"- {loc(label)}: {value}")

    line(LABEL_KIND, loc(KIND_TEXTS.get(data.kind, data.kind)))
    line(LABEL_CHILD, f"{data.child_name}, {data.child_class}")
    line(LABEL_SCHOOL, str(slots.get(SCHOOL) or ""))
    line(LABEL_HOME, data.home_municipality)
    try:
        prepared = service.prepare(session, data, today)
    except service.RequestRefused as refused:
        line(
            LABEL_PERIOD,
            f"{format_date(data.start_date, language, 'full')} – {format_date(data.end_date, language, 'full')}",
        )
        line(LABEL_REASON, data.reason)
        problem = refused.message(language)
        text = "\n".join([*lines, "", loc(CANNOT_SEND, problem=problem)])
        return Summary(
            loc.finish(text), [c.model_dump() for c in resolve_citations(refused.citations)], False, refused.by_rule
        )
    decision = prepared.decision
    line(
        LABEL_PERIOD,
        loc(
            PERIOD,
            start=format_date(data.start_date, language, "full"),
            end=format_date(data.end_date, language, "full"),
            days=decision.school_days,
        ),
    )
    line(LABEL_REASON, prepared.data.reason)
    if data.kind == "vakantie":
        line(LABEL_EMPLOYER, loc(YES_TEXT) if data.employer_statement else loc(NO_TEXT))
    line(LABEL_EMAIL, prepared.data.email)
    decider = decision.decided_by
    if decider == "directeur" and not prepared.data.school_id:
        decider = "directeur_unknown_school"
    lines += ["", loc(SUMMARY_RULES), "- " + loc(DECIDER_TEXTS[decider], officer=decision.leerplicht_gemeente or "")]
    for problem in decision.problems:
        lines.append(f"- {loc(SEVERITY_TEXTS[problem.severity])} {loc(problem.message)}")
    lines += ["", loc(SUMMARY_QUESTION)]
    citations = [c.model_dump() for c in resolve_citations(decision.citations)]
    return Summary(loc.finish("\n".join(lines)), citations, True)


def status_page_url() -> str:
    """Where parents see the decision (`assistant.http.routes.verlof_status`), as they reach it."""
    from assistant.settings import get_settings

    return get_settings().public_url(STATUS_PATH)


def submitted_text(request: Any, language: str = "nl") -> str:
    """What the chat says when the request was stored: the reference, who decides, and where to see the decision."""
    loc = Localiser(language)
    if request.decided_by == "none":
        return loc.finish(loc(SUBMITTED_NOTICE, reference=request.reference))
    if request.decided_by == "leerplichtambtenaar":
        law = params(request.start_date) if isinstance(request.start_date, date) else params(clock.today())
        text = loc(
            SUBMITTED_OFFICER,
            reference=request.reference,
            officer=deciding_municipality(request),
            max=law.verlof.gewichtig_director_max_school_days.value,
        )
    elif not request.school_id:
        text = loc(
            SUBMITTED_UNKNOWN_SCHOOL,
            reference=request.reference,
            school=request.school_name,
            officer=request.municipality,
        )
    else:
        text = loc(SUBMITTED_DIRECTEUR, reference=request.reference, school=request.school_name)
    return loc.finish(f"{text} {loc(STATUS_LINK, url=status_page_url())}")


def deciding_municipality(request: Any) -> str:
    """Whose leerplichtambtenaar decides above the director's maximum (Leerplichtwet art. 14 lid 3: the officer of the
    woongemeente). Where `knowledge/regions.yml` marks the routing to another municipality's officers as uncertain
    (their source speaks of handhaving only), the parent is told the law's answer, the home municipality."""
    home = getattr(request, "home_municipality", None) or request.municipality
    try:
        uncertain = get_regions().municipality(home).uncertain
    except UnknownMunicipality:
        return str(request.municipality)
    return str(home) if uncertain else str(request.municipality)


def fingerprint(slots: dict[str, Any]) -> str:
    """A short hash of the answers: the same answers give the same fingerprint, any change another one."""
    answers = {slot: slots.get(slot) for slot in ANSWER_SLOTS}
    return hashlib.sha256(json.dumps(answers, sort_keys=True, default=str).encode()).hexdigest()[:16]


def check_school_days(start: date, end: date, home: str | None, language: str = "nl") -> None:
    """A period with no school day at all (a Sunday, a holiday) needs no leave: ask the dates again."""
    calendar = get_calendar()
    try:
        region = calendar.region_of(home) if home else "noord"
    except Exception:
        region = "noord"
    if calendar.school_days_between(start, end, region) == 0:
        raise FormProblem(
            NO_SCHOOL_DAYS, clear=(START, END), start=format_date(start, language), end=format_date(end, language)
        )
