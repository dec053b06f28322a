"""The line every rule-based answer carries: which day's law it applied (issue: the law as it holds on the day).

The rules are evaluated with the law of the day asked (a leave in October next year: the law of that October). The
line names that day only when it matters: a day that has come, or a later day on which some dated parameter holds a
value other than today's (a change of law in between). A later day without a change is named as today: the law
applied is the law as it holds now, and "de wet zoals die geldt op 1 juni 2027" would read as a claim to know the
law of a day still to come (`law_line`).
"""

from __future__ import annotations

from datetime import date

from assistant.i18n import Message, _
from assistant.knowledge.parameters import LegalParameters, params

LAW_ON = _("Dit is de wet zoals die geldt op {date}.")


def law_on(day: date) -> Message:
    """ "Dit is de wet zoals die geldt op 5 december 2026." as a translatable message."""
    return Message(LAW_ON, {"date": day})


def shown_law_day(day: date, today: date, law: LegalParameters | None = None) -> date:
    """The day the law line names for an answer that applied the law of `day` (`law`: the parameters of that day,
    default the repository's): `day` when it has come or when a parameter changes after `today` up to `day`, else
    `today` (the same law)."""
    if day <= today:
        return day
    law = law if law is not None else params(day)
    return day if any(parameter.valid_from > today for parameter in law.all()) else today


def law_line(day: date, today: date, law: LegalParameters | None = None) -> Message:
    """The law line of an answer that applied the law of `day`, asked on `today` (see the module)."""
    return law_on(shown_law_day(day, today, law))
