"""An officer signs in, sees the queue, takes a case and replies; the reply reaches the chat's messages endpoint."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.cases.helpers import PASSWORD, make_case, make_user

pytestmark = pytest.mark.browser


def test_officer_takes_a_case_and_replies(page, live_server, page_problems):
    make_user("jan@hengelo.nl", name="Jan Jansen")
    reference = make_case("web-browser-1", town="Borne", school="OBS De Esch")
    make_case("web-browser-2", town="Losser")  # Enschede's: not in Jan's queue

    page.goto("/backoffice/cases")
    expect(page).to_have_url(f"{live_server}/backoffice/login?next=%2Fbackoffice%2Fcases")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    page.get_by_label("E-mailadres").fill("jan@hengelo.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Wachtrij Hengelo")
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(2)  # header + Jan's one case
    page.get_by_role("link", name=reference).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Zaak {reference}: ")
    expect(page.get_by_role("link", name="Leerplichtwet 1969, artikel 13a")).to_be_visible()
    page.get_by_role("button", name="Zaak oppakken").click()
    expect(page.get_by_role("status")).to_have_text("U heeft de zaak opgepakt.")
    expect(page.locator("#case-status")).to_have_text("In behandeling")

    page.get_by_label("Bericht aan de gebruiker").fill("Goedemiddag, ik bel u morgen om 10 uur.")
    page.get_by_role("button", name="Bericht versturen").click()
    expect(page.get_by_role("status")).to_have_text("Uw bericht is naar de gebruiker gestuurd.")
    expect(page.locator("#case-messages")).to_contain_text("Goedemiddag, ik bel u morgen om 10 uur.")

    body = httpx.get(f"{live_server}/api/chat/web-browser-1/messages", params={"after": 0}).json()
    assert [m["author"] for m in body["messages"]] == ["system", "officer"]
    assert body["messages"][1]["text"] == "Goedemiddag, ik bel u morgen om 10 uur."
    assert body["handoff"]["case_id"] == reference and body["handoff"]["status"] == "waiting_for_user"
    assert page_problems.messages == []
