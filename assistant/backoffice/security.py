"""Back-office sessions, CSRF tokens and login throttling.

- The session is a cookie signed with `SECRET_KEY` (itsdangerous), HttpOnly, SameSite=Lax, Secure outside
  APP_ENV=local/test, valid for `SESSION_MAX_AGE`. It carries the user id, the account's session nonce and a CSRF
  token. Logging out (or deactivating the account) gives the account a new nonce, which ends all its sessions.
- Every form carries the CSRF token of the session (the login form a token from a short-lived signed cookie);
  the JSON API wants it in the `X-CSRF-Token` header for unsafe methods.
- Login throttling (`LoginThrottle`, from the settings): failed attempts within the window are counted three ways,
  and reaching any limit blocks further attempts (HTTP 429): for one account from one address (LOGIN_MAX_FAILURES,
  someone guessing one password), for one account from anywhere (LOGIN_MAX_FAILURES_PER_ACCOUNT, guessing from many
  addresses) and from one address for any account (LOGIN_MAX_FAILURES_PER_IP, one password tried on many accounts).
  Attempts are stored in the database, so every replica sees them.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from assistant.cases import audit
from assistant.cases.auth import Principal, hash_password, needs_rehash, new_session_nonce, verify_password
from assistant.cases.models import LoginAttempt, User
from assistant.db.base import utcnow
from assistant.db.session import session_scope
from assistant.settings import Settings, get_settings

SESSION_COOKIE = "lpa_backoffice"
LOGIN_COOKIE = "lpa_backoffice_login"
SESSION_MAX_AGE = 8 * 3600
LOGIN_FORM_MAX_AGE = 3600
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True)
class SignedIn:
    principal: Principal
    csrf_token: str


def _settings(request: Request) -> Settings:
    return getattr(request.app.state, "settings", None) or get_settings()


def _serializer(settings: Settings, salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key.get_secret_value(), salt=salt)


def _secure(settings: Settings) -> bool:
    return settings.app_env not in ("local", "test")


def client_ip(request: Request) -> str:
    return (request.client.host if request.client else "unknown")[:64]


# --- sessions ------------------------------------------------------------------------------------------------


def start_session(request: Request, response: Response, user: User) -> None:
    settings = _settings(request)
    token = _serializer(settings, "backoffice-session").dumps(
        {"u": user.id, "n": user.session_nonce, "c": secrets.token_urlsafe(32)}
    )
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_MAX_AGE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=_secure(settings),
    )
    response.delete_cookie(LOGIN_COOKIE, path="/backoffice")


def end_session(request: Request, response: Response, signed_in: SignedIn | None) -> None:
    """Clear the cookie and end every session of the account (a new nonce)."""
    if signed_in is not None:
        with session_scope() as session:
            user = session.get(User, signed_in.principal.id)
            if user is not None:
                user.session_nonce = new_session_nonce()
                audit.record(session, signed_in.principal.actor, "logout", "user", str(user.id))
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=_secure(_settings(request)))


def signed_in(request: Request) -> SignedIn | None:
    """The signed-in, active user of this request, or None. Cached on the request."""
    if hasattr(request.state, "backoffice_user"):
        return request.state.backoffice_user
    result = None
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        try:
            data = _serializer(_settings(request), "backoffice-session").loads(cookie, max_age=SESSION_MAX_AGE)
        except BadSignature:
            data = None
        if isinstance(data, dict) and isinstance(data.get("u"), int):
            with session_scope() as session:
                user = session.get(User, data["u"])
                if user is not None and user.active and hmac.compare_digest(str(data.get("n", "")), user.session_nonce):
                    result = SignedIn(Principal.of(user), str(data.get("c", "")))
    request.state.backoffice_user = result
    return result


def csrf_ok(signed: SignedIn, token: str | None) -> bool:
    return bool(token) and bool(signed.csrf_token) and hmac.compare_digest(str(token), signed.csrf_token)


# --- the login form ------------------------------------------------------------------------------------------


def new_login_form_token() -> str:
    return secrets.token_urlsafe(32)


def set_login_form_cookie(request: Request, response: Response, token: str) -> None:
    """Bind the login form's CSRF token to this browser with a short-lived signed cookie."""
    settings = _settings(request)
    response.set_cookie(
        LOGIN_COOKIE,
        _serializer(settings, "backoffice-login").dumps(token),
        max_age=LOGIN_FORM_MAX_AGE,
        path="/backoffice",
        httponly=True,
        samesite="strict",
        secure=_secure(settings),
    )


def login_form_token_ok(request: Request, token: str | None) -> bool:
    cookie = request.cookies.get(LOGIN_COOKIE)
    if not cookie or not token:
        return False
    try:
        expected = _serializer(_settings(request), "backoffice-login").loads(cookie, max_age=LOGIN_FORM_MAX_AGE)
    except BadSignature:
        return False
    return isinstance(expected, str) and hmac.compare_digest(expected, token)


# --- throttled authentication --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoginThrottle:
    window: timedelta = timedelta(minutes=15)
    per_account_and_ip: int = 5
    per_account: int = 10
    per_ip: int = 20

    @classmethod
    def from_settings(cls, settings: Settings) -> LoginThrottle:
        return cls(
            timedelta(minutes=settings.login_throttle_minutes),
            settings.login_max_failures,
            settings.login_max_failures_per_account,
            settings.login_max_failures_per_ip,
        )

    def blocks(self, session: Session, email: str, ip: str, now: datetime) -> bool:
        """True when a limit is reached: the account from this address, the account, or the address."""
        recent = (LoginAttempt.success.is_(False), LoginAttempt.at > now - self.window)
        return any(
            (session.scalar(select(func.count()).select_from(LoginAttempt).where(*recent, *match)) or 0) >= limit
            for match, limit in (
                ((LoginAttempt.email == email, LoginAttempt.ip == ip), self.per_account_and_ip),
                ((LoginAttempt.email == email,), self.per_account),
                ((LoginAttempt.ip == ip,), self.per_ip),
            )
        )


def throttle_for(request: Request) -> LoginThrottle:
    return LoginThrottle.from_settings(_settings(request))


class Throttled(Exception):
    """Too many failed attempts: for this account from this address, for this account, or from this address."""


def authenticate(
    email: str, password: str, ip: str, now: datetime | None = None, throttle: LoginThrottle | None = None
) -> User | None:
    """The active user with this e-mail address and password; None when wrong. Raises `Throttled`."""
    now = now or utcnow()
    throttle = throttle or LoginThrottle()
    email = email.strip().lower()[:254]
    with session_scope() as session:
        session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - 4 * throttle.window))
        if throttle.blocks(session, email, ip, now):
            session.add(LoginAttempt(email=email, ip=ip, success=False, at=now))
            blocked = True
        else:
            blocked = False
            user = session.scalar(select(User).where(User.email == email))
            ok = verify_password(user.password_hash if user is not None else None, password)
            ok = ok and user is not None and user.active
            session.add(LoginAttempt(email=email, ip=ip, success=ok, at=now))
            if ok:
                assert user is not None
                if needs_rehash(user.password_hash):
                    user.password_hash = hash_password(password)
                audit.record(session, f"user:{user.id}", "login", "user", str(user.id), {"ip": ip})
                session.flush()
                session.expunge(user)
                return user
    if blocked:
        raise Throttled
    return None
