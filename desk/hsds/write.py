"""Writing a checked package: insert new ids, update known ones, in reference order.

Core executemany keeps 10,000 services (and their hundred thousand related rows) to seconds.
Services whose related rows changed get a new `updated_at` and version, so every station's
search index and any open edit form notice.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from desk.hsds.records import TypedRecord
from desk.hsds.report import ImportReport
from desk.hsds.spec import MODELS, write_order
from desk.models import HsdsOtherRecord, Service, ServiceAtLocation
from desk.models.base import utc_now

CHUNK = 2000
_VERSIONED = {"service", "organization"}
# Columns an HSDS source may not leave empty in our tables, and what an insert assumes.
_INSERT_DEFAULTS: dict[str, dict[str, Any]] = {
    "service": {"status": "active", "is_sample": False},
    "location": {"location_type": "physical"},
}


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def _model_row(record: TypedRecord, columns: set[str]) -> dict[str, Any]:
    row = {name: value for name, value in record.values.items() if name in columns}
    row["id"] = record.id
    row["extra"] = record.extra or None
    return row


def _existing(session: Session, model: type, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        found.update(
            session.scalars(select(model.id).where(model.id.in_(ids[start : start + CHUNK])))
        )
    return found


def _write_table(
    session: Session,
    table: str,
    records: dict[str, TypedRecord],
    desk_columns: dict[str, dict[str, Any]],
    report: ImportReport,
    now: datetime,
) -> None:
    model = MODELS[table]
    sql_table = model.__table__
    columns = {column.key for column in sql_table.columns}
    known = _existing(session, model, list(records))
    inserts: list[dict[str, Any]] = []
    updates: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for record in records.values():
        row = _model_row(record, columns)
        if table == "service":
            row.update(desk_columns.get(record.id, {}))
            row["updated_at"] = now
        if record.id in known:
            row["b_id"] = row.pop("id")
            updates[frozenset(row)].append(row)
        else:
            full = {**_INSERT_DEFAULTS.get(table, {}), **row}
            if table in _VERSIONED:
                full["version"] = 1
            inserts.append(full)
    if inserts:
        keys = sorted({key for row in inserts for key in row})
        statement = insert(sql_table)
        for start in range(0, len(inserts), CHUNK):
            batch = [{key: row.get(key) for key in keys} for row in inserts[start : start + CHUNK]]
            session.execute(statement, batch)
    for keys, rows in updates.items():
        values: dict[str, Any] = {key: bindparam(f"v_{key}") for key in keys if key != "b_id"}
        if table in _VERSIONED:
            values["version"] = sql_table.c.version + 1
        statement = update(sql_table).where(sql_table.c.id == bindparam("b_id")).values(values)
        params = [
            {"b_id": row["b_id"], **{f"v_{k}": v for k, v in row.items() if k != "b_id"}}
            for row in rows
        ]
        for start in range(0, len(params), CHUNK):
            session.connection().execute(statement, params[start : start + CHUNK])
    report.created[table] = len(inserts)
    report.updated[table] = sum(len(rows) for rows in updates.values())


def _write_other(
    session: Session, table: str, records: dict[str, TypedRecord], report: ImportReport
) -> None:
    sql_table = HsdsOtherRecord.__table__
    ids = list(records)
    known: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        known.update(
            session.scalars(
                select(HsdsOtherRecord.id).where(
                    HsdsOtherRecord.table_name == table,
                    HsdsOtherRecord.id.in_(ids[start : start + CHUNK]),
                )
            )
        )
    rows = []
    changes = []
    for record in records.values():
        data = {"id": record.id}
        data.update({k: _json_value(v) for k, v in record.values.items() if v is not None})
        data.update(record.extra)
        if record.id in known:
            changes.append({"b_table": table, "b_id": record.id, "v_data": data})
        else:
            rows.append({"table_name": table, "id": record.id, "data": data})
    if rows:
        session.execute(insert(sql_table), rows)
    if changes:
        session.connection().execute(
            update(sql_table)
            .where(
                sql_table.c.table_name == bindparam("b_table"), sql_table.c.id == bindparam("b_id")
            )
            .values(data=bindparam("v_data")),
            changes,
        )
    report.created[table] = len(rows)
    report.updated[table] = len(changes)


def _touched_services(session: Session, typed: dict[str, dict[str, TypedRecord]]) -> set[str]:
    """Services whose own rows did not change but whose related rows did."""
    touched: set[str] = set()
    for table, records in typed.items():
        if table == "service":
            continue
        for record in records.values():
            service_id = record.values.get("service_id")
            if service_id:
                touched.add(service_id)
            if table == "attribute" and record.values.get("link_entity") == "service":
                touched.add(record.values.get("link_id"))
    locations = set(typed.get("location", {})) | {
        r.values.get("location_id") for r in typed.get("address", {}).values()
    }
    locations.discard(None)
    listed = sorted(locations)
    for start in range(0, len(listed), CHUNK):
        touched.update(
            session.scalars(
                select(ServiceAtLocation.service_id).where(
                    ServiceAtLocation.location_id.in_(listed[start : start + CHUNK])
                )
            )
        )
    organizations = sorted(typed.get("organization", {}))
    for start in range(0, len(organizations), CHUNK):
        touched.update(
            session.scalars(
                select(Service.id).where(
                    Service.organization_id.in_(organizations[start : start + CHUNK])
                )
            )
        )
    touched.discard(None)
    return touched - set(typed.get("service", {}))


def write_package(
    session: Session,
    typed: dict[str, dict[str, TypedRecord]],
    desk_columns: dict[str, dict[str, Any]],
    report: ImportReport,
) -> None:
    now = utc_now()
    for table in write_order():
        records = typed.get(table)
        if not records:
            continue
        if table in MODELS:
            _write_table(session, table, records, desk_columns, report, now)
        else:
            _write_other(session, table, records, report)
    for table, records in typed.items():
        if table not in MODELS and table not in write_order() and records:
            _write_other(session, table, records, report)
    touched = sorted(_touched_services(session, typed))
    for start in range(0, len(touched), CHUNK):
        session.execute(
            update(Service)
            .where(Service.id.in_(touched[start : start + CHUNK]))
            .values(updated_at=now, version=Service.version + 1)
            .execution_options(synchronize_session=False)
        )
