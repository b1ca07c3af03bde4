"""The de-identified visit export, for grant portals: one row per visit, with nothing that
names a person.

No name, initials, birth date, phone, town or free text; no record or visit number. The
person key is an HMAC of the record number under a random key made for this export and
then forgotten: the same person has the same key throughout one export (so a portal can
count unique people), and an unrelated key in the next one (so two exports cannot be
joined to follow someone, nor the key turned back into a record number).
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import secrets
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Person, Visit, VisitPurpose
from desk.reports.periods import Period
from desk.reports.sql import counted_visits, minutes_between
from desk.reports.visit_figures import came_before
from desk.reports.visit_sections import WEEKDAYS

COLUMNS = (
    "person_key",
    "date",
    "weekday",
    "hour",
    "anonymous",
    "person_kind",
    "first_visit_ever",
    "purposes",
    "items_given",
    "waited_minutes",
    "saw_a_coach",
)
KEY_LENGTH = 16  # hex characters: 64 bits, plenty to keep 100,000 people apart


@dataclass(frozen=True)
class DeidentifiedVisits:
    columns: tuple[str, ...]
    rows: list[tuple]


def person_keys(secret: bytes):
    def key(person_id: int) -> str:
        digest = hmac.new(secret, str(person_id).encode(), hashlib.sha256).hexdigest()
        return digest[:KEY_LENGTH]

    return key


def deidentified_visits(
    session: Session, period: Period, zone: ZoneInfo, *, secret: bytes | None = None
) -> DeidentifiedVisits:
    key = person_keys(secret or secrets.token_bytes(32))
    counted = counted_visits(period.first, period.last)
    purposes: dict[int, list[str]] = {}
    items: dict[int, int] = {}
    for visit_id, code, quantity in session.execute(
        select(VisitPurpose.visit_id, VisitPurpose.purpose_code, VisitPurpose.quantity)
        .join(Visit, Visit.id == VisitPurpose.visit_id)
        .where(counted)
    ):
        purposes.setdefault(visit_id, []).append(code)
        if quantity:
            items[visit_id] = items.get(visit_id, 0) + quantity
    waited = minutes_between(session, Visit.arrived_at, Visit.started_at)
    rows = []
    seen: set[int] = set()
    for visit_id, person_id, day, arrived, minutes, kind, returning in session.execute(
        select(
            Visit.id,
            Visit.person_id,
            Visit.local_day,
            Visit.arrived_at,
            waited,
            Person.kind,
            came_before(period),
        )
        .outerjoin(Person, Person.id == Visit.person_id)
        .where(counted)
        .order_by(Visit.arrived_at, Visit.id)
    ):
        first = None
        if person_id is not None:
            first = not returning and person_id not in seen
            seen.add(person_id)
        rows.append(
            (
                "" if person_id is None else key(person_id),
                day,
                WEEKDAYS[day.weekday()],
                arrived.astimezone(zone).hour,
                person_id is None,
                "" if kind is None else kind.value,
                first,
                ";".join(sorted(purposes.get(visit_id, []))),
                items.get(visit_id, 0),
                None if minutes is None else int(float(minutes)),
                minutes is not None,
            )
        )
    return DeidentifiedVisits(COLUMNS, rows)


def _plain(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else value


def deidentified_csv(export: DeidentifiedVisits) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(export.columns)
    for row in export.rows:
        writer.writerow([_plain(value) for value in row])
    return buffer.getvalue().encode("utf-8")
