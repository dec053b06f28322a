"""Rasa 3.6's part around `verlof_form`, played in the test process, so whole conversations with the real actions
(actions/verlof_form.py) can be checked without a trained model: the slot mappings of domain/verlof_form.yml
(`action_extract_slots`), the form loop of `rasa.core.actions.forms.FormAction` (activation, validation through
`validate_verlof_form`, rejection, asking the next slot with `utter_ask_*` or `action_ask_verlof_confirmed`), the
rules of dialogue/verlof_form.yml for a rejected form, and the submit action when the form is done.

What Rasa's NLU would do is given with each message: the intent (and entities). Button payloads
("/inform{\"verlof_kind\": \"vakantie\"}") are read as Rasa's RegexInterpreter reads them.

The tracker the validation action gets is built as `FormAction._temporary_tracker` builds it: the events so far,
`SlotSet(requested_slot)`, the form's `ActionExecuted`, then the slot candidates of this message.
"""

from __future__ import annotations

import asyncio
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.verlof_form import ActionAskVerlofConfirmed, ActionSubmitVerlofRequest, ValidateVerlofForm
from assistant.nlg import load_responses

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = yaml.safe_load((ROOT / "domain" / "verlof_form.yml").read_text("utf-8"))
FORM = "verlof_form"
PAYLOAD = re.compile(r"^/(\w+)(\{.*\})?$", re.DOTALL)
TOPIC_ANSWER = "[answer of the topic question]"


def resolve(result: Any) -> Any:
    """An action's result; a coroutine runs to its end (in a thread of its own when an event loop runs here, as in
    the fake Rasa of the browser tests, which the app calls from its loop)."""
    if not asyncio.iscoroutine(result):
        return result
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(result)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, result).result()


def parse(text: str, intent: str | None, entities: dict[str, str] | None) -> tuple[str, list[dict[str, Any]]]:
    """The intent and entities of a message: a payload as Rasa reads it, otherwise what the test says NLU found."""
    match = PAYLOAD.match(text.strip())
    if match:
        values = json.loads(match.group(2)) if match.group(2) else {}
        return match.group(1), [{"entity": key, "value": value} for key, value in values.items()]
    return intent or "inform", [{"entity": key, "value": value} for key, value in (entities or {}).items()]


