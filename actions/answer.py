"""Answer actions: a topic's grounded answer for the asker's situation, and the retrieval fallback when the intent is
unclear. Thin: the facts and the verdict come from `assistant.situation`, the texts from `assistant.knowledge`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.clock import today
from assistant.i18n import SOURCE_LANGUAGE, UNTRANSLATED_NOTICE, Localiser, _, language_of_message, translate
from assistant.i18n.phrases import is_open_question, without_yes_or_no
from assistant.knowledge import get_knowledge_base, render_answer, search
from assistant.knowledge.ids import GEBEURTENISSEN, intent_for_topic, topic_id_for_intent
from assistant.knowledge.law_date import law_line
from assistant.knowledge.models import Citation, Topic
from assistant.knowledge.passages import point_asked
from assistant.knowledge.render import BULLET
from assistant.knowledge.topic_choice import (
    AGREEMENT_DEPTH,
    UNSURE_CONFIDENCE,
    classifier_guesses,
    plausible_guesses,
    surer_topic,
)
from assistant.situation import Facts, read_facts, says_unknown
from assistant.situation.audience import audience_turn
from assistant.situation.implied import implied_topics
from assistant.situation.verdict import Choice, situational_reply
from assistant.verlof_requests.reasons import NON_REASONS

FOLLOWUP_INTENT = "ask_followup"
FALLBACK_INTENT = "nlu_fallback"
TOPIC_SLOT = "topic"
EVENT_SLOT = "gebeurtenis"
SITUATION_KEY = "situation"  # the facts in a message's custom payload and in a situation button's payload
# Facts about the asker and the child that carry over to another topic (the rest belongs to one question).
PERSISTENT_FACTS = ("role", "age", "birth_date", "school_type", "groep", "klas", "startkwalificatie", "municipality")
_PAYLOAD = re.compile(r"^/\w+(\{.*\})\s*$", re.DOTALL)
# A message of a few words that gives the fact just asked for is the answer, whatever topic the classifier sees in
# it ("hij is 4" may look like a question about five-year-olds); a longer one about another topic is a new question.
SHORT_ANSWER_WORDS = 6
HUMAN_BUTTON = {"title": _("Met een medewerker praten"), "payload": "/request_human"}
# After an answer about leave the parent can file the request here (the form checks it against the law and routes it);
# not after a verdict that refuses it (`Reply.refuses`).
REQUEST_BUTTON = {"title": _("Verlof aanvragen"), "payload": "/request_verlof"}
REQUEST_TOPICS = ("verlof_vakantie", "verlof_gewichtige_omstandigheden", "geoorloofd_verzuim")
# A guess the facts fit is answered when the classifier gave it at least this much ("13 maart" alone, read as a form
# answer with a faint guess of leave, is no question about leave).
FACTS_FIT_GUESS_CONFIDENCE = 0.1
SUGGESTIONS_TEXT = _("Sorry, ik weet niet zeker wat u bedoelt. Gaat uw vraag over een van deze onderwerpen?")
NO_MATCH_TEXT = _("Daar kan ik u niet mee helpen; wilt u met een medewerker praten?")


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def latest_entity(tracker: Tracker, entity: str) -> str | None:
    return next(tracker.get_latest_entity_values(entity), None)


def message_language(tracker: Tracker) -> str:
    """The conversation language the gateway put in the message metadata (Dutch when absent)."""
    return language_of_message(tracker.latest_message)


def _topic_button(topic: Topic, loc: Localiser) -> dict[str, str]:
    return {"title": loc(topic.title), "payload": f"/{intent_for_topic(topic.id)}"}


def _human_button(loc: Localiser) -> dict[str, str]:
    return {**HUMAN_BUTTON, "title": loc(HUMAN_BUTTON["title"])}


def _citation_json(citations: list[Citation]) -> list[dict[str, Any]]:
    return [{"ref": citation.ref, "url": citation.url} for citation in citations]


def suggest_topics(
    dispatcher: CollectingDispatcher, text: str, language: str = "nl", ranking: list[dict[str, Any]] | None = None
) -> None:
    """Offer the topics that best match `text` (or, when the retrieval finds none, the classifier's plausible topic
    guesses from `ranking`) and a person; when neither finds a topic, say in one sentence that this is not something
    the assistant covers and offer only a person (a menu of unrelated topics helps nobody).
    Texts and button titles are in `language`. The message's custom payload says which (`fallback`: `suggestions`
    or `no_match`)."""
    kb = get_knowledge_base()
    loc = Localiser(language)
    hits = (
        [topic for topic, _score in search(text, k=3, kb=kb, language=language)]
        if text and not text.startswith("/")
        else []
    )
    if not hits:
        hits = [kb.topic(topic_id) for topic_id in plausible_guesses(ranking or []) if kb.has_topic(topic_id)]
    message, kind = (SUGGESTIONS_TEXT, "suggestions") if hits else (NO_MATCH_TEXT, "no_match")
    buttons = [*(_topic_button(topic, loc) for topic in hits), _human_button(loc)]
    # `fallback` tells the gateway this turn was not understood (the officers' not-understood rate, review queue).
    dispatcher.utter_message(text=loc.finish(loc(message)), buttons=buttons, json_message={"fallback": kind})


class ActionAnswerTopic(Action):
    """Answer the topic of the latest intent (`ask_<topic>`), or of the previous answer for `ask_followup`, for the
    asker's situation: the facts of the message (and of the conversation so far) go to `assistant.situation`, whose
    verdict is the first bubble; the topic's text (in the variant for the event named) follows behind "Meer uitleg".
    A message that answers the question the assistant just asked continues that topic."""

    def name(self) -> str:
        return "action_answer_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = get_knowledge_base()
        intent = _intent(tracker)
        previous_topic = tracker.get_slot(TOPIC_SLOT)
        topic_id = previous_topic if intent == FOLLOWUP_INTENT else topic_id_for_intent(intent or "")
        language = message_language(tracker)
        # In the middle of a form the short answer is enough: the form's question follows and must stay in view.
        in_form = bool((tracker.active_loop or {}).get("name"))
        question = tracker.latest_message.get("text") or ""
        if topic_id and intent != FOLLOWUP_INTENT and not in_form:
            confidence = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)
            ranking = tracker.latest_message.get("intent_ranking") or []
            topic_id = surer_topic(question, topic_id, confidence, language, kb=kb, ranking=ranking)
            if confidence < UNSURE_CONFIDENCE:
                topic_id = _fitting_guess(tracker, language, topic_id)
            both = _two_questions(dispatcher, tracker, language, topic_id, sure=confidence >= UNSURE_CONFIDENCE)
            if both is not None:
                return both
        turn = None if in_form else situation_turn(tracker, topic_id, language)
        if turn is not None:
            topic_id = turn.topic
        if not topic_id or not kb.has_topic(topic_id):
            suggest_topics(dispatcher, question, language)
            return []
        topic = kb.topic(topic_id)
        event = latest_entity(tracker, EVENT_SLOT)
        if event is None and (intent == FOLLOWUP_INTENT or topic_id == previous_topic):
            event = tracker.get_slot(EVENT_SLOT)
        return answer_topic(dispatcher, topic, event, language, turn, brief=in_form, question=question)


@dataclass(frozen=True)
class SituationTurn:
    """The topic to answer and the facts to answer it with (this message's on top of the conversation's)."""

    topic: str
    facts: Facts
    may_ask: bool


def _last_situation(tracker: Tracker) -> dict[str, Any] | None:
    """The situation the assistant's last message carried (its topic, facts and the question it asked, if any)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "bot":
            custom = (event.get("data") or {}).get("custom")
            found = custom.get(SITUATION_KEY) if isinstance(custom, dict) else None
            return found if isinstance(found, dict) else None
    return None


