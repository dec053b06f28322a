"""One complete verlof request in the chat page. The fake Rasa plays the form: it asks the questions of
domain/verlof_form.yml, reads every typed answer with the form's own checks, and for the summary and the submit
step runs the real actions (actions/verlof_form.py), which store the request through the service. At the end the
request is read back through the public API with the parent's e-mail address."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.verlof_form import ActionAskVerlofConfirmed, ActionSubmitVerlofRequest
from assistant.nlg import load_responses
from assistant.verlof_requests import answers, form

pytestmark = pytest.mark.browser

TODAY = date(2026, 1, 12)
EMAIL = "ouder@voorbeeld.nl"


def ask(page: Page, text: str) -> None:
    box = page.locator("#message")
    box.click()
    box.fill(text)
    box.press("Enter")


def bot(page: Page):
    return page.locator("#transcript .message--bot:not(.message--welcome)")


class FormPlayer:
    """Rasa's part: which question comes next, and the slots so far."""

    ORDER = (
        form.KIND,
        form.CHILD_NAME,
        form.CHILD_CLASS,
        form.SCHOOL,
        form.HOME,
        form.START,
        form.REASON,
        form.EMPLOYER,
        form.EMAIL,
        form.CONFIRMED,
    )

    def __init__(self) -> None:
        self.slots: dict[str, Any] = {}
        self.requested: str | None = None
        self.received: list[str] = []
        self.responses = load_responses()

    def utter(self, name: str) -> dict[str, Any]:
        variation = self.responses[name][0]
        return {"text": variation["text"], "buttons": variation.get("buttons", [])}

    def tracker(self, sender: str, text: str) -> Tracker:
        return Tracker(
            sender,
            {**self.slots, "requested_slot": self.requested},
            {"text": text, "intent": {}, "entities": [], "metadata": {"language": "nl"}},
            [],
            False,
            None,
            {},
            "action_listen",
        )

    def run(self, action: Any, sender: str, text: str) -> list[dict[str, Any]]:
        dispatcher = CollectingDispatcher()
        action.run(dispatcher, self.tracker(sender, text), {})
        return [
            {"text": m.get("text"), "buttons": m.get("buttons", []), "custom": m.get("custom") or {}}
            for m in dispatcher.messages
        ]

    def take(self, text: str) -> None:
        slot = self.requested
        if slot == form.KIND:
            self.slots[form.KIND], _category = answers.check_kind(text)
        elif slot == form.CHILD_NAME:
            self.slots[slot] = answers.check_child_name(text)
        elif slot == form.CHILD_CLASS:
            self.slots[slot] = answers.check_class(text)
        elif slot == form.SCHOOL:
            school = answers.check_school(text)
            self.slots[form.SCHOOL], self.slots[form.SCHOOL_ID] = school.name, school.school_id
        elif slot == form.HOME:
            self.slots[slot] = answers.check_municipality(text)
        elif slot == form.START:
            period = form.check_date_answer(text, self.slots[form.KIND], TODAY)
            self.slots[form.START], self.slots[form.END] = period.start.isoformat(), period.end.isoformat()
        elif slot == form.REASON:
            self.slots[slot] = answers.check_reason(text)
        elif slot == form.EMPLOYER:
            self.slots[slot] = text == "/affirm"
        elif slot == form.EMAIL:
            self.slots[slot] = answers.check_email(text)

    def reply(self, body: dict[str, Any]) -> dict[str, Any]:
        text, sender = body["message"], body["sender"]
        self.received.append(text)
        if self.requested == form.CONFIRMED and text == "/affirm":
            self.slots[form.CONFIRMED], self.requested = True, None
            messages = self.run(ActionSubmitVerlofRequest(), sender, text)
            return {"messages": messages, "intent": {"name": "affirm", "confidence": 1.0}}
        if self.requested is not None:
            self.take(text)
        self.requested = self.ORDER[self.ORDER.index(self.requested) + 1] if self.requested else form.KIND
        if self.requested == form.CONFIRMED:
            messages = self.run(ActionAskVerlofConfirmed(), sender, text)
        else:
            messages = [self.utter(f"utter_ask_{self.requested}")]
        return {
            "messages": messages,
            "intent": {"name": "inform", "confidence": 0.9},
            "slots": {"requested_slot": self.requested},
        }


def test_a_parent_requests_vacation_leave_in_the_chat(
    page: Page, fake_rasa, live_server, today_is, page_problems
) -> None:
    today_is(TODAY)
    player = FormPlayer()
    fake_rasa.reply = player.reply
    page.goto("/")

    ask(page, "ik wil verlof aanvragen voor mijn dochter")
    expect(bot(page).last).to_contain_text("Om wat voor verlof gaat het?")
    page.get_by_role("button", name="Vakantie buiten de schoolvakanties (door het werk van een ouder)").click()
    expect(bot(page).last).to_contain_text("voornaam en achternaam")
    for answer, next_question in (
        ("Sara Jansen", "In welke groep of klas"),
        ("groep 5", "Op welke school"),
        ("De Borgh in Hengelo", "In welke gemeente woont uw kind?"),
        ("Hengelo", "eerste dag"),
        ("van 9 tot en met 13 maart", "Waarom kunt u niet in een schoolvakantie"),
        ("Ik werk in de horeca en kan in de zomer geen vrij krijgen.", "verklaring van uw werkgever"),
    ):
        if answer == "Hengelo":
            page.get_by_role("button", name="Hengelo", exact=True).click()
        else:
            ask(page, answer)
        expect(bot(page).last).to_contain_text(next_question)
    page.get_by_role("button", name="Ja", exact=True).click()
    expect(bot(page).last).to_contain_text("Op welk e-mailadres")
    ask(page, EMAIL)

    summary = bot(page).last
    expect(summary).to_contain_text("Dit heb ik genoteerd:")
    expect(summary).to_contain_text("maandag 9 maart 2026 tot en met vrijdag 13 maart 2026 (5 schooldagen)")
    expect(summary).to_contain_text("Wie beslist: de directeur van de school.")
    expect(summary.locator(".citations")).to_contain_text("artikel 13a")
    page.get_by_role("button", name="Ja, versturen").click()

    done = bot(page).last
    expect(done).to_contain_text("Uw aanvraag is verstuurd. Uw kenmerk is VL-")
    reference = done.inner_text().split("Uw kenmerk is ")[1][:13]

    assert EMAIL in player.received  # the gateway kept the address because the form asked for it
    assert player.received[1] == '/inform{"verlof_kind": "vakantie"}'
    status = httpx.get(f"{live_server}/api/verlof/requests/{reference}", params={"email": EMAIL})
    assert status.status_code == 200, status.text
    stored = status.json()
    assert (stored["status"], stored["school"], stored["school_days"], stored["start_date"]) == (
        "submitted",
        "De Borgh",
        5,
        "2026-03-09",
    )
    assert (
        httpx.get(f"{live_server}/api/verlof/requests/{reference}", params={"email": "iemand@anders.nl"}).status_code
        == 404
    )
    assert page_problems.messages == []
