"""The referral and coaching figures as sections."""

from __future__ import annotations

from desk.categories import CATEGORIES, CATEGORY_BY_CODE
from desk.messages import QT_TRANSLATE_NOOP
from desk.models import ReferralOutcome
from desk.reports.model import Chart, Figure, Labels, PeriodData, Section, Table
from desk.reports.team_figures import NO_LONGER_LISTED, UNCATEGORISED, TeamFigures

OUTCOME_WORDS = {
    ReferralOutcome.CONNECTED.value: QT_TRANSLATE_NOOP("Report", "Connected"),
    ReferralOutcome.NOT_CONNECTED.value: QT_TRANSLATE_NOOP("Report", "Not connected"),
    ReferralOutcome.UNKNOWN.value: QT_TRANSLATE_NOOP("Report", "Outcome unknown"),
    ReferralOutcome.PENDING.value: QT_TRANSLATE_NOOP("Report", "Not followed up yet"),
}
OUTCOME_ORDER = tuple(OUTCOME_WORDS)


def category_label(code: str) -> str:
    if code == NO_LONGER_LISTED:
        return "No longer in the directory"
    if code == UNCATEGORISED:
        return "No category"
    category = CATEGORY_BY_CODE.get(code)
    return category.name if category else code


def _category_order(now: TeamFigures, before: TeamFigures) -> list[str]:
    seen = set(now.by_category) | set(before.by_category)
    order = [c.code for c in CATEGORIES if c.code in seen]
    return order + [c for c in (UNCATEGORISED, NO_LONGER_LISTED) if c in seen]


def _referral_section(now: TeamFigures, before: TeamFigures) -> Section:
    figures = (
        Figure(
            "referrals",
            QT_TRANSLATE_NOOP("Report", "Referral sheets given"),
            now.referrals,
            before.referrals,
        ),
        Figure(
            "referrals:services",
            QT_TRANSLATE_NOOP("Report", "Services referred to"),
            now.referral_items,
            before.referral_items,
            note=QT_TRANSLATE_NOOP("Report", "each service on a sheet"),
        ),
        Figure(
            "referrals:connected",
            QT_TRANSLATE_NOOP("Report", "Connected rate"),
            now.connected_rate,
            before.connected_rate,
            "percent",
            note=QT_TRANSLATE_NOOP(
                "Report", "connected, of the referrals followed up (pending ones left out)"
            ),
        ),
    )
    order = _category_order(now, before)
    categories = Table(
        "referrals_by_category",
        QT_TRANSLATE_NOOP("Report", "Services referred to, by category"),
        (
            QT_TRANSLATE_NOOP("Report", "Category"),
            QT_TRANSLATE_NOOP("Report", "Services referred"),
            QT_TRANSLATE_NOOP("Report", "Previous period"),
            QT_TRANSLATE_NOOP("Report", "Change"),
        ),
        tuple(
            (
                category_label(c),
                now.by_category.get(c, 0),
                before.by_category.get(c, 0),
                now.by_category.get(c, 0) - before.by_category.get(c, 0),
            )
            for c in order
        ),
        tuple(f"referral_category:{c}" for c in order),
    )
    outcomes = Table(
        "referral_outcomes",
        QT_TRANSLATE_NOOP("Report", "Referral outcomes"),
        (
            QT_TRANSLATE_NOOP("Report", "Outcome"),
            QT_TRANSLATE_NOOP("Report", "Referrals"),
            QT_TRANSLATE_NOOP("Report", "Previous period"),
        ),
        tuple(
            (OUTCOME_WORDS[o], now.outcomes.get(o, 0), before.outcomes.get(o, 0))
            for o in OUTCOME_ORDER
        ),
        tuple(f"referral_outcome:{o}" for o in OUTCOME_ORDER),
    )
    chart = Chart(
        "referrals_by_category",
        QT_TRANSLATE_NOOP("Report", "Services referred to, by category and outcome"),
        "stacked_bars",
        tuple(category_label(c) for c in order),
        tuple(
            (
                OUTCOME_WORDS[o],
                tuple(float(now.by_category_outcome.get((c, o), 0)) for c in order),
            )
            for o in OUTCOME_ORDER
        ),
    )
    return Section(
        "referrals",
        QT_TRANSLATE_NOOP("Report", "Referrals"),
        figures,
        (categories, outcomes),
        (chart,),
    )


