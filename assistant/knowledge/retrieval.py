"""Retrieval fallback: BM25 over the answer topics, for questions the intent classifier is unsure about.

One index per language. In Dutch each topic becomes one document: its title and keywords (weighted), the answer
text, the statements and the variant texts; Dutch compounds are also split into known index terms, so
"wintersportvakantie" meets "vakantie" and "verlofaanvraag" meets "verlof". In another language the document is the
topic's reviewed translation (title weighted, answer and variant texts) plus the Dutch title and keywords, since
parents often keep the Dutch word ("verlof", "leerplichtambtenaar"); terms are character n-grams (`ngram_text`).
In every language the document also holds how people ask for the topic: its intent's training examples
(`asked_questions`), so the parents' own words meet the topic. A Dutch query word the index does not know, and that is
no compound of known words, is read as the closest index term when only a typo separates them ("vakansie" ->
"vakantie", "ziekk" -> "ziek"); the n-gram indexes of the other languages tolerate typos by themselves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rank_bm25 import BM25Okapi
from rapidfuzz import fuzz, process

from assistant.clock import today
from assistant.i18n import SOURCE_LANGUAGE, lookup, normalise_language
from assistant.knowledge.asked_questions import asked_questions
from assistant.knowledge.dutch_text import lemma, terms
from assistant.knowledge.knowledge_base import KnowledgeBase
from assistant.knowledge.loader import get_knowledge_base
from assistant.knowledge.models import Topic
from assistant.knowledge.ngram_text import grams
from assistant.knowledge.placeholders import render as render_numbers

TITLE_WEIGHT = 3
KEYWORD_WEIGHT = 2
# A hit must be worth at least MIN_MATCH matches of a term that occurs in one topic only (so the floor follows
# the number of topics: about 4.2 for 24 topics), and at least RELATIVE_SCORE times the best hit. One such word is not
# enough: the example questions bring everyday words ("morgen", "paspoort") into a single topic.
MIN_MATCH = 1.5
RELATIVE_SCORE = 0.5
MIN_PART = 4  # shortest compound part that counts ("ziek", "dag" is too short to be trusted)
# In the n-gram indexes one matching word yields several matching grams: a hit must match about as much as two
# words that occur in one topic only.
MIN_GRAM_MATCH = 6.0
# The retrieval settles a topic on its own (without the classifier agreeing) only when its best topic scores far above
# the threshold and clearly above the next topic: many words of the question are that topic's own words.
DECISIVE_FACTOR = 2.5
DECISIVE_MARGIN = 1.6
# A strong hit: the best topic scores at least STRONG_FACTOR times the threshold (enough to decide between two topics
# the classifier hesitates over, not to settle one on its own).
STRONG_FACTOR = 1.5
# A typo is corrected only in a word of at least MIN_TYPO_WORD letters, to an index term at least TYPO_SIMILARITY
# similar (rapidfuzz's normalised Indel ratio: one wrong letter in an eight-letter word is 87.5, in a six-letter 83).
MIN_TYPO_WORD = 5
TYPO_SIMILARITY = 82.0


class LuceneBM25(BM25Okapi):  # type: ignore[misc]  # rank_bm25 has no type information
    """BM25 with Lucene's idf, log(1 + (N - n + 0.5) / (n + 0.5)): never negative or zero, so scores stay
    meaningful for a small set of topics (Okapi's idf is 0 for a term in half of the documents)."""

    @staticmethod
    def idf_of(documents: int, frequency: int) -> float:
        return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))

    def _calc_idf(self, nd: dict[str, int]) -> None:
        for word, freq in nd.items():
            self.idf[word] = self.idf_of(self.corpus_size, freq)


def _shown_texts(topic: Topic) -> list[str]:
    """The answer texts a user sees: short answer, steps and details, also of every variant (their message ids:
    legal numbers as placeholders)."""
    texts = [topic.answer.short, *topic.answer.steps, *topic.answer.details]
    for variant in topic.variants.values():
        texts += [variant.short or "", *variant.steps, *variant.details]
    return [text for text in texts if text]


