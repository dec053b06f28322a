"""Route test helpers: sign in to the back office through the real login form; chat turns through the real
gateway with a scripted Rasa; an officer, an admin and a school account."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.cases.helpers import PASSWORD, make_user

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def form_token(html: str) -> str:
    match = _TOKEN.search(html)
    assert match, "no csrf_token in the page"
    return match.group(1)


def login(client, email: str, password: str = PASSWORD, next_url: str = ""):
    page = client.get("/backoffice/login")
    return client.post(
        "/backoffice/login",
        data={"email": email, "password": password, "next": next_url, "csrf_token": form_token(page.text)},
        follow_redirects=False,
    )


@pytest.fixture
def sign_in(client):
    """Sign `client` in as `email`; returns the session's CSRF token (from the API)."""

    def _sign_in(email: str) -> str:
        client.cookies.clear()
        response = login(client, email)
        assert response.status_code == 303, response.text
        return client.get("/api/backoffice/session").json()["csrf_token"]

    return _sign_in


@pytest.fixture
def chat(client, fake_rasa):
    """`chat(sender, text, reply)`: one turn through /api/chat, Rasa answering `reply`; returns the JSON."""

    def _chat(sender: str, text: str, reply: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        if reply is not None:
            fake_rasa.reply = lambda _body: reply
        response = client.post("/api/chat", json={"sender_id": sender, "message": text, **extra})
        assert response.status_code == 200, response.text
        return response.json()

    return _chat


@pytest.fixture
def accounts(configured):
    """An officer of Hengelo (serves Hengelo and Borne), one of Enschede, an admin and a school account."""
    return {
        "hengelo": make_user("hengelo@leerplicht.nl", municipality="Hengelo"),
        "enschede": make_user("enschede@leerplicht.nl", municipality="Enschede"),
        "admin": make_user("admin@leerplicht.nl", role="admin", municipality=None),
        "school": make_user("school@school.nl", role="school", municipality=None, school_id="20AB00"),
    }
