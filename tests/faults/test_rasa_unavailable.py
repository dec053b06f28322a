"""Rasa down, restarting or hanging: `/api/chat` answers within 2 s with a friendly 503 in the user's language
(with Retry-After), and the user's message is stored so nothing typed is lost.

"Refuses" is what a stopped or restarting Rasa does (nothing listens on its port). "Hangs" is a Rasa that accepted
the connection but does not answer (stuck event loop, SIGSTOP, overload); only an overall deadline in the gateway's
Rasa client bounds that. Each is tested with a fake transport and with a real socket on loopback.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope
from assistant.settings import Settings

DEADLINE_SECONDS = 2.0
HANG_SECONDS = 6.0  # a hanging fake answers (too late) after this, so a test without a deadline still ends
GREETING = {
    "nl": "De assistent is even niet bereikbaar",
    "en": "The assistant cannot be reached right now",
    "ar": "لا يمكن الوصول إلى المساعد الآن",
}


class RefusingTransport(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)


class HangingTransport(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(HANG_SECONDS)
        return httpx.Response(200, json={"messages": [{"text": "te laat"}], "intent": None})


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port nothing listens on (bound, not listening: connections are refused)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    yield sock.getsockname()[1]
    sock.close()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback port that accepts connections (the kernel's backlog) but never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    yield sock.getsockname()[1]
    sock.close()


def client_for(
    settings: Settings, transport: httpx.AsyncBaseTransport | None = None, rasa_url: str | None = None
) -> TestClient:
    from assistant.app import create_app

    if rasa_url:
        settings = settings.model_copy(update={"rasa_urls": rasa_url})
    return TestClient(create_app(settings, rasa_transport=transport), raise_server_exceptions=False)


def stored_user_turns(sender_id: str) -> list[str]:
    with session_scope() as session:
        return list(
            session.scalars(
                select(ChatMessage.text)
                .join(Conversation)
                .where(Conversation.sender_id == sender_id, ChatMessage.author == "user")
                .order_by(ChatMessage.id)
            )
        )


def ask(client: TestClient, sender_id: str, language: str = "nl") -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = client.post(
        "/api/chat", json={"sender_id": sender_id, "message": "Mag mijn zoon een dag vrij?", "language": language}
    )
    return response, time.monotonic() - started


def assert_friendly_503(response: httpx.Response, elapsed: float, language: str = "nl") -> None:
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"].isdigit()
    assert response.json()["detail"].startswith(GREETING[language])
    assert elapsed < DEADLINE_SECONDS, f"answered after {elapsed:.1f} s"


@pytest.mark.parametrize("language", ["nl", "en", "ar"])
def test_refusing_fake_transport(configured: Settings, language: str):
    with client_for(configured, RefusingTransport()) as client:
        response, elapsed = ask(client, f"fault-refused-{language}", language)
    assert_friendly_503(response, elapsed, language)
    assert stored_user_turns(f"fault-refused-{language}") == ["Mag mijn zoon een dag vrij?"]


def test_refused_connection_on_a_real_port(configured: Settings, closed_port: int):
    with client_for(configured, rasa_url=f"http://127.0.0.1:{closed_port}") as client:
        response, elapsed = ask(client, "fault-port-closed")
        health = client.get("/health")
    assert_friendly_503(response, elapsed)
    assert stored_user_turns("fault-port-closed") == ["Mag mijn zoon een dag vrij?"]
    assert health.status_code == 503 and health.json()["checks"]["rasa"] != "ok"


def test_hanging_fake_transport(configured: Settings):
    with client_for(configured, HangingTransport()) as client:
        response, elapsed = ask(client, "fault-hanging")
    assert_friendly_503(response, elapsed)
    assert stored_user_turns("fault-hanging") == ["Mag mijn zoon een dag vrij?"]


def test_silent_server_on_a_real_port(configured: Settings, silent_port: int):
    with client_for(configured, rasa_url=f"http://127.0.0.1:{silent_port}") as client:
        response, elapsed = ask(client, "fault-silent")
    assert_friendly_503(response, elapsed)
    assert stored_user_turns("fault-silent") == ["Mag mijn zoon een dag vrij?"]


def test_the_conversation_goes_on_when_rasa_is_back(configured: Settings, fake_rasa):
    with client_for(configured, fake_rasa.transport) as client:
        fake_rasa.down = True
        first, _ = ask(client, "fault-back")
        fake_rasa.down = False
        second, _ = ask(client, "fault-back")
    assert first.status_code == 503 and second.status_code == 200
    assert stored_user_turns("fault-back") == ["Mag mijn zoon een dag vrij?"] * 2
