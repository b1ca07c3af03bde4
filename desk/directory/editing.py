"""Editing a resource: checked input, a version check against other stations, an audit trail."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.categories import CATEGORY_BY_CODE, CATEGORY_BY_TERM_ID
from desk.db.changes import announce_change
from desk.directory.detail import ServiceDetail
from desk.directory.freshness import lock_service_for_edit
from desk.directory.input_checks import (
    check_count,
    check_days,
    check_hours,
    check_yes_no,
    parse_clock,
)
from desk.directory.languages import language_name, normalize_language
from desk.errors import ValidationError
from desk.models import Attribute, Language, Phone, Schedule, Service, ServiceAtLocation
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.audit import record_event
from desk.validation import NOTE_MAX, clean_email, clean_text, clean_url, parse_phone

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
    days: str  # MO,TU,WE (RFC 5545 byday)
    opens: str  # as typed: "8:00", "8 am"
    closes: str
    description: str = ""
    id: str | None = None


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
                if s.own
            ),
            categories=detail.category_codes,
            languages=detail.languages,
        )


def _count_text(value: int | None) -> str:
    return "" if value is None else str(value)


def _text(value: str, label: str, name: str, max_length: int = 500, **kw: Any) -> str | None:
    return clean_text(value, label=label, field=name, max_length=max_length, **kw)


def _checked_scalars(edit: ServiceEdit) -> dict[str, Any]:
    name = _text(edit.name, "Name", "name", 200)
    if not name:
        raise ValidationError("A resource needs a name.", field="name")
    if edit.status not in STATUSES:
        raise ValidationError(
            f"“{edit.status}” is not a status.",
            field="status",
            hint=f"Choose one of: {', '.join(STATUSES)}.",
        )
    url = _text(edit.url, "Web address", "url")
    email = _text(edit.email, "Email", "email")
    unit = _text(edit.capacity_unit, "Capacity unit", "capacity_unit", 40)
    available = check_count(edit.capacity_available, label="Free", field="capacity_available")
    total = check_count(edit.capacity_total, label="Total", field="capacity_total")
    if available is not None and total is not None and available > total:
        raise ValidationError(
            f"{available} free out of {total} cannot be right.",
            field="capacity_available",
            hint="Check the free and total counts.",
        )
    return {
        "name": name,
        "description": _text(
            edit.description, "Description", "description", NOTE_MAX * 2, multiline=True
        ),
        "status": edit.status,
        "alert": _text(edit.alert, "Alert", "alert", NOTE_MAX, multiline=True),
        "url": clean_url(url, field="url") if url else None,
        "email": clean_email(email, field="email") if email else None,
        "eligibility_description": _text(
            edit.eligibility, "Eligibility", "eligibility", NOTE_MAX, multiline=True
        ),
        "application_process": _text(
            edit.application_process,
            "How to get in",
            "application_process",
            NOTE_MAX,
            multiline=True,
        ),
        "fees_description": _text(
            edit.fees_description, "Fees", "fees_description", NOTE_MAX, multiline=True
        ),
        "insurance_accepted": _text(edit.insurance_accepted, "Insurance", "insurance_accepted"),
        "accepts_walk_ins": check_yes_no(edit.accepts_walk_ins),
        "free_of_charge": check_yes_no(edit.free_of_charge),
        "capacity_available": available,
        "capacity_total": total,
        "capacity_unit": unit,
    }


def _checked_phones(edit: ServiceEdit) -> list[PhoneInput]:
    phones = []
    for position, phone in enumerate(edit.phones):
        if not phone.number.strip():
            continue
        number = parse_phone(phone.number, field=f"phones.{position}")
        extension = _text(phone.extension, "Extension", f"phones.{position}", 20)
        if extension and not extension.isdigit():
            raise ValidationError(
                f"The extension “{extension}” should be digits only.", field=f"phones.{position}"
            )
        phones.append(
            replace(
                phone,
                number=number,
                extension=extension or "",
                description=_text(phone.description, "Phone note", f"phones.{position}") or "",
            )
        )
    return phones


def _checked_hours(edit: ServiceEdit) -> list[tuple[HoursInput, Any, Any]]:
    checked = []
    for position, hours in enumerate(edit.hours):
        if not (hours.days.strip() or hours.opens.strip() or hours.closes.strip()):
            continue
        where = f"hours.{position}"
        days = check_days(hours.days, field=where)
        opens = parse_clock(hours.opens, field=where, label="Opening time")
        closes = parse_clock(hours.closes, field=where, label="Closing time")
        check_hours(opens, closes, field=where)
        checked.append((replace(hours, days=days), opens, closes))
    return checked


def _replace_phones(session: Session, service: Service, phones: list[PhoneInput]) -> bool:
    existing = {
        p.id: p for p in session.scalars(select(Phone).where(Phone.service_id == service.id))
    }
    before = sorted(
        (p.number, p.extension or "", p.type or "", p.description or "") for p in existing.values()
    )
    keep = set()
    for phone in phones:
        row = existing.get(phone.id or "")
        if row is None:
            row = Phone(id=str(uuid.uuid4()), service_id=service.id, number=phone.number)
            session.add(row)
        keep.add(row.id)
        row.number = phone.number
        row.extension = phone.extension or None
        row.type = phone.type or "voice"
        row.description = phone.description or None
    for phone_id, row in existing.items():
        if phone_id not in keep:
            session.delete(row)
    after = sorted((p.number, p.extension, p.type or "voice", p.description) for p in phones)
    return before != after


def _replace_hours(session: Session, service: Service, hours: list[tuple]) -> bool:
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
    existing = {row.id: row for row in rows}
    before = sorted((r.byday or "", r.opens_at, r.closes_at, r.description or "") for r in rows)
    keep = set()
    for item, opens, closes in hours:
        row = existing.get(item.id or "")
        if row is None:
            row = Schedule(id=str(uuid.uuid4()), service_id=service.id, freq="WEEKLY")
            session.add(row)
        keep.add(row.id)
        row.byday = item.days
        row.opens_at = opens
        row.closes_at = closes
        row.description = item.description.strip() or None
    for row_id, row in existing.items():
        if row_id not in keep:
            session.delete(row)
    after = sorted((i.days, o, c, i.description.strip()) for i, o, c in hours)
    return before != after


def _replace_categories(session: Session, service: Service, codes: tuple[str, ...]) -> bool:
    for code in codes:
        if code not in CATEGORY_BY_CODE:
            raise ValidationError(f"There is no category “{code}”.", field="categories")
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
    wanted = {normalize_language(code) for code in codes if code.strip()}
    rows = session.scalars(select(Language).where(Language.service_id == service.id)).all()
    have = {normalize_language(r.code, r.name): r for r in rows}
    if set(have) == wanted:
        return False
    for code, row in have.items():
        if code not in wanted:
            session.delete(row)
    for code in sorted(c for c in wanted if c and c not in have):
        session.add(
            Language(
                id=str(uuid.uuid4()), service_id=service.id, code=code, name=language_name(code)
            )
        )
    return True


def update_service(
    session: Session, actor: Actor, service_id: str, edit: ServiceEdit, *, read_version: int
) -> int:
    """Save an edited resource; refused whole if another station saved it since it was read.

    Returns the new version. Every changed field is named in the audit event.
    """
    scalars = _checked_scalars(edit)
    phones = _checked_phones(edit)
    hours = _checked_hours(edit)
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
    session.flush()
    record_event(
        session,
        actor,
        "directory.updated",
        "service",
        service_id,
        fields=sorted(changed),
        changes={k: v for k, v in changed.items() if isinstance(v, dict)},
    )
    announce_change(session, "directory")
    return service.version
