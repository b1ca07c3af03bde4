"""The coach roster (admins): who the coaches are, what they bring, when they are in.

Each coach has a name and the phone printed on handouts, languages, specialties from the
center's own tag list, a caseload limit, weekly availability, and is active or not. Saves are
checked against other stations' saves, and every change is in the activity log.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.coaching.availability import (
    WeeklyWindow,
    availability_text,
    check_windows,
    on_duty,
)
from desk.db.changes import Topic
from desk.db.locking import lock_rows
from desk.errors import (
    ConflictError,
    FormProblems,
    NotFound,
    ValidationError,
)
from desk.messages.coaching import (
    ADD_IT_TO_LIST_FIRST,
    COACH_NEEDS_NAME,
    IS_NOT_LANGUAGE_CODE,
    IS_NOT_SPECIALTY_IN_CENTER_2,
    IT_IS_MOST_PEERS_THIS,
    REASSIGN_THEM_COACHES_PAGE_THEIR,
    SET_CASELOAD_LIMIT_BETWEEN_1,
    STILL_HAS_ACTIVE_PEER,
    THAT_COACH_IS_NO_LONGER,
    USE_TWO_LETTER_CODE_EN,
    YOUR_ENTRIES_ARE_STILL_ON_3,
)
from desk.models import (
    CoachAvailability,
    SpecialtyTag,
    StaffLanguage,
    StaffMember,
    StaffRole,
    StaffSpecialty,
)
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.coaching_queries import CoachRow, active_caseload, coach_rows
from desk.services.recording import record_change, refuse_stale
from desk.services.settings import center_now
from desk.text_folding import fold
from desk.validation import NAME_MAX, clean_text, format_phone_for_display

CASELOAD_MAX = 200
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")


@dataclass(frozen=True)
class RosterCoach:
    id: int
    version: int
    display_name: str
    phone: str | None
    gender: str | None
    recovery_pathway: str | None
    languages: tuple[str, ...]
    specialties: tuple[str, ...]
    caseload_limit: int | None
    availability: tuple[WeeklyWindow, ...]
    active: bool
    active_peers: int
    on_duty: bool

    @property
    def availability_text(self) -> str:
        return availability_text(self.availability)

    @property
    def has_room(self) -> bool:
        return self.caseload_limit is not None and self.active_peers < self.caseload_limit


@dataclass
class CoachInput:
    """The roster form, as typed (availability already read into windows)."""

    display_name: str = ""
    phone: str = ""
    gender: str = ""
    recovery_pathway: str = ""
    languages: Sequence[str] = ()
    specialties: Sequence[str] = ()
    caseload_limit: int | None = None
    availability: Sequence[WeeklyWindow] = field(default_factory=tuple)
    active: bool = True


def _roster_entry(coach: CoachRow, local_now: datetime) -> RosterCoach:
    return RosterCoach(
        id=coach.id,
        version=coach.version,
        display_name=coach.display_name,
        phone=coach.phone,
        gender=coach.gender,
        recovery_pathway=coach.recovery_pathway,
        languages=coach.languages,
        specialties=coach.specialties,
        caseload_limit=coach.caseload_limit,
        availability=coach.availability,
        active=coach.active,
        active_peers=coach.active_peers,
        on_duty=coach.active and on_duty(coach.availability, local_now),
    )


def _saved_entry(session: Session, coach_id: int, now: datetime | None = None) -> RosterCoach:
    (row,) = coach_rows(session, include_inactive=True, coach_id=coach_id)
    return _roster_entry(row, center_now(session, now))


@requires(Permission.PAIR_COACHES)
def list_roster(
    session: Session, actor: Actor, *, now: datetime | None = None, include_inactive: bool = True
) -> list[RosterCoach]:
    """Every coach, by name: active ones first, with their caseload and whether on duty."""
    local_now = center_now(session, now)
    coaches = coach_rows(session, include_inactive=include_inactive)
    entries = [_roster_entry(c, local_now) for c in coaches]
    return sorted(entries, key=lambda c: (not c.active, fold(c.display_name)))


def _clean_languages(codes: Sequence[str]) -> list[str]:
    cleaned = []
    for code in codes:
        text = (code or "").strip()
        if not text:
            continue
        if not _LANGUAGE_CODE.match(text):
            raise ValidationError(
                IS_NOT_LANGUAGE_CODE.with_(text=text),
                field="languages",
                hint=USE_TWO_LETTER_CODE_EN,
            )
        cleaned.append(text)
    return sorted(set(cleaned))


def _clean_specialties(session: Session, codes: Sequence[str], held: set[str]) -> list[str]:
    known = {t.code: t for t in session.scalars(select(SpecialtyTag))}
    cleaned = []
    for code in dict.fromkeys(codes):
        tag = known.get(code)
        if tag is None or (not tag.active and code not in held):
            raise ValidationError(
                IS_NOT_SPECIALTY_IN_CENTER_2.with_(code=code),
                field="specialties",
                hint=ADD_IT_TO_LIST_FIRST,
            )
        cleaned.append(code)
    return sorted(cleaned)


def _clean_limit(limit: int | None) -> int:
    if limit is None or isinstance(limit, bool) or not 1 <= int(limit) <= CASELOAD_MAX:
        raise ValidationError(
            SET_CASELOAD_LIMIT_BETWEEN_1.with_(caseload_max=CASELOAD_MAX),
            field="caseload_limit",
            hint=IT_IS_MOST_PEERS_THIS,
        )
    return int(limit)


def _clean_input(session: Session, data: CoachInput, held: set[str]) -> dict:
    """The coach's fields, checked; every field at fault is named at once."""
    problems = FormProblems()
    check = problems.check
    name = check(
        lambda: clean_text(
            data.display_name, label="The name", field="display_name", max_length=NAME_MAX
        )
    )
    if name is None and not any(p.field == "display_name" for p in problems.found):
        problems.found.append(ValidationError(COACH_NEEDS_NAME, field="display_name"))
    phone = check(lambda: clean_text(data.phone, label="The phone", field="phone", max_length=40))
    values = {
        "display_name": name,
        "phone": check(lambda: format_phone_for_display(phone, field="phone")) if phone else None,
        "gender": check(
            lambda: clean_text(data.gender, label="Gender", field="gender", max_length=40)
        ),
        "recovery_pathway": check(
            lambda: clean_text(
                data.recovery_pathway,
                label="The pathway",
                field="recovery_pathway",
                max_length=100,
            )
        ),
        "languages": check(lambda: _clean_languages(data.languages)),
        "specialties": check(lambda: _clean_specialties(session, data.specialties, held)),
        "caseload_limit": check(lambda: _clean_limit(data.caseload_limit)),
        "availability": check(lambda: check_windows(data.availability)),
        "active": bool(data.active),
    }
    problems.raise_any()
    return values


