"""staff_member.language, .text_scale, .high_contrast: each staff member's own screens, chosen
by them (My account) or an admin. language None: the station's language. Columns with
defaults the server fills in: existing accounts keep the screens they had.

Revision ID: l001
Revises: p002
Create Date: 2026-12-05 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "l001"
down_revision: str | None = "p002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff_member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))
        batch_op.add_column(
            sa.Column("text_scale", sa.Integer(), nullable=False, server_default="100")
        )
        batch_op.add_column(
            sa.Column("high_contrast", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("staff_member", schema=None) as batch_op:
        batch_op.drop_column("high_contrast")
        batch_op.drop_column("text_scale")
        batch_op.drop_column("language")
