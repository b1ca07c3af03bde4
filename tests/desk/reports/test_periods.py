"""Ranges and the period each is compared with; center-local days in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from desk.reports.periods import Period, RangeKind, period_for

TODAY = date(2026, 11, 18)  # a Wednesday
ZONE = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    "kind, first, last, before_first, before_last",
    [
        (RangeKind.TODAY, TODAY, TODAY, date(2026, 11, 11), date(2026, 11, 11)),
        (RangeKind.THIS_WEEK, date(2026, 11, 16), TODAY, date(2026, 11, 9), date(2026, 11, 11)),
        (RangeKind.THIS_MONTH, date(2026, 11, 1), TODAY, date(2026, 10, 1), date(2026, 10, 18)),
        (
            RangeKind.LAST_MONTH,
            date(2026, 10, 1),
            date(2026, 10, 31),
            date(2026, 9, 1),
            date(2026, 9, 30),
        ),
        (RangeKind.THIS_QUARTER, date(2026, 10, 1), TODAY, date(2026, 7, 1), date(2026, 8, 18)),
        (RangeKind.THIS_YEAR, date(2026, 1, 1), TODAY, date(2025, 1, 1), date(2025, 11, 18)),
    ],
)
def test_each_range_and_its_previous_period(kind, first, last, before_first, before_last):
    period = period_for(kind, TODAY)
    assert (period.first, period.last) == (first, last)
    previous = period.previous()
    assert (previous.first, previous.last) == (before_first, before_last)


def test_custom_ranges_compare_with_the_days_or_months_before() -> None:
    days = period_for(RangeKind.CUSTOM, TODAY, date(2026, 11, 3), date(2026, 11, 9))
    assert (days.previous().first, days.previous().last) == (date(2026, 10, 27), date(2026, 11, 2))
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert (march.previous().first, march.previous().last) == (date(2026, 2, 1), date(2026, 2, 28))
    quarter = Period(date(2026, 1, 1), date(2026, 3, 31))
    assert (quarter.previous().first, quarter.previous().last) == (
        date(2025, 10, 1),
        date(2025, 12, 31),
    )
    assert march.label() == "March 2026"
    with pytest.raises(ValueError):
        Period(date(2026, 3, 2), date(2026, 3, 1))


def test_a_day_in_utc_is_23_or_25_hours_when_daylight_saving_starts_or_ends() -> None:
    spring = Period(date(2026, 3, 8), date(2026, 3, 8)).utc_bounds(ZONE)
    fall = Period(date(2026, 11, 1), date(2026, 11, 1)).utc_bounds(ZONE)
    assert spring == (datetime(2026, 3, 8, 5, tzinfo=UTC), datetime(2026, 3, 9, 4, tzinfo=UTC))
    assert fall == (datetime(2026, 11, 1, 4, tzinfo=UTC), datetime(2026, 11, 2, 5, tzinfo=UTC))
