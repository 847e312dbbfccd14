"""tailored CVs and the applications each was sent with

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 00:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cv",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("profile_version", sa.Integer(), nullable=False),
        sa.Column("target_code", sa.String(length=16), nullable=False),
        sa.Column("target_title", sa.String(length=200), nullable=False),
        sa.Column("posting", sa.Text(), nullable=True),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("summary_edited", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_cv_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profile.id"],
            name=op.f("fk_cv_profile_id_profile"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cv")),
    )
    with op.batch_alter_table("cv", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cv_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cv_profile_id"), ["profile_id"], unique=False)
    # application_id has no foreign key yet: the applications table comes with a later
    # revision, which adds it.
    op.create_table(
        "cv_application",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cv_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cv_id"], ["cv.id"], name=op.f("fk_cv_application_cv_id_cv"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_cv_application_user_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cv_application")),
        sa.UniqueConstraint("cv_id", "application_id", name="uq_cv_application"),
    )
    with op.batch_alter_table("cv_application", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cv_application_cv_id"), ["cv_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cv_application_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cv_application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cv_application_user_id"))
        batch_op.drop_index(batch_op.f("ix_cv_application_cv_id"))
    op.drop_table("cv_application")
    with op.batch_alter_table("cv", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cv_profile_id"))
        batch_op.drop_index(batch_op.f("ix_cv_user_id"))
    op.drop_table("cv")
