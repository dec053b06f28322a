"""Builds the per-language tables before the first user needs them.

The retrieval index of each language (spaCy tokeniser, the translated topics, the example questions) and the date
words of each language are built lazily and cached per process. Built during the first question in a language they
would cost that user a second or more, enough to miss the gateway's deadline for Rasa's answer; so the assistant builds
them at start-up, in a background thread, while it already serves.
"""

from __future__ import annotations

import logging
from datetime import date

from assistant.dates import find_dates
from assistant.i18n import SUPPORTED_LANGUAGES
from assistant.knowledge import get_knowledge_base
from assistant.knowledge.retrieval import topic_index

logger = logging.getLogger(__name__)


def warm_up_languages(languages: tuple[str, ...] | list[str] = tuple(SUPPORTED_LANGUAGES)) -> None:
    """Build the retrieval index and the date tables of every language in `languages`."""
    kb = get_knowledge_base()
    for language in languages:
        topic_index(kb, language)
        find_dates("1", date(2000, 1, 1), language)
    logger.info("per-language tables ready", extra={"languages": list(languages)})
