"""Consent.language: the language a consent's form was written in, so that printing the form
again from the person's record gives it in the same words the person read and signed.

Consents made before this revision get the language their form was printed in from the
record: the person's preferred language when it is Spanish, else English.

Revision ID: r002
Revises: c001
Create Date: 2026-11-27 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "r002"
down_revision: str | None = "c001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=8), nullable=False, server_default="en")
        )
    op.execute(
        "UPDATE consent SET language = 'es' WHERE person_id IN "
        "(SELECT id FROM person WHERE lower(preferred_language) LIKE 'es%')"
    )


def downgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_column("language")
