"""Everything about one service that a person needs to get there, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk.access import unrestricted
from desk.categories import CATEGORY_BY_TERM_ID
from desk.directory.freshness import verifier_name
from desk.directory.languages import normalize_language
from desk.directory.schedules import ScheduleError, ScheduleRule, plain_form_kind
from desk.errors import NotFound
from desk.messages.directory import IT_MAY_HAVE_BEEN_REMOVED, THAT_RESOURCE_IS_NO_LONGER
from desk.models import (
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)


@dataclass(frozen=True)
class PhoneLine:
    id: str
    number: str  # as stored (E.164 when the desk entered it)
    extension: str | None
    type: str | None
    description: str | None


@dataclass(frozen=True)
class ScheduleLine:
    id: str
    byday: str | None
    opens_at: str  # "08:00", or "" when no time is given
    closes_at: str
    freq: str | None
    description: str | None
    valid_from: date | None
    valid_to: date | None
    rule: ScheduleRule | None  # None when the row cannot be read
    own: bool = True  # the service's own hours (False: the hours of its location)
    form_kind: str | None = None  # schedules.plain_form_kind: None when a form must keep it


@dataclass(frozen=True)
class Place:
    location_id: str
    name: str | None
    address_lines: tuple[str, ...]
    town: str | None
    transportation: str | None
    latitude: float | None
    longitude: float | None
    phones: tuple[str, ...]


@dataclass(frozen=True)
class ServiceDetail:
    id: str
    version: int
    name: str
    alternate_name: str | None
    organization_id: str | None
    organization: str
    description: str | None
    status: str
    alert: str | None
    url: str | None
    email: str | None
    phones: tuple[PhoneLine, ...]
    places: tuple[Place, ...]
    schedules: tuple[ScheduleLine, ...]
    category_codes: tuple[str, ...]
    other_terms: tuple[str, ...]
    languages: tuple[str, ...]
    eligibility: str | None
    minimum_age: float | None
    maximum_age: float | None
    application_process: str | None
    interpretation_services: str | None
    wait_time: str | None
    fees_description: str | None
    costs: tuple[str, ...]
    free_of_charge: bool | None
    insurance_accepted: str | None
    accepts_walk_ins: bool | None
    documents: tuple[str, ...]
    service_areas: tuple[str, ...]
    contacts: tuple[str, ...]
    assured_date: date | None
    assurer_email: str | None
    verified_by: str | None
    capacity_available: int | None
    capacity_total: int | None
    capacity_unit: str | None
    capacity_updated_at: datetime | None
    is_sample: bool
    last_modified: datetime | None
    extra_fields: dict = field(default_factory=dict)

    @property
    def rules(self) -> tuple[ScheduleRule, ...]:
        return tuple(line.rule for line in self.schedules if line.rule is not None)


def _time_text(value) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _schedule_line(row: Schedule, *, own: bool = True) -> ScheduleLine:
    try:
        rule: ScheduleRule | None = ScheduleRule.from_fields(row)
    except ScheduleError:
        rule = None
    return ScheduleLine(
        row.id,
        row.byday,
        _time_text(row.opens_at),
        _time_text(row.closes_at),
        row.freq,
        row.description,
        row.valid_from,
        row.valid_to,
        rule,
        own,
        plain_form_kind(row),
    )


@unrestricted("directory services: public information")
def load_service_detail(session: Session, service_id: str) -> ServiceDetail:
    service = session.get(Service, service_id)
    if service is None:
        raise NotFound(
            THAT_RESOURCE_IS_NO_LONGER,
            hint=IT_MAY_HAVE_BEEN_REMOVED,
        )
    organization = (
        session.get(Organization, service.organization_id) if service.organization_id else None
    )
    sals = session.scalars(
        select(ServiceAtLocation).where(ServiceAtLocation.service_id == service_id)
    ).all()
    places = []
    for sal in sals:
        location = session.get(Location, sal.location_id)
        if location is None:
            continue
        addresses = session.scalars(
            select(Address)
            .where(Address.location_id == location.id)
            .order_by(Address.address_type, Address.id)
        ).all()
        lines: list[str] = []
        town = None
        for address in addresses[:1]:
            lines.append(", ".join(p for p in (address.address_1, address.address_2) if p))
            lines.append(
                " ".join(
                    p
                    for p in (f"{address.city},", address.state_province, address.postal_code)
                    if p
                )
            )
            town = address.city
        location_phones = session.scalars(
            select(Phone.number).where(Phone.location_id == location.id, Phone.service_id.is_(None))
        ).all()
        places.append(
            Place(
                location.id,
                location.name,
                tuple(lines),
                town,
                location.transportation,
                location.latitude,
                location.longitude,
                tuple(location_phones),
            )
        )
    sal_ids = [sal.id for sal in sals]
    schedule_rows = session.scalars(
        select(Schedule)
        .where(
            or_(
                Schedule.service_id == service_id,
                Schedule.service_at_location_id.in_(sal_ids) if sal_ids else False,
            )
        )
        .order_by(Schedule.id)
    ).all()
    schedule_lines = [_schedule_line(row) for row in schedule_rows]
    if not schedule_rows and places:
        location_rows = session.scalars(
            select(Schedule)
            .where(
                Schedule.location_id.in_([p.location_id for p in places]),
                Schedule.service_id.is_(None),
                Schedule.service_at_location_id.is_(None),
            )
            .order_by(Schedule.id)
        ).all()
        schedule_lines = [_schedule_line(row, own=False) for row in location_rows]
    terms = session.execute(
        select(Attribute.taxonomy_term_id, TaxonomyTerm.name)
        .outerjoin(TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id)
        .where(Attribute.link_entity == "service", Attribute.link_id == service_id)
    ).all()
    codes = sorted({CATEGORY_BY_TERM_ID[t].code for t, _ in terms if t in CATEGORY_BY_TERM_ID})
    others = sorted({name for t, name in terms if t not in CATEGORY_BY_TERM_ID and name})
    languages = sorted(
        {
            code
            for code in (
                normalize_language(c, n)
                for c, n in session.execute(
                    select(Language.code, Language.name).where(Language.service_id == service_id)
                )
            )
            if code
        }
    )
    phones = session.scalars(
        select(Phone).where(Phone.service_id == service_id).order_by(Phone.id)
    ).all()
    costs = [
        " ".join(
            str(p)
            for p in (
                cost.option,
                f"{cost.amount:g} {(cost.currency or '').upper()}".strip()
                if cost.amount is not None
                else None,
                cost.amount_description,
            )
            if p
        )
        for cost in session.scalars(select(CostOption).where(CostOption.service_id == service_id))
    ]
    documents = session.scalars(
        select(RequiredDocument.document)
        .where(RequiredDocument.service_id == service_id)
        .order_by(RequiredDocument.id)
    ).all()
    areas = session.scalars(
        select(ServiceArea.name).where(ServiceArea.service_id == service_id)
    ).all()
    contacts = [
        ", ".join(p for p in (c.name, c.title, c.email) if p)
        for c in session.scalars(select(Contact).where(Contact.service_id == service_id))
    ]
    return ServiceDetail(
        id=service.id,
        version=service.version,
        name=service.name,
        alternate_name=service.alternate_name,
        organization_id=service.organization_id,
        organization=organization.name if organization else "",
        description=service.description,
        status=service.status or "active",
        alert=service.alert,
        url=service.url,
        email=service.email,
        phones=tuple(PhoneLine(p.id, p.number, p.extension, p.type, p.description) for p in phones),
        places=tuple(places),
        schedules=tuple(schedule_lines),
        category_codes=tuple(codes),
        other_terms=tuple(others),
        languages=tuple(languages),
        eligibility=service.eligibility_description,
        minimum_age=service.minimum_age,
        maximum_age=service.maximum_age,
        application_process=service.application_process,
        interpretation_services=service.interpretation_services,
        wait_time=service.wait_time,
        fees_description=service.fees_description,
        costs=tuple(c for c in costs if c),
        free_of_charge=service.free_of_charge,
        insurance_accepted=service.insurance_accepted,
        accepts_walk_ins=service.accepts_walk_ins,
        documents=tuple(d for d in documents if d),
        service_areas=tuple(a for a in areas if a),
        contacts=tuple(c for c in contacts if c),
        assured_date=service.assured_date,
        assurer_email=service.assurer_email,
        verified_by=verifier_name(session, service.assurer_email),
        capacity_available=service.capacity_available,
        capacity_total=service.capacity_total,
        capacity_unit=service.capacity_unit,
        capacity_updated_at=service.capacity_updated_at,
        is_sample=service.is_sample,
        last_modified=service.last_modified,
        extra_fields=dict(service.extra or {}),
    )


@unrestricted("a version number")
def service_version(session: Session, service_id: str) -> int | None:
    """The service's version now (None when it is gone): whether the detail on screen is
    still current."""
    return session.scalar(select(Service.version).where(Service.id == service_id))
