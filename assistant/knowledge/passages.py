"""The passage of a topic that answers the point asked.

A topic's short answer states its main rule; a question about one point of the topic ("Wat gebeurt er na mijn
bezwaar?", "Hoe vraag ik een vrijstelling aan?", "Krijg ik bij één dag al een proces-verbaal?") is answered by one of
its steps or details, which sit behind "Meer uitleg". This module finds that passage, so the first reply can lead with
it: every step and detail of every topic is a document of a BM25 index per language (Dutch: lemmas and compound parts;
other languages: character n-grams of the reviewed translation, `ngram_text`), so a word is worth more the fewer
passages use it. Only the question's words that the short answer does not use count (what the short answer says, it
has answered), and a passage is chosen only when it matches those clearly (about PASSAGE_MIN_MATCH words that occur in
one passage only): otherwise the short answer is the answer to the question.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from assistant.clock import today
from assistant.i18n import SOURCE_LANGUAGE, lookup, normalise_language
from assistant.knowledge.dutch_text import terms
from assistant.knowledge.knowledge_base import KnowledgeBase
from assistant.knowledge.loader import get_knowledge_base
from assistant.knowledge.ngram_text import grams
from assistant.knowledge.placeholders import render as render_numbers
from assistant.knowledge.retrieval import LuceneBM25

PASSAGE_MIN_MATCH = 1.2  # Dutch: worth a little more than one word that occurs in one passage only
PASSAGE_MIN_GRAM_MATCH = 11.0  # other languages: one matching word yields several matching grams


@dataclass(frozen=True)
class Passage:
    topic_id: str
    text: str  # the Dutch text (the message id of its translations), legal numbers as placeholders
    short: bool  # the topic's short answer (a yardstick, never chosen)


def _tokens(text: str, language: str) -> list[str]:
    """The index terms of a passage or question written in `language`."""
    return terms(text) if language == SOURCE_LANGUAGE else grams(text, language)


def _shown(text: str, language: str) -> str:
    """The passage as a user of `language` reads it: its reviewed translation (the Dutch text when there is none),
    legal numbers as they hold today."""
    translated = text if language == SOURCE_LANGUAGE else lookup(text, language) or text
    return render_numbers(translated, today(), language)


@dataclass(frozen=True)
class PassageIndex:
    passages: tuple[Passage, ...]
    documents: tuple[tuple[str, ...], ...]  # the index terms of each passage
    language: str
    bm25: LuceneBM25

    @classmethod
    def build(cls, kb: KnowledgeBase, language: str = SOURCE_LANGUAGE) -> PassageIndex:
        passages = [
            Passage(topic.id, text, short=index == 0)
            for topic in kb.topics
            for index, text in enumerate([topic.answer.short, *topic.answer.steps, *topic.answer.details])
            if text
        ]
        documents = [tuple(_tokens(_shown(passage.text, language), language)) or ("<empty>",) for passage in passages]
        return cls(
            passages=tuple(passages),
            documents=tuple(documents),
            language=language,
            bm25=LuceneBM25([list(document) for document in documents]),
        )

    @property
    def threshold(self) -> float:
        rare = LuceneBM25.idf_of(len(self.passages), 1)
        return (PASSAGE_MIN_MATCH if self.language == SOURCE_LANGUAGE else PASSAGE_MIN_GRAM_MATCH) * rare

    def best(self, question: str, topic_id: str) -> str | None:
        """The Dutch text of the step or detail of `topic_id` that answers `question`, or None when the short answer
        does (or nothing matches clearly)."""
        short = next((index for index, passage in enumerate(self.passages) if passage.topic_id == topic_id), None)
        if short is None:
            return None
        # Only what the short answer does not already say: the question's terms that are not the short answer's.
        said = set(self.documents[short])
        query = [token for token in _tokens(question, self.language) if token not in said]
        if not query:
            return None
        scores = self.bm25.get_scores(query)
        candidates = [
            (passage, float(score))
            for passage, score in zip(self.passages, scores, strict=True)
            if passage.topic_id == topic_id and not passage.short
        ]
        if not candidates:
            return None
        passage, score = max(candidates, key=lambda pair: pair[1])
        return passage.text if score >= self.threshold else None


@lru_cache(maxsize=16)
def passage_index(kb: KnowledgeBase, language: str = SOURCE_LANGUAGE) -> PassageIndex:
    return PassageIndex.build(kb, language)


def answering_passage(
    question: str, topic_id: str, *, kb: KnowledgeBase | None = None, language: str = SOURCE_LANGUAGE
) -> str | None:
    """The Dutch text of the step or detail of `topic_id` that answers the point `question` asks (see the module
    docstring); None when the topic's short answer is the answer."""
    return passage_index(kb or get_knowledge_base(), normalise_language(language)).best(question, topic_id)


def point_asked(
    question: str, topic_id: str, language: str = SOURCE_LANGUAGE, *, kb: KnowledgeBase | None = None
) -> str | None:
    """`answering_passage` as the user reads it: translated, legal numbers as they hold today. None for a button
    payload ("/ask_…") or when the short answer is the answer."""
    if not question or question.startswith("/"):
        return None
    passage = answering_passage(question, topic_id, kb=kb, language=language)
    return _shown(passage, normalise_language(language)) if passage else None
