"""The NLG endpoint Rasa calls for every `utter_*` response: domain text, conditions, slots, language."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from assistant.i18n import UNTRANSLATED_NOTICE, lookup, translate
from assistant.nlg import load_responses, render_response
from assistant.rasa_config import endpoints
from assistant.settings import Settings
from tests.conftest import GATEWAY_TOKEN


def _call(
    name: str, language: str | None = None, slots: dict[str, Any] | None = None, arguments: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The body Rasa 3.6 posts (rasa.core.nlg.callback.nlg_request_format)."""
    metadata = {"language": language} if language else {}
    return {
        "response": name,
        "id": None,
        "arguments": arguments or {},
        "tracker": {
            "sender_id": "s1",
            "slots": slots or {},
            "latest_message": {"text": "hallo", "intent": {"name": "greet"}, "metadata": metadata},
            "events": [],
        },
        "channel": {"name": "gateway"},
    }


def test_rasa_is_told_to_use_the_nlg_endpoint(configured: Settings) -> None:
    config = endpoints(configured)
    assert config["nlg"] == {"url": "http://127.0.0.1:8000/nlg", "token": GATEWAY_TOKEN}  # one process in tests


def test_callers_without_the_token_are_refused(client: TestClient) -> None:
    assert client.post("/nlg", json=_call("utter_greet")).status_code == 403
    assert client.post("/nlg?token=wrong", json=_call("utter_greet")).status_code == 403


