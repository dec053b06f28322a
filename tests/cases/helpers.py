"""Helpers shared by the case, back-office and browser tests: accounts and cases in the configured database."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from assistant.cases import service
from assistant.cases.auth import create_user
from assistant.cases.models import Case, OfficerSchool, User
from assistant.db.session import session_scope

PASSWORD = "een-lang-genoeg-wachtwoord"
# Monday 24 November 2025, 10:00 in Amsterdam (CET, UTC+1): inside the default office hours.
MONDAY_10 = datetime(2025, 11, 24, 9, 0, tzinfo=timezone.utc)


def make_user(
    email: str,
    role: str = "officer",
    municipality: str | None = "Hengelo",
    school_id: str | None = None,
    name: str | None = None,
    schools: tuple[tuple[str, str], ...] = (),
) -> int:
    with session_scope() as session:
        user = create_user(
            session,
            email=email,
            display_name=name or email.split("@")[0].title(),
            role=role,
            password=PASSWORD,
            municipality=municipality,
            school_id=school_id,
        )
        for school_id_, school_name in schools:
            session.add(OfficerSchool(officer_id=user.id, school_id=school_id_, school_name=school_name))
        return user.id


def make_case(
    sender_id: str, town: str = "Borne", trigger: str = "user_request", now: datetime | None = None, **facts: Any
) -> str:
    with session_scope() as session:
        case = service.open_case(
            session,
            sender_id=sender_id,
            trigger=trigger,
            facts={"town": town, "name": "Fatima", **facts},
            assessment={
                "text": "Verlof buiten de schoolvakanties kan alleen bij gewichtige omstandigheden.",
                "citations": [
                    {
                        "ref": "Leerplichtwet 1969, artikel 13a",
                        "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a",
                    }
                ],
            },
            transcript=[{"author": "user", "text": "Ik wil een leerplichtambtenaar spreken"}],
            consent=True,
            now=now,
        )
        return case.reference


def load_case(reference: str) -> Case:
    from sqlalchemy import select

    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.reference == reference))
        assert case is not None
        _ = case.messages, case.notes
        session.expunge(case)
        return case


def user_id(email: str) -> int:
    from sqlalchemy import select

    with session_scope() as session:
        return session.scalar(select(User.id).where(User.email == email))
