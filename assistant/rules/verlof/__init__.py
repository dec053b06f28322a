"""Verlof rules (Leerplichtwet 1969 art. 11, 13, 13a, 14): pure functions over the lists in
`knowledge/rules/verlof.yml`, the school calendar and the regional table (`assistant.knowledge.get_regions`: which
municipality's leerplichtambtenaar serves the pupil's municipality).

`evaluate_verlof(facts, on)` answers, for one request: how many school days it covers, who decides, which problems
there are (each a `Finding`: a stable code, a Dutch B1 message, a severity and citation ids) and whether the law
allows it.

- `allowed` is False when a blocking problem stops the request (the law does not allow it as asked);
  True when it fits the legal rules as far as they can be checked (for art. 13a and 14 the directeur or the
  leerplichtambtenaar still decides, see `decided_by`; art. 13 needs no permission);
  None when it depends on an assessment this function cannot make (no school days in the period, a reason that
  usually does not count, or no reason given for art. 14).
- "This school year" in `prior_days_this_school_year` and `prior_vakantie_this_school_year` is `prior_school_year`,
  by default the school year of `requested_on`. Those counts only apply when the leave falls in that same school
  year: leave used in 2025-2026 never blocks a request for 2026-2027.
- Guidance (richtlijn) only ever produces warnings or notes, never a refusal.

Messages are Dutch source texts marked with `_()` (`texts.py`); a finding's message keeps its template and values
so the API and the chat can translate. Values that are texts from `knowledge/rules/verlof.yml` (an event's label and
guidance, why a reason does not count), holiday names from `knowledge/calendar/` and the vakantieregio are
`Message`s and dates are `date`s, so they are translated and written in the reader's language too.
"""

from assistant.rules.verlof.evaluate import evaluate_verlof, last_day_to_ask
from assistant.rules.verlof.model import (
    KINDS,
    DecidedBy,
    Kind,
    VerlofDecision,
    VerlofFacts,
    VerlofRules,
    days_against_guidance,
    event_abroad_guidance,
    event_abroad_max_days,
    event_guidance,
    event_guidance_max_days,
    event_guidance_min_days,
    event_parameter,
    get_rules,
)
from assistant.rules.verlof.texts import NO_SCHOOL_DAYS, VAKANTIE_AFTERWARDS, region_name

__all__ = [
    "KINDS",
    "NO_SCHOOL_DAYS",
    "VAKANTIE_AFTERWARDS",
    "DecidedBy",
    "Kind",
    "VerlofDecision",
    "VerlofFacts",
    "VerlofRules",
    "days_against_guidance",
    "evaluate_verlof",
    "event_abroad_guidance",
    "event_abroad_max_days",
    "event_guidance",
    "event_guidance_max_days",
    "event_guidance_min_days",
    "event_parameter",
    "get_rules",
    "last_day_to_ask",
    "region_name",
]
