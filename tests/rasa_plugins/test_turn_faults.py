"""Loud failures inside Rasa (rasa_plugins/turn_faults.py and the gateway channel), in Rasa's own environment.

The gateway channel runs in a real Sanic server on a free loopback port, with Rasa's real fail-safe tracker store
around a real SQL tracker store on SQLite, and Rasa's real `RemoteAction` calling an action endpoint. Only the
dialogue policy is left out (no trained model): a stand-in processor runs the channel's steps and calls one custom
action per message, as Rasa's `MessageProcessor` does (and, like it, carries on when the action fails).

- A tracker store that cannot be written (SQLite with `query_only`, which answers every write as a read-only
  database does): the turn is refused with 503 `tracker_store`; the health probe says so; Rasa's own wrapper, left
  alone, would have kept the turn in memory without a word.
- An action server that refuses connections: the turn is refused with 503 `action_server` and the tracker is not
  saved, so a retry starts where the conversation was.
"""

from __future__ import annotations

import pytest

from tests.rasa_plugins.test_plugins_in_rasa_env import RASA_PYTHON, run_in_rasa_env

pytestmark = pytest.mark.skipif(not RASA_PYTHON.exists(), reason="Rasa's environment (.venv-rasa) is not set up")

SCRIPT = """
    import asyncio, json, os, socket
    import aiohttp
    from aiohttp import web
    from sanic import Sanic
    from sqlalchemy import event
    from rasa.core.actions.action import RemoteAction
    from rasa.core.lock_store import InMemoryLockStore
    from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.utils.endpoints import EndpointConfig
    from rasa_plugins import endpoint_sessions, turn_faults
    from rasa_plugins.gateway_channel import GatewayInput

    TOKEN = "gateway-token"
    read_only = {"on": False}

    def query_only(dbapi_connection, _record):
        if read_only["on"]:
            dbapi_connection.execute("PRAGMA query_only=1")

    class Processor:
        def __init__(self, tracker_store, action_endpoint):
            self.tracker_store, self.action_endpoint = tracker_store, action_endpoint

        async def log_message(self, message, should_save_tracker=True):
            tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
            tracker.update(UserUttered(message.text, message.parse_data["intent"]))
            return tracker

        async def run_action_extract_slots(self, output_channel, tracker):
            return tracker

        async def _run_prediction_loop(self, output_channel, tracker):
            action = RemoteAction("action_answer", self.action_endpoint)
            try:
                await action.run(output_channel, None, tracker, Domain.empty())
                await output_channel.send_text_message(tracker.sender_id, "Antwoord")
            except Exception:  # MessageProcessor._run_action: log, lose the action's events, carry on
                pass
            tracker.update(ActionExecuted("action_answer"))
            tracker.update(ActionExecuted("action_listen"))

        async def run_anonymization_pipeline(self, tracker):
            return None

        async def save_tracker(self, tracker):
            await self.tracker_store.save(tracker)

    class Agent:
        model_id = "stand-in"

        def __init__(self, store, action_endpoint):
            self.tracker_store = FailSafeTrackerStore(store)  # what rasa.core.agent.Agent does with the store
            self.lock_store = InMemoryLockStore()
            self.processor = Processor(self.tracker_store, action_endpoint)

        def is_ready(self):
            return True

        async def parse_message(self, text):
            return {"text": text, "intent": {"name": "greet", "confidence": 1.0}, "entities": []}

    def free_port():
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    async def main():
        store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=os.environ["TMP_DIR"] + "/tracker.db")
        event.listen(store.engine, "connect", query_only)

        actions = web.Application()
        actions.router.add_post("/webhook", lambda request: web.json_response({"events": [], "responses": []}))
        runner = web.AppRunner(actions)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        action_port = site._server.sockets[0].getsockname()[1]
        up = EndpointConfig(url=f"http://127.0.0.1:{action_port}/webhook")
        down = EndpointConfig(url=f"http://127.0.0.1:{free_port()}/webhook")  # nothing listens there

        app = Sanic("turn_faults_test")
        app.blueprint(GatewayInput(TOKEN).blueprint(lambda message: None), url_prefix="/webhooks/gateway")
        app.ctx.agent = Agent(store, up)
        server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
        await server.startup()
        base = f"http://127.0.0.1:{server.server.sockets[0].getsockname()[1]}/webhooks/gateway"
        result = {}

        def events(sender):
            with store.engine.connect() as connection:
                return connection.exec_driver_sql(
                    "SELECT count(*) FROM events WHERE sender_id = ?", (sender,)).scalar()

        async with aiohttp.ClientSession(headers={"X-Gateway-Token": TOKEN}) as client:
            async def say(sender, text="hallo"):
                async with client.post(f"{base}/webhook", json={"sender": sender, "message": text}) as response:
                    return response.status, await response.json()

            async def health():
                async with client.get(f"{base}/") as response:
                    return response.status, await response.json()

            result["healthy"] = [await say("s-ok"), events("s-ok") > 0, await health(), events("__health_probe__")]

            read_only["on"] = True
            store.engine.dispose()
            result["read_only"] = [await say("s-ro"), await health(), events("s-ro")]
            vanilla = FailSafeTrackerStore(store)  # Rasa's wrapper as Rasa leaves it
            tracker = await vanilla.get_or_create_tracker("s-vanilla")
            tracker.update(UserUttered("hallo"))
            await vanilla.save(tracker)  # no error: the conversation went to memory
            result["vanilla"] = [events("s-vanilla"), await vanilla.fallback_tracker_store.retrieve("s-vanilla")
                                 is not None]
            read_only["on"] = False
            store.engine.dispose()
            result["writable_again"] = [await say("s-ro"), events("s-ro") > 0]

            app.ctx.agent.processor.action_endpoint = down
            before = events("s-ok")
            result["action_server_down"] = [await say("s-ok", "nog een vraag"), events("s-ok") == before]
            app.ctx.agent.processor.action_endpoint = up
            result["action_server_back"] = [await say("s-ok", "nog een vraag"), events("s-ok") > before]

        server.close()
        await server.wait_closed()
        await endpoint_sessions.close_all()
        await runner.cleanup()
        return result

    print(json.dumps(asyncio.run(main())))
"""


