"""Dates and numbers in the user's language (Babel/CLDR), for answers and forms.

Digits stay Western Arabic (0-9) in every language, as in the Dutch texts and the catalogs, so a number a parent
reads in the chat is the same number the school's letter shows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext
from typing import Literal

from babel.dates import format_date as _babel_format_date
from babel.dates import format_skeleton as _babel_format_skeleton
from babel.numbers import format_decimal as _babel_format_decimal

from assistant.i18n import normalise_language

DateFormat = Literal["short", "medium", "long", "full"]


def format_date(value: dt.date, language: str | None, format: DateFormat = "long") -> str:
    """`value` as the user's language writes it: nl "13 maart 2026", en "March 13, 2026", ar "13 مارس 2026"."""
    return _babel_format_date(value, format=format, locale=normalise_language(language))


def format_number(value: int | float | Decimal, language: str | None) -> str:
    """`value` with the decimal and grouping signs of the user's language: nl "15,5", en "15.5", pl "1 234,5"."""
    # Babel rounds with decimal.quantize, which fails on more digits than the context holds (28 by default): give
    # it room for every digit, so an absurd input (10**40 hours) is written out instead of failing the request.
    with localcontext() as context:
        context.prec = max(context.prec, abs(Decimal(value).adjusted()) + 30)
        return _babel_format_decimal(value, locale=normalise_language(language), numbering_system="latn")


def format_weekday(value: dt.date, language: str | None) -> str:
    """The weekday of `value` in the user's language: nl "vrijdag", en "Friday", uk "пʼятниця"."""
    return _babel_format_date(value, format="EEEE", locale=normalise_language(language))


def format_day_month(value: dt.date, language: str | None) -> str:
    """Day and month without a year, as the language writes them: nl "28 februari", en "February 28",
    pl "28 lutego"."""
    return _babel_format_skeleton("MMMMd", value, locale=normalise_language(language))


def format_numeric_date(value: dt.date) -> str:
    """Day-first digits, as the date parser reads them in every language: "13-3-2026"."""
    return f"{value.day}-{value.month}-{value.year}"
