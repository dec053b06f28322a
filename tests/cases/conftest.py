"""A migrated database for the storage tests: SQLite, and PostgreSQL where reachable (`any_database_url`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.db import session
from assistant.settings import get_settings
from tests.http.routes.conftest import sign_in  # noqa: F401 - the fixture, for the e-mail notice


def _reset() -> None:
    get_settings.cache_clear()
    session.get_engine.cache_clear()
    session.get_sessionmaker.cache_clear()


@pytest.fixture
def db(monkeypatch: pytest.MonkeyPatch, any_database_url: str) -> Iterator[str]:
    monkeypatch.setenv("APP_ENV", "test")
    monkeypatch.setenv("DATABASE_URL", any_database_url)
    monkeypatch.setenv("LOG_JSON", "false")
    _reset()
    yield any_database_url
    session.get_engine().dispose()
    _reset()
