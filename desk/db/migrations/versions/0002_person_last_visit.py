"""Person.last_visit_at, kept by sign-in, so the lookup loads without scanning every visit.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_visit_at", sa.DateTime(), nullable=True))
    op.execute(
        "UPDATE person SET last_visit_at = (SELECT max(visit.arrived_at) FROM visit "
        "WHERE visit.person_id = person.id AND visit.status <> 'undone')"
    )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("last_visit_at")
