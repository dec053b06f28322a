"""Helpers for the officers' insight tests: chat turns through the real gateway with a scripted Rasa, accounts."""

from __future__ import annotations

from typing import Any

import pytest

from tests.backoffice.conftest import sign_in  # noqa: F401 - the fixture, shared with the back-office tests
from tests.cases.helpers import make_user


def answer(topic: str, text: str = "Het antwoord.", intent: str | None = None) -> dict[str, Any]:
    """Rasa's reply with a topic's answer (as actions/answer.py sends it)."""
    return {"messages": [{"text": text, "custom": {"topic": topic, "citations": [
        {"ref": "Leerplichtwet 1969, artikel 13a", "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a"}]}}],
        "intent": {"name": intent or f"ask_{topic}", "confidence": 0.9}}


def menu() -> dict[str, Any]:
    return {"messages": [{"text": "Sorry, ik weet niet zeker wat u bedoelt.", "buttons": [
        {"title": "Vakantie", "payload": "/ask_verlof_vakantie"}], "custom": {"fallback": "suggestions"}}],
        "intent": {"name": "nlu_fallback", "confidence": 0.3}}


def not_understood() -> dict[str, Any]:
    return {"messages": [{"text": "Sorry, ik begrijp uw vraag nog steeds niet goed.", "utter_action": "utter_default"}],
            "intent": {"name": "nlu_fallback", "confidence": 0.2}}


@pytest.fixture
def chat(client, fake_rasa):
    """`chat(sender, text, reply)`: one turn through /api/chat, Rasa answering `reply`; returns the JSON."""

    def _chat(sender: str, text: str, reply: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        if reply is not None:
            fake_rasa.reply = lambda _body: reply
        response = client.post("/api/chat", json={"sender_id": sender, "message": text, **extra})
        assert response.status_code == 200, response.text
        return response.json()

    return _chat


@pytest.fixture
def accounts(configured):
    """An officer of Hengelo (serves Hengelo and Borne), one of Enschede, an admin and a school account."""
    return {
        "hengelo": make_user("hengelo@leerplicht.nl", municipality="Hengelo"),
        "enschede": make_user("enschede@leerplicht.nl", municipality="Enschede"),
        "admin": make_user("admin@leerplicht.nl", role="admin", municipality=None),
        "school": make_user("school@school.nl", role="school", municipality=None, school_id="20AB00"),
    }
