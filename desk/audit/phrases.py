"""The pieces the activity log's sentences are made of: lists ("a, b and c"), counts
("3 services"), quoted values, whose record, and small readers of an event's details.

Each returns words (a name, as it is) or a Message to be translated (desk/messages); see
desk/audit/wording.py for how the sentences are put together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desk.audit.entry import AuditEntry
from desk.audit.facts import EventFacts
from desk.audit.vocabulary import ANONYMOUS, PERSON_FIELDS, say
from desk.messages import QT_TRANSLATE_NOOP, Message, in_a_list

Words = Callable[[AuditEntry, EventFacts], Message]
Said = str | Message


def joined(items: list[Said]) -> Said:
    """ "a, b and c", in the reader's language."""
    return in_a_list(items)


def fields(names: Any, table: dict[str, str] = PERSON_FIELDS) -> Said:
    words: list[Said] = [
        say(table[str(name)]) if str(name) in table else str(name).replace("_", " ")
        for name in names or ()
    ]
    return joined(words) or say(QT_TRANSLATE_NOOP("Activity", "nothing"))


def quoted(value: Any) -> Said:
    if value is None or value == "":
        return say(QT_TRANSLATE_NOOP("Activity", "(empty)"))
    return f"“{value}”" if isinstance(value, str) else str(value)


def record(number: object) -> Message:
    if number in (None, ""):
        return say(QT_TRANSLATE_NOOP("Activity", "another record"))
    return say(QT_TRANSLATE_NOOP("Activity", "record #{number}"), number=number)


def optional(e: AuditEntry, key: str, template: str) -> Said:
    """`template` (with {value}) filled with the event's `key`, or nothing when it has none."""
    value = e.detail.get(key)
    return "" if value in (None, "") else say(template, value=value)


def counted(count: int, one: str, many: str) -> Message:
    return say(one if count == 1 else many, count=count)


def services(count: int) -> Message:
    return counted(
        count,
        QT_TRANSLATE_NOOP("Activity", "{count} service"),
        QT_TRANSLATE_NOOP("Activity", "{count} services"),
    )


def people(count: int) -> Message:
    return counted(
        count,
        QT_TRANSLATE_NOOP("Activity", "{count} person"),
        QT_TRANSLATE_NOOP("Activity", "{count} people"),
    )


def visits(count: int) -> Message:
    return counted(
        count,
        QT_TRANSLATE_NOOP("Activity", "{count} visit"),
        QT_TRANSLATE_NOOP("Activity", "{count} visits"),
    )


def why(e: AuditEntry) -> Said:
    return quoted(e.detail.get("reason"))


def anonymous_or(e: AuditEntry, f: EventFacts) -> Said:
    return say(ANONYMOUS) if e.person_id is None else f.person(e.person_id)


def meeting(e: AuditEntry) -> Said:
    name = e.detail.get("group")
    group = f"“{name}”" if name else say(QT_TRANSLATE_NOOP("Activity", "a group"))
    day = e.detail.get("day")
    if not day:
        return group
    return say(QT_TRANSLATE_NOOP("Activity", "{group} on {day}"), group=group, day=day)


def for_whom(e: AuditEntry, f: EventFacts) -> Said:
    if e.person_id is None:
        return ""
    return say(QT_TRANSLATE_NOOP("Activity", " for {person}"), person=f.person(e.person_id))


def period(e: AuditEntry) -> Said:
    first, last = e.detail.get("first"), e.detail.get("last")
    if not first:
        return say(QT_TRANSLATE_NOOP("Activity", "a period"))
    if first == last:
        return str(first)
    return say(QT_TRANSLATE_NOOP("Activity", "{first} to {last}"), first=first, last=last)


def station(e: AuditEntry) -> Said:
    return e.station or say(QT_TRANSLATE_NOOP("Activity", "a station"))


def tag(e: AuditEntry, f: EventFacts) -> Said:
    return quoted(f.tags.get(e.entity_id or "", e.entity_id))


def service(e: AuditEntry, f: EventFacts) -> Said:
    return quoted(f.services.get(e.entity_id or "", e.entity_id))


def sentence(template: str, **pieces: Callable[[AuditEntry, EventFacts], Any]) -> Words:
    """An event whose words are `template` with each piece worked out from the event."""

    def words(e: AuditEntry, f: EventFacts) -> Message:
        return say(template, **{name: piece(e, f) for name, piece in pieces.items()})

    return words


def person(e: AuditEntry, f: EventFacts) -> Said:
    return f.person(e.person_id)


def detail_staff(key: str) -> Callable[[AuditEntry, EventFacts], Said]:
    return lambda e, f: f.staff_name(e.detail.get(key))


def entity_staff(e: AuditEntry, f: EventFacts) -> Said:
    return f.staff_name(e.entity_id)


def detail_fields(key: str = "fields", table: dict[str, str] | None = None):
    return lambda e, f: fields(e.detail.get(key), PERSON_FIELDS if table is None else table)


def detail(key: str, default: Any = ""):
    return lambda e, f: e.detail.get(key, default)


def listed(key: str) -> Callable[[AuditEntry, EventFacts], Message]:
    return lambda e, f: people(len(e.detail.get(key, [])))


def optional_piece(key: str, template: str):
    return lambda e, f: optional(e, key, template)


def mode(e: AuditEntry, f: EventFacts) -> str:
    return str(e.detail.get("mode", "")).replace("_", " ")
