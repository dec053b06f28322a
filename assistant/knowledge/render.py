"""Turn a topic (and optionally one event variant) into a chat message: text, citations and buttons.

Every piece (short answer, steps, details, headings, button titles) is translated on its own from the Babel
catalogs, with the Dutch topic text as the message id. A piece without a reviewed translation stays Dutch, and the
message then starts with a short notice in the user's language (`assistant.i18n.Localiser`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assistant.clock import today
from assistant.i18n import Localiser, _
from assistant.knowledge.ids import intent_for_topic
from assistant.knowledge.knowledge_base import KnowledgeBase
from assistant.knowledge.law_date import law_line
from assistant.knowledge.loader import get_knowledge_base
from assistant.knowledge.models import Citation, Topic
from assistant.knowledge.placeholders import render as render_numbers

STEPS_HEADING = _("Wat kunt u doen?")
DETAILS_HEADING = _("Goed om te weten:")
BULLET = "• "


@dataclass(frozen=True)
class RenderedAnswer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (title, payload)
    language: str = "nl"
    complete: bool = True  # False when a piece had no reviewed translation and stayed Dutch
    short: str = ""  # the direct answer alone, translated (no notice): the first bubble when the answer is split
    more: str = ""  # the steps and details, translated (no notice): behind "Meer uitleg"
    audience: str | None = None  # the audience whose text of the topic this is (`Topic.audiences`); None: the general


def _bullets(heading: str, items: tuple[str, ...]) -> str:
    return "\n".join([heading, *(f"{BULLET}{item}" for item in items)])


def render_answer(
    topic: Topic,
    variant: str | None = None,
    *,
    audience: str | None = None,
    brief: bool = False,
    kb: KnowledgeBase | None = None,
    language: str = "nl",
    on: date | None = None,
) -> RenderedAnswer:
    """The answer for `topic` in `language`: direct answer first, then what to do, then details.

    With a `variant` the topic has (a gebeurtenis such as "huwelijk"), the variant's short answer, steps and details
    replace the general ones where it gives them, and its citations come first. An unknown variant is ignored.
    With an `audience` the topic has a text for (`school`), that text replaces the general answer whole (short answer,
    steps and details; a variant does not apply to it) and only its own citations are shown; for an audience the topic
    has no text for, the general answer is given. `brief` (an answer inside a form, whose question must stay in
    view): the short answer alone, no steps, details or related topics.
    Citations are not translated (law names and article numbers stay Dutch, as the sources are). The answer ends
    with the day whose law it states (`on`, default today): the topics describe the law as it holds now, and every
    legal number in them is a placeholder (`{verlof.vakantie_max_school_days}`) rendered with its value on that day.
    """
    kb = kb or get_knowledge_base()
    loc = Localiser(language)
    day = on or today()

    def piece(text: str) -> str:
        return render_numbers(loc(text), day, loc.language, parameters=kb.parameters)

    own = topic.audience_text(audience)
    chosen = topic.variants.get(variant) if variant and own is None else None
    short, steps, details = topic.answer.short, topic.answer.steps, topic.answer.details
    citation_ids = list(topic.citations)
    if own is not None:
        short, steps, details, citation_ids = own.short, own.steps, own.details, list(own.citations)
    if chosen is not None:
        short = chosen.short or short
        steps = chosen.steps or steps
        details = chosen.details or details
        citation_ids = [*chosen.citations, *citation_ids]
    if brief:
        steps, details = (), ()
    parts = [piece(short)]
    if steps:
        parts.append(_bullets(loc(STEPS_HEADING), tuple(map(piece, steps))))
    if details:
        parts.append(_bullets(loc(DETAILS_HEADING), tuple(map(piece, details))))
    parts.append(loc(law_line(day, today(), kb.parameters.on(day) if kb.parameters is not None else None)))
    buttons = [
        (piece(kb.topic(related).title), f"/{intent_for_topic(related)}")
        for related in topic.related
        if kb.has_topic(related) and not brief
    ]
    return RenderedAnswer(
        text=loc.finish("\n\n".join(parts)),
        citations=kb.resolve(citation_ids),
        buttons=buttons,
        language=loc.language,
        complete=loc.complete,
        short=parts[0],
        more="\n\n".join(parts[1:]),
        audience=audience if own is not None else None,
    )
