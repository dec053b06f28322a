"""Answers that fit the asker's situation (issue 15): the facts of a message, who is asking, and the verdict the
rules compute for that case, or the one question whose answer changes it. Pure: no Rasa, no database.

Public interface: `read_facts`, `Facts`, `FactProblem`, `read_role`, `situational_reply`, `Reply`, `Choice`.
"""

from assistant.situation.facts import FactProblem, Facts
from assistant.situation.reading import read_facts, says_unknown
from assistant.situation.role import read_role

__all__ = ["FactProblem", "Facts", "read_facts", "read_role", "says_unknown"]
