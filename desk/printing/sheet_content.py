"""What a handout shows, as plain data: built from the database once, rendered any number
of times. A referral keeps its sheet's content as JSON, so a reprint is the same sheet."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

CONTENT_FORMAT = 1


@dataclass(frozen=True)
class CenterHeader:
    name: str
    address_lines: tuple[str, ...]
    phone: str
    email: str

    @property
    def address(self) -> str:
        return ", ".join(self.address_lines)


@dataclass(frozen=True)
class SheetService:
    id: str
    name: str
    organization: str = ""
    description: str = ""
    address_lines: tuple[str, ...] = ()
    getting_there: str = ""
    phones: tuple[str, ...] = ()
    hours: str = ""  # in words, in the sheet's language
    walk_ins: bool = False
    eligibility: str = ""
    documents: tuple[str, ...] = ()
    cost: str = ""
    free: bool = False
    insurance: str = ""
    how_to_apply: str = ""
    languages: str = ""
    alert: str = ""
    verified_on: date | None = None
    is_sample: bool = False
    qr_url: str = ""
    qr_kind: str = ""  # "website", "map", or "" for no code
    note: str = ""  # the staff member's note for this person


@dataclass(frozen=True)
class ReferralSheetContent:
    language: str
    large_print: bool
    center: CenterHeader
    prepared_on: date
    services: tuple[SheetService, ...]
    prepared_for: str | None = None  # the person's preferred name, only when they want it
    coach_name: str | None = None
    coach_phone: str | None = None
    next_steps: str = ""
    disclosure_notice: bool = False  # the sheet names the person: the §2.32 notice goes with it
    format: int = field(default=CONTENT_FORMAT)

    def to_json(self) -> dict[str, Any]:
        return _to_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReferralSheetContent:
        values = dict(data)
        values["center"] = CenterHeader(**_tuples(CenterHeader, data["center"]))
        values["prepared_on"] = date.fromisoformat(data["prepared_on"])
        values["services"] = tuple(_service(item) for item in data["services"])
        return cls(**values)


@dataclass(frozen=True)
class CategoryHandoutContent:
    language: str
    large_print: bool
    center: CenterHeader
    prepared_on: date
    category_name: str
    services: tuple[SheetService, ...]


@dataclass(frozen=True)
class ConsentFormContent:
    language: str
    large_print: bool
    center: CenterHeader
    prepared_on: date
    consent_id: int
    person_name: str
    disclosing_party: str
    information: str
    recipient: str
    purpose: str
    expires_on: date | None
    expiry_event: str | None
    staff_name: str


def _service(data: dict[str, Any]) -> SheetService:
    values = _tuples(SheetService, data)
    if values.get("verified_on"):
        values["verified_on"] = date.fromisoformat(values["verified_on"])
    return SheetService(**values)


def _tuples(kind: type, data: dict[str, Any]) -> dict[str, Any]:
    """JSON lists back into the tuples the dataclass declares."""
    names = {f.name: f.type for f in fields(kind)}
    return {
        key: tuple(value) if isinstance(value, list) and "tuple" in str(names.get(key)) else value
        for key, value in data.items()
        if key in names
    }


def _to_json(content: ReferralSheetContent) -> dict[str, Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {key: convert(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [convert(item) for item in value]
        return value

    return convert(asdict(content))
