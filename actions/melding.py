"""The DUO verzuimmelding walk-through for schools: `melding_form`, its validation, and the outcome.

Thin adapters: the facts are read by `assistant.melding_facts` (pure), the decision is `evaluate_melding`
(`assistant.rules.melding`), the citations are resolved as `POST /api/melding/check` does. The validation action asks
each question itself (only what the outcome depends on), so every text here is a Dutch `_()` source text that is
translated into the conversation language.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import AskingFormValidationAction, activating
from actions.melding_texts import (
    AGAIN_BUTTON,
    ASK_AGE,
    ASK_HOURS,
    ASK_KIND,
    ASK_LATE_COUNT,
    ASK_SCHOOL_TYPE,
    ASK_STARTKWALIFICATIE,
    ASK_SUSPECTED_SCHORSING,
    ASK_SUSPECTED_ZIEKTE,
    ASK_WEEKS,
    ASK_WEEKS_18,
    CHECKLIST_TITLE,
    CONSULT_BUTTON,
    CONSULT_OFFER,
    CONSULT_OFFER_ADVISED,
    DONT_KNOW,
    FIELDS_TITLE,
    HEADLINES,
    IMPLAUSIBLE,
    INTRO,
    KIND_BUTTONS,
    LABEL_ASSUMPTIONS,
    LABEL_CATEGORY,
    LABEL_CHANNEL,
    LABEL_DEADLINE,
    LABEL_FINE,
    LABEL_NOTES,
    LABEL_RECIPIENT,
    NO,
    NOT_UNDERSTOOD,
    SCHOOL_TYPE_BUTTONS,
    UNITS,
    YES,
)
from assistant.clock import today
from assistant.i18n import Localiser, language_of_message
from assistant.insight import record as insight
from assistant.knowledge import resolve_citations as resolve
from assistant.knowledge.law_date import LAW_ON
from assistant.knowledge.parameters import params
from assistant.melding_facts import (
    MORE_THAN_FOUR,
    QUESTION_ORDER,
    UNKNOWN,
    build_facts,
    next_questions,
    parse_melding_text,
)
from assistant.rules.melding import NOTE, MeldingDecision, evaluate_melding, load_melding_rules
from assistant.situation import read_facts
from assistant.situation.absence import melding_facts_of, split_for_first_bubble

FORM = "melding_form"
SLOT_PREFIX = "melding_"
FACT_NAMES = (*QUESTION_ORDER, "municipality")
SLOTS = {name: SLOT_PREFIX + name for name in FACT_NAMES}
HANDOFF_REASON_SLOT = "handoff_reason"
HANDOFF_CONTEXT_SLOT = "handoff_context"
MELDING_CONTEXT = "melding"
ESCAPE_INTENTS = frozenset({"request_human", "safety_signal", "goodbye", "bot_challenge", "out_of_scope"})


def language_of(tracker: Tracker) -> str:
    return language_of_message(tracker.latest_message)


def known_facts(tracker: Tracker) -> dict[str, Any]:
    """The melding facts gathered so far, from the slots."""
    return {name: tracker.get_slot(slot) for name, slot in SLOTS.items() if tracker.get_slot(slot) is not None}


def _buttons(loc: Localiser, buttons: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{**button, "title": loc(button["title"])} for button in buttons]


def question(fact: str, known: dict[str, Any], loc: Localiser) -> tuple[str, list[dict[str, str]]]:
    """The question for `fact` in the user's language, with its answer buttons."""
    age = known.get("age")
    law = params(today())
    adult = law.leerplicht.kwalificatieplicht_end_age.value
    lesweken, long_term = law.melding.period_lesweken.value, law.melding.long_term_relative_weeks.value
    eighteen_plus = isinstance(age, int) and age >= adult
    if fact == "school_type":
        return loc(ASK_SCHOOL_TYPE), _buttons(loc, [*SCHOOL_TYPE_BUTTONS, DONT_KNOW])
    if fact == "age":
        return loc(ASK_AGE), _buttons(loc, [DONT_KNOW])
    if fact == "startkwalificatie":
        return loc(ASK_STARTKWALIFICATIE), _buttons(loc, [YES, NO, DONT_KNOW])
    if fact == "kind":
        return loc(ASK_KIND), _buttons(loc, KIND_BUTTONS)
    if fact == "hours":
        unit = loc(UNITS.get(known.get("school_type") or "vo", UNITS["vo"]))
        return loc(ASK_HOURS, unit=unit, lesweken=lesweken), _buttons(loc, [DONT_KNOW])
    if fact == "weeks":
        if eighteen_plus:
            return loc(ASK_WEEKS_18), _buttons(loc, [DONT_KNOW])
        return loc(ASK_WEEKS, long_term=long_term), _buttons(loc, [YES, NO, DONT_KNOW])
    if fact == "late_count":
        return loc(ASK_LATE_COUNT, lesweken=lesweken), _buttons(loc, [DONT_KNOW])
    text = ASK_SUSPECTED_SCHORSING if known.get("kind") == "schorsing" else ASK_SUSPECTED_ZIEKTE
    return loc(text), _buttons(loc, [YES, NO, DONT_KNOW])


