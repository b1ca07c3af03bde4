"""A group's repeat rule as staff say it: "Every Tuesday", "The first Monday of the month",
"Every other Thursday", "Once, on Dec 4, 2026"; other rules are shown as written.

The words are a `Message` (desk/messages) under the "Groups" context, so the screens say them
in the staff member's language. Day names come twice: "Tuesday" after "every" ("Weekdays":
"martes", "sábados" in Spanish) and after an ordinal ("Weekday": "sábado").
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Any

from desk.groups.recurrence import BYDAY_PATTERN, DAY_CODES, Rule, parse_rule, until_of
from desk.messages import QT_TRANSLATE_NOOP, Message, in_a_list

CONTEXT = "Groups"

EVERY_DAY_NAMES = {  # after "every": plural in some languages
    "MO": QT_TRANSLATE_NOOP("Weekdays", "Monday"),
    "TU": QT_TRANSLATE_NOOP("Weekdays", "Tuesday"),
    "WE": QT_TRANSLATE_NOOP("Weekdays", "Wednesday"),
    "TH": QT_TRANSLATE_NOOP("Weekdays", "Thursday"),
    "FR": QT_TRANSLATE_NOOP("Weekdays", "Friday"),
    "SA": QT_TRANSLATE_NOOP("Weekdays", "Saturday"),
    "SU": QT_TRANSLATE_NOOP("Weekdays", "Sunday"),
}
ONE_DAY_NAMES = {  # after an ordinal: "the first Monday"
    "MO": QT_TRANSLATE_NOOP("Weekday", "Monday"),
    "TU": QT_TRANSLATE_NOOP("Weekday", "Tuesday"),
    "WE": QT_TRANSLATE_NOOP("Weekday", "Wednesday"),
    "TH": QT_TRANSLATE_NOOP("Weekday", "Thursday"),
    "FR": QT_TRANSLATE_NOOP("Weekday", "Friday"),
    "SA": QT_TRANSLATE_NOOP("Weekday", "Saturday"),
    "SU": QT_TRANSLATE_NOOP("Weekday", "Sunday"),
}
ORDINALS = {
    1: QT_TRANSLATE_NOOP("Groups", "first"),
    2: QT_TRANSLATE_NOOP("Groups", "second"),
    3: QT_TRANSLATE_NOOP("Groups", "third"),
    4: QT_TRANSLATE_NOOP("Groups", "fourth"),
    5: QT_TRANSLATE_NOOP("Groups", "fifth"),
    -1: QT_TRANSLATE_NOOP("Groups", "last"),
    -2: QT_TRANSLATE_NOOP("Groups", "second-to-last"),
}
Said = str | Message


def _say(template: str, context: str = CONTEXT, **arguments: Any) -> Message:
    return Message("groups.rule", template, MappingProxyType(arguments), context)


def _days(codes: list[str], names: dict[str, str], context: str) -> Said:
    return in_a_list([_say(names[code], context) for code in sorted(codes, key=DAY_CODES.index)])


def rule_words(text: str, starts_on: date) -> Message:
    rule = parse_rule(text)
    if rule is None:
        return _say(
            QT_TRANSLATE_NOOP("Groups", "Once, on {on:%b} {day}, {year}"),
            on=starts_on,
            day=starts_on.day,
            year=starts_on.year,
        )
    words = _words(rule, starts_on)
    until = until_of(rule)
    if until is not None:
        return _say(
            QT_TRANSLATE_NOOP("Groups", "{words}, until {until:%b} {day}, {year}"),
            words=words,
            until=until.date(),
            day=until.day,
            year=until.year,
        )
    if rule.get("COUNT"):
        return _say(
            QT_TRANSLATE_NOOP("Groups", "{words}, {count} times"),
            words=words,
            count=rule.get("COUNT"),
        )
    return words


def _words(rule: Rule, starts_on: date) -> Message:
    frequency, every = rule.get("FREQ"), int(rule.get("INTERVAL") or 1)
    days = rule.values("BYDAY")
    simple = all(rule.get(n) is None for n in ("BYMONTH", "BYMONTHDAY", "BYSETPOS"))
    if frequency in ("DAILY", "WEEKLY") and simple:
        if frequency == "WEEKLY" and not days:
            days = [DAY_CODES[starts_on.weekday()]]
        if not days and every == 1:
            return _say(QT_TRANSLATE_NOOP("Groups", "Every day"))
        if days:
            if list(days) == list(DAY_CODES[:5]):
                named: Said = _say(QT_TRANSLATE_NOOP("Groups", "weekday"))
            else:
                named = _days(list(days), EVERY_DAY_NAMES, "Weekdays")
            if every == 1:
                return _say(QT_TRANSLATE_NOOP("Groups", "Every {days}"), days=named)
            if every == 2 and frequency == "WEEKLY":
                return _say(QT_TRANSLATE_NOOP("Groups", "Every other {days}"), days=named)
            if frequency == "WEEKLY":
                return _say(
                    QT_TRANSLATE_NOOP("Groups", "Every {every} weeks on {days}"),
                    every=every,
                    days=named,
                )
            return _say(
                QT_TRANSLATE_NOOP("Groups", "Every {every} days on {days}"), every=every, days=named
            )
        return _say(QT_TRANSLATE_NOOP("Groups", "Every {every} days"), every=every)
    if frequency == "MONTHLY" and simple and days:
        numbered = [BYDAY_PATTERN.match(d) for d in days]
        if all(m is not None and m.group(1) for m in numbered):
            weekdays = {m.group(2) for m in numbered if m}
            nths = sorted((int(m.group(1)) for m in numbered if m), key=lambda n: (n < 0, n))
            if len(weekdays) == 1 and all(n in ORDINALS for n in nths):
                which = in_a_list([_say(ORDINALS[n]) for n in nths])
                day = _say(ONE_DAY_NAMES[weekdays.pop()], "Weekday")
                if every == 1:
                    return _say(
                        QT_TRANSLATE_NOOP("Groups", "The {which} {day} of the month"),
                        which=which,
                        day=day,
                    )
                return _say(
                    QT_TRANSLATE_NOOP("Groups", "The {which} {day} of every {every} months"),
                    which=which,
                    day=day,
                    every=every,
                )
    if frequency == "MONTHLY" and rule.get("BYMONTHDAY") and not days and every == 1:
        numbers = [int(n) for n in rule.values("BYMONTHDAY")]
        if all(n > 0 for n in numbers):
            return _say(
                QT_TRANSLATE_NOOP("Groups", "Every month on day {days}"),
                days=in_a_list([str(n) for n in sorted(numbers)]),
            )
    return _say(QT_TRANSLATE_NOOP("Groups", "Repeats: {rule}"), rule=rule.text)
