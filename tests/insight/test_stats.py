"""The figures, the jaarverslag and the review queue give the same numbers on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from assistant.calendar.model import SchoolYear
from assistant.cases.auth import Principal
from assistant.db import session as db_session
from assistant.db.session import session_scope
from assistant.insight import record, review
from assistant.insight.jaarverslag import compute_jaarverslag
from assistant.insight.models import InsightCase, InsightMelding, InsightTurn, InsightVerlof
from assistant.insight.scope import Period, scope_for
from assistant.insight.stats import compute_stats
from assistant.settings import get_settings

DAY = date(2025, 3, 3)  # a Monday in school year 2024-2025
OFFICER = Principal(1, "officer", "Hengelo")
ADMIN = Principal(2, "admin")


@pytest.fixture
def on_database(any_database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", any_database_url)
    monkeypatch.setenv("APP_ENV", "test")
    for cache in (get_settings, db_session.get_engine, db_session.get_sessionmaker):
        cache.cache_clear()
    yield
    db_session.get_engine().dispose()
    for cache in (get_settings, db_session.get_engine, db_session.get_sessionmaker):
        cache.cache_clear()


def seed() -> None:
    moment = datetime.combine(DAY, time(10, 0), tzinfo=timezone.utc)
    evening = datetime.combine(DAY, time(20, 0), tzinfo=timezone.utc)
    rows = [
        ("Hengelo", "ziekte", "answered", True, moment),
        ("Hengelo", None, "fallback", False, evening),
        ("Borne", "bezwaar", "answered", True, moment),
        ("Enschede", "ziekte", "answered", True, moment),
        (None, None, "menu", True, moment),
    ]
    with session_scope() as session:
        for municipality, topic, outcome, first, at in rows:
            turn_id = record.record_turn(
                session,
                conversation_id=None,
                user_message_id=None,
                first_turn=first,
                municipality=municipality,
                language="nl",
                intent=None,
                facts=record.TurnFacts(topic, outcome),
                at=at,
            )
            if topic == "ziekte" and municipality == "Hengelo":
                session.get(InsightTurn, turn_id).feedback_down = 1
        session.add_all(
            [
                InsightCase(
                    reference="LP-1",
                    opened_at=moment,
                    day=DAY,
                    municipality="Borne",
                    trigger="user_request",
                    priority="normal",
                    language="nl",
                    sla_due_at=moment + timedelta(hours=8),
                    first_response_at=moment + timedelta(hours=1),
                    outcome="answered",
                    closed_at=moment + timedelta(days=1),
                ),
                InsightVerlof(
                    reference="VL-1",
                    at=moment,
                    day=DAY,
                    municipality="Hengelo",
                    kind="vakantie",
                    status="refused",
                    decided_by="directeur",
                    source="chat",
                ),
                InsightMelding(
                    at=moment, day=DAY, municipality="Hengelo", category="luxe", obligation="verplicht", source="chat"
                ),
            ]
        )


def test_figures_and_jaarverslag_on_both_databases(on_database):
    seed()
    period = Period(DAY - timedelta(days=7), DAY + timedelta(days=7))
    with session_scope() as session:
        team = compute_stats(session, period, scope_for(OFFICER))
        region = compute_stats(session, period, scope_for(ADMIN))
        report = compute_jaarverslag(session, SchoolYear(2024), scope_for(OFFICER))
        queue = review.review_queue(session, scope_for(OFFICER))
    assert (team.figures["messages"], team.figures["conversations"], team.figures["not_understood"]) == (3, 2, 1)
    assert team.figures["outside_office_hours"] == 1 and team.figures["feedback_down"] == 1
    assert (region.figures["messages"], region.figures["not_understood_rate"]) == (5, 40.0)
    assert team.figures["handoffs_answered_in_time"] == 1 and team.figures["verlof_requests"] == 1
    assert team.tables["melding"].rows[2] == ["Luxe verzuim", 1, 0, 0, 1]
    assert team.tables["office_hours"].rows == [
        ["Binnen kantoortijd", 2, "66,7 %"],
        ["Buiten kantoortijd", 1, "33,3 %"],
    ]
    values = {
        t.key: {
            label: [t.cell(y.label, m, row) for m in report.municipalities for y in report.years]
            for row, label in t.rows
        }
        for t in report.tables
    }
    assert values["vragen"]["Totaal aantal berichten"] == [0, "<5", 0, "<5"]
    assert values["verlof"]["Vakantieverlof (art. 13a): waarvan geweigerd"] == [0, 0, 0, "<5"]
    assert values["zaken_uitkomst"]["Vraag beantwoord"] == [0, "<5", 0, 0]
    assert queue == []  # these turns have no live conversation any more
