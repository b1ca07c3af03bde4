"""The lists behind the referral and coaching figures. No note typed about a person is shown:
a contact's note or a referral's next steps stay on the person's record."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desk.models import (
    Assignment,
    CoachingContact,
    Person,
    Referral,
    ReferralItem,
    ReferralOutcome,
    StaffMember,
)
from desk.reports.team_figures import (
    active_at,
    barc_changes,
    end_moment,
    in_bounds,
    overdue_people,
    service_categories,
)
from desk.reports.team_sections import OUTCOME_WORDS, category_label
from desk.reports.visit_lists import LIST_LIMIT, FigureList, person_label

Coach = aliased(StaffMember)


def _names(session: Session, ids: list[int], private: bool) -> dict[int, str]:
    found = {}
    for start in range(0, len(ids), 500):
        for person in session.scalars(
            select(Person).where(Person.id.in_(ids[start : start + 500]))
        ):
            found[person.id] = person_label(person, None, private)
    return found


def _live(session: Session, ids) -> tuple[int, ...]:
    ids = sorted(set(ids))
    live = []
    for start in range(0, len(ids), 500):
        live += session.scalars(
            select(Person.id).where(
                Person.id.in_(ids[start : start + 500]), Person.removed_at.is_(None)
            )
        ).all()
    return tuple(sorted(live))


def referral_list(session, period, key, title, zone: ZoneInfo, private: bool):
    kind, _, arg = key.partition(":")
    if kind not in ("referrals", "referral_category", "referral_outcome", "referral_language"):
        return None
    start, end = period.utc_bounds(zone)
    where = [in_bounds(Referral.created_at, start, end)]
    if kind == "referral_outcome":
        where.append(Referral.outcome == ReferralOutcome(arg))
    elif key == "referrals:connected":
        where.append(Referral.outcome != ReferralOutcome.PENDING)
    elif kind == "referral_language":
        where.append(Referral.language == arg)
    referrals = session.scalars(
        select(Referral).where(*where).order_by(Referral.created_at, Referral.id)
    ).all()
    items: dict[int, list[tuple[str | None, str]]] = {}
    for referral_id, service_id, name in session.execute(
        select(ReferralItem.referral_id, ReferralItem.service_id, ReferralItem.service_name)
        .join(Referral)
        .where(*where)
        .order_by(ReferralItem.referral_id, ReferralItem.position)
    ):
        items.setdefault(referral_id, []).append((service_id, name))
    categories = service_categories(
        session, {s for listed in items.values() for s, _ in listed if s}
    )
    if kind == "referral_category":

        def in_category(service_id):
            codes = categories.get(service_id) if service_id else ["no_longer_listed"]
            return arg in (codes or ["uncategorised"])

        referrals = [r for r in referrals if any(in_category(s) for s, _ in items.get(r.id, []))]
    names = _names(session, [r.person_id for r in referrals if r.person_id], private)
    rows = tuple(
        (
            r.created_at.astimezone(zone).date(),
            names.get(r.person_id, "") if r.person_id else "Anonymous",
            "; ".join(name for _, name in items.get(r.id, [])),
            ", ".join(
                sorted(
                    {
                        category_label(c)
                        for s, _ in items.get(r.id, [])
                        for c in categories.get(s or "", [])
                    }
                )
            ),
            OUTCOME_WORDS[r.outcome.value],
            r.language,
        )
        for r in referrals[:LIST_LIMIT]
    )
    return FigureList(
        title,
        ("Date", "Person", "Services", "Categories", "Outcome", "Language"),
        rows,
        len(referrals),
        _live(session, [r.person_id for r in referrals[:LIST_LIMIT] if r.person_id]),
    )


def coaching_list(session, period, key, title, zone: ZoneInfo, private: bool, now: datetime):
    kind, _, arg = key.partition(":")
    start, end = period.utc_bounds(zone)
    moment, day = end_moment(period, zone, now)
    if kind == "contacts":
        found = session.execute(
            select(CoachingContact, Coach.display_name)
            .join(Coach, Coach.id == CoachingContact.coach_id)
            .where(in_bounds(CoachingContact.contact_at, start, end))
            .order_by(CoachingContact.contact_at, CoachingContact.id)
        ).all()
        names = _names(session, [c.person_id for c, _ in found[:LIST_LIMIT]], private)
        rows = tuple(
            (
                c.contact_at.astimezone(zone).date(),
                names.get(c.person_id, ""),
                coach,
                c.mode.value.replace("_", " "),
                c.minutes,
            )
            for c, coach in found[:LIST_LIMIT]
        )
        people = [c.person_id for c, _ in found[:LIST_LIMIT]]
        columns = ("Date", "Peer", "Coach", "How", "Minutes")
        total = len(found)
    elif kind in ("assignments", "caseloads", "caseload"):
        if kind == "assignments":
            column = Assignment.started_at if arg == "started" else Assignment.ended_at
            where = [in_bounds(column, start, end)]
        else:
            where = [active_at(moment)]
            if kind == "caseload":
                where.append(Assignment.coach_id == int(arg))
            column = Assignment.started_at
        found = session.execute(
            select(Assignment, Coach.display_name)
            .join(Coach, Coach.id == Assignment.coach_id)
            .where(*where)
            .order_by(column, Assignment.id)
        ).all()
        names = _names(session, [a.person_id for a, _ in found[:LIST_LIMIT]], private)
        rows = tuple(
            (
                a.started_at.astimezone(zone).date(),
                None if a.ended_at is None else a.ended_at.astimezone(zone).date(),
                names.get(a.person_id, ""),
                coach,
            )
            for a, coach in found[:LIST_LIMIT]
        )
        people = [a.person_id for a, _ in found[:LIST_LIMIT]]
        columns = ("Started", "Ended", "Peer", "Coach")
        total = len(found)
    elif key == "follow_ups:overdue":
        overdue = overdue_people(session, moment, day)
        coaches = dict(
            session.execute(
                select(Assignment.person_id, Coach.display_name)
                .join(Coach, Coach.id == Assignment.coach_id)
                .where(active_at(moment), Assignment.person_id.in_(overdue))
            ).all()
        )
        names = _names(session, overdue[:LIST_LIMIT], private)
        rows = tuple((names.get(p, ""), coaches.get(p, "")) for p in overdue[:LIST_LIMIT])
        people, columns, total = overdue[:LIST_LIMIT], ("Peer", "Coach"), len(overdue)
    elif kind == "barc10":
        changes = barc_changes(session, period)
        wanted = {
            "higher": lambda d: d > 0,
            "unchanged": lambda d: d == 0,
            "lower": lambda d: d < 0,
        }.get(arg, lambda d: True)
        chosen = sorted(p for p, (a, b) in changes.items() if wanted(b - a))
        names = _names(session, chosen[:LIST_LIMIT], private)
        rows = tuple(
            (names.get(p, ""), changes[p][0], changes[p][1], changes[p][1] - changes[p][0])
            for p in chosen[:LIST_LIMIT]
        )
        people, total = chosen[:LIST_LIMIT], len(chosen)
        columns = ("Peer", "First BARC-10", "Latest BARC-10", "Change")
    else:
        return None
    return FigureList(title, columns, rows, total, _live(session, people))
