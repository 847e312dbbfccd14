"""the due list's integer columns on contact: the check-in clock's day and the cadence

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 00:40:00
"""

import json
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _day(value: object) -> int | None:
    # SQLite hands dates back as text, PostgreSQL as date or datetime objects.
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().toordinal()
    if isinstance(value, date):
        return value.toordinal()
    return date.fromisoformat(str(value)[:10]).toordinal()


def upgrade() -> None:
    from passionpath.network import cadence_for

    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("clock_day", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("cadence_ideal", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("cadence_max", sa.Integer(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, tags, ideal_days, max_days, last_contacted_on, created_at FROM contact")
    ).all()
    values = []
    for r in rows:
        ideal, limit = cadence_for(json.loads(r.tags or "[]"), r.ideal_days, r.max_days)
        clock = _day(r.last_contacted_on) or _day(r.created_at)
        values.append({"id": r.id, "clock": clock, "ideal": ideal, "limit": limit})
    if values:
        conn.execute(
            sa.text(
                "UPDATE contact SET clock_day = :clock, cadence_ideal = :ideal, "
                "cadence_max = :limit WHERE id = :id"
            ),
            values,
        )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        for column in ("clock_day", "cadence_ideal", "cadence_max"):
            batch_op.alter_column(column, existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_column("cadence_max")
        batch_op.drop_column("cadence_ideal")
        batch_op.drop_column("clock_day")
