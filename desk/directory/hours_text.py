"""Opening hours in plain words, in English or Spanish: "Mon–Fri 8 am–4 pm; Sat 9 am–1 pm".

Used on screen and on printed referral sheets. Rules that repeat every week are grouped by
their hours; monthly and every-other-week rules are spelled out ("1st Mon of the month").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from desk.directory.opening import OpenState, OpenStatus
from desk.directory.schedules import ScheduleRule

LANGUAGES = ("en", "es")

_DAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "es": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
}
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
}
_ORDINALS = {
    "en": {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last", -2: "2nd-to-last"},
    "es": {1: "1.er", 2: "2.º", 3: "3.er", 4: "4.º", 5: "5.º", -1: "último", -2: "penúltimo"},
}
_WORDS = {
    "en": {
        "every_day": "Every day",
        "all_day": "24 hours",
        "always": "Open 24 hours, every day",
        "of_month": "of the month",
        "day_of_month": "on day {days} of the month",
        "every_n_weeks": "every {n} weeks on",
        "monthly": "Monthly",
        "from": "from {date}",
        "until": "until {date}",
        "noon": "noon",
        "midnight": "midnight",
        "no_hours": "Call for hours",
        "and": "&",
        "open_until": "Open until {time}",
        "open_always": "Open 24 hours",
        "closed_opens": "Closed · opens {when}",
        "closed": "Closed",
        "status_closed": "Closed ({status})",
        "today": "today",
        "tomorrow": "tomorrow",
    },
    "es": {
        "every_day": "Todos los días",
        "all_day": "24 horas",
        "always": "Abierto las 24 horas, todos los días",
        "of_month": "del mes",
        "day_of_month": "el día {days} de cada mes",
        "every_n_weeks": "cada {n} semanas:",
        "monthly": "Cada mes",
        "from": "desde el {date}",
        "until": "hasta el {date}",
        "noon": "mediodía",
        "midnight": "medianoche",
        "no_hours": "Llame para saber el horario",
        "and": "y",
        "open_until": "Abierto hasta {time}",
        "open_always": "Abierto 24 horas",
        "closed_opens": "Cerrado · abre {when}",
        "closed": "Cerrado",
        "status_closed": "Cerrado ({status})",
        "today": "hoy",
        "tomorrow": "mañana",
    },
}
_STATUS_WORDS = {
    "en": {"temporarily closed": "temporarily", "inactive": "inactive", "defunct": "for good"},
    "es": {"temporarily closed": "temporalmente", "inactive": "inactivo", "defunct": "definitivo"},
}


def _check(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"hours are written in {', '.join(LANGUAGES)}, not {language!r}")
    return language


def clock_text(minutes: int, language: str = "en") -> str:
    """540 -> "9 am" / "9 a. m."; 750 -> "12:30 pm"; 720 -> "noon"."""
    words = _WORDS[_check(language)]
    minutes %= 24 * 60
    if minutes == 0:
        return words["midnight"]
    if minutes == 12 * 60:
        return words["noon"]
    hour, minute = divmod(minutes, 60)
    suffix = ("am", "pm") if language == "en" else ("a. m.", "p. m.")
    shown = hour % 12 or 12
    text = f"{shown}" if minute == 0 else f"{shown}:{minute:02d}"
    return f"{text} {suffix[hour >= 12]}"


def _span_text(rule: ScheduleRule, language: str) -> str:
    if rule.is_all_day:
        return _WORDS[language]["all_day"]
    closes = 0 if rule.closes >= 23 * 60 + 59 else rule.closes
    return f"{clock_text(rule.opens, language)}–{clock_text(closes, language)}"


def weekday_list_text(weekdays: Sequence[int], language: str = "en") -> str:
    """[0,1,2,3,4] -> "Mon–Fri"; [0,2,4] -> "Mon, Wed, Fri"; all seven -> "Every day"."""
    _check(language)
    days = sorted(set(weekdays))
    if len(days) == 7:
        return _WORDS[language]["every_day"]
    names = _DAYS[language]
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            parts.extend(names[day] for day in run)
    if len(parts) == 2 and all(len(run) == 1 for run in runs):
        return f"{parts[0]} {_WORDS[language]['and']} {parts[1]}"
    return ", ".join(parts)


def date_text(day: date, language: str = "en") -> str:
    month = _MONTHS[_check(language)][day.month - 1]
    return f"{month} {day.day}, {day.year}" if language == "en" else f"{day.day} {month} {day.year}"


def _calendar_rule_text(rule: ScheduleRule, language: str) -> str:
    words = _WORDS[language]
    names = _DAYS[language]
    if rule.freq == "MONTHLY" or any(ordinal for ordinal, _ in rule.byday):
        if rule.bymonthday:
            days = ", ".join(str(day) for day in rule.bymonthday)
            return words["day_of_month"].format(days=days)
        parts = []
        for ordinal, weekday in rule.byday:
            ordinal_text = _ORDINALS[language].get(ordinal or 1, str(ordinal))
            parts.append(f"{ordinal_text} {names[weekday]}")
        if not parts:
            return words["monthly"]
        return f"{', '.join(parts)} {words['of_month']}"
    days = weekday_list_text(sorted(rule.weekdays), language)
    if rule.interval > 1:
        return f"{words['every_n_weeks'].format(n=rule.interval)} {days}"
    return days


def _validity_text(rule: ScheduleRule, language: str) -> str:
    words = _WORDS[language]
    parts = []
    if rule.valid_from:
        parts.append(words["from"].format(date=date_text(rule.valid_from, language)))
    end = rule.valid_to or rule.until
    if end:
        parts.append(words["until"].format(date=date_text(end, language)))
    return f" ({', '.join(parts)})" if parts else ""


def hours_text(rules: Sequence[ScheduleRule], language: str = "en") -> str:
    """All of a service's hours in one line, e.g. "Mon–Fri 8 am–4 pm; Sat 9 am–noon"."""
    words = _WORDS[_check(language)]
    timed = [rule for rule in rules if rule.has_hours]
    if not timed:
        notes = [rule.description for rule in rules if rule.description]
        return notes[0] if notes else words["no_hours"]
    # A note without times beside the hours ("Except holidays") is part of them.
    notes = [rule.description for rule in rules if rule.description and not rule.has_hours]
    weekly = [rule for rule in timed if rule.is_simple_weekly]
    if (
        len(weekly) == len(timed)
        and all(rule.is_all_day for rule in weekly)
        and not any(rule.valid_from or rule.valid_to for rule in weekly)
        and set().union(*(rule.weekdays for rule in weekly)) == set(range(7))
    ):
        return "; ".join([words["always"], *notes])
    groups: dict[tuple[str, str], set[int]] = {}
    for rule in weekly:
        key = (_span_text(rule, language), _validity_text(rule, language))
        groups.setdefault(key, set()).update(rule.weekdays)
    ordered = sorted(groups.items(), key=lambda item: (min(item[1]), item[0]))
    parts = [
        f"{weekday_list_text(sorted(days), language)} {span}{validity}"
        for (span, validity), days in ordered
    ]
    for rule in timed:
        if not rule.is_simple_weekly:
            parts.append(
                f"{_calendar_rule_text(rule, language)} {_span_text(rule, language)}"
                f"{_validity_text(rule, language)}"
            )
    return "; ".join(parts + notes)


