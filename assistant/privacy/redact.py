"""Detects and redacts personal identifiers in free text, however they are written.

The text is normalised first (`assistant.privacy.normalize`: NFKC, no zero-width or bidirectional controls), and the
detectors look at its skeleton (digits of every script as ASCII digits), so "１２３ ４５６ ７８２", "123‍456‍782" and
"١٢٣٤٥٦٧٨٢" are the same number. An identifier may be glued to letters of any script ("bsn123456782").

- BSN: 9 digits that pass the 11-proef, in one piece or in groups ("123 456 782", "123/456/782", "1234.56.782",
  "1 2 3 4 5 6 7 8 2"); 8 digits (a BSN without its leading zero) only in one piece.
- IBAN: any country whose structure and ISO 13616 mod-97 check digits are right (python-stdnum), with any spacing,
  in upper or lower case.
- Phone numbers: Dutch numbers in national notation and every country in international notation (+32 …, 0032 …,
  "+31 (0)6 …", "(06) 12345678"), validated with Google's libphonenumber (`phonenumbers`). Free, premium and
  shared-cost service numbers (0800, 0900, 14 0xx) are not personal and stay.
- E-mail addresses, also obfuscated: "jan[at]voorbeeld[dot]nl", "jan (at) voorbeeld (punt) nl",
  "jan at voorbeeld dot nl", "jan @ voorbeeld.nl".

Numbers are read in groups separated by at most three separator characters (spaces, dots, dashes, slashes,
brackets, a comma without a space); "9, 10 en 11 maart" is a list, not a number, and a date ("12-01-2026") is never
an identifier. Phone numbers and e-mail addresses are kept when the conversation is at the form step that asks for
them; a BSN or an IBAN never is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum import iban as stdnum_iban

from assistant.i18n import _
from assistant.privacy.normalize import Skeleton, normalize_text, skeleton

BSN_MARK = _("[BSN verwijderd]")
IBAN_MARK = _("[IBAN verwijderd]")
PHONE_MARK = _("[telefoonnummer verwijderd]")
EMAIL_MARK = _("[e-mailadres verwijderd]")
MARKS = {"bsn": BSN_MARK, "iban": IBAN_MARK, "phone": PHONE_MARK, "email": EMAIL_MARK}

EMAIL_SLOTS = frozenset({"email", "e_mail", "contact_email", "parent_email", "contact"})
PHONE_SLOTS = frozenset({"phone", "telefoon", "contact_phone", "contact"})

# -- e-mail ---------------------------------------------------------------------------------------------------------

_LOCAL = r"(?<![\w.%+\-])[\w.%+\-]+"
_LABEL = r"[\w\-]+"
_TLD = r"[A-Za-z]{2,24}(?![A-Za-z])"
_AT_WORDS = r"at|apenstaartje|собака|małpa|malpa"
_DOT_WORDS = r"dot|punt|точка|крапка|kropka|nokta"
_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_AT_MARKED = rf"\s{{0,2}}(?:@|{_OPEN}\s{{0,2}}(?:@|{_AT_WORDS})\s{{0,2}}{_CLOSE})\s{{0,2}}"
_AT_WORD = rf"\s{{1,2}}(?:{_AT_WORDS})\s{{1,2}}"
_DOT_OBFUSCATED = (
    rf"(?:\s{{0,2}}{_OPEN}\s{{0,2}}(?:\.|{_DOT_WORDS})\s{{0,2}}{_CLOSE}\s{{0,2}}"
    rf"|\s{{1,2}}(?:{_DOT_WORDS})\s{{1,2}})"
)
_DOT = rf"(?:\.|{_DOT_OBFUSCATED})"
_DOMAIN = rf"{_LABEL}(?:{_DOT}{_LABEL})*?{_DOT}{_TLD}"
# "jan@voorbeeld.nl", "jan [at] voorbeeld [dot] nl"
_EMAIL = re.compile(rf"{_LOCAL}{_AT_MARKED}{_DOMAIN}", re.IGNORECASE)
# "jan at voorbeeld dot nl": a word for "@" counts only when a dot is written out too ("apenstaartje" always)
_EMAIL_WORDS = re.compile(rf"{_LOCAL}{_AT_WORD}{_DOMAIN}", re.IGNORECASE)
_OBFUSCATED_DOT = re.compile(_DOT_OBFUSCATED, re.IGNORECASE)

# -- numbers --------------------------------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_GAP = re.compile(rf"[\s./\\_·•*()\[\]{_DASHES}]{{1,3}}|,")
_PLUS_BEFORE = re.compile(r"\+[\s(]?$")
_DATE_SEPARATORS = frozenset({"-", ".", "/"})
_NOT_PERSONAL = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
    }
)
_MAX_GROUPS = 12  # "1 2 3 4 5 6 7 8 2" and "+31 (0)6 12 34 56 78" fit
_MAX_PHONE_DIGITS = 17  # E.164 has at most 15, "00" and a "(0)" add some

# -- IBAN -----------------------------------------------------------------------------------------------------------

_IBAN_START = re.compile(r"(?=[A-Za-z][ ._/\-]{0,3}[A-Za-z][ ._/\-]{0,3}\d[ ._/\-]{0,3}\d)")
_IBAN_GAP = frozenset(" ._/-\t")


def is_valid_bsn(digits: str) -> bool:
    """The 11-proef for a BSN (8 digits get a leading zero)."""
    if not digits.isdigit() or not digits.isascii() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def is_personal_phone(number: str, region: str | None = "NL") -> bool:
    """A valid phone number (international with "+", or national for `region`) that is not a service number."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) not in _NOT_PERSONAL


