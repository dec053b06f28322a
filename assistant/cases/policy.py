"""What a case is and may do, without the database: the triggers and their priority, the statuses and their labels,
the errors, the texts the user is told, and pure helpers (a reference, cleaned facts and texts, the queue order)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assistant.cases import sla
from assistant.cases.models import (
    OPEN_STATUSES,
    PRIORITIES,
    PRIORITY_HIGH,
    PRIORITY_NORMAL,
    PRIORITY_URGENT,
    STATUS_ASSIGNED,
    STATUS_CLOSED,
    STATUS_HANDED_BACK,
    STATUS_NEW,
    STATUS_WAITING_FOR_USER,
    Case,
)
from assistant.i18n import _, translate

# What made the assistant hand the conversation over, and the priority that follows from it.
TRIGGER_SAFETY_SIGNAL = "safety_signal"  # a sign that a child is unsafe: urgent
TRIGGER_ABSOLUTE_VERZUIM = "absolute_verzuim"  # a child of leerplicht age not enrolled at any school: high
TRIGGER_USER_REQUEST = "user_request"  # the user asked for a person
TRIGGER_RULES_NEED_OFFICER = "rules_need_officer"  # the rules say an officer must decide
TRIGGER_REPEATED_MISUNDERSTANDING = "repeated_misunderstanding"  # the bot did not understand several times
TRIGGER_PRIORITY: dict[str, str] = {
    TRIGGER_SAFETY_SIGNAL: PRIORITY_URGENT,
    TRIGGER_ABSOLUTE_VERZUIM: PRIORITY_HIGH,
    TRIGGER_USER_REQUEST: PRIORITY_NORMAL,
    TRIGGER_RULES_NEED_OFFICER: PRIORITY_NORMAL,
    TRIGGER_REPEATED_MISUNDERSTANDING: PRIORITY_NORMAL,
}
PRIORITY_RANK = {priority: rank for rank, priority in enumerate(PRIORITIES)}

OUTCOMES: dict[str, str] = {
    "answered": _("Vraag beantwoord"),
    "referred": _("Doorverwezen"),
    "investigation": _("Verzuimonderzoek gestart"),
    "no_action": _("Geen actie nodig"),
    "no_contact": _("Geen contact gekregen"),
    "duplicate": _("Dubbele zaak"),
}
PUBLIC_STATUS = {STATUS_NEW: "queued"}  # other statuses are shown to the chat client as they are

MAX_TEXT_CHARS = 4000
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: easy to read out on the phone
REFERENCE_LENGTH = 10  # 50 bits from `secrets`

TAKEN_NOTICE = _("Een leerplichtambtenaar heeft uw vraag in behandeling genomen. Het antwoord verschijnt hier.")
HANDED_BACK_NOTICE = _(
    "De leerplichtambtenaar heeft het gesprek afgerond. U kunt weer vragen stellen aan de digitale assistent."
)
CLOSED_NOTICE = _("Uw vraag is afgehandeld. U kunt weer vragen stellen aan de digitale assistent.")
BEING_HANDLED = _("Een leerplichtambtenaar behandelt uw vraag. Het antwoord verschijnt hier in het gesprek.")

INVALID_TRANSITION = _("Dit kan niet meer: de zaak heeft nu de status '{status}'.")
EMPTY_TEXT = _("Typ eerst een tekst.")
TEXT_TOO_LONG = _("De tekst is te lang (maximaal {max} tekens).")
UNKNOWN_OUTCOME = _("Kies een uitkomst.")
STATUS_LABELS: dict[str, str] = {
    STATUS_NEW: _("Nieuw"),
    STATUS_ASSIGNED: _("In behandeling"),
    STATUS_WAITING_FOR_USER: _("Wacht op reactie gebruiker"),
    STATUS_HANDED_BACK: _("Terug naar assistent"),
    STATUS_CLOSED: _("Gesloten"),
}
PRIORITY_LABELS: dict[str, str] = {
    PRIORITY_URGENT: _("Spoed (veiligheid)"),
    PRIORITY_HIGH: _("Hoog (absoluut verzuim)"),
    PRIORITY_NORMAL: _("Normaal"),
}


class CaseError(Exception):
    """A request the case cannot honour; `message` is a Dutch text for the officer."""

    status_code = 409

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message)
        self.message = translate(message, "nl", **values)


class CaseNotFound(CaseError):
    status_code = 404

    def __init__(self) -> None:
        super().__init__(_("Deze zaak bestaat niet of u heeft er geen toegang toe."))


class InvalidTransition(CaseError):
    pass


class InvalidInput(CaseError):
    status_code = 422


class ConsentRequired(CaseError):
    status_code = 422

    def __init__(self) -> None:
        super().__init__(_("Zonder toestemming van de gebruiker maken we geen zaak aan."))


@dataclass(frozen=True)
class HandoffInfo:
    """What the chat client is told about the handoff (the `handoff` field of the chat API)."""

    case_id: str
    status: str
    queue_position: int | None
    expected_response: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "status": self.status,
            "queue_position": self.queue_position,
            "expected_response": self.expected_response,
        }


# --- pure helpers ----------------------------------------------------------------------------------------------


def new_reference() -> str:
    return "LP-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(REFERENCE_LENGTH))


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "ja", "yes", "1"))


def priority_for(trigger: str, facts: dict[str, Any] | None = None) -> str:
    """Urgent safety signal > absolute verzuim > the rest. A fact flag can raise the trigger's priority."""
    facts = facts or {}
    candidates = [TRIGGER_PRIORITY.get(trigger, PRIORITY_NORMAL)]
    if _truthy(facts.get("safety_signal")):
        candidates.append(PRIORITY_URGENT)
    if _truthy(facts.get("absolute_verzuim")):
        candidates.append(PRIORITY_HIGH)
    return min(candidates, key=PRIORITY_RANK.__getitem__)


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()[:MAX_TEXT_CHARS]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_clean_value(item) for item in list(value)[:50]]
    if isinstance(value, dict):
        return {str(k)[:64]: _clean_value(v) for k, v in list(value.items())[:50]}
    return str(value)[:MAX_TEXT_CHARS]


