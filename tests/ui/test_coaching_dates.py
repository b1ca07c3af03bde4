"""Coaching screens show the center's dates: a contact at 20:30 on November 23 in Worcester
(01:30 on the 24th in UTC) reads November 23 on every screen, whatever the station's clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt

from desk.models import ContactMode, GoalArea, GoalStatus
from desk.services.coaching_contacts import ContactInput, log_contact
from desk.services.recovery_goals import GoalRecord
from desk.services.waitlist import add_to_waitlist, open_waitlist
from tests.desk.coaching_helpers import assign
from tests.ui.coaching_fixtures import person, small_center
from ui.formatting import date_text
from ui.models.caseload_table import CaseloadTableModel
from ui.models.peer_coaching_tables import (
    AssignmentsTableModel,
    ContactsTableModel,
    GoalsTableModel,
)
from ui.models.waitlist_table import WaitlistTableModel
from ui.pages.coaches import CoachesPage
from ui.pages.coaches.assign_dialog import AssignCoachDialog
from ui.pages.coaches.peer_panel import PeerCoachingPanel

EVENING = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)  # 20:30 on Nov 23 in Worcester
# As a person reads them: "Nov 23" within the year, "11/23/2026" after it.
NOV23, NOV24 = date_text(date(2026, 11, 23)), date_text(date(2026, 11, 24))
NEXT_EVENING = EVENING + timedelta(days=1)  # 20:30 on Nov 24 in Worcester


def _text(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def _late_evening_coaching(context) -> tuple[int, int]:
    """María: with Marcus from the 23rd, then Rosa from the 24th, a phone call on the 23rd.
    Duy: on the waitlist since the 23rd."""
    center = small_center(context)
    db, actor = context.database, context.actor
    maria = person(context, "María", "Pérez")
    first = assign(db, actor, maria, center.marcus, now=EVENING)
    assign(db, actor, maria, center.rosa, current=first.id, reason="asked", now=NEXT_EVENING)
    duy = person(context, "Duy", "Huỳnh")
    with db.transaction() as session:
        log_contact(
            session,
            actor,
            maria,
            ContactInput(contact_on=date(2026, 11, 23), mode=ContactMode.PHONE),
            now=EVENING,
        )
        add_to_waitlist(session, actor, duy, now=EVENING)
    return maria, duy


def test_the_peers_coaching_shows_the_centers_dates(app_context, qtbot) -> None:
    maria, _duy = _late_evening_coaching(app_context)
    panel = PeerCoachingPanel(app_context)
    qtbot.addWidget(panel)
    panel.show_person(maria)
    assert panel.summary.text() == f"Coach: Rosa Delgado, since {NOV24}."
    assert _text(panel.contacts_model, 0, ContactsTableModel.DATE) == NOV23
    history = panel.history_model
    assert [_text(history, row, AssignmentsTableModel.FROM) for row in (0, 1)] == [
        NOV24,
        NOV23,
    ]
    assert _text(history, 1, AssignmentsTableModel.UNTIL) == NOV24


def test_a_goal_set_in_the_evening_shows_that_day(app_context) -> None:
    goal = GoalRecord(
        1, 1, 1, GoalArea.HOUSING, "Sober house", GoalStatus.NOT_STARTED, EVENING, EVENING
    )
    model = GoalsTableModel(center_time=app_context.center_time)
    model.set_records([goal])
    assert _text(model, 0, GoalsTableModel.SINCE) == NOV23


def test_the_caseload_and_waitlist_show_the_centers_dates(app_context, qtbot) -> None:
    maria, _duy = _late_evening_coaching(app_context)
    page = CoachesPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    rosa = next(c.id for c in page.snapshot.roster if c.display_name == "Rosa Delgado")
    page.choose_coach(rosa)
    caseload = page.view.caseload_model
    assert caseload.record(0).person_id == maria
    assert _text(caseload, 0, CaseloadTableModel.SINCE) == NOV24
    assert _text(caseload, 0, CaseloadTableModel.LAST_CONTACT) == NOV23
    waitlist = page.view.waitlist_model
    tooltip = waitlist.data(
        waitlist.index(0, WaitlistTableModel.SINCE), Qt.ItemDataRole.ToolTipRole
    )
    assert tooltip == f"Since {NOV23}, added by Robin Admin"


def test_waiting_days_are_counted_on_the_centers_calendar(app_context) -> None:
    _late_evening_coaching(app_context)
    with app_context.database.session() as session:
        (row,) = open_waitlist(session, app_context.actor)
    next_morning = EVENING + timedelta(hours=12)  # 08:30 on the 24th: one day on the list
    model = WaitlistTableModel(center_time=app_context.center_time, clock=lambda: next_morning)
    model.set_records([row])
    assert _text(model, 0, WaitlistTableModel.SINCE) == "1 day"


def test_the_assign_dialog_shows_the_centers_dates(app_context, qtbot) -> None:
    maria, duy = _late_evening_coaching(app_context)
    reassign = AssignCoachDialog(app_context, maria)
    qtbot.addWidget(reassign)
    assert reassign.heading.text() == f"Reassign María P.: now with Rosa Delgado since {NOV24}"
    waiting = AssignCoachDialog(app_context, duy)
    qtbot.addWidget(waiting)
    assert f"On the waitlist since {NOV23}" in waiting.about.text()


def test_the_waitlist_note_is_the_peers_tooltip_when_its_column_gives_way(app_context) -> None:
    """On a narrow pane (larger text) the note's column is left out; the peer's tooltip
    still tells it."""
    _late_evening_coaching(app_context)
    with app_context.database.session() as session:
        (row,) = open_waitlist(session, app_context.actor)
    model = WaitlistTableModel(center_time=app_context.center_time)
    model.set_records([replace(row, note="prefers evenings")])
    tooltip = model.data(model.index(0, WaitlistTableModel.PEER), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Note: prefers evenings"
    model.set_records([replace(row, note=None)])
    peer = model.data(model.index(0, WaitlistTableModel.PEER), Qt.ItemDataRole.ToolTipRole)
    assert peer == "Duy H."  # no note: the cell's own text, as every cut cell has
