"""Pure rules of the officer queue: priority, routing, office hours and SLA, expected-response texts, queue order."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from assistant.cases import routing, service, sla

AMS = ZoneInfo("Europe/Amsterdam")
HOURS = sla.OfficeHours()


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.mark.parametrize(
    ("trigger", "facts", "expected"),
    [
        ("safety_signal", {}, "urgent"),
        ("absolute_verzuim", {}, "high"),
        ("user_request", {}, "normal"),
        ("rules_need_officer", {}, "normal"),
        ("repeated_misunderstanding", {}, "normal"),
        ("something_new", {}, "normal"),
        ("user_request", {"absolute_verzuim": True}, "high"),
        ("absolute_verzuim", {"safety_signal": "ja"}, "urgent"),
        ("safety_signal", {"absolute_verzuim": True}, "urgent"),
        ("user_request", {"safety_signal": False}, "normal"),
    ],
)
def test_priority_urgent_safety_over_absolute_verzuim_over_the_rest(trigger, facts, expected):
    assert service.priority_for(trigger, facts) == expected


@pytest.mark.parametrize(
    ("town", "municipality"),
    [
        ("Hengelo", "Hengelo"),
        ("Borne", "Hengelo"),
        ("  gemeente  BORNE ", "Hengelo"),
        ("Enschede", "Enschede"),
        ("Losser", "Enschede"),
        ("Oldenzaal", "Enschede"),
        ("Dinkelland", "Enschede"),
        ("Hof van Twente", None),  # its Doorstroompunt is Hengelo's, but who runs leerplicht there is not known
        ("Almelo", None),
        ("", None),
        (None, None),
    ],
)
def test_town_is_routed_to_the_municipality_that_runs_leerplicht(town, municipality):
    assert routing.responsible_municipality(town) == municipality


def test_only_the_municipalities_that_run_leerplicht_have_a_queue():
    assert routing.leerplicht_municipalities() == ("Enschede", "Hengelo")
    assert routing.canonical_municipality("hengelo") == "Hengelo"
    assert routing.canonical_municipality("Borne") is None  # Borne has no queue of its own


def test_region_municipalities_and_who_serves_them():
    assert routing.region_municipalities() == ("Borne", "Dinkelland", "Enschede", "Hengelo", "Losser", "Oldenzaal")
    assert routing.towns_served_by("Hengelo") == ("Borne", "Hengelo")
    assert routing.towns_served_by("enschede") == ("Dinkelland", "Enschede", "Losser", "Oldenzaal")
    assert routing.towns_served_by("Almelo") == ()
    assert routing.canonical_town(" gemeente BORNE ") == "Borne"
    assert routing.canonical_town("Almelo") is None
    assert routing.canonical_town(None) is None


def test_office_hours_file_is_marked_as_configuration_and_has_the_default():
    text = sla.OFFICE_HOURS_FILE.read_text(encoding="utf-8")
    assert "CONFIGURATION, NOT A SOURCED FACT" in text
    default, per_municipality = sla.load_office_hours()
    assert default.weekdays == frozenset(range(5))
    assert (default.opens.hour, default.closes.hour) == (9, 17)
    assert str(default.timezone) == "Europe/Amsterdam"
    assert set(per_municipality) == {"hengelo", "enschede"}
    assert sla.office_hours_for("Hengelo") == default


@pytest.mark.parametrize(
    ("created", "priority", "due"),
    [
        (local(2025, 11, 24, 10, 0), "normal", local(2025, 11, 25, 10, 0)),  # Monday 10:00 + 8h -> Tuesday 10:00
        (local(2025, 11, 24, 15, 0), "high", local(2025, 11, 25, 11, 0)),  # 2h Monday + 2h Tuesday
        (local(2025, 11, 24, 10, 0), "urgent", local(2025, 11, 24, 11, 0)),
        (local(2025, 11, 28, 16, 30), "urgent", local(2025, 12, 1, 9, 30)),  # Friday 16:30 -> Monday 9:30
        (local(2025, 11, 29, 12, 0), "normal", local(2025, 12, 1, 17, 0)),  # Saturday -> all of Monday
        (local(2025, 11, 24, 7, 0), "high", local(2025, 11, 24, 13, 0)),  # before opening: counts from 9:00
        (local(2025, 11, 24, 17, 0), "urgent", local(2025, 11, 25, 10, 0)),  # closing time itself is closed
        (local(2026, 3, 27, 16, 0), "normal", local(2026, 3, 30, 16, 0)),  # across the switch to summer time
    ],
)
def test_sla_due_counts_office_hours_only(created, priority, due):
    assert sla.sla_due_at(HOURS, priority, created) == due.astimezone(timezone.utc)


def test_closed_dates_are_skipped():
    hours = sla.OfficeHours(closed_dates=frozenset({date(2025, 12, 25), date(2025, 12, 26)}))
    assert sla.sla_due_at(hours, "urgent", local(2025, 12, 24, 16, 30)) == local(2025, 12, 29, 9, 30).astimezone(
        timezone.utc
    )


def test_naive_datetimes_are_utc():
    naive = datetime(2025, 11, 24, 9, 0)
    assert sla.sla_due_at(HOURS, "urgent", naive) == local(2025, 11, 24, 11, 0).astimezone(timezone.utc)


def test_expected_response_in_office_hours_is_within_a_workday():
    text = sla.expected_response(HOURS, "normal", local(2025, 11, 24, 10, 0))
    assert text == "Een leerplichtambtenaar reageert binnen 1 werkdag."


def test_expected_response_for_short_targets_names_the_time():
    assert sla.expected_response(HOURS, "high", local(2025, 11, 24, 10, 0)) == (
        "Een leerplichtambtenaar reageert zo snel mogelijk, uiterlijk vandaag om 14.00 uur."
    )
    assert sla.expected_response(HOURS, "high", local(2025, 11, 24, 15, 0)).endswith("uiterlijk morgen om 11.00 uur.")
    assert sla.expected_response(HOURS, "high", local(2025, 11, 28, 15, 0)).endswith("uiterlijk maandag om 11.00 uur.")


@pytest.mark.parametrize(
    ("now", "when"),
    [
        (local(2025, 11, 24, 7, 30), "vandaag vanaf 9.00 uur"),  # Monday early
        (local(2025, 11, 24, 17, 0), "morgen vanaf 9.00 uur"),  # Monday at closing time
        (local(2025, 11, 28, 18, 0), "op maandag vanaf 9.00 uur"),  # Friday evening
        (local(2025, 11, 29, 11, 0), "op maandag vanaf 9.00 uur"),  # Saturday
    ],
)
def test_expected_response_outside_office_hours_says_when_the_office_opens(now, when):
    assert sla.expected_response(HOURS, "normal", now) == (
        f"Het kantoor van leerplicht is nu gesloten. Een leerplichtambtenaar leest uw bericht {when}."
    )


def test_long_closures_name_the_date():
    hours = sla.OfficeHours(closed_dates=frozenset(date(2025, 12, 22) + timedelta(days=n) for n in range(14)))
    assert sla.expected_response(hours, "normal", local(2025, 12, 20, 12, 0)).endswith(
        "op maandag 5 januari vanaf 9.00 uur."
    )


def test_urgent_always_points_to_112_and_veilig_thuis():
    for now in (local(2025, 11, 24, 10, 0), local(2025, 11, 29, 3, 0)):
        text = sla.expected_response(HOURS, "urgent", now)
        assert text.startswith("Is iemand nu in gevaar? Bel dan direct 112.")
        assert "Veilig Thuis" in text and "0800-2000" in text and "dag en nacht" in text


def test_queue_position_counts_higher_priority_and_older_cases_ahead():
    t = local(2025, 11, 24, 10, 0)

    def case(id_, priority, minutes):
        return SimpleNamespace(id=id_, priority=priority, created_at=t + timedelta(minutes=minutes))

    old_normal, new_normal, urgent, high = (
        case(1, "normal", 0),
        case(2, "normal", 5),
        case(3, "urgent", 10),
        case(4, "high", 20),
    )
    waiting = [old_normal, new_normal, urgent, high]
    assert [service.position_in_queue(c, waiting) for c in waiting] == [3, 4, 1, 2]


def test_queue_sort_overdue_first_then_priority_then_age():
    t = local(2025, 11, 24, 10, 0)

    def case(id_, priority, minutes, due_minutes, status="new", first_response=None):
        return SimpleNamespace(
            id=id_,
            priority=priority,
            status=status,
            first_response_at=first_response,
            created_at=t + timedelta(minutes=minutes),
            sla_due_at=t + timedelta(minutes=due_minutes),
        )

    now = t + timedelta(minutes=60)
    overdue_normal = case(1, "normal", 0, 30)
    urgent = case(2, "urgent", 40, 100)
    old_normal = case(3, "normal", 10, 500)
    answered_late = case(4, "normal", 0, 30, status="waiting_for_user", first_response=t)
    ordered = sorted([old_normal, answered_late, urgent, overdue_normal], key=lambda c: service.queue_sort_key(c, now))
    assert [c.id for c in ordered] == [1, 2, 4, 3]


def test_references_are_random_and_well_formed():
    references = {service.new_reference() for _ in range(200)}
    assert len(references) == 200
    for reference in references:
        assert len(reference) == 13 and reference.startswith("LP-")
        assert set(reference[3:]) <= set(service.REFERENCE_ALPHABET)


def test_assessment_keeps_only_well_formed_citations():
    cleaned = service.clean_assessment(
        {"text": "Tekst", "citations": [{"ref": "Leerplichtwet 1969, artikel 11"}, {"url": "https://x"}, "rommel"]}
    )
    assert cleaned == {"text": "Tekst", "citations": [{"ref": "Leerplichtwet 1969, artikel 11", "url": None}]}
