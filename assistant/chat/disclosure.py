"""Whoever asks whether they are talking to a person is told that this is a computer (AI Act art. 50).

The classifier knows `bot_challenge` (answered with `utter_iamabot`), but a phrasing it reads as something else ("Ben
ik nu met een robot aan het praten?" as a request for a person) must still get the disclosure. The gateway checks
every message with `assistant.i18n.phrases.asks_about_the_assistant` (the words of `languages.yml`, in every
language) and, when Rasa's answer does not come from `bot_challenge`, puts the same disclosure, with its offer of a
person, before the answer.
"""

from __future__ import annotations

from assistant.chat.schemas import BotMessage, Button
from assistant.i18n.phrases import asks_about_the_assistant
from assistant.nlg import render_response

DISCLOSURE_RESPONSE = "utter_iamabot"
DISCLOSURE_INTENT = "bot_challenge"


def disclosure_for(text: str, language: str, intent: str | None) -> BotMessage | None:
    """The disclosure to put before the answer to `text`, or None (not asked, or the answer is the disclosure)."""
    if intent == DISCLOSURE_INTENT or not asks_about_the_assistant(text, language):
        return None
    rendered = render_response(DISCLOSURE_RESPONSE, {"latest_message": {"metadata": {"language": language}}})
    if rendered is None:  # pragma: no cover - the response is part of the domain
        return None
    return BotMessage(
        text=rendered["text"], buttons=[Button(title=b["title"], payload=b["payload"]) for b in rendered["buttons"]]
    )
