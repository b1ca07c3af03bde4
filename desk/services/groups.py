"""The center's groups: kept by admins, read by everyone (the schedule is public information).

A group's save is checked whole: every problem in the form is named at once, and a rule that
can never meet ("every 30th of February") is refused in words (desk.groups.recurrence). A date
of a group can be cancelled or changed (moved, another time or room) with a note; the change
can be undone ("as the schedule has it"). Every save is versioned against other stations'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import FormProblems, NotFound, StaleEdit, ValidationError
from desk.groups.recurrence import first_meeting, meets_on, parse_rule
from desk.groups.rule_words import rule_words
from desk.groups.schedule import WINDOW, Meeting, find_meeting, meetings_between, now_or_next
from desk.messages import Message
from desk.messages.center import (
    ALREADY_MEETS_ON,
    CANCEL_THIS_DATE_INSTEAD_OR,
    DATES_HAVE_BEEN_RELOADED_CHECK,
    DOES_NOT_MEET_ON,
    FACILITATOR_IS_NOT_ACTIVE_STAFF,
    GIVE_BOTH_START_AND_END,
    GROUP,
    GROUP_ENDS_BEFORE_IT_STARTS,
    GROUP_ENDS_ON_DAY_IT,
    GROUP_NEEDS_NAME,
    IS_NOT_LANGUAGE_WE_LIST,
    IT_ENDS_BEFORE_IT_STARTS,
    IT_MAY_HAVE_BEEN_REMOVED,
    MEETING_CAN_BE_MOVED_AT,
    MEETING_OF,
    MEETING_OF_ON_WAS_CHANGED,
    NOTHING_IS_CHANGED_GIVE_NEW,
    THERE_IS_NO_GROUP,
)
from desk.models import CenterGroup, GroupDateChange, StaffMember
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.recording import record_change, refuse_stale
from desk.services.settings import center_now, load_settings
from desk.validation import clean_text

LANGUAGE_CODES = ("en", "es", "pt", "fr", "ht", "vi", "ar", "zh", "ru", "pl")
DESCRIPTION_MAX = 600
FIELD_WORDS = {
    "name": "name",
    "name_es": "Spanish name",
    "description": "description",
    "description_es": "Spanish description",
    "facilitator_id": "facilitator",
    "facilitator_name": "facilitator",
    "room": "room",
    "language": "language",
    "starts_on": "first date",
    "starts_at": "start time",
    "ends_at": "end time",
    "rule": "how it repeats",
    "active": "on the schedule",
}


@dataclass(frozen=True)
class GroupDetails:
    """What the group form holds."""

    name: str
    starts_on: date
    starts_at: time
    ends_at: time
    rule: str = ""
    name_es: str | None = None
    description: str | None = None
    description_es: str | None = None
    facilitator_id: int | None = None
    facilitator_name: str | None = None
    room: str | None = None
    language: str = "en"
    active: bool = True


@dataclass(frozen=True)
class GroupRecord:
    id: int
    version: int
    details: GroupDetails
    rule_words: Message  # "Every Tuesday", in the screens' language through ui/error_words
    facilitator: str  # the staff member's or volunteer's name, in full (for staff screens)

    @property
    def name(self) -> str:
        return self.details.name


@dataclass(frozen=True)
class DateChange:
    """A date of a group that is not as usual: cancelled, or held otherwise."""

    cancelled: bool = False
    moved_to: date | None = None
    starts_at: time | None = None
    ends_at: time | None = None
    room: str | None = None
    note: str | None = None


def _record(group: CenterGroup, staff_names: dict[int, str]) -> GroupRecord:
    details = GroupDetails(
        name=group.name,
        starts_on=group.starts_on,
        starts_at=group.starts_at,
        ends_at=group.ends_at,
        rule=group.rule,
        name_es=group.name_es,
        description=group.description,
        description_es=group.description_es,
        facilitator_id=group.facilitator_id,
        facilitator_name=group.facilitator_name,
        room=group.room,
        language=group.language,
        active=group.active,
    )
    leader = group.facilitator_name or staff_names.get(group.facilitator_id or 0, "")
    return GroupRecord(
        group.id, group.version, details, rule_words(group.rule, group.starts_on), leader
    )


def _staff_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(StaffMember.id, StaffMember.display_name)).all())


@unrestricted("the center's groups: public information, printed on the week's handout")
def list_groups(session: Session, *, include_inactive: bool = True) -> list[GroupRecord]:
    query = select(CenterGroup).order_by(CenterGroup.active.desc(), CenterGroup.name)
    if not include_inactive:
        query = query.where(CenterGroup.active)
    names = _staff_names(session)
    return [_record(group, names) for group in session.scalars(query)]


def _clean(session: Session, details: GroupDetails) -> GroupDetails:
    problems = FormProblems()

    def text(value: str | None, label: str, field: str, most: int) -> str | None:
        return problems.check(lambda: clean_text(value, label=label, field=field, max_length=most))

    name = text(details.name, "The name", "name", 120)
    if name is None and not any(p.field == "name" for p in problems.found):
        problems.found.append(ValidationError(GROUP_NEEDS_NAME, field="name"))
    if details.ends_at <= details.starts_at:
        problems.found.append(
            ValidationError(
                GROUP_ENDS_BEFORE_IT_STARTS,
                field="ends_at",
                hint=GROUP_ENDS_ON_DAY_IT,
            )
        )
    language = (details.language or "en").strip().lower()
    if language not in LANGUAGE_CODES:
        problems.found.append(
            ValidationError(
                IS_NOT_LANGUAGE_WE_LIST.with_(language=details.language), field="language"
            )
        )
    facilitator_id = details.facilitator_id
    if facilitator_id is not None:
        staff = session.get(StaffMember, facilitator_id)
        if staff is None or not staff.active or staff.builtin:
            problems.found.append(
                ValidationError(FACILITATOR_IS_NOT_ACTIVE_STAFF, field="facilitator")
            )
    cleaned = GroupDetails(
        name=name or "",
        starts_on=details.starts_on,
        starts_at=details.starts_at,
        ends_at=details.ends_at,
        rule=details.rule,
        name_es=text(details.name_es, "The Spanish name", "name_es", 120),
        description=text(details.description, "The description", "description", DESCRIPTION_MAX),
        description_es=text(
            details.description_es, "The Spanish description", "description_es", DESCRIPTION_MAX
        ),
        facilitator_id=facilitator_id,
        facilitator_name=None
        if facilitator_id is not None
        else text(details.facilitator_name, "The facilitator's name", "facilitator", 120),
        room=text(details.room, "The room", "room", 80),
        language=language,
        active=details.active,
    )
    rule = problems.check(lambda: _checked_rule(details))
    problems.raise_any()
    assert rule is not None
    return GroupDetails(**{**cleaned.__dict__, "rule": rule})


def _checked_rule(details: GroupDetails) -> str:
    parsed = parse_rule(details.rule)
    text = parsed.text if parsed is not None else ""
    first_meeting(text, details.starts_on, details.starts_at)
    return text


def _apply(group: CenterGroup, details: GroupDetails) -> list[str]:
    changed = []
    for field, value in details.__dict__.items():
        if getattr(group, field) != value:
            setattr(group, field, value)
            changed.append(field)
    return changed


@requires(Permission.MANAGE_GROUPS)
def create_group(session: Session, actor: Actor, details: GroupDetails) -> GroupRecord:
    cleaned = _clean(session, details)
    group = CenterGroup(created_by_id=actor.staff_id, updated_by_id=actor.staff_id)
    _apply(group, cleaned)
    session.add(group)
    record_change(
        session, actor, Topic.GROUPS, AuditAction.GROUP_CREATED, "group", group, group=group.name
    )
    return _record(group, _staff_names(session))


@requires(Permission.MANAGE_GROUPS)
def update_group(
    session: Session, actor: Actor, group_id: int, read_version: int, details: GroupDetails
) -> GroupRecord:
    group = _group(session, group_id)
    refuse_stale(session, group, read_version, what=GROUP.with_(name=group.name))
    cleaned = _clean(session, details)
    changed = _apply(group, cleaned)
    if changed:
        group.updated_by_id = actor.staff_id
        record_change(
            session,
            actor,
            Topic.GROUPS,
            AuditAction.GROUP_UPDATED,
            "group",
            group.id,
            group=group.name,
            fields=[FIELD_WORDS.get(f, f) for f in changed],
        )
    return _record(group, _staff_names(session))


def _group(session: Session, group_id: int) -> CenterGroup:
    group = session.get(CenterGroup, group_id)
    if group is None:
        raise NotFound(THERE_IS_NO_GROUP.with_(group_id=group_id), hint=IT_MAY_HAVE_BEEN_REMOVED)
    return group


# Dates of a group --------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupDate:
    meeting: Meeting
    change_version: int | None  # None: as the schedule has it


@unrestricted("the center's schedule: public information")
def group_dates(session: Session, group_id: int, first: date, last: date) -> list[GroupDate]:
    """One group's meetings from `first` to `last`, with the version of any change."""
    meetings = meetings_between(session, first, last, group_ids=(group_id,), include_inactive=True)
    versions = dict(
        session.execute(
            select(GroupDateChange.day, GroupDateChange.version).where(
                GroupDateChange.group_id == group_id
            )
        ).all()
    )
    return [GroupDate(m, versions.get(m.day)) for m in meetings]


