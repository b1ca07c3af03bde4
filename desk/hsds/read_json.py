"""Reading HSDS JSON: services with everything nested (service_full), as a list or a page.

Nested records carry no foreign keys in HSDS JSON: a phone inside a service belongs to that
service. Flattening puts the key back. The same record may appear in several places (a phone
under the service and again under its location); its appearances are merged, and two
appearances that disagree about a field are reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desk.hsds.files import check_size, decode_text
from desk.hsds.records import RawRecord
from desk.hsds.report import ImportReport
from desk.hsds.spec import tables

# (parent table, key) -> (child table, how the child links to the parent)
#   "child:<field>"  the child's <field> is set to the parent's id
#   "parent:<field>" the parent's <field> is set to the child's id
#   "link"           an attribute or metadata row pointing at the parent
_NESTING: dict[tuple[str, str], tuple[str, str]] = {
    ("service", "phones"): ("phone", "child:service_id"),
    ("service", "schedules"): ("schedule", "child:service_id"),
    ("service", "service_areas"): ("service_area", "child:service_id"),
    ("service", "service_at_locations"): ("service_at_location", "child:service_id"),
    ("service", "languages"): ("language", "child:service_id"),
    ("service", "organization"): ("organization", "parent:organization_id"),
    ("service", "funding"): ("funding", "child:service_id"),
    ("service", "cost_options"): ("cost_option", "child:service_id"),
    ("service", "program"): ("program", "parent:program_id"),
    ("service", "required_documents"): ("required_document", "child:service_id"),
    ("service", "contacts"): ("contact", "child:service_id"),
    ("organization", "funding"): ("funding", "child:organization_id"),
    ("organization", "contacts"): ("contact", "child:organization_id"),
    ("organization", "phones"): ("phone", "child:organization_id"),
    ("organization", "locations"): ("location", "child:organization_id"),
    ("organization", "programs"): ("program", "child:organization_id"),
    ("organization", "organization_identifiers"): (
        "organization_identifier",
        "child:organization_id",
    ),
    ("service_at_location", "contacts"): ("contact", "child:service_at_location_id"),
    ("service_at_location", "phones"): ("phone", "child:service_at_location_id"),
    ("service_at_location", "schedules"): ("schedule", "child:service_at_location_id"),
    ("service_at_location", "location"): ("location", "parent:location_id"),
    ("location", "languages"): ("language", "child:location_id"),
    ("location", "addresses"): ("address", "child:location_id"),
    ("location", "contacts"): ("contact", "child:location_id"),
    ("location", "accessibility"): ("accessibility", "child:location_id"),
    ("location", "phones"): ("phone", "child:location_id"),
    ("location", "schedules"): ("schedule", "child:location_id"),
    ("contact", "phones"): ("phone", "child:contact_id"),
    ("phone", "languages"): ("language", "child:phone_id"),
    ("attribute", "taxonomy_term"): ("taxonomy_term", "parent:taxonomy_term_id"),
    ("taxonomy_term", "taxonomy_detail"): ("taxonomy", "parent:taxonomy_id"),
}


class _Flattener:
    def __init__(self, source: str, report: ImportReport) -> None:
        self.source = source
        self.report = report
        self.records: dict[str, dict[str, RawRecord]] = {}
        self.specs = tables()

    def add(self, table: str, item: Any, where: str) -> str | None:
        """Flatten `item` (a record of `table`) and its nested records; its id."""
        if not isinstance(item, dict):
            self.report.reject(where, f"should be an object (a {table} record)")
            return None
        spec = self.specs[table]
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        nested: list[tuple[str, Any]] = []
        for key, value in item.items():
            if (table, key) in _NESTING or key in ("attributes", "metadata"):
                nested.append((key, value))
            elif key in spec.field_names:
                values[key] = value
            else:
                extra[key] = value
        record_id = values.get("id")
        if not isinstance(record_id, str) or not record_id.strip():
            self.report.reject(where, f"this {table} record has no id")
            return None
        for key, value in nested:
            self._nested(table, record_id, key, value, values, where)
        self._merge(RawRecord(table, where, values, extra))
        return record_id

    def _nested(
        self, table: str, parent_id: str, key: str, value: Any, values: dict, where: str
    ) -> None:
        if key in ("attributes", "metadata") and (table, key) not in _NESTING:
            child_table = "attribute" if key == "attributes" else "metadata"
            link = "link"
        else:
            child_table, link = _NESTING[(table, key)]
        items = value if isinstance(value, list) else [value]
        if value is None:
            return
        for position, item in enumerate(items):
            place = f"{where}.{key}" + (f"[{position}]" if isinstance(value, list) else "")
            if isinstance(item, dict) and link.startswith("child:"):
                item = {**item, link[6:]: item.get(link[6:]) or parent_id}
            elif isinstance(item, dict) and link == "link" and child_table == "attribute":
                item = {"link_id": parent_id, "link_entity": table, **item}
            elif isinstance(item, dict) and link == "link":
                item = {"resource_id": parent_id, "resource_type": table, **item}
            child_id = self.add(child_table, item, place)
            if child_id is not None and link.startswith("parent:"):
                values.setdefault(link[7:], child_id)

    def _merge(self, record: RawRecord) -> None:
        table = self.records.setdefault(record.table, {})
        record_id = record.values["id"]
        existing = table.get(record_id)
        if existing is None:
            table[record_id] = record
            return
        for target, incoming in ((existing.values, record.values), (existing.extra, record.extra)):
            for key, value in incoming.items():
                if value is None or value == "":
                    continue
                if target.get(key) in (None, ""):
                    target[key] = value
                elif target[key] != value:
                    self.report.reject(
                        record.where,
                        f"{record.table} {record_id} appears again with a different {key} "
                        f"({value!r}; first seen at {existing.where} as {target[key]!r})",
                        record_id,
                    )


def _services_in(document: Any) -> list[Any] | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        if isinstance(document.get("contents"), list):  # a page of the HSDS API
            return document["contents"]
        if "id" in document and "name" in document:
            return [document]
    return None


def read_json_services(path: Path, report: ImportReport) -> dict[str, list[RawRecord]]:
    check_size(path.name, path.stat().st_size)
    text = decode_text(path.read_bytes(), path.name)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        report.reject(path.name, f"is not valid JSON: {error.msg} on line {error.lineno}")
        return {}
    services = _services_in(document)
    if services is None:
        report.reject(
            path.name,
            "is not HSDS service JSON: expected a service (service_full), a list of services, "
            "or a page with “contents”",
        )
        return {}
    flattener = _Flattener(path.name, report)
    for position, service in enumerate(services):
        flattener.add("service", service, f"{path.name} services[{position}]")
    return {table: list(records.values()) for table, records in flattener.records.items()}
