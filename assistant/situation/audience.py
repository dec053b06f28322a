"""Whose text of a topic the asker gets: a topic's answer is written for parents, and some topics also have a text for
school staff or for the young person themselves (`audiences: {school: …, young: …}` in `knowledge/topics/<id>.yml`).
School staff (`Facts.role == "school"`) and young people (`"young"`, addressed as "je") get their text wherever the
topic's text is given: as the answer when no verdict takes the turn, behind "Meer uitleg" after a verdict. A parent,
and anyone whose role has no text of its own in the topic, get the general text; an asker who did not say who they
are also gets, in a topic with a school text, the button "Ik vraag dit als school", whose answer is the school text.

Pure: the role comes from the facts (`assistant.situation.role`), the audiences from the topic.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from assistant.situation.facts import Facts
from assistant.situation.reading import read_facts
from assistant.situation.verdict import Choice, Reply, role_choice, situational_reply

# the role whose own text a topic may have (`Topic.audiences`); the other roles read the general text
AUDIENCE_OF_ROLE = {"school": "school", "young": "young"}


def audience_for(facts: Facts | None, audiences: Collection[str]) -> str | None:
    """The audience whose text to give the asker of `facts`: their role's, when the topic has a text for it (of
    `audiences`, the topic's); None for the general text."""
    audience = AUDIENCE_OF_ROLE.get(facts.role or "") if facts is not None else None
    return audience if audience in audiences else None


def audience_choices(topic: str, facts: Facts | None, audiences: Collection[str]) -> tuple[Choice, ...]:
    """The button "Ik vraag dit als school" (carrying every fact known) when the asker did not say who they are and
    the topic has a text for school staff; nothing otherwise."""
    if "school" not in audiences:
        return ()
    return role_choice(topic, facts if facts is not None else Facts())


def audience_turn(
    topic: str, audiences: Collection[str], facts: Facts | None, reply: Reply | None, brief: bool = False
) -> tuple[str | None, tuple[Choice, ...]]:
    """For the answer of `topic` (with `audiences`, the topic's) to the asker of `facts`: whose text to give
    (`audience_for`), and the buttons before the related topics: the verdict's choices, or without a verdict the
    school button (`audience_choices`; none inside a form, `brief`)."""
    audience = audience_for(facts, audiences)
    if reply is not None:
        return audience, reply.choices
    return audience, () if brief else audience_choices(topic, facts, audiences)


# Rasa responses (`domain/*.yml`) written for a private person whose topic has a verdict for school staff: a school
# that reports a sign of violence at home gets its own steps (the colleague for pupil care and the school's meldcode,
# then Veilig Thuis), not the text for a worried parent or neighbour.
RESPONSE_TOPICS = {"utter_safety_signal": "veiligheid"}


def school_response(response: str, text: str, language: str, on: date) -> Reply | None:
    """The school staff's verdict that replaces the Rasa response `response` when `text` (the message it answers)
    is written by school staff; None for anyone else or any other response."""
    topic = RESPONSE_TOPICS.get(response)
    if topic is None or not text:
        return None
    facts = read_facts(text, language, today=on)
    if facts.role != "school":
        return None
    reply = situational_reply(topic, facts, on, may_ask=False)
    return reply if reply is not None and not reply.is_question else None
