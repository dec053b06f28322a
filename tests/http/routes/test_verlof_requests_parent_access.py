"""Issue 17: the officer's thread on a verlof request belongs to its parent.

- The chat API cannot reach it (`verlof:` sender ids are refused); the reference alone opens nothing.
- The parent reads the officer's messages with the reference and the e-mail address, or with the access token the
  API handed out at submission, and answers through the verlof API.
- A school account sees neither the officer's case reference nor the parent's address.
- A refusal for "vacation leave already used this school year" no longer tells an anonymous caller that someone else
  asked leave for the child: only requests made with the same e-mail address count for the caller; the one who
  decides sees the others.
- Free-text fields are redacted: an identifier in the reason becomes a marker; a child's name with one is refused.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from assistant.cases import service as case_service
from assistant.cases.auth import Principal
from assistant.cases.models import Case, CaseMessage, User
from assistant.db.models import Conversation
from assistant.db.session import session_scope
from assistant.verlof_requests.models import VerlofRequest
from tests.cases.helpers import make_user
from tests.verlof_requests.conftest import body, fixed_today  # noqa: F401 - the fixture (autouse): TODAY

OFFICER_REPLY = "Goedemorgen, kunt u een verklaring van de arts sturen?"


def officer_request(client, **changes) -> dict:
    data = {
        "kind": "gewichtige_omstandigheid",
        "category": "ernstige_ziekte",
        "employer_statement": None,
        "home_municipality": "Borne",
        "reason": "Mijn moeder is ernstig ziek in Marokko.",
        "start_date": "2026-03-09",
        "end_date": "2026-03-24",
        **changes,
    }  # 12 school days: the officer decides
    response = client.post("/api/verlof/requests", json=body(**data))
    assert response.status_code == 201, response.text
    return response.json()


def officer_replies(case_reference: str, text: str = OFFICER_REPLY) -> None:
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == case_reference))
        officer = Principal.of(session.scalar(select(User).where(User.role == "officer")))
        case_service.reply(session, case, officer, text)


def case_messages(case_reference: str) -> list[tuple[str, str]]:
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == case_reference))
        return [
            (m.author, m.text)
            for m in session.scalars(select(CaseMessage).where(CaseMessage.case_id == case.id).order_by(CaseMessage.id))
        ]


def test_the_side_door_is_closed(client, fake_rasa) -> None:
    created = officer_request(client)
    make_user("lpa@hengelo.nl", "officer", "Hengelo")
    officer_replies(created["conversation"]["case_reference"])
    thread = f"verlof:{created['reference']}"

    read = client.get(f"/api/chat/{thread}/messages", params={"after": 0})
    write = client.post("/api/chat", json={"sender_id": thread, "message": "Hier is de verklaring."})
    assert read.status_code == write.status_code == 422
    assert OFFICER_REPLY not in read.text
    assert case_messages(created["conversation"]["case_reference"]) == [("officer", OFFICER_REPLY)]
    assert fake_rasa.received == []
    with session_scope() as session:  # the officer's reply made no chat conversation under the thread's id
        assert session.scalar(select(func.count()).select_from(Conversation)) == 0

    no_factor = client.get(f"/api/verlof/requests/{created['reference']}")
    assert no_factor.status_code == 422 and "e-mailadres" in no_factor.json()["detail"]
    assert OFFICER_REPLY not in no_factor.text


def test_the_parent_reads_and_answers_with_the_email(client) -> None:
    created = officer_request(client)
    case_reference = created["conversation"]["case_reference"]
    assert created["conversation"] == {"case_reference": case_reference, "can_reply": True, "messages": []}
    make_user("lpa@hengelo.nl", "officer", "Hengelo")
    officer_replies(case_reference)

    view = client.get(f"/api/verlof/requests/{created['reference']}", params={"email": "ouder@voorbeeld.nl"}).json()
    assert [(m["author"], m["text"]) for m in view["conversation"]["messages"]] == [("officer", OFFICER_REPLY)]

    answer = client.post(
        f"/api/verlof/requests/{created['reference']}/messages",
        json={"email": "ouder@voorbeeld.nl", "text": "Ja, mijn BSN is 123 456 782, bel 0612345678"},
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["conversation"]["messages"][-1] == {
        **answer.json()["conversation"]["messages"][-1],
        "author": "user",
        "text": "Ja, mijn BSN is [BSN verwijderd], bel [telefoonnummer verwijderd]",
    }
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == case_reference))
        assert case.status == "assigned"  # waiting for the officer again

    wrong = client.post(
        f"/api/verlof/requests/{created['reference']}/messages", json={"email": "iemand@anders.nl", "text": "Hallo"}
    )
    assert wrong.status_code == 404 and len(case_messages(case_reference)) == 2


def test_the_access_token_opens_the_request_and_is_stored_hashed(client) -> None:
    created = officer_request(client)
    token = created["access_token"]
    assert len(token) >= 32
    with session_scope() as session:
        stored = session.scalar(select(VerlofRequest).where(VerlofRequest.reference == created["reference"]))
        assert stored.access_token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in str([getattr(stored, c.key) for c in VerlofRequest.__table__.columns])
    url = f"/api/verlof/requests/{created['reference']}"
    view = client.get(url, headers={"Authorization": f"Bearer {token}"})
    assert view.status_code == 200 and view.json()["reference"] == created["reference"]
    assert "access_token" not in view.json()
    sent = client.post(f"{url}/messages", json={"text": "Een vraag"}, headers={"Authorization": f"Bearer {token}"})
    assert sent.status_code == 201

    other = officer_request(client, child_name="Tom de Wit")
    for headers in ({"Authorization": f"Bearer {other['access_token']}"}, {"Authorization": "Bearer fout"}):
        assert client.get(url, headers=headers).status_code == 404
    unknown = client.get("/api/verlof/requests/VL-ABCDEFGHJK", headers={"Authorization": f"Bearer {token}"})
    assert (
        unknown.status_code == 404
        and unknown.json() == client.get(url, headers={"Authorization": "Bearer fout"}).json()
    )


def test_no_conversation_no_message(client) -> None:
    created = client.post("/api/verlof/requests", json=body()).json()  # the directeur decides: no officer thread
    assert created["conversation"] is None
    response = client.post(
        f"/api/verlof/requests/{created['reference']}/messages",
        json={"email": "ouder@voorbeeld.nl", "text": "Hallo", "language": "en"},
    )
    assert response.status_code == 409 and "conversation" in response.json()["detail"].lower()
    empty = client.post(
        f"/api/verlof/requests/{created['reference']}/messages", json={"email": "ouder@voorbeeld.nl", "text": "   "}
    )
    assert empty.status_code == 422 and "leeg" in empty.json()["detail"]


def test_a_closed_officer_conversation_takes_no_messages(client) -> None:
    created = officer_request(client)
    make_user("lpa@hengelo.nl", "officer", "Hengelo")
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == created["conversation"]["case_reference"]))
        case_service.close(session, case, Principal.of(session.scalar(select(User))), "answered")
    view = client.get(f"/api/verlof/requests/{created['reference']}", params={"email": "ouder@voorbeeld.nl"}).json()
    assert view["conversation"]["can_reply"] is False
    assert view["conversation"]["messages"][-1]["author"] == "system"
    response = client.post(
        f"/api/verlof/requests/{created['reference']}/messages",
        json={"email": "ouder@voorbeeld.nl", "text": "Nog een vraag"},
    )
    assert response.status_code == 409


def test_another_parents_request_is_not_revealed_to_the_caller(client, sign_in) -> None:
    first = client.post("/api/verlof/requests", json=body())
    assert first.status_code == 201
    again = client.post("/api/verlof/requests", json=body(start_date="2026-05-18", end_date="2026-05-19"))
    assert again.status_code == 422 and again.json()["code"] == "already_used_this_school_year"  # the same parent

    stranger = client.post(
        "/api/verlof/requests", json=body(start_date="2026-05-18", end_date="2026-05-19", email="iemand@anders.nl")
    )
    assert stranger.status_code == 201, stranger.text
    shown = stranger.json()
    assert "already_used_this_school_year" not in [p["code"] for p in shown["problems"]]
    assert first.json()["reference"] not in stranger.text
    assert "other_requests" not in stranger.text

    make_user("directie@deborgh.nl", "school", None, "hengelo-de-borgh")
    sign_in("directie@deborgh.nl")
    item = client.get(f"/api/backoffice/verlof/{shown['reference']}").json()
    others = item["assessment"]["other_requests"]
    assert others["references"] == [first.json()["reference"]]
    assert [p["code"] for p in others["problems"]] == ["already_used_this_school_year"]
    page = client.get(f"/backoffice/verlof/{shown['reference']}").text
    assert first.json()["reference"] in page and "ander e-mailadres" in page


def test_identifiers_in_free_text_fields_are_redacted_or_refused(client) -> None:
    created = client.post(
        "/api/verlof/requests",
        json=body(reason="Werk in de horeca. Bel 06-12345678, IBAN NL91 ABNA 0417 1643 00, bsn123456782"),
    )
    assert created.status_code == 201, created.text
    with session_scope() as session:
        stored = session.scalar(select(VerlofRequest))
    assert stored.reason == (
        "Werk in de horeca. Bel [telefoonnummer verwijderd], IBAN [IBAN verwijderd], bsn[BSN verwijderd]"
    )
    for field, value in (
        ("child_name", "Sara jan[at]example[dot]nl"),
        ("child_class", "groep 5 123 456 782"),
        ("child_name", "Sara Jansen ٠٦١٢٣٤٥٦٧٨"),
        ("school", "Basisschool Zonnestraal 0612345678"),
    ):
        refused = client.post(
            "/api/verlof/requests",
            json=body(**{field: value}, school_id=None if field == "school" else "hengelo-de-borgh"),
        )
        assert refused.status_code == 422 and refused.json()["field"] == field, (field, refused.text)
    with session_scope() as session:
        assert session.scalar(select(func.count()).select_from(VerlofRequest)) == 1