def _payload_situation(text: str) -> dict[str, Any] | None:
    """The facts a situation button sends: '/ask_<topic>{"situation": {...}}'."""
    match = _PAYLOAD.match(text or "")
    if not match:
        return None
    try:
        data = json.loads(match.group(1))
    except ValueError:
        return None
    found = data.get(SITUATION_KEY) if isinstance(data, dict) else None
    return found if isinstance(found, dict) else None


def _answers(asks: str, new: Facts, text: str) -> bool:
    """Whether a message answers the question `asks` (or says it does not know)."""
    if new.unknown or says_unknown(text):
        return True
    if asks == "reason":
        return new.reason is not None
    if asks == "age":
        return new.age is not None or new.birth_date is not None
    if asks == "municipality":
        return new.municipality is not None
    return new.has_any or bool(new.problems)


def situation_turn(tracker: Tracker, topic_id: str | None, language: str) -> SituationTurn | None:
    """The topic and facts of this turn: a situation button's, an answer to the question just asked (that question's
    topic, no further question), or this message's facts on top of what the conversation said before (all of it in
    the same topic; who asks and about which child in another). None when there is no topic to answer."""
    text = tracker.latest_message.get("text") or ""
    button = _payload_situation(text)
    if button is not None and topic_id:
        return SituationTurn(topic_id, Facts.from_json(button), may_ask=False)
    previous = _last_situation(tracker) or {}
    carried = Facts.from_json(previous.get("facts"))
    events = [value for value in tracker.get_latest_entity_values(EVENT_SLOT) if isinstance(value, str)]
    new = read_facts(text, language, today=today(), events=events)
    asks, asked_topic = previous.get("asks"), previous.get("topic")
    same_question = topic_id in (None, asked_topic) or len(text.split()) <= SHORT_ANSWER_WORDS
    if isinstance(asks, str) and isinstance(asked_topic, str) and same_question and _answers(asks, new, text):
        if new.unknown or says_unknown(text):
            new = replace(new, unknown=(*new.unknown, asks))
        return SituationTurn(asked_topic, carried.merged(new), may_ask=False)
    if not topic_id:
        return None
    same = carried.without("point")  # the point asked ("opnieuw melden?") belongs to its own question
    base = same if previous.get("topic") == topic_id else carried.keeping(PERSISTENT_FACTS)
    return SituationTurn(topic_id, base.merged(new), may_ask=True)


