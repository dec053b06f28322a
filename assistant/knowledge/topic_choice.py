"""Which topic answers a message, from two independent signals: the intent classifier's ranking (Rasa's
`intent_ranking`) and the BM25 retrieval over the topics' texts and example questions (`retrieval`). Pure: the actions
pass the ranking and the text.

- **Agreement** (the classifier was unsure, `nlu_fallback`): the classifier's best topic guess is among the
  retrieval's AGREEMENT_DEPTH best topics, or the retrieval's best topic among the classifier's AGREEMENT_DEPTH best
  guesses, or (looser) among the first LOOSE_DEPTH topics of its ranking with at least LOOSE_MIN_CONFIDENCE (and
  those tied with the last of them, `loose_guesses`), also when no guess holds a quarter of the confidence: a
  question in words of its own still gets the topic both signals point at, instead of a menu.
- **A clear guess**: when neither agrees nor settles it, a classifier guess that stands well clear of every other intent
  (at least CLEAR_GUESS_CONFIDENCE and CLEAR_GUESS_MARGIN times the next intent), with no retrieval hit for another
  topic, is answered rather than a menu (a short question about when leave can be asked: 0.37 for when a child may
  stay away, 0.22 for the request form, the retrieval finds nothing above its threshold); of two guesses tied that
  clear of the rest, the one the retrieval ranks first.
- **A decisive retrieval beats an unsure classifier**: when the classifier picked a topic with less than
  UNSURE_CONFIDENCE and the retrieval alone settles another topic (`TopicIndex.decisive`: many words of the question are
  that topic's own words), the retrieval's topic is answered ("Een Joodse familie meldt dat hun dochter met Jom
  Kipoer niet komt" read as holiday leave at 0.6, while every content word is the religious days' own).
- **Two questions in one message** (`assistant.i18n.phrases.question_parts`): the classifier read the whole message,
  so for each question its ranking only confirms what the retrieval for that question finds (`part_topic`; the whole
  message's topic stays with the first question when the retrieval finds it there too, and a sure one with the second
  too; when the whole message's topic was unsure, the actions add the topic whose verdict the facts of the question
  fit, among `part_candidates`). `topics_per_part` then says whether each question gets its own answer: when the whole
  message's topic was unsure, or when the questions have two different topics and the classifier's sure topic is one
  of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.i18n import SOURCE_LANGUAGE
from assistant.knowledge.ids import intent_for_topic, topic_id_for_intent
from assistant.knowledge.knowledge_base import KnowledgeBase
from assistant.knowledge.loader import get_knowledge_base
from assistant.knowledge.models import Topic
from assistant.knowledge.retrieval import decisive_topic, leading_topics, search, strong_topic

# A classifier guess counts as one of the two agreeing signals when it holds at least MIN_GUESS_SHARE of the confidence
# the classifier gave to topics (and at least MIN_GUESS_CONFIDENCE in all): a question with a context sentence ("Mijn
# man werkt in de horeca") can send most of the confidence to a form answer (`inform`), while the topics keep their
# order among themselves. Agreement is looked for among the first AGREEMENT_DEPTH topics of each signal.
MIN_GUESS_SHARE = 0.25
MIN_GUESS_CONFIDENCE = 0.005
AGREEMENT_DEPTH = 2
LOOSE_DEPTH = 3
# A topic the classifier ranks just after the LOOSE_DEPTH-th with (nearly) the same confidence, at least TIED_SHARE of
# it, is tied with it: the classifier does not tell 0.13 from 0.127 ("ziek gemeld" among four topics of 0.13-0.16).
TIED_SHARE = 0.95
# The classifier's two best guesses with the second at least CLOSE_SHARE of the first are too close to tell apart: when
# the retrieval has both among its first, its order decides (0.49 for reporting absence, 0.46 for deregistration, and
# the retrieval ranks deregistration first for "Welke uitschrijfdatum zetten wij …?").
CLOSE_SHARE = 0.9
LOOSE_MIN_CONFIDENCE = 0.05
# A clear guess of an unsure classifier (module docstring): what it must reach on its own and against the next intent.
CLEAR_GUESS_CONFIDENCE = 0.3
CLEAR_GUESS_MARGIN = 1.5
# Guesses worth offering on their own when the retrieval finds nothing.
PLAUSIBLE_GUESS_CONFIDENCE = 0.2
# Below this confidence the classifier's topic gives way to a decisive retrieval. Measured on the held-out questions
# (scripts/eval_heldout.jsonl): 0.6-0.9 all gain the same few questions and lose none on the dev or situational sets.
UNSURE_CONFIDENCE = 0.7
# An unsure pick's runner-up that holds at least this share of the pick's confidence is a contender the retrieval may
# decide for (`surer_topic`).
RUNNER_UP_SHARE = 0.5

Ranking = list[dict[str, Any]]
FALLBACK_INTENT = "nlu_fallback"


def _free_text(text: str) -> bool:
    return bool(text) and not text.startswith("/")


def classifier_guesses(ranking: Ranking) -> list[str]:
    """The topics of the classifier's best guesses, best first: the topic intents of its ranking (other intents such as
    `nlu_fallback` or a form answer left out) that hold at least MIN_GUESS_SHARE of the confidence given to topics."""
    topics = _topic_confidences(ranking)
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
    if not hits:
        return None
    if guesses and guesses[0] in [topic.id for topic in hits]:
        confidence = _topic_confidences(ranking)
        close = len(guesses) > 1 and confidence[guesses[1]] >= CLOSE_SHARE * confidence[guesses[0]]
        return hits[0] if close and hits[0].id == guesses[1] else kb.topic(guesses[0])
    if hits[0].id in guesses[:AGREEMENT_DEPTH]:
        return hits[0]
    return hits[0] if hits[0].id in loose_guesses(ranking) else None


def clear_guess(
    text: str, ranking: Ranking, language: str = SOURCE_LANGUAGE, *, kb: KnowledgeBase | None = None
) -> Topic | None:
    """The classifier's best guess when it stands clear of every other intent and the retrieval points nowhere else
    (module docstring), else None."""
    if not _free_text(text):
        return None
    kb = kb or get_knowledge_base()
    guesses = [
        (str(item.get("name") or ""), float(item.get("confidence") or 0.0))
        for item in ranking
        if item.get("name") != FALLBACK_INTENT
    ]
    if not guesses:
        return None
    guesses += [("", 0.0), ("", 0.0)]
    (intent, confidence), (second, runner_up), third = guesses[0], guesses[1], guesses[2][1]
    topic_id = topic_id_for_intent(intent)
    if not topic_id or not kb.has_topic(topic_id) or confidence < CLEAR_GUESS_CONFIDENCE:
        return None
    if confidence < CLEAR_GUESS_MARGIN * runner_up:
        # two topics tied well clear of the rest (a question whether a child is "exempted" from school: when a child
        # may stay away or an exemption from enrolment, 0.43 each): the one the retrieval ranks first, if it ranks one
        other = topic_id_for_intent(second)
        if not other or not kb.has_topic(other) or runner_up < CLEAR_GUESS_MARGIN * third:
            return None
        order = [topic.id for topic in leading_topics(text, LOOSE_DEPTH, kb=kb, language=language)]
        tied = [candidate for candidate in order if candidate in (topic_id, other)]
        if not tied:
            return None
        topic_id = tied[0]
    hits = search(text, k=1, kb=kb, language=language)
    if hits and hits[0][0].id != topic_id:
        return None
    return kb.topic(topic_id)


def loose_guesses(ranking: Ranking) -> list[str]:
    """The first LOOSE_DEPTH topics of the ranking with at least LOOSE_MIN_CONFIDENCE, and those right after them tied
    with the last (at least TIED_SHARE of its confidence)."""
    ranked = _topic_confidences(ranking)
    topics = [topic_id for topic_id, confidence in ranked.items() if confidence >= LOOSE_MIN_CONFIDENCE]
    kept = topics[:LOOSE_DEPTH]
    for topic_id in topics[LOOSE_DEPTH:]:
        if not kept or ranked[topic_id] < TIED_SHARE * ranked[kept[-1]]:
            break
        kept.append(topic_id)
    return kept


def ranked_topics(ranking: Ranking, min_confidence: float) -> list[str]:
    """The topics of the ranking's topic intents with at least `min_confidence`, in the classifier's order."""
    return [topic_id for topic_id, confidence in _topic_confidences(ranking).items() if confidence >= min_confidence]


def _topic_confidences(ranking: Ranking) -> dict[str, float]:
    """Topic -> the confidence of its intent, for the ranking's topic intents (other intents such as `nlu_fallback`
    left out), in the ranking's order."""
    topics: dict[str, float] = {}
    for item in ranking:
        topic_id = topic_id_for_intent(item.get("name") or "")
        if topic_id and topic_id not in topics:
            topics[topic_id] = float(item.get("confidence") or 0.0)
    return topics


