"""Legal rules as pure functions over the numbers in `knowledge/rules/`; every decision carries its citation ids and
says what it found as `Finding`s (code, severity, message, citations)."""

from __future__ import annotations

from assistant.rules.finding import Finding
from assistant.rules.melding import MeldingDecision, MeldingFacts, evaluate_melding
from assistant.rules.verlof import VerlofDecision, VerlofFacts, evaluate_verlof

__all__ = [
    "Finding",
    "MeldingDecision",
    "MeldingFacts",
    "VerlofDecision",
    "VerlofFacts",
    "evaluate_melding",
    "evaluate_verlof",
]
