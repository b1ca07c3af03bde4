"""Which column of a center's list holds what: guessed from the headings, or given as JSON.

A mapping file for `recovery-desk import-resources --mapping` names a column for each field:
    {"name": "Program", "phone": "Tel.", "hours": "When open", "city": "Town"}
"""

from __future__ import annotations

import json
from pathlib import Path

from rapidfuzz import fuzz

from desk.directory.text_match import words
from desk.errors import ValidationError

# field -> headings that mean it (compared without case, accents or punctuation)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "service", "service name", "program", "program name", "resource",
             "resource name", "title"),
    "organization": ("organization", "organisation", "agency", "provider", "org",
                     "organization name", "agency name"),
    "address": ("address", "street", "street address", "address 1", "address line 1",
                "location"),
    "city": ("city", "town", "municipality", "city town"),
    "state": ("state", "st", "state province"),
    "postal_code": ("zip", "zip code", "zipcode", "postal code", "postcode"),
    "phone": ("phone", "telephone", "phone number", "tel", "contact number", "phone no"),
    "hours": ("hours", "opening hours", "schedule", "hours of operation", "open hours",
              "days hours", "when open"),
    "website": ("website", "url", "web", "web site", "link", "web address"),
    "email": ("email", "e mail", "email address"),
    "description": ("description", "notes", "about", "details", "services offered",
                    "what they do", "comments"),
    "category": ("category", "categories", "type", "service type", "resource type"),
    "languages": ("languages", "language", "languages spoken"),
}  # fmt: skip
FIELDS = tuple(SYNONYMS)
FUZZY_CUTOFF = 85


def _key(text: str) -> str:
    return " ".join(words(text))


_EXACT = {_key(s): field for field, synonyms in SYNONYMS.items() for s in synonyms}


def header_score(row: list[str]) -> int:
    """How many cells of `row` are headings the mapping knows."""
    return sum(1 for cell in row if cell and _key(cell) in _EXACT)


def guess_mapping(header: list[str]) -> dict[str, str]:
    """field -> heading, for each field whose heading can be told; each heading used once."""
    candidates: list[tuple[float, str, str]] = []
    for heading in header:
        key = _key(heading)
        if not key:
            continue
        for field, synonyms in SYNONYMS.items():
            best = max(
                100.0 if key == _key(s) else fuzz.token_set_ratio(key, _key(s)) - 5
                for s in synonyms
            )
            if best >= FUZZY_CUTOFF:
                candidates.append((best, field, heading))
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for _score, field, heading in sorted(candidates, key=lambda c: (-c[0], FIELDS.index(c[1]))):
        if field not in mapping and heading not in used:
            mapping[field] = heading
            used.add(heading)
    return {field: mapping[field] for field in FIELDS if field in mapping}


def check_mapping(mapping: dict[str, str], header: list[str]) -> dict[str, str]:
    unknown = [field for field in mapping if field not in FIELDS]
    if unknown:
        raise ValidationError(
            f"The mapping names fields Recovery Desk does not know: {', '.join(unknown)}.",
            hint=f"Use these: {', '.join(FIELDS)}.",
        )
    missing = [heading for heading in mapping.values() if heading and heading not in header]
    if missing:
        raise ValidationError(
            f"The list has no column {', '.join(f'“{m}”' for m in missing)}.",
            hint=f"Its columns are: {', '.join(h for h in header if h)}.",
        )
    if not mapping.get("name"):
        raise ValidationError(
            "No column holds the resources' names.",
            hint="Choose the column with each resource's name.",
        )
    return {field: heading for field, heading in mapping.items() if heading}


def load_mapping_file(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ValidationError(
            f"The mapping file {path} cannot be read ({error.strerror})."
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValidationError(f"The mapping file {path} is not valid JSON ({error}).") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValidationError(
            "The mapping file must be one JSON object of field names to column headings.",
            hint='For example {"name": "Program", "phone": "Tel."}.',
        )
    return data