def surer_topic(
    text: str,
    topic_id: str,
    confidence: float,
    language: str = SOURCE_LANGUAGE,
    *,
    kb: KnowledgeBase | None = None,
    ranking: Ranking | None = None,
) -> str:
    """`topic_id` (the classifier's pick at `confidence`), or, when the classifier was unsure (below
    UNSURE_CONFIDENCE): the topic a decisive retrieval for `text` settles, else the classifier's runner-up in
    `ranking` when it holds at least RUNNER_UP_SHARE of the pick and is the retrieval's best with a strong hit (two
    signals against one: "Czy nieusprawiedliwiona nieobecność jest karalna?" 0.47 for when a child may be absent,
    0.38 for the penalties of truancy, which the retrieval finds strongly; a weak hit does not overrule the pick)."""
    if confidence >= UNSURE_CONFIDENCE or not _free_text(text):
        return topic_id
    kb = kb or get_knowledge_base()
    decisive = decisive_topic(text, kb=kb, language=language)
    if decisive is not None:
        return decisive.id
    guesses = _topic_confidences(ranking or [])
    ordered = sorted(guesses, key=lambda topic: guesses[topic], reverse=True)
    if len(ordered) < 2 or ordered[0] != topic_id or guesses[ordered[1]] < RUNNER_UP_SHARE * guesses[topic_id]:
        return topic_id
    strong = strong_topic(text, kb=kb, language=language)
    return ordered[1] if strong is not None and strong.id == ordered[1] else topic_id


