"""Sign-in cards (a wallet card and a key tag) and the door's requests to be greeted.

A card holds a random token, never a name or a record number; only its SHA-256 hash is kept,
so the database cannot print a card again nor tell anyone what a card says. A person has at
most one card that works: issuing a new one stops the old one (`revoked_at`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, staff_fk, utc_now


class SignInCard(Base):
    __tablename__ = "sign_in_card"
    __table_args__ = (
        Index(
            "uq_sign_in_card_one_working_per_person",
            "person_id",
            unique=True,
            sqlite_where=text("revoked_at IS NULL"),
            postgresql_where=text("revoked_at IS NULL"),
        ),
        Index("ix_sign_in_card_person_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # hex SHA-256
    shows_first_name: Mapped[bool] = mapped_column(default=False)  # the person chose it
    issued_at: Mapped[datetime] = mapped_column(default=utc_now)
    issued_by_id: Mapped[int] = mapped_column(staff_fk())
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    revoked_by_id: Mapped[int | None] = mapped_column(staff_fk())
    revoke_reason: Mapped[str | None] = mapped_column(String(40))  # replaced, lost, removed


class DoorRequest(Base):
    """Someone at the self sign-in kiosk pressed "First time / no card": the desk greets them
    (and signs them in as usual). Nobody is named; what they came for may be."""

    __tablename__ = "door_request"
    __table_args__ = (Index("ix_door_request_local_day", "local_day", "answered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(default=utc_now)
    local_day: Mapped[date]
    purposes: Mapped[list[str] | None] = mapped_column(JSON, default=None)  # purpose codes
    station: Mapped[str | None] = mapped_column(String(120))
    answered_at: Mapped[datetime | None]
    answered_by_id: Mapped[int | None] = mapped_column(staff_fk())