def implausible(facts: dict[str, Any]) -> list[str]:
    """The parsed facts whose numbers cannot be right (the rules' plausibility bounds; not law)."""
    bounds = load_melding_rules()["plausibility"]
    limits = {
        "age": (bounds["min_age"], bounds["max_age"]),
        "hours": (0, bounds["max_hours_in_period"]),
        "weeks": (0, 60),
        "late_count": (0, bounds["max_late_count_in_period"]),
    }
    wrong = []
    for name, (low, high) in limits.items():
        value = facts.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not low <= value <= high:
            wrong.append(name)
    return wrong


def answers_at_once(parsed: dict[str, Any]) -> bool:
    """Whether the school's first message already says enough for a verdict (hours, weeks, late arrivals, or a kind
    of absence that decides by itself): then the answer comes first and nothing is asked (issue 15: never more than
    one question before an answer); what was not said is listed under "Controleer dit nog"."""
    return any(name in parsed for name in ("hours", "weeks", "late_count")) or parsed.get("kind") in (
        "ziekte",
        "schorsing",
        "verlof",
        "luxe_vermoeden",
    )


def assume_the_rest(known: dict[str, Any]) -> dict[str, Any]:
    """`known` with every fact the outcome still depends on marked unknown (the cautious assumption is made)."""
    known = dict(known)
    for _round in QUESTION_ORDER:
        missing = next_questions(known)
        if not missing:
            break
        known.update(dict.fromkeys(missing, UNKNOWN))
    return known


