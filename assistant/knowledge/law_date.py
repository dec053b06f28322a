"""The line every rule-based answer carries: which day's law it applied (issue: the law as it holds on the day)."""

from __future__ import annotations

from datetime import date

from assistant.i18n import Message, _

LAW_ON = _("Dit is de wet zoals die geldt op {date}.")


def law_on(day: date) -> Message:
    """ "Dit is de wet zoals die geldt op 5 december 2026." as a translatable message."""
    return Message(LAW_ON, {"date": day})
