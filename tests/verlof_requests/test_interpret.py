"""Reading a parent's answer to "what kind of leave?" and "which event?" (assistant.verlof_requests.interpret)."""

from __future__ import annotations

import pytest

from assistant.verlof_requests.interpret import interpret_category, interpret_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("gewichtige_omstandigheid", "gewichtige_omstandigheid"),  # a button's entity value
        ("gewichtige omstandigheid", "gewichtige_omstandigheid"),
        ("religieus", "religieus"),
        ("vakantie", "vakantie"),
        ("voor het Suikerfeest", "religieus"),
        ("Eid al-Fitr", "religieus"),
        ("de bruiloft van mijn zus", "gewichtige_omstandigheid"),
        ("een bijzondere gebeurtenis in de familie", "gewichtige_omstandigheid"),
    ],
)
def test_kind_of_leave(text: str, kind: str) -> None:
    assert interpret_kind(text)[0] == kind


@pytest.mark.parametrize("text", ["gewichtige omstandigheid", "een heidefeest", "katholieke school", "Beide ouders"])
def test_short_religious_words_only_count_as_whole_words(text: str) -> None:
    """ "eid" and "holi" are words of their own, not the ends of "omstandigheid", "beide" or "katholieke"."""
    assert interpret_category(text) != "religieuze_verplichting"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("verlof voor mijn kind", None),  # "ind" (the IND) is a word of its own
        ("mijn vrouw is ziek", "ernstige_ziekte"),  # "rouw" is not in "vrouw"
        ("vertrouwen", None),
        ("we hebben een afspraak bij de IND", "wettelijke_verplichting"),
        ("ze zijn vorige week getrouwd", "huwelijk"),
        ("mijn zus gaat trouwen", "huwelijk"),
        ("de rouwdienst van opa", "overlijden"),
        ("mijn vrouw bevalt volgende week", "gezinsuitbreiding"),
        ("we gaan naar de kerk", "religieuze_verplichting"),
    ],
)
def test_event_words_match_whole_words_where_a_stem_is_short(text: str, category: str | None) -> None:
    assert interpret_category(text) == category
