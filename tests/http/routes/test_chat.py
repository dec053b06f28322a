"""The chat API contract: answers, citations, stored turns, and every kind of bad input as a 4xx with a reason."""

from __future__ import annotations

from sqlalchemy import select

from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope


def post(client, body, **kwargs):
    return client.post("/api/chat", json=body, **kwargs)


def test_answer_has_messages_citations_intent_and_language(client, fake_rasa):
    response = post(client, {"sender_id": "web-1", "message": "Mag ik op vakantie buiten de schoolvakantie?"})
    assert response.status_code == 200
    body = response.json()
    assert body["sender_id"] == "web-1"
    assert body["language"] == "nl"
    assert body["handoff"] is None
    assert body["intent"] == {"name": "ask_verlof_vakantie", "confidence": 0.93}
    [message] = body["messages"]
    assert message["text"].startswith("Antwoord op: Mag ik op vakantie")
    assert message["citations"] == [
        {
            "ref": "Leerplichtwet 1969, artikel 13a",
            "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a",
        }
    ]
    assert fake_rasa.received[0] == {
        "sender": "web-1",
        "message": "Mag ik op vakantie buiten de schoolvakantie?",
        "metadata": {"language": "nl"},
    }


def test_both_turns_are_stored_with_intent(client):
    post(client, {"sender_id": "web-2", "message": "  Hallo  "})
    with session_scope() as session:
        conversation = session.scalar(select(Conversation).where(Conversation.sender_id == "web-2"))
        messages = session.scalars(select(ChatMessage).order_by(ChatMessage.id)).all()
        assert conversation.language == "nl"
        assert [(m.author, m.text) for m in messages] == [("user", "Hallo"), ("bot", "Antwoord op: Hallo")]
        assert messages[0].intent == "ask_verlof_vakantie"


def test_language_given_wins_and_is_remembered(client, fake_rasa):
    assert post(client, {"sender_id": "web-3", "message": "Hello", "language": "en"}).json()["language"] == "en"
    assert post(client, {"sender_id": "web-3", "message": "10"}).json()["language"] == "en"
    assert fake_rasa.received[1]["metadata"] == {"language": "en"}


def test_buttons_and_separate_custom_payload_are_mapped(client, fake_rasa):
    fake_rasa.reply = lambda body: {
        "messages": [
            {"text": "Kies een onderwerp", "buttons": [{"title": "Verlof", "payload": "/ask_verlof_vakantie"}]},
            {"custom": {"text": "Extra", "citations": [{"ref": "Algemene wet bestuursrecht, artikel 6:7"}]}},
        ],
        "intent": None,
    }
    body = post(client, {"sender_id": "web-4", "message": "help"}).json()
    assert body["intent"] is None
    assert body["messages"][0]["buttons"] == [{"title": "Verlof", "payload": "/ask_verlof_vakantie"}]
    assert body["messages"][0]["id"] + 1 == body["messages"][1]["id"]  # stored in order, each with its id
    assert body["messages"][1] == {
        "id": body["messages"][1]["id"],
        "text": "Extra",
        "buttons": [],
        "headline": False,
        "citations": [{"ref": "Algemene wet bestuursrecht, artikel 6:7", "url": None}],
        "details": None,
        "topic": None,
    }


def test_the_details_of_an_answer_pass_through_and_are_null_when_empty(client, fake_rasa):
    fake_rasa.reply = lambda body: {
        "messages": [
            {
                "text": "Nee, dat kan niet.",
                "custom": {
                    "details": "Wat kunt u doen?\n• Vraag het aan.",
                    "topic": "luxe_verzuim",
                    "situation": {"topic": "luxe_verzuim"},
                },
            },
            {"text": "Nog iets?", "custom": {"details": "  "}},
        ],
        "intent": None,
    }
    body = post(client, {"sender_id": "web-4d", "message": "drie weken vrij?"}).json()
    assert body["messages"][0]["details"] == "Wat kunt u doen?\n• Vraag het aan."
    assert "situation" not in body["messages"][0]  # the facts stay between Rasa and the actions
    assert body["messages"][1]["details"] is None
    assert body["messages"][0]["topic"] == "luxe_verzuim"  # the topic answered, whatever the intent was
    assert body["messages"][1]["topic"] is None
    schema = client.get("/openapi.json").json()["components"]["schemas"]["BotMessage"]["properties"]
    assert "Meer uitleg" in schema["details"]["description"]


