"""Coaching: the peer's wished coach language and specialties; assignment history by person;
one open waitlist entry per person; a version on specialty tags (two admins may edit them).

Revision ID: c001
Revises: r001
Create Date: 2026-11-29 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c001"
down_revision: str | None = "r001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("wished_coach_language", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("wished_specialties", sa.JSON(), nullable=True))
    with op.batch_alter_table("specialty_tag", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.create_index(
            "ix_assignment_person_started", ["person_id", "started_at"], unique=False
        )
    # Older data may hold two open entries for one person: keep the earliest open.
    op.execute(
        "UPDATE waitlist_entry SET resolved_at = added_at, resolution = 'duplicate entry' "
        "WHERE resolved_at IS NULL AND id NOT IN (SELECT min(id) FROM waitlist_entry "
        "WHERE resolved_at IS NULL GROUP BY person_id)"
    )
    with op.batch_alter_table("waitlist_entry", schema=None) as batch_op:
        batch_op.create_index(
            "uq_waitlist_entry_one_open_per_person",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text("resolved_at IS NULL"),
            postgresql_where=sa.text("resolved_at IS NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("waitlist_entry", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_waitlist_entry_one_open_per_person",
            sqlite_where=sa.text("resolved_at IS NULL"),
            postgresql_where=sa.text("resolved_at IS NULL"),
        )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_index("ix_assignment_person_started")
    with op.batch_alter_table("specialty_tag", schema=None) as batch_op:
        batch_op.drop_column("version")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("wished_specialties")
        batch_op.drop_column("wished_coach_language")