@dataclass(frozen=True)
class Found:
    """One identifier: its kind and where it is in the normalised text."""

    kind: str  # bsn | iban | phone | email
    start: int
    end: int
    value: str


@dataclass
class Redaction:
    text: str  # normalised, with removed identifiers replaced by a marker
    found: set[str] = field(default_factory=set)  # kinds removed
    removed: list[Found] = field(default_factory=list)
    kept: list[Found] = field(default_factory=list)  # contact details kept at the form step that asks for them

    @property
    def had_bsn(self) -> bool:
        return "bsn" in self.found

    @property
    def removed_contacts(self) -> list[Found]:
        """Phone numbers and e-mail addresses that were taken out (a person may have asked for them)."""
        return [item for item in self.removed if item.kind in ("phone", "email")]


# -- the detectors, on the skeleton -----------------------------------------------------------------------------------


def _ibans(text: str) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    covered = -1
    for start in (match.start() for match in _IBAN_START.finditer(text)):
        if start < covered:
            continue
        characters: list[int] = []  # skeleton positions of the IBAN's letters and digits
        position = start
        while position < len(text) and len(characters) < 34:
            if text[position].isascii() and text[position].isalnum():
                characters.append(position)
                position += 1
                continue
            gap = position
            while gap < len(text) and text[gap] in _IBAN_GAP and gap - position < 3:
                gap += 1
            if gap == position or gap >= len(text) or not (text[gap].isascii() and text[gap].isalnum()):
                break
            position = gap
        letters = "".join(text[i] for i in characters).upper()
        for length in range(len(characters), 14, -1):
            compact = letters[:length]
            if _mod97(compact) and stdnum_iban.is_valid(compact, check_country=False):
                found.append(("iban", start, characters[length - 1] + 1))
                covered = characters[length - 1] + 1
                break
    return found


def _mod97(compact: str) -> bool:
    """The ISO 13616 check (a quick filter before the country's structure is checked)."""
    try:
        return int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97 == 1
    except ValueError:
        return False


def _emails(text: str) -> list[tuple[str, int, int]]:
    lowered = text.lower()
    if "@" not in text and not re.search(_AT_WORDS, lowered):
        return []
    found = [("email", m.start(), m.end()) for m in _EMAIL.finditer(text)]
    for match in _EMAIL_WORDS.finditer(text):
        at = re.search(_AT_WORD, match.group(0), re.IGNORECASE)
        assert at is not None
        if at.group(0).strip().lower() == "apenstaartje" or _OBFUSCATED_DOT.search(match.group(0)[at.end() :]):
            found.append(("email", match.start(), match.end()))
    return found


def _is_date(groups: list[re.Match[str]], gaps: list[str], index: int) -> bool:
    """Groups index..index+2 are a date such as 12-01-2026 or 2026/01/12 (a year from 1900 to 2100), with one
    separator that the groups around it do not continue (06-12-12-2015 is a phone number)."""
    if index + 2 >= len(groups):
        return False
    separator = gaps[index]
    if separator not in _DATE_SEPARATORS or gaps[index + 1] != separator:
        return False
    if (index > 0 and gaps[index - 1] == separator) or (index + 3 < len(groups) and gaps[index + 2] == separator):
        return False
    a, b, c = (groups[index + k].group(0) for k in range(3))
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(a) <= 2 and len(b) <= 2 and len(c) == 4:
        year, month, day = int(c), int(b), int(a)
    else:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


@dataclass(frozen=True)
class _Group:
    match: re.Match[str]
    in_date: bool  # part of a date: never part of a BSN
    starts_date: bool  # the first group of a date: a phone number never starts with a date


