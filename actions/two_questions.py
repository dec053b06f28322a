"""A message that asks two questions ("Is school compulsory from age 4, and is it true that every day of absence
costs a €50 fine?"): the first question is answered as any question is (its verdict first, its buttons and
citations), the second in one extra short bubble (its verdict when its facts give one, else its topic's short
answer) with its own citations. A third question gets nothing extra. Never inside a form.

Thin: the questions come from `assistant.i18n.phrases.question_parts`, the topic of each from
`assistant.knowledge.topic_choice` (`part_topic`, `topics_per_part`) or from the facts of that question
(`topic_the_facts_fit`), and the answers from `answer_topic`, each for its own question's text and facts. The
conversation goes on from the first question: its topic is the slot, and the extra bubble carries the first's
situation (a question the first asked is still the one a short answer answers).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import answer
from assistant.i18n.phrases import QuestionPart, question_parts
from assistant.knowledge.topic_choice import part_candidates, part_topic, topics_per_part

ANSWERED_QUESTIONS = 2  # the first question's answer and one extra bubble; a third question gets nothing extra


def part_tracker(tracker: Tracker, part: QuestionPart, before: dict[str, Any] | None = None) -> Tracker:
    """`tracker` as if the message were only `part`: its text, and the entities inside it (their offsets moved).
    `before`: the situation of an answer given just before (the first question's), as the last message's."""
    message = dict(tracker.latest_message or {})
    message["text"] = part.text
    message["entities"] = [
        {**entity, "start": entity["start"] - part.start, "end": entity["end"] - part.start}
        for entity in message.get("entities") or []
        if isinstance(entity.get("start"), int)
        and isinstance(entity.get("end"), int)
        and part.start <= entity["start"]
        and entity["end"] <= part.end
    ]
    found = copy.copy(tracker)
    found.latest_message = message
    if before is not None:
        situation = {key: value for key, value in before.items() if key != "asks"}
        found.events = [
            *(tracker.events or []),
            {"event": "bot", "data": {"custom": {answer.SITUATION_KEY: situation}}},
        ]
    return found


def _topic_of(tracker: Tracker, language: str, keep: str | None, by_facts: bool) -> str | None:
    """The topic of the one question `tracker` holds (`part_tracker`): `keep` or the retrieval confirmed by the
    classifier (`part_topic`), or (`by_facts`) a topic whose verdict the question's facts fit, among the classifier's
    guesses and the retrieval's first topics for the question."""
    kb = answer.get_knowledge_base()
    text = tracker.latest_message.get("text") or ""
    found = part_topic(text, tracker.latest_message.get("intent_ranking") or [], language, kb=kb, keep=keep)
    if found is not None or not by_facts:
        return found.id if found is not None else None
    fitting = answer.topic_the_facts_fit(tracker, language, also=part_candidates(text, language, kb=kb))
    return fitting[0].id if fitting is not None else None


def _other_topic(tracker: Tracker, language: str, whole: str) -> str | None:
    """The topic whose verdict the facts of the one question `tracker` holds fit, when the question is not about
    `whole` (the retrieval does not rank it among its first topics for the question: "How do I report my son sick?"
    is about illness, whatever the facts fit) and that topic is another."""
    text = tracker.latest_message.get("text") or ""
    if whole in part_candidates(text, language, kb=answer.get_knowledge_base()):
        return None
    found = _topic_of(tracker, language, keep=None, by_facts=True)
    return found if found != whole else None


def answer_two_questions(
    dispatcher: CollectingDispatcher, tracker: Tracker, language: str, whole: str | None, sure: bool
) -> list[EventType] | None:
    """Answer the latest message when it asks two questions whose topics call for it (`topics_per_part`: `whole` is
    the topic chosen for the whole message, `sure` whether that choice was sure). None, and nothing sent, when the
    message is to be answered as one question in `whole`."""
    text = tracker.latest_message.get("text") or ""
    parts = question_parts(text, language)[:ANSWERED_QUESTIONS]
    if len(parts) < ANSWERED_QUESTIONS or (tracker.active_loop or {}).get("name"):
        return None
    pending = answer.situation_turn(tracker, whole, language)
    if pending is not None and pending.topic != whole:
        return None  # the message answers the question the assistant asked
    first_tracker, second_tracker = part_tracker(tracker, parts[0]), part_tracker(tracker, parts[1])
    # facts alone ("8 weken") choose a question's topic only when the whole message's topic was unsure, or when the
    # sure topic is the other question's and this one found none ("Is school compulsory from 4 and is every day a €50
    # fine?", sure of the fines: the age asked fits the verdict on the age of leerplicht; `_other_topic`)
    first = _topic_of(first_tracker, language, keep=whole, by_facts=not sure)
    second = _topic_of(second_tracker, language, keep=whole if sure else None, by_facts=not sure)
    if sure and whole is not None and (first, second).count(whole) == 1 and None in (first, second):
        if first is None:
            first = _other_topic(first_tracker, language, whole)
        else:
            second = _other_topic(second_tracker, language, whole)
    plan = topics_per_part(whole, sure, first, second)
    kb = answer.get_knowledge_base()
    if plan.first is None or not kb.has_topic(plan.first) or (plan.first == whole and not plan.split):
        return None
    asked, part = (first_tracker, parts[0].text) if plan.split else (tracker, text)
    turn = answer.situation_turn(asked, plan.first, language)
    event = next(asked.get_latest_entity_values(answer.EVENT_SLOT), None)
    events = answer.answer_topic(dispatcher, kb.topic(plan.first), event, language, turn, question=part)
    if plan.second is not None and kb.has_topic(plan.second):
        second_answer(dispatcher, tracker, parts[1], plan.second, language)
    return events


def second_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, part: QuestionPart, topic_id: str, language: str
) -> None:
    """The extra bubble for the second question, after the first question's answer (the last message sent): the
    answer of `topic_id` for the second question's facts on top of what the first said about the asker and the
    child, asking nothing; no buttons but a person. Nothing when the first answer ended up in that topic."""
    last = dispatcher.messages[-1] if dispatcher.messages else {}
    first = last.get("custom") or {}
    if first.get("topic") == topic_id:
        return
    kb = answer.get_knowledge_base()
    asked = part_tracker(tracker, part, before=first.get(answer.SITUATION_KEY))
    turn = answer.situation_turn(asked, topic_id, language)
    if turn is not None:  # no question, and no correction either: the first answer holds the conversation's question
        turn = replace(turn, facts=replace(turn.facts, problems=()), may_ask=False)
    scratch = CollectingDispatcher()
    event = next(asked.get_latest_entity_values(answer.EVENT_SLOT), None)
    answer.answer_topic(scratch, kb.topic(topic_id), event, language, turn, question=part.text)
    (message,) = scratch.messages
    custom = dict(message.get("custom") or {})
    custom.pop(answer.SITUATION_KEY, None)
    if answer.SITUATION_KEY in first:
        custom[answer.SITUATION_KEY] = first[answer.SITUATION_KEY]  # the conversation goes on from the first question
    person = answer.HUMAN_BUTTON["payload"]
    offered = any(button.get("payload") == person for button in last.get("buttons") or [])
    buttons = [button for button in message.get("buttons") or [] if button.get("payload") == person and not offered]
    dispatcher.utter_message(text=message.get("text"), buttons=buttons, json_message=custom)
