"""What a handout shows, as plain data: built from the database once, rendered any number
of times. A referral keeps its sheet's content as JSON, so a reprint is the same sheet.

The JSON carries the format it was written in (`CONTENT_FORMAT`). A snapshot in a format
this version does not know (written by a newer Recovery Desk, say) is refused with a message
rather than half-read. The snapshot holds what was chosen and typed, and the directory's
details as they were; the fixed wording and the help lines come from the catalogue of the
version that prints it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

from desk.errors import DeskError
from desk.messages.referrals import (
    GIVE_NEW_SHEET_FOR_SAME,
    IT_WAS_PROBABLY_SAVED_BY,
    THIS_REFERRAL_SAVED_SHEET_CANNOT,
    THIS_REFERRAL_SAVED_SHEET_IS,
)

CONTENT_FORMAT = 1
READABLE_FORMATS = frozenset({1})


class UnknownSheetFormat(DeskError):
    """A saved sheet that this version of the app cannot read."""


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
    area: str = ""  # the town served, for a service with no street address
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
    stale: bool = False  # not checked for longer than the center's freshness window
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
        """The content back from its snapshot; UnknownSheetFormat if it cannot be read."""
        kept = data.get("format") if isinstance(data, dict) else None
        if kept not in READABLE_FORMATS:
            raise UnknownSheetFormat(
                THIS_REFERRAL_SAVED_SHEET_IS.with_(kept=kept, content_format=CONTENT_FORMAT),
                hint=IT_WAS_PROBABLY_SAVED_BY,
            )
        try:
            values = dict(data)
            values["center"] = CenterHeader(**_tuples(CenterHeader, data["center"]))
            values["prepared_on"] = date.fromisoformat(data["prepared_on"])
            values["services"] = tuple(_service(item) for item in data["services"])
            return cls(**values)
        except (KeyError, TypeError, ValueError) as error:
            raise UnknownSheetFormat(
                THIS_REFERRAL_SAVED_SHEET_CANNOT.with_(name=type(error).__name__, error=error),
                hint=GIVE_NEW_SHEET_FOR_SAME,
            ) from None


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
