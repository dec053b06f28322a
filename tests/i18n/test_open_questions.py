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
        ("Ja, een kind van 5 jaar is leerplichtig.", "nl", "Een kind van 5 jaar is leerplichtig."),
        ("Yes. The head decides.", "en", "The head decides."),
        ("Так. Міністр може …", "uk", "Міністр може …"),
        ("Jaarlijks meldt u het.", "nl", "Jaarlijks meldt u het."),  # a word that starts like "ja" stays
        ("Nee", "nl", "Nee"),  # nothing would be left
        # an opening sentence that only says yes or no goes as a whole, in every language
        ("Nee, in principe niet. Alleen als het beroep …", "nl", "Alleen als het beroep …"),
        ("Ja, dat kan. De directeur beslist.", "nl", "De directeur beslist."),
        ("Nee, dat kan niet. Vakantieverlof kan …", "nl", "Vakantieverlof kan …"),
        ("No, in principle not. Only if a parent's job …", "en", "Only if a parent's job …"),
        ("No, that is not possible. Holiday leave …", "en", "Holiday leave …"),
        ("لا، من حيث المبدأ لا. فقط إذا كان عمل …", "ar", "فقط إذا كان عمل …"),
        ("لا، هذا غير ممكن. إجازة العطلة …", "ar", "إجازة العطلة …"),
        ("Ні, в принципі ні. Лише якщо робота …", "uk", "Лише якщо робота …"),
        ("Hayır, prensip olarak hayır. Yalnızca bir ebeveynin …", "tr", "Yalnızca bir ebeveynin …"),
        ("Nie, co do zasady nie. Tylko jeśli praca …", "pl", "Tylko jeśli praca …"),
        # a sentence that says what holds keeps its words: a number, more words, an abbreviation that goes on
        ("Ja, vanaf 5 jaar. Dan …", "nl", "Vanaf 5 jaar. Dan …"),
        ("Nee, de school hoeft dit niet te melden. Wel …", "nl", "De school hoeft dit niet te melden. Wel …"),
        ("Nee, bijv. niet voor een feest.", "nl", "Bijv. niet voor een feest."),
        ("Nee, dat kan niet.", "nl", "Dat kan niet."),  # nothing follows: only the word goes
    ],
)
def test_an_answer_to_an_open_question_does_not_open_with_yes_or_no(answer: str, language: str, expected: str) -> None:
    assert without_yes_or_no(answer, language) == expected
