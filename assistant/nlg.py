"""Rasa's responses in the conversation's language (served at `POST /nlg` by `assistant.http.routes.nlg`).

Rasa 3.6 (`nlg:` in endpoints.yml, rendered by `assistant.rasa_config`) posts
`{"response": "utter_greet", "arguments": {...}, "tracker": {...}, "channel": {"name": "gateway"}}` to
`POST /nlg?token=…` for each response it wants to send. The Dutch response comes from the domain files
(`domain/*.yml`, read once): the first variation whose slot `condition` (and `channel`, when given) matches.
Its text and button titles are translated into the language in `tracker.latest_message.metadata.language`
(the gateway puts it there; Dutch when absent) through the Babel catalogs, then `{slot}` placeholders are filled
from the tracker's slots and the call's arguments. `custom` (citations) passes through unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.i18n import Localiser, language_of_message
from assistant.knowledge.paths import DOMAIN_DIR

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@lru_cache
def load_responses(directory: Path = DOMAIN_DIR) -> dict[str, list[dict[str, Any]]]:
    """Every response in the domain files of `directory`: name -> variations (as written, Dutch)."""
    responses: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(directory.glob("*.yml")):
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        for name, variations in (data.get("responses") or {}).items():
            responses.setdefault(name, []).extend(v for v in variations or [] if isinstance(v, dict))
    return responses


def _condition_holds(variation: dict[str, Any], slots: dict[str, Any]) -> bool:
    for condition in variation.get("condition") or []:
        if condition.get("type", "slot") != "slot":
            return False
        if slots.get(condition.get("name")) != condition.get("value"):
            return False
    return True


def choose_variation(
    variations: list[dict[str, Any]], slots: dict[str, Any], channel: str | None
) -> dict[str, Any] | None:
    """The first variation whose conditions hold, preferring conditional and channel-specific variations the way
    Rasa's own response filter does; then the first plain variation."""

    def fits_channel(variation: dict[str, Any]) -> bool:
        return not variation.get("channel") or variation.get("channel") == channel

    conditional = [v for v in variations if v.get("condition") and fits_channel(v) and _condition_holds(v, slots)]
    if conditional:
        return conditional[0]
    plain = [v for v in variations if not v.get("condition")]
    for_channel = [v for v in plain if channel and v.get("channel") == channel]
    general = [v for v in plain if not v.get("channel")]
    return (for_channel or general or [None])[0]


def _fill(text: str, values: dict[str, Any]) -> str:
    """Rasa's `{slot}` interpolation: known names are replaced, unknown placeholders stay as written."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values and values[name] is not None:
            return str(values[name])
        return match.group(0)

    return _PLACEHOLDER.sub(replace, text)


def render_response(
    name: str,
    tracker: dict[str, Any],
    channel: str | None = None,
    arguments: dict[str, Any] | None = None,
    responses: dict[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Any] | None:
    """The response `name` in the conversation's language as Rasa's NLG format, or None when it is unknown."""
    responses = load_responses() if responses is None else responses
    variations = responses.get(name)
    if not variations:
        return None
    slots = tracker.get("slots") if isinstance(tracker.get("slots"), dict) else {}
    variation = choose_variation(variations, slots, channel)
    if variation is None:
        return None
    values = {**slots, **{k: v for k, v in (arguments or {}).items() if isinstance(k, str)}}
    loc = Localiser(language_of_message(tracker.get("latest_message")))
    text = variation.get("text")
    translated = loc.finish(_fill(loc(text), values)) if isinstance(text, str) and text.strip() else ""
    buttons = [
        {**button, "title": _fill(loc(button["title"]), values)}
        for button in variation.get("buttons") or []
        if isinstance(button, dict) and isinstance(button.get("title"), str)
    ]
    custom = variation.get("custom")
    if not isinstance(custom, dict):
        custom = (arguments or {}).get("custom") if isinstance((arguments or {}).get("custom"), dict) else {}
    return {
        "text": translated,
        "buttons": buttons,
        "image": variation.get("image"),
        "elements": [],
        "attachments": [],
        "custom": custom,
    }
