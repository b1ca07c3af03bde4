"""Rows on their way in: one per HSDS record, with where it came from, and typed values.

Readers (CSV package, JSON) produce `RawRecord`s holding text or JSON values; `type_record`
turns each into Python values the models take, checking types, required fields and enums
against the specification. Fields the specification does not name go to `extra`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from desk.hsds.report import ImportReport
from desk.hsds.spec import TableSpec

MAX_ID_LENGTH = 64
_TIME = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


@dataclass
class RawRecord:
    table: str
    where: str
    values: dict[str, Any]  # HSDS field -> text (CSV) or JSON value
    extra: dict[str, Any] = field(default_factory=dict)  # fields HSDS does not name


@dataclass
class TypedRecord:
    table: str
    where: str
    id: str
    values: dict[str, Any]  # HSDS field -> Python value; only the fields the source gave
    extra: dict[str, Any]


class BadValue(ValueError):
    pass


def unstorable(value: Any, depth: int = 0) -> str | None:
    """Why a value cannot be stored the same on both engines, or None.

    PostgreSQL refuses a NUL character and a lone UTF-16 surrogate in text (SQLite keeps
    them), and JSON has no NaN or Infinity; a record either engine would refuse is refused on
    both, in words, before anything is written.
    """
    if isinstance(value, str):
        if "\x00" in value:
            return "holds a NUL character, which a database cannot store"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "holds a broken character (half of a UTF-16 pair)"
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "holds a number that is not finite (NaN or Infinity)"
    if depth > 20:
        return "is nested too deeply"
    if isinstance(value, dict):
        for key, item in value.items():
            why = unstorable(key, depth + 1) or unstorable(item, depth + 1)
            if why:
                return why
    elif isinstance(value, list):
        for item in value:
            why = unstorable(item, depth + 1)
            if why:
                return why
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_time(text: str) -> time:
    match = _TIME.match(text.strip())
    if match is None:
        raise BadValue(f"“{text}” is not a time; HSDS times look like 09:00 or 09:00:00")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise BadValue(f"“{text}” is not a time of day (hours 00-23, minutes 00-59)")
    return time(hour, minute, second)


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadValue(f"“{text}” is not a date; HSDS dates look like 2026-11-23") from None


def parse_datetime(text: str) -> datetime:
    value = text.strip()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadValue(f"“{text}” is not a date and time; HSDS uses 2026-11-23T14:30:00Z") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


LARGEST_NUMBER = 10**15  # ages, years, counts, amounts, coordinates: far below this


def parse_number(value: Any) -> float | int:
    if isinstance(value, bool):
        raise BadValue(f"“{value}” is not a number")
    if isinstance(value, int | float):
        number = value
        text = ""
    else:
        text = str(value).strip().strip('"')
        try:
            number = float(text)
        except ValueError:
            raise BadValue(f"“{value}” is not a number") from None
    if not math.isfinite(number) or abs(number) > LARGEST_NUMBER:
        raise BadValue(f"“{str(value)[:40]}” is not a number the directory can hold")
    if isinstance(value, int | float):
        return value
    return (
        int(number)
        if number.is_integer() and "." not in text and "e" not in text.lower()
        else number
    )


def _typed(spec_type: str, value: Any) -> Any:
    if isinstance(value, dict | list):
        raise BadValue("should be one value, not a list or an object")
    if spec_type == "number":
        return parse_number(value)
    text = value if isinstance(value, str) else str(value)
    if spec_type == "time":
        return parse_time(text)
    if spec_type == "date":
        return parse_date(text)
    if spec_type == "datetime":
        return parse_datetime(text)
    return value if isinstance(value, str) else text


def type_record(raw: RawRecord, spec: TableSpec, report: ImportReport) -> TypedRecord | None:
    """The typed record, or None after adding every problem with it to `report`."""
    problems_before = len(report.problems)
    record_id = raw.values.get("id")
    record_id = None if _blank(record_id) else str(record_id).strip()
    if record_id is None:
        report.reject(raw.where, "the id is empty; every HSDS record needs one")
    elif len(record_id) > MAX_ID_LENGTH:
        report.reject(raw.where, f"the id is {len(record_id)} characters; at most {MAX_ID_LENGTH}")
    elif unstorable(record_id):
        report.reject(raw.where, f"the id {unstorable(record_id)}")
        record_id = None
    for name, value in (*raw.values.items(), *raw.extra.items()):
        why = unstorable(value) or unstorable(name)
        if why:
            report.reject(raw.where, f"{name} {why}", record_id)
    values: dict[str, Any] = {}
    for name, value in raw.values.items():
        field_spec = spec.field(name)
        if field_spec is None or name == "id":
            continue
        if _blank(value):
            if field_spec.required:
                report.reject(raw.where, f"{name} is empty; HSDS requires it", record_id)
            values[name] = None
            continue
        try:
            typed = _typed(field_spec.type, value)
        except BadValue as error:
            report.reject(raw.where, f"{name}: {error}", record_id)
            continue
        if field_spec.enum and typed not in field_spec.enum:
            allowed = ", ".join(field_spec.enum)
            report.reject(raw.where, f"{name} “{typed}” is not one of: {allowed}", record_id)
            continue
        values[name] = typed
    for name in spec.required_fields:
        if name != "id" and name not in raw.values:
            report.reject(raw.where, f"{name} is missing; HSDS requires it", record_id)
    if len(report.problems) > problems_before or record_id is None:
        return None
    return TypedRecord(raw.table, raw.where, record_id, values, dict(raw.extra))
