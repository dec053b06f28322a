"""Request and response parts shared by several routes."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticCustomError

from assistant.calendar import get_calendar
from assistant.knowledge.models import Citation
from assistant.rules.verlof import get_rules

__all__ = ["RETRY_AFTER", "Citation", "ErrorResponse", "document_known_values", "error_responses", "iso_date_text"]


class ErrorResponse(BaseModel):
    detail: str


RETRY_AFTER = {
    "Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer", "minimum": 1}}
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these status codes, each with the `{"detail"}` body."""
    return {code: {"model": ErrorResponse} for code in codes}


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date_text(value: Any) -> Any:
    """A date as the schema says: the text YYYY-MM-DD (pydantic alone would also take a number of seconds or a date
    with a time of day). A `date` object passes (callers inside the app)."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise PydanticCustomError("date_parsing", "not a date (YYYY-MM-DD)")


def document_known_values(schema: dict[str, Any]) -> None:
    """The municipalities and categories the validators accept, in the JSON schema (OpenAPI) as enums. Dates are
    checked against the school calendar the app knows (`known_from`..`known_until`), which a JSON schema cannot
    state: a date outside it answers 422 with the range."""
    properties = schema.get("properties", {})
    for name in ("municipality", "home_municipality"):
        if name in properties:
            properties[name]["enum"] = list(get_calendar().municipalities)
    category = properties.get("category", {})
    for option in category.get("anyOf", [category]):
        if option.get("type") == "string":
            option["enum"] = list(get_rules().categories)
