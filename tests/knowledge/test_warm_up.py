"""Start-up builds every language's retrieval index, passage index and date tables, so no user pays for it."""

from __future__ import annotations

from assistant.dates import date_patterns
from assistant.knowledge import get_knowledge_base
from assistant.knowledge.passages import passage_index
from assistant.knowledge.retrieval import topic_index
from assistant.warm_up import warm_up_languages


def test_warm_up_builds_each_languages_tables() -> None:
    topic_index.cache_clear()
    passage_index.cache_clear()
    date_patterns.cache_clear()
    warm_up_languages(["nl", "uk"])
    info = topic_index.cache_info()
    assert info.currsize == 2
    topic_index(get_knowledge_base(), "uk")
    assert topic_index.cache_info().hits == info.hits + 1  # already built
    assert date_patterns.cache_info().currsize >= 2
    assert passage_index.cache_info().currsize == 2 * 3  # per language: everyone, school staff, young people
    passage_index(get_knowledge_base(), "nl", None)  # as `answering_passages` calls it
    assert passage_index.cache_info().hits >= 1  # the first question in Dutch finds the passages built
