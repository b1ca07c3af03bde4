"""The front desk on the real thread pool: quick double keystrokes save once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desk.models import Person, Visit
from desk.services.checkin import PurposeChoice
from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from tests.staff import admin_actor
from tests.ui.typing_helpers import type_text
from ui.context import AppContext, ChangeSignals
from ui.pages.front_desk import FrontDeskPage
from ui.pages.front_desk.intake_dialog import IntakeDialog
from ui.tasks import TaskRunner


@pytest.fixture
def threaded_context(qapp, sqlite_database, qsettings, crashes):
    with sqlite_database.session() as session:
        actor = admin_actor(session)
    tasks = TaskRunner(sqlite_database, crashes)
    context = AppContext(sqlite_database, actor, tasks, ChangeSignals(), qsettings)
    yield context
    tasks.wait_for_done()


def _count(context: AppContext, model) -> int:
    with context.database.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_double_enter_signs_in_once(threaded_context, qtbot) -> None:
    context = threaded_context
    with context.database.transaction() as session:
        create_person(session, context.actor, PersonDetails(first_name="Seán", last_name="Ó"))
    page = FrontDeskPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._index_ready, timeout=5000)
    type_text(page.view.sign_in_box, "sean")
    qtbot.waitUntil(lambda: page.highlighted() is not None, timeout=5000)
    qtbot.keyClick(page.view.sign_in_box, Qt.Key.Key_Return)
    qtbot.keyClick(page.view.sign_in_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.queue_model.rowCount() == 1, timeout=5000)
    context.tasks.wait_for_done()
    assert _count(context, Visit) == 1
    assert page.view.banner.isHidden()


def test_enter_then_ctrl_return_in_the_intake_saves_once(threaded_context, qtbot) -> None:
    context = threaded_context
    dialog = IntakeDialog(context, context.people_index, [PurposeChoice("drop_in")], "Ama Boateng")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.signed_in is not None, timeout=5000)
    context.tasks.wait_for_done()
    assert _count(context, Person) == 1 and _count(context, Visit) == 1


def test_a_coaching_window_closed_before_its_data_came_is_simply_gone(
    threaded_context, qtbot
) -> None:
    from shiboken6 import Shiboken

    from ui.pages.coaches.controller import PeerCoachingDialog

    context = threaded_context
    with context.database.transaction() as session:
        maria = create_person(session, context.actor, PersonDetails(first_name="María")).id
    dialog = PeerCoachingDialog(context, maria, private=True)  # its load is on its way
    Shiboken.delete(dialog)  # closed at once (deleted as a closed dialog is)
    context.tasks.wait_for_done()
    qtbot.wait(50)  # the answer comes back, to no one
    context.changes.changed.emit({"coaching"})  # and no one is left listening
