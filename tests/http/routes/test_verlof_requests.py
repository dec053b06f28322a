"""POST /api/verlof/requests, GET /api/verlof/requests/{reference}?email=, and the back office's verlof list."""

from __future__ import annotations

from sqlalchemy import func, select

from assistant.cases.models import Case
from assistant.db.session import session_scope
from assistant.verlof_requests.models import VerlofRequest
from tests.cases.helpers import make_user
from tests.verlof_requests.conftest import body, fixed_today  # noqa: F401 - the fixture (autouse): TODAY


def rows() -> int:
    with session_scope() as session:
        return session.scalar(select(func.count(VerlofRequest.id)))


def post(client, **changes):
    return client.post("/api/verlof/requests", json=body(**changes))


def test_create_and_read_back_with_the_email(client) -> None:
    response = post(client)
    assert response.status_code == 201, response.text
    created = response.json()
    reference = created["reference"]
    assert created["status"] == "submitted" and created["decided_by"] == "directeur" and created["school_days"] == 5
    assert created["school"] == "De Borgh" and created["decision"] is None and created["bezwaar"] is None
    status = client.get(f"/api/verlof/requests/{reference}", params={"email": "OUDER@voorbeeld.nl"})
    assert status.status_code == 200 and status.json()["reference"] == reference
    assert status.json()["status_text"] == "Uw aanvraag is ontvangen. Er is nog geen beslissing."


def test_wrong_email_or_unknown_reference_is_404_and_the_same(client) -> None:
    reference = post(client).json()["reference"]
    wrong = client.get(f"/api/verlof/requests/{reference}", params={"email": "iemand@anders.nl"})
    unknown = client.get("/api/verlof/requests/VL-ABCDEFGHJK", params={"email": "ouder@voorbeeld.nl"})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert client.get(f"/api/verlof/requests/{reference}").status_code == 422  # the e-mail is required


def test_422_names_the_field_and_the_reason_and_stores_nothing(client) -> None:
    cases = [
        ({"email": "dit-is-geen-adres"}, "email", "naam@voorbeeld.nl"),
        ({"end_date": "2026-03-27"}, "end_date", "ten hoogste 10 schooldagen"),
        ({"start_date": "2026-01-05", "end_date": "2026-01-06"}, "start_date", "in het verleden"),
        ({"end_date": "2026-03-02"}, "end_date", "vóór de begindatum"),
        ({"home_municipality": "Almelo"}, "home_municipality", "Enschede"),
        ({"school_id": "bestaat-niet"}, "school_id", "school"),
        ({"start_date": "2026-03-15", "end_date": "2026-03-15"}, "start_date", "geen schooldagen"),
    ]
    for changes, field, words in cases:
        response = post(client, **changes)
        assert response.status_code == 422, (changes, response.text)
        data = response.json()
        assert data["field"] == field and f"Het veld '{field}' is niet geldig" in data["detail"], data
        assert words in data["detail"], data
    assert post(client, start_date="13-03-2026").status_code == 422
    assert client.post("/api/verlof/requests", json={**body(), "extra": 1}).status_code == 422
    assert client.post("/api/verlof/requests", content="x", headers={"content-type": "text/plain"}).status_code == 415
    assert rows() == 0


def test_422_in_the_requested_language(client) -> None:
    response = post(client, email="nope", language="en")
    assert response.status_code == 422 and response.json()["field"] == "email"
    assert "naam@voorbeeld.nl" in response.json()["detail"]


def test_earlier_requests_of_the_child_count(client) -> None:
    assert post(client).status_code == 201
    again = post(client, start_date="2026-05-18", end_date="2026-05-19")
    assert again.status_code == 422 and again.json()["code"] == "already_used_this_school_year"


def _officer_request(client) -> dict:
    common = {
        "kind": "gewichtige_omstandigheid",
        "category": "ernstige_ziekte",
        "employer_statement": None,
        "home_municipality": "Borne",
        "reason": "Mijn moeder is ernstig ziek in Marokko.",
    }
    response = post(client, start_date="2026-03-09", end_date="2026-03-24", **common)  # 12 school days
    assert response.status_code == 201, response.text
    return response.json()


