"""The one result type of both rule engines: what a rule found, as a stable code, a severity, a translatable Dutch
message (`Message`: a `_()`-marked template and its values) and the citation ids it rests on.

- `blocking`: the law does not allow it as asked (verlof) or the school must act (a required melding);
- `warning`: it can go ahead, but something needs attention (guidance, a regional agreement);
- `info`: an explanation or a note; nothing stops it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.i18n import Message

Severity = Literal["blocking", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"blocking": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: Message
    citations: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The Dutch text."""
        return str(self.message)


def by_severity(findings: list[Finding] | tuple[Finding, ...]) -> tuple[Finding, ...]:
    """The findings, the most severe first (stable within a severity)."""
    return tuple(sorted(findings, key=lambda finding: SEVERITY_ORDER[finding.severity]))


def cited(findings: list[Finding] | tuple[Finding, ...]) -> list[str]:
    """The citation ids of the findings, in order."""
    return [citation for finding in findings for citation in finding.citations]
