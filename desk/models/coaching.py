"""Peer-to-coach assignments, the waitlist, contacts, goals and BARC-10. Nothing clinical."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, SmallInteger, String, text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, enum_column, staff_fk, utc_now


class Assignment(Base):
    """A peer paired with a coach; a peer has at most one assignment with no end."""

    __tablename__ = "assignment"
    __table_args__ = (
        Index(
            "uq_assignment_one_active_per_person",
            "person_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
        Index("ix_assignment_coach_active", "coach_id", "ended_at"),
        Index("ix_assignment_person_started", "person_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    coach_id: Mapped[int] = mapped_column(staff_fk())
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None]
    assigned_by_id: Mapped[int] = mapped_column(staff_fk())
    ended_by_id: Mapped[int | None] = mapped_column(staff_fk())
    over_limit: Mapped[bool] = mapped_column(default=False)  # an audited override
    match_reasons: Mapped[str | None]  # the suggestion's reasons, in words, when it was made


class WaitlistEntry(Base):
    """A peer waiting for a coach with room."""

    __tablename__ = "waitlist_entry"
    __table_args__ = (
        Index("ix_waitlist_entry_open", "resolved_at", "added_at"),
        Index(
            "uq_waitlist_entry_one_open_per_person",
            "person_id",
            unique=True,
            sqlite_where=text("resolved_at IS NULL"),
            postgresql_where=text("resolved_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    added_at: Mapped[datetime] = mapped_column(default=utc_now)
    added_by_id: Mapped[int] = mapped_column(staff_fk())
    note: Mapped[str | None]
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None]


class ContactMode(enum.Enum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    TEXT = "text"


class CoachingContact(Base):
    """One contact between a coach and a peer: short, non-clinical, with the next step."""

    __tablename__ = "coaching_contact"
    __table_args__ = (
        CheckConstraint("minutes IS NULL OR minutes >= 0", name="minutes"),
        Index("ix_coaching_contact_person_at", "person_id", "contact_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    coach_id: Mapped[int] = mapped_column(staff_fk())
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("assignment.id"))
    contact_at: Mapped[datetime]
    mode: Mapped[ContactMode] = mapped_column(enum_column(ContactMode))
    minutes: Mapped[int | None] = mapped_column(SmallInteger)
    note: Mapped[str | None]
    next_step: Mapped[str | None]
    follow_up_on: Mapped[date | None] = mapped_column(index=True)
    recorded_by_id: Mapped[int] = mapped_column(staff_fk())
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)


class GoalArea(enum.Enum):
    HOUSING = "housing"
    WORK = "work"
    EDUCATION = "education"
    RELATIONSHIPS = "relationships"
    HEALTH = "health"
    RECOVERY = "recovery"


class GoalStatus(enum.Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    ON_HOLD = "on_hold"
    DROPPED = "dropped"


class RecoveryGoal(Base):
    __tablename__ = "recovery_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    area: Mapped[GoalArea] = mapped_column(enum_column(GoalArea))
    title: Mapped[str]
    status: Mapped[GoalStatus] = mapped_column(
        enum_column(GoalStatus), default=GoalStatus.NOT_STARTED
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[int] = mapped_column(staff_fk())
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}


BARC10_ITEMS = 10


class Barc10Assessment(Base):
    """Brief Assessment of Recovery Capital: ten items scored 1-6, total 10-60."""

    __tablename__ = "barc10_assessment"
    __table_args__ = tuple(
        CheckConstraint(f"item_{n} BETWEEN 1 AND 6", name=f"item_{n}_range")
        for n in range(1, BARC10_ITEMS + 1)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    taken_on: Mapped[date]
    item_1: Mapped[int] = mapped_column(SmallInteger)
    item_2: Mapped[int] = mapped_column(SmallInteger)
    item_3: Mapped[int] = mapped_column(SmallInteger)
    item_4: Mapped[int] = mapped_column(SmallInteger)
    item_5: Mapped[int] = mapped_column(SmallInteger)
    item_6: Mapped[int] = mapped_column(SmallInteger)
    item_7: Mapped[int] = mapped_column(SmallInteger)
    item_8: Mapped[int] = mapped_column(SmallInteger)
    item_9: Mapped[int] = mapped_column(SmallInteger)
    item_10: Mapped[int] = mapped_column(SmallInteger)
    recorded_by_id: Mapped[int] = mapped_column(staff_fk())
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    note: Mapped[str | None] = mapped_column(String(500))

    @property
    def scores(self) -> list[int]:
        return [getattr(self, f"item_{n}") for n in range(1, BARC10_ITEMS + 1)]

    @property
    def total(self) -> int:
        return sum(self.scores)
