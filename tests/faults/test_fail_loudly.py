"""Faults that used to pass silently or as a 500 now answer 503 with Retry-After, and nothing the user typed is lost.

- Rasa's tracker store cannot be written, or the action server cannot be reached: Rasa's gateway channel refuses
  the turn (503 with a reason; tests/rasa_plugins/test_turn_faults.py runs the channel itself against a read-only
  tracker store and a closed action-server port); here the fake Rasa answers as that channel does.
- The application database is read-only (SQLite's `query_only`, which answers every write as a read-only file does;
  PostgreSQL's `default_transaction_read_only`) or full (SQLite's `max_page_count`: "database or disk is full", the
  error a full disk gives; and, where the test may mount one, a real full tmpfs).

Each time: 503, `Retry-After`, a friendly text in the user's language, the connection kept open, `/health` says
which part is down, and a retry with the same `client_message_id` stores the message once.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select

from assistant.db import migrate
from assistant.db import session as db_session
from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope
from assistant.settings import Settings, get_settings
from tests.conftest import (
    GATEWAY_TOKEN,
    _drop_postgres_schema,
    _postgres_schema_url,
    override_today,
    postgres_unreachable_reason,
)
from tests.verlof_requests.conftest import TODAY, body

FRIENDLY = {"nl": "Er is even een storing aan onze kant.", "en": "Something is briefly wrong on our side."}
RASA_DOWN = "De assistent is even niet bereikbaar. Uw bericht is bewaard"


def say(
    client, sender_id: str, message: str = "Mag mijn zoon een dag vrij?", client_message_id: str = "m-1", **headers: str
):
    return client.post(
        "/api/chat",
        headers=headers,
        json={"sender_id": sender_id, "message": message, "client_message_id": client_message_id},
    )


def turns(sender_id: str) -> list[tuple[str, str]]:
    with session_scope() as session:
        return [
            (m.author, m.text)
            for m in session.scalars(
                select(ChatMessage)
                .join(Conversation)
                .where(Conversation.sender_id == sender_id)
                .order_by(ChatMessage.id)
            )
        ]


def assert_503(response: httpx.Response, starts: str = FRIENDLY["nl"]) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"] == "30"
    assert response.json()["detail"].startswith(starts)


class Pragmas:
    """PRAGMAs every new SQLite connection of the app's engine runs, switched on and off by the test."""

    def __init__(self) -> None:
        self.statements: list[str] = []
        engine = db_session.get_engine()
        event.listen(engine, "connect", self._apply)
        self._engine = engine

    def _apply(self, dbapi_connection, _record) -> None:
        for statement in self.statements:
            dbapi_connection.execute(statement)

    def set(self, *statements: str) -> None:
        self.statements = list(statements)
        self._engine.dispose()  # connections in the pool were opened before: open new ones


@pytest.fixture
def pragmas(client) -> Iterator[Pragmas]:
    found = Pragmas()
    yield found
    found.set()


# --- Rasa's side: the tracker store and the action server ---------------------------------------------------------


@pytest.mark.parametrize("reason", ["tracker_store", "action_server"])
def test_a_turn_rasa_refuses_is_a_503_and_the_retry_stores_it_once(app, client, fake_rasa, reason):
    fake_rasa.refuse_turns = reason
    refused = say(client, f"fault-{reason}")
    assert_503(refused, RASA_DOWN)
    assert turns(f"fault-{reason}") == [("user", "Mag mijn zoon een dag vrij?")]  # kept, not answered

    fake_rasa.refuse_turns = None
    app.state.chat_service.answer_deadline_seconds = 0  # the page retries after Retry-After
    answered = say(client, f"fault-{reason}")
    assert answered.status_code == 200
    assert turns(f"fault-{reason}") == [
        ("user", "Mag mijn zoon een dag vrij?"),
        ("bot", "Antwoord op: Mag mijn zoon een dag vrij?"),
    ]


def test_an_unwritable_tracker_store_fails_health(client, fake_rasa):
    fake_rasa.tracker_store_writable = False
    health = client.get("/health")
    assert health.status_code == 503 and health.json()["checks"]["tracker_store"] == "unavailable"


def test_an_action_server_that_refuses_connections_fails_health(configured, fake_rasa):
    from assistant.app import create_app

    with socket.socket() as closed:  # bound, not listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        settings = configured.model_copy(update={"action_server_port": closed.getsockname()[1]})
        with TestClient(create_app(settings, rasa_transport=fake_rasa.transport)) as client:
            health = client.get("/health")
    assert health.status_code == 503 and health.json()["checks"]["action_server"] == "unavailable"


# --- the application database ------------------------------------------------------------------------------------


def test_a_read_only_database_is_a_503_and_asks_rasa_nothing(client, fake_rasa, pragmas, monkeypatch):
    override_today(client.app, TODAY)
    pragmas.set("PRAGMA query_only=1")
    assert_503(say(client, "fault-ro"))
    assert_503(say(client, "fault-ro-en", **{"Accept-Language": "en"}), FRIENDLY["en"])
    assert fake_rasa.received == []
    health = client.get("/health")
    assert health.status_code == 503 and health.json()["checks"]["database"] == "unavailable"
    assert_503(client.post("/api/verlof/requests", json=body()))

    pragmas.set()  # writable again: the page's retry (same id) is stored once and answered
    assert say(client, "fault-ro").status_code == 200
    assert turns("fault-ro") == [
        ("user", "Mag mijn zoon een dag vrij?"),
        ("bot", "Antwoord op: Mag mijn zoon een dag vrij?"),
    ]
    assert client.get("/health").status_code == 200


