"""Writing the officers' figures when something happens: a chat turn, a case, a verlof request, a melding check.

Everything the figures group by is decided here, at write time, and stored in indexed columns (the local day and
week, the outcome of a turn, its topic, outside office hours or not), so reading them never parses texts.

- `classify_turn`: how a turn ended, from what Rasa returned: a topic's answer (`custom.topic`, set by
  `actions/answer.py` and the melding outcome), the suggestions menu or no match at all (`custom.fallback`, set by
  `actions/answer.suggest_topics`), `utter_default` (Rasa's core fallback) or `utter_out_of_scope` (the
  `utter_action` the gateway channel passes on), a handoff (`custom.handoff`), a form step (a requested slot).
- `municipality_in_text`: a municipality of the region named in a (redacted) message, e.g. "wij wonen in Borne".
- `attribute_conversation`: the conversation is about that municipality; its earlier turns count for it too.
- `sync_case`, `record_verlof_request`, `sync_verlof_decision`, `record_verlof_refusal`, `record_melding_check`:
  the aggregate rows behind the handoff, verlof and melding figures and the jaarverslag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from assistant.cases import routing, sla
from assistant.db.base import utcnow
from assistant.db.models import Conversation
from assistant.insight.models import (
    OUTCOME_ANSWERED,
    OUTCOME_FALLBACK,
    OUTCOME_FORM,
    OUTCOME_HANDOFF,
    OUTCOME_MENU,
    OUTCOME_OTHER,
    OUTCOME_OUT_OF_SCOPE,
    VERLOF_REFUSED_BY_RULE,
    InsightCase,
    InsightMelding,
    InsightTurn,
    InsightVerlof,
    SatisfactionScore,
)
from assistant.knowledge.ids import topic_id_for_intent

log = structlog.get_logger(__name__)
LOCAL_TIME = ZoneInfo("Europe/Amsterdam")

# Topics of intents that do not name a knowledge topic (`ask_<topic>` ones do).
INTENT_TOPICS = {
    "request_verlof": "verlof_aanvraag",
    "check_melding": "meldplicht_verzuim",
    "safety_signal": "veiligheid",
    "request_human": "medewerker",
}
FALLBACK_INTENT = "nlu_fallback"
DEFAULT_FALLBACK_RESPONSE = "utter_default"
OUT_OF_SCOPE_RESPONSE = "utter_out_of_scope"


def local_day(moment: datetime) -> date:
    return sla.aware(moment).astimezone(LOCAL_TIME).date()


def week_start(day: date) -> date:
    """The Monday of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def out_of_hours(municipality: str | None, moment: datetime) -> bool:
    """Outside the office hours of the leerplicht team that serves `municipality` (the default hours if unknown)."""
    runs = routing.responsible_municipality(municipality) if municipality else None
    return not sla.is_open(sla.office_hours_for(runs), moment)


# --- what a turn was -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TurnFacts:
    topic: str | None
    outcome: str


def classify_turn(
    intent: str | None, raw_messages: Iterable[Mapping[str, Any]], requested_slot: str | None = None
) -> TurnFacts:
    """The topic and outcome of a turn from Rasa's reply (the gateway channel's messages)."""
    messages = [m for m in raw_messages if isinstance(m, Mapping)]
    customs = [m["custom"] for m in messages if isinstance(m.get("custom"), Mapping)]
    responses = {m.get("utter_action") for m in messages}
    fallbacks = {c.get("fallback") for c in customs}
    topic = next((c["topic"] for c in customs if isinstance(c.get("topic"), str) and c["topic"]), None)
    if any(c.get("handoff") for c in customs):
        outcome = OUTCOME_HANDOFF
    elif topic:
        outcome = OUTCOME_ANSWERED
    elif "suggestions" in fallbacks:
        outcome = OUTCOME_MENU
    elif "no_match" in fallbacks or DEFAULT_FALLBACK_RESPONSE in responses or intent == FALLBACK_INTENT:
        outcome = OUTCOME_FALLBACK
    elif OUT_OF_SCOPE_RESPONSE in responses or intent == "out_of_scope":
        outcome = OUTCOME_OUT_OF_SCOPE
    elif requested_slot:
        outcome = OUTCOME_FORM
    else:
        outcome = OUTCOME_OTHER
    if topic is None and outcome not in (OUTCOME_MENU, OUTCOME_FALLBACK):
        topic = topic_id_for_intent(intent or "") or INTENT_TOPICS.get(intent or "")
    return TurnFacts(topic=topic[:64] if topic else None, outcome=outcome)