def clean_facts(facts: dict[str, Any] | None) -> dict[str, Any]:
    """The facts as JSON-safe, bounded data (None and empty values dropped)."""
    return {str(k)[:64]: _clean_value(v) for k, v in (facts or {}).items() if v not in (None, "", [], {})}


def clean_assessment(assessment: dict[str, Any] | None) -> dict[str, Any]:
    """`{"text": ..., "citations": [{"ref", "url"}]}` with only well-formed citations kept."""
    assessment = assessment or {}
    citations = [
        {"ref": str(c["ref"])[:300], "url": str(c["url"])[:500] if c.get("url") else None}
        for c in assessment.get("citations") or []
        if isinstance(c, dict) and c.get("ref")
    ]
    extra = clean_facts({k: v for k, v in assessment.items() if k not in ("text", "citations")})
    return {**extra, "text": str(assessment.get("text") or "")[:MAX_TEXT_CHARS], "citations": citations}


def check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput(EMPTY_TEXT)
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInput(TEXT_TOO_LONG, max=MAX_TEXT_CHARS)
    return text


def is_overdue(case: Case, now: datetime) -> bool:
    """An open case whose first officer response is past its due time."""
    return (
        case.status in OPEN_STATUSES and case.first_response_at is None and sla.aware(case.sla_due_at) < sla.aware(now)
    )


def queue_sort_key(case: Case, now: datetime) -> tuple[bool, int, datetime, int]:
    """Overdue first, then priority, then age (oldest first)."""
    return (
        not is_overdue(case, now),
        PRIORITY_RANK.get(case.priority, len(PRIORITIES)),
        sla.aware(case.created_at),
        case.id,
    )


def position_in_queue(case: Case, waiting: Iterable[Case]) -> int:
    """1 + the number of waiting cases ahead of `case` (higher priority, or the same priority and older)."""
    mine = (PRIORITY_RANK[case.priority], sla.aware(case.created_at), case.id)
    return 1 + sum(
        1
        for other in waiting
        if other.id != case.id and (PRIORITY_RANK[other.priority], sla.aware(other.created_at), other.id) < mine
    )


def public_status(case: Case) -> str:
    return PUBLIC_STATUS.get(case.status, case.status)
