"""Every task finishes, in a real browser against the running app (fake Rasa, real actions), with axe-core finding no
serious or critical violation in any state tested, in Dutch and Arabic:

- a parent on a 390 px phone asks leave, corrects two answers after the summary and sends only the summary shown,
  within 14 turns (the parent's messages are counted);
- the status page: reference and e-mail, the decision, its reason and how to object;
- a school checks two pupils in one conversation; each outcome leads with its emphasised outcome line;
- an Arabic first message on the default page is answered in Arabic, and an Arabic browser gets the Arabic page;
- the conversation survives closing the tab, the handoff notice is shown once, an officer's message shows who wrote it;
- the officer's case page leads with the question, the facts and the pre-assessment, then the transcript with button
  titles, then the actions.

Rasa's part is played in this process: tests/verlof_form_loop.py for the verlof form, a small loop below for the
melding form; what Rasa's NLU would decide for each typed message is written next to it.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.melding import ActionMeldingOutcome, ValidateMeldingForm
from assistant.cases import chat_handoff
from assistant.cases import service as case_service
from assistant.cases.auth import Principal
from assistant.cases.models import Case, User
from assistant.db.session import session_scope
from assistant.i18n import translate
from assistant.nlg import render_response
from assistant.verlof_requests import service as verlof_service
from assistant.verlof_requests.models import VerlofRequest
from tests.browser.test_accessibility import serious_violations
from tests.cases.helpers import PASSWORD, make_user
from tests.conftest import case_opened_reply
from tests.verlof_form_loop import FormLoop, resolve

pytestmark = pytest.mark.browser

TODAY = date(2026, 1, 12)
EMAIL = "ouder@voorbeeld.nl"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser, live_server: str, page_problems):
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
        locale="nl-NL",
        base_url=live_server,
        bypass_csp=True,
    )
    page = context.new_page()
    page.on("pageerror", page_problems.page_error)
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def desktop(browser: Browser, live_server: str, page_problems):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nl-NL", base_url=live_server, bypass_csp=True
    )
    page = context.new_page()
    page.on("pageerror", page_problems.page_error)
    page.set_default_timeout(10_000)
    yield page
    context.close()


def no_serious_violations(page: Page) -> None:
    assert serious_violations(page) == []


def bot(page: Page):
    return page.locator("#transcript .message--bot:not(.message--welcome)")


def type_message(page: Page, text: str) -> None:
    box = page.locator("#message")
    box.fill(text)
    box.press("Enter")


def answered(page: Page, count: int) -> None:
    """Wait for the page to show `count` user turns and no pending one."""
    expect(page.locator("#transcript .message--user")).to_have_count(count)
    expect(page.locator("#transcript .message--pending")).to_have_count(0)


# -- the verlof form -------------------------------------------------------------------------------------------------

# What Rasa's NLU makes of each typed message of the scripted parent (payloads are read as Rasa reads them).
VERLOF_NLU: dict[str, tuple[str, dict[str, str]]] = {
    "Ik wil verlof aanvragen voor de bruiloft van mijn broer": ("request_verlof", {"gebeurtenis": "huwelijk"}),
    "Sara Jansen": ("inform_contact", {}),
    "groep 5": ("inform", {}),
    "De Borgh in Hengelo": ("inform_contact", {}),
    "van 9 tot en met 13 maart": ("inform", {}),
    # a real reason the classifier takes for a question about leave: it must be the answer
    "De bruiloft van mijn broer in Turkije": ("ask_verlof_gewichtige_omstandigheden", {"gebeurtenis": "huwelijk"}),
    EMAIL: ("inform_contact", {}),
    "nee, de laatste dag is 12 maart": ("verlof_correction", {"verlof_field": "end_date"}),
    "De Triangel in Enschede": ("inform_contact", {}),
}


class VerlofRasa:
    def __init__(self) -> None:
        self.loop = FormLoop()
        self.received: list[str] = []

    def reply(self, body: dict[str, Any]) -> dict[str, Any]:
        text = body["message"]
        self.received.append(text)
        self.loop.sender = body["sender"]
        intent, entities = VERLOF_NLU.get(text, (None, {}))
        messages = self.loop.say(text, intent, **entities)
        return {
            "messages": [{"text": m["text"], "buttons": m["buttons"], "custom": m["custom"]} for m in messages],
            "intent": {"name": intent or "inform", "confidence": 0.9},
            "slots": {"requested_slot": self.loop.slots["requested_slot"]},
        }


def test_a_parent_corrects_two_answers_on_a_phone_and_sends_what_the_summary_showed(
    phone: Page, fake_rasa, today_is, page_problems
) -> None:
    today_is(TODAY)
    rasa = VerlofRasa()
    fake_rasa.reply = rasa.reply
    page = phone
    page.goto("/")
    no_serious_violations(page)

    type_message(page, "Ik wil verlof aanvragen voor de bruiloft van mijn broer")
    expect(bot(page).last).to_contain_text("voornaam en achternaam")  # the kind of leave is not asked again
    for turn, (text, next_question) in enumerate(
        (
            ("Sara Jansen", "In welke groep of klas"),
            ("groep 5", "Op welke school"),
            ("De Borgh in Hengelo", "In welke gemeente woont uw kind?"),
        ),
        start=2,
    ):
        type_message(page, text)
        answered(page, turn)
        expect(bot(page).last).to_contain_text(next_question)
    page.get_by_role("button", name="Hengelo", exact=True).click()
    expect(bot(page).last).to_contain_text("eerste dag")
    no_serious_violations(page)
    type_message(page, "van 9 tot en met 13 maart")
    expect(bot(page).last).to_contain_text("Vertel kort wat er aan de hand is")
    type_message(page, "De bruiloft van mijn broer in Turkije")
    expect(bot(page).last).to_contain_text("Op welk e-mailadres")
    type_message(page, EMAIL)

    summary = bot(page).last
    expect(summary).to_contain_text("Dit heb ik genoteerd:")
    expect(summary).to_contain_text("maandag 9 maart 2026 tot en met vrijdag 13 maart 2026 (5 schooldagen)")
    expect(summary).to_contain_text("Reden: De bruiloft van mijn broer in Turkije")
    no_serious_violations(page)

    # correction 1, typed at the summary: the summary comes back with the new last day
    type_message(page, "nee, de laatste dag is 12 maart")
    summary = bot(page).last
    expect(summary).to_contain_text("tot en met donderdag 12 maart 2026 (4 schooldagen)")
    expect(summary.get_by_role("button", name="Ja, versturen")).to_be_visible()

    # correction 2, with the buttons: "no" -> "the school" -> the new school -> the summary again
    summary.get_by_role("button", name="Nee, ik wil iets aanpassen").click()
    expect(bot(page).last).to_contain_text("Wat wilt u aanpassen?")
    expect(bot(page).last).to_be_focused()  # after a button the new answer has the focus
    bot(page).last.get_by_role("button", name="De school").click()
    expect(bot(page).last).to_contain_text("Op welke school")
    type_message(page, "De Triangel in Enschede")
    summary = bot(page).last
    expect(summary).to_contain_text("School: De Triangel (Enschede)")
    expect(summary).to_contain_text("tot en met donderdag 12 maart 2026 (4 schooldagen)")
    no_serious_violations(page)

    summary.get_by_role("button", name="Ja, versturen").click()
    done = bot(page).last
    expect(done).to_contain_text("Uw aanvraag is verstuurd. Uw kenmerk is VL-")
    expect(done.get_by_role("link", name=re.compile("verlof.status"))).to_be_visible()
    no_serious_violations(page)

    assert len(rasa.received) <= 14, rasa.received  # the parent's turns, first question to submission
    with session_scope() as session:
        stored = session.scalars(select(VerlofRequest)).one()
        assert (stored.school_id, stored.start_date, stored.end_date, stored.school_days) == (
            "enschede-de-triangel",
            date(2026, 3, 9),
            date(2026, 3, 12),
            4,
        )
        assert stored.reason == "De bruiloft van mijn broer in Turkije"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page_problems.messages == []


# -- the status page ---------------------------------------------------------------------------------------------------


def submitted_and_refused() -> str:
    with session_scope() as session:
        request = verlof_service.submit(
            session,
            verlof_service.RequestData(
                kind="vakantie",
                start_date=date(2026, 3, 9),
                end_date=date(2026, 3, 13),
                child_name="Sara Jansen",
                child_class="groep 5",
                home_municipality="Hengelo",
                reason="Ik werk in de horeca.",
                email=EMAIL,
                school_id="hengelo-de-borgh",
                employer_statement=True,
                language="nl",
            ),
            today=TODAY,
        )
        reference = request.reference
    school = make_user(
        "directeur@deborgh.nl", role="school", municipality=None, school_id="hengelo-de-borgh", name="M. de Vries"
    )
    with session_scope() as session:
        verlof_service.decide(
            session,
            Principal(school, "school", None, "hengelo-de-borgh", "M. de Vries"),
            reference,
            "refuse",
            "Er is geen werkgeversverklaring bijgevoegd.",
            now=datetime(2026, 1, 20, 10, tzinfo=timezone.utc),
        )
    return reference


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_status_page_shows_the_decision_its_reason_and_how_to_object(
    phone: Page, language: str, page_problems
) -> None:
    reference = submitted_and_refused()
    page = phone
    page.goto(f"/verlof/status?lang={language}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    no_serious_violations(page)

    page.locator("#status-reference").fill(reference)
    page.locator("#status-email").fill("iemand@anders.nl")
    page.locator("form.status-form button[type=submit]").click()
    expect(page.get_by_role("alert")).to_contain_text(
        translate("We kunnen deze aanvraag niet vinden. Controleer het kenmerk en het e-mailadres.", language)
    )
    no_serious_violations(page)  # the error state

    page.locator("#status-email").fill(EMAIL)
    page.locator("form.status-form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
    expect(page.get_by_role("status")).to_contain_text(translate("Het verlof is niet toegestaan.", language))
    expect(page.locator(".status-reason")).to_have_text("Er is geen werkgeversverklaring bijgevoegd.")
    expect(page.get_by_role("link", name="Algemene wet bestuursrecht, artikel 6:7")).to_be_visible()
    assert EMAIL not in page.url and reference not in page.url  # never in a URL
    no_serious_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page_problems.messages == []


# -- two school checks -------------------------------------------------------------------------------------------------


class MeldingRasa:
    """melding_form with the real validation and outcome actions, activated as Rasa 3.6 activates a form."""

    def __init__(self) -> None:
        self.slots: dict[str, Any] = {"requested_slot": None}
        self.active = False
        self.events: list[dict[str, Any]] = []

    def run(self, action: Any, message: dict[str, Any]) -> list[dict[str, Any]]:
        dispatcher = CollectingDispatcher()
        tracker = Tracker(
            "school",
            dict(self.slots),
            message,
            list(self.events),
            False,
            None,
            {"name": "melding_form"} if self.active else {},
            "action_listen",
        )
        events = resolve(action.run(dispatcher, tracker, {}))
        for event in events:
            if event["event"] == "slot":
                self.slots[event["name"]] = event["value"]
        return [
            {"text": m.get("text"), "buttons": m.get("buttons") or [], "custom": m.get("custom") or {}}
            for m in dispatcher.messages
        ]

    def reply(self, body: dict[str, Any]) -> dict[str, Any]:
        text = body["message"]
        intent = (
            "check_melding"
            if text in ("/check_melding", "Nog een leerling controleren") or text.startswith("Moet ik")
            else "inform_melding"
        )
        message = {
            "text": text,
            "intent": {"name": intent, "confidence": 0.95},
            "entities": [],
            "metadata": {"language": body["metadata"]["language"]},
        }
        self.events.append({"event": "user", "text": text})
        if intent == "check_melding":
            self.active = True
            self.events.append({"event": "active_loop", "name": "melding_form"})
        messages = self.run(ValidateMeldingForm(), message)
        if self.slots["requested_slot"] is None:
            self.active = False
            self.events.append({"event": "active_loop", "name": None})
            messages += self.run(ActionMeldingOutcome(), message)
        return {"messages": messages, "intent": {"name": intent, "confidence": 0.95}}


def test_a_school_checks_two_pupils_in_one_conversation(desktop: Page, fake_rasa, page_problems) -> None:
    fake_rasa.reply = MeldingRasa().reply
    page = desktop
    page.goto("/")
    type_message(
        page, "Moet ik dit melden? Een leerling van 14 op het vo heeft de afgelopen 3 weken 18 uur gespijbeld."
    )
    first = bot(page).nth(0)
    expect(first.locator(".bubble__headline strong")).to_have_text(
        "Uitkomst: u moet dit melden bij DUO. Soort melding bij DUO: 16 uur in 4 weken"
    )
    no_serious_violations(page)

    bot(page).last.get_by_role("button", name="Nog een leerling controleren").click()
    question = bot(page).last
    expect(question).to_contain_text("Om welk soort school gaat het?")  # a new check, not the old outcome
    expect(question).to_be_focused()
    expect(question).not_to_contain_text("Uitkomst")
    question.get_by_role("button", name="Basisschool (po)").click()
    expect(bot(page).last).to_contain_text("Hoe oud is de leerling?")
    type_message(page, "9")
    expect(bot(page).last).to_contain_text("Wat voor afwezigheid is het?")
    bot(page).last.get_by_role("button", name="Ziek gemeld").click()
    answered(page, 5)
    expect(bot(page).last).to_contain_text("Twijfelt u of de leerling echt ziek is?")
    bot(page).last.get_by_role("button", name="Nee", exact=True).click()
    answered(page, 6)
    outcome = page.locator("#transcript .bubble__headline").last
    expect(outcome).to_have_text(re.compile(r"^Uitkomst: een melding bij DUO is niet nodig\."))
    expect(page.locator("#transcript .bubble__headline")).to_have_count(2)
    no_serious_violations(page)
    assert page_problems.messages == []


# -- the language from the first message -------------------------------------------------------------------------------


def arabic_aware_reply(body: dict[str, Any]) -> dict[str, Any]:
    """Rasa answers in the language the gateway chose (metadata), as the NLG endpoint renders responses."""
    rendered = render_response("utter_greet", {"latest_message": {"metadata": body["metadata"]}})
    return {
        "messages": [{"text": rendered["text"], "buttons": rendered["buttons"]}],
        "intent": {"name": "greet", "confidence": 0.9},
    }


def test_an_arabic_first_message_on_the_default_page_is_answered_in_arabic(
    desktop: Page, fake_rasa, page_problems
) -> None:
    fake_rasa.reply = arabic_aware_reply
    page = desktop
    sent: list[dict[str, Any]] = []
    page.on(
        "request",
        lambda request: (
            sent.append(json.loads(request.post_data))
            if request.url.endswith("/api/chat") and request.method == "POST"
            else None
        ),
    )
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    type_message(page, "مرحبا، هل يجب أن يذهب طفلي إلى المدرسة؟")
    expected = render_response("utter_greet", {"latest_message": {"metadata": {"language": "ar"}}})["text"]
    expect(bot(page).last).to_contain_text(expected[:30])
    assert "language" not in sent[0]  # the page did not choose for the parent
    assert fake_rasa.received[0]["metadata"] == {"language": "ar"}
    no_serious_violations(page)

    type_message(page, "Is dit een chatbot?")  # short and Dutch: the conversation is Arabic now, and stays it
    answered(page, 2)
    assert fake_rasa.received[1]["metadata"] == {"language": "ar"}
    assert page_problems.messages == []


def test_an_arabic_browser_gets_the_arabic_page_and_answers(
    browser: Browser, live_server: str, fake_rasa, page_problems
) -> None:
    fake_rasa.reply = arabic_aware_reply
    context = browser.new_context(locale="ar", base_url=live_server, bypass_csp=True)
    page = context.new_page()
    page.on("pageerror", page_problems.page_error)
    try:
        page.goto("/")
        expect(page.locator("html")).to_have_attribute("lang", "ar")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        type_message(page, "ok")  # too short to detect: the page's language
        answered(page, 1)
        assert fake_rasa.received[0]["metadata"] == {"language": "ar"}
        no_serious_violations(page)
    finally:
        context.close()
    assert page_problems.messages == []


# -- nothing lost by closing the tab; the handoff notice once; who wrote ----------------------------------------------


def test_closing_the_tab_loses_nothing_and_the_officer_reply_shows_who_wrote_it(
    browser: Browser, live_server: str, fake_rasa, page_problems
) -> None:
    make_user("jan@hengelo.nl", name="Jan Jansen")

    def reply(body):
        if body["message"] == "Borne":
            info = chat_handoff.create_from_conversation(
                body["sender"], "user_request", {"name": "Fatima", "town": "Borne", "email": EMAIL}, {"text": "-"}
            )
            return case_opened_reply(info, f"Uw vraag is doorgegeven. Uw zaaknummer is {info.case_id}.")
        return {"messages": [{"text": f"Antwoord op: {body['message']}"}], "intent": None}

    fake_rasa.reply = reply
    context = browser.new_context(locale="nl-NL", base_url=live_server, bypass_csp=True)
    page = context.new_page()
    page.on("pageerror", page_problems.page_error)
    page.goto("/")
    type_message(page, "Borne")
    expect(page.locator("#transcript .message--handoff")).to_have_count(1)
    link = page.locator("#transcript .message--handoff a.notice__link")
    resume = link.get_attribute("href")
    assert resume and "#gesprek=web-" in resume
    # Messages to the officer: no second notice. A parent waits for each to be delivered (the page asks to wait while
    # one is on its way), so does the test: on a busy machine the first may still be in flight.
    for count, text in enumerate(("Ik heb nog een vraag", "En nog iets"), start=2):
        type_message(page, text)
        answered(page, count)
    expect(page.locator("#transcript .message--handoff")).to_have_count(1)
    sender = page.evaluate("localStorage.getItem('lpa.sender')")
    page.close()  # the tab is closed

    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.sender_id == sender))
        officer = Principal.of(session.scalar(select(User)))
        case_service.take(session, case, officer)
        case_service.reply(session, case, officer, "Goedemiddag, ik bel u morgen.")

    again = context.new_page()  # the same browser, later
    again.on("pageerror", page_problems.page_error)
    again.goto("/")
    expect(again.locator("#transcript .message--user")).to_have_count(3)
    officer_message = again.locator("#transcript .message--officer")
    expect(officer_message).to_have_count(1, timeout=15_000)
    expect(officer_message.locator(".message__author")).to_have_text(
        "Jan Jansen, leerplichtambtenaar, gemeente Hengelo:"
    )
    no_serious_violations(again)
    context.close()

    elsewhere = browser.new_context(locale="nl-NL", base_url=live_server, bypass_csp=True)  # another device
    other = elsewhere.new_page()
    other.goto(resume.replace(live_server, ""))
    expect(other.locator("#transcript .message--officer")).to_contain_text(
        "Goedemiddag, ik bel u morgen.", timeout=15_000
    )
    assert "#gesprek" not in other.url  # the code does not stay in the address bar
    elsewhere.close()
    assert page_problems.messages == []


# -- the officer's case page ------------------------------------------------------------------------------------------


def test_the_case_page_is_built_for_the_officer(desktop: Page, page_problems) -> None:
    make_user("jan@hengelo.nl", name="Jan Jansen")
    from actions.handoff_case import topic_assessment

    with session_scope() as session:
        case = case_service.open_case(
            session,
            sender_id="web-case-page",
            trigger="user_request",
            facts={
                "name": "Fatima",
                "town": "Borne",
                "email": EMAIL,
                "topic": "problemen_op_school",
                "question": "Mijn zoon wordt gepest en wil niet meer naar school, wat kan ik doen?",
            },
            assessment=topic_assessment("problemen_op_school"),
            language="ar",
            consent=True,
            transcript=[
                {"author": "user", "text": "Mijn zoon wordt gepest en wil niet meer naar school, wat kan ik doen?"},
                {"author": "bot", "text": "Praat eerst met de school."},
                {"author": "user", "text": "/request_human"},
                {"author": "bot", "text": "Wilt u dat ik uw vraag doorgeef?"},
                {"author": "user", "text": "/affirm"},
            ],
        )
        reference = case.reference
    page = desktop
    page.goto("/backoffice/login")
    page.get_by_label("E-mailadres").fill("jan@hengelo.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    row = page.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Mijn kind heeft problemen op school")  # the subject, not a code
    expect(row).to_contain_text("Arabisch")
    expect(row).to_contain_text("min")  # waiting time
    no_serious_violations(page)

    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Zaak {reference}: Mijn kind heeft problemen op school")
    headings = page.get_by_role("heading", level=2).all_text_contents()
    order = [
        "De vraag",
        "Wat de assistent verzamelde",
        "Juridische voorbeoordeling (door de assistent)",
        "Gesprek met de assistent (tot de overdracht)",
        "Berichten met de gebruiker",
        "Acties",
    ]
    assert [heading for heading in headings if heading in order] == order
    expect(page.locator("#case-question")).to_have_text(
        "Mijn zoon wordt gepest en wil niet meer naar school, wat kan ik doen?"
    )
    facts = page.locator("section[aria-labelledby=summary-title] .bo-facts")
    expect(facts).to_contain_text("Mijn kind heeft problemen op school")
    expect(facts).not_to_contain_text("problemen_op_school")
    expect(page.locator(".bo-assessment li").first).to_contain_text("Wet:")
    expect(page.get_by_role("link", name="Leerplichtwet 1969, artikel 11").first).to_be_visible()
    transcript = page.locator("section[aria-labelledby=transcript-title]")
    expect(transcript).to_contain_text("Met een medewerker praten")
    expect(transcript).to_contain_text("Ja")
    expect(transcript).not_to_contain_text("/request_human")
    expect(transcript).not_to_contain_text("/affirm")
    no_serious_violations(page)
    assert page_problems.messages == []
