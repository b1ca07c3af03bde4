"""The center's own groups and meetings, the dates they change, and who came to them.

A group repeats by an iCalendar rule (RFC 5545 RRULE, read with python-dateutil) from its first
date, at the same wall-clock time in the center's time zone ("every Tuesday 6–7:30 pm" stays
at 6 pm across daylight saving time). A rule of "" is a single meeting on `starts_on`.

A meeting is named by its group and its date in the schedule (`day`); a change for that date
(cancelled, moved, another time or room) keeps that name, so the attendance of a meeting moved
to Wednesday still belongs to "Tuesday's" meeting.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, staff_fk, utc_now


class CenterGroup(Base):
    """A recurring group, meeting, workshop or open session (the computer lab, a meal)."""

    __tablename__ = "center_group"
    __table_args__ = (CheckConstraint("starts_at < ends_at", name="starts_before_ends"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_es: Mapped[str | None] = mapped_column(String(120))  # for the Spanish handout
    description: Mapped[str | None]
    description_es: Mapped[str | None]
    facilitator_id: Mapped[int | None] = mapped_column(staff_fk())  # a staff member, or
    facilitator_name: Mapped[str | None] = mapped_column(String(120))  # a volunteer's name
    room: Mapped[str | None] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(16), default="en")  # ISO 639-1
    starts_on: Mapped[date]  # the first meeting (DTSTART's date)
    starts_at: Mapped[time]  # center-local wall-clock time
    ends_at: Mapped[time]
    rule: Mapped[str] = mapped_column(String(300), default="")  # RRULE, "" = meets once
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[int | None] = mapped_column(staff_fk())
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    updated_by_id: Mapped[int | None] = mapped_column(staff_fk())
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}


class GroupDateChange(Base):
    """One date of a group that is not as the rule says: cancelled, or moved, or at another
    time or in another room (a note says why, on the handout too)."""

    __tablename__ = "group_date_change"
    __table_args__ = (UniqueConstraint("group_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("center_group.id", ondelete="CASCADE"))
    day: Mapped[date]  # the meeting's date in the schedule
    cancelled: Mapped[bool] = mapped_column(default=False)
    moved_to: Mapped[date | None]
    starts_at: Mapped[time | None]
    ends_at: Mapped[time | None]
    room: Mapped[str | None] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    updated_by_id: Mapped[int | None] = mapped_column(staff_fk())
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}


class GroupMeeting(Base):
    """A meeting that someone came to: made when the first attendee is recorded. Attendees
    who did not sign in are a count (`anonymous_count`), never names."""

    __tablename__ = "group_meeting"
    __table_args__ = (
        UniqueConstraint("group_id", "day"),
        CheckConstraint("anonymous_count >= 0", name="anonymous_count"),
        Index("ix_group_meeting_held_on", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("center_group.id"))
    day: Mapped[date]  # the meeting's date in the schedule (its name)
    held_on: Mapped[date]  # where it took place (a moved meeting's new date): reports count this
    anonymous_count: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    updated_by_id: Mapped[int | None] = mapped_column(staff_fk())
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}


class GroupAttendance(Base):
    """A visit at a meeting: the person (or the anonymous visitor) signed in that day and
    attended. An undone sign-in's attendance no longer counts."""

    __tablename__ = "group_attendance"
    __table_args__ = (Index("ix_group_attendance_visit_id", "visit_id"),)

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("group_meeting.id", ondelete="CASCADE"), primary_key=True
    )
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True
    )
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    recorded_by_id: Mapped[int] = mapped_column(staff_fk())
