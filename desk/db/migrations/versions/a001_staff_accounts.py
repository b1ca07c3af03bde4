"""Staff accounts: each staff member signs in with their own password; the audit trail can
only be appended to.

- staff_member gains what sign-in needs: a PIN for their own lock screen, wrong passwords in
  a row and a lock after too many, when the password was last changed or must be, the last
  sign-in, and whether a coach may read every peer's coaching notes.
- person gains `removed_at`: a person removed at their request keeps only a row number.
- The built-in "Front desk" account, which every station acted as until now, is switched
  off: nobody can sign in as it, and the history it holds keeps its name. The command-line
  account stays (admin commands still act as it).
- audit_event refuses UPDATE and DELETE, on both engines: through the app the trail can only
  grow, and a person removed at their request leaves the fact of the removal in it.

Revision ID: a001
Revises: s001
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a001"
down_revision: str | None = "s001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY_MESSAGE = "the activity log can only be appended to"


def upgrade() -> None:
    with op.batch_alter_table("staff_member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pin_hash", sa.String(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("password_changed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_sign_in_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "sees_all_coaching_notes", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("removed_at", sa.DateTime(), nullable=True))
    op.execute(
        "UPDATE staff_member SET active = false WHERE login = 'frontdesk' AND builtin = true"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
            BEGIN
              RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}';
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
            "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()"
        )
    else:
        for verb in ("update", "delete"):
            op.execute(
                f"CREATE TRIGGER audit_event_no_{verb} BEFORE {verb.upper()} ON audit_event "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_event_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    op.execute("UPDATE staff_member SET active = true WHERE login = 'frontdesk' AND builtin = true")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("removed_at")
    with op.batch_alter_table("staff_member", schema=None) as batch_op:
        for column in (
            "sees_all_coaching_notes",
            "last_sign_in_at",
            "password_changed_at",
            "locked_until",
            "failed_sign_ins",
            "must_change_password",
            "pin_hash",
        ):
            batch_op.drop_column(column)
