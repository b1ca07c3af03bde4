"""Who a command acts as, and whether it may run.

Read-only commands (self-check, db current, export-hsds, handout, an anonymous referral
sheet, and backups) act as the built-in command-line account, so scheduled tasks can run
them unattended: whoever can run them can already read the database file or server.

Commands that change records or show a person's information (imports, a named referral
sheet, restore, ...) act as a staff member who signs in on the command line:

    recovery-desk --as alex import-hsds directory.zip

The password is asked at the terminal (never echoed); with no terminal it is read from
RECOVERY_DESK_PASSWORD, for a script the center trusts. The staff member's role must allow
what the command does, exactly as in the app, and the activity log names them. Two cases need
no sign-in: a new database that has no admin yet, and the machine's own administrator (root,
or an elevated Windows administrator), who already owns every file the desk keeps.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from desk.access import Permission, authorize
from desk.db.engine import Database
from desk.errors import PermissionDenied
from desk.services.actor import Actor, command_line_actor, station_name
from desk.services.staff_sessions import first_admin_needed, sign_in_staff

PASSWORD_ENV = "RECOVERY_DESK_PASSWORD"


def read_only_actor(database: Database) -> Actor:
    with database.session() as session:
        return command_line_actor(session)


def machine_administrator() -> bool:
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        try:
            return bool(ctypes.windll.shell32.IsUserAnAdmin())
        except (AttributeError, OSError):
            return False
    return os.geteuid() == 0


def _password(login: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"Password for {login}: ")
    given = os.environ.get(PASSWORD_ENV)
    if given is None:
        raise PermissionDenied(
            f"There is no terminal to ask for {login}'s password.",
            hint=f"Run it at a terminal, or give the password in {PASSWORD_ENV}.",
        )
    return given


def signed_in_actor(
    database: Database, args: argparse.Namespace, permission: Permission, what: str
) -> Actor:
    """The actor a command that needs `permission` runs as (see the module's docstring)."""
    login = getattr(args, "as_user", None)
    station = f"{station_name()} (command line)"
    if login:
        password = _password(login)
        with database.transaction() as session:  # a wrong password is counted, and kept
            outcome = sign_in_staff(session, login, password, station=station)
        actor = outcome.signed_in()
        with database.session() as session:
            authorize(session, actor, permission)
        return actor
    with database.session() as session:
        if first_admin_needed(session):
            print(
                "recovery-desk: this database has no admin yet, so nobody is asked to sign in.",
                file=sys.stderr,
            )
            return command_line_actor(session)
        if machine_administrator():
            return command_line_actor(session)
    raise PermissionDenied(
        f"{what} needs a staff member's sign-in.",
        hint=f"Add --as YOUR_USERNAME before the command (recovery-desk --as alex "
        f"{args.command} ...); your role must allow it.",
    )
