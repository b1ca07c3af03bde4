"""The navigation's page list (ui/app.py PAGES) names each page without importing it, so
that a start imports only the first page: it must say what the page classes say."""

from __future__ import annotations

import importlib

import pytest

from desk.access import Permission
from desk.models import StaffRole
from tests.staff import add_staff
from ui.app import PAGES, build_pages
from ui.context import AppContext, ChangeSignals
from ui.tasks import ImmediateTaskRunner


@pytest.mark.parametrize("entry", PAGES, ids=[entry[0] for entry in PAGES])
def test_each_entry_agrees_with_its_page_class(entry) -> None:
    page_id, module, name, _title, permission = entry
    page_class = getattr(importlib.import_module(module), name)
    assert page_class.page_id == page_id
    assert page_class.required_permission is permission


@pytest.mark.parametrize(
    ("role", "pages"),
    [
        (
            StaffRole.FRONT_DESK,
            ["front_desk", "people", "resources", "referrals", "coaches", "reports"],
        ),
        (StaffRole.ADMIN, [entry[0] for entry in PAGES]),
    ],
)
def test_a_role_sees_the_pages_its_permissions_open(
    qapp, sqlite_database, qsettings, crashes, role, pages
) -> None:
    with sqlite_database.session() as session:
        actor = add_staff(session, role=role, name="Sam Desk", login=f"sam.{role.value}")
    tasks = ImmediateTaskRunner(sqlite_database, crashes)
    context = AppContext(sqlite_database, actor, tasks, ChangeSignals(), qsettings)
    assert [spec.page_id for spec in build_pages(context)] == pages
    assert all(isinstance(permission, Permission) for *_rest, permission in PAGES)
    tasks.deleteLater()
