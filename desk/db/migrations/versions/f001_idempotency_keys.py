"""Idempotency keys: a write that may be sent twice (a retry after a lost reply, a print
record replayed from the station's journal after a crash) carries a key made by the client,
unique in its table, so the second attempt finds the first instead of writing again.

Columns are added and indexed without rebuilding any table (SQLite's ALTER TABLE ADD
COLUMN), so the upgrade of a database holding years of records stays quick. Existing rows
have no key (NULL; unique indexes allow many). The person table alone is rebuilt on SQLite,
once, to widen its phone column for an extension (+15085550142;ext=12).

Revision ID: f001
Revises: p001
Create Date: 2026-12-10 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f001"
down_revision: str | None = "p001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The intake (a new person), a sign-in (a visit), a referral given, and the record of a print
# replayed from the station's journal (an audit event).
TABLES = ("audit_event", "person", "visit", "referral")


def upgrade() -> None:
    # A person's phone keeps its extension (+15085550142;ext=12): room for it.
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.alter_column(
            "phone", existing_type=sa.String(length=20), type_=sa.String(length=32)
        )
    for table in TABLES:
        op.add_column(table, sa.Column("idempotency_key", sa.String(length=36), nullable=True))
        op.create_index(f"uq_{table}_idempotency_key", table, ["idempotency_key"], unique=True)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_index(f"uq_{table}_idempotency_key", table_name=table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("idempotency_key")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.alter_column(
            "phone", existing_type=sa.String(length=32), type_=sa.String(length=20)
        )