def _runs(text: str) -> list[list[_Group]]:
    """Digit groups that belong together (joined by a short separator), with where the dates are."""
    groups = list(_DIGITS.finditer(text))
    gaps = [text[groups[i].end() : groups[i + 1].start()] for i in range(len(groups) - 1)]
    joined = [bool(_GAP.fullmatch(gap)) for gap in gaps]
    in_date = [False] * len(groups)
    starts_date = [False] * len(groups)
    for index in range(len(groups)):
        if joined[index : index + 2] == [True, True] and _is_date(groups, gaps, index):
            in_date[index : index + 3] = [True, True, True]
            starts_date[index] = True
    runs: list[list[_Group]] = []
    for index, group in enumerate(groups):
        if index == 0 or not joined[index - 1]:
            runs.append([])
        runs[-1].append(_Group(group, in_date[index], starts_date[index]))
    return runs


def _phone_number(digits: str, plus: bool) -> str | None:
    if plus:
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0") and len(digits) >= 10:
        return digits
    return None


def _numbers(text: str) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    for run in _runs(text):
        for i, first in enumerate(run):
            start = first.match.start()
            plus = bool(_PLUS_BEFORE.search(text[max(0, start - 2) : start]))
            digits = ""
            date_inside = False
            for j in range(i, min(len(run), i + _MAX_GROUPS)):
                digits += run[j].match.group(0)
                date_inside = date_inside or run[j].in_date
                end = run[j].match.end()
                if len(digits) > _MAX_PHONE_DIGITS:
                    break
                nine = len(digits) == 9 or (len(digits) == 8 and i == j)
                if nine and not plus and not date_inside and is_valid_bsn(digits):
                    found.append(("bsn", start, end))
                number = _phone_number(digits, plus)
                if number is not None and len(digits) >= 8 and not first.starts_date and is_personal_phone(number):
                    found.append(("phone", _phone_start(text, start), _phone_end(text, start, end)))
    return found


def _phone_start(text: str, start: int) -> int:
    while start > 0 and text[start - 1] in "+(":
        start -= 1
    return start


def _phone_end(text: str, start: int, end: int) -> int:
    if (
        end < len(text)
        and text[end] == ")"
        and text[_phone_start(text, start) : end].count("(") > text[start:end].count(")")
    ):
        return end + 1
    return end


def _candidates(view: Skeleton) -> list[tuple[str, int, int]]:
    text = view.text
    return [*_ibans(text), *_emails(text), *_numbers(text)]


def find_identifiers(text: str) -> list[Found]:
    """Every identifier in `text` (normalised first), longest first where two overlap."""
    normalised = normalize_text(text)
    view = skeleton(normalised)
    return _choose(normalised, _candidates(view), view, keep=frozenset())[0]


def _choose(
    normalised: str, candidates: list[tuple[str, int, int]], view: Skeleton, keep: frozenset[str]
) -> tuple[list[Found], list[Found]]:
    """(removed, kept): identifiers that do not overlap. What must go wins over what may stay (a BSN inside a
    phone number that is kept is still removed); then the longer one wins."""
    ordered = sorted(set(candidates), key=lambda c: (c[0] in keep, -(c[2] - c[1]), c[1]))
    taken: list[tuple[int, int]] = []
    removed: list[Found] = []
    kept: list[Found] = []
    for kind, start, end in ordered:
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        taken.append((start, end))
        begin, stop = view.span(start, end)
        item = Found(kind, begin, stop, normalised[begin:stop])
        (kept if kind in keep else removed).append(item)
    return sorted(removed, key=lambda f: f.start), sorted(kept, key=lambda f: f.start)


def kept_kinds(requested_slot: str | None) -> frozenset[str]:
    """What the form step `requested_slot` asks for, and so keeps: an e-mail address, a phone number, or both."""
    kinds = set()
    if requested_slot in EMAIL_SLOTS:
        kinds.add("email")
    if requested_slot in PHONE_SLOTS:
        kinds.add("phone")
    return frozenset(kinds)


def redact(text: str, requested_slot: str | None = None) -> Redaction:
    """`text`, normalised, with identifiers replaced by a marker, and what was found."""
    normalised = normalize_text(text)
    view = skeleton(normalised)
    removed, kept = _choose(normalised, _candidates(view), view, kept_kinds(requested_slot))
    parts: list[str] = []
    position = 0
    for item in removed:
        parts += [normalised[position : item.start], MARKS[item.kind]]
        position = item.end
    parts.append(normalised[position:])
    return Redaction(text="".join(parts), found={item.kind for item in removed}, removed=removed, kept=kept)


def contact_details(text: str) -> list[Found]:
    """The phone numbers and e-mail addresses in `text` (normalised), in order: what a contact question reads."""
    normalised = normalize_text(text)
    view = skeleton(normalised)
    _removed, kept = _choose(normalised, _candidates(view), view, frozenset({"phone", "email"}))
    return kept
