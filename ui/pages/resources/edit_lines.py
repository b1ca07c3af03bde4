"""Phones and hours as lines of text in the edit form, and back, losing nothing on the way.

A phone line is `[Type:] number[; extension[; note]]` ("Fax: 508 555 0101; ; intake"); an
hours line is `DAYS OPENS-CLOSES[; note]` ("MO,TU 08:00-16:00; Women only"); an hours note
line is the note alone ("By appointment only – call first"). A line left exactly as it was
shown comes back exactly as it was read, whatever the form could not spell out; a changed
line keeps the record it was shown for (matched by text, then by number, then by order).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from desk.directory.editing import HoursInput, PhoneInput
from desk.validation import display_phone

# HSDS phone types (RFC 6350) as typed before the number, and as shown there.
PHONE_TYPE_WORDS = {
    "voice": "voice",
    "call": "voice",
    "phone": "voice",
    "fax": "fax",
    "text": "text",
    "sms": "text",
    "cell": "cell",
    "mobile": "cell",
    "tty": "textphone",
    "textphone": "textphone",
    "video": "video",
    "pager": "pager",
}
PHONE_TYPE_PREFIXES = {
    "fax": "Fax",
    "text": "Text",
    "cell": "Cell",
    "textphone": "TTY",
    "video": "Video",
    "pager": "Pager",
}
_TYPE_PREFIX = re.compile(r"^(?P<type>[^\d+(:;]+?)\s*:\s*(?P<rest>.*)$")

Item = TypeVar("Item")


def _is_voice(type_: str) -> bool:
    return type_.strip().lower() in ("", "voice")


def phone_line(phone: PhoneInput) -> str:
    prefix = ""
    if not _is_voice(phone.type):
        prefix = PHONE_TYPE_PREFIXES.get(phone.type.strip().lower(), phone.type.strip()) + ": "
    # As people read it, "(508) 555-0104"; saved unchanged, it stays exactly as stored.
    parts = [display_phone(phone.number), phone.extension, " ".join(phone.description.split())]
    while parts and not parts[-1]:
        parts.pop()
    return prefix + "; ".join(parts)


def hours_line(hours: HoursInput) -> str:
    text = f"{hours.days} {hours.opens}-{hours.closes}"
    note = " ".join(hours.description.split())
    return f"{text}; {note}" if note else text


def note_line(hours: HoursInput) -> str:
    return " ".join(hours.description.split())


def _parse_phone(line: str) -> PhoneInput:
    parts = [part.strip() for part in line.split(";")]
    type_ = ""
    match = _TYPE_PREFIX.match(parts[0])
    if match:
        typed = match.group("type").strip()
        type_ = PHONE_TYPE_WORDS.get(typed.lower(), typed)
        parts[0] = match.group("rest").strip()
    return PhoneInput(
        parts[0], parts[1] if len(parts) > 1 else "", type_, "; ".join(parts[2:]).strip()
    )


def _parse_hours(line: str) -> HoursInput:
    rule, _, note = line.partition(";")
    days, _, span = rule.strip().partition(" ")
    opens, _, closes = span.strip().replace("–", "-").partition("-")
    return HoursInput(days, opens.strip(), closes.strip(), note.strip())


def _matched(
    lines: Sequence[str],
    shown: Sequence[Item],
    show: Callable[[Item], str],
    same: Callable[[str, Item], bool] | None = None,
) -> list[Item | None]:
    """For each non-empty line, the item it was shown for: same text, then `same`, then order."""
    free = list(range(len(shown)))
    found: list[Item | None] = [None] * len(lines)
    tests: list[Callable[[str, Item], bool]] = [lambda line, item: line == show(item)]
    if same is not None:
        tests.append(same)
    tests.append(lambda _line, _item: True)
    for test in tests:
        for position, line in enumerate(lines):
            if found[position] is not None:
                continue
            chosen = next((i for i in free if test(line, shown[i])), None)
            if chosen is not None:
                free.remove(chosen)
                found[position] = shown[chosen]
    return found


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def phones_from_text(text: str, shown: Sequence[PhoneInput]) -> tuple[PhoneInput, ...]:
    lines = _lines(text)
    originals = _matched(
        lines,
        shown,
        phone_line,
        lambda line, item: (
            bool(_digits(item.number))
            and _digits(_parse_phone(line).number)[-10:] == _digits(item.number)[-10:]
        ),
    )
    phones = []
    for line, original in zip(lines, originals, strict=True):
        if original is not None and line == phone_line(original):
            phones.append(original)
            continue
        typed = _parse_phone(line)
        type_ = typed.type
        if not type_:  # no type written: a voice line, or as it was when that was unsaid
            type_ = original.type if original is not None and _is_voice(original.type) else "voice"
        phones.append(replace(typed, type=type_, id=original.id if original is not None else None))
    return tuple(phones)


def hours_from_text(
    text: str, notes_text: str, shown: Sequence[HoursInput]
) -> tuple[HoursInput, ...]:
    hours = []
    for lines, kind, show, parse in (
        (_lines(text), [h for h in shown if not h.is_note], hours_line, _parse_hours),
        (_lines(notes_text), [h for h in shown if h.is_note], note_line, None),
    ):
        for line, original in zip(lines, _matched(lines, kind, show), strict=True):
            if original is not None and line == show(original):
                hours.append(original)
                continue
            typed = parse(line) if parse is not None else HoursInput("", "", "", line)
            hours.append(replace(typed, id=original.id if original is not None else None))
    return tuple(hours)
