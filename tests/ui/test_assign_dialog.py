"""The assign dialog driven as staff drive it: ranked coaches with reasons, wishes that
re-rank at once, Enter to assign, reassigning with a reason, the override, the waitlist, and
another station getting there first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desk.models import AuditEvent, Person
from desk.services.assignments import assignment_history
from desk.services.waitlist import open_waitlist
from tests.desk.coaching_helpers import assign
from tests.ui.coaching_fixtures import fill_caseload, person, small_center
from tests.ui.typing_helpers import type_text
from ui.models.suggestions_table import SuggestionsTableModel
from ui.pages.coaches.assign_dialog import AssignCoachDialog


@pytest.fixture
def center(app_context):
    return small_center(app_context)


def _dialog(context, qtbot, person_id: int) -> AssignCoachDialog:
    dialog = AssignCoachDialog(context, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _coaches(dialog: AssignCoachDialog) -> list[str]:
    model = dialog.model
    return [model.record(row).coach.name for row in range(model.rowCount())]


def _cell(dialog: AssignCoachDialog, row: int, column: int) -> str:
    return dialog.model.data(dialog.model.index(row, column))


def _history(context, person_id: int):
    with context.database.session() as session:
        return assignment_history(session, context.actor, person_id)


def test_a_spanish_speaker_sees_why_and_enter_assigns(app_context, center, qtbot) -> None:
    maria = person(app_context, "María", "Pérez", preferred_language="es")
    dialog = _dialog(app_context, qtbot, maria)
    assert dialog.heading.text() == "Assign a coach to María P."
    assert "Their language: Spanish" in dialog.about.text()
    assert _coaches(dialog) == ["Rosa Delgado", "Marcus Bell", "Kevin Murphy"]
    assert _cell(dialog, 0, SuggestionsTableModel.WHY) == (
        "speaks their language (Spanish); plenty of room (15 of 15 places free)"
    )
    assert "not on duty now" in _cell(dialog, 0, SuggestionsTableModel.AGAINST)
    assert "on duty now" in _cell(dialog, 1, SuggestionsTableModel.WHY)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.result() == AssignCoachDialog.DialogCode.Accepted
    assert dialog.assigned is not None and dialog.assigned.coach_name == "Rosa Delgado"
    (only,) = _history(app_context, maria)
    assert only.match_reasons.startswith("#1, score 20: speaks their language (Spanish)")


def test_wishes_re_rank_at_once_and_are_kept(app_context, center, qtbot) -> None:
    jose = person(app_context, "José", "Hernández", preferred_language="es")
    dialog = _dialog(app_context, qtbot, jose)
    assert _coaches(dialog)[0] == "Rosa Delgado"
    dialog.wished_gender.setCurrentText("man")
    assert _coaches(dialog)[:2] == ["Marcus Bell", "Kevin Murphy"]
    assert _cell(dialog, 0, SuggestionsTableModel.WHY).startswith("a man, as they asked")
    dialog.wished_coach.setCurrentIndex(dialog.wished_coach.findText("Rosa Delgado"))
    assert _cell(dialog, 0, SuggestionsTableModel.COACH) == "★ Rosa Delgado"
    dialog.wished_coach.setCurrentIndex(0)
    dialog.assign()  # Marcus, first for a man
    assert dialog.assigned.coach_name == "Marcus Bell"
    with app_context.database.session() as session:
        stored = session.get(Person, jose)
    assert stored.wished_coach_gender == "man" and stored.wished_coach_id is None


def test_reassigning_asks_why_and_keeps_the_history(app_context, center, qtbot) -> None:
    maria = person(app_context, "María", "Pérez", preferred_language="es")
    assign(app_context.database, app_context.actor, maria, center.marcus)
    dialog = _dialog(app_context, qtbot, maria)
    assert dialog.heading.text().startswith("Reassign María P.: now with Marcus Bell since ")
    assert _coaches(dialog)[-1] == "Marcus Bell"  # their coach now is not a choice
    assert dialog.reason.isVisible() and not dialog.waitlist_button.isVisible()
    dialog.assign()
    assert "Say briefly why the coach changes" in dialog.banner.text
    assert dialog.reason.hasFocus() or dialog.focusWidget() is dialog.reason
    type_text(dialog.reason, "Prefiere hablar en español con su coach")
    dialog.assign()
    assert dialog.assigned.coach_name == "Rosa Delgado"
    history = _history(app_context, maria)
    assert [(a.coach_name, a.end_reason) for a in history] == [
        ("Rosa Delgado", None),
        ("Marcus Bell", "Prefiere hablar en español con su coach"),
    ]


def test_a_full_caseload_needs_the_override(app_context, center, qtbot) -> None:
    fill_caseload(app_context, center.kevin, 1)
    peer = person(app_context, "Kwame", "Mensah")
    dialog = _dialog(app_context, qtbot, peer)
    row = dialog.model.row_of_coach(center.kevin)
    assert _cell(dialog, row, SuggestionsTableModel.PEERS) == "1 / 1 full"
    dialog.table.selectRow(row)
    assert dialog.override.isEnabled()
    dialog.assign()
    assert "the caseload is full" in dialog.banner.text and dialog.isVisible()
    dialog.override.setChecked(True)
    dialog.assign()
    assert dialog.assigned.over_limit
    with app_context.database.session() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "coaching.over_limit_override" in actions
    dialog.table.selectRow(0)


def test_when_no_coach_has_room_the_waitlist_is_offered(app_context, qtbot) -> None:
    center = small_center(app_context, kevin_limit=1)
    for coach_id, limit in ((center.rosa, 15), (center.marcus, 12), (center.kevin, 1)):
        fill_caseload(app_context, coach_id, limit)
    peer = person(app_context, "Văn An", "Nguyễn", preferred_language="vi")
    dialog = _dialog(app_context, qtbot, peer)
    assert dialog.no_room.isVisible()
    type_text(dialog.waitlist_note, "Prefers afternoons; texts are fine")
    qtbot.mouseClick(dialog.waitlist_button, Qt.MouseButton.LeftButton)
    assert dialog.waitlisted
    with app_context.database.session() as session:
        (waiting,) = open_waitlist(session, app_context.actor)
    assert waiting.first_name == "Văn An" and waiting.note == "Prefers afternoons; texts are fine"


def test_another_station_assigned_first(app_context, center, qtbot) -> None:
    maria = person(app_context, "María", "Pérez", preferred_language="es")
    dialog = _dialog(app_context, qtbot, maria)
    assign(app_context.database, app_context.actor, maria, center.marcus)  # the other station
    dialog.assign()
    assert dialog.banner.text.startswith(
        "María was just assigned to Marcus Bell on another station."
    )
    assert dialog.assigned is None and dialog.isVisible()
    assert dialog.heading.text().startswith("Reassign María P.: now with Marcus Bell")
    assert [a.coach_name for a in _history(app_context, maria)] == ["Marcus Bell"]


def test_opening_is_in_the_activity_log_once(app_context, center, qtbot) -> None:
    """The window shows the person's pathway, language, past coaches and waitlist place: its
    opening is recorded, but not each re-ranking, nor loading again after another station."""
    maria = person(app_context, "María", "Pérez", preferred_language="es")
    dialog = _dialog(app_context, qtbot, maria)
    dialog.wished_gender.setCurrentText("woman")
    dialog.wished_language.setCurrentIndex(dialog.wished_language.findData("pt"))
    assign(app_context.database, app_context.actor, maria, center.marcus)  # the other station
    dialog.assign()  # refused, and the window loads again
    assert dialog.heading.text().startswith("Reassign María P.")
    with app_context.database.session() as session:
        viewed = session.execute(
            select(AuditEvent.person_id, AuditEvent.entity_type, AuditEvent.entity_id).where(
                AuditEvent.action == "coaching.match_viewed"
            )
        ).all()
    assert [tuple(row) for row in viewed] == [(maria, "person", str(maria))]


def test_what_was_typed_survives_a_closed_window(app_context, center, qtbot) -> None:
    maria = person(app_context, "María", "Pérez")
    assign(app_context.database, app_context.actor, maria, center.marcus)
    dialog = _dialog(app_context, qtbot, maria)
    type_text(dialog.reason, "Quiere una coach mujer")
    dialog.draft.save_now()
    dialog.close()
    again = _dialog(app_context, qtbot, maria)
    assert again.reason.text() == "Quiere una coach mujer"


def test_the_suggestions_model_passes_the_model_tester(app_context, center, qtmodeltester):
    maria = person(app_context, "María", "Pérez", preferred_language="es")
    dialog = AssignCoachDialog(app_context, maria)
    qtmodeltester.check(dialog.model, force_py=True)
    dialog.deleteLater()