def part_topic(
    text: str,
    ranking: Ranking,
    language: str = SOURCE_LANGUAGE,
    *,
    kb: KnowledgeBase | None = None,
    keep: str | None = None,
) -> Topic | None:
    """The topic of one question of a message that asks several (`ranking`: the classifier's, for the whole
    message): `keep` (the whole message's topic, for its first question) when the retrieval finds it among its first
    LOOSE_DEPTH topics for the question; else the retrieval's topic when decisive, or its best topic when the
    classifier has that among its first LOOSE_DEPTH topics with at least LOOSE_MIN_CONFIDENCE."""
    if not _free_text(text):
        return None
    kb = kb or get_knowledge_base()
    hits = [topic for topic, _score in search(text, k=LOOSE_DEPTH, kb=kb, language=language)]
    if keep is not None and keep in [topic.id for topic in hits]:
        return kb.topic(keep)
    decisive = decisive_topic(text, kb=kb, language=language)
    if decisive is not None:
        return decisive
    if hits and hits[0].id in ranked_topics(ranking, LOOSE_MIN_CONFIDENCE)[:LOOSE_DEPTH]:
        return hits[0]
    return None


def part_candidates(text: str, language: str = SOURCE_LANGUAGE, *, kb: KnowledgeBase | None = None) -> tuple[str, ...]:
    """Topics, besides the classifier's guesses, whose verdict the facts of one question of a message may fit: the
    LOOSE_DEPTH topics the retrieval ranks first for the question ("Чи обов'язково ходити до школи з 4 років" ranks
    the age of leerplicht among them, and the age read fits its verdict)."""
    if not _free_text(text):
        return ()
    return tuple(topic.id for topic in leading_topics(text, LOOSE_DEPTH, kb=kb, language=language))


@dataclass(frozen=True)
class PartTopics:
    """What a message that asks two questions is answered with. `first`: the topic of the (first) answer, None when
    nothing changes (the whole message's own topic choice stands). `split`: the first answer is to the first
    question only. `second`: the topic of the extra answer to the second question, if it gets one."""

    first: str | None
    split: bool = False
    second: str | None = None


def topics_per_part(whole: str | None, sure: bool, first: str | None, second: str | None) -> PartTopics:
    """The answers to a message with two questions, from the topic chosen for the whole message (`sure`: by a sure
    classifier or a decisive retrieval) and the topic found for each question (None: none).

    - Two different topics: each question gets its own answer, unless the whole message's topic is sure and neither.
      A sure topic of the whole message that is not the second question's is the first question's.
    - One topic for both: one answer in it (a sure whole message's topic wins).
    - Only the first question's topic: the first question is answered in it, unless the whole message's topic is
      sure or the same.
    - Otherwise the whole message's choice stands.
    """
    if first is not None and second is not None and first != second:
        if sure and whole not in (first, second):
            return PartTopics(whole)
        return PartTopics(first, split=True, second=second)
    if sure and whole is not None and first is None and second not in (None, whole):
        return PartTopics(whole, split=True, second=second)
    if first is not None and first == second:
        return PartTopics(whole if sure and whole else first)
    if first is not None and first != whole and not sure:
        return PartTopics(first, split=True)
    return PartTopics(whole)
