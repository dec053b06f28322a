"""Leave requests and their status look-ups are rate-limited per client address: a burst of submissions no longer
opens a burst of officer cases, and references cannot be guessed at speed."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from assistant.app import create_app
from assistant.cases.models import Case
from assistant.db.session import session_scope
from assistant.verlof_requests.models import VerlofRequest
from tests.verlof_requests.conftest import body, fixed_today  # noqa: F401 - the fixture (autouse): TODAY


def _counts() -> tuple[int, int]:
    with session_scope() as session:
        return (session.scalar(select(func.count(VerlofRequest.id))), session.scalar(select(func.count(Case.id))))


def test_a_burst_of_submissions_is_stopped_after_the_limit(configured, fake_rasa):
    configured.verlof_request_rate_limit = "3/minute;10/hour"
    app = create_app(configured, rasa_transport=fake_rasa.transport)
    # 15 school days under art. 14: every stored request opens an officer case
    request = body(
        kind="gewichtige_omstandigheid",
        category="huwelijk",
        start_date="2026-03-09",
        end_date="2026-03-27",
        employer_statement=None,
    )
    with TestClient(app, client=("192.0.2.20", 1)) as client, TestClient(app, client=("198.51.100.9", 1)) as other:
        statuses = [client.post("/api/verlof/requests", json=request).status_code for _ in range(25)]
        elsewhere = other.post("/api/verlof/requests", json=request)
    assert statuses == [201] * 3 + [429] * 22
    assert elsewhere.status_code == 201  # another address is not held up
    assert _counts() == (4, 4)


def test_429_for_submissions_says_when_to_try_again(configured, fake_rasa):
    configured.verlof_request_rate_limit = "1/hour"
    with TestClient(create_app(configured, rasa_transport=fake_rasa.transport)) as client:
        assert client.post("/api/verlof/requests", json=body()).status_code == 201
        refused = client.post("/api/verlof/requests", json=body())
    assert refused.status_code == 429
    # the hour's window ends on the hour (a sliding window counter): wait at most that long
    retry_after = int(refused.headers["retry-after"])
    assert 1 <= retry_after <= 3600
    when = f"{-(-retry_after // 60)} minuten" if retry_after > 90 else f"{retry_after} seconden"
    assert refused.json()["detail"] == f"Het is op dit moment erg druk. Probeer het over {when} opnieuw."


def test_status_look_ups_are_throttled_per_address(configured, fake_rasa):
    configured.verlof_status_rate_limit = "5/minute"
    with TestClient(create_app(configured, rasa_transport=fake_rasa.transport)) as client:
        reference = client.post("/api/verlof/requests", json=body()).json()["reference"]
        guesses = [
            client.get(f"/api/verlof/requests/VL-GUESS{number:04d}", params={"email": "a@b.nl"}).status_code
            for number in range(5)
        ]
        refused = client.get(f"/api/verlof/requests/{reference}", params={"email": "ouder@voorbeeld.nl"})
    assert guesses == [404] * 5
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.headers["cache-control"] == "no-store"
