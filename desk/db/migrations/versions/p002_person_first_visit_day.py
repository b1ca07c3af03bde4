"""person.first_visit_day: the center-local day of each person's first visit not undone, so
a report tells new people from returning ones by reading it instead of looking for an
earlier visit of each person who came. Kept from now on where visits are written
(desk.services.first_visits); filled here from the visits (under a second for five years
of visits on SQLite, two on PostgreSQL). A column without a default: adding it rewrites no
row.

Revision ID: p002
Revises: g001
Create Date: 2026-12-05 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "p002"
down_revision: str | None = "g001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_visit_day", sa.Date(), nullable=True))
    op.execute(
        "UPDATE person SET first_visit_day = (SELECT min(visit.local_day) FROM visit "
        "WHERE visit.person_id = person.id AND visit.status <> 'undone')"
    )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("first_visit_day")
