"""The one way text is folded before it is matched: case, accents and marks (Turkish ı and İ, Polish ł, Arabic hamza
forms and vowel marks), apostrophes (ʼ ’ ') and digits of any script (Arabic-Indic "١٤" is 14).

- `fold`: the folded text ("Şubat" -> "subat", "één" -> "een");
- `fold_with_positions`: the same, with for each folded character its index in the original (to cut the original);
- `fold_words`: only letters and digits, words separated by one space ("CBS 't Palet!" -> "cbs t palet").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

_FOLD_SPECIAL = {
    "ı": "i",
    "ł": "l",
    "ʼ": "'",
    "’": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "ʻ": "'",
    "ى": "ي",
    "ة": "ه",
    "\u00a0": " ",
    "\u202f": " ",
    "\u200f": "",
    "\u200e": "",
    "ـ": "",
}


def fold_char(char: str) -> str:
    """One character folded (it may become none or several)."""
    if char in _FOLD_SPECIAL:
        return _FOLD_SPECIAL[char]
    digit = unicodedata.digit(char, None)
    if digit is not None:
        return str(digit)
    decomposed = unicodedata.normalize("NFKD", char)
    stripped = "".join(part for part in decomposed if not unicodedata.combining(part)).lower()
    return "".join(_FOLD_SPECIAL.get(part, part) for part in stripped)


def word_char(char: str) -> str:
    """One character folded as `fold_char` does, punctuation as a space."""
    return "".join(part if part.isalnum() else " " for part in fold_char(char))


def fold(text: str) -> str:
    """`text` with case, accents, marks, apostrophes and digits folded ("Şubat" -> "subat", "١٤" -> "14")."""
    return "".join(fold_char(char) for char in text)


def fold_words(text: str) -> str:
    """The folded words of `text`: letters and digits only, one space between them."""
    return " ".join("".join(word_char(char) for char in text).split())


def fold_with_positions(text: str, fold_one: Callable[[str], str] = fold_char) -> tuple[str, list[int]]:
    """The folded text and, for each folded character (and the end), its index in `text`. `fold_one` folds one
    character (default: as `fold` does; `word_char` turns punctuation into spaces)."""
    pieces: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        folded = fold_one(char)
        pieces.append(folded)
        positions.extend([index] * len(folded))
    positions.append(len(text))
    return "".join(pieces), positions
