"""The action server (`assistant serve-actions`): Rasa's custom actions and responses in a process of their own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from assistant.settings import Settings
from tests.conftest import GATEWAY_TOKEN
from tests.http.routes.test_health import _action_call
from tests.test_nlg import _call as _nlg_call


@pytest.fixture
def actions_client(configured: Settings) -> Iterator[TestClient]:
    from assistant.action_server import create_action_app

    with TestClient(create_action_app(configured)) as client:  # with the start-up (knowledge check, warm-up)
        yield client


def test_it_runs_a_custom_action_and_answers_with_the_sources(actions_client: TestClient) -> None:
    call = _action_call("action_answer_topic")
    call["tracker"]["latest_message"] = {
        "text": "mag ik op vakantie buiten de schoolvakantie",
        "intent": {"name": "ask_verlof_vakantie", "confidence": 0.95},
        "entities": [],
        "metadata": {"language": "nl"},
    }
    response = actions_client.post(f"/webhook?token={GATEWAY_TOKEN}", json=call)
    assert response.status_code == 200
    [message] = [r for r in response.json()["responses"] if r.get("custom", {}).get("citations")][:1]
    assert any("13a" in citation["ref"] for citation in message["custom"]["citations"])


def test_it_renders_responses_in_the_conversation_language(actions_client: TestClient) -> None:
    dutch = actions_client.post(f"/nlg?token={GATEWAY_TOKEN}", json=_nlg_call("utter_greet")).json()
    english = actions_client.post(f"/nlg?token={GATEWAY_TOKEN}", json=_nlg_call("utter_greet", "en")).json()
    assert dutch["text"] and english["text"] and dutch["text"] != english["text"]


def test_both_endpoints_need_the_gateway_token(actions_client: TestClient) -> None:
    assert actions_client.post("/webhook", json=_action_call("action_answer_topic")).status_code == 403
    assert actions_client.post("/nlg?token=wrong", json=_nlg_call("utter_greet")).status_code == 403


def test_it_serves_nothing_else(actions_client: TestClient) -> None:
    assert actions_client.get("/health").json() == {"status": "ok"}
    assert actions_client.post("/api/chat", json={"sender_id": "a", "message": "hoi"}).status_code == 404
    assert actions_client.get("/").status_code == 404
    assert actions_client.get("/openapi.json").status_code == 404


def test_a_large_domain_is_not_refused_by_the_size_limit(actions_client: TestClient) -> None:
    call = _action_call("action_does_not_exist")
    call["domain"]["responses"] = {f"utter_{n}": [{"text": "x" * 200}] for n in range(200)}  # ~50 KB
    assert actions_client.post(f"/webhook?token={GATEWAY_TOKEN}", json=call).status_code == 404  # not 413
