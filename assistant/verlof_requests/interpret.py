"""Reading a parent's typed answers for the verlof form: pure functions, no Rasa, no database.

- `interpret_kind`: "vakantie", "een bruiloft", "Suikerfeest", a button payload -> (kind, category).
- `interpret_category`: "de uitvaart van opa" -> "overlijden".
- `interpret_yes_no`: "ja hoor", "nee, die heb ik niet" -> True / False / None.
- `interpret_municipality`: "we wonen in Borne" -> "Borne" (from the calendar's municipalities).
- `valid_email`, `valid_child_name`, `clean_text`.
- `interpret_correction`: "nee, de laatste dag is 14 maart" -> Correction("end_date", "14 maart"), in every
  supported language (the words are in `assistant/locale/languages.yml`).

The reasons a text names (an event, a reason that does not count) and their one order are in
`assistant.verlof_requests.reasons`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.dates import date_spans
from assistant.folding import fold, fold_words
from assistant.i18n import SOURCE_LANGUAGE, normalise_language
from assistant.i18n.languages import load_languages
from assistant.i18n.phrases import folded as _folded
from assistant.i18n.phrases import word_pattern as _any

KINDS = ("vakantie", "gewichtige_omstandigheid", "religieus")

# Event words -> category (assistant.rules.verlof events); checked in this order. Short stems are anchored at a
# word start (\b): "rouw" is not in "vrouw", "trouw" not in "vertrouwen", "ind" (the IND) not in "kind".
EVENT_WORDS: tuple[tuple[str, str], ...] = (
    ("jubileum", r"jubileum|jarig huwelijk|\d+ jaar getrouwd|zilveren bruiloft|gouden bruiloft|jaar getrouwd"),
    ("huwelijk", r"bruiloft|\b(?:ge)?trouw|huwelijk|nikah|henna"),
    ("overlijden", r"overl(?:ij|ee|e|i)d|begrafenis|begraven|crematie|uitvaart|gestorven|\bstierf|\brouw"),
    ("ernstige_ziekte", r"\bziek|ziekenhuis|operatie|kanker|terminaal"),
    ("verhuizing", r"verhuiz|verhuis"),
    ("gezinsuitbreiding", r"beval[lt]|geboorte|geboren|\bbaby"),
    ("wettelijke_verplichting", r"rechtszaak|rechtbank|ambassade|consulaat|paspoort|getuige|\bind\b"),
    (
        "religieuze_verplichting",
        r"suikerfeest|offerfeest|bayram|\beid\b|divali|diwali|\bholi\b|pesach|jom kipoer|"
        r"religi|geloof|moskee|\bkerk|bedevaart|hadj",
    ),
)
YES = re.compile(r"^(?:ja|jazeker|jawel|yes|zeker|klopt|heb ik|die heb ik|ik heb (?:er )?een|dat klopt|oke?|ok[eé])\b")
NO = re.compile(r"^(?:nee|neen|nope|no|niet|geen|die heb ik niet|heb ik niet|ik heb (?:er )?geen)\b")
EMAIL = re.compile(
    r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$"
)
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
    folded = fold_words(text)
    if folded in (
        "huwelijk",
        "overlijden",
        "ernstige ziekte",
        "verhuizing",
        "jubileum",
        "gezinsuitbreiding",
        "overig",
        "iets anders",
        "anders",
        "andere reden",
    ):
        return {
            "ernstige ziekte": "ernstige_ziekte",
            "iets anders": "overig",
            "anders": "overig",
            "andere reden": "overig",
        }.get(folded, folded)
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
    folded = fold_words(text)
    if (code := folded.replace(" ", "_")) in KINDS:  # the kind's own code, as a button's entity value carries it
        return code, None
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
    folded = fold_words(text)
    if not folded:
        return None
    if NO.match(folded):
        return False
    if YES.match(folded):
        return True
    return None


def interpret_municipality(text: str, municipalities: tuple[str, ...]) -> str | None:
    values = payload_values(text)
    folded = fold_words(values.get("verlof_municipality") or text)
    for name in municipalities:
        if re.search(rf"\b{re.escape(fold_words(name))}\b", folded):
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
    return (
        2 <= len(name) <= 120
        and letters >= 2
        and not any(char.isdigit() for char in name)
        and "@" not in name
        and not _NOT_A_NAME.match(fold_words(name))
        and not name.startswith("/")
    )


# -- corrections ------------------------------------------------------------------------------------------------------
# The words come from the `corrections` entry of each language in `assistant/locale/languages.yml`; the words of the
# conversation language and of Dutch count (as for dates). Nothing here lists a language.

# The answers a correction can name, checked in this order ("einddatum" before "datum", "school" before "naam").
FIELDS = (
    "email",
    "end_date",
    "start_date",
    "child_class",
    "school",
    "home_municipality",
    "child_name",
    "reason",
    "kind",
    "employer_statement",
    "date",
)
DATE_FIELDS = ("start_date", "end_date", "date")
_SEPARATORS = ",;:.!?،؛"


@dataclass(frozen=True)
class _CorrectionWords:
    fields: tuple[tuple[str, re.Pattern[str]], ...]
    any_field: re.Pattern[str]
    wrong: re.Pattern[str]
    value_after: re.Pattern[str]
    value_before: re.Pattern[str]
    lead: re.Pattern[str]
    filler: re.Pattern[str]


@lru_cache
def _correction_words(language: str) -> _CorrectionWords:
    config = load_languages()
    entries = [
        (config.get(code).corrections if config.get(code) else {}) or {}
        for code in dict.fromkeys((language, SOURCE_LANGUAGE))
    ]
    for entry in entries:
        unknown = set(entry.get("fields") or {}) - set(FIELDS)
        if unknown:
            raise ValueError(
                f"languages.yml: corrections.fields names unknown fields {sorted(unknown)}; known: {', '.join(FIELDS)}"
            )

    def words(key: str) -> list[str]:
        return [word for entry in entries for word in entry.get(key) or ()]

    fields = tuple(
        (name, _any(word for entry in entries for word in (entry.get("fields") or {}).get(name) or ()))
        for name in FIELDS
    )
    every_field = [word for entry in entries for names in (entry.get("fields") or {}).values() for word in names]
    return _CorrectionWords(
        fields=fields,
        any_field=_any(every_field),
        wrong=_any(words("wrong")),
        value_after=_any(words("value_after")),
        value_before=_any(words("value_before")),
        lead=_any(words("lead")),
        filler=_any(words("filler")),
    )


@dataclass(frozen=True)
class Correction:
    field: str  # one of FIELDS ("date" when the dates as a whole are meant)
    value: str | None  # the new value as typed, None when the parent only named the field


class _Text:
    """The typed text and its folded form, to find words in the folded form and cut values from the typed one."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.folded, self.positions = _folded(raw)

    def cut(self, start: int, end: int | None = None) -> str:
        """The typed text of the folded span, without surrounding spaces and punctuation."""
        end = len(self.folded) if end is None else end
        return self.raw[self.positions[start] : self.positions[end]].strip(" \t\n" + _SEPARATORS + "\"'")


