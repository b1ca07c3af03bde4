"""The directory as HSDS rows, table by table: what both export forms are written from.

Fields an import brought in that the desk does not model come back from `extra`; so does an
optional reference that pointed nowhere. The desk's own service columns become attributes
(see desk_details.py). Rows are ordered by id, so two exports of the same data are equal.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.hsds import desk_details
from desk.hsds.spec import MODELS, tables
from desk.models import HsdsOtherRecord

Row = dict[str, Any]


def _hsds_row(fields: tuple[str, ...], stored: Row) -> Row:
    row: Row = {name: stored.get(name) for name in fields}
    for key, value in (stored.get("extra") or {}).items():
        if key in row:
            if row[key] is None:
                row[key] = value  # an unlinked reference, given back as it came
        else:
            row[key] = value
    return row


def collect_tables(session: Session) -> dict[str, list[Row]]:
    specs = tables()
    collected: dict[str, list[Row]] = {}
    desk_attributes: list[Row] = []
    for name, model in MODELS.items():
        fields = specs[name].field_names
        rows = []
        for stored in session.execute(select(model.__table__).order_by(model.__table__.c.id)):
            mapping = dict(stored._mapping)
            rows.append(_hsds_row(fields, mapping))
            if name == "service":
                desk_attributes.extend(desk_details.attribute_rows(mapping))
        collected[name] = rows
    collected["attribute"] = sorted(
        collected["attribute"] + desk_attributes, key=lambda row: row["id"]
    )
    collected["taxonomy"] = sorted(
        collected["taxonomy"] + [desk_details.taxonomy_row()], key=lambda row: row["id"]
    )
    collected["taxonomy_term"] = sorted(
        collected["taxonomy_term"] + desk_details.term_rows(), key=lambda row: row["id"]
    )
    others: dict[str, list[Row]] = defaultdict(list)
    for record in session.scalars(
        select(HsdsOtherRecord).order_by(HsdsOtherRecord.table_name, HsdsOtherRecord.id)
    ):
        data = dict(record.data)
        spec = specs.get(record.table_name)
        if spec is not None:
            data = {**{name: data.get(name) for name in spec.field_names}, **data}
        others[record.table_name].append(data)
    for name in specs:
        collected.setdefault(name, others.pop(name, []))
    collected.update(others)  # tables HSDS does not name, kept from an import
    return collected


def field_order(table: str, rows: list[Row]) -> list[str]:
    """The specification's fields, then any others the rows carry, in first-seen order."""
    spec = tables().get(table)
    names: dict[str, None] = dict.fromkeys(spec.field_names if spec else ())
    for row in rows:
        for key in row:
            names.setdefault(key)
    return list(names)
