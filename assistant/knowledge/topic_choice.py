"""Which topic answers a message, from two independent signals: the intent classifier's ranking (Rasa's
`intent_ranking`) and the BM25 retrieval over the topics' texts and example questions (`retrieval`). Pure: the actions
pass the ranking and the text.

- **Agreement** (the classifier was unsure, `nlu_fallback`): the classifier's best topic guess is among the
  retrieval's AGREEMENT_DEPTH best topics, or the retrieval's best topic among the classifier's AGREEMENT_DEPTH best
  guesses, or (looser) among the first LOOSE_DEPTH topics of its ranking with at least LOOSE_MIN_CONFIDENCE: a
  question in words of its own still gets the topic both signals point at, instead of a menu.
- **A decisive retrieval beats an unsure classifier**: when the classifier picked a topic with less than
  UNSURE_CONFIDENCE and the retrieval alone settles another topic (`TopicIndex.decisive`: many words of the question are
  that topic's own words), the retrieval's topic is answered ("Een Joodse familie meldt dat hun dochter met Jom
  Kipoer niet komt" read as holiday leave at 0.6, while every content word is the religious days' own).
"""

from __future__ import annotations

from typing import Any

from assistant.i18n import SOURCE_LANGUAGE
from assistant.knowledge.ids import intent_for_topic, topic_id_for_intent
from assistant.knowledge.knowledge_base import KnowledgeBase
from assistant.knowledge.loader import get_knowledge_base
from assistant.knowledge.models import Topic
from assistant.knowledge.retrieval import decisive_topic, search

# A classifier guess counts as one of the two agreeing signals when it holds at least MIN_GUESS_SHARE of the confidence
# the classifier gave to topics (and at least MIN_GUESS_CONFIDENCE in all): a question with a context sentence ("Mijn
# man werkt in de horeca") can send most of the confidence to a form answer (`inform`), while the topics keep their
# order among themselves. Agreement is looked for among the first AGREEMENT_DEPTH topics of each signal.
MIN_GUESS_SHARE = 0.25
MIN_GUESS_CONFIDENCE = 0.005
AGREEMENT_DEPTH = 2
LOOSE_DEPTH = 3
LOOSE_MIN_CONFIDENCE = 0.05
# Guesses worth offering on their own when the retrieval finds nothing.
PLAUSIBLE_GUESS_CONFIDENCE = 0.2
# Below this confidence the classifier's topic gives way to a decisive retrieval. Measured on the held-out questions
# (scripts/eval_heldout.jsonl): 0.6-0.9 all gain the same few questions and lose none on the dev or situational sets.
UNSURE_CONFIDENCE = 0.7

Ranking = list[dict[str, Any]]


def _free_text(text: str) -> bool:
    return bool(text) and not text.startswith("/")


def classifier_guesses(ranking: Ranking) -> list[str]:
    """The topics of the classifier's best guesses, best first: the topic intents of its ranking (other intents such as
    `nlu_fallback` or a form answer left out) that hold at least MIN_GUESS_SHARE of the confidence given to topics."""
    topics: dict[str, float] = {}
    for item in ranking:
        topic_id = topic_id_for_intent(item.get("name") or "")
        if topic_id and topic_id not in topics:
            topics[topic_id] = float(item.get("confidence") or 0.0)
    total = sum(topics.values())
    ordered = sorted(topics.items(), key=lambda pair: pair[1], reverse=True)
    return [
        topic_id
        for topic_id, confidence in ordered
        if confidence >= MIN_GUESS_CONFIDENCE and confidence >= MIN_GUESS_SHARE * total
    ]


def plausible_guesses(ranking: Ranking, limit: int = 3) -> list[str]:
    """The classifier's topic guesses that are worth offering on their own: at least PLAUSIBLE_GUESS_CONFIDENCE."""
    confidence = {str(item.get("name")): float(item.get("confidence") or 0.0) for item in ranking}
    return [
        topic_id
        for topic_id in classifier_guesses(ranking)
        if confidence[intent_for_topic(topic_id)] >= PLAUSIBLE_GUESS_CONFIDENCE
    ][:limit]


def agreed_topic(
    text: str, ranking: Ranking, language: str = SOURCE_LANGUAGE, *, kb: KnowledgeBase | None = None
) -> Topic | None:
    """The topic the classifier's `ranking` and the retrieval for `text` agree on, if they do (module docstring)."""
    if not _free_text(text):
        return None
    kb = kb or get_knowledge_base()
    guesses = classifier_guesses(ranking)
    hits = [topic for topic, _score in search(text, k=AGREEMENT_DEPTH, kb=kb, language=language)]
    if not guesses or not hits:
        return None
    if guesses[0] in [topic.id for topic in hits]:
        return kb.topic(guesses[0])
    if hits[0].id in guesses[:AGREEMENT_DEPTH]:
        return hits[0]
    return hits[0] if hits[0].id in ranked_topics(ranking, LOOSE_MIN_CONFIDENCE)[:LOOSE_DEPTH] else None


def ranked_topics(ranking: Ranking, min_confidence: float) -> list[str]:
    """The topics of the ranking's topic intents with at least `min_confidence`, in the classifier's order."""
    topics: list[str] = []
    for item in ranking:
        topic_id = topic_id_for_intent(item.get("name") or "")
        if topic_id and topic_id not in topics and float(item.get("confidence") or 0.0) >= min_confidence:
            topics.append(topic_id)
    return topics


def surer_topic(
    text: str, topic_id: str, confidence: float, language: str = SOURCE_LANGUAGE, *, kb: KnowledgeBase | None = None
) -> str:
    """`topic_id` (the classifier's pick at `confidence`), or the topic a decisive retrieval for `text` settles when
    the classifier was unsure (below UNSURE_CONFIDENCE) and the two differ."""
    if confidence >= UNSURE_CONFIDENCE or not _free_text(text):
        return topic_id
    decisive = decisive_topic(text, kb=kb or get_knowledge_base(), language=language)
    return decisive.id if decisive is not None else topic_id
