"""Verlof request tests: a fixed "today", a valid request body, and the back-office sign-in helper."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from tests.conftest import override_today
from tests.http.routes.conftest import sign_in  # noqa: F401 - the fixture, for the back-office tests here

TODAY = date(2026, 1, 12)  # a Monday, eight weeks before 9 March 2026


@pytest.fixture(autouse=True)
def fixed_today(request: pytest.FixtureRequest, today_is: Callable[[date], date]) -> date:
    """TODAY for the routes (a dependency override on the app, when the test has one) and for the chat form."""
    if "app" in request.fixturenames:
        override_today(request.getfixturevalue("app"), TODAY)
    return today_is(TODAY)


def body(**changes: Any) -> dict[str, Any]:
    """A valid vacation leave request: 9-13 March 2026 (5 school days) at De Borgh, Hengelo."""
    data: dict[str, Any] = {
        "kind": "vakantie",
        "start_date": "2026-03-09",
        "end_date": "2026-03-13",
        "child_name": "Sara Jansen",
        "child_class": "groep 5",
        "school_id": "hengelo-de-borgh",
        "home_municipality": "Hengelo",
        "reason": "Ik werk in de horeca en kan in de zomer geen vrij krijgen.",
        "employer_statement": True,
        "email": "ouder@voorbeeld.nl",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
