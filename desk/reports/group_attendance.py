"""Attendance at the center's own groups, for the Reports page and its exports: how many
came to each group, and month by month, beside the previous period.

A meeting counts on the day it was held (a moved meeting on its new date). Its attendance is
the visits recorded at it (a sign-in undone later no longer counts) and those who came
without signing in, counted by the facilitator. No one is named: the list behind a figure is
the meetings, with their counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.messages import QT_TRANSLATE_NOOP
from desk.models import CenterGroup, GroupAttendance, GroupMeeting, Visit, VisitStatus
from desk.reports.model import Figure, Labels, PeriodData, Section, Table
from desk.reports.periods import Period
from desk.reports.visit_lists import FigureList

MONTHS = (
    QT_TRANSLATE_NOOP("Report", "Jan"),
    QT_TRANSLATE_NOOP("Report", "Feb"),
    QT_TRANSLATE_NOOP("Report", "Mar"),
    QT_TRANSLATE_NOOP("Report", "Apr"),
    QT_TRANSLATE_NOOP("Report", "May"),
    QT_TRANSLATE_NOOP("Report", "Jun"),
    QT_TRANSLATE_NOOP("Report", "Jul"),
    QT_TRANSLATE_NOOP("Report", "Aug"),
    QT_TRANSLATE_NOOP("Report", "Sep"),
    QT_TRANSLATE_NOOP("Report", "Oct"),
    QT_TRANSLATE_NOOP("Report", "Nov"),
    QT_TRANSLATE_NOOP("Report", "Dec"),
)


@dataclass(frozen=True)
class MeetingCount:
    group_id: int
    held_on: date
    signed_in: int
    anonymous: int

    @property
    def attended(self) -> int:
        return self.signed_in + self.anonymous


@dataclass(frozen=True)
class AttendanceFigures:
    meetings: tuple[MeetingCount, ...]
    names: dict[int, str] = field(default_factory=dict)

    @property
    def attended(self) -> int:
        return sum(m.attended for m in self.meetings)

    @property
    def anonymous(self) -> int:
        return sum(m.anonymous for m in self.meetings)

    def by_group(self) -> dict[int, tuple[int, int, int]]:
        """Group id: (meetings, attended, anonymous)."""
        found: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for m in self.meetings:
            row = found[m.group_id]
            row[0] += 1
            row[1] += m.attended
            row[2] += m.anonymous
        return {group: (r[0], r[1], r[2]) for group, r in found.items()}

    def by_month(self) -> dict[tuple[int, int, int], int]:
        """(year, month, group id): attended."""
        found: dict[tuple[int, int, int], int] = defaultdict(int)
        for m in self.meetings:
            found[(m.held_on.year, m.held_on.month, m.group_id)] += m.attended
        return dict(found)


def meeting_counts(session: Session, period: Period) -> list[tuple[GroupMeeting, int]]:
    signed_in = (
        select(GroupAttendance.meeting_id, func.count().label("n"))
        .join(Visit, Visit.id == GroupAttendance.visit_id)
        .where(Visit.status != VisitStatus.UNDONE)
        .group_by(GroupAttendance.meeting_id)
        .subquery()
    )
    return [
        (meeting, count or 0)
        for meeting, count in session.execute(
            select(GroupMeeting, signed_in.c.n)
            .outerjoin(signed_in, signed_in.c.meeting_id == GroupMeeting.id)
            .where(GroupMeeting.held_on.between(period.first, period.last))
            .order_by(GroupMeeting.held_on, GroupMeeting.group_id)
        )
    ]


def attendance_figures(session: Session, period: Period) -> AttendanceFigures:
    meetings = tuple(
        MeetingCount(m.group_id, m.held_on, count, m.anonymous_count)
        for m, count in meeting_counts(session, period)
        if count or m.anonymous_count
    )
    names = dict(session.execute(select(CenterGroup.id, CenterGroup.name)).all())
    return AttendanceFigures(meetings, names)


def attendance_sections(
    now: AttendanceFigures,
    before: AttendanceFigures,
    current: PeriodData,
    previous: PeriodData,
    labels: Labels,
) -> list[Section]:
    if not now.meetings and not before.meetings:
        return []
    figures = (
        Figure(
            "attendance",
            QT_TRANSLATE_NOOP("Report", "Attendance at our groups"),
            now.attended,
            before.attended,
            note=QT_TRANSLATE_NOOP(
                "Report", "everyone recorded at a meeting, and those counted without signing in"
            ),
        ),
        Figure(
            "attendance:meetings",
            QT_TRANSLATE_NOOP("Report", "Meetings held with attendance"),
            len(now.meetings),
            len(before.meetings),
            note=QT_TRANSLATE_NOOP("Report", "meetings someone was recorded at"),
        ),
        Figure(
            "attendance:anonymous",
            QT_TRANSLATE_NOOP("Report", "Counted without signing in"),
            now.anonymous,
            before.anonymous,
            note=QT_TRANSLATE_NOOP(
                "Report", "the facilitators' counts of those who did not sign in"
            ),
        ),
    )
    names = {**before.names, **now.names}
    groups_now, groups_before = now.by_group(), before.by_group()
    order = sorted(set(groups_now) | set(groups_before), key=lambda g: names.get(g, ""))
    by_group = Table(
        "attendance_by_group",
        QT_TRANSLATE_NOOP("Report", "Attendance by group"),
        (
            QT_TRANSLATE_NOOP("Report", "Group"),
            QT_TRANSLATE_NOOP("Report", "Meetings"),
            QT_TRANSLATE_NOOP("Report", "Attended"),
            QT_TRANSLATE_NOOP("Report", "Of them without signing in"),
            QT_TRANSLATE_NOOP("Report", "Previous period"),
            QT_TRANSLATE_NOOP("Report", "Change"),
        ),
        tuple(
            (
                names.get(g, f"Group #{g}"),
                groups_now.get(g, (0, 0, 0))[0],
                groups_now.get(g, (0, 0, 0))[1],
                groups_now.get(g, (0, 0, 0))[2],
                groups_before.get(g, (0, 0, 0))[1],
                groups_now.get(g, (0, 0, 0))[1] - groups_before.get(g, (0, 0, 0))[1],
            )
            for g in order
        ),
        tuple(f"attendance_group:{g}" for g in order),
    )
    months = now.by_month()
    month_keys = sorted({(y, m) for (y, m, _) in months})
    by_month = Table(
        "attendance_by_month",
        QT_TRANSLATE_NOOP("Report", "Attendance by group and month"),
        (
            QT_TRANSLATE_NOOP("Report", "Group"),
            *(f"{MONTHS[m - 1]} {y}" for y, m in month_keys),
            QT_TRANSLATE_NOOP("Report", "Total"),
        ),
        tuple(
            (
                names.get(g, f"Group #{g}"),
                *(months.get((y, m, g), 0) for y, m in month_keys),
                sum(months.get((y, m, g), 0) for y, m in month_keys),
            )
            for g in order
            if g in groups_now
        ),
    )
    return [
        Section(
            "attendance", QT_TRANSLATE_NOOP("Report", "Our groups"), figures, (by_group, by_month)
        )
    ]


def attendance_list(session: Session, period: Period, key: str, title: str) -> FigureList | None:
    """The meetings behind an attendance figure or a group's row: dates and counts only."""
    kind, _, arg = key.partition(":")
    if kind not in ("attendance", "attendance_group"):
        return None
    names = dict(session.execute(select(CenterGroup.id, CenterGroup.name)).all())
    rows = []
    for meeting, count in meeting_counts(session, period):
        if kind == "attendance_group" and str(meeting.group_id) != arg:
            continue
        if not (count or meeting.anonymous_count):
            continue
        if key == "attendance:anonymous" and not meeting.anonymous_count:
            continue
        rows.append(
            (
                meeting.held_on,
                names.get(meeting.group_id, ""),
                count,
                meeting.anonymous_count,
                count + meeting.anonymous_count,
            )
        )
    return FigureList(
        title,
        ("Date", "Group", "Signed in", "Without signing in", "Attended"),
        tuple(rows),
        len(rows),
        (),
    )
