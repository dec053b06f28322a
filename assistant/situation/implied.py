"""Topics a message's facts point to by themselves, for a question the classifier cannot place.

A birth date asks when the child's leerplicht starts and ends (`leerplicht_leeftijd`); a pupil of 18 or older with a
school type and a time away asks about the reporting duty for 18-plus pupils (`verzuim_18plus`, WEB 9.2.1). These are
candidates only: the action answers one when its verdict for the facts is an answer (not a question), as it does for
the classifier's own guesses. Pure: no Rasa.
"""

from __future__ import annotations

from datetime import date

from assistant.situation.absence import adult, weeks_away
from assistant.situation.facts import Facts

BIRTH_DATE_TOPIC = "leerplicht_leeftijd"
ADULT_ABSENCE_TOPIC = "verzuim_18plus"


def implied_topics(facts: Facts, on: date) -> tuple[str, ...]:
    """The topics `facts` point to on `on`, most specific first (see the module)."""
    topics: list[str] = []
    if facts.birth_date is not None:
        topics.append(BIRTH_DATE_TOPIC)
    if adult(facts, on) and weeks_away(facts) is not None:
        topics.append(ADULT_ABSENCE_TOPIC)
    return tuple(topics)