def _new_login(session: Session, name: str) -> str:
    base = ".".join(fold(name).split())[:60] or "coach"
    taken = set(
        session.scalars(select(StaffMember.login).where(StaffMember.login.startswith(base)))
    )
    login, n = base, 1
    while login in taken:
        n += 1
        login = f"{base}{n}"
    return login


def _current(coach: StaffMember) -> dict:
    return {
        "display_name": coach.display_name,
        "phone": coach.phone,
        "gender": coach.gender,
        "recovery_pathway": coach.recovery_pathway,
        "languages": sorted(x.language for x in coach.languages),
        "specialties": sorted(x.tag_code for x in coach.specialties),
        "caseload_limit": coach.caseload_limit,
        "availability": sorted(
            WeeklyWindow(w.weekday, w.starts_at, w.ends_at) for w in coach.availability
        ),
        "active": coach.active,
    }


def _apply(session: Session, coach: StaffMember, values: dict, changed: list[str]) -> None:
    for key in ("display_name", "phone", "gender", "recovery_pathway", "caseload_limit", "active"):
        if key in changed:
            setattr(coach, key, values[key])
    replaced = [key for key in ("languages", "specialties", "availability") if key in changed]
    if not replaced:
        return
    # Old rows go first: a window kept with a new end time must not meet itself as a duplicate.
    for key in replaced:
        getattr(coach, key).clear()
    session.flush()
    if "languages" in replaced:
        coach.languages = [StaffLanguage(language=code) for code in values["languages"]]
    if "specialties" in replaced:
        coach.specialties = [StaffSpecialty(tag_code=code) for code in values["specialties"]]
    if "availability" in replaced:
        coach.availability = [
            CoachAvailability(weekday=w.weekday, starts_at=w.starts_at, ends_at=w.ends_at)
            for w in values["availability"]
        ]


@requires(Permission.MANAGE_STAFF)
def save_coach(
    session: Session,
    actor: Actor,
    data: CoachInput,
    *,
    coach_id: int | None = None,
    read_version: int | None = None,
    now: datetime | None = None,
) -> RosterCoach:
    """Add a coach (no `coach_id`) or save an edit made on the version `read_version`."""
    now = now or utc_now()
    if coach_id is None:
        values = _clean_input(session, data, set())
        coach = StaffMember(
            display_name=values["display_name"],
            login=_new_login(session, values["display_name"]),
            role=StaffRole.COACH,
            is_coach=True,
            created_at=now,
            updated_at=now,
        )
        session.add(coach)
        _apply(session, coach, values, list(values))
        record_change(
            session, actor, Topic.COACHING, AuditAction.COACH_ADDED, "staff_member", coach, at=now
        )
    else:
        # Locked before reading: the version check and the count of active peers below must
        # hold until commit (an assignment to this coach takes the same lock first).
        lock_rows(session, StaffMember, [coach_id])
        coach = session.get(StaffMember, coach_id, populate_existing=True)
        if coach is None or not coach.is_coach:
            raise NotFound(THAT_COACH_IS_NO_LONGER)
        refuse_stale(
            session,
            coach,
            read_version,
            what=coach.display_name,
            hint=YOUR_ENTRIES_ARE_STILL_ON_3,
        )
        values = _clean_input(session, data, {x.tag_code for x in coach.specialties})
        before = _current(coach)
        changed = sorted(key for key, value in values.items() if before[key] != value)
        if not changed:
            return _saved_entry(session, coach.id)
        if "active" in changed and not values["active"]:
            peers = active_caseload(session, coach.id)
            if peers:
                raise ConflictError(
                    STILL_HAS_ACTIVE_PEER.with_(
                        display_name=coach.display_name,
                        peers=peers,
                        value="s" if peers != 1 else "",
                    ),
                    hint=REASSIGN_THEM_COACHES_PAGE_THEIR,
                )
        _apply(session, coach, values, changed)
        coach.updated_at = now  # the version moves even when only languages or hours changed
        record_change(
            session,
            actor,
            Topic.COACHING,
            AuditAction.COACH_UPDATED,
            "staff_member",
            coach.id,
            at=now,
            fields=changed,
        )
        if "active" in changed:
            action = (
                AuditAction.COACH_REACTIVATED if values["active"] else AuditAction.COACH_DEACTIVATED
            )
            record_event(session, actor, action, "staff_member", coach.id, at=now)
    return _saved_entry(session, coach.id, now)