# --- the municipality of a conversation -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _town_pattern() -> re.Pattern[str]:
    names = sorted(routing.region_municipalities(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(name) for name in names) + r")(?!\w)", re.IGNORECASE)


def municipality_in_text(text: str) -> str | None:
    """The one municipality of the region `text` names ("wij wonen in borne" -> "Borne"); None for none or several."""
    found = {routing.canonical_town(match) for match in _town_pattern().findall(text or "")}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


_CONVERSATION_MUNICIPALITY = (
    update(Conversation).where(Conversation.id == bindparam("p_id")).values(municipality=bindparam("p_municipality"))
)


def attribute_conversation(
    session: Session,
    municipality: str | None,
    *,
    conversation_id: int | None = None,
    sender_id: str | None = None,
    overwrite: bool = True,
) -> None:
    """The conversation is about `municipality`: remember it, and count its earlier turns (and its satisfaction
    score) for it. `overwrite=False` keeps a municipality the conversation already has."""
    municipality = routing.canonical_town(municipality)
    if municipality is None:
        return
    if conversation_id is None:
        row = (
            session.execute(
                select(Conversation.id, Conversation.municipality).where(Conversation.sender_id == sender_id)
            ).first()
            if sender_id
            else None
        )
        if row is None:
            return
        conversation_id, current = row
    else:
        current = session.scalar(select(Conversation.municipality).where(Conversation.id == conversation_id))
    if current == municipality or (current is not None and not overwrite):
        return
    connection = session.connection()
    connection.execute(_CONVERSATION_MUNICIPALITY, {"p_id": conversation_id, "p_municipality": municipality})
    for table in (InsightTurn, SatisfactionScore):
        connection.execute(
            update(table).where(table.conversation_id == conversation_id).values(municipality=municipality)
        )


# --- chat turns ---------------------------------------------------------------------------------------------------

_ADD_TURN = InsightTurn.__table__.insert().returning(InsightTurn.__table__.c.id)


def record_turn(
    session: Session,
    *,
    conversation_id: int | None,
    user_message_id: int | None,
    first_turn: bool,
    municipality: str | None,
    language: str,
    intent: str | None,
    facts: TurnFacts,
    at: datetime | None = None,
) -> int:
    """One row for one user turn (a plain INSERT: this runs on every chat message). Returns its id."""
    at = at or utcnow()
    day = local_day(at)
    return (
        session.connection()
        .execute(
            _ADD_TURN,
            {
                "at": at,
                "day": day,
                "week": week_start(day),
                "conversation_id": conversation_id,
                "user_message_id": user_message_id,
                "first_turn": first_turn,
                "municipality": municipality,
                "language": language,
                "intent": (intent or None) and intent[:128],
                "topic": facts.topic,
                "outcome": facts.outcome,
                "out_of_hours": out_of_hours(municipality, at),
                "feedback_up": 0,
                "feedback_down": 0,
            },
        )
        .scalar_one()
    )


# --- cases ----------------------------------------------------------------------------------------------------------


def _case_municipality(case: Any) -> str | None:
    summary = case.summary if isinstance(case.summary, dict) else {}
    for candidate in (case.town, summary.get("woonplaats"), summary.get("municipality"), case.municipality):
        town = routing.canonical_town(candidate) if isinstance(candidate, str) else None
        if town:
            return town
    return None


