"""Schedules in an HSDS import: every recurrence part must be one RFC 5545 allows.

Days such as "XX,Funday" used to be kept and then read as no day at all, so a service looked
closed (or open every day) with no word said. Each schedule's RRULE parts (freq, interval,
byday, bymonthday, byweekno, byyearday, count, until, wkst) are now put together and read by
python-dateutil's RFC 5545 parser, and by the desk's own reader of schedules; a row either
refuses is named in the report, with why.
"""

from __future__ import annotations

from datetime import date, datetime

from dateutil import rrule

from desk.directory.schedules import (
    WEEKDAY_CODES,
    ScheduleError,
    ScheduleRule,
    parse_byday,
    parse_number_list,
)
from desk.hsds.records import TypedRecord
from desk.hsds.report import ImportReport

_PARTS = ("freq", "interval", "byday", "bymonthday", "byweekno", "byyearday", "count", "wkst")
_ANCHOR = datetime(2001, 1, 1)


def _rrule_text(values: dict) -> str | None:
    parts = []
    for name in _PARTS:
        value = values.get(name)
        if value is None or str(value).strip() == "":
            continue
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        parts.append(f"{name.upper()}={text.replace(' ', '')}")
    until = values.get("until")
    if isinstance(until, date) and values.get("count") is None:
        parts.append(f"UNTIL={until:%Y%m%d}T235959")
    if not parts:
        return None
    if not values.get("freq"):
        parts.insert(0, "FREQ=WEEKLY")  # the desk reads days without a freq as weekly
    return ";".join(parts)


_LISTS = (("bymonthday", 31, "Day of month"), ("byweekno", 53, "Week"), ("byyearday", 366, "Day"))


def _part_problem(values: dict) -> str | None:
    byday = values.get("byday")
    try:
        parse_byday(byday)
    except ScheduleError as error:
        return f"byday “{byday}”: {error}"
    for name, high, label in _LISTS:
        try:
            parse_number_list(values.get(name), low=1, high=high, label=label)
        except ScheduleError as error:
            return f"{name} “{values.get(name)}”: {error}"
    for name in ("interval", "count"):
        value = values.get(name)
        if value is not None and (not float(value).is_integer() or value < 1):
            return f"{name} {value} must be a whole number from 1 up"
    wkst = values.get("wkst")
    if wkst and str(wkst).strip().upper() not in WEEKDAY_CODES:
        return f"wkst “{wkst}” is not a day (use MO, TU, WE, TH, FR, SA, SU)"
    return None


def schedule_problem(values: dict) -> str | None:
    """Why a schedule's recurrence cannot be read, in words; None when it can."""
    why = _part_problem(values)
    if why:
        return why
    try:
        ScheduleRule.from_fields(values)
    except (ScheduleError, TypeError, ValueError) as error:
        return f"its recurrence cannot be read ({error})"
    text = _rrule_text(values)
    if text is None:
        return None
    try:
        rrule.rrulestr(text, dtstart=_ANCHOR)
    except (ValueError, TypeError, KeyError, OverflowError) as error:
        return f"“{text}” is not a recurrence RFC 5545 allows ({error})"
    return None


def check_schedules(typed: dict[str, dict[str, TypedRecord]], report: ImportReport) -> None:
    for record in typed.get("schedule", {}).values():
        why = schedule_problem(record.values)
        if why:
            report.reject(record.where, f"schedule: {why}", record.id)
        elif record.values.get("count") is not None and record.values.get("until") is not None:
            report.note(  # the official example does this; the count is what counts
                record.where,
                "schedule: both count and until are given, which RFC 5545 does not allow; "
                "both are kept, and the count decides when it ends",
                record.id,
            )
