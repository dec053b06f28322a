"""Shared fixtures: a migrated database (SQLite, and PostgreSQL where reachable), a fake Rasa, the app, the clock."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from assistant import clock
from assistant.db import migrate, session
from assistant.http.deps import get_today
from assistant.settings import Settings, get_settings

GATEWAY_TOKEN = "test-gateway-token"
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
POSTGRES_SCHEMA = f"lpa_test_{os.getpid()}"


def _reset_caches() -> None:
    get_settings.cache_clear()
    session.get_engine.cache_clear()
    session.get_sessionmaker.cache_clear()


def postgres_unreachable_reason() -> str | None:
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # any failure means: no server we can use
        return f"PostgreSQL not reachable at {POSTGRES_URL}: {type(error).__name__}"
    return None


def _postgres_schema_url() -> str:
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{POSTGRES_SCHEMA}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{POSTGRES_SCHEMA}"'))
    engine.dispose()
    return f"{POSTGRES_URL}?options=-csearch_path%3D{POSTGRES_SCHEMA}"


def _drop_postgres_schema() -> None:
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{POSTGRES_SCHEMA}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A fresh, migrated database: once on SQLite and once on PostgreSQL (skipped with a reason if unreachable)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'app.db'}"
        migrate.upgrade(url)
        yield url
        return
    reason = postgres_unreachable_reason()
    if reason:
        pytest.skip(reason)
    url = _postgres_schema_url()
    migrate.upgrade(url)
    yield url
    _drop_postgres_schema()


@pytest.fixture
def database_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    migrate.upgrade(url)
    return url


@pytest.fixture
def configured(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[Settings]:
    """Settings for a test: a migrated SQLite database and a known gateway token."""
    monkeypatch.setenv("APP_ENV", "test")
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("GATEWAY_TOKEN", GATEWAY_TOKEN)
    monkeypatch.setenv("LOG_JSON", "false")
    # The app under test serves Rasa's actions itself (one process); tests/test_action_server.py and the
    # health tests cover the action server of its own.
    monkeypatch.setenv("ACTION_SERVER_PORT", "8000")
    # Many tests submit several leave requests or look one up repeatedly from the one test client; the limits are
    # tested in tests/http/test_rate_limits.py.
    monkeypatch.setenv("VERLOF_REQUEST_RATE_LIMIT", "1000/minute")
    monkeypatch.setenv("VERLOF_STATUS_RATE_LIMIT", "1000/minute")
    _reset_caches()
    yield get_settings()
    session.get_engine().dispose()
    _reset_caches()


def case_opened_reply(info: Any, text: str, intent: dict[str, Any] | None = None) -> dict[str, Any]:
    """Rasa's reply for a turn in which `action_create_case` opened a case: the handoff in the message's custom
    payload, as the action puts it there (the gateway looks the case up only then)."""
    return {"messages": [{"text": text, "custom": {"handoff": info.as_dict()}}], "intent": intent}


@dataclass
class FakeRasa:
    """Stands in for Rasa's gateway channel: records what it received and answers with `reply`."""

    reply: Callable[[dict[str, Any]], dict[str, Any]] = field(
        default=lambda body: {
            "messages": [
                {
                    "text": f"Antwoord op: {body['message']}",
                    "buttons": [],
                    "custom": {
                        "citations": [
                            {
                                "ref": "Leerplichtwet 1969, artikel 13a",
                                "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a",
                            }
                        ]
                    },
                }
            ],
            "intent": {"name": "ask_verlof_vakantie", "confidence": 0.93},
        }
    )
    model_loaded: bool = True
    down: bool = False
    # What the real channel answers when something behind Rasa fails (rasa_plugins/turn_faults.py): None, or
    # "tracker_store" / "action_server": the turn is refused with 503 and this reason.
    refuse_turns: str | None = None
    tracker_store_writable: bool = True
    received: list[dict[str, Any]] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if request.headers.get("X-Gateway-Token") != GATEWAY_TOKEN:
            return httpx.Response(401, json={"error": "unauthorised"})
        if request.method == "GET":
            ready = self.model_loaded and self.tracker_store_writable
            return httpx.Response(
                200 if ready else 503,
                json={
                    "model_id": "test-model" if self.model_loaded else None,
                    "tracker_store": "ok" if self.tracker_store_writable else "unavailable",
                },
            )
        body = json.loads(request.content)
        self.received.append(body)
        if self.refuse_turns:
            return httpx.Response(503, json={"error": f"{self.refuse_turns} unavailable", "reason": self.refuse_turns})
        return httpx.Response(200, json=self.reply(body))

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)


@pytest.fixture
def fake_rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def app(configured: Settings, fake_rasa: FakeRasa) -> FastAPI:
    from assistant.app import create_app

    return create_app(configured, rasa_transport=fake_rasa.transport)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


# --- the clock ---------------------------------------------------------------------------------------------------


@pytest.fixture
def today_is() -> Iterator[Callable[[date], date]]:
    """Fix the assistant's clock for actions and services: `today_is(date(2026, 1, 12))` (until the test ends)."""
    with ExitStack() as stack:
        yield lambda day: stack.enter_context(clock.fixed_today(day))


def override_today(app: FastAPI, day: date) -> None:
    """The HTTP routes' `Today` of this app is `day` (a dependency override)."""
    app.dependency_overrides[get_today] = lambda: day
