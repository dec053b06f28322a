"""The chat API refuses reserved sender ids, and tells the user when a phone number or e-mail address was taken out
of a message (in a conversation with an officer it goes to the case's contact details instead)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from assistant.cases import chat_handoff
from assistant.cases.models import AuditEntry, Case, CaseMessage
from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope
from tests.cases.helpers import make_user


def conversations() -> int:
    with session_scope() as session:
        return session.scalar(select(func.count()).select_from(Conversation))


@pytest.mark.parametrize("sender_id", ["verlof:VL-ABCDEFGHJK", "VERLOF:VL-ABCDEFGHJK", "Verlof:x"])
def test_reserved_sender_ids_are_refused_with_a_reason(client, fake_rasa, sender_id):
    response = client.post("/api/chat", json={"sender_id": sender_id, "message": "Wat zei de ambtenaar?"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Het veld 'sender_id' is niet geldig: deze gesprekscode is alleen")
    assert fake_rasa.received == [] and conversations() == 0

    polled = client.get(f"/api/chat/{sender_id}/messages")
    assert polled.status_code == 422 and "sender_id" in polled.json()["detail"]


def test_the_refusal_is_in_the_users_language(client):
    response = client.post("/api/chat", json={"sender_id": "verlof:VL-X", "message": "hi", "language": "en"})
    assert response.status_code == 422 and "only for internal use" in response.json()["detail"]
    polled = client.get("/api/chat/verlof:VL-X/messages", headers={"Accept-Language": "en"})
    assert "only for internal use" in polled.json()["detail"]


def test_ordinary_ids_with_a_colon_still_work(client, fake_rasa):
    assert client.post("/api/chat", json={"sender_id": "web:verlof", "message": "hallo"}).status_code == 200
    assert client.get("/api/chat/web:verlof/messages").status_code == 200


def test_a_removed_phone_number_is_explained_with_the_way_to_a_person(client, fake_rasa):
    body = client.post("/api/chat", json={"sender_id": "web-c1", "message": "Bel mij op (06) 12345678"}).json()
    assert fake_rasa.received[0]["message"] == "Bel mij op [telefoonnummer verwijderd]"
    assert body["messages"][0]["text"].startswith("Voor uw privacy hebben we het telefoonnummer of e-mailadres")
    assert "'medewerker'" in body["messages"][0]["text"]
    assert body["messages"][1]["text"].startswith("Antwoord op:")
    english = client.post(
        "/api/chat", json={"sender_id": "web-c2", "message": "Call me on +31 6 12345678", "language": "en"}
    ).json()
    assert english["messages"][0]["text"].startswith("To protect your privacy, we have removed the phone number")


def test_no_notice_when_the_form_asks_for_the_contact(client, fake_rasa):
    fake_rasa.reply = lambda body: {
        "messages": [{"text": "Hoe kan de leerplichtambtenaar u bereiken?"}],
        "intent": None,
        "slots": {"requested_slot": "contact"},
    }
    client.post("/api/chat", json={"sender_id": "web-c3", "message": "ik wil een medewerker"})
    body = client.post("/api/chat", json={"sender_id": "web-c3", "message": "0612345678"}).json()
    assert fake_rasa.received[-1]["message"] == "0612345678"
    assert [m["text"] for m in body["messages"]] == ["Hoe kan de leerplichtambtenaar u bereiken?"]


def test_a_contact_typed_to_the_officer_goes_to_the_case_not_the_transcript(client, fake_rasa):
    make_user("jan@hengelo.nl")
    client.post("/api/chat", json={"sender_id": "web-c4", "message": "Ik wil een mens spreken"})
    fake_rasa.received.clear()
    info = chat_handoff.create_from_conversation(
        "web-c4", "user_request", {"town": "Borne", "email": "ouder@example.nl"}, None
    )
    body = client.post(
        "/api/chat", json={"sender_id": "web-c4", "message": "U kunt mij bellen op 06-12345678 of +32 470 12 34 56"}
    ).json()
    assert fake_rasa.received == []
    assert body["messages"][0]["text"].startswith("Voor uw privacy staan telefoonnummers en e-mailadressen niet")
    assert body["messages"][-1]["text"].startswith("Uw bericht is doorgestuurd")
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == info.case_id))
        assert case.summary["contact_from_chat"] == ["06-12345678", "+32 470 12 34 56"]
        assert case.summary["email"] == "ouder@example.nl"
        [message] = session.scalars(select(CaseMessage).where(CaseMessage.case_id == case.id))
        assert message.text == "U kunt mij bellen op [telefoonnummer verwijderd] of [telefoonnummer verwijderd]"
        stored = " ".join(session.scalars(select(ChatMessage.text)))
        [audited] = session.scalars(select(AuditEntry).where(AuditEntry.action == "contact_added"))
    assert "12345678" not in stored and "470" not in stored
    assert audited.details == {"count": 2} and "12345678" not in json.dumps(audited.details)

    client.post("/api/chat", json={"sender_id": "web-c4", "message": "nogmaals: 06-12345678"})
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == info.case_id))
        assert case.summary["contact_from_chat"] == ["06-12345678", "+32 470 12 34 56"]  # not twice
