"""The subject a question asks about (`Facts.asks_about`), read in every supported language, and what it changes: a
topic's variant about that subject (home education, a newcomer without Dutch, online lessons of a school abroad,
right away or a waiting period) instead of the general answer, also instead of the age verdict for a newcomer."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_knowledge
from assistant.knowledge.ids import ASKED_SUBJECTS
from assistant.situation import Facts, read_facts
from assistant.situation.age import NEWCOMER_SUBJECTS
from assistant.situation.verdict import situational_reply
from tests.situation.helpers import TODAY, first_bubble, reply


@pytest.mark.parametrize(
    ("language", "text", "subject"),
    [
        ("nl", "Mag ik mijn kind thuisonderwijs geven?", "thuisonderwijs"),
        ("en", "Can I teach my children at home instead of sending them to school?", "thuisonderwijs"),
        ("ar", "هل يمكنني التعليم المنزلي لطفلي؟", "thuisonderwijs"),
        ("uk", "Чи можна перевести дитину на домашнє навчання?", "thuisonderwijs"),
        ("tr", "Çocuğuma evde eğitim verebilir miyim?", "thuisonderwijs"),
        ("pl", "Czy mogę uczyć dzieci w domu zamiast posyłać je do szkoły?", "thuisonderwijs"),
        ("nl", "Mijn dochter spreekt nog geen Nederlands, moet ze al naar school?", "taal"),
        ("en", "My son doesn't speak Dutch yet. Does he have to go to school?", "taal"),
        ("ar", "ابني لا يتكلم الهولندية، هل يجب أن يذهب إلى المدرسة؟", "taal"),
        ("uk", "Син ще не говорить нідерландською. Чи мусить він ходити до школи?", "taal"),
        ("tr", "Oğlum Hollandaca bilmiyor, okula gitmesi gerekiyor mu?", "taal"),
        ("pl", "Syn nie mówi po holendersku, czy musi iść do szkoły?", "taal"),
        ("uk", "Донька вчиться онлайн в українській школі. Чи треба ходити до нідерландської?", "online_school"),
        ("pl", "Córka uczy się zdalnie w polskiej szkole, czy musi chodzić do holenderskiej?", "online_school"),
        ("en", "We just moved here. Does my 7 year old have to be in school right away?", "wachttijd"),
        ("nl", "wij wonen in het azc, hoe lang mag het duren voordat de kinderen naar school gaan", "wachttijd"),
        ("tr", "Yeni geldik, çocuğum hemen okula gitmeli mi?", "wachttijd"),
        ("ar", "وصلنا قبل شهر. هل يجب أن يذهب ابني إلى المدرسة فورا؟", "wachttijd"),
    ],
)
def test_the_subject_asked_is_read_in_every_language(language: str, text: str, subject: str) -> None:
    assert read_facts(text, language, today=TODAY).asks_about == subject


def test_several_subjects_the_most_specific_wins_and_an_ordinary_question_has_none() -> None:
    text = "Mijn zoon spreekt geen Nederlands en volgt online les bij zijn school in Oekraïne. Moet hij meteen?"
    assert read_facts(text, "nl", today=TODAY).asks_about == "online_school"
    assert read_facts("Mag mijn kind vrij voor de bruiloft van zijn oom?", "nl", today=TODAY).asks_about is None
    assert Facts.from_json({"asks_about": "taal"}).asks_about == "taal"  # it carries over in a conversation


def test_every_subject_a_topic_answers_is_a_known_subject() -> None:
    kb = load_knowledge(strict=False)
    assert set(kb.topic("vrijstelling_5").variants) == {"thuisonderwijs"}
    assert set(kb.topic("nieuwkomers").variants) == set(NEWCOMER_SUBJECTS)
    assert set(kb.topic("verhuizen_buitenland").variants) == {"reis"}
    # the Thuiszitterstafel has no variant: it leads the school's verdict on a thuiszitter (`registration`)
    assert set(NEWCOMER_SUBJECTS) | {"thuisonderwijs", "reis", "thuiszitterstafel"} == set(ASKED_SUBJECTS)


def test_a_newcomer_asking_a_subject_of_the_topic_gets_its_variant_not_the_age_verdict() -> None:
    facts = read_facts("Mijn zoon van 13 spreekt geen Nederlands. Moet hij meteen naar school?", "nl", today=TODAY)
    assert (facts.age, facts.asks_about) == (13, "taal")
    assert situational_reply("nieuwkomers", facts, TODAY) is None
    # a child not yet leerplichtig: the verdict says so, whatever else was asked
    young = reply("nieuwkomers", "Onze dochter van 3 spreekt nog geen Nederlands. Moet ze meteen naar school?")
    assert str(young.lines[0]).startswith("Nee, uw kind is nog niet leerplichtig.")


@pytest.mark.parametrize(
    ("role", "text", "line"),
    [
        ("parent", "Mijn zoon van 8 is net in Nederland. Moet hij naar school?", "Schrijf uw kind dus nu in"),
        (
            "school",
            "Een leerling van 10 is net in Nederland komen wonen, moet hij al naar school?",
            "ook voor een kind",
        ),
    ],
)
def test_a_newcomer_verdict_says_there_is_no_waiting_period(role: str, text: str, line: str) -> None:
    found = reply("nieuwkomers", text)
    assert found.facts.role == role
    bubble = first_bubble(found)
    assert "de wet kent geen wachttijd" in bubble and line in bubble
    assert len(bubble) <= 470 and "lpw:2" in found.citations


def test_a_school_hears_that_the_kwalificatieplicht_follows_the_leerplicht() -> None:
    bubble = first_bubble(reply("leerplicht_leeftijd", "Een leerling van 12, tot wanneer is die leerplichtig?"))
    assert "tot het einde van het schooljaar waarin het 16 jaar wordt (artikel 3 Leerplichtwet)" in bubble
    assert "Daarna moet het naar school tot het 18 jaar is of een startkwalificatie heeft (artikel 4a)." in bubble
    turkish = first_bubble(reply("leerplicht_leeftijd", "Een leerling van 12, tot wanneer is die leerplichtig?"), "tr")
    assert "temel yeterlilik diploması (startkwalificatie)" in turkish and "(artikel 4a)" in turkish


@pytest.mark.parametrize(
    ("language", "parts"),
    [
        ("nl", ("Daarna geldt de kwalificatieplicht: naar school tot 18 jaar of tot een startkwalificatie",)),
        ("en", ("duty to obtain a basic qualification (kwalificatieplicht)", "18")),
        ("tr", ("yeterlilik yükümlülüğü (kwalificatieplicht)", "18 yaşına kadar")),
    ],
)
def test_how_long_leerplicht_lasts_without_a_birth_date_names_the_kwalificatieplicht(
    language: str, parts: tuple[str, ...]
) -> None:
    """ "When does compulsory education start and how long does it last?" (dev q100): no age to ask about when nobody
    said whose child, so the topic's short answer answers, and it goes on to the kwalificatieplicht."""
    from assistant.knowledge.render import render_answer

    question = "Wanneer begint de leerplicht en hoe lang duurt die?"
    assert situational_reply("leerplicht_leeftijd", read_facts(question, "nl", today=TODAY), TODAY) is None
    short = render_answer(load_knowledge(strict=False).topic("leerplicht_leeftijd"), language=language, on=TODAY).short
    for part in parts:
        assert part in short, part
