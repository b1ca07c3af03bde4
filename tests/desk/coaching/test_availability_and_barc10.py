"""Weekly availability as staff type it, refused when it cannot be; the BARC-10's rules."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.coaching.availability import (
    WeeklyWindow,
    availability_text,
    availability_words,
    check_windows,
    on_duty,
    parse_availability,
)
from desk.coaching.barc10 import ITEMS, TOTAL_MAX, TOTAL_MIN, TrendPoint, check_scores, trend_of
from desk.errors import ValidationError

WORCESTER = ZoneInfo("America/New_York")


def test_days_and_times_as_staff_write_them() -> None:
    windows = parse_availability("Mon-Fri 9-5; Sat 10am-2pm")
    assert len(windows) == 6
    assert windows[0] == WeeklyWindow(0, time(9), time(17))
    assert windows[-1] == WeeklyWindow(5, time(10), time(14))
    assert availability_text(windows) == "Mon–Fri 09:00–17:00; Sat 10:00–14:00"
    assert availability_text(parse_availability("Mon, Wed, Fri 9:00-13:00")) == (
        "Mon, Wed, Fri 09:00–13:00"
    )
    assert parse_availability("  ") == []


def test_the_roster_reads_the_hours_in_the_screens_language() -> None:
    windows = parse_availability("Mon-Fri 9-5; Sat 10am-2:30pm")
    assert availability_words(windows) == "Mon–Fri 9 am–5 pm; Sat 10 am–2:30 pm"
    assert availability_words(windows, "es") == "lun–vie 9 a. m.–5 p. m.; sáb 10 a. m.–2:30 p. m."


def test_inverted_times_are_refused_with_what_to_do() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_availability("Tue 17:00-09:00")
    assert refused.value.message == "Tue 17:00–09:00 ends before it starts."
    assert "two windows" in refused.value.hint
    assert refused.value.field == "availability"


def test_overlapping_windows_are_refused() -> None:
    with pytest.raises(ValidationError, match="Mon 11:00–14:00 overlaps Mon 09:00–12:00"):
        parse_availability("Mon 9-12; Mon 11-14")
    with pytest.raises(ValidationError, match="overlaps"):
        check_windows([WeeklyWindow(2, time(9), time(17)), WeeklyWindow(2, time(16), time(18))])
    # touching is not overlapping
    assert len(parse_availability("Mon 9-12; Mon 12-15")) == 2


def test_text_that_is_not_a_time_says_how_to_write_it() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_availability("whenever")
    assert "Mon-Fri 9:00-17:00" in refused.value.hint
    with pytest.raises(ValidationError, match="not a time of day"):
        parse_availability("Mon 25:00-26:00")


def test_on_duty_in_the_centers_time() -> None:
    windows = parse_availability("Mon-Fri 9-5")
    monday_noon = datetime(2026, 11, 30, 12, 0, tzinfo=WORCESTER)
    assert on_duty(windows, monday_noon)
    assert not on_duty(windows, monday_noon.replace(hour=17))  # the end is not on duty
    assert not on_duty(windows, datetime(2026, 11, 29, 12, 0, tzinfo=WORCESTER))  # Sunday


windows_strategy = st.lists(
    st.builds(
        lambda day, start, length: WeeklyWindow(
            day, time(start // 60, start % 60), time((start + length) // 60, (start + length) % 60)
        ),
        st.integers(min_value=0, max_value=6),
        st.integers(min_value=0, max_value=20 * 60).map(lambda m: m - m % 15),
        st.integers(min_value=15, max_value=3 * 60).map(lambda m: m - m % 15),
    ),
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(windows_strategy)
def test_checked_windows_read_back_from_their_own_text(windows) -> None:
    try:
        checked = check_windows(windows)
    except ValidationError as refused:
        assert "overlaps" in refused.message
        return
    assert parse_availability(availability_text(checked)) == checked


def test_barc10_answers_are_ten_whole_numbers_from_one_to_six() -> None:
    assert len(ITEMS) == 10 and (TOTAL_MIN, TOTAL_MAX) == (10, 60)
    assert sum(check_scores([6] * 10)) == 60
    with pytest.raises(ValidationError, match="Statement 4 has no answer yet"):
        check_scores([3, 3, 3, None, 3, 3, 3, 3, 3, 3])
    with pytest.raises(ValidationError, match="Statement 2: 7 is not an answer from 1 to 6"):
        check_scores([3, 7, 3, 3, 3, 3, 3, 3, 3, 3])
    with pytest.raises(ValidationError, match="10 statements; 9 answers"):
        check_scores([3] * 9)


def test_the_trend_reads_oldest_to_newest() -> None:
    trend = trend_of(
        [
            TrendPoint(date(2026, 9, 1), 38),
            TrendPoint(date(2026, 6, 1), 31),
            TrendPoint(date(2026, 11, 1), 44),
        ]
    )
    assert [p.total for p in trend.points] == [31, 38, 44]
    assert trend.change_since_first == 13 and trend.change_since_previous == 6
    assert trend_of([TrendPoint(date(2026, 6, 1), 31)]).change_since_first is None