@dataclass
class FormLoop:
    sender: str = "web-loop"
    language: str = "nl"
    slots: dict[str, Any] = field(default_factory=lambda: {name: None for name in DOMAIN["slots"]})
    events: list[dict[str, Any]] = field(default_factory=list)
    active: bool = False
    submitted: list[str] = field(default_factory=list)  # the texts of the submit action

    def __post_init__(self) -> None:
        self.responses = load_responses()
        self.slots["requested_slot"] = None

    # -- one user message ----------------------------------------------------------------------------------------

    def say(self, text: str, intent: str | None = None, **entities: str) -> list[dict[str, Any]]:
        """The bot's messages for one user message (each {"text", "buttons", "custom"})."""
        intent, entity_list = parse(text, intent, entities)
        self.message = {
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entity_list,
            "metadata": {"language": self.language},
        }
        self.events.append({"event": "user", "text": text, "parse_data": self.message})
        messages: list[dict[str, Any]] = []
        if not self.active:
            if intent in ("request_verlof", "verlof_correction"):
                self.active = True
                self.events.append({"event": "active_loop", "name": FORM})
                self._run_form(messages, candidates=self._prefilled(), activation=True)
            else:
                messages.append({"text": f"[{intent}]", "buttons": [], "custom": {}})
            return messages
        candidates = self._extract(intent, entity_list, text)
        self._run_form(messages, candidates)
        return messages

    # -- Rasa's pieces -------------------------------------------------------------------------------------------

    def _prefilled(self) -> dict[str, Any]:
        required = DOMAIN["forms"][FORM]["required_slots"]
        return {slot: self.slots[slot] for slot in required if self.slots.get(slot) is not None}

    def _extract(self, intent: str, entities: list[dict[str, Any]], text: str) -> dict[str, Any]:
        """`action_extract_slots`: the domain's mappings whose conditions hold for the requested slot."""
        requested = self.slots["requested_slot"]
        found: dict[str, Any] = {}
        for slot, spec in DOMAIN["slots"].items():
            for mapping in spec.get("mappings", []):
                conditions = mapping.get("conditions") or []
                if conditions and not any(
                    c.get("active_loop") == FORM and c.get("requested_slot") == requested for c in conditions
                ):
                    continue
                kind = mapping["type"]
                if kind == "from_entity":
                    value = next((e["value"] for e in entities if e["entity"] == mapping["entity"]), None)
                elif kind == "from_text" and intent not in (mapping.get("not_intent") or []):
                    value = text
                elif kind == "from_intent" and mapping.get("intent") == intent:
                    value = mapping["value"]
                else:
                    continue
                if value is not None:
                    found[slot] = value
                    break
        for slot, value in found.items():
            self._set(slot, value)
        return found

    def _set(self, slot: str, value: Any) -> None:
        self.slots[slot] = value
        self.events.append({"event": "slot", "name": slot, "value": value})

    def _tracker(self, candidates: dict[str, Any]) -> Tracker:
        events = [
            *self.events,
            {"event": "slot", "name": "requested_slot", "value": self.slots["requested_slot"]},
            {"event": "action", "name": FORM},
            *({"event": "slot", "name": k, "value": v} for k, v in candidates.items()),
        ]
        return Tracker(
            self.sender, dict(self.slots), self.message, events, False, None, {"name": FORM}, "action_listen"
        )

    def _run_action(self, action: Any, candidates: dict[str, Any] | None = None) -> tuple[list[dict], list[dict]]:
        dispatcher = CollectingDispatcher()
        events = resolve(action.run(dispatcher, self._tracker(candidates or {}), DOMAIN))
        return [
            {"text": m.get("text"), "buttons": m.get("buttons") or [], "custom": m.get("custom") or {}}
            for m in dispatcher.messages
        ], events

    def _run_form(self, messages: list[dict[str, Any]], candidates: dict[str, Any], activation: bool = False) -> None:
        said, events = self._run_action(ValidateVerlofForm(), candidates)
        rejected = any(event["event"] == "action_execution_rejected" for event in events)
        validated = any(event["event"] == "slot" and event["name"] != "requested_slot" for event in events)
        if not activation and not rejected and not candidates and not validated:
            rejected = True  # FormAction.validate: nothing extracted, nothing validated
        messages.extend(said)
        for event in events:
            if event["event"] == "slot":
                self._set(event["name"], event["value"])
        if rejected:
            self._unhappy_path(messages)
            return
        self._request_next(messages, events)

    def _unhappy_path(self, messages: list[dict[str, Any]]) -> None:
        """The rules of dialogue/verlof_form.yml for a rejected form: answer the question, then the form again."""
        intent = self.message["intent"]["name"]
        if intent.startswith("ask_") or intent == "out_of_scope":
            messages.append({"text": f"{TOPIC_ANSWER} {intent}", "buttons": [], "custom": {}})
            self.events.append({"event": "action", "name": "action_answer_topic"})
            said, events = self._run_action(ValidateVerlofForm())  # validate_slots({}) after an unhappy path
            messages.extend(said)
            for event in events:
                if event["event"] == "slot":
                    self._set(event["name"], event["value"])
            self._request_next(messages, events)
        else:
            messages.append({"text": f"[rule for {intent}]", "buttons": [], "custom": {}})

    def _request_next(self, messages: list[dict[str, Any]], events: list[dict[str, Any]]) -> None:
        requested = self.slots["requested_slot"]
        if requested is None:
            self.active = False
            self.events.append({"event": "active_loop", "name": None})
            said, submit_events = self._run_action(ActionSubmitVerlofRequest())
            messages.extend(said)
            self.submitted.extend(m["text"] for m in said)
            for event in submit_events:
                if event["event"] == "slot":
                    self._set(event["name"], event["value"])
            return
        if requested == "verlof_confirmed":
            said, ask_events = self._run_action(ActionAskVerlofConfirmed())
            messages.extend(said)
            for event in ask_events:
                if event["event"] == "slot":
                    self._set(event["name"], event["value"])
        else:
            variations = self.responses[f"utter_ask_{requested}"]
            variation = next((v for v in variations if not v.get("condition")), variations[0])
            messages.append({"text": variation["text"], "buttons": variation.get("buttons") or [], "custom": {}})
        self.events.append({"event": "action", "name": FORM})
