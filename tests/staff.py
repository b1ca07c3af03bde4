"""Staff accounts for tests: an actor of any role, made in the test's own database."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.accounts.passwords import hash_secret
from desk.models import StaffMember, StaffRole
from desk.services.actor import Actor, actor_for_staff

TEST_ADMIN_LOGIN = "robin.admin"
TEST_ADMIN_NAME = "Robin Admin"


def add_staff(
    session: Session,
    *,
    role: StaffRole = StaffRole.ADMIN,
    name: str = TEST_ADMIN_NAME,
    login: str = TEST_ADMIN_LOGIN,
    password: str | None = None,
    is_coach: bool | None = None,
) -> Actor:
    """The account `login` (made, and committed on a session of its own, if it is not there
    yet), as an actor: `session` may be in the middle of a transaction of its own."""
    with Session(session.get_bind()) as own:
        staff = own.scalars(select(StaffMember).where(StaffMember.login == login)).one_or_none()
        if staff is None:
            staff = StaffMember(
                display_name=name,
                login=login,
                role=role,
                is_coach=role is StaffRole.COACH if is_coach is None else is_coach,
                password_hash=hash_secret(password) if password else None,
            )
            own.add(staff)
            own.commit()
        return actor_for_staff(staff, "test station")


def admin_actor(session: Session) -> Actor:
    """The admin most tests act as: every permission, so a test is about its own subject."""
    return add_staff(session)
