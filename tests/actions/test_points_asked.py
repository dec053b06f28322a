"""The first bubble answers the finer point asked about reporting and about the obligations themselves (a senior
leerplichtambtenaar's review of 2026-12-07: p037, p038, p041, p052, p053, p090, p091, p133): each question runs
through the real answer action, in Dutch and in other languages, and the first bubble and its sources are checked."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswerTopic
from tests.actions.trackers import message_tracker

TODAY = date(2026, 12, 7)
pytestmark = pytest.mark.real_knowledge


def answer(text: str, topic: str, language: str = "nl", state: Tracker | None = None) -> dict[str, Any]:
    dispatcher = CollectingDispatcher()
    ActionAnswerTopic().run(dispatcher, state or message_tracker(text, [(f"ask_{topic}", 0.9)], language), {})
    message = dispatcher.messages[0]
    assert message["custom"]["topic"] == topic
    return message


def refs(message: dict[str, Any]) -> list[str]:
    return [citation["ref"] for citation in message["custom"]["citations"]]


LPW = "Leerplichtwet 1969, artikel "
DUO = "DUO – Verzuim: hoe het werkt en verzuim digitaal melden"

LATE = {
    "nl": (
        "Onze leerling komt elke ochtend 10 minuten te laat. Moeten we dat melden bij leerplicht? "
        "We zitten in Hengelo.",
        ["Wettelijk hoeft u te laat komen niet te melden", "In Hengelo en Borne", "Bespreek het eerst"],
    ),
    "en": (
        "Our pupil is 10 minutes late every morning. Do we have to report that? We are in Hengelo.",
        ["By law you do not have to report lateness", "In Hengelo and Borne", "Talk about it with the pupil"],
    ),
    "uk": (
        "Наш учень щоранку запізнюється на 10 хвилин. Чи маємо ми про це повідомляти? Ми в Hengelo.",
        ["За законом ви не зобов'язані повідомляти про запізнення", "Hengelo", "Спершу обговоріть це"],
    ),
}


@pytest.mark.parametrize("language", sorted(LATE))
def test_lateness_has_no_legal_limit_and_names_the_regional_request(language: str) -> None:
    text, expected = LATE[language]
    message = answer(text, "meldplicht_verzuim", language)
    for part in expected:
        assert part in message["text"], (language, part)
    assert "artikel 21a Leerplichtwet" in message["text"] and "16" in message["text"]
    assert refs(message)[0] == LPW + "21a"
    assert "Gemeente Hengelo – Jaarverslag leerplicht 2024-2025" in refs(message)[:4]
    assert LPW + "2" not in refs(message)[:4] and LPW + "3" not in refs(message)[:4]


AGAIN = {
    "nl": (
        "Een leerling heeft na een eerdere melding opnieuw 16 uur gemist. Doen we een nieuwe melding of loopt de oude "
        "door?",
        ["Ja, een nieuwe melding. Volgens DUO", "einddatum", "De oude melding loopt dus niet door."],
    ),
    "en": (
        "A pupil already had a report and has missed 16 hours again. Do we make a new report?",
        ["Yes, a new report. According to DUO", "end date", "So the old report does not continue."],
    ),
    "uk": (
        "Учень уже мав повідомлення, а тепер знову пропустив 16 годин. Чи робимо ми нове повідомлення?",
        ["Так, нове повідомлення. За даними DUO", "дату завершення", "старе повідомлення не триває далі"],
    ),
}


@pytest.mark.parametrize("language", sorted(AGAIN))
def test_a_new_melding_each_time_the_16_hours_are_reached(language: str) -> None:
    text, expected = AGAIN[language]
    message = answer(text, "meldplicht_verzuim", language)
    for part in expected:
        assert part in message["text"], (language, part)
    assert "artikel 21a Leerplichtwet" in message["text"]
    assert refs(message)[0] == LPW + "21a" and DUO in refs(message)[:4]


MBO = {
    "nl": (
        "Geldt die meldplicht van 16 uur ook voor kwalificatieplichtige studenten op het mbo?",
        ["Ja. Artikel 21a lid 2 Leerplichtwet geldt ook voor mbo- en vavo-studenten", "16 uur van de lestijd"],
    ),
    "pl": (
        "Czy obowiązek zgłaszania 16 godzin dotyczy też studentów mbo?",
        ["Tak. Leerplichtwet artikel 21a lid 2 dotyczy także studentów mbo i vavo", "16 godzin zajęć"],
    ),
    "en": (
        "Does the 16-hour reporting duty also apply to mbo students?",
        ["Yes. Leerplichtwet artikel 21a lid 2 also applies to mbo and vavo students", "16 hours of teaching time"],
    ),
}


@pytest.mark.parametrize("language", sorted(MBO))
def test_the_16_hours_apply_to_mbo_and_vavo_students(language: str) -> None:
    text, expected = MBO[language]
    message = answer(text, "meldplicht_verzuim", language)
    for part in expected:
        assert part in message["text"], (language, part)
    assert "artikel 9.2.1 Wet educatie en beroepsonderwijs" in message["text"]
    assert refs(message)[0] == LPW + "21a"
    assert "Wet educatie en beroepsonderwijs, artikel 9.2.1" in refs(message)


CATEGORY = {
    "nl": (
        "In welke categorie in DUO melden we een leerling van 19 die niet meer komt opdagen?",
        "Kies in DUO de verzuimsoort 'RMC / 18-plus verzuim'.",
    ),
    "tr": (
        "DUO'da 19 yaşında artık okula gelmeyen bir öğrenci için hangi kategoriyi seçmeliyiz?",
        "DUO'da '",
    ),
    "en": ("Which category do we choose in DUO for a student of 19 who no longer shows up?", "In DUO, choose the"),
}


@pytest.mark.parametrize("language", sorted(CATEGORY))
def test_the_duo_category_for_an_18_plus_pupil(language: str) -> None:
    text, start = CATEGORY[language]
    message = answer(text, "verzuim_18plus", language)
    assert message["text"].startswith(start), message["text"]
    assert "RMC / 18-plus verzuim" in message["text"] and "27" in message["text"]
    assert "artikel 9.2.1 en 9.2.2 Wet educatie en beroepsonderwijs" in message["text"]
    assert {
        "Wet educatie en beroepsonderwijs, artikel 9.2.1",
        "Wet educatie en beroepsonderwijs, artikel 9.2.2",
        DUO,
    } <= set(refs(message))


WORK = {
    "nl": (
        "Mijn zoon is 16 en wil nog maar 2 dagen naar school en de rest werken bij een garage. Kan dat zomaar?",
        ["Nee, niet zomaar.", "leerplichtig", "zoals de bbl in het mbo"],
    ),
    "ar": (
        "ابني عمره 16 سنة ويريد أن يذهب إلى المدرسة يومين فقط ويعمل في مرآب بقية الأسبوع. هل هذا مسموح؟",
        ["لا، ليس بهذه البساطة.", "(leerplichtig)", "bbl"],
    ),
    "pl": (
        "Mam 17 lat i chcę chodzić do szkoły 2 dni, a 3 dni pracować w warsztacie. Czy mogę?",
        ["Nie, nie tak po prostu.", "(kwalificatieplichtig)", "bbl w mbo"],
    ),
}


@pytest.mark.parametrize("language", sorted(WORK))
def test_school_and_work_only_in_a_combination_the_law_regulates(language: str) -> None:
    text, expected = WORK[language]
    message = answer(text, "kwalificatieplicht", language)
    for part in expected:
        assert part in message["text"], (language, part)
    assert "4c)" in message["text"]
    assert {LPW + "4a", LPW + "4c", LPW + "3a"} <= set(refs(message))
    assert not any(button["payload"] == "/request_verlof" for button in message.get("buttons") or [])


STOP = {
    "nl": (
        "wat gebeurt er als ik op mijn 17e zonder diploma stop met het mbo",
        ["Je bent kwalificatieplichtig", "Stop je toch", "leerplichtambtenaar", "ook tegen jezelf"],
    ),
    "tr": (
        "17 yaşındayım, diplomasız mbo'yu bırakırsam ne olur?",
        ["(kwalificatieplichtig)", "Yine de okulu bırakırsanız", "(leerplichtambtenaar)", "resmi tutanak"],
    ),
    "en": (
        "I am 17, what happens if I just stop school without a diploma?",
        ["(kwalificatieplichtig)", "If you stop anyway", "(leerplichtambtenaar)", "also against you yourself"],
    ),
}


@pytest.mark.parametrize("language", sorted(STOP))
def test_what_happens_when_a_young_person_stops_anyway(language: str) -> None:
    text, expected = STOP[language]
    message = answer(text, "kwalificatieplicht", language)
    for part in expected:
        assert part in message["text"], (language, part)
    assert "artikel 21a Leerplichtwet" in message["text"] and "artikel 22 en 26" in message["text"]
    assert refs(message)[0] == LPW + "4a" and {LPW + "21a", LPW + "22", LPW + "26"} <= set(refs(message))


OVERVIEW = {
    "nl": (
        "Voor onze informatieavond voor nieuwe ouders: hoe leg ik in gewone woorden uit wat leerplicht inhoudt?",
        [
            "eerste schooldag van de maand nadat uw kind 5 werd",
            "schooljaar waarin het 16 wordt",
            "kwalificatieplicht",
            "Ziek? Meld het bij de school.",
            "directeur",
            "leerplichtambtenaar",
        ],
    ),
    "ar": ("ما هو التعليم الإلزامي؟", ["(kwalificatieplicht)", "(directeur)", "(leerplichtambtenaar)", "16"]),
    "uk": ("Що таке обов'язкове навчання?", ["(kwalificatieplicht)", "(directeur)", "(leerplichtambtenaar)", "16"]),
}


@pytest.mark.parametrize("language", sorted(OVERVIEW))
def test_a_general_question_gets_the_whole_picture_at_once(language: str) -> None:
    text, expected = OVERVIEW[language]
    message = answer(text, "leerplicht_uitleg", language)
    for part in expected:
        assert part in message["text"], (language, part)
    assert refs(message)[:3] == [LPW + "2", LPW + "3", LPW + "4a"]


EVERYONE = {
    "nl": (
        "geldt leerplicht ook voor kinderen van bn'ers of mensen met heel veel geld?",
        "ieder kind dat in Nederland",
    ),
    "en": ("Does compulsory education also apply to children of famous or rich parents?", "every child who lives"),
    "uk": ("Чи обов'язкове навчання також для дітей відомих або багатих батьків?", "кожної дитини, яка живе"),
}


@pytest.mark.parametrize("language", sorted(EVERYONE))
def test_leerplicht_applies_whoever_the_parents_are(language: str) -> None:
    text, expected = EVERYONE[language]
    message = answer(text, "leerplicht_uitleg", language)
    assert expected in message["text"] and "artikel 2 en 16 Leerplichtwet" in message["text"]
    assert "13a" in message["text"] and "proces-verbaal" in message["text"] and "artikel 5" not in message["text"]
    assert refs(message)[:2] == [LPW + "2", LPW + "16"]


def test_the_point_asked_does_not_carry_over_to_the_next_question_of_the_topic() -> None:
    """After "opnieuw melden?", a next question in the same topic gets its own answer, not the new-melding one."""
    first = answer(AGAIN["nl"][0], "meldplicht_verzuim")
    assert first["custom"]["situation"]["facts"]["point"] == "again"
    state = message_tracker("En als het 20 uur is?", [("ask_meldplicht_verzuim", 0.9)], "nl")
    state.events.insert(0, {"event": "bot", "text": first["text"], "data": {"custom": first["custom"]}})
    second = answer("", "meldplicht_verzuim", state=state)
    assert not second["text"].startswith("Ja, een nieuwe melding") and "20" in second["text"]


ANY_AGE = {
    "nl": ("wat gebeurt er als ik gewoon stop met school?", ["Onder de 18 mag je zonder startkwalificatie", "12 jaar"]),
    "en": ("What happens if I quit school?", ["Under 18 you may not stop", "age of 12"]),
    "tr": ("Okulu bırakırsam ne olur?", ["(startkwalificatie)", "12 yaşından itibaren"]),
}


@pytest.mark.parametrize("language", sorted(ANY_AGE))
def test_what_happens_is_answered_without_asking_the_age_first(language: str) -> None:
    text, expected = ANY_AGE[language]
    message = answer(text, "kwalificatieplicht", language)
    for part in expected:
        assert part in message["text"], (language, part)
    # the age was not said: the branch from 18 too (no duty any more, the Doorstroompunt helps)
    assert "18" in message["text"] and "Doorstroompunt" in message["text"] and "22 en 26" in message["text"]
    assert "asks" not in message["custom"]["situation"]  # no age question first
    assert {LPW + "3", LPW + "4a", LPW + "21a", LPW + "22", LPW + "26"} <= set(refs(message))
