"""The Groups page as an admin uses it: a weekly group made in the form, a date cancelled,
the week's handout saved; and "Today at the center" on the Front desk."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QTime
from sqlalchemy import select

from desk.models import AuditEvent, GroupDateChange
from desk.services.groups import GroupDetails, create_group, list_groups
from tests.desk.referrals.builders import pdf_text
from ui.context import AppContext
from ui.formatting import date_text
from ui.pages.front_desk.today_at_center import TodayAtCenterLine
from ui.pages.groups import GroupsPage
from ui.pages.groups.date_dialog import GroupDateDialog
from ui.pages.groups.group_dialog import MONTHLY, ONCE, GroupDialog
from ui.pages.groups.week_dialog import WeekHandoutDialog
from ui.printing.output import DocumentOutput, Target

ZONE = ZoneInfo("America/New_York")


def _group(context: AppContext, name: str, rule: str, starts: time, ends: time, **more):
    with context.database.transaction() as session:
        return create_group(
            session,
            context.actor,
            GroupDetails(name, date(2026, 9, 1), starts, ends, rule, **more),
        )


@pytest.fixture
def page(app_context: AppContext, qtbot) -> GroupsPage:
    page = GroupsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def test_a_weekly_group_made_in_the_form(page: GroupsPage, app_context: AppContext, qtbot) -> None:
    dialog = GroupDialog(app_context, None, page)
    qtbot.addWidget(dialog)
    dialog.name.setText("Wellness walk")
    dialog.room.setText("Front door")
    dialog.starts_at.setTime(QTime(10, 0))
    dialog.ends_at.setTime(QTime(10, 45))
    for box in dialog.days:
        box.setChecked(False)
    dialog.days[1].setChecked(True)
    dialog.days[3].setChecked(True)
    assert dialog.rule_line.text() == "Every Tuesday and Thursday"
    dialog.every_other.setChecked(True)
    assert dialog.rule_line.text() == "Every other Tuesday and Thursday"
    dialog.facilitator.setCurrentIndex(1)  # a volunteer
    dialog.volunteer.setText("Dee Marsh")
    dialog.save()
    assert (
        dialog.saved is not None
        and dialog.saved.rule_words.english == "Every other Tuesday and Thursday"
    )
    page.group_saved(dialog.saved)
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, page.model.WHEN)) == dialog.saved.rule_words.english
    assert "Wellness walk" in page.banner.text
    assert dialog.saved.facilitator == "Dee Marsh"


def test_the_form_reads_back_a_monthly_rule_and_refuses_an_impossible_one(
    page: GroupsPage, app_context: AppContext, qtbot
) -> None:
    record = _group(app_context, "Community lunch", "FREQ=MONTHLY;BYDAY=-1FR", time(13), time(14))
    dialog = GroupDialog(app_context, record, page)
    qtbot.addWidget(dialog)
    assert dialog.repeats.currentData() == MONTHLY
    assert dialog.nth.currentData() == -1 and dialog.month_day.currentData() == 4
    assert dialog.rule_line.text() == "The last Friday of the month"
    dialog.repeats.setCurrentIndex(dialog.repeats.findData("typed"))
    dialog.typed.setText("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
    dialog.save()
    assert dialog.saved is None and "30" in dialog.banner.text
    dialog.repeats.setCurrentIndex(dialog.repeats.findData(ONCE))
    assert dialog.rule_line.text().startswith("Once, on Sep 1, 2026")


def test_a_date_cancelled_and_back_as_scheduled(
    page: GroupsPage, app_context: AppContext, qtbot
) -> None:
    record = _group(app_context, "All-recovery meeting", "FREQ=WEEKLY;BYDAY=TU", time(18), time(19))
    dialog = GroupDateDialog(app_context, record, page)
    qtbot.addWidget(dialog)
    assert dialog.date.count() > 10
    day = dialog.chosen().meeting.day
    assert day >= app_context.center_time.today() and day.weekday() == 1
    dialog.cancelled.setChecked(True)
    dialog.note.setText("Snow day")
    dialog.save()
    assert "cancelled" in dialog.date.currentText() and dialog.chosen().meeting.day == day
    with app_context.database.session() as session:
        change = session.scalars(select(GroupDateChange)).one()
    assert change.cancelled and change.note == "Snow day"
    assert dialog.restore_button.isEnabled()
    dialog.restore()
    assert "back as scheduled" in dialog.message
    with app_context.database.session() as session:
        assert session.scalars(select(GroupDateChange)).all() == []


def test_the_weeks_handout_is_previewed_and_saved(
    page: GroupsPage, app_context: AppContext, qtbot, monkeypatch, tmp_path: Path
) -> None:
    _group(app_context, "Family group", "FREQ=WEEKLY;BYDAY=TU", time(18), time(19, 30))
    dialog = WeekHandoutDialog(app_context, page)
    qtbot.addWidget(dialog)
    dialog.week.setDate(QDate(2026, 12, 10))
    dialog.language.setCurrentIndex(1)
    dialog.refresh_preview()
    assert (
        dialog.week_line.text()
        == f"Monday {date_text(date(2026, 12, 7))} to Sunday {date_text(date(2026, 12, 13))}"
    )
    assert dialog.preview.page_count == 1
    path = tmp_path / "week.pdf"
    monkeypatch.setattr(DocumentOutput, "choose_file", lambda _self, _name: Target(path=path))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "was sent to" in dialog.status.text())
    text = pdf_text(path.read_bytes())
    assert "Esta semana en el centro" in text and "Family group" in text
    with app_context.database.session() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "export.week_schedule")
        ).one()
    assert event.entity_id == "2026-12-07"


def test_today_at_the_center_now_next_and_later(app_context: AppContext, qtbot) -> None:
    _group(app_context, "Computer lab", "FREQ=WEEKLY;BYDAY=TU", time(9, 30), time(11, 30))
    _group(app_context, "All-recovery meeting", "FREQ=WEEKLY;BYDAY=TU", time(12), time(13))
    _group(app_context, "Family group", "FREQ=WEEKLY;BYDAY=TU", time(18), time(19, 30))
    _group(app_context, "Spanish group", "FREQ=WEEKLY;BYDAY=WE", time(18), time(19))
    moment = datetime(2026, 12, 8, 10, 15, tzinfo=ZONE).astimezone(UTC)
    line = TodayAtCenterLine(app_context, clock=lambda: moment)
    qtbot.addWidget(line)
    line.refresh()
    text = line.text()
    assert "Now:</b> Computer lab, until 11:30" in text
    assert "Next:</b> All-recovery meeting at 12:00" in text
    assert "Later:</b> Family group 6:00\u202fPM" in text and "Spanish group" not in text
    line.clock = lambda: datetime(2026, 12, 8, 20, tzinfo=ZONE).astimezone(UTC)
    line.refresh()
    assert "No more groups today." in line.text()
    with app_context.database.session() as session:
        assert len(list_groups(session)) == 4
    line.clock = lambda: datetime(2026, 12, 10, 9, tzinfo=ZONE).astimezone(UTC)
    app_context.changes.changed.emit({"groups"})
    assert "No groups today." in line.text()
