"""What one evaluation collects: its problems and notes (`Finding`s) and whether it needs an assessment this
code cannot make."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.i18n import Message
from assistant.rules.finding import Finding, Severity
from assistant.rules.verlof.model import ProblemCode


@dataclass
class Outcome:
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    assessment_needed: bool = False

    def problem(
        self,
        code: ProblemCode,
        severity: Severity,
        template: str,
        citations: tuple[str, ...] | list[str],
        **values: Any,
    ) -> None:
        self.problems.append(Finding(code, severity, Message(template, values), tuple(citations)))

    def note(self, code: str, template: str, citations: tuple[str, ...] | list[str] = (), **values: Any) -> None:
        self.notes.append(Finding(code, "info", Message(template, values), tuple(citations)))
