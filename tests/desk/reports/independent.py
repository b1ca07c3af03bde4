"""Every figure counted again, independently: plain SQL written out by hand, and times turned
into the center's hours by Python's zoneinfo, row by row. Nothing here uses desk.reports."""

from __future__ import annotations

import math
from collections import Counter
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

COUNTED = "v.local_day BETWEEN :first AND :last AND v.status <> 'undone'"


def rows(session: Session, sql: str, **params) -> list[tuple]:
    return [tuple(r) for r in session.execute(text(sql), params)]


def one(session: Session, sql: str, **params):
    return session.execute(text(sql), params).scalar()


def as_datetime(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC)


def visit_counts(session: Session, first: date, last: date, zone: ZoneInfo) -> dict:
    p = {"first": first, "last": last}
    found = {
        "visits": one(session, f"SELECT count(*) FROM visit v WHERE {COUNTED}", **p),
        "people": one(
            session, f"SELECT count(DISTINCT v.person_id) FROM visit v WHERE {COUNTED}", **p
        ),
        "anonymous": one(
            session, f"SELECT count(*) FROM visit v WHERE {COUNTED} AND v.person_id IS NULL", **p
        ),
        "new": one(
            session,
            "SELECT count(*) FROM (SELECT v.person_id, min(v.local_day) AS first_day "
            "FROM visit v WHERE v.status <> 'undone' AND v.person_id IS NOT NULL "
            "GROUP BY v.person_id) f WHERE f.first_day BETWEEN :first AND :last",
            **p,
        ),
    }
    found["returning"] = found["people"] - found["new"]
    found["purposes"] = dict(
        rows(
            session,
            "SELECT vp.purpose_code, count(*) FROM visit v JOIN visit_purpose vp "
            f"ON vp.visit_id = v.id WHERE {COUNTED} GROUP BY vp.purpose_code",
            **p,
        )
    )
    found["supplies"] = {
        code: int(total or 0)
        for code, total in rows(
            session,
            "SELECT vp.purpose_code, sum(vp.quantity) FROM visit v JOIN visit_purpose vp "
            "ON vp.visit_id = v.id JOIN purpose pu ON pu.code = vp.purpose_code "
            f"WHERE {COUNTED} AND pu.counts_items GROUP BY vp.purpose_code",
            **p,
        )
    }
    found["by_day"] = {
        (d if isinstance(d, date) else date.fromisoformat(d)): n
        for d, n in rows(
            session, f"SELECT v.local_day, count(*) FROM visit v WHERE {COUNTED} GROUP BY 1", **p
        )
    }
    arrivals = rows(session, f"SELECT v.arrived_at, v.started_at FROM visit v WHERE {COUNTED}", **p)
    hours: Counter = Counter()
    waits = []
    for arrived, started in arrivals:
        local = as_datetime(arrived).astimezone(zone)
        hours[(local.weekday(), local.hour)] += 1
        if started is not None:
            waits.append((as_datetime(started) - as_datetime(arrived)).total_seconds() / 60)
    found["weekday_hour"] = dict(hours)
    found["waited"] = len(waits)
    found["average_wait"] = sum(waits) / len(waits) if waits else None
    ordered = sorted(math.floor(w + 1e-9) for w in waits)
    found["p90_wait"] = ordered[math.ceil(0.9 * len(ordered)) - 1] if ordered else None
    languages = Counter()
    for language, n in rows(
        session,
        "SELECT p.preferred_language, count(*) FROM person p WHERE p.id IN "
        f"(SELECT v.person_id FROM visit v WHERE {COUNTED}) GROUP BY p.preferred_language",
        **p,
    ):
        languages[language or ""] += n
    found["languages"] = dict(languages)
    return found


def team_counts(session: Session, start: str, end: str, end_day: date) -> dict:
    """`start` and `end` are written out by hand in UTC, as the database stores times."""
    b = {"start": start, "end": end}
    made = "r.created_at >= :start AND r.created_at < :end"
    found = {
        "referrals": one(session, f"SELECT count(*) FROM referral r WHERE {made}", **b),
        "items": one(
            session,
            f"SELECT count(*) FROM referral_item i JOIN referral r ON r.id = i.referral_id "
            f"WHERE {made}",
            **b,
        ),
        "outcomes": dict(
            rows(
                session, f"SELECT r.outcome, count(*) FROM referral r WHERE {made} GROUP BY 1", **b
            )
        ),
        "by_term": dict(
            rows(
                session,
                "SELECT a.taxonomy_term_id, count(*) FROM referral_item i "
                "JOIN referral r ON r.id = i.referral_id "
                "JOIN attribute a ON a.link_entity = 'service' AND a.link_id = i.service_id "
                f"WHERE {made} GROUP BY a.taxonomy_term_id",
                **b,
            )
        ),
        "gone": one(
            session,
            "SELECT count(*) FROM referral_item i JOIN referral r ON r.id = i.referral_id "
            f"WHERE {made} AND i.service_id IS NULL",
            **b,
        ),
        "contacts": one(
            session,
            "SELECT count(*) FROM coaching_contact c WHERE c.contact_at >= :start "
            "AND c.contact_at < :end",
            **b,
        ),
        "contacted": one(
            session,
            "SELECT count(DISTINCT c.person_id) FROM coaching_contact c "
            "WHERE c.contact_at >= :start AND c.contact_at < :end",
            **b,
        ),
        "started": one(
            session,
            "SELECT count(*) FROM assignment a "
            "WHERE a.started_at >= :start AND a.started_at < :end",
            **b,
        ),
        "ended": one(
            session,
            "SELECT count(*) FROM assignment a WHERE a.ended_at >= :start AND a.ended_at < :end",
            **b,
        ),
        "caseloads": dict(
            rows(
                session,
                "SELECT a.coach_id, count(*) FROM assignment a WHERE a.started_at < :end "
                "AND (a.ended_at IS NULL OR a.ended_at >= :end) GROUP BY a.coach_id",
                **b,
            )
        ),
    }
    # Overdue: the newest contact before the end planned a follow-up before the last day.
    newest = rows(
        session,
        "SELECT c.person_id, c.follow_up_on FROM coaching_contact c "
        "JOIN assignment a ON a.person_id = c.person_id AND a.started_at < :end "
        "AND (a.ended_at IS NULL OR a.ended_at >= :end) "
        "WHERE c.contact_at < :end AND NOT EXISTS (SELECT 1 FROM coaching_contact d "
        "WHERE d.person_id = c.person_id AND d.contact_at < :end AND "
        "(d.contact_at > c.contact_at OR (d.contact_at = c.contact_at AND d.id > c.id)))",
        **b,
    )
    found["overdue"] = sum(
        1
        for _, planned in newest
        if planned is not None
        and (planned if isinstance(planned, date) else date.fromisoformat(planned)) < end_day
    )
    return found
