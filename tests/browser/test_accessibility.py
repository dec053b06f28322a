"""Accessibility: axe-core (WCAG 2.x A/AA rules) finds no serious or critical violation on the chat page (Dutch,
and Arabic right-to-left), after a question with an answer, sources and buttons, and on the back office's login, queue
and case pages.

axe-core comes from the PyPI package `axe-playwright-python`, which ships `axe.min.js`: nothing is downloaded at run
time. The pages forbid inline scripts (CSP), so the context bypasses CSP to inject axe; the pages' own scripts run
exactly as usual.
"""

from __future__ import annotations

from importlib import resources

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP
from tests.cases.helpers import PASSWORD, make_case, make_user

pytestmark = pytest.mark.browser

axe_package = pytest.importorskip("axe_playwright_python", reason="axe-playwright-python (dev dependency) missing")
AXE_SOURCE = (resources.files(axe_package) / "axe.min.js").read_text(encoding="utf-8")
BLOCKING = ("serious", "critical")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def axe_page(browser, live_server, page_problems):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", base_url=live_server, bypass_csp=True)
    page = context.new_page()
    page.on("pageerror", page_problems.page_error)
    page.set_default_timeout(10_000)
    yield page
    context.close()


def serious_violations(page: Page) -> list[str]:
    """`impact rule-id: help -> selectors` for every serious or critical violation on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_SOURCE)
    result = page.evaluate("options => window.axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{violation['impact']} {violation['id']}: {violation['help']} -> "
        + "; ".join(
            " ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
            for node in violation["nodes"][:10]
        )
        for violation in result["violations"]
        if violation.get("impact") in BLOCKING
    ]


def test_chat_page_in_dutch(axe_page: Page, fake_rasa, page_problems):
    axe_page.goto("/")
    expect(axe_page.locator("html")).to_have_attribute("lang", "nl")
    assert serious_violations(axe_page) == []

    fake_rasa.reply = lambda body: {
        "messages": [
            {
                "text": "U mag uw kind niet zomaar meenemen op vakantie buiten de schoolvakanties.",
                "buttons": [{"title": "Verlof aanvragen", "payload": "/ask_verlof_vakantie"}],
                "custom": {
                    "citations": [
                        {
                            "ref": "Leerplichtwet 1969, artikel 13a",
                            "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a",
                        }
                    ]
                },
            }
        ],
        "intent": {"name": "ask_verlof_vakantie", "confidence": 0.93},
    }
    box = axe_page.locator("#message")
    box.fill("Mag ik op vakantie buiten de schoolvakantie?")
    box.press("Enter")
    expect(axe_page.locator("#transcript .message--bot:not(.message--welcome)").last).to_contain_text("artikel 13a")
    assert serious_violations(axe_page) == []
    assert page_problems.messages == []


def test_chat_page_in_arabic_right_to_left(axe_page: Page, page_problems):
    axe_page.goto("/?lang=ar")
    expect(axe_page.locator("html")).to_have_attribute("dir", "rtl")
    assert serious_violations(axe_page) == []
    assert page_problems.messages == []


def test_backoffice_login_and_queue(axe_page: Page, page_problems):
    make_user("jan@hengelo.nl", name="Jan Jansen")
    reference = make_case("web-axe-1", town="Borne", school="OBS De Esch")
    make_case("web-axe-2", town="Hengelo", trigger="safety_signal")

    axe_page.goto("/backoffice/login")
    assert serious_violations(axe_page) == []

    axe_page.get_by_label("E-mailadres").fill("jan@hengelo.nl")
    axe_page.get_by_label("Wachtwoord").fill(PASSWORD)
    axe_page.get_by_role("button", name="Inloggen").click()
    expect(axe_page.get_by_role("heading", level=1)).to_have_text("Wachtrij Hengelo")
    assert serious_violations(axe_page) == []

    axe_page.get_by_role("link", name=reference).click()
    expect(axe_page.get_by_role("heading", level=1)).to_contain_text(f"Zaak {reference}: ")
    assert serious_violations(axe_page) == []
    assert page_problems.messages == []
