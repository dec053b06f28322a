"""Checks on what a user typed, before anything is stored or sent to Rasa."""

from __future__ import annotations

import unicodedata

from assistant.i18n import _

EMPTY = _("Uw bericht is leeg. Typ uw vraag en verstuur het opnieuw.")
TOO_LONG = _(
    "Uw bericht is te lang (meer dan {limit} tekens). Wilt u het korter maken? Uw tekst staat nog in het invoerveld."
)
CONTROL_CHARACTERS = _(
    "Uw bericht bevat tekens die we niet kunnen lezen. Typ uw vraag opnieuw, zonder speciale tekens."
)

_ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def problem_with_message(text: str, max_chars: int) -> str | None:
    """The Dutch source text of what is wrong with `text`, or None when it is fine to process."""
    if not text.strip():
        return EMPTY
    if len(text) > max_chars:
        return TOO_LONG
    for character in text:
        if character in _ALLOWED_CONTROLS:
            continue
        if unicodedata.category(character) in ("Cc", "Cs", "Co") or character == "\x00":
            return CONTROL_CHARACTERS
    return None


def normalise_message(text: str) -> str:
    """NFC-normalised text with surrounding white space removed."""
    return unicodedata.normalize("NFC", text).strip()
