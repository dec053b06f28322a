"""A pupil who skipped a group of primary school: it counts as eight school years (Leerplichtwet art. 3 lid 2), so
leerplicht may end after twelve full school years, before the school year of the 16th birthday."""

from __future__ import annotations

import pytest

from assistant.situation import read_facts
from tests.situation.helpers import TODAY, first_bubble, reply


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mijn zoon heeft groep 3 overgeslagen en wordt in mei 16. Is hij na dit schooljaar klaar?", "nl"),
        ("Mijn dochter is 14 en heeft een groep overgeslagen. Tot wanneer is ze leerplichtig?", "nl"),
        ("My son is 15 and skipped a grade. How long is he leerplichtig?", "en"),
        ("Oğlum 15 yaşında ve bir sınıf atladı, ne zamana kadar okula gitmesi zorunlu?", "tr"),
        ("Мій син перескочив клас, йому 15. До якого часу він має ходити до школи?", "uk"),
    ],
)
def test_the_skipped_group_is_read_and_not_taken_for_the_current_one(text: str, language: str) -> None:
    facts = read_facts(text, language, today=TODAY)
    assert facts.year_skipped is True
    assert facts.groep is None and not facts.problems  # "groep 3 overgeslagen" is no 14-year-old in groep 3


def test_a_birth_month_and_a_skipped_group_lead_with_article_3_lid_2_then_the_latest_end() -> None:
    found = reply(
        "leerplicht_leeftijd",
        "Mijn zoon heeft groep 3 overgeslagen en wordt in mei 16. Is hij na dit schooljaar klaar?",
    )
    text = first_bubble(found)
    assert text.startswith("Na een overgeslagen groep telt de basisschool als 8 schooljaren (artikel 3 lid 2")
    assert "na 12 volledige schooljaren" in text
    assert "Anders is uw kind leerplichtig van" in text and "31 juli 2027" in text
    assert "kwalificatieplicht tot 18 jaar" in text  # the obligation that follows is not left out
    assert "Op 6 december 2026 is uw kind leerplichtig" not in text  # that depends on the school years
    assert "lpw:3" in found.citations and len(text) <= 470


def test_an_age_and_a_skipped_group_add_the_rule_to_the_verdict_in_english() -> None:
    found = reply("leerplicht_leeftijd", "My son is 15 and skipped a grade. How long is he leerplichtig?", "en")
    text = first_bubble(found, "en")
    assert "8 school years" in text and "12 full school years" in text and "artikel 3 lid 2" in text
    assert found.citations[0] == "lpw:3"


def test_without_a_skipped_group_the_dates_stand_alone() -> None:
    found = reply("leerplicht_leeftijd", "Mijn zoon wordt in mei 16. Is hij na dit schooljaar klaar?")
    assert first_bubble(found).startswith("Op 6 december 2026 is uw kind leerplichtig. Uw kind is leerplichtig van")
