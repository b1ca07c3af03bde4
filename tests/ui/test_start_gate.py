"""The start shows the staff sign-in box before the database code is loaded (ui/start.py):
what is typed meanwhile, and a sign-in pressed meanwhile, are kept and done once the
database is open."""

from __future__ import annotations

import subprocess
import sys

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