def test_school_accounts_see_only_their_school(client, sign_in) -> None:
    mine = post(client).json()["reference"]
    theirs = post(
        client, school_id="enschede-de-triangel", home_municipality="Enschede", child_name="Tom de Wit"
    ).json()["reference"]
    make_user("directie@deborgh.nl", "school", None, "hengelo-de-borgh")
    sign_in("directie@deborgh.nl")
    listed = client.get("/api/backoffice/verlof").json()["requests"]
    assert [item["reference"] for item in listed] == [mine] and listed[0]["may_decide"] is True
    assert client.get(f"/api/backoffice/verlof/{theirs}").status_code == 404
    page = client.get("/backoffice/verlof")
    assert page.status_code == 200 and mine in page.text and theirs not in page.text
    assert client.get(f"/backoffice/verlof/{theirs}").status_code == 404


def test_school_approves_and_the_parent_sees_it_with_bezwaar(client, sign_in) -> None:
    reference = post(client).json()["reference"]
    make_user("directie@deborgh.nl", "school", None, "hengelo-de-borgh", name="Directie De Borgh")
    csrf = sign_in("directie@deborgh.nl")
    assert client.post(f"/api/backoffice/verlof/{reference}/decide", json={"outcome": "approve"}).status_code == 403
    decided = client.post(
        f"/api/backoffice/verlof/{reference}/decide", json={"outcome": "approve"}, headers={"X-CSRF-Token": csrf}
    )
    assert decided.status_code == 200 and decided.json()["status"] == "approved"
    view = client.get(f"/api/verlof/requests/{reference}", params={"email": "ouder@voorbeeld.nl"}).json()
    assert view["status"] == "approved" and view["decision"]["outcome"] == "approved"
    assert "binnen 6 weken bezwaar maken bij de directeur van De Borgh" in view["bezwaar"]["text"]
    assert "artikel 6:7 van de Algemene wet bestuursrecht" in view["bezwaar"]["text"]
    assert view["bezwaar"]["deadline_weeks"] == 6
    again = client.post(
        f"/api/backoffice/verlof/{reference}/decide",
        json={"outcome": "refuse", "reason": "x"},
        headers={"X-CSRF-Token": csrf},
    )
    assert again.status_code == 409


