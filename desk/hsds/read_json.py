"""Reading HSDS JSON: services, organizations, locations, services at locations, taxonomies
or taxonomy terms, each with what is nested in it, alone, as a list, or as an API page.

What each object is, is told from its fields (a service has a status, a location a
location_type, ...), so the official examples (service_full, service_list, organization_full,
location, taxonomy_term, ...) all import; the report says what the file held.

Nested records carry no foreign keys in HSDS JSON: a phone inside a service belongs to that
service. Flattening puts the key back; a program nested in a service belongs to the
service's organization. The same record may appear in several places (a phone under the
service and again under its location); its appearances are merged, and two appearances that
disagree about a field are reported.

A page is read one object at a time (the desk's own export of 10,000 services is 70 MB), and
JSON nested deeper than HSDS ever nests, or holding NaN or Infinity, is refused in words.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desk.hsds.files import decode_text, read_input_bytes
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
    ("organization", "services"): ("service", "child:organization_id"),
    ("service_at_location", "service"): ("service", "parent:service_id"),
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

    def add(self, table: str, item: Any, where: str, depth: int = 0) -> str | None:
        """Flatten `item` (a record of `table`) and its nested records; its id."""
        if not isinstance(item, dict):
            self.report.reject(where, f"should be an object (a {table} record)")
            return None
        if depth > MAX_NESTING:
            self.report.reject(where, "is nested deeper than HSDS nests records")
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
        # Records this one points at first (its organization), so that what is nested
        # below it can take the organization from it.
        nested.sort(
            key=lambda pair: not _NESTING.get((table, pair[0]), ("", ""))[1].startswith("parent:")
        )
        for key, value in nested:
            self._nested(table, record_id, key, value, values, where, depth)
        self._merge(RawRecord(table, where, values, extra))
        return record_id

    def _nested(
        self,
        table: str,
        parent_id: str,
        key: str,
        value: Any,
        values: dict,
        where: str,
        depth: int,
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
            if isinstance(item, dict) and (table, child_table) == ("service", "program"):
                item = {
                    **item,
                    "organization_id": item.get("organization_id") or values.get("organization_id"),
                }
            child_id = self.add(child_table, item, place, depth + 1)
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


MAX_NESTING = 12  # HSDS nests at most a few levels (service > location > phone > language)
# Fields that tell what an object is, checked in this order.
_SIGNS: tuple[tuple[str, frozenset[str]], ...] = (
    ("service_at_location", frozenset({"service", "location"})),
    ("service", frozenset({
        "status", "organization", "service_at_locations", "eligibility_description",
        "application_process", "fees_description", "interpretation_services", "program",
        "wait_time", "accreditations", "licenses", "assured_date", "assurer_email",
        "required_documents", "cost_options", "service_areas", "minimum_age", "maximum_age",
    })),
    ("location", frozenset({
        "location_type", "addresses", "latitude", "longitude", "transportation",
        "accessibility", "external_identifier",
    })),
    ("organization", frozenset({
        "website", "year_incorporated", "legal_status", "tax_status", "tax_id", "locations",
        "programs", "organization_identifiers", "services", "logo", "parent_organization_id",
    })),
    ("taxonomy_term", frozenset({"code", "parent_id", "taxonomy", "taxonomy_detail", "term_uri"})),
)  # fmt: skip
_TAXONOMY_FIELDS = frozenset({"id", "name", "description", "uri", "version"})
_WHAT = {
    "service": "service", "organization": "organization", "location": "location",
    "service_at_location": "service at a location", "taxonomy": "taxonomy",
    "taxonomy_term": "taxonomy term",
}  # fmt: skip
NOT_HSDS = (
    "is not HSDS JSON the desk can read: expected services, organizations, locations, "
    "services at locations, taxonomies or taxonomy terms (one, a list of them, or an API page "
    "with “contents”)"
)


def kind_of(item: Any) -> str | None:
    """The HSDS table an object of a JSON file belongs to, told from its fields."""
    if not isinstance(item, dict):
        return None
    keys = set(item)
    for table, signs in _SIGNS:
        if table == "service_at_location":
            if signs <= keys:
                return table
        elif keys & signs:
            return table
    if "id" in keys and "name" in keys:
        return "taxonomy" if keys <= _TAXONOMY_FIELDS and "uri" in keys else "service"
    return None


class BadJson(ValueError):
    pass


def _no_constants(name: str) -> Any:
    raise BadJson(f"it holds {name}, which is not a number JSON allows")


_DECODER = json.JSONDecoder(parse_constant=_no_constants)
_SPACE = " \t\n\r"


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at


def _decode(text: str, at: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, at)
    except RecursionError:
        raise BadJson("it is nested too deeply to be HSDS data") from None
    except json.JSONDecodeError as error:
        raise BadJson(f"it is not valid JSON: {error.msg} on line {error.lineno}") from None


def _expect(text: str, at: int, char: str) -> int:
    at = _skip(text, at)
    if at >= len(text) or text[at] != char:
        line = text.count("\n", 0, min(at, len(text))) + 1
        raise BadJson(f"it is not valid JSON: expected “{char}” on line {line}")
    return at + 1


def _array_items(text: str, at: int):
    """Each item of the array that opens at `at`, parsed one at a time; then the end."""
    at = _expect(text, at, "[")
    if _skip(text, at) < len(text) and text[_skip(text, at)] == "]":
        return _skip(text, at) + 1
    while True:
        item, at = _decode(text, _skip(text, at))
        yield item
        at = _skip(text, at)
        if at < len(text) and text[at] == ",":
            at += 1
            continue
        return _expect(text, at, "]")


def _document(text: str):
    """Yields the items of a list or of a page's "contents", one at a time; returns
    (shape, fields, end): shape "list", "object" (its fields) or "value"."""
    at = _skip(text, 0)
    if at < len(text) and text[at] == "[":
        end = yield from _array_items(text, at)
        return "list", {}, end
    if at >= len(text) or text[at] != "{":
        value, end = _decode(text, at)
        return "value", value, end
    fields: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if at < len(text) and text[at] == "}":
        return "object", fields, at + 1
    while True:
        key, at = _decode(text, _skip(text, at))
        if not isinstance(key, str):
            raise BadJson("it is not valid JSON: a field name is not text")
        at = _skip(text, _expect(text, at, ":"))
        if key == "contents" and at < len(text) and text[at] == "[":
            fields["contents"] = []  # its items were yielded
            at = yield from _array_items(text, at)
        else:
            fields[key], at = _decode(text, at)
        at = _skip(text, at)
        if at < len(text) and text[at] == ",":
            at += 1
            continue
        return "object", fields, _expect(text, at, "}")


def read_json_services(path: Path, report: ImportReport) -> dict[str, list[RawRecord]]:
    """Every record of an HSDS JSON file, flattened; problems go to `report`."""
    text = decode_text(read_input_bytes(path, "json"), path.name)
    flattener = _Flattener(path.name, report)
    counts: dict[str, int] = {}

    def take(item: Any, where: str) -> None:
        table = kind_of(item)
        if table is None:
            report.reject(where, NOT_HSDS if isinstance(item, dict) else "should be an object")
            return
        counts[table] = counts.get(table, 0) + 1
        flattener.add(table, item, where)

    items = _document(text)
    position = 0
    in_list = text.lstrip(_SPACE).startswith("[")
    try:
        while True:
            where = f"{path.name} {'' if in_list else 'contents'}[{position}]"
            take(next(items), where)
            position += 1
    except StopIteration as done:
        shape, fields, end = done.value
    except BadJson as error:
        report.reject(path.name, str(error))
        return {}
    if _skip(text, end) < len(text):
        report.reject(path.name, "it is not valid JSON: there is more after its end")
        return {}
    if shape == "value" or (shape == "object" and not fields):
        report.reject(path.name, NOT_HSDS)
    elif shape == "object" and "contents" in fields:
        if not isinstance(fields["contents"], list):
            report.reject(path.name, "its “contents” should be a list of records")
    elif shape == "object":
        if {"openapi_url", "profile"} & set(fields) and "id" not in fields:
            report.reject(
                path.name,
                "is the description of an HSDS API (its version, profile and OpenAPI "
                "address), not directory data",
            )
        else:
            take(fields, path.name)
    if counts:
        what = ", ".join(
            f"{count:,} {_WHAT[table]}{'s' if count != 1 else ''}"
            for table, count in counts.items()
        )
        report.note(path.name, f"read as HSDS JSON: {what}, with what is nested in them")
    elif report.ok:
        report.note(path.name, "holds no records")
    return {table: list(records.values()) for table, records in flattener.records.items()}
