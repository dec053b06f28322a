"""The verlof request form: validation, the summary question, submitting and stopping.

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
- The first message may already say the kind of leave ("verlof aanvragen voor de bruiloft van mijn broer"): it is
  not asked again.
- Only a "yes" to the summary as it was shown sends the request: the summary's fingerprint is kept when it is shown,
  and a "yes" after a change (or after "what do you want to change?") shows the new summary first. After any
  correction the summary comes again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import activating
from assistant.clock import today
from assistant.dates import only_dates
from assistant.db.session import session_scope
from assistant.i18n import Localiser, language_of_message
from assistant.i18n.phrases import is_question
from assistant.insight import record as insight
from assistant.verlof_requests import answers, form, form_texts, interpret, service
from assistant.verlof_requests.form import FormProblem

FORM_NAME = "verlof_form"
CORRECTION_INTENT = "verlof_correction"
# Intents of messages that answer nothing at the summary step: a "yes" or "no" (the summary's own answers), and
# the messages the rules handle.
NOT_A_CHANGE = frozenset({"affirm", "deny", "stop_form", "goodbye", "request_human", "safety_signal",
                          "bot_challenge", "thank", "greet"})


def _language(tracker: Tracker) -> str:
    return language_of_message(tracker.latest_message)


def _text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _human_button(loc: Localiser) -> dict[str, str]:
    return {"title": loc(form_texts.HUMAN_BUTTON), "payload": "/request_human"}


class ValidateVerlofForm(FormValidationAction):
    def name(self) -> str:
        return "validate_verlof_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> list[str]:
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
        if self._correction_updates(tracker) is not None:
            # After any correction the summary is shown again, never "what do you want to change?". (A slot that is
            # not a required slot of the form is dropped from what extraction returns, so it is set here.)
            events = [event for event in events if event.get("name") != form.CORRECTING]
            events.append(SlotSet(form.CORRECTING, False))
        if self._correction_applied(tracker, events):  # say so before the next question (or the summary)
            loc = Localiser(_language(tracker))
            dispatcher.utter_message(text=loc(form_texts.CORRECTED))
            dispatcher.messages.insert(0, dispatcher.messages.pop())
        return events

    @staticmethod
    def _asked_a_question(tracker: Tracker, requested: Any) -> bool:
        """The latest message filled the asked slot as free text, but it is a question about a topic."""
        intent = _intent(tracker) or ""
        return (isinstance(requested, str) and requested in tracker.slots_to_validate()
                and (intent.startswith("ask_") or intent == "out_of_scope")
                and is_question(_text(tracker), _language(tracker)))

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[EventType]:
        """A correction sets the named answer again (validated below) or empties it, so the form asks it again. The
        message that starts the form fills the kind of leave when it names one."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        updates = self._correction_updates(tracker) or {}
        if activating(tracker, FORM_NAME) and not tracker.get_slot(form.KIND):
            updates.update(self._kind_from_first_message(tracker))
        return events + [SlotSet(slot, value) for slot, value in updates.items()]

    @staticmethod
    def _kind_from_first_message(tracker: Tracker) -> dict[str, Any]:
        """"Ik wil verlof aanvragen voor de bruiloft van mijn broer": the kind (and the event) are known already."""
        kind, category = interpret.interpret_kind(_text(tracker))
        event = next(tracker.get_latest_entity_values("gebeurtenis"), None)
        if kind is None and event:
            kind, category = ("religieus", None) if event == "religieuze_verplichting" else (
                "gewichtige_omstandigheid", event)
        if kind is None:
            return {}
        return {form.KIND: kind, **({form.CATEGORY: category} if category else {})}

    @staticmethod
    def _correction_updates(tracker: Tracker) -> dict[str, Any] | None:
        """The slots a correction in the latest message sets (a new value) or empties (ask again); None: no
        correction. At the summary, a typed change counts as a correction without the words for one: "de school",
        "14 maart", "de laatste dag is 14 maart"."""
        text, language, intent = _text(tracker), _language(tracker), _intent(tracker)
        hint = next(tracker.get_latest_entity_values("verlof_field"), None)
        if intent == CORRECTION_INTENT:
            correction = interpret.interpret_correction(text, hint, language)
        elif (tracker.get_slot("requested_slot") == form.CONFIRMED and intent not in NOT_A_CHANGE
              and not text.startswith("/") and not is_question(text, language)):
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

    # -- helpers -------------------------------------------------------------------------------------------------

    @staticmethod
    def _say_and_ask_again(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, loc: Localiser, text: str,
                           buttons: list[dict[str, str]] | None = None) -> dict[str, Any]:
        """Say `text` (the form then asks `slot` again); from the third time in a row also offer a person."""
        failures = tracker.get_slot(form.FAILURES) or {}
        count = int(failures.get("count", 0)) + 1 if failures.get("slot") == slot else 1
        buttons = list(buttons or [])
        if count >= form.MAX_FAILURES:
            text = f"{text}\n\n{loc(form_texts.OFFER_HUMAN)}"
            buttons.append(_human_button(loc))
        dispatcher.utter_message(text=loc.finish(text), buttons=buttons)
        return {slot: None, form.FAILURES: {"slot": slot, "count": count}}

    def _fail(self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str,
              problem: FormProblem) -> dict[str, Any]:
        loc = Localiser(_language(tracker))
        asked = self._say_and_ask_again(dispatcher, tracker, slot, loc, loc(problem.template, **problem.values))
        return {slot: None, **{other: None for other in problem.clear}, **asked}

    @staticmethod
    def _ok(values: dict[str, Any]) -> dict[str, Any]:
        return {**values, form.FAILURES: None}

    def _dates_instead(self, slot: str, value: Any, dispatcher: CollectingDispatcher,
                       tracker: Tracker) -> dict[str, Any] | None:
        """Dates typed where another answer was asked ("9 t/m 13 maart" as the event): keep them while they are
        unknown, never take them as this answer, and ask the question again (None: not only dates)."""
        if not isinstance(value, str) or slot not in form.DATE_AWARE_SLOTS:
            return None
        language = _language(tracker)
        found = form.dates_instead_of_answer(value, tracker.slots, today(), language)
        if found is None:
            return None
        loc = Localiser(language)
        other_dates = {"title": loc(form_texts.BUTTON_OTHER_DATES),
                       "payload": '/verlof_correction{"verlof_field": "date"}'}
        buttons = [other_dates] if found.offer_change else []
        asked = self._say_and_ask_again(dispatcher, tracker, slot, loc, loc(found.template, **found.values), buttons)
        return {**found.updates, **asked}

    # -- validation per slot -----------------------------------------------------------------------------------

    def validate_verlof_kind(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {form.KIND: None}
        if (dates := self._dates_instead(form.KIND, value, dispatcher, tracker)) is not None:
            return dates
        try:
            kind, category = answers.check_kind(str(value))
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, form.KIND, problem)
        result: dict[str, Any] = {form.KIND: kind}
        if kind == "gewichtige_omstandigheid" and category:
            result[form.CATEGORY] = category
        if kind != "gewichtige_omstandigheid":
            result[form.CATEGORY] = None
        if kind != "vakantie":
            result[form.EMPLOYER] = None
        return self._ok(result)

    def validate_verlof_category(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {form.CATEGORY: None}
        if (dates := self._dates_instead(form.CATEGORY, value, dispatcher, tracker)) is not None:
            return dates
        category, reason = answers.check_category(str(value))
        result: dict[str, Any] = {form.CATEGORY: category}
        if reason and not tracker.get_slot(form.REASON):
            result[form.REASON] = reason
        return self._ok(result)

    def _simple(self, slot: str, check: Callable[[str], Any], value: Any, dispatcher: CollectingDispatcher,
                tracker: Tracker) -> dict[str, Any]:
        if value is None:
            return {slot: None}
        if (dates := self._dates_instead(slot, value, dispatcher, tracker)) is not None:
            return dates
        try:
            return self._ok({slot: check(str(value))})
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, slot, problem)

    def validate_verlof_child_name(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict[str, Any]:
        return self._simple(form.CHILD_NAME, answers.check_child_name, value, dispatcher, tracker)

    def validate_verlof_child_class(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> dict[str, Any]:
        return self._simple(form.CHILD_CLASS, answers.check_class, value, dispatcher, tracker)

    def validate_verlof_school(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {form.SCHOOL: None, form.SCHOOL_ID: None}
        if (dates := self._dates_instead(form.SCHOOL, value, dispatcher, tracker)) is not None:
            return dates
        try:
            answer = answers.check_school(str(value))
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, form.SCHOOL, problem)
        if not answer.known:
            loc = Localiser(_language(tracker))
            dispatcher.utter_message(text=loc.finish(loc(form_texts.SCHOOL_NOT_KNOWN, school=answer.name)))
        return self._ok({form.SCHOOL: answer.name, form.SCHOOL_ID: answer.school_id})

    def validate_verlof_home_municipality(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                          domain: DomainDict) -> dict[str, Any]:
        return self._simple(form.HOME, answers.check_municipality, value, dispatcher, tracker)

    def _check_period(self, result: dict[str, Any], dispatcher: CollectingDispatcher, tracker: Tracker,
                      slot: str) -> dict[str, Any]:
        start = _iso(result.get(form.START, tracker.get_slot(form.START)))
        end = _iso(result.get(form.END, tracker.get_slot(form.END)))
        if start and end:
            try:
                form.check_school_days(start, end, tracker.get_slot(form.HOME), _language(tracker))
            except FormProblem as problem:
                return self._fail(dispatcher, tracker, slot, problem)
        return self._ok(result)

    def validate_verlof_start_date(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {form.START: None}
        language = _language(tracker)
        try:
            parsed = form.check_date_answer(str(value), tracker.get_slot(form.KIND), today(), language)
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, form.START, problem)
        result: dict[str, Any] = {form.START: parsed.start.isoformat()}
        old_end = _iso(tracker.get_slot(form.END))
        if parsed.end is not None:
            result[form.END] = parsed.end.isoformat()
        elif old_end is not None and old_end < parsed.start:
            result[form.END] = None  # the old last day is before the new first day: ask it again
        return self._check_period(result, dispatcher, tracker, form.START)

    def validate_verlof_end_date(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {form.END: None}
        language = _language(tracker)
        try:
            end = answers.check_end(str(value), _iso(tracker.get_slot(form.START)), tracker.get_slot(form.KIND),
                                 today(), language)
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, form.END, problem)
        return self._check_period({form.END: end.isoformat()}, dispatcher, tracker, form.END)

    def validate_verlof_reason(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> dict[str, Any]:
        return self._simple(form.REASON, answers.check_reason, value, dispatcher, tracker)

    def validate_verlof_employer_statement(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                           domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {form.EMPLOYER: None}
        try:
            return self._ok({form.EMPLOYER: answers.check_yes_no(value)})
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, form.EMPLOYER, problem)

    def validate_email(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: DomainDict) -> dict[str, Any]:
        return self._simple(form.EMAIL, answers.check_email, value, dispatcher, tracker)

    def validate_verlof_confirmed(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        if value is not True:
            return {form.CONFIRMED: None, form.CORRECTING: True} if value is False else {form.CONFIRMED: None}
        if tracker.get_slot(form.SUMMARY) != form.fingerprint(tracker.slots):
            # "Yes" to something other than the summary as it stands ("what do you want to change?", or a summary
            # shown before a change): show the summary first.
            return {form.CONFIRMED: None, form.CORRECTING: False}
        with session_scope() as session:
            try:
                service.prepare(session, form.request_data(tracker.slots), today())
            except service.RequestRefused:
                return {form.CONFIRMED: None, form.CORRECTING: True}
        return {form.CONFIRMED: True, form.CORRECTING: False}


class ActionAskVerlofConfirmed(Action):
    """The summary with the rule outcome (or, after "no", the question what to change)."""

    def name(self) -> str:
        return "action_ask_verlof_confirmed"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = _language(tracker)
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
                dispatcher.utter_message(text=result.text, buttons=[*change_buttons, _human_button(loc)],
                                         json_message={"citations": result.citations})
                return [SlotSet(form.SUMMARY, None)]
            dispatcher.utter_message(text=loc.finish(loc(form_texts.WHAT_TO_CHANGE)), buttons=change_buttons)
            return [SlotSet(form.SUMMARY, None)]
        with session_scope() as session:
            result = form.summary(session, tracker.slots, today(), language)
        if result.refused_by_rule:  # counted once per request shown, not again while the parent corrects it
            data = form.request_data(tracker.slots, language)
            insight.record_verlof_refusal(data.kind, data.home_municipality, "chat")
        if result.can_send:
            buttons = [{"title": loc(form_texts.BUTTON_SEND), "payload": "/affirm"},
                       {"title": loc(form_texts.BUTTON_CHANGE), "payload": "/deny"},
                       {"title": loc(form_texts.BUTTON_STOP), "payload": "/stop_form"}]
        else:
            buttons = [*change_buttons, _human_button(loc)]
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
        language = _language(tracker)
        loc = Localiser(language)
        try:
            data = form.request_data(tracker.slots, language, tracker.sender_id)
            with session_scope() as session:
                stored = service.submit(session, data, today=today())
                text, reference = form.submitted_text(stored, language), stored.reference
        except service.RequestRefused as refused:
            dispatcher.utter_message(text=loc.finish(loc(form_texts.SUBMIT_REFUSED, problem=refused.message(language))),
                                     buttons=[_human_button(loc)])
            return [SlotSet(form.CONFIRMED, None)]
        except Exception:  # the database or anything else: say so, store nothing, keep the answers
            dispatcher.utter_message(text=loc.finish(loc(form_texts.SUBMIT_FAILED)), buttons=[_human_button(loc)])
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
