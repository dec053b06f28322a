"""Facts for the DUO verzuimmelding check, read from what a school administrator types (pure, no I/O).

Three pure functions serve the `melding_form` walk-through (`actions/melding.py`):

- `parse_melding_text(text, expected)`: every fact a Dutch message states, e.g. "een leerling van 14 heeft de
  afgelopen 3 weken 18 uur gespijbeld" gives age 14, 18 hours (within the last four lesweken) and kind
  "ongeoorloofd", and tells that the pupil was not absent more than four weeks in a row. Numbers may be digits or
  words ("veertien", "tweeëntwintig", "anderhalf"). `expected` is the question that was asked: a bare answer ("14",
  "ja", "vo", "weet ik niet") is read as the answer to it. "Weet ik niet" gives `UNKNOWN`.
- `next_questions(known)`: which facts the answer still depends on, in the order they are asked.
- `build_facts(known)`: the `MeldingFacts` for `evaluate_melding`, with unknown answers replaced by the cautious
  assumption (the one under which the school must report) and a Dutch note per assumption saying what to check
  (template and values; a value that is itself a text is a `Message`, translated with it).

Keys: school_type, age, startkwalificatie, kind, hours, weeks, late_count, suspected, municipality.
"""

from __future__ import annotations

from assistant.melding_facts.build import age_band, build_facts, next_questions
from assistant.melding_facts.parse import KINDS, MORE_THAN_FOUR, QUESTION_ORDER, UNKNOWN, parse_melding_text, to_number

__all__ = [
    "KINDS",
    "MORE_THAN_FOUR",
    "QUESTION_ORDER",
    "UNKNOWN",
    "age_band",
    "build_facts",
    "next_questions",
    "parse_melding_text",
    "to_number",
]
