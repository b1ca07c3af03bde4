"""How a group repeats: an iCalendar RRULE (RFC 5545), read and expanded by python-dateutil.

Rules are kept as text ("FREQ=WEEKLY;BYDAY=TU", "FREQ=MONTHLY;BYDAY=1MO") from the group's
first date and start time, in the center's wall-clock time. Staff choose them from the form
("every Tuesday", "the first Monday of the month") or type one; either way it is checked here:

- only the parts a center's week needs are accepted (no hourly rules, no week numbers);
- a rule that can never fall on a date ("every 30th of February") is refused in words.

The second needs care: dateutil looks for the next date one period at a time and, when none
can ever come, only stops at the year 9999 (seconds of work for a daily rule). So the check
asks dateutil on the same rule moved 7,600 years ahead (19 whole Gregorian cycles of 400 years:
the same weekdays on the same dates), where the year 9999 is a few centuries away: an
impossible rule is known as such in a fraction of a second, and a possible one gives its first
date, moved back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from desk.errors import ValidationError
from desk.messages import Message
from desk.messages.groups import (
    BYDAY_IS_NOT_DAY,
    BYDAY_NUMBERED_DAY_FIRST_MONDAY,
    BYDAY_THERE_IS_NO_SUCH,
    BYSETPOS_LAST_WEEKDAY_SAY_NEEDS,
    CHECK_DAYS_AND_MONTHS_IT,
    CHECK_DAYS_AND_MONTHS_IT_2,
    CHECK_FIRST_DATE_AND_END,
    CHOOSE_AT_LEAST_ONE_DAY,
    CHOOSE_LATER_END_OR_EARLIER,
    CHOOSE_WHICH_WEEK_OF_MONTH,
    DATE_AFTER_IN_GROUP_SCHEDULE,
    FIRST_MEETING_BY_THIS_RULE,
    GROUP_MEETS_ON_DAYS_NOT,
    GROUP_RULE_CANNOT_USE,
    IS_GIVEN_TWICE_IN_RULE,
    IS_NOT_PART_OF_RULE,
    IS_NOT_WHOLE_NUMBER,
    IS_OUT_OF_RANGE_TO,
    MONTH,
    RULE_ENDS_EITHER_AFTER_NUMBER,
    RULE_ENDS_UNTIL_BEFORE_FIRST,
    RULE_NEEDS_FREQ_DAILY_WEEKLY,
    THIS_RULE_NEVER_FALLS_ON,
    UNTIL_IS_NOT_DATE_WRITTEN,
    USE_FREQ_INTERVAL_BYDAY_BYMONTHDAY,
    USE_MO_TU_WE_TH,
    WKST_IS_NOT_DAY_MO,
    YEAR,
)

PARTS = ("FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "COUNT", "UNTIL", "WKST")
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
LONGEST_INTERVAL = {"DAILY": 31, "WEEKLY": 12, "MONTHLY": 12, "YEARLY": 4}
MOST_MEETINGS = 1000  # COUNT
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
BYDAY_PATTERN = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_UNTIL = re.compile(r"^(\d{8})(T\d{6}Z?)?$")
CYCLE_YEARS = 7600  # 19 × 400: the Gregorian calendar repeats exactly every 400 years
LAST_YEAR = 2199  # dates beyond are typing slips (and must stay below 9999 - 7600)
FIRST_MEETING_WITHIN_DAYS = 5 * 366  # a first meeting years away is a slip of the rule


def _refuse(message: Message, hint: Message | str = "") -> ValidationError:
    return ValidationError(message, field="rule", hint=hint)


@dataclass(frozen=True)
class Rule:
    """A checked rule: its parts by name, in the order RFC 5545 writes them."""

    parts: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return ";".join(f"{name}={value}" for name, value in self.parts)

    def get(self, name: str) -> str | None:
        return dict(self.parts).get(name)

    def values(self, name: str) -> list[str]:
        found = self.get(name)
        return found.split(",") if found else []


def parse_rule(text: str) -> Rule | None:
    """The rule in `text` checked part by part (None for "": a single meeting)."""
    cleaned = text.strip().upper()
    if cleaned.startswith("RRULE:"):
        cleaned = cleaned[len("RRULE:") :]
    if not cleaned:
        return None
    found: dict[str, str] = {}
    for piece in cleaned.split(";"):
        if not piece:
            continue
        name, equals, value = piece.partition("=")
        name, value = name.strip(), value.strip()
        if not equals or not value:
            raise _refuse(IS_NOT_PART_OF_RULE.with_(piece=piece))
        if name not in PARTS:
            raise _refuse(
                GROUP_RULE_CANNOT_USE.with_(name=name),
                hint=USE_FREQ_INTERVAL_BYDAY_BYMONTHDAY,
            )
        if name in found:
            raise _refuse(IS_GIVEN_TWICE_IN_RULE.with_(name=name))
        found[name] = value
    frequency = found.get("FREQ")
    if frequency not in FREQUENCIES:
        raise _refuse(
            RULE_NEEDS_FREQ_DAILY_WEEKLY,
            hint=GROUP_MEETS_ON_DAYS_NOT,
        )
    _check_numbers(found, frequency)
    if "COUNT" in found and "UNTIL" in found:
        raise _refuse(RULE_ENDS_EITHER_AFTER_NUMBER)
    return Rule(tuple((name, found[name]) for name in PARTS if name in found))


def _numbers(value: str, name: str, low: int, high: int, *, zero: bool = False) -> list[int]:
    numbers = []
    for item in value.split(","):
        try:
            number = int(item)
        except ValueError:
            raise _refuse(IS_NOT_WHOLE_NUMBER.with_(name=name, value=value, item=item)) from None
        if not low <= number <= high or (number == 0 and not zero):
            raise _refuse(
                IS_OUT_OF_RANGE_TO.with_(name=name, value=value, item=item, low=low, high=high)
            )
        numbers.append(number)
    return numbers


def _check_numbers(found: dict[str, str], frequency: str) -> None:
    if "INTERVAL" in found:
        _numbers(found["INTERVAL"], "INTERVAL", 1, LONGEST_INTERVAL[frequency])
    if "COUNT" in found:
        _numbers(found["COUNT"], "COUNT", 1, MOST_MEETINGS)
    if "BYMONTH" in found:
        _numbers(found["BYMONTH"], "BYMONTH", 1, 12)
    if "BYMONTHDAY" in found:
        _numbers(found["BYMONTHDAY"], "BYMONTHDAY", -31, 31)
    if "BYSETPOS" in found:
        if frequency not in ("MONTHLY", "YEARLY"):
            raise _refuse(BYSETPOS_LAST_WEEKDAY_SAY_NEEDS)
        _numbers(found["BYSETPOS"], "BYSETPOS", -31, 31)
    if "WKST" in found and found["WKST"] not in DAY_CODES:
        raise _refuse(WKST_IS_NOT_DAY_MO.with_(wkst=found["WKST"]))
    if "UNTIL" in found and not _UNTIL.match(found["UNTIL"]):
        raise _refuse(UNTIL_IS_NOT_DATE_WRITTEN.with_(until=found["UNTIL"]))
    for item in found.get("BYDAY", "").split(",") if "BYDAY" in found else ():
        match = BYDAY_PATTERN.match(item)
        if match is None:
            raise _refuse(
                BYDAY_IS_NOT_DAY.with_(item=item),
                hint=USE_MO_TU_WE_TH,
            )
        if match.group(1) is None:
            continue
        nth = int(match.group(1))
        if frequency in ("DAILY", "WEEKLY"):
            raise _refuse(BYDAY_NUMBERED_DAY_FIRST_MONDAY.with_(item=item))
        in_month = frequency == "MONTHLY" or "BYMONTH" in found
        if nth == 0 or abs(nth) > (5 if in_month else 53):
            where = MONTH if in_month else YEAR
            raise _refuse(BYDAY_THERE_IS_NO_SUCH.with_(item=item, where=where))


def until_of(rule: Rule) -> datetime | None:
    value = rule.get("UNTIL")
    if value is None:
        return None
    day = datetime.strptime(value[:8], "%Y%m%d")
    return datetime.combine(day.date(), time(23, 59, 59))


@lru_cache(maxsize=512)
def _dateutil_rule(text: str, starts_on: date, starts_at: time, shift_years: int = 0) -> rrule:
    """dateutil's rule for `text` from `starts_on` (moved `shift_years` ahead), ending at the
    end of its UNTIL day (dateutil compares UNTIL with the meetings' start times)."""
    rule = parse_rule(text)
    assert rule is not None
    without_until = ";".join(f"{n}={v}" for n, v in rule.parts if n != "UNTIL")
    start = datetime.combine(starts_on.replace(year=starts_on.year + shift_years), starts_at)
    parsed = rrulestr(without_until, dtstart=start)
    until = until_of(rule)
    if until is not None:
        parsed = parsed.replace(until=until.replace(year=until.year + shift_years))
    return parsed


def _moved(day: date, years: int) -> date:
    return day.replace(year=day.year + years)


def first_meeting(text: str, starts_on: date, starts_at: time) -> date:
    """The first date the rule meets, on or after `starts_on`; a rule that never meets (or
    not for years) is refused in words. A rule of "" meets once, on `starts_on`."""
    rule = parse_rule(text)
    if rule is None:
        return starts_on
    until = until_of(rule)
    if starts_on.year > LAST_YEAR or (until is not None and until.year > LAST_YEAR):
        raise _refuse(
            DATE_AFTER_IN_GROUP_SCHEDULE.with_(last_year=LAST_YEAR),
            hint=CHECK_FIRST_DATE_AND_END,
        )
    if until is not None and until.date() < starts_on:
        raise _refuse(
            RULE_ENDS_UNTIL_BEFORE_FIRST.with_(until=until, starts_on=starts_on),
            hint=CHOOSE_LATER_END_OR_EARLIER,
        )
    ahead = _dateutil_rule(rule.text, starts_on, starts_at, CYCLE_YEARS)
    found = ahead.after(datetime.combine(_moved(starts_on, CYCLE_YEARS), time.min), inc=True)
    if found is None:
        raise _refuse(
            THIS_RULE_NEVER_FALLS_ON,
            hint=CHECK_DAYS_AND_MONTHS_IT,
        )
    first = _moved(found.date(), -CYCLE_YEARS)
    if (first - starts_on).days > FIRST_MEETING_WITHIN_DAYS:
        raise _refuse(
            FIRST_MEETING_BY_THIS_RULE.with_(first=first),
            hint=CHECK_DAYS_AND_MONTHS_IT_2,
        )
    return first


def meeting_days(
    text: str, starts_on: date, starts_at: time, first: date, last: date
) -> tuple[date, ...]:
    """The dates from `first` to `last` (both included) on which the rule meets. The rule
    must have been checked by `first_meeting` when it was saved."""
    if last < first:
        return ()
    if parse_rule(text) is None:
        return (starts_on,) if first <= starts_on <= last else ()
    expanded = _dateutil_rule(text, starts_on, starts_at)
    found = expanded.between(
        datetime.combine(first, time.min), datetime.combine(last, time.max), inc=True
    )
    return tuple(moment.date() for moment in found)


def meets_on(text: str, starts_on: date, starts_at: time, day: date) -> bool:
    return day in meeting_days(text, starts_on, starts_at, day, day)


# Rules as the form builds them ------------------------------------------------------------


def weekly_rule(weekdays: list[int], every: int = 1) -> str:
    """Every week (or every `every` weeks) on these weekdays (0 is Monday)."""
    if not weekdays:
        raise _refuse(CHOOSE_AT_LEAST_ONE_DAY)
    days = ",".join(DAY_CODES[d] for d in sorted(set(weekdays)))
    interval = f";INTERVAL={every}" if every > 1 else ""
    return f"FREQ=WEEKLY{interval};BYDAY={days}"


def monthly_rule(nths: list[int], weekday: int) -> str:
    """The first (1), …, fifth (5) or last (-1) weekday of each month."""
    if not nths:
        raise _refuse(CHOOSE_WHICH_WEEK_OF_MONTH)
    return "FREQ=MONTHLY;BYDAY=" + ",".join(f"{n}{DAY_CODES[weekday]}" for n in sorted(nths))


def week_of(day: date) -> tuple[date, date]:
    """The Monday-to-Sunday week that holds `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)
