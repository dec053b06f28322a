"""Legal rules as pure functions over the numbers in `knowledge/rules/`; every decision carries its citation ids."""

from __future__ import annotations

from assistant.rules.melding import MeldingDecision, MeldingFacts, evaluate_melding
from assistant.rules.verlof import (
    Note,
    Problem,
    VerlofDecision,
    VerlofFacts,
    evaluate_verlof,
)

__all__ = [
    "MeldingDecision",
    "MeldingFacts",
    "Note",
    "Problem",
    "VerlofDecision",
    "VerlofFacts",
    "evaluate_melding",
    "evaluate_verlof",
]
