"""The date ranges a report covers, and the period each is compared with.

Days are the center's local days. A range is a first and a last day, both included. Its
comparison period is the same stretch one calendar step earlier: this month so far against
the same days of last month, a whole month against the month before, this year so far
against the same days of last year, today against the same weekday a week before (a
drop-in's Saturday is not its Friday). A custom range is compared with the same number of
days just before it, or with the months before it when it is whole calendar months.
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desk.messages import QT_TRANSLATE_NOOP


class RangeKind(enum.StrEnum):
    TODAY = "today"
    THIS_WEEK = "this_week"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    CUSTOM = "custom"


RANGE_WORDS = {
    RangeKind.TODAY: QT_TRANSLATE_NOOP("Report", "Today"),
    RangeKind.THIS_WEEK: QT_TRANSLATE_NOOP("Report", "This week"),
    RangeKind.THIS_MONTH: QT_TRANSLATE_NOOP("Report", "This month"),
    RangeKind.LAST_MONTH: QT_TRANSLATE_NOOP("Report", "Last month"),
    RangeKind.THIS_QUARTER: QT_TRANSLATE_NOOP("Report", "This quarter"),
    RangeKind.THIS_YEAR: QT_TRANSLATE_NOOP("Report", "This year"),
    RangeKind.CUSTOM: QT_TRANSLATE_NOOP("Report", "Custom"),
}
LONGEST_DAYS = 366 * 10  # a range longer than ten years is a typing slip


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _whole_months(first: date, last: date) -> int:
    """How many calendar months [first, last] covers exactly, or 0 when it is not whole months."""
    if first.day != 1 or last != month_end(last):
        return 0
    return (last.year - first.year) * 12 + last.month - first.month + 1


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # included
    kind: RangeKind = RangeKind.CUSTOM

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("a period cannot end before it starts")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def day_list(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.days)]

    def previous(self) -> Period:
        """The period this one is compared with (see the module's docstring)."""
        kind = self.kind
        if kind is RangeKind.TODAY:
            return Period(self.first - timedelta(days=7), self.last - timedelta(days=7), kind)
        if kind is RangeKind.THIS_WEEK:
            return Period(self.first - timedelta(days=7), self.last - timedelta(days=7), kind)
        months = {
            RangeKind.THIS_MONTH: 1,
            RangeKind.LAST_MONTH: 1,
            RangeKind.THIS_QUARTER: 3,
            RangeKind.THIS_YEAR: 12,
        }.get(kind) or _whole_months(self.first, self.last)
        if months:
            first = add_months(self.first, -months)
            if _whole_months(self.first, self.last):
                last = month_end(add_months(self.first, -1))
            else:
                last = add_months(self.last, -months)
            return Period(first, last, kind)
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1), kind)

    def utc_bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) in UTC: local midnight of the first day to local midnight after the
        last, so a day of 23 or 25 hours (daylight saving starts or ends) is a whole day."""
        start = datetime.combine(self.first, time(0), zone).astimezone(UTC)
        end = datetime.combine(self.last + timedelta(days=1), time(0), zone).astimezone(UTC)
        return start, end

    def label(self) -> str:
        if self.first == self.last:
            return f"{self.first:%a %b} {self.first.day}, {self.first.year}"
        if _whole_months(self.first, self.last) == 1:
            return f"{self.first:%B %Y}"
        if self.first.year == self.last.year:
            return (
                f"{self.first:%b} {self.first.day} – {self.last:%b} {self.last.day}, "
                f"{self.last.year}"
            )
        return (
            f"{self.first:%b} {self.first.day}, {self.first.year} – "
            f"{self.last:%b} {self.last.day}, {self.last.year}"
        )


def period_for(
    kind: RangeKind, today: date, first: date | None = None, last: date | None = None
) -> Period:
    """The range `kind` as of `today` (first and last only for a custom range)."""
    if kind is RangeKind.TODAY:
        return Period(today, today, kind)
    if kind is RangeKind.THIS_WEEK:
        return Period(today - timedelta(days=today.weekday()), today, kind)
    if kind is RangeKind.THIS_MONTH:
        return Period(today.replace(day=1), today, kind)
    if kind is RangeKind.LAST_MONTH:
        first_day = add_months(today.replace(day=1), -1)
        return Period(first_day, month_end(first_day), kind)
    if kind is RangeKind.THIS_QUARTER:
        start_month = (today.month - 1) // 3 * 3 + 1
        return Period(today.replace(month=start_month, day=1), today, kind)
    if kind is RangeKind.THIS_YEAR:
        return Period(today.replace(month=1, day=1), today, kind)
    if first is None or last is None:
        raise ValueError("a custom range needs its first and last day")
    return Period(first, last, RangeKind.CUSTOM)
