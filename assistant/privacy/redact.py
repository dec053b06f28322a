"""Detects and redacts personal identifiers in free chat text.

- BSN: 8 or 9 digits, optionally grouped with dots, spaces or dashes, that pass the 11-proef.
- IBAN: any country format whose ISO 13616 mod-97 check digits are right.
- Phone numbers: Dutch mobile and landline numbers, national or international notation.
- E-mail addresses.
Phone numbers and e-mail addresses are kept when the conversation is at the form step that asks for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.i18n import _

BSN_MARK = _("[BSN verwijderd]")
IBAN_MARK = _("[IBAN verwijderd]")
PHONE_MARK = _("[telefoonnummer verwijderd]")
EMAIL_MARK = _("[e-mailadres verwijderd]")

_BSN = re.compile(r"(?<![\w+])\d(?:[ .-]?\d){7,8}(?![\w]|[.,-]\d)")
_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ -]?(?:\(0\))?[ -]?|0)"
    r"(?:6[ -]?(?:\d[ -]?){7}\d|[1-9](?:[ -]?\d){8})(?!\d)"
)
EMAIL_PATTERN = re.compile(r"\b[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")  # also used by forms

# A date such as 12-01-2026 or 2026-01-12 can pass the 11-proef by chance: dates are never a BSN.
_DATE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}")

EMAIL_SLOTS = frozenset({"email", "e_mail", "contact_email", "parent_email", "contact"})
PHONE_SLOTS = frozenset({"phone", "telefoon", "contact_phone", "contact"})


def is_valid_bsn(digits: str) -> bool:
    """The 11-proef for a BSN (8 digits get a leading zero)."""
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def is_valid_iban(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(numeric) % 97 == 1


@dataclass
class Redaction:
    text: str
    found: set[str] = field(default_factory=set)

    @property
    def had_bsn(self) -> bool:
        return "bsn" in self.found


def redact(text: str, requested_slot: str | None = None) -> Redaction:
    """`text` with identifiers replaced by a marker, and which kinds were found."""
    found: set[str] = set()

    def replace_iban(match: re.Match[str]) -> str:
        if is_valid_iban(match.group(1)):
            found.add("iban")
            return IBAN_MARK
        return match.group(0)

    def replace_bsn(match: re.Match[str]) -> str:
        if not _DATE.fullmatch(match.group(0)) and is_valid_bsn(re.sub(r"[ .-]", "", match.group(0))):
            found.add("bsn")
            return BSN_MARK
        return match.group(0)

    def replace_phone(match: re.Match[str]) -> str:
        found.add("phone")
        return PHONE_MARK

    def replace_email(match: re.Match[str]) -> str:
        found.add("email")
        return EMAIL_MARK

    result = _IBAN.sub(replace_iban, text)
    if requested_slot not in EMAIL_SLOTS:
        result = EMAIL_PATTERN.sub(replace_email, result)
    result = _BSN.sub(replace_bsn, result)  # before phones: a BSN is never kept, a phone number sometimes is
    if requested_slot not in PHONE_SLOTS:
        result = _PHONE.sub(replace_phone, result)
    return Redaction(text=result, found=found)
