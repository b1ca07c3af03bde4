"""The desk's own service columns (walk-ins, capacity, ...) carried through HSDS as attributes.

HSDS 3.0 has no field for "accepts walk-ins" or "beds free". It has attributes: a row that
links a record to a taxonomy term, with a value. The desk exports each of these columns as an
attribute of a term in its own small taxonomy, with ids fixed (UUID 5) so every export and
every center agree, and an import turns such attributes back into the columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import NAMESPACE_URL, uuid5

TAXONOMY_URI = "https://recovery-desk.invalid/service-details"
TAXONOMY_ID = str(uuid5(NAMESPACE_URL, TAXONOMY_URI))
TAXONOMY_NAME = "Recovery Desk service details"
TAXONOMY_DESCRIPTION = "Details a peer recovery center's front desk keeps about each service."


@dataclass(frozen=True)
class DetailTerm:
    column: str  # the Service column
    kind: str  # bool, int, text, datetime
    description: str

    @property
    def term_id(self) -> str:
        return str(uuid5(NAMESPACE_URL, f"{TAXONOMY_URI}/{self.column}"))

    def attribute_id(self, service_id: str) -> str:
        return str(uuid5(NAMESPACE_URL, f"{TAXONOMY_URI}/{self.column}/{service_id}"))


TERMS: tuple[DetailTerm, ...] = (
    DetailTerm("accepts_walk_ins", "bool", "Whether people may walk in without an appointment."),
    DetailTerm("free_of_charge", "bool", "Whether the service is free for everyone."),
    DetailTerm("insurance_accepted", "text", "Which insurance plans the service accepts."),
    DetailTerm("capacity_available", "int", "Beds or slots free when last counted."),
    DetailTerm("capacity_total", "int", "Beds or slots in all."),
    DetailTerm("capacity_unit", "text", "What capacity counts: beds or slots."),
    DetailTerm("capacity_updated_at", "datetime", "When the free beds or slots were counted."),
    DetailTerm("is_sample", "bool", "Sample data for trying the software; not a real service."),
)
TERM_BY_ID = {term.term_id: term for term in TERMS}


def encode(term: DetailTerm, value: Any) -> str:
    if term.kind == "bool":
        return "true" if value else "false"
    if term.kind == "datetime":
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return str(value)


# What an attribute with an empty value stands for, where the column cannot be empty.
EMPTY_MEANS: dict[str, Any] = {"is_sample": False}


def decode(term: DetailTerm, text: str | None) -> Any:
    """The column value for an attribute's text; ValueError when it does not fit."""
    if text is None or not str(text).strip():
        return None
    value = str(text).strip()
    if term.kind == "bool":
        if value.lower() not in ("true", "false"):
            raise ValueError(f"“{value}” is not true or false")
        return value.lower() == "true"
    if term.kind == "int":
        return int(value)
    if term.kind == "datetime":
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return value


def taxonomy_row() -> dict[str, Any]:
    return {
        "id": TAXONOMY_ID,
        "name": TAXONOMY_NAME,
        "description": TAXONOMY_DESCRIPTION,
        "uri": TAXONOMY_URI,
        "version": "1",
    }


def term_rows() -> list[dict[str, Any]]:
    return [
        {
            "id": term.term_id,
            "code": term.column,
            "name": term.column.replace("_", " "),
            "description": term.description,
            "taxonomy": TAXONOMY_NAME,
            "taxonomy_id": TAXONOMY_ID,
            "term_uri": f"{TAXONOMY_URI}/{term.column}",
        }
        for term in TERMS
    ]


def attribute_rows(service: dict[str, Any]) -> list[dict[str, Any]]:
    """Attributes for one service's desk columns that hold a value."""
    rows = []
    for term in TERMS:
        value = service.get(term.column)
        if value is None or (term.column == "is_sample" and not value):
            continue
        rows.append(
            {
                "id": term.attribute_id(service["id"]),
                "link_id": service["id"],
                "taxonomy_term_id": term.term_id,
                "link_type": "desk_detail",
                "link_entity": "service",
                "value": encode(term, value),
            }
        )
    return rows
