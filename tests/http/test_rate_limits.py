"""Chat rate limits that fit a school's shared network: per conversation, with a loose ceiling per client address.

The time of the limiter is a fake clock (the `limits` library reads `time.time()`), so minutes of traffic run in
seconds and every run counts the same: 50 parents behind one address, each sending 4 messages a minute for three
minutes, are never refused, while one conversation that floods meets 429 within its first minute.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

import limits.aio.storage.memory
import limits.aio.strategies
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from assistant import cli
from assistant.app import create_app
from assistant.db.models import ChatMessage
from assistant.db.session import session_scope
from assistant.http.rate_limits import RateLimiter, storage_for
from assistant.settings import Settings

PARENTS = 50
MESSAGES_PER_MINUTE = 4
MINUTES = 3


class FakeClock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    module = SimpleNamespace(time=fake.time)
    for place in (limits.aio.storage.memory, limits.aio.strategies, sys.modules["assistant.http.rate_limits"]):
        monkeypatch.setattr(place, "time", module)
    return fake


def _client(settings: Settings, fake_rasa, address: str = "192.0.2.10") -> TestClient:
    return TestClient(create_app(settings, rasa_transport=fake_rasa.transport), client=(address, 50000))


def say(client: TestClient, sender_id: str, message: str = "Mag mijn zoon een dag eerder op vakantie?"):
    return client.post("/api/chat", json={"sender_id": sender_id, "message": message})


def test_the_defaults_fit_a_school_network(configured):
    assert configured.chat_rate_limit_per_conversation == "20/minute"
    assert configured.chat_rate_limit_per_ip == "600/minute"
    assert configured.forwarded_allow_ips == ""


def test_fifty_parents_behind_one_address_are_never_refused_and_a_flood_still_is(configured, fake_rasa, clock):
    # Every parent's messages are 15 s apart; the parents start 1.2 s after one another. One more conversation sends
    # a message every second.
    schedule = [
        (parent * 1.2 + number * 60 / MESSAGES_PER_MINUTE, f"parent-{parent}")
        for parent in range(PARENTS)
        for number in range(MESSAGES_PER_MINUTE * MINUTES)
    ]
    schedule += [(float(second), "flood") for second in range(60 * MINUTES)]
    start = clock.now
    statuses: dict[str, list[int]] = {}
    with _client(configured, fake_rasa) as client:
        for at, sender_id in sorted(schedule):
            clock.now = start + at
            response = say(client, sender_id)
            statuses.setdefault(sender_id, []).append(response.status_code)
    parents = [status for sender_id, found in statuses.items() if sender_id != "flood" for status in found]
    assert len(parents) == PARENTS * MESSAGES_PER_MINUTE * MINUTES
    assert set(parents) == {200}  # 0 x 429
    flood = statuses["flood"]
    assert flood[:20] == [200] * 20 and 429 in flood[20:60]  # at most 20 in its first minute
    assert flood.count(200) <= 20 * MINUTES + 1  # and about 20 a minute after that


def test_429_waits_politely_blames_no_one_and_stores_nothing(configured, fake_rasa, clock):
    configured.chat_rate_limit_per_conversation = "3/minute"
    with _client(configured, fake_rasa) as client:
        for _ in range(3):
            assert say(client, "busy-1").status_code == 200
        refused = say(client, "busy-1", "nog een vraag")
        english = client.post(
            "/api/chat", headers={"Accept-Language": "en"}, json={"sender_id": "busy-1", "message": "one more"}
        )
    assert refused.status_code == 429 and english.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    detail = refused.json()["detail"]
    assert detail.startswith("Het is op dit moment erg druk.") and refused.headers["retry-after"] in detail
    assert "te veel" not in detail and "U stuurt" not in detail
    assert english.json()["detail"].startswith("It is very busy at the moment.")
    assert len(fake_rasa.received) == 3
    with session_scope() as session:
        assert session.scalar(select(func.count()).select_from(ChatMessage).where(ChatMessage.author == "user")) == 3


def test_the_conversation_may_go_on_once_its_minute_has_passed(configured, fake_rasa, clock):
    configured.chat_rate_limit_per_conversation = "3/minute"
    with _client(configured, fake_rasa) as client:
        assert [say(client, "later-1").status_code for _ in range(4)] == [200, 200, 200, 429]
        assert say(client, "later-2").status_code == 200  # another conversation is not held up
        clock.now += 120
        assert say(client, "later-1").status_code == 200


def test_the_address_ceiling_bounds_many_conversations_from_one_address(configured, fake_rasa, clock):
    configured.chat_rate_limit_per_ip = "5/minute"
    app = create_app(configured, rasa_transport=fake_rasa.transport)
    with TestClient(app, client=("192.0.2.10", 1)) as school, TestClient(app, client=("198.51.100.7", 1)) as home:
        statuses = [say(school, f"new-conversation-{number}").status_code for number in range(7)]
        assert statuses == [200] * 5 + [429] * 2
        assert say(home, "elsewhere").status_code == 200  # another address has its own ceiling
        # a refused flood costs no parsing: the ceiling answers before the body is read
        garbage = school.post("/api/chat", content=b"{", headers={"content-type": "application/json"})
        assert garbage.status_code == 429 and int(garbage.headers["retry-after"]) >= 1


def test_limits_count_per_process_or_in_redis(configured):
    assert type(storage_for(None)).__name__ == "MemoryStorage"
    assert type(storage_for("redis://127.0.0.1:6379/1")).__name__ == "RedisStorage"


async def test_one_hit_counts_against_every_item_of_a_limit(clock):
    limiter = RateLimiter(storage_for(None))
    waits = [await limiter.hit("t", "2/minute;3/hour", "k") for _ in range(3)]
    assert waits[:2] == [None, None] and 1 <= waits[2] <= 60
    clock.now += 61
    assert await limiter.hit("t", "2/minute;3/hour", "k") is None  # the third of the hour
    wait = await limiter.hit("t", "2/minute;3/hour", "k")
    assert wait is not None and wait > 60  # now the hour is full


@pytest.mark.parametrize("notation", ["20 per minute please", "", "abc"])
def test_a_limit_that_is_not_limits_notation_stops_the_start(notation, monkeypatch):
    monkeypatch.setenv("CHAT_RATE_LIMIT_PER_CONVERSATION", notation)
    with pytest.raises(ValueError, match="limits"):
        Settings()


@pytest.mark.parametrize(
    ("proxies", "expected"),
    [
        ("", {"proxy_headers": False, "forwarded_allow_ips": None}),
        ("10.0.0.5", {"proxy_headers": True, "forwarded_allow_ips": "10.0.0.5"}),
        ("127.0.0.1,10.0.0.0/8", {"proxy_headers": True, "forwarded_allow_ips": "127.0.0.1,10.0.0.0/8"}),
    ],
)
def test_x_forwarded_for_counts_only_from_the_configured_proxies(proxies, expected, configured, monkeypatch):
    """Without FORWARDED_ALLOW_IPS no one can choose the address the limits count by sending X-Forwarded-For."""
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: seen.update(kwargs))
    monkeypatch.setattr(cli, "get_settings", lambda: configured.model_copy(update={"forwarded_allow_ips": proxies}))
    cli._serve(SimpleNamespace(workers=None))
    assert {key: seen[key] for key in expected} == expected
