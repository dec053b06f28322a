"""One normal form for what people type, before it is checked, redacted, stored or sent to Rasa.

- `normalize_text`: Unicode NFKC (full-width digits and letters become ASCII, ligatures and compatibility forms are
  folded), without invisible format characters: zero-width spaces and joiners, bidirectional controls (LRM, RLM,
  ALM, embeddings, overrides, isolates), the soft hyphen, the byte order mark, word joiners, variation selectors and
  Unicode tag characters. These change nothing a reader sees, but can hide an identifier from a pattern ("123‍456‍782")
  or reorder what a reader sees (a right-to-left override). Length checks belong after this step.
- `skeleton`: the view the identifier detectors match on: every decimal digit of any script as its ASCII digit,
  combining marks left out, with a map back to the positions in the normalised text, so that what is replaced is
  exactly the span the reader sees.

Everything typed into the chat, the verlof API and the forms passes `normalize_text` (through
`assistant.privacy.redact.redact`); the chat validation uses it for its length check as well.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Variation selectors and the combining grapheme joiner are not format characters (category Mn) but just as
# invisible; every character of category Cf (format) is removed as well.
_INVISIBLE_EXTRA = frozenset({"\u034f", *map(chr, range(0xFE00, 0xFE10)), *map(chr, range(0xE0100, 0xE01F0))})


def is_invisible(character: str) -> bool:
    """Zero-width, bidirectional control and other invisible format characters."""
    return unicodedata.category(character) == "Cf" or character in _INVISIBLE_EXTRA


def strip_invisible(text: str) -> str:
    return "".join(character for character in text if not is_invisible(character))


def normalize_text(text: str) -> str:
    """NFKC without invisible format characters (see the module docstring). Idempotent."""
    return unicodedata.normalize("NFKC", strip_invisible(unicodedata.normalize("NFKC", text)))


def has_invisible(text: str) -> bool:
    return any(is_invisible(character) for character in text)


@dataclass(frozen=True)
class Skeleton:
    """`text` as the detectors see it; `positions[i]` is where `text[i]` is in the normalised text."""

    text: str
    positions: tuple[int, ...]
    source_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the normalised text that skeleton characters `start:end` cover, with the combining marks
        that follow the last one."""
        begin = self.positions[start]
        stop = self.positions[end] if end < len(self.positions) else self.source_length
        return begin, stop


def skeleton(normalised: str) -> Skeleton:
    """Digits of every script as ASCII digits, combining marks left out (`normalised` is `normalize_text` output)."""
    characters: list[str] = []
    positions: list[int] = []
    for index, character in enumerate(normalised):
        category = unicodedata.category(character)
        if category in ("Mn", "Me"):
            continue
        if category == "Nd" and not character.isascii():
            character = str(unicodedata.digit(character))
        characters.append(character)
        positions.append(index)
    return Skeleton("".join(characters), tuple(positions), len(normalised))
