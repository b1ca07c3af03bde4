"""Center settings: one row per key, with a version so two stations cannot overwrite each other."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, staff_fk, utc_now


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    updated_by_id: Mapped[int | None] = mapped_column(staff_fk())
    version: Mapped[int] = mapped_column()

    __mapper_args__ = {"version_id_col": version}
