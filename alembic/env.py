"""Alembic environment: migrates the database named by the settings (or by `sqlalchemy.url` when a caller sets it)."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from assistant.cases import models as case_models  # noqa: F401 - the officer queue tables
from assistant.db import models  # noqa: F401 - registers the tables on Base.metadata
from assistant.db.base import Base
from assistant.db.session import build_engine
from assistant.insight import models as insight_models  # noqa: F401 - the officers' figures and feedback
from assistant.settings import get_settings
from assistant.verlof_requests import models as verlof_models  # noqa: F401 - the verlof request table

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = build_engine(_url())
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
