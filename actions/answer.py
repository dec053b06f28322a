"""Answer actions: a topic's grounded answer, and the retrieval fallback when the intent is unclear."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.i18n import Localiser, _, language_of_message
from assistant.knowledge import decisive_topic, get_knowledge_base, render_answer, search
from assistant.knowledge.ids import intent_for_topic, topic_id_for_intent
from assistant.knowledge.models import Citation, Topic

FOLLOWUP_INTENT = "ask_followup"
FALLBACK_INTENT = "nlu_fallback"
# A classifier guess counts as one of the two agreeing signals when it holds at least MIN_GUESS_SHARE of the confidence
# the classifier gave to topics (and at least MIN_GUESS_CONFIDENCE in all): a question with a context sentence ("Mijn
# man werkt in de horeca") can send most of the confidence to a form answer (`inform`), while the topics keep their
# order among themselves. Agreement is looked for among the first AGREEMENT_DEPTH topics of each signal.
MIN_GUESS_SHARE = 0.25
MIN_GUESS_CONFIDENCE = 0.005
AGREEMENT_DEPTH = 2
TOPIC_SLOT = "topic"
EVENT_SLOT = "gebeurtenis"
HUMAN_BUTTON = {"title": _("Met een medewerker praten"), "payload": "/request_human"}
# When the retrieval finds no topic, the classifier's own topic guesses of at least this confidence are offered instead
# (a question in words the topic texts do not use, "Hebben kinderen van voetballers ook leerplicht?").
PLAUSIBLE_GUESS_CONFIDENCE = 0.2
SUGGESTIONS_TEXT = _("Sorry, ik weet niet zeker wat u bedoelt. Gaat uw vraag over een van deze onderwerpen?")
NO_MATCH_TEXT = _("Daar kan ik u niet mee helpen; wilt u met een medewerker praten?")


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _latest_entity(tracker: Tracker, entity: str) -> str | None:
    return next(tracker.get_latest_entity_values(entity), None)


def _language(tracker: Tracker) -> str:
    """The conversation language the gateway put in the message metadata (Dutch when absent)."""
    return language_of_message(tracker.latest_message)


def _topic_button(topic: Topic, loc: Localiser) -> dict[str, str]:
    return {"title": loc(topic.title), "payload": f"/{intent_for_topic(topic.id)}"}


def _human_button(loc: Localiser) -> dict[str, str]:
    return {**HUMAN_BUTTON, "title": loc(HUMAN_BUTTON["title"])}


def _citation_json(citations: list[Citation]) -> list[dict[str, Any]]:
    return [{"ref": citation.ref, "url": citation.url} for citation in citations]


def suggest_topics(dispatcher: CollectingDispatcher, text: str, language: str = "nl",
                   ranking: list[dict[str, Any]] | None = None) -> None:
    """Offer the topics that best match `text` (or, when the retrieval finds none, the classifier's plausible topic
    guesses from `ranking`) and a person; when neither finds a topic, say in one sentence that this is not something
    the assistant covers and offer only a person (a menu of unrelated topics helps nobody).
    Texts and button titles are in `language`. The message's custom payload says which (`fallback`: `suggestions`
    or `no_match`)."""
    kb = get_knowledge_base()
    loc = Localiser(language)
    hits = [topic for topic, _score in search(text, k=3, kb=kb, language=language)] \
        if text and not text.startswith("/") else []
    if not hits:
        hits = [kb.topic(topic_id) for topic_id in plausible_guesses(ranking or []) if kb.has_topic(topic_id)]
    message, kind = (SUGGESTIONS_TEXT, "suggestions") if hits else (NO_MATCH_TEXT, "no_match")
    buttons = [*(_topic_button(topic, loc) for topic in hits), _human_button(loc)]
    # `fallback` tells the gateway this turn was not understood (the officers' not-understood rate, review queue).
    dispatcher.utter_message(text=loc.finish(loc(message)), buttons=buttons, json_message={"fallback": kind})


class ActionAnswerTopic(Action):
    """Answer the topic of the latest intent (`ask_<topic>`), or of the previous answer for `ask_followup`,
    in the variant for the event (`gebeurtenis`) the user named."""

    def name(self) -> str:
        return "action_answer_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = get_knowledge_base()
        intent = _intent(tracker)
        previous_topic = tracker.get_slot(TOPIC_SLOT)
        topic_id = previous_topic if intent == FOLLOWUP_INTENT else topic_id_for_intent(intent or "")
        language = _language(tracker)
        if not topic_id or not kb.has_topic(topic_id):
            suggest_topics(dispatcher, tracker.latest_message.get("text") or "", language)
            return []
        topic = kb.topic(topic_id)
        event = _latest_entity(tracker, EVENT_SLOT)
        if event is None and (intent == FOLLOWUP_INTENT or topic_id == previous_topic):
            event = tracker.get_slot(EVENT_SLOT)
        # In the middle of a form the short answer is enough: the form's question follows and must stay in view.
        in_form = bool((tracker.active_loop or {}).get("name"))
        return answer_topic(dispatcher, topic, event, language, brief=in_form)


def _brief(topic: Topic) -> Topic:
    """The topic with only its short answers (no steps, details or related topics), for an answer inside a form."""
    variants = {name: variant.model_copy(update={"steps": (), "details": ()})
                for name, variant in topic.variants.items()}
    answer = topic.answer.model_copy(update={"steps": (), "details": ()})
    return topic.model_copy(update={"answer": answer, "variants": variants, "related": ()})


def answer_topic(dispatcher: CollectingDispatcher, topic: Topic, event: str | None, language: str,
                 brief: bool = False) -> list[EventType]:
    """Send the answer of `topic` (in the variant for `event`, if it has one) with its citations; `brief`: only the
    short answer."""
    kb = get_knowledge_base()
    variant = event if event in topic.variants else None
    answer = render_answer(_brief(topic) if brief else topic, variant, kb=kb, language=language)
    buttons = [{"title": title, "payload": payload} for title, payload in answer.buttons]
    if topic.handoff:
        buttons.append(_human_button(Localiser(language)))
    dispatcher.utter_message(
        text=answer.text,
        buttons=buttons,
        json_message={"citations": _citation_json(answer.citations), "topic": topic.id},
    )
    return [SlotSet(TOPIC_SLOT, topic.id), SlotSet(EVENT_SLOT, variant)]


def classifier_guesses(ranking: list[dict[str, Any]]) -> list[str]:
    """The topics of the classifier's best guesses, best first: the topic intents of its ranking (other intents such as
    `nlu_fallback` or a form answer left out) that hold at least MIN_GUESS_SHARE of the confidence given to topics."""
    topics: dict[str, float] = {}
    for item in ranking:
        topic_id = topic_id_for_intent(item.get("name") or "")
        if topic_id and topic_id not in topics:
            topics[topic_id] = float(item.get("confidence") or 0.0)
    total = sum(topics.values())
    ordered = sorted(topics.items(), key=lambda pair: pair[1], reverse=True)
    return [topic_id for topic_id, confidence in ordered
            if confidence >= MIN_GUESS_CONFIDENCE and confidence >= MIN_GUESS_SHARE * total]


def plausible_guesses(ranking: list[dict[str, Any]], limit: int = 3) -> list[str]:
    """The classifier's topic guesses that are worth offering on their own: at least PLAUSIBLE_GUESS_CONFIDENCE."""
    confidence = {str(item.get("name")): float(item.get("confidence") or 0.0) for item in ranking}
    return [topic_id for topic_id in classifier_guesses(ranking)
            if confidence[intent_for_topic(topic_id)] >= PLAUSIBLE_GUESS_CONFIDENCE][:limit]


