"""The resource directory, table for table as Open Referral HSDS 3.0 names it.

Identifiers are HSDS's own string ids (UUIDs), so an import updates records by id and an
export gives them back. Each table keeps fields we do not model in `extra`, so nothing an
import brings in is dropped. A few columns beyond HSDS serve the desk (walk-ins, capacity,
sample data); the HSDS export carries them as attributes.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, utc_timestamp

HSDS_ID = String(64)


class HsdsTable:
    """Columns every HSDS table shares here: its id and the fields we keep but do not model."""

    id: Mapped[str] = mapped_column(HSDS_ID, primary_key=True, sort_order=-10)
    extra: Mapped[dict[str, Any] | None]


def _ref(target: str, ondelete: str = "CASCADE") -> Any:
    return mapped_column(HSDS_ID, ForeignKey(f"{target}.id", ondelete=ondelete), index=True)


class Organization(HsdsTable, Base):
    __tablename__ = "organization"

    name: Mapped[str]
    alternate_name: Mapped[str | None]
    description: Mapped[str | None]
    email: Mapped[str | None]
    website: Mapped[str | None]
    tax_status: Mapped[str | None]
    tax_id: Mapped[str | None]
    year_incorporated: Mapped[int | None]
    legal_status: Mapped[str | None]
    logo: Mapped[str | None]
    uri: Mapped[str | None]
    parent_organization_id: Mapped[str | None] = mapped_column(HSDS_ID)
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}


class Program(HsdsTable, Base):
    __tablename__ = "program"

    organization_id: Mapped[str | None] = _ref("organization")
    name: Mapped[str]
    alternate_name: Mapped[str | None]
    description: Mapped[str | None]


class Service(HsdsTable, Base):
    __tablename__ = "service"
    __table_args__ = (Index("ix_service_assured_date", "assured_date"),)

    organization_id: Mapped[str | None] = _ref("organization")
    program_id: Mapped[str | None] = _ref("program", "SET NULL")
    name: Mapped[str]
    alternate_name: Mapped[str | None]
    description: Mapped[str | None]
    url: Mapped[str | None]
    email: Mapped[str | None]
    status: Mapped[str] = mapped_column(String(40), default="active")
    interpretation_services: Mapped[str | None]
    application_process: Mapped[str | None]
    fees_description: Mapped[str | None]
    wait_time: Mapped[str | None]
    fees: Mapped[str | None]
    accreditations: Mapped[str | None]
    eligibility_description: Mapped[str | None]
    minimum_age: Mapped[float | None]
    maximum_age: Mapped[float | None]
    assured_date: Mapped[date | None]  # last verified
    assurer_email: Mapped[str | None]  # verified by
    licenses: Mapped[str | None]
    alert: Mapped[str | None]
    last_modified: Mapped[datetime | None]
    # Beyond HSDS, for the desk:
    accepts_walk_ins: Mapped[bool | None]
    free_of_charge: Mapped[bool | None]
    insurance_accepted: Mapped[str | None]
    capacity_available: Mapped[int | None]
    capacity_total: Mapped[int | None]
    capacity_unit: Mapped[str | None] = mapped_column(String(40))  # beds, slots
    capacity_updated_at: Mapped[datetime | None]
    is_sample: Mapped[bool] = mapped_column(default=False)  # demo data: verify before use
    updated_at: Mapped[datetime] = mapped_column(default=utc_timestamp(), onupdate=utc_timestamp())
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}


class Location(HsdsTable, Base):
    __tablename__ = "location"

    location_type: Mapped[str] = mapped_column(String(40), default="physical")
    url: Mapped[str | None]
    organization_id: Mapped[str | None] = _ref("organization")
    name: Mapped[str | None]
    alternate_name: Mapped[str | None]
    description: Mapped[str | None]
    transportation: Mapped[str | None]
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    external_identifier: Mapped[str | None]
    external_identifier_type: Mapped[str | None]


class ServiceAtLocation(HsdsTable, Base):
    __tablename__ = "service_at_location"

    service_id: Mapped[str] = _ref("service")
    location_id: Mapped[str] = _ref("location")
    description: Mapped[str | None]


class Address(HsdsTable, Base):
    __tablename__ = "address"

    location_id: Mapped[str | None] = _ref("location")
    attention: Mapped[str | None]
    address_1: Mapped[str]
    address_2: Mapped[str | None]
    city: Mapped[str]
    region: Mapped[str | None]
    state_province: Mapped[str]
    postal_code: Mapped[str]
    country: Mapped[str] = mapped_column(String(8))
    address_type: Mapped[str] = mapped_column(String(20), default="physical")


class Contact(HsdsTable, Base):
    __tablename__ = "contact"

    organization_id: Mapped[str | None] = _ref("organization")
    service_id: Mapped[str | None] = _ref("service")
    service_at_location_id: Mapped[str | None] = _ref("service_at_location")
    location_id: Mapped[str | None] = _ref("location")
    name: Mapped[str | None]
    title: Mapped[str | None]
    department: Mapped[str | None]
    email: Mapped[str | None]


class Phone(HsdsTable, Base):
    __tablename__ = "phone"

    location_id: Mapped[str | None] = _ref("location")
    service_id: Mapped[str | None] = _ref("service")
    organization_id: Mapped[str | None] = _ref("organization")
    contact_id: Mapped[str | None] = _ref("contact")
    service_at_location_id: Mapped[str | None] = _ref("service_at_location")
    number: Mapped[str]
    extension: Mapped[str | None] = mapped_column(String(20))
    type: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str | None]


class Schedule(HsdsTable, Base):
    """When a service is open, in HSDS's RFC 5545 terms; times are local to the service."""

    __tablename__ = "schedule"

    service_id: Mapped[str | None] = _ref("service")
    location_id: Mapped[str | None] = _ref("location")
    service_at_location_id: Mapped[str | None] = _ref("service_at_location")
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    dtstart: Mapped[date | None]
    timezone: Mapped[float | None]
    until: Mapped[date | None]
    count: Mapped[int | None]
    wkst: Mapped[str | None] = mapped_column(String(2))
    freq: Mapped[str | None] = mapped_column(String(10))
    interval: Mapped[int | None]
    byday: Mapped[str | None]
    byweekno: Mapped[str | None]
    bymonthday: Mapped[str | None]
    byyearday: Mapped[str | None]
    description: Mapped[str | None]
    opens_at: Mapped[time | None]
    closes_at: Mapped[time | None]
    schedule_link: Mapped[str | None]
    attending_type: Mapped[str | None]
    notes: Mapped[str | None]