def sync_case(session: Session, case: Any) -> None:
    """Create or update the case's aggregate row (no text, no sender): opened, first response, closed, outcome."""
    row = session.scalar(select(InsightCase).where(InsightCase.reference == case.reference))
    if row is None:
        opened = sla.aware(case.created_at)
        row = InsightCase(
            reference=case.reference,
            opened_at=opened,
            day=local_day(opened),
            municipality=_case_municipality(case),
            trigger=case.trigger,
            priority=case.priority,
            language=case.language,
            sla_due_at=case.sla_due_at,
        )
        session.add(row)
    row.first_response_at = case.first_response_at
    row.closed_at = case.closed_at
    row.outcome = case.outcome
    session.flush()
    if not str(case.sender_id).startswith("verlof:"):
        attribute_conversation(session, row.municipality, sender_id=case.sender_id)


# --- verlof requests --------------------------------------------------------------------------------------------


def record_verlof_request(session: Session, request: Any, source: str) -> None:
    """A stored verlof request (the route to the decider): kind, status, who decides."""
    created = sla.aware(request.created_at)
    session.add(
        InsightVerlof(
            reference=request.reference,
            at=created,
            day=local_day(created),
            municipality=routing.canonical_town(request.home_municipality),
            kind=request.kind,
            status=request.status,
            decided_by=request.decided_by,
            source=source[:8],
        )
    )
    if request.sender_id:
        attribute_conversation(session, request.home_municipality, sender_id=request.sender_id)


def sync_verlof_decision(session: Session, request: Any) -> None:
    session.execute(
        update(InsightVerlof).where(InsightVerlof.reference == request.reference).values(status=request.status)
    )


_collected: list[str] | None = None


@contextmanager
def collected_not_written() -> Iterator[list[str]]:
    """Inside the block the figures are not written but their names collected (for tests without a database)."""
    global _collected
    before, _collected = _collected, []
    try:
        yield _collected
    finally:
        _collected = before


def _in_own_transaction(what: str, write: Any) -> None:
    """Run `write(session)` in a transaction of its own; a failure is logged, never raised (a figure must not
    break an answer)."""
    from assistant.db.session import session_scope

    if _collected is not None:
        _collected.append(what)
        return
    try:
        with session_scope() as session:
            write(session)
    except Exception as error:
        log.warning("insight_not_recorded", what=what, error_type=type(error).__name__)


def record_verlof_refusal(kind: str, home_municipality: str | None, source: str, *, at: datetime | None = None) -> None:
    """A verlof request the rules do not allow (so it was not submitted)."""
    at = at or utcnow()
    _in_own_transaction(
        "verlof_refusal",
        lambda session: session.add(
            InsightVerlof(
                reference=None,
                at=at,
                day=local_day(at),
                municipality=routing.canonical_town(home_municipality),
                kind=str(kind)[:32],
                status=VERLOF_REFUSED_BY_RULE,
                decided_by=None,
                source=source[:8],
            )
        ),
    )


# --- melding checks ---------------------------------------------------------------------------------------------


def record_melding_check(
    category: str,
    obligation: str,
    municipality: str | None,
    source: str,
    *,
    sender_id: str | None = None,
    at: datetime | None = None,
) -> None:
    """One DUO melding check (the chat's melding form or `POST /api/melding/check`): category and obligation only."""
    at = at or utcnow()
    town = routing.canonical_town(municipality)

    def write(session: Session) -> None:
        session.add(
            InsightMelding(
                at=at,
                day=local_day(at),
                municipality=town,
                category=str(category)[:32],
                obligation=str(obligation)[:32],
                source=source[:8],
            )
        )
        if sender_id and town:
            attribute_conversation(session, town, sender_id=sender_id)

    _in_own_transaction("melding_check", write)
