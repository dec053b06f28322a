"""Feedback from the chat: ids on bot messages, 👍/👎 with a redacted comment, the satisfaction score, the parent's
transcript download, rate limits, and what happens to all of it when the conversation is purged or erased."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from assistant.db.base import utcnow
from assistant.db.models import ChatMessage
from assistant.db.session import session_scope
from assistant.insight.models import InsightTurn, MessageFeedback, SatisfactionScore
from assistant.privacy import erasure, retention
from tests.insight.conftest import answer


def rate(client, **body):
    return client.post("/api/chat/feedback", json=body)


def test_every_bot_message_has_the_id_it_is_stored_under(chat):
    reply = {
        "messages": [{"text": "Eerste deel."}, {"text": "Tweede deel.", "custom": {"topic": "ziekte"}}],
        "intent": {"name": "ask_ziekte", "confidence": 0.9},
    }
    body = chat("web-ids", "Mijn kind is ziek", reply)
    ids = [message["id"] for message in body["messages"]]
    with session_scope() as session:
        stored = session.execute(
            select(ChatMessage.id, ChatMessage.text).where(ChatMessage.author == "bot").order_by(ChatMessage.id)
        ).all()
    assert [(i, t) for i, t in stored] == list(zip(ids, ["Eerste deel.", "Tweede deel."], strict=True))


def test_thumbs_down_with_a_comment_is_stored_redacted_and_counted_for_the_topic(client, chat):
    message_id = chat("web-fb", "Mag ik op vakantie?", answer("verlof_vakantie"))["messages"][0]["id"]
    response = rate(
        client,
        sender_id="web-fb",
        message_id=message_id,
        rating="down",
        comment="Klopt niet voor mij, mail me op ouder@example.nl of bel 0612345678",
    )
    assert response.status_code == 200
    assert response.json() == {"message_id": message_id, "rating": "down", "comment_saved": True}
    with session_scope() as session:
        feedback = session.scalar(select(MessageFeedback))
        turn = session.get(InsightTurn, feedback.turn_id)
        assert feedback.rating == "down"
        assert (
            feedback.comment == "Klopt niet voor mij, mail me op [e-mailadres verwijderd] of bel "
            "[telefoonnummer verwijderd]"
        )
        assert (turn.topic, turn.feedback_up, turn.feedback_down) == ("verlof_vakantie", 0, 1)


def test_a_rating_can_be_changed_and_a_thumbs_up_keeps_no_comment(client, chat):
    message_id = chat("web-change", "Vraag", answer("ziekte"))["messages"][0]["id"]
    assert (
        rate(client, sender_id="web-change", message_id=message_id, rating="down", comment="mist iets").json()[
            "comment_saved"
        ]
        is True
    )
    changed = rate(client, sender_id="web-change", message_id=message_id, rating="up", comment="toch goed")
    assert changed.json() == {"message_id": message_id, "rating": "up", "comment_saved": False}
    with session_scope() as session:
        [feedback] = session.scalars(select(MessageFeedback)).all()
        turn = session.get(InsightTurn, feedback.turn_id)
        assert (feedback.rating, feedback.comment) == ("up", None)
        assert (turn.feedback_up, turn.feedback_down) == (1, 0)


def test_someone_elses_message_an_unknown_id_or_a_user_message_is_404(client, chat):
    message_id = chat("web-owner", "Vraag", answer("ziekte"))["messages"][0]["id"]
    for sender, target in (("web-other", message_id), ("web-owner", message_id + 1000), ("web-owner", message_id - 1)):
        response = rate(client, sender_id=sender, message_id=target, rating="up")
        assert response.status_code == 404, (sender, target)
        assert response.json() == {"detail": "Dit bericht bestaat niet of hoort niet bij dit gesprek."}
    english = rate(client, sender_id="web-other", message_id=message_id, rating="up", language="en")
    assert english.status_code == 404 and "detail" in english.json()
    with session_scope() as session:
        assert session.scalars(select(MessageFeedback)).all() == []


@pytest.mark.parametrize(
    "body",
    [
        {"rating": "meh"},
        {"rating": 1},
        {"rating": None},
        {"message_id": 0},
        {"message_id": "abc"},
        {"comment": "x" * 501, "rating": "down"},
        {"extra": "field"},
    ],
)
def test_anything_but_up_or_down_is_refused_with_a_reason(client, chat, body):
    message_id = chat("web-bad", "Vraag", answer("ziekte"))["messages"][0]["id"]
    response = rate(client, **{"sender_id": "web-bad", "message_id": message_id, "rating": "up", **body})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Het veld")


def test_control_characters_in_a_comment_are_removed_as_in_every_chat_message(client, chat):
    message_id = chat("web-ctrl", "Vraag", answer("ziekte"))["messages"][0]["id"]
    response = rate(client, sender_id="web-ctrl", message_id=message_id, rating="down", comment="fout\x00\u200b")
    assert response.status_code == 200 and response.json()["comment_saved"] is True


def test_satisfaction_score_is_stored_once_per_conversation_and_can_change(client, chat):
    chat(
        "web-score",
        "Dank je wel",
        {"messages": [{"text": "Graag gedaan!"}], "intent": {"name": "thank", "confidence": 0.99}},
    )
    assert client.post("/api/chat/satisfaction", json={"sender_id": "web-score", "score": 2}).json() == {"score": 2}
    assert client.post("/api/chat/satisfaction", json={"sender_id": "web-score", "score": 5}).status_code == 200
    with session_scope() as session:
        [score] = session.scalars(select(SatisfactionScore)).all()
        assert (score.score, score.language) == (5, "nl")
    assert client.post("/api/chat/satisfaction", json={"sender_id": "web-nobody", "score": 3}).status_code == 404
    for bad in (0, 6, "vijf"):
        assert client.post("/api/chat/satisfaction", json={"sender_id": "web-score", "score": bad}).status_code == 422


def test_feedback_floods_are_rate_limited_like_chat(monkeypatch, configured, fake_rasa):
    from fastapi.testclient import TestClient

    from assistant.app import create_app

    monkeypatch.setattr(configured, "chat_rate_limit_per_conversation", "3/minute")
    with TestClient(create_app(configured, rasa_transport=fake_rasa.transport)) as client:
        message_id = client.post("/api/chat", json={"sender_id": "web-flood", "message": "hoi"}).json()["messages"][0][
            "id"
        ]
        codes = [rate(client, sender_id="web-flood", message_id=message_id, rating="up").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = rate(client, sender_id="web-flood", message_id=message_id, rating="up")
        assert int(limited.headers["Retry-After"]) >= 1
        assert "erg druk" in limited.json()["detail"]  # the 429 text does not blame the user


def test_transcript_download_in_the_users_language_with_the_sources(client, chat):
    chat("web-dl", "Mijn BSN is 111222333. Mag mijn zoon een week eerder op vakantie?", answer("verlof_vakantie"))
    response = client.get("/api/chat/web-dl/transcript")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["content-disposition"].startswith('attachment; filename="leerplicht-assistent-')
    assert response.headers["cache-control"] == "no-store"
    text = response.text
    assert text.startswith("Uw gesprek met de Leerplicht-assistent\n")
    assert "[BSN verwijderd]. Mag mijn zoon een week eerder op vakantie?" in text and "111222333" not in text
    assert (
        "Bronnen:\n- Leerplichtwet 1969, artikel 13a (https://wetten.overheid.nl/BWBR0002628/2024-01-01"
        "#Artikel13a)" in text
    )
    assert "We bewaren het gesprek 28 dagen na uw laatste bericht." in text
    english = client.get("/api/chat/web-dl/transcript?language=en").text
    assert english.startswith("Your conversation with the Leerplicht-assistent\n")
    assert "Sources:\n- Leerplichtwet 1969, artikel 13a" in english
    assert client.get("/api/chat/web-none/transcript").status_code == 404
    assert client.get("/api/chat/web%20dl/transcript").status_code == 422


def test_purge_and_erasure_remove_comments_and_links_but_keep_the_counts(client, chat, configured):
    first = chat("web-old", "Vraag", answer("ziekte"))["messages"][0]["id"]
    rate(client, sender_id="web-old", message_id=first, rating="down", comment="helemaal fout")
    second = chat("web-erase", "Vraag", answer("bezwaar"))["messages"][0]["id"]
    rate(client, sender_id="web-erase", message_id=second, rating="down", comment="klopt niet")
    client.post("/api/chat/satisfaction", json={"sender_id": "web-erase", "score": 1})

    retention.purge(configured, now=utcnow() + timedelta(days=configured.chat_retention_days + 1, hours=1))
    with session_scope() as session:
        assert session.scalars(select(MessageFeedback)).all() == []
        turns = session.scalars(select(InsightTurn).order_by(InsightTurn.id)).all()
        assert [(t.topic, t.feedback_down, t.conversation_id, t.user_message_id) for t in turns] == [
            ("ziekte", 1, None, None),
            ("bezwaar", 1, None, None),
        ]
        [score] = session.scalars(select(SatisfactionScore)).all()
        assert (score.score, score.conversation_id) == (1, None)
    assert client.get("/api/chat/web-old/transcript").status_code == 404


def test_erasing_one_conversation_deletes_its_feedback_comment(client, chat):
    message_id = chat("web-forget", "Vraag", answer("ziekte"))["messages"][0]["id"]
    rate(client, sender_id="web-forget", message_id=message_id, rating="down", comment="mijn verhaal")
    erasure.erase(sender_id="web-forget")
    with session_scope() as session:
        assert session.scalars(select(MessageFeedback)).all() == []
        [turn] = session.scalars(select(InsightTurn)).all()
        assert (turn.feedback_down, turn.conversation_id, turn.user_message_id) == (1, None, None)