def _clean_change(
    session: Session, group: CenterGroup, day: date, change: DateChange
) -> DateChange:
    problems = FormProblems()
    note = problems.check(
        lambda: clean_text(change.note, label="The note", field="note", max_length=200)
    )
    room = problems.check(
        lambda: clean_text(change.room, label="The room", field="room", max_length=80)
    )
    if change.cancelled:
        problems.raise_any()
        return DateChange(cancelled=True, note=note)
    moved_to = change.moved_to if change.moved_to != day else None
    if moved_to is not None:
        if abs((moved_to - day).days) > WINDOW.days:
            problems.found.append(
                ValidationError(
                    MEETING_CAN_BE_MOVED_AT.with_(days=WINDOW.days),
                    field="moved_to",
                )
            )
        elif meets_on(group.rule, group.starts_on, group.starts_at, moved_to):
            problems.found.append(
                ValidationError(
                    ALREADY_MEETS_ON.with_(name=group.name, moved_to=moved_to, day=moved_to.day),
                    field="moved_to",
                    hint=CANCEL_THIS_DATE_INSTEAD_OR,
                )
            )
    starts, ends = change.starts_at, change.ends_at
    if (starts is None) != (ends is None):
        problems.found.append(ValidationError(GIVE_BOTH_START_AND_END, field="starts_at"))
    elif starts is not None and ends is not None and ends <= starts:
        problems.found.append(ValidationError(IT_ENDS_BEFORE_IT_STARTS, field="ends_at"))
    if moved_to is None and starts is None and room is None:
        problems.found.append(
            ValidationError(
                NOTHING_IS_CHANGED_GIVE_NEW,
                field="moved_to",
            )
        )
    problems.raise_any()
    return DateChange(False, moved_to, starts, ends, room, note)


