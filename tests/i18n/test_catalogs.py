"""The catalogs: complete, reviewed, and faithful to the numbers, references, contacts and legal terms of the Dutch.

When a test here fails after `make i18n-update`: translate the new or changed (fuzzy) entries, review them, remove
the fuzzy flag (see docs/i18n.md).
"""

from __future__ import annotations

import re

import pytest

from assistant.i18n.extract import yaml_messages
from assistant.i18n.glossary import load_glossary, missing_dutch_terms
from assistant.knowledge.placeholders import placeholder_keys
from tests.i18n.conftest import ROOT, TRANSLATED_LANGUAGES, catalog, extracted_now, template

_NUMBER = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?!\d)|\d+")
_ARTICLE = re.compile(r"\bartikel\s+\d+[a-z]?(?::\d+)?(?:\s+onder\s+[a-z]\b)?", re.IGNORECASE)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+")
_PLACEHOLDER = re.compile(r"\{(\w*)(?::words)?\}")  # a whole number may be written in words in one language only


def numbers(text: str) -> set[str]:
    """The numbers in a text, thousands separators removed ("1.000", "1,000" and "1 000" are all 1000)."""
    return {re.sub(r"\D", "", match) for match in _NUMBER.findall(text)}


def entries(language: str):
    return [message for message in catalog(language) if message.id]


def test_the_template_is_up_to_date_with_the_sources() -> None:
    """Every text the extractors find today is in messages.pot (else: `make i18n-update`)."""
    in_template = {message.id for message in template() if message.id}
    missing = sorted(extracted_now() - in_template)
    assert not missing, f"run `make i18n-update` and translate: {missing[:5]}"


def test_every_domain_response_and_topic_text_is_in_the_template() -> None:
    in_template = {message.id for message in template() if message.id}
    paths = [*sorted((ROOT / "domain").glob("*.yml")), *sorted((ROOT / "knowledge" / "topics").glob("*.yml"))]
    texts = yaml_messages(paths)
    assert len(texts) > 200
    assert not sorted(set(texts) - in_template)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_shipped_text_has_a_reviewed_translation(language: str) -> None:
    translated = {message.id: message for message in entries(language)}
    problems = []
    for message in template():
        if not message.id:
            continue
        entry = translated.get(message.id)
        if entry is None or not entry.string:
            problems.append(f"missing: {message.id[:70]}")
        elif entry.fuzzy:
            problems.append(f"fuzzy (not reviewed): {message.id[:70]}")
    assert not problems, f"{language}: {len(problems)} problems, e.g. {problems[:5]}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_numbers_articles_contacts_and_placeholders_are_kept(language: str) -> None:
    problems = []
    for entry in entries(language):
        if not entry.string:
            continue
        source, text = entry.id, entry.string
        if numbers(source) != numbers(text):
            problems.append(f"numbers {sorted(numbers(source))} != {sorted(numbers(text))}: {source[:60]}")
        for article in _ARTICLE.findall(source):
            if article.split(" onder ")[0].lower() not in text.lower():
                problems.append(f"article reference '{article}' missing: {source[:60]}")
        if set(_CONTACT.findall(source)) != set(_CONTACT.findall(text)):
            problems.append(f"e-mail/URL changed: {source[:60]}")
        if set(_PLACEHOLDER.findall(source)) != set(_PLACEHOLDER.findall(text)):
            problems.append(f"placeholders changed: {source[:60]}")
        if placeholder_keys(source) != placeholder_keys(text):  # a legal number: digits or words, same parameter
            problems.append(f"legal-number placeholders changed: {source[:60]}")
    assert not problems, f"{language}: {len(problems)} problems:\n" + "\n".join(problems[:10])


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_legal_terms_keep_the_dutch_word(language: str) -> None:
    problems = [
        f"{missing} in: {entry.id[:70]}"
        for entry in entries(language)
        if entry.string
        for missing in missing_dutch_terms(entry.id, entry.string)
    ]
    assert not problems, f"{language}: {len(problems)} texts lose a Dutch term:\n" + "\n".join(problems[:10])


def test_the_glossary_has_a_translation_for_every_language() -> None:
    for term in load_glossary():
        assert set(TRANSLATED_LANGUAGES) <= set(term.translations), term.term


def test_the_existing_english_texts_are_kept() -> None:
    english = {entry.id: entry.string for entry in entries("en")}
    assert english["Het veld '{field}' ontbreekt."] == "The field '{field}' is missing."
    assert english["Deze methode is hier niet toegestaan."] == "This method is not allowed here."


def test_number_extraction_ignores_thousands_separators() -> None:
    assert numbers("maximaal 1.000 euro, 100.000 per jaar, bel 14 074") == numbers(
        "at most 1,000 euros, 100,000 a year, call 14 074"
    )
    assert numbers("0800-2000 en artikel 6:7") == {"0800", "2000", "6", "7"}


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_holiday_names_keep_the_dutch_name(language: str) -> None:
    """Parents find holidays in the schoolgids by their Dutch names, so a translated holiday name keeps it beside
    the translation, as the glossary terms do: "Christmas holiday (Kerstvakantie)"."""
    names = yaml_messages(sorted((ROOT / "knowledge" / "calendar").glob("*.yml")))
    assert {"Kerstvakantie", "Meivakantie", "Koningsdag"} <= set(names)
    translated = {entry.id: entry.string for entry in entries(language)}
    problems = [name for name in names if not translated.get(name, "").endswith(f" ({name})")]
    assert not problems, f"{language}: holiday names without their Dutch name: {problems}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_a_translation_keeps_each_legal_number_placeholder(language: str) -> None:
    """A topic text names its legal numbers as parameters ({verlof.vakantie_max_school_days}); its translation names
    the same ones (it may write a value as digits or words), so a change of law changes every language."""
    with_numbers = [entry for entry in entries(language) if entry.string and placeholder_keys(entry.id)]
    assert len(with_numbers) > 50
    assert all(placeholder_keys(entry.id) == placeholder_keys(entry.string) for entry in with_numbers)