class ValidateMeldingForm(AskingFormValidationAction):
    """Reads the facts from each message and asks the next question; `required_slots` are the questions that
    remain (`next_questions`: only what the outcome depends on).

    At activation the form starts afresh: facts from an earlier check are cleared, then the first message is read
    (`actions.forms.activating`: a second check in the same conversation, "Nog een leerling controleren", never
    reuses the answers of the first).
    Returns nothing for a message that answers nothing and asks for something else (a person, a safety signal,
    goodbye): Rasa then rejects the form and the unhappy-path rules take over.
    """

    def name(self) -> str:
        return "validate_melding_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        return [SLOTS[name] for name in next_questions(known_facts(tracker))]

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        loc = Localiser(language_of(tracker))
        starting = activating(tracker, FORM)
        requested = tracker.get_slot("requested_slot")
        expected = (
            requested[len(SLOT_PREFIX) :]
            if isinstance(requested, str) and not starting and requested.startswith(SLOT_PREFIX)
            else None
        )
        text = tracker.latest_message.get("text")
        parsed = parse_melding_text(text, expected)
        if expected is None:  # a question in English, Turkish, …: the facts every language states
            for name, value in melding_facts_of(read_facts(text, language_of(tracker), today=today())).items():
                parsed.setdefault(name, value)
        wrong = implausible(parsed)
        for name in wrong:
            parsed.pop(name)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if not starting and not parsed and not wrong and intent in ESCAPE_INTENTS:
            return []

        events: list[EventType] = []
        if starting:
            known = dict(parsed)
            if answers_at_once(parsed):
                known = assume_the_rest(known)  # the verdict first; what was not said is listed to check
            events += [SlotSet(slot, known.get(name)) for name, slot in SLOTS.items()]
        else:
            events += [SlotSet(SLOTS[name], value) for name, value in parsed.items()]
            if expected and expected not in parsed:
                events.append(SlotSet(SLOTS[expected], None))  # counts as validated: the question is asked again
        tracker.add_slots(events)
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        following = next_slot["value"][len(SLOT_PREFIX) :] if next_slot["value"] else None
        messages: list[str] = []
        if starting:
            if following:  # nothing to introduce when the first message already answered everything
                messages.append(loc(INTRO))
        elif wrong:
            messages.append(loc(IMPLAUSIBLE))
        elif not parsed:
            messages.append(loc(NOT_UNDERSTOOD))
        buttons: list[dict[str, str]] = []
        if following:
            text, buttons = question(following, known_facts(tracker), loc)
            messages.append(text)
        if messages:
            dispatcher.utter_message(text=loc.finish("\n\n".join(messages)), buttons=buttons)
        return [*events, next_slot]


# --- the outcome --------------------------------------------------------------------------------------------------


def resolve_citations(ids: list[str]) -> list[dict[str, Any]]:
    return [{"ref": citation.ref, "url": citation.url} for citation in resolve(ids)]


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def headline(decision: MeldingDecision, loc: Localiser) -> str:
    """The outcome in one line: report or not, and as which kind of melding ("Uitkomst: u moet dit melden bij DUO.
    Soort melding bij DUO: 16 uur in 4 weken")."""
    line = loc(HEADLINES[decision.obligation])
    if decision.texts.duo_category:
        line += " " + loc(LABEL_CATEGORY, category=decision.texts.duo_category)
    return line


def outcome_parts(
    decision: MeldingDecision, assumptions: list[tuple[str, dict[str, Any]]], loc: Localiser
) -> tuple[str, str]:
    """The outcome as a short first bubble (the headline, shown emphasised, then the rules' sentences that fit and
    the day whose law applied) and the rest for behind "Meer uitleg" (further sentences, channel, recipient, timing,
    fine, notes, what to check). Every piece is translated from the decision's messages (its findings and `texts`):
    one Dutch template per sentence, with its numbers, units and names filled in after translation."""
    texts = decision.texts
    lines, rest = split_for_first_bubble(decision)
    law_notes = [note for note in decision.messages(NOTE) if note.template == LAW_ON]
    first = [headline(decision, loc), " ".join(loc(sentence) for sentence in lines), *(loc(note) for note in law_notes)]
    parts = [" ".join(loc(sentence) for sentence in rest)] if rest else []
    details = []
    if texts.channel:
        details.append(loc(LABEL_CHANNEL, channel=texts.channel))
    if texts.recipient:
        details.append(loc(LABEL_RECIPIENT, recipient=texts.recipient))
    if texts.deadline:
        when = loc(texts.deadline)
        if texts.deadline_guidance:
            when += " " + loc(texts.deadline_guidance)
        details.append(loc(LABEL_DEADLINE, deadline=when))
    if texts.fine_risk:
        details.append(loc(LABEL_FINE, fine=texts.fine_risk))
    if details:
        parts.append("\n".join(details))
    notes = [note for note in decision.messages(NOTE) if note.template != LAW_ON]
    if notes:
        parts.append(loc(LABEL_NOTES) + "\n" + _bullets([loc(note) for note in notes]))
    if assumptions:
        parts.append(loc(LABEL_ASSUMPTIONS) + "\n" + _bullets([loc(text, **values) for text, values in assumptions]))
    return "\n\n".join(first), "\n\n".join(parts)


