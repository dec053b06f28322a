"""Translating texts and answers: reviewed translations only, Dutch with a notice otherwise, locale formats."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

import assistant.i18n as i18n
from assistant.i18n import (
    LANGUAGE_NAMES,
    RTL_LANGUAGES,
    SUPPORTED_LANGUAGES,
    UNTRANSLATED_NOTICE,
    Localiser,
    language_of_message,
    language_options,
    lookup,
    text_direction,
    translate,
)
from assistant.i18n.formatting import format_date, format_number
from assistant.knowledge import get_knowledge_base, render_answer
from assistant.knowledge.render import DETAILS_HEADING, STEPS_HEADING


@pytest.fixture
def locale_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The real catalogs, copied, and read from the copy (a test may change them)."""
    target = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, target)
    monkeypatch.setattr(i18n, "catalog_path", lambda code: target / code / "LC_MESSAGES" / "messages.po")
    i18n.clear_caches()
    yield target
    i18n.clear_caches()


def _change_dutch_source(locale: Path, old: str, new: str) -> None:
    """What `make i18n-update` does when a Dutch text changes: the old translation becomes fuzzy for the new id."""
    for language in ("en", "ar"):
        path = locale / language / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        template = Catalog()
        for message in catalog:
            if message.id:
                template.add(new if message.id == old else message.id)
        catalog.update(template)
        with path.open("wb") as handle:
            write_po(handle, catalog)


def test_the_configuration_is_the_single_source_of_the_language_lists() -> None:
    assert SUPPORTED_LANGUAGES == ("nl", "en", "ar", "uk", "tr", "pl")
    assert {"ar"} == set(RTL_LANGUAGES)
    assert LANGUAGE_NAMES["uk"] == "Українська"
    assert [option["code"] for option in language_options()] == list(SUPPORTED_LANGUAGES)
    assert text_direction("ar") == "rtl"
    assert text_direction("en-GB") == "ltr"


def test_existing_callers_keep_working() -> None:
    assert translate("Het veld '{field}' ontbreekt.", "en", field="x") == "The field 'x' is missing."
    assert translate("Een tekst die niemand kent.", "pl") == "Een tekst die niemand kent."
    assert i18n.best_match("fr-FR, tr;q=0.8") == "tr"
    assert i18n.normalise_language("EN_gb") == "en"
    assert i18n.normalise_language("de") == "nl"


def test_the_language_comes_from_the_rasa_message_metadata() -> None:
    assert language_of_message({"metadata": {"language": "uk"}}) == "uk"
    assert language_of_message({"metadata": {"language": "xx"}}) == "nl"
    assert language_of_message({"metadata": None}) == "nl"
    assert language_of_message({}) == "nl"


def test_answers_are_translated_piece_by_piece() -> None:
    kb = get_knowledge_base()
    topic = kb.topic("verlof_vakantie")
    dutch = render_answer(topic, kb=kb)
    arabic = render_answer(topic, kb=kb, language="ar")
    assert arabic.complete and arabic.language == "ar"
    translated = lookup(topic.answer.short, "ar")
    assert translated is not None and "{verlof.vakantie_max_school_days}" in translated
    assert arabic.text.startswith(translated.split("{")[0])  # the legal numbers are filled in after translating
    assert "{" not in arabic.text and "10" in arabic.text.split("\n")[0]
    assert lookup(STEPS_HEADING, "ar") in arabic.text
    assert lookup(DETAILS_HEADING, "ar") in arabic.text
    assert "artikel 13a" in arabic.text
    assert arabic.citations == dutch.citations  # sources stay as published
    assert [payload for _title, payload in arabic.buttons] == [payload for _title, payload in dutch.buttons]
    assert arabic.buttons[0][0] == lookup(kb.topic(topic.related[0]).title, "ar")


def test_every_real_topic_and_variant_renders_completely_in_every_language() -> None:
    kb = get_knowledge_base()
    for topic in kb.topics:
        for variant in [None, *topic.variants]:
            for language in SUPPORTED_LANGUAGES:
                answer = render_answer(topic, variant, kb=kb, language=language)
                assert answer.complete, (topic.id, variant, language)
        for audience in topic.audiences:  # the texts for school staff
            for language in SUPPORTED_LANGUAGES:
                answer = render_answer(topic, audience=audience, kb=kb, language=language)
                assert answer.complete and answer.audience == audience, (topic.id, audience, language)


