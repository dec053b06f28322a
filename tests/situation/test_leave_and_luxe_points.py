"""Leave and luxe verzuim questions whose first bubble answers the point asked for the asker's role: leaving a day
early for a trip, a parent's job beside a holiday reason, an event for a relative (ask the director in advance), a
performance or gala (an event that does not count), a false sick report asked about afterwards, a school that sees
sick reports around holidays or asks what a parent risks, a question about checks, and whom leerplicht applies to."""

from __future__ import annotations

import pytest

from assistant.situation import read_facts
from tests.situation.helpers import TODAY, first_bubble, reply

# -- leaving early for a trip ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("nl", "Mogen de kinderen een dagje eerder weg voor de herfstvakantie? Ons vliegtuig gaat al op donderdag.",
         ("Nee.", "vakantie onder schooltijd", "artikel 13a", "luxe verzuim")),
        ("en", "Can we take the children out a day early before the May holiday? Our plane leaves Thursday.",
         ("No.", "during school time", "artikel 13a", "luxe verzuim")),
    ],
)  # fmt: skip
def test_leaving_a_day_early_for_a_trip_is_no_ground(language: str, text: str, words: tuple[str, ...]) -> None:
    for topic in ("verlof_vakantie", "luxe_verzuim"):
        found = reply(topic, text, language)
        bubble = first_bubble(found, language)
        for word in words:
            assert word in bubble, (topic, word, bubble)
        assert found.refuses and len(first_bubble(found)) <= 470


def test_a_job_beside_leaving_early_keeps_the_job_test() -> None:
    facts = read_facts("Ik werk in de bollenteelt, mogen we een weekje eerder weg in april?", "nl", today=TODAY)
    assert facts.reason == "werk"


def test_what_follows_leaving_early_is_still_the_topics_answer_on_consequences() -> None:
    from assistant.situation.verdict import situational_reply

    facts = read_facts("Wat gebeurt er als we een paar dagen eerder vertrekken?", "nl", today=TODAY)
    assert facts.point == "consequence"
    assert situational_reply("luxe_verzuim", facts, TODAY) is None


# -- a parent's job beside a holiday reason ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("nl", "Mijn baas laat mij in de herfstvakantie niet gaan. Mag mijn dochter in november mee skiën?",
         ("alle schoolvakanties", "in één schoolvakantie niet weg", "artikel 13a")),
        ("pl", "Mój szef nie daje mi wolnego w ferie jesienne. Czy córka może jechać na narty w listopadzie?",
         ("artikel 13a",)),
    ],
)  # fmt: skip
def test_a_job_named_beside_wintersport_leads_with_the_job_test(language: str, text: str, words: tuple[str, ...]):
    found = reply("verlof_vakantie", text, language)
    assert found.facts.reason == "werk"
    bubble = first_bubble(found, language)
    for word in words:
        assert word in bubble, bubble
    assert "skivakantie" not in first_bubble(found)  # the destination is not the test


# -- an event: ask the director in advance ----------------------------------------------------------------------------


def test_a_relatives_jubilee_says_to_ask_the_director_in_advance() -> None:
    found = reply("verlof_gewichtige_omstandigheden", "Mijn ouders zijn 40 jaar getrouwd, krijgt mijn zoon vrij?")
    bubble = first_bubble(found)
    assert bubble.startswith("Voor een jubileum vraagt u vooraf verlof aan de directeur (artikel 14).")
    assert "1 dag" in bubble and found.variant == "jubileum"


# -- a performance or a gala ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Onze zoon heeft een uitvoering met zijn muziekschool in Brussel op een donderdag. Mag hij vrij?"),
        ("en", "My son has a recital with his music school on a Thursday, can he get the day off?"),
        ("uk", "Моя донька має виступ на танцювальному конкурсі в п'ятницю. Чи можна їй відпустку?"),
        ("tr", "Kızımın cuma günü bir dans gösterisi var, izin alabilir mi?"),
    ],
)
def test_a_performance_is_an_event_that_does_not_count_and_the_director_decides(language: str, text: str) -> None:
    found = reply("verlof_gewichtige_omstandigheden", text, language)
    assert found.facts.reason == "evenement" and found.refuses
    bubble = first_bubble(found)
    assert "topsport" in bubble and "Over verlof beslist de directeur van de school (artikel 14" in bubble


# -- a false sick report, asked about afterwards -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Ik heb gezegd dat mijn zoon ziek was, maar we zijn al op vakantie gegaan. Krijg ik nu een boete?"),
        ("pl", "Powiedziałam szkole, że syn jest chory, a wyjechaliśmy na wakacje. Czy dostanę karę?"),
        ("uk", "Я повідомила школі, що донька хвора, а ми поїхали у відпустку. Чи буде штраф?"),
    ],
)
def test_a_false_sick_report_asked_about_afterwards_gets_what_follows(language: str, text: str) -> None:
    found = reply("luxe_verzuim", text, language)
    assert found.facts.false_sick_report
    bubble = first_bubble(found)
    assert bubble.startswith("Uw kind ziek melden terwijl het niet ziek is, is ongeoorloofd verzuim: luxe verzuim")
    assert "De leerplichtambtenaar hoort u" in bubble and "eerlijk" in bubble and not bubble.startswith("Nee")


# -- a school --------------------------------------------------------------------------------------------------------


def test_sick_reports_around_holidays_told_by_a_school_are_no_illness_in_the_family() -> None:
    facts = read_facts("Een vader meldt zijn dochter steeds ziek op de vrijdag voor de vakantie.", "nl", today=TODAY)
    assert facts.role == "school" and facts.reason is None and facts.false_sick_report
    assert read_facts("A mother reports her son ill after every holiday.", "en", today=TODAY).role == "school"


@pytest.mark.parametrize("topic", ["luxe_verzuim", "geoorloofd_verzuim"])
def test_a_school_asking_what_a_parent_risks_gets_the_consequences(topic: str) -> None:
    text = "Wij zijn een middelbare school. Wat riskeert een vader die toch zonder verlof vertrekt?"
    found = reply(topic, text)
    bubble = first_bubble(found)
    assert found.topic == "luxe_verzuim"
    assert bubble.startswith("Op vakantie zonder verlof is luxe verzuim: u meldt het bij DUO")
    assert "tweede categorie" in bubble and "(artikel 26)" in bubble and "waarschuwing" in bubble
    assert found.citations[:2] == ("lpw:22", "lpw:26") and len(bubble) <= 470


def test_a_parent_asking_whether_there_are_checks_gets_what_holds() -> None:
    for language, text in (
        ("nl", "Wordt er op het vliegveld gecontroleerd of er schoolkinderen meereizen?"),
        ("en", "Do they check at the airport for families with school children before the holidays?"),
    ):
        found = reply("luxe_verzuim", text, language)
        bubble = first_bubble(found)
        assert found.facts.point == "check"
        assert bubble.startswith("Of en waar er wordt gecontroleerd") and "proces-verbaal" in bubble


# -- whom leerplicht applies to ---------------------------------------------------------------------------------------


def test_children_of_famous_parents_go_by_the_same_leave_rules() -> None:
    found = reply("leerplicht_uitleg", "Geldt de leerplicht ook voor kinderen van bekende zangers?")
    bubble = first_bubble(found)
    assert "wie de ouders ook zijn" in bubble and "(artikel 11 en 13a)" in bubble and "proces-verbaal" in bubble
    assert "vrijstelling" not in bubble