@pytest.fixture(scope="module")
def outcome(tmp_path_factory) -> dict:
    return run_in_rasa_env(SCRIPT, tmp_path_factory.mktemp("turn_faults"))


def test_a_healthy_turn_is_answered_and_saved(outcome):
    (status, body), saved, health, probe_rows = outcome["healthy"]
    assert status == 200 and [m["text"] for m in body["messages"]] == ["Antwoord"]
    assert saved and health == [200, {"model_id": "stand-in", "tracker_store": "ok"}]
    assert probe_rows == 0  # the health probe's write is rolled back


def test_an_unwritable_tracker_store_refuses_the_turn_and_fails_the_probe(outcome):
    (status, body), health, saved = outcome["read_only"]
    assert status == 503 and body == {"error": "tracker store unavailable", "reason": "tracker_store"}
    assert health == [503, {"model_id": "stand-in", "tracker_store": "unavailable"}]
    assert saved == 0


def test_rasas_own_wrapper_would_have_answered_from_memory(outcome):
    rows, in_memory = outcome["vanilla"]
    assert rows == 0 and in_memory  # what make_strict prevents: saved nowhere lasting, and no error


def test_the_conversation_goes_on_when_the_store_takes_writes_again(outcome):
    (status, _body), saved = outcome["writable_again"]
    assert status == 200 and saved


def test_an_unreachable_action_server_refuses_the_turn_without_saving_it(outcome):
    (status, body), tracker_unchanged = outcome["action_server_down"]
    assert status == 503 and body == {"error": "action server unavailable", "reason": "action_server"}
    assert tracker_unchanged  # a retry starts from the state before the message
    (status, body), saved = outcome["action_server_back"]
    assert status == 200 and saved
