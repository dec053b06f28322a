"""End to end: the stack as `make run` starts it (real Rasa model, gateway, actions, database, chat page).

Run by `make e2e` (part of `make test`) after training; excluded from plain `pytest` runs (marker `e2e`).
"""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import httpx
import pytest

from assistant.devtools.stack import GATEWAY, ROOT, running_stack, stop

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def stack():
    if not (ROOT / "models" / "leerplicht.tar.gz").exists():
        pytest.fail("no trained model: run `make train` first")
    with running_stack("e2e") as running:
        yield running
        pids = running.process_ids()
        stop(running.process)
        survivors = [
            pid
            for pid in pids
            if Path(f"/proc/{pid}").exists()
            and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        ]
        assert survivors == [], f"processes left after Ctrl-C: {survivors}"


def chat(message: str, sender_id: str | None = None) -> dict:
    response = httpx.post(
        f"{GATEWAY}/api/chat",
        timeout=30,
        json={"sender_id": sender_id or f"e2e-{uuid.uuid4().hex[:10]}", "message": message},
    )
    assert response.status_code == 200, response.text
    return response.json()


def refs(body: dict) -> list[str]:
    return [citation["ref"] for message in body["messages"] for citation in message["citations"]]


def text(body: dict) -> str:
    return "\n".join(message["text"] for message in body["messages"])


def test_health_reports_every_part(stack):
    response = httpx.get(f"{GATEWAY}/health", timeout=5)
    assert response.status_code == 200
    assert response.json()["checks"] == {
        "gateway": "ok",
        "rasa": "ok",
        "database": "ok",
        "action_server": "ok",
        "tracker_store": "ok",
    }


def test_rerunning_make_needs_no_install_and_no_training(stack):
    for target in ("setup", "train"):
        result = subprocess.run(["make", "-q", target], cwd=ROOT, check=False)
        assert result.returncode == 0, f"`make {target}` would do work on an up-to-date checkout"


def test_holiday_question_is_answered_with_article_13a(stack):
    body = chat("Mogen wij een week voor de kerstvakantie al weg met de kinderen omdat het dan goedkoper is?")
    assert body["intent"]["name"] in {"ask_verlof_vakantie", "ask_luxe_verzuim"}
    assert any(
        ref.startswith("Leerplichtwet 1969, artikel 13a") or ref.startswith("Leerplichtwet 1969, artikel 2")
        for ref in refs(body)
    ), refs(body)
    assert all(message["citations"] for message in body["messages"] if len(message["text"]) > 200)


def test_follow_up_in_context_uses_the_previous_topic(stack):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    first = chat("Hoeveel dagen vrij krijgt mijn zoon voor de bruiloft van mijn zus?", sender)
    assert first["intent"]["name"] == "ask_verlof_gewichtige_omstandigheden"
    second = chat("en voor een begrafenis?", sender)
    assert "Leerplichtwet 1969, artikel 14" in refs(second)
    assert any(word in text(second).lower() for word in ("overl", "begrafenis", "uitvaart"))


def test_a_birth_date_typed_in_digits_gets_the_leerplicht_dates(stack):
    """The real model and the fallback both: a date such as 17-02-2022 is never read as a form answer or a name."""
    for question in (
        "onze dochter is geboren op 17-02-2022, vanaf wanneer moet ze naar school?",
        "geboortedatum zoon 28.08.2019 is hij nog leerplichtig",
    ):
        body = chat(question)
        assert "Leerplichtwet 1969, artikel 3" in refs(body), text(body)
        assert "leerplichtig van" in text(body) and "medewerker" not in text(body)
    assert "1 maart 2027" in text(chat("onze dochter is geboren op 17-02-2022, vanaf wanneer moet ze naar school?"))


def test_bot_says_it_is_automated(stack):
    body = chat("praat ik nou met een robot of met een echt mens?")
    assert body["intent"]["name"] == "bot_challenge"
    assert any(word in text(body).lower() for word in ("automatisch", "computer", "geen mens"))


def test_gibberish_gets_the_way_to_a_human_and_no_menu_of_unrelated_topics(stack):
    body = chat("qwpoeiru zxmcnv")
    payloads = [button["payload"] for message in body["messages"] for button in message["buttons"]]
    assert "/request_human" in payloads
    assert not any(payload.startswith("/ask_") for payload in payloads)