def _button(choice: Choice, loc: Localiser) -> dict[str, str]:
    payload = json.dumps({SITUATION_KEY: choice.facts.to_json()}, ensure_ascii=False, separators=(",", ":"))
    return {"title": loc(choice.title), "payload": f"/{intent_for_topic(choice.topic)}{payload}"}


def answer_topic(
    dispatcher: CollectingDispatcher,
    topic: Topic,
    event: str | None,
    language: str,
    turn: SituationTurn | None = None,
    brief: bool = False,
    question: str = "",
) -> list[EventType]:
    """Send the answer of `topic` for the situation of `turn`: the verdict (or the one question) first, the topic's
    text (in the variant for `event`, if it has one) behind "Meer uitleg", every citation (those of the first
    bubble first, statute first). Without a verdict, the short answer is followed by the step or detail that answers
    the point `question` asks, when one does. `brief` (inside a form): only the short answer."""
    kb = get_knowledge_base()
    loc = Localiser(language)
    reply = situational_reply(topic.id, turn.facts, today(), may_ask=turn.may_ask) if turn is not None else None
    if reply is not None and reply.topic != topic.id and kb.has_topic(reply.topic):
        topic = kb.topic(reply.topic)
    if reply is not None and reply.facts.reason in NON_REASONS:
        event = None  # no event's text beside a reason that does not count ("carnaval" is an "overig" synonym)
    if event not in topic.variants and reply is not None and reply.variant in topic.variants:
        event = reply.variant
    if event not in topic.variants and turn is not None:  # the reason given, else the subject asked ("thuisonderwijs")
        event = next((fact for fact in (turn.facts.reason, turn.facts.asks_about) if fact in topic.variants), event)
    variant = event if event in topic.variants else None
    facts = reply.facts if reply is not None else turn.facts if turn is not None else None
    audience, choices = audience_turn(topic.id, topic.audiences, facts, reply, brief)  # school staff: their text
    # the topic text states the law of the day the verdict applied (its legal numbers are rendered on that day)
    law_date = reply.law_date if reply is not None else None
    answer = render_answer(topic, variant, audience=audience, brief=brief, kb=kb, language=language, on=law_date)
    buttons = [
        *(_button(choice, loc) for choice in choices),
        *({"title": title, "payload": payload} for title, payload in answer.buttons),
    ]
    # a request is invited unless the verdict asks a question or refuses ("Nee": there is nothing to request)
    if topic.id in REQUEST_TOPICS and not brief and not (reply and (reply.is_question or reply.refuses)):
        buttons.append({**REQUEST_BUTTON, "title": loc(REQUEST_BUTTON["title"])})
    if (topic.handoff or (reply is not None and reply.handoff)) and not (reply and reply.is_question):
        buttons.append(_human_button(loc))
    citation_ids: list[str] = []
    if reply is None:
        first, more = answer.short, answer.more
        passage = None if brief or variant else point_asked(question, topic.id, language, kb=kb, audience=audience)
        if passage:
            first = f"{first}\n\n{passage}"
    elif reply.asks == "correction":
        first, more = " ".join(loc(line) for line in reply.lines), ""
    elif reply.is_question:
        first = "\n\n".join([answer.short, *(loc(line) for line in reply.lines)])
        more = answer.more
    else:
        first = " ".join(loc(line) for line in reply.lines)
        # the point asked that the verdict does not give ("óp de dag?": the term), from the topic's own text
        if reply.topic_text and not brief and not audience:
            verdict = " ".join(Localiser(SOURCE_LANGUAGE)(line) for line in reply.lines)
            point = point_asked(question, topic.id, language, kb=kb, answered=verdict)
            first += f"\n\n{point}" if point else ""
        if reply.law_date is not None:
            first += "\n\n" + loc(law_line(reply.law_date, today()))
        computed = "\n".join(f"{BULLET}{loc(line)}" for line in reply.details)
        # a topic text written for someone else (a parent) stays out of a school's answer (its text for them does not)
        own = (answer.short, answer.more) if reply.topic_text or answer.audience else ()
        more = "\n\n".join(part for part in (computed, *own) if part)
        citation_ids = list(reply.citations)
    if is_open_question(question, language):  # "Voor wie geldt …?" is answered with what holds, not "Ja."
        first = without_yes_or_no(first, language)
    citations = kb.resolve(citation_ids) if citation_ids else []
    if not (reply and reply.asks == "correction"):
        citations = list(dict.fromkeys([*citations, *answer.citations]))
    complete = loc.complete and answer.complete
    notice = "" if complete else translate(UNTRANSLATED_NOTICE, language) + "\n\n"
    custom: dict[str, Any] = {"citations": _citation_json(citations), "topic": topic.id}
    if more:
        custom["details"] = more
    if facts is not None:
        custom[SITUATION_KEY] = {
            "topic": topic.id,
            "facts": facts.to_json(),
            **({"asks": reply.asks} if reply is not None and reply.asks else {}),
        }
    dispatcher.utter_message(text=notice + first, buttons=buttons, json_message=custom)
    return [SlotSet(TOPIC_SLOT, topic.id), SlotSet(EVENT_SLOT, variant if variant in GEBEURTENISSEN else None)]


