"""A peer's coaching on their record: assign from the record (the record stays saveable),
goals with a status, the BARC-10 and its trend, ending coaching; and “Assign coach” from the
front desk queue."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from desk.models import GoalStatus
from desk.services.checkin import PurposeChoice, sign_in
from tests.desk.coaching_helpers import assign
from tests.ui.coaching_fixtures import person, small_center
from tests.ui.typing_helpers import type_text
from ui.models.peer_coaching_tables import (
    AssignmentsTableModel,
    Barc10TableModel,
    ContactsTableModel,
    GoalsTableModel,
)
from ui.models.queue_table import QueueTableModel
from ui.pages.coaches.assign_dialog import AssignCoachDialog
from ui.pages.coaches.barc10_dialog import Barc10Dialog
from ui.pages.coaches.goal_dialog import GoalDialog
from ui.pages.front_desk import FrontDeskPage
from ui.pages.people import PeoplePage


def _open_dialog(kind):
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def _people_page(context, qtbot) -> PeoplePage:
    page = PeoplePage(context)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    return page


def test_assign_from_the_record_and_the_record_stays_saveable(app_context, qtbot) -> None:
    small_center(app_context)
    maria = person(app_context, "María", "Pérez", preferred_language="es")
    page = _people_page(app_context, qtbot)
    page.open_record(maria)
    panel = page.coaching
    assert panel.summary.text() == "No coach yet."
    assert panel.assign_button.text() == "Assign coach…"

    def choose_a_woman_and_assign() -> None:
        dialog = _open_dialog(AssignCoachDialog)
        dialog.wished_gender.setCurrentText("woman")
        dialog.assign()

    QTimer.singleShot(0, choose_a_woman_and_assign)
    panel.assign()
    assert panel.summary.text().startswith("Coach: Rosa Delgado, since ")
    assert panel.summary.text().endswith("Asked for: a woman.")
    assert panel.assign_button.text() == "Reassign…"
    type_text(page.view.form.town, "Worcester")
    page.save()  # the wishes moved the record's version; the page took the new one
    assert page.view.status.text() == "Saved."
    assert page.record.wished_coach_gender == "woman"  # the form carried the wish through


def test_goals_barc10_and_ending_coaching(app_context, qtbot, monkeypatch) -> None:
    center = small_center(app_context)
    kwame = person(app_context, "Kwame", "Mensah")
    assign(app_context.database, app_context.actor, kwame, center.marcus)
    page = _people_page(app_context, qtbot)
    page.open_record(kwame)
    panel = page.coaching

    def add_goal() -> None:
        dialog = _open_dialog(GoalDialog)
        dialog.save()  # no words yet
        assert "Write the goal in a few words" in dialog.banner.text
        dialog.area.setCurrentIndex(dialog.area.findData("housing"))
        type_text(dialog.title_edit, "Find a sober house in Worcester")
        dialog.save()

    QTimer.singleShot(0, add_goal)
    panel.add_goal()
    goals = panel.goals_model
    assert goals.data(goals.index(0, GoalsTableModel.GOAL)) == "Find a sober house in Worcester"
    assert goals.data(goals.index(0, GoalsTableModel.STATUS)) == "Not started"
    panel.goals.selectRow(0)
    panel.goal_status.setCurrentIndex(panel.goal_status.findData(GoalStatus.IN_PROGRESS.value))
    qtbot.mouseClick(panel.set_status_button, Qt.MouseButton.LeftButton)
    assert goals.data(goals.index(0, GoalsTableModel.STATUS)) == "In progress"

    def answer_barc10() -> None:
        dialog = _open_dialog(Barc10Dialog)
        for item in range(1, 10):
            dialog.answer(item, 4)
        assert dialog.total.text() == "Total: 36 of 60 (9 of 10 answered)"
        dialog.save()
        assert "Statement 10 has no answer yet" in dialog.banner.text
        dialog.answer(10, 5)
        dialog.save()

    QTimer.singleShot(0, answer_barc10)
    panel.record_barc10()
    assert panel.barc_model.data(panel.barc_model.index(0, Barc10TableModel.TOTAL)) == "41"
    assert panel.trend_words.text().startswith("Latest total 41 of 60")
    panel.trend.grab()  # the trend draws

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args, **kwargs: ("Moved to Boston", True))
    )
    panel.end_coaching()
    assert panel.summary.text() == "No coach yet."
    history = panel.history_model
    assert history.data(history.index(0, AssignmentsTableModel.WHY_ENDED)) == "Moved to Boston"
    assert not panel.contact_button.isEnabled()


def test_assign_coach_from_the_queue(app_context, qtbot) -> None:
    small_center(app_context)
    jose = person(app_context, "José", "Hernández", preferred_language="es")
    with app_context.database.transaction() as session:
        sign_in(session, app_context.actor, person_id=jose, purposes=[PurposeChoice("coaching")])
        sign_in(session, app_context.actor, person_id=None, purposes=[PurposeChoice("drop_in")])
    page = FrontDeskPage(app_context)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.activate()
    page.view.queue.selectRow(1)  # the anonymous visitor
    qtbot.keyClick(
        page.view.sign_in_box,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "anonymous visitor has no record" in page.view.banner.text
    page.view.queue.selectRow(0)
    QTimer.singleShot(0, lambda: _open_dialog(AssignCoachDialog).assign())
    page.queue.assign_coach()
    model = page.view.queue_model
    assert model.data(model.index(0, QueueTableModel.COACH)) == "Rosa Delgado (their coach)"
    assert page.view.hint.text() == "José H. is now with Rosa Delgado."


def test_the_peer_tables_pass_the_model_tester(app_context, qtbot, qtmodeltester) -> None:
    center = small_center(app_context)
    kwame = person(app_context, "Kwame", "Mensah")
    assign(app_context.database, app_context.actor, kwame, center.rosa)
    page = _people_page(app_context, qtbot)
    page.open_record(kwame)
    panel = page.coaching
    for model in (ContactsTableModel(), GoalsTableModel(), Barc10TableModel()):
        qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(panel.history_model, force_py=True)
