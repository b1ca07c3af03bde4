"""A center's own list of resources into the directory: preview first, then all or nothing.

Each row becomes an organization (found by name, or new), a service, its place, phone, hours,
category and languages. Ids are made from the name and address, so importing the same list
again updates those services instead of adding them twice.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.categories import CATEGORIES, CATEGORY_BY_CODE
from desk.db.changes import Topic
from desk.directory.hours_parsing import HoursNotUnderstood, parse_hours_text
from desk.directory.languages import language_name, normalize_language
from desk.directory.sheet_read import Sheet
from desk.directory.text_match import fold
from desk.errors import DeskError, ValidationError
from desk.hsds.report import ImportRefused, ImportReport
from desk.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.recording import record_change
from desk.validation import clean_email, clean_text, clean_url, parse_phone

_NAMESPACE = uuid.UUID("5b0d9a55-4b8e-4d0c-9d7e-2f7c3a1b6e10")
_ZIP = re.compile(r"\b(\d{5})(?:-\d{4})?\b")
_CATEGORY_WORDS = {
    **{fold(c.name): c.code for c in CATEGORIES},
    **{fold(c.name_es): c.code for c in CATEGORIES},
    **{c.code.replace("_", " "): c.code for c in CATEGORIES},
    "detoxification": "detox", "withdrawal": "detox", "rehab": "treatment",
    "recovery housing": "sober_housing", "sober house": "sober_housing",
    "sober home": "sober_housing", "food pantry": "food", "meals": "food",
    "meetings": "support_groups", "aa": "support_groups", "na": "support_groups",
    "naloxone": "harm_reduction", "narcan": "harm_reduction", "id": "id_documents",
    "employment": "jobs", "jobs": "jobs", "housing": "shelter", "family": "family_support",
}  # fmt: skip


_CITY_TAIL = re.compile(r"^(?P<city>.*?)[,\s]+(?P<state>[A-Za-z]{2})?\s*(?:\d{5}(?:-\d{4})?)?$")


def _split_city(text: str | None) -> tuple[str | None, str | None]:
    """ "Worcester, MA 01604" -> ("Worcester", "MA"); "Worcester" -> ("Worcester", None)."""
    if not text:
        return text, None
    match = _CITY_TAIL.match(text)
    if match and match.group("city") and (match.group("state") or _ZIP.search(text)):
        return match.group("city").strip(" ,"), (match.group("state") or "").upper() or None
    return text, None


def _id(kind: str, *parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:" + "|".join(fold(p or "") for p in parts)))


def match_category(text: str) -> str | None:
    key = fold(text).strip()
    if not key:
        return None
    if key in _CATEGORY_WORDS:
        return _CATEGORY_WORDS[key]
    found = process.extractOne(
        key, list(_CATEGORY_WORDS), scorer=fuzz.token_set_ratio, score_cutoff=85
    )
    return _CATEGORY_WORDS[found[0]] if found else None


@dataclass
class PlannedResource:
    line: int
    service_id: str
    name: str
    organization: str
    street: str | None
    city: str | None
    state: str
    postal_code: str | None
    phone: str | None
    hours: list[tuple[str, time, time]]
    hours_note: str | None
    website: str | None
    email: str | None
    description: str | None
    categories: list[str]
    languages: list[str]
    exists: bool = False

    @property
    def action(self) -> str:
        return "update" if self.exists else "new"


@dataclass
class SheetPreview:
    report: ImportReport
    mapping: dict[str, str]
    resources: list[PlannedResource] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.report.ok


def _cell(row: list[str], header: list[str], mapping: dict[str, str], name: str) -> str:
    heading = mapping.get(name)
    if not heading:
        return ""
    return row[header.index(heading)].strip()


def _plan_row(
    line: int, cells: dict[str, str], default_state: str, report: ImportReport, where: str
) -> PlannedResource | None:
    before = len(report.problems)

    def check(fn, *args, **kw) -> Any:
        try:
            return fn(*args, **kw)
        except ValidationError as error:
            report.reject(where, str(error))
            return None

    name = check(clean_text, cells["name"], label="Name", max_length=200)
    if not name:
        report.reject(where, "has no name")
    organization = check(clean_text, cells["organization"], label="Organization", max_length=200)
    street = check(clean_text, cells["address"], label="Address")
    city, state_in_city = _split_city(
        check(clean_text, cells["city"], label="City", max_length=100)
    )
    postal = cells["postal_code"] or ""
    zip_match = _ZIP.search(postal) or _ZIP.search(f"{cells['address']} {cells['city']}")
    if street and zip_match is None:
        report.reject(
            where, "the address has no ZIP code; add a ZIP column, or put the ZIP in the address"
        )
    phone = check(parse_phone, cells["phone"]) if cells["phone"] else None
    website = check(clean_url, cells["website"]) if cells["website"] else None
    email = check(clean_email, cells["email"]) if cells["email"] else None
    hours: list[tuple[str, time, time]] = []
    hours_note = None
    if cells["hours"]:
        try:
            hours = parse_hours_text(cells["hours"])
        except HoursNotUnderstood:
            hours_note = cells["hours"]
            report.note(
                where, f"hours “{cells['hours']}” kept as written (open now cannot use them)"
            )
        except ValidationError as error:
            report.reject(where, f"hours: {error}")
    categories = []
    for part in re.split(r"[;,/]", cells["category"]):
        if part.strip():
            code = match_category(part)
            if code is None:
                report.note(where, f"category “{part.strip()}” is not one of ours; left out")
            elif code not in categories:
                categories.append(code)
    languages = []
    for part in re.split(r"[;,/]", cells["languages"]):
        code = normalize_language(part) if part.strip() else None
        if code and code not in languages:
            languages.append(code)
    if len(report.problems) > before or not name:
        return None
    city_text = city or (None if not street else "")
    return PlannedResource(
        line=line,
        service_id=_id("service", name, street or "", city or ""),
        name=name,
        organization=organization or name,
        street=street,
        city=city_text,
        state=(cells["state"] or state_in_city or default_state).strip() or default_state,
        postal_code=zip_match.group(1) if zip_match else None,
        phone=phone,
        hours=hours,
        hours_note=hours_note,
        website=website,
        email=email,
        description=check(
            clean_text, cells["description"], label="Description", max_length=4000, multiline=True
        ),
        categories=categories,
        languages=languages,
    )


@unrestricted("reads a file the person chose; writes nothing")
def preview_resources(
    session: Session, sheet: Sheet, mapping: dict[str, str], *, default_state: str = "MA"
) -> SheetPreview:
    report = ImportReport(source=sheet.source)
    for note in sheet.notes:
        report.note(sheet.source, note)
    preview = SheetPreview(report, mapping)
    seen: dict[str, int] = {}
    for line, row in sheet.rows:
        where = f"row {line}"
        cells = {
            name: _cell(row, sheet.header, mapping, name)
            for name in (
                "name",
                "organization",
                "address",
                "city",
                "state",
                "postal_code",
                "phone",
                "hours",
                "website",
                "email",
                "description",
                "category",
                "languages",
            )
        }
        planned = _plan_row(line, cells, default_state, report, where)
        if planned is None:
            continue
        if planned.service_id in seen:
            report.reject(
                where,
                f"the same resource as row {seen[planned.service_id]} (same name and address)",
            )
            continue
        seen[planned.service_id] = line
        preview.resources.append(planned)
    if not sheet.rows:
        report.reject(sheet.source, "has headings but no resources below them")
    ids = [r.service_id for r in preview.resources]
    existing = set()
    for start in range(0, len(ids), 500):
        existing.update(
            session.scalars(select(Service.id).where(Service.id.in_(ids[start : start + 500])))
        )
    for planned in preview.resources:
        planned.exists = planned.service_id in existing
    report.created["service"] = sum(1 for r in preview.resources if not r.exists)
    report.updated["service"] = sum(1 for r in preview.resources if r.exists)
    return preview


def _organization_id(session: Session, name: str, made: dict[str, str]) -> str:
    key = fold(name)
    if key in made:
        return made[key]
    found = session.scalar(select(Organization.id).where(Organization.name == name).limit(1))
    made[key] = found or _id("organization", name)
    return made[key]


def _write(session: Session, planned: PlannedResource, organization_id: str, source: str) -> None:
    now = utc_now()
    if session.get(Organization, organization_id) is None:
        session.add(
            Organization(
                id=organization_id,
                name=planned.organization,
                description=f"{planned.organization} (imported from {source}).",
            )
        )
        session.flush()
    service = session.get(Service, planned.service_id)
    if service is None:
        service = Service(id=planned.service_id, name=planned.name, status="active")
        session.add(service)
    else:  # the list is the truth for what it holds: replace its phones, hours and links
        for model, column in (
            (Phone, Phone.service_id),
            (Schedule, Schedule.service_id),
            (Language, Language.service_id),
        ):
            session.execute(delete(model).where(column == planned.service_id))
        session.execute(
            delete(Attribute).where(
                Attribute.link_id == planned.service_id, Attribute.link_type == "category"
            )
        )
    service.organization_id = organization_id
    service.name = planned.name
    service.description = planned.description
    service.url = planned.website
    service.email = planned.email
    service.last_modified = now
    service.updated_at = now
    session.flush()  # no ORM relationships here: write parents before the rows that point at them
    if planned.street:
        location_id = _id("location", planned.service_id)
        if session.get(Location, location_id) is None:
            session.add(
                Location(
                    id=location_id,
                    organization_id=organization_id,
                    location_type="physical",
                    name=planned.organization,
                )
            )
            session.add(
                ServiceAtLocation(
                    id=_id("sal", planned.service_id),
                    service_id=planned.service_id,
                    location_id=location_id,
                )
            )
        address = session.get(Address, _id("address", planned.service_id)) or Address(
            id=_id("address", planned.service_id),
            location_id=location_id,
            country="US",
            address_type="physical",
        )
        address.address_1 = planned.street
        address.city = planned.city or ""
        address.state_province = planned.state
        address.postal_code = planned.postal_code or ""
        session.add(address)
        session.flush()
    if planned.phone:
        session.add(
            Phone(
                id=_id("phone", planned.service_id),
                service_id=planned.service_id,
                number=planned.phone,
                type="voice",
            )
        )
    for position, (byday, opens, closes) in enumerate(planned.hours):
        session.add(
            Schedule(
                id=_id("schedule", planned.service_id, str(position)),
                service_id=planned.service_id,
                freq="WEEKLY",
                byday=byday,
                opens_at=opens,
                closes_at=closes,
            )
        )
    if planned.hours_note:
        session.add(
            Schedule(
                id=_id("schedule", planned.service_id, "note"),
                service_id=planned.service_id,
                description=planned.hours_note,
            )
        )
    for code in planned.categories:
        session.add(
            Attribute(
                id=_id("category", planned.service_id, code),
                link_id=planned.service_id,
                link_entity="service",
                link_type="category",
                taxonomy_term_id=CATEGORY_BY_CODE[code].term_id,
            )
        )
    for code in planned.languages:
        session.add(
            Language(
                id=_id("language", planned.service_id, code),
                service_id=planned.service_id,
                code=code,
                name=language_name(code),
            )
        )


@requires(Permission.IMPORT_EXPORT)
def import_resources(session: Session, actor: Actor, preview: SheetPreview) -> ImportReport:
    """Write a previewed list; refused whole (ImportRefused) if any row was rejected."""
    report = preview.report
    if not report.ok:
        raise ImportRefused(report)
    if not preview.resources:
        raise DeskError("The list holds no resources to import.")
    made: dict[str, str] = {}
    for planned in preview.resources:
        _write(
            session, planned, _organization_id(session, planned.organization, made), report.source
        )
        session.flush()
    report.committed = True
    record_change(
        session,
        actor,
        Topic.DIRECTORY,
        AuditAction.IMPORT_RESOURCES,
        "directory",
        None,
        mapping=preview.mapping,
        **report.summary(),
    )
    return report
