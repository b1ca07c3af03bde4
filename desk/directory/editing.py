"""Editing a resource: checked input, a version check against other stations, an audit trail."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.categories import CATEGORY_BY_CODE, CATEGORY_BY_TERM_ID
from desk.db.changes import Topic
from desk.directory.detail import ScheduleLine, ServiceDetail
from desk.directory.freshness import lock_service_for_edit
from desk.directory.input_checks import (
    check_count,
    check_days,
    check_hours,
    check_yes_no,
    parse_clock,
)
from desk.directory.languages import (
    comparable_code,
    language_code,
    language_name,
    normalize_language,
)
from desk.directory.schedules import plain_form_kind
from desk.errors import FormProblems, ValidationError
from desk.messages.directory import (
    CHECK_FREE_AND_TOTAL_COUNTS,
    CHOOSE_ONE_OF,
    EXTENSION_SHOULD_BE_DIGITS_ONLY,
    FREE_OUT_OF_CANNOT_BE,
    IS_NOT_LANGUAGE_DESK_KNOWS,
    IS_NOT_STATUS,
    RESOURCE_NEEDS_NAME,
    THERE_IS_NO_CATEGORY,
    TYPE_CODE_SUCH_AS_PT,
)
from desk.models import Attribute, Language, Phone, Schedule, Service, ServiceAtLocation
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.recording import record_change
from desk.validation import NOTE_MAX, clean_email, clean_text, clean_url, parse_service_phone

STATUSES = ("active", "temporarily closed", "inactive", "defunct")


@dataclass(frozen=True)
class PhoneInput:
    number: str
    extension: str = ""
    type: str = "voice"
    description: str = ""
    id: str | None = None


@dataclass(frozen=True)
class HoursInput:
    """Weekly hours ("MO,TU,WE", "8 am", "4 pm"), or a note alone (days and times left empty).

    Rows of other kinds (monthly, valid between dates, ...) are not edited here; an edit
    leaves them as they are (see `hours_kept_as_they_are`).
    """

    days: str  # MO,TU,WE (RFC 5545 byday)
    opens: str  # as typed: "8:00", "8 am"
    closes: str
    description: str = ""
    id: str | None = None

    @property
    def is_note(self) -> bool:
        return not (self.days.strip() or self.opens.strip() or self.closes.strip())


@dataclass(frozen=True)
class ServiceEdit:
    """The editable part of a resource, as the edit form holds it."""

    name: str
    description: str = ""
    status: str = "active"
    alert: str = ""
    url: str = ""
    email: str = ""
    eligibility: str = ""
    application_process: str = ""
    fees_description: str = ""
    insurance_accepted: str = ""
    accepts_walk_ins: bool | None = None
    free_of_charge: bool | None = None
    capacity_available: str = ""
    capacity_total: str = ""
    capacity_unit: str = ""
    phones: tuple[PhoneInput, ...] = ()
    hours: tuple[HoursInput, ...] = ()
    categories: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @classmethod
    def from_detail(cls, detail: ServiceDetail) -> ServiceEdit:
        return cls(
            name=detail.name,
            description=detail.description or "",
            status=detail.status,
            alert=detail.alert or "",
            url=detail.url or "",
            email=detail.email or "",
            eligibility=detail.eligibility or "",
            application_process=detail.application_process or "",
            fees_description=detail.fees_description or "",
            insurance_accepted=detail.insurance_accepted or "",
            accepts_walk_ins=detail.accepts_walk_ins,
            free_of_charge=detail.free_of_charge,
            capacity_available=_count_text(detail.capacity_available),
            capacity_total=_count_text(detail.capacity_total),
            capacity_unit=detail.capacity_unit or "",
            phones=tuple(
                PhoneInput(p.number, p.extension or "", p.type or "", p.description or "", p.id)
                for p in detail.phones
            ),
            hours=tuple(
                HoursInput(s.byday or "", s.opens_at, s.closes_at, s.description or "", s.id)
                for s in detail.schedules
                if s.own and s.form_kind is not None
            ),
            categories=detail.category_codes,
            languages=detail.languages,
        )


def hours_kept_as_they_are(detail: ServiceDetail) -> tuple[ScheduleLine, ...]:
    """The service's own schedule rows that an edit does not show and never changes."""
    return tuple(line for line in detail.schedules if line.own and line.form_kind is None)