def _numbers(text: str, language: str = SOURCE_LANGUAGE) -> str:
    """`text` with its legal numbers as they hold today (the index holds what a user reads)."""
    return render_numbers(text, today(), language)


def _translated_text(topic: Topic, language: str) -> tuple[str, str]:
    """The topic's title and shown answer texts in `language`, reviewed translations only."""
    body = (lookup(text, language) for text in _shown_texts(topic))
    title = lookup(topic.title, language) or ""
    return _numbers(title, language), " ".join(_numbers(text, language) for text in body if text)


def _topic_text(topic: Topic) -> tuple[str, str, str]:
    # the statements behind the general answer (those behind a text for school staff are not searched, nor is it)
    general = [statement.text for statement in topic.statements if statement.audience is None]
    body = [_numbers(text) for text in _shown_texts(topic)] + general
    return _numbers(topic.title), " ".join(topic.keywords), " ".join(body)


def _split(word: str, vocabulary: frozenset[str]) -> list[str]:
    """Two known parts of a compound ("verlofaanvraag" -> ["verlof", "aanvraag"]), or [] when none fit.

    The longest known head wins; a linking "s" or "e" between the parts is allowed ("beroepsopleiding").
    """
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:cut], lemma(word[cut:])
        if tail not in vocabulary or len(tail) < MIN_PART:
            continue
        for candidate in (head, head[:-1] if head[-1:] in ("s", "e") else None):
            if candidate and len(candidate) >= MIN_PART and candidate in vocabulary:
                return [candidate, tail]
    return []


def _expand(words: list[str], vocabulary: frozenset[str]) -> list[str]:
    expanded = []
    for word in words:
        expanded.append(word)
        expanded.extend(_split(word, vocabulary))
    return expanded


