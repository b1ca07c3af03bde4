"""Is a service open now, until when, and when does it open next?

A service's status wins over its hours: "temporarily closed", "inactive" and "defunct" are
never open. Schedules outside their valid_from/valid_to dates do not count. A window that
started yesterday evening and runs past midnight still counts this morning.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desk.directory.schedules import ScheduleRule

CLOSED_STATUSES = frozenset({"temporarily closed", "inactive", "defunct"})
LOOK_AHEAD_DAYS = 35  # far enough to find the next monthly meeting


class OpenState(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"
    STATUS_CLOSED = "status_closed"  # the service says it is closed, whatever its hours
    UNKNOWN = "unknown"  # no usable hours


@dataclass(frozen=True)
class OpenStatus:
    state: OpenState
    until: datetime | None = None  # when open: the end of the current window
    next_opening: datetime | None = None  # when closed: the start of the next window
    around_the_clock: bool = False

    @property
    def is_open(self) -> bool:
        return self.state is OpenState.OPEN


def is_closed_by_status(status: str | None) -> bool:
    return (status or "active").strip().lower() in CLOSED_STATUSES


def is_open_at(rules: Iterable[ScheduleRule], moment: datetime) -> bool:
    """True when any rule's window covers `moment` (naive, local to the service)."""
    today = moment.date()
    for rule in rules:
        for start_day in (today, today - timedelta(days=1)):
            window = rule.window_on(start_day)
            if window is not None and window[0] <= moment < window[1]:
                return True
    return False


def is_around_the_clock(rules: Sequence[ScheduleRule], today: date) -> bool:
    """Open all day on every day of the week (a detox or crisis line, say)."""
    covered: set[int] = set()
    for rule in rules:
        if rule.is_all_day and rule.is_simple_weekly and rule.is_valid_on(today):
            covered |= rule.weekdays
    return len(covered) == 7


def open_status(rules: Sequence[ScheduleRule], status: str | None, moment: datetime) -> OpenStatus:
    """The whole answer for one service at `moment` (naive, local to the service)."""
    if is_closed_by_status(status):
        return OpenStatus(OpenState.STATUS_CLOSED)
    timed = [rule for rule in rules if rule.has_hours]
    if not timed:
        return OpenStatus(OpenState.UNKNOWN)
    windows = _windows_around(timed, moment)
    current = [window for window in windows if window[0] <= moment < window[1]]
    if current:
        return OpenStatus(
            OpenState.OPEN,
            until=_merged_end(windows, max(end for _, end in current)),
            around_the_clock=is_around_the_clock(timed, moment.date()),
        )
    upcoming = [start for start, _ in windows if start > moment]
    if not upcoming:
        upcoming = [start for start, _ in _windows_ahead(timed, moment) if start > moment]
    return OpenStatus(OpenState.CLOSED, next_opening=min(upcoming) if upcoming else None)


def _windows_around(rules: Sequence[ScheduleRule], moment: datetime) -> list[tuple]:
    windows = []
    for offset in range(-1, 8):
        day = moment.date() + timedelta(days=offset)
        for rule in rules:
            window = rule.window_on(day)
            if window is not None:
                windows.append(window)
    return sorted(windows)


def _windows_ahead(rules: Sequence[ScheduleRule], moment: datetime) -> list[tuple]:
    windows = []
    for offset in range(8, LOOK_AHEAD_DAYS):
        day = moment.date() + timedelta(days=offset)
        for rule in rules:
            window = rule.window_on(day)
            if window is not None:
                windows.append(window)
    return sorted(windows)


def _merged_end(windows: list[tuple], end: datetime) -> datetime:
    """Follow back-to-back windows (Mon 0:00-24:00, Tue 0:00-24:00, ...) to where they stop."""
    extended = True
    while extended:
        extended = False
        for start, finish in windows:
            if start <= end < finish:
                end = finish
                extended = True
    return end
