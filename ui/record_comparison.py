"""Showing record fields side by side, in words."""

from __future__ import annotations

from datetime import datetime

from desk.services.people import PersonRecord
from desk.validation import display_phone
from ui.formatting import CenterTime

LABELS = {
    "full_name": "Name",
    "birth_year": "Born",
    "phone": "Phone",
    "email": "Email",
    "town": "Town",
    "preferred_language": "Language",
    "last_visit_at": "Last visit",
}


def _text(record: PersonRecord | None, field: str, center_time: CenterTime) -> str:
    if record is None:
        return ""
    value = getattr(record, field)
    if field == "phone":
        return display_phone(value)
    if isinstance(value, datetime):
        return center_time.datetime_text(value)
    return "" if value is None else str(value)


def describe_record_fields(
    mine: PersonRecord,
    theirs: PersonRecord | None,
    fields: tuple[str, ...],
    center_time: CenterTime,
) -> list[tuple[str, str, str]]:
    return [
        (
            LABELS.get(field, field),
            _text(mine, field, center_time),
            _text(theirs, field, center_time),
        )
        for field in fields
    ]
