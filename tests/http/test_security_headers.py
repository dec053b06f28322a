"""Security headers on every response; no caching of API answers; API documentation off in production."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

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


def test_api_answers_are_never_cached(client):
    for response in (
        client.get("/api/backoffice/session"),
        client.get("/api/backoffice/verlof"),
        client.get("/api/verlof/requests/VL-ABCDEFGHJK?email=ouder@example.nl"),
        client.post("/api/chat", json={"sender_id": "cache-1", "message": "hoi"}),
        client.get("/api/chat/cache-1/messages"),
    ):
        assert response.headers["cache-control"] == "no-store", response.request.url


def test_pages_keep_their_own_caching(client):
    assert client.get("/").headers["cache-control"] == "no-cache"
    assert "no-store" not in client.get("/static/js/chat.js").headers.get("cache-control", "")


@pytest.fixture
def production(configured, fake_rasa, monkeypatch):
    def app(**overrides):
        settings = configured.model_copy(
            update={
                "app_env": "production",
                "secret_key": SecretStr("s" * 40),
                "gateway_token": SecretStr("g" * 40),
                **overrides,
            }
        )
        return TestClient(create_app(settings, rasa_transport=fake_rasa.transport))

    return app


def test_api_documentation_is_off_in_production(production):
    with production() as client:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert client.get(path).status_code == 404, path
        assert client.post("/api/chat", json={"sender_id": "prod-1"}).status_code == 422  # the API itself is there
    with production(api_docs=True) as client:  # API_DOCS=true turns it on where wanted
        assert client.get("/openapi.json").status_code == 200


def test_api_documentation_is_on_elsewhere(client):
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/docs").status_code == 200
