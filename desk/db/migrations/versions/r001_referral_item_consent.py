"""ReferralItem.consent_id: the consent under which a named sheet went to each provider.

A sheet may list several providers, each named under its own consent, so the consent is
kept per item (Referral.consent_id stays for a sheet whose items share one consent).

Revision ID: r001
Revises: 0003
Create Date: 2026-11-28 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "r001"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("referral_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consent_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_referral_item_consent_id_consent"),
            "consent",
            ["consent_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("referral_item", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_referral_item_consent_id_consent"), type_="foreignkey"
        )
        batch_op.drop_column("consent_id")
