"""Every service entry point declares the permission it needs, and each role gets only its own.

The walk covers every public function of the service modules whose first parameter is the
database session: it fails on one with neither `@requires` nor `@unrestricted`, so a new
service cannot forget. Each declared permission is then tried with every role.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import update

import desk.services
from desk.access import ROLE_PERMISSIONS, AccountInactive, Permission, declared_permission
from desk.db.engine import Database
from desk.errors import PermissionDenied
from desk.models import StaffMember, StaffRole
from desk.services.actor import Actor
from tests.staff import add_staff

SERVICE_MODULES = (
    *(
        f"desk.services.{info.name}"
        for info in pkgutil.iter_modules(desk.services.__path__)
        if not info.name.startswith("_")
    ),
    "desk.directory.cards",
    "desk.directory.detail",
    "desk.directory.editing",
    "desk.directory.freshness",
    "desk.directory.sheet_import",
    "desk.hsds.importer",
    "desk.hsds.exporter",
)
HELPERS = {
    "desk.services.recording",  # the write helpers every service ends with
    "desk.services.coaching_access",  # the rule the coaching services apply
}


def entry_points() -> list[tuple[str, Callable[..., Any]]]:
    found = []
    for name in SERVICE_MODULES:
        if name in HELPERS:
            continue
        module = importlib.import_module(name)
        for attribute, function in vars(module).items():
            if attribute.startswith("_") or not inspect.isfunction(function):
                continue
            if inspect.unwrap(function).__module__ != name:
                continue  # imported from elsewhere; checked where it is defined
            parameters = list(inspect.signature(function).parameters)
            if parameters[:1] == ["session"]:
                found.append((f"{name}.{attribute}", function))
    return found


ENTRY_POINTS = entry_points()


def test_the_walk_finds_the_services() -> None:
    names = {name for name, _ in ENTRY_POINTS}
    assert len(ENTRY_POINTS) > 80
    assert {
        "desk.services.checkin.sign_in",
        "desk.services.people.merge_people",
        "desk.services.settings.update_settings",
        "desk.hsds.importer.import_hsds",
        "desk.services.audit.list_events",
    } <= names


@pytest.mark.parametrize("name, function", ENTRY_POINTS, ids=[n for n, _ in ENTRY_POINTS])
def test_every_entry_point_declares_its_permission(name: str, function) -> None:
    declared, permission = declared_permission(function)
    assert declared, f"{name} declares no permission: add @requires(...) or @unrestricted(...)"
    takes_actor = "actor" in inspect.signature(function).parameters
    if permission is None:
        assert not takes_actor, f"{name} takes an actor but is @unrestricted"
        assert function.unrestricted_because.strip()
    else:
        assert takes_actor


GUARDED = [(n, f) for n, f in ENTRY_POINTS if declared_permission(f)[1] is not None]


@pytest.fixture
def staff_of_every_role(sqlite_database: Database) -> dict[StaffRole, Actor]:
    with sqlite_database.session() as session:
        return {
            role: add_staff(session, role=role, name=f"A {role.value}", login=role.value)
            for role in StaffRole
        }


def test_each_role_is_refused_what_it_may_not_do(
    sqlite_database: Database, staff_of_every_role: dict[StaffRole, Actor]
) -> None:
    tried = 0
    for name, function in GUARDED:
        permission: Permission = function.permission
        for role, actor in staff_of_every_role.items():
            if permission in ROLE_PERMISSIONS[role]:
                continue
            with sqlite_database.session() as session:
                with pytest.raises(PermissionDenied, match=permission.value) as refused:
                    function(session, actor)
                assert not isinstance(refused.value, AccountInactive), name
                assert not session.new and not session.dirty, f"{name} changed something"
            tried += 1
    assert tried > 50


def test_the_roles_hold_what_the_center_expects() -> None:
    front_desk, coach = ROLE_PERMISSIONS[StaffRole.FRONT_DESK], ROLE_PERMISSIONS[StaffRole.COACH]
    assert {
        Permission.SIGN_IN_VISITORS,
        Permission.ADD_PEOPLE,
        Permission.SEARCH_DIRECTORY,
        Permission.PRINT_SHEETS,
    } <= front_desk
    assert Permission.COACHING_RECORDS not in front_desk
    assert Permission.FOLLOW_UP_REFERRALS not in front_desk
    assert front_desk < coach and Permission.COACHING_RECORDS in coach
    for admin_only in (
        Permission.MANAGE_STAFF,
        Permission.CENTER_SETTINGS,
        Permission.IMPORT_EXPORT,
        Permission.MERGE_PEOPLE,
        Permission.READ_AUDIT_LOG,
        Permission.PERSON_DATA_REQUESTS,
    ):
        assert admin_only not in coach
    assert ROLE_PERMISSIONS[StaffRole.ADMIN] == frozenset(Permission)


def test_an_account_switched_off_is_refused_at_its_next_action(
    sqlite_database: Database, staff_of_every_role: dict[StaffRole, Actor]
) -> None:
    from desk.services.todays_queue import today_queue

    desk_actor = staff_of_every_role[StaffRole.FRONT_DESK]
    with sqlite_database.session() as session:
        today_queue(session, desk_actor)  # works while the account is on
    with sqlite_database.transaction() as session:
        session.execute(
            update(StaffMember)
            .where(StaffMember.id == desk_actor.staff_id)
            .values(active=False, version=StaffMember.version + 1)
        )
    with sqlite_database.session() as session, pytest.raises(AccountInactive, match="switched off"):
        today_queue(session, desk_actor)


def test_a_role_changed_by_an_admin_counts_at_once(
    sqlite_database: Database, staff_of_every_role: dict[StaffRole, Actor]
) -> None:
    from desk.services.settings import load_settings, update_settings

    admin = staff_of_every_role[StaffRole.ADMIN]
    with sqlite_database.transaction() as session:
        session.execute(
            update(StaffMember)
            .where(StaffMember.id == admin.staff_id)
            .values(role=StaffRole.FRONT_DESK, version=StaffMember.version + 1)
        )
    with sqlite_database.session() as session, pytest.raises(PermissionDenied, match="front desk"):
        update_settings(
            session,
            admin,
            {"center.email": "x@example.org"},
            read_versions=load_settings(session).versions,
        )
