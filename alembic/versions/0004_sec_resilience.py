"""idempotent chat retries (client message id and the stored answer), login throttling per address

Revision ID: 0004_sec_resilience
Revises: 0003
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0004_sec_resilience"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("chat_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_message_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("reply", sa.Text(), nullable=True))
        batch_op.create_index(
            "uq_chat_messages_conversation_id_client_message_id", ["conversation_id", "client_message_id"], unique=True
        )
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.create_index("ix_login_attempts_ip_at", ["ip", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_login_attempts_ip_at")
    with op.batch_alter_table("chat_messages", schema=None) as batch_op:
        batch_op.drop_index("uq_chat_messages_conversation_id_client_message_id")
        batch_op.drop_column("reply")
        batch_op.drop_column("client_message_id")