def agreed_topic(tracker: Tracker, language: str = "nl") -> Topic | None:
    """The topic the intent classifier and the text retrieval agree on, if they do.

    The classifier alone was not confident enough for `nlu_fallback`; two independent signals pointing at the same
    topic are, so the user gets the answer instead of a list of buttons. They agree when the classifier's best guess
    is among the retrieval's two best topics, or the retrieval's best topic among the classifier's two best guesses.
    """
    text = tracker.latest_message.get("text") or ""
    if not text or text.startswith("/"):
        return None
    guesses = classifier_guesses(tracker.latest_message.get("intent_ranking") or [])
    kb = get_knowledge_base()
    hits = [topic for topic, _score in search(text, k=AGREEMENT_DEPTH, kb=kb, language=language)]
    if not guesses or not hits:
        return None
    if guesses[0] in [topic.id for topic in hits]:
        return kb.topic(guesses[0])
    return hits[0] if hits[0].id in guesses[:AGREEMENT_DEPTH] else None


class ActionRetrievalFallback(Action):
    """For `nlu_fallback` (and a form answer outside a form): answer when the retrieval alone is decisive, or when the
    classifier's best guess and the retrieval agree; otherwise offer the topics whose text best matches what
    the user wrote (or the classifier's plausible guesses), and a person."""

    def name(self) -> str:
        return "action_retrieval_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = _language(tracker)
        text = tracker.latest_message.get("text") or ""
        decisive = decisive_topic(text, kb=get_knowledge_base(), language=language) \
            if text and not text.startswith("/") else None
        topic = decisive or agreed_topic(tracker, language)
        if topic is not None:
            return answer_topic(dispatcher, topic, _latest_entity(tracker, EVENT_SLOT), language)
        suggest_topics(dispatcher, tracker.latest_message.get("text") or "", language,
                       tracker.latest_message.get("intent_ranking") or [])
        return []
