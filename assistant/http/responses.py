"""The shapes of the JSON answers of the back office and the verlof requests (`response_model` of their routes).

The fields listed are typed and documented in the OpenAPI schema; a field a service adds later passes through
unchanged (`extra="allow"`) until it is listed here too.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


# --- the back office: session and cases ----------------------------------------------------------------------------


class BackofficeUser(Open):
    id: int
    email: str
    display_name: str | None
    role: str
    municipality: str | None
    school_id: str | None


class SessionInfo(Open):
    user: BackofficeUser
    csrf_token: str = Field(description="Send it as X-CSRF-Token with every unsafe request.")


class CaseRow(Open):
    reference: str
    subject: str | None
    language: str | None
    language_name: str | None
    waiting: str | None = Field(description="How long an open case has waited, e.g. '2 u 5 min'.")
    status: str
    priority: str | None
    municipality: str | None
    town: str | None
    school: str | None
    school_id: str | None
    assigned_officer: str | None
    assigned_officer_id: int | None
    trigger: str | None
    outcome: str | None
    overdue: bool
    created_at: str | None
    updated_at: str | None
    sla_due_at: str | None
    closed_at: str | None


class CaseList(Open):
    cases: list[CaseRow]


class CaseMessageOut(Open):
    id: int
    author: str
    officer: str | None
    text: str
    created_at: str | None


class CaseNoteOut(Open):
    id: int
    author: str | None
    text: str
    created_at: str | None


class AuditEntryOut(Open):
    at: str | None
    actor: str
    actor_name: str | None
    action: str
    details: Any = None


class CaseDetail(CaseRow):
    question: Any = None
    summary: dict[str, Any]
    assessment: Any = None
    transcript: list[dict[str, Any]]
    messages: list[CaseMessageOut]
    notes: list[CaseNoteOut]
    audit: list[AuditEntryOut]


class ErasureOut(Open):
    erased: dict[str, Any] = Field(description="What was removed, counted per table.")


# --- the back office: verlof requests ------------------------------------------------------------------------------


class VerlofRequestRow(Open):
    reference: str
    status: str
    kind: str
    category: str | None
    child_name: str
    child_class: str | None
    school_id: str | None
    school: str | None
    home_municipality: str | None
    municipality: str | None
    start_date: str
    end_date: str
    school_days: int | None
    school_year: str | None
    decided_by: str | None
    case_reference: str | None = Field(description="Only for accounts that work cases.")
    created_at: str | None
    may_decide: bool


class VerlofRequestList(Open):
    requests: list[VerlofRequestRow]


class VerlofRequestDetail(VerlofRequestRow):
    reason: str | None
    employer_statement: bool | None
    email: str | None = Field(description="Only for accounts that work cases.")
    allowed: bool | None
    assessment: Any = None
    decision_reason: str | None
    decided_at: str | None
    decider_name: str | None


# --- the back office: insight --------------------------------------------------------------------------------------


class StatsOut(Open):
    start: str = Field(alias="from")
    end: str = Field(alias="to")
    municipality: str | None
    scope: str
    figures: dict[str, Any]
    tables: dict[str, Any]


class JaarverslagOut(Open):
    school_year: str
    scope: str
    columns: list[dict[str, Any]]
    tables: list[dict[str, Any]]


class IntentChoice(Open):
    intent: str
    label: str


class ReviewQueue(Open):
    items: list[dict[str, Any]]
    decided: list[dict[str, Any]]
    intents: list[IntentChoice]


class ReviewLabelled(Open):
    turn_id: int
    status: str


# --- the parent's verlof request -----------------------------------------------------------------------------------


class ParentMessage(Open):
    id: int
    author: str
    text: str
    created_at: str


class ParentConversation(Open):
    case_reference: str
    can_reply: bool
    messages: list[ParentMessage]


class VerlofDecision(Open):
    outcome: str
    reason: str | None
    decided_by: str | None
    decided_at: str | None


class VerlofRequestStatus(Open):
    reference: str
    status: str
    status_text: str
    kind: str
    category: str | None
    child_name: str
    school: str | None
    start_date: str
    end_date: str
    school_days: int | None
    school_year: str | None
    decided_by: str | None
    problems: list[dict[str, Any]]
    decision: VerlofDecision | None
    bezwaar: Any = None
    created_at: str
    conversation: ParentConversation | None = Field(
        description="The messages between the parent and the leerplichtambtenaar; null when no officer handles it."
    )


class VerlofRequestCreated(VerlofRequestStatus):
    access_token: str = Field(description="Shown once: the second factor for the status, instead of the e-mail.")


class ParentMessages(Open):
    conversation: ParentConversation | None
