"""The review queue: questions the assistant did not understand (or that got 👎), labelled by officers, exported as
Rasa NLU data that `rasa data validate` accepts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from assistant import cli
from assistant.cases.models import AuditEntry
from assistant.db.session import session_scope
from assistant.insight import review
from assistant.insight.models import ReviewLabel
from tests.http.routes.conftest import form_token
from tests.insight.conftest import answer, menu, not_understood

ROOT = Path(__file__).resolve().parents[2]
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"


@pytest.fixture
def queue(client, chat, accounts):
    """Three items for Hengelo's team (fallback, menu, 👎 with a comment), one answered well, one from Enschede."""
    chat("web-1", "Wij wonen in Hengelo. Mijn kind wil naar de kinderboerderij tijdens schooltijd", not_understood())
    chat("web-1", "kinderboerderij vrij?", menu())
    rated = chat("web-1", "Mag ik een week eerder op vakantie?", answer("verlof_vakantie"))["messages"][0]["id"]
    client.post(
        "/api/chat/feedback",
        json={
            "sender_id": "web-1",
            "message_id": rated,
            "rating": "down",
            "comment": "Ik bedoelde voor mijn werk, mail ouder@example.nl",
        },
    )
    good = chat("web-1", "Wanneer begint de leerplicht?", answer("leerplicht_leeftijd"))["messages"][0]["id"]
    client.post("/api/chat/feedback", json={"sender_id": "web-1", "message_id": good, "rating": "up"})
    chat("web-2", "Wij wonen in Enschede, wat is een thuiszitterstafel eigenlijk", not_understood())


def test_the_queue_shows_not_understood_and_thumbs_down_redacted_without_identity(client, queue, sign_in):
    sign_in("hengelo@leerplicht.nl")
    body = client.get("/api/backoffice/review").json()
    items = body["items"]
    assert [(i["reason"], i["question"]) for i in items] == [
        ("down", "Mag ik een week eerder op vakantie?"),
        ("menu", "kinderboerderij vrij?"),
        ("fallback", "Wij wonen in Hengelo. Mijn kind wil naar de kinderboerderij tijdens schooltijd"),
    ]
    assert items[0]["answer"] == "Het antwoord." and items[0]["topic"] == "verlof_vakantie"
    assert items[0]["comments"] == ["Ik bedoelde voor mijn werk, mail [e-mailadres verwijderd]"]
    assert items[2]["answer"] == "Sorry, ik begrijp uw vraag nog steeds niet goed."
    assert not any(key in items[0] for key in ("sender_id", "conversation_id", "user_message_id"))
    assert {"intent": "ask_verlof_vakantie", "label": "Op vakantie buiten de schoolvakanties"} in body["intents"]
    sign_in("enschede@leerplicht.nl")
    assert [i["question"] for i in client.get("/api/backoffice/review").json()["items"]] == [
        "Wij wonen in Enschede, wat is een thuiszitterstafel eigenlijk"
    ]
    sign_in("admin@leerplicht.nl")
    assert len(client.get("/api/backoffice/review").json()["items"]) == 4


