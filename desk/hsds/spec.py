"""HSDS 3.0 as the desk reads it: tables, fields, types, required fields and references.

Everything comes from the specification's own data package descriptor, bundled unchanged in
resources/hsds-3.0/datapackage.json, so the import checks and the export write exactly what
the standard says.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from desk.models import (
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Program,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from desk.paths import resources_dir

# The order rows are written in, so that every reference points at a row already there.
MODELS: dict[str, type] = {
    "taxonomy": Taxonomy,
    "taxonomy_term": TaxonomyTerm,
    "organization": Organization,
    "program": Program,
    "service": Service,
    "location": Location,
    "service_at_location": ServiceAtLocation,
    "address": Address,
    "contact": Contact,
    "phone": Phone,
    "schedule": Schedule,
    "attribute": Attribute,
    "language": Language,
    "cost_option": CostOption,
    "required_document": RequiredDocument,
    "service_area": ServiceArea,
}
# The tables without which a package is not a directory.
REQUIRED_TABLES = ("organization", "service")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # string, number, date, time, datetime
    format: str | None
    required: bool
    enum: tuple[str, ...] | None


@dataclass(frozen=True)
class TableSpec:
    name: str
    path: str  # the file name in a tabular package (services.csv)
    fields: tuple[FieldSpec, ...]
    references: dict[str, str]  # field -> table it refers to
    descriptor: dict[str, Any]  # the resource as the specification describes it

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec | None:
        return self._by_name.get(name)

    @cached_property  # asked once per cell of an import: 1.2 million times for 10,000 services
    def _by_name(self) -> dict[str, FieldSpec]:
        return {f.name: f for f in self.fields}

    @cached_property
    def required_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    @property
    def model(self) -> type | None:
        return MODELS.get(self.name)


@cache
def package_descriptor() -> dict[str, Any]:
    path = resources_dir() / "hsds-3.0" / "datapackage.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def tables() -> dict[str, TableSpec]:
    """Every HSDS 3.0 table by name, in the specification's order."""
    specs: dict[str, TableSpec] = {}
    for resource in package_descriptor()["resources"]:
        schema = resource["schema"]
        fields = tuple(
            FieldSpec(
                name=field["name"],
                type=field["type"],
                format=field.get("format"),
                required=bool(field.get("constraints", {}).get("required")),
                enum=tuple(field["constraints"]["enum"])
                if "enum" in field.get("constraints", {})
                else None,
            )
            for field in schema["fields"]
        )
        references = {
            key["fields"]: key["reference"]["resource"] for key in schema.get("foreignKeys", [])
        }
        specs[resource["name"]] = TableSpec(
            resource["name"], resource["path"], fields, references, resource
        )
    return specs


def write_order() -> list[str]:
    """Modelled tables in reference order, then the tables kept whole."""
    modelled = list(MODELS)
    return modelled + [name for name in tables() if name not in MODELS]
