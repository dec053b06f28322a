"""The language configuration (one line per language) and the YAML extractor registered in babel.cfg."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import HUMAN_BUTTON, ActionAnswerTopic
from actions.fallback import ActionRetrievalFallback
from assistant.i18n import lookup
from assistant.i18n.extract import extract_yaml
from assistant.i18n.languages import load_languages
from tests.i18n.conftest import ROOT
from tests.language_config import with_supported_language


def test_a_new_language_is_one_line_of_configuration(tmp_path: Path) -> None:
    config = with_supported_language(
        tmp_path, "{code: fa, name: فارسی, english: Persian, dir: rtl, lingua: PERSIAN, aliases: [farsi, فارسی]}"
    )
    assert config.codes == ("nl", "en", "ar", "uk", "tr", "pl", "fa")
    persian = config.get("fa")
    assert persian is not None and persian.supported and persian.dir == "rtl" and persian.name == "فارسی"


def test_the_configuration_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "languages.yml"
    path.write_text("source: nl\nsupported:\n  - {code: en, english: English, dir: up}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="dir must be ltr or rtl"):
        load_languages(path)
    path.write_text("source: nl\nsupported:\n  - {code: en, english: English}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="source language"):
        load_languages(path)


def _extract(path: Path) -> list[tuple[int, str, list[str]]]:
    with path.open("rb") as handle:
        return [(line, message, comments) for line, _f, message, comments in extract_yaml(handle, None, None, {})]


def test_the_extractor_finds_response_texts_and_button_titles_with_a_comment() -> None:
    found = _extract(ROOT / "domain" / "core.yml")
    messages = {message: comments for _line, message, comments in found}
    assert messages["Een medewerker spreken"] == ["button in response utter_greet"]
    greet = next(message for message in messages if message.startswith("Goedendag! Ik ben de Leerplicht-assistent"))
    assert "\n" not in greet and greet == greet.strip()
    assert all(line > 1 for line, _m, _c in found)


def test_the_extractor_finds_every_shown_topic_text_but_not_statements_or_keywords() -> None:
    found = {
        message: comments
        for _l, message, comments in _extract(ROOT / "knowledge" / "topics" / "verlof_gewichtige_omstandigheden.yml")
    }
    assert found["Extra vrij bij een bijzondere gebeurtenis"] == [
        "topic verlof_gewichtige_omstandigheden: title (also a button)"
    ]
    assert any(c == ["topic verlof_gewichtige_omstandigheden, event huwelijk: short"] for c in found.values())
    assert not any(message.startswith("De directeur kan verlof geven als uw kind") for message in found)
    assert "bruiloft" not in found


def test_the_extractor_ignores_other_yaml() -> None:
    assert list(extract_yaml(io.BytesIO(b"version: '3.1'\nnlu: []\n"), None, None, {})) == []


def _tracker(intent: str, language: str | None, text: str = "") -> Tracker:
    metadata = {"language": language} if language else {}
    return Tracker(
        sender_id="s",
        slots={"topic": None, "gebeurtenis": None},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "entities": [],
            "metadata": metadata,
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def test_the_answer_action_answers_in_the_conversation_language() -> None:
    dispatcher = CollectingDispatcher()
    ActionAnswerTopic().run(dispatcher, _tracker("ask_vrijstelling_5", "tr"), {})
    message = dispatcher.messages[0]
    answer = message["text"] + "\n\n" + message["custom"]["details"]  # the short answer, and the rest behind it
    assert "(vrijstelling)" in message["text"] and "artikel 5" in answer.lower()
    assert "{" not in answer and lookup("Wat kunt u doen?", "tr") in message["custom"]["details"]
    assert message["buttons"][-1] == {"title": lookup(HUMAN_BUTTON["title"], "tr"), "payload": "/request_human"}
    assert message["custom"]["citations"][0]["ref"].startswith("Leerplichtwet 1969, artikel")


def test_the_fallback_action_without_a_topic_offers_a_person_in_the_conversation_language() -> None:
    dispatcher = CollectingDispatcher()
    ActionRetrievalFallback().run(dispatcher, _tracker("nlu_fallback", "pl", "/ask_nothing"), {})
    message = dispatcher.messages[0]
    assert message["text"] == lookup("Daar kan ik u niet mee helpen; wilt u met een medewerker praten?", "pl")
    assert [button["title"] for button in message["buttons"]] == ["Porozmawiaj z pracownikiem"]


def test_the_extractor_finds_the_texts_of_the_rules_files_that_users_see() -> None:
    melding = {message: comments for _l, message, comments in _extract(ROOT / "knowledge" / "rules" / "melding.yml")}
    assert melding["het leerlingadministratiesysteem (LAS) van uw school"] == ["melding rules: channels po"]
    assert "lesuren" in melding and "status" not in melding and "guidance" not in melding
    verlof = {message: comments for _l, message, comments in _extract(ROOT / "knowledge" / "rules" / "verlof.yml")}
    assert verlof["een huwelijk in de familie"] == ["verlof rules: event huwelijk label"]
    assert any(text.startswith("Goedkopere tickets") for text in verlof)
    assert not any("art. 13a lid 2" in text for text in verlof)  # notes for maintainers are not shown to users


def test_the_extractor_finds_the_holiday_names_of_the_calendar() -> None:
    school = {
        message: comments for _l, message, comments in _extract(ROOT / "knowledge" / "calendar" / "school-holidays.yml")
    }
    assert school["Kerstvakantie"] == ["calendar: school holiday kerstvakantie"]
    assert {"Zomervakantie", "Herfstvakantie", "Voorjaarsvakantie", "Meivakantie"} <= set(school)
    assert not any(message.startswith(("http", "Only the zomervakantie")) for message in school)  # no notes, sources
    public = {
        message: comments for _l, message, comments in _extract(ROOT / "knowledge" / "calendar" / "public-holidays.yml")
    }
    assert public["Koningsdag"] == ["calendar: public holiday koningsdag"]
    assert not any("rosters" in message or "Varies" in message for message in public)
