"""community: members who opted in, requests, blocks, reports, study groups

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 00:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "community_member",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("passions", sa.Text(), nullable=False),
        sa.Column("target_careers", sa.Text(), nullable=False),
        sa.Column("current_occupation", sa.String(length=10), nullable=True),
        sa.Column("work_history", sa.Text(), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("availability", sa.String(length=200), nullable=True),
        sa.Column("riasec", sa.Text(), nullable=True),
        sa.Column("gaps", sa.Text(), nullable=False),
        sa.Column("visible", sa.Text(), nullable=False),
        sa.Column("tribe", sa.Boolean(), nullable=False),
        sa.Column("mentor", sa.Boolean(), nullable=False),
        sa.Column("mentor_capacity", sa.Integer(), nullable=False),
        sa.Column("mentee", sa.Boolean(), nullable=False),
        sa.Column("study_groups", sa.Boolean(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("community_member", "user_id", "app_user", "CASCADE"),
        _pk("community_member"),
    )
    _indexes("community_member", "user_id")

    op.create_table(
        "community_request",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("from_member_id", sa.Integer(), nullable=False),
        sa.Column("to_member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        _fk("community_request", "from_member_id", "community_member", "CASCADE"),
        _fk("community_request", "to_member_id", "community_member", "CASCADE"),
        _pk("community_request"),
    )
    _indexes("community_request", "from_member_id", "to_member_id")

    op.create_table(
        "community_block",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("blocked_member_id", sa.Integer(), nullable=True),
        sa.Column("blocked_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("community_block", "user_id", "app_user", "CASCADE"),
        _fk("community_block", "blocked_member_id", "community_member", "SET NULL"),
        _pk("community_block"),
        sa.UniqueConstraint(
            "user_id", "blocked_member_id", name=op.f("uq_community_block_user_id")
        ),
    )
    _indexes("community_block", "user_id", "blocked_member_id", "blocked_user_id")

    op.create_table(
        "community_report",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("reported_member_id", sa.Integer(), nullable=True),
        sa.Column("reported_user_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("community_report", "user_id", "app_user", "CASCADE"),
        _fk("community_report", "reported_member_id", "community_member", "SET NULL"),
        _pk("community_report"),
    )
    _indexes("community_report", "user_id", "reported_member_id", "reported_user_id")

    op.create_table(
        "study_group",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("first_meeting", sa.Date(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("study_group", "created_by", "community_member", "SET NULL"),
        _pk("study_group"),
    )
    _indexes("study_group", "created_by")

    op.create_table(
        "study_group_member",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        _fk("study_group_member", "group_id", "study_group", "CASCADE"),
        _fk("study_group_member", "member_id", "community_member", "CASCADE"),
        _pk("study_group_member"),
        sa.UniqueConstraint("member_id", "topic", name=op.f("uq_study_group_member_member_id")),
    )
    _indexes("study_group_member", "group_id", "member_id")


def downgrade() -> None:
    for table in (
        "study_group_member",
        "study_group",
        "community_report",
        "community_block",
        "community_request",
        "community_member",
    ):
        op.drop_table(table)
