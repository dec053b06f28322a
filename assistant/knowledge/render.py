"""Turn a topic (and optionally one event variant) into a chat message: text, citations and buttons."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.knowledge.ids import intent_for_topic
from assistant.knowledge.knowledge_base import KnowledgeBase
from assistant.knowledge.loader import get_knowledge_base
from assistant.knowledge.models import Citation, Topic

STEPS_HEADING = "Wat kunt u doen?"
DETAILS_HEADING = "Goed om te weten:"
BULLET = "• "


@dataclass(frozen=True)
class RenderedAnswer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (title, payload)


def _bullets(heading: str, items: tuple[str, ...]) -> str:
    return "\n".join([heading, *(f"{BULLET}{item}" for item in items)])


def render_answer(topic: Topic, variant: str | None = None, *, kb: KnowledgeBase | None = None) -> RenderedAnswer:
    """The answer for `topic`: direct answer first, then what to do, then details.

    With a `variant` the topic has (a gebeurtenis such as "huwelijk"), the variant's short answer, steps and details
    replace the general ones where it gives them, and its citations come first. An unknown variant is ignored.
    """
    kb = kb or get_knowledge_base()
    chosen = topic.variants.get(variant) if variant else None
    short, steps, details = topic.answer.short, topic.answer.steps, topic.answer.details
    citation_ids = list(topic.citations)
    if chosen is not None:
        short = chosen.short or short
        steps = chosen.steps or steps
        details = chosen.details or details
        citation_ids = [*chosen.citations, *citation_ids]
    parts = [short.strip()]
    if steps:
        parts.append(_bullets(STEPS_HEADING, steps))
    if details:
        parts.append(_bullets(DETAILS_HEADING, details))
    buttons = [
        (kb.topic(related).title, f"/{intent_for_topic(related)}") for related in topic.related if kb.has_topic(related)
    ]
    return RenderedAnswer(text="\n\n".join(parts), citations=kb.citations(citation_ids), buttons=buttons)
