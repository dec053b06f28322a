"""One settings object, read from environment variables (and an optional `.env` file).

Every variable is documented in `.env.example`; keep the two in step.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import limits
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET = "dev-only-change-me"  # noqa: S105 - the marker that production refuses


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    app_env: Literal["local", "test", "production"] = "local"
    secret_key: SecretStr = SecretStr(DEFAULT_SECRET)
    gateway_token: SecretStr = Field(
        default=SecretStr(DEFAULT_SECRET),
        description="Shared secret between the gateway and Rasa (channel and action endpoint).",
    )

    # Not HOST/PORT: process runners (honcho, foreman) set PORT per process.
    assistant_host: str = "127.0.0.1"
    assistant_port: int = 8000
    action_server_port: int = Field(
        default=8001, description="port of the assistant's action server process: Rasa's custom actions and responses"
    )
    web_workers: int = Field(default=1, ge=1, description="uvicorn worker processes")

    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'assistant.db'}"
    tracker_store_url: str | None = Field(
        default=None,
        description="Rasa's SQL tracker store. Default: var/tracker.db next to a SQLite app database, "
        "or the same PostgreSQL server and database as DATABASE_URL.",
    )
    lock_store_url: str | None = Field(default=None, description="redis://host:port/db for several Rasa replicas")

    rasa_urls: str = Field(
        default="http://127.0.0.1:5005", description="comma-separated; several Rasa processes share the conversations"
    )
    rasa_timeout_seconds: float = Field(default=1.8, description="deadline for one message, fail-over included")
    rasa_health_timeout_seconds: float = 2.0

    default_language: str = "nl"
    max_message_chars: int = 2000
    # Every body the OpenAPI schema allows fits, even with each character escaped in JSON (\uXXXX, 12 bytes for a
    # character outside the BMP): 2000-character chat messages, 4000-character texts.
    max_body_bytes: int = 65_536

    organisation_name: str = Field(default="de gemeente", description="who runs the assistant (privacy page)")
    privacy_contact_url: str | None = None
    chat_retention_days: int = Field(default=28, ge=1, description="anonymous chat transcripts are deleted after")
    case_retention_days: int = Field(
        default=365, ge=1, description="officer cases and verlof requests, counted from closing"
    )
    verlof_undecided_retention_days: int = Field(
        default=365, ge=1, description="verlof requests nobody decided, counted from the last day of the leave"
    )

    # Rate limits, in `limits` notation ("20/minute", "5/minute;30/hour"). Parents often share one address (a school,
    # a reception centre, a mobile carrier's NAT), so the chat counts per conversation, with a loose ceiling per
    # address.
    chat_rate_limit_per_conversation: str = Field(default="20/minute", description="messages per conversation")
    chat_rate_limit_per_ip: str = Field(
        default="600/minute", description="messages per client address, all its conversations together"
    )
    verlof_request_rate_limit: str = Field(
        default="5/minute;30/hour", description="leave requests submitted per client address"
    )
    verlof_status_rate_limit: str = Field(
        default="20/minute;200/hour", description="leave-request status look-ups per client address"
    )
    rate_limit_redis_url: str | None = None
    # Reverse proxies whose X-Forwarded-For names the client (uvicorn's `forwarded_allow_ips`): comma-separated
    # addresses or networks. Empty: no proxy is trusted and the client is the address that connected.
    forwarded_allow_ips: str = ""

    # Back-office login throttling: failed attempts within the window, counted three ways.
    login_throttle_minutes: int = Field(default=15, ge=1)
    login_max_failures: int = Field(default=5, ge=1, description="for one account from one address")
    login_max_failures_per_account: int = Field(default=10, ge=1, description="for one account, from any address")
    login_max_failures_per_ip: int = Field(default=20, ge=1, description="from one address, for any account")

    # /docs, /redoc and /openapi.json; off in production unless set.
    api_docs: bool | None = Field(default=None, description="default: on, except with APP_ENV=production")

    log_level: str = "INFO"
    log_json: bool = True

    public_base_url: str | None = Field(
        default=None,
        description="the address parents use (links in the chat and in e-mails); default: "
        "http://ASSISTANT_HOST:ASSISTANT_PORT",
    )

    # E-mail notices (an officer replied). Nothing is sent while SMTP_HOST is empty.
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = Field(default=True, description="STARTTLS before logging in (port 587)")
    smtp_ssl: bool = Field(default=False, description="TLS from the start (port 465)")
    smtp_from: str = "leerplicht-assistent@localhost"
    smtp_timeout_seconds: float = 10.0

    @field_validator("database_url", "tracker_store_url")
    @classmethod
    def _anchor_relative_sqlite_paths(cls, url: str | None) -> str | None:
        """`sqlite:///var/x.db` means var/x.db in the project, whatever the working directory."""
        prefix = "sqlite:///"
        if url and url.startswith(prefix) and not url.startswith(prefix + "/") and url != prefix + ":memory:":
            return prefix + str(PROJECT_ROOT / url[len(prefix) :])
        return url

    @field_validator(
        "chat_rate_limit_per_conversation",
        "chat_rate_limit_per_ip",
        "verlof_request_rate_limit",
        "verlof_status_rate_limit",
    )
    @classmethod
    def _valid_rate_limit(cls, value: str) -> str:
        try:
            limits.parse_many(value)
        except ValueError as error:
            raise ValueError(f"not a rate limit in `limits` notation (e.g. 20/minute): {value!r}") from error
        return value

    @model_validator(mode="after")
    def _refuse_default_secrets_in_production(self) -> Settings:
        if self.app_env == "production":
            for name in ("secret_key", "gateway_token"):
                value = getattr(self, name).get_secret_value()
                if value == DEFAULT_SECRET or len(value) < 32:
                    raise ValueError(
                        f"{name.upper()} must be set to a random value of at least 32 characters in production"
                    )
        return self

    def public_url(self, path: str = "/") -> str:
        """The absolute address of `path` as parents reach it."""
        base = (self.public_base_url or f"http://{self.assistant_host}:{self.assistant_port}").rstrip("/")
        return base + "/" + path.lstrip("/")

    @property
    def api_docs_enabled(self) -> bool:
        return self.api_docs if self.api_docs is not None else self.app_env != "production"

    @property
    def rasa_url_list(self) -> list[str]:
        return [url.strip() for url in self.rasa_urls.split(",") if url.strip()]

    @property
    def resolved_tracker_store_url(self) -> str:
        if self.tracker_store_url:
            return self.tracker_store_url
        if self.database_url.startswith("sqlite"):
            return f"sqlite:///{PROJECT_ROOT / 'var' / 'tracker.db'}"
        return self.database_url


@lru_cache
def get_settings() -> Settings:
    return Settings()