def test_a_bad_body_is_a_400(client: TestClient) -> None:
    response = client.post(
        f"/nlg?token={GATEWAY_TOKEN}", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert client.post(f"/nlg?token={GATEWAY_TOKEN}", json={"tracker": {}}).status_code == 400


def test_an_unknown_response_is_a_404_in_json(client: TestClient) -> None:
    response = client.post(f"/nlg?token={GATEWAY_TOKEN}", json=_call("utter_does_not_exist"))
    assert response.status_code == 404
    assert response.json() == {"error": "unknown response", "response": "utter_does_not_exist"}


def test_without_a_language_the_dutch_domain_response_comes_back(client: TestClient) -> None:
    response = client.post(f"/nlg?token={GATEWAY_TOKEN}", json=_call("utter_greet"))
    assert response.status_code == 200
    body = response.json()
    domain = load_responses()["utter_greet"][0]
    assert body["text"] == domain["text"].strip()
    assert [b["payload"] for b in body["buttons"]] == [b["payload"] for b in domain["buttons"]]
    assert body["buttons"][0]["title"] == "Vakantie buiten de schoolvakanties"
    assert body["image"] is None and body["elements"] == [] and body["attachments"] == [] and body["custom"] == {}


def test_the_response_is_translated_into_the_conversation_language(client: TestClient) -> None:
    body = client.post(f"/nlg?token={GATEWAY_TOKEN}", json=_call("utter_greet", "uk")).json()
    domain = load_responses()["utter_greet"][0]
    assert body["text"] == lookup(domain["text"], "uk")
    assert body["text"].startswith("Добрий день!")
    assert body["buttons"][0] == {
        "title": lookup(domain["buttons"][0]["title"], "uk"),
        "payload": "/ask_verlof_vakantie",
    }


def test_arabic_keeps_contact_details_exactly() -> None:
    rendered = render_response("utter_safety_signal", _call("utter_safety_signal", "ar")["tracker"])
    assert rendered is not None
    assert "0800-2000" in rendered["text"] and "112" in rendered["text"] and "Veilig Thuis" in rendered["text"]


def test_every_domain_response_renders_completely_in_every_language() -> None:
    for name in load_responses():
        for language in ("nl", "en", "ar", "uk", "tr", "pl"):
            rendered = render_response(name, _call(name, language)["tracker"])
            assert rendered is not None and rendered["text"]
            assert not rendered["text"].startswith(translate(UNTRANSLATED_NOTICE, language)) or language == "nl"


RESPONSES = {
    "utter_status": [
        {
            "text": "U vraagt verlof voor {gebeurtenis}.",
            "condition": [{"type": "slot", "name": "gebeurtenis", "value": "huwelijk"}],
        },
        {"text": "Voor de gateway.", "channel": "gateway"},
        {"text": "Wat kunt u doen?"},
    ],
    "utter_custom": [
        {"text": "Goed om te weten:", "custom": {"citations": [{"ref": "Leerplichtwet 1969, artikel 14"}]}},
    ],
    "utter_fill": [{"text": "Dag {name}, uw onderwerp is {topic}."}],
}


def test_a_slot_condition_picks_its_variation_and_placeholders_are_filled() -> None:
    tracker = _call("utter_status", slots={"gebeurtenis": "huwelijk"})["tracker"]
    assert render_response("utter_status", tracker, "gateway", responses=RESPONSES)["text"] == (
        "U vraagt verlof voor huwelijk."
    )


def test_without_a_matching_condition_the_channel_variation_then_the_first_plain_one_is_used() -> None:
    tracker = _call("utter_status", slots={"gebeurtenis": "verhuizing"})["tracker"]
    assert render_response("utter_status", tracker, "gateway", responses=RESPONSES)["text"] == "Voor de gateway."
    assert render_response("utter_status", tracker, "rest", responses=RESPONSES)["text"] == "Wat kunt u doen?"
    english = _call("utter_status", "en")["tracker"]
    assert render_response("utter_status", english, "rest", responses=RESPONSES)["text"] == "What can you do?"


def test_custom_payloads_pass_through_untouched() -> None:
    rendered = render_response("utter_custom", _call("utter_custom", "pl")["tracker"], responses=RESPONSES)
    assert rendered["custom"] == {"citations": [{"ref": "Leerplichtwet 1969, artikel 14"}]}
    assert rendered["text"] == "Warto wiedzieć:"


def test_unknown_placeholders_stay_and_arguments_fill_too() -> None:
    tracker = _call("utter_fill", slots={"topic": "ziekte"})["tracker"]
    assert render_response("utter_fill", tracker, responses=RESPONSES)["text"] == "Dag {name}, uw onderwerp is ziekte."
    filled = render_response("utter_fill", tracker, arguments={"name": "Olena"}, responses=RESPONSES)
    assert filled["text"] == "Dag Olena, uw onderwerp is ziekte."


def test_an_untranslated_response_is_dutch_with_a_notice_in_the_users_language() -> None:
    tracker = _call("utter_fill", "tr", slots={"topic": "ziekte"})["tracker"]
    text = render_response("utter_fill", tracker, responses=RESPONSES)["text"]
    assert text == f"{translate(UNTRANSLATED_NOTICE, 'tr')}\n\nDag {{name}}, uw onderwerp is ziekte."


def _safety_call(text: str, language: str | None = None) -> dict[str, Any]:
    call = _call("utter_safety_signal", language)
    call["tracker"]["latest_message"]["text"] = text
    call["tracker"]["latest_message"]["intent"] = {"name": "safety_signal"}
    return call


def test_a_safety_signal_from_school_staff_gets_the_schools_steps_with_sources(client: TestClient) -> None:
    text = "Onze leerling vertelde de mentor dat zijn vader hem slaat. Wat moeten wij als school doen?"
    body = client.post(f"/nlg?token={GATEWAY_TOKEN}", json=_safety_call(text)).json()
    assert body["text"].startswith("Is de leerling in direct gevaar? Bel 112.")
    assert "meldcode" in body["text"] and "Veilig Thuis: 0800-2000" in body["text"]
    assert "Wat u vertelt, vind ik ernstig" not in body["text"]
    assert any(
        "Veilig Thuis" in citation["ref"] or "huiselijk geweld" in citation["ref"]
        for citation in body["custom"]["citations"]
    )
    english = client.post(
        f"/nlg?token={GATEWAY_TOKEN}",
        json=_safety_call("A pupil of ours says she is beaten at home. What must we do?", "en"),
    ).json()
    assert "112" in english["text"] and "Wat u vertelt" not in english["text"] and "ik" not in english["text"].split()


def test_a_safety_signal_from_anyone_else_keeps_the_domain_response(client: TestClient) -> None:
    body = client.post(f"/nlg?token={GATEWAY_TOKEN}", json=_safety_call("Mijn buurjongen wordt thuis geslagen.")).json()
    assert body["text"].startswith("Wat u vertelt, vind ik ernstig.")
