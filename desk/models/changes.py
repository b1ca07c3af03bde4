"""Change notices: what kind of thing changed, so other stations refresh only what shows it.

PostgreSQL carries the topic in NOTIFY; a SQLite file has no such channel, so a notice row is
written in the same transaction and stations read the rows newer than the last they saw.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, BigIntKey, utc_timestamp


class ChangeNotice(Base):
    __tablename__ = "change_notice"

    id: Mapped[int] = mapped_column(BigIntKey, primary_key=True, autoincrement=True)
    topic: Mapped[str] = mapped_column(String(40))
    noticed_at: Mapped[datetime] = mapped_column(default=utc_timestamp())