def _after_lead(text: _Text, words: _CorrectionWords) -> int:
    """Where the text starts after the words that carry nothing ("nee, sorry, ik bedoel")."""
    position = 0
    while True:
        rest = text.folded[position:]
        stripped = len(rest) - len(rest.lstrip())
        match = words.lead.match(rest, stripped)
        if not match or match.end() == stripped:
            return position + stripped
        position += match.end()


def _substance(folded: str, words: _CorrectionWords) -> bool:
    """Whether a folded candidate says more than field, filler, lead and "wrong" words ("de naam" says nothing)."""
    for pattern in (words.any_field, words.wrong, words.filler, words.lead, words.value_after, words.value_before):
        folded = pattern.sub(" ", folded)
    return bool(folded.strip())


def _says_wrong(folded: str, words: _CorrectionWords) -> bool:
    """Whether a candidate starts (after filler words) with a word that says the answer is wrong ("verkeerd
    gespeld", "wrong, it is group 6", "een andere")."""
    rest = folded.strip()
    while (match := words.filler.match(rest)) is not None and match.end() > 0:
        rest = rest[match.end() :].strip()
    return bool(words.wrong.match(rest))


def _candidate(text: _Text, start: int, end: int | None, words: _CorrectionWords) -> str | None:
    value = text.cut(start, end)
    folded = _folded(value)[0]
    if not value or _says_wrong(folded, words) or not _substance(folded, words):
        return None
    return value


