"""assistant.verlof_requests.service: checks, the rules' outcome, earlier requests in the school year, storage."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from assistant.cases.auth import Principal
from assistant.cases.models import Case
from assistant.db.session import session_scope
from assistant.verlof_requests import service
from assistant.verlof_requests.models import VerlofRequest
from tests.cases.helpers import make_user
from tests.verlof_requests.conftest import TODAY


def data(**changes) -> service.RequestData:
    values = dict(
        kind="vakantie",
        start_date=date(2026, 3, 9),
        end_date=date(2026, 3, 13),
        child_name="Sara Jansen",
        child_class="groep 5",
        school_id="hengelo-de-borgh",
        home_municipality="Hengelo",
        reason="Ik werk in de horeca en kan in de zomer geen vrij krijgen.",
        employer_statement=True,
        email="Ouder@Voorbeeld.nl",
    )
    values.update(changes)
    return service.RequestData(**values)


def count() -> int:
    with session_scope() as session:
        return session.scalar(select(func.count(VerlofRequest.id)))


def submit(**changes) -> VerlofRequest:
    with session_scope() as session:
        return service.submit(session, data(**changes), today=TODAY)


def refused(**changes) -> service.RequestRefused:
    with pytest.raises(service.RequestRefused) as error, session_scope() as session:
        service.submit(session, data(**changes), today=TODAY)
    return error.value


def test_a_valid_request_is_stored_with_the_rule_outcome(configured) -> None:
    stored = submit()
    assert stored.reference.startswith("VL-") and len(stored.reference) == 13
    assert (stored.status, stored.decided_by, stored.school_days, stored.school_year) == (
        "submitted",
        "directeur",
        5,
        "2025-2026",
    )
    assert stored.email == "ouder@voorbeeld.nl" and stored.school_name == "De Borgh"
    assert stored.municipality == "Hengelo" and stored.case_reference is None
    assert stored.assessment["problems"] == []
    assert any(note["code"] == "beroep_ouder" for note in stored.assessment["notes"])
    assert count() == 1


def test_references_are_not_guessable() -> None:
    references = {service.new_reference() for _ in range(2000)}
    assert len(references) == 2000
    assert all(set(ref[3:]) <= set(service.REFERENCE_ALPHABET) for ref in references)


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"email": "geen-adres"}, "email", "invalid_email"),
        ({"email": "a@b"}, "email", "invalid_email"),
        ({"child_name": "12345"}, "child_name", "invalid_child_name"),
        ({"school_id": "onbekend-00"}, "school_id", "unknown_school"),
        ({"school_id": None, "school": ""}, "school", "no_school"),
        ({"home_municipality": "Almelo"}, "home_municipality", "unknown_municipality"),
        ({"start_date": date(2026, 1, 5)}, "start_date", "date_in_past"),
        ({"start_date": date(2030, 1, 7), "end_date": date(2030, 1, 8)}, "start_date", "outside_calendar"),
        ({"end_date": date(2026, 3, 6)}, "end_date", "end_before_start"),
        ({"end_date": date(2026, 3, 27)}, "end_date", "too_many_days"),
        ({"start_date": date(2026, 3, 15), "end_date": date(2026, 3, 15)}, "start_date", "no_school_days"),
        ({"employer_statement": None}, "employer_statement", "employer_statement_missing"),
        ({"reason": " "}, "reason", "invalid_reason"),
        ({"category": "onzin"}, "category", "unknown_category"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_stored(configured, changes, field, code) -> None:
    error = refused(**changes)
    assert (error.field, error.code) == (field, code)
    assert error.message("nl") and error.message("en")
    assert count() == 0


def test_more_than_ten_days_of_vacation_leave_is_explained_with_the_law(configured) -> None:
    error = refused(end_date=date(2026, 3, 27))
    assert "ten hoogste 10 schooldagen" in error.message("nl") and "lpw:13a" in error.citations


def test_vacation_leave_counts_once_per_school_year_per_child(configured) -> None:
    submit()
    error = refused(start_date=date(2026, 5, 18), end_date=date(2026, 5, 19), child_name="sara  JANSEN")
    assert error.code == "already_used_this_school_year"
    other_child = submit(start_date=date(2026, 5, 18), end_date=date(2026, 5, 19), child_name="Tim Jansen")
    assert other_child.status == "submitted"


def test_a_refused_request_no_longer_counts(configured) -> None:
    first = submit()
    with session_scope() as session:
        session.get(VerlofRequest, first.id).status = "refused"
    assert submit(start_date=date(2026, 5, 18), end_date=date(2026, 5, 19)).status == "submitted"


def test_art_14_above_ten_days_in_total_goes_to_the_officer_of_the_home_municipality(configured) -> None:
    common = dict(
        kind="gewichtige_omstandigheid",
        category="ernstige_ziekte",
        employer_statement=None,
        home_municipality="Borne",
        reason="Mijn moeder is ernstig ziek in Marokko.",
    )
    first = submit(start_date=date(2026, 3, 9), end_date=date(2026, 3, 18), **common)  # 8 school days
    assert (first.decided_by, first.case_reference) == ("directeur", None)
    second = submit(start_date=date(2026, 4, 13), end_date=date(2026, 4, 15), **common)  # 3 more: 11 in total
    assert second.decided_by == "leerplichtambtenaar" and second.municipality == "Hengelo"
    assert second.assessment["prior_days"] == 8
    assert any(p["code"] == "needs_officer" for p in second.assessment["problems"])
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == second.case_reference))
        assert case.municipality == "Hengelo" and case.trigger == "rules_need_officer"
        assert case.summary["verlof_reference"] == second.reference and case.transcript == []
        assert case.sender_id == f"verlof:{second.reference}"
        assert "leerplichtambtenaar" in case.assessment["text"]


def test_leave_in_the_next_school_year_counts_that_years_earlier_requests(configured) -> None:
    # Requested in January 2026 for school year 2026-2027: the earlier vacation leave of that year counts.
    submit(start_date=date(2026, 10, 5), end_date=date(2026, 10, 9))
    error = refused(start_date=date(2027, 3, 8), end_date=date(2027, 3, 9))
    assert error.code == "already_used_this_school_year"


def test_religious_duty_is_a_notice(configured) -> None:
    stored = submit(
        kind="religieus",
        employer_statement=None,
        reason="Het Suikerfeest",
        start_date=date(2026, 3, 20),
        end_date=date(2026, 3, 20),
    )
    assert (stored.status, stored.decided_by) == ("notified", "none")


def test_a_vacation_reason_that_does_not_count_is_stored_with_a_warning(configured) -> None:
    stored = submit(reason="De tickets zijn in mei veel goedkoper.")
    assert stored.category == "goedkopere_tickets" and stored.allowed is None
    assert [p["code"] for p in stored.assessment["problems"]] == ["not_a_valid_reason"]


def test_short_notice_is_a_warning_not_a_refusal(configured) -> None:
    stored = submit(start_date=date(2026, 1, 26), end_date=date(2026, 1, 27))
    [problem] = stored.assessment["problems"]
    assert problem["code"] == "short_notice" and problem["severity"] == "warning"


def test_parent_lookup_needs_the_right_email(configured) -> None:
    stored = submit()
    with session_scope() as session:
        assert service.find_for_parent(session, stored.reference.lower(), " OUDER@voorbeeld.nl").id == stored.id
        for reference, email in ((stored.reference, "ander@voorbeeld.nl"), ("VL-XXXXXXXXXX", "ouder@voorbeeld.nl")):
            with pytest.raises(service.RequestNotFound):
                service.find_for_parent(session, reference, email)


def test_decide_rules(configured) -> None:
    stored = submit()
    school = Principal(
        make_user("directie@deborgh.nl", "school", None, "hengelo-de-borgh"),
        "school",
        school_id="hengelo-de-borgh",
        display_name="Directie De Borgh",
    )
    other_school = Principal(
        make_user("triangel@school.nl", "school", None, "enschede-de-triangel"),
        "school",
        school_id="enschede-de-triangel",
    )
    officer = Principal(make_user("lpa@hengelo.nl"), "officer", municipality="Hengelo")
    with session_scope() as session:
        with pytest.raises(service.RequestNotFound):
            service.decide(session, other_school, stored.reference, "approve", None)
        with pytest.raises(service.DecisionError) as error:
            service.decide(session, officer, stored.reference, "approve", None)
        assert error.value.status_code == 403
        with pytest.raises(service.DecisionError) as error:
            service.decide(session, school, stored.reference, "refuse", "  ")
        assert error.value.status_code == 422
        decided = service.decide(session, school, stored.reference, "refuse", "Geen werkgeversverklaring.")
        assert decided.status == "refused" and decided.decider_name == "Directie De Borgh"
        with pytest.raises(service.DecisionError, match="al beslist"):
            service.decide(session, school, stored.reference, "approve", None)
        view = service.parent_view(decided, "nl")
    assert view["decision"]["outcome"] == "refused" and view["decision"]["reason"] == "Geen werkgeversverklaring."
    assert "binnen 6 weken bezwaar" in view["bezwaar"]["text"] and "De Borgh" in view["bezwaar"]["text"]
    assert any("6:7" in c["ref"] for c in view["bezwaar"]["citations"])


def test_lists_per_role(configured) -> None:
    mine = submit()
    other = submit(school_id="enschede-de-triangel", home_municipality="Enschede", child_name="Tom de Wit")
    free_text = submit(school_id=None, school="Onbekende School", child_name="Eva Smit")
    with session_scope() as session:
        school = Principal(1, "school", school_id="hengelo-de-borgh")
        assert [r.reference for r in service.list_for(session, school)] == [mine.reference]
        officer = Principal(3, "officer", municipality="Hengelo")
        assert [r.reference for r in service.list_for(session, officer)] == [free_text.reference]
        admin = Principal(4, "admin")
        assert {r.reference for r in service.list_for(session, admin)} == {
            mine.reference,
            other.reference,
            free_text.reference,
        }
        assert service.count_open(session, school) == 1


def test_the_parent_sees_stored_problems_in_their_language(configured) -> None:
    from assistant.i18n import message_from_json, translate

    stored = submit(start_date=date(2026, 1, 26), end_date=date(2026, 1, 27))
    [problem] = stored.assessment["problems"]
    dutch = problem["message"]
    for language in ("en", "uk", "ar"):
        [shown] = service.parent_view(stored, language)["problems"]
        assert shown["message"] == translate(message_from_json(problem["source"]), language) != dutch
        assert "source" not in shown and shown["code"] == "short_notice"
        assert str(problem["source"]["values"]["weeks"]["value"]) in shown["message"]
    assert service.parent_view(stored, "nl")["problems"][0]["message"] == dutch


def test_problems_stored_before_their_source_was_kept_still_show(configured) -> None:
    stored = submit(start_date=date(2026, 1, 26), end_date=date(2026, 1, 27))
    problem = {key: value for key, value in stored.assessment["problems"][0].items() if key != "source"}
    stored.assessment = {**stored.assessment, "problems": [problem]}
    [shown] = service.parent_view(stored, "en")["problems"]
    assert shown["message"] == problem["message"]  # a filled-in Dutch text has no catalog entry: it stays Dutch


@pytest.mark.parametrize(
    ("reason", "category", "explained"),
    [
        ("We gaan een week skiën in Oostenrijk.", "wintersport", "Wintersport of een skivakantie is geen reden"),
        ("In de zomervakantie is alles volgeboekt.", "geen_boeking", "Dat er in de schoolvakantie geen reis"),
        ("Wij vieren carnaval bij familie.", "feest", "Carnaval of een ander feest is geen plicht"),
    ],
)
def test_the_newer_reasons_that_do_not_count_are_stored_with_the_chats_explanation(
    configured, reason: str, category: str, explained: str
) -> None:
    stored = submit(reason=reason)
    assert stored.category == category and stored.allowed is None
    [problem] = stored.assessment["problems"]
    assert problem["code"] == "not_a_valid_reason" and problem["severity"] == "warning"
    assert explained in str(problem)
