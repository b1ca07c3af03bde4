"""The declarative base, constraint naming convention and column types shared by every model."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Enum, ForeignKey, Integer, MetaData, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator

# Alembic needs stable constraint names to alter tables portably (batch mode on SQLite).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# A 64-bit key on PostgreSQL; on SQLite only INTEGER PRIMARY KEY autoincrements.
BigIntKey = BigInteger().with_variant(Integer(), "sqlite")


def utc_now() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator):
    """Stores an aware datetime as naive UTC and returns it aware, on every engine."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class utc_timestamp(FunctionElement):
    """The database's own clock, in UTC: edit times that every station agrees on.

    A station whose clock ran behind would otherwise write `updated_at` values that the other
    stations' incremental refreshes have already read past, and its changes would be missed.
    """

    type = UtcDateTime()
    inherit_cache = True


@compiles(utc_timestamp, "postgresql")
def _utc_timestamp_postgresql(_element, _compiler, **_kw) -> str:
    return "timezone('utc', statement_timestamp())"


@compiles(utc_timestamp, "sqlite")
def _utc_timestamp_sqlite(_element, _compiler, **_kw) -> str:
    # SQLite's 'now' is UTC; %f has milliseconds, padded to the microseconds SQLAlchemy
    # writes, so values from Python and from SQL sort and parse alike.
    return "(strftime('%Y-%m-%d %H:%M:%f', 'now') || '000')"


def enum_column(enum_class: type[enum.Enum], length: int = 24) -> Enum:
    """A portable enum: stored as its lower-case value in a VARCHAR, checked by the model."""
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UtcDateTime(),
        dict[str, Any]: JSON(),
        str: String(),
    }


def staff_fk(ondelete: str | None = None) -> ForeignKey:
    return ForeignKey("staff_member.id", ondelete=ondelete)
