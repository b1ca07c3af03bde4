"""Reading hours as centers write them in spreadsheets: "Mon-Fri 8am-4pm; Sat 9-12", "24/7".

Returns weekly rules (days, opens, closes). Text it cannot read is kept as a note by the
caller; a time that cannot exist (25:00, 13 pm) is an error, because it is surely a typo.
"""

from __future__ import annotations

import re
from datetime import time

from desk.directory.text_match import fold
from desk.errors import ValidationError

ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"
_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_WORDS = {
    "mo": 0, "mon": 0, "monday": 0, "m": 0,
    "tu": 1, "tue": 1, "tues": 1, "tuesday": 1,
    "we": 2, "wed": 2, "weds": 2, "wednesday": 2, "w": 2,
    "th": 3, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fr": 4, "fri": 4, "friday": 4, "f": 4,
    "sa": 5, "sat": 5, "saturday": 5,
    "su": 6, "sun": 6, "sunday": 6,
}  # fmt: skip
_GROUPS = {
    "daily": range(7), "everyday": range(7), "every day": range(7), "7 days": range(7),
    "weekdays": range(5), "weekends": range(5, 7), "weekend": range(5, 7),
}  # fmt: skip
_TIME = r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|a|p)?|noon|midnight)"
_RANGE = re.compile(rf"(?P<start>{_TIME})\s*(?:-|to|until)\s*(?P<end>{_TIME})")
_DAYS_TEXT = r"[a-z0-9 ,&/.+-]*?"
_SEGMENT = re.compile(rf"(?P<days>{_DAYS_TEXT})\s*:?\s*{_RANGE.pattern}")
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|a|p)?$")


class HoursNotUnderstood(ValueError):
    pass


def _clock(text: str) -> tuple[int, int, str | None]:
    text = text.strip()
    if text == "noon":
        return 12, 0, "p"
    if text == "midnight":
        return 0, 0, "a"
    match = _CLOCK.match(text)
    if match is None:
        raise HoursNotUnderstood(text)
    half = match.group(3)[0] if match.group(3) else None
    return int(match.group(1)), int(match.group(2) or 0), half


def _to_time(hour: int, minute: int, half: str | None, original: str) -> time:
    if half is not None:
        if not 1 <= hour <= 12:
            raise ValidationError(f"“{original.strip()}” is not a time of day.")
        hour = hour % 12 + (12 if half == "p" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValidationError(f"“{original.strip()}” is not a time of day.")
    return time(hour, minute)


def _range(start_text: str, end_text: str) -> tuple[time, time]:
    sh, sm, shalf = _clock(start_text)
    eh, em, ehalf = _clock(end_text)
    if ehalf is None and shalf is None and eh <= 12 and sh <= 12 and (eh, em) < (sh, sm):
        ehalf = "p"  # "9-5" is nine to five, not an overnight shift
        shalf = "a" if sh != 12 else "p"
    if shalf is None and ehalf is not None:
        candidate = _to_time(sh, sm, ehalf, start_text) if 1 <= sh <= 12 else None
        end = _to_time(eh, em, ehalf, end_text)
        if candidate is not None and candidate < end:
            return candidate, end
        shalf = "a" if 1 <= sh <= 12 else None
    return _to_time(sh, sm, shalf, start_text), _to_time(eh, em, ehalf, end_text)


def _days(text: str) -> list[int]:
    text = text.strip(" :,;.").replace("–", "-")
    if not text:
        return []
    for phrase, days in _GROUPS.items():
        if text == phrase:
            return list(days)
    if text in ("m-f", "mon-fri"):
        return list(range(5))
    days: list[int] = []
    for part in re.split(r"\s*(?:,|&|/|\+|\band\b)\s*", text):
        if not part:
            continue
        span = re.split(r"\s*(?:-|\bto\b|\bthrough\b|\bthru\b)\s*", part)
        if len(span) == 2 and span[0].strip(".") in _DAY_WORDS and span[1].strip(".") in _DAY_WORDS:
            first, last = _DAY_WORDS[span[0].strip(".")], _DAY_WORDS[span[1].strip(".")]
            days.extend(
                range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)]
            )
        elif part.strip(".") in _DAY_WORDS:
            days.append(_DAY_WORDS[part.strip(".")])
        elif part in _GROUPS:
            days.extend(_GROUPS[part])
        else:
            raise HoursNotUnderstood(part)
    return days


def parse_hours_text(text: str) -> list[tuple[str, time, time]]:
    """[(byday, opens, closes)]; HoursNotUnderstood or ValidationError when it cannot."""
    value = fold(text).replace("–", "-").replace("—", "-").strip()
    if not value:
        return []
    if re.search(r"\b24\s*/\s*7\b|\b24\s*(?:hours|hrs|h)\b|around the clock", value):
        return [(ALL_DAYS, time(0, 0), time(23, 59))]
    rules: list[tuple[str, time, time]] = []
    consumed = 0
    for part in re.split(r"\s*[;\n]\s*", value):
        if not part:
            continue
        matches = list(_SEGMENT.finditer(part))
        if not matches:
            raise HoursNotUnderstood(part)
        for match in matches:
            days = _days(match.group("days"))
            if not days:
                raise HoursNotUnderstood(part)
            opens, closes = _range(match.group("start"), match.group("end"))
            if opens == closes:
                raise ValidationError(
                    f"“{match.group(0).strip()}” opens and closes at the same time."
                )
            byday = ",".join(_CODES[d] for d in sorted(set(days)))
            rules.append((byday, opens, closes))
            consumed += 1
    if not consumed:
        raise HoursNotUnderstood(value)
    return rules
