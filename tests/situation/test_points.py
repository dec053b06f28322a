"""The one point a question asks (`Facts.point`) in every language, and the verdicts that answer it rather than the
topic's general rule: a new melding after an earlier one, mbo and vavo students, the DUO category, lateness, stopping
school anyway, combining school and work, whom leerplicht applies to (a senior leerplichtambtenaar's review)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.situation import read_facts
from assistant.situation.verdict import situational_reply
from tests.situation.helpers import TODAY, first_bubble, reply

MAX_FIRST_BUBBLE = 470


@pytest.mark.parametrize(
    ("language", "text", "point"),
    [
        ("nl", "Een leerling heeft na een eerdere melding opnieuw 16 uur gemist. Nieuwe melding?", "again"),
        ("en", "A pupil already had a report and has missed 16 hours again. Do we report again?", "again"),
        ("uk", "Учень уже мав повідомлення, а тепер знову пропустив 16 годин. Робимо нове повідомлення?", "again"),
        ("nl", "In welke categorie in DUO melden we een leerling van 19?", "category"),
        ("tr", "DUO'da 19 yaşındaki bir öğrenci için hangi kategoriyi seçmeliyiz?", "category"),
        ("nl", "Geldt die meldplicht van 16 uur ook voor studenten op het mbo?", "scope"),
        ("pl", "Czy obowiązek zgłaszania 16 godzin dotyczy też studentów mbo?", "scope"),
        ("en", "Does compulsory education also apply to children of rich parents?", "scope"),
        ("nl", "wat gebeurt er als ik op mijn 17e zonder diploma stop met het mbo", "consequence"),
        ("tr", "17 yaşındayım, diplomasız mbo'yu bırakırsam ne olur?", "consequence"),
        ("nl", "Mijn zoon van 14 moet 16 uur per week naar school.", None),
    ],
)
def test_the_point_asked_is_read_in_every_language(language: str, text: str, point: str | None) -> None:
    assert read_facts(text, language, today=TODAY).point == point


def test_vavo_students_count_with_mbo_students_and_minutes_are_no_age() -> None:
    assert read_facts("Geldt het ook voor vavo-studenten?", "nl", today=TODAY).school_type == "mbo"
    for language, text in (
        ("nl", "Onze leerling is 10 minuten te laat, moeten we melden?"),
        ("en", "Our pupil is 10 minutes late every morning. Do we have to report that?"),
    ):
        facts = read_facts(text, language, today=TODAY)
        assert facts.age is None and facts.absence_kind == "te_laat", text


# -- reporting -----------------------------------------------------------------------------------------------------


def test_lateness_has_no_legal_limit_counts_toward_16_hours_and_names_the_regional_request() -> None:
    found = reply(
        "meldplicht_verzuim", "Onze leerling komt elke ochtend 10 minuten te laat. Melden? We zitten in Hengelo."
    )
    text = first_bubble(found)
    assert text.startswith("Wettelijk hoeft u te laat komen niet te melden; de wet noemt er geen grens voor.")
    assert (
        "telt wel mee voor de 16 uur in vier opeenvolgende lesweken" in text and "(artikel 21a Leerplichtwet)" in text
    )
    assert "In Hengelo en Borne vraagt leerplicht scholen om vaak te laat komen wel te melden" in text
    assert "Bespreek het eerst met de leerling en de ouders." in text
    assert "Hiervoor geldt geen wettelijke termijn" not in text and len(text) <= MAX_FIRST_BUBBLE
    assert found.citations[:2] == ("lpw:21a", "brod:14")
    assert not {"lpw:2", "lpw:3"} & set(found.citations)
    assert "src:hengelo-jaarverslag-leerplicht-2024-2025" in found.citations


def test_lateness_elsewhere_is_not_given_the_hengelo_request_as_local_practice() -> None:
    facts = replace(read_facts("Onze leerling komt vaak te laat, moeten we melden?", "nl", today=TODAY))
    twente = first_bubble(situational_reply("meldplicht_verzuim", facts, TODAY))  # type: ignore[arg-type]
    assert "U kunt het wel melden als 'Overig verzuim'; in Hengelo en Borne vraagt leerplicht scholen dat" in twente
    elsewhere = situational_reply("meldplicht_verzuim", replace(facts, municipality="Utrecht"), TODAY)
    assert elsewhere is not None
    text = first_bubble(elsewhere)
    assert "Vraag de leerplichtambtenaar van uw gemeente of daar afspraken over zijn." in text
    assert "Hengelo" not in text


def test_a_count_of_late_arrivals_is_said_back_without_a_limit_of_its_own() -> None:
    text = first_bubble(reply("meldplicht_verzuim", "Onze leerling kwam 12 keer te laat, moeten we melden?"))
    assert text.startswith("De leerling kwam 12 keer te laat. Wettelijk hoeft u te laat komen niet te melden")


def test_a_new_melding_after_an_earlier_one_says_so_without_inventing_the_period() -> None:
    found = reply(
        "meldplicht_verzuim",
        "Een leerling heeft na een eerdere melding opnieuw 16 uur gemist. "
        "Doen we een nieuwe melding of loopt de oude door?",
    )
    text = first_bubble(found)
    assert text.startswith("Ja, een nieuwe melding. Volgens DUO doet u elke keer dat de leerling de grens van 16 uur")
    assert "opnieuw een verzuimmelding (artikel 21a Leerplichtwet)" in text
    assert "einddatum" in text and "De oude melding loopt dus niet door." in text
    assert "De leerling heeft in vier aaneengesloten lesweken" not in text and len(text) <= MAX_FIRST_BUBBLE
    assert found.citations[0] == "lpw:21a" and "src:duo-verzuim" in found.citations
    assert any("nieuwe periode van vier weken" in str(detail) for detail in found.details)  # guidance, behind more


def test_a_parent_hears_that_the_school_reports_again() -> None:
    text = first_bubble(
        reply("meldplicht_verzuim", "Mijn zoon is al eens gemeld. Wordt hij opnieuw gemeld als hij weer spijbelt?")
    )
    assert text.startswith("Ja. Volgens DUO doet de school elke keer dat uw kind de grens van 16 uur")


def test_hours_without_a_period_are_not_told_as_four_lesweken() -> None:
    text = first_bubble(reply("meldplicht_verzuim", "Een leerling van 14 heeft 20 uur gespijbeld, moeten wij melden?"))
    assert text.startswith("U moet dit verzuim melden bij DUO. Dat geldt als de 20 lesuren ongeoorloofd verzuim")
    assert "binnen vier opeenvolgende lesweken vallen" in text
    said = first_bubble(reply("meldplicht_verzuim", "Een leerling mist 20 uur in vier weken, moeten wij melden?"))
    assert "De leerling heeft in vier aaneengesloten lesweken 20 lesuren ongeoorloofd gemist." in said


def test_the_16_hours_cover_mbo_and_vavo_students_under_article_21a_lid_2() -> None:
    found = reply(
        "meldplicht_verzuim", "Geldt die meldplicht van 16 uur ook voor kwalificatieplichtige studenten op het mbo?"
    )
    text = first_bubble(found)
    assert text.startswith("Ja. Artikel 21a lid 2 Leerplichtwet geldt ook voor mbo- en vavo-studenten")
    assert "in vier opeenvolgende lesweken in totaal 16 uur van de lestijd" in text
    assert "Vanaf 18 jaar zonder startkwalificatie meldt de instelling pas na 4 weken" in text
    assert "(artikel 9.2.1 Wet educatie en beroepsonderwijs)" in text and len(text) <= MAX_FIRST_BUBBLE
    assert found.citations[0] == "lpw:21a" and "web:9.2.1" in found.citations


def test_the_duo_category_for_a_pupil_of_19_is_the_18_plus_category() -> None:
    found = reply(
        "verzuim_18plus", "In welke categorie in DUO melden we een leerling van 19 die niet meer komt opdagen?"
    )
    text = first_bubble(found)
    assert text.startswith("Kies in DUO de verzuimsoort 'RMC / 18-plus verzuim'.")
    assert "van 18 tot 27 jaar zonder startkwalificatie" in text and "4 weken aaneengesloten" in text
    assert "(artikel 9.2.1 en 9.2.2 Wet educatie en beroepsonderwijs)" in text and len(text) <= MAX_FIRST_BUBBLE
    assert {"web:9.2.1", "web:9.2.2", "src:duo-verzuim"} <= set(found.citations)


def test_the_duo_category_asked_leads_a_computed_melding() -> None:
    text = first_bubble(
        reply("meldplicht_verzuim", "In welke categorie meld ik een leerling die 20 uur heeft gespijbeld?")
    )
    assert text.startswith("Kies in DUO de verzuimsoort '16 uur in 4 weken'. U moet dit verzuim melden bij DUO.")


# -- stopping school, school and work ------------------------------------------------------------------------------


def test_stopping_at_17_says_what_happens_with_the_young_persons_own_proces_verbaal() -> None:
    found = reply("kwalificatieplicht", "wat gebeurt er als ik op mijn 17e zonder diploma stop met het mbo")
    text = first_bubble(found)
    assert text.startswith("Je bent kwalificatieplichtig: je moet naar school tot je 18 jaar bent")
    assert "Stop je toch, dan meldt de school je verzuim (artikel 21a Leerplichtwet)" in text
    assert "gaat de leerplichtambtenaar met je praten" in text and "ook tegen jezelf" in text
    assert "(artikel 22 en 26)" in text and len(text) <= MAX_FIRST_BUBBLE
    assert found.citations[:2] == ("lpw:4a", "lpw:3") and {"lpw:21a", "lpw:22", "lpw:26"} <= set(found.citations)


def test_under_12_only_the_parents_can_get_a_proces_verbaal() -> None:
    text = first_bubble(
        reply("kwalificatieplicht", "Mijn dochter van 10 wil niet meer naar school, wat gebeurt er als ze thuisblijft?")
    )
    assert "Stoppen mag dus niet." in text
    assert "dan kan die proces-verbaal tegen u opmaken (artikel 22 en 26)" in text and "uw kind zelf" not in text


def test_two_days_of_school_and_work_is_not_allowed_just_like_that() -> None:
    found = reply(
        "kwalificatieplicht",
        "Mijn zoon is 16 en wil nog maar 2 dagen naar school en de rest werken bij een garage. Kan dat zomaar?",
    )
    text = first_bubble(found)
    assert text.startswith(
        "Nee, niet zomaar. Tot het einde van het schooljaar waarin uw kind 16 werd, is het leerplichtig"
    )
    assert "(artikel 3 en 4 Leerplichtwet)" in text and "Stoppen" not in text
    assert "alleen in een wettelijk geregelde combinatie van leren en werken, zoals de bbl in het mbo" in text
    assert found.refuses and len(text) <= MAX_FIRST_BUBBLE
    assert {"lpw:4a", "lpw:4c", "lpw:3", "lpw:4", "lpw:3a"} <= set(found.citations)
    details = " ".join(str(detail) for detail in found.details)
    assert "volledige programma" in details and "(vervangende leerplicht, artikel 3a)" in details
    assert "14 jaar" in details


def test_at_17_school_and_work_go_together_only_in_a_combination_the_law_regulates() -> None:
    text = first_bubble(
        reply("kwalificatieplicht", "Ik ben 17 en wil 2 dagen naar school en 3 dagen werken in de garage")
    )
    assert text.startswith("Nee, niet zomaar. Je bent kwalificatieplichtig tot 18 jaar of een startkwalificatie")
    assert "leerplichtig" not in text and "zoals de bbl in het mbo (artikel 4c)" in text


@pytest.mark.parametrize("topic", ["kwalificatieplicht", "voortijdig_schoolverlaten"])
def test_wanting_to_work_before_18_gets_the_combination_in_either_topic(topic: str) -> None:
    """ "Mag ik alvast gaan werken?" asks for a lawful way to work, not what happens after stopping: the combination
    of learning and working (art. 4c), whichever of the two topics the classifier picks."""
    text = first_bubble(reply(topic, "Ik ben 17 en heb geen zin meer in mijn opleiding. Mag ik alvast gaan werken?"))
    assert text.startswith("Nee, niet zomaar. Je bent kwalificatieplichtig tot 18 jaar")
    assert "zoals de bbl in het mbo (artikel 4c)" in text and "proces-verbaal" not in text


# -- whom leerplicht applies to --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "nl",
            "geldt leerplicht ook voor kinderen van bn'ers of mensen met heel veel geld?",
            "ieder kind dat in Nederland",
        ),
        ("en", "Does compulsory education also apply to children of rich parents?", "every child who lives or stays"),
        ("pl", "Czy obowiązek szkolny dotyczy też dzieci bogatych rodziców?", "każdego dziecka, które mieszka"),
    ],
)
def test_leerplicht_applies_to_every_child_whoever_the_parents_are(language: str, text: str, expected: str) -> None:
    found = reply("leerplicht_uitleg", text, language)
    bubble = first_bubble(found, language)
    assert expected in bubble and "(artikel 2 en 16 Leerplichtwet)" in bubble and "(artikel 11 en 13a)" in bubble
    assert "(artikel 22)" in bubble and "artikel 5" not in bubble  # time off, not exemption, is what such parents ask
    assert found.citations[:5] == ("lpw:2", "lpw:16", "lpw:11", "lpw:13a", "lpw:22")


def test_a_general_question_on_leerplicht_has_no_verdict() -> None:
    facts = read_facts("Wat houdt leerplicht in?", "nl", today=TODAY)
    assert situational_reply("leerplicht_uitleg", facts, TODAY) is None


@pytest.mark.parametrize("topic", ["meldplicht_verzuim", "soorten_verzuim"])  # asked about reporting or the forms
@pytest.mark.parametrize(
    ("language", "text", "start"),
    [
        ("nl", "Geldt te laat komen eigenlijk ook als verzuim?", "Ja. Wie te laat komt, mist lestijd"),
        ("nl", "Als ik te laat kom op school, is dat dan verzuim?", "Ja. Kom je te laat, dan mis je lestijd"),
        ("en", "I'm often late for class. Is that counted as absence?", "Ja. Kom je te laat, dan mis je lestijd"),
        ("nl", "Onze zoon is 's ochtends vaak een kwartier te laat. Is dat ook verzuim?", "Ja. Wie te laat komt"),
    ],
)
def test_whether_lateness_counts_is_answered_for_whoever_asks_not_as_the_school_s_duty(
    topic: str, language: str, text: str, start: str
) -> None:
    found = reply(topic, text, language)
    bubble = first_bubble(found)
    assert bubble.startswith(start), bubble
    assert "telt mee voor de 16 uur in vier opeenvolgende lesweken" in bubble and "(artikel 21a" in bubble
    assert "Wettelijk hoeft u" not in bubble and len(bubble) <= MAX_FIRST_BUBBLE
    assert "src:halt" in found.citations


@pytest.mark.parametrize(
    ("text", "start", "adult"),
    [
        (
            "Wat gebeurt er als ik zonder diploma stop met school?",
            "Onder de 18 mag je zonder startkwalificatie",
            "Vanaf 18 hoef je niet meer naar school; het Doorstroompunt (voorheen RMC) helpt je",
        ),
        (
            "Wat gebeurt er als mijn dochter zonder diploma van school gaat?",
            "Onder de 18 mag uw kind",
            "Vanaf 18 hoeft uw kind niet meer; het Doorstroompunt (voorheen RMC) helpt",
        ),
    ],
)
def test_stopping_without_an_age_gets_both_branches_under_and_from_18(text: str, start: str, adult: str) -> None:
    found = reply("voortijdig_schoolverlaten", text)
    bubble = first_bubble(found)
    assert bubble.startswith(start) and adult in bubble and "(artikel 21a, 22 en 26)" in bubble
    assert not found.is_question and len(bubble) <= MAX_FIRST_BUBBLE, bubble
    assert {"lpw:3", "lpw:4a", "lpw:22", "web:9.2.1"} <= set(found.citations)


def test_any_other_question_among_the_forms_of_verzuim_gets_the_topics_overview() -> None:
    facts = read_facts("Welke soorten verzuim zijn er?", "nl", today=TODAY)
    assert situational_reply("soorten_verzuim", facts, TODAY) is None
