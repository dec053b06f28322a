"""Shared rendering for the back office: templates, labels, date formatting and case serialisation."""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import babel
import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.backoffice.security import SignedIn
from assistant.cases import audit, sla
from assistant.cases.models import OPEN_STATUSES, TRIGGER_LABELS, Case, User
from assistant.cases.service import OUTCOMES, PRIORITY_LABELS, STATUS_LABELS, is_overdue
from assistant.chat.payloads import button_title
from assistant.i18n import translate

BACKOFFICE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = BACKOFFICE_DIR / "templates"
STATIC_DIR = BACKOFFICE_DIR / "static"
LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
# Security headers (CSP, nosniff, referrer policy, framing) come from SecurityHeadersMiddleware for every response.
PAGE_HEADERS = {"Cache-Control": "no-store"}

# Labels of the facts the assistant collects (keys of `Case.summary`); unknown keys are shown as they are.
FACT_LABELS = {
    "name": "Naam",
    "role": "Rol",
    "email": "E-mailadres",
    "phone": "Telefoonnummer",
    "contact": "Contact",
    "contact_from_chat": "Contact, later in het gesprek gegeven",
    "town": "Woonplaats",
    "woonplaats": "Woonplaats",
    "municipality": "Gemeente",
    "school": "School",
    "school_id": "Schoolcode",
    "child_name": "Naam kind",
    "child_age": "Leeftijd kind",
    "topic": "Onderwerp",
    "question": "Vraag",
    "safety_signal": "Signaal veiligheid",
    "absolute_verzuim": "Absoluut verzuim",
    "language": "Taal",
}
AUTHOR_LABELS = {"user": "Gebruiker", "bot": "Assistent", "officer": "Leerplichtambtenaar", "system": "Systeem"}
ROLE_LABELS = {"officer": "Leerplichtambtenaar", "school": "School", "admin": "Beheerder"}
ACTION_LABELS = {
    "case_opened": "Zaak aangemaakt vanuit de chat",
    "case_taken": "Zaak opgepakt",
    "case_replied": "Bericht aan gebruiker",
    "user_replied": "Gebruiker reageerde",
    "note_added": "Notitie toegevoegd",
    "contact_added": "Contactgegeven toegevoegd vanuit het gesprek",
    "case_handed_back": "Teruggegeven aan de assistent",
    "case_closed": "Zaak gesloten",
}
DONE_MESSAGES = {
    "taken": "U heeft de zaak opgepakt.",
    "replied": "Uw bericht is naar de gebruiker gestuurd.",
    "noted": "De notitie is opgeslagen.",
    "handed_back": "Het gesprek is teruggegeven aan de assistent.",
    "closed": "De zaak is gesloten.",
}


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return sla.aware(moment).astimezone(LOCAL_TIME).strftime("%d-%m-%Y %H:%M")


def local_time_iso(value: str | None) -> str:
    if not value:
        return ""
    try:
        return local_time(datetime.fromisoformat(value))
    except ValueError:
        return value


def iso(moment: datetime | None) -> str | None:
    return sla.aware(moment).isoformat() if moment is not None else None


@lru_cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["local_time"] = local_time
    environment.filters["local_time_iso"] = local_time_iso
    return environment


@lru_cache
def _asset_version(relative_path: str) -> str:
    path = STATIC_DIR / relative_path
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else "0"


def render(
    request: Request, template: str, signed: SignedIn | None, status_code: int = 200, **context: Any
) -> HTMLResponse:
    root = request.scope.get("root_path", "").rstrip("/")
    html = (
        _environment()
        .get_template(template)
        .render(
            root=root,
            static=lambda path: f"{root}/backoffice/static/{path}?v={_asset_version(path)}",
            user=signed.principal if signed else None,
            csrf_token=signed.csrf_token if signed else "",
            role_labels=ROLE_LABELS,
            action_labels=ACTION_LABELS,
            status_labels={k: translate(v, "nl") for k, v in STATUS_LABELS.items()},
            priority_labels={k: translate(v, "nl") for k, v in PRIORITY_LABELS.items()},
            **context,
        )
    )
    return HTMLResponse(html, status_code=status_code, headers=PAGE_HEADERS)


def _officer_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {
        user_id: name for user_id, name in session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    }


@lru_cache(maxsize=16)
def language_name(code: str | None) -> str:
    """ "Arabisch" for "ar": the language of a case, in Dutch for the officer."""
    if not code:
        return "–"
    try:
        return babel.Locale.parse(code).get_display_name("nl").capitalize()
    except (ValueError, babel.UnknownLocaleError):
        return code


