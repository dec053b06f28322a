"""Back-office test helpers: sign in through the real login form."""

from __future__ import annotations

import re

import pytest

from tests.cases.helpers import PASSWORD

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def form_token(html: str) -> str:
    match = _TOKEN.search(html)
    assert match, "no csrf_token in the page"
    return match.group(1)


def login(client, email: str, password: str = PASSWORD, next_url: str = ""):
    page = client.get("/backoffice/login")
    return client.post("/backoffice/login", data={"email": email, "password": password, "next": next_url,
                                                   "csrf_token": form_token(page.text)}, follow_redirects=False)


@pytest.fixture
def sign_in(client):
    """Sign `client` in as `email`; returns the session's CSRF token (from the API)."""

    def _sign_in(email: str) -> str:
        client.cookies.clear()
        response = login(client, email)
        assert response.status_code == 303, response.text
        return client.get("/api/backoffice/session").json()["csrf_token"]

    return _sign_in