def _clause_start(text: _Text, before: int) -> int:
    """The folded index where the clause around `before` starts (after the last , ; : . ! ? in the typed text)."""
    typed = text.raw[: text.positions[before]]
    cut = max(typed.rfind(separator) for separator in _SEPARATORS)
    if cut < 0:
        return 0
    return next((index for index, position in enumerate(text.positions) if position > cut), before)


def _value(text: _Text, body: int, field: str, words: _CorrectionWords) -> str | None:
    """The new value after a marker ("is 14 maart", "wordt groep 6") or, in Turkish, before one ("De Borgh
    olacak"); never a "wrong" word ("is fout") or only field and filler words ("in de naam")."""
    folded = text.folded
    for match in words.value_after.finditer(folded, body):
        if words.value_after.match(folded[match.end() :].lstrip()):
            continue  # "is called Sara": the value follows the last marker
        value = _candidate(text, match.end(), None, words)
        if value:
            return value
    field_pattern = dict(words.fields)[field]
    for match in words.value_before.finditer(folded, body):
        start = max(body, _clause_start(text, match.start()))
        named = [found.end() for found in field_pattern.finditer(folded, start, match.start())]
        value = _candidate(text, named[-1] if named else start, match.start(), words)
        if value:
            return value
    if field == "child_class" and re.search(r"\d", folded[body:]):
        # "ik bedoel groep 4", "sınıf yanlış, groep 6": the last clause with a number
        clauses = [clause.strip() for clause in re.split(rf"[{_SEPARATORS}]", text.raw[text.positions[body] :])]
        for clause in reversed(clauses):
            if re.search(r"\d", fold(clause)) and not _says_wrong(_folded(clause)[0], words):
                return clause.strip(" .!")
    return None


def interpret_correction(text: str, field_hint: str | None = None, language: str | None = None) -> Correction | None:
    """What the parent wants to change, and the new value when given, in the conversation `language` (and Dutch).

    "nee, de laatste dag is 14 maart" -> ("end_date", "14 maart"); "no, the last day is March 14" -> ("end_date",
    "March 14"); "ander e-mailadres: a@b.nl" -> ("email", "a@b.nl"); "de school klopt niet", "школа не та" ->
    ("school", None); "de klas is fout, het is groep 6" -> ("child_class", "groep 6"). A first or last day given as a
    whole range ("nee, het is van 9 tot 13 maart") changes both dates ("date"). `field_hint` (from a button or the
    NLU entity) wins over the words."""
    language = normalise_language(language)
    raw = clean_text(text, 500)
    values = payload_values(raw)
    if values.get("verlof_field"):
        return Correction(values["verlof_field"], None)
    words = _correction_words(language)
    typed = _Text(raw)
    field = field_hint
    if field is None:
        field = next((name for name, pattern in words.fields if pattern.search(typed.folded)), None)
    if field is None:
        return None
    if field == "email":
        found = _EMAIL_IN_TEXT.search(raw)
        return Correction("email", found.group(0) if found else None)
    body = _after_lead(typed, words)
    if field in DATE_FIELDS:
        rest = raw[typed.positions[body] :]
        spans = date_spans(rest, language)
        if not spans:
            return Correction(field, None)
        if sum(span.dates for span in spans) >= 2:
            field = "date"  # a whole range: both days
        return Correction(field, rest[spans[0].start : spans[-1].end])
    if field not in dict(words.fields):
        return Correction(field, None)
    return Correction(field, _value(typed, body, field, words))
