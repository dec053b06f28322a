"""Readiness probe and the Rasa action endpoint served by the gateway."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from assistant.http.routes.health import get_database_check
from tests.conftest import GATEWAY_TOKEN


def test_health_is_200_when_rasa_has_a_model_and_the_stores_take_a_write(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"gateway": "ok", "rasa": "ok", "tracker_store": "ok", "database": "ok", "action_server": "ok"},
    }


def _with_action_server(configured, fake_rasa, handler) -> TestClient:
    from assistant.app import create_app

    settings = configured.model_copy(update={"action_server_port": 8001})
    return TestClient(
        create_app(settings, rasa_transport=fake_rasa.transport, action_server_transport=httpx.MockTransport(handler))
    )


def test_health_asks_the_action_server_of_its_own(configured, fake_rasa):
    asked = []

    def up(request):
        asked.append(str(request.url))
        return httpx.Response(200, json={"status": "ok"})

    with _with_action_server(configured, fake_rasa, up) as client:
        assert client.get("/health").status_code == 200
    assert asked == ["http://127.0.0.1:8001/health"]


def test_health_is_503_when_the_action_server_is_down(configured, fake_rasa):
    def down(request):
        raise httpx.ConnectError("refused", request=request)

    with _with_action_server(configured, fake_rasa, down) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "gateway": "ok",
        "rasa": "ok",
        "tracker_store": "ok",
        "database": "ok",
        "action_server": "unavailable",
    }


def test_health_is_503_without_a_loaded_model(client, fake_rasa):
    fake_rasa.model_loaded = False
    response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["checks"]["rasa"] == "unavailable"


def test_health_is_503_when_rasa_is_down(client, fake_rasa):
    fake_rasa.down = True
    assert client.get("/health").status_code == 503


def test_health_is_503_when_the_database_does_not_take_a_write(client):
    client.app.dependency_overrides[get_database_check] = lambda: lambda: False
    response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"


def test_health_is_503_when_rasas_tracker_store_does_not_take_a_write(client, fake_rasa):
    fake_rasa.tracker_store_writable = False
    response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "gateway": "ok",
        "rasa": "ok",
        "tracker_store": "unavailable",
        "database": "ok",
        "action_server": "ok",
    }


def _action_call(name: str) -> dict:
    return {
        "next_action": name,
        "sender_id": "s1",
        "version": "3.6.21",
        "tracker": {
            "sender_id": "s1",
            "slots": {},
            "latest_message": {"text": "hoi", "intent": {"name": "greet"}, "entities": []},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
        "domain": {"intents": [], "entities": [], "slots": {}, "responses": {}, "actions": [], "forms": {}},
    }


def test_action_endpoint_refuses_calls_without_the_token(client):
    assert client.post("/webhook", json=_action_call("action_answer_topic")).status_code == 403
    assert client.post("/webhook?token=wrong", json=_action_call("action_answer_topic")).status_code == 403


def test_action_endpoint_reports_unknown_actions_as_404(client):
    response = client.post(f"/webhook?token={GATEWAY_TOKEN}", json=_action_call("action_does_not_exist"))
    assert response.status_code == 404
    assert response.json()["action_name"] == "action_does_not_exist"


def test_action_endpoint_refuses_a_body_that_is_not_an_action_call(client):
    response = client.post(f"/webhook?token={GATEWAY_TOKEN}", json={"hello": 1})
    assert response.status_code == 400


def test_openapi_documents_the_chat_contract(client):
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/api/chat"]["post"]
    assert set(operation["responses"]) >= {"200", "400", "413", "415", "422", "503"}
    assert "/webhook" not in schema["paths"]


def test_action_calls_carrying_a_large_domain_are_not_refused_by_the_size_limit(client):
    call = _action_call("action_does_not_exist")
    call["domain"]["responses"] = {f"utter_{n}": [{"text": "x" * 200}] for n in range(200)}  # ~50 KB
    response = client.post(f"/webhook?token={GATEWAY_TOKEN}", json=call)
    assert response.status_code == 404  # reached the executor, not a 413
