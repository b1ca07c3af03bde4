"""What staff type about a person, checked: only a first name or initials is required.

Everything else is optional and stored exactly as given (accents, emoji, right-to-left
scripts and quotes included), or refused with a message that says what to do.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from desk.errors import FormProblems, ValidationError
from desk.messages.people import (
    FIRST_NAME_OR_INITIALS_IS,
    INITIALS_ARE_FINE_IF_THAT,
    IS_NOT_BIRTH_YEAR_OR,
    IS_NOT_PEER_OR_FAMILY,
    TYPE_YEAR_SUCH_AS_1985,
)
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
        IS_NOT_BIRTH_YEAR_OR.with_(value=value),
        field="birth",
        hint=TYPE_YEAR_SUCH_AS_1985,
    )


def clean_person_details(details: PersonDetails, *, today: date) -> dict[str, Any]:
    """Column values for a Person, or one ValidationError naming every field at fault (the
    first, and the rest in `also`), so staff can mend them all before saving again."""
    problems = FormProblems()
    checked = problems.check

    def text(value: str, label: str, field: str, max_length: int, **options: Any) -> Any:
        return checked(
            lambda: clean_text(value, label=label, field=field, max_length=max_length, **options)
        )

    first = text(details.first_name, "The first name", "first_name", NAME_MAX)
    if first is None and not any(p.field == "first_name" for p in problems.found):
        problems.found.append(
            ValidationError(
                FIRST_NAME_OR_INITIALS_IS,
                field="first_name",
                hint=INITIALS_ARE_FINE_IF_THAT,
            )
        )
    birth = checked(lambda: parse_birth(details.birth, today=today)) or (None, None)
    kind = checked(lambda: _kind(details.kind))
    email = text(details.email, "The email", "email", 254)
    phone = text(details.phone, "The phone", "phone", 40)
    values = {
        "first_name": first,
        "last_name": text(details.last_name, "The last name", "last_name", NAME_MAX),
        "preferred_name": text(
            details.preferred_name, "The preferred name", "preferred_name", NAME_MAX
        ),
        "nickname": text(details.nickname, "The nickname", "nickname", NAME_MAX),
        "pronouns": text(details.pronouns, "Pronouns", "pronouns", 40),
        "kind": kind,
        "birth_year": birth[0],
        "birth_date": birth[1],
        "phone": checked(lambda: parse_phone(phone, keep_extension=True)) if phone else None,
        "email": checked(lambda: clean_email(email)) if email else None,
        "preferred_language": text(
            details.preferred_language, "The language", "preferred_language", 16
        ),
        "may_call": details.may_call,
        "may_text": details.may_text,
        "may_leave_message": details.may_leave_message,
        "town": text(details.town, "The town", "town", 100),
        "heard_about": text(details.heard_about, "How they heard of us", "heard_about", 200),
        "note": text(details.note, "The note", "note", NOTE_MAX, multiline=True),
        "recovery_pathway": text(
            details.recovery_pathway, "The recovery pathway", "recovery_pathway", 100
        ),
        "wished_coach_gender": text(
            details.wished_coach_gender, "The wished coach gender", "wished_coach_gender", 40
        ),
        "wished_coach_id": details.wished_coach_id,
        "wished_coach_language": text(
            details.wished_coach_language,
            "The wished coach language",
            "wished_coach_language",
            16,
        ),
        "wished_specialties": sorted(set(details.wished_specialties)) or None,
    }
    problems.raise_any()
    return values


def _kind(value: str) -> PersonKind:
    try:
        return PersonKind(value or PersonKind.PEER.value)
    except ValueError:
        raise ValidationError(IS_NOT_PEER_OR_FAMILY.with_(value=value), field="kind") from None
