"""Reports for funders and for the team: a period's figures beside the period before, and
the list behind each figure (its opening recorded, with whose names it showed).

Coaches and admins see any period; everyone sees today's counts (the front desk's view).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.errors import ValidationError
from desk.messages.center import (
    CHOOSE_FIRST_AND_LAST_DAY,
    CHOOSE_LAST_DAY_ON_OR,
    CHOOSE_SHORTER_RANGE,
    RANGE_ENDS_BEFORE_IT_STARTS,
    REPORT_COVERS_AT_MOST_TEN,
    THERE_IS_NO_LIST_BEHIND,
)
from desk.models.base import utc_now
from desk.reports.build import build_report
from desk.reports.group_attendance import attendance_list
from desk.reports.model import Report
from desk.reports.periods import LONGEST_DAYS, Period, RangeKind, period_for
from desk.reports.team_lists import coaching_list, referral_list
from desk.reports.visit_lists import FigureList, people_list, visit_list
from desk.services.actor import Actor
from desk.services.settings import center_now, load_settings


def checked_period(first: date, last: date) -> Period:
    """A custom range, refused in words when it cannot be right."""
    if last < first:
        raise ValidationError(
            RANGE_ENDS_BEFORE_IT_STARTS.with_(last=last, first=first),
            field="range",
            hint=CHOOSE_LAST_DAY_ON_OR,
        )
    if (last - first).days >= LONGEST_DAYS:
        raise ValidationError(REPORT_COVERS_AT_MOST_TEN, field="range", hint=CHOOSE_SHORTER_RANGE)
    return Period(first, last, RangeKind.CUSTOM)


@requires(Permission.VIEW_REPORTS)
def period_report(
    session: Session,
    actor: Actor,
    kind: RangeKind,
    first: date | None = None,
    last: date | None = None,
    *,
    now: datetime | None = None,
) -> Report:
    """The report for a range (`first` and `last` for a custom one), with the period before."""
    now = now or utc_now()
    if kind is RangeKind.CUSTOM:
        if first is None or last is None:
            raise ValidationError(CHOOSE_FIRST_AND_LAST_DAY, field="range")
        period = checked_period(first, last)
    else:
        period = period_for(kind, center_now(session, now).date())
    return build_report(session, period, now)


@requires(Permission.TODAYS_COUNTS)
def todays_counts(session: Session, actor: Actor, *, now: datetime | None = None) -> Report:
    """Today's visit counts against the same weekday last week: nobody's name."""
    now = now or utc_now()
    period = period_for(RangeKind.TODAY, center_now(session, now).date())
    return build_report(session, period, now, full=False)


@requires(Permission.VIEW_REPORTS)
def figure_list(
    session: Session,
    actor: Actor,
    period: Period,
    key: str,
    *,
    title: str = "",
    private: bool = True,
    now: datetime | None = None,
) -> FigureList:
    """The list behind the figure `key` for `period`; names as the privacy switch says.
    Opening it is in the activity log, with the people it named."""
    now = now or utc_now()
    zone = load_settings(session).timezone
    title = title or key
    found = (
        visit_list(session, period, key, title, zone, private)
        or people_list(session, period, key, title, private)
        or referral_list(session, period, key, title, zone, private)
        or coaching_list(session, period, key, title, zone, private, now)
        or attendance_list(session, period, key, title)
    )
    if found is None:
        raise ValidationError(THERE_IS_NO_LIST_BEHIND.with_(key=key))
    record_event(
        session,
        actor,
        AuditAction.REPORT_LIST_VIEWED,
        "report",
        key,
        figure=title,
        first=period.first.isoformat(),
        last=period.last.isoformat(),
        person_ids=list(found.person_ids),
    )
    return found
