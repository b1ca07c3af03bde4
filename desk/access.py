"""Who may do what: the permission each service entry point needs, and each role's share.

Every service entry point (a public function of a service module whose first parameter is
the database session) declares here, by decorator, what it needs:

- `@requires(Permission.X)`: the acting staff member (the function's `actor` argument) must
  hold X. The check reads the staff member's row once per transaction, so a role changed or
  an account switched off by an admin counts at the very next action, on every station;
- `@unrestricted("why")`: the function takes no actor, because it shows nothing about a
  person and changes nothing (the center's settings, the list of coaches on duty).

`tests/desk/test_access.py` walks every service module and fails on an entry point that has
neither, so a new service cannot forget. Hiding a button in the UI is only a courtesy on top.
"""

from __future__ import annotations

import enum
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desk.errors import PermissionDenied
from desk.messages.core import (
    ACCOUNT_OF_IS_SWITCHED_OFF,
    ASK_ADMIN_TO_DO_IT,
    WHAT_YOU_TYPED_IS_STILL_2,
    YOUR_ROLE_MAY_NOT,
)
from desk.models import StaffMember, StaffRole

F = TypeVar("F", bound=Callable[..., Any])


class Permission(enum.Enum):
    """What a staff member may do; the value is how a refusal names it."""

    # Every role: the front desk's own work.
    SIGN_IN_VISITORS = "sign visitors in and keep today's queue"
    LOOK_UP_PEOPLE = "look people up"
    ADD_PEOPLE = "add new people"
    VIEW_PEOPLE = "open people's records"
    EDIT_PEOPLE = "change people's records"
    PAIR_COACHES = "pair peers with coaches"
    SEARCH_DIRECTORY = "search the resource directory"
    PRINT_SHEETS = "print referral sheets and handouts"
    MANAGE_CONSENTS = "record consents"
    OWN_ACCOUNT = "change their own password"
    TODAYS_COUNTS = "see today's counts"
    TAKE_ATTENDANCE = "take attendance at the center's groups"
    ISSUE_CARDS = "print sign-in cards and stop lost ones"
    # Coaches (and admins).
    COACHING_RECORDS = "read and write coaching notes, contacts, goals and BARC-10"
    FOLLOW_UP_REFERRALS = "follow up on referrals"
    VIEW_CASELOADS = "see coaches' caseloads"
    EDIT_DIRECTORY = "edit and verify resources"
    VIEW_REPORTS = "see reports for any period, the lists behind them, and export them"
    # Admins only.
    MANAGE_STAFF = "manage staff accounts and the coach roster"
    CENTER_SETTINGS = "change the center's settings"
    IMPORT_EXPORT = "import and export the directory"
    MERGE_PEOPLE = "merge people's records"
    READ_AUDIT_LOG = "read the activity log"
    PERSON_DATA_REQUESTS = "export or remove a person's data at their request"
    SEED_DEMO_DATA = "add sample data"
    MANAGE_BACKUPS = "set the backup passphrase and restore backups"
    EXPORT_VISITS = "export de-identified visits for grant portals"
    MANAGE_GROUPS = "keep the center's groups and their dates"
    # The self sign-in kiosk by the door (and admins, who hold everything).
    SIGN_IN_AT_DOOR = "sign people in by card at the door"


FRONT_DESK_PERMISSIONS = frozenset(
    {
        Permission.SIGN_IN_VISITORS,
        Permission.LOOK_UP_PEOPLE,
        Permission.ADD_PEOPLE,
        Permission.VIEW_PEOPLE,
        Permission.EDIT_PEOPLE,
        Permission.PAIR_COACHES,
        Permission.SEARCH_DIRECTORY,
        Permission.PRINT_SHEETS,
        Permission.MANAGE_CONSENTS,
        Permission.OWN_ACCOUNT,
        Permission.TODAYS_COUNTS,
        Permission.TAKE_ATTENDANCE,
        Permission.ISSUE_CARDS,
    }
)
COACH_PERMISSIONS = FRONT_DESK_PERMISSIONS | {
    Permission.COACHING_RECORDS,
    Permission.FOLLOW_UP_REFERRALS,
    Permission.VIEW_CASELOADS,
    Permission.EDIT_DIRECTORY,
    Permission.VIEW_REPORTS,
}
ROLE_PERMISSIONS: dict[StaffRole, frozenset[Permission]] = {
    StaffRole.FRONT_DESK: FRONT_DESK_PERMISSIONS,
    StaffRole.COACH: frozenset(COACH_PERMISSIONS),
    StaffRole.ADMIN: frozenset(Permission),
    # The kiosk signs people in by their card and asks the desk to greet newcomers: it shows
    # no one's record and reaches nothing else.
    StaffRole.KIOSK: frozenset({Permission.SIGN_IN_AT_DOOR}),
}
ROLE_WORDS = {
    StaffRole.FRONT_DESK: "front desk",
    StaffRole.COACH: "coach",
    StaffRole.ADMIN: "admin",
    StaffRole.KIOSK: "kiosk",
}


