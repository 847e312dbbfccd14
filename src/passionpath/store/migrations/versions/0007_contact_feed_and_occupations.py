"""contact calendar feed, who chose a contact's occupations, contacts named in plan actions

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-04 23:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_feed",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_contact_feed_user_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_feed")),
        sa.UniqueConstraint("token", name=op.f("uq_contact_feed_token")),
    )
    with op.batch_alter_table("contact_feed", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_feed_user_id"), ["user_id"], unique=False)
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("occupations_by", sa.String(length=16), nullable=True))
    # Codes stored before this revision were typed or given by a caller: the person's.
    op.execute("UPDATE contact SET occupations_by = 'person' WHERE occupation_codes <> '[]'")
    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("contact_ids", sa.Text(), server_default="[]", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.drop_column("contact_ids")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_column("occupations_by")
    with op.batch_alter_table("contact_feed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_feed_user_id"))
    op.drop_table("contact_feed")
