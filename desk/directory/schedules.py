"""HSDS schedules as rules a program can ask: does it run on this day, and when is it open?

A schedule row carries RFC 5545 fields (freq, interval, byday, bymonthday, dtstart, until,
count) plus opens_at and closes_at. The common case, "every Monday to Friday 8-4", is
answered by looking at the weekday; anything else (monthly rules, every other week, a count)
is answered by python-dateutil's `rrule`, which implements RFC 5545 recurrence.

Times are local to the service. Two conventions from real directories are honoured:
closes_at before opens_at means the service runs past midnight into the next day, and a
window of 00:00-23:59 (or opens_at equal to closes_at) means open around the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from dateutil import rrule

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MINUTES_PER_DAY = 24 * 60
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_RRULE_DAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
# A window that closes at 23:59 or later is taken to run to midnight.
_END_OF_DAY = 23 * 60 + 59


class ScheduleError(ValueError):
    """A schedule field that cannot be read (for example byday "XX")."""


def parse_byday(text: str | None) -> tuple[tuple[int | None, int], ...]:
    """ "MO,WE,1FR,-1SU" -> ((None, 0), (None, 2), (1, 4), (-1, 6)); weekday 0 is Monday."""
    if not text or not text.strip():
        return ()
    days: list[tuple[int | None, int]] = []
    for part in text.replace(" ", "").upper().split(","):
        if not part:
            continue
        match = _BYDAY.match(part)
        if match is None:
            raise ScheduleError(f"“{part}” is not a day (use MO, TU, WE, TH, FR, SA, SU)")
        ordinal = int(match.group(1)) if match.group(1) else None
        if ordinal is not None and not (1 <= abs(ordinal) <= 5):
            raise ScheduleError(f"“{part}”: a week of the month runs from 1 to 5 or -1 to -5")
        days.append((ordinal, WEEKDAY_CODES.index(match.group(2))))
    return tuple(days)


def parse_number_list(text: str | None, *, low: int, high: int, label: str) -> tuple[int, ...]:
    if not text or not str(text).strip():
        return ()
    numbers: list[int] = []
    for part in str(text).replace(" ", "").split(","):
        if not part:
            continue
        try:
            number = int(part)
        except ValueError:
            raise ScheduleError(f"{label} “{part}” is not a whole number") from None
        if not (low <= abs(number) <= high):
            raise ScheduleError(f"{label} {number} is outside {low} to {high}")
        numbers.append(number)
    return tuple(numbers)


def _getter(fields: Any):
    if isinstance(fields, dict):
        return lambda name: fields.get(name)
    return lambda name: getattr(fields, name, None)


# What a plain hours form can show of a schedule row (see `plain_form_kind`).
WEEKLY_HOURS = "weekly"  # every week on named days, from one time to another
HOURS_NOTE = "note"  # a description alone: "By appointment only – call first"
# Fields that tie a row to the calendar; a row using any of them needs more than a plain form.
_CALENDAR_FIELDS = (
    "valid_from",
    "valid_to",
    "dtstart",
    "until",
    "count",
    "bymonthday",
    "byweekno",
    "byyearday",
)


def _given(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def plain_form_kind(fields: Any) -> str | None:
    """WEEKLY_HOURS, HOURS_NOTE, or None for a row a plain form cannot show without loss.

    A plain form writes "MO,TU 08:00-16:00; note" or a note alone. Monthly rules, every other
    week, dates a rule is valid between, a window that opens and closes at the same time, or a
    row that cannot be read are None: a form of that kind must leave them as they are.
    """
    get = _getter(fields)
    if any(_given(get(name)) for name in _CALENDAR_FIELDS):
        return None
    if (get("freq") or "").strip().upper() not in ("", "WEEKLY"):
        return None
    try:
        interval = int(get("interval") or 1)
        days = parse_byday(get("byday"))
    except (ScheduleError, ValueError):
        return None
    opens, closes = get("opens_at"), get("closes_at")
    if interval != 1:
        return None
    if not days:
        if opens is None and closes is None and _given(get("description")):
            return HOURS_NOTE
        return None
    if any(ordinal is not None for ordinal, _ in days):
        return None
    if opens is None or closes is None or opens == closes:
        return None
    return WEEKLY_HOURS


def minutes_of(moment: time | None) -> int | None:
    return None if moment is None else moment.hour * 60 + moment.minute


@dataclass(frozen=True)
class ScheduleRule:
    """One schedule row, read once; `occurs_on` and `window_on` answer questions about it."""

    freq: str | None  # WEEKLY, MONTHLY or None (weekly when days are given, else daily)
    interval: int
    byday: tuple[tuple[int | None, int], ...]
    bymonthday: tuple[int, ...]
    opens: int | None  # minutes after midnight
    closes: int | None
    valid_from: date | None = None
    valid_to: date | None = None
    dtstart: date | None = None
    until: date | None = None
    count: int | None = None
    wkst: str | None = None
    description: str | None = None

    @classmethod
    def from_fields(cls, fields: Any) -> ScheduleRule:
        """From a Schedule row, or anything with the same attribute names."""
        get = _getter(fields)
        freq = (get("freq") or "").strip().upper() or None
        if freq not in (None, "WEEKLY", "MONTHLY"):
            raise ScheduleError(f"freq “{freq}” is not WEEKLY or MONTHLY")
        return cls(
            freq=freq,
            interval=max(1, int(get("interval") or 1)),
            byday=parse_byday(get("byday")),
            bymonthday=parse_number_list(get("bymonthday"), low=1, high=31, label="Day of month"),
            opens=minutes_of(get("opens_at")),
            closes=minutes_of(get("closes_at")),
            valid_from=get("valid_from"),
            valid_to=get("valid_to"),
            dtstart=get("dtstart"),
            until=get("until"),
            count=int(get("count")) if get("count") else None,
            wkst=get("wkst"),
            description=get("description"),
        )

    @property
    def has_hours(self) -> bool:
        return self.opens is not None and self.closes is not None

    @property
    def is_simple_weekly(self) -> bool:
        """Every week on plain weekdays, with nothing that needs the calendar to answer."""
        return (
            self.freq in (None, "WEEKLY")
            and self.interval == 1
            and not self.bymonthday
            and self.count is None
            and self.until is None
            and all(ordinal is None for ordinal, _ in self.byday)
            and (bool(self.byday) or self.dtstart is None)
        )

    @property
    def weekdays(self) -> frozenset[int]:
        """The weekdays of a simple weekly rule (every day when none are named)."""
        if not self.byday:
            return frozenset(range(7))
        return frozenset(weekday for _, weekday in self.byday)

    @property
    def is_all_day(self) -> bool:
        return self.has_hours and (
            self.opens == self.closes or (self.opens == 0 and self.closes >= _END_OF_DAY)
        )

    @property
    def runs_past_midnight(self) -> bool:
        return self.has_hours and not self.is_all_day and self.closes < self.opens

    def span_minutes(self) -> tuple[int, int] | None:
        """(start, end) in minutes after the start day's midnight; end may pass 1440."""
        if not self.has_hours:
            return None
        if self.is_all_day:
            return 0, MINUTES_PER_DAY
        end = MINUTES_PER_DAY if self.closes >= _END_OF_DAY else self.closes
        if end <= self.opens:
            end += MINUTES_PER_DAY
        return self.opens, end

    def is_valid_on(self, day: date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_to is not None and day > self.valid_to)

    def occurs_on(self, day: date) -> bool:
        """True when the schedule's window starts on `day`."""
        if not self.is_valid_on(day):
            return False
        if self.is_simple_weekly:
            return day.weekday() in self.weekdays
        return _rrule_occurs(self, day)

    def window_on(self, day: date) -> tuple[datetime, datetime] | None:
        """The open window that starts on `day`, as naive local datetimes, or None."""
        span = self.span_minutes()
        if span is None or not self.occurs_on(day):
            return None
        midnight = datetime.combine(day, time())
        return midnight + timedelta(minutes=span[0]), midnight + timedelta(minutes=span[1])

    def to_rrule(self, anchor: date) -> rrule.rrule:
        """The dateutil rule; `anchor` stands in for a missing dtstart."""
        start = self.dtstart or self.valid_from or anchor
        weekdays = [
            _RRULE_DAYS[weekday](ordinal) if ordinal else _RRULE_DAYS[weekday]
            for ordinal, weekday in self.byday
        ]
        freq = rrule.MONTHLY if self.freq == "MONTHLY" else rrule.WEEKLY
        if self.freq is None and not self.byday and not self.bymonthday:
            freq = rrule.DAILY
        return rrule.rrule(
            freq,
            dtstart=datetime.combine(start, time()),
            interval=self.interval,
            wkst=WEEKDAY_CODES.index(self.wkst) if self.wkst in WEEKDAY_CODES else None,
            count=self.count,
            # RFC 5545 allows count or until, not both (some directories give both)
            until=datetime.combine(self.until, time(23, 59))
            if self.until and self.count is None
            else None,
            byweekday=weekdays or None,
            bymonthday=list(self.bymonthday) or None,
        )


# Without a dtstart, "every other week" needs a fixed week to count from; a Monday long ago.
_ANCHOR = date(2001, 1, 1)


@lru_cache(maxsize=4096)
def _rrule_occurs(rule: ScheduleRule, day: date) -> bool:
    start = datetime.combine(day, time())
    recurrence = rule.to_rrule(_ANCHOR)
    following = recurrence.after(start - timedelta(microseconds=1), inc=True)
    return following is not None and following.date() == day
