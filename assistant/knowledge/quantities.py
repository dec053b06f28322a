"""Find the quantities a Dutch text states (a number with a unit of days, hours, weeks, months, years, euros or times).

English unit words are understood too, because some sources are English pages (numbers there are in digits).

Used by the grounding check: every quantity an answer states must also be stated by a source it cites. Numbers are
compared as values ("tien dagen" equals "10 schooldagen"), units as classes (dag/schooldag/werkdag are all days).
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.i18n.number_words import number_words

Quantity = tuple[Decimal, str]

# The number words (`assistant.i18n.number_words`) but "een", mostly an article (see `_number`), and "nul".
NUMBER_WORDS: dict[str, int] = {
    **{word: value for word, value in number_words().items() if value > 0 and word != "een"},
    "duizend": 1000,
}

UNIT_CLASSES: dict[str, str] = {}
for _unit_class, _words in {
    "day": ("dag", "dagen", "schooldag", "schooldagen", "werkdag", "werkdagen", "lesdag", "lesdagen", "day", "days"),
    "hour": ("uur", "uren", "lesuur", "lesuren", "klokuur", "klokuren", "hour", "hours"),
    "week": ("week", "weken", "lesweek", "lesweken", "schoolweek", "schoolweken", "weeks"),
    "month": ("maand", "maanden", "month", "months"),
    "euro": ("euro", "eur", "€"),
    "year": ("jaar", "jaren", "jarige", "year", "years"),
    "times": ("keer", "maal"),
}.items():
    for _word in _words:
        UNIT_CLASSES[_word] = _unit_class

# How many words may stand between a number and its unit ("vier opeenvolgende lesweken").
MAX_GAP = 2
# Units this check ignores; a number followed by one of them is not a claim about the units above ("drie keer").
OTHER_UNITS = frozenset({"procent", "kilometer", "km", "graad", "categorie"})

_THOUSANDS = re.compile(r"(?<=\d)[ .\u00a0\u202f](?=\d{3}(?!\d))")
_WORD = re.compile(r"€|\d+(?:,\d+)?|[^\W\d_]+|[.,;:!?()]", re.UNICODE)


def _number(word: str, next_word: str | None) -> Decimal | None:
    if word[0].isdigit():
        return Decimal(word.replace(",", "."))
    if word in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[word])
    # "een" is mostly an article; count it only right before a unit ("een week").
    if word == "een" and next_word is not None and next_word in UNIT_CLASSES and next_word != "€":
        return Decimal(1)
    return None


def quantities(text: str) -> set[Quantity]:
    """All (value, unit class) pairs stated in `text`, e.g. {(Decimal(10), "day"), (Decimal(16), "hour")}."""
    words = _WORD.findall(_THOUSANDS.sub("", text.lower()))
    found: set[Quantity] = set()
    after_euro_sign = False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if after_euro_sign:
            after_euro_sign = False
            continue
        if word == "€" and following is not None and following[0].isdigit():
            found.add((Decimal(following.replace(",", ".")), "euro"))
            after_euro_sign = True
            continue
        if word == "eenmaal":  # "slechts eenmaal": one word for "één keer"
            found.add((Decimal(1), "times"))
            continue
        value = _number(word, following)
        if value is None:
            continue
        for ahead in words[index + 1 : index + 2 + MAX_GAP]:
            if ahead in UNIT_CLASSES and ahead != "€":
                found.add((value, UNIT_CLASSES[ahead]))
                break
            if not ahead[0].isalpha() or ahead in NUMBER_WORDS or ahead in OTHER_UNITS:
                break
    return found


def describe(quantity: Quantity) -> str:
    value, unit = quantity
    return f"{value.normalize():f} {unit}"
