"""verlof requests: a hashed access token for the parent (status and the officer's messages without the e-mail)

Revision ID: 0004_sec_privacy
Revises: 0004_sec_resilience
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0004_sec_privacy"
down_revision = "0004_sec_resilience"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("verlof_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("access_token_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("verlof_requests", schema=None) as batch_op:
        batch_op.drop_column("access_token_hash")
