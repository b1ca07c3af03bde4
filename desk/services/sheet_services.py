"""Services as a handout prints them, loaded in a handful of set-based queries.

One query per table for all the services together (never one per service), so a category
handout of 200 services loads as quickly as a referral sheet of five.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from urllib.parse import quote_plus, urlparse

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import unrestricted
from desk.directory.cards import ServiceCard, load_cards
from desk.directory.freshness import is_stale
from desk.directory.hours_text import hours_text
from desk.directory.languages import language_name
from desk.models import (
    Address,
    CostOption,
    Location,
    Phone,
    RequiredDocument,
    Service,
    ServiceAtLocation,
)
from desk.printing import catalogue
from desk.printing.sheet_content import SheetService
from desk.services.settings import load_settings
from desk.validation import display_phone

MAP_SEARCH = "https://www.google.com/maps/search/?api=1&query="
ACTIVE = "active"


def _web_address(url: str | None) -> str:
    """A link worth putting in a QR code: http(s) with a host, else nothing."""
    if not url:
        return ""
    text = url.strip()
    if "://" not in text:
        text = f"https://{text}"
    parsed = urlparse(text)
    return text if parsed.scheme in ("http", "https") and parsed.netloc else ""


def _hours(card: ServiceCard, language: str) -> str:
    """Hours in words, then any notes staff keep with the hours ("Walk-ins until 2 pm.")."""
    text = hours_text(card.rules, language)
    notes = []
    for rule in card.rules:
        note = (rule.description or "").strip()
        if note and note != text and note not in notes:
            notes.append(note)
    if not notes:
        return text
    joiner = " " if text.rstrip().endswith((".", "!", "?")) else ". "
    return text + joiner + " ".join(notes)


@unrestricted("directory services: public information")
def load_sheet_services(
    session: Session, service_ids: Sequence[str], language: str, today: date | None = None
) -> dict[str, SheetService]:
    """The services with these ids, keyed by id; ids not in the directory are left out.
    With `today`, each is marked stale when not checked within the center's freshness window
    (directory.stale_after_days), as the Resources page flags it."""
    ids = list(dict.fromkeys(service_ids))
    if not ids:
        return {}
    stale_after = (
        int(load_settings(session)["directory.stale_after_days"]) if today is not None else 0
    )
    cards = {card.id: card for card in load_cards(session, ids)}
    extra = {
        row.id: row
        for row in session.execute(
            select(
                Service.id,
                Service.url,
                Service.fees_description,
                Service.application_process,
            ).where(Service.id.in_(ids))
        )
    }
    addresses: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    getting_there: dict[str, str] = {}
    location_of: dict[str, list[str]] = defaultdict(list)
    for service_id, location, address in session.execute(
        select(ServiceAtLocation.service_id, Location, Address)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .outerjoin(Address, Address.location_id == Location.id)
        .where(ServiceAtLocation.service_id.in_(ids))
        .order_by(ServiceAtLocation.id, Address.address_type, Address.id)
    ):
        location_of[service_id].append(location.id)
        if location.transportation and service_id not in getting_there:
            getting_there[service_id] = location.transportation
        if address is not None and address.address_type != "postal":
            street = ", ".join(p for p in (address.address_1, address.address_2) if p)
            town = " ".join(
                p for p in (f"{address.city},", address.state_province, address.postal_code) if p
            )
            lines = tuple(line for line in (street, town.strip(" ,")) if line)
            if lines not in addresses[service_id]:
                addresses[service_id].append(lines)
    phones: dict[str, list[str]] = defaultdict(list)
    for service_id, number, extension in session.execute(
        select(Phone.service_id, Phone.number, Phone.extension)
        .where(Phone.service_id.in_(ids))
        .order_by(Phone.id)
    ):
        shown = display_phone(number) + (f" ext. {extension}" if extension else "")
        if shown not in phones[service_id]:
            phones[service_id].append(shown)
    all_locations = {loc for locs in location_of.values() for loc in locs}
    if all_locations:
        by_location: dict[str, list[str]] = defaultdict(list)
        for location_id, number in session.execute(
            select(Phone.location_id, Phone.number)
            .where(Phone.location_id.in_(all_locations), Phone.service_id.is_(None))
            .order_by(Phone.id)
        ):
            by_location[location_id].append(display_phone(number))
        for service_id, locations in location_of.items():
            if not phones[service_id]:
                for location_id in locations:
                    phones[service_id].extend(by_location.get(location_id, []))
    documents: dict[str, list[str]] = defaultdict(list)
    for service_id, document in session.execute(
        select(RequiredDocument.service_id, RequiredDocument.document)
        .where(RequiredDocument.service_id.in_(ids))
        .order_by(RequiredDocument.id)
    ):
        if document:
            documents[service_id].append(document)
    costs: dict[str, list[str]] = defaultdict(list)
    for cost in session.scalars(select(CostOption).where(CostOption.service_id.in_(ids))):
        amount = (
            f"{cost.amount:g} {(cost.currency or '').upper()}".strip()
            if cost.amount is not None
            else ""
        )
        words = " ".join(p for p in (cost.option, amount, cost.amount_description) if p)
        if words:
            costs[cost.service_id].append(words)

    result = {}
    for service_id in ids:
        card = cards.get(service_id)
        if card is None:
            continue
        row = extra[service_id]
        website = _web_address(row.url)
        place = addresses[service_id][0] if addresses[service_id] else ()
        if website:
            qr_url, qr_kind = website, "website"
        elif place:
            qr_url, qr_kind = MAP_SEARCH + quote_plus(", ".join(place)), "map"
        else:
            qr_url, qr_kind = "", ""
        alert = card.alert or ""
        if card.status.strip().lower() != ACTIVE:
            closed = catalogue.text("service.closed", language)
            alert = f"{closed} {alert}".strip()
        how_to_apply = (row.application_process or "").strip()
        hours = _hours(card, language)
        if how_to_apply and how_to_apply in hours:
            how_to_apply = ""  # the same words are already printed with the hours
        cost_text = " ".join(p for p in (row.fees_description, *costs[service_id]) if p)
        spoken = [language_name(code, language) for code in card.languages]
        result[service_id] = SheetService(
            id=service_id,
            name=card.name,
            organization=card.organization,
            description=card.description,
            address_lines=place,
            getting_there=getting_there.get(service_id, ""),
            phones=tuple(phones[service_id]),
            hours=hours,
            walk_ins=bool(card.accepts_walk_ins),
            eligibility=card.eligibility or "",
            documents=tuple(documents[service_id]),
            cost=cost_text,
            free=bool(card.free_of_charge),
            insurance=card.insurance_accepted or "",
            how_to_apply=how_to_apply,
            languages=", ".join(spoken),
            alert=alert,
            verified_on=card.assured_date,
            stale=today is not None and is_stale(card.assured_date, today, stale_after),
            is_sample=card.is_sample,
            qr_url=qr_url,
            qr_kind=qr_kind,
        )
    return result
