"""Every fixed string of every handout exists in English and Spanish, with the same blanks."""

from __future__ import annotations

import string
from datetime import date

import pytest

from desk.printing import catalogue


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalogue.STRINGS))
def test_each_string_is_complete_in_both_languages(key: str) -> None:
    entry = catalogue.STRINGS[key]
    assert set(entry) == set(catalogue.LANGUAGES)
    assert all(entry[language].strip() for language in catalogue.LANGUAGES)
    assert _placeholders(entry["en"]) == _placeholders(entry["es"])


def test_spanish_is_not_english_copied() -> None:
    same = [
        key
        for key, entry in catalogue.STRINGS.items()
        if entry["en"] == entry["es"] and _placeholders(entry["en"]) != {entry["en"].strip("{}")}
    ]
    assert same == []


def test_dates_read_naturally() -> None:
    assert catalogue.long_date(date(2026, 11, 28), "en") == "November 28, 2026"
    assert catalogue.long_date(date(2026, 11, 28), "es") == "28 de noviembre de 2026"


def test_an_unknown_language_is_refused_plainly() -> None:
    with pytest.raises(ValueError, match=r"English|en"):
        catalogue.text("sheet.title", "fr")


def test_a_spanish_sheet_says_the_places_details_may_be_in_english() -> None:
    assert "en inglés" in catalogue.details_language_note("es")
    assert catalogue.details_language_note("en") == ""
