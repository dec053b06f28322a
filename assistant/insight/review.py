"""The review queue: questions the assistant could not answer (or whose answer got 👎), for officers to label.

- The queue: turns that ended not understood (no match, or only topics suggested) or whose answer was rated 👎,
  while the conversation still exists (after it is purged the question is gone, and so is the item). Shown
  redacted and without any identity: the question, the first answer, the 👎 comments, language and date.
- An officer labels an item with the intent it should have had (a topic's `ask_<topic>`, or one of a few core
  intents), marks it "new topic needed", or dismisses it. A labelled item keeps its text, checked and possibly
  shortened by the officer, as a training example in the language it was asked in; that text is redacted once more.
- `export_reviewed` writes the labelled examples as Rasa NLU YAML, one file per language
  (`nlu_data/<language>/reviewed.yml`), leaving out examples the training data already has, so that the next
  `make train` learns them and `rasa data validate --fail-on-warnings` stays clean.

Officers see the items of the municipalities they serve and the items no municipality could be tied to (the
knowledge base is shared by the region); administrators see all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import exists, or_, select, true
from sqlalchemy.orm import Session, aliased

from assistant.cases import audit
from assistant.cases.auth import Principal
from assistant.db.base import utcnow
from assistant.db.models import ChatMessage
from assistant.insight import labels
from assistant.insight.errors import Refused
from assistant.insight.models import (
    NOT_UNDERSTOOD,
    REVIEW_DISMISSED,
    REVIEW_LABELLED,
    REVIEW_NEW_TOPIC,
    REVIEW_STATUSES,
    InsightTurn,
    MessageFeedback,
    ReviewLabel,
)
from assistant.insight.scope import Scope
from assistant.knowledge.paths import DOMAIN_DIR, NLU_DATA_DIR
from assistant.privacy.redact import redact

NLU_DIR = NLU_DATA_DIR
EXPORT_FILE = "reviewed.yml"
MAX_EXAMPLE_CHARS = 300
MAX_ANSWER_CHARS = 400
# Intents an officer may choose besides the topics: what a question can be about, not form answers.
CORE_INTENTS = {
    "request_verlof": "Verlof aanvragen (formulier)",
    "check_melding": "Controleren of verzuim gemeld moet worden (formulier)",
    "request_human": "Vraagt om een medewerker",
    "safety_signal": "Signaal: een kind is misschien niet veilig",
    "out_of_scope": "Buiten het onderwerp leerplicht",
    "greet": "Groet",
    "goodbye": "Afscheid",
    "thank": "Bedankje",
    "bot_challenge": "Vraagt of de assistent een mens is",
}
REASONS = {
    "fallback": "Niet begrepen",
    "menu": "Niet zeker: onderwerpen voorgesteld",
    "down": "Beoordeeld als niet nuttig",
}

NOT_FOUND = "Deze vraag staat niet (meer) in de wachtrij."
UNKNOWN_INTENT = "Kies een onderwerp uit de lijst."
UNKNOWN_STATUS = "Kies: onderwerp toekennen, nieuw onderwerp nodig of overslaan."
EMPTY_EXAMPLE = "De voorbeeldvraag is leeg. Laat de vraag staan of typ een korte versie."
EXAMPLE_TOO_LONG = "De voorbeeldvraag is te lang (maximaal {max} tekens). Maak haar korter."


@dataclass(frozen=True)
class ReviewItem:
    turn_id: int
    day: date
    language: str
    reason: str
    question: str
    answer: str
    topic: str | None
    intent: str | None
    comments: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "turn_id": self.turn_id,
            "date": self.day.isoformat(),
            "language": self.language,
            "reason": self.reason,
            "reason_label": REASONS[self.reason],
            "question": self.question,
            "answer": self.answer,
            "topic": self.topic,
            "topic_label": labels.topic_label(self.topic) if self.topic else None,
            "intent": self.intent,
            "comments": self.comments,
        }


# --- which intents exist ----------------------------------------------------------------------------------------


@lru_cache
def domain_intents(directory: Path = DOMAIN_DIR) -> frozenset[str]:
    intents: set[str] = set()
    for path in directory.glob("*.yml"):
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        intents.update(str(i if isinstance(i, str) else next(iter(i))) for i in data.get("intents") or [])
    return frozenset(intents)


def intent_choices() -> list[tuple[str, str]]:
    """(intent, Dutch label) an officer may label with: every topic intent and a few core intents of the domain."""
    from assistant.knowledge.ids import TOPIC_IDS, intent_for_topic

    known = domain_intents()
    topics = sorted(
        ((intent_for_topic(t), labels.topic_label(t)) for t in TOPIC_IDS if intent_for_topic(t) in known),
        key=lambda item: item[1].casefold(),
    )
    return [*topics, *((i, label) for i, label in CORE_INTENTS.items() if i in known)]


# --- the queue --------------------------------------------------------------------------------------------------


def _visible(scope: Scope) -> Any:
    """Officers: their municipalities and the unknown ones; admins: all."""
    if scope.municipalities is None:
        return true()
    return or_(InsightTurn.municipality.in_(scope.municipalities), InsightTurn.municipality.is_(None))


def _first_answer() -> Any:
    bot = aliased(ChatMessage)
    return (
        select(bot.text)
        .where(
            bot.conversation_id == InsightTurn.conversation_id,
            bot.id > InsightTurn.user_message_id,
            bot.author == "bot",
        )
        .order_by(bot.id)
        .limit(1)
        .correlate(InsightTurn)
        .scalar_subquery()
    )


def _queue_query(scope: Scope) -> Any:
    return (
        select(InsightTurn, ChatMessage.text, _first_answer())
        .join(ChatMessage, ChatMessage.id == InsightTurn.user_message_id)
        .where(
            or_(InsightTurn.outcome.in_(NOT_UNDERSTOOD), InsightTurn.feedback_down > 0),
            _visible(scope),
            ~exists().where(ReviewLabel.turn_id == InsightTurn.id),
        )
    )


def review_queue(session: Session, scope: Scope, limit: int = 100) -> list[ReviewItem]:
    rows = session.execute(_queue_query(scope).order_by(InsightTurn.id.desc()).limit(limit)).all()
    comments: dict[int, list[str]] = defaultdict(list)
    turn_ids = [turn.id for turn, _q, _a in rows]
    if turn_ids:
        for turn_id, comment in session.execute(
            select(MessageFeedback.turn_id, MessageFeedback.comment)
            .where(MessageFeedback.turn_id.in_(turn_ids), MessageFeedback.comment.is_not(None))
            .order_by(MessageFeedback.id)
        ):
            comments[turn_id].append(comment)
    return [
        ReviewItem(
            turn.id,
            turn.day,
            turn.language,
            turn.outcome if turn.outcome in NOT_UNDERSTOOD else "down",
            question,
            (answer or "")[:MAX_ANSWER_CHARS],
            turn.topic,
            turn.intent,
            comments[turn.id],
        )
        for turn, question, answer in rows
    ]


# --- labelling --------------------------------------------------------------------------------------------------

_MARKUP = re.compile(r"[\[\]{}()]")  # Rasa reads [text](entity) and {...} in examples as annotations


def clean_example(text: str) -> str:
    """One line, redacted, without characters Rasa would read as entity annotations."""
    text = redact(" ".join(text.split())).text
    return " ".join(_MARKUP.sub(" ", text).split())


def label(
    session: Session,
    principal: Principal,
    scope: Scope,
    turn_id: int,
    status: str,
    intent: str | None = None,
    text: str | None = None,
    now: datetime | None = None,
) -> ReviewLabel:
    """Decide on a queue item. Raises Refused (404 not in the queue, 422 a wrong choice)."""
    if status not in REVIEW_STATUSES:
        raise Refused(422, UNKNOWN_STATUS)
    row = session.execute(_queue_query(scope).where(InsightTurn.id == turn_id)).first()
    if row is None:
        raise Refused(404, NOT_FOUND)
    turn, question, _answer = row
    example = None
    if status == REVIEW_LABELLED:
        if intent not in {i for i, _label in intent_choices()}:
            raise Refused(422, UNKNOWN_INTENT)
    else:
        intent = None
    if status in (REVIEW_LABELLED, REVIEW_NEW_TOPIC):
        raw = text if text is not None and text.strip() else question
        if len(raw) > MAX_EXAMPLE_CHARS * 4:
            raise Refused(422, EXAMPLE_TOO_LONG.format(max=MAX_EXAMPLE_CHARS))
        example = clean_example(raw)
        if not example:
            raise Refused(422, EMPTY_EXAMPLE)
        if len(example) > MAX_EXAMPLE_CHARS:
            raise Refused(422, EXAMPLE_TOO_LONG.format(max=MAX_EXAMPLE_CHARS))
    decision = ReviewLabel(
        turn_id=turn.id,
        status=status,
        intent=intent,
        text=example,
        language=turn.language,
        officer_id=principal.id,
        at=now or utcnow(),
    )
    session.add(decision)
    session.flush()
    audit.record(
        session,
        principal.actor,
        "review_labelled",
        "insight_turn",
        str(turn.id),
        {"status": status, "intent": intent, "language": turn.language},
    )
    return decision


def decided(session: Session, scope: Scope, limit: int = 200) -> list[dict[str, Any]]:
    """The latest decisions (labelled and new-topic items with their example), newest first."""
    rows = session.execute(
        select(ReviewLabel, InsightTurn.municipality)
        .join(InsightTurn, InsightTurn.id == ReviewLabel.turn_id)
        .where(_visible(scope), ReviewLabel.status != REVIEW_DISMISSED)
        .order_by(ReviewLabel.id.desc())
        .limit(limit)
    ).all()
    choices = dict(intent_choices())
    return [
        {
            "turn_id": item.turn_id,
            "status": item.status,
            "intent": item.intent,
            "intent_label": choices.get(item.intent or "", item.intent),
            "text": item.text,
            "language": item.language,
            "date": item.at.date().isoformat(),
        }
        for item, _m in rows
    ]


# --- export as Rasa NLU data ------------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def existing_examples(nlu_dir: Path = NLU_DIR, skip: str = EXPORT_FILE) -> set[str]:
    """Every example of the training data (normalised), except those of earlier exports."""
    found: set[str] = set()
    for path in nlu_dir.rglob("*.yml"):
        if path.name == skip:
            continue
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        for block in data.get("nlu") or []:
            examples = block.get("examples") if isinstance(block, dict) else None
            if isinstance(examples, str):
                found.update(
                    _normal(line.strip()[2:]) for line in examples.splitlines() if line.strip().startswith("- ")
                )
    return found


def nlu_yaml(examples: dict[str, list[str]], language: str) -> str:
    lines = [
        f"# Reviewed examples ({language}): questions the assistant did not understand, labelled by officers in",
        "# the back office. Written by `assistant nlu export-reviewed`; edit the labels there, not here.",
        'version: "3.1"',
        "",
        "nlu:",
    ]
    for intent in sorted(examples):
        lines += ["", f"  - intent: {intent}", "    examples: |"]
        lines += [f"      - {example}" for example in examples[intent]]
    return "\n".join(lines) + "\n"


@dataclass
class ExportResult:
    files: dict[str, Path] = field(default_factory=dict)
    examples: dict[str, int] = field(default_factory=dict)
    skipped: int = 0

    def summary(self) -> str:
        parts = [
            f"{language}: {count} examples -> {self.files[language]}"
            for language, count in sorted(self.examples.items())
        ]
        return "; ".join(parts or ["no labelled examples"]) + f" ({self.skipped} already in the training data)"


def export_reviewed(
    session: Session, out_dir: Path = NLU_DIR, languages: set[str] | None = None, nlu_dir: Path = NLU_DIR
) -> ExportResult:
    """Write every labelled example to `<out_dir>/<language>/reviewed.yml` (replacing earlier exports)."""
    known = domain_intents()
    already = existing_examples(nlu_dir)
    per_language: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    seen: set[str] = set()
    result = ExportResult()
    for item in session.scalars(
        select(ReviewLabel).where(ReviewLabel.status == REVIEW_LABELLED).order_by(ReviewLabel.id)
    ):
        if not item.intent or item.intent not in known or not item.text:
            continue
        if languages and item.language not in languages:
            continue
        key = _normal(item.text)
        if key in already or key in seen:
            result.skipped += key in already
            continue
        seen.add(key)
        per_language[item.language][item.intent].append(item.text)
    for language, examples in per_language.items():
        path = out_dir / language / EXPORT_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(nlu_yaml(examples, language), encoding="utf-8")
        result.files[language] = path
        result.examples[language] = sum(len(v) for v in examples.values())
    audit.record(
        session,
        audit.ACTOR_SYSTEM,
        "review_exported",
        "insight",
        None,
        {"examples": result.examples, "skipped": result.skipped},
    )
    return result
