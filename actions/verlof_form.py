"""The verlof request form: its validation action (which questions, corrections, questions that are no answer).

Each answer is checked in `actions.verlof_answers`; the summary question, submitting and stopping are the actions
in `actions.verlof_steps` (imported here too, for callers of this module).

Thin adapters over `assistant.verlof_requests.form` (checks, summary, texts), `assistant.dates` (dates in every
supported language) and `assistant.verlof_requests.service` (rules and storage). The conversation's language
(`language_of_message(tracker.latest_message)`) is passed to the checks: dates are read in it (and in Dutch), and texts
and the examples in error messages are written in it.

- Every answer is checked; a wrong answer is explained with an example and asked again. After three wrong answers
  in a row to the same question the assistant also offers a person (`/request_human`).
- A correction ("nee, de laatste dag is 14 maart", or a button after "nee" on the summary) changes that answer at
  any point; the form then continues with what is still missing, or shows the summary again.
- An answer that is only a date or a range ("9 t/m 13 maart") where the event, the reason, the kind of leave, the
  school or the municipality was asked is not taken as that answer: while the dates are still unknown they are kept
  (and not asked again later), otherwise the known dates are kept and a button offers to change them; then the
  question is asked again.
- "Stop", "a person please", a safety signal and "are you a robot?" are never answers. A message the classifier took
  for a topic question is an answer when it is not phrased as a question ("mijn oma wordt 90 en viert dat in
  Turkije" as the reason); a real question ("wat is luxe verzuim?") rejects the form, and the rules in
  dialogue/verlof_form.yml take over (answer, then back to the form; confirm stopping; hand over).
- The introduction (`form_texts.INTRO`) comes once, before the first question, when a parent asks to start a
  request (`request_verlof`); a question asked again (after an answer that could not be read, a question in between,
  "toch niet stoppen" or a correction that restarts the form) is only the question (`utter_ask_*`).
- The first message may already say the kind of leave ("verlof aanvragen voor de bruiloft van mijn broer"): it is
  not asked again.
- Only a "yes" to the summary as it was shown sends the request: the summary's fingerprint is kept when it is shown,
  and a "yes" after a change (or after "what do you want to change?") shows the new summary first. After any
  correction the summary comes again.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import activating
from actions.verlof_answers import VerlofAnswerChecks, intent_of, language_of, text_of
from actions.verlof_steps import ActionAskVerlofConfirmed, ActionSubmitVerlofRequest, ActionVerlofCancel
from assistant.dates import only_dates
from assistant.i18n import Localiser
from assistant.i18n.phrases import is_question
from assistant.verlof_requests import form, form_texts, interpret

FORM_NAME = "verlof_form"
CORRECTION_INTENT = "verlof_correction"
START_INTENT = "request_verlof"  # a parent asks to start a request: the form introduces itself
# Intents of messages that answer nothing at the summary step: a "yes" or "no" (the summary's own answers), and
# the messages the rules handle.
NOT_A_CHANGE = frozenset(
    {"affirm", "deny", "stop_form", "goodbye", "request_human", "safety_signal", "bot_challenge", "thank", "greet"}
)


class ValidateVerlofForm(VerlofAnswerChecks, FormValidationAction):
    def name(self) -> str:
        return "validate_verlof_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        kind = tracker.get_slot(form.KIND)
        slots = [slot for slot in domain_slots if slot not in (form.CATEGORY, form.EMPLOYER)]
        if kind == "gewichtige_omstandigheid":
            slots.insert(slots.index(form.KIND) + 1, form.CATEGORY)
        if kind == "vakantie":
            slots.insert(slots.index(form.EMAIL), form.EMPLOYER)
        return slots

    # -- questions, corrections, the first message ---------------------------------------------------------------

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        if self._asked_a_question(tracker, requested):
            # Not an answer: empty what from_text put in the slot and reject the form, so the question is answered
            # (dialogue/verlof_form.yml) and the form then asks its question again.
            return [SlotSet(requested, None), ActionExecutionRejected(FORM_NAME)]
        events = await super().run(dispatcher, tracker, domain)
        if activating(tracker, FORM_NAME) and intent_of(tracker) == START_INTENT:
            dispatcher.utter_message(text=Localiser(language_of(tracker))(form_texts.INTRO))
            dispatcher.messages.insert(0, dispatcher.messages.pop())
        if self._correction_updates(tracker) is not None:
            # After any correction the summary is shown again, never "what do you want to change?". (A slot that is
            # not a required slot of the form is dropped from what extraction returns, so it is set here.)
            events = [event for event in events if event.get("name") != form.CORRECTING]
            events.append(SlotSet(form.CORRECTING, False))
        if self._correction_applied(tracker, events):  # say so before the next question (or the summary)
            loc = Localiser(language_of(tracker))
            dispatcher.utter_message(text=loc(form_texts.CORRECTED))
            dispatcher.messages.insert(0, dispatcher.messages.pop())
        return events

    @staticmethod
    def _asked_a_question(tracker: Tracker, requested: Any) -> bool:
        """The latest message filled the asked slot as free text, but it is a question about a topic."""
        intent = intent_of(tracker) or ""
        return (
            isinstance(requested, str)
            and requested in tracker.slots_to_validate()
            and (intent.startswith("ask_") or intent == "out_of_scope")
            and is_question(text_of(tracker), language_of(tracker))
        )

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """A correction sets the named answer again (validated below) or empties it, so the form asks it again. The
        message that starts the form fills the kind of leave when it names one."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        updates = self._correction_updates(tracker) or {}
        if activating(tracker, FORM_NAME) and not tracker.get_slot(form.KIND):
            updates.update(self._kind_from_first_message(tracker))
        return events + [SlotSet(slot, value) for slot, value in updates.items()]

    @staticmethod
    def _kind_from_first_message(tracker: Tracker) -> dict[str, Any]:
        """ "Ik wil verlof aanvragen voor de bruiloft van mijn broer": the kind (and the event) are known already."""
        kind, category = interpret.interpret_kind(text_of(tracker))
        event = next(tracker.get_latest_entity_values("gebeurtenis"), None)
        if kind is None and event:
            kind, category = (
                ("religieus", None) if event == "religieuze_verplichting" else ("gewichtige_omstandigheid", event)
            )
        if kind is None:
            return {}
        return {form.KIND: kind, **({form.CATEGORY: category} if category else {})}

    @staticmethod
    def _correction_updates(tracker: Tracker) -> dict[str, Any] | None:
        """The slots a correction in the latest message sets (a new value) or empties (ask again); None: no
        correction. At the summary, a typed change counts as a correction without the words for one: "de school",
        "14 maart", "de laatste dag is 14 maart"."""
        text, language, intent = text_of(tracker), language_of(tracker), intent_of(tracker)
        hint = next(tracker.get_latest_entity_values("verlof_field"), None)
        if intent == CORRECTION_INTENT:
            correction = interpret.interpret_correction(text, hint, language)
        elif (
            tracker.get_slot("requested_slot") == form.CONFIRMED
            and intent not in NOT_A_CHANGE
            and not text.startswith("/")
            and not is_question(text, language)
        ):
            correction = interpret.interpret_correction(text, None, language)
            if correction is None and only_dates(text, language):
                correction = interpret.Correction("date", text)
        else:
            return None
        if correction is None or not form.FIELD_SLOTS.get(correction.field):
            return None
        slots = form.FIELD_SLOTS[correction.field]
        updates: dict[str, Any] = {form.CONFIRMED: None, form.CORRECTING: False}
        if correction.value and correction.field in ("start_date", "end_date", "date"):
            target = form.END if correction.field == "end_date" else form.START
            updates[target] = correction.value
        elif correction.value and correction.field not in ("kind",):
            updates[slots[0]] = correction.value
        else:
            updates.update({slot: None for slot in slots})
        return updates

    def _correction_applied(self, tracker: Tracker, events: list[EventType]) -> bool:
        """True when the latest message corrected an answer with a new value and that value passed its check."""
        updates = self._correction_updates(tracker) or {}
        changed = [slot for slot, value in updates.items() if value is not None and slot != form.CORRECTING]
        final = {event["name"]: event["value"] for event in events if event.get("event") == "slot"}
        return bool(changed) and all(final.get(slot) is not None for slot in changed)


__all__ = ["ActionAskVerlofConfirmed", "ActionSubmitVerlofRequest", "ActionVerlofCancel", "ValidateVerlofForm"]
