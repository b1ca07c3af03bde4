"""Ctrl+G on today's queue: the coaches ranked for this visitor, as Assign coach shows them
(language by name, caseload, reasons), their own coach first; Enter starts the session."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desk.models import VisitStatus
from tests.desk.coaching_helpers import assign
from tests.ui.coaching_fixtures import person, small_center
from ui.models.queue_table import QueueTableModel
from ui.models.suggestions_table import SuggestionsTableModel
from ui.pages.front_desk.coach_picker import CoachPicker


def _sign_in_and_pick(page, qtbot, name: str) -> CoachPicker:
    box = page.view.sign_in_box
    qtbot.keyClicks(box, name)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    seen: list[CoachPicker] = []

    def look_and_choose() -> None:
        picker = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, CoachPicker) and w.isVisible()
        )
        seen.append(picker)
        qtbot.keyClick(picker.table, Qt.Key.Key_Return)

    QTimer.singleShot(0, look_and_choose)
    qtbot.keyClick(box, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    return seen[0]


def _cells(picker: CoachPicker, column: int) -> list[str]:
    model = picker.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_a_spanish_speaker_sees_the_ranking_with_languages_by_name(
    app_context, front_desk_page, qtbot
) -> None:
    page = front_desk_page
    center = small_center(app_context)
    person(app_context, "Lucía", "Reyes", preferred_language="es")
    picker = _sign_in_and_pick(page, qtbot, "lucia reyes")
    coaches = _cells(picker, SuggestionsTableModel.COACH)
    assert coaches[0] == "Rosa Delgado"  # speaks Spanish, with room
    why = _cells(picker, SuggestionsTableModel.WHY)[0]
    assert "speaks their language (Spanish)" in why and "(es)" not in why
    assert _cells(picker, SuggestionsTableModel.PEERS)[0] == "0 / 15"
    assert picker.table.horizontalScrollBar().maximum() == 0  # nothing out of sight sideways
    entry = page.view.queue_model.entry(0)
    assert entry.status is VisitStatus.WITH_COACH and center.rosa
    assert page.view.queue_model.data(page.view.queue_model.index(0, QueueTableModel.COACH)) == (
        "Rosa Delgado"
    )


def test_their_own_coach_comes_first(app_context, front_desk_page, qtbot) -> None:
    page = front_desk_page
    center = small_center(app_context)
    peer = person(app_context, "Lucía", "Reyes", preferred_language="es")
    assign(app_context.database, app_context.actor, peer, center.kevin)
    picker = _sign_in_and_pick(page, qtbot, "lucia reyes")
    assert _cells(picker, SuggestionsTableModel.COACH)[0] == "Kevin Murphy"
    assert _cells(picker, SuggestionsTableModel.RANK)[:2] == ["1", "2"]
