"""Staff accounts for the demo (`recovery-desk --demo` only, never `seed-demo`): an admin the
demo signs in as, a front-desk account, and passwords for the demo coaches, so that anyone
trying the demo can sign out and back in as another role.

Every demo account's password is DEMO_PASSWORD (desk/demo/credentials.py). The hash below
is of that password, made once (argon2id), so a demo starts without spending a fraction of
a second hashing it.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.demo.credentials import DEMO_ADMIN_LOGIN, DEMO_DESK_LOGIN
from desk.models import StaffMember, StaffRole
from desk.models.base import utc_now
from desk.services.actor import Actor, actor_for_staff

DEMO_PASSWORD_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$C8Y2UHklg+PV4b6s7nDVBA$"
    "hKJy9pM7tJOXRkXE6TQI3UK5kbF++MlyKUknCWgaiUw"
)
DEMO_ACCOUNTS = (
    (DEMO_ADMIN_LOGIN, "Dana Whitfield", StaffRole.ADMIN),
    (DEMO_DESK_LOGIN, "Frankie Ortiz", StaffRole.FRONT_DESK),
)


def add_demo_accounts(session: Session) -> Actor:
    """The demo's admin and front-desk accounts; returns the admin."""
    now = utc_now()
    for login, name, role in DEMO_ACCOUNTS:
        session.add(
            StaffMember(
                display_name=name,
                login=login,
                role=role,
                password_hash=DEMO_PASSWORD_HASH,
                password_changed_at=now,
                last_sign_in_at=now,
                created_at=now,
            )
        )
    session.flush()
    admin = session.scalars(select(StaffMember).where(StaffMember.login == DEMO_ADMIN_LOGIN)).one()
    return actor_for_staff(admin)


def give_coaches_the_demo_password(session: Session) -> None:
    """The sample coaches (made by the seed, after the accounts) sign in with the demo
    password too."""
    session.execute(
        update(StaffMember)
        .where(StaffMember.is_coach, StaffMember.password_hash.is_(None))
        .values(password_hash=DEMO_PASSWORD_HASH, password_changed_at=utc_now())
    )
