"""The chat page while a leerplicht officer holds the conversation: it polls for officer and system messages,
shows them as escaped bubbles, and stops polling when the case is handed back."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from assistant.cases import chat_handoff, service
from assistant.cases.auth import Principal
from assistant.cases.models import Case, User
from assistant.db.session import session_scope
from tests.cases.helpers import make_user
from tests.conftest import case_opened_reply

pytestmark = pytest.mark.browser

POLL_WAIT_MS = 15_000  # the page polls every 5 s


def officer_does(sender_id: str, action, *args) -> None:
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.sender_id == sender_id))
        officer = Principal.of(session.scalar(select(User)))
        action(session, case, officer, *args)


def test_officer_reply_appears_in_the_chat_and_polling_stops_after_hand_back(page: Page, fake_rasa, page_problems):
    make_user("jan@hengelo.nl", name="Jan Jansen")
    senders: list[str] = []

    def reply(body):
        senders.append(body["sender"])
        info = chat_handoff.create_from_conversation(
            body["sender"], "user_request", {"name": "Fatima", "town": "Borne", "phone": "0612345678"}, {"text": "-"}
        )
        return case_opened_reply(
            info, f"Uw vraag is doorgegeven. Uw zaaknummer is {info.case_id}.", {"name": "affirm", "confidence": 0.99}
        )

    fake_rasa.reply = reply
    page.goto("/")
    box = page.locator("#message")
    box.fill("Borne")
    box.press("Enter")
    expect(page.locator("#transcript .message--handoff")).to_contain_text("doorgegeven aan een leerplichtambtenaar")
    assert page.evaluate("window.localStorage.getItem('lpa.handoff')") == "open"

    officer_does(senders[0], service.take)
    officer_does(senders[0], service.reply, "Goedemiddag, <b>ik</b> bel u morgen.")
    officer = page.locator("#transcript .message--officer")
    expect(officer).to_have_count(1, timeout=POLL_WAIT_MS)
    # a person, not the assistant: their name and role, in a bubble of its own
    expect(officer.locator(".message__author")).to_have_text("Jan Jansen, leerplichtambtenaar, gemeente Hengelo:")
    expect(officer.locator(".bubble__text")).to_have_text("Goedemiddag, <b>ik</b> bel u morgen.")  # escaped
    expect(page.locator("#transcript")).to_contain_text("in behandeling genomen")  # the system message
    assert officer.locator("b").count() == 0

    officer_does(senders[0], service.hand_back)
    expect(page.locator("#transcript")).to_contain_text("het gesprek afgerond", timeout=POLL_WAIT_MS)
    page.wait_for_function("window.localStorage.getItem('lpa.handoff') === null", timeout=POLL_WAIT_MS)

    page.reload()  # the transcript, officer bubble included, is restored; no duplicate after a reload
    expect(page.locator("#transcript .message--officer")).to_have_count(1)
    assert len(fake_rasa.received) == 1
    assert page_problems.messages == []