@requires(Permission.MANAGE_GROUPS)
def change_meeting(
    session: Session,
    actor: Actor,
    group_id: int,
    day: date,
    change: DateChange,
    read_version: int | None,
) -> GroupDate:
    """Cancel the meeting of `day`, or hold it on another date, time or room. `read_version`
    is the change's version as read (None: there was none)."""
    group = _group(session, group_id)
    if not meets_on(group.rule, group.starts_on, group.starts_at, day):
        raise ValidationError(DOES_NOT_MEET_ON.with_(name=group.name, day=day, day_2=day.day))
    cleaned = _clean_change(session, group, day, change)
    row = session.scalars(
        select(GroupDateChange).where(
            GroupDateChange.group_id == group_id, GroupDateChange.day == day
        )
    ).one_or_none()
    if row is None:
        if read_version is not None:
            raise _stale_change(group, day)
        row = GroupDateChange(group_id=group_id, day=day)
        session.add(row)
    else:
        refuse_stale(session, row, read_version or 0, what=MEETING_OF.with_(day=day, day_2=day.day))
    for field, value in cleaned.__dict__.items():
        setattr(row, field, value)
    row.updated_by_id = actor.staff_id
    record_change(
        session,
        actor,
        Topic.GROUPS,
        AuditAction.GROUP_DATE_CHANGED,
        "group",
        group.id,
        group=group.name,
        day=day.isoformat(),
        cancelled=cleaned.cancelled,
        moved_to=cleaned.moved_to.isoformat() if cleaned.moved_to else None,
        starts_at=cleaned.starts_at.strftime("%H:%M") if cleaned.starts_at else None,
        room=cleaned.room,
        note=cleaned.note,
    )
    meeting = find_meeting(session, group_id, day)
    assert meeting is not None
    return GroupDate(meeting, row.version)


