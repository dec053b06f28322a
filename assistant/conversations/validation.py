"""What a typed message becomes before anything is stored or sent to Rasa, and when it is refused.

Invisible characters are removed rather than refused: control characters (except line breaks and tabs), format
characters (Unicode category Cf: bidi controls such as U+202E, zero-width spaces and joiners, the byte-order mark,
soft hyphens, tag characters) and lone surrogates. They carry nothing the assistant can use, and bidi controls can make
a stored text read differently from what it contains. The text is then NFKC-normalised (full-width letters and digits,
ligatures and the like become their plain forms), and only then checked: empty, or longer than the limit. So the limit
bounds the text that is processed, whatever the request looked like.

Markup is kept in what is stored (pages show it escaped, as typed) but is no question: the text the assistant reads
(`readable_text`) has HTML tags removed and the contents of script and style elements with them, so "<script>…</script>
mag ik op vakantie op 30 februari?" is read as the question it carries. A message that is markup only is refused
politely.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.i18n import _
from assistant.privacy.normalize import normalize_text

EMPTY = _("Uw bericht is leeg. Typ uw vraag en verstuur het opnieuw.")
TOO_LONG = _(
    "Uw bericht is te lang (meer dan {limit} tekens). Wilt u het korter maken? Uw tekst staat nog in het invoerveld."
)

ONLY_MARKUP = _("Ik zie alleen code of opmaak in uw bericht, geen vraag. Wilt u uw vraag in gewone woorden typen?")

# A script or style element with its contents (also when it is not closed), then any other tag. A "<" that is not
# followed by a letter, "/" or "!" ("<3", "x < 5") is no tag and stays.
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z!][^<>]*>")
_SPACES = re.compile(r"[ \t]{2,}")

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


def readable_text(text: str) -> str:
    """The words of a message without its markup: what the assistant reads (see the module docstring)."""
    if "<" not in text:
        return text
    words = _TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", text))
    return _SPACES.sub(" ", words).strip()


def problem_with_message(normalised: str, max_chars: int) -> str | None:
    """The Dutch source text of what is wrong with a normalised message, or None when it is fine to process."""
    if not normalised:
        return EMPTY
    if len(normalised) > max_chars:
        return TOO_LONG
    if not readable_text(normalised):
        return ONLY_MARKUP
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
