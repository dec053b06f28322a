"""Today's date where the assistant works (Europe/Amsterdam). The one clock.

HTTP routes take it as the `Today` dependency (`assistant.http.deps`), which tests replace through
`app.dependency_overrides[get_today]`; actions and services call `today()`, which tests fix with
`with fixed_today(day): ...` (the `today_is` fixture).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_fixed_day: date | None = None


def today() -> date:
    if _fixed_day is not None:
        return _fixed_day
    try:
        return datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    except ZoneInfoNotFoundError:  # no tz database on this machine
        return date.today()


@contextmanager
def fixed_today(day: date) -> Iterator[date]:
    """Inside the block, `today()` is `day` (for tests and for replaying a day's conversations)."""
    global _fixed_day
    before, _fixed_day = _fixed_day, day
    try:
        yield day
    finally:
        _fixed_day = before