def _count_text(value: int | None) -> str:
    return "" if value is None else str(value)


def _text(value: str, label: str, name: str, max_length: int = 500, **kw: Any) -> str | None:
    return clean_text(value, label=label, field=name, max_length=max_length, **kw)


def _checked_scalars(edit: ServiceEdit, problems: FormProblems) -> dict[str, Any]:
    check = problems.check

    def text(value: str, label: str, name: str, max_length: int = 500, **kw: Any) -> Any:
        return check(lambda: _text(value, label, name, max_length, **kw))

    name = text(edit.name, "Name", "name", 200)
    if not name and not any(p.field == "name" for p in problems.found):
        problems.found.append(ValidationError(RESOURCE_NEEDS_NAME, field="name"))
    if edit.status not in STATUSES:
        problems.found.append(
            ValidationError(
                IS_NOT_STATUS.with_(status=edit.status),
                field="status",
                hint=CHOOSE_ONE_OF.with_(statuses=", ".join(STATUSES)),
            )
        )
    url = text(edit.url, "Web address", "url")
    email = text(edit.email, "Email", "email")
    unit = text(edit.capacity_unit, "Capacity unit", "capacity_unit", 40)
    available = check(
        lambda: check_count(edit.capacity_available, label="Free", field="capacity_available")
    )
    total = check(lambda: check_count(edit.capacity_total, label="Total", field="capacity_total"))
    if available is not None and total is not None and available > total:
        problems.found.append(
            ValidationError(
                FREE_OUT_OF_CANNOT_BE.with_(available=available, total=total),
                field="capacity_available",
                hint=CHECK_FREE_AND_TOTAL_COUNTS,
            )
        )
    return {
        "name": name,
        "description": text(
            edit.description, "Description", "description", NOTE_MAX * 2, multiline=True
        ),
        "status": edit.status,
        "alert": text(edit.alert, "Alert", "alert", NOTE_MAX, multiline=True),
        "url": check(lambda: clean_url(url, field="url")) if url else None,
        "email": check(lambda: clean_email(email, field="email")) if email else None,
        "eligibility_description": text(
            edit.eligibility, "Eligibility", "eligibility", NOTE_MAX, multiline=True
        ),
        "application_process": text(
            edit.application_process,
            "How to get in",
            "application_process",
            NOTE_MAX,
            multiline=True,
        ),
        "fees_description": text(
            edit.fees_description, "Fees", "fees_description", NOTE_MAX, multiline=True
        ),
        "insurance_accepted": text(edit.insurance_accepted, "Insurance", "insurance_accepted"),
        "accepts_walk_ins": check(lambda: check_yes_no(edit.accepts_walk_ins)),
        "free_of_charge": check(lambda: check_yes_no(edit.free_of_charge)),
        "capacity_available": available,
        "capacity_total": total,
        "capacity_unit": unit,
    }


def _checked_phone(phone: PhoneInput, where: str) -> PhoneInput:
    extension = _text(phone.extension, "Extension", where, 20)
    if extension and not extension.isdigit():
        raise ValidationError(
            EXTENSION_SHOULD_BE_DIGITS_ONLY.with_(extension=extension), field=where
        )
    return replace(
        phone,
        number=phone.number.strip(),
        extension=extension or "",
        type=_text(phone.type, "Phone type", where, 20) or "",
        description=_text(phone.description, "Phone note", where, NOTE_MAX) or "",
    )


def _checked_phones(edit: ServiceEdit, problems: FormProblems) -> list[PhoneInput]:
    """Phones with their notes and types cleaned; numbers are checked when they are saved."""
    phones = []
    for position, phone in enumerate(edit.phones):
        if not phone.number.strip():
            continue
        checked = problems.check(lambda p=phone, w=f"phones.{position}": _checked_phone(p, w))
        if checked is not None:
            phones.append(checked)
    return phones


