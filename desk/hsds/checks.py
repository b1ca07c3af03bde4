"""Checking a whole package before anything is written: types, duplicates, references.

The rule for references: a reference HSDS requires (a service's organization, a
service-at-location's service and location, an attribute's term, ...) must point at a record
in the package or already in the directory, or the row is rejected. An optional reference
that points nowhere (the official example has several) is kept as written, for the export,
and noted; the link itself is left empty.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.sqltypes import Date, DateTime, Float, Integer, String, Time

from desk.hsds import desk_details
from desk.hsds.records import RawRecord, TypedRecord, type_record
from desk.hsds.report import ImportReport
from desk.hsds.spec import MODELS, tables
from desk.models import HsdsOtherRecord

CHUNK = 500


def type_package(
    raw: dict[str, list[RawRecord]], report: ImportReport
) -> dict[str, dict[str, TypedRecord]]:
    """Typed records by table and id; duplicates and bad values go to `report`."""
    specs = tables()
    typed: dict[str, dict[str, TypedRecord]] = {}
    for table, records in raw.items():
        spec = specs.get(table)
        by_id: dict[str, TypedRecord] = typed.setdefault(table, {})
        for record in records:
            if spec is None:  # a table HSDS does not name, kept whole
                record_id = str(record.values.get("id") or "").strip()
                if not record_id:
                    report.reject(record.where, "the id is empty")
                    continue
                item = TypedRecord(table, record.where, record_id, dict(record.values), {})
            else:
                item = type_record(record, spec, report)
                if item is None:
                    raw_id = str(record.values.get("id") or "").strip()
                    report.rejected_ids.setdefault(table, set()).add(raw_id)
                    continue
                _fit_to_model(item, report)
            first = by_id.get(item.id)
            if first is not None:
                report.reject(
                    item.where,
                    f"the id is used twice in the {table} table (also {first.where})",
                    item.id,
                )
                continue
            by_id[item.id] = item
    return typed


def _fit_to_model(record: TypedRecord, report: ImportReport) -> None:
    """Values the database column can hold exactly, or a problem saying why not."""
    model = MODELS.get(record.table)
    if model is None:
        return
    columns = model.__table__.columns
    for name, value in list(record.values.items()):
        if value is None or name not in columns:
            continue
        kind = columns[name].type
        if isinstance(kind, String) and not isinstance(value, str):
            value = _number_text(value) if isinstance(value, int | float) else str(value)
        elif isinstance(kind, Integer) and not isinstance(kind, Float):
            if isinstance(value, float) and not value.is_integer():
                report.reject(
                    record.where, f"{name} must be a whole number, not {value}", record.id
                )
                continue
            value = int(value)
        elif isinstance(kind, Float):
            value = float(value)
        if isinstance(kind, String) and kind.length and len(value) > kind.length:
            report.reject(
                record.where,
                f"{name} “{value[:40]}” is longer than the {kind.length} characters it may have",
                record.id,
            )
            continue
        if isinstance(kind, Date | DateTime | Time) and not isinstance(
            value, date | datetime | time
        ):
            report.reject(record.where, f"{name} “{value}” is not a date or time", record.id)
            continue
        record.values[name] = value


def _number_text(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def take_desk_details(
    typed: dict[str, dict[str, TypedRecord]], report: ImportReport
) -> dict[str, dict[str, Any]]:
    """Remove the desk's own attributes (and their taxonomy) from the package; the columns."""
    columns: dict[str, dict[str, Any]] = defaultdict(dict)
    attributes = typed.get("attribute", {})
    for attribute_id, record in list(attributes.items()):
        term = desk_details.TERM_BY_ID.get(record.values.get("taxonomy_term_id") or "")
        if term is None:
            continue
        del attributes[attribute_id]
        try:
            value = desk_details.decode(term, record.values.get("value"))
        except ValueError as error:
            report.reject(record.where, f"{term.column}: {error}", record.id)
            continue
        if value is None:  # an empty value: the column's own "not said" (is_sample: False)
            value = desk_details.EMPTY_MEANS.get(term.column)
        columns[record.values.get("link_id") or ""][term.column] = value
    for term in desk_details.TERMS:
        typed.get("taxonomy_term", {}).pop(term.term_id, None)
    typed.get("taxonomy", {}).pop(desk_details.TAXONOMY_ID, None)
    for service_id in columns:
        if service_id not in typed.get("service", {}):
            report.reject(
                "attribute",
                "desk details (walk-ins, capacity) for a service not in the package",
                service_id,
            )
    return dict(columns)


def _existing_ids(session: Session, table: str, ids: set[str]) -> set[str]:
    model = MODELS.get(table)
    found: set[str] = set()
    listed = sorted(ids)
    for start in range(0, len(listed), CHUNK):
        chunk = listed[start : start + CHUNK]
        if model is not None:
            query = select(model.id).where(model.id.in_(chunk))
        else:
            query = select(HsdsOtherRecord.id).where(
                HsdsOtherRecord.table_name == table, HsdsOtherRecord.id.in_(chunk)
            )
        found.update(session.scalars(query))
    return found


def check_references(
    session: Session, typed: dict[str, dict[str, TypedRecord]], report: ImportReport
) -> None:
    specs = tables()
    wanted: dict[str, set[str]] = defaultdict(set)
    for table, records in typed.items():
        spec = specs.get(table)
        if spec is None:
            continue
        for record in records.values():
            for name, target in spec.references.items():
                value = record.values.get(name)
                if value and value not in typed.get(target, {}):
                    wanted[target].add(value)
    known = {target: _existing_ids(session, target, ids) for target, ids in wanted.items()}
    for table, records in typed.items():
        spec = specs.get(table)
        if spec is None:
            continue
        for record in records.values():
            for name, target in spec.references.items():
                value = record.values.get(name)
                if (
                    not value
                    or value in typed.get(target, {})
                    or value in known[target]
                    or value in report.rejected_ids.get(target, ())
                ):
                    continue
                message = f"{name} “{value}” points at no {target} in the package or the directory"
                if spec.field(name).required:
                    report.reject(record.where, message, record.id)
                elif table in MODELS:
                    report.note(record.where, f"{message}; kept for export, not linked", record.id)
                    record.extra[name] = value
                    record.values[name] = None
                else:
                    report.note(record.where, f"{message}; kept as written", record.id)
