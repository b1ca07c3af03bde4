"""The week's handout, "This week at the center", from the schedule as it stands.

The week runs Monday to Sunday; any date names the week that holds it. Groups and their
names in Spanish come from the groups' own records (a group without a Spanish name keeps its
English one on the Spanish handout). The schedule is public, so anyone may make the handout;
printing or saving it is recorded like every other handout (`print.week_schedule`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desk.access import unrestricted
from desk.groups.recurrence import week_of
from desk.printing.catalogue import LANGUAGES
from desk.printing.week_schedule import WeekEntry, WeekScheduleContent, render_week_schedule
from desk.services.groups import week_meetings
from desk.services.referrals import center_header
from desk.services.settings import load_settings


@unrestricted("the center's schedule: public information, printed for the rack by the door")
def week_schedule(
    session: Session, day: date, language: str = "en", large_print: bool = False
) -> tuple[WeekScheduleContent, bytes]:
    """The handout for the week (Monday to Sunday) that holds `day`: its content and PDF."""
    if language not in LANGUAGES:
        raise ValueError(f"the week's handout is printed in English or Spanish, not {language!r}")
    monday, _ = week_of(day)
    entries = tuple(
        WeekEntry(
            held_on=meeting.held_on,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            name=meeting.name_in(language),
            description=meeting.description_in(language),
            room=meeting.room,
            facilitator=meeting.facilitator,
            language=meeting.language,
            cancelled=meeting.cancelled,
            moved_from=meeting.day if meeting.held_on != meeting.day else None,
            changed=meeting.changed and meeting.held_on == meeting.day,
            note=meeting.note,
        )
        for meeting in week_meetings(session, monday)
    )
    content = WeekScheduleContent(
        language=language,
        large_print=large_print,
        center=center_header(load_settings(session)),
        monday=monday,
        entries=entries,
    )
    return content, render_week_schedule(content)
