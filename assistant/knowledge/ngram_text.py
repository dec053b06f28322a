"""Retrieval terms for the languages other than Dutch: character n-grams of the words, stop words dropped.

Dutch has lemmas and compound splitting (`dutch_text`); the other languages have no offline lemmatiser in spaCy for
every one of them (Arabic, Ukrainian), and their words inflect and agglutinate ("okuldan", "szkoły", "بالمدرسة").
Character 4-grams of each word, with its boundaries marked, let those forms meet the forms in the translated topics
without per-language rules: a new language needs nothing here. spaCy's blank pipeline of the language (or the
multi-language one) tokenises and provides the stop words.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from assistant.folding import fold

GRAM = 4
MIN_LENGTH = 2


@lru_cache(maxsize=16)
def _nlp(language: str) -> Language:
    try:
        return spacy.blank(language)
    except (ImportError, KeyError, ValueError):  # spaCy has no class for this language: tokenise neutrally
        return spacy.blank("xx")


def words(text: str, language: str) -> list[str]:
    """The content words of `text`: lowercased, accents and Arabic vowel marks folded, stop words dropped."""
    nlp = _nlp(language)
    stop = nlp.Defaults.stop_words
    result = []
    for token in nlp.make_doc(text.lower()):
        if not any(char.isalnum() for char in token.text):
            continue
        word = fold(token.text)
        if token.text in stop or word in stop or len(word) < MIN_LENGTH:
            continue
        result.append(word)
    return result


def grams(text: str, language: str) -> list[str]:
    """The character n-grams of the content words of `text` ("school" -> "<sch", "scho", "choo", "hool", "ool>")."""
    result = []
    for word in words(text, language):
        marked = f"<{word}>"
        if len(marked) <= GRAM:
            result.append(marked)
        else:
            result.extend(marked[i : i + GRAM] for i in range(len(marked) - GRAM + 1))
    return result