def test_a_changed_dutch_text_shows_dutch_with_a_notice_until_reviewed(locale_copy: Path) -> None:
    weeks = "{verlof.vakantie_excluded_first_lesweken:words}"
    old = f"Vakantieverlof kan nooit in de eerste {weeks} lesweken van het schooljaar."
    new = f"Vakantieverlof kan nooit in de eerste {weeks} lesweken van een schooljaar."
    _change_dutch_source(locale_copy, old, new)
    with (locale_copy / "en" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        entry = read_po(handle, locale="en").get(new)
    assert entry is not None and entry.fuzzy  # pybabel's fuzzy matching kept the old English, unreviewed
    assert lookup(new, "en") is None
    loc = Localiser("en")
    text = loc.finish(loc(new))
    assert text == f"{translate(UNTRANSLATED_NOTICE, 'en')}\n\n{new}"
    assert text.startswith("This text has not been translated yet.")
    arabic = Localiser("ar")
    assert arabic.finish(arabic(new)).startswith(translate(UNTRANSLATED_NOTICE, "ar"))


def test_dutch_never_gets_the_notice() -> None:
    loc = Localiser("nl")
    assert loc.finish(loc("Een tekst die niemand kent.")) == "Een tekst die niemand kent."


def test_texts_without_letters_need_no_translation() -> None:
    loc = Localiser("tr")
    assert loc("0800-2000") == "0800-2000"
    assert loc.complete


@pytest.mark.parametrize(
    ("language", "date", "number"),
    [
        ("nl", "13 maart 2026", "1.234,5"),
        ("en", "March 13, 2026", "1,234.5"),
        ("ar", "13 مارس 2026", "1,234.5"),
        ("uk", "13 березня 2026\u202fр.", "1\u00a0234,5"),
        ("tr", "13 Mart 2026", "1.234,5"),
        ("pl", "13 marca 2026", "1\u00a0234,5"),
    ],
)
def test_dates_and_numbers_follow_the_locale(language: str, date: str, number: str) -> None:
    assert format_date(dt.date(2026, 3, 13), language) == date
    assert format_number(1234.5, language) == number


def test_a_message_is_translated_with_its_values() -> None:
    """`Message`: the template is translated first, then filled; values that are Messages, dates, Decimals or lists
    are written in the same language."""
    from decimal import Decimal

    from assistant.i18n import Message

    unit = Message("lesuren")
    message = Message(
        "Hoeveel {unit} heeft de leerling zonder geldige reden gemist in de laatste {lesweken:words} "
        "lesweken? Vakantieweken tellen niet mee.",
        {"unit": unit, "lesweken": 4},
    )
    assert str(message).startswith("Hoeveel lesuren heeft")
    assert "in de laatste vier lesweken" in str(message)  # a whole number in words, in the language's own word
    assert translate(message, "en").startswith("How many lesson hours did")
    assert "in the last four school weeks" in translate(message, "en")
    loc = Localiser("pl")
    assert "godzin lekcyjnych" in loc(message) and loc.complete
    assert translate(Message("{day}", {"day": dt.date(2026, 3, 13)}), "en") == "March 13, 2026"
    assert str(Message("{day}", {"day": dt.date(2026, 3, 13)})) == "13 maart 2026"
    assert translate(Message("{n}", {"n": Decimal("12.5")}), "nl") == "12,5"
    assert translate(Message("{n}", {"n": Decimal("1000")}), "en") == "1,000"
    assert (
        translate(Message("{names}", {"names": ["Hengelo", "Borne", "Enschede"]}), "nl") == "Hengelo, Borne en Enschede"
    )
    assert translate(Message("{names}", {"names": ["Hengelo", "Borne"]}), "tr") == "Hengelo ve Borne"
    assert f"{unit}" == "lesuren"  # formats as its Dutch text


def test_a_nested_message_without_translation_adds_the_notice() -> None:
    from assistant.i18n import Message

    loc = Localiser("en")
    text = loc(Message("Hoe: via {channel}", {"channel": Message("een kanaal dat niemand kent")}))
    assert text == "How: through een kanaal dat niemand kent"
    assert not loc.complete and loc.finish(text).startswith(translate(UNTRANSLATED_NOTICE, "en"))


def test_a_message_survives_json_with_its_values_written_per_language():
    import json
    from datetime import date
    from decimal import Decimal

    from assistant.i18n import Message, message_from_json, message_to_json, translate

    nested = Message("vakantieregio {region}", {"region": "Noord"})
    message = Message(
        "Let op: de data van deze vrije dagen in deze periode staan nog niet vast: {names}.",
        {"names": [nested, "Meivakantie"]},
    )
    dated = Message(
        "{day} {amount} {flag} {nothing}",
        {"day": date(2027, 3, 9), "amount": Decimal("12.5"), "flag": True, "nothing": None},
    )
    for original in (message, dated):
        restored = message_from_json(json.loads(json.dumps(message_to_json(original))))
        assert restored == Message(
            original.template, {k: (list(v) if isinstance(v, tuple) else v) for k, v in original.values.items()}
        )
        for language in ("nl", "en", "ar"):
            assert translate(restored, language) == translate(original, language)
    assert "9 maart 2027" in translate(message_from_json(message_to_json(dated)), "nl")


def test_stored_messages_refuse_what_they_cannot_hold():
    import pytest

    from assistant.i18n import Message, message_from_json, message_to_json

    with pytest.raises(TypeError):
        message_to_json(Message("{x}", {"x": object()}))
    for broken in (
        {},
        {"template": 5},
        {"template": "a", "values": {"x": {"kind": 1}}},
        {"template": "a", "values": {"x": {"date": "2027-02-30"}}},
    ):
        with pytest.raises(ValueError):
            message_from_json(broken)


def test_a_value_ending_in_a_full_stop_gets_no_second_one():
    """Ukrainian long dates end in "р." (рік): the law line must not end in "р.."."""
    from datetime import date

    from assistant.i18n import Localiser, translate
    from assistant.knowledge.law_date import law_on

    line = law_on(date(2026, 12, 6))
    assert translate(line, "uk").endswith("р.") and not translate(line, "uk").endswith("..")
    assert Localiser("uk")(line).endswith("р.") and not Localiser("uk")(line).endswith("..")
    assert translate(line, "nl") == "Dit is de wet zoals die geldt op 6 december 2026."
