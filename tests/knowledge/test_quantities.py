"""Quantities (number + unit) found in Dutch text, for the grounding check."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.knowledge.quantities import quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("binnen twee dagen na het ontstaan van de verhindering", {(2, "day")}),
        ("voor ten hoogste tien dagen per schooljaar", {(10, "day")}),
        ("maximaal 10 schooldagen", {(10, "day")}),
        ("vier opeenvolgende lesweken in totaal zestien uren", {(4, "week"), (16, "hour")}),
        ("meer dan 16 uur in 4 weken", {(16, "hour"), (4, "week")}),
        ("ten hoogste 1 000 euro, met een maximum van 100 000 euro", {(1000, "euro"), (100000, "euro")}),
        ("ongeveer € 100 per dag per kind", {(100, "euro")}),
        ("een boete van €4.150", {(4150, "euro")}),
        ("minder dan 15,5 uur", {(Decimal("15.5"), "hour")}),
        ("ten minste een maand voordat", {(1, "month")}),
        ("een week na afloop", {(1, "week")}),
        ("up to 5 hours per week, a maximum of 10 hours", {(5, "hour"), (10, "hour")}),
        ("The extra holiday is never longer than ten days.", set()),  # English number words are not read
        ("eindigt als het kind zes jaar wordt; uren opsparen kan niet", {(6, "year")}),
        ("een paar dagen", set()),
        ("bel 14 074 of lees artikel 8.1.8a", set()),
        ("kinderen van 5 tot 16 jaar", {(16, "year")}),  # "5 tot" is no quantity; "16 jaar" is
        ("jonger dan 27 jaar", {(27, "year")}),
        ("met 4 jaar naar school", {(4, "year")}),
        ("in minder dan acht schooljaren", set()),  # a school year is not a unit the check reads
    ],
)
def test_quantities(text: str, expected: set[tuple[int, str]]) -> None:
    assert quantities(text) == {(Decimal(value), unit) for value, unit in expected}
