"""The new-person intake: little asked, duplicates offered, nothing typed ever lost."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desk.lookup.person_index import PersonIndex
from desk.models import Person
from desk.services.checkin import PurposeChoice
from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from desk.services.todays_queue import today_queue
from tests.staff import admin_actor
from tests.ui.typing_helpers import type_text
from ui.context import AppContext, ChangeSignals
from ui.pages.front_desk import FrontDeskPage
from ui.pages.front_desk.intake_dialog import IntakeDialog, details_from_typed
from ui.tasks import ImmediateTaskRunner

DROP_IN = [PurposeChoice("drop_in")]


def _dialog(context: AppContext, qtbot, typed: str = "") -> IntakeDialog:
    dialog = IntakeDialog(context, context.people_index, DROP_IN, typed)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def _people(context: AppContext) -> int:
    with context.database.session() as session:
        return session.scalar(select(func.count()).select_from(Person))


def test_typed_text_starts_the_form() -> None:
    details = details_from_typed("Zoë Côté 1990 508-555-0142")
    assert (details.first_name, details.last_name, details.birth, details.phone) == (
        "Zoë",
        "Côté",
        "1990",
        "5085550142",
    )


def test_a_new_person_with_accents_is_saved_and_signed_in(app_context, qtbot) -> None:
    dialog = _dialog(app_context, qtbot, "Zoë")
    type_text(dialog.form.last_name, "Côté-Nguyễn")
    type_text(dialog.form.pronouns.lineEdit(), "she/they")
    dialog.form.may_text.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == IntakeDialog.DialogCode.Accepted
    person_id, visit_id = dialog.signed_in
    with app_context.database.session() as session:
        person = session.get(Person, person_id)
        queue = today_queue(session, app_context.actor)
    assert (person.first_name, person.last_name, person.pronouns) == (
        "Zoë",
        "Côté-Nguyễn",
        "she/they",
    )
    assert (person.may_text, person.may_call) == (True, None)
    assert [entry.visit_id for entry in queue.entries] == [visit_id]


def test_duplicates_are_offered_and_ctrl_u_uses_one(app_context, qtbot) -> None:
    with app_context.database.transaction() as session:
        maria = create_person(
            session,
            app_context.actor,
            PersonDetails(first_name="María", last_name="Pérez", birth="1985"),
        )
    dialog = _dialog(app_context, qtbot, "maria perez 1985")
    dialog.check_duplicates()
    assert dialog.duplicates.count() == 1
    assert "same name and birth year" in dialog.duplicates.item(0).text()
    qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert dialog.existing_person_id == maria.id
    assert _people(app_context) == 1


def test_a_bad_phone_is_explained_and_nothing_is_lost(app_context, qtbot) -> None:
    dialog = _dialog(app_context, qtbot, "Seán")
    type_text(dialog.form.phone, "ask his sister")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "not a phone number" in dialog.banner.text
    assert dialog.form.phone.property("invalid") is True
    assert dialog.form.first_name.text() == "Seán"
    assert _people(app_context) == 0


def test_an_unsaved_intake_comes_back_after_a_crash(app_context, qtbot) -> None:
    first = _dialog(app_context, qtbot, "Nguyễn")
    type_text(first.form.note, "Came with a friend from the shelter")
    first.draft.save_now()
    first.hide()  # as if the program had died: no save, no cancel
    again = _dialog(app_context, qtbot)
    assert again.form.first_name.text() == "Nguyễn"
    assert again.form.note.toPlainText() == "Came with a friend from the shelter"
    assert "unsaved intake" in again.banner.text


def test_ctrl_n_from_the_sign_in_box_opens_the_intake(app_context, qtbot) -> None:
    page = FrontDeskPage(app_context)
    qtbot.addWidget(page)
    page.show()
    type_text(page.view.sign_in_box, "Łukasz Nowak")

    def fill_and_save() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, IntakeDialog) and w.isVisible()
        )
        assert (dialog.form.first_name.text(), dialog.form.last_name.text()) == ("Łukasz", "Nowak")
        dialog.save()

    QTimer.singleShot(0, fill_and_save)
    page.new_person()
    model = page.view.queue_model
    assert model.data(model.index(0, model.NAME)) == "Łukasz N."


def test_the_database_going_away_during_an_intake(
    postgres_behind_a_proxy, qapp, qtbot, qsettings, crashes
) -> None:
    database, proxy = postgres_behind_a_proxy
    with database.session() as session:
        actor = admin_actor(session)
    context = AppContext(
        database,
        actor,
        ImmediateTaskRunner(database, crashes),
        ChangeSignals(),
        qsettings,
        people_index=PersonIndex(),
    )
    dialog = _dialog(context, qtbot, "María")
    type_text(dialog.form.last_name, "Pérez")
    proxy.cut()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "cannot be reached" in dialog.banner.text and "kept" in dialog.banner.text
    assert (dialog.form.first_name.text(), dialog.form.last_name.text()) == ("María", "Pérez")
    proxy.start()  # the server is back, on the same address
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == IntakeDialog.DialogCode.Accepted
    with database.session() as session:
        assert session.scalar(select(Person.last_name)) == "Pérez"


def test_cancel_warns_once_before_throwing_typing_away(app_context, qtbot) -> None:
    dialog = _dialog(app_context, qtbot, "Ana")
    type_text(dialog.form.town, "Auburn")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "again to throw away" in dialog.banner.text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not dialog.draft.has_draft()


def test_a_locked_sqlite_file_during_an_intake(app_context, qtbot) -> None:
    """Another program holds the file: the save waits its busy timeout, then says so."""
    dialog = _dialog(app_context, qtbot, "Kofi")
    path = app_context.database.sqlite_path
    blocker = sqlite3.connect(path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "busy" in dialog.banner.text
        assert dialog.form.first_name.text() == "Kofi"
    finally:
        blocker.rollback()
        blocker.close()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == IntakeDialog.DialogCode.Accepted
    assert _people(app_context) == 1


def test_enter_in_any_field_saves_and_never_picks_a_suggested_person(app_context, qtbot) -> None:
    existing = IntakeDialog(app_context, app_context.people_index, DROP_IN, "Zoe Carter")
    qtbot.addWidget(existing)
    existing.save()  # a Zoe Carter is known already
    dialog = _dialog(app_context, qtbot, "Zoe Carter")  # she is suggested as a match
    type_text(dialog.form.town, "Auburn")
    qtbot.keyClick(dialog.form.town, Qt.Key.Key_Return)
    assert dialog.result() == IntakeDialog.DialogCode.Accepted
    assert dialog.existing_person_id is None  # a new person, as typed: not the suggestion
    assert _people(app_context) == 2


def test_every_field_at_fault_is_marked_at_once(app_context, qtbot) -> None:
    dialog = _dialog(app_context, qtbot, "Zoe")
    type_text(dialog.form.birth, "3020")
    type_text(dialog.form.phone, "12")
    dialog.save()
    assert dialog.isVisible()
    marked = {name for name, field in dialog.form.fields.items() if field.property("invalid")}
    assert marked == {"birth", "phone"}
    assert "between 1900 and" in dialog.banner.text and "not a phone number" in dialog.banner.text
    assert dialog.form.birth.text() == "3020" and dialog.form.phone.text() == "12"


def test_a_corrected_phone_is_no_longer_marked_red(app_context, qtbot) -> None:
    """Type "12", Enter, then a real number: the mark and the error line go as soon as the
    number can be dialled, before any second save."""
    dialog = _dialog(app_context, qtbot, "Zoe")
    phone = dialog.form.phone
    type_text(phone, "12")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    assert phone.property("invalid") and dialog.banner.isVisible()
    phone.selectAll()  # typed over: never empty in between
    type_text(phone, "508 555")
    assert phone.property("invalid")  # not a number yet: still marked
    type_text(phone, " 0142")
    assert not phone.property("invalid")
    assert not dialog.banner.isVisible()
