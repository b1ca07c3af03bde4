"""What reports keep between runs: each day's visit counts, recounted when a visit of that
day changes (see desk.reports.day_cache). Nothing here names anyone."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class ReportDay(Base):
    """One center-local day's additive visit counts (hours, purposes, items, waits)."""

    __tablename__ = "report_day"

    local_day: Mapped[date] = mapped_column(primary_key=True)
    figures: Mapped[dict[str, Any]]
    computed_at: Mapped[datetime]  # the database's clock when the count began


class ReportCacheState(Base):
    """One row: when the kept days were last checked against changed visits."""

    __tablename__ = "report_cache_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    swept_at: Mapped[datetime]
