"""Building a report: each part's figures for the period and the one before, then sections."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Purpose
from desk.reports.model import Labels, PeriodData, Report, ReportPart
from desk.reports.periods import Period
from desk.reports.team_figures import team_figures
from desk.reports.team_sections import team_sections
from desk.reports.visit_figures import visit_figures
from desk.reports.visit_sections import visit_sections
from desk.services.settings import load_settings

PARTS: tuple[ReportPart, ...] = (
    ReportPart("visits", lambda s, p, z, n: visit_figures(s, p, z), visit_sections),
    ReportPart("team", team_figures, team_sections),
)
TODAY_PARTS = ("visits",)  # what the front desk sees: counts, no one's name
SECTION_ORDER = ("visits", "purposes", "busy", "referrals", "coaching", "languages")


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
    previous = period.previous()
    current = PeriodData(period, {p.key: p.compute(session, period, zone, now) for p in parts})
    before = PeriodData(previous, {p.key: p.compute(session, previous, zone, now) for p in parts})
    names = labels(session)
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
