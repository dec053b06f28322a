"""Checking each answer of the verlof form (`actions.verlof_form.ValidateVerlofForm` mixes these checks in).

Every answer is checked with `assistant.verlof_requests.answers` and `assistant.verlof_requests.form`; a wrong answer
is explained with an example and asked again, and after three wrong answers in a row to the same question a person is
offered too (`/request_human`). Dates typed where another answer was asked are kept, not taken as that answer.
Also the small readers of the tracker that the verlof actions share.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.clock import today
from assistant.db.session import session_scope
from assistant.i18n import Localiser, language_of_message
from assistant.verlof_requests import answers, form, form_texts, service
from assistant.verlof_requests.form import FormProblem


def language_of(tracker: Tracker) -> str:
    return language_of_message(tracker.latest_message)


def text_of(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def intent_of(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def iso_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def human_button(loc: Localiser) -> dict[str, str]:
    return {"title": loc(form_texts.HUMAN_BUTTON), "payload": "/request_human"}


class VerlofAnswerChecks:
    """The `validate_<slot>` methods of the verlof form: one check per answer, with what to say when it is wrong."""

    # -- helpers -------------------------------------------------------------------------------------------------

    @staticmethod
    def _say_and_ask_again(
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        slot: str,
        loc: Localiser,
        text: str,
        buttons: list[dict[str, str]] | None = None,
    ) -> dict[str, Any]:
        """Say `text` (the form then asks `slot` again); from the third time in a row also offer a person."""
        failures = tracker.get_slot(form.FAILURES) or {}
        count = int(failures.get("count", 0)) + 1 if failures.get("slot") == slot else 1
        buttons = list(buttons or [])
        if count >= form.MAX_FAILURES:
            text = f"{text}\n\n{loc(form_texts.OFFER_HUMAN)}"
            buttons.append(human_button(loc))
        dispatcher.utter_message(text=loc.finish(text), buttons=buttons)
        return {slot: None, form.FAILURES: {"slot": slot, "count": count}}

    def _fail(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, problem: FormProblem
    ) -> dict[str, Any]:
        loc = Localiser(language_of(tracker))
        asked = self._say_and_ask_again(dispatcher, tracker, slot, loc, loc(problem.template, **problem.values))
        return {slot: None, **{other: None for other in problem.clear}, **asked}

    @staticmethod
    def _ok(values: dict[str, Any]) -> dict[str, Any]:
        return {**values, form.FAILURES: None}

    def _dates_instead(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any] | None:
        """Dates typed where another answer was asked ("9 t/m 13 maart" as the event): keep them while they are
        unknown, never take them as this answer, and ask the question again (None: not only dates)."""
        if not isinstance(value, str) or slot not in form.DATE_AWARE_SLOTS:
            return None
        language = language_of(tracker)
        found = form.dates_instead_of_answer(value, tracker.slots, today(), language)
        if found is None:
            return None
        loc = Localiser(language)
        other_dates = {
            "title": loc(form_texts.BUTTON_OTHER_DATES),
            "payload": '/verlof_correction{"verlof_field": "date"}',
        }
        buttons = [other_dates] if found.offer_change else []
        asked = self._say_and_ask_again(dispatcher, tracker, slot, loc, loc(found.template, **found.values), buttons)
        return {**found.updates, **asked}

    # -- validation per slot -----------------------------------------------------------------------------------

    def validate_verlof_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
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

    def validate_verlof_category(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {form.CATEGORY: None}
        if (dates := self._dates_instead(form.CATEGORY, value, dispatcher, tracker)) is not None:
            return dates
        category, reason = answers.check_category(str(value))
        result: dict[str, Any] = {form.CATEGORY: category}
        if reason and not tracker.get_slot(form.REASON):
            result[form.REASON] = reason
        return self._ok(result)

    def _simple(
        self, slot: str, check: Callable[[str], Any], value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        if value is None:
            return {slot: None}
        if (dates := self._dates_instead(slot, value, dispatcher, tracker)) is not None:
            return dates
        try:
            return self._ok({slot: check(str(value))})
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, slot, problem)

    def validate_verlof_child_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._simple(form.CHILD_NAME, answers.check_child_name, value, dispatcher, tracker)

    def validate_verlof_child_class(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._simple(form.CHILD_CLASS, answers.check_class, value, dispatcher, tracker)

    def validate_verlof_school(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {form.SCHOOL: None, form.SCHOOL_ID: None}
        if (dates := self._dates_instead(form.SCHOOL, value, dispatcher, tracker)) is not None:
            return dates
        try:
            answer = answers.check_school(str(value))
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, form.SCHOOL, problem)
        if not answer.known:
            loc = Localiser(language_of(tracker))
            dispatcher.utter_message(text=loc.finish(loc(form_texts.SCHOOL_NOT_KNOWN, school=answer.name)))
        return self._ok({form.SCHOOL: answer.name, form.SCHOOL_ID: answer.school_id})

    def validate_verlof_home_municipality(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._simple(form.HOME, answers.check_municipality, value, dispatcher, tracker)

    def _check_period(
        self, result: dict[str, Any], dispatcher: CollectingDispatcher, tracker: Tracker, slot: str
    ) -> dict[str, Any]:
        start = iso_date(result.get(form.START, tracker.get_slot(form.START)))
        end = iso_date(result.get(form.END, tracker.get_slot(form.END)))
        if start and end:
            try:
                form.check_school_days(start, end, tracker.get_slot(form.HOME), language_of(tracker))
            except FormProblem as problem:
                return self._fail(dispatcher, tracker, slot, problem)
        return self._ok(result)

    def validate_verlof_start_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {form.START: None}
        language = language_of(tracker)
        try:
            parsed = form.check_date_answer(str(value), tracker.get_slot(form.KIND), today(), language)
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, form.START, problem)
        result: dict[str, Any] = {form.START: parsed.start.isoformat()}
        old_end = iso_date(tracker.get_slot(form.END))
        if parsed.end is not None:
            result[form.END] = parsed.end.isoformat()
        elif old_end is not None and old_end < parsed.start:
            result[form.END] = None  # the old last day is before the new first day: ask it again
        return self._check_period(result, dispatcher, tracker, form.START)

    def validate_verlof_end_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {form.END: None}
        language = language_of(tracker)
        try:
            end = answers.check_end(
                str(value), iso_date(tracker.get_slot(form.START)), tracker.get_slot(form.KIND), today(), language
            )
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, form.END, problem)
        return self._check_period({form.END: end.isoformat()}, dispatcher, tracker, form.END)

    def validate_verlof_reason(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._simple(form.REASON, answers.check_reason, value, dispatcher, tracker)

    def validate_verlof_employer_statement(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {form.EMPLOYER: None}
        try:
            return self._ok({form.EMPLOYER: answers.check_yes_no(value)})
        except FormProblem as problem:
            return self._fail(dispatcher, tracker, form.EMPLOYER, problem)

    def validate_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._simple(form.EMAIL, answers.check_email, value, dispatcher, tracker)

    def validate_verlof_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
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
