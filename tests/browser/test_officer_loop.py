"""The whole loop in two browsers: a parent asks for a person in the chat page, an officer logs in to the back
office, takes the case and replies, and the parent sees the reply appear in the chat page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from assistant.cases import chat_handoff
from tests.cases.helpers import PASSWORD, make_user
from tests.conftest import case_opened_reply

pytestmark = pytest.mark.browser


def test_parent_asks_for_a_person_and_sees_the_officers_reply(
    page: Page, browser, live_server, fake_rasa, page_problems
):
    make_user("jan@hengelo.nl", name="Jan Jansen")
    cases: list[str] = []

    def rasa_opens_a_case(body):  # what action_create_case does after consent and the contact form
        info = chat_handoff.create_from_conversation(
            body["sender"], "user_request", {"name": "Fatima", "town": "Hengelo"}, {"text": "-"}
        )
        cases.append(info.case_id)
        return case_opened_reply(
            info,
            f"Uw vraag is doorgegeven. Uw zaaknummer is {info.case_id}.",
            {"name": "request_human", "confidence": 0.98},
        )

    fake_rasa.reply = rasa_opens_a_case
    page.goto("/")
    page.locator("#message").fill("Ik wil graag een mens spreken")
    page.locator("#message").press("Enter")
    expect(page.locator("#transcript")).to_contain_text("Uw zaaknummer is")

    officer_context = browser.new_context(base_url=live_server)
    officer = officer_context.new_page()
    officer.goto("/backoffice/login")
    officer.get_by_label("E-mailadres").fill("jan@hengelo.nl")
    officer.get_by_label("Wachtwoord").fill(PASSWORD)
    officer.get_by_role("button", name="Inloggen").click()
    officer.get_by_role("link", name=cases[0]).click()
    officer.get_by_role("button", name="Zaak oppakken").click()
    officer.get_by_label("Bericht aan de gebruiker").fill("Dag Fatima, ik bel u vanmiddag.")
    officer.get_by_role("button", name="Bericht versturen").click()
    expect(officer.get_by_role("status")).to_have_text("Uw bericht is naar de gebruiker gestuurd.")
    officer_context.close()

    reply = page.locator("#transcript .message--officer .bubble__text")
    expect(reply).to_have_text("Dag Fatima, ik bel u vanmiddag.", timeout=15_000)
    assert len(fake_rasa.received) == 1  # the bot stayed silent while the case was open
    assert page_problems.messages == []