def test_read_only_after_rasa_answered_keeps_the_user_turn(app, client, fake_rasa, pragmas):
    answer = fake_rasa.reply

    def answer_then_fail(body):
        pragmas.set("PRAGMA query_only=1")  # between the two writes of the turn
        return answer(body)

    fake_rasa.reply = answer_then_fail
    assert_503(say(client, "fault-ro-2"))
    pragmas.set()
    assert turns("fault-ro-2") == [("user", "Mag mijn zoon een dag vrij?")]

    fake_rasa.reply = answer
    app.state.chat_service.answer_deadline_seconds = 0
    assert say(client, "fault-ro-2").status_code == 200
    assert turns("fault-ro-2") == [
        ("user", "Mag mijn zoon een dag vrij?"),
        ("bot", "Antwoord op: Mag mijn zoon een dag vrij?"),
    ]


def test_a_full_database_is_a_503(client, fake_rasa, pragmas):
    assert say(client, "fault-full", "hallo", "m-0").status_code == 200
    with db_session.get_engine().connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    pragmas.set(f"PRAGMA max_page_count={pages}")
    long_message = "😀" * 1999 + "?"  # 8 KB: needs pages the file may not grow
    assert_503(say(client, "fault-full", long_message, "m-1"))
    health = client.get("/health")
    assert health.status_code in (200, 503)  # a rolled-back one-row write may still fit; the chat did not
    pragmas.set()
    assert say(client, "fault-full", long_message, "m-1").status_code == 200
    assert [author for author, _text in turns("fault-full")] == ["user", "bot", "user", "bot"]


# --- the connection stays open -----------------------------------------------------------------------------------


@pytest.fixture
def live_server(app) -> Iterator[str]:
    import uvicorn

    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on", ws="none", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_a_503_keeps_the_connection_open(live_server, fake_rasa):
    pragmas = Pragmas()
    pragmas.set("PRAGMA query_only=1")
    try:
        with httpx.Client(base_url=live_server, timeout=10) as client:
            local = []
            for _ in range(2):
                response = client.post("/api/chat", json={"sender_id": "fault-keepalive", "message": "hallo"})
                assert response.status_code == 503 and "close" not in response.headers.get("connection", "")
                local.append(response.extensions["network_stream"].get_extra_info("client_addr"))
    finally:
        pragmas.set()
    assert local[0] == local[1]  # the second request went over the same connection


# --- PostgreSQL ----------------------------------------------------------------------------------------------------


def _reset() -> None:
    get_settings.cache_clear()
    db_session.get_engine.cache_clear()
    db_session.get_sessionmaker.cache_clear()


@pytest.fixture
def read_only_postgres(monkeypatch, tmp_path) -> Iterator[Settings]:
    reason = postgres_unreachable_reason()
    if reason:
        pytest.skip(reason)
    url = _postgres_schema_url()
    migrate.upgrade(url)
    monkeypatch.setenv("APP_ENV", "test")
    monkeypatch.setenv("DATABASE_URL", url + "%20-cdefault_transaction_read_only%3Don")  # a read-only server
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("GATEWAY_TOKEN", GATEWAY_TOKEN)
    monkeypatch.setenv("LOG_JSON", "false")
    _reset()
    yield get_settings()
    db_session.get_engine().dispose()
    _reset()
    _drop_postgres_schema()


@pytest.mark.postgres
def test_a_read_only_postgresql_is_a_503(read_only_postgres, fake_rasa):
    from assistant.app import create_app

    with TestClient(create_app(read_only_postgres, rasa_transport=fake_rasa.transport)) as client:
        assert_503(say(client, "fault-pg-ro"))
        health = client.get("/health")
    assert health.status_code == 503 and health.json()["checks"]["database"] == "unavailable"
    assert fake_rasa.received == []


# --- a real full disk (a small tmpfs; needs the right to mount, else skipped) ------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root): " + mounted.stderr.decode(errors="replace")[:200])
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


@pytest.fixture
def app_on_small_disk(small_disk: Path, monkeypatch, fake_rasa) -> Iterator[TestClient]:
    from assistant.app import create_app

    url = f"sqlite:///{small_disk / 'app.db'}"
    migrate.upgrade(url)
    monkeypatch.setenv("APP_ENV", "test")
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("GATEWAY_TOKEN", GATEWAY_TOKEN)
    monkeypatch.setenv("ACTION_SERVER_PORT", "8000")
    monkeypatch.setenv("LOG_JSON", "false")
    _reset()
    with TestClient(create_app(get_settings(), rasa_transport=fake_rasa.transport)) as client:
        yield client
    db_session.get_engine().dispose()
    _reset()


def test_a_full_disk_is_a_503(app_on_small_disk, small_disk: Path):
    client = app_on_small_disk
    assert say(client, "fault-disk", "hallo", "m-0").status_code == 200
    filler = small_disk / "filler"
    with filler.open("wb") as handle:  # take every free block
        try:
            while True:
                handle.write(os.urandom(64 * 1024))
                handle.flush()
        except OSError:
            pass
    long_message = "😀" * 1999 + "?"
    responses = [say(client, "fault-disk", long_message, f"m-{uuid.uuid4().hex[:8]}") for _ in range(3)]
    assert any(response.status_code == 503 for response in responses), [r.status_code for r in responses]
    for response in responses:
        if response.status_code != 200:
            assert_503(response)
    filler.unlink()
