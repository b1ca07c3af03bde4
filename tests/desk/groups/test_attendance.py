"""Attendance at the center's groups: at sign-in, from the facilitator's list, as a count."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.errors import ConflictError, NotFound, StaleEdit, ValidationError
from desk.models import AuditEvent, GroupAttendance, GroupMeeting, Visit
from desk.services.actor import Actor
from desk.services.attendance import meeting_attendance, save_attendance, sign_in_for_meeting
from desk.services.checkin import PurposeChoice, sign_in, undo_sign_in
from desk.services.groups import DateChange, change_meeting
from desk.services.todays_queue import today_queue
from tests.desk.groups.helpers import TUESDAY, add_group, at
from tests.desk.people_helpers import add_person

NOON = at(TUESDAY, 12, 5)


def test_signing_in_for_a_meeting_records_them_there(database: Database, actor: Actor) -> None:
    group = add_group(database, actor, "All-recovery meeting", starts_at=time(12), ends_at=time(13))
    ana = add_person(database, actor, "Ana", "Silva")
    with database.transaction() as session:
        visit_id = sign_in_for_meeting(
            session,
            actor,
            person_id=ana.id,
            purposes=[PurposeChoice("drop_in")],
            group_id=group.id,
            day=TUESDAY,
            now=NOON,
        )
        sign_in_for_meeting(
            session,
            actor,
            person_id=None,
            purposes=[PurposeChoice("support_meeting")],
            group_id=group.id,
            day=TUESDAY,
            now=NOON,
        )
    with database.session() as session:
        taken = meeting_attendance(session, actor, group.id, TUESDAY)
        purposes = today_queue(session, actor, now=NOON).entries[0].purposes
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "attendance.added")
        ).all()
    assert taken.attending == 2
    assert next(c.visit_id for c in taken.candidates if c.attending) == visit_id
    assert "Support meeting" in purposes  # the purpose is added if it was not chosen
    assert {e.person_id for e in events} == {ana.id, None}


def test_a_cancelled_meeting_is_refused_and_nobody_is_signed_in(
    database: Database, actor: Actor
) -> None:
    group = add_group(database, actor, "Family group", starts_at=time(12), ends_at=time(13))
    with database.transaction() as session:
        change_meeting(
            session, actor, group.id, TUESDAY, DateChange(cancelled=True, note="Snow"), None
        )
    ana = add_person(database, actor, "Ana", "Silva")
    with database.transaction() as session, pytest.raises(ConflictError, match=r"cancelled.*Snow"):
        sign_in_for_meeting(
            session,
            actor,
            person_id=ana.id,
            purposes=[PurposeChoice("support_meeting")],
            group_id=group.id,
            day=TUESDAY,
            now=NOON,
        )
    with database.session() as session, pytest.raises(ConflictError, match="cancelled"):
        meeting_attendance(session, actor, group.id, TUESDAY)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 0
    with database.session() as session, pytest.raises(NotFound):
        meeting_attendance(session, actor, group.id, TUESDAY + timedelta(days=1))


def test_a_meeting_of_another_day_is_not_offered_at_sign_in(
    database: Database, actor: Actor
) -> None:
    group = add_group(database, actor, "Family group", starts_at=time(12), ends_at=time(13))
    with database.transaction() as session, pytest.raises(ValidationError, match="not held today"):
        sign_in_for_meeting(
            session,
            actor,
            person_id=None,
            purposes=[PurposeChoice("support_meeting")],
            group_id=group.id,
            day=TUESDAY + timedelta(days=7),
            now=NOON,
        )


def _visit(database: Database, actor: Actor, person_id: int | None) -> int:
    with database.transaction() as session:
        return sign_in(
            session, actor, person_id=person_id, purposes=[PurposeChoice("drop_in")], now=NOON
        )


def test_the_facilitators_list_ticks_unticks_and_counts(database: Database, actor: Actor) -> None:
    group = add_group(database, actor, "All-recovery meeting", starts_at=time(12), ends_at=time(13))
    people = [add_person(database, actor, name, "Test") for name in ("Ana", "Ben", "Cy")]
    visits = [_visit(database, actor, p.id) for p in people]
    with database.session() as session:
        before = meeting_attendance(session, actor, group.id, TUESDAY)
    assert [c.first_name for c in before.candidates] == ["Ana", "Ben", "Cy"]
    assert before.version == 0 and before.attending == 0
    with database.transaction() as session:
        after = save_attendance(
            session,
            actor,
            group.id,
            TUESDAY,
            add=frozenset(visits[:2]),
            anonymous_count=4,
            read_version=before.version,
            now=NOON,
        )
    assert after.attending == 6 and after.anonymous_count == 4
    with database.transaction() as session:
        again = save_attendance(
            session, actor, group.id, TUESDAY, remove=frozenset(visits[:1]), now=NOON
        )
    assert again.attending == 5
    # A second list opened before the count changed cannot overwrite it.
    with database.transaction() as session:
        save_attendance(
            session, actor, group.id, TUESDAY, anonymous_count=5, read_version=again.version
        )
    with database.transaction() as session, pytest.raises(StaleEdit, match="anonymous"):
        save_attendance(
            session, actor, group.id, TUESDAY, anonymous_count=7, read_version=again.version
        )
    with database.session() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions.count("attendance.added") == 2
    assert actions.count("attendance.removed") == 1
    assert actions.count("attendance.counted") == 2


def test_an_undone_sign_in_cannot_be_ticked(database: Database, actor: Actor) -> None:
    group = add_group(database, actor, "All-recovery meeting", starts_at=time(12), ends_at=time(13))
    ana = add_person(database, actor, "Ana", "Silva")
    visit_id = _visit(database, actor, ana.id)
    with database.transaction() as session:
        version = today_queue(session, actor, now=NOON).entries[0].version
        undo_sign_in(session, actor, visit_id, version, "wrong person", now=NOON)
    with database.transaction() as session, pytest.raises(ConflictError, match="undone"):
        save_attendance(session, actor, group.id, TUESDAY, add=frozenset({visit_id}))
    with database.session() as session:
        assert meeting_attendance(session, actor, group.id, TUESDAY).candidates == ()


def test_two_stations_recording_the_first_attendees_at_once(
    database: Database, actor: Actor
) -> None:
    """Both make the meeting's row; the second insert is quietly the same row."""
    group = add_group(database, actor, "All-recovery meeting", starts_at=time(12), ends_at=time(13))
    first = _visit(database, actor, add_person(database, actor, "Ana", "Silva").id)
    second = _visit(database, actor, add_person(database, actor, "Ben", "Okafor").id)
    with database.transaction() as one, database.transaction() as two:
        save_attendance(one, actor, group.id, TUESDAY, add=frozenset({first}), now=NOON)
        one.commit()
        save_attendance(two, actor, group.id, TUESDAY, add=frozenset({second}), now=NOON)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(GroupMeeting)) == 1
        assert session.scalar(select(func.count()).select_from(GroupAttendance)) == 2
