"""The parent's status page of a verlof request: the lookup by reference and e-mail (POST only), in the parent's
language, with the decision, its reason, how to object and the officer's messages; a wrong address is answered like
an unknown reference."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from assistant.cases import service as case_service
from assistant.cases.auth import Principal
from assistant.cases.models import Case
from assistant.db.session import session_scope
from assistant.verlof_requests import service
from tests.cases.helpers import make_user

TODAY = date(2026, 1, 12)
EMAIL = "ouder@voorbeeld.nl"


def submit(**changes) -> str:
    data = service.RequestData(
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
        language="en",
    )
    data = replace(data, **changes)
    with session_scope() as session:
        return service.submit(session, data, today=TODAY).reference


def decide(reference: str, outcome: str, reason: str | None = None) -> None:
    with session_scope() as session:
        principal = Principal(
            id=make_user(
                "directeur@deborgh.nl",
                role="school",
                municipality=None,
                school_id="hengelo-de-borgh",
                name="Directeur De Borgh",
            ),
            role="school",
            school_id="hengelo-de-borgh",
            display_name="Directeur De Borgh",
        )
        service.decide(
            session, principal, reference, outcome, reason, now=datetime(2026, 1, 20, 10, tzinfo=timezone.utc)
        )


def test_the_form_asks_for_reference_and_email_and_never_puts_them_in_a_url(client):
    page = client.get("/verlof/status")
    assert page.status_code == 200
    assert 'method="post"' in page.text and 'name="reference"' in page.text and 'name="email"' in page.text
    assert 'for="status-email"' in page.text


def test_a_refused_request_shows_the_decision_the_reason_and_how_to_object_in_the_parents_language(client):
    reference = submit()
    decide(reference, "refuse", "De vakantie valt in de eerste twee weken van het schooljaar.")
    page = client.post("/verlof/status", data={"reference": reference.lower(), "email": EMAIL.upper()})
    assert page.status_code == 200, page.text
    assert page.headers["cache-control"] == "no-store"
    assert '<html lang="en"' in page.text  # the language the request was made in
    assert "The leave has not been granted." in page.text
    assert "De vakantie valt in de eerste twee weken van het schooljaar." in page.text  # the school's own words
    assert "within 6 weeks" in page.text and "Algemene wet bestuursrecht, artikel 6:7" in page.text
    assert "Monday, March 9, 2026" in page.text


def test_the_pickers_language_wins(client):
    reference = submit()
    client.cookies.set("lang", "nl")
    page = client.post("/verlof/status", data={"reference": reference, "email": EMAIL})
    client.cookies.clear()
    assert '<html lang="nl"' in page.text and "Uw aanvraag is ontvangen. Er is nog geen beslissing." in page.text


@pytest.mark.parametrize("email", ["iemand@anders.nl", ""])
def test_a_wrong_address_or_a_missing_field_gets_a_clear_message_never_the_request(client, email):
    reference = submit()
    page = client.post("/verlof/status", data={"reference": reference, "email": email})
    assert page.status_code in (404, 422)
    assert "Sara" not in page.text and 'role="alert"' in page.text
    unknown = client.post("/verlof/status", data={"reference": "VL-AAAAAAAAAA", "email": EMAIL})
    assert unknown.status_code == 404
    if email:
        assert "We kunnen deze aanvraag niet vinden" in unknown.text


def test_an_officers_messages_on_the_request_are_shown_with_name_and_role(client):
    officer = make_user("jan@hengelo.nl", name="Jan Jansen")
    reference = submit(
        kind="gewichtige_omstandigheid",
        category="huwelijk",
        start_date=date(2026, 3, 2),
        end_date=date(2026, 3, 20),
        employer_statement=None,
        language="nl",
    )
    with session_scope() as session:
        request = service.find_for_parent(session, reference, EMAIL)
        case = session.query(Case).filter_by(reference=request.case_reference).one()
        principal = Principal(
            id=officer, role="officer", school_id=None, municipality="Hengelo", display_name="Jan Jansen"
        )
        case_service.reply(session, case, principal, "Kunt u een kopie van de uitnodiging sturen?")
    page = client.post("/verlof/status", data={"reference": reference, "email": EMAIL})
    assert "Berichten van de leerplichtambtenaar" in page.text
    assert "Jan Jansen" in page.text and "leerplichtambtenaar, gemeente Hengelo" in page.text
    assert "Kunt u een kopie van de uitnodiging sturen?" in page.text
