"""While a case is open the bot is silent: messages go to the officer, replies come back via the messages endpoint."""

from __future__ import annotations

from sqlalchemy import select

from assistant.cases import chat_handoff, service
from assistant.cases.auth import Principal
from assistant.cases.models import Case, CaseMessage, User
from assistant.db.models import ChatMessage
from assistant.db.session import session_scope
from tests.cases.helpers import make_user
from tests.conftest import case_opened_reply


def chat(client, sender, message):
    response = client.post("/api/chat", json={"sender_id": sender, "message": message})
    assert response.status_code == 200, response.text
    return response.json()


def officer_action(reference, action, *args):
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == reference))
        officer = Principal.of(session.scalar(select(User)))
        action(session, case, officer, *args)


def test_bot_is_silent_while_a_case_is_open_and_answers_again_after_hand_back(client, fake_rasa):
    make_user("jan@hengelo.nl")
    assert chat(client, "web-1", "Ik wil een mens spreken")["handoff"] is None
    info = chat_handoff.create_from_conversation("web-1", "user_request", {"town": "Borne"}, {"text": "-"})
    assert len(fake_rasa.received) == 1

    first = chat(client, "web-1", "Mijn mail is ouder@example.nl en mijn BSN is 111222333")
    assert len(fake_rasa.received) == 1  # Rasa received nothing
    assert first["handoff"]["case_id"] == info.case_id and first["handoff"]["status"] == "queued"
    assert first["handoff"]["queue_position"] == 1 and first["handoff"]["expected_response"]
    assert [m["text"] for m in first["messages"]][-1].startswith("Uw bericht is doorgestuurd")
    assert first["intent"] is None
    second = chat(client, "web-1", "Hallo?")
    assert second["messages"] == [] and second["handoff"]["case_id"] == info.case_id

    with session_scope() as session:
        texts = [m.text for m in session.scalars(select(CaseMessage).order_by(CaseMessage.id))]
        transcript = [m.text for m in session.scalars(select(ChatMessage).where(ChatMessage.author == "user"))]
    assert texts[0] == "Mijn mail is [e-mailadres verwijderd] en mijn BSN is [BSN verwijderd]"  # redacted
    assert transcript[-2:] == texts

    officer_action(info.case_id, service.take)
    officer_action(info.case_id, service.reply, "Goedemiddag, ik ben Jan van leerplicht.")
    response = client.get("/api/chat/web-1/messages", params={"after": 0})
    assert response.status_code == 200
    body = response.json()
    assert [m["author"] for m in body["messages"]] == ["system", "officer"]
    assert body["messages"][1]["text"] == "Goedemiddag, ik ben Jan van leerplicht."
    assert body["handoff"]["status"] == "waiting_for_user" and body["handoff"]["queue_position"] is None
    last = body["messages"][-1]["id"]
    assert client.get(f"/api/chat/web-1/messages?after={last}").json()["messages"] == []

    reply = chat(client, "web-1", "Dank u")
    assert reply["handoff"]["status"] == "assigned" and len(fake_rasa.received) == 1

    officer_action(info.case_id, service.hand_back)
    after = client.get(f"/api/chat/web-1/messages?after={last}").json()
    assert after["messages"][0]["author"] == "system" and after["handoff"]["status"] == "handed_back"
    again = chat(client, "web-1", "Nog een vraag over verlof")
    assert again["handoff"] is None and again["messages"][0]["text"] == "Antwoord op: Nog een vraag over verlof"
    assert len(fake_rasa.received) == 2


def test_a_case_opened_by_a_rasa_action_shows_up_in_the_same_answer(client, fake_rasa):
    def reply(body):
        info = chat_handoff.create_from_conversation(
            body["sender"], "safety_signal", {"town": "Enschede"}, {"text": "Signaal"}
        )
        return case_opened_reply(info, "Ik geef uw vraag door aan een leerplichtambtenaar.")

    fake_rasa.reply = reply
    body = chat(client, "web-2", "Er is thuis iets ergs aan de hand")
    assert body["messages"][0]["text"].startswith("Ik geef uw vraag door")
    assert body["handoff"]["status"] == "queued" and "0800-2000" in body["handoff"]["expected_response"]


def test_messages_endpoint_for_unknown_senders_and_bad_input(client):
    response = client.get("/api/chat/never-seen/messages")
    assert response.status_code == 200 and response.json() == {"messages": [], "handoff": None}
    assert client.get("/api/chat/web-1/messages?after=-1").status_code == 422
    assert client.get("/api/chat/web-1/messages?after=abc").status_code == 422
    bad = client.get("/api/chat/bad%20id/messages")
    assert bad.status_code == 422 and "detail" in bad.json()
