"""Reports: each day's visit counts kept between runs, and indexes that let a period's
figures be read from indexes alone.

- report_day: one row per center-local day (hours, purposes, items, waits), recounted when
  a visit of that day changes; report_cache_state: when that was last checked;

- visit (local_day, status, person_id, arrived_at, started_at): every visit figure of a
  period (per day, per hour, people, waits) without reading the table;
- visit (person_id, local_day, status): whether a person came before a period (new or
  returning), one probe each;
- visit_purpose (visit_id, purpose_code, quantity): purposes and supplies given;
- referral (created_at): referrals made in a period.

Revision ID: p001
Revises: a001
Create Date: 2026-12-04 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "p001"
down_revision: str | None = "a001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    (
        "ix_visit_report_day",
        "visit",
        ["local_day", "status", "person_id", "arrived_at", "started_at"],
    ),
    ("ix_visit_person_day", "visit", ["person_id", "local_day", "status"]),
    ("ix_visit_purpose_report", "visit_purpose", ["visit_id", "purpose_code", "quantity"]),
    ("ix_referral_created_at", "referral", ["created_at"]),
)


def upgrade() -> None:
    op.create_table(
        "report_day",
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("local_day", name=op.f("pk_report_day")),
    )
    op.create_table(
        "report_cache_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("swept_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_cache_state")),
    )
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_table("report_cache_state")
    op.drop_table("report_day")
