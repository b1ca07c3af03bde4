"""What staff type about a person, checked: only a first name or initials is required.

Everything else is optional and stored exactly as given (accents, emoji, right-to-left
scripts and quotes included), or refused with a message that says what to do.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from desk.errors import ValidationError
from desk.models import PersonKind
from desk.validation import (
    NAME_MAX,
    NOTE_MAX,
    check_birth_date,
    check_birth_year,
    clean_email,
    clean_text,
    parse_phone,
)

_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y")
HEARD_ABOUT = (
    "A friend",
    "Family",
    "Detox discharge planner",
    "Hospital / ED",
    "Court or probation",
    "Walked by",
    "Website",
    "Outreach van",
    "Another program",
    "A meeting",
)
LANGUAGES = {
    "en": "English",
    "es": "Spanish",
    "pt": "Portuguese",
    "vi": "Vietnamese",
    "pl": "Polish",
    "sq": "Albanian",
    "ar": "Arabic",
    "fr": "French",
    "ht": "Haitian Creole",
    "tw": "Twi",
}


@dataclass
class PersonDetails:
    """The intake and record form, as typed (strings), plus the three contact choices."""

    first_name: str = ""
    last_name: str = ""
    preferred_name: str = ""
    nickname: str = ""
    pronouns: str = ""
    kind: str = PersonKind.PEER.value
    birth: str = ""  # a year (1985) or a date (1985-03-14, 3/14/1985)
    phone: str = ""
    email: str = ""
    preferred_language: str = ""
    may_call: bool | None = None  # None: not asked
    may_text: bool | None = None
    may_leave_message: bool | None = None
    town: str = ""
    heard_about: str = ""
    note: str = ""
    recovery_pathway: str = ""
    wished_coach_gender: str = ""
    wished_coach_id: int | None = None
    wished_coach_language: str = ""
    wished_specialties: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_birth(text: str, *, today: date) -> tuple[int | None, date | None]:
    """(birth year, birth date) from a year or a date; a ValidationError for anything else."""
    value = text.strip()
    if not value:
        return None, None
    if re.fullmatch(r"\d{4}", value):
        return check_birth_year(int(value), today=today, field="birth"), None
    for pattern in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        checked = check_birth_date(parsed, today=today, field="birth")
        return checked.year if checked else None, checked
    raise ValidationError(
        f"“{value}” is not a birth year or date.",
        field="birth",
        hint="Type a year such as 1985, or a date such as 3/14/1985; or leave it empty.",
    )


def clean_person_details(details: PersonDetails, *, today: date) -> dict[str, Any]:
    """Column values for a Person, or a ValidationError naming the field at fault."""
    first = clean_text(
        details.first_name, label="The first name", field="first_name", max_length=NAME_MAX
    )
    if first is None:
        raise ValidationError(
            "A first name or initials is needed, and nothing else is.",
            field="first_name",
            hint="Initials are fine if that is all the person wants to give.",
        )
    birth_year, birth_date = parse_birth(details.birth, today=today)
    try:
        kind = PersonKind(details.kind or PersonKind.PEER.value)
    except ValueError:
        raise ValidationError(f"“{details.kind}” is not peer or family.", field="kind") from None
    email = clean_text(details.email, label="The email", field="email", max_length=254)
    phone = clean_text(details.phone, label="The phone", field="phone", max_length=40)
    language = clean_text(
        details.preferred_language, label="The language", field="preferred_language", max_length=16
    )
    return {
        "first_name": first,
        "last_name": clean_text(
            details.last_name, label="The last name", field="last_name", max_length=NAME_MAX
        ),
        "preferred_name": clean_text(
            details.preferred_name,
            label="The preferred name",
            field="preferred_name",
            max_length=NAME_MAX,
        ),
        "nickname": clean_text(
            details.nickname, label="The nickname", field="nickname", max_length=NAME_MAX
        ),
        "pronouns": clean_text(details.pronouns, label="Pronouns", field="pronouns", max_length=40),
        "kind": kind,
        "birth_year": birth_year,
        "birth_date": birth_date,
        "phone": parse_phone(phone) if phone else None,
        "email": clean_email(email) if email else None,
        "preferred_language": language,
        "may_call": details.may_call,
        "may_text": details.may_text,
        "may_leave_message": details.may_leave_message,
        "town": clean_text(details.town, label="The town", field="town", max_length=100),
        "heard_about": clean_text(
            details.heard_about, label="How they heard of us", field="heard_about", max_length=200
        ),
        "note": clean_text(
            details.note, label="The note", field="note", max_length=NOTE_MAX, multiline=True
        ),
        "recovery_pathway": clean_text(
            details.recovery_pathway,
            label="The recovery pathway",
            field="recovery_pathway",
            max_length=100,
        ),
        "wished_coach_gender": clean_text(
            details.wished_coach_gender,
            label="The wished coach gender",
            field="wished_coach_gender",
            max_length=40,
        ),
        "wished_coach_id": details.wished_coach_id,
        "wished_coach_language": clean_text(
            details.wished_coach_language,
            label="The wished coach language",
            field="wished_coach_language",
            max_length=16,
        ),
        "wished_specialties": sorted(set(details.wished_specialties)) or None,
    }
