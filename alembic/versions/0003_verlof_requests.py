"""verlof requests: leave requested through the chat or the API, with the rule outcome and the decision

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "verlof_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=True),
        sa.Column("child_name", sa.String(length=120), nullable=False),
        sa.Column("child_key", sa.String(length=320), nullable=False),
        sa.Column("child_class", sa.String(length=40), nullable=False),
        sa.Column("school_id", sa.String(length=64), nullable=True),
        sa.Column("school_name", sa.String(length=200), nullable=False),
        sa.Column("school_town", sa.String(length=64), nullable=True),
        sa.Column("home_municipality", sa.String(length=64), nullable=False),
        sa.Column("municipality", sa.String(length=64), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("school_days", sa.Integer(), nullable=False),
        sa.Column("school_year", sa.String(length=9), nullable=False),
        sa.Column("decided_by", sa.String(length=24), nullable=False),
        sa.Column("allowed", sa.Boolean(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("employer_statement", sa.Boolean(), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("sender_id", sa.String(length=128), nullable=True),
        sa.Column("assessment", sa.JSON(), nullable=False),
        sa.Column("case_reference", sa.String(length=16), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decider_id", sa.Integer(), nullable=True),
        sa.Column("decider_name", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decider_id"], ["users.id"], name=op.f("fk_verlof_requests_decider_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verlof_requests")),
        sa.UniqueConstraint("reference", name=op.f("uq_verlof_requests_reference")),
    )
    with op.batch_alter_table("verlof_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verlof_requests_school_id"), ["school_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_verlof_requests_sender_id"), ["sender_id"], unique=False)
        batch_op.create_index("ix_verlof_requests_child_key_school_year", ["child_key", "school_year"], unique=False)
        batch_op.create_index("ix_verlof_requests_municipality_status", ["municipality", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("verlof_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_verlof_requests_municipality_status")
        batch_op.drop_index("ix_verlof_requests_child_key_school_year")
        batch_op.drop_index(batch_op.f("ix_verlof_requests_sender_id"))
        batch_op.drop_index(batch_op.f("ix_verlof_requests_school_id"))
    op.drop_table("verlof_requests")
