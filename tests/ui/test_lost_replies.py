"""PostgreSQL commits, and the reply is lost (issue 16, defect 2): Save again says saved, and
nothing is written twice. The proxy lets the COMMIT through and cuts the connection before
its answer reaches the app."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desk.lookup.person_index import PersonIndex
from desk.models import Person, Visit
from desk.services.checkin import PurposeChoice
from tests.staff import admin_actor
from tests.ui.typing_helpers import type_text
from ui.context import AppContext, ChangeSignals
from ui.pages.front_desk import FrontDeskPage
from ui.pages.front_desk.intake_dialog import IntakeDialog
from ui.tasks import ImmediateTaskRunner


def counts(database) -> tuple[int, int]:
    with database.session() as session:
        people = session.scalar(select(func.count()).select_from(Person))
        return people, session.scalar(select(func.count()).select_from(Visit))


def context_for(database, qsettings, crashes) -> AppContext:
    with database.session() as session:
        actor = admin_actor(session)
    tasks = ImmediateTaskRunner(database, crashes)
    return AppContext(database, actor, tasks, ChangeSignals(), qsettings, PersonIndex())


def test_an_intake_whose_reply_is_lost_is_saved_once(
    postgres_behind_a_proxy, qapp, qtbot, qsettings, crashes
) -> None:
    database, proxy = postgres_behind_a_proxy
    context = context_for(database, qsettings, crashes)
    dialog = IntakeDialog(context, context.people_index, [PurposeChoice("drop_in")], "Amara")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.form.last_name, "Okafor")
    proxy.drop_next_commit_reply()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert proxy.commit_replies_dropped == 1
    assert dialog.isVisible() and "Not saved" in dialog.banner.text  # as far as it knows
    assert counts(database) == (1, 1)  # but the commit went through

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # Save again
    assert dialog.result() == IntakeDialog.DialogCode.Accepted
    assert counts(database) == (1, 1)  # found, not written twice
    assert dialog.signed_in is not None


def test_a_sign_in_whose_reply_is_lost_is_made_once(
    postgres_behind_a_proxy, qapp, qtbot, qsettings, crashes
) -> None:
    database, proxy = postgres_behind_a_proxy
    context = context_for(database, qsettings, crashes)
    page = FrontDeskPage(context)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.activate()
    type_text(page.view.sign_in_box, "J.D.")
    proxy.drop_next_commit_reply()
    qtbot.keyClick(
        page.view.sign_in_box,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert proxy.commit_replies_dropped == 1
    assert page.view.sign_in_box.text() == "J.D."  # put back, as the sign-in "failed"
    qtbot.keyClick(
        page.view.sign_in_box,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert counts(database) == (0, 1)
    assert page.view.queue_model.rowCount() == 1


def test_the_intake_key_comes_back_with_its_draft(app_context: AppContext, qtbot) -> None:
    """After a crash the restored intake carries the key of the save that may have gone
    through; a fresh intake gets a new one."""
    first = IntakeDialog(app_context, app_context.people_index, [PurposeChoice("drop_in")], "")
    qtbot.addWidget(first)
    type_text(first.form.first_name, "Kofi")
    first.draft.save_now()
    again = IntakeDialog(app_context, app_context.people_index, [PurposeChoice("drop_in")], "")
    qtbot.addWidget(again)
    assert again.form.first_name.text() == "Kofi"
    assert again.write_key.text() == first.write_key.text() != ""
    again.draft.clear()
    fresh = IntakeDialog(app_context, app_context.people_index, [PurposeChoice("drop_in")], "")
    qtbot.addWidget(fresh)
    assert fresh.write_key.text() not in ("", first.write_key.text())
    assert not fresh.draft.has_draft()  # a key alone is not a draft
