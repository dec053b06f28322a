"""Rasa sends the domain only to actions marked `send_domain: true` (selective domain, assistant.rasa_config).
Actions that read the domain must be marked, or they would silently see an empty one."""

from __future__ import annotations

import inspect
from pathlib import Path

import yaml
from rasa_sdk import Action
from rasa_sdk.forms import FormValidationAction

import actions.answer
import actions.handoff
import actions.melding
import actions.verlof_form
import actions.verlof_steps
from actions.forms import AskingFormValidationAction

DOMAIN = Path(__file__).resolve().parents[2] / "domain"


def _domain_actions() -> dict[str, dict]:
    found: dict[str, dict] = {}
    for path in DOMAIN.glob("*.yml"):
        for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("actions") or []:
            if isinstance(entry, str):
                found[entry] = {}
            else:
                found.update(entry)
    return found


def _action_classes() -> list[type[Action]]:
    classes = []
    for module in (actions.answer, actions.handoff, actions.melding, actions.verlof_form, actions.verlof_steps):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Action) and cls.__module__ == module.__name__:
                classes.append(cls)
    return classes


def test_every_action_is_in_the_domain_and_form_validators_get_the_domain():
    declared = _domain_actions()
    for cls in _action_classes():
        name = cls().name()
        assert name in declared, f"{name} missing from domain/*.yml"
        # The SDK's FormValidationAction reads the form's slots from the domain; one that asks its own questions
        # decides its required slots itself (actions.forms.AskingFormValidationAction).
        needs_domain = issubclass(cls, FormValidationAction) and not issubclass(cls, AskingFormValidationAction)
        assert bool(declared[name].get("send_domain")) == needs_domain, name


def test_only_domain_readers_are_marked():
    marked = {name for name, config in _domain_actions().items() if config.get("send_domain")}
    assert marked == {"validate_verlof_form"}
