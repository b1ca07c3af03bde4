"""Visits to the center, anonymous ones included, and their purposes."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, SmallInteger, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.models.base import Base, enum_column, staff_fk, utc_now, utc_timestamp


class VisitStatus(enum.Enum):
    WAITING = "waiting"
    WITH_COACH = "with_coach"
    DONE = "done"
    UNDONE = "undone"  # a mistaken sign-in, withdrawn; kept for the audit trail


class Purpose(Base):
    """A configurable reason for a visit (drop-in, coaching, naloxone kits, ...)."""

    __tablename__ = "purpose"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str]
    label_es: Mapped[str | None]
    counts_items: Mapped[bool] = mapped_column(default=False)  # e.g. how many naloxone kits
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}


class Visit(Base):
    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_local_day_status", "local_day", "status"),
        Index("ix_visit_person_arrived", "person_id", "arrived_at"),
        Index("ix_visit_updated_at", "updated_at"),
        # Reports read a period's visits from these alone (migration p001).
        Index(
            "ix_visit_report_day", "local_day", "status", "person_id", "arrived_at", "started_at"
        ),
        Index("ix_visit_person_day", "person_id", "local_day", "status"),
        # A person is here at most once at a time, even when two stations sign them in at
        # the same moment: the database, not a check before the insert, has the last word.
        Index(
            "uq_visit_one_open_per_person_day",
            "person_id",
            "local_day",
            unique=True,
            sqlite_where=text("person_id IS NOT NULL AND status IN ('waiting', 'with_coach')"),
            postgresql_where=text("person_id IS NOT NULL AND status IN ('waiting', 'with_coach')"),
        ),
        Index("uq_visit_idempotency_key", "idempotency_key", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))  # None: anonymous
    anonymous_initials: Mapped[str | None] = mapped_column(String(12))
    # A key the station made for this write (uuid), unique: a save sent again after its
    # reply was lost finds this row instead of writing a second one (migration f001).
    idempotency_key: Mapped[str | None] = mapped_column(String(36))
    arrived_at: Mapped[datetime] = mapped_column(default=utc_now)
    local_day: Mapped[date]  # the center's calendar day of arrival, for the queue and counts
    status: Mapped[VisitStatus] = mapped_column(
        enum_column(VisitStatus), default=VisitStatus.WAITING
    )
    requested_coach_id: Mapped[int | None] = mapped_column(staff_fk())
    coach_id: Mapped[int | None] = mapped_column(staff_fk())
    started_at: Mapped[datetime | None]
    departed_at: Mapped[datetime | None]
    signed_in_by_id: Mapped[int] = mapped_column(staff_fk())
    note: Mapped[str | None]
    undone_at: Mapped[datetime | None]
    undone_by_id: Mapped[int | None] = mapped_column(staff_fk())
    undo_reason: Mapped[str | None]
    # How they came in: None at the desk by name, "card" scanned at the desk, "kiosk" at the
    # self sign-in kiosk by the door (the queue says "signed in at the door").
    way_in: Mapped[str | None] = mapped_column(String(12))
    updated_at: Mapped[datetime] = mapped_column(default=utc_timestamp(), onupdate=utc_timestamp())
    version: Mapped[int] = mapped_column()

    purposes: Mapped[list[VisitPurpose]] = relationship(
        cascade="all, delete-orphan", order_by="VisitPurpose.purpose_code"
    )

    __mapper_args__ = {"version_id_col": version}


class VisitPurpose(Base):
    __tablename__ = "visit_purpose"
    __table_args__ = (
        CheckConstraint("quantity IS NULL OR quantity >= 0", name="quantity"),
        Index("ix_visit_purpose_report", "visit_id", "purpose_code", "quantity"),
    )

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True
    )
    purpose_code: Mapped[str] = mapped_column(ForeignKey("purpose.code"), primary_key=True)
    quantity: Mapped[int | None] = mapped_column(SmallInteger)
