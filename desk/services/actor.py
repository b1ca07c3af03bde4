"""Who is acting: the signed-in staff member every service call names, for permissions and
the audit trail."""

from __future__ import annotations

import socket
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import unrestricted
from desk.errors import NotFound
from desk.messages.people import BUILT_IN_COMMAND_LINE_ACCOUNT, RUN_RECOVERY_DESK_DB_UPGRADE
from desk.models import StaffMember, StaffRole

COMMAND_LINE_LOGIN = "command-line"


@dataclass(frozen=True)
class Actor:
    staff_id: int
    display_name: str
    role: StaffRole  # as it was at sign-in; permissions read the account as it is now
    station: str = ""
    language: str | None = None  # of their screens, as chosen at sign-in (None: the station's)

    @property
    def is_admin(self) -> bool:
        return self.role is StaffRole.ADMIN


def station_name() -> str:
    return socket.gethostname() or "this station"


def actor_for_staff(staff: StaffMember, station: str | None = None) -> Actor:
    return Actor(
        staff.id, staff.display_name, staff.role, station or station_name(), staff.language
    )


@unrestricted("names the built-in account admin commands act as")
def command_line_actor(session: Session) -> Actor:
    """The built-in admin account that admin commands act as, once allowed to run (see
    desk.cli.rights), and that scheduled tasks' read-only commands record their work as."""
    staff = session.scalars(
        select(StaffMember).where(StaffMember.login == COMMAND_LINE_LOGIN)
    ).one_or_none()
    if staff is None or not staff.active:
        raise NotFound(
            BUILT_IN_COMMAND_LINE_ACCOUNT,
            hint=RUN_RECOVERY_DESK_DB_UPGRADE,
        )
    return actor_for_staff(staff, f"{station_name()} (command line)")
