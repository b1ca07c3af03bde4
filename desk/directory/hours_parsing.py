"""Reading hours as centers write them in spreadsheets: "Mon-Fri 8am-4pm; Sat 9-12", "24/7",
"7pm-7am nightly", "M-F 8:30a-4:30p", "1st & 3rd Tuesdays 6-8pm", "Daily 9-5, closed Sundays".

The result is weekly (or monthly, for "1st Tuesday") rules, and a remark kept beside them
("except holidays", "by appointment"). What cannot be read for sure raises HoursNotUnderstood
with the reason in words, and the caller keeps the text as written: a guess that puts the
wrong hours on a printed sheet sends someone to a locked door. Two guesses are made, as
people read them: hours without am or pm are daytime ("9-5" is nine to five, "1-4" one to
four in the afternoon), and a closing hour without am or pm follows the opening ("noon-4"),
unless the opening is on a 24-hour clock ("15:00-9:00" closes at 09:00, not 21:00).
A window that runs past midnight from a morning start ("Mon 9am-03:00", eighteen hours) is
taken for a typo, not guessed. A time that cannot exist (25:00, 13 pm) is a ValidationError:
it is surely a typo, and the row is refused with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from itertools import pairwise

from desk.directory.text_match import fold
from desk.errors import ValidationError
from desk.messages.directory import IS_NOT_TIME_OF_DAY, OPENS_AND_CLOSES_AT_SAME

ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"
_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_WORDS = {
    "mo": 0, "mon": 0, "monday": 0, "m": 0,
    "tu": 1, "tue": 1, "tues": 1, "tuesday": 1,
    "we": 2, "wed": 2, "weds": 2, "wednesday": 2, "w": 2,
    "th": 3, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "r": 3,
    "fr": 4, "fri": 4, "friday": 4, "f": 4,
    "sa": 5, "sat": 5, "saturday": 5,
    "su": 6, "sun": 6, "sunday": 6,
}  # fmt: skip
_GROUPS = {
    "daily": range(7), "everyday": range(7), "nightly": range(7), "weekdays": range(5),
    "weekday": range(5), "weekends": range(5, 7), "weekend": range(5, 7),
}  # fmt: skip
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
# Words that say nothing about which days: "open", "from", "every", "of the month", ...
_FILLER = {
    "open", "opens", "from", "on", "at", "every", "each", "hours", "hrs", "hour", "of", "the",
    "month", "months", "week", "weekly", "is", "are", "we", "re", "and", "also", "only",
    "am", "pm", "by", "til", "all", "year", "round", "evenings", "mornings", "afternoons",
}  # fmt: skip
_COMPACT = re.compile(r"^(?:th|tu|sa|su|m|t|w|r|f)+$")  # "mwf", "tth", "mtwthf"
_COMPACT_PART = re.compile(r"th|tu|sa|su|m|t|w|r|f")
_COMPACT_DAYS = {"m": 0, "t": 1, "tu": 1, "w": 2, "th": 3, "r": 3, "f": 4, "sa": 5, "su": 6}
_CLOCK_TEXT = (
    r"(?:\bnoon\b|\bmidnight\b|(?<![\w:.])(?:\d{1,2}(?:[:.]\d{2})?|\d{4})(?![\d])"
    r"(?:\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|a|p)(?![a-z]))?)"
)
_RANGE = re.compile(
    rf"(?P<start>{_CLOCK_TEXT})\s*(?:-|\bto\b|\buntil\b|\btill\b|\btil\b)\s*(?P<end>{_CLOCK_TEXT})"
    r"|(?P<allday>\b24\s*(?:hours|hrs|hr|h)\b|\b24\s*/\s*7(?:\s*/\s*365)?|around the clock)"
)
_CLOCK = re.compile(
    r"^(?:(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?|(?P<military>\d{4}))"
    r"\s*(?P<half>a\.?\s?m\.?|p\.?\s?m\.?|a|p)?$"
)
_REMARKS = re.compile(
    r"\(?\b(?:except|closed(?: on)?)\s+(?:on\s+)?(?:all\s+|major\s+|federal\s+|public\s+|legal\s+)?"
    r"holidays\)?|\(?\b(?:by|with an?|call for an?) appointment(?: only)?\)?"
    r"|\(?\bappointments? (?:only|required|preferred)\)?|\(?\bcall (?:first|ahead)\)?"
    r"|\(?\bwalk-?ins? (?:welcome|accepted|ok)\)?"
)
_CLOSED = re.compile(r"\bclosed\s+(?:on\s+)?(?P<days>[a-z ,&/+-]+?)(?=$|[;.()]|\bopen\b|\d)")
_SEVEN_DAYS = re.compile(r"\b(?:7|seven) days(?: a| per| each)?(?: week)?\b|\bevery day\b")


class HoursNotUnderstood(ValueError):
    """Hours the desk will not guess at; the message says why, for the import report."""


@dataclass(frozen=True)
class HoursRule:
    byday: str  # "MO,TU,WE" (weekly) or "1TU,3TU" (monthly)
    opens: time
    closes: time
    freq: str = "WEEKLY"


@dataclass(frozen=True)
class ReadHours:
    rules: tuple[HoursRule, ...]
    remark: str | None = None  # kept beside the rules: "Except holidays"


@dataclass(frozen=True)
class _Clock:
    hour: int
    minute: int
    half: str | None  # "a", "p", or None when not written
    fixed: bool  # written as a 24-hour time (09:00, 15:00, 0900) or noon/midnight
    text: str


def _clock(text: str) -> _Clock:
    text = text.strip()
    if text == "noon":
        return _Clock(12, 0, "p", True, text)
    if text == "midnight":
        return _Clock(0, 0, "a", True, text)
    match = _CLOCK.match(text)
    if match is None:
        raise HoursNotUnderstood(f"“{text}” is not a time")
    if match["military"]:
        hour, minute = int(match["military"][:2]), int(match["military"][2:])
    else:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = match["half"][0] if match["half"] else None
    if half and not 1 <= hour <= 12:
        raise ValidationError(IS_NOT_TIME_OF_DAY.with_(text=text))
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValidationError(IS_NOT_TIME_OF_DAY.with_(text=text))
    fixed = half is None and (
        bool(match["military"]) or hour == 0 or hour >= 13 or match["hour"].startswith("0")
    )
    return _Clock(hour, minute, half, fixed, text)


def _as_time(clock: _Clock, half: str | None) -> time:
    if clock.fixed or half is None:
        return time(clock.hour, clock.minute)
    return time(clock.hour % 12 + (12 if half == "p" else 0), clock.minute)


def _daytime_half(clock: _Clock) -> str:
    """Hours people write without am or pm: 7-11 are morning, 12-6 afternoon."""
    return "a" if 7 <= clock.hour <= 11 else "p"


def _window(start_text: str, end_text: str) -> tuple[time, time]:
    start, end = _clock(start_text), _clock(end_text)
    if start.fixed or start.half:
        opens = _as_time(start, start.half)
    elif end.half and _as_time(start, end.half) < _as_time(end, end.half):
        opens = _as_time(start, end.half)  # "6-7:30pm", "11-1pm" (11 am)
    elif end.half:
        opens = _as_time(start, "a" if end.half == "p" else "p")  # "10-2pm": ten in the morning
    else:
        opens = _as_time(start, _daytime_half(start))
    if end.fixed or end.half:
        closes = _as_time(end, end.half)
    elif start.fixed and start.half is None:  # "15:00-9:00": both on a 24-hour clock
        closes = time(end.hour, end.minute)
    else:  # the first such hour after the opening: "noon-4" closes at 4 pm, "9-5" at 5 pm
        same = _as_time(end, "a" if opens.hour < 12 else "p")
        other = _as_time(end, "p" if opens.hour < 12 else "a")
        closes = same if same > opens else other
    if closes < opens and opens.hour < 12:
        hours = (24 * 60 - (opens.hour * 60 + opens.minute) + closes.hour * 60 + closes.minute) / 60
        raise HoursNotUnderstood(
            f"“{start_text}-{end_text}” would be open overnight, {hours:g} hours from "
            f"{opens:%H:%M} to {closes:%H:%M} the next day; if it closes in the afternoon, "
            f"write it as {closes.hour + 12}:{closes:%M} or {closes.hour}pm"
        )
    if closes == opens:
        raise ValidationError(
            OPENS_AND_CLOSES_AT_SAME.with_(start_text=start_text, end_text=end_text)
        )
    return opens, closes


def _tokens(text: str) -> list[str]:
    text = re.sub(r"\b(?:through|thru|to|till|until)\b", "-", text)
    text = re.sub(r"\band\b|[&+/,:()]", ",", text.replace(".", " "))
    text = re.sub(r"\b(\d)(?:st|nd|rd|th)\b", r"\1th", text)
    return re.findall(r"\dth|[a-z]+|-|,|\d+|\S", text)


def _day_word(token: str) -> int | None:
    if token in _DAY_WORDS:
        return _DAY_WORDS[token]
    if token.endswith("s") and token[:-1] in _DAY_WORDS and len(token) > 3:
        return _DAY_WORDS[token[:-1]]  # "tuesdays", "weds"
    return None


def _days(text: str) -> list[tuple[int | None, int]]:
    """(ordinal or None, weekday) for the days text before or after a time."""
    tokens = _tokens(text)
    days: list[tuple[int | None, int]] = []
    ordinals: list[int] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token in (",",) or token in _FILLER:
            continue
        ordinal = int(token[0]) if re.fullmatch(r"[1-5]th", token) else _ORDINALS.get(token)
        if ordinal is not None:
            ordinals.append(ordinal)
            continue
        if token in _GROUPS:
            days.extend((None, d) for d in _GROUPS[token])
            continue
        first = _day_word(token)
        if first is None and len(token) >= 2 and _COMPACT.match(token):
            days.extend((None, _COMPACT_DAYS[p]) for p in _COMPACT_PART.findall(token))
            continue
        if first is None:
            raise HoursNotUnderstood(f"“{token}” is not a day or a time")
        if index + 1 < len(tokens) and tokens[index] == "-":
            last = _day_word(tokens[index + 1])
            if last is None:
                raise HoursNotUnderstood(f"“{token}-{tokens[index + 1]}” is not a run of days")
            index += 2
            span = (
                list(range(first, last + 1))
                if first <= last
                else [*range(first, 7), *range(last + 1)]
            )
            days.extend((None, d) for d in span)
            continue
        if ordinals:
            days.extend((o, first) for o in ordinals)
            ordinals = []
        else:
            days.append((None, first))
    if ordinals:
        raise HoursNotUnderstood("a week of the month is given without its day")
    return days


def _take_remarks(value: str) -> tuple[str, list[str]]:
    remarks = [m.group(0).strip("() ") for m in _REMARKS.finditer(value)]
    return _REMARKS.sub(" ", value), remarks


def _take_closed(value: str) -> tuple[str, set[int]]:
    closed: set[int] = set()
    for match in list(_CLOSED.finditer(value)):
        closed.update(weekday for _, weekday in _days(match["days"]))
    return _CLOSED.sub(" ", value), closed


def _blank(text: str) -> bool:
    return all(token in (",", "-") or token in _FILLER for token in _tokens(text))


def _segment_rules(segment: str) -> list[tuple[tuple[tuple[int | None, int], ...], time, time]]:
    matches = list(_RANGE.finditer(segment))
    if not matches:
        if _blank(segment):
            return []
        raise HoursNotUnderstood("no opening and closing time is given")
    gaps = [segment[: matches[0].start()]]
    gaps += [segment[a.end() : b.start()] for a, b in pairwise(matches)]
    gaps.append(segment[matches[-1].end() :])
    days_first = not _blank(gaps[0])
    if days_first and not _blank(gaps[-1]):
        raise HoursNotUnderstood(f"“{gaps[-1].strip(' ,')}” after the last time has no hours")
    if not days_first and len(matches) > 1 and not _blank(gaps[0]):
        raise HoursNotUnderstood(f"“{gaps[0].strip()}” is not a day or a time")
    rules = []
    previous: tuple[tuple[int | None, int], ...] = ()
    for position, match in enumerate(matches):
        text = gaps[position] if days_first else gaps[position + 1]
        days = tuple(_days(text))
        if not days and days_first and previous:
            days = previous  # "Mon-Fri 9-12 & 1-5"
        if match["allday"]:
            opens, closes = time(0, 0), time(23, 59)
            days = days or tuple((None, d) for d in range(7))
        else:
            opens, closes = _window(match["start"], match["end"])
        if not days:
            raise HoursNotUnderstood(f"“{match.group(0)}” names no days")
        rules.append((days, opens, closes))
        previous = days
    return rules


def parse_hours_text(text: str) -> ReadHours:
    """The rules and a remark; HoursNotUnderstood (why) or ValidationError (a bad time)."""
    value = re.sub(r"\s+", " ", fold(text).replace("—", "-")).strip()
    if not value:
        return ReadHours(())
    value = _SEVEN_DAYS.sub(" daily ", value)
    value = re.sub(r"\b(?:open|closes?|closing)\b(?=\s*\d)", " ", value)
    value, remarks = _take_remarks(value)
    value, closed = _take_closed(value)
    found: list[tuple[tuple[tuple[int | None, int], ...], time, time]] = []
    for segment in re.split(r"\s*[;\n|]\s*", value):
        if segment.strip():
            found.extend(_segment_rules(segment))
    if not found:
        if closed:
            raise HoursNotUnderstood("it says only when it is closed")
        if remarks:
            raise HoursNotUnderstood("it gives no times")
        raise HoursNotUnderstood("no opening and closing time is given")
    rules: list[HoursRule] = []
    for days, opens, closes in found:
        monthly = any(ordinal is not None for ordinal, _ in days)
        kept = sorted({(o or 0, d) for o, d in days if d not in closed or monthly}, key=_day_order)
        if not kept:
            continue
        byday = ",".join(f"{o or ''}{_CODES[d]}" for o, d in kept)
        rule = HoursRule(byday, opens, closes, "MONTHLY" if monthly else "WEEKLY")
        if rule not in rules:
            rules.append(rule)
    if not rules:
        raise HoursNotUnderstood("every day it names is also said to be closed")
    remark = "; ".join(dict.fromkeys(remarks)) or None
    return ReadHours(tuple(rules), remark[:1].upper() + remark[1:] if remark else None)


def _day_order(item: tuple[int, int]) -> tuple[int, int]:
    ordinal, day = item
    return (day, ordinal if ordinal > 0 else 10 - ordinal)
