"""Legal numbers in texts are placeholders of the dated parameters, filled in on the answer's law date."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.parameters import LawNotKnown
from assistant.knowledge.placeholders import PlaceholderError, placeholder_keys, problems, render, strip

TODAY = date(2026, 12, 6)


def test_a_placeholder_takes_the_value_of_the_day() -> None:
    text = "jonger dan {melding.age_limit_18plus} jaar"
    assert render(text, TODAY) == "jonger dan 27 jaar"
    assert render(text, date(2025, 12, 31)) == "jonger dan 23 jaar"
    assert render(text, date(2026, 1, 1)) == "jonger dan 27 jaar"


def test_a_pinned_placeholder_keeps_its_historic_value() -> None:
    text = "tot en met 31 december 2025 gold de grens van {melding.age_limit_18plus@2025-12-31} jaar"
    assert render(text, TODAY).endswith("grens van 23 jaar")


def test_numbers_are_written_the_way_the_language_writes_them() -> None:
    assert render("{melding.fine_per_school_year_eur} euro", TODAY, "nl") == "100.000 euro"
    assert render("{melding.fine_per_school_year_eur} euros", TODAY, "en") == "100,000 euros"


@pytest.mark.parametrize(("language", "word"), [("nl", "één"), ("en", "one"), ("tr", "bir")])
def test_number_words_in_the_language(language: str, word: str) -> None:
    assert render("{verlof.vakantie_times_per_school_year:words}", TODAY, language) == word


def test_days_as_weeks_and_sums() -> None:
    assert render("ten hoogste {schorsing.max_days:weeks_words} week", TODAY) == "ten hoogste één week"
    assert render("{schorsing.max_days:weeks}", TODAY) == "1"
    hours = "{leerplicht.age_5_hours_without_permission+leerplicht.age_5_extra_hours_with_permission}"
    assert render(f"samen {hours} uur", TODAY) == "samen 10 uur"


def test_other_braces_and_literal_numbers_stay() -> None:
    text = "artikel 13a, bel 14 074, {date} en {max}"
    assert render(text, TODAY) == text
    assert strip("binnen {leerplicht.ziekte_report_days} dagen (artikel 12)") == "binnen  dagen (artikel 12)"


def test_unknown_and_malformed_placeholders() -> None:
    assert problems("{melding.nothing}") == ["unknown parameter {melding.nothing}"]
    assert problems("{melding.age_limit_18plus:roman}") == ["malformed placeholder {melding.age_limit_18plus:roman}"]
    with pytest.raises(PlaceholderError):
        render("{melding.nothing}", TODAY)


def test_a_day_before_the_known_law_is_refused() -> None:
    with pytest.raises(LawNotKnown):
        render("{melding.age_limit_18plus}", date(2020, 1, 1))


def test_a_translation_may_write_digits_or_words_for_the_same_parameter() -> None:
    assert placeholder_keys("{verlof.vakantie_times_per_school_year:words} keer") == placeholder_keys(
        "{verlof.vakantie_times_per_school_year} time"
    )
    assert placeholder_keys("{melding.age_limit_18plus@2025-12-31}") != placeholder_keys("{melding.age_limit_18plus}")
