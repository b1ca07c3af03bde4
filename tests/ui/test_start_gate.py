"""The start shows the staff sign-in box before the database code is loaded (ui/start.py):
what is typed meanwhile, and a sign-in pressed meanwhile, are kept and done once the
database is open."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from desk.services.staff_accounts import create_first_admin
from tests.ui.typing_helpers import type_text
from ui.staff.gate import GateWindow
from ui.tasks import ImmediateTaskRunner

PASSWORD = "correct horse battery 9"


def test_the_sign_in_box_comes_without_the_database_code() -> None:
    """What the start needs for the box must not bring SQLAlchemy (most of a second)."""
    check = (
        "import sys, ui.start, ui.staff.gate; "
        "print(sorted(m for m in ('sqlalchemy', 'desk.models', 'reportlab') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_sign_in_pressed_while_the_database_opens_is_done_once_it_is_open(
    qapp, qtbot, sqlite_database, crashes
) -> None:
    with sqlite_database.transaction() as session:
        create_first_admin(session, "Alex Admin", "alex", PASSWORD)
    gate = GateWindow(None, "Recovery Desk")
    qtbot.addWidget(gate)
    gate.show_sign_in("Opening the database…")
    type_text(gate.sign_in.login, "alex")
    type_text(gate.sign_in.password, PASSWORD)
    signed_in = []
    gate.sign_in.signed_in.connect(lambda actor, _must_change, _typed: signed_in.append(actor))
    gate.sign_in.submit()
    assert not gate.sign_in.button.isEnabled()  # waiting, and saying so on the button
    assert signed_in == []

    tasks = ImmediateTaskRunner(sqlite_database, crashes)
    gate.attach(tasks)
    assert [actor.display_name for actor in signed_in] == ["Alex Admin"]
    assert gate.sign_in.button.isEnabled()
    tasks.deleteLater()


def test_the_demo_offers_its_accounts_and_enter_signs_in_as_its_admin(qapp, qtbot, crashes) -> None:
    """`recovery-desk --demo` starts like a station, on the sign-in box: it names the demo
    accounts and has the admin's filled in, so one Enter signs in, even before the demo
    database is made."""
    from desk.demo.credentials import DEMO_ADMIN_LOGIN, DEMO_DESK_LOGIN, DEMO_PASSWORD
    from desk.demo.database import create_empty_demo_database

    gate = GateWindow(None, "Recovery Desk (demo: sample data only)")
    qtbot.addWidget(gate)
    gate.sign_in.offer_demo(DEMO_ADMIN_LOGIN, DEMO_DESK_LOGIN, DEMO_PASSWORD)
    gate.show_sign_in("Making the demo database…")
    screen = gate.sign_in
    assert DEMO_DESK_LOGIN in screen.intro.text() and DEMO_PASSWORD in screen.intro.text()
    assert (
        screen.login.text() == DEMO_ADMIN_LOGIN and screen.login.selectedText() == DEMO_ADMIN_LOGIN
    )
    signed_in = []
    screen.signed_in.connect(lambda actor, _must_change, _typed: signed_in.append(actor))
    qtbot.keyClick(screen.login, Qt.Key.Key_Return)
    assert signed_in == []  # waits for the database

    demo = create_empty_demo_database()
    try:
        tasks = ImmediateTaskRunner(demo.database, crashes)
        gate.attach(tasks)
        assert [actor.display_name for actor in signed_in] == ["Dana Whitfield"]
        gate.show_sign_in()  # signed out: offered again, typed over for another account
        assert screen.login.text() == DEMO_ADMIN_LOGIN and screen.password.text()
        type_text(screen.login, DEMO_DESK_LOGIN)
        qtbot.keyClick(screen.login, Qt.Key.Key_Return)
        assert [actor.display_name for actor in signed_in][-1] == "Frankie Ortiz"
        tasks.deleteLater()
    finally:
        demo.database.dispose()
        demo.remove()


def test_on_a_station_enter_in_the_username_goes_on_to_the_password(qapp, qtbot) -> None:
    gate = GateWindow(None, "Recovery Desk")
    qtbot.addWidget(gate)
    gate.show_sign_in()
    with qtbot.waitActive(gate):
        gate.activateWindow()
    type_text(gate.sign_in.login, "alex")
    qtbot.keyClick(gate.sign_in.login, Qt.Key.Key_Return)
    assert gate.sign_in.password.hasFocus() and gate.sign_in.password.text() == ""
