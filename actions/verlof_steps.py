"""The verlof form's steps around the questions: the summary question, submitting the request, stopping.

Thin adapters over `assistant.verlof_requests.form` (summary, texts) and `assistant.verlof_requests.service` (rules
and storage). Only a "yes" to the summary as it was shown sends the request: its fingerprint is kept when it is shown.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.verlof_answers import human_button, language_of
from assistant.clock import today
from assistant.db.session import session_scope
from assistant.i18n import Localiser
from assistant.insight import record as insight
from assistant.verlof_requests import form, form_texts, service


class ActionAskVerlofConfirmed(Action):
    """The summary with the rule outcome (or, after "no", the question what to change)."""

    def name(self) -> str:
        return "action_ask_verlof_confirmed"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = language_of(tracker)
        loc = Localiser(language)
        change_buttons = [
            {"title": loc(form_texts.BUTTON_DATES), "payload": '/verlof_correction{"verlof_field": "date"}'},
            {"title": loc(form_texts.BUTTON_CHILD), "payload": '/verlof_correction{"verlof_field": "child_name"}'},
            {"title": loc(form_texts.BUTTON_SCHOOL), "payload": '/verlof_correction{"verlof_field": "school"}'},
            {"title": loc(form_texts.BUTTON_REASON), "payload": '/verlof_correction{"verlof_field": "reason"}'},
            {"title": loc(form_texts.BUTTON_EMAIL), "payload": '/verlof_correction{"verlof_field": "email"}'},
            {"title": loc(form_texts.BUTTON_STOP), "payload": "/stop_form"},
        ]
        if tracker.get_slot(form.CORRECTING):
            with session_scope() as session:
                result = form.summary(session, tracker.slots, today(), language)
            if not result.can_send:
                dispatcher.utter_message(
                    text=result.text,
                    buttons=[*change_buttons, human_button(loc)],
                    json_message={"citations": result.citations},
                )
                return [SlotSet(form.SUMMARY, None)]
            dispatcher.utter_message(text=loc.finish(loc(form_texts.WHAT_TO_CHANGE)), buttons=change_buttons)
            return [SlotSet(form.SUMMARY, None)]
        with session_scope() as session:
            result = form.summary(session, tracker.slots, today(), language)
        if result.refused_by_rule:  # counted once per request shown, not again while the parent corrects it
            data = form.request_data(tracker.slots, language)
            insight.record_verlof_refusal(data.kind, data.home_municipality, "chat")
        if result.can_send:
            buttons = [
                {"title": loc(form_texts.BUTTON_SEND), "payload": "/affirm"},
                {"title": loc(form_texts.BUTTON_CHANGE), "payload": "/deny"},
                {"title": loc(form_texts.BUTTON_STOP), "payload": "/stop_form"},
            ]
        else:
            buttons = [*change_buttons, human_button(loc)]
        dispatcher.utter_message(text=result.text, buttons=buttons, json_message={"citations": result.citations})
        if result.can_send:  # what a "yes" confirms
            return [SlotSet(form.SUMMARY, form.fingerprint(tracker.slots))]
        return [SlotSet(form.CORRECTING, True), SlotSet(form.SUMMARY, None)]


def _reset() -> list[EventType]:
    return [SlotSet(slot, None) for slot in form.FORM_SLOTS]


class ActionSubmitVerlofRequest(Action):
    """Store the confirmed request through the same service as the API, then empty the form."""

    def name(self) -> str:
        return "action_submit_verlof_request"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = language_of(tracker)
        loc = Localiser(language)
        try:
            data = form.request_data(tracker.slots, language, tracker.sender_id)
            with session_scope() as session:
                stored = service.submit(session, data, today=today())
                text, reference = form.submitted_text(stored, language), stored.reference
        except service.RequestRefused as refused:
            dispatcher.utter_message(
                text=loc.finish(loc(form_texts.SUBMIT_REFUSED, problem=refused.message(language))),
                buttons=[human_button(loc)],
            )
            return [SlotSet(form.CONFIRMED, None)]
        except Exception:  # the database or anything else: say so, store nothing, keep the answers
            dispatcher.utter_message(text=loc.finish(loc(form_texts.SUBMIT_FAILED)), buttons=[human_button(loc)])
            return [SlotSet(form.CONFIRMED, None)]
        dispatcher.utter_message(text=text)
        return [*_reset(), SlotSet(form.REFERENCE, reference)]


class ActionVerlofCancel(Action):
    """After "stop" was confirmed: forget every answer; nothing was stored."""

    def name(self) -> str:
        return "action_verlof_cancel"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_verlof_stopped")
        return [*_reset(), SlotSet("requested_slot", None)]
