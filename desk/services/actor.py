"""Who is acting: every service call names the staff member, for the audit trail."""

from __future__ import annotations

import socket
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.errors import NotFound
from desk.models import StaffMember, StaffRole

FRONT_DESK_LOGIN = "frontdesk"
COMMAND_LINE_LOGIN = "command-line"


@dataclass(frozen=True)
class Actor:
    staff_id: int
    display_name: str
    role: StaffRole
    station: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role is StaffRole.ADMIN


def station_name() -> str:
    return socket.gethostname() or "this station"


def actor_for_login(session: Session, login: str, *, station: str | None = None) -> Actor:
    staff = session.scalars(select(StaffMember).where(StaffMember.login == login)).one_or_none()
    if staff is None or not staff.active:
        raise NotFound(
            f"There is no active staff account “{login}”.",
            hint="Run `recovery-desk db upgrade` to create the built-in accounts.",
        )
    return Actor(staff.id, staff.display_name, staff.role, station or station_name())


def front_desk_actor(session: Session) -> Actor:
    """The built-in front-desk account the app acts as until staff sign in."""
    return actor_for_login(session, FRONT_DESK_LOGIN)


def command_line_actor(session: Session) -> Actor:
    """The built-in account that admin commands act as."""
    return actor_for_login(session, COMMAND_LINE_LOGIN, station=f"{station_name()} (command line)")
