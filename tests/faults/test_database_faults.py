"""Database faults: PostgreSQL connections that the server drops (a restart) are replaced transparently
(`pool_pre_ping`), and a failure between the two writes of a chat turn leaves no half-written turn behind."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select, text

from assistant.conversations import transcript
from assistant.db import migrate
from assistant.db import session as db_session
from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope
from assistant.settings import Settings, get_settings
from tests.conftest import (
    GATEWAY_TOKEN,
    POSTGRES_URL,
    _drop_postgres_schema,
    _postgres_schema_url,
    postgres_unreachable_reason,
)


def _reset() -> None:
    get_settings.cache_clear()
    db_session.get_engine.cache_clear()
    db_session.get_sessionmaker.cache_clear()


def _settings(monkeypatch: pytest.MonkeyPatch, url: str, tmp_path) -> Settings:
    monkeypatch.setenv("APP_ENV", "test")
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("GATEWAY_TOKEN", GATEWAY_TOKEN)
    monkeypatch.setenv("LOG_JSON", "false")
    _reset()
    return get_settings()


@pytest.fixture
def app_on(monkeypatch, tmp_path, fake_rasa) -> Iterator:
    clients: list[TestClient] = []

    def make(url: str) -> TestClient:
        from assistant.app import create_app

        client = TestClient(
            create_app(_settings(monkeypatch, url, tmp_path), rasa_transport=fake_rasa.transport),
            raise_server_exceptions=False,
        )
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)
    db_session.get_engine().dispose()
    _reset()


def turns(sender_id: str) -> list[tuple[str, str, str | None]]:
    with session_scope() as session:
        return [
            (m.author, m.text, m.intent)
            for m in session.scalars(
                select(ChatMessage)
                .join(Conversation)
                .where(Conversation.sender_id == sender_id)
                .order_by(ChatMessage.id)
            )
        ]


def say(client: TestClient, sender_id: str, message: str):
    return client.post("/api/chat", json={"sender_id": sender_id, "message": message})


@pytest.fixture
def postgres_url() -> Iterator[str]:
    reason = postgres_unreachable_reason()
    if reason:
        pytest.skip(reason)
    url = _postgres_schema_url()
    migrate.upgrade(url)
    yield url
    _drop_postgres_schema()


@pytest.mark.postgres
def test_pool_recovers_after_the_server_drops_every_connection(postgres_url, app_on):
    application_name = f"lpa-fault-{uuid.uuid4().hex[:8]}"
    client = app_on(f"{postgres_url}&application_name={application_name}")
    assert say(client, "fault-pg", "hallo").status_code == 200

    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:  # what a server restart does to the app's connections (only ours)
        terminated = connection.execute(
            text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = :name"),
            {"name": application_name},
        ).scalar()
    admin.dispose()
    assert terminated >= 1

    second = say(client, "fault-pg", "mag mijn zoon een dag vrij?")
    assert second.status_code == 200, second.text
    assert client.get("/health").json()["checks"]["database"] == "ok"
    assert [author for author, _text, _intent in turns("fault-pg")] == ["user", "bot", "user", "bot"]


def test_failure_between_the_writes_of_a_turn_keeps_a_consistent_transcript(
    any_database_url, app_on, monkeypatch, fake_rasa
):
    client = app_on(any_database_url)
    assert say(client, "fault-tx", "hallo").status_code == 200
    original = transcript.record_bot_turn

    def bot_turn_then_crash(session, *args, **kwargs):
        original(session, *args, **kwargs)
        session.flush()  # the bot rows and the intent are written ...
        raise RuntimeError("process died before commit")  # ... but the transaction never commits

    monkeypatch.setattr(transcript, "record_bot_turn", bot_turn_then_crash)
    response = say(client, "fault-tx", "mag mijn zoon een dag vrij?")
    assert response.status_code == 500 and "detail" in response.json()
    # the user turn was committed before Rasa was asked; nothing of the failed bot turn is there
    assert turns("fault-tx") == [
        ("user", "hallo", "ask_verlof_vakantie"),
        ("bot", "Antwoord op: hallo", None),
        ("user", "mag mijn zoon een dag vrij?", None),
    ]

    monkeypatch.setattr(transcript, "record_bot_turn", original)
    assert say(client, "fault-tx", "en voor een bruiloft?").status_code == 200
    assert [author for author, _text, _intent in turns("fault-tx")] == ["user", "bot", "user", "user", "bot"]


def test_failure_inside_the_user_write_stores_nothing_and_asks_no_one(any_database_url, app_on, monkeypatch, fake_rasa):
    client = app_on(any_database_url)
    original = transcript.record_user_message

    def written_then_crash(*args, **kwargs):
        original(*args, **kwargs)  # the conversation and the message are written, not yet committed
        raise RuntimeError("connection lost")

    monkeypatch.setattr(transcript, "record_user_message", written_then_crash)
    assert say(client, "fault-user-tx", "hallo").status_code == 500
    assert turns("fault-user-tx") == [] and fake_rasa.received == []
    with session_scope() as session:
        assert session.scalar(select(Conversation).where(Conversation.sender_id == "fault-user-tx")) is None
