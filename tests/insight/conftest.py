"""Helpers for the officers' insight tests: Rasa's replies; the chat and the accounts come from the route tests."""

from __future__ import annotations

from typing import Any

from tests.http.routes.conftest import accounts, chat, sign_in  # noqa: F401 - the fixtures, shared with the routes


def answer(topic: str, text: str = "Het antwoord.", intent: str | None = None) -> dict[str, Any]:
    """Rasa's reply with a topic's answer (as actions/answer.py sends it)."""
    return {
        "messages": [
            {
                "text": text,
                "custom": {
                    "topic": topic,
                    "citations": [
                        {
                            "ref": "Leerplichtwet 1969, artikel 13a",
                            "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a",
                        }
                    ],
                },
            }
        ],
        "intent": {"name": intent or f"ask_{topic}", "confidence": 0.9},
    }


def menu() -> dict[str, Any]:
    return {
        "messages": [
            {
                "text": "Sorry, ik weet niet zeker wat u bedoelt.",
                "buttons": [{"title": "Vakantie", "payload": "/ask_verlof_vakantie"}],
                "custom": {"fallback": "suggestions"},
            }
        ],
        "intent": {"name": "nlu_fallback", "confidence": 0.3},
    }


def not_understood() -> dict[str, Any]:
    return {
        "messages": [{"text": "Sorry, ik begrijp uw vraag nog steeds niet goed.", "utter_action": "utter_default"}],
        "intent": {"name": "nlu_fallback", "confidence": 0.2},
    }