def role_may(role: StaffRole, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


class AccountInactive(PermissionDenied):
    """The signed-in staff member's account was switched off (or removed) since they signed
    in: refused at their next action, with what they typed kept on screen."""


@dataclass(frozen=True)
class Standing:
    """A staff member's account as it is now in the database."""

    staff_id: int
    role: StaffRole
    active: bool
    sees_all_coaching_notes: bool

    def may(self, permission: Permission) -> bool:
        return self.active and role_may(self.role, permission)


_CACHE_KEY = "desk.access.standing"


def standing(session: Session, staff_id: int) -> Standing:
    """The staff member's role and state, read once per transaction."""
    transaction = session.get_transaction()
    cached = session.info.get(_CACHE_KEY)
    if cached is not None and transaction is not None and cached[0] is transaction:
        found = cached[1].get(staff_id)
        if found is not None:
            return found
    staff = session.get(StaffMember, staff_id)
    result = (
        Standing(staff_id, StaffRole.FRONT_DESK, False, False)
        if staff is None
        else Standing(staff_id, staff.role, staff.active, staff.sees_all_coaching_notes)
    )
    transaction = session.get_transaction()
    if cached is None or cached[0] is not transaction:
        cached = (transaction, {})
        session.info[_CACHE_KEY] = cached
    cached[1][staff_id] = result
    return result


def authorize(session: Session, actor: Any, permission: Permission) -> Standing:
    """Refuse (PermissionDenied) unless the actor's account is active and its role holds
    `permission`."""
    found = standing(session, actor.staff_id)
    if not found.active:
        raise AccountInactive(
            ACCOUNT_OF_IS_SWITCHED_OFF.with_(display_name=actor.display_name),
            hint=WHAT_YOU_TYPED_IS_STILL_2,
        )
    if not role_may(found.role, permission):
        raise PermissionDenied(
            YOUR_ROLE_MAY_NOT.with_(role_words=ROLE_WORDS[found.role], value=permission.value),
            hint=ASK_ADMIN_TO_DO_IT,
        )
    return found


def _parameter_index(function: Callable[..., Any], name: str) -> int:
    names = list(inspect.signature(function).parameters)
    if not names or names[0] != "session":
        raise TypeError(f"{function.__qualname__}: a service takes the session first")
    if name not in names:
        raise TypeError(f"{function.__qualname__}: @requires needs an `{name}` parameter")
    return names.index(name)


def requires(permission: Permission) -> Callable[[F], F]:
    """Declare (and enforce) the permission a service entry point needs."""

    def decorate(function: F) -> F:
        actor_at = _parameter_index(function, "actor")

        @functools.wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            session = args[0] if args else kwargs["session"]
            actor = args[actor_at] if len(args) > actor_at else kwargs["actor"]
            authorize(session, actor, permission)
            return function(*args, **kwargs)

        guarded.permission = permission  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorate


def unrestricted(why: str) -> Callable[[F], F]:
    """Declare that a service entry point needs no actor: it shows nothing about a person and
    changes nothing. `why` says so, for the next reader."""

    def decorate(function: F) -> F:
        names = list(inspect.signature(function).parameters)
        if "actor" in names:
            raise TypeError(f"{function.__qualname__}: takes an actor, so it must @require")
        function.permission = None  # type: ignore[attr-defined]
        function.unrestricted_because = why  # type: ignore[attr-defined]
        return function

    return decorate


def declared_permission(function: Callable[..., Any]) -> tuple[bool, Permission | None]:
    """(declared?, the permission or None for unrestricted), for the test that walks them."""
    if not hasattr(function, "permission"):
        return False, None
    return True, function.permission
