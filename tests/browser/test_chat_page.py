"""The chat page in a real browser: asking, answers with sources, buttons, escaping, failures, keyboard, phone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CITATION_URL = "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = PROJECT_ROOT / "docs" / "img"


def ask(page: Page, text: str) -> None:
    box = page.locator("#message")
    box.click()
    box.press_sequentially(text) if len(text) < 80 else box.fill(text)
    box.press("Enter")


def bot_messages(page: Page):
    return page.locator("#transcript .message--bot:not(.message--welcome)")


def test_question_gets_answer_with_a_citation_link(page: Page, fake_rasa, page_problems):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    ask(page, "Mag ik op vakantie buiten de schoolvakantie?")

    expect(page.locator("#transcript .message--user").last).to_contain_text(
        "Mag ik op vakantie buiten de schoolvakantie?"
    )
    answer = bot_messages(page).last
    expect(answer).to_contain_text("Antwoord op: Mag ik op vakantie buiten de schoolvakantie?")
    expect(answer.locator(".citations")).to_contain_text("Bronnen")
    answer.get_by_text("Bronnen (1)").click()  # the sources are collapsed
    link = answer.get_by_role("link", name="Leerplichtwet 1969, artikel 13a")
    expect(link).to_have_attribute("href", CITATION_URL)
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(page.locator("#message")).to_have_value("")
    expect(page.locator("#status")).not_to_have_class("status is-busy")

    [received] = fake_rasa.received
    assert received["message"] == "Mag ik op vakantie buiten de schoolvakantie?"
    assert received["metadata"] == {"language": "nl"}
    assert received["sender"].startswith("web-") and len(received["sender"]) == 36
    assert page_problems.messages == []


def test_shift_enter_makes_a_new_line_and_enter_sends(page: Page, fake_rasa):
    page.goto("/")
    box = page.locator("#message")
    box.click()
    box.press_sequentially("Regel een")
    box.press("Shift+Enter")
    box.press_sequentially("Regel twee")
    expect(box).to_have_value("Regel een\nRegel twee")
    assert fake_rasa.received == []
    box.press("Enter")
    expect(bot_messages(page)).to_have_count(1)
    assert fake_rasa.received[0]["message"] == "Regel een\nRegel twee"


def test_button_sends_its_payload_and_shows_its_title(page: Page, fake_rasa):
    fake_rasa.reply = lambda body: {
        "messages": [
            {
                "text": "Waar gaat uw vraag over?",
                "buttons": [
                    {"title": "Verlof", "payload": "/ask_verlof_vakantie"},
                    {"title": "Ziekte", "payload": "/ask_ziekte"},
                ],
            }
        ],
        "intent": None,
    }
    page.goto("/")
    ask(page, "help")
    button = page.get_by_role("button", name="Verlof")
    expect(button).to_be_visible()
    button.click()
    expect(page.locator("#transcript .message--user .bubble").last).to_have_text("Verlof")
    expect(bot_messages(page)).to_have_count(2)
    assert [body["message"] for body in fake_rasa.received] == ["help", "/ask_verlof_vakantie"]


def test_example_question_is_sent_as_text(page: Page, fake_rasa):
    page.goto("/")
    page.locator("#transcript .choice").first.click()
    expect(bot_messages(page)).to_have_count(1)
    assert fake_rasa.received[0]["message"] == "Mag mijn kind buiten de schoolvakanties op vakantie?"


def test_markup_is_shown_as_text_and_never_runs(page: Page, fake_rasa, page_problems):
    fake_rasa.reply = lambda body: {
        "messages": [
            {
                "text": f"Antwoord op: {body['message']}\n<b>vet</b>",
                "custom": {
                    "citations": [
                        {"ref": "<i>Bron</i>", "url": "javascript:window.__pwned=3"},
                        {"ref": "Zonder adres", "url": None},
                    ]
                },
            }
        ],
        "intent": None,
    }
    page.goto("/")
    evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> Mag ik op vakantie?'
    ask(page, evil)
    answer = bot_messages(page).last
    expect(answer).to_contain_text("<b>vet</b>")
    expect(page.locator("#transcript .message--user").last).to_contain_text(evil)  # shown as typed, as text
    expect(answer).to_contain_text("Antwoord op: Mag ik op vakantie?")  # the assistant reads the words only
    assert page.locator("#transcript script, #transcript img, #transcript b, #transcript i").count() == 0
    # A citation with a non-web address is plain text, never a link.
    expect(answer.locator(".citations li").first).to_have_text("<i>Bron</i>")
    expect(answer.locator(".citations a")).to_have_count(0)
    expect(answer.locator(".citations li").nth(1)).to_have_text("Zonder adres")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert page_problems.messages == []


def test_lists_and_line_breaks_in_answers(page: Page, fake_rasa):
    fake_rasa.reply = lambda body: {
        "messages": [
            {
                "text": (
                    "U kunt verlof vragen als:\n- het werk van een ouder dat nodig maakt;\n"
                    "• er geen andere vakantie is.\n"
                    "Let op:\neerste regel\ntweede regel\n1. Vraag het aan\n2. Wacht op het besluit\n"
                    "Meer op https://www.rijksoverheid.nl/onderwerpen/leerplicht."
                )
            }
        ],
        "intent": None,
    }
    page.goto("/")
    ask(page, "verlof")
    answer = bot_messages(page).last
    expect(answer.locator("ul > li")).to_have_count(2)
    expect(answer.locator("ul > li").first).to_have_text("het werk van een ouder dat nodig maakt;")
    expect(answer.locator("ol > li")).to_have_count(2)
    paragraph = answer.locator(".bubble__text p").nth(1)
    assert paragraph.evaluate("p => p.textContent") == "Let op:\neerste regel\ntweede regel"
    assert paragraph.evaluate("p => getComputedStyle(p).whiteSpace") == "pre-line"
    link = answer.get_by_role("link", name="https://www.rijksoverheid.nl/onderwerpen/leerplicht")
    expect(link).to_have_attribute("href", "https://www.rijksoverheid.nl/onderwerpen/leerplicht")


def test_rasa_down_keeps_the_text_and_succeeds_when_it_is_back(page: Page, fake_rasa):
    fake_rasa.down = True
    page.goto("/")
    ask(page, "Is er iemand?")
    notice = page.locator("#transcript .message--notice")
    expect(notice).to_contain_text("bewaard")
    expect(notice).to_contain_text("Nieuwe poging over 30 seconden.")
    pending = page.locator("#transcript .message--user").last
    expect(pending).to_contain_text("Is er iemand?")
    expect(pending).to_contain_text("nog niet aangekomen")
    assert page.evaluate("localStorage.getItem('lpa.pending')") == "Is er iemand?"

    fake_rasa.down = False
    page.get_by_role("button", name="Nu opnieuw proberen").click()
    expect(bot_messages(page).last).to_contain_text("Antwoord op: Is er iemand?")
    expect(notice).to_have_count(0)
    expect(pending.locator(".message__state")).to_have_count(0)
    assert page.evaluate("localStorage.getItem('lpa.pending')") is None


def test_retries_by_itself_after_retry_after(page: Page, fake_rasa):
    page.clock.install()
    fake_rasa.down = True
    page.goto("/")
    ask(page, "Hallo?")
    expect(page.locator("#transcript .message--notice")).to_contain_text("bewaard")
    fake_rasa.down = False
    page.clock.run_for(31_000)
    expect(bot_messages(page).last).to_contain_text("Antwoord op: Hallo?")
    assert [body["message"] for body in fake_rasa.received] == ["Hallo?"]


def test_gives_the_text_back_after_repeated_network_failures(page: Page, fake_rasa):
    page.clock.install()
    page.goto("/")
    page.route("**/api/chat", lambda route: route.abort("connectionrefused"))
    ask(page, "Blijft dit bewaard?")
    expect(page.locator("#transcript .message--notice")).to_contain_text("geen verbinding")
    for _attempt in range(4):
        page.clock.run_for(3_100)
    expect(page.locator("#transcript .message--notice")).to_contain_text("Uw tekst staat weer in het invoerveld")
    expect(page.locator("#message")).to_have_value("Blijft dit bewaard?")
    expect(page.locator("#transcript .message--failed")).to_contain_text("Niet verstuurd")
    page.unroute("**/api/chat")
    page.locator("#message").press("Enter")
    expect(bot_messages(page).last).to_contain_text("Antwoord op: Blijft dit bewaard?")


def test_a_busy_server_is_waited_out_with_the_same_message_id(page: Page, fake_rasa):
    """429 (busy) and 409 (still answering) mean "wait": the page waits Retry-After and tries again as often as it
    takes, with the same client message id, and never says the message could not be sent or whose fault it is."""
    page.clock.install()
    page.goto("/")
    bodies: list[dict] = []

    def busy_then_through(route):
        bodies.append(json.loads(route.request.post_data))
        if len(bodies) <= 6:  # more than the page's tries for an unreachable server
            status = 409 if len(bodies) == 3 else 429
            route.fulfill(
                status=status,
                content_type="application/json",
                headers={"Retry-After": "5"},
                body=json.dumps({"detail": "Het is op dit moment erg druk. Probeer het over 5 seconden opnieuw."}),
            )
        else:
            route.continue_()

    page.route("**/api/chat", busy_then_through)
    ask(page, "Mag mijn dochter een dag eerder weg?")
    notice = page.locator("#transcript .message--notice")
    expect(notice).to_contain_text("Het is even druk. Uw bericht wordt zo vanzelf verstuurd.")
    expect(notice).to_contain_text("Nieuwe poging over 5 seconden.")
    for attempt in range(2, 8):  # each retry waits for the answer to the one before
        page.clock.run_for(5_100)
        for _ in range(50):
            if len(bodies) >= attempt:
                break
            page.wait_for_timeout(100)
    expect(bot_messages(page).last).to_contain_text("Antwoord op: Mag mijn dochter een dag eerder weg?")
    assert len(bodies) == 7
    assert len({body["client_message_id"] for body in bodies}) == 1
    assert bodies[0]["client_message_id"].startswith("m-") and len(bodies[0]["client_message_id"]) == 34
    expect(page.locator("#transcript")).not_to_contain_text("Uw tekst staat weer in het invoerveld")
    expect(page.locator("#transcript")).not_to_contain_text("te veel")
    expect(page.locator("#transcript .message--failed")).to_have_count(0)
    assert [body["message"] for body in fake_rasa.received] == ["Mag mijn dochter een dag eerder weg?"]


def test_each_message_has_its_own_id_and_a_retry_reuses_it(page: Page, fake_rasa):
    page.clock.install()
    fake_rasa.down = True
    page.goto("/")
    sent: list[dict] = []
    page.on(
        "request",
        lambda request: sent.append(json.loads(request.post_data)) if request.url.endswith("/api/chat") else None,
    )
    ask(page, "Eerste vraag")
    expect(page.locator("#transcript .message--notice")).to_contain_text("bewaard")
    fake_rasa.down = False
    page.clock.run_for(31_000)
    expect(bot_messages(page).last).to_contain_text("Antwoord op: Eerste vraag")
    ask(page, "Tweede vraag")
    expect(bot_messages(page).last).to_contain_text("Antwoord op: Tweede vraag")
    ids = [body["client_message_id"] for body in sent]
    # the retries of the first message (a 503, then maybe 409s while the server's own deadline for the first attempt
    # runs in real time) carry its id; the second message has a new one
    assert len(ids) >= 3 and len(set(ids[:-1])) == 1 and ids[-1] != ids[0]
    from tests.faults.test_fail_loudly import turns

    assert [author for author, _text in turns(sent[0]["sender_id"])] == ["user", "bot", "user", "bot"]


def test_refusal_shows_the_reason_and_keeps_the_text_in_the_input(page: Page, fake_rasa):
    page.goto("/")
    page.route(
        "**/api/chat",
        lambda route: route.fulfill(
            status=422,
            content_type="application/json",
            body=json.dumps(
                {"detail": "Het veld 'message' is niet geldig: er staan tekens in die niet zijn toegestaan."}
            ),
        ),
    )
    ask(page, "Een vraag met een vreemd teken")
    expect(page.locator("#transcript .message--notice")).to_contain_text("niet zijn toegestaan")
    expect(page.locator("#message")).to_have_value("Een vraag met een vreemd teken")
    expect(page.locator("#transcript .message--user")).to_have_count(0)
    assert fake_rasa.received == []


def test_counter_and_the_limit(page: Page, fake_rasa):
    page.goto("/")
    box = page.locator("#message")
    box.fill("Hallo 😀")
    expect(page.locator("#message-counter")).to_have_text("7 van 2000 tekens")
    box.fill("a" * 2001)
    expect(page.locator("#message-counter")).to_have_class("composer__counter is-over")
    expect(page.locator("#message-error")).to_contain_text("1 tekens te lang")
    expect(box).to_have_attribute("aria-invalid", "true")
    box.press("End")
    box.press("Enter")
    assert fake_rasa.received == []
    box.press("Backspace")
    expect(page.locator("#message-error")).to_have_text("")
    box.press("Enter")
    expect(bot_messages(page)).to_have_count(1)
    assert len(fake_rasa.received[0]["message"]) == 2000


def test_empty_message_is_not_sent(page: Page, fake_rasa):
    page.goto("/")
    page.locator("#message").press("Enter")
    expect(page.locator("#message-error")).to_have_text("Typ eerst uw vraag.")
    assert fake_rasa.received == []


def test_reload_keeps_the_conversation_and_the_draft(page: Page, fake_rasa):
    page.goto("/")
    ask(page, "Eerste vraag")
    expect(bot_messages(page)).to_have_count(1)
    page.locator("#message").fill("half getypt")
    page.reload()
    expect(page.locator("#transcript .message--user")).to_have_count(1)
    expect(bot_messages(page).last.get_by_text("Bronnen (1)")).to_be_visible()
    expect(page.locator("#message")).to_have_value("half getypt")
    page.locator("#message").press("Enter")
    expect(bot_messages(page)).to_have_count(2)
    assert fake_rasa.received[0]["sender"] == fake_rasa.received[1]["sender"]


def test_new_conversation_starts_a_new_sender(page: Page, fake_rasa):
    page.goto("/")
    ask(page, "Eerste")
    expect(bot_messages(page)).to_have_count(1)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Nieuw gesprek beginnen").click()
    expect(bot_messages(page)).to_have_count(0)
    expect(page.locator("#transcript .message--welcome")).to_have_count(1)
    ask(page, "Tweede")
    expect(bot_messages(page)).to_have_count(1)
    assert fake_rasa.received[0]["sender"] != fake_rasa.received[1]["sender"]


def _focus_ring(page: Page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {id: el.id, tag: el.tagName, cls: el.className, text: (el.textContent || '').trim(),
                outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
    }""")