def _when_text(moment: datetime, now: datetime, language: str, *, say_today: bool = True) -> str:
    words = _WORDS[language]
    days_away = (moment.date() - now.date()).days
    clock = clock_text(moment.hour * 60 + moment.minute, language)
    if days_away == 0:
        return f"{words['today']} {clock}" if say_today else clock
    if days_away == 1:
        return f"{words['tomorrow']} {clock}"
    if days_away < 7:
        return f"{_DAYS[language][moment.weekday()]} {clock}"
    return f"{date_text(moment.date(), language)} {clock}"


def open_status_text(
    status: OpenStatus, now: datetime, language: str = "en", *, service_status: str = ""
) -> str:
    """ "Open until 4 pm", "Open 24 hours", "Closed · opens Tue 9 am", "Closed (temporarily)"."""
    words = _WORDS[_check(language)]
    if status.state is OpenState.STATUS_CLOSED:
        reason = _STATUS_WORDS[language].get(service_status.strip().lower(), service_status)
        return words["status_closed"].format(status=reason)
    if status.state is OpenState.UNKNOWN:
        return words["no_hours"]
    if status.state is OpenState.OPEN:
        if status.around_the_clock or status.until is None:
            return words["open_always"]
        return words["open_until"].format(
            time=_when_text(status.until, now, language, say_today=False)
        )
    if status.next_opening is None:
        return words["closed"]
    return words["closed_opens"].format(when=_when_text(status.next_opening, now, language))
