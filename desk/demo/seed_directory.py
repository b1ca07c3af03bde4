"""Fill the resource directory with the sample catalog, repeated with variations for scale."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from desk.categories import CATEGORY_BY_CODE
from desk.demo.bulk import insert_rows
from desk.demo.catalog import CATALOG, ServiceSeed
from desk.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceAtLocation,
)
from desk.validation import parse_phone

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "pt": "Portuguese",
    "vi": "Vietnamese",
    "pl": "Polish",
    "sq": "Albanian",
    "ar": "Arabic",
}
VERIFIERS = ("rosa.delgado@example.org", "marcus.bell@example.org", "frontdesk@example.org")
NEIGHBORHOODS = (
    "Main South",
    "Union Hill",
    "Grafton Hill",
    "Shrewsbury Street",
    "Vernon Hill",
    "Tatnuck",
    "Burncoat",
    "Webster Square",
    "Quinsigamond Village",
    "Greendale",
)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _variants(count: int, rng: random.Random) -> Iterator[tuple[ServiceSeed, str, str]]:
    """(seed, service name, street) for `count` services: the catalog, then variations."""
    for index in range(count):
        seed = CATALOG[index % len(CATALOG)]
        if index < len(CATALOG):
            yield seed, seed.name, seed.street
            continue
        round_number = index // len(CATALOG)
        neighborhood = NEIGHBORHOODS[(index + round_number) % len(NEIGHBORHOODS)]
        street_name = seed.street.split(" ", 1)[-1]
        yield (
            seed,
            f"{seed.name} – {neighborhood} site {round_number}",
            f"{rng.randint(2, 990)} {street_name}",
        )


def seed_directory(
    session: Session, *, services: int, today: date, now: datetime, rng: random.Random
) -> int:
    """Insert `services` sample services with their organizations, places, hours and phones."""
    organizations: dict[str, str] = {}
    rows: dict[type, list[dict]] = {
        model: []
        for model in (
            Organization,
            Service,
            Location,
            ServiceAtLocation,
            Address,
            Phone,
            Schedule,
            Language,
            Attribute,
            RequiredDocument,
        )
    }
    locations: dict[tuple[str, str], str] = {}
    for seed, name, street in _variants(services, rng):
        org_id = organizations.get(seed.organization)
        if org_id is None:
            org_id = organizations[seed.organization] = _uuid(rng)
            rows[Organization].append(
                {
                    "id": org_id,
                    "name": seed.organization,
                    "version": 1,
                    "description": f"{seed.organization} (sample organization).",
                }
            )
        location_key = (street, seed.city)
        location_id = locations.get(location_key)
        if location_id is None:
            location_id = locations[location_key] = _uuid(rng)
            rows[Location].append(
                {
                    "id": location_id,
                    "organization_id": org_id,
                    "location_type": "physical",
                    "name": seed.organization,
                    "transportation": seed.transportation,
                }
            )
            rows[Address].append(
                {
                    "id": _uuid(rng),
                    "location_id": location_id,
                    "address_1": street,
                    "city": seed.city,
                    "state_province": "MA",
                    "postal_code": seed.postal_code,
                    "country": "US",
                    "address_type": "physical",
                }
            )
        service_id = _uuid(rng)
        verified = today - timedelta(days=rng.choice((rng.randint(0, 80), rng.randint(0, 240))))
        capacity = seed.capacity
        available = None
        if capacity is not None:
            available = max(0, min(capacity[1], capacity[0] + rng.randint(-2, 2)))
        rows[Service].append(
            {
                "id": service_id,
                "organization_id": org_id,
                "name": name,
                "description": seed.description,
                "status": "active",
                "url": f"https://example.org/{service_id[:8]}",
                "eligibility_description": seed.eligibility,
                "fees_description": seed.fees,
                "alert": seed.alert,
                "assured_date": verified,
                "assurer_email": rng.choice(VERIFIERS),
                "accepts_walk_ins": seed.walk_ins,
                "free_of_charge": seed.free,
                "insurance_accepted": seed.insurance,
                "capacity_available": available,
                "capacity_total": capacity[1] if capacity else None,
                "capacity_unit": capacity[2] if capacity else None,
                "capacity_updated_at": (now - timedelta(hours=rng.randint(1, 96)))
                if capacity
                else None,
                "is_sample": True,
                "updated_at": now,
                "version": 1,
                "application_process": seed.hours_note,
            }
        )
        rows[ServiceAtLocation].append(
            {"id": _uuid(rng), "service_id": service_id, "location_id": location_id}
        )
        rows[Phone].append(
            {
                "id": _uuid(rng),
                "service_id": service_id,
                "number": parse_phone(seed.phone),
                "type": "voice",
            }
        )
        for byday, opens, closes in seed.hours:
            rows[Schedule].append(
                {
                    "id": _uuid(rng),
                    "service_id": service_id,
                    "freq": "WEEKLY",
                    "byday": byday,
                    "opens_at": time.fromisoformat(opens),
                    "closes_at": time.fromisoformat(closes),
                    "description": seed.hours_note,
                }
            )
        for code in seed.languages:
            rows[Language].append(
                {
                    "id": _uuid(rng),
                    "service_id": service_id,
                    "code": code,
                    "name": LANGUAGE_NAMES.get(code, code),
                }
            )
        for category in (seed.category, *seed.extra_categories):
            rows[Attribute].append(
                {
                    "id": _uuid(rng),
                    "link_id": service_id,
                    "link_entity": "service",
                    "link_type": "category",
                    "taxonomy_term_id": CATEGORY_BY_CODE[category].term_id,
                }
            )
        for document in seed.documents:
            rows[RequiredDocument].append(
                {"id": _uuid(rng), "service_id": service_id, "document": document}
            )
    for model, model_rows in rows.items():
        insert_rows(session, model, model_rows)
    return len(rows[Service])
