"""Input checking under hypothesis: text is kept exactly or refused, never mangled or crashed."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.errors import ValidationError
from desk.services.person_details import PersonDetails, clean_person_details, parse_birth
from desk.validation import clean_text, parse_phone

TODAY = date(2026, 11, 28)
INVISIBLE = {"Cc", "Cs", "Co", "Cn"}


def _as_date(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%m/%d/%Y").date()
    except ValueError:
        return None


examples = settings(max_examples=200, deadline=None)


def _keeps(c: str) -> bool:
    return (
        unicodedata.category(c) not in INVISIBLE | {"Cf"}
        or c in "\u200c\u200d"
        or 0xE0020 <= ord(c) < 0xE0080
    )


def _plain(text: str) -> str:
    kept = "".join(c for c in re.sub(r"\s+", " ", text) if _keeps(c))
    return re.sub(r"\s+", " ", kept).strip()


@examples
@given(st.text(max_size=300))
def test_text_is_kept_as_typed_or_refused_for_length(text: str) -> None:
    visible = "".join(c for c in text if unicodedata.category(c) not in INVISIBLE).strip()
    try:
        cleaned = clean_text(text, label="The note", max_length=120)
    except ValidationError as error:
        assert "the most it can hold is 120" in error.message
        assert len(visible) > 120  # refused only when it is too long
        return
    if cleaned is not None:
        assert 0 < len(cleaned) <= 120
        assert cleaned == cleaned.strip()
        assert set(cleaned) <= set(text) | {" "}  # nothing added but plain spaces
        assert "  " not in cleaned and "\n" not in cleaned  # whitespace made plain
        assert not any(
            unicodedata.category(c) in INVISIBLE | {"Cf"}
            for c in cleaned.replace("\u200c", "").replace("\u200d", "")
            if not 0xE0020 <= ord(c) < 0xE0080
        )


@examples
@given(st.text(alphabet="0123456789 ()-+.x", max_size=25))
def test_a_phone_is_e164_that_parses_back_or_a_clear_refusal(text: str) -> None:
    try:
        e164 = parse_phone(text)
    except ValidationError as error:
        assert "not a phone number" in error.message
        try:  # refused only when the phone-number library cannot dial it either
            number = phonenumbers.parse(text, "US")
        except phonenumbers.NumberParseException:
            return
        assert not phonenumbers.is_valid_number(number)
        return
    assert e164.startswith("+")
    assert phonenumbers.is_valid_number(phonenumbers.parse(e164, None))
    assert parse_phone(e164) == e164


@examples
@given(
    st.one_of(
        st.text(max_size=20),
        st.dates().map(lambda d: d.strftime("%m/%d/%Y")),
        st.integers(1800, 2200).map(str),
    )
)
def test_a_birth_is_a_past_date_or_year_or_a_clear_refusal(text: str) -> None:
    try:
        year, day = parse_birth(text, today=TODAY)
    except ValidationError as error:
        assert error.field == "birth"
        if text.strip().isdigit() and len(text.strip()) == 4:  # a year is refused only
            assert not 1900 <= int(text) <= TODAY.year  # when it cannot be a birth year
        elif _as_date(text) is not None:  # and a date only when it is out of range
            assert not date(1900, 1, 1) <= _as_date(text) <= TODAY
        return
    if year is not None:
        assert 1900 <= year <= TODAY.year
    if day is not None:
        assert date(1900, 1, 1) <= day <= TODAY and day.year == year


@examples
@given(st.text(min_size=1, max_size=150))
def test_any_first_name_is_stored_exactly_or_refused(name: str) -> None:
    # The oracle, written out: whitespace to single spaces, invisible characters dropped
    # (the joiners that spell a name kept), trimmed, at most 100 left.
    expected = _plain(name)
    try:
        values = clean_person_details(PersonDetails(first_name=name), today=TODAY)
    except ValidationError as error:
        assert error.field == "first_name"
        assert expected == "" or len(expected) > 100
        return
    assert values["first_name"] == expected and 0 < len(expected) <= 100


def test_a_web_address_that_is_half_an_ipv6_address_is_refused_in_words() -> None:
    """Found by tests/soak/test_fuzzing.py: "[" made urlparse raise ValueError (a crash)."""
    import pytest

    from desk.validation import clean_url

    for typed in ("[", "http://[::1", "https://[bad]x.org"):
        with pytest.raises(ValidationError) as refused:
            clean_url(typed)
        assert "is not a web address" in refused.value.message
