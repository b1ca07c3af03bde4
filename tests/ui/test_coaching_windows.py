"""Coaching windows go away when closed: a peer's coaching opened from the caseload all day
leaves nothing behind that reloads on every change, and a hidden panel waits until it is seen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from shiboken6 import Shiboken
from sqlalchemy import select

from desk.models import AuditEvent
from tests.desk.coaching_helpers import assign
from tests.ui.coaching_fixtures import fill_caseload, person, small_center
from tests.ui.typing_helpers import type_text
from ui.pages.coaches import CoachesPage, peer_panel
from ui.pages.coaches.assign_dialog import AssignCoachDialog
from ui.pages.coaches.controller import PeerCoachingDialog
from ui.pages.people import PeoplePage


def _open_dialog(kind):
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def _opened_coaching(context) -> list[int]:
    with context.database.session() as session:
        return list(
            session.scalars(
                select(AuditEvent.person_id)
                .where(AuditEvent.action == "coaching.viewed")
                .order_by(AuditEvent.id)
            )
        )


@pytest.fixture
def loads(monkeypatch) -> list[tuple[int, bool]]:
    """Every load of a peer's coaching by a panel: (person id, audited)."""
    seen: list[tuple[int, bool]] = []
    real = peer_panel.peer_coaching

    def counted(session, actor, person_id, *, audit=True):
        seen.append((person_id, audit))
        return real(session, actor, person_id, audit=audit)

    monkeypatch.setattr(peer_panel, "peer_coaching", counted)
    return seen


def test_closed_coaching_windows_are_gone_and_load_nothing(app_context, qtbot, loads) -> None:
    center = small_center(app_context)
    peers = fill_caseload(app_context, center.rosa, 3)
    page = CoachesPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.choose_coach(center.rosa)

    windows = []  # held here, as anything in the program might still hold them

    def change_then_close() -> None:
        windows.append(_open_dialog(PeerCoachingDialog))
        app_context.changes.changed.emit({"coaching"})  # the open window keeps current
        windows[-1].reject()

    opened = []
    for row in range(3):
        page.view.caseload.selectRow(row)
        opened.append(page.chosen_peer().person_id)
        QTimer.singleShot(0, change_then_close)
        page.open_peer_coaching()
    assert sorted(opened) == sorted(peers)
    # Each window: its opening (audited), then the change while it was open; nothing from
    # the windows closed before.
    assert loads == [(p, audit) for p in opened for audit in (True, False)]
    assert not any(Shiboken.isValid(window) for window in windows)
    assert page.findChildren(QDialog) == []
    app_context.changes.changed.emit({"coaching"})
    assert len(loads) == 6
    assert _opened_coaching(app_context) == opened  # each opening in the activity log, once


def test_the_records_coaching_reloads_only_when_seen(app_context, qtbot, loads) -> None:
    center = small_center(app_context)
    maria = person(app_context, "María", "Pérez")
    page = PeoplePage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.open_record(maria)
    assert loads == [(maria, True)]
    page.hide()  # another page is in front
    assign(app_context.database, app_context.actor, maria, center.rosa)
    for _ in range(3):
        app_context.changes.changed.emit({"coaching"})
    assert loads == [(maria, True)]
    page.show()
    assert loads == [(maria, True), (maria, False)]
    assert page.coaching.summary.text().startswith("Coach: Rosa Delgado")
    app_context.changes.changed.emit({"coaching"})  # on screen: at once
    assert len(loads) == 3
    assert _opened_coaching(app_context) == [maria]


def test_a_note_typed_just_before_closing_is_kept(app_context, qtbot) -> None:
    small_center(app_context)
    duy = person(app_context, "Duy", "Huỳnh")
    page = PeoplePage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.open_record(duy)

    def type_and_close() -> None:
        dialog = _open_dialog(AssignCoachDialog)
        type_text(dialog.waitlist_note, "afternoons only")
        dialog.reject()  # at once: before the draft's own save would come

    QTimer.singleShot(0, type_and_close)
    page.coaching.assign()
    assert page.findChildren(AssignCoachDialog) == []
    again = AssignCoachDialog(app_context, duy)
    qtbot.addWidget(again)
    assert again.waitlist_note.text() == "afternoons only"
