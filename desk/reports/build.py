"""Building a report: each part's figures for the period and the one before, then sections."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Purpose
from desk.reports.day_cache import check_kept_days
from desk.reports.group_attendance import attendance_figures, attendance_sections
from desk.reports.model import Labels, PeriodData, Report, ReportPart
from desk.reports.periods import Period
from desk.reports.team_figures import team_figures
from desk.reports.team_sections import team_sections
from desk.reports.visit_figures import visit_figures
from desk.reports.visit_sections import visit_sections
from desk.services.settings import load_settings

PARTS: tuple[ReportPart, ...] = (
    ReportPart(
        "visits", lambda s, p, z, n, names: visit_figures(s, p, z, names.counting), visit_sections
    ),
    ReportPart("team", lambda s, p, z, n, names: team_figures(s, p, z, n), team_sections),
    ReportPart("groups", lambda s, p, z, n, names: attendance_figures(s, p), attendance_sections),
)
TODAY_PARTS = ("visits",)  # what the front desk sees: counts, no one's name
SECTION_ORDER = (
    "visits",
    "purposes",
    "busy",
    "attendance",
    "referrals",
    "coaching",
    "languages",
)


def labels(session: Session) -> Labels:
    rows = session.execute(
        select(Purpose.code, Purpose.label, Purpose.counts_items).order_by(
            Purpose.position, Purpose.code
        )
    ).all()
    return Labels({c: label for c, label, _ in rows}, frozenset(c for c, _, n in rows if n))


def build_report(session: Session, period: Period, now: datetime, *, full: bool = True) -> Report:
    settings = load_settings(session)
    zone = settings.timezone
    parts = [p for p in PARTS if full or p.key in TODAY_PARTS]
    check_kept_days(session)  # once for both periods
    previous = period.previous()
    names = labels(session)

    def compute(own: Session, which: Period) -> PeriodData:
        return PeriodData(which, {p.key: p.compute(own, which, zone, now, names) for p in parts})

    def compute_before() -> PeriodData:
        with Session(session.get_bind()) as own:
            return compute(own, previous)

    # The period before is counted on a second connection meanwhile: two cores, half the wait.
    with ThreadPoolExecutor(max_workers=1) as pool:
        waiting = pool.submit(compute_before)
        current = compute(session, period)
        before = waiting.result()
    sections = [
        section
        for part in parts
        for section in part.sections(
            current.parts[part.key], before.parts[part.key], current, before, names
        )
    ]
    rank = {key: n for n, key in enumerate(SECTION_ORDER)}
    sections.sort(key=lambda s: rank.get(s.key, len(rank)))
    return Report(settings.name, str(zone), now, current, before, tuple(sections), full=full)
