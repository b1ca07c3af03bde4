"""Checking what staff type: plain messages for what cannot be stored, exact storage for the rest.

Text is stored as typed (accents, emoji, right-to-left scripts, quotes: all kept exactly), with
three exceptions that keep what is stored what was meant:

- whitespace is made plain: a line break, tab or run of spaces inside a one-line field (a name
  pasted from an email: "Ann\nMarie") becomes one space, never nothing ("AnnMarie"); a note
  keeps its line breaks, each line's spaces made single;
- invisible characters are removed: control characters, and format characters such as the
  bidirectional overrides and isolates (U+202E and the like), which can make a name show on
  screen as something other than what is stored. The zero-width joiner and non-joiner stay:
  they are part of how Persian and Indic names (and emoji) are spelled;
- lengths are capped with a message rather than truncated.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from urllib.parse import urlparse

from desk.errors import ValidationError
from desk.messages.core import (
    BIRTH_DATE_IS_BEFORE,
    BIRTH_DATE_IS_IN_FUTURE,
    BIRTH_YEAR_OF_CANNOT_BE,
    CHECK_EXTENSION_OR_PUT_IT,
    CHECK_YEAR_OR_LEAVE_IT,
    DOES_NOT_LOOK_LIKE_EMAIL,
    EMAIL_ADDRESS_LOOKS_LIKE_NAME,
    EXTENSION_IS_LONGER_THAN_DIGITS,
    IS_CHARACTERS_LONG_MOST_IT,
    IS_NOT_PHONE_NUMBER_WE,
    IS_NOT_WEB_ADDRESS,
    LEAVE_IT_EMPTY_IF_PERSON,
    LOOKS_LIKE_HTTPS_EXAMPLE_ORG,
    SHORTEN_IT_OR_PUT_REST,
    TYPE_TEN_DIGITS_FOR_US,
)

DEFAULT_REGION = "US"
NAME_MAX = 100
SHORT_TEXT_MAX = 200
NOTE_MAX = 2000
EARLIEST_BIRTH_YEAR = 1900

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_UNWANTED_CATEGORIES = {"Cc", "Cs", "Co", "Cn", "Cf"}
_KEPT_FORMAT = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner: spelling, not disguise
_EMOJI_TAGS = range(0xE0020, 0xE0080)  # the tags of subdivision flags (England, Scotland)
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")
_SPACES = re.compile(r"\s+")


def _visible(ch: str) -> bool:
    if unicodedata.category(ch) not in _UNWANTED_CATEGORIES:
        return True
    return ch in _KEPT_FORMAT or ord(ch) in _EMOJI_TAGS


def plain_text(text: str, *, multiline: bool = False) -> str:
    """`text` with plain whitespace and without invisible characters (see the module's
    docstring); surrounding whitespace removed."""
    if multiline:
        lines = (plain_text(line) for line in _LINE_BREAKS.split(text))
        return "\n".join(lines).strip()
    visible = "".join(ch for ch in _SPACES.sub(" ", text) if _visible(ch))
    return _SPACES.sub(" ", visible).strip()  # "a \u202e b" is "a b"


def clean_text(
    value: object,
    *,
    label: str,
    field: str = "",
    max_length: int = SHORT_TEXT_MAX,
    multiline: bool = False,
) -> str | None:
    """Trim `value`; None when empty; a ValidationError when too long or not text."""
    if value is None:
        return None
    text = plain_text(str(value), multiline=multiline)
    if not text:
        return None
    if len(text) > max_length:
        raise ValidationError(
            IS_CHARACTERS_LONG_MOST_IT.with_(
                label=label, text_count=len(text), max_length=max_length
            ),
            field=field,
            hint=SHORTEN_IT_OR_PUT_REST,
        )
    return text


def clean_email(value: str, *, field: str = "email") -> str:
    text = value.strip()
    if not _EMAIL.match(text) or len(text) > 254:
        raise ValidationError(
            DOES_NOT_LOOK_LIKE_EMAIL.with_(text=text),
            field=field,
            hint=EMAIL_ADDRESS_LOOKS_LIKE_NAME,
        )
    return text


EXTENSION_MAX = 10  # digits; "+" 15 digits ";ext=" and 10 fit a person's phone column (32)
_EXTENSION = re.compile(
    r"(?i)\s*(?:;\s*ext\s*=|,|#|\bext\b\.?|\bextension\b|\bx\b|x(?=\s*\d+\s*$)).*$"
)


def phone_without_extension(text: str) -> str:
    """What was typed before an extension ("508-555-0142 x12" is "508-555-0142")."""
    return _EXTENSION.sub("", text)


def parse_phone(
    value: str,
    *,
    field: str = "phone",
    region: str = DEFAULT_REGION,
    keep_extension: bool = False,
) -> str:
    """A phone number in E.164 form (+15085551234), or a ValidationError saying why not.
    With `keep_extension`, an extension typed after it is kept as RFC 3966 writes it
    (+15085550142;ext=12), which phonenumbers reads back and shows as "ext. 12"."""
    import phonenumbers  # imported when first needed: it costs a start a tenth of a second

    text = value.strip()
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            IS_NOT_PHONE_NUMBER_WE.with_(text=text),
            field=field,
            hint=TYPE_TEN_DIGITS_FOR_US,
        )
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if keep_extension and number.extension:
        if len(number.extension) > EXTENSION_MAX:
            raise ValidationError(
                EXTENSION_IS_LONGER_THAN_DIGITS.with_(
                    extension=number.extension, extension_max=EXTENSION_MAX
                ),
                field=field,
                hint=CHECK_EXTENSION_OR_PUT_IT,
            )
        return f"{e164};ext={number.extension}"
    return e164


def parse_service_phone(value: str, *, field: str = "phone", region: str = DEFAULT_REGION) -> str:
    """A resource's phone: a number we can dial (E.164, as `parse_phone`), or a short number
    such as 211 or 988 that the directory lists as it is dialled ("988")."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value.strip(), region)
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is not None
        and len(str(number.national_number)) == 3  # 211, 311, 711, 988: not text short codes
        and phonenumbers.is_valid_short_number(number)
    ):
        return str(number.national_number)
    return parse_phone(value, field=field, region=region)