def _checked_row_of_hours(hours: HoursInput, where: str) -> tuple[HoursInput, Any, Any] | None:
    description = _text(hours.description, "Hours note", where, NOTE_MAX, multiline=True) or ""
    if hours.is_note:  # a note alone: "By appointment only – call first"
        return (replace(hours, description=description), None, None) if description else None
    days = check_days(hours.days, field=where)
    opens = parse_clock(hours.opens, field=where, label="Opening time")
    closes = parse_clock(hours.closes, field=where, label="Closing time")
    check_hours(opens, closes, field=where)
    return replace(hours, days=days, description=description), opens, closes


def _checked_hours(edit: ServiceEdit, problems: FormProblems) -> list[tuple[HoursInput, Any, Any]]:
    checked = []
    for position, hours in enumerate(edit.hours):
        row = problems.check(lambda h=hours, w=f"hours.{position}": _checked_row_of_hours(h, w))
        if row is not None:
            checked.append(row)
    return checked


def _phone_key(number: str, extension: str | None, type_: str | None, note: str | None):
    return (number, extension or "", type_ or "", note or "")


def _replace_phones(session: Session, service: Service, phones: list[PhoneInput]) -> bool:
    existing = {
        p.id: p for p in session.scalars(select(Phone).where(Phone.service_id == service.id))
    }
    before = sorted(
        _phone_key(p.number, p.extension, p.type, p.description) for p in existing.values()
    )
    after = []
    keep = set()
    for position, phone in enumerate(phones):
        row = existing.get(phone.id or "")
        number = phone.number
        if row is None or row.number != number:
            # A number kept as it was stays as stored (an import may hold anything); a new or
            # changed one must be a number we can dial, or a short one such as 211 or 988.
            number = parse_service_phone(number, field=f"phones.{position}")
        if row is None:
            row = Phone(id=str(uuid.uuid4()), service_id=service.id, number=number)
            session.add(row)
        keep.add(row.id)
        row.number = number
        row.extension = phone.extension or None
        row.type = phone.type or None
        row.description = phone.description or None
        after.append(_phone_key(number, phone.extension, phone.type, phone.description))
    for phone_id, row in existing.items():
        if phone_id not in keep:
            session.delete(row)
    return before != sorted(after)


def _days_key(days: str | None) -> str:
    return check_days(days) if days and days.strip() else ""


def _clock_key(moment) -> str:
    return moment.strftime("%H:%M") if moment is not None else ""  # as the form shows it


def _hours_key(days: str | None, opens, closes, description: str | None) -> tuple:
    return (_days_key(days), _clock_key(opens), _clock_key(closes), description or "")


def _replace_hours(session: Session, service: Service, hours: list[tuple]) -> bool:
    """Save the hours the form holds; rows the form cannot show are never changed or deleted."""
    sal_ids = session.scalars(
        select(ServiceAtLocation.id).where(ServiceAtLocation.service_id == service.id)
    ).all()
    rows = session.scalars(select(Schedule).where(Schedule.service_id == service.id)).all()
    if sal_ids:
        rows += session.scalars(
            select(Schedule).where(
                Schedule.service_id.is_(None), Schedule.service_at_location_id.in_(sal_ids)
            )
        ).all()
    editable = {row.id: row for row in rows if plain_form_kind(row) is not None}
    before = sorted(
        _hours_key(r.byday, r.opens_at, r.closes_at, r.description) for r in editable.values()
    )
    keep = set()
    for item, opens, closes in hours:
        row = editable.get(item.id or "")
        if row is None:
            row = Schedule(
                id=str(uuid.uuid4()),
                service_id=service.id,
                freq=None if item.is_note else "WEEKLY",
            )
            session.add(row)
        keep.add(row.id)
        # What still means the same stays as stored ("mo, tu", 08:00:00 as imported).
        if _days_key(row.byday) != item.days:
            row.byday = item.days or None
        if _clock_key(row.opens_at) != _clock_key(opens):
            row.opens_at = opens
        if _clock_key(row.closes_at) != _clock_key(closes):
            row.closes_at = closes
        row.description = item.description or None
    for row_id, row in editable.items():
        if row_id not in keep:
            session.delete(row)
    after = sorted(_hours_key(i.days, o, c, i.description) for i, o, c in hours)
    return before != after


