"""The questions of one message (`assistant.i18n.phrases.question_parts`): two questions in every language, and one
question however it is written (with a context sentence, with "en" inside it, as a list of question words)."""

from __future__ import annotations

import pytest

from assistant.i18n.phrases import question_parts


def _texts(text: str, language: str) -> list[str]:
    return [part.text for part in question_parts(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Is mijn kind van 4 leerplichtig, en is het waar dat elke dag verzuim 50 euro boete kost?",
            "nl",
            ["Is mijn kind van 4 leerplichtig", "is het waar dat elke dag verzuim 50 euro boete kost?"],
        ),
        (
            "Mag mijn dochter vrij voor de bruiloft van mijn zus en moet ik dat bij de directeur aanvragen?",
            "nl",
            ["Mag mijn dochter vrij voor de bruiloft van mijn zus", "moet ik dat bij de directeur aanvragen?"],
        ),
        ("Wat is leerplicht? Wat is kwalificatieplicht?", "nl", ["Wat is leerplicht?", "Wat is kwalificatieplicht?"]),
        (
            "Is it compulsory to go to school from age 4, and is it true that every day of absence costs a €50 fine?",
            "en",
            ["Is it compulsory to go to school from age 4", "is it true that every day of absence costs a €50 fine?"],
        ),
        (
            "Can my son stay home for a week and do I have to tell the school?",
            "en",
            ["Can my son stay home for a week", "do I have to tell the school?"],
        ),
        (
            "Чи обов'язково відвідувати школу з 4 років і чи правда, що за кожен день пропуску штраф 50 євро?",
            "uk",
            ["Чи обов'язково відвідувати школу з 4 років", "чи правда, що за кожен день пропуску штраф 50 євро?"],
        ),
        (
            "هل يجب على طفلي الذهاب إلى المدرسة في عمر 4 سنوات وهل صحيح أن الغرامة 50 يورو عن كل يوم؟",
            "ar",
            ["هل يجب على طفلي الذهاب إلى المدرسة في عمر 4 سنوات", "وهل صحيح أن الغرامة 50 يورو عن كل يوم؟"],
        ),
        (
            "16 yaşından sonra haftada iki gün okula gitmek yeterli mi, VMBO diploması yeterli mi?",
            "tr",
            ["16 yaşından sonra haftada iki gün okula gitmek yeterli mi", "VMBO diploması yeterli mi?"],
        ),
        (
            "Czy dziecko w wieku 4 lat musi chodzić do szkoły i czy to prawda, że za każdy dzień jest kara?",
            "pl",
            ["Czy dziecko w wieku 4 lat musi chodzić do szkoły", "czy to prawda, że za każdy dzień jest kara?"],
        ),
    ],
)
def test_a_message_that_asks_two_questions_is_split_into_them(text: str, language: str, expected: list[str]) -> None:
    parts = question_parts(text, language)
    assert [part.text for part in parts] == expected
    assert all(text[part.start : part.end] == part.text for part in parts)  # where each is in the message


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mijn man werkt in de horeca. Mag ik in oktober drie weken op vakantie?", "nl"),  # context, then the question
        ("Ik werk in de horeca, wat betekent dat ik in de zomer niet weg kan. Mag ik in oktober weg?", "nl"),
        ("Mag mijn zoon en mijn dochter een dag vrij voor de bruiloft?", "nl"),  # "en" inside one question
        ("Mijn zoon is 15 en moet hij nog naar school?", "nl"),  # a statement joined to the question
        ("Wat en hoe moet ik melden?", "nl"),  # a list of question words
        ("Wanneer en waar moet ik verlof aanvragen?", "nl"),
        ("Mag ik verlof aanvragen o.a. voor een bruiloft?", "nl"),  # an abbreviation is no sentence end
        ("Geldt art. 13a ook voor een zzp'er?", "nl"),
        ("Mag ik op vakantie? En hoe?", "nl"),  # a second question too short to stand alone
        ("ik wil verlof aanvragen", "nl"),
        ("My son is 15 and he wants to stop school. Is that allowed?", "en"),
        ("What and when must a school report?", "en"),
        ("Мій син хворіє і не ходить до школи. Що робити?", "uk"),
        ("ابني مريض ولا يذهب إلى المدرسة، ماذا أفعل؟", "ar"),
        ("Çocuğum 4 yaşında, okula gitmesi zorunlu mu?", "tr"),
        ("Mój syn ma 15 lat i chce rzucić szkołę. Czy może?", "pl"),
        ("/ask_luxe_verzuim", "nl"),
    ],
)
def test_one_question_with_its_context_stays_one(text: str, language: str) -> None:
    assert _texts(text, language) == [text.strip()]


def test_the_context_before_a_question_stays_with_it_and_a_third_question_is_kept() -> None:
    text = "Mijn zoon is 4. Moet hij naar school? Hoe hoog is de boete bij verzuim? En wie beslist over die boete?"
    assert _texts(text, "nl") == [
        "Mijn zoon is 4. Moet hij naar school?",
        "Hoe hoog is de boete bij verzuim?",
        "En wie beslist over die boete?",
    ]


def test_context_after_the_last_question_stays_with_it() -> None:
    text = "Wat is luxe verzuim? Hoe hoog is de boete? Wij gaan in mei naar Turkije."
    assert _texts(text, "nl") == ["Wat is luxe verzuim?", "Hoe hoog is de boete? Wij gaan in mei naar Turkije."]


def test_an_empty_message_has_no_questions() -> None:
    assert question_parts("", "nl") == ()
    assert question_parts("   ", "nl") == ()
