"""a CV's applications point at the applications table (deleting an application unlinks it)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 01:40:00
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Links written before the applications table existed may name no application.
    op.execute(
        "DELETE FROM cv_application WHERE application_id NOT IN (SELECT id FROM application)"
    )
    with op.batch_alter_table("cv_application", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_cv_application_application_id_application"),
            "application",
            ["application_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index(
            batch_op.f("ix_cv_application_application_id"), ["application_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("cv_application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cv_application_application_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_cv_application_application_id_application"), type_="foreignkey"
        )