def _coaching_section(now: TeamFigures, before: TeamFigures, prev: PeriodData) -> Section:
    figures = (
        Figure(
            "contacts",
            QT_TRANSLATE_NOOP("Report", "Coaching contacts"),
            now.contacts,
            before.contacts,
        ),
        Figure(
            "contacts:people",
            QT_TRANSLATE_NOOP("Report", "Peers reached by a contact"),
            now.people_contacted,
            before.people_contacted,
        ),
        Figure(
            "assignments:started",
            QT_TRANSLATE_NOOP("Report", "Coaching started"),
            now.assignments_started,
            before.assignments_started,
            note=QT_TRANSLATE_NOOP("Report", "peers paired with a coach"),
        ),
        Figure(
            "assignments:ended",
            QT_TRANSLATE_NOOP("Report", "Coaching ended"),
            now.assignments_ended,
            before.assignments_ended,
        ),
        Figure(
            "caseloads",
            QT_TRANSLATE_NOOP("Report", "Peers with a coach at the end"),
            sum(c.active_peers for c in now.caseloads),
            sum(c.active_peers for c in before.caseloads),
        ),
        Figure(
            "follow_ups:overdue",
            QT_TRANSLATE_NOOP("Report", "Overdue follow-ups at the end"),
            now.overdue_follow_ups,
            before.overdue_follow_ups,
            note=QT_TRANSLATE_NOOP("Report", "peers whose planned follow-up date had passed"),
        ),
        Figure(
            "barc10",
            QT_TRANSLATE_NOOP("Report", "Peers with a BARC-10 change"),
            now.barc10.peers,
            before.barc10.peers,
            note=QT_TRANSLATE_NOOP("Report", "scored in the period, with two or more scores"),
        ),
        Figure(
            "barc10:change",
            QT_TRANSLATE_NOOP("Report", "Average BARC-10 change (points)"),
            now.barc10.average_change,
            before.barc10.average_change,
            "points",
            note=QT_TRANSLATE_NOOP("Report", "latest score minus first score, out of 10-60"),
        ),
    )
    earlier = {c.coach_id: c.active_peers for c in before.caseloads}
    caseloads = Table(
        "caseloads",
        QT_TRANSLATE_NOOP("Report", "Caseloads per coach at the end of the period"),
        (
            QT_TRANSLATE_NOOP("Report", "Coach"),
            QT_TRANSLATE_NOOP("Report", "Active peers"),
            QT_TRANSLATE_NOOP("Report", "Caseload limit"),
            QT_TRANSLATE_NOOP("Report", "At the end of the previous period"),
        ),
        tuple(
            (c.name, c.active_peers, c.caseload_limit, earlier.get(c.coach_id, 0))
            for c in now.caseloads
        ),
        tuple(f"caseload:{c.coach_id}" for c in now.caseloads),
    )
    barc = Table(
        "barc10_change",
        QT_TRANSLATE_NOOP("Report", "BARC-10 change (peers with two or more scores)"),
        (
            QT_TRANSLATE_NOOP("Report", "Change"),
            QT_TRANSLATE_NOOP("Report", "Peers"),
            QT_TRANSLATE_NOOP("Report", "Previous period"),
        ),
        (
            (QT_TRANSLATE_NOOP("Report", "Higher"), now.barc10.improved, before.barc10.improved),
            (
                QT_TRANSLATE_NOOP("Report", "Unchanged"),
                now.barc10.unchanged,
                before.barc10.unchanged,
            ),
            (QT_TRANSLATE_NOOP("Report", "Lower"), now.barc10.lower, before.barc10.lower),
        ),
        ("barc10:higher", "barc10:unchanged", "barc10:lower"),
    )
    chart = Chart(
        "caseloads",
        QT_TRANSLATE_NOOP("Report", "Caseloads per coach (active peers; the mark is the limit)"),
        "bars",
        tuple(c.name for c in now.caseloads),
        (("Active peers", tuple(float(c.active_peers) for c in now.caseloads)),),
        tuple(None if c.caseload_limit is None else float(c.caseload_limit) for c in now.caseloads),
    )
    return Section(
        "coaching", QT_TRANSLATE_NOOP("Report", "Coaching"), figures, (caseloads, barc), (chart,)
    )


def team_sections(
    now: TeamFigures, before: TeamFigures, cur: PeriodData, prev: PeriodData, labels: Labels
) -> list[Section]:
    return [_referral_section(now, before), _coaching_section(now, before, prev)]
