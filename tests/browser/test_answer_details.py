"""A short first answer in the browser: the details behind "Meer uitleg"; the sources collapsed, and opened at most
three until "Alle bronnen" (issue 15, item 6). Both controls are buttons with aria-expanded, reachable and usable
with the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_chat_page import ask, bot_messages

pytestmark = pytest.mark.browser

CITATIONS = [
    {"ref": "Leerplichtwet 1969, artikel 13a", "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a"},
    {"ref": "Leerplichtwet 1969, artikel 11", "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel11"},
    {"ref": "Rijksoverheid – Schoolvakanties", "url": None},
    {"ref": "Algemene wet bestuursrecht, artikel 6:7", "url": None},
    {"ref": "Gemeente Assen – Vakantieverlof", "url": "https://www.assen.nl/vakantieverlof"},
]
VERDICT = (
    "Nee, dat kan niet. 3 weken zijn ongeveer 15 schooldagen. Vakantieverlof kan voor ten hoogste 10 "
    "schooldagen per schooljaar (artikel 13a Leerplichtwet)."
)
DETAILS = "Wat kunt u doen?\n• Vraag een kortere periode aan bij de directeur."


def _answer(body):
    return {
        "messages": [{"text": VERDICT, "buttons": [], "custom": {"citations": CITATIONS, "details": DETAILS}}],
        "intent": {"name": "ask_verlof_vakantie", "confidence": 0.9},
    }


def test_details_wait_behind_meer_uitleg_and_three_sources_show(page: Page, fake_rasa, page_problems):
    fake_rasa.reply = _answer
    page.goto("/")
    ask(page, "Mogen we drie weken in oktober weg?")
    answer = bot_messages(page).last
    expect(answer.locator(".bubble__text").first).to_have_text(VERDICT)

    expect(answer.get_by_role("button", name="Meer uitleg")).to_have_count(1)
    toggle = answer.locator(".details__toggle")  # its label changes with its state
    expect(toggle).to_have_attribute("aria-expanded", "false")
    details = answer.locator(".details__body")
    expect(details).to_be_hidden()
    assert details.get_attribute("id") == toggle.get_attribute("aria-controls")

    expect(answer.locator(".citations li")).to_have_count(5)
    expect(answer.locator("summary.citations__title")).to_have_text("Bronnen (5)")
    expect(answer.locator(".citations li:visible")).to_have_count(0)  # collapsed: not read aloud with every answer
    answer.locator("summary.citations__title").click()
    expect(answer.locator(".citations li:visible")).to_have_count(3)
    expect(answer.get_by_role("link", name="Leerplichtwet 1969, artikel 13a")).to_be_visible()
    expect(answer.get_by_text("Gemeente Assen – Vakantieverlof")).to_be_hidden()

    toggle.focus()
    page.keyboard.press("Enter")  # a real button: the keyboard opens it
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_text("Minder uitleg")
    expect(details).to_be_visible()
    expect(details).to_contain_text("Vraag een kortere periode aan bij de directeur.")
    expect(details.locator("li")).to_have_count(1)
    page.keyboard.press("Space")
    expect(details).to_be_hidden()

    expect(answer.get_by_role("button", name="Alle bronnen (5)")).to_have_count(1)
    all_sources = answer.locator(".citations__toggle")
    expect(all_sources).to_have_attribute("aria-expanded", "false")
    all_sources.click()
    expect(answer.locator(".citations li:visible")).to_have_count(5)
    expect(answer.get_by_role("link", name="Gemeente Assen – Vakantieverlof")).to_be_visible()
    expect(answer.get_by_role("button", name="Minder bronnen")).to_have_attribute("aria-expanded", "true")
    assert page_problems.messages == []


def test_an_answer_with_few_sources_and_no_details_has_no_controls(page: Page, fake_rasa):
    page.goto("/")
    ask(page, "Mag ik op vakantie?")
    answer = bot_messages(page).last
    expect(answer.locator(".citations li")).to_have_count(1)
    answer.locator("summary.citations__title").click()
    expect(answer.locator(".citations li:visible")).to_have_count(1)
    expect(answer.get_by_role("button", name="Meer uitleg")).to_have_count(0)
    expect(answer.locator(".citations__toggle")).to_have_count(0)


def test_details_survive_a_reload(page: Page, fake_rasa):
    fake_rasa.reply = _answer
    page.goto("/")
    ask(page, "Mogen we drie weken in oktober weg?")
    expect(bot_messages(page)).to_have_count(1)
    page.reload()
    answer = bot_messages(page).last
    answer.get_by_role("button", name="Meer uitleg").click()
    expect(answer.locator(".details__body")).to_contain_text("Vraag een kortere periode aan")
    answer.locator("summary.citations__title").click()
    expect(answer.locator(".citations li:visible")).to_have_count(3)
