"""Signing in at the station, the first admin, the idle lock (fake clock), unlocking, and a
colleague signing in over the lock while the first person's form waits for them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import update

from desk.access import AccountInactive
from desk.db.engine import Database
from desk.models import StaffMember, StaffRole
from desk.services.staff_accounts import NewStaffAccount, create_first_admin, create_staff_account
from desk.services.todays_queue import today_queue
from tests.conftest import CrashRecorder
from ui.app import build_main_window
from ui.pages.front_desk.intake_dialog import IntakeDialog
from ui.staff.sessions import StaffSessions
from ui.staff.veil import Veil
from ui.tasks import ImmediateTaskRunner

ADMIN = ("Alex Morgan", "alex", "lantern orchard velvet")
DESK = ("Frankie Ortiz", "frankie", "quiet harbor morning")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sessions(
    qapp, sqlite_database: Database, qsettings: QSettings, crashes: CrashRecorder, clock, qtbot
) -> Iterator[StaffSessions]:
    tasks = ImmediateTaskRunner(sqlite_database, crashes)
    made = StaffSessions(
        sqlite_database, qsettings, tasks, build_main_window, title="Recovery Desk", clock=clock
    )
    tasks.setParent(made)
    qtbot.addWidget(made.gate)
    yield made
    made.shut_down()
    made.deleteLater()


def _with_accounts(database: Database) -> None:
    with database.transaction() as session:
        admin = create_first_admin(session, ADMIN[0], ADMIN[1], ADMIN[2])
        create_staff_account(
            session, admin, NewStaffAccount(DESK[0], DESK[1], StaffRole.FRONT_DESK, DESK[2])
        )
        session.execute(update(StaffMember).values(must_change_password=False))


def _sign_in(sessions: StaffSessions, qtbot, login: str, password: str) -> None:
    screen = sessions.gate.sign_in
    assert sessions.gate.stack.currentWidget() is screen
    screen.login.setText(login)
    qtbot.keyClicks(screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def test_a_new_database_opens_on_the_first_admin(sessions: StaffSessions, qtbot) -> None:
    sessions.begin()
    gate = sessions.gate
    assert gate.isVisible() and gate.stack.currentWidget() is gate.first_admin
    screen = gate.first_admin
    screen.name.setText("Alex Morgan")
    screen.login.setText("alex")
    screen.password.setText("lantern orchard velvet")
    screen.again.setText("lantern orchard velve")
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert "differ" in screen.message.text() and sessions.current is None
    screen.again.setText("lantern orchard velvet")
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    window = sessions.current
    assert window is not None and window.isVisible() and not gate.isVisible()
    pages = window.page_ids
    assert {"staff", "settings", "activity"} <= set(pages)
    assert window.actor_label.text() == "Signed in: Alex Morgan (admin)"


def test_front_desk_staff_get_only_their_pages(
    sessions: StaffSessions, sqlite_database: Database, qtbot
) -> None:
    _with_accounts(sqlite_database)
    sessions.begin()
    _sign_in(sessions, qtbot, "frankie", "wrong password")
    assert "do not match" in sessions.gate.sign_in.message.text()
    assert sessions.gate.sign_in.password.text() == ""
    _sign_in(sessions, qtbot, "frankie", DESK[2])
    window = sessions.current
    assert window is not None
    assert window.page_ids == [
        "front_desk",
        "people",
        "resources",
        "referrals",
        "coaches",
        "reports",  # today's counts only
    ]


def test_the_idle_lock_hides_everything_until_the_same_person_unlocks(
    sessions: StaffSessions, sqlite_database: Database, clock: FakeClock, qtbot
) -> None:
    _with_accounts(sqlite_database)
    sessions.begin()
    _sign_in(sessions, qtbot, "frankie", DESK[2])
    window = sessions.current
    clock.now += 4 * 60 + 59
    sessions.idle.check()
    assert not sessions.locked
    clock.now += 1
    sessions.idle.check()
    assert sessions.locked
    assert sessions.gate.isVisible() and sessions.gate.stack.currentWidget() is sessions.gate.lock
    veils = window.findChildren(Veil)
    assert len(veils) == 1 and veils[0].isVisible() and veils[0].geometry() == window.rect()
    assert window.windowTitle() == "Recovery Desk (locked)"
    assert "Frankie Ortiz (front desk) is signed in" in sessions.gate.lock.intro.text()
    lock = sessions.gate.lock
    qtbot.keyClicks(lock.secret, "not it")
    qtbot.keyClick(lock.secret, Qt.Key.Key_Return)
    assert sessions.locked and "do not match" in lock.message.text()
    qtbot.keyClicks(lock.secret, DESK[2])
    qtbot.keyClick(lock.secret, Qt.Key.Key_Return)
    assert not sessions.locked and not sessions.gate.isVisible()
    assert not any(veil.isVisible() for veil in window.findChildren(Veil))
    assert window.windowTitle() != "Recovery Desk (locked)"


def test_ctrl_l_locks_at_once(sessions: StaffSessions, sqlite_database: Database, qtbot) -> None:
    _with_accounts(sqlite_database)
    sessions.begin()
    _sign_in(sessions, qtbot, "alex", ADMIN[2])
    window = sessions.current
    intake = IntakeDialog(window.context, window.context.people_index, [], "", window)
    intake.show()  # a dialog over the window: Ctrl+L in it locks all the same
    qtbot.keyClick(intake.form.first_name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert sessions.locked
    assert intake.form.first_name.text() == ""  # the key locked; it typed nothing


def test_a_colleague_signs_in_over_the_lock_and_the_first_form_waits(
    sessions: StaffSessions, sqlite_database: Database, qtbot
) -> None:
    _with_accounts(sqlite_database)
    sessions.begin()
    _sign_in(sessions, qtbot, "frankie", DESK[2])
    frankies = sessions.current
    intake = IntakeDialog(frankies.context, frankies.context.people_index, [], "", frankies)
    intake.show()
    qtbot.keyClicks(intake.form.first_name, "Dolores")
    intake.draft.flush()
    sessions.lock()
    assert any(veil.isVisible() for veil in intake.findChildren(Veil))  # the form is covered
    sessions.gate.lock.other_button.click()
    _sign_in(sessions, qtbot, "alex", ADMIN[2])
    alexs = sessions.current
    assert alexs is not frankies and alexs.isVisible() and not frankies.isVisible()
    assert not intake.isVisible()
    theirs = IntakeDialog(alexs.context, alexs.context.people_index, [], "", alexs)
    assert theirs.form.first_name.text() == ""  # never another person's draft
    theirs.reject()
    alexs.sign_out_requested.emit()
    assert sessions.gate.stack.currentWidget() is sessions.gate.sign_in
    assert "Alex Morgan signed out" in sessions.gate.sign_in.message.text()
    _sign_in(sessions, qtbot, "frankie", DESK[2])
    assert sessions.current is frankies and frankies.isVisible()
    again = IntakeDialog(frankies.context, frankies.context.people_index, [], "", frankies)
    assert again.form.first_name.text() == "Dolores"
    assert "unsaved intake from before is back" in again.banner.text


def test_an_account_switched_off_is_locked_out_at_its_next_action(
    sessions: StaffSessions, sqlite_database: Database, qtbot
) -> None:
    _with_accounts(sqlite_database)
    sessions.begin()
    _sign_in(sessions, qtbot, "frankie", DESK[2])
    with sqlite_database.transaction() as session:
        session.execute(
            update(StaffMember)
            .where(StaffMember.login == "frankie")
            .values(active=False, version=StaffMember.version + 1)
        )
    actor = sessions.current.context.actor
    refused: list[object] = []
    sessions.tasks.submit(lambda session: today_queue(session, actor), None, refused.append)
    assert refused and isinstance(refused[0], AccountInactive)
    assert sessions.locked
    assert "switched off" in sessions.gate.lock.message.text()


def test_a_colleague_can_sign_in_over_a_form_opened_in_its_own_event_loop(
    sessions: StaffSessions, sqlite_database: Database, qtbot
) -> None:
    """The intake runs modally (exec): the lock, the second sign-in and the first person's
    form put away all happen inside its event loop, which must end cleanly."""
    from PySide6.QtCore import QTimer

    from desk.services.staff_sessions import sign_in_staff

    _with_accounts(sqlite_database)
    with sqlite_database.transaction() as session:
        frankie = sign_in_staff(session, "frankie", DESK[2]).actor
        alex = sign_in_staff(session, "alex", ADMIN[2]).actor
    window = sessions.enter(frankie)
    front_desk = window.page("front_desk")
    steps: list[str] = []

    def inside_the_form() -> None:
        steps.append("form open")
        sessions.lock()
        sessions.enter(alex)
        steps.append("colleague in")

    QTimer.singleShot(0, inside_the_form)
    front_desk.new_person()  # returns when the form is put away
    steps.append("form loop ended")
    qtbot.wait(50)
    assert steps == ["form open", "colleague in", "form loop ended"]
    assert sessions.current is not window and sessions.current.isVisible()
    assert not window.isVisible()