def test_markup_is_stored_as_typed_and_rasa_reads_the_words(client, fake_rasa):
    text = "<script>alert(1)</script> 😀 mag ik op <b>vakantie</b> op 30 februari?"
    assert post(client, {"sender_id": "web-5", "message": text}).status_code == 200
    assert fake_rasa.received[0]["message"] == "😀 mag ik op vakantie op 30 februari?"
    with session_scope() as session:
        assert session.scalars(select(ChatMessage.text).where(ChatMessage.author == "user")).all() == [text]


def test_a_message_of_markup_only_is_refused_with_a_reason(client, fake_rasa):
    response = post(client, {"sender_id": "web-5b", "message": "<script>alert(1)</script><img src=x>"})
    assert response.status_code == 422
    assert "gewone woorden" in response.json()["detail"]
    assert fake_rasa.received == []


def test_empty_and_whitespace_messages_are_refused_in_dutch(client, fake_rasa):
    for message in ("", "   \n\t "):
        response = post(client, {"sender_id": "web-6", "message": message})
        assert response.status_code == 422
        assert "leeg" in response.json()["detail"]
    assert fake_rasa.received == []


def test_too_long_message_is_refused_with_the_limit(client, fake_rasa):
    response = post(client, {"sender_id": "web-7", "message": "a" * 2001})
    assert response.status_code == 422
    assert "2000" in response.json()["detail"]
    assert post(client, {"sender_id": "web-7", "message": "a" * 2000}).status_code == 200


def test_five_thousand_characters_are_refused_not_crashed(client):
    response = post(client, {"sender_id": "web-8", "message": "x" * 5000})
    assert response.status_code == 422
    assert "te lang" in response.json()["detail"]


def test_invisible_characters_are_removed_before_anything_else(client, fake_rasa):
    # control characters, a right-to-left override (U+202E), zero-width space and joiner, byte-order mark
    text = "hal\x00lo\x07 \u202eik\u200b wil\u200d verlof\ufeff"
    assert post(client, {"sender_id": "web-9", "message": text}).status_code == 200
    assert fake_rasa.received[0]["message"] == "hallo ik wil verlof"
    with session_scope() as session:
        assert session.scalars(select(ChatMessage.text).where(ChatMessage.author == "user")).all() == [
            "hallo ik wil verlof"
        ]


def test_a_message_of_only_invisible_characters_is_empty(client, fake_rasa):
    response = post(client, {"sender_id": "web-9b", "message": "\u200b\u202e\u2066\x00 \ufeff"})
    assert response.status_code == 422 and "leeg" in response.json()["detail"]
    assert fake_rasa.received == []


def test_the_length_limit_counts_the_normalised_text(client, fake_rasa):
    # 2000 zero-width spaces around one word are not 2000 characters of text ...
    padded = "\u200b" * 3000 + "vakantie"
    assert post(client, {"sender_id": "web-9c", "message": padded}).status_code == 200
    assert fake_rasa.received[-1]["message"] == "vakantie"
    # ... and 200 ligatures that NFKC-normalisation spells out (U+FDFA: 18 letters each) are 3600
    expanding = "\ufdfa" * 200
    response = post(client, {"sender_id": "web-9c", "message": expanding})
    assert response.status_code == 422 and "2000" in response.json()["detail"]
    # full-width letters and digits become plain ones
    assert post(client, {"sender_id": "web-9c", "message": "ｖａｋａｎｔｉｅ １０ dagen"}).status_code == 200
    assert fake_rasa.received[-1]["message"] == "vakantie 10 dagen"


