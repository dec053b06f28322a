"""Database access: SQLAlchemy 2 models and sessions. Only Alembic migrations create the schema."""
