"""Helpers of the verdict tests: a verdict for a message, and its first bubble as the asker sees it."""

from __future__ import annotations

from datetime import date

from assistant.i18n import Localiser
from assistant.knowledge.law_date import law_line
from assistant.situation import read_facts
from assistant.situation.verdict import Reply, situational_reply

TODAY = date(2026, 12, 6)


def reply(topic: str, text: str, language: str = "nl", *, may_ask: bool = True, today: date = TODAY) -> Reply:
    """The verdict of `topic` for the facts of `text` (asserted to exist)."""
    found = situational_reply(topic, read_facts(text, language, today=today), today, may_ask=may_ask)
    assert found is not None, text
    return found


def first_bubble(found: Reply, language: str = "nl", *, today: date = TODAY) -> str:
    """The verdict's lines and its law line (as asked on `today`), in `language`."""
    loc = Localiser(language)
    text = " ".join(loc(line) for line in found.lines)
    return text + ("\n\n" + loc(law_line(found.law_date, today)) if found.law_date else "")
