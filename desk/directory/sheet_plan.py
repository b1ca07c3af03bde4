"""One row of a center's list, planned as a resource: read, repaired where it can be, or refused.

The plan is what the preview shows and what the import writes, so both agree. Problems that
cannot be repaired go to the report and refuse the whole list; repairs and notes go to the
report and to the row, so the preview shows each beside its row.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desk.directory.hours_parsing import HoursNotUnderstood, HoursRule, parse_hours_text
from desk.directory.sheet_categories import is_empty, match_categories
from desk.directory.sheet_cells import (
    LanguageRead,
    PhoneRead,
    read_languages,
    read_phones,
    read_zip,
    split_city,
    split_parts,
    zip_in_text,
)
from desk.directory.text_match import fold
from desk.errors import DeskError, ValidationError
from desk.hsds.report import ImportReport
from desk.messages import Message, joined
from desk.messages.sheet_import import (
    ADDRESS_SPLIT,
    ADDRESS_WITHOUT_TOWN,
    ADDRESS_WITHOUT_ZIP,
    CATEGORY_UNKNOWN,
    HAS_NO_NAME,
    HAS_NO_STATE,
    HOURS_KEPT_AS_WRITTEN,
    HOURS_REFUSED,
    NO_STREET,
    ROW,
)
from desk.validation import clean_email, clean_text, clean_url

_NAMESPACE = uuid.UUID("5b0d9a55-4b8e-4d0c-9d7e-2f7c3a1b6e10")
DESCRIPTION_MAX = 8000


def make_id(kind: str, *parts: str) -> str:
    """A fixed id from a row's name and address, so importing the list again updates it."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:" + "|".join(fold(p or "") for p in parts)))


@dataclass
class PlannedResource:
    line: int
    service_id: str
    name: str
    organization: str
    street: str | None
    city: str | None
    state: str | None
    postal_code: str | None
    phones: list[PhoneRead]
    hours: list[HoursRule]
    hours_note: str | None
    website: str | None
    email: str | None
    description: str | None
    alert: str | None
    categories: list[str]
    languages: list[LanguageRead]
    repairs: list[Message] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    exists: bool = False

    @property
    def action(self) -> str:
        return "update" if self.exists else "new"

    @property
    def phone(self) -> str | None:
        """The first number, as stored (E.164), for the preview."""
        return self.phones[0].number if self.phones else None

    @property
    def town_line(self) -> str:
        """ "Worcester, MA 01608": where it is, or the area it serves without a street."""
        head = f"{self.city}," if self.city else ""
        return " ".join(p for p in (head, self.state, self.postal_code) if p).strip(" ,")


@dataclass
class SheetContext:
    """What every row shares: the center's state, and notes said once for the whole list."""

    center_state: str | None
    has_state_column: bool
    given_center_state: list[int] = field(default_factory=list)


def _street_parts(street: str) -> tuple[str, str | None, str | None, str | None]:
    """ "12 Front St, Worcester, MA 01608" -> ("12 Front St", "Worcester", "MA", "01608")."""
    head, _, rest = street.partition(",")
    if not rest.strip():
        return street, None, None, None
    city, state, postal = split_city(rest.strip())
    return head.strip(), city, state, postal


def in_full(error: DeskError) -> Message:
    """The error's message and hint, as one line of the report."""
    if error.hint_wording is None:
        return error.wording
    return joined([error.wording, error.hint_wording], " ")


