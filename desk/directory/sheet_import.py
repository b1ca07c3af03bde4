"""A center's own list of resources into the directory: preview first, then all or nothing.

Each row becomes an organization (found by name, or new), a service, its place (or, with no
street address, the town it serves), phones, hours, categories and languages. Ids are made
from the name and address, so importing the same list again updates those services instead
of adding them twice. Rows are read by `sheet_plan`, which repairs what it can and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.categories import CATEGORY_BY_CODE
from desk.db.changes import Topic
from desk.directory.sheet_cells import state_of
from desk.directory.sheet_mapping import FIELDS, unused_columns
from desk.directory.sheet_plan import PlannedResource, SheetContext, make_id, plan_row
from desk.directory.sheet_read import Sheet
from desk.directory.text_match import fold
from desk.errors import DeskError
from desk.hsds.report import ImportRefused, ImportReport
from desk.messages import Message
from desk.messages.directory import LIST_HOLDS_NO_RESOURCES_TO
from desk.messages.sheet_import import (
    GIVEN_CENTER_STATE,
    NO_RESOURCES_BELOW,
    NO_STATE_COLUMN,
    ONE_ROW,
    ROW,
    ROWS,
    SAME_AS_ROW,
    UNUSED_COLUMN,
)
from desk.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
)
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.recording import record_change
from desk.services.settings import load_settings

__all__ = ["PlannedResource", "SheetPreview", "import_resources", "preview_resources"]


@dataclass
class SheetPreview:
    report: ImportReport
    mapping: dict[str, str]
    resources: list[PlannedResource] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.report.ok


def _cells(row: list[str], header: list[str], mapping: dict[str, str]) -> dict[str, str]:
    index = {heading: position for position, heading in enumerate(header)}
    return {
        name: row[index[mapping[name]]].strip() if mapping.get(name) in index else ""
        for name in FIELDS
    }


def _say_state_once(context: SheetContext, report: ImportReport, source: str) -> None:
    given = context.given_center_state
    if not given:
        return
    rows = _rows(len(given))
    state = context.center_state
    if context.has_state_column:
        lines = ", ".join(map(str, given[:10])) + (", …" if len(given) > 10 else "")
        report.note(source, GIVEN_CENTER_STATE.with_(rows=rows, lines=lines, state=state))
    else:
        report.note(source, NO_STATE_COLUMN.with_(rows=rows, state=state))


def _rows(count: int) -> Message:
    return ONE_ROW if count == 1 else ROWS.with_(count=count)


@unrestricted("reads a file the person chose; writes nothing")
def preview_resources(
    session: Session, sheet: Sheet, mapping: dict[str, str], *, default_state: str | None = None
) -> SheetPreview:
    """What importing `sheet` with `mapping` would do, row by row; writes nothing."""
    report = ImportReport(source=sheet.source)
    for note in sheet.notes:
        report.note(sheet.source, note)
    center_state = default_state or state_of(load_settings(session)["center.city_line"])
    context = SheetContext(center_state, bool(mapping.get("state")))
    report.not_imported = [
        UNUSED_COLUMN.with_(heading=column.heading, rows=_rows(column.filled))
        for column in unused_columns(sheet, mapping)
    ]
    preview = SheetPreview(report, mapping)
    seen: dict[str, int] = {}
    for line, row in sheet.rows:
        planned = plan_row(line, _cells(row, sheet.header, mapping), context, report)
        if planned is None:
            continue
        if planned.service_id in seen:
            report.reject(ROW.with_(line=line), SAME_AS_ROW.with_(row=seen[planned.service_id]))
            continue
        seen[planned.service_id] = line
        preview.resources.append(planned)
    _say_state_once(context, report, sheet.source)
    if not sheet.rows:
        report.reject(sheet.source, NO_RESOURCES_BELOW)
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
    made[key] = found or make_id("organization", name)
    return made[key]


def _write_place(session: Session, planned: PlannedResource, organization_id: str) -> None:
    """A street address as a location; without one, the town served as a service area."""
    sid = planned.service_id
    location_id, sal_id, address_id = (
        make_id("location", sid),
        make_id("sal", sid),
        make_id("address", sid),
    )
    session.execute(delete(ServiceArea).where(ServiceArea.id == make_id("area", sid)))
    if not planned.street:
        for model, row_id in ((Address, address_id), (ServiceAtLocation, sal_id)):
            session.execute(delete(model).where(model.id == row_id))
        session.execute(delete(Location).where(Location.id == location_id))
        if planned.town_line:
            session.add(
                ServiceArea(
                    id=make_id("area", sid),
                    service_id=sid,
                    name=planned.city or planned.town_line,
                    description=planned.town_line,
                )
            )
        return
    if session.get(Location, location_id) is None:
        session.add(
            Location(
                id=location_id,
                organization_id=organization_id,
                location_type="physical",
                name=planned.organization,
            )
        )
        session.flush()
        session.add(ServiceAtLocation(id=sal_id, service_id=sid, location_id=location_id))
    address = session.get(Address, address_id) or Address(
        id=address_id, location_id=location_id, country="US", address_type="physical"
    )
    address.address_1 = planned.street
    address.city = planned.city or ""
    address.state_province = planned.state or ""
    address.postal_code = planned.postal_code or ""
    session.add(address)


def _write(session: Session, planned: PlannedResource, organization_id: str, source: str) -> None:
    now = utc_now()
    sid = planned.service_id
    if session.get(Organization, organization_id) is None:
        session.add(
            Organization(
                id=organization_id,
                name=planned.organization,
                description=f"{planned.organization} (imported from {source}).",
            )
        )
        session.flush()
    service = session.get(Service, sid)
    if service is None:
        service = Service(id=sid, name=planned.name, status="active")
        session.add(service)
    else:  # the list is the truth for what it holds: replace its phones, hours and links
        for model, column in (
            (Phone, Phone.service_id),
            (Schedule, Schedule.service_id),
            (Language, Language.service_id),
        ):
            session.execute(delete(model).where(column == sid))
        session.execute(
            delete(Attribute).where(Attribute.link_id == sid, Attribute.link_type == "category")
        )
    service.organization_id = organization_id
    service.name = planned.name
    service.description = planned.description
    service.alert = planned.alert
    service.url = planned.website
    service.email = planned.email
    service.last_modified = now
    service.updated_at = now
    session.flush()  # no ORM relationships here: write parents before the rows that point at them
    _write_place(session, planned, organization_id)
    session.flush()
    for position, phone in enumerate(planned.phones):
        session.add(
            Phone(
                id=make_id("phone", sid) if position == 0 else make_id("phone", sid, str(position)),
                service_id=sid,
                number=phone.number,
                extension=phone.extension,
                description=phone.description,
                type="voice",
            )
        )
    for position, rule in enumerate(planned.hours):
        session.add(
            Schedule(
                id=make_id("schedule", sid, str(position)),
                service_id=sid,
                freq=rule.freq,
                byday=rule.byday,
                opens_at=rule.opens,
                closes_at=rule.closes,
            )
        )
    if planned.hours_note:
        session.add(
            Schedule(
                id=make_id("schedule", sid, "note"), service_id=sid, description=planned.hours_note
            )
        )
    for code in planned.categories:
        session.add(
            Attribute(
                id=make_id("category", sid, code),
                link_id=sid,
                link_entity="service",
                link_type="category",
                taxonomy_term_id=CATEGORY_BY_CODE[code].term_id,
            )
        )
    for language in planned.languages:
        session.add(
            Language(
                id=make_id("language", sid, language.code or language.name),
                service_id=sid,
                code=language.code,
                name=language.name,
            )
        )


@requires(Permission.IMPORT_EXPORT)
def import_resources(session: Session, actor: Actor, preview: SheetPreview) -> ImportReport:
    """Write a previewed list; refused whole (ImportRefused) if any row was rejected."""
    report = preview.report
    if not report.ok:
        raise ImportRefused(report)
    if not preview.resources:
        raise DeskError(LIST_HOLDS_NO_RESOURCES_TO)
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
