"""A status question in the chat ("wat is de status van VL-…?") points to the status page, in the user's language,
with the reference repeated; it never shows the request itself (the page asks for the e-mail address too)."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.verlof_status import ActionVerlofStatus


def run(text: str, language: str = "nl") -> str:
    tracker = Tracker(
        "web-status",
        {},
        {"text": text, "intent": {"name": "ask_verlof_status"}, "entities": [], "metadata": {"language": language}},
        [],
        False,
        None,
        {},
        "action_listen",
    )
    dispatcher = CollectingDispatcher()
    assert ActionVerlofStatus().run(dispatcher, tracker, {}) == []
    [message] = dispatcher.messages
    return message["text"]


def test_a_reference_is_repeated_with_the_link(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://leerplicht.example.nl/")
    from assistant.settings import get_settings

    get_settings.cache_clear()
    text = run("wat is de status van vl-3q89fmzysx?")
    get_settings.cache_clear()
    assert "https://leerplicht.example.nl/verlof/status" in text
    assert text.count("VL-3Q89FMZYSX") == 2 and "geen nieuwe aanvraag" in text


def test_without_a_reference_it_says_what_is_needed() -> None:
    text = run("is mijn aanvraag al goedgekeurd?")
    assert "/verlof/status" in text and "VL-" in text and "e-mailadres" in text


@pytest.mark.parametrize("language", ["en", "ar", "uk", "tr", "pl"])
def test_in_every_language(language: str) -> None:
    from assistant.i18n import UNTRANSLATED_NOTICE, translate

    text = run("VL-7K2M9QXR4T", language)
    assert translate(UNTRANSLATED_NOTICE, language) not in text and "VL-7K2M9QXR4T" in text
