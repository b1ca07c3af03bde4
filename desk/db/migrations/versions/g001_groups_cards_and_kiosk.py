"""The center's groups and meetings, attendance, sign-in cards and the self sign-in kiosk.

- center_group: a recurring group (an RRULE from its first date, at a wall-clock time);
- group_date_change: a date cancelled, moved, or at another time or in another room;
- group_meeting, group_attendance: who came to a meeting (their visit), and a count of those
  who did not sign in;
- sign_in_card: a card's token, as a SHA-256 hash; one card that works per person;
- door_request: "First time / no card" pressed at the kiosk, for the desk to greet them;
- visit.way_in: "card" (scanned at the desk) or "kiosk" (signed in at the door); NULL at the
  desk by name. A column without a default: adding it rewrites no row of a large table;
- the built-in kiosk account ("kiosk", role kiosk): what the door's sign-ins are recorded as.

Revision ID: g001
Revises: d001
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "g001"
down_revision: str | None = "d001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIOSK_LOGIN = "kiosk"


def _staff_fk(name: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [name], ["staff_member.id"], name=op.f(f"fk_{table}_{name}_staff_member")
    )


def upgrade() -> None:
    op.create_table(
        "center_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_es", sa.String(length=120), nullable=True),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("description_es", sa.String(), nullable=True),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("facilitator_name", sa.String(length=120), nullable=True),
        sa.Column("room", sa.String(length=80), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=False),
        sa.Column("rule", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "starts_at < ends_at", name=op.f("ck_center_group_starts_before_ends")
        ),
        _staff_fk("facilitator_id", "center_group"),
        _staff_fk("created_by_id", "center_group"),
        _staff_fk("updated_by_id", "center_group"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_center_group")),
    )
    op.create_table(
        "group_date_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("moved_to", sa.Date(), nullable=True),
        sa.Column("starts_at", sa.Time(), nullable=True),
        sa.Column("ends_at", sa.Time(), nullable=True),
        sa.Column("room", sa.String(length=80), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["center_group.id"],
            name=op.f("fk_group_date_change_group_id_center_group"),
            ondelete="CASCADE",
        ),
        _staff_fk("updated_by_id", "group_date_change"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_date_change")),
        sa.UniqueConstraint("group_id", "day", name=op.f("uq_group_date_change_group_id_day")),
    )
    op.create_table(
        "group_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("anonymous_count", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "anonymous_count >= 0", name=op.f("ck_group_meeting_anonymous_count")
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["center_group.id"], name=op.f("fk_group_meeting_group_id_center_group")
        ),
        _staff_fk("updated_by_id", "group_meeting"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_meeting")),
        sa.UniqueConstraint("group_id", "day", name=op.f("uq_group_meeting_group_id_day")),
    )
    op.create_index("ix_group_meeting_held_on", "group_meeting", ["held_on"], unique=False)
    op.create_table(
        "group_attendance",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["group_meeting.id"],
            name=op.f("fk_group_attendance_meeting_id_group_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_group_attendance_visit_id_visit"),
            ondelete="CASCADE",
        ),
        _staff_fk("recorded_by_id", "group_attendance"),
        sa.PrimaryKeyConstraint("meeting_id", "visit_id", name=op.f("pk_group_attendance")),
    )
    op.create_index(
        "ix_group_attendance_visit_id", "group_attendance", ["visit_id"], unique=False
    )
    op.create_table(
        "sign_in_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("shows_first_name", sa.Boolean(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.Column("revoke_reason", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_sign_in_card_person_id_person")
        ),
        _staff_fk("issued_by_id", "sign_in_card"),
        _staff_fk("revoked_by_id", "sign_in_card"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_card")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sign_in_card_token_hash")),
    )
    op.create_index("ix_sign_in_card_person_id", "sign_in_card", ["person_id"], unique=False)
    op.create_index(
        "uq_sign_in_card_one_working_per_person",
        "sign_in_card",
        ["person_id"],
        unique=True,
        sqlite_where=sa.text("revoked_at IS NULL"),
        postgresql_where=sa.text("revoked_at IS NULL"),
    )
    op.create_table(
        "door_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("purposes", sa.JSON(), nullable=True),
        sa.Column("station", sa.String(length=120), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        _staff_fk("answered_by_id", "door_request"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_door_request")),
    )
    op.create_index(
        "ix_door_request_local_day", "door_request", ["local_day", "answered_at"], unique=False
    )
    op.add_column("visit", sa.Column("way_in", sa.String(length=12), nullable=True))
    staff = sa.table(
        "staff_member",
        sa.column("display_name", sa.String),
        sa.column("login", sa.String),
        sa.column("role", sa.String),
        sa.column("active", sa.Boolean),
        sa.column("builtin", sa.Boolean),
        sa.column("is_coach", sa.Boolean),
        sa.column("must_change_password", sa.Boolean),
        sa.column("failed_sign_ins", sa.Integer),
        sa.column("sees_all_coaching_notes", sa.Boolean),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
        sa.column("version", sa.Integer),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    op.bulk_insert(
        staff,
        [
            {
                "display_name": "Kiosk at the door",
                "login": KIOSK_LOGIN,
                "role": "kiosk",
                "active": True,
                "builtin": True,
                "is_coach": False,
                "must_change_password": False,
                "failed_sign_ins": 0,
                "sees_all_coaching_notes": False,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        ],
    )


def downgrade() -> None:
    # The kiosk's sign-ins stay (as visits); its account goes only if nothing names it.
    op.execute(
        "DELETE FROM staff_member WHERE login = 'kiosk' AND builtin = true AND NOT EXISTS "
        "(SELECT 1 FROM visit WHERE visit.signed_in_by_id = staff_member.id) AND NOT EXISTS "
        "(SELECT 1 FROM audit_event WHERE audit_event.actor_id = staff_member.id)"
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("way_in")
    op.drop_index("ix_door_request_local_day", table_name="door_request")
    op.drop_table("door_request")
    op.drop_index("uq_sign_in_card_one_working_per_person", table_name="sign_in_card")
    op.drop_index("ix_sign_in_card_person_id", table_name="sign_in_card")
    op.drop_table("sign_in_card")
    op.drop_index("ix_group_attendance_visit_id", table_name="group_attendance")
    op.drop_table("group_attendance")
    op.drop_index("ix_group_meeting_held_on", table_name="group_meeting")
    op.drop_table("group_meeting")
    op.drop_table("group_date_change")
    op.drop_table("center_group")
