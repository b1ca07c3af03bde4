"""Which column of a center's list holds what: guessed from the headings, or given as JSON.

A mapping file for `recovery-desk import-resources --mapping` names a column for each field:
    {"name": "Program", "phone": "Tel.", "hours": "When open", "city": "Town"}

Guesses are cautious: a heading is taken when it is a known heading, a known heading with a
word such as "main" or "1" around it, or a misspelling of one ("Adress"). A heading holding
part of a known one ("Location ID", "Service area") is not taken: an id column put into the
address, or an area into the name, spoils every row. Columns no field uses are listed, with
sample values, so nothing is left behind unseen; a column of notes is never guessed, because
staff notes may not be meant for a printed sheet, but one click (or "notes" in a mapping
file) keeps it as a paragraph of the description.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from desk.directory.text_match import words
from desk.errors import ValidationError
from desk.messages.directory import (
    CHOOSE_COLUMN_WITH_EACH_RESOURCE,
    COLUMN_IS_CHOSEN_FOR_TWO,
    FOR_EXAMPLE,
    GIVE_EACH_FIELD_ITS_OWN,
    ITS_COLUMNS_ARE,
    LIST_HAS_NO_COLUMN,
    MAPPING_FILE_CANNOT_BE_READ,
    MAPPING_FILE_IS_NOT_VALID,
    MAPPING_FILE_MUST_BE_ONE,
    MAPPING_NAMES_FIELDS_RECOVERY_DESK,
    NO_COLUMN_HOLDS_RESOURCES_NAMES,
    USE_THESE,
)

if TYPE_CHECKING:
    from desk.directory.sheet_read import Sheet

# field -> headings that mean it (compared without case, accents or punctuation)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "service", "service name", "program", "program name", "resource",
             "resource name", "title", "program service"),
    "organization": ("organization", "organisation", "agency", "provider", "org",
                     "organization name", "agency name", "provider name", "parent agency"),
    "address": ("address", "street", "street address", "address 1", "address line 1",
                "location", "location address", "physical address", "street 1", "addr"),
    "city": ("city", "town", "municipality", "city town", "town city"),
    "state": ("state", "st", "state province"),
    "postal_code": ("zip", "zip code", "zipcode", "postal code", "postcode", "zip 5", "zip 4",
                    "zip postal", "zip postal code"),
    "phone": ("phone", "telephone", "phone number", "tel", "contact number", "phone no",
              "main phone", "phone 1", "primary phone", "intake phone", "telephone number"),
    "hours": ("hours", "opening hours", "schedule", "hours of operation", "open hours",
              "days hours", "when open", "days and hours", "days times", "meeting times"),
    "website": ("website", "url", "web", "web site", "link", "web address", "webpage"),
    "email": ("email", "e mail", "email address", "contact email"),
    "description": ("description", "about", "details", "services offered", "what they do",
                    "service description", "summary"),
    "category": ("category", "categories", "type", "service type", "resource type",
                 "taxonomy", "service category"),
    "languages": ("languages", "language", "languages spoken", "language s"),
    "alert": ("alert", "warning", "important notice"),
    "notes": (),  # never guessed: chosen by a person (see the module's docstring)
}  # fmt: skip
FIELDS = tuple(SYNONYMS)
# Words around a heading that do not change what it holds: "Main phone", "Phone #1".
_QUALIFIERS = {"main", "primary", "1", "no", "number", "the", "of", "s", "current", "public"}
# A heading with one of these words names an identifier, never a name or an address.
_ID_WORDS = {"id", "ids", "uuid", "guid", "key", "pk", "fk", "ref", "code"}
TYPO_CUTOFF = 86
# Headings that look like a column of notes, offered for the description with one click.
_NOTE_WORDS = {"note", "notes", "comment", "comments", "remarks", "other", "info", "misc",
               "additional", "extra", "more", "details", "information"}  # fmt: skip
SAMPLE_COUNT = 3


def _key(text: str) -> str:
    return " ".join(words(text))


_EXACT = {_key(s): field for field, synonyms in SYNONYMS.items() for s in synonyms}


def header_score(row: list[str]) -> int:
    """How many cells of `row` are headings the mapping knows."""
    return sum(1 for cell in row if cell and _key(cell) in _EXACT)


def _score(key: str, synonym: str) -> float:
    if key == synonym:
        return 100.0
    tokens = key.split()
    if any(token in _ID_WORDS for token in tokens):
        return 0.0
    plain = " ".join(token for token in tokens if token not in _QUALIFIERS)
    if plain == synonym:
        return 95.0
    if len(synonym) >= 4:
        score = fuzz.ratio(plain or key, synonym)
        return score - 5 if score >= TYPO_CUTOFF else 0.0
    return 0.0


def guess_mapping(header: list[str]) -> dict[str, str]:
    """field -> heading, for each field whose heading can be told; each heading used once."""
    candidates: list[tuple[float, str, str]] = []
    for heading in header:
        key = _key(heading)
        if not key:
            continue
        for field, synonyms in SYNONYMS.items():
            best = max((_score(key, _key(s)) for s in synonyms), default=0.0)
            if best > 0:
                candidates.append((best, field, heading))
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for _, field, heading in sorted(candidates, key=lambda c: (-c[0], FIELDS.index(c[1]))):
        if field not in mapping and heading not in used:
            mapping[field] = heading
            used.add(heading)
    return {field: mapping[field] for field in FIELDS if field in mapping}


def check_mapping(mapping: dict[str, str], header: list[str]) -> dict[str, str]:
    unknown = [field for field in mapping if field not in FIELDS]
    if unknown:
        raise ValidationError(
            MAPPING_NAMES_FIELDS_RECOVERY_DESK.with_(unknown=", ".join(unknown)),
            hint=USE_THESE.with_(fields=", ".join(FIELDS)),
        )
    missing = [heading for heading in mapping.values() if heading and heading not in header]
    if missing:
        raise ValidationError(
            LIST_HAS_NO_COLUMN.with_(missing=", ".join(f"“{m}”" for m in missing)),
            hint=ITS_COLUMNS_ARE.with_(header=", ".join(h for h in header if h)),
        )
    chosen = [heading for heading in mapping.values() if heading]
    twice = sorted({heading for heading in chosen if chosen.count(heading) > 1})
    if twice:
        raise ValidationError(
            COLUMN_IS_CHOSEN_FOR_TWO.with_(twice=", ".join(f"“{h}”" for h in twice)),
            hint=GIVE_EACH_FIELD_ITS_OWN,
        )
    if not mapping.get("name"):
        raise ValidationError(
            NO_COLUMN_HOLDS_RESOURCES_NAMES,
            hint=CHOOSE_COLUMN_WITH_EACH_RESOURCE,
        )
    return {field: heading for field, heading in mapping.items() if heading}


def load_mapping_file(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ValidationError(
            MAPPING_FILE_CANNOT_BE_READ.with_(path=path, strerror=error.strerror)
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise ValidationError(MAPPING_FILE_IS_NOT_VALID.with_(path=path, error=error)) from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValidationError(
            MAPPING_FILE_MUST_BE_ONE,
            hint=FOR_EXAMPLE,
        )
    return data


@dataclass(frozen=True)
class Column:
    """One column of the list, as the mapping shows it: where it goes and what it holds."""

    heading: str  # as written; "column F" when the heading cell is empty
    index: int
    field: str | None  # the field it fills, or None: not imported
    filled: int  # rows with something in it
    samples: tuple[str, ...]  # the first few different values


def _column_label(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"column {get_column_letter(index + 1)}"


def describe_columns(sheet: Sheet, mapping: dict[str, str]) -> list[Column]:
    """Every column that has a heading or a value, with the field it fills and samples."""
    field_of = {heading: field for field, heading in mapping.items()}
    columns = []
    for index, heading in enumerate(sheet.header):
        values = [row[index].strip() for _, row in sheet.rows if row[index].strip()]
        if not heading and not values:
            continue
        samples = tuple(dict.fromkeys(value[:60] for value in values))[:SAMPLE_COUNT]
        columns.append(
            Column(
                heading or _column_label(index),
                index,
                field_of.get(heading) if heading else None,
                len(values),
                samples,
            )
        )
    return columns


def unused_columns(sheet: Sheet, mapping: dict[str, str]) -> list[Column]:
    """Columns holding something that no field takes: what the import would leave behind."""
    return [c for c in describe_columns(sheet, mapping) if c.field is None and c.filled]


def notes_like_column(sheet: Sheet, mapping: dict[str, str]) -> Column | None:
    """The unused column that best looks like notes: a notes heading, else the longest text.

    None when the notes field is already chosen or no unused column holds prose."""
    if mapping.get("notes"):
        return None
    best: tuple[float, Column] | None = None
    for column in unused_columns(sheet, mapping):
        if not sheet.header[column.index]:
            continue
        values = [row[column.index] for _, row in sheet.rows if row[column.index].strip()]
        average = sum(len(v) for v in values) / len(values)
        worded = sum(1 for v in values if len(v.split()) >= 3) / len(values)
        named = bool(set(words(column.heading)) & _NOTE_WORDS)
        if not named and (worded < 0.5 or average < 15):
            continue  # codes, ids, counts: not notes
        score = (2.0 if named else 0.0) + worded + min(average, 200) / 200
        if best is None or score > best[0]:
            best = (score, column)
    return best[1] if best else None
