"""The retrieval fallback: what the assistant does with a message the classifier could not place (`nlu_fallback`) or
a form's answer typed outside a form. Thin: which topic answers it comes from `assistant.knowledge.topic_choice` (the
retrieval and the classifier's guesses as two signals), from the facts of the message (`topic_the_facts_fit`, and
the topics the facts point to by themselves, `assistant.situation.implied`), and the answer from `answer_topic`."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answer import (
    EVENT_SLOT,
    SituationTurn,
    answer_topic,
    implied_by,
    latest_entity,
    message_language,
    situation_turn,
    suggest_topics,
    topic_the_facts_fit,
)
from actions.two_questions import answer_two_questions
from assistant.clock import today
from assistant.knowledge import decisive_topic, get_knowledge_base, search
from assistant.knowledge.topic_choice import agreed_topic, classifier_guesses, clear_guess
from assistant.situation import read_facts

# True after a turn this action could not answer (topics or a person offered), False after an answer: the rule
# "Twee keer achter elkaar onduidelijk" (dialogue/rules.yml) offers a person only after the first.
UNCLEAR_SLOT = "unclear"


def _correction_turn(tracker: Tracker, text: str, ranking: list[dict[str, Any]], language: str) -> SituationTurn | None:
    """A message that names a fact that cannot be right ("op 30 februari") is asked about even when its topic is
    unclear: the turn of the classifier's best topic guess (else the retrieval's best match), whose correction question
    keeps the rest."""
    if not text or text.startswith("/") or not read_facts(text, language, today=today()).problems:
        return None
    kb = get_knowledge_base()
    found = [topic.id for topic, _score in search(text, k=1, kb=kb, language=language)]
    topic_id = next((tid for tid in [*classifier_guesses(ranking), *found] if kb.has_topic(tid)), None)
    return situation_turn(tracker, topic_id, language) if topic_id else None


class ActionRetrievalFallback(Action):
    """For `nlu_fallback` (and a form answer outside a form): answer the question the assistant just asked when this
    answers it; answer when the retrieval alone is decisive, or when the classifier's best guess and the retrieval
    agree, or when that guess stands clear of the others (`clear_guess`), or when the facts of the message give a
    verdict for one of their best guesses or for a topic they point to by themselves (a birth date; an 18-plus pupil
    away for weeks); otherwise offer the topics whose text best matches what the user wrote (or
    the classifier's plausible guesses), and a person."""

    def name(self) -> str:
        return "action_retrieval_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events = self._respond(dispatcher, tracker)
        if not any(event.get("event") == "slot" and event.get("name") == UNCLEAR_SLOT for event in events):
            events = [*events, SlotSet(UNCLEAR_SLOT, False)]  # answered: a next unclear message is tried again
        return events

    def _respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        language = message_language(tracker)
        kb = get_knowledge_base()
        pending = situation_turn(tracker, None, language)
        if pending is not None and kb.has_topic(pending.topic):
            return answer_topic(
                dispatcher, kb.topic(pending.topic), latest_entity(tracker, EVENT_SLOT), language, pending
            )
        text = tracker.latest_message.get("text") or ""
        decisive = decisive_topic(text, kb=kb, language=language) if text and not text.startswith("/") else None
        ranking = tracker.latest_message.get("intent_ranking") or []
        topic = decisive or agreed_topic(text, ranking, language, kb=kb) or clear_guess(text, ranking, language, kb=kb)
        implied = implied_by(text, language)
        # the topics the facts point to by themselves come before the classifier's guesses, which were too weak
        fitting = None if topic is not None else topic_the_facts_fit(tracker, language, first=implied)
        whole = topic or (fitting[0] if fitting is not None else None)
        both = answer_two_questions(
            dispatcher, tracker, language, whole.id if whole else None, sure=decisive is not None
        )
        if both is not None:
            return both
        if topic is not None:
            turn = situation_turn(tracker, topic.id, language)
            return answer_topic(dispatcher, topic, latest_entity(tracker, EVENT_SLOT), language, turn, question=text)
        if fitting is not None:
            event = latest_entity(tracker, EVENT_SLOT)
            return answer_topic(dispatcher, fitting[0], event, language, fitting[1], question=text)
        unsure = _correction_turn(tracker, text, ranking, language)
        if unsure is not None:  # "30 februari": the correction question first, whatever the topic turns out to be
            return answer_topic(dispatcher, kb.topic(unsure.topic), None, language, unsure, question=text)
        suggest_topics(dispatcher, text, language, ranking)
        return [SlotSet(UNCLEAR_SLOT, True)]  # not answered: a second unclear message offers a person
