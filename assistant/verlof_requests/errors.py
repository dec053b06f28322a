"""Why a verlof request is refused, not found or cannot be decided."""

from __future__ import annotations

from typing import Any

from assistant.i18n import translate


class RequestRefused(ValueError):
    """The request cannot be stored as it is: `field` is wrong for `code`; `template`/`values` say why (Dutch).
    `by_rule`: the law does not allow it (a blocking rule problem), rather than a field being wrong."""

    by_rule = False

    def __init__(self, field: str, code: str, template: str, citations: tuple[str, ...] = (), **values: Any) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code
        self.template = template
        self.values = values
        self.citations = citations

    def message(self, language: str | None = "nl") -> str:
        return translate(self.template, language, **self.values)


class RequestNotFound(LookupError):
    pass


class DecisionError(ValueError):
    def __init__(self, message: str, status_code: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
