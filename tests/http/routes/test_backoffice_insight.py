"""The figures, the jaarverslag and their CSV in the back office: who sees what, periods, the numbers themselves,
"<5", formula-safe CSV, charts readable without colour, and the audit log."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta, timezone

import pytest
from sqlalchemy import select

from assistant.cases.models import AuditEntry
from assistant.clock import today
from assistant.db.session import session_scope
from assistant.insight import record
from assistant.insight.models import InsightCase, InsightMelding, InsightTurn, InsightVerlof, MessageFeedback
from assistant.insight.scope import period_for
from assistant.insight.tables import safe_cell, to_csv
from tests.insight.conftest import answer

TODAY = today()
NOON = time(11, 0)  # UTC: 12:00 or 13:00 in Amsterdam


def at(day: date, clock: time = NOON) -> datetime:
    return datetime.combine(day, clock, tzinfo=timezone.utc)


def weekday_before(day: date, days: int) -> date:
    moment = day - timedelta(days=days)
    while moment.weekday() >= 5:
        moment -= timedelta(days=1)
    return moment


def seed_turn(
    day: date,
    *,
    municipality: str | None = "Hengelo",
    language: str = "nl",
    topic: str | None = None,
    outcome: str = "answered",
    first: bool = False,
    up: int = 0,
    down: int = 0,
    clock: time = NOON,
) -> int:
    with session_scope() as session:
        turn_id = record.record_turn(
            session,
            conversation_id=None,
            user_message_id=None,
            first_turn=first,
            municipality=municipality,
            language=language,
            intent=None,
            facts=record.TurnFacts(topic, outcome),
            at=at(day, clock),
        )
        turn = session.get(InsightTurn, turn_id)
        turn.feedback_up, turn.feedback_down = up, down
        return turn_id


@pytest.fixture
def seeded(configured, accounts):
    """Within the last weeks: 3 conversations in Hengelo (one in Arabic, one out of hours), one in Borne, one in
    Enschede and one of unknown municipality; cases, verlof and melding rows; one turn of last year."""
    day = weekday_before(TODAY, 7)
    seed_turn(day, topic="verlof_vakantie", first=True, up=2)
    seed_turn(day, outcome="menu")
    seed_turn(day, topic="ziekte", first=True, language="ar", down=1)
    seed_turn(day, outcome="fallback", first=True, clock=time(21, 0))
    seed_turn(day, municipality="Borne", topic="verlof_vakantie", first=True)
    seed_turn(day, municipality="Enschede", topic="bezwaar", first=True)
    seed_turn(day, municipality=None, topic="ziekte", first=True)
    seed_turn(day - timedelta(days=400), topic="ziekte", first=True)
    opened = at(day, time(8, 0))
    with session_scope() as session:
        session.add_all(
            [
                InsightCase(
                    reference="LP-A",
                    opened_at=opened,
                    day=day,
                    municipality="Hengelo",
                    trigger="user_request",
                    priority="normal",
                    language="nl",
                    sla_due_at=opened + timedelta(hours=8),
                    first_response_at=opened + timedelta(hours=2),
                    closed_at=None,
                    outcome=None,
                ),
                InsightCase(
                    reference="LP-B",
                    opened_at=opened,
                    day=day,
                    municipality="Borne",
                    trigger="safety_signal",
                    priority="urgent",
                    language="nl",
                    sla_due_at=opened + timedelta(hours=1),
                    first_response_at=opened + timedelta(hours=3),
                    closed_at=opened + timedelta(days=1),
                    outcome="referred",
                ),
                InsightCase(
                    reference="LP-C",
                    opened_at=opened,
                    day=day,
                    municipality="Hengelo",
                    trigger="user_request",
                    priority="normal",
                    language="nl",
                    sla_due_at=opened + timedelta(hours=8),
                ),
                InsightVerlof(
                    reference="VL-1",
                    at=opened,
                    day=day,
                    municipality="Hengelo",
                    kind="vakantie",
                    status="approved",
                    decided_by="directeur",
                    source="chat",
                ),
                InsightVerlof(
                    reference=None,
                    at=opened,
                    day=day,
                    municipality="Hengelo",
                    kind="vakantie",
                    status="refused_by_rule",
                    decided_by=None,
                    source="chat",
                ),
                InsightVerlof(
                    reference="VL-2",
                    at=opened,
                    day=day,
                    municipality="Enschede",
                    kind="gewichtige_omstandigheid",
                    status="submitted",
                    decided_by="leerplichtambtenaar",
                    source="api",
                ),
                InsightMelding(
                    at=opened, day=day, municipality="Borne", category="16_uur", obligation="verplicht", source="api"
                ),
                InsightMelding(
                    at=opened, day=day, municipality="Hengelo", category="geen", obligation="niet_nodig", source="chat"
                ),
            ]
        )
    return day


def rows_of(table: dict) -> dict[str, list]:
    return {str(row[0]): row[1:] for row in table["rows"]}


# --- who may see what -------------------------------------------------------------------------------------------


def test_without_a_session_pages_go_to_the_login_and_the_api_answers_401(client, configured):
    for path in ("/backoffice/stats", "/backoffice/jaarverslag", "/backoffice/review"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/backoffice/login?next=")
    for path in (
        "/api/backoffice/stats",
        "/api/backoffice/stats/weeks.csv",
        "/api/backoffice/jaarverslag",
        "/api/backoffice/jaarverslag.csv",
        "/api/backoffice/review",
    ):
        assert client.get(path).status_code == 401, path


def test_a_school_account_sees_none_of_it(client, accounts, sign_in):
    sign_in("school@school.nl")
    for path in ("/backoffice/stats", "/backoffice/jaarverslag", "/backoffice/review"):
        assert client.get(path).status_code == 404, path
    for path in (
        "/api/backoffice/stats",
        "/api/backoffice/stats/weeks.csv",
        "/api/backoffice/jaarverslag",
        "/api/backoffice/jaarverslag.csv",
        "/api/backoffice/review",
    ):
        assert client.get(path).status_code == 404, path
    assert "Cijfers" not in client.get("/backoffice/verlof").text


def test_an_officer_sees_the_municipalities_of_the_team_only(client, seeded, sign_in):
    sign_in("hengelo@leerplicht.nl")
    stats = client.get("/api/backoffice/stats").json()
    assert stats["scope"] == "Borne en Hengelo"
    assert stats["figures"]["conversations"] == 4 and stats["figures"]["messages"] == 5
    assert rows_of(stats["tables"]["topics"]) == {
        "Op vakantie buiten de schoolvakanties": [2, "66,7 %"],
        "Mijn kind is ziek": [1, "33,3 %"],
    }
    borne = client.get("/api/backoffice/stats?municipality=borne").json()
    assert (borne["scope"], borne["figures"]["messages"]) == ("Borne", 1)
    assert client.get("/api/backoffice/stats?municipality=Enschede").status_code == 404
    unknown = client.get("/api/backoffice/stats?municipality=Almelo")
    assert unknown.status_code == 422 and "Almelo" in unknown.json()["detail"]
    assert client.get("/api/backoffice/stats?municipality=onbekend").status_code == 404


def test_an_admin_sees_the_region_including_the_unknown_part(client, seeded, sign_in):
    sign_in("admin@leerplicht.nl")
    region = client.get("/api/backoffice/stats").json()
    assert (region["scope"], region["figures"]["messages"], region["figures"]["conversations"]) == ("Hele regio", 7, 6)
    unknown = client.get("/api/backoffice/stats?municipality=onbekend").json()
    assert unknown["figures"]["messages"] == 1
    assert client.get("/api/backoffice/stats?municipality=Enschede").json()["figures"]["messages"] == 1


# --- periods ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("from=2026-03-01&to=2026-02-01", "De begindatum (01-03-2026) ligt na de einddatum (01-02-2026)."),
        ("from=2023-01-01&to=2025-01-02", "De periode is langer dan 2 jaar."),
        ("from=31-01-2026", "'31-01-2026' is geen datum"),
    ],
)
def test_reversed_too_long_or_unreadable_periods_are_422_with_the_reason(client, accounts, sign_in, query, reason):
    sign_in("hengelo@leerplicht.nl")
    response = client.get(f"/api/backoffice/stats?{query}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith(reason)
    page = client.get(f"/backoffice/stats?{query}")
    assert page.status_code == 422 and reason.split(" (")[0].replace("'", "&#39;") in page.text


def test_two_years_exactly_is_allowed_and_the_default_is_twelve_weeks():
    assert period_for("2023-01-01", "2025-01-01", TODAY).end == date(2025, 1, 1)
    default = period_for(None, None, date(2026, 3, 31))
    assert (default.start, default.end) == (date(2026, 1, 7), date(2026, 3, 31))


# --- the numbers ----------------------------------------------------------------------------------------------


def test_the_figures_for_the_team(client, seeded, sign_in):
    sign_in("hengelo@leerplicht.nl")
    stats = client.get("/api/backoffice/stats").json()
    figures, tables = stats["figures"], stats["tables"]
    assert figures["not_understood"] == 2 and figures["not_understood_rate"] == 40.0
    assert figures["outside_office_hours"] == 1 and figures["outside_office_hours_rate"] == 20.0
    assert (figures["feedback_up"], figures["feedback_down"]) == (2, 1)
    week = record.week_start(seeded)
    assert tables["weeks"]["rows"] == [[f"{week:%d-%m-%Y} (week {week.isocalendar()[1]})", 4, 5, 2]]
    assert rows_of(tables["languages"]) == {"Nederlands": [3, 4, "80,0 %"], "Arabisch": [1, 1, "20,0 %"]}
    assert rows_of(tables["outcomes"])["Niet begrepen"] == [1, "20,0 %"]
    assert rows_of(tables["outcomes"])["Niet zeker: onderwerpen voorgesteld"] == [1, "20,0 %"]
    assert rows_of(tables["feedback"]) == {
        "Op vakantie buiten de schoolvakanties": [2, 0, "100,0 %"],
        "Mijn kind is ziek": [0, 1, "0,0 %"],
    }
    handoffs = rows_of(tables["handoffs"])
    # in time, late, waiting within the term, waiting overdue, median, 90 %
    assert handoffs["Totaal"] == [3, 1, 1, 0, 1, "2,5 uur", "3,0 uur"]
    assert handoffs["Spoed (veiligheid)"] == [1, 0, 1, 0, 0, "3,0 uur", "3,0 uur"]
    assert rows_of(tables["handoff_reasons"]) == {
        "Gebruiker vroeg om een medewerker": [2],
        "Signaal over veiligheid": [1],
    }
    assert rows_of(tables["verlof"])["Vakantieverlof (art. 13a)"] == [0, 1, 0, 0, 1, 2]
    assert rows_of(tables["verlof"])["Gewichtige omstandigheden (art. 14)"] == [0, 0, 0, 0, 0, 0]  # Enschede's
    assert rows_of(tables["verlof_deciders"]) == {"Directeur": [1]}
    assert rows_of(tables["melding"])["16 uur of meer in 4 lesweken"] == [1, 0, 0, 1]
    assert rows_of(tables["melding"])["Geen melding nodig"] == [0, 0, 1, 1]


def test_feedback_comments_are_listed_redacted_with_their_topic(client, chat, accounts, sign_in):
    message_id = chat("web-c", "Wij wonen in Hengelo. Vakantie?", answer("verlof_vakantie"))["messages"][0]["id"]
    client.post(
        "/api/chat/feedback",
        json={"sender_id": "web-c", "message_id": message_id, "rating": "down", "comment": "Bel mij: 06 12345678"},
    )
    sign_in("hengelo@leerplicht.nl")
    comments = client.get("/api/backoffice/stats").json()["tables"]["comments"]["rows"]
    assert comments == [
        ["Op vakantie buiten de schoolvakanties", f"{TODAY:%d-%m-%Y}", "Bel mij: [telefoonnummer verwijderd]"]
    ]


# --- CSV and charts -------------------------------------------------------------------------------------------


def test_every_table_exports_as_csv(client, seeded, sign_in):
    sign_in("hengelo@leerplicht.nl")
    stats = client.get("/api/backoffice/stats").json()
    for key, table in stats["tables"].items():
        response = client.get(f"/api/backoffice/stats/{key}.csv")
        assert response.status_code == 200, key
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.headers["content-disposition"].startswith(f'attachment; filename="leerplicht-assistent-{key}')
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        parsed = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
        assert parsed[0] == table["columns"] and len(parsed) == len(table["rows"]) + 1
    assert client.get("/api/backoffice/stats/unknown.csv").status_code == 404


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 6", "'+31 6"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("gewoon", "gewoon"),
        (5, 5),
        (None, ""),
    ],
)
def test_csv_cells_starting_with_a_formula_character_are_escaped(value, cell):
    assert safe_cell(value) == cell


def test_a_comment_that_looks_like_a_formula_cannot_run_in_a_spreadsheet(client, chat, accounts, sign_in):
    message_id = chat("web-x", "Wij wonen in Borne", answer("ziekte"))["messages"][0]["id"]
    client.post(
        "/api/chat/feedback",
        json={"sender_id": "web-x", "message_id": message_id, "rating": "down", "comment": "=cmd|' /C calc'!A0"},
    )
    with session_scope() as session:
        assert session.scalar(select(MessageFeedback.comment)) == "=cmd|' /C calc'!A0"
    sign_in("hengelo@leerplicht.nl")
    text = client.get("/api/backoffice/stats/comments.csv").content.decode("utf-8")
    assert ";'=cmd|' /C calc'!A0" in text and ";=cmd" not in text
    assert to_csv(["=a"], [["@b", 1]]).decode("utf-8") == "\ufeff'=a\r\n'@b;1\r\n"


def test_the_page_shows_charts_readable_without_colour_beside_their_tables(client, seeded, sign_in):
    sign_in("hengelo@leerplicht.nl")
    page = client.get("/backoffice/stats")
    assert page.status_code == 200
    html = page.text
    assert 'id="table-topics"' in html and html.count('<svg class="bo-chart"') >= 8
    assert 'role="img" aria-label="Onderwerpen waarover gevraagd werd: de cijfers staan in de tabel ernaast"' in html
    assert ">Op vakantie buiten de schoolvakanties</text>" in html and ">2</text>" in html  # label and value as text
    assert "style=" not in html.split('<main id="main"', 1)[1]  # nothing the CSP would block
    assert 'href="/api/backoffice/stats/topics.csv"' in html
    assert "<script" not in html


def test_views_and_exports_are_audited(client, seeded, sign_in, accounts):
    sign_in("hengelo@leerplicht.nl")
    client.get("/backoffice/stats?municipality=Borne")
    client.get("/api/backoffice/stats/topics.csv")
    client.get("/api/backoffice/jaarverslag.csv")
    client.get("/backoffice/review")
    with session_scope() as session:
        entries = session.execute(
            select(AuditEntry.actor, AuditEntry.action, AuditEntry.details)
            .where(AuditEntry.object_type == "insight")
            .order_by(AuditEntry.id)
        ).all()
    actor = f"user:{accounts['hengelo']}"
    assert [(a, action) for a, action, _d in entries] == [
        (actor, "stats_viewed"),
        (actor, "stats_exported"),
        (actor, "jaarverslag_exported"),
        (actor, "review_viewed"),
    ]
    assert entries[0][2]["municipality"] == "Borne" and entries[1][2]["table"] == "topics"


# --- the jaarverslag ----------------------------------------------------------------------------------------------


def test_jaarverslag_shows_small_counts_as_less_than_five_per_municipality_and_year(
    client, configured, accounts, sign_in
):
    from assistant.calendar.model import SchoolYear

    year = SchoolYear(2024)
    day = date(2025, 3, 3)
    for _ in range(6):
        seed_turn(day, topic="verlof_vakantie", first=True)
    for _ in range(3):
        seed_turn(day, municipality="Borne", topic="verlof_vakantie", first=True)
    seed_turn(date(2024, 3, 4), topic="verlof_vakantie", first=True)  # 2023-2024
    seed_turn(date(2025, 8, 1), topic="verlof_vakantie", first=True)  # 2025-2026: not in the table
    with session_scope() as session:
        session.add_all(
            [
                InsightVerlof(
                    reference=f"VL-{n}",
                    at=at(day),
                    day=day,
                    municipality="Hengelo",
                    kind="vakantie",
                    status="approved",
                    decided_by="directeur",
                    source="chat",
                )
                for n in range(5)
            ]
        )
        session.add(
            InsightCase(
                reference="LP-1",
                opened_at=at(day),
                day=day,
                municipality="Borne",
                trigger="absolute_verzuim",
                priority="high",
                language="nl",
                sla_due_at=at(day),
                outcome="investigation",
            )
        )
    sign_in("hengelo@leerplicht.nl")
    report = client.get(f"/api/backoffice/jaarverslag?school_year={year.label}").json()
    assert [(c["municipality"], c["school_year"]) for c in report["columns"]] == [
        ("Borne", "2023-2024"),
        ("Borne", "2024-2025"),
        ("Hengelo", "2023-2024"),
        ("Hengelo", "2024-2025"),
    ]
    tables = {table["key"]: {row["label"]: row["values"] for row in table["rows"]} for table in report["tables"]}
    assert tables["vragen"]["Op vakantie buiten de schoolvakanties"] == [0, "<5", "<5", 6]
    assert tables["vragen"]["Totaal aantal gesprekken"] == [0, "<5", "<5", 6]
    assert tables["verlof"]["Vakantieverlof (art. 13a): aangevraagd (naar de beslisser)"] == [0, 0, 0, 5]
    assert tables["verlof"]["Vakantieverlof (art. 13a): waarvan toegestaan"] == [0, 0, 0, 5]
    assert tables["zaken_reden"]["Kind staat niet ingeschreven (absoluut verzuim)"] == [0, "<5", 0, 0]
    assert tables["zaken_uitkomst"]["Verzuimonderzoek gestart"] == [0, "<5", 0, 0]
    assert all(table["note"].startswith("Bron: eigen registratie Leerplicht-assistent") for table in report["tables"])

    exported = client.get(f"/api/backoffice/jaarverslag.csv?school_year={year.label}")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8")[1:]), delimiter=";"))
    assert rows[0] == ["Tabel", "Rij", "Gemeente", "Schooljaar", "Aantal"]
    assert [
        "Vragen aan de Leerplicht-assistent naar onderwerp",
        "Op vakantie buiten de schoolvakanties",
        "Borne",
        "2024-2025",
        "<5",
    ] in rows
    assert not any(row[4] in ("1", "2", "3", "4") for row in rows[1:])

    page = client.get(f"/backoffice/jaarverslag?school_year={year.label}")
    assert page.status_code == 200
    assert "&lt;5" in page.text and 'colspan="2">Borne</th>' in page.text
    assert "Bron: eigen registratie Leerplicht-assistent" in page.text


def test_jaarverslag_for_an_admin_has_the_unknown_column_and_refuses_a_bad_school_year(client, seeded, sign_in):
    sign_in("admin@leerplicht.nl")
    report = client.get("/api/backoffice/jaarverslag").json()
    assert report["columns"][-1]["municipality"] == "Onbekend"
    assert len(report["columns"]) == 2 * 7
    bad = client.get("/api/backoffice/jaarverslag?school_year=2024-2026")
    assert (
        bad.status_code == 422 and bad.json()["detail"] == "'2024-2026' is geen schooljaar. Schrijf het als 2024-2025."
    )
    assert client.get("/backoffice/jaarverslag?school_year=vorig jaar").status_code == 422