def topic_title(topic_id: Any) -> str | None:
    """The title of an answer topic ("problemen_op_school" -> "Mijn kind heeft problemen op school")."""
    if not isinstance(topic_id, str) or not topic_id:
        return None
    try:
        from assistant.knowledge import get_knowledge_base

        kb = get_knowledge_base()
    except Exception:  # the knowledge base not loading must not break the queue
        return None
    return kb.topic(topic_id).title if kb.has_topic(topic_id) else None


def subject(case: Case) -> str:
    """What the case is about, in a few words: the verlof request, the topic, or why it was handed over."""
    summary = case.summary or {}
    if summary.get("verlof_reference"):
        return f"Verlofaanvraag {summary['verlof_reference']}"
    if summary.get("topic") == "meldplicht_verzuim" and summary.get("role") == "school":
        return "Verzuimmelding: moet de school melden?"
    return topic_title(summary.get("topic")) or TRIGGER_LABELS.get(case.trigger, case.trigger)


def waiting_time(case: Case, now: datetime) -> str | None:
    """How long an open case has waited since it came in ("2 u 5 min", "3 dagen")."""
    if case.status not in OPEN_STATUSES:
        return None
    minutes = max(0, int((sla.aware(now) - sla.aware(case.created_at)).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 24 * 60:
        return f"{minutes // 60} u {minutes % 60} min"
    days = minutes // (24 * 60)
    return f"{days} {'dag' if days == 1 else 'dagen'}"


def case_row(case: Case, now: datetime, names: dict[int, str]) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "subject": subject(case),
        "language": case.language,
        "language_name": language_name(case.language),
        "waiting": waiting_time(case, now),
        "status": case.status,
        "priority": case.priority,
        "municipality": case.municipality,
        "town": case.town,
        "school": case.school_name or case.school_id,
        "school_id": case.school_id,
        "assigned_officer": names.get(case.assigned_officer_id) if case.assigned_officer_id else None,
        "assigned_officer_id": case.assigned_officer_id,
        "trigger": case.trigger,
        "outcome": case.outcome,
        "overdue": is_overdue(case, now),
        "created_at": iso(case.created_at),
        "updated_at": iso(case.updated_at),
        "sla_due_at": iso(case.sla_due_at),
        "closed_at": iso(case.closed_at),
    }


def case_rows(session: Session, cases: list[Case], now: datetime) -> list[dict[str, Any]]:
    names = _officer_names(session, {c.assigned_officer_id for c in cases if c.assigned_officer_id})
    return [case_row(case, now, names) for case in cases]


def case_detail(session: Session, case: Case, now: datetime) -> dict[str, Any]:
    entries = audit.entries_for(session, "case", case.reference)
    actor_ids = {
        int(e.actor.split(":", 1)[1])
        for e in entries
        if e.actor.startswith("user:") and e.actor.split(":", 1)[1].isdigit()
    }
    actor_names = {f"user:{k}": v for k, v in _officer_names(session, actor_ids).items()}
    actor_names.update({"chat": "Gebruiker (chat)", "system": "Systeem"})
    names = _officer_names(
        session,
        {case.assigned_officer_id or 0}
        | {m.officer_id or 0 for m in case.messages}
        | {n.author_id or 0 for n in case.notes},
    )
    summary = dict(case.summary or {})
    question = summary.pop("question", None)
    if isinstance(summary.get("topic"), str):
        summary["topic"] = topic_title(summary["topic"]) or summary["topic"]
    return {
        **case_row(case, now, names),
        "question": question,
        "summary": summary,
        "assessment": case.assessment,
        "transcript": [
            {**turn, "button": button_title(turn.get("text") or "") if turn.get("author") == "user" else None}
            for turn in case.transcript or []
        ],
        "messages": [
            {
                "id": m.id,
                "author": m.author,
                "officer": names.get(m.officer_id) if m.officer_id else None,
                "text": m.text,
                "created_at": iso(m.created_at),
            }
            for m in case.messages
        ],
        "notes": [
            {
                "id": n.id,
                "author": names.get(n.author_id) if n.author_id else None,
                "text": n.text,
                "created_at": iso(n.created_at),
            }
            for n in case.notes
        ],
        "audit": [
            {
                "at": iso(e.at),
                "actor": e.actor,
                "actor_name": actor_names.get(e.actor, e.actor),
                "action": e.action,
                "details": e.details,
            }
            for e in entries
        ],
    }


def outcome_labels() -> dict[str, str]:
    return {key: translate(label, "nl") for key, label in OUTCOMES.items()}
