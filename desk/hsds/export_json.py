"""Export as HSDS 3.0 JSON: every service with everything about it nested (service_full).

The file is one page in the shape of the HSDS API's /services answer ("contents" holds the
services), which the import reads back. JSON carries what belongs to a service; records that
belong to none (an organization without services, say) travel only in the tabular package.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desk.atomic_files import atomic_write
from desk.errors import DeskError
from desk.hsds.collect import Row, collect_tables
from desk.hsds.export_tabular import ExportSummary, cell_text
from desk.hsds.spec import tables
from desk.messages.imports import CHOOSE_FOLDER_YOU_MAY_WRITE, EXPORT_COULD_NOT_BE_WRITTEN


def _json_value(field_type: str | None, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, datetime | date | time):
        return cell_text(value)
    if field_type == "number" and isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if number.is_integer() else number
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class _Nester:
    def __init__(self, collected: dict[str, list[Row]]) -> None:
        self.specs = tables()
        self.by_id = {name: {row["id"]: row for row in rows} for name, rows in collected.items()}
        self.children: dict[tuple[str, str], dict[str, list[Row]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for name, rows in collected.items():
            spec = self.specs.get(name)
            for row in rows:
                for field in spec.references if spec else ():
                    if row.get(field):
                        self.children[(name, field)][row[field]].append(row)
        self.links: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for row in collected.get("attribute", []):
            self.links[("attribute", f"{row.get('link_entity')}:{row.get('link_id')}")].append(row)
        for row in collected.get("metadata", []):
            key = f"{row.get('resource_type')}:{row.get('resource_id')}"
            self.links[("metadata", key)].append(row)

    def plain(self, table: str, row: Row) -> dict[str, Any]:
        spec = self.specs[table]
        return {
            key: _json_value(spec.field(key).type if spec.field(key) else None, value)
            for key, value in row.items()
            if value is not None
        }

    def linked(self, table: str, row: Row, obj: dict[str, Any]) -> dict[str, Any]:
        attributes = self.links.get(("attribute", f"{table}:{row['id']}"), [])
        if attributes:
            obj["attributes"] = [self.attribute(a) for a in attributes]
        metadata = self.links.get(("metadata", f"{table}:{row['id']}"), [])
        if metadata:
            obj["metadata"] = [self.plain("metadata", m) for m in metadata]
        return obj

    def kids(self, table: str, field: str, parent_id: str) -> list[Row]:
        return self.children.get((table, field), {}).get(parent_id, [])

    def attribute(self, row: Row) -> dict[str, Any]:
        obj = self.plain("attribute", row)
        term = self.by_id.get("taxonomy_term", {}).get(row.get("taxonomy_term_id"))
        if term is not None:
            term_obj = self.plain("taxonomy_term", term)
            taxonomy = self.by_id.get("taxonomy", {}).get(term.get("taxonomy_id"))
            if taxonomy is not None:
                term_obj["taxonomy_detail"] = self.plain("taxonomy", taxonomy)
            obj["taxonomy_term"] = term_obj
        return obj

    def phone(self, row: Row) -> dict[str, Any]:
        obj = self.plain("phone", row)
        languages = self.kids("language", "phone_id", row["id"])
        if languages:
            obj["languages"] = [self.plain("language", item) for item in languages]
        return self.linked("phone", row, obj)

    def contact(self, row: Row) -> dict[str, Any]:
        obj = self.plain("contact", row)
        phones = self.kids("phone", "contact_id", row["id"])
        if phones:
            obj["phones"] = [self.phone(p) for p in phones]
        return self.linked("contact", row, obj)

    def location(self, row: Row) -> dict[str, Any]:
        obj = self.plain("location", row)
        for key, table in (
            ("languages", "language"),
            ("addresses", "address"),
            ("accessibility", "accessibility"),
            ("schedules", "schedule"),
        ):
            items = self.kids(table, "location_id", row["id"])
            if items:
                obj[key] = [self.plain(table, item) for item in items]
        contacts = self.kids("contact", "location_id", row["id"])
        if contacts:
            obj["contacts"] = [self.contact(c) for c in contacts]
        phones = self.kids("phone", "location_id", row["id"])
        if phones:
            obj["phones"] = [self.phone(p) for p in phones]
        return self.linked("location", row, obj)

    def service_at_location(self, row: Row) -> dict[str, Any]:
        obj = self.plain("service_at_location", row)
        contacts = self.kids("contact", "service_at_location_id", row["id"])
        if contacts:
            obj["contacts"] = [self.contact(c) for c in contacts]
        phones = self.kids("phone", "service_at_location_id", row["id"])
        if phones:
            obj["phones"] = [self.phone(p) for p in phones]
        schedules = self.kids("schedule", "service_at_location_id", row["id"])
        if schedules:
            obj["schedules"] = [self.plain("schedule", s) for s in schedules]
        location = self.by_id.get("location", {}).get(row.get("location_id"))
        if location is not None:
            obj["location"] = self.location(location)
        return self.linked("service_at_location", row, obj)

    def organization(self, row: Row) -> dict[str, Any]:
        obj = self.plain("organization", row)
        for key, table in (
            ("funding", "funding"),
            ("organization_identifiers", "organization_identifier"),
        ):
            items = self.kids(table, "organization_id", row["id"])
            if items:
                obj[key] = [self.plain(table, item) for item in items]
        contacts = self.kids("contact", "organization_id", row["id"])
        if contacts:
            obj["contacts"] = [self.contact(c) for c in contacts]
        phones = self.kids("phone", "organization_id", row["id"])
        if phones:
            obj["phones"] = [self.phone(p) for p in phones]
        return self.linked("organization", row, obj)

    def service(self, row: Row) -> dict[str, Any]:
        obj = self.plain("service", row)
        sid = row["id"]
        for key, table in (
            ("schedules", "schedule"),
            ("service_areas", "service_area"),
            ("languages", "language"),
            ("funding", "funding"),
            ("cost_options", "cost_option"),
            ("required_documents", "required_document"),
        ):
            items = self.kids(table, "service_id", sid)
            if items:
                obj[key] = [self.plain(table, item) for item in items]
        phones = self.kids("phone", "service_id", sid)
        if phones:
            obj["phones"] = [self.phone(p) for p in phones]
        contacts = self.kids("contact", "service_id", sid)
        if contacts:
            obj["contacts"] = [self.contact(c) for c in contacts]
        sals = self.kids("service_at_location", "service_id", sid)
        if sals:
            obj["service_at_locations"] = [self.service_at_location(s) for s in sals]
        organization = self.by_id.get("organization", {}).get(row.get("organization_id"))
        if organization is not None:
            obj["organization"] = self.organization(organization)
        program = self.by_id.get("program", {}).get(row.get("program_id"))
        if program is not None:
            obj["program"] = self.plain("program", program)
        return self.linked("service", row, obj)


def build_services_json(session: Session) -> dict[str, Any]:
    collected = collect_tables(session)
    nester = _Nester(collected)
    services = [nester.service(row) for row in collected["service"]]
    return {
        "total_items": len(services),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services),
        "first_page": True,
        "last_page": True,
        "empty": not services,
        "contents": services,
    }


def export_json(session: Session, path: Path) -> ExportSummary:
    document = build_services_json(session)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path) as output:  # a failed export leaves the old file whole
            handle = io.TextIOWrapper(output, encoding="utf-8")
            json.dump(document, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
            handle.flush()
            handle.detach()
    except OSError as error:
        raise DeskError(
            EXPORT_COULD_NOT_BE_WRITTEN.with_(path=path, value=error.strerror or error),
            hint=CHOOSE_FOLDER_YOU_MAY_WRITE,
        ) from None
    return ExportSummary(path, "json", {"service": document["total_items"]})
