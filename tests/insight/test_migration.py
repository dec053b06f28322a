"""Migration 0004_officer_insight creates exactly what the models describe (SQLite and PostgreSQL), and goes down
and up again cleanly."""

from __future__ import annotations

import importlib.util

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from assistant.db import migrate
from assistant.db.base import Base
from assistant.insight.models import TURN_INDEXES
from assistant.settings import PROJECT_ROOT


def test_the_schema_matches_the_models_and_the_migration_reverses(any_database_url):
    engine = create_engine(any_database_url)
    try:
        with engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
            indexes = {
                index["name"]: tuple(index["column_names"])
                for index in inspect(connection).get_indexes("insight_turns")
            }
            assert {name: indexes[name] for name in TURN_INDEXES} == TURN_INDEXES
        migrate.downgrade(any_database_url, "0003")
        with engine.connect() as connection:
            assert not inspect(connection).has_table("insight_turns")
            assert "municipality" not in {c["name"] for c in inspect(connection).get_columns("conversations")}
        migrate.upgrade(any_database_url)
        with engine.connect() as connection:
            assert inspect(connection).has_table("review_labels")
    finally:
        engine.dispose()


def test_the_migration_keeps_its_own_copy_of_the_index_list():
    path = PROJECT_ROOT / "alembic" / "versions" / "0004_officer_insight.py"
    spec = importlib.util.spec_from_file_location("migration_0004", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.TURN_INDEXES == TURN_INDEXES