def test_bad_input_is_refused_politely(stack):
    response = httpx.post(f"{GATEWAY}/api/chat", json={"sender_id": "e2e-x", "message": "x" * 5000}, timeout=10)
    assert response.status_code == 422
    assert "te lang" in response.json()["detail"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed")
def test_chat_page_in_a_browser_shows_answer_and_citation_link(stack, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(locale="nl-NL")  # the first view follows the browser's language
        page.goto(GATEWAY + "/")
        page.get_by_label("Uw vraag", exact=False).fill("Vanaf welke leeftijd moet een kind naar school?")
        page.keyboard.press("Enter")
        link = page.locator("[role=log] a[href*='wetten.overheid.nl']").first
        link.wait_for(state="attached", timeout=20_000)  # the sources are collapsed under "Bronnen (n)"
        assert "Leerplichtwet 1969" in (link.text_content() or "")
        if os.environ.get("SCREENSHOTS"):
            page.set_viewport_size({"width": 1280, "height": 900})
            page.screenshot(path=str(ROOT / "docs" / "img" / "chat-page.png"))
        browser.close()


def _non_loopback_address() -> str | None:
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: no packet is sent for a UDP connect
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_rasa_is_reachable_only_on_loopback_and_only_with_the_token(stack):
    # The gateway channel refuses callers without the shared token.
    refused = httpx.post("http://127.0.0.1:5005/webhooks/gateway/webhook", json={"sender": "x", "message": "hoi"})
    assert refused.status_code == 401
    # Rasa's HTTP API (trackers, model, parse) is not enabled at all.
    for path in ("/conversations/x/tracker", "/model/parse", "/status"):
        assert httpx.get(f"http://127.0.0.1:5005{path}").status_code in (403, 404, 405)
    # Nor is the stock REST channel, which would take messages without the token (and past the gateway's redaction).
    rest = httpx.post("http://127.0.0.1:5005/webhooks/rest/webhook", json={"sender": "x", "message": "hoi"})
    assert rest.status_code == 404
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address to try")
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://{address}:5005/", timeout=2)


def test_a_verlof_request_starts_the_form_and_keeps_the_answers(stack):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    first = chat("Ik wil graag verlof aanvragen voor mijn dochter", sender)
    assert first["intent"]["name"] == "request_verlof"
    assert first["messages"], "the form asks its first question"
    second = chat("Stop, ik wil toch niets aanvragen", sender)
    assert second["messages"]


def test_choosing_an_event_by_button_asks_which_event_then_the_childs_name(stack):
    """The path of the buttons, as a parent taps them (the stories do not compare slots; this checks them here)."""
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    first = chat("Ik wil verlof aanvragen", sender)
    [event_button] = [
        button
        for message in first["messages"]
        for button in message["buttons"]
        if "gewichtige_omstandigheid" in button["payload"]
    ]
    second = chat(event_button["payload"], sender)
    asked = " ".join(message["text"] for message in second["messages"])
    assert "Om welke gebeurtenis gaat het?" in asked
    assert any(
        '"gebeurtenis": "huwelijk"' in button["payload"]
        for message in second["messages"]
        for button in message["buttons"]
    )
    third = chat('/inform{"gebeurtenis": "huwelijk"}', sender)
    assert "naam" in " ".join(message["text"] for message in third["messages"]).lower()


def test_the_action_server_is_reachable_only_on_loopback_and_only_with_the_token(stack):
    assert httpx.get("http://127.0.0.1:8001/health").status_code == 200
    assert httpx.post("http://127.0.0.1:8001/webhook", json={"next_action": "action_answer_topic"}).status_code == 403
    assert httpx.post("http://127.0.0.1:8001/nlg", json={"response": "utter_greet"}).status_code == 403
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address to try")
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://{address}:8001/health", timeout=2)


def test_a_school_walks_through_the_melding_check(stack):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    body = chat(
        "Moet ik dit melden? Een leerling van 14 op het vo heeft de afgelopen 3 weken 18 uur gespijbeld.", sender
    )
    assert body["intent"]["name"] == "check_melding"
    assert body["messages"]