def topic_the_facts_fit(
    tracker: Tracker, language: str = "nl", also: tuple[str, ...] = (), first: tuple[str, ...] = ()
) -> tuple[Topic, SituationTurn] | None:
    """A topic among `first`, then the classifier's best guesses, then `also`, for which the facts of the message give
    a verdict ("drie weken in oktober" fits leave, "ik ben 17, mag ik stoppen" the kwalificatieplicht): a guess and
    facts that only a verdict of that topic uses are two signals, as a guess and the retrieval are."""
    text = tracker.latest_message.get("text") or ""
    if not text or text.startswith("/"):
        return None
    kb = get_knowledge_base()
    ranking = tracker.latest_message.get("intent_ranking") or []
    confidence = {str(item.get("name")): float(item.get("confidence") or 0.0) for item in ranking}
    guesses = [
        topic_id
        for topic_id in classifier_guesses(ranking)
        if confidence.get(intent_for_topic(topic_id), 0.0) >= FACTS_FIT_GUESS_CONFIDENCE
    ]
    for topic_id in dict.fromkeys([*first, *guesses[:AGREEMENT_DEPTH], *also]):
        if not kb.has_topic(topic_id):
            continue
        turn = situation_turn(tracker, topic_id, language)
        if turn is None or not turn.facts.has_any:
            continue
        reply = situational_reply(topic_id, turn.facts, today(), may_ask=False)
        if reply is not None and not reply.is_question and reply.topic == topic_id:
            return kb.topic(topic_id), turn
    return None


def implied_by(text: str | None, language: str) -> tuple[str, ...]:
    """The topics the facts of `text` point to by themselves (a birth date: the leerplicht dates, not the offer of a
    person; `assistant.situation.implied`)."""
    if not text or text.startswith("/"):
        return ()
    return implied_topics(read_facts(text, language, today=today()), today())


def _fitting_guess(tracker: Tracker, language: str, topic_id: str) -> str:
    """`topic_id` (an unsure pick), or another of the classifier's best guesses whose verdict the facts of the message
    give when the pick's verdict does not use them ("ik maak me zorgen over het buurmeisje, ik hoor geschreeuw":
    the worry about a child's safety, not moving abroad), or a topic the facts point to by themselves
    (`assistant.situation.implied`, first): a guess and facts that only its verdict uses are two signals, as a guess
    and the retrieval are."""
    turn = situation_turn(tracker, topic_id, language)
    if turn is None or not turn.facts.has_any:
        return topic_id
    own = situational_reply(topic_id, turn.facts, today(), may_ask=False)
    if own is not None:
        return topic_id
    fitting = topic_the_facts_fit(tracker, language, first=implied_by(tracker.latest_message.get("text"), language))
    return fitting[0].id if fitting is not None else topic_id


def _two_questions(
    dispatcher: CollectingDispatcher, tracker: Tracker, language: str, whole: str | None, sure: bool
) -> list[EventType] | None:
    """The answers to a message that asks two questions (`actions.two_questions`), or None to answer it as one."""
    from actions.two_questions import answer_two_questions  # builds on this module

    return answer_two_questions(dispatcher, tracker, language, whole, sure)
