"""The melding rules' output: `MeldingDecision`, the table of what each kind of outcome means (`OUTCOMES`: obligation,
recipient, deadline, fine) and `DecisionBuilder`, which collects citations and notes while the rules run and turns a
category, its explanation and its checklist into a decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, InstanceOf

from assistant.i18n import Message
from assistant.knowledge.law_date import law_on
from assistant.knowledge.parameters import LegalParameters
from assistant.rules.finding import Finding, Severity
from assistant.rules.melding.facts import AgeStatus, Category, MeldingFacts, Obligation
from assistant.rules.melding.texts import (
    DEADLINE_NO_DAYS,
    DEADLINE_REGIONAL,
    DEADLINE_SIXTEEN_HOURS,
    DUO_CATEGORY,
    FIELD_SK,
    FIELDS,
    FINE_RISK,
    GUIDANCE_SIXTEEN_HOURS,
    RECIPIENT_DOORSTROOMPUNT,
    RECIPIENT_OFFICER,
    REPORT_VIA,
    UNIT_TEXT,
)

EXPLANATION, NOTE = "explanation", "note"  # the codes of a decision's findings
_SEVERITY: dict[str, Severity] = {"verplicht": "blocking", "regionaal_afgesproken": "warning", "niet_nodig": "info"}


class Deadline(BaseModel):
    term: str | None = Field(description="The legal term, e.g. 'onverwijld'; null when there is none.")
    text: str = Field(description="The term in plain Dutch.")
    guidance: str | None = Field(default=None, description="A guidance term; never law.")
    guidance_is_law: bool = False
    guidance_citation: str | None = None


@dataclass(frozen=True)
class MeldingTexts:
    """The parts of a decision's answer besides its findings, as `Message`s for translation where they are shown
    (`actions/melding.py`). The str fields of `MeldingDecision` are these texts in Dutch."""

    count_unit: Message
    checklist: tuple[Message, ...]
    fields: tuple[Message, ...] = ()
    duo_category: Message | None = None
    channel: Message | None = None
    recipient: Message | None = None
    deadline: Message | None = None
    deadline_guidance: Message | None = None
    fine_risk: Message | None = None


class MeldingDecision(BaseModel):
    law_date: dt.date = Field(description="The day whose law was applied (the day the absence is judged).")
    obligation: Obligation
    category: Category
    duo_category: str | None = Field(description="The verzuimsoort as DUO names it, when a melding is made.")
    age_status: AgeStatus
    count_unit: str = Field(description="How hours are counted for this school type.")
    channel: str | None
    recipient: str | None
    deadline: Deadline | None
    fields: list[str]
    explanation: str
    checklist: list[str]
    citations: list[str]
    fine_risk: str | None
    offer_consult: bool
    notes: list[str] = Field(default_factory=list)
    findings: tuple[InstanceOf[Finding], ...] = Field(
        exclude=True,
        repr=False,
        description="What the rules found: the explanation's sentences (code "
        "'explanation', severity by obligation), then the notes (code 'note', severity info).",
    )
    texts: InstanceOf[MeldingTexts] = Field(
        exclude=True, repr=False, description="The other texts above as translatable messages."
    )

    def messages(self, code: str) -> list[Message]:
        """The messages of the findings with `code` (`EXPLANATION` or `NOTE`), in order."""
        return [finding.message for finding in self.findings if finding.code == code]


@dataclass(frozen=True)
class Outcome:
    """What a kind of outcome means: whether and to whom it is reported, with which deadline and fields."""

    obligation: Obligation
    recipient: str | None = None
    deadline: Literal["statutory", "regional"] | None = None
    fine_risk: bool = False
    offer_consult: bool = True
    eighteen_plus_fields: bool = False

    @property
    def reported(self) -> bool:
        return self.recipient is not None


OUTCOMES: dict[Category, Outcome] = {
    "16_uur": Outcome("verplicht", RECIPIENT_OFFICER, "statutory", fine_risk=True, offer_consult=False),
    "langdurig_relatief": Outcome("verplicht", RECIPIENT_OFFICER, "statutory", fine_risk=True),
    "luxe": Outcome("verplicht", RECIPIENT_OFFICER, "statutory"),
    "18_plus": Outcome("verplicht", RECIPIENT_DOORSTROOMPUNT, "statutory", eighteen_plus_fields=True),
    "overig": Outcome("regionaal_afgesproken", RECIPIENT_OFFICER, "regional"),
    "geen": Outcome("niet_nodig", offer_consult=False),
}


def number(value: float) -> Decimal:
    """A count for a text: written with the reader's decimal sign ("12,5" in Dutch), whole numbers without one."""
    return Decimal(f"{value:g}")


def dutch(messages: list[Message] | tuple[Message, ...]) -> str:
    return " ".join(str(message) for message in messages)


def _messages(*texts: Message | str) -> list[Message]:
    return [text if isinstance(text, Message) else Message(text) for text in texts]


