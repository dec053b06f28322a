"""The gateway's Rasa client: one Rasa per conversation, fail-over when a process is down, no double sends."""

from __future__ import annotations

import httpx
import pytest

from assistant.chat.rasa_client import RasaClient, RasaReadiness, RasaUnavailable, TurnRefused

URLS = ["http://rasa-a:5005", "http://rasa-b:5005"]


def client_for(handler) -> RasaClient:
    return RasaClient(URLS, "token", timeout=2.0, transport=httpx.MockTransport(handler))


def reply(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json={"messages": [{"text": request.url.host}], "intent": {"name": "greet"}, "slots": {"requested_slot": None}},
    )


async def test_a_conversation_always_goes_to_the_same_process():
    seen: list[str] = []

    def handler(request):
        seen.append(request.url.host)
        assert request.headers["X-Gateway-Token"] == "token"
        return reply(request)

    rasa = client_for(handler)
    for _ in range(3):
        await rasa.send("conversation-1", "hoi", {})
    assert len(set(seen)) == 1
    hosts = set()
    for number in range(20):
        hosts.add((await rasa.send(f"c{number}", "hoi", {})).messages[0]["text"])
    assert hosts == {"rasa-a", "rasa-b"}  # conversations are spread over both


async def test_connection_refused_fails_over_to_the_other_process():
    def handler(request):
        if request.url.host == "rasa-a":
            raise httpx.ConnectError("refused", request=request)
        return reply(request)

    rasa = client_for(handler)
    results = {(await rasa.send(f"c{n}", "hoi", {})).messages[0]["text"] for n in range(10)}
    assert results == {"rasa-b"}


async def test_a_read_timeout_is_not_retried_elsewhere():
    calls: list[str] = []

    def handler(request):
        calls.append(request.url.host)
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(RasaUnavailable):
        await client_for(handler).send("c1", "hoi", {})
    assert len(calls) == 1  # the message may have been handled: never sent twice


async def test_all_down_is_rasa_unavailable_and_health_false():
    def handler(request):
        raise httpx.ConnectError("refused", request=request)

    rasa = client_for(handler)
    with pytest.raises(RasaUnavailable):
        await rasa.send("c1", "hoi", {})
    assert await rasa.readiness() == RasaReadiness(model_loaded=False, tracker_store_writable=False)


async def test_ready_when_one_process_has_a_model_and_a_writable_tracker_store():
    def handler(request):
        if request.url.host == "rasa-a":
            return httpx.Response(503, json={"model_id": None, "tracker_store": "ok"})
        return httpx.Response(200, json={"model_id": "m1", "tracker_store": "ok"})

    assert (await client_for(handler).readiness()).ready is True


async def test_not_ready_when_the_tracker_store_takes_no_write():
    def handler(request):
        return httpx.Response(503, json={"model_id": "m1", "tracker_store": "unavailable"})

    readiness = await client_for(handler).readiness()
    assert readiness == RasaReadiness(model_loaded=True, tracker_store_writable=False) and not readiness.ready


@pytest.mark.parametrize("reason", ["tracker_store", "action_server"])
async def test_a_refused_turn_is_not_sent_to_another_process(reason):
    calls = []

    def handler(request):
        calls.append(request.url.host)
        return httpx.Response(503, json={"error": f"{reason} unavailable", "reason": reason})

    with pytest.raises(TurnRefused) as refused:
        await client_for(handler).send("c1", "hoi", {})
    assert refused.value.reason == reason and isinstance(refused.value, RasaUnavailable)
    assert len(calls) == 1  # both processes share the tracker store and the action server
