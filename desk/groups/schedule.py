"""The center's meetings between two dates: each group's rule, with its dates' changes.

A meeting is named by its group and its date in the schedule (`day`). A change for that date
cancels it (it stays on the schedule, marked cancelled, so the handout can say so) or moves it
to another date, time or room; a meeting moved into the range from a date outside it is found
by its change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk.groups.recurrence import meeting_days
from desk.models import CenterGroup, GroupDateChange, StaffMember
from desk.names import private_name


@dataclass(frozen=True)
class Meeting:
    group_id: int
    day: date  # its date in the schedule: with the group, the meeting's name
    held_on: date  # the date it takes place (a moved meeting's new date)
    starts_at: time
    ends_at: time
    name: str
    name_es: str | None = None
    description: str | None = None
    description_es: str | None = None
    room: str | None = None
    facilitator: str | None = None  # as printed: "Rosa D."
    language: str = "en"
    cancelled: bool = False
    changed: bool = False  # moved, or another time or room than usual
    note: str | None = None

    def starts(self, zone: ZoneInfo) -> datetime:
        return datetime.combine(self.held_on, self.starts_at, zone)

    def ends(self, zone: ZoneInfo) -> datetime:
        return datetime.combine(self.held_on, self.ends_at, zone)

    def name_in(self, language: str) -> str:
        return (self.name_es if language == "es" else None) or self.name

    def description_in(self, language: str) -> str:
        return ((self.description_es if language == "es" else None) or self.description) or ""


def facilitator_label(group: CenterGroup, staff_names: dict[int, str]) -> str | None:
    """Who leads it, as a handout prints a name: first name and last initial."""
    whole = group.facilitator_name or (
        staff_names.get(group.facilitator_id) if group.facilitator_id else None
    )
    if not whole:
        return None
    first, _, rest = whole.strip().partition(" ")
    return private_name(first, rest.split()[-1] if rest.split() else None)


def _meeting(group: CenterGroup, day: date, facilitator: str | None) -> Meeting:
    return Meeting(
        group_id=group.id,
        day=day,
        held_on=day,
        starts_at=group.starts_at,
        ends_at=group.ends_at,
        name=group.name,
        name_es=group.name_es,
        description=group.description,
        description_es=group.description_es,
        room=group.room,
        facilitator=facilitator,
        language=group.language,
    )


def apply_change(meeting: Meeting, change: GroupDateChange) -> Meeting:
    if change.cancelled:
        return replace(meeting, cancelled=True, note=change.note)
    return replace(
        meeting,
        held_on=change.moved_to or meeting.day,
        starts_at=change.starts_at or meeting.starts_at,
        ends_at=change.ends_at or meeting.ends_at,
        room=change.room or meeting.room,
        changed=True,
        note=change.note,
    )


def meetings_between(
    session: Session,
    first: date,
    last: date,
    *,
    group_ids: tuple[int, ...] | None = None,
    include_inactive: bool = False,
) -> list[Meeting]:
    """Every meeting held (or cancelled) from `first` to `last`, by date and time."""
    query = select(CenterGroup)
    if not include_inactive:
        query = query.where(CenterGroup.active)
    if group_ids is not None:
        query = query.where(CenterGroup.id.in_(group_ids))
    groups = {g.id: g for g in session.scalars(query)}
    if not groups:
        return []
    names = dict(session.execute(select(StaffMember.id, StaffMember.display_name)).all())
    changes = {
        (c.group_id, c.day): c
        for c in session.scalars(
            select(GroupDateChange).where(
                GroupDateChange.group_id.in_(groups),
                or_(
                    GroupDateChange.day.between(first, last),
                    GroupDateChange.moved_to.between(first, last),
                ),
            )
        )
    }
    found: list[Meeting] = []
    for group in groups.values():
        facilitator = facilitator_label(group, names)
        days = set(meeting_days(group.rule, group.starts_on, group.starts_at, first, last))
        days |= {
            day
            for (group_id, day) in changes
            if group_id == group.id and day not in days and not first <= day <= last
        }
        for day in sorted(days):
            meeting = _meeting(group, day, facilitator)
            change = changes.get((group.id, day))
            if change is not None:
                if not (first <= day <= last) and not _really_meets(group, day):
                    continue  # a change kept for a date the rule no longer has
                meeting = apply_change(meeting, change)
            if first <= meeting.held_on <= last:
                found.append(meeting)
    found.sort(key=lambda m: (m.held_on, m.starts_at, m.name, m.group_id))
    return found


def _really_meets(group: CenterGroup, day: date) -> bool:
    return day in meeting_days(group.rule, group.starts_on, group.starts_at, day, day)


def find_meeting(session: Session, group_id: int, day: date) -> Meeting | None:
    """The meeting of `group_id` named `day` (cancelled or not), or None when the group does
    not meet that day."""
    group = session.get(CenterGroup, group_id)
    if group is None or not _really_meets(group, day):
        return None
    names = dict(session.execute(select(StaffMember.id, StaffMember.display_name)).all())
    meeting = _meeting(group, day, facilitator_label(group, names))
    change = session.scalars(
        select(GroupDateChange).where(
            GroupDateChange.group_id == group_id, GroupDateChange.day == day
        )
    ).one_or_none()
    return apply_change(meeting, change) if change is not None else meeting


def now_or_next(meetings: list[Meeting], now: datetime, zone: ZoneInfo) -> Meeting | None:
    """The meeting to offer first when someone signs in for a meeting: the one on now (the
    latest to start, if several), else the next to start today; cancelled ones never."""
    held = [m for m in meetings if not m.cancelled and m.held_on == now.astimezone(zone).date()]
    on_now = [m for m in held if m.starts(zone) <= now < m.ends(zone)]
    if on_now:
        return max(on_now, key=lambda m: m.starts(zone))
    # A meeting that starts within the next minutes counts as "next" even for an early bird;
    # one that ended a moment ago does not: they are late for nothing.
    coming = [m for m in held if m.starts(zone) > now]
    return min(coming, key=lambda m: m.starts(zone)) if coming else None


WINDOW = timedelta(days=62)  # how far a meeting may be moved from its date