def _stale_change(group: CenterGroup, day: date) -> StaleEdit:
    return StaleEdit(
        MEETING_OF_ON_WAS_CHANGED.with_(name=group.name, day=day, day_2=day.day),
        hint=DATES_HAVE_BEEN_RELOADED_CHECK,
    )


@requires(Permission.MANAGE_GROUPS)
def restore_meeting(
    session: Session, actor: Actor, group_id: int, day: date, read_version: int
) -> None:
    """The meeting of `day` back as the schedule has it (its change removed)."""
    group = _group(session, group_id)
    row = session.scalars(
        select(GroupDateChange).where(
            GroupDateChange.group_id == group_id, GroupDateChange.day == day
        )
    ).one_or_none()
    if row is None:
        return  # already as the schedule has it
    refuse_stale(session, row, read_version, what=MEETING_OF.with_(day=day, day_2=day.day))
    session.delete(row)
    record_change(
        session,
        actor,
        Topic.GROUPS,
        AuditAction.GROUP_DATE_RESTORED,
        "group",
        group.id,
        group=group.name,
        day=day.isoformat(),
    )


# Today and the week ------------------------------------------------------------------------


@dataclass(frozen=True)
class TodayAtCenter:
    """Today's meetings: on now, next (the first to start), later, and earlier today."""

    day: date
    meetings: tuple[Meeting, ...]  # all of today's, by start time (cancelled ones too)
    on_now: tuple[Meeting, ...]
    next: Meeting | None
    later: tuple[Meeting, ...]
    earlier: tuple[Meeting, ...]
    preselected: Meeting | None  # the one a sign-in "for a meeting" offers first


@unrestricted("the center's schedule for today: public information")
def today_at_center(session: Session, *, now: datetime | None = None) -> TodayAtCenter:
    now = now or utc_now()
    zone = load_settings(session).timezone
    today = center_now(session, now).date()
    meetings = meetings_between(session, today, today)
    held = [m for m in meetings if not m.cancelled]
    on_now = tuple(m for m in held if m.starts(zone) <= now < m.ends(zone))
    coming = [m for m in held if m.starts(zone) > now]
    earlier = tuple(m for m in held if m.ends(zone) <= now)
    return TodayAtCenter(
        today,
        tuple(meetings),
        on_now,
        coming[0] if coming else None,
        tuple(coming[1:]),
        earlier,
        now_or_next(meetings, now, zone),
    )


@unrestricted("the center's schedule: public information")
def week_meetings(session: Session, monday: date) -> list[Meeting]:
    return meetings_between(session, monday, monday + timedelta(days=6))
