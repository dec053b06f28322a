"""Reading a parent's typed answers for the verlof form: pure functions, no Rasa, no database.

- `interpret_kind`: "vakantie", "een bruiloft", "Suikerfeest", a button payload -> (kind, category).
- `interpret_category`: "de uitvaart van opa" -> "overlijden".
- `interpret_yes_no`: "ja hoor", "nee, die heb ik niet" -> True / False / None.
- `interpret_municipality`: "we wonen in Borne" -> "Borne" (from the calendar's municipalities).
- `valid_email`, `valid_child_name`, `clean_text`.
- `interpret_correction`: "nee, de laatste dag is 14 maart" -> Correction("end_date", "14 maart").
- `guess_non_reason`: a vacation reason that is not one ("de tickets zijn goedkoper") -> "goedkopere_tickets".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from assistant.schools.registry import _fold

KINDS = ("vakantie", "gewichtige_omstandigheid", "religieus")

# Event words -> category (assistant.rules.verlof events); checked in this order.
EVENT_WORDS: tuple[tuple[str, str], ...] = (
    ("jubileum", r"jubileum|jarig huwelijk|\d+ jaar getrouwd|zilveren bruiloft|gouden bruiloft|jaar getrouwd"),
    ("huwelijk", r"bruiloft|trouw|huwelijk|nikah|henna"),
    ("overlijden", r"overl[ie]d|begrafenis|begraven|crematie|uitvaart|gestorven|rouw"),
    ("ernstige_ziekte", r"ziek|ziekenhuis|operatie|kanker|terminaal"),
    ("verhuizing", r"verhuiz|verhuis"),
    ("gezinsuitbreiding", r"bevall|geboorte|geboren|baby"),
    ("wettelijke_verplichting", r"rechtszaak|rechtbank|ambassade|consulaat|paspoort|getuige|ind\b"),
    ("religieuze_verplichting", r"suikerfeest|offerfeest|bayram|eid|divali|diwali|holi|pesach|jom kipoer|"
                                r"religi|geloof|moskee|kerk|bedevaart|hadj"),
)
NON_REASON_WORDS: tuple[tuple[str, str], ...] = (
    ("goedkopere_tickets", r"goedkop|tickets? (?:zijn|is) (?:dan )?duur|aanbieding|korting|prijs"),
    ("al_geboekt", r"al geboekt|geboekt|al betaald"),
    ("drukte", r"drukte|druk op de weg|file|vliegveld"),
    ("broers_zussen_vrij", r"broer|zus(?:je|sen)?\b.*\bvrij|andere school.*vrij"),
    ("familiebezoek", r"familie (?:bezoeken|bezoek)|opa en oma bezoeken|bezoek aan familie"),
)
YES = re.compile(r"^(?:ja|jazeker|jawel|yes|zeker|klopt|heb ik|die heb ik|ik heb (?:er )?een|dat klopt|oke?|ok[eé])\b")
NO = re.compile(r"^(?:nee|neen|nope|no|niet|geen|die heb ik niet|heb ik niet|ik heb (?:er )?geen)\b")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")
_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")
_PAYLOAD = re.compile(r"^/\w+(\{.*\})?$", re.DOTALL)
_NOT_A_NAME = re.compile(r"^(?:ja|nee|ok|oke|stop|weet ik niet|geen idee|hallo|hoi)$")


def payload_values(text: str) -> dict[str, str]:
    """The entity values of a button payload such as '/inform{"verlof_kind": "vakantie"}'."""
    match = _PAYLOAD.match((text or "").strip())
    if not match or not match.group(1):
        return {}
    try:
        data = json.loads(match.group(1))
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def clean_text(text: str | None, max_length: int = 2000) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()[:max_length]


def interpret_category(text: str) -> str | None:
    values = payload_values(text)
    if values.get("gebeurtenis"):
        return values["gebeurtenis"]
    folded = _fold(text)
    if folded in ("huwelijk", "overlijden", "ernstige ziekte", "verhuizing", "jubileum", "gezinsuitbreiding",
                  "overig", "iets anders", "anders", "andere reden"):
        return {"ernstige ziekte": "ernstige_ziekte", "iets anders": "overig", "anders": "overig",
                "andere reden": "overig"}.get(folded, folded)
    for category, pattern in EVENT_WORDS:
        if re.search(pattern, folded):
            return category
    return None


def interpret_kind(text: str) -> tuple[str | None, str | None]:
    """(kind, category) from an answer to "what kind of leave?"; (None, None) when it is not clear."""
    values = payload_values(text)
    if values.get("verlof_kind") in KINDS:
        return values["verlof_kind"], None
    if values.get("gebeurtenis"):
        return "gewichtige_omstandigheid", values["gebeurtenis"]
    folded = _fold(text)
    category = interpret_category(text)
    if category == "religieuze_verplichting" or re.search(r"\bfeestdag|religieu", folded):
        return "religieus", None
    if category is not None:
        return "gewichtige_omstandigheid", category
    if re.search(r"gewichtig|bijzonder|gebeurtenis|familie", folded):
        return "gewichtige_omstandigheid", None
    if re.search(r"vakantie|reis|werk|beroep|seizoen|13a", folded):
        return "vakantie", None
    return None, None


def interpret_yes_no(text: str) -> bool | None:
    folded = _fold(text)
    if not folded:
        return None
    if NO.match(folded):
        return False
    if YES.match(folded):
        return True
    return None


def interpret_municipality(text: str, municipalities: tuple[str, ...]) -> str | None:
    values = payload_values(text)
    folded = _fold(values.get("verlof_municipality") or text)
    for name in municipalities:
        if re.search(rf"\b{re.escape(_fold(name))}\b", folded):
            return name
    return None


def extract_email(text: str) -> str:
    """The address in "mijn mail is jan@voorbeeld.nl" (or the text itself when there is no '@')."""
    found = _EMAIL_IN_TEXT.search(text or "")
    return (found.group(0) if found else clean_text(text)).strip(".,;:()<>").lower()


def valid_email(address: str) -> bool:
    return len(address) <= 254 and bool(EMAIL.match(address)) and ".." not in address


def valid_child_name(name: str) -> bool:
    name = clean_text(name, 200)
    letters = sum(char.isalpha() for char in name)
    return (2 <= len(name) <= 120 and letters >= 2 and not any(char.isdigit() for char in name)
            and "@" not in name and not _NOT_A_NAME.match(_fold(name)) and not name.startswith("/"))


def guess_non_reason(text: str) -> str | None:
    folded = _fold(text)
    for category, pattern in NON_REASON_WORDS:
        if re.search(pattern, folded):
            return category
    return None


# -- corrections ------------------------------------------------------------------------------------------------------

# Which field a correction is about; checked in this order ("einddatum" before "datum").
FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("email", r"e ?mail|mailadres|\bmail\b"),
    ("end_date", r"laatste dag|einddatum|eind datum|tot en met|t m\b|terug op|tot\b"),
    ("start_date", r"eerste dag|begindatum|begin datum|startdatum|vanaf|vertrek"),
    ("child_class", r"\bgroep\b|\bklas\b|leerjaar"),
    ("school", r"\bschool\b"),
    ("home_municipality", r"gemeente|woonplaats|wonen in|woont in"),
    ("child_name", r"\bnaam\b|heet\b"),
    ("reason", r"\breden\b|waarom"),
    ("kind", r"soort verlof|soort\b"),
    ("employer_statement", r"werkgever|verklaring"),
)
_LEAD = re.compile(r"^(?:nee|neen|sorry|oeps|oh|o|excuus|pardon)?[,.!\s]*(?:ik bedoel|dat moet zijn|het is|het moet)?",
                   re.IGNORECASE)
_VALUE_AFTER = re.compile(r"\b(?:is|wordt|moet|naar|zijn|heet|in|op)\b(?:\s+(?:zijn|worden))?\s+(?P<value>.+)$",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Correction:
    field: str  # a FIELD_WORDS key, or "date" when only a date is given
    value: str | None  # the new value as typed, None when the parent only named the field


def interpret_correction(text: str, field_hint: str | None = None) -> Correction | None:
    """What the parent wants to change, and the new value when given.

    "nee, de laatste dag is 14 maart" -> ("end_date", "14 maart"); "ander e-mailadres: a@b.nl" -> ("email", "a@b.nl");
    "de school klopt niet" -> ("school", None); `field_hint` (from a button entity) wins over the words."""
    raw = clean_text(text, 500)
    values = payload_values(raw)
    if values.get("verlof_field"):
        return Correction(values["verlof_field"], None)
    folded = _fold(raw)
    field = field_hint
    if field is None:
        field = next((name for name, pattern in FIELD_WORDS if re.search(pattern, folded)), None)
    if field is None:
        return None
    if field == "email":
        found = _EMAIL_IN_TEXT.search(raw)
        return Correction("email", found.group(0) if found else None)
    body = _LEAD.sub("", raw).strip()
    match = _VALUE_AFTER.search(body)
    value = match.group("value").strip(" .!") if match else None
    if value and re.fullmatch(r"(?:niet goed|fout|verkeerd|niet juist|anders)", _fold(value)):
        value = None
    if field == "child_class" and value is None and re.search(r"\d", body):
        value = body.strip(" .!")
    if field in ("start_date", "end_date") and value is None:
        digits = re.search(r"\d", body)
        value = body[digits.start():].strip(" .!") if digits else None
    return Correction(field, value)
