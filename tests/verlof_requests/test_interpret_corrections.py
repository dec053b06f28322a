"""assistant.verlof_requests.interpret.interpret_correction in every supported language: which answer a correction
names and the new value, with the words from the `corrections` entry of languages.yml (nothing in the code lists a
language)."""

from __future__ import annotations

from pathlib import Path

import pytest

import assistant.verlof_requests.interpret as interpret
from assistant.i18n.languages import load_languages
from assistant.verlof_requests.interpret import Correction, interpret_correction
from tests.language_config import with_supported_language

C = Correction

CORRECTIONS: list[tuple[str, str, Correction]] = [
    # Dutch (as before)
    ("nl", "nee, de laatste dag is 14 maart", C("end_date", "14 maart")),
    ("nl", "de school klopt niet", C("school", None)),
    ("nl", "ander e-mailadres: a@b.nl", C("email", "a@b.nl")),
    ("nl", "de klas is fout, het is groep 6", C("child_class", "groep 6")),
    ("nl", "de naam van mijn kind is verkeerd gespeld", C("child_name", None)),
    ("nl", "de gemeente klopt niet, we wonen in Borne", C("home_municipality", "Borne")),
    ("nl", "nee, het is tot en met 15 mei", C("end_date", "15 mei")),
    ("nl", "wijzig de einddatum naar 17 april", C("end_date", "17 april")),
    ("nl", "kan ik de datum nog veranderen", C("date", None)),
    ("nl", "ik heb me vergist in de naam", C("child_name", None)),  # "de naam" is no name
    ("nl", "nee, van 9 tot 13 maart", C("date", "9 tot 13 maart")),  # a whole range: both days
    # English
    ("en", "no, the last day is March 14", C("end_date", "March 14")),
    ("en", "sorry, the first day is 10 March", C("start_date", "10 March")),
    ("en", "the school is wrong", C("school", None)),
    ("en", "the class is wrong, it's group 6", C("child_class", "group 6")),
    ("en", "my child's name is misspelled", C("child_name", None)),
    ("en", "my daughter is called Sara Jansen", C("child_name", "Sara Jansen")),
    ("en", "I want to change the reason", C("reason", None)),
    ("en", "the municipality is wrong, we live in Borne", C("home_municipality", "Borne")),
    ("en", "wrong email address, it is piet@example.com", C("email", "piet@example.com")),
    ("en", "I want to change the dates", C("date", None)),
    # Arabic
    ("ar", "لا، آخر يوم هو ١٤ مارس", C("end_date", "١٤ مارس")),
    ("ar", "اول يوم غلط، هو 10 اذار", C("start_date", "10 اذار")),
    ("ar", "المدرسة مو صحيحة", C("school", None)),
    ("ar", "الصف غلط، هو groep 6", C("child_class", "groep 6")),
    ("ar", "المدرسة هي De Borgh", C("school", "De Borgh")),
    ("ar", "بدي غير التواريخ", C("date", None)),
    # Ukrainian
    ("uk", "ні, останній день 14 березня", C("end_date", "14 березня")),
    ("uk", "перший день неправильний, це 10 березня", C("start_date", "10 березня")),
    ("uk", "школа не та", C("school", None)),
    ("uk", "клас неправильний, це groep 6", C("child_class", "groep 6")),
    ("uk", "ім'я дитини написано з помилкою", C("child_name", None)),
    ("uk", "хочу змінити причину", C("reason", None)),
    # Turkish
    ("tr", "hayır, son gün 14 Mart", C("end_date", "14 Mart")),
    ("tr", "ilk gün yanlış, 10 Mart olacak", C("start_date", "10 Mart")),
    ("tr", "okul yanlış", C("school", None)),
    ("tr", "sınıf yanlış, groep 6", C("child_class", "groep 6")),
    ("tr", "okul De Borgh olacak", C("school", "De Borgh")),
    ("tr", "sebebi değiştirmek istiyorum", C("reason", None)),
    # Polish
    ("pl", "nie, ostatni dzień to 14 marca", C("end_date", "14 marca")),
    ("pl", "pierwszy dzień jest zły, to 10 marca", C("start_date", "10 marca")),
    ("pl", "szkoła się nie zgadza", C("school", None)),
    ("pl", "klasa jest zła, to groep 6", C("child_class", "groep 6")),
    ("pl", "imię dziecka jest źle napisane", C("child_name", None)),
    ("pl", "chcę zmienić daty", C("date", None)),
]


@pytest.mark.parametrize(("language", "text", "expected"), CORRECTIONS)
def test_corrections_in_every_language(language: str, text: str, expected: Correction) -> None:
    assert interpret_correction(text, None, language) == expected


def test_dutch_words_count_in_every_conversation() -> None:
    assert interpret_correction("de school klopt niet", None, "uk") == C("school", None)
    assert interpret_correction("de laatste dag is 14 maart", None, "en") == C("end_date", "14 maart")


def test_another_languages_words_do_not_count() -> None:
    assert interpret_correction("школа не та", None, "en") is None
    assert interpret_correction("okul yanlış", None, "nl") is None


def test_the_field_from_a_button_or_entity_wins() -> None:
    assert interpret_correction("ні, 14 березня", "end_date", "uk") == C("end_date", "14 березня")
    assert interpret_correction('/verlof_correction{"verlof_field": "email"}', None, "ar") == C("email", None)
    assert interpret_correction("it is wrong", "school", "en") == C("school", None)


def test_a_text_that_names_no_answer_is_no_correction() -> None:
    assert interpret_correction("hello", None, "en") is None
    assert interpret_correction("مرحبا", None, "ar") is None


def test_a_new_language_needs_no_code_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Somali moved to `supported` with its correction words: corrections in Somali work without code."""
    config = with_supported_language(
        tmp_path,
        "{code: so, name: Soomaali, english: Somali, dir: ltr, lingua: SOMALI, aliases: [soomaali],"
        " corrections: {fields: {school: [dugsi*], end_date: [maalinta ugu dambeysa]}, wrong: [khalad],"
        " value_after: [waa]}}",
    )
    monkeypatch.setattr(interpret, "load_languages", lambda: config)
    monkeypatch.setattr(interpret, "normalise_language", lambda code: code if code in config.codes else "nl")
    interpret._correction_words.cache_clear()
    try:
        assert interpret_correction("dugsiga waa khalad", None, "so") == C("school", None)
        assert interpret_correction("dugsiga waa De Borgh", None, "so") == C("school", "De Borgh")
    finally:
        interpret._correction_words.cache_clear()


def test_the_correction_words_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "languages.yml"
    path.write_text(
        "source: nl\nsupported:\n  - {code: nl, english: Dutch, corrections: {lead: [nee, no]}}\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="quote words"):  # YAML reads an unquoted no as false
        load_languages(path)
    path.write_text(
        "source: nl\nsupported:\n  - {code: nl, english: Dutch, corrections: {words: [nee]}}\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="corrections may only have"):
        load_languages(path)


def test_every_language_names_only_known_fields() -> None:
    for language in load_languages().supported:
        assert set(language.corrections.get("fields") or {}) <= set(interpret.FIELDS), language.code
