"""The e-mail notice when an officer replies: sent through a (local, fake) SMTP server after the reply, in the
parent's language, with a link back and without the officer's words; nothing without an address or an SMTP host;
a mail server that is down breaks nothing and is written to the audit log."""

from __future__ import annotations

import socket
import time
from datetime import date
from email import message_from_bytes
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from assistant.cases import service as case_service
from assistant.cases.audit import entries_for
from assistant.cases.auth import Principal
from assistant.cases.email_notice import notify_officer_reply
from assistant.cases.models import Case
from assistant.db.session import session_scope
from assistant.settings import get_settings
from assistant.verlof_requests import service as verlof_service
from tests.cases.helpers import make_case, make_user
from tests.http.routes.conftest import form_token


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's name for the DATA handler
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch, configured):
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(port))
    monkeypatch.setenv("SMTP_STARTTLS", "false")
    monkeypatch.setenv("SMTP_FROM", "leerplicht@gemeente.example")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://leerplicht.example.nl")
    get_settings.cache_clear()
    yield handler
    controller.stop()
    get_settings.cache_clear()


def reply_as_officer(client, sign_in, reference: str, text: str) -> None:
    sign_in("jan@hengelo.nl")
    token = form_token(client.get(f"/backoffice/cases/{reference}").text)
    response = client.post(
        f"/backoffice/cases/{reference}/reply", data={"csrf_token": token, "text": text}, follow_redirects=False
    )
    assert response.status_code == 303


def wait_for(inbox: Inbox) -> None:
    deadline = time.monotonic() + 5
    while not inbox.messages and time.monotonic() < deadline:
        time.sleep(0.05)


def test_an_officers_reply_sends_a_notice_in_the_parents_language(client, sign_in, inbox):
    make_user("jan@hengelo.nl", name="Jan Jansen")
    reference = make_case("web-mail-1", town="Borne", email="ouder@voorbeeld.nl")
    with session_scope() as session:
        session.scalar(select(Case).where(Case.reference == reference)).language = "en"
    reply_as_officer(client, sign_in, reference, "Ik bel u morgen om 10 uur over de verhuizing.")
    wait_for(inbox)
    [mail] = inbox.messages
    assert mail["To"] == "ouder@voorbeeld.nl" and mail["From"] == "leerplicht@gemeente.example"
    assert reference in mail["Subject"]
    body = mail.get_payload(decode=True).decode()
    assert "https://leerplicht.example.nl/#gesprek=web-mail-1" in body
    assert "verhuizing" not in body  # the officer's words stay in the chat
    assert "Goedendag" not in body  # English: the case's language
    with session_scope() as session:
        assert [e.action for e in entries_for(session, "case", reference)][-1] == "email_notice_sent"


def test_a_verlof_case_points_to_the_status_page(inbox):
    officer = make_user("piet@hengelo.nl")
    with session_scope() as session:
        request = verlof_service.submit(
            session,
            verlof_service.RequestData(
                kind="gewichtige_omstandigheid",
                category="huwelijk",
                start_date=date(2026, 3, 2),
                end_date=date(2026, 3, 20),
                child_name="Sara Jansen",
                child_class="groep 5",
                home_municipality="Hengelo",
                reason="De bruiloft van mijn zus in Turkije.",
                email="ouder@voorbeeld.nl",
                school_id="hengelo-de-borgh",
            ),
            today=date(2026, 1, 12),
        )
        case = session.scalar(select(Case).where(Case.reference == request.case_reference))
        case_service.reply(
            session, case, Principal(officer, "officer", "Hengelo"), "Graag een kopie van de uitnodiging."
        )
        case_reference, verlof_reference = case.reference, request.reference
    notify_officer_reply(case_reference)
    [mail] = inbox.messages
    body = mail.get_payload(decode=True).decode()
    assert verlof_reference in mail["Subject"] and "https://leerplicht.example.nl/verlof/status" in body
    assert "uitnodiging" not in body


def test_no_address_no_host_or_a_dead_server_sends_nothing_and_breaks_nothing(client, sign_in, inbox, monkeypatch):
    make_user("jan@hengelo.nl", name="Jan Jansen")
    by_phone = make_case("web-mail-2", town="Borne", phone="0612345678")
    reply_as_officer(client, sign_in, by_phone, "Ik bel u.")
    time.sleep(0.3)
    assert inbox.messages == []

    with_mail = make_case("web-mail-3", town="Borne", email="ouder@voorbeeld.nl")
    monkeypatch.setenv("SMTP_PORT", str(free_port()))  # nobody listens there
    get_settings.cache_clear()
    reply_as_officer(client, sign_in, with_mail, "Ik bel u.")
    with session_scope() as session:
        assert [e.action for e in entries_for(session, "case", with_mail)][-1] == "email_notice_failed"

    monkeypatch.delenv("SMTP_HOST")
    get_settings.cache_clear()
    notify_officer_reply(with_mail)  # no host: nothing at all, not even an audit entry
    with session_scope() as session:
        assert [e.action for e in entries_for(session, "case", with_mail)][-1] == "email_notice_failed"
