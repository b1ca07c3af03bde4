"""How a group repeats: rules read, refused in words, expanded into dates and said in words."""

from __future__ import annotations

import time as clock
from datetime import date, time, timedelta

import pytest

from desk.errors import ValidationError
from desk.groups.recurrence import (
    first_meeting,
    meeting_days,
    monthly_rule,
    parse_rule,
    week_of,
    weekly_rule,
)
from desk.groups.rule_words import rule_words

SIX_PM = time(18, 0)
START = date(2026, 12, 1)  # a Tuesday


def _days(rule: str, first: date, last: date, starts_on: date = START) -> list[date]:
    return list(meeting_days(rule, starts_on, SIX_PM, first, last))


def test_every_tuesday_and_the_first_monday_of_the_month() -> None:
    tuesdays = weekly_rule([1])
    assert tuesdays == "FREQ=WEEKLY;BYDAY=TU"
    assert _days(tuesdays, date(2027, 1, 1), date(2027, 1, 31)) == [
        date(2027, 1, 5),
        date(2027, 1, 12),
        date(2027, 1, 19),
        date(2027, 1, 26),
    ]
    first_monday = monthly_rule([1], 0)
    assert first_monday == "FREQ=MONTHLY;BYDAY=1MO"
    assert _days(first_monday, date(2027, 1, 1), date(2027, 3, 31)) == [
        date(2027, 1, 4),
        date(2027, 2, 1),
        date(2027, 3, 1),
    ]
    assert first_meeting(first_monday, START, SIX_PM) == date(2026, 12, 7)


def test_wall_clock_time_stays_across_daylight_saving_time() -> None:
    """Dates are local: the Sunday DST ends is one Sunday, as every other."""
    sundays = _days("FREQ=WEEKLY;BYDAY=SU", date(2026, 10, 25), date(2026, 11, 8), date(2026, 1, 4))
    assert sundays == [date(2026, 10, 25), date(2026, 11, 1), date(2026, 11, 8)]


def test_nothing_before_the_first_date_and_nothing_after_until_or_count() -> None:
    assert _days("FREQ=WEEKLY;BYDAY=TU", date(2026, 11, 1), date(2026, 11, 30)) == []
    until = "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215"
    assert _days(until, START, date(2026, 12, 31)) == [
        date(2026, 12, 1),
        date(2026, 12, 8),
        date(2026, 12, 15),
    ]
    assert _days("FREQ=WEEKLY;BYDAY=TU;COUNT=2", START, date(2026, 12, 31)) == [
        date(2026, 12, 1),
        date(2026, 12, 8),
    ]


def test_a_single_meeting_has_no_rule() -> None:
    assert parse_rule("") is None
    assert _days("", date(2026, 11, 1), date(2026, 12, 31)) == [START]
    assert rule_words("", START).english == "Once, on Dec 1, 2026"


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", "Every Tuesday"),
        ("FREQ=WEEKLY", "Every Tuesday"),  # the first date's weekday
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", "Every Monday, Wednesday and Friday"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "Every other Thursday"),
        ("FREQ=DAILY", "Every day"),
        ("FREQ=MONTHLY;BYDAY=1MO", "The first Monday of the month"),
        ("FREQ=MONTHLY;BYDAY=1MO,3MO", "The first and third Monday of the month"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "The last Friday of the month"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "Every month on day 15"),
        ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630", "Every Tuesday, until Jun 30, 2027"),
        ("FREQ=WEEKLY;BYDAY=TU;COUNT=8", "Every Tuesday, 8 times"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "Repeats: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"),
    ],
)
def test_rules_in_words(rule: str, words: str) -> None:
    assert rule_words(rule, START).english == words


def test_rules_are_written_one_way() -> None:
    parsed = parse_rule("rrule:byday=tu;freq=weekly;")
    assert parsed is not None and parsed.text == "FREQ=WEEKLY;BYDAY=TU"


@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", "never falls on a date"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31", "never falls on a date"),
        ("FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31", "never falls on a date"),
        ("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-31", "never falls on a date"),
        ("FREQ=MONTHLY;BYDAY=6MO", "no such day in a month"),
        ("FREQ=MONTHLY;BYDAY=5MO;BYMONTH=2", "years away"),
        ("FREQ=WEEKLY;BYDAY=1MO", "needs a monthly rule"),
        ("FREQ=HOURLY", "FREQ=DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("FREQ=WEEKLY;BYHOUR=9", "cannot use BYHOUR"),
        ("FREQ=WEEKLY;BYDAY=XX", "is not a day"),
        ("FREQ=WEEKLY;INTERVAL=0", "out of range"),
        ("FREQ=WEEKLY;COUNT=2;UNTIL=20270101", "either after a number"),
        ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261101", "ends (UNTIL 2026-11-01) before"),
        ("FREQ=WEEKLY;UNTIL=next week", "not a date"),
        ("FREQ=WEEKLY;FREQ=DAILY", "given twice"),
        ("every tuesday", "not a part of a rule"),
    ],
)
def test_impossible_and_unreadable_rules_are_refused_in_words(rule: str, says: str) -> None:
    started = clock.perf_counter()
    with pytest.raises(ValidationError, match=says.replace("(", r"\(").replace(")", r"\)")):
        first_meeting(rule, START, SIX_PM)
    # dateutil alone looks until the year 9999 for a date that never comes.
    assert clock.perf_counter() - started < 5


def test_a_rule_that_comes_round_rarely_still_meets() -> None:
    leap = first_meeting("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", START, SIX_PM)
    assert leap == date(2028, 2, 29)
    every_other_february = "FREQ=MONTHLY;INTERVAL=2;BYMONTH=2"
    assert first_meeting(every_other_february, START, SIX_PM) == date(2027, 2, 1)


def test_the_week_runs_monday_to_sunday() -> None:
    monday, sunday = week_of(date(2026, 12, 3))
    assert (monday, sunday) == (date(2026, 11, 30), date(2026, 12, 6))
    assert week_of(monday) == week_of(sunday) == (monday, monday + timedelta(days=6))
