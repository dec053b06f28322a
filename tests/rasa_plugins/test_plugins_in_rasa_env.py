"""The Rasa plugins (rasa_plugins/) run inside Rasa's own environment (.venv-rasa): each check runs a small script
there and reports JSON back. Skipped, with the reason, when that environment has not been created (`make setup`)."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"

pytestmark = pytest.mark.skipif(not RASA_PYTHON.exists(), reason="Rasa's environment (.venv-rasa) is not set up")


def run_in_rasa_env(script: str, tmp_path: Path) -> dict:
    completed = subprocess.run(
        [str(RASA_PYTHON), "-c", textwrap.dedent(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        env={
            "PYTHONPATH": str(ROOT),
            "TMP_DIR": str(tmp_path),
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PATH": "/usr/bin:/bin",
        },
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_tracker_store_on_sqlite_uses_write_ahead_log_without_fsync_per_commit(tmp_path):
    result = run_in_rasa_env(
        """
        import json, os
        from rasa_plugins import sqlite_tuning
        sqlite_tuning.install()
        sqlite_tuning.install()  # idempotent
        from rasa.core.tracker_store import SQLTrackerStore
        from rasa.shared.core.domain import Domain
        from rasa.shared.core.trackers import DialogueStateTracker
        from rasa.shared.core.events import UserUttered
        store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=os.environ["TMP_DIR"] + "/tracker.db")
        with store.engine.connect() as connection:
            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
            synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar()
        import asyncio
        tracker = DialogueStateTracker.from_events("s1", [UserUttered("hallo")])
        asyncio.run(store.save(tracker))
        events = len(asyncio.run(store.retrieve("s1")).events)
        print(json.dumps({"mode": mode, "synchronous": synchronous, "events": events}))
    """,
        tmp_path,
    )
    assert result == {"mode": "wal", "synchronous": 1, "events": 1}  # 1 = NORMAL


def test_endpoint_calls_reuse_one_connection(tmp_path):
    result = run_in_rasa_env(
        """
        import asyncio, json
        from aiohttp import web
        from rasa_plugins import endpoint_sessions
        endpoint_sessions.install()
        from rasa.utils.endpoints import EndpointConfig

        async def main():
            peers, tokens = [], []
            async def handle(request):
                peers.append(request.transport.get_extra_info("peername")[1])
                tokens.append(request.query.get("token"))
                return web.json_response({"ok": True, "got": await request.json()})
            app = web.Application()
            app.router.add_post("/webhook", handle)
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]
            endpoint = EndpointConfig(url=f"http://127.0.0.1:{port}/webhook", token="secret")
            answers = [await endpoint.request(json={"n": n}) for n in range(3)]
            failed = None
            try:
                await EndpointConfig(url=f"http://127.0.0.1:{port}/missing").request(json={})
            except Exception as error:
                failed = type(error).__name__
            await endpoint_sessions.close_all()
            await runner.cleanup()
            return {"answers": answers, "connections": len(set(peers)), "tokens": tokens, "failed": failed}

        print(json.dumps(asyncio.run(main())))
    """,
        tmp_path,
    )
    assert result["answers"] == [{"ok": True, "got": {"n": n}} for n in range(3)]
    assert result["tokens"] == ["secret"] * 3
    assert result["connections"] == 1  # keep-alive: Rasa's own code opened one connection per call
    assert result["failed"] == "ClientResponseError"  # errors surface as before


def test_action_responses_are_checked_against_rasas_schema(tmp_path):
    result = run_in_rasa_env(
        """
        import json
        from rasa_plugins import action_validation
        action_validation.install()
        from rasa.core.actions.action import RemoteAction
        action = RemoteAction("action_x", None)
        ok = action._validate_action_result({"events": [{"event": "slot", "name": "a", "value": 1}], "responses": []})
        try:
            action._validate_action_result({"events": [{"event": 5}]})
            refused = None
        except action_validation.ValidationError as error:
            refused = "Failed to validate Action server response" in error.message
        print(json.dumps({"ok": ok, "refused": refused}))
    """,
        tmp_path,
    )
    assert result == {"ok": True, "refused": True}


def test_gateway_channel_keeps_each_message_whole_with_the_response_it_came_from(tmp_path):
    result = run_in_rasa_env(
        """
        import asyncio, json
        from rasa_plugins.gateway_channel import GatewayOutputChannel

        async def main():
            channel = GatewayOutputChannel()
            await channel.send_response("s1", {"text": "Sorry, ik begrijp het niet", "utter_action": "utter_default",
                                               "buttons": [], "custom": {}, "template_name": "utter_default"})
            await channel.send_response("s1", {"text": "Antwoord", "custom": {"topic": "ziekte"}})
            await channel.send_response("s1", {"utter_action": "utter_empty", "text": ""})
            return channel.messages

        print(json.dumps(asyncio.run(main())))
    """,
        tmp_path,
    )
    assert result == [
        {"recipient_id": "s1", "text": "Sorry, ik begrijp het niet", "utter_action": "utter_default"},
        {"recipient_id": "s1", "text": "Antwoord", "custom": {"topic": "ziekte"}},
    ]


def test_a_verlof_reference_makes_any_message_a_status_question(tmp_path):
    result = run_in_rasa_env(
        """
        import json
        from rasa.shared.nlu.training_data.message import Message
        from rasa_plugins.reference_intent import VerlofReferenceIntent
        component = VerlofReferenceIntent()
        texts = ["wat is de status van VL-3Q89FMZYSX?", "vl-7k2m9qxr4t", "هل تمت الموافقة على VL-7K2M9QXR4T",
                 "mijn kenmerk is VL-123", "/inform{\\"x\\": \\"VL-7K2M9QXR4T\\"}", "ik wil verlof aanvragen"]
        messages = [Message(data={"text": text, "intent": {"name": "out_of_scope", "confidence": 0.9},
                                  "intent_ranking": [{"name": "out_of_scope", "confidence": 0.9}]}) for text in texts]
        component.process(messages)
        print(json.dumps([[m.get("intent")["name"], m.get("intent_ranking")[0]["name"]] for m in messages]))
    """,
        tmp_path,
    )
    assert result == [["ask_verlof_status"] * 2] * 3 + [["out_of_scope"] * 2] * 3


def test_unknown_words_leave_only_the_fallback_in_the_ranking(tmp_path):
    """A message without one known word gets `nlu_fallback` and no topic guesses for the fallback action to offer."""
    result = run_in_rasa_env(
        """
        import json
        from unittest.mock import MagicMock
        from rasa.shared.nlu.training_data.message import Message
        from rasa_plugins.unknown_words import UnknownWordsFallback
        component = UnknownWordsFallback(MagicMock(), MagicMock(), {"vakantie", "verlof"})
        unknown = Message(data={"text": "asdfgh qwerty", "intent": {"name": "ask_ziekte", "confidence": 0.7},
                                "intent_ranking": [{"name": "ask_ziekte", "confidence": 0.7}]})
        known = Message(data={"text": "vakantie in mei", "intent": {"name": "ask_verlof_vakantie", "confidence": 0.9},
                              "intent_ranking": [{"name": "ask_verlof_vakantie", "confidence": 0.9}]})
        component.process([unknown, known])
        print(json.dumps({"unknown": [unknown.get("intent"), unknown.get("intent_ranking")],
                          "known": known.get("intent")["name"]}))
    """,
        tmp_path,
    )
    fallback = {"name": "nlu_fallback", "confidence": 0.7}
    assert result == {"unknown": [fallback, [fallback]], "known": "ask_verlof_vakantie"}


def test_a_when_or_where_question_about_leave_gets_the_topic_not_the_request_form(tmp_path):
    """ "Wanneer kunt u verlof aanvragen?" asks the rule: the best topic question of the ranking replaces the
    form-starting intent; a request ("ik wil …") and a yes/no question stay requests; without a topic question in the
    ranking the retrieval decides (`nlu_fallback`). An unsure classifier whose best guess was the form counts too."""
    result = run_in_rasa_env(
        """
        import json
        from rasa.shared.nlu.training_data.message import Message
        from rasa_plugins.question_intent import QuestionIsNoRequest
        component = QuestionIsNoRequest(QuestionIsNoRequest.get_default_config())
        ranking = [{"name": "request_verlof", "confidence": 0.74}, {"name": "ask_followup", "confidence": 0.3},
                   {"name": "greet", "confidence": 0.05},
                   {"name": "ask_verlof_gewichtige_omstandigheden", "confidence": 0.2}]
        texts = ["Wanneer kunt u verlof aanvragen?", "Hallo, waar kan ik verlof aanvragen", "How do I ask for leave?",
                 "متى يمكنني طلب إجازة؟", "Kiedy mogę złożyć wniosek o urlop?", "ik wil verlof aanvragen",
                 "Kan ik hier verlof aanvragen?", "/request_verlof"]
        messages = [Message(data={"text": text, "intent": dict(ranking[0]),
                                  "intent_ranking": [dict(r) for r in ranking]}) for text in texts]
        bare = Message(data={"text": "Waar vraag ik verlof aan?", "intent": dict(ranking[0]),
                             "intent_ranking": [dict(ranking[0]), dict(ranking[1]), dict(ranking[2])]})
        unsure = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "request_verlof", "confidence": 0.26},
                  {"name": "ask_geoorloofd_verzuim", "confidence": 0.2}, {"name": "greet", "confidence": 0.11}]
        behind = [unsure[0], unsure[3], unsure[1], unsure[2]]
        unsure_messages = [Message(data={"text": text, "intent": dict(r[0]), "intent_ranking": [dict(i) for i in r]})
                           for text, r in [("Wanneer kunt u verlof aanvragen?", unsure),
                                           ("Ik wil verlof aanvragen", unsure),
                                           ("Wanneer kunt u verlof aanvragen?", behind)]]
        component.process([*messages, bare, *unsure_messages])
        print(json.dumps({"intents": [m.get("intent")["name"] for m in messages],
                          "first_ranked": messages[0].get("intent_ranking")[0]["name"],
                          "ranked": [r["name"] for r in messages[0].get("intent_ranking")],
                          "bare": bare.get("intent")["name"],
                          "unsure": [m.get("intent")["name"] for m in unsure_messages]}))
    """,
        tmp_path,
    )
    topic = "ask_verlof_gewichtige_omstandigheden"
    assert result["intents"] == [topic] * 5 + ["request_verlof"] * 3
    assert result["first_ranked"] == topic
    assert "request_verlof" not in result["ranked"]  # the form is no guess for the fallback to offer
    assert result["bare"] == "nlu_fallback"  # a follow-up or a greeting is no topic question
    # unsure, with the form as the best guess: the question still gets its best topic; a request or a fallback whose
    # best guess is no form stays as it was
    assert result["unsure"] == ["ask_geoorloofd_verzuim", "nlu_fallback", "nlu_fallback"]


def test_every_plugin_that_patches_private_rasa_code_refuses_another_rasa_version(tmp_path):
    result = run_in_rasa_env(
        """
        import json
        import rasa
        from rasa_plugins import action_validation, endpoint_sessions, turn_faults
        from rasa_plugins.version_guard import UnsupportedRasaVersion
        from rasa.core.actions.action import RemoteAction
        from rasa.utils.endpoints import EndpointConfig
        before = (RemoteAction._validate_action_result, EndpointConfig.session, EndpointConfig.request)
        rasa.__version__ = "3.6.22"
        refused = {}
        for name, install in (("action_validation", action_validation.install),
                              ("endpoint_sessions", endpoint_sessions.install),
                              ("turn_faults", turn_faults.install),
                              ("make_strict", lambda: turn_faults.make_strict(None))):
            try:
                install()
                refused[name] = ""
            except UnsupportedRasaVersion as error:
                refused[name] = str(error)
        after = (RemoteAction._validate_action_result, EndpointConfig.session, EndpointConfig.request)
        print(json.dumps({"refused": refused, "untouched": before == after}))
    """,
        tmp_path,
    )
    assert result["untouched"]
    for name, message in result["refused"].items():
        assert "Rasa 3.6.22 is installed" in message and "3.6.21" in message, name


def test_a_request_to_apply_read_as_a_leave_topic_starts_the_form(tmp_path):
    """ "Ik wil verlof aanvragen voor mijn dochter, de bruiloft …": the event pulls the classifier to the topic, the
    asker wants to apply here: the form intent, with the topic's confidence. A question about applying, a yes/no
    question, or another topic stay as they were."""
    result = run_in_rasa_env(
        """
        import json
        from rasa.shared.nlu.training_data.message import Message
        from rasa_plugins.question_intent import QuestionIsNoRequest
        component = QuestionIsNoRequest(QuestionIsNoRequest.get_default_config())
        def message(text, intent):
            ranking = [{"name": intent, "confidence": 0.9}, {"name": "request_verlof", "confidence": 0.05},
                       {"name": "ask_luxe_verzuim", "confidence": 0.03}]
            return Message(data={"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking})
        cases = [
            ("Ik wil verlof aanvragen voor mijn dochter, de bruiloft van haar tante is op vrijdag 14 juni.",
             "ask_verlof_gewichtige_omstandigheden"),
            ("verlof aanvragen voor 2 kinderen graag, begrafenis van mijn schoonvader volgende week dinsdag",
             "ask_verlof_gewichtige_omstandigheden"),
            ("Kunt u nu een aanvraag voor vakantieverlof voor mij invullen? Ik werk in de bollenteelt.",
             "ask_verlof_vakantie"),
            ("I want to apply for leave for my daughter, her aunt's wedding is on Friday 9 October",
             "ask_verlof_gewichtige_omstandigheden"),
            ("Graag wil ik hier in de chat vrij vragen voor de verhuizing van ons gezin op 12 mei.",
             "ask_verlof_gewichtige_omstandigheden"),
            ("Chcę złożyć wniosek o dzień wolny na przeprowadzkę 12 maja.", "ask_verlof_gewichtige_omstandigheden"),
            ("Kan ik verlof aanvragen voor de bruiloft van mijn zus?", "ask_verlof_gewichtige_omstandigheden"),
            ("Hoe kan ik verlof aanvragen voor een bruiloft?", "ask_verlof_gewichtige_omstandigheden"),
            ("Ik wil verlof aanvragen, wat riskeer ik als ik zonder ga?", "ask_luxe_verzuim"),
        ]
        messages = [message(text, intent) for text, intent in cases]
        component.process(messages)
        print(json.dumps({"intents": [m.get("intent")["name"] for m in messages],
                          "confidence": messages[0].get("intent")["confidence"],
                          "ranked": [r["name"] for r in messages[0].get("intent_ranking")]}))
    """,
        tmp_path,
    )
    assert result["intents"][:6] == ["request_verlof"] * 6  # the chat named as the channel: a request too
    assert result["intents"][6:] == [
        "ask_verlof_gewichtige_omstandigheden",  # may I? is a question about the rule
        "ask_verlof_gewichtige_omstandigheden",  # how do I apply? the topic answers, and offers the form
        "ask_luxe_verzuim",  # not a leave topic
    ]
    assert result["confidence"] == 0.9
    assert result["ranked"][:2] == ["request_verlof", "ask_verlof_gewichtige_omstandigheden"]


def test_a_yes_no_request_that_names_an_event_asks_about_the_rule(tmp_path):
    """ "Kan ik verlof aanvragen voor de bruiloft van mijn zus?" (the classifier: the form) asks whether leave is
    possible for that event: its best topic question. Without an event, or with a phrase that asks to file the
    request here, it stays a request."""
    result = run_in_rasa_env(
        """
        import json
        from rasa.shared.nlu.training_data.message import Message
        from rasa_plugins.question_intent import QuestionIsNoRequest
        component = QuestionIsNoRequest(QuestionIsNoRequest.get_default_config())
        ranking = [{"name": "request_verlof", "confidence": 0.8},
                   {"name": "ask_verlof_gewichtige_omstandigheden", "confidence": 0.15}]
        wedding = [{"entity": "gebeurtenis", "value": "huwelijk", "start": 33, "end": 41}]
        def message(text, entities):
            return Message(data={"text": text, "intent": dict(ranking[0]), "entities": entities,
                                 "intent_ranking": [dict(item) for item in ranking]})
        messages = [
            message("Kan ik verlof aanvragen voor de bruiloft van mijn zus?", wedding),
            message("Kan ik hier verlof aanvragen?", []),
            message("Ik wil verlof aanvragen voor de bruiloft van mijn zus", wedding),
        ]
        component.process(messages)
        print(json.dumps({"intents": [m.get("intent")["name"] for m in messages]}))
    """,
        tmp_path,
    )
    assert result["intents"] == ["ask_verlof_gewichtige_omstandigheden", "request_verlof", "request_verlof"]