def test_officer_refuses_an_art_14_request_with_a_reason(client, sign_in) -> None:
    created = _officer_request(client)
    reference = created["reference"]
    assert created["decided_by"] == "leerplichtambtenaar"
    make_user("lpa@hengelo.nl", "officer", "Hengelo")
    make_user("lpa@enschede.nl", "officer", "Enschede")
    make_user("directie@deborgh.nl", "school", None, "hengelo-de-borgh")

    csrf = sign_in("directie@deborgh.nl")  # the school sees it but does not decide, nor the officer's case
    item = client.get(f"/api/backoffice/verlof/{reference}").json()
    assert item["may_decide"] is False and item["case_reference"] is None and item["email"] is None
    assert [row["case_reference"] for row in client.get("/api/backoffice/verlof").json()["requests"]] == [None]
    page = client.get(f"/backoffice/verlof/{reference}").text
    assert "LP-" not in page and "ouder@voorbeeld.nl" not in page
    assert (
        client.post(
            f"/api/backoffice/verlof/{reference}/decide", json={"outcome": "approve"}, headers={"X-CSRF-Token": csrf}
        ).status_code
        == 403
    )

    csrf = sign_in("lpa@enschede.nl")  # another municipality: not found
    assert client.get(f"/api/backoffice/verlof/{reference}").status_code == 404
    assert client.get("/api/backoffice/verlof").json()["requests"] == []

    csrf = sign_in("lpa@hengelo.nl")
    listed = client.get("/api/backoffice/verlof").json()["requests"]
    assert [i["reference"] for i in listed] == [reference] and listed[0]["may_decide"] is True
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == listed[0]["case_reference"]))
        assert case.municipality == "Hengelo" and case.assessment["citations"]
    cases = client.get("/api/backoffice/cases").json()["cases"]
    assert listed[0]["case_reference"] in [c["reference"] for c in cases]
    no_reason = client.post(
        f"/api/backoffice/verlof/{reference}/decide", json={"outcome": "refuse"}, headers={"X-CSRF-Token": csrf}
    )
    assert no_reason.status_code == 422 and "reden" in no_reason.json()["detail"]
    refused = client.post(
        f"/api/backoffice/verlof/{reference}/decide",
        json={"outcome": "refuse", "reason": "Het bezoek kan ook in de meivakantie."},
        headers={"X-CSRF-Token": csrf},
    )
    assert refused.status_code == 200 and refused.json()["status"] == "refused"
    view = client.get(f"/api/verlof/requests/{reference}", params={"email": "ouder@voorbeeld.nl"}).json()
    assert view["decision"] == {
        "outcome": "refused",
        "reason": "Het bezoek kan ook in de meivakantie.",
        "decided_by": "leerplichtambtenaar",
        "decided_at": view["decision"]["decided_at"],
    }
    assert (
        "bij de leerplichtambtenaar die besliste: de leerplichtambtenaar voor de gemeente Borne"
        in view["bezwaar"]["text"]
    )
    assert "college" not in view["bezwaar"]["text"]  # art. 14 lid 3: the officer decides himself


def test_back_office_pages_decide_with_the_form(client, sign_in) -> None:
    from tests.http.routes.conftest import form_token

    reference = post(client).json()["reference"]
    make_user("directie@deborgh.nl", "school", None, "hengelo-de-borgh")
    sign_in("directie@deborgh.nl")
    page = client.get(f"/backoffice/verlof/{reference}")
    assert page.status_code == 200 and "Voorbeoordeling" in page.text and "Toestaan" in page.text
    token = form_token(page.text)
    refused = client.post(
        f"/backoffice/verlof/{reference}/decide", data={"csrf_token": token, "outcome": "refuse", "reason": ""}
    )
    assert refused.status_code == 422 and "Geef een reden" in refused.text
    done = client.post(
        f"/backoffice/verlof/{reference}/decide",
        data={"csrf_token": token, "outcome": "refuse", "reason": "Geen verklaring van de werkgever."},
        follow_redirects=False,
    )
    assert done.status_code == 303
    page = client.get(done.headers["location"])
    assert "Geweigerd" in page.text and "Geen verklaring van de werkgever." in page.text
    assert (
        client.post(
            f"/backoffice/verlof/{reference}/decide", data={"csrf_token": "fout", "outcome": "approve"}
        ).status_code
        == 403
    )


def test_the_verlof_api_needs_a_session(client) -> None:
    assert client.get("/api/backoffice/verlof").status_code == 401
    assert client.get("/backoffice/verlof", follow_redirects=False).status_code == 303


def test_an_officer_sees_an_unknown_schools_request_with_what_the_parent_was_told(client, sign_in) -> None:
    reference = post(client, school_id=None, school="Montessorischool Zonnebloem").json()["reference"]
    make_user("lpa@hengelo.nl", "officer", "Hengelo")
    sign_in("lpa@hengelo.nl")
    page = client.get(f"/backoffice/verlof/{reference}")
    assert page.status_code == 200
    assert "Deze school staat niet in het register" in page.text
    assert "het verlof ook bij de school zelf moet aanvragen" in page.text
    known = post(client, child_name="Tom de Wit").json()["reference"]
    make_user("directie@deborgh.nl", "school", None, "hengelo-de-borgh")
    sign_in("directie@deborgh.nl")
    assert "Deze school staat niet in het register" not in client.get(f"/backoffice/verlof/{known}").text
