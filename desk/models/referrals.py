"""Referral sheets given, their follow-up, and 42 CFR Part 2 consents to disclose."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.models.base import Base, enum_column, staff_fk, utc_now
from desk.models.directory import HSDS_ID


class ReferralOutcome(enum.Enum):
    PENDING = "pending"
    CONNECTED = "connected"
    NOT_CONNECTED = "not_connected"
    UNKNOWN = "unknown"


class Referral(Base):
    """One referral sheet given to a person (or to someone anonymous)."""

    __tablename__ = "referral"
    __table_args__ = (
        Index("ix_referral_follow_up", "outcome", "follow_up_on"),
        Index("ix_referral_created_at", "created_at"),
        Index("uq_referral_idempotency_key", "idempotency_key", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    coach_id: Mapped[int | None] = mapped_column(staff_fk())
    consent_id: Mapped[int | None] = mapped_column(ForeignKey("consent.id"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[int] = mapped_column(staff_fk())
    # A key the station made for this write (uuid), unique: a save sent again after its
    # reply was lost finds this row instead of writing a second one (migration f001).
    idempotency_key: Mapped[str | None] = mapped_column(String(36))
    language: Mapped[str] = mapped_column(String(8), default="en")
    large_print: Mapped[bool] = mapped_column(default=False)
    shows_name: Mapped[bool] = mapped_column(default=False)  # "prepared for" on the sheet
    next_steps: Mapped[str | None]
    follow_up_on: Mapped[date | None]
    outcome: Mapped[ReferralOutcome] = mapped_column(
        enum_column(ReferralOutcome), default=ReferralOutcome.PENDING
    )
    outcome_note: Mapped[str | None]
    outcome_at: Mapped[datetime | None]
    outcome_by_id: Mapped[int | None] = mapped_column(staff_fk())
    # Everything the sheet showed, as printed, so a reprint gives the same sheet.
    document: Mapped[dict[str, Any] | None]
    print_count: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column()

    items: Mapped[list[ReferralItem]] = relationship(
        cascade="all, delete-orphan", order_by="ReferralItem.position"
    )

    __mapper_args__ = {"version_id_col": version}


class ReferralItem(Base):
    __tablename__ = "referral_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referral.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    service_id: Mapped[str | None] = mapped_column(
        HSDS_ID, ForeignKey("service.id", ondelete="SET NULL"), index=True
    )
    service_name: Mapped[str]  # as it was when referred, should the service later go
    note: Mapped[str | None]
    # The consent under which the person was named to this provider (a named sheet only).
    consent_id: Mapped[int | None] = mapped_column(ForeignKey("consent.id", ondelete="SET NULL"))


class Consent(Base):
    """A written consent to disclose, with the elements 42 CFR §2.31 requires."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    disclosing_party: Mapped[str]  # who may disclose: the center, by name
    recipient_name: Mapped[str]  # to whom
    recipient_organization_id: Mapped[str | None] = mapped_column(
        HSDS_ID, ForeignKey("organization.id", ondelete="SET NULL")
    )
    recipient_service_id: Mapped[str | None] = mapped_column(
        HSDS_ID, ForeignKey("service.id", ondelete="SET NULL")
    )
    information: Mapped[str]  # how much and what kind
    purpose: Mapped[str]
    expires_on: Mapped[date | None]
    expiry_event: Mapped[str | None]  # or an event or condition
    signed_on: Mapped[date | None]  # None until the signed form is back
    revoked_on: Mapped[date | None]
    revocation_note: Mapped[str | None]
    revoked_by_id: Mapped[int | None] = mapped_column(staff_fk())
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[int] = mapped_column(staff_fk())
    # Made for every program of the recipient organization (not one program): said once,
    # when it is made, so that a program later removed never widens it to the organization.
    whole_organization: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The language its form was written in: a reprint of the form is in the same words.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}
