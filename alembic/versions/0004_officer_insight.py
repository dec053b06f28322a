"""officer insight: aggregate-only figures, feedback on answers, satisfaction scores and the review queue

Also the conversation's municipality (when known) and the sources of each bot message (for the parent's transcript).

Revision ID: 0004_officer_insight
Revises: 0004_sec_privacy
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0004_officer_insight"
down_revision = "0004_sec_privacy"
branch_labels = None
depends_on = None

# The figures' covering indexes on insight_turns, written out here so that this migration never changes with the
# model (assistant/insight/models.py keeps the same list; tests/insight/test_migration.py compares them).
TURN_INDEXES = {
    "ix_insight_turns_week": ("week", "municipality", "day", "outcome", "first_turn"),
    "ix_insight_turns_outcome": ("outcome", "municipality", "day"),
    "ix_insight_turns_language": ("language", "municipality", "day", "first_turn"),
    "ix_insight_turns_topic": ("topic", "municipality", "day", "feedback_up", "feedback_down"),
    "ix_insight_turns_out_of_hours": ("out_of_hours", "municipality", "day"),
}


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("municipality", sa.String(length=64), nullable=True))
    with op.batch_alter_table("chat_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("citations", sa.JSON(), nullable=True))

    op.create_table(
        "insight_turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("user_message_id", sa.Integer(), nullable=True),
        sa.Column("first_turn", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("municipality", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("intent", sa.String(length=128), nullable=True),
        sa.Column("topic", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("out_of_hours", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("feedback_up", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("feedback_down", sa.Integer(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_insight_turns_conversation_id_conversations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_message_id"],
            ["chat_messages.id"],
            name=op.f("fk_insight_turns_user_message_id_chat_messages"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insight_turns")),
    )
    with op.batch_alter_table("insight_turns", schema=None) as batch_op:
        # Covering indexes, one per grouping of the figures (see assistant/insight/models.py).
        for name, columns in TURN_INDEXES.items():
            batch_op.create_index(name, list(columns), unique=False)
        batch_op.create_index(batch_op.f("ix_insight_turns_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_insight_turns_user_message_id"), ["user_message_id"], unique=False)

    op.create_table(
        "message_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_message_id", sa.Integer(), nullable=False),
        sa.Column("turn_id", sa.Integer(), nullable=True),
        sa.Column("rating", sa.String(length=8), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_message_id"],
            ["chat_messages.id"],
            name=op.f("fk_message_feedback_chat_message_id_chat_messages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["turn_id"],
            ["insight_turns.id"],
            name=op.f("fk_message_feedback_turn_id_insight_turns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_feedback")),
        sa.UniqueConstraint("chat_message_id", name=op.f("uq_message_feedback_chat_message_id")),
    )
    with op.batch_alter_table("message_feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_message_feedback_turn_id"), ["turn_id"], unique=False)

    op.create_table(
        "satisfaction_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("municipality", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_satisfaction_scores_conversation_id_conversations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_satisfaction_scores")),
        sa.UniqueConstraint("conversation_id", name=op.f("uq_satisfaction_scores_conversation_id")),
    )
    with op.batch_alter_table("satisfaction_scores", schema=None) as batch_op:
        batch_op.create_index("ix_satisfaction_scores_day", ["day"], unique=False)

    op.create_table(
        "insight_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("municipality", sa.String(length=64), nullable=True),
        sa.Column("trigger", sa.String(length=64), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("sla_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_response_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insight_cases")),
        sa.UniqueConstraint("reference", name=op.f("uq_insight_cases_reference")),
    )
    with op.batch_alter_table("insight_cases", schema=None) as batch_op:
        batch_op.create_index("ix_insight_cases_day", ["day"], unique=False)

    op.create_table(
        "insight_verlof",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("municipality", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.String(length=24), nullable=True),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insight_verlof")),
        sa.UniqueConstraint("reference", name=op.f("uq_insight_verlof_reference")),
    )
    with op.batch_alter_table("insight_verlof", schema=None) as batch_op:
        batch_op.create_index("ix_insight_verlof_day", ["day"], unique=False)

    op.create_table(
        "insight_melding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("municipality", sa.String(length=64), nullable=True),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("obligation", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insight_melding")),
    )
    with op.batch_alter_table("insight_melding", schema=None) as batch_op:
        batch_op.create_index("ix_insight_melding_day", ["day"], unique=False)

    op.create_table(
        "review_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("turn_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("intent", sa.String(length=128), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["turn_id"], ["insight_turns.id"], name=op.f("fk_review_labels_turn_id_insight_turns"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["users.id"], name=op.f("fk_review_labels_officer_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_labels")),
        sa.UniqueConstraint("turn_id", name=op.f("uq_review_labels_turn_id")),
    )


def downgrade() -> None:
    op.drop_table("review_labels")
    with op.batch_alter_table("insight_melding", schema=None) as batch_op:
        batch_op.drop_index("ix_insight_melding_day")
    op.drop_table("insight_melding")
    with op.batch_alter_table("insight_verlof", schema=None) as batch_op:
        batch_op.drop_index("ix_insight_verlof_day")
    op.drop_table("insight_verlof")
    with op.batch_alter_table("insight_cases", schema=None) as batch_op:
        batch_op.drop_index("ix_insight_cases_day")
    op.drop_table("insight_cases")
    with op.batch_alter_table("satisfaction_scores", schema=None) as batch_op:
        batch_op.drop_index("ix_satisfaction_scores_day")
    op.drop_table("satisfaction_scores")
    with op.batch_alter_table("message_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_message_feedback_turn_id"))
    op.drop_table("message_feedback")
    with op.batch_alter_table("insight_turns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insight_turns_user_message_id"))
        batch_op.drop_index(batch_op.f("ix_insight_turns_conversation_id"))
        for name in reversed(TURN_INDEXES):
            batch_op.drop_index(name)
    op.drop_table("insight_turns")
    with op.batch_alter_table("chat_messages", schema=None) as batch_op:
        batch_op.drop_column("citations")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("municipality")