def test_keyboard_only_reaches_everything_with_visible_focus(page: Page, fake_rasa):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = _focus_ring(page)
    assert skip["cls"] == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert _focus_ring(page)["id"] == "message"

    page.goto("/")
    seen = []
    page.keyboard.press("Tab")
    for _step in range(30):
        ring = _focus_ring(page)
        seen.append(ring)
        assert ring["outline"] != "none" and ring["width"] >= 2, ring
        if ring["id"] == "send":
            break
        page.keyboard.press("Tab")
    ids = [ring["id"] for ring in seen]
    assert "language-select" in ids and "message" in ids and "send" in ids
    choices = [ring for ring in seen if "choice" in ring["cls"]]
    assert len(choices) == 4
    assert any(ring["text"] == "Lees hoe we met uw gegevens omgaan" for ring in seen)

    # Shift+Tab back to an example question and press it with the keyboard.
    for _step in range(2):
        page.keyboard.press("Shift+Tab")
    assert "choice" in _focus_ring(page)["cls"]
    page.keyboard.press("Enter")
    expect(bot_messages(page)).to_have_count(1)
    assert fake_rasa.received[0]["message"] == "Wanneer moet een school verzuim melden?"


def test_accessibility_structure(page: Page):
    page.goto("/")
    log = page.locator("#transcript")
    expect(log).to_have_attribute("role", "log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(page.get_by_label("Uw vraag")).to_have_attribute("id", "message")
    expect(page.get_by_role("status")).to_have_count(1)
    expect(page.get_by_role("heading", name="U chat met een computer, niet met een mens")).to_be_visible()
    expect(page.get_by_role("link", name="Lees hoe we met uw gegevens omgaan")).to_have_attribute("href", "/privacy")
    expect(page.get_by_label("Taal · Language")).to_have_value("nl")


def test_language_picker_switches_to_arabic_right_to_left(page: Page, fake_rasa):
    page.goto("/")
    page.locator("#language-select").select_option("ar")
    page.locator("#language-select ~ button, .language-form button").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#untranslated")).to_have_count(0)
    page.goto("/")  # remembered in the cookie
    expect(page.locator("#language-select")).to_have_value("ar")
    ask(page, "مرحبا، هل يمكن لابني أن يأخذ إجازة من المدرسة؟")
    expect(bot_messages(page)).to_have_count(1)
    assert fake_rasa.received[0]["metadata"] == {"language": "ar"}
    # The transcript is laid out right to left; Dutch names and numbers keep their own direction.
    assert page.evaluate("getComputedStyle(document.querySelector('#transcript')).direction") == "rtl"
    expect(page.locator("#transcript .message--user p[dir=auto]")).to_have_count(1)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / "chat-page-ar.png"))