def plan_row(
    line: int, cells: dict[str, str], context: SheetContext, report: ImportReport
) -> PlannedResource | None:
    """The planned resource, or None after putting every problem with the row in `report`."""
    where = ROW.with_(line=line)
    before = len(report.problems)
    repairs: list[Message] = []
    notes: list[Message] = []

    def check(fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        try:
            return fn(*args, **kw)
        except ValidationError as error:
            report.reject(where, in_full(error))
            return None

    name = check(clean_text, cells["name"], label="Name", max_length=200)
    if not name:
        report.reject(where, HAS_NO_NAME)
    organization = check(clean_text, cells["organization"], label="Organization", max_length=200)
    street = check(clean_text, cells["address"], label="Address", max_length=200)
    city, state_in_city, zip_in_city = split_city(
        check(clean_text, cells["city"], label="City", max_length=100)
    )
    if street and not city and "," in street:
        street, city, state_in_street, zip_in_street = _street_parts(street)
        if city:
            repairs.append(ADDRESS_SPLIT.with_(text=cells["address"].strip()))
        state_in_city = state_in_city or state_in_street
        zip_in_city = zip_in_city or zip_in_street
    state = (check(clean_text, cells["state"], label="State", max_length=40) or "").upper()
    state = state or state_in_city or ""
    zip_text = cells["postal_code"] or zip_in_city or zip_in_text(cells["address"]) or ""
    if not state and (street or city or zip_text.strip()):
        if context.center_state:
            state = context.center_state
            context.given_center_state.append(line)
        else:
            report.reject(where, HAS_NO_STATE)
    postal = check(read_zip, zip_text, state or None)
    if postal is not None and postal.repair:
        repairs.append(postal.repair)
    postal_code = postal.code if postal is not None else None
    if street and not postal_code and postal is not None:
        report.reject(where, ADDRESS_WITHOUT_ZIP)
    if street and not city:
        report.reject(where, ADDRESS_WITHOUT_TOWN)
    if not street and (city or postal_code):
        place = ", ".join(p for p in (city, state) if p) + (
            f" {postal_code}" if postal_code else ""
        )
        notes.append(NO_STREET.with_(place=place))
    phones: list[PhoneRead] = []
    if cells["phone"]:
        read = check(read_phones, cells["phone"])
        if read is not None:
            phones, phone_repairs = read
            repairs.extend(phone_repairs)
    website = check(clean_url, cells["website"]) if cells["website"] else None
    email = check(clean_email, cells["email"]) if cells["email"] else None
    hours: list[HoursRule] = []
    hours_note = None
    if cells["hours"]:
        try:
            read_hours = parse_hours_text(cells["hours"])
            hours, hours_note = list(read_hours.rules), read_hours.remark
        except HoursNotUnderstood as why:
            hours_note = check(
                clean_text, cells["hours"], label="Hours", max_length=500, multiline=True
            )
            notes.append(HOURS_KEPT_AS_WRITTEN.with_(text=cells["hours"], why=str(why)))
        except ValidationError as error:
            report.reject(where, HOURS_REFUSED.with_(text=cells["hours"], error=in_full(error)))
    categories: list[str] = []
    for part in split_parts(cells["category"]):
        if is_empty(part):
            continue
        found = match_categories(part)
        if not found:
            notes.append(CATEGORY_UNKNOWN.with_(text=part.strip()))
        categories.extend(code for code in found if code not in categories)
    languages: list[LanguageRead] = []
    if cells["languages"]:
        read_langs = check(read_languages, cells["languages"])
        if read_langs is not None:
            languages, language_notes = read_langs
            notes.extend(language_notes)
    description = check(
        clean_text, cells["description"], label="Description", max_length=4000, multiline=True
    )
    extra = check(clean_text, cells["notes"], label="Notes", max_length=4000, multiline=True)
    if extra:
        description = f"{description}\n\n{extra}" if description else extra
    alert = check(clean_text, cells["alert"], label="Alert", max_length=1000, multiline=True)
    for text in repairs:
        report.repair(where, text)
    for text in notes:
        report.note(where, text)
    if len(report.problems) > before or not name:
        return None
    return PlannedResource(
        line=line,
        service_id=make_id("service", name, street or "", city or ""),
        name=name,
        organization=organization or name,
        street=street,
        city=city,
        state=state or None,
        postal_code=postal_code,
        phones=phones,
        hours=hours,
        hours_note=hours_note,
        website=website,
        email=email,
        description=description,
        alert=alert,
        categories=categories,
        languages=languages,
        repairs=repairs,
        notes=notes,
    )
