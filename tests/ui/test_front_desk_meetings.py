"""Signing in "for a support meeting" at the Front desk: which of today's meetings, the one
on now offered first, Ctrl+M for another, "None of these" for none."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desk.models import CenterGroup, GroupAttendance, GroupMeeting
from desk.services.groups import DateChange, GroupDetails, change_meeting, create_group
from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from ui.context import AppContext
from ui.pages.front_desk import FrontDeskPage


def _group(context: AppContext, name: str, starts: time, ends: time) -> int:
    """A daily group: whatever the hour the test runs at, it is held today."""
    with context.database.transaction() as session:
        return create_group(
            session,
            context.actor,
            GroupDetails(name, date(2026, 1, 1), starts, ends, "FREQ=DAILY"),
        ).id


@pytest.fixture
def page(app_context: AppContext, qtbot) -> FrontDeskPage:
    _group(app_context, "Computer lab", time(0, 0), time(23, 59))
    _group(app_context, "All-recovery meeting", time(0, 1), time(23, 59))
    with app_context.database.transaction() as session:
        create_person(
            session, app_context.actor, PersonDetails(first_name="Kwame", last_name="Mensah")
        )
    page = FrontDeskPage(app_context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.activate()
    return page


def _attended(context: AppContext) -> list[str]:
    with context.database.session() as session:
        return list(
            session.scalars(
                select(CenterGroup.name)
                .join(GroupMeeting, GroupMeeting.group_id == CenterGroup.id)
                .join(GroupAttendance, GroupAttendance.meeting_id == GroupMeeting.id)
            )
        )


def _for_a_meeting(page: FrontDeskPage, qtbot) -> None:
    box = page.view.sign_in_box
    qtbot.keyClicks(box, "kwame")
    assert not page.view.meeting.isVisible()  # a drop-in asks nothing
    qtbot.keyClick(box, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Support meeting
    assert page.view.meeting.isVisible()


def test_the_meeting_on_now_is_offered_first_and_recorded(
    app_context: AppContext, page: FrontDeskPage, qtbot
) -> None:
    _for_a_meeting(page, qtbot)
    combo = page.view.meeting.combo
    assert combo.currentText().startswith("All-recovery meeting, 00:01–23:59 (on now)")
    assert [combo.itemText(n).split(",")[0] for n in range(combo.count())] == [
        "Computer lab",
        "All-recovery meeting",
        "None of these",
    ]
    qtbot.keyClick(page.view.sign_in_box, Qt.Key.Key_Return)
    assert _attended(app_context) == ["All-recovery meeting"]
    assert page.view.hint.text().endswith("(Drop-in, Support meeting: All-recovery meeting).")
    assert not page.view.meeting.isVisible()  # the next person starts afresh


def test_ctrl_m_chooses_another_and_none_of_these_records_none(
    app_context: AppContext, page: FrontDeskPage, qtbot
) -> None:
    _for_a_meeting(page, qtbot)
    box = page.view.sign_in_box
    qtbot.keyClick(box, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert page.view.meeting.combo.currentText() == "None of these"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert _attended(app_context) == []
    assert "Support meeting" in page.view.hint.text() and ": " not in page.view.hint.text()[-30:]


def test_a_cancelled_meeting_is_not_offered(
    app_context: AppContext, page: FrontDeskPage, qtbot
) -> None:
    today = app_context.center_time.today()
    with app_context.database.transaction() as session:
        lab = session.scalars(select(CenterGroup).where(CenterGroup.name == "Computer lab")).one()
        change_meeting(session, app_context.actor, lab.id, today, DateChange(cancelled=True), None)
    app_context.changes.changed.emit({"groups"})
    _for_a_meeting(page, qtbot)
    combo = page.view.meeting.combo
    assert [combo.itemText(n).split(",")[0] for n in range(combo.count())] == [
        "All-recovery meeting",
        "None of these",
    ]
    assert "Cancelled today:</b> Computer lab" in page.today.text()
    assert today - timedelta(days=1) < today


def test_the_facilitator_ticks_who_is_there_and_counts_the_rest(
    app_context: AppContext, page: FrontDeskPage, qtbot
) -> None:
    from desk.services.attendance import meeting_attendance
    from ui.pages.front_desk.attendance_dialog import AttendanceDialog

    qtbot.keyClicks(page.view.sign_in_box, "kwame")
    qtbot.keyClick(page.view.sign_in_box, Qt.Key.Key_Return)  # a drop-in, no meeting
    assert _attended(app_context) == []
    dialog = AttendanceDialog(app_context, page.today.shown, True, page)
    qtbot.addWidget(dialog)
    assert dialog.meeting.currentText().startswith("All-recovery meeting")  # on now
    assert dialog.people.count() == 1 and dialog.people.item(0).text().startswith("Kwame M.")
    dialog.people.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.anonymous.setValue(4)
    dialog.save()
    assert dialog.message == "All-recovery meeting: 5 at the meeting."
    group_id, day = dialog.chosen()
    with app_context.database.session() as session:
        taken = meeting_attendance(session, app_context.actor, group_id, day)
    assert taken.attending == 5 and taken.anonymous_count == 4
    assert _attended(app_context) == ["All-recovery meeting"]
