"""The table of common language names (desk/directory/language_names.py) says what CLDR
says: it is made from CLDR beforehand so that the screens need not load CLDR's tables."""

from __future__ import annotations

from desk.directory.language_names import NAMES
from desk.directory.languages import _cldr_name, language_name
from scripts.language_names import iso_639_1_codes


def test_the_table_holds_every_two_letter_language_with_cldr_s_names() -> None:
    assert sorted(NAMES) == iso_639_1_codes()
    wrong = {
        code: names
        for code, names in NAMES.items()
        if names != (_cldr_name(code, "en"), _cldr_name(code, "es"))
    }
    assert not wrong, "run: uv run python -m scripts.language_names"


def test_names_come_from_the_table_or_from_cldr_alike() -> None:
    assert language_name("es") == "Spanish" and language_name("es", "es") == "Español"
    assert language_name("ht", "es") == "Criollo haitiano"  # the desk's own wording wins
    assert language_name("pt-BR") == "Portuguese (Brazil)"  # not in the table: from CLDR
    assert language_name("kea") == "Cape Verdean Creole"
    assert language_name("Spanish") == "Spanish" and language_name("") == ""