@dataclass(frozen=True)
class TopicIndex:
    topics: tuple[Topic, ...]
    language: str
    vocabulary: frozenset[str]
    bm25: LuceneBM25

    @property
    def rare_term_idf(self) -> float:
        """The idf of a term that occurs in exactly one topic."""
        return LuceneBM25.idf_of(len(self.topics), 1)

    @classmethod
    def build(
        cls, topics: list[Topic], language: str = SOURCE_LANGUAGE, questions: dict[str, tuple[str, ...]] | None = None
    ) -> TopicIndex:
        """The index of `topics` in `language`; `questions` are example questions per topic id (none by default)."""
        questions = questions or {}
        documents = []
        for topic in topics:
            title, keywords, body = _topic_text(topic)
            asked = " ".join(questions.get(topic.id, ()))
            if language == SOURCE_LANGUAGE:
                documents.append(
                    terms(title) * TITLE_WEIGHT + terms(keywords) * KEYWORD_WEIGHT + terms(body) + terms(asked)
                )
            else:
                own_title, own_body = _translated_text(topic, language)
                documents.append(
                    grams(own_title, language) * TITLE_WEIGHT
                    + grams(f"{title} {keywords}", SOURCE_LANGUAGE) * KEYWORD_WEIGHT
                    + grams(own_body, language)
                    + grams(asked, language)
                )
        vocabulary = frozenset(word for document in documents for word in document)
        if language == SOURCE_LANGUAGE:
            documents = [_expand(document, vocabulary) for document in documents]
        return cls(topics=tuple(topics), language=language, vocabulary=vocabulary, bm25=LuceneBM25(documents))

    @cached_property
    def _sorted_vocabulary(self) -> tuple[str, ...]:
        return tuple(sorted(self.vocabulary))

    def corrected(self, word: str) -> str:
        """`word`, or the index term it is a typo of: only for a word the index does not know and cannot split."""
        if word in self.vocabulary or len(word) < MIN_TYPO_WORD or not word.isalpha() or _split(word, self.vocabulary):
            return word
        match = process.extractOne(word, self._sorted_vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY)
        return match[0] if match else word

    def _query(self, text: str) -> list[str]:
        if self.language == SOURCE_LANGUAGE:
            return _expand([self.corrected(word) for word in terms(text)], self.vocabulary)
        return grams(text, self.language)

    @property
    def threshold(self) -> float:
        """The least score a hit needs, whatever the best score is."""
        return (MIN_MATCH if self.language == SOURCE_LANGUAGE else MIN_GRAM_MATCH) * self.rare_term_idf

    def _ranked(self, text: str) -> list[tuple[Topic, float]]:
        query = self._query(text)
        if not query or not self.topics:
            return []
        scores = self.bm25.get_scores(query)
        return sorted(
            ((topic, float(score)) for topic, score in zip(self.topics, scores, strict=True)),
            key=lambda pair: pair[1],
            reverse=True,
        )

    def search(self, text: str, k: int = 3) -> list[tuple[Topic, float]]:
        ranked = self._ranked(text)
        if not ranked:
            return []
        floor = max(self.threshold, RELATIVE_SCORE * ranked[0][1])
        return [(topic, score) for topic, score in ranked[:k] if score >= floor]

    def leading(self, text: str, k: int = 3) -> list[Topic]:
        """The `k` topics that match `text` best, whatever their score (only those that match at all): an order among
        topics that another signal already found fitting, never a hit on its own."""
        return [topic for topic, score in self._ranked(text)[:k] if score > 0]

    def strong(self, text: str) -> Topic | None:
        """The best topic when it scores at least STRONG_FACTOR times the threshold, else None."""
        ranked = self._ranked(text)
        return ranked[0][0] if ranked and ranked[0][1] >= STRONG_FACTOR * self.threshold else None

    def decisive(self, text: str) -> Topic | None:
        """The best topic when the retrieval alone settles it: at least DECISIVE_FACTOR times the threshold and
        DECISIVE_MARGIN times the score of the next topic."""
        ranked = self._ranked(text)
        if len(ranked) < 2:
            return None
        (best, score), (_next, runner_up) = ranked[0], ranked[1]
        return best if score >= DECISIVE_FACTOR * self.threshold and score >= DECISIVE_MARGIN * runner_up else None


@lru_cache(maxsize=16)
def topic_index(kb: KnowledgeBase, language: str = SOURCE_LANGUAGE) -> TopicIndex:
    """The BM25 index of `kb`'s topics in `language` with the example questions of the project's NLU data, built once
    per knowledge base and language."""
    return TopicIndex.build(kb.topics, language, asked_questions(language))


def search(
    text: str, k: int = 3, *, kb: KnowledgeBase | None = None, language: str = SOURCE_LANGUAGE
) -> list[tuple[Topic, float]]:
    """The best `k` topics for `text` written in `language`, best first, only those scoring above the threshold."""
    return topic_index(kb or get_knowledge_base(), normalise_language(language)).search(text, k)


def strong_topic(text: str, *, kb: KnowledgeBase | None = None, language: str = SOURCE_LANGUAGE) -> Topic | None:
    """The retrieval's best topic for `text` written in `language` when it is a strong hit (`TopicIndex.strong`)."""
    return topic_index(kb or get_knowledge_base(), normalise_language(language)).strong(text)


def decisive_topic(text: str, *, kb: KnowledgeBase | None = None, language: str = SOURCE_LANGUAGE) -> Topic | None:
    """The topic the retrieval alone settles for `text` written in `language`, if any (`TopicIndex.decisive`)."""
    return topic_index(kb or get_knowledge_base(), normalise_language(language)).decisive(text)


def leading_topics(
    text: str, k: int = 3, *, kb: KnowledgeBase | None = None, language: str = SOURCE_LANGUAGE
) -> list[Topic]:
    """The `k` topics that match `text` written in `language` best, below the threshold too (`TopicIndex.leading`)."""
    return topic_index(kb or get_knowledge_base(), normalise_language(language)).leading(text, k)
