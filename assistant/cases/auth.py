"""Back-office accounts: password hashing (Argon2id via argon2-cffi) and who may see what.

Authorisation rules (one place, used by the pages and the JSON API alike):
- admin: every case and every school's items, in every municipality;
- officer: the cases and school items of their own municipality;
- school account: only the items of its own school (verlof requests); never cases.
Anything a user may not see is reported as "not found" (404) by the callers, so its existence does not leak.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Select, false
from sqlalchemy.orm import Session

from assistant.cases.models import ROLE_ADMIN, ROLE_OFFICER, ROLE_SCHOOL, ROLES, Case, User

_hasher = PasswordHasher()
# Verified against when the e-mail address is unknown, so a wrong address costs as much time as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
MIN_PASSWORD_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def new_session_nonce() -> str:
    return secrets.token_urlsafe(24)


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"the password must have at least {MIN_PASSWORD_LENGTH} characters"
    return None


def create_user(
    session: Session,
    *,
    email: str,
    display_name: str,
    role: str,
    password: str,
    municipality: str | None = None,
    school_id: str | None = None,
) -> User:
    """A new active account. Officers need a municipality, school accounts a school id."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    if role == ROLE_OFFICER and not municipality:
        raise ValueError("an officer needs a municipality")
    if role == ROLE_SCHOOL and not school_id:
        raise ValueError("a school account needs a school id")
    problem = password_problem(password)
    if problem:
        raise ValueError(problem)
    user = User(
        email=email.strip().lower(),
        display_name=display_name.strip(),
        role=role,
        municipality=municipality if role == ROLE_OFFICER else None,
        school_id=school_id if role == ROLE_SCHOOL else None,
        password_hash=hash_password(password),
        active=True,
        session_nonce=new_session_nonce(),
    )
    session.add(user)
    session.flush()
    return user


# --- authorisation -------------------------------------------------------------------------------------------


class SchoolItem(Protocol):
    """Anything that belongs to a school in a municipality (a verlof request, later)."""

    school_id: str | None
    municipality: str | None


@dataclass(frozen=True)
class Principal:
    """The signed-in user as the authorisation rules need it (detached from the database session)."""

    id: int
    role: str
    municipality: str | None = None
    school_id: str | None = None
    display_name: str = ""
    email: str = ""

    @classmethod
    def of(cls, user: User) -> Principal:
        return cls(user.id, user.role, user.municipality, user.school_id, user.display_name, user.email)

    @property
    def actor(self) -> str:
        return f"user:{self.id}"

    @property
    def is_admin(self) -> bool:
        return self.role == ROLE_ADMIN

    @property
    def works_cases(self) -> bool:
        return self.role in (ROLE_OFFICER, ROLE_ADMIN)


def can_see_case(principal: Principal, case: Case) -> bool:
    if principal.role == ROLE_ADMIN:
        return True
    if principal.role == ROLE_OFFICER:
        return principal.municipality is not None and case.municipality == principal.municipality
    return False  # school accounts never see cases (they hold parents' conversations)


def restrict_cases(query: Select, principal: Principal) -> Select:
    """`query` over cases limited to what `principal` may see."""
    if principal.role == ROLE_ADMIN:
        return query
    if principal.role == ROLE_OFFICER and principal.municipality:
        return query.where(Case.municipality == principal.municipality)
    return query.where(false())


def can_see_school_item(principal: Principal, item: SchoolItem) -> bool:
    """Verlof requests and other school items: own school for school accounts, own municipality for officers."""
    if principal.role == ROLE_ADMIN:
        return True
    if principal.role == ROLE_SCHOOL:
        return principal.school_id is not None and item.school_id == principal.school_id
    if principal.role == ROLE_OFFICER:
        return principal.municipality is not None and item.municipality == principal.municipality
    return False
