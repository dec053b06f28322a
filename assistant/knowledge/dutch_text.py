"""Dutch text normalisation for retrieval: spaCy tokens, lookup lemmas, stop words dropped, accents folded.

The lemmas come from spaCy's lookup lemmatizer (tables from spacy-lookups-data, installed locally, so this works
offline). The lookup table misses many inflected forms ("kinderen", "scholen", "weken"), so a word it leaves
unchanged is looked up once more in the rule-mode tables of the same package: irregular noun forms first
("kinderen" -> "kind"), then, unless it is a known noun or adjective ("ziek", "week"), irregular verb forms.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lookups import load_lookups

from assistant.folding import fold

# Stop words that carry meaning in questions about school absence ("vrij vragen", "buiten de vakanties").
KEEP = frozenset({"vrij", "buiten", "lang", "eerste", "ziek"})
STOP = frozenset(STOP_WORDS) - KEEP
MIN_LENGTH = 2


@lru_cache(maxsize=1)
def _nlp() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def _rule_tables() -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    """(irregular noun form -> lemma, known noun/adjective lemmas, irregular verb form -> lemma)."""
    lookups = load_lookups("nl", ["lemma_exc", "lemma_index"])
    index = lookups.get_table("lemma_index")
    exceptions = lookups.get_table("lemma_exc")

    def forms(pos: str) -> dict[str, str]:
        return {form: lemmas[0] for form, lemmas in exceptions.get(pos, {}).items() if lemmas}

    known = frozenset(word for pos in ("noun", "adj") for word in index.get(pos, []))
    return forms("noun"), known, forms("verb")


def lemma(word: str) -> str:
    """The lemma of one lowercase word."""
    lemmatizer: Any = _nlp().get_pipe("lemmatizer")
    looked_up: str = lemmatizer.lookups.get_table("lemma_lookup").get(word, word)
    if looked_up != word:
        return looked_up
    nouns, known, verbs = _rule_tables()
    if word in nouns:
        return nouns[word]
    return word if word in known else verbs.get(word, word)


def terms(text: str) -> list[str]:
    """Retrieval terms of `text`: lemmas of content words, accents folded, stop words dropped."""
    result = []
    for token in _nlp().make_doc(text.lower()):
        if token.is_punct or token.is_space or not any(char.isalnum() for char in token.text):
            continue
        word = fold(lemma(token.text))
        if word in STOP or fold(token.text) in STOP:
            continue
        if len(word) >= MIN_LENGTH:
            result.append(word)
    return result