def _replace_categories(session: Session, service: Service, codes: tuple[str, ...]) -> bool:
    for code in codes:
        if code not in CATEGORY_BY_CODE:
            raise ValidationError(THERE_IS_NO_CATEGORY.with_(code=code), field="categories")
    rows = session.scalars(
        select(Attribute).where(Attribute.link_entity == "service", Attribute.link_id == service.id)
    ).all()
    ours = {
        CATEGORY_BY_TERM_ID[r.taxonomy_term_id].code: r
        for r in rows
        if r.taxonomy_term_id in CATEGORY_BY_TERM_ID
    }
    if set(ours) == set(codes):
        return False
    for code, row in ours.items():
        if code not in codes:
            session.delete(row)
    for code in codes:
        if code not in ours:
            session.add(
                Attribute(
                    id=str(uuid.uuid4()),
                    link_id=service.id,
                    link_entity="service",
                    link_type="category",
                    taxonomy_term_id=CATEGORY_BY_CODE[code].term_id,
                )
            )
    return True


def _replace_languages(session: Session, service: Service, codes: tuple[str, ...]) -> bool:
    """Keep the rows still wanted; a new language must be one the desk can give a code to
    (a value it cannot place is kept only when the resource already lists it)."""
    rows = session.scalars(select(Language).where(Language.service_id == service.id)).all()
    have = {normalize_language(r.code, r.name): r for r in rows}
    wanted: dict[str, str | None] = {}
    for typed in (code.strip() for code in codes):
        if not typed:
            continue
        tag = language_code(typed)
        key = comparable_code(tag) if tag else typed.casefold()
        if tag is None and key not in have:
            raise ValidationError(
                IS_NOT_LANGUAGE_DESK_KNOWS.with_(typed=typed),
                field="languages",
                hint=TYPE_CODE_SUCH_AS_PT,
            )
        wanted.setdefault(key, tag)
    if set(have) == set(wanted):
        return False
    for key, row in have.items():
        if key not in wanted:
            session.delete(row)
    for key in sorted(k for k in wanted if k not in have):
        session.add(
            Language(
                id=str(uuid.uuid4()),
                service_id=service.id,
                code=wanted[key],
                name=language_name(wanted[key] or key),
            )
        )
    return True


@requires(Permission.EDIT_DIRECTORY)
def update_service(
    session: Session, actor: Actor, service_id: str, edit: ServiceEdit, *, read_version: int
) -> int:
    """Save an edited resource; refused whole if another station saved it since it was read.

    Returns the new version. Every changed field is named in the audit event.
    """
    problems = FormProblems()  # every problem of the form named at once
    scalars = _checked_scalars(edit, problems)
    phones = _checked_phones(edit, problems)
    hours = _checked_hours(edit, problems)
    problems.raise_any()
    service = lock_service_for_edit(session, service_id, read_version)
    changed: dict[str, Any] = {}
    for name, value in scalars.items():
        before = getattr(service, name)
        if before != value:
            changed[name] = {"before": before, "after": value}
            setattr(service, name, value)
    if "capacity_available" in changed or "capacity_total" in changed:
        service.capacity_updated_at = utc_now()
    listed = {
        "phones": _replace_phones(session, service, phones),
        "hours": _replace_hours(session, service, hours),
        "categories": _replace_categories(session, service, edit.categories),
        "languages": _replace_languages(session, service, edit.languages),
    }
    changed.update({name: True for name, did in listed.items() if did})
    if not changed:
        return service.version
    service.last_modified = utc_now()
    service.updated_at = utc_now()  # also bumps the version, even when only a phone changed
    record_change(
        session,
        actor,
        Topic.DIRECTORY,
        AuditAction.DIRECTORY_UPDATED,
        "service",
        service_id,
        fields=sorted(changed),
        changes={k: v for k, v in changed.items() if isinstance(v, dict)},
    )
    return service.version
