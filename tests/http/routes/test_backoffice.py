"""The back office: login, sessions, CSRF, throttling, the queue, case actions and authorisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from assistant.backoffice.security import LoginThrottle
from assistant.cases.auth import Principal, can_see_case, can_see_school_item
from assistant.cases.models import AuditEntry, Case
from assistant.db.session import session_scope
from tests.cases.helpers import MONDAY_10, load_case, make_case, make_user
from tests.http.routes.conftest import form_token, login


def api_post(client, path, csrf, json=None):
    return client.post(f"/api/backoffice{path}", json=json, headers={"X-CSRF-Token": csrf})


# --- authentication ------------------------------------------------------------------------------------------


def test_unauthenticated_pages_redirect_to_login_and_the_api_says_401(client):
    response = client.get("/backoffice/cases?status=all", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/backoffice/login?next=%2Fbackoffice%2Fcases%3Fstatus%3Dall"
    assert client.get("/backoffice", follow_redirects=False).status_code == 303
    for path in ("/api/backoffice/cases", "/api/backoffice/session", "/api/backoffice/cases/LP-XXXXXXXXXX"):
        response = client.get(path)
        assert response.status_code == 401 and response.json() == {"detail": "U bent niet ingelogd."}
    assert client.post("/api/backoffice/cases/LP-XXXXXXXXXX/take").status_code == 401


def test_login_page_is_accessible_and_has_strict_headers(client):
    page = client.get("/backoffice/login")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="nl">' in html and 'class="skip-link" href="#main"' in html
    assert '<label for="email">' in html and '<label for="password">' in html
    assert "<script" not in html and "style=" not in html
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    assert client.get("/backoffice/static/backoffice.css").status_code == 200


def test_login_sets_a_signed_httponly_cookie_and_logout_ends_it(client):
    make_user("jan@hengelo.nl")
    response = login(client, "JAN@hengelo.nl ", next_url="/backoffice/cases?status=all")
    assert response.status_code == 303 and response.headers["location"] == "/backoffice/cases?status=all"
    cookie = next(v for k, v in response.headers.multi_items() if k == "set-cookie" and "lpa_backoffice=" in v)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie  # APP_ENV=test
    old_cookie = client.cookies.get("lpa_backoffice")
    queue = client.get("/backoffice/cases")
    assert queue.status_code == 200 and "Wachtrij Hengelo" in queue.text

    logout = client.post("/backoffice/logout", data={"csrf_token": form_token(queue.text)}, follow_redirects=False)
    assert logout.status_code == 303
    client.cookies.clear()
    client.cookies.set("lpa_backoffice", old_cookie)  # a copied cookie no longer works after logout
    assert client.get("/api/backoffice/session").status_code == 401
    with session_scope() as session:
        assert [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))] == ["login", "logout"]


def test_open_redirects_are_refused(client):
    make_user("jan@hengelo.nl")
    for target in ("https://evil.example/", "//evil.example/backoffice", "/elsewhere"):
        response = login(client, "jan@hengelo.nl", next_url=target)
        assert response.headers["location"] == "/backoffice", target
        client.cookies.clear()


def test_a_tampered_cookie_is_not_a_session(client, sign_in):
    make_user("jan@hengelo.nl")
    sign_in("jan@hengelo.nl")
    value = client.cookies.get("lpa_backoffice")
    payload, timestamp, signature = value.rsplit(".", 2)
    forged = payload.replace(payload[5], "x" if payload[5] != "x" else "y", 1)
    for tampered in (f"{forged}.{timestamp}.{signature}", f"{payload}.{timestamp}.{signature[::-1]}", "garbage"):
        client.cookies.clear()
        client.cookies.set("lpa_backoffice", tampered)
        assert client.get("/api/backoffice/session").status_code == 401, tampered


def test_wrong_password_and_missing_login_token(client):
    make_user("jan@hengelo.nl")
    wrong = login(client, "jan@hengelo.nl", password="fout-wachtwoord-123")
    assert wrong.status_code == 401 and "Het e-mailadres of het wachtwoord klopt niet." in wrong.text
    no_token = client.post("/backoffice/login", data={"email": "jan@hengelo.nl", "password": "x", "csrf_token": "x"})
    assert no_token.status_code == 403 and "Het formulier is verlopen" in no_token.text


def test_five_failures_per_account_and_ip_block_logins_for_15_minutes(client):
    make_user("jan@hengelo.nl")
    make_user("piet@hengelo.nl")
    for _ in range(5):
        assert login(client, "jan@hengelo.nl", password="fout-wachtwoord-123").status_code == 401
    blocked = login(client, "jan@hengelo.nl")  # even the right password
    assert blocked.status_code == 429
    assert "Te veel mislukte pogingen" in blocked.text and blocked.headers["retry-after"] == "900"
    assert login(client, "piet@hengelo.nl").status_code == 303  # another account is not affected


@pytest.fixture
def throttled_app(configured, fake_rasa):
    """The app with small login limits (the defaults, 5/10/20, only make the tests slower: each attempt hashes)."""
    from assistant.app import create_app

    settings = configured.model_copy(
        update={"login_max_failures": 2, "login_max_failures_per_account": 4, "login_max_failures_per_ip": 6}
    )
    return create_app(settings, rasa_transport=fake_rasa.transport)


def test_the_default_login_limits(configured):
    throttle = LoginThrottle.from_settings(configured)
    assert (throttle.per_account_and_ip, throttle.per_account, throttle.per_ip) == (5, 10, 20)
    assert throttle.window == timedelta(minutes=15)


def test_one_address_spraying_many_accounts_is_blocked(throttled_app):
    """One password tried on many accounts from one address (password spraying): the address's failures block it,
    for every account, while the accounts stay open from elsewhere."""
    make_user("jan@hengelo.nl")
    with (
        TestClient(throttled_app, client=("203.0.113.5", 1)) as attacker,
        TestClient(throttled_app, client=("192.0.2.44", 1)) as office,
    ):
        statuses = [
            login(attacker, f"medewerker{number}@hengelo.nl", password="Zomer2026!").status_code for number in range(8)
        ]
        assert statuses == [401] * 6 + [429] * 2
        assert login(attacker, "jan@hengelo.nl").status_code == 429  # even the right password, from there
        assert login(office, "jan@hengelo.nl").status_code == 303


def test_one_account_guessed_from_many_addresses_is_blocked(throttled_app):
    """Failures for one account from many addresses (each under its own limit) block the account everywhere."""
    make_user("jan@hengelo.nl")
    make_user("piet@hengelo.nl")
    statuses = []
    for number in range(5):
        with TestClient(throttled_app, client=(f"203.0.113.{number + 10}", 1)) as attacker:
            statuses.append(login(attacker, "jan@hengelo.nl", password=f"gok-{number}").status_code)
    assert statuses == [401] * 4 + [429]
    with TestClient(throttled_app, client=("192.0.2.44", 1)) as office:
        blocked = login(office, "jan@hengelo.nl")
        assert blocked.status_code == 429 and blocked.headers["retry-after"] == "900"
        assert login(office, "piet@hengelo.nl").status_code == 303  # other accounts are not affected


def test_login_throttling_follows_the_settings(configured, fake_rasa):
    from assistant.app import create_app

    settings = configured.model_copy(update={"login_max_failures": 2, "login_throttle_minutes": 5})
    make_user("jan@hengelo.nl")
    with TestClient(create_app(settings, rasa_transport=fake_rasa.transport)) as client:
        assert [login(client, "jan@hengelo.nl", password="fout").status_code for _ in range(3)] == [401, 401, 429]
        blocked = login(client, "jan@hengelo.nl")
    assert blocked.headers["retry-after"] == "300" and "Wacht 5 minuten" in blocked.text


def test_deactivated_accounts_cannot_sign_in_and_lose_their_session(client, sign_in):
    from assistant.cases.models import User

    make_user("jan@hengelo.nl")
    sign_in("jan@hengelo.nl")
    with session_scope() as session:
        session.scalar(select(User)).active = False
    assert client.get("/api/backoffice/session").status_code == 401
    client.cookies.clear()
    assert login(client, "jan@hengelo.nl").status_code == 401


# --- CSRF ----------------------------------------------------------------------------------------------------


def test_unsafe_requests_without_the_csrf_token_are_refused(client, sign_in):
    make_user("jan@hengelo.nl")
    reference = make_case("s1", town="Borne")
    csrf = sign_in("jan@hengelo.nl")
    assert client.post(f"/api/backoffice/cases/{reference}/take").status_code == 403
    assert api_post(client, f"/cases/{reference}/take", "wrong").status_code == 403
    form = client.post(f"/backoffice/cases/{reference}/take", data={"csrf_token": "wrong"})
    assert form.status_code == 403 and "verlopen" in form.text
    assert client.post(f"/backoffice/cases/{reference}/take").status_code == 403
    assert load_case(reference).status == "new"
    assert api_post(client, f"/cases/{reference}/take", csrf).status_code == 200


# --- the queue and actions -----------------------------------------------------------------------------------


def test_queue_order_filters_and_municipality(client, sign_in):
    make_user("jan@hengelo.nl", schools=(("12AB", "OBS De Esch"),))
    old_normal = make_case("a", town="Hengelo", now=MONDAY_10 - timedelta(days=5))  # long overdue
    urgent = make_case("b", town="Borne", trigger="safety_signal")
    fresh_normal = make_case("c", town="Hengelo", school="OBS De Esch")
    make_case("d", town="Enschede", trigger="safety_signal")
    csrf = sign_in("jan@hengelo.nl")
    cases = client.get("/api/backoffice/cases").json()["cases"]
    assert [c["reference"] for c in cases] == [old_normal, urgent, fresh_normal]
    assert cases[0]["overdue"] is True and cases[2]["assigned_officer"] == "Jan"
    assert [c["reference"] for c in client.get("/api/backoffice/cases?priority=urgent").json()["cases"]] == [urgent]
    assert [c["reference"] for c in client.get("/api/backoffice/cases?school=obs de esch").json()["cases"]] == [
        fresh_normal
    ]
    assert client.get("/api/backoffice/cases?status=bogus").status_code == 422

    api_post(client, f"/cases/{urgent}/close", csrf, {"outcome": "referred"})
    assert urgent not in [c["reference"] for c in client.get("/api/backoffice/cases").json()["cases"]]
    assert [c["reference"] for c in client.get("/api/backoffice/cases?status=closed").json()["cases"]] == [urgent]

    page = client.get("/backoffice/cases?priority=normal&school=OBS+De+Esch")
    assert page.status_code == 200 and fresh_normal in page.text and old_normal not in page.text
    assert '<label for="filter-status">' in page.text and "<caption>" in page.text


def test_case_page_shows_everything_and_the_actions_work(client, sign_in):
    make_user("jan@hengelo.nl")
    reference = make_case("s1", town="Borne", school="OBS De Esch")
    sign_in("jan@hengelo.nl")
    page = client.get(f"/backoffice/cases/{reference}")
    assert page.status_code == 200
    html = page.text
    for expected in (
        "Zaak " + reference,
        "Fatima",
        "Borne",
        "Gewichtige omstandigheden".lower()[:5],
        'href="https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a"',
        "Leerplichtwet 1969, artikel 13a",
        "Ik wil een leerplichtambtenaar spreken",
        '<label for="reply-text">',
        '<label for="note-text">',
        '<label for="close-outcome">',
    ):
        assert expected in html, expected
    token = form_token(html)

    taken = client.post(f"/backoffice/cases/{reference}/take", data={"csrf_token": token}, follow_redirects=False)
    assert taken.status_code == 303 and taken.headers["location"] == f"/backoffice/cases/{reference}?done=taken"
    replied = client.post(f"/backoffice/cases/{reference}/reply", data={"csrf_token": token, "text": "Ik bel u."})
    assert replied.status_code == 200 and "Uw bericht is naar de gebruiker gestuurd." in replied.text
    assert "Ik bel u." in replied.text
    client.post(f"/backoffice/cases/{reference}/note", data={"csrf_token": token, "text": "Intern: broertje ook?"})
    empty = client.post(f"/backoffice/cases/{reference}/reply", data={"csrf_token": token, "text": " "})
    assert empty.status_code == 422 and "Typ eerst een tekst." in empty.text
    client.post(f"/backoffice/cases/{reference}/hand-back", data={"csrf_token": token})
    closed = client.post(f"/backoffice/cases/{reference}/close", data={"csrf_token": token, "outcome": "answered"})
    assert "De zaak is gesloten." in closed.text and "Vraag beantwoord" in closed.text
    again = client.post(f"/backoffice/cases/{reference}/take", data={"csrf_token": token})
    assert again.status_code == 409 and "Dit kan niet meer" in again.text

    detail = client.get(f"/api/backoffice/cases/{reference}").json()
    assert detail["status"] == "closed" and detail["outcome"] == "answered"
    assert [m["author"] for m in detail["messages"]] == ["system", "officer", "system"]
    assert [n["text"] for n in detail["notes"]] == ["Intern: broertje ook?"]
    assert [e["action"] for e in detail["audit"]] == [
        "case_opened",
        "case_taken",
        "case_replied",
        "note_added",
        "case_handed_back",
        "case_closed",
    ]
    messages = client.get("/api/chat/s1/messages").json()["messages"]
    assert "Intern" not in str(messages) and messages[1]["text"] == "Ik bel u."


def test_api_actions_and_errors(client, sign_in):
    make_user("jan@hengelo.nl")
    reference = make_case("s1", town="Hengelo")
    csrf = sign_in("jan@hengelo.nl")
    assert api_post(client, f"/cases/{reference}/reply", csrf, {"text": "Hallo"}).json()["status"] == (
        "waiting_for_user"
    )
    assert api_post(client, f"/cases/{reference}/note", csrf, {"text": "n"}).json()["notes"][0]["text"] == "n"
    assert api_post(client, f"/cases/{reference}/close", csrf, {"outcome": "nope"}).status_code == 422
    assert api_post(client, f"/cases/{reference}/reply", csrf, {"text": ""}).status_code == 422
    assert api_post(client, f"/cases/{reference}/hand-back", csrf).json()["status"] == "handed_back"
    conflict = api_post(client, f"/cases/{reference}/hand-back", csrf)
    assert conflict.status_code == 409 and "Dit kan niet meer" in conflict.json()["detail"]
    assert api_post(client, f"/cases/{reference}/close", csrf, {"outcome": "answered"}).json()["status"] == "closed"


# --- authorisation -------------------------------------------------------------------------------------------


def test_another_municipalitys_case_is_not_found(client, sign_in):
    make_user("els@enschede.nl", municipality="Enschede")
    borne = make_case("s1", town="Borne")  # Hengelo's case
    losser = make_case("s2", town="Losser")  # Enschede's case
    csrf = sign_in("els@enschede.nl")
    assert [c["reference"] for c in client.get("/api/backoffice/cases?status=all").json()["cases"]] == [losser]
    missing = client.get("/api/backoffice/cases/LP-ZZZZZZZZZZ")
    hidden = client.get(f"/api/backoffice/cases/{borne}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    for action, body in (
        ("take", None),
        ("reply", {"text": "x"}),
        ("note", {"text": "x"}),
        ("hand-back", None),
        ("close", {"outcome": "answered"}),
    ):
        assert api_post(client, f"/cases/{borne}/{action}", csrf, body).status_code == 404, action
    page = client.get(f"/backoffice/cases/{borne}")
    assert page.status_code == 404 and borne not in page.text and "Fatima" not in page.text
    form = client.post(f"/backoffice/cases/{borne}/take", data={"csrf_token": csrf})
    assert form.status_code == 404
    assert borne not in client.get("/backoffice/cases?status=all&municipality=Hengelo").text
    case = load_case(borne)
    assert case.status == "new" and case.messages == [] and case.notes == []


def test_admin_sees_all_municipalities_and_unrouted_cases(client, sign_in):
    make_user("admin@twente.nl", role="admin", municipality=None)
    borne, losser, unknown = make_case("s1", town="Borne"), make_case("s2", town="Losser"), make_case("s3", town="?")
    sign_in("admin@twente.nl")
    assert {c["reference"] for c in client.get("/api/backoffice/cases").json()["cases"]} == {borne, losser, unknown}
    assert [c["reference"] for c in client.get("/api/backoffice/cases?municipality=-").json()["cases"]] == [unknown]
    assert [c["reference"] for c in client.get("/api/backoffice/cases?municipality=Enschede").json()["cases"]] == [
        losser
    ]
    page = client.get("/backoffice/cases")
    assert "alle gemeenten" in page.text and '<label for="filter-municipality">' in page.text
    assert client.get(f"/backoffice/cases/{losser}").status_code == 200


def test_school_accounts_see_no_cases_only_their_verlof_page(client, sign_in):
    make_user("school@esch.nl", role="school", municipality=None, school_id="12AB")
    reference = make_case("s1", town="Hengelo", school_id="12AB", school="OBS De Esch")
    response = login(client, "school@esch.nl")
    assert response.headers["location"] == "/backoffice/verlof"
    assert client.get("/api/backoffice/cases").json() == {"cases": []}
    assert client.get(f"/api/backoffice/cases/{reference}").status_code == 404
    assert client.get(f"/backoffice/cases/{reference}").status_code == 404
    assert client.get("/backoffice/cases").status_code == 404
    csrf = client.get("/api/backoffice/session").json()["csrf_token"]
    assert api_post(client, f"/cases/{reference}/note", csrf, {"text": "x"}).status_code == 404
    verlof = client.get("/backoffice/verlof")
    assert verlof.status_code == 200 and "12AB" in verlof.text and "Wachtrij" not in verlof.text


@dataclass
class Item:
    school_id: str | None
    municipality: str | None


def test_school_item_authorisation_rule():
    school = Principal(1, "school", school_id="12AB")
    officer = Principal(2, "officer", municipality="Hengelo")
    admin = Principal(3, "admin")
    own, other, enschede = Item("12AB", "Hengelo"), Item("34CD", "Hengelo"), Item("99ZZ", "Enschede")
    assert [can_see_school_item(school, i) for i in (own, other, enschede)] == [True, False, False]
    assert [can_see_school_item(officer, i) for i in (own, other, enschede)] == [True, True, False]
    assert [can_see_school_item(admin, i) for i in (own, other, enschede)] == [True, True, True]
    assert not can_see_school_item(Principal(4, "school", school_id=None), Item(None, "Hengelo"))
    case = Case(municipality="Hengelo", school_id="12AB")
    assert not can_see_case(school, case) and can_see_case(officer, case) and can_see_case(admin, case)
    assert not can_see_case(Principal(5, "officer", municipality=None), Case(municipality=None))


def test_cases_of_the_school_exist_but_stay_hidden_from_the_school(client):
    """The same case and note data the officer sees are never in the school account's answers."""
    make_user("school@esch.nl", role="school", municipality=None, school_id="12AB")
    make_case("s1", town="Hengelo", school_id="12AB")
    with session_scope() as session:
        assert session.scalar(select(Case)).school_id == "12AB"
