"""Checking what staff type into a resource: times of day, days of the week, yes/no, counts."""

from __future__ import annotations

import re
from datetime import time

from desk.directory.schedules import ScheduleError, parse_byday
from desk.errors import ValidationError
from desk.messages.directory import (
    CANNOT_BE_BELOW_ZERO,
    DAYS,
    FOR_EXAMPLE_MO_TU_WE,
    FOR_SERVICE_OPEN_AROUND_CLOCK,
    IS_NOT_TIME_OF_DAY_2,
    IS_NOT_YES_OR_NO,
    IT_OPENS_AND_CLOSES_AT,
    MUST_BE_WHOLE_NUMBER,
    SAY_WHICH_DAYS_IT_IS,
    SEPARATE_DAYS_WITH_COMMAS_MO,
    TYPE_IT_LIKE_08_30,
)

_CLOCK = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?(?::(?P<second>\d{2}))?\s*"
    r"(?P<half>a\.?\s?m\.?|p\.?\s?m\.?|am|pm|a|p)?$",
    re.IGNORECASE,
)


def parse_clock(text: str, *, field: str = "", label: str = "Time") -> time:
    """ "8", "8:30", "08:30:00", "8:30 pm", "20:30", "8 a. m." -> a time; else a plain error."""
    value = text.strip().lower().replace("noon", "12:00 pm").replace("midnight", "12:00 am")
    match = _CLOCK.match(value)
    hour = minute = -1
    if match:
        hour = int(match.group("hour"))
        minute = int(match.group("minute") or 0)
        half = (match.group("half") or "").replace(".", "").replace(" ", "")
        if half:
            if not 1 <= hour <= 12:
                hour = -1
            elif half.startswith("p") and hour != 12:
                hour += 12
            elif half.startswith("a") and hour == 12:
                hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValidationError(
            IS_NOT_TIME_OF_DAY_2.with_(label=label, strip=text.strip()),
            field=field,
            hint=TYPE_IT_LIKE_08_30,
        )
    return time(hour, minute)


def check_days(text: str, *, field: str = "byday") -> str:
    """ "mo, tu" -> "MO,TU"; anything else gets a message naming the two-letter days."""
    try:
        days = parse_byday(text)
    except ScheduleError as error:
        raise ValidationError(
            DAYS.with_(error=error), field=field, hint=SEPARATE_DAYS_WITH_COMMAS_MO
        ) from None
    if not days:
        raise ValidationError(SAY_WHICH_DAYS_IT_IS, field=field, hint=FOR_EXAMPLE_MO_TU_WE)
    codes = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
    return ",".join(f"{ordinal or ''}{codes[weekday]}" for ordinal, weekday in days)


def check_hours(opens: time, closes: time, *, field: str = "closes_at") -> None:
    if opens == closes:
        raise ValidationError(
            IT_OPENS_AND_CLOSES_AT.with_(opens=opens),
            field=field,
            hint=FOR_SERVICE_OPEN_AROUND_CLOCK,
        )


def check_count(value: object, *, label: str, field: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError(MUST_BE_WHOLE_NUMBER.with_(label=label), field=field) from None
    if number < 0:
        raise ValidationError(CANNOT_BE_BELOW_ZERO.with_(label=label), field=field)
    return number


def check_yes_no(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("", "unknown", "?"):
        return None
    if text in ("yes", "y", "true", "1", "si", "sí"):
        return True
    if text in ("no", "n", "false", "0"):
        return False
    raise ValidationError(IS_NOT_YES_OR_NO.with_(value=value))
