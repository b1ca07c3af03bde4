"""A coach's weekly availability: windows of center-local time, checked, read and written.

Staff type availability the way they say it ("Mon-Fri 9-5; Sat 10am-2pm"); it is stored as
one window per weekday. A window must end after it starts on the same day, and two windows on
one day must not overlap: either would make "on duty now" wrong without anyone noticing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from itertools import pairwise

from desk.directory.hours_parsing import HoursNotUnderstood, parse_hours_text
from desk.directory.hours_text import clock_text, weekday_list_text
from desk.errors import ValidationError
from desk.messages.coaching import (
    ENDS_BEFORE_IT_STARTS,
    IS_NOT_WEEKLY_TIME_DESK,
    JOIN_TWO_INTO_ONE_WINDOW,
    OVERLAPS,
    WEEKDAY_DOES_NOT_EXIST_0,
    WRITE_DAYS_AND_TIMES_SUCH,
    WRITE_START_FIRST_9_00,
)

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FIELD = "availability"


@dataclass(frozen=True, order=True)
class WeeklyWindow:
    weekday: int  # 0 is Monday
    starts_at: time
    ends_at: time

    def covers(self, local_now: datetime) -> bool:
        return local_now.weekday() == self.weekday and self.starts_at <= local_now.time() < (
            self.ends_at
        )

    def text(self) -> str:
        return f"{DAY_NAMES[self.weekday]} {clock(self.starts_at)}–{clock(self.ends_at)}"


def clock(moment: time) -> str:
    return moment.strftime("%H:%M")


def check_windows(windows: Iterable[WeeklyWindow]) -> list[WeeklyWindow]:
    """The windows in week order; a ValidationError naming the first one that cannot be."""
    ordered = sorted(windows)
    for window in ordered:
        if not 0 <= window.weekday <= 6:
            raise ValidationError(
                WEEKDAY_DOES_NOT_EXIST_0.with_(weekday=window.weekday),
                field=FIELD,
            )
        if window.ends_at <= window.starts_at:
            raise ValidationError(
                ENDS_BEFORE_IT_STARTS.with_(
                    day_names=DAY_NAMES[window.weekday],
                    starts_at=clock(window.starts_at),
                    ends_at=clock(window.ends_at),
                ),
                field=FIELD,
                hint=WRITE_START_FIRST_9_00,
            )
    for earlier, later in pairwise(ordered):
        if earlier.weekday == later.weekday and later.starts_at < earlier.ends_at:
            raise ValidationError(
                OVERLAPS.with_(text=later.text(), text_2=earlier.text()),
                field=FIELD,
                hint=JOIN_TWO_INTO_ONE_WINDOW,
            )
    return ordered


def parse_availability(text: str) -> list[WeeklyWindow]:
    """Windows from text such as "Mon-Fri 9:00-17:00; Sat 10am-2pm"; checked."""
    if not text.strip():
        return []
    try:
        read = parse_hours_text(text)
        if read.remark or any(rule.freq != "WEEKLY" for rule in read.rules):
            raise HoursNotUnderstood("a coach's hours are the same every week")
    except HoursNotUnderstood as exc:
        raise ValidationError(
            IS_NOT_WEEKLY_TIME_DESK.with_(strip=text.strip(), exc=exc),
            field=FIELD,
            hint=WRITE_DAYS_AND_TIMES_SUCH,
        ) from None
    except ValidationError as exc:
        raise ValidationError(exc.wording, field=FIELD, hint=exc.hint_wording or "") from None
    windows = [
        WeeklyWindow(_CODES.index(code), rule.opens, rule.closes)
        for rule in read.rules
        for code in rule.byday.split(",")
    ]
    return check_windows(windows)


def _day_runs(days: Sequence[int]) -> str:
    """[0,1,2,3,4] -> "Mon–Fri"; [0,2,4] -> "Mon, Wed, Fri"."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{DAY_NAMES[run[0]]}–{DAY_NAMES[run[-1]]}")
        else:
            parts.extend(DAY_NAMES[day] for day in run)
    return ", ".join(parts)


def availability_words(windows: Iterable[WeeklyWindow], language: str = "en") -> str:
    """The hours as the center's sheets say them, in `language` ("en", "es"): "Mon–Fri
    9 am–5 pm" / "lun–vie 9 a. m.–5 p. m."; for reading (the roster), where
    `availability_text` is for typing back."""
    by_times: dict[tuple[time, time], list[int]] = {}
    for window in sorted(windows):
        by_times.setdefault((window.starts_at, window.ends_at), []).append(window.weekday)
    groups = sorted(by_times.items(), key=lambda item: (min(item[1]), item[0]))
    return "; ".join(
        f"{weekday_list_text(days, language)} "
        f"{clock_text(_minutes(start), language)}–{clock_text(_minutes(end), language)}"
        for (start, end), days in groups
    )


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def availability_text(windows: Iterable[WeeklyWindow]) -> str:
    """ "Mon–Fri 09:00–17:00; Sat 10:00–14:00": the days that share times, together."""
    by_times: dict[tuple[time, time], list[int]] = {}
    for window in sorted(windows):
        by_times.setdefault((window.starts_at, window.ends_at), []).append(window.weekday)
    groups = sorted(by_times.items(), key=lambda item: (min(item[1]), item[0]))
    return "; ".join(
        f"{_day_runs(days)} {clock(start)}–{clock(end)}" for (start, end), days in groups
    )


def on_duty(windows: Iterable[WeeklyWindow], local_now: datetime) -> bool:
    return any(window.covers(local_now) for window in windows)