class DecisionBuilder:
    """Collects one decision's citations and notes while the rules run; `decide` makes the decision."""

    def __init__(self, facts: MeldingFacts, rules: dict[str, Any], law: LegalParameters, status: AgeStatus) -> None:
        self.facts = facts
        self.rules = rules
        self.law = law
        self.status = status
        self.citations: list[str] = []
        self.notes: list[Message] = [law_on(law.on)]

    def cite(self, *ids: str) -> None:
        self.citations.extend(ids)

    def note(self, template: str, **values: Any) -> None:
        self.notes.append(Message(template, values))

    def channel(self) -> Message:
        """The channel for this school type; the Dutch texts are in the rules file (extracted for the catalogs)."""
        return Message(self.rules["channels"][self.facts.school_type])

    def unit(self) -> Message:
        """How hours are counted ("klokuren", "lesuren", "uren lestijd"), from the rules file."""
        return Message(self.rules["counting"][self.facts.school_type])

    def report_via(self) -> Message:
        return Message(REPORT_VIA, {"channel": self.channel()})

    def fine_risk(self) -> Message:
        melding = self.law.melding
        self.cite(*melding.fine_per_violation_eur.citations, *melding.fine_per_school_year_eur.citations)
        return Message(
            FINE_RISK,
            {
                "per_violation": Decimal(melding.fine_per_violation_eur.value),
                "per_year": Decimal(melding.fine_per_school_year_eur.value),
            },
        )

    def _statutory_deadline(self, category: Category) -> tuple[Message, Message | None, str | None]:
        """(text, guidance, guidance citation) of the deadline of a required melding."""
        if category == "16_uur":
            guidance = self.law.melding.report_within_working_days
            limit = self.law.melding.unauthorised_hours.value
            self.cite(*guidance.citations)
            return (
                Message(DEADLINE_SIXTEEN_HOURS, {"limit": limit}),
                Message(GUIDANCE_SIXTEEN_HOURS, {"days": guidance.value, "limit": limit}),
                guidance.citations[0],
            )
        return Message(DEADLINE_NO_DAYS), None, None

    def _fields(self, eighteen_plus: bool) -> list[Message]:
        self.cite("brod:14", "brod:21", "wrod:10")
        return _messages(*([FIELD_SK] if eighteen_plus else []), *FIELDS)

    def decide(
        self,
        category: Category,
        explanation: list[Message],
        checklist: list[Message | str],
        *,
        offer_consult: bool | None = None,
    ) -> MeldingDecision:
        """The decision for `category` (its meaning in `OUTCOMES`), with these sentences and checklist."""
        outcome = OUTCOMES[category]
        deadline = self._statutory_deadline(category) if outcome.deadline == "statutory" else None
        fields = self._fields(outcome.eighteen_plus_fields) if outcome.reported else []
        fine_risk = self.fine_risk() if outcome.fine_risk else None
        channel = self.channel() if outcome.reported else None
        texts = MeldingTexts(
            count_unit=Message(UNIT_TEXT[self.facts.school_type]),
            checklist=tuple(_messages(*checklist)),
            fields=tuple(fields),
            duo_category=Message(DUO_CATEGORY[category]) if outcome.reported else None,
            channel=channel,
            recipient=Message(outcome.recipient) if outcome.recipient else None,
            deadline=deadline[0] if deadline else Message(DEADLINE_REGIONAL) if outcome.deadline else None,
            deadline_guidance=deadline[1] if deadline else None,
            fine_risk=fine_risk,
        )
        if deadline:
            # Lpw 21a and WEB 9.2.2 create a leveringsverplichting without a term: no "onverwijld" is claimed.
            deadline_model: Deadline | None = Deadline(
                term=None,
                text=str(deadline[0]),
                guidance=str(deadline[1]) if deadline[1] else None,
                guidance_citation=deadline[2],
            )
        elif texts.deadline:
            deadline_model = Deadline(term=None, text=str(texts.deadline))
        else:
            deadline_model = None
        severity = _SEVERITY[outcome.obligation]
        findings = (
            *(Finding(EXPLANATION, severity, sentence) for sentence in explanation),
            *(Finding(NOTE, "info", note) for note in self.notes),
        )
        return MeldingDecision(
            law_date=self.law.on,
            obligation=outcome.obligation,
            category=category,
            age_status=self.status,
            count_unit=str(texts.count_unit),
            duo_category=str(texts.duo_category) if texts.duo_category else None,
            channel=str(channel) if channel else None,
            recipient=str(texts.recipient) if texts.recipient else None,
            deadline=deadline_model,
            fields=[str(field) for field in texts.fields],
            explanation=dutch(explanation),
            checklist=[str(item) for item in texts.checklist],
            citations=list(dict.fromkeys(self.citations)),
            fine_risk=str(fine_risk) if fine_risk else None,
            offer_consult=outcome.offer_consult if offer_consult is None else offer_consult,
            notes=[str(note) for note in self.notes],
            findings=findings,
            texts=texts,
        )
