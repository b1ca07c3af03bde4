"""Cells of a center's list, read the way people and spreadsheet programs write them.

Each reader returns what it read and the repairs it made, in words, for the import report;
what cannot be repaired is a ValidationError saying why. A repair never guesses beyond the
cell: a ZIP code that lost its leading zero in a spreadsheet program gets it back, a
placeholder phone number is left out, an extension goes into the extension field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from desk.directory.languages import comparable_code, language_code
from desk.errors import ValidationError
from desk.messages import Message
from desk.messages.directory import (
    EXTENSION_OF_IS_TOO_LONG,
    IS_NOT_PHONE_NUMBER_WE,
    TYPE_TEN_DIGITS_FOR_US,
    ZIP_CODE_IS_NOT_ZIP,
)
from desk.messages.sheet_import import (
    LANGUAGE_WITHOUT_CODE,
    PHONE_CELL_NUMBERS,
    PHONE_DESCRIPTION,
    PHONE_EXTENSION,
    PHONE_PLACEHOLDER,
    ZIP_LOST_ZERO,
    ZIP_WRITTEN_AS,
)
from desk.validation import DEFAULT_REGION, clean_text

# States whose ZIP codes start with 0 (a spreadsheet program shows 01604 as 1604).
ZERO_ZIP_STATES = frozenset({"CT", "MA", "ME", "NH", "NJ", "RI", "VT", "PR", "VI", "AE"})
_ZIP_IN_TEXT = re.compile(r"(?<![\d-])(\d{5})(?:-(\d{4}))?(?![\d-])")
_CITY_TAIL = re.compile(
    r"^(?P<city>.*?)[,\s]+(?P<state>[A-Za-z]{2})?\.?\s*(?P<zip>\d{4,5}(?:-\d{4})?)?$"
)
_STATE = re.compile(r"(?:^|,)\s*(?P<state>[A-Za-z]{2})\.?\s*(?:\d{5}(?:-\d{4})?)?\s*$")
_PLACEHOLDER_WORDS = {"n/a", "na", "none", "tbd", "tba", "unknown", "-", "--", "?", "no phone",
                      "call", "varies", "x", "xxx-xxx-xxxx", "(xxx) xxx-xxxx", "000"}  # fmt: skip
_MENU = re.compile(r"[,;]?\s*\b(?:opt(?:ion)?|press|menu)\.?\s*#?\s*(\d{1,3})\b", re.IGNORECASE)
_PHONE_SPLIT = re.compile(r"\s*(?:;|\s/\s|\bor\b|\||\n)\s*", re.IGNORECASE)
EXTENSION_MAX = 20  # the phone.extension column
_LIST_SPLIT = re.compile(r"\s*(?:[;,/\n|]|\band\b|&)\s*", re.IGNORECASE)
_PARTS_SPLIT = re.compile(r"\s*[;,/\n|]\s*")


def split_city(text: str | None) -> tuple[str | None, str | None, str | None]:
    """ "Worcester, MA 01604" -> ("Worcester", "MA", "01604"); "Worcester" -> ("Worcester", ...)."""
    if not text:
        return text, None, None
    match = _CITY_TAIL.match(text.strip())
    if match and match["city"] and (match["state"] or match["zip"]):
        city = match["city"].strip(" ,")
        return city, (match["state"] or "").upper() or None, match["zip"]
    return text.strip(), None, None


def state_of(city_line: str) -> str | None:
    """The two-letter state in a line such as "Worcester, MA" or "Worcester, MA 01608"."""
    match = _STATE.search(city_line or "")
    return match["state"].upper() if match else None


@dataclass(frozen=True)
class ZipRead:
    code: str | None
    repair: Message | None = None


def read_zip(text: str, state: str | None) -> ZipRead:
    """A ZIP code as written, or repaired; ZIP+4 is kept whole. ValidationError if neither."""
    value = text.strip().replace(" ", "")
    if not value:
        return ZipRead(None)
    if re.fullmatch(r"\d{5}(?:-\d{4})?", value):
        return ZipRead(value)
    if re.fullmatch(r"\d{9}", value):
        fixed = f"{value[:5]}-{value[5:]}"
        return ZipRead(fixed, ZIP_WRITTEN_AS.with_(text=text.strip(), fixed=fixed))
    lost_zero = re.fullmatch(r"(\d{4})(?:-?(\d{4}))?", value)
    if lost_zero and (state is None or state.upper() in ZERO_ZIP_STATES):
        fixed = "0" + lost_zero[1] + (f"-{lost_zero[2]}" if lost_zero[2] else "")
        return ZipRead(fixed, ZIP_LOST_ZERO.with_(text=text.strip(), fixed=fixed))
    raise ValidationError(ZIP_CODE_IS_NOT_ZIP.with_(strip=text.strip()))


def zip_in_text(text: str) -> str | None:
    match = _ZIP_IN_TEXT.search(text or "")
    if match is None:
        return None
    return match[1] + (f"-{match[2]}" if match[2] else "")


@dataclass(frozen=True)
class PhoneRead:
    number: str  # E.164, or a short number such as 211
    extension: str | None = None
    description: str | None = None  # "press 2" for a menu choice


def _is_placeholder(text: str, number: phonenumbers.PhoneNumber | None) -> bool:
    if text.strip().lower() in _PLACEHOLDER_WORDS:
        return True
    digits = re.sub(r"\D", "", text)
    if number is not None:
        digits = str(number.national_number)
    if not digits:
        return "x" in text.lower()
    return (
        len(set(digits)) == 1
        or digits in ("1234567890", "0123456789", "1234567", "5555555")
        or digits.startswith("000")
    )


def _read_one(text: str) -> PhoneRead | None:
    """One number; None for a placeholder. ValidationError for a number that cannot be."""
    description = None
    menu = _MENU.search(text)
    if menu:
        description = f"press {menu[1]}"
        text = _MENU.sub("", text)
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if _is_placeholder(text, number):
        return None
    if (
        number is not None
        and len(str(number.national_number)) == 3
        and (phonenumbers.is_valid_short_number(number))
    ):
        return PhoneRead(str(number.national_number), None, description)
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            IS_NOT_PHONE_NUMBER_WE.with_(strip=text.strip()),
            hint=TYPE_TEN_DIGITS_FOR_US,
        )
    extension = number.extension or None
    if extension and len(extension) > EXTENSION_MAX:
        raise ValidationError(EXTENSION_OF_IS_TOO_LONG.with_(strip=text.strip()))
    number.extension = None
    return PhoneRead(
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        extension,
        description,
    )


def read_phones(text: str) -> tuple[list[PhoneRead], list[Message]]:
    """Every number in a cell ("508-555-0100 x12; 800-555-0199"), and the repairs made."""
    value = text.strip()
    if not value:
        return [], []
    parts = [value]
    try:
        single = _read_one(value)
    except ValidationError:
        parts = [p for p in _PHONE_SPLIT.split(value) if p.strip()]
        if len(parts) == 1:
            raise
        single = None
    else:
        if single is None:
            return [], [PHONE_PLACEHOLDER.with_(text=value)]
    phones: list[PhoneRead] = []
    repairs: list[Message] = []
    for part in parts:
        read = single if len(parts) == 1 else _read_one(part)
        if read is None:
            repairs.append(PHONE_PLACEHOLDER.with_(text=part.strip()))
            continue
        if read.extension:
            repairs.append(PHONE_EXTENSION.with_(text=part.strip(), extension=read.extension))
        if read.description:
            repairs.append(PHONE_DESCRIPTION.with_(text=part.strip(), description=read.description))
        if read not in phones:
            phones.append(read)
    if len(parts) > 1 and len(phones) > 1:
        repairs.append(PHONE_CELL_NUMBERS.with_(text=value, count=len(phones)))
    return phones, repairs


@dataclass(frozen=True)
class LanguageRead:
    code: str | None  # None: kept as written, with no code
    name: str


def read_languages(text: str) -> tuple[list[LanguageRead], list[Message]]:
    """Languages in a cell ("English, Cape Verdean Creole, Brazilian Portuguese"), and notes."""
    found: list[LanguageRead] = []
    seen: set[str] = set()
    notes: list[Message] = []
    for part in _LIST_SPLIT.split(text):
        name = clean_text(part, label="Language", max_length=100)
        if not name:
            continue
        code = language_code(name)
        key = comparable_code(code) if code else name.casefold()
        if code is None:
            notes.append(LANGUAGE_WITHOUT_CODE.with_(name=name))
        if key not in seen:
            seen.add(key)
            found.append(LanguageRead(code, name))
    return found, notes


def split_parts(text: str) -> list[str]:
    """The parts of a cell that lists things: "Detox; Treatment" -> ["Detox", "Treatment"]."""
    return [part for part in _PARTS_SPLIT.split(text) if part.strip()]