def format_phone_for_display(value: str, *, field: str = "phone") -> str:
    """A valid number in the national form for the US ((508) 555-0142), international otherwise,
    with its extension if it has one ((508) 555-0142 ext. 12)."""
    import phonenumbers

    e164 = parse_phone(value, field=field, keep_extension=True)
    number = phonenumbers.parse(e164, None)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == DEFAULT_REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def display_phone(e164: str | None) -> str:
    """Show a stored E.164 number the way people read it; stored text as is if it will not parse."""
    if not e164:
        return ""
    try:
        return format_phone_for_display(e164)
    except ValidationError:
        return e164


def us_date(day: date) -> str:
    """A date as people at the center write it in a message: 11/11/2026."""
    return f"{day.month}/{day.day}/{day.year}"


def check_birth_year(year: int | None, *, today: date, field: str = "birth_year") -> int | None:
    if year is None:
        return None
    if year < EARLIEST_BIRTH_YEAR or year > today.year:
        raise ValidationError(
            BIRTH_YEAR_OF_CANNOT_BE.with_(
                year=year, earliest_birth_year=EARLIEST_BIRTH_YEAR, year_2=today.year
            ),
            field=field,
            hint=LEAVE_IT_EMPTY_IF_PERSON,
        )
    return year


def check_birth_date(value: date | None, *, today: date, field: str = "birth_date") -> date | None:
    if value is None:
        return None
    if value > today:
        raise ValidationError(
            BIRTH_DATE_IS_IN_FUTURE.with_(value=value, day=value.day, year=value.year),
            field=field,
            hint=CHECK_YEAR_OR_LEAVE_IT,
        )
    if value.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError(
            BIRTH_DATE_IS_BEFORE.with_(
                value=us_date(value), earliest_birth_year=EARLIEST_BIRTH_YEAR
            ),
            field=field,
            hint=CHECK_YEAR_OR_LEAVE_IT,
        )
    return value


def clean_url(value: str, *, field: str = "url", label: str = "Web address") -> str:
    text = value.strip()
    if "://" not in text:
        text = f"https://{text}"
    try:
        parsed = urlparse(text)
    except ValueError:  # "[" alone is read as half an IPv6 address
        parsed = None
    if (
        parsed is None
        or parsed.scheme not in ("http", "https")
        or "." not in parsed.netloc
        or " " in text
    ):
        raise ValidationError(
            IS_NOT_WEB_ADDRESS.with_(strip=value.strip()),
            field=field,
            hint=LOOKS_LIKE_HTTPS_EXAMPLE_ORG.with_(label=label),
        )
    return text
