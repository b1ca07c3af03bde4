"""Service cards: what search, filters and the results table need about each service.

Loaded in a handful of set-based queries (one per table), never one query per service, so
all 10,000 services of a large directory load in about a second and a few changed ones in
milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import unrestricted
from desk.categories import CATEGORY_BY_TERM_ID
from desk.directory.languages import normalize_language
from desk.directory.phones import is_for_calling
from desk.directory.schedules import ScheduleError, ScheduleRule
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
    TaxonomyTerm,
)
from desk.validation import display_phone

_SCHEDULE_FIELDS = (
    "freq",
    "interval",
    "byday",
    "bymonthday",
    "opens_at",
    "closes_at",
    "valid_from",
    "valid_to",
    "dtstart",
    "until",
    "count",
    "wkst",
    "description",
)


@dataclass(frozen=True)
class ServiceCard:
    id: str
    name: str
    organization: str
    description: str
    status: str
    alert: str | None
    category_codes: tuple[str, ...]
    other_terms: tuple[str, ...]  # taxonomy terms that are not our categories (imported)
    languages: tuple[str, ...]  # comparable codes (see languages.py)
    towns: tuple[str, ...]
    address: str
    phone: str  # a number to call when there is one (see phones.py)
    phone_type: str | None  # HSDS type of that number: "fax" when no line takes calls
    accepts_walk_ins: bool | None
    free_of_charge: bool | None
    insurance_accepted: str | None
    eligibility: str | None
    assured_date: date | None
    assurer_email: str | None
    capacity_available: int | None
    capacity_total: int | None
    capacity_unit: str | None
    capacity_updated_at: datetime | None
    is_sample: bool
    rules: tuple[ScheduleRule, ...]
    hours_unreadable: bool  # a schedule row could not be read; hours may be incomplete
    updated_at: datetime
    version: int


def _rules_for(rows: list[Schedule]) -> tuple[tuple[ScheduleRule, ...], bool]:
    rules = []
    unreadable = False
    for row in rows:
        try:
            rules.append(
                ScheduleRule.from_fields({name: getattr(row, name) for name in _SCHEDULE_FIELDS})
            )
        except ScheduleError:
            unreadable = True
    return tuple(rules), unreadable


@unrestricted("directory services: public information")
def load_cards(session: Session, service_ids: Collection[str] | None = None) -> list[ServiceCard]:
    """Cards for the given services, or for every service when `service_ids` is None."""

    def only(query, column):
        if service_ids is None:
            return query
        return query.where(column.in_(list(service_ids)))

    if service_ids is not None and not service_ids:
        return []
    services = session.execute(
        only(
            select(Service, Organization.name).outerjoin(
                Organization, Organization.id == Service.organization_id
            ),
            Service.id,
        )
    ).all()
    if not services:
        return []
    wanted = None if service_ids is None else {service.id for service, _ in services}

    def scoped(query, column):
        return query if wanted is None else query.where(column.in_(list(wanted)))

    places: dict[str, list[tuple[str, Address | None]]] = defaultdict(list)
    location_of_sal: dict[str, str] = {}
    service_of_sal: dict[str, str] = {}
    for sal_id, service_id, location_id, address in session.execute(
        scoped(
            select(
                ServiceAtLocation.id,
                ServiceAtLocation.service_id,
                ServiceAtLocation.location_id,
                Address,
            )
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .outerjoin(Address, Address.location_id == Location.id)
            .order_by(ServiceAtLocation.id, Address.address_type, Address.id),
            ServiceAtLocation.service_id,
        )
    ):
        places[service_id].append((location_id, address))
        location_of_sal[sal_id] = location_id
        service_of_sal[sal_id] = service_id

    # A service with no street address is found by the town it serves (a van, a phone line).
    areas: dict[str, list[str]] = defaultdict(list)
    for service_id, area in session.execute(
        scoped(
            select(ServiceArea.service_id, ServiceArea.name).where(
                ServiceArea.service_id.is_not(None), ServiceArea.name.is_not(None)
            ),
            ServiceArea.service_id,
        )
    ):
        areas[service_id].append(area.strip())

    own_schedules: dict[str, list[Schedule]] = defaultdict(list)
    for schedule in session.scalars(
        scoped(select(Schedule).where(Schedule.service_id.is_not(None)), Schedule.service_id)
    ):
        own_schedules[schedule.service_id].append(schedule)
    if service_of_sal:
        for schedule in session.scalars(
            select(Schedule).where(
                Schedule.service_id.is_(None),
                Schedule.service_at_location_id.in_(list(service_of_sal)),
            )
        ):
            own_schedules[service_of_sal[schedule.service_at_location_id]].append(schedule)
    location_schedules: dict[str, list[Schedule]] = defaultdict(list)
    location_ids = set(location_of_sal.values())
    if location_ids:
        for schedule in session.scalars(
            select(Schedule).where(
                Schedule.service_id.is_(None),
                Schedule.service_at_location_id.is_(None),
                Schedule.location_id.in_(list(location_ids)),
            )
        ):
            location_schedules[schedule.location_id].append(schedule)

    terms: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    for link_id, term_id, term_name in session.execute(
        scoped(
            select(Attribute.link_id, Attribute.taxonomy_term_id, TaxonomyTerm.name)
            .outerjoin(TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id)
            .where(Attribute.link_entity == "service"),
            Attribute.link_id,
        )
    ):
        terms[link_id].append((term_id, term_name))
    languages: dict[str, set[str]] = defaultdict(set)
    for service_id, code, name in session.execute(
        scoped(
            select(Language.service_id, Language.code, Language.name).where(
                Language.service_id.is_not(None)
            ),
            Language.service_id,
        )
    ):
        normalized = normalize_language(code, name)
        if normalized:
            languages[service_id].add(normalized)
    phones: dict[str, tuple[str, str | None]] = {}
    for service_id, number, phone_type in session.execute(
        scoped(
            select(Phone.service_id, Phone.number, Phone.type)
            .where(Phone.service_id.is_not(None))
            .order_by(Phone.id),
            Phone.service_id,
        )
    ):
        chosen = phones.get(service_id)
        if chosen is None or (not is_for_calling(chosen[1]) and is_for_calling(phone_type)):
            phones[service_id] = (number, phone_type)  # the first line that takes calls

    cards = []
    for service, organization_name in services:
        rows = own_schedules.get(service.id, [])
        if not rows:
            for location_id, _ in places.get(service.id, []):
                rows = rows + location_schedules.get(location_id, [])
        rules, unreadable = _rules_for(rows)
        addresses = [address for _, address in places.get(service.id, []) if address]
        codes = []
        others = []
        for term_id, term_name in terms.get(service.id, []):
            category = CATEGORY_BY_TERM_ID.get(term_id or "")
            if category is not None:
                codes.append(category.code)
            elif term_name:
                others.append(term_name)
        first = addresses[0] if addresses else None
        cards.append(
            ServiceCard(
                id=service.id,
                name=service.name,
                organization=organization_name or "",
                description=service.description or "",
                status=service.status or "active",
                alert=service.alert,
                category_codes=tuple(sorted(set(codes))),
                other_terms=tuple(sorted(set(others))),
                languages=tuple(sorted(languages.get(service.id, ()))),
                towns=tuple(
                    dict.fromkeys(
                        [a.city.strip() for a in addresses if a.city]
                        or [area for area in areas.get(service.id, []) if area]
                    )
                ),
                address=f"{first.address_1}, {first.city}" if first else "",
                phone=display_phone(phones.get(service.id, ("", None))[0]),
                phone_type=phones.get(service.id, ("", None))[1],
                accepts_walk_ins=service.accepts_walk_ins,
                free_of_charge=service.free_of_charge,
                insurance_accepted=service.insurance_accepted,
                eligibility=service.eligibility_description,
                assured_date=service.assured_date,
                assurer_email=service.assurer_email,
                capacity_available=service.capacity_available,
                capacity_total=service.capacity_total,
                capacity_unit=service.capacity_unit,
                capacity_updated_at=service.capacity_updated_at,
                is_sample=service.is_sample,
                rules=rules,
                hours_unreadable=unreadable,
                updated_at=service.updated_at,
                version=service.version,
            )
        )
    return cards
