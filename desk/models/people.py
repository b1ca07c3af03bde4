"""People served: peers and family members. Only a first name or initials is required."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, enum_column, staff_fk, utc_now, utc_timestamp


class PersonKind(enum.Enum):
    PEER = "peer"
    FAMILY = "family"  # a family member or ally of someone in recovery


class Person(Base):
    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(
            "birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100", name="birth_year"
        ),
        Index("ix_person_updated_at", "updated_at"),
        Index("ix_person_phone", "phone"),
        Index("uq_person_idempotency_key", "idempotency_key", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str]  # or initials, when that is all a person offers
    last_name: Mapped[str | None]
    preferred_name: Mapped[str | None]
    nickname: Mapped[str | None]
    pronouns: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[PersonKind] = mapped_column(enum_column(PersonKind), default=PersonKind.PEER)
    birth_year: Mapped[int | None] = mapped_column(SmallInteger)
    birth_date: Mapped[date | None]
    phone: Mapped[str | None] = mapped_column(String(32))  # E.164, then ;ext=NN if it has one
    # A key the station made for this write (uuid), unique: a save sent again after its
    # reply was lost finds this row instead of writing a second one (migration f001).
    idempotency_key: Mapped[str | None] = mapped_column(String(36))
    email: Mapped[str | None]
    preferred_language: Mapped[str | None] = mapped_column(String(16))  # ISO 639-1
    may_call: Mapped[bool | None]  # None: not asked
    may_text: Mapped[bool | None]
    may_leave_message: Mapped[bool | None]
    town: Mapped[str | None]
    heard_about: Mapped[str | None]
    note: Mapped[str | None]

    # The peer's own wishes for a recovery coach: they come first when matching.
    wished_coach_id: Mapped[int | None] = mapped_column(staff_fk("SET NULL"))
    wished_coach_gender: Mapped[str | None] = mapped_column(String(40))
    wished_coach_language: Mapped[str | None] = mapped_column(String(16))  # ISO 639-1
    wished_specialties: Mapped[list[str] | None] = mapped_column(JSON)  # specialty tag codes
    recovery_pathway: Mapped[str | None]

    # Denormalized from visits for the sign-in lookup; written without bumping `version`,
    # so a sign-in never makes someone's open edit of this record stale.
    last_visit_at: Mapped[datetime | None]
    # The center-local day of their first visit not undone, for the reports' new and
    # returning people; kept where visits are written (desk.services.first_visits).
    first_visit_day: Mapped[date | None]

    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    # Removed at the person's request: every detail is erased, this row only keeps the number.
    removed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[int | None] = mapped_column(staff_fk())
    updated_at: Mapped[datetime] = mapped_column(default=utc_timestamp(), onupdate=utc_timestamp())
    updated_by_id: Mapped[int | None] = mapped_column(staff_fk())
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}
