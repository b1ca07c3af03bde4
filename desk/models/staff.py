"""Staff members, and what a recovery coach brings: languages, specialties, availability."""

from __future__ import annotations

import enum
from datetime import datetime, time

from sqlalchemy import CheckConstraint, ForeignKey, SmallInteger, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.models.base import Base, enum_column, utc_now


class StaffRole(enum.Enum):
    FRONT_DESK = "front_desk"
    COACH = "coach"
    ADMIN = "admin"
    KIOSK = "kiosk"  # the self sign-in kiosk by the door: signs people in by card, nothing else


class StaffMember(Base):
    __tablename__ = "staff_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str]
    login: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[StaffRole] = mapped_column(enum_column(StaffRole))
    password_hash: Mapped[str | None]  # argon2id; None: this account cannot sign in
    pin_hash: Mapped[str | None]  # argon2id of a short PIN that unlocks their own lock screen
    must_change_password: Mapped[bool] = mapped_column(default=False)  # set by an admin reset
    failed_sign_ins: Mapped[int] = mapped_column(default=0)  # wrong passwords in a row
    locked_until: Mapped[datetime | None]  # after too many wrong passwords
    password_changed_at: Mapped[datetime | None]
    last_sign_in_at: Mapped[datetime | None]
    # A coach who may read every peer's coaching notes, not only their own caseload's.
    sees_all_coaching_notes: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    builtin: Mapped[bool] = mapped_column(default=False)
    is_coach: Mapped[bool] = mapped_column(default=False)
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None]
    gender: Mapped[str | None] = mapped_column(String(40))
    recovery_pathway: Mapped[str | None]
    bio: Mapped[str | None]
    caseload_limit: Mapped[int | None]
    # Their own screens (desk.services.staff_preferences); language None: the station's.
    language: Mapped[str | None] = mapped_column(String(8))
    text_scale: Mapped[int] = mapped_column(default=100, server_default="100")
    high_contrast: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}

    languages: Mapped[list[StaffLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="StaffLanguage.language"
    )
    specialties: Mapped[list[StaffSpecialty]] = relationship(
        cascade="all, delete-orphan", order_by="StaffSpecialty.tag_code"
    )
    availability: Mapped[list[CoachAvailability]] = relationship(
        cascade="all, delete-orphan",
        order_by="(CoachAvailability.weekday, CoachAvailability.starts_at)",
    )


class StaffLanguage(Base):
    """A language a staff member speaks, as an ISO 639-1 code (en, es, pt, vi, ...)."""

    __tablename__ = "staff_language"

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_member.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(16), primary_key=True)


class SpecialtyTag(Base):
    """A configurable specialty (family/ally, veterans, re-entry, ...)."""

    __tablename__ = "specialty_tag"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str]
    label_es: Mapped[str | None]
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}


class StaffSpecialty(Base):
    __tablename__ = "staff_specialty"

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_member.id", ondelete="CASCADE"), primary_key=True
    )
    tag_code: Mapped[str] = mapped_column(
        ForeignKey("specialty_tag.code", ondelete="CASCADE"), primary_key=True
    )


class CoachAvailability(Base):
    """A weekly window when a coach is on duty; weekday 0 is Monday, times are center-local."""

    __tablename__ = "coach_availability"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
        UniqueConstraint("staff_id", "weekday", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_member.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(SmallInteger)
    starts_at: Mapped[time]
    ends_at: Mapped[time]
