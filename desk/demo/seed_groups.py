"""The demo center's own week: an all-recovery meeting, a family group, a Spanish-language
group, a coach-led workshop, the computer lab, and a change or two this week, so that the
Front desk's "Today at the center" and the week's handout show them at once; and who came to
them over the demo's visits, so that the Reports page shows attendance by group and month."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desk.groups.attending import SUPPORT_MEETING
from desk.groups.recurrence import meeting_days
from desk.models import (
    CenterGroup,
    GroupAttendance,
    GroupDateChange,
    GroupMeeting,
    Visit,
    VisitPurpose,
    VisitStatus,
)


@dataclass(frozen=True)
class GroupSeed:
    name: str
    name_es: str
    description: str
    description_es: str
    rule: str
    starts_at: time
    ends_at: time
    room: str
    language: str = "en"
    coach: int | None = None  # index into the demo coaches
    volunteer: str | None = None


GROUPS: tuple[GroupSeed, ...] = (
    GroupSeed(
        "All-recovery meeting",
        "Reunión de todas las recuperaciones",
        "Any path to recovery is welcome: 12-step, SMART, faith-based, medication-assisted, "
        "or your own. Share or just listen.",
        "Todos los caminos de recuperación son bienvenidos: 12 pasos, SMART, fe, con "
        "medicamentos o el suyo propio. Comparta o solo escuche.",
        "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        time(12, 0),
        time(13, 0),
        "Main room",
        coach=1,
    ),
    GroupSeed(
        "Family and friends group",
        "Grupo de familiares y amigos",
        "For parents, partners and friends of someone who uses substances or is in recovery.",
        "Para padres, parejas y amigos de alguien que usa sustancias o está en recuperación.",
        "FREQ=WEEKLY;BYDAY=TU",
        time(18, 0),
        time(19, 30),
        "Community room",
        volunteer="Linda Ferreira",
    ),
    GroupSeed(
        "Spanish-language recovery group",
        "Grupo de recuperación en español",
        "A peer support group held in Spanish.",
        "Un grupo de apoyo entre pares, en español.",
        "FREQ=WEEKLY;BYDAY=TH",
        time(17, 30),
        time(19, 0),
        "Community room",
        language="es",
        coach=0,
    ),
    GroupSeed(
        "Recovery skills workshop",
        "Taller de habilidades para la recuperación",
        "Coach-led: goals, coping with cravings, budgeting, getting back to work.",
        "Con un coach: metas, manejar los antojos, presupuesto, volver a trabajar.",
        "FREQ=WEEKLY;BYDAY=TU,TH",
        time(14, 0),
        time(15, 30),
        "Classroom",
        coach=2,
    ),
    GroupSeed(
        "Computer lab",
        "Laboratorio de computadoras",
        "Job searches, résumés, email, housing applications; someone is there to help.",
        "Buscar trabajo, currículum, correo, solicitudes de vivienda; alguien le ayuda.",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        time(9, 30),
        time(11, 30),
        "Computer lab",
        volunteer="Dave Kowalski",
    ),
    GroupSeed(
        "Community lunch",
        "Almuerzo comunitario",
        "A free hot lunch, cooked by volunteers. Last Friday of the month.",
        "Un almuerzo caliente gratis, preparado por voluntarios. Último viernes del mes.",
        "FREQ=MONTHLY;BYDAY=-1FR",
        time(13, 0),
        time(14, 0),
        "Main room",
        volunteer="Carmen Ortiz",
    ),
)


def seed_groups(
    session: Session, *, coach_ids: list[int], first_day: date, today: date, now: datetime
) -> list[int]:
    """The groups, meeting since `first_day`; this week one workshop is cancelled."""
    ids = []
    for seed in GROUPS:
        group = CenterGroup(
            name=seed.name,
            name_es=seed.name_es,
            description=seed.description,
            description_es=seed.description_es,
            facilitator_id=coach_ids[seed.coach] if seed.coach is not None and coach_ids else None,
            facilitator_name=seed.volunteer,
            room=seed.room,
            language=seed.language,
            starts_on=first_day,
            starts_at=seed.starts_at,
            ends_at=seed.ends_at,
            rule=seed.rule,
            created_at=now,
            updated_at=now,
        )
        session.add(group)
        session.flush()
        ids.append(group.id)
    # The workshop's next Thursday is off this week (the coach is at a training).
    workshop = ids[3]
    thursday = today + timedelta(days=(3 - today.weekday()) % 7)
    session.add(
        GroupDateChange(
            group_id=workshop,
            day=thursday,
            cancelled=True,
            note="Coach at a training",
            updated_at=now,
        )
    )
    return ids


def seed_attendance(
    session: Session,
    *,
    group_ids: list[int],
    first_day: date,
    today: date,
    zone: ZoneInfo,
    actor_id: int,
    rng: random.Random,
) -> int:
    """Who came: each demo visit "for a support meeting" is recorded at that day's meeting
    nearest its arrival, and each meeting gets a few who did not sign in. Returns how many
    attendances (signed in and counted) there are."""
    groups = [session.get(CenterGroup, group_id) for group_id in group_ids]
    cancelled = {
        (c.group_id, c.day) for c in session.scalars(select(GroupDateChange)) if c.cancelled
    }
    by_day: dict[date, list[tuple[int, datetime]]] = defaultdict(list)
    for group in groups:
        assert group is not None
        for day in meeting_days(group.rule, group.starts_on, group.starts_at, first_day, today):
            if (group.id, day) not in cancelled:
                start = datetime.combine(day, group.starts_at, zone).astimezone(UTC)
                by_day[day].append((group.id, start))
    visits = session.execute(
        select(Visit.id, Visit.local_day, Visit.arrived_at, Visit.signed_in_by_id)
        .join(VisitPurpose, VisitPurpose.visit_id == Visit.id)
        .where(
            VisitPurpose.purpose_code == SUPPORT_MEETING,
            Visit.status != VisitStatus.UNDONE,
            Visit.local_day.between(first_day, today),
        )
    ).all()
    attendees: dict[tuple[int, date], list[tuple[int, datetime]]] = defaultdict(list)
    for visit_id, day, arrived, _by in visits:
        meetings = by_day.get(day)
        if not meetings:
            continue
        arrived = arrived if arrived.tzinfo else arrived.replace(tzinfo=UTC)
        group_id, _ = min(meetings, key=lambda m: abs((m[1] - arrived).total_seconds()))
        attendees[(group_id, day)].append((visit_id, arrived))
    total = 0
    now = datetime.now(UTC)
    for day, meetings in sorted(by_day.items()):
        for group_id, start in meetings:
            came = attendees.get((group_id, day), [])
            anonymous = rng.randint(0, 4) if start < now else 0
            if not came and not anonymous:
                continue
            meeting = GroupMeeting(
                group_id=group_id,
                day=day,
                held_on=day,
                anonymous_count=anonymous,
                updated_at=start,
                updated_by_id=actor_id,
            )
            session.add(meeting)
            session.flush()
            if came:
                session.execute(
                    insert(GroupAttendance),
                    [
                        {
                            "meeting_id": meeting.id,
                            "visit_id": visit_id,
                            "recorded_at": arrived,
                            "recorded_by_id": actor_id,
                        }
                        for visit_id, arrived in came
                    ],
                )
            total += len(came) + anonymous
    return total
