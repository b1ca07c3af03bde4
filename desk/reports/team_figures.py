"""Referral and coaching figures for one period.

Referrals count by the day the sheet was given (center time). Each service on a sheet
counts once under each of its categories; a service since removed from the directory
counts as "no longer listed". The connected rate is connected referrals out of those
followed up (connected, not connected, or outcome unknown); pending ones are left out.

Coaching: contacts logged in the period and the people they reached; assignments started
and ended; each coach's caseload as it stood at the end of the period; peers whose
follow-up was overdue on the period's last day (or today, for a period still running), as
the Coaches page counts them; and the BARC-10 change for peers scored in the period who
have two or more scores.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desk.categories import CATEGORY_BY_TERM_ID
from desk.models import (
    Assignment,
    Attribute,
    Barc10Assessment,
    CoachingContact,
    Referral,
    ReferralItem,
    ReferralOutcome,
    StaffMember,
)
from desk.reports.periods import Period

NO_LONGER_LISTED = "no_longer_listed"
UNCATEGORISED = "uncategorised"
FOLLOWED_UP = (ReferralOutcome.CONNECTED, ReferralOutcome.NOT_CONNECTED, ReferralOutcome.UNKNOWN)


@dataclass(frozen=True)
class CoachLoad:
    coach_id: int
    name: str
    active_peers: int
    caseload_limit: int | None


@dataclass(frozen=True)
class BarcChange:
    peers: int = 0
    average_change: float | None = None
    improved: int = 0
    unchanged: int = 0
    lower: int = 0


@dataclass(frozen=True)
class TeamFigures:
    referrals: int = 0
    referral_items: int = 0
    by_category: dict[str, int] = field(default_factory=dict)  # category code -> services
    by_category_outcome: dict[tuple[str, str], int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)  # outcome value -> referrals
    connected_rate: float | None = None
    referral_languages: dict[str, int] = field(default_factory=dict)
    contacts: int = 0
    people_contacted: int = 0
    assignments_started: int = 0
    assignments_ended: int = 0
    caseloads: tuple[CoachLoad, ...] = ()
    overdue_follow_ups: int = 0
    barc10: BarcChange = BarcChange()


def connected_rate(outcomes: dict[str, int]) -> float | None:
    followed = sum(outcomes.get(outcome.value, 0) for outcome in FOLLOWED_UP)
    if not followed:
        return None
    return outcomes.get(ReferralOutcome.CONNECTED.value, 0) / followed


def in_bounds(column, start: datetime, end: datetime):
    return and_(column >= start, column < end)


def service_categories(session: Session, service_ids: set[str]) -> dict[str, list[str]]:
    """Each service's category codes (ours only; other taxonomies' terms are not counted)."""
    found: dict[str, list[str]] = {}
    ids = sorted(service_ids)
    for start in range(0, len(ids), 500):
        for service_id, term_id in session.execute(
            select(Attribute.link_id, Attribute.taxonomy_term_id).where(
                Attribute.link_entity == "service", Attribute.link_id.in_(ids[start : start + 500])
            )
        ):
            category = CATEGORY_BY_TERM_ID.get(term_id or "")
            if category is not None:
                found.setdefault(service_id, []).append(category.code)
    return found


def _referrals(session: Session, start: datetime, end: datetime) -> dict:
    made = in_bounds(Referral.created_at, start, end)
    outcomes = {
        outcome.value: int(count)
        for outcome, count in session.execute(
            select(Referral.outcome, func.count()).where(made).group_by(Referral.outcome)
        )
    }
    languages = {
        language: int(count)
        for language, count in session.execute(
            select(Referral.language, func.count()).where(made).group_by(Referral.language)
        )
    }
    items = session.execute(
        select(ReferralItem.service_id, Referral.outcome).join(Referral).where(made)
    ).all()
    categories = service_categories(session, {s for s, _ in items if s})
    by_category: Counter[str] = Counter()
    by_outcome: Counter[tuple[str, str]] = Counter()
    for service_id, outcome in items:
        codes = [NO_LONGER_LISTED] if service_id is None else categories.get(service_id)
        for code in codes or [UNCATEGORISED]:
            by_category[code] += 1
            by_outcome[(code, outcome.value)] += 1
    return {
        "referrals": sum(outcomes.values()),
        "referral_items": len(items),
        "by_category": dict(by_category),
        "by_category_outcome": dict(by_outcome),
        "outcomes": outcomes,
        "connected_rate": connected_rate(outcomes),
        "referral_languages": languages,
    }


def active_at(moment: datetime):
    """Assignments under way at `moment`."""
    return and_(
        Assignment.started_at < moment,
        or_(Assignment.ended_at.is_(None), Assignment.ended_at >= moment),
    )


def caseloads_at(session: Session, moment: datetime) -> tuple[CoachLoad, ...]:
    counts = dict(
        session.execute(
            select(Assignment.coach_id, func.count())
            .where(active_at(moment))
            .group_by(Assignment.coach_id)
        ).all()
    )
    coaches = session.execute(
        select(
            StaffMember.id, StaffMember.display_name, StaffMember.caseload_limit, StaffMember.active
        )
        .where(or_(StaffMember.is_coach, StaffMember.id.in_(list(counts))))
        .order_by(StaffMember.display_name, StaffMember.id)
    ).all()
    return tuple(
        CoachLoad(coach_id, name, int(counts.get(coach_id, 0)), limit)
        for coach_id, name, limit, active in coaches
        if active or counts.get(coach_id)
    )


def overdue_people(session: Session, moment: datetime, day: date) -> list[int]:
    """Peers in a caseload at `moment` whose newest contact before it planned a follow-up
    before `day`."""
    people = select(Assignment.person_id).where(active_at(moment))
    latest: dict[int, date | None] = {}
    for person_id, follow_up_on in session.execute(
        select(CoachingContact.person_id, CoachingContact.follow_up_on)
        .where(CoachingContact.person_id.in_(people), CoachingContact.contact_at < moment)
        .order_by(CoachingContact.contact_at, CoachingContact.id)
    ):
        latest[person_id] = follow_up_on  # the newest plan wins
    return sorted(p for p, planned in latest.items() if planned is not None and planned < day)


def barc_changes(session: Session, period: Period) -> dict[int, tuple[int, int]]:
    """For each peer scored in the period with two or more scores up to its end: (first
    total, latest total)."""
    scored = select(Barc10Assessment.person_id).where(
        Barc10Assessment.taken_on >= period.first, Barc10Assessment.taken_on <= period.last
    )
    totals: dict[int, list[int]] = {}
    for assessment in session.scalars(
        select(Barc10Assessment)
        .where(Barc10Assessment.person_id.in_(scored), Barc10Assessment.taken_on <= period.last)
        .order_by(Barc10Assessment.taken_on, Barc10Assessment.id)
    ):
        totals.setdefault(assessment.person_id, []).append(assessment.total)
    return {p: (t[0], t[-1]) for p, t in totals.items() if len(t) >= 2}


def barc_summary(changes: dict[int, tuple[int, int]]) -> BarcChange:
    if not changes:
        return BarcChange()
    deltas = [last - first for first, last in changes.values()]
    return BarcChange(
        peers=len(deltas),
        average_change=sum(deltas) / len(deltas),
        improved=sum(1 for d in deltas if d > 0),
        unchanged=sum(1 for d in deltas if d == 0),
        lower=sum(1 for d in deltas if d < 0),
    )


def end_moment(period: Period, zone: ZoneInfo, now: datetime) -> tuple[datetime, date]:
    """When a still-running period "ends" for caseloads and follow-ups: now, today."""
    _, end = period.utc_bounds(zone)
    if now < end:
        return now, now.astimezone(zone).date()
    return end, period.last


def team_figures(session: Session, period: Period, zone: ZoneInfo, now: datetime) -> TeamFigures:
    start, end = period.utc_bounds(zone)
    contacts, people = session.execute(
        select(func.count(), func.count(func.distinct(CoachingContact.person_id))).where(
            in_bounds(CoachingContact.contact_at, start, end)
        )
    ).one()
    started = session.scalar(
        select(func.count()).where(in_bounds(Assignment.started_at, start, end))
    )
    ended = session.scalar(select(func.count()).where(in_bounds(Assignment.ended_at, start, end)))
    moment, day = end_moment(period, zone, now)
    return TeamFigures(
        **_referrals(session, start, end),
        contacts=int(contacts),
        people_contacted=int(people),
        assignments_started=int(started or 0),
        assignments_ended=int(ended or 0),
        caseloads=caseloads_at(session, moment),
        overdue_follow_ups=len(overdue_people(session, moment, day)),
        barc10=barc_summary(barc_changes(session, period)),
    )