def test_translated_language_switches_lang_and_direction(page: Page, fake_rasa, monkeypatch):
    import assistant.i18n as i18n

    monkeypatch.setattr(i18n, "_catalog", lambda language: {"Uw vraag": "سؤالك"} if language == "ar" else {})
    page.goto("/?lang=ar")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#untranslated")).to_have_count(0)
    expect(page.get_by_label("سؤالك")).to_be_visible()
    send_box = page.locator("#send").bounding_box()
    message_box = page.locator("#message").bounding_box()
    assert send_box["x"] < message_box["x"]  # the send button sits at the inline end, on the left in RTL


def test_privacy_page_shows_the_conversation_code(page: Page):
    page.goto("/")
    sender = page.evaluate("localStorage.getItem('lpa.sender')")
    page.get_by_role("link", name="Lees hoe we met uw gegevens omgaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacyverklaring Leerplicht-assistent")
    expect(page.locator("#conversation-code-value")).to_have_text(sender)


@pytest.mark.parametrize("width", [320, 390])
def test_usable_on_a_phone(browser, live_server, fake_rasa, width):
    context = browser.new_context(
        viewport={"width": width, "height": 640},
        base_url=live_server,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    try:
        page = context.new_page()
        page.goto("/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for selector in ("#message", "#send", ".brand__title", "#language-select"):
            box = page.locator(selector).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, selector
        ask(page, "Vraag op de telefoon")
        expect(bot_messages(page)).to_have_count(1)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        expect(page.locator("#send")).to_be_in_viewport()
    finally:
        context.close()


def _demo_reply(body):
    return {
        "messages": [
            {
                "text": (
                    "Dat mag alleen als u door uw werk in geen enkele schoolvakantie twee weken samen op "
                    "vakantie kunt. "
                    "Dit heet verlof buiten de schoolvakanties.\n"
                    "- U vraagt het verlof ten minste acht weken van tevoren aan bij de directeur van de school.\n"
                    "- Het gaat om maximaal tien schooldagen per schooljaar.\n"
                    "- Het verlof mag niet in de eerste twee lesweken van het schooljaar vallen."
                ),
                "buttons": [
                    {"title": "Hoe vraag ik het aan?", "payload": "/ask_verlof_aanvragen"},
                    {"title": "Welke papieren heb ik nodig?", "payload": "/ask_verlof_bewijs"},
                ],
                "custom": {
                    "citations": [
                        {"ref": "Leerplichtwet 1969, artikel 13a", "url": CITATION_URL},
                        {"ref": "Instructie leerplicht Twente", "url": None},
                    ]
                },
            }
        ],
        "intent": {"name": "ask_verlof_vakantie", "confidence": 0.97},
    }


@pytest.mark.skipif(os.environ.get("SCREENSHOTS") != "1", reason="set SCREENSHOTS=1 to refresh docs/img")
def test_screenshots(browser, live_server, fake_rasa):
    fake_rasa.reply = _demo_reply
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for name, viewport, mobile in (
        ("chat-page.png", {"width": 1280, "height": 900}, False),
        ("chat-page-mobile.png", {"width": 390, "height": 844}, True),
    ):
        context = browser.new_context(
            viewport=viewport,
            base_url=live_server,
            is_mobile=mobile,
            has_touch=mobile,
            device_scale_factor=2 if mobile else 1,
        )
        try:
            page = context.new_page()
            page.goto("/")
            ask(page, "Mogen wij in mei een week op vakantie? Mijn man kan in de zomer niet weg.")
            expect(bot_messages(page)).to_have_count(1)
            page.locator("#message").fill("Geldt dit ook voor een")
            page.locator("#message").blur()
            page.wait_for_timeout(200)
            page.screenshot(path=str(SCREENSHOT_DIR / name))
        finally:
            context.close()