def test_malformed_json_is_a_400_with_a_reason(client):
    response = client.post(
        "/api/chat", content=b'{"sender_id": "x", "message": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


def test_wrong_content_type_is_415(client):
    response = client.post(
        "/api/chat", content=b"sender_id=x&message=hoi", headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 415
    assert "application/json" in response.json()["detail"]


def test_missing_field_is_named(client):
    response = post(client, {"sender_id": "web-10"})
    assert response.status_code == 422
    assert response.json()["detail"] == "Het veld 'message' ontbreekt."


def test_non_object_body_and_unknown_fields(client):
    assert post(client, ["hoi"]).status_code == 422
    response = post(client, {"sender_id": "a", "message": "hoi", "extra": 1})
    assert response.status_code == 422
    assert "extra" in response.json()["detail"]


def test_bad_sender_id_is_refused(client):
    response = post(client, {"sender_id": "a b/../", "message": "hoi"})
    assert response.status_code == 422
    assert "sender_id" in response.json()["detail"]


def test_error_in_english_when_the_request_is_english(client):
    response = post(client, {"sender_id": "web-11", "message": " ", "language": "en"})
    assert response.status_code == 422
    assert "empty" in response.json()["detail"].lower()


def test_unsupported_language_code_is_refused(client):
    response = post(client, {"sender_id": "web-12", "message": "hoi", "language": "xx"})
    assert response.status_code == 422
    assert "nl, en, ar, uk, tr, pl" in response.json()["detail"]


def test_oversized_body_is_413(client):
    response = client.post(
        "/api/chat",
        content=b'{"sender_id":"a","message":"' + b"a" * 70_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert "te groot" in response.json()["detail"]


def test_rasa_down_gives_503_friendly_and_keeps_the_message(client, fake_rasa):
    fake_rasa.down = True
    response = post(client, {"sender_id": "web-13", "message": "Is er iemand?"})
    assert response.status_code == 503
    assert response.headers["retry-after"] == "30"
    assert "bewaard" in response.json()["detail"]
    with session_scope() as session:
        texts = session.scalars(select(ChatMessage.text)).all()
    assert texts == ["Is er iemand?"]


def test_request_id_is_echoed(client):
    response = post(client, {"sender_id": "web-14", "message": "hoi"}, headers={"X-Request-ID": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"
    assert len(post(client, {"sender_id": "web-14", "message": "hoi"}).headers["x-request-id"]) == 32


def test_unknown_path_is_a_dutch_404(client):
    response = client.get("/api/bestaat-niet")
    assert response.status_code == 404
    assert response.json()["detail"] == "Deze pagina of dit adres bestaat niet."


def test_bsn_is_redacted_before_storage_and_rasa_and_the_user_is_told_once(client, fake_rasa):
    first = post(client, {"sender_id": "web-15", "message": "Mijn BSN is 1112.22.333, wat nu?"}).json()
    assert fake_rasa.received[0]["message"] == "Mijn BSN is [BSN verwijderd], wat nu?"
    assert "BSN" in first["messages"][0]["text"] and "nooit" in first["messages"][0]["text"]
    second = post(client, {"sender_id": "web-15", "message": "nogmaals 111222333"}).json()
    assert all("nooit" not in message["text"] for message in second["messages"])
    with session_scope() as session:
        stored = " ".join(session.scalars(select(ChatMessage.text)).all())
    assert "111222333" not in stored and "1112.22.333" not in stored


def test_email_is_kept_only_when_the_form_asks_for_it(client, fake_rasa):
    fake_rasa.reply = lambda body: {
        "messages": [{"text": "Wat is uw e-mailadres?"}],
        "intent": None,
        "slots": {"requested_slot": "email"},
    }
    post(client, {"sender_id": "web-16", "message": "ik wil verlof aanvragen, mail: ouder@example.nl"})
    post(client, {"sender_id": "web-16", "message": "ouder@example.nl"})
    assert fake_rasa.received[0]["message"].endswith("[e-mailadres verwijderd]")
    assert fake_rasa.received[1]["message"] == "ouder@example.nl"


def test_language_is_detected_and_kept_for_short_messages(client, fake_rasa):
    body = post(client, {"sender_id": "web-17", "message": "Hello, can my child skip school for a wedding?"}).json()
    assert body["language"] == "en"
    assert post(client, {"sender_id": "web-17", "message": "ok"}).json()["language"] == "en"
    assert [m["metadata"] for m in fake_rasa.received] == [{"language": "en"}, {"language": "en"}]


def test_explicit_switch_is_confirmed_without_asking_rasa(client, fake_rasa):
    body = post(client, {"sender_id": "web-18", "message": "English please"}).json()
    assert body["language"] == "en"
    assert fake_rasa.received == []
    assert body["messages"][0]["text"]


def test_unsupported_language_gets_dutch_and_english_list(client, fake_rasa):
    german = "Wie viele Urlaubstage bekommt mein Kind für eine Hochzeit?"
    body = post(client, {"sender_id": "web-19", "message": german}).json()
    assert fake_rasa.received == []
    text = body["messages"][0]["text"]
    assert "Nederlands" in text and "English" in text


def test_button_payloads_keep_the_conversation_language(client, fake_rasa):
    post(client, {"sender_id": "web-20", "message": "Hello, can my child skip school for a wedding?"})
    assert post(client, {"sender_id": "web-20", "message": "/ask_bezwaar"}).json()["language"] == "en"
