"""What the validation actions of the forms share: when a form starts, and asking the next question.

Rasa 3.6 calls a form's validation action with a tracker in which the form is already the active loop, also at
activation (`FormAction._activate_loop` adds `ActiveLoop(form)` before it validates). So "the active loop is not this
form" never says that the form starts now. What does: the `active_loop` event that activated the form comes after the
latest user message. At a later turn of the form, that event lies before the message being answered.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict


def activating(tracker: Tracker, form: str) -> bool:
    """True while `form` is being activated by the latest user message (a new run of the form starts now)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "active_loop" and event.get("name") == form:
            return True
    return (tracker.active_loop or {}).get("name") != form


class AskingFormValidationAction(FormValidationAction, ABC):
    """A form validation action that asks its questions itself (no `utter_ask_` or `action_ask_` in the domain).

    Which slot comes next is the first empty slot of `required_slots`: the questions that remain, decided by the
    validator itself and not read from the domain (so it needs no `send_domain`). The SDK leaves that choice to Rasa
    when `required_slots` returns exactly the form's slots in the domain; a validator that asks the question must
    name the slot it asked, so `requested_slot` is always set here.
    """

    @abstractmethod
    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """The slots of the questions that remain, in the order they are asked."""

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> EventType:
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        return SlotSet(REQUESTED_SLOT, next((slot for slot in required if tracker.slots.get(slot) is None), None))
