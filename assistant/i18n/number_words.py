"""Numbers as words, the one table of them: num2words writes each number ("één", "tweeëntwintig", "honderd" in
Dutch) and each ordinal ("zeventiende"), and every word is also listed folded (`assistant.folding.fold`: "een",
"tweeentwintig"), as people type it."""

from __future__ import annotations

from functools import lru_cache

from num2words import num2words

from assistant.folding import fold
from assistant.i18n import SOURCE_LANGUAGE


@lru_cache
def number_words(language: str = SOURCE_LANGUAGE, up_to: int = 100) -> dict[str, int]:
    """Every whole number from 0 to `up_to` as `language` writes it, and folded, with its value. Raises
    NotImplementedError for a language num2words does not write."""
    table: dict[str, int] = {}
    for value in range(up_to + 1):
        written = num2words(value, lang=language)
        table.setdefault(written, value)
        table.setdefault(fold(written), value)
    return table


@lru_cache
def ordinal_words(language: str = SOURCE_LANGUAGE, up_to: int = 100) -> dict[str, int]:
    """Every ordinal from 1 to `up_to` as `language` writes it ("zeventiende", "seventeenth"), and folded, with its
    value. Raises NotImplementedError for a language num2words does not write."""
    table: dict[str, int] = {}
    for value in range(1, up_to + 1):
        written = num2words(value, lang=language, to="ordinal")
        table.setdefault(written, value)
        table.setdefault(fold(written), value)
    return table
