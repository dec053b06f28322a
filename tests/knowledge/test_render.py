"""Rendering a topic as one chat message: order, variants, citations and follow-up buttons."""

from __future__ import annotations

from datetime import date

from assistant.knowledge import KnowledgeBase, render_answer


def test_general_answer_puts_the_direct_answer_first(fixture_kb: KnowledgeBase) -> None:
    answer = render_answer(fixture_kb.topic("verlof_vakantie"), kb=fixture_kb, on=date(2026, 12, 5))
    short, steps, details, law_date = answer.text.split("\n\n")
    assert law_date == "Dit is de wet zoals die geldt op 5 december 2026."  # the day whose law the answer states
    assert short.startswith("Alleen als uw beroep een gezinsvakantie in de schoolvakanties onmogelijk maakt.")
    assert steps.splitlines() == [
        "Wat kunt u doen?",
        "• Vraag het verlof aan bij de directeur, met een verklaring van uw werkgever. "
        "Als richtlijn: 8 weken van tevoren.",
    ]
    assert details.splitlines() == [
        "Goed om te weten:",
        "• Verlof in de eerste twee lesweken van het schooljaar kan niet.",
    ]
    assert len(answer.text) < 600


def test_citations_follow_the_topic_order(fixture_kb: KnowledgeBase) -> None:
    answer = render_answer(fixture_kb.topic("verlof_vakantie"), kb=fixture_kb)
    assert [c.ref for c in answer.citations] == [
        "Leerplichtwet 1969, artikel 13a",
        "Leerplichtwet 1969, artikel 11",
        "Voorbeeldgemeente – Richtlijn verlof wegens gewichtige omstandigheden",
    ]
    assert answer.citations[0].url == "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a"


def test_buttons_offer_only_related_topics_that_exist(fixture_kb: KnowledgeBase) -> None:
    answer = render_answer(fixture_kb.topic("verlof_vakantie"), kb=fixture_kb)
    # luxe_verzuim is related but has no topic file in the fixtures
    assert answer.buttons == [("Vrij voor een bijzondere gebeurtenis", "/ask_verlof_gewichtige_omstandigheden")]


def test_variant_replaces_the_short_answer_and_cites_its_source_first(fixture_kb: KnowledgeBase) -> None:
    topic = fixture_kb.topic("verlof_gewichtige_omstandigheden")
    answer = render_answer(topic, "huwelijk", kb=fixture_kb)
    assert answer.text.startswith("Voor een huwelijk in de familie geeft de directeur als richtlijn 1 schooldag")
    assert "Meer dan 10 schooldagen per schooljaar" not in answer.text
    assert "Meld de reden dan binnen 2 dagen." in answer.text  # general steps kept
    assert "Hoeveel dagen u krijgt, staat niet in de wet." in answer.text  # general details kept
    assert [c.ref for c in answer.citations] == [
        "Voorbeeldgemeente – Richtlijn verlof wegens gewichtige omstandigheden",
        "Leerplichtwet 1969, artikel 11",
        "Leerplichtwet 1969, artikel 14",
    ]


def test_variant_details_replace_the_general_details(fixture_kb: KnowledgeBase) -> None:
    answer = render_answer(fixture_kb.topic("verlof_gewichtige_omstandigheden"), "overlijden", kb=fixture_kb)
    assert answer.text.startswith("Bij een overlijden in het gezin geeft de directeur als richtlijn 5 schooldagen")
    assert "• Meld het verlof zo snel mogelijk bij de school." in answer.text
    assert "Hoeveel dagen u krijgt" not in answer.text


def test_unknown_or_missing_variant_gives_the_general_answer(fixture_kb: KnowledgeBase) -> None:
    topic = fixture_kb.topic("verlof_gewichtige_omstandigheden")
    general = render_answer(topic, kb=fixture_kb)
    assert render_answer(topic, "verhuizing", kb=fixture_kb) == general
    assert general.text.startswith("Voor een bijzondere gebeurtenis, zoals een huwelijk of een overlijden")


def test_answer_without_steps_or_details_is_just_the_short_answer(fixture_kb: KnowledgeBase) -> None:
    answer = render_answer(fixture_kb.topic("thuiszitters"), kb=fixture_kb, on=date(2026, 12, 5))
    assert answer.text == (
        "Zit uw kind thuis zonder school? De leerplichtambtenaar zoekt samen met u en de school naar een oplossing."
        "\n\nDit is de wet zoals die geldt op 5 december 2026."
    )
    assert answer.buttons == []
    assert [c.ref for c in answer.citations] == ["Leerplichtwet 1969, artikel 22"]