class Taxonomy(HsdsTable, Base):
    __tablename__ = "taxonomy"

    name: Mapped[str]
    description: Mapped[str | None]
    uri: Mapped[str | None]
    taxonomy_version: Mapped[str | None] = mapped_column("version")


class TaxonomyTerm(HsdsTable, Base):
    """A category of the directory (detox, sober housing, food, ...)."""

    __tablename__ = "taxonomy_term"

    code: Mapped[str | None]
    name: Mapped[str]
    description: Mapped[str | None]
    parent_id: Mapped[str | None] = mapped_column(HSDS_ID, index=True)
    taxonomy: Mapped[str | None]
    language: Mapped[str | None] = mapped_column(String(16))
    taxonomy_id: Mapped[str | None] = _ref("taxonomy", "SET NULL")
    term_uri: Mapped[str | None]
    name_es: Mapped[str | None]  # the Spanish label for handouts; beyond HSDS


class Attribute(HsdsTable, Base):
    """Links a taxonomy term to any record, as HSDS 3.0 does (link_entity names the table)."""

    __tablename__ = "attribute"
    __table_args__ = (Index("ix_attribute_link", "link_entity", "link_id"),)

    link_id: Mapped[str] = mapped_column(HSDS_ID)
    taxonomy_term_id: Mapped[str | None] = _ref("taxonomy_term")
    link_type: Mapped[str | None]
    link_entity: Mapped[str | None] = mapped_column(String(40))
    value: Mapped[str | None]


class Language(HsdsTable, Base):
    __tablename__ = "language"

    service_id: Mapped[str | None] = _ref("service")
    location_id: Mapped[str | None] = _ref("location")
    phone_id: Mapped[str | None] = _ref("phone")
    name: Mapped[str | None]
    code: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None]


class CostOption(HsdsTable, Base):
    __tablename__ = "cost_option"

    service_id: Mapped[str | None] = _ref("service")
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    option: Mapped[str | None]
    currency: Mapped[str | None] = mapped_column(String(8))
    amount: Mapped[float | None]
    amount_description: Mapped[str | None]


class RequiredDocument(HsdsTable, Base):
    __tablename__ = "required_document"

    service_id: Mapped[str | None] = _ref("service")
    document: Mapped[str | None]
    uri: Mapped[str | None]


class ServiceArea(HsdsTable, Base):
    __tablename__ = "service_area"

    service_id: Mapped[str | None] = _ref("service")
    name: Mapped[str | None]
    description: Mapped[str | None]
    extent: Mapped[str | None]
    extent_type: Mapped[str | None]
    uri: Mapped[str | None]


class HsdsOtherRecord(Base):
    """A row of an HSDS table not modelled here (funding, accessibility, metadata), kept whole."""

    __tablename__ = "hsds_other_record"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(HSDS_ID, primary_key=True)
    data: Mapped[dict[str, Any]]
