"""Front desk: a check-out undone with Ctrl+U within a minute, and a second sign-in of someone
already here chooses their row in the queue."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.models import VisitStatus
from tests.ui.test_front_desk_page import _person, _queue_names
from ui.models.queue_table import QueueTableModel


def _status(page, row: int) -> VisitStatus:
    return page.view.queue_model.entry(row).status


def test_ctrl_u_puts_a_visitor_checked_out_by_mistake_back(
    app_context, front_desk_page, qtbot
) -> None:
    page = front_desk_page
    _person(app_context, "Ana", "Silva")
    box = page.view.sign_in_box
    qtbot.keyClicks(box, "ana silva")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # choose her row
    qtbot.keyClick(box, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # check out
    assert _status(front_desk_page, 0) is VisitStatus.DONE
    assert page.view.undo_button.text() == "Undo check-out"
    assert "Ctrl+U" in page.view.hint.text()
    qtbot.keyClick(box, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert _status(front_desk_page, 0) is VisitStatus.WAITING
    assert "back in the queue" in page.view.hint.text()
    assert page.view.undo_button.text() == "Undo sign-in…"


def test_the_undo_window_closes_after_a_minute(app_context, front_desk_page, qtbot) -> None:
    page = front_desk_page
    _person(app_context, "Ana", "Silva")
    box = page.view.sign_in_box
    qtbot.keyClicks(box, "ana silva")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    page.view.queue.selectRow(0)
    page.queue.check_out()
    page.queue._undo_window.timeout.emit()  # the minute is over
    assert page.view.undo_button.text() == "Undo sign-in…"


def test_signing_in_someone_already_here_chooses_their_row(
    app_context, front_desk_page, qtbot
) -> None:
    page = front_desk_page
    _person(app_context, "Joel", "Ortiz")
    _person(app_context, "Ana", "Silva")
    box = page.view.sign_in_box
    for name in ("joel ortiz", "ana silva"):
        qtbot.keyClicks(box, name)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    page.view.queue.selectRow(1)
    qtbot.keyClicks(box, "joel ortiz")
    page.view.results_model.set_here(frozenset())  # no "here now" mark yet
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert "already signed in" in page.view.banner.text
    selected = page.view.queue.selectionModel().selectedRows()
    assert [
        page.view.queue_model.data(i.siblingAtColumn(QueueTableModel.NAME)) for i in selected
    ] == ["Joel O."]
    assert _queue_names(front_desk_page) == ["Joel O.", "Ana S."]
