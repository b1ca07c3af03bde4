"""Attendance on the Reports page and in its exports: by group and month, beside the
previous period; undone sign-ins do not count; the lists behind name no one. And the meeting
a sign-in "for a support meeting" records."""

from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta
from pathlib import Path

from openpyxl import load_workbook

from desk.db.engine import Database
from desk.reports.periods import RangeKind
from desk.services.actor import Actor
from desk.services.attendance import (
    NO_MEETING,
    meeting_for_sign_in,
    save_attendance,
    sign_in_for_meeting,
)
from desk.services.checkin import PurposeChoice, undo_sign_in
from desk.services.report_exports import export_report
from desk.services.reports import figure_list, period_report
from desk.services.todays_queue import today_queue
from tests.desk.groups.helpers import TUESDAY, add_group, at
from tests.desk.people_helpers import add_person

NOVEMBER_TUESDAY = TUESDAY - timedelta(days=28)  # 2026-11-10
SUPPORT = [PurposeChoice("support_meeting")]


def _came(database: Database, actor: Actor, group_id: int, day: date, person_id=None) -> int:
    with database.transaction() as session:
        return sign_in_for_meeting(
            session,
            actor,
            person_id=person_id,
            purposes=SUPPORT,
            group_id=group_id,
            day=day,
            now=at(day, 12, 10),
        )


def _attendance(database: Database, actor: Actor) -> tuple[int, int]:
    meeting = add_group(
        database, actor, "All-recovery meeting", starts_at=time(12), ends_at=time(13)
    )
    family = add_group(database, actor, "Family group", starts_at=time(11), ends_at=time(13))
    ana = add_person(database, actor, "Ana", "Silva")
    ben = add_person(database, actor, "Ben", "Okafor")
    _came(database, actor, meeting.id, NOVEMBER_TUESDAY, ana.id)
    _came(database, actor, meeting.id, TUESDAY, ana.id)
    _came(database, actor, meeting.id, TUESDAY, None)
    undone = _came(database, actor, family.id, TUESDAY, ben.id)
    with database.transaction() as session:
        version = next(
            e.version
            for e in today_queue(session, actor, now=at(TUESDAY, 12, 30)).entries
            if e.visit_id == undone
        )
        undo_sign_in(session, actor, undone, version, reason="wrong person")
        save_attendance(session, actor, family.id, TUESDAY, anonymous_count=3)
    return meeting.id, family.id


def test_attendance_by_group_and_month_beside_the_period_before(
    database: Database, actor: Actor
) -> None:
    meeting, family = _attendance(database, actor)
    with database.transaction() as session:
        report = period_report(
            session,
            actor,
            RangeKind.CUSTOM,
            date(2026, 11, 1),
            date(2026, 12, 31),
            now=at(TUESDAY, 20),
        )
        listed = figure_list(session, actor, report.period, f"attendance_group:{family}")
    assert report.figure("attendance").value == 2 + 1 + 3  # Ana twice, one anonymous, 3 counted
    assert report.figure("attendance:meetings").value == 3
    assert report.figure("attendance:anonymous").value == 3
    tables = {t.key: t for t in report.tables()}
    assert tables["attendance_by_group"].rows == (
        ("All-recovery meeting", 2, 3, 0, 0, 3),
        ("Family group", 1, 3, 3, 0, 3),  # Ben's undone sign-in does not count
    )
    by_month = tables["attendance_by_month"]
    assert by_month.columns == ("Group", "Nov 2026", "Dec 2026", "Total")
    assert by_month.rows == (("All-recovery meeting", 1, 2, 3), ("Family group", 0, 3, 3))
    assert listed.rows == ((TUESDAY, "Family group", 0, 3, 3),) and listed.person_ids == ()
    assert meeting


def test_attendance_goes_into_the_exports(database: Database, actor: Actor, tmp_path: Path) -> None:
    _attendance(database, actor)
    from desk.reports.periods import Period

    with database.transaction() as session:
        for fmt in ("csv", "xlsx"):
            export_report(
                session,
                actor,
                Period(date(2026, 11, 1), date(2026, 12, 31)),
                fmt,
                tmp_path / f"r.{fmt}",
                now=at(TUESDAY, 20),
            )
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_bytes().decode("utf-8-sig"))))
    assert ["Attendance by group and month"] in rows
    assert ["Our groups", "Attendance at our groups", "6", "0", "6", ""] in rows
    book = load_workbook(tmp_path / "r.xlsx")
    sheet = next(book[name] for name in book.sheetnames if name.startswith("Attendance by group a"))
    assert [c.value for c in sheet[2]] == ["All-recovery meeting", 1, 2, 3]


def test_a_period_without_groups_has_no_attendance_section(
    database: Database, actor: Actor
) -> None:
    with database.transaction() as session:
        report = period_report(
            session,
            actor,
            RangeKind.CUSTOM,
            date(2026, 11, 1),
            date(2026, 11, 30),
            now=at(TUESDAY, 20),
        )
    assert "attendance" not in {section.key for section in report.sections}


def test_the_meeting_a_sign_in_records(database: Database, actor: Actor) -> None:
    group = add_group(database, actor, "All-recovery meeting", starts_at=time(12), ends_at=time(13))
    with database.session() as session:
        drop_in = [PurposeChoice("drop_in")]
        assert meeting_for_sign_in(session, drop_in, (group.id, TUESDAY)) is None
        assert meeting_for_sign_in(session, SUPPORT, NO_MEETING) is None
        assert meeting_for_sign_in(session, SUPPORT, (group.id, TUESDAY)) == (group.id, TUESDAY)
        # Nothing picked (their usual purposes): the one on now or next today.
        assert meeting_for_sign_in(session, SUPPORT, None, now=at(TUESDAY, 11)) == (
            group.id,
            TUESDAY,
        )
        assert meeting_for_sign_in(session, SUPPORT, None, now=at(TUESDAY, 14)) is None


def test_a_meeting_sign_in_sent_twice_is_one_visit(database: Database, actor: Actor) -> None:
    group = add_group(database, actor, "All-recovery meeting", starts_at=time(12), ends_at=time(13))
    ana = add_person(database, actor, "Ana", "Silva")
    ids = []
    for _ in range(2):
        with database.transaction() as session:
            ids.append(
                sign_in_for_meeting(
                    session,
                    actor,
                    person_id=ana.id,
                    purposes=SUPPORT,
                    group_id=group.id,
                    day=TUESDAY,
                    now=at(TUESDAY, 12, 5),
                    idempotency_key="retry-1",
                )
            )
    assert ids[0] == ids[1]
