"""Idempotent chat retries: a message sent again with the same `client_message_id` is stored once and answered once.

The chat page gives every message an id and reuses it when it retries (after a 503, a 429 or a lost connection).
"""

from __future__ import annotations

from sqlalchemy import select

from assistant.conversations import transcript
from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope


def say(client, sender_id: str, message: str, client_message_id: str | None = None, **extra):
    body = {"sender_id": sender_id, "message": message, **extra}
    if client_message_id is not None:
        body["client_message_id"] = client_message_id
    return client.post("/api/chat", json=body)


def turns(sender_id: str) -> list[tuple[str, str]]:
    with session_scope() as session:
        return [
            (m.author, m.text)
            for m in session.scalars(
                select(ChatMessage)
                .join(Conversation)
                .where(Conversation.sender_id == sender_id)
                .order_by(ChatMessage.id)
            )
        ]


def test_a_repeated_id_returns_the_answer_already_given(client, fake_rasa):
    first = say(client, "retry-1", "Mag mijn zoon een dag vrij?", "m-1")
    again = say(client, "retry-1", "Mag mijn zoon een dag vrij?", "m-1")
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert len(fake_rasa.received) == 1  # Rasa saw the message once
    assert turns("retry-1") == [
        ("user", "Mag mijn zoon een dag vrij?"),
        ("bot", "Antwoord op: Mag mijn zoon een dag vrij?"),
    ]


def test_a_new_id_is_a_new_message_and_no_id_keeps_the_old_behaviour(client, fake_rasa):
    say(client, "retry-2", "hallo", "m-1")
    say(client, "retry-2", "hallo", "m-2")
    say(client, "retry-2", "hallo")
    say(client, "retry-2", "hallo")
    assert len(fake_rasa.received) == 4
    assert [author for author, _text in turns("retry-2")] == ["user", "bot"] * 4


def test_ids_belong_to_their_conversation(client, fake_rasa):
    say(client, "retry-3a", "hallo", "m-1")
    say(client, "retry-3b", "goedemorgen", "m-1")
    assert [body["message"] for body in fake_rasa.received] == ["hallo", "goedemorgen"]
    assert turns("retry-3b") == [("user", "goedemorgen"), ("bot", "Antwoord op: goedemorgen")]


def test_retry_after_a_503_asks_rasa_again_without_storing_the_message_twice(app, client, fake_rasa):
    fake_rasa.down = True
    down = say(client, "retry-4", "Is er iemand?", "m-1")
    assert down.status_code == 503 and down.headers["retry-after"] == "30"
    assert turns("retry-4") == [("user", "Is er iemand?")]

    fake_rasa.down = False
    too_soon = say(client, "retry-4", "Is er iemand?", "m-1")  # while the first attempt may still be answered
    assert too_soon.status_code == 409 and too_soon.headers["retry-after"] == "2"
    assert "wordt nog beantwoord" in too_soon.json()["detail"]

    app.state.chat_service.answer_deadline_seconds = 0  # the first attempt's deadline has passed
    answered = say(client, "retry-4", "Is er iemand?", "m-1")
    assert answered.status_code == 200
    assert answered.json()["messages"][0]["text"] == "Antwoord op: Is er iemand?"
    assert turns("retry-4") == [("user", "Is er iemand?"), ("bot", "Antwoord op: Is er iemand?")]
    assert say(client, "retry-4", "Is er iemand?", "m-1").json() == answered.json()  # and now it is stored
    assert len(fake_rasa.received) == 1  # the first attempt never reached Rasa


def test_the_retry_sends_rasa_the_stored_redacted_text(app, client, fake_rasa):
    fake_rasa.down = True
    say(client, "retry-5", "Mijn BSN is 111222333, mag hij vrij?", "m-1")
    fake_rasa.down = False
    app.state.chat_service.answer_deadline_seconds = 0
    assert say(client, "retry-5", "Mijn BSN is 111222333, mag hij vrij?", "m-1").status_code == 200
    assert fake_rasa.received[-1]["message"] == "Mijn BSN is [BSN verwijderd], mag hij vrij?"


def test_two_attempts_racing_store_one_message(client, fake_rasa, monkeypatch):
    assert say(client, "retry-6", "hallo", "m-1").status_code == 200
    # The second attempt looked before the first one stored its message: the unique index refuses the second row.
    monkeypatch.setattr(transcript, "earlier_attempt", lambda *args: None)
    raced = say(client, "retry-6", "hallo", "m-1")
    assert raced.status_code == 409 and raced.headers["retry-after"] == "2"
    assert [author for author, _text in turns("retry-6")] == ["user", "bot"]


def test_a_retry_is_validated_like_any_message(client, fake_rasa):
    assert say(client, "retry-7", "hallo", "m-1").status_code == 200
    assert say(client, "retry-7", "   ", "m-1").status_code == 422
    assert say(client, "retry-7", "hallo", "m 1").status_code == 422  # not an id
    assert say(client, "retry-7", "hallo", "m-" + "x" * 63).status_code == 422  # 65 characters
