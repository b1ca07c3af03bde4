"""Consent.language: the language a consent's form was written in, so that printing the form
again from the person's record gives it in the same words the person read and signed; and
Consent.whole_organization: whether it was made for every program of its organization.

Consents made before this revision get the language their form was printed in from the
record: the person's preferred language when it is Spanish, else English. Those linked to an
organization and no program were made for the whole organization.

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
        batch_op.add_column(
            sa.Column("whole_organization", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.execute(
        "UPDATE consent SET language = 'es' WHERE person_id IN "
        "(SELECT id FROM person WHERE lower(preferred_language) LIKE 'es%')"
    )
    consent = sa.table(
        "consent",
        sa.column("whole_organization", sa.Boolean()),
        sa.column("recipient_service_id", sa.String()),
        sa.column("recipient_organization_id", sa.String()),
    )
    op.execute(
        consent.update()
        .where(
            consent.c.recipient_service_id.is_(None),
            consent.c.recipient_organization_id.is_not(None),
        )
        .values(whole_organization=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_column("whole_organization")
        batch_op.drop_column("language")
