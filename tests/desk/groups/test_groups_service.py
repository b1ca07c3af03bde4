"""Keeping the center's groups: saves checked whole, a date cancelled or moved, today's."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.errors import PermissionDenied, StaleEdit, ValidationError
from desk.models import AuditEvent, StaffRole
from desk.services.actor import Actor
from desk.services.groups import (
    DateChange,
    GroupDetails,
    change_meeting,
    group_dates,
    list_groups,
    restore_meeting,
    today_at_center,
    update_group,
    week_meetings,
)
from tests.desk.groups.helpers import TUESDAY, add_group, at
from tests.staff import add_staff


def test_a_weekly_group_is_on_the_schedule_and_in_words(database: Database, actor: Actor) -> None:
    record = add_group(
        database, actor, "All-recovery meeting", room="Community room", facilitator_name="Dee Marsh"
    )
    assert record.rule_words.english == "Every Tuesday"
    with database.session() as session:
        meetings = week_meetings(session, TUESDAY - timedelta(days=1))
        listed = list_groups(session)
    assert [(m.name, m.held_on, m.starts_at) for m in meetings] == [
        ("All-recovery meeting", TUESDAY, time(18, 0))
    ]
    assert meetings[0].facilitator == "Dee M."  # a handout prints first name, last initial
    assert [g.name for g in listed] == ["All-recovery meeting"]


def test_every_problem_of_a_group_is_named_at_once(database: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        add_group(
            database,
            actor,
            "",
            "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30",
            time(19, 0),
            time(18, 0),
            language="xx",
        )
    assert set(refused.value.fields) == {"name", "ends_at", "language", "rule"}
    assert "never falls on a date" in str(refused.value)
    with database.session() as session:
        assert list_groups(session) == []


def test_only_admins_keep_the_groups(database: Database, actor: Actor) -> None:
    with database.session() as session:
        desk_actor = add_staff(session, role=StaffRole.FRONT_DESK, name="Frankie", login="frankie")
    with pytest.raises(PermissionDenied, match="keep the center's groups"):
        add_group(database, desk_actor, "Family group")


def test_a_save_over_another_stations_is_refused(database: Database, actor: Actor) -> None:
    record = add_group(database, actor, "Family group")
    changed = GroupDetails(**{**record.details.__dict__, "room": "Room 2"})
    with database.transaction() as session:
        update_group(session, actor, record.id, record.version, changed)
    with database.transaction() as session, pytest.raises(StaleEdit):
        update_group(session, actor, record.id, record.version, changed)


def test_a_date_cancelled_moved_and_put_back(database: Database, actor: Actor) -> None:
    group = add_group(database, actor, "Family group")
    next_tuesday = TUESDAY + timedelta(days=7)
    with database.transaction() as session:
        change_meeting(
            session,
            actor,
            group.id,
            TUESDAY,
            DateChange(cancelled=True, note="Staff training"),
            None,
        )
        moved = change_meeting(
            session,
            actor,
            group.id,
            next_tuesday,
            DateChange(moved_to=next_tuesday + timedelta(days=1), room="Big room"),
            None,
        )
    with database.session() as session:
        week = week_meetings(session, TUESDAY - timedelta(days=1))
        following = week_meetings(session, next_tuesday - timedelta(days=1))
    assert [(m.cancelled, m.note) for m in week] == [(True, "Staff training")]
    assert [(m.day, m.held_on, m.room, m.changed) for m in following] == [
        (next_tuesday, next_tuesday + timedelta(days=1), "Big room", True)
    ]
    # Found from the week it moved into, even when the range starts after its own date.
    with database.session() as session:
        wednesday = group_dates(
            session, group.id, next_tuesday + timedelta(days=1), next_tuesday + timedelta(days=1)
        )
    assert [d.meeting.day for d in wednesday] == [next_tuesday]
    with database.transaction() as session:
        restore_meeting(session, actor, group.id, next_tuesday, moved.change_version or 0)
    with database.session() as session:
        back = week_meetings(session, next_tuesday - timedelta(days=1))
        actions = set(session.scalars(select(AuditEvent.action)))
    assert [(m.held_on, m.changed) for m in back] == [(next_tuesday, False)]
    assert {"group.created", "group.date_changed", "group.date_restored"} <= actions


def test_date_changes_that_cannot_be_right_are_refused(database: Database, actor: Actor) -> None:
    group = add_group(database, actor, "Family group")
    wednesday = TUESDAY + timedelta(days=1)
    cases = [
        (wednesday, DateChange(cancelled=True), "does not meet on"),
        (TUESDAY, DateChange(moved_to=TUESDAY + timedelta(days=7)), "already meets"),
        (TUESDAY, DateChange(moved_to=TUESDAY + timedelta(days=90)), "at most 62 days"),
        (TUESDAY, DateChange(starts_at=time(9, 0)), "both the start and the end"),
        (TUESDAY, DateChange(), "Nothing is changed"),
    ]
    for day, change, says in cases:
        with database.transaction() as session, pytest.raises(ValidationError, match=says):
            change_meeting(session, actor, group.id, day, change, None)


def test_today_on_now_next_and_later(database: Database, actor: Actor) -> None:
    lab = add_group(
        database, actor, "Computer lab", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", time(10), time(12)
    )
    add_group(database, actor, "All-recovery meeting", "FREQ=WEEKLY;BYDAY=TU", time(12), time(13))
    add_group(database, actor, "Family group", "FREQ=WEEKLY;BYDAY=TU", time(18), time(19, 30))
    add_group(database, actor, "Spanish group", "FREQ=WEEKLY;BYDAY=TH", time(13), time(14))
    with database.session() as session:
        morning = today_at_center(session, now=at(TUESDAY, 10, 30))
        lunch = today_at_center(session, now=at(TUESDAY, 12, 5))
        evening = today_at_center(session, now=at(TUESDAY, 20, 0))
    assert [m.name for m in morning.on_now] == ["Computer lab"]
    assert morning.next is not None and morning.next.name == "All-recovery meeting"
    assert [m.name for m in morning.later] == ["Family group"]
    assert morning.preselected is not None and morning.preselected.group_id == lab.id
    assert [m.name for m in lunch.earlier] == ["Computer lab"]
    assert lunch.preselected is not None and lunch.preselected.name == "All-recovery meeting"
    assert evening.preselected is None and len(evening.earlier) == 3
    with database.transaction() as session:
        change_meeting(session, actor, lab.id, TUESDAY, DateChange(cancelled=True), None)
    with database.session() as session:
        cancelled = today_at_center(session, now=at(TUESDAY, 10, 30))
    assert cancelled.on_now == () and cancelled.preselected is not None
    assert cancelled.preselected.name == "All-recovery meeting"
    assert any(m.cancelled for m in cancelled.meetings)


def test_a_group_taken_off_the_schedule_is_not_shown(database: Database, actor: Actor) -> None:
    record = add_group(database, actor, "Old workshop")
    with database.transaction() as session:
        update_group(
            session,
            actor,
            record.id,
            record.version,
            GroupDetails(**{**record.details.__dict__, "active": False}),
        )
    with database.session() as session:
        assert week_meetings(session, TUESDAY - timedelta(days=1)) == []
        assert [g.details.active for g in list_groups(session)] == [False]
