"""In a real browser: "Was dit nuttig?" under answers (keyboard, screen-reader names, a comment on 👎, kept after a
reload), the satisfaction question, the transcript download, and no serious accessibility problem on the chat page
with them nor on the figures, jaarverslag and review pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from assistant.db.session import session_scope
from assistant.insight.models import MessageFeedback, SatisfactionScore
from tests.browser.test_accessibility import axe_page, serious_violations  # noqa: F401 - the fixture
from tests.browser.test_chat_page import ask
from tests.cases.helpers import PASSWORD, make_user

pytestmark = pytest.mark.browser


def answered(body):
    return {
        "messages": [
            {
                "text": f"Antwoord op: {body['message']}",
                "custom": {
                    "topic": "verlof_vakantie",
                    "citations": [
                        {
                            "ref": "Leerplichtwet 1969, artikel 13a",
                            "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01",
                        }
                    ],
                },
            }
        ],
        "intent": {"name": "thank" if "bedankt" in body["message"] else "ask_verlof_vakantie", "confidence": 0.9},
    }


def test_thumbs_down_with_a_comment_by_keyboard_and_kept_after_a_reload(page: Page, fake_rasa, page_problems):
    fake_rasa.reply = answered
    page.goto("/")
    ask(page, "Mag ik op vakantie?")
    feedback = page.locator(".message--bot .feedback").last
    expect(feedback).to_contain_text("Was dit nuttig?")
    up = feedback.get_by_role("button", name="Ja, dit was nuttig")
    down = feedback.get_by_role("button", name="Nee, dit was niet nuttig")
    expect(up).to_have_attribute("aria-pressed", "false")
    down.focus()
    page.keyboard.press("Enter")
    expect(down).to_have_attribute("aria-pressed", "true")
    comment = feedback.get_by_label("Wat klopte er niet, of wat miste u? (niet verplicht)")
    expect(comment).to_be_focused()
    comment.fill("Het ging om mijn werk, bel 0612345678")
    feedback.get_by_role("button", name="Verstuur").click()
    expect(feedback.get_by_role("status")).to_have_text("Bedankt. Met uw opmerking verbeteren we de antwoorden.")
    with session_scope() as session:
        stored = session.scalar(select(MessageFeedback))
        assert (stored.rating, stored.comment) == ("down", "Het ging om mijn werk, bel [telefoonnummer verwijderd]")

    page.reload()
    again = page.locator(".message--bot .feedback").last
    expect(again.get_by_role("button", name="Nee, dit was niet nuttig")).to_have_attribute("aria-pressed", "true")
    again.get_by_role("button", name="Ja, dit was nuttig").click()
    expect(again.get_by_role("status")).to_have_text("Bedankt voor uw reactie.")
    with session_scope() as session:
        assert session.scalar(select(MessageFeedback.rating)) == "up"
    assert page_problems.messages == []


def test_satisfaction_after_thanks_and_the_transcript_download(page: Page, fake_rasa, page_problems):
    fake_rasa.reply = answered
    page.goto("/")
    download_link = page.locator("#download-transcript")
    expect(download_link).to_be_hidden()
    ask(page, "Mag ik op vakantie?")
    expect(download_link).to_be_visible()
    ask(page, "bedankt")
    question = page.get_by_role("group", name="Hoe tevreden bent u over dit gesprek?")
    expect(question).to_be_visible()
    page.get_by_label("4 – tevreden").check()
    page.locator("#satisfaction").get_by_role("button", name="Verstuur").click()
    expect(page.locator("#satisfaction")).to_contain_text("Bedankt voor uw beoordeling.")
    with session_scope() as session:
        assert session.scalar(select(SatisfactionScore.score)) == 4

    with page.expect_download() as info:
        download_link.click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("Uw gesprek met de Leerplicht-assistent")
    assert "Antwoord op: Mag ik op vakantie?" in text and "- Leerplichtwet 1969, artikel 13a" in text
    assert page_problems.messages == []


def test_no_serious_accessibility_problem_with_feedback_and_satisfaction(
    axe_page: Page,  # noqa: F811 - the fixture imported above
    fake_rasa,
    page_problems,
):
    fake_rasa.reply = answered
    axe_page.goto("/")
    ask(axe_page, "bedankt")
    expect(axe_page.locator("#satisfaction")).to_be_visible()
    axe_page.locator(".feedback").last.get_by_role("button", name="Nee, dit was niet nuttig").click()
    expect(axe_page.locator(".feedback__comment").last).to_be_visible()
    assert serious_violations(axe_page) == []


def test_no_serious_accessibility_problem_on_the_officer_pages(
    axe_page: Page,  # noqa: F811 - the fixture imported above
    configured,
    page_problems,
):
    make_user("officer@hengelo.nl")
    axe_page.goto("/backoffice/login")
    axe_page.get_by_label("E-mailadres").fill("officer@hengelo.nl")
    axe_page.get_by_label("Wachtwoord").fill(PASSWORD)
    axe_page.get_by_role("button", name="Inloggen").click()
    for path, heading in (
        ("/backoffice/stats", "Cijfers van de Leerplicht-assistent"),
        ("/backoffice/jaarverslag", "Jaarverslag leerplicht"),
        ("/backoffice/review", "Vragen die de assistent niet kon beantwoorden"),
    ):
        axe_page.goto(path)
        expect(axe_page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert serious_violations(axe_page) == [], path
    assert page_problems.messages == []
