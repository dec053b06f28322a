"""Open questions (`assistant.i18n.phrases.is_open_question`) and answers without "Ja." or "Nee." to them."""

from __future__ import annotations

import pytest

from assistant.i18n.phrases import is_open_question, without_yes_or_no


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wanneer kunt u verlof aanvragen?", "nl"),
        ("Hallo, hoe vraag ik verlof aan", "nl"),
        ("Voor wie geldt de uitzondering voor religieuze feestdagen?", "nl"),
        ("When is a child allowed to miss school?", "en"),
        ("متى يمكنني طلب إجازة؟", "ar"),
        ("Коли можна не ходити до школи?", "uk"),
        ("Ne zaman izin alabilirim?", "tr"),
        ("Kiedy mogę złożyć wniosek?", "pl"),
    ],
)
def test_a_question_word_that_asks_for_information_makes_an_open_question(text: str, language: str) -> None:
    assert is_open_question(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mag mijn kind vrij voor het Suikerfeest?", "nl"),  # yes or no
        ("ik wil verlof aanvragen", "nl"),
        ("Can my son have three days off?", "en"),
        ("Чи обов'язково ходити до школи?", "uk"),
        ("/ask_bezwaar", "nl"),
        ("", "nl"),
    ],
)
def test_a_yes_or_no_question_or_a_statement_is_no_open_question(text: str, language: str) -> None:
    assert not is_open_question(text, language)


@pytest.mark.parametrize(
    ("answer", "language", "expected"),
    [
        ("Ja. Moet uw kind een plicht vervullen?", "nl", "Moet uw kind een plicht vervullen?"),
        ("Nee, in principe niet. Alleen als …", "nl", "In principe niet. Alleen als …"),
        ("Ja, een kind van 5 jaar is leerplichtig.", "nl", "Een kind van 5 jaar is leerplichtig."),
        ("Yes. The head decides.", "en", "The head decides."),
        ("Так. Міністр може …", "uk", "Міністр може …"),
        ("Jaarlijks meldt u het.", "nl", "Jaarlijks meldt u het."),  # a word that starts like "ja" stays
        ("Nee", "nl", "Nee"),  # nothing would be left
    ],
)
def test_an_answer_to_an_open_question_does_not_open_with_yes_or_no(answer: str, language: str, expected: str) -> None:
    assert without_yes_or_no(answer, language) == expected