def test_labelling_through_the_page_keeps_a_redacted_one_line_example(client, queue, sign_in, accounts):
    sign_in("hengelo@leerplicht.nl")
    page = client.get("/backoffice/review")
    assert page.status_code == 200 and "kinderboerderij vrij?" in page.text
    item = client.get("/api/backoffice/review").json()["items"][2]
    response = client.post(
        f"/backoffice/review/{item['turn_id']}",
        data={
            "csrf_token": form_token(page.text),
            "status": "labelled",
            "intent": "ask_luxe_verzuim",
            "text": "Mag mijn kind [tijdens] schooltijd\n naar de kinderboerderij? Bel 0612345678",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/backoffice/review?done=labelled"
    assert "Het onderwerp is opgeslagen" in client.get(response.headers["location"]).text
    with session_scope() as session:
        label = session.scalar(select(ReviewLabel))
        assert (label.status, label.intent, label.language, label.officer_id) == (
            "labelled",
            "ask_luxe_verzuim",
            "nl",
            accounts["hengelo"],
        )
        assert label.text == "Mag mijn kind tijdens schooltijd naar de kinderboerderij? Bel telefoonnummer verwijderd"
        audit = session.scalar(select(AuditEntry).where(AuditEntry.action == "review_labelled"))
        assert audit.details == {"status": "labelled", "intent": "ask_luxe_verzuim", "language": "nl"}
    remaining = [i["turn_id"] for i in client.get("/api/backoffice/review").json()["items"]]
    assert item["turn_id"] not in remaining and len(remaining) == 2


def test_new_topic_and_dismiss_through_the_api(client, queue, sign_in):
    csrf = sign_in("hengelo@leerplicht.nl")
    first, second, _third = client.get("/api/backoffice/review").json()["items"]
    headers = {"X-CSRF-Token": csrf}
    assert client.post(
        f"/api/backoffice/review/{first['turn_id']}", json={"status": "new_topic"}, headers=headers
    ).json() == {"turn_id": first["turn_id"], "status": "new_topic"}
    assert (
        client.post(
            f"/api/backoffice/review/{second['turn_id']}", json={"status": "dismissed"}, headers=headers
        ).status_code
        == 200
    )
    decided = client.get("/api/backoffice/review").json()["decided"]
    assert [(d["status"], d["text"]) for d in decided] == [("new_topic", "Mag ik een week eerder op vakantie?")]


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"status": "labelled", "intent": "ask_niet_bestaand"}, 422, "Kies een onderwerp uit de lijst."),
        ({"status": "labelled", "intent": "affirm"}, 422, "Kies een onderwerp uit de lijst."),
        ({"status": "labelled", "intent": "ask_ziekte", "text": "[]{}"}, 422, "De voorbeeldvraag is leeg."),
        ({"status": "weg"}, 422, "Het veld 'status' is niet geldig"),
    ],
)
def test_a_wrong_label_is_refused_with_a_reason(client, queue, sign_in, body, status, detail):
    csrf = sign_in("hengelo@leerplicht.nl")
    turn_id = client.get("/api/backoffice/review").json()["items"][0]["turn_id"]
    response = client.post(f"/api/backoffice/review/{turn_id}", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == status
    assert response.json()["detail"].startswith(detail)


def test_items_outside_the_queue_or_scope_are_404_and_csrf_is_required(client, queue, sign_in):
    csrf = sign_in("enschede@leerplicht.nl")
    enschede_item = client.get("/api/backoffice/review").json()["items"][0]["turn_id"]
    csrf = sign_in("hengelo@leerplicht.nl")
    body = {"status": "dismissed"}
    assert (
        client.post(f"/api/backoffice/review/{enschede_item}", json=body, headers={"X-CSRF-Token": csrf}).status_code
        == 404
    )
    assert client.post("/api/backoffice/review/999999", json=body, headers={"X-CSRF-Token": csrf}).status_code == 404
    own = client.get("/api/backoffice/review").json()["items"][0]["turn_id"]
    assert client.post(f"/api/backoffice/review/{own}", json=body).status_code == 403
    assert client.post(f"/api/backoffice/review/{own}", json=body, headers={"X-CSRF-Token": csrf}).status_code == 200
    assert client.post(f"/api/backoffice/review/{own}", json=body, headers={"X-CSRF-Token": csrf}).status_code == 404
    page = client.get("/backoffice/review")
    refused = client.post(f"/backoffice/review/{own}", data={"status": "dismissed", "csrf_token": "wrong"})
    assert refused.status_code == 403 and page.status_code == 200


def label_all(client, sign_in, labels: list[tuple[str, str]]) -> None:
    csrf = sign_in("admin@leerplicht.nl")
    items = client.get("/api/backoffice/review").json()["items"]
    for item, (intent, text) in zip(items, labels, strict=False):
        response = client.post(
            f"/api/backoffice/review/{item['turn_id']}",
            headers={"X-CSRF-Token": csrf},
            json={"status": "labelled", "intent": intent, "text": text},
        )
        assert response.status_code == 200, response.text


def test_export_writes_one_file_per_language_and_skips_known_examples(client, chat, accounts, sign_in, tmp_path):
    chat("web-en", "can my kid skip school for the petting zoo", not_understood(), language="en")
    chat("web-nl", "hallo", not_understood())
    chat("web-nl2", "mag mijn kind naar de kinderboerderij onder schooltijd", not_understood())
    label_all(
        client,
        sign_in,
        [
            ("ask_luxe_verzuim", "mag mijn kind naar de kinderboerderij onder schooltijd"),
            ("greet", "hallo"),  # already in nlu_data/nl/core.yml
            ("ask_luxe_verzuim", "can my kid skip school for the petting zoo"),
        ],
    )
    with session_scope() as session:
        result = review.export_reviewed(session, tmp_path)
    assert result.examples == {"nl": 1, "en": 1} and result.skipped == 1
    dutch = yaml.safe_load((tmp_path / "nl" / "reviewed.yml").read_text(encoding="utf-8"))
    assert dutch["version"] == "3.1"
    assert dutch["nlu"] == [
        {"intent": "ask_luxe_verzuim", "examples": "- mag mijn kind naar de kinderboerderij onder schooltijd\n"}
    ]
    english = yaml.safe_load((tmp_path / "en" / "reviewed.yml").read_text(encoding="utf-8"))
    assert english["nlu"][0]["examples"] == "- can my kid skip school for the petting zoo\n"
    before = (tmp_path / "nl" / "reviewed.yml").read_text(encoding="utf-8")
    assert cli.main(["nlu", "export-reviewed", "--out", str(tmp_path), "--language", "nl"]) == 0
    assert (tmp_path / "nl" / "reviewed.yml").read_text(encoding="utf-8") == before  # idempotent
    assert cli.main(["nlu", "export-reviewed", "--out", str(tmp_path), "--language", "xx"]) == 2


@pytest.mark.skipif(not RASA.exists(), reason="Rasa's environment (.venv-rasa) is not set up (make setup)")
def test_a_labelled_example_round_trips_into_valid_training_data(client, chat, accounts, sign_in, tmp_path):
    chat(
        "web-rt", "Mijn dochter wil mee naar een schaaktoernooi in Spanje, krijgt zij daar vrij voor?", not_understood()
    )
    chat("web-rt2", "wat als mijn zoon (15) liever werkt dan naar school gaat {serieus}", menu())
    label_all(
        client,
        sign_in,
        [
            ("ask_kwalificatieplicht", "wat als mijn zoon (15) liever werkt dan naar school gaat {serieus}"),
            ("ask_verlof_gewichtige_omstandigheden", ""),
        ],
    )  # empty: the question itself
    with session_scope() as session:
        result = review.export_reviewed(session, tmp_path)
    exported = tmp_path / "nl" / "reviewed.yml"
    assert result.examples == {"nl": 2}
    completed = subprocess.run(
        [
            str(RASA),
            "data",
            "validate",
            "--config",
            "config.yml",
            "--domain",
            "domain",
            "--data",
            "nlu_data",
            "dialogue",
            str(exported),
            "--fail-on-warnings",
            "--quiet",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={
            "PATH": "/usr/bin:/bin",
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "HOME": str(tmp_path),
        },
    )
    assert completed.returncode == 0, (completed.stdout + completed.stderr)[-3000:]
    examples = yaml.safe_load(exported.read_text(encoding="utf-8"))["nlu"]
    assert {block["intent"] for block in examples} == {"ask_kwalificatieplicht", "ask_verlof_gewichtige_omstandigheden"}
    assert "- wat als mijn zoon 15 liever werkt dan naar school gaat serieus\n" in [b["examples"] for b in examples]
