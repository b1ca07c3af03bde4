"""How dates and times look on screen: the station's local time, short and unambiguous."""

from __future__ import annotations

from datetime import date, datetime


def local_datetime_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def local_time_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%H:%M")


def date_text(day: date | None) -> str:
    return day.isoformat() if day else ""
