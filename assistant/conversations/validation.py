"""What a typed message becomes before anything is stored or sent to Rasa, and when it is refused.

Invisible characters are removed rather than refused: control characters (except line breaks and tabs), format
characters (Unicode category Cf: bidi controls such as U+202E, zero-width spaces and joiners, the byte-order mark,
soft hyphens, tag characters) and lone surrogates. They carry nothing the assistant can use, and bidi controls can make
a stored text read differently from what it contains. The text is then NFKC-normalised (full-width letters and digits,
ligatures and the like become their plain forms), and only then checked: empty, or longer than the limit. So the limit
bounds the text that is processed, whatever the request looked like.
"""

from __future__ import annotations

import unicodedata

from assistant.i18n import _
from assistant.privacy.normalize import normalize_text

EMPTY = _("Uw bericht is leeg. Typ uw vraag en verstuur het opnieuw.")
TOO_LONG = _(
    "Uw bericht is te lang (meer dan {limit} tekens). Wilt u het korter maken? Uw tekst staat nog in het invoerveld."
)

_KEPT_CONTROLS = frozenset("\n\r\t")
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def _removed(character: str) -> bool:
    return character not in _KEPT_CONTROLS and unicodedata.category(character) in _REMOVED_CATEGORIES


def without_invisible(text: str) -> str:
    return "".join(character for character in text if not _removed(character))


def normalise_message(text: str) -> str:
    """Control, format and surrogate characters removed, then the one normal form of what people type
    (`assistant.privacy.normalize.normalize_text`: NFKC without invisible characters), white space trimmed."""
    return without_invisible(normalize_text(without_invisible(text))).strip()


def problem_with_message(normalised: str, max_chars: int) -> str | None:
    """The Dutch source text of what is wrong with a normalised message, or None when it is fine to process."""
    if not normalised:
        return EMPTY
    if len(normalised) > max_chars:
        return TOO_LONG
    return None


def _bmp_ranges() -> str:
    """The removed characters of the Basic Multilingual Plane as character-class ranges (\\uXXXX-\\uXXXX)."""
    removed = [code for code in range(0x10000) if _removed(chr(code))]
    ranges: list[tuple[int, int]] = []
    for code in removed:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(f"\\u{first:04x}" + (f"-\\u{last:04x}" if last != first else "") for first, last in ranges)


# The same rule for the OpenAPI schema (a JSON Schema `pattern`, read by clients and by schemathesis): at least one
# character that is neither white space nor removed. Format characters outside the Basic Multilingual Plane cannot be
# written in an ECMA-262 character class without the `u` flag and are left out of it.
VISIBLE_CHARACTER_PATTERN = f"[^\\s{_bmp_ranges()}]"
