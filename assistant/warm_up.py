"""Builds the per-language tables before the first user needs them.

The retrieval index of each language (spaCy tokeniser, the translated topics, the example questions), the index of
the passages that answer a point asked, and the date and situation words of each language are built lazily and
cached per process. Built during the first question in a language they would cost that user a second or more, enough
to miss the gateway's deadline for Rasa's answer; so the assistant builds them at start-up (Dutch before serving, the
other languages in a background thread while it already serves).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from typing import get_args

from assistant.dates import find_dates
from assistant.i18n import SUPPORTED_LANGUAGES
from assistant.i18n.detect import warm_up as warm_up_detector
from assistant.knowledge import get_knowledge_base
from assistant.knowledge.models import Audience
from assistant.knowledge.passages import passage_index
from assistant.knowledge.retrieval import topic_index
from assistant.situation import read_facts

logger = logging.getLogger(__name__)


def warm_up_languages(languages: tuple[str, ...] | list[str] = tuple(SUPPORTED_LANGUAGES)) -> None:
    """Build the retrieval index and the date tables of every language in `languages`."""
    kb = get_knowledge_base()
    for language in languages:
        topic_index(kb, language)
        for audience in (None, *get_args(Audience)):  # the general texts, and those of school staff and young people
            passage_index(kb, language, audience)
        find_dates("1", date(2000, 1, 1), language)
        read_facts("1", language, today=date(2000, 1, 1))
    logger.info("per-language tables ready", extra={"languages": list(languages)})


@asynccontextmanager
async def warmed_up(*, serves_actions: bool) -> AsyncIterator[None]:
    """For a process's lifespan: load and check the knowledge base before serving (a broken knowledge file stops the
    start-up), then load the language detector in the background. A process that serves Rasa's actions also builds
    the Dutch tables before serving (the first question pays no indexing cost) and every other language's
    tables in the background; only the actions search the topics."""
    get_knowledge_base()  # loads and checks the knowledge base: a broken file stops the start-up
    tasks: tuple[Callable[[], object], ...] = (warm_up_detector,)
    if serves_actions:
        warm_up_languages(("nl",))
        tasks += (warm_up_languages,)
    background = [asyncio.create_task(asyncio.to_thread(task)) for task in tasks]
    try:
        yield
    finally:
        for task in background:
            task.cancel()
