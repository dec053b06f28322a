"""Security headers on every response and the per-client rate limit on the chat API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.app import create_app


def test_strict_security_headers_on_api_and_pages(client):
    for path in ("/health", "/api/bestaat-niet", "/openapi.json"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self';" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert "strict-transport-security" not in headers  # only in production


def test_error_responses_carry_the_headers_too(client):
    response = client.post("/api/chat", content=b"{", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.fixture
def limited_client(configured, fake_rasa, monkeypatch):
    configured.chat_rate_limit = "3/minute"
    with TestClient(create_app(configured, rasa_transport=fake_rasa.transport)) as test_client:
        yield test_client


def test_chat_rate_limit_gives_429_with_reason_and_retry_after(limited_client, fake_rasa):
    for _ in range(3):
        assert limited_client.post("/api/chat", json={"sender_id": "r1", "message": "hoi"}).status_code == 200
    response = limited_client.post("/api/chat", json={"sender_id": "r1", "message": "hoi"})
    assert response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= 61
    assert "te veel berichten" in response.json()["detail"]
    assert len(fake_rasa.received) == 3
    assert limited_client.get("/health").status_code == 200  # other endpoints are not limited
