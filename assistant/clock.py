"""Today's date where the assistant works (Europe/Amsterdam). The one clock: routes take it as the `Today`
dependency, actions call `today()`; tests replace it (dependency override, or monkeypatching this function)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def today() -> date:
    try:
        return datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    except ZoneInfoNotFoundError:  # no tz database on this machine
        return date.today()