def checklist_text(decision: MeldingDecision, loc: Localiser) -> str:
    """The checklist (and the fields of a melding) as plain lines the administrator can copy."""
    texts = decision.texts
    parts = [loc(CHECKLIST_TITLE) + "\n" + _bullets([loc(item) for item in texts.checklist])]
    if texts.fields:
        parts.append(loc(FIELDS_TITLE) + "\n" + _bullets([loc(field) for field in texts.fields]))
    return "\n\n".join(parts)


def assessment_for(known: dict[str, Any]) -> dict[str, Any] | None:
    """The outcome for a case: `{"text", "citations", "obligation", "category"}`; None when the facts are incomplete
    or impossible."""
    if not known or next_questions(known):
        return None
    try:
        facts, assumptions = build_facts(known)
    except ValidationError:
        return None
    decision = evaluate_melding(facts, on=today())
    return {
        "text": decision.explanation,
        "citations": resolve_citations(decision.citations),
        "obligation": decision.obligation,
        "category": decision.category,
        "checklist": decision.checklist,
        "assumptions": [text.format(**v) for text, v in assumptions],
    }


def case_facts(known: dict[str, Any]) -> dict[str, Any]:
    """The melding facts as they go to the officer's case (unknown answers kept as 'onbekend')."""
    facts = {f"melding_{name}": value for name, value in known.items()}
    if known.get("weeks") == MORE_THAN_FOUR:
        facts["melding_weeks"] = "meer dan 4"
    facts["role"] = "school"
    facts["topic"] = "meldplicht_verzuim"
    if known.get("municipality"):
        facts["town"] = known["municipality"].title()
    return facts


class ActionMeldingOutcome(Action):
    """After melding_form: the outcome with its sources, a checklist to copy, and an offer to consult an officer."""

    def name(self) -> str:
        return "action_melding_outcome"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        loc = Localiser(language_of(tracker))
        known = known_facts(tracker)
        try:
            facts, assumptions = build_facts(known)
        except ValidationError:
            dispatcher.utter_message(text=loc.finish(loc(IMPLAUSIBLE)), buttons=_buttons(loc, [AGAIN_BUTTON]))
            return []
        decision = evaluate_melding(facts, on=today())
        first, details = outcome_parts(decision, assumptions, loc)
        insight.record_melding_check(
            decision.category, decision.obligation, known.get("municipality"), "chat", sender_id=tracker.sender_id
        )
        dispatcher.utter_message(
            text=loc.finish(first),
            json_message={
                "citations": resolve_citations(decision.citations),
                "topic": "meldplicht_verzuim",
                "headline": True,
                "melding": {"obligation": decision.obligation, "category": decision.category},
                **({"details": details} if details else {}),
            },
        )
        checklist = Localiser(loc.language)
        dispatcher.utter_message(text=checklist.finish(checklist_text(decision, checklist)))
        offer = Localiser(loc.language)
        text = CONSULT_OFFER_ADVISED if decision.offer_consult else CONSULT_OFFER
        dispatcher.utter_message(
            text=offer.finish(offer(text)), buttons=_buttons(offer, [CONSULT_BUTTON, AGAIN_BUTTON])
        )
        reason = "rules_need_officer" if decision.offer_consult else "user_request"
        return [SlotSet(HANDOFF_REASON_SLOT, reason), SlotSet(HANDOFF_CONTEXT_SLOT, MELDING_CONTEXT)]


__all__ = [
    "UNKNOWN",
    "ActionMeldingOutcome",
    "ValidateMeldingForm",
    "assessment_for",
    "case_facts",
    "known_facts",
]
