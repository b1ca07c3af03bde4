"""A list's "Category" cell: 211/AIRS terms and plain words become the center's categories,
and nothing is guessed from a near miss (staff choose instead)."""

from __future__ import annotations

import pytest

from desk.directory.sheet_categories import match_categories, match_category

NAMED = [
    ("Alcoholism Services", "treatment"),
    ("Drug Abuse Services", "treatment"),
    ("Detoxification", "detox"),
    ("RX-8450.1800 Detoxification", "detox"),
    ("Methadone", "treatment"),
    ("methadone maintenance", "treatment"),
    ("Sober living", "sober_housing"),
    ("Recovery Homes/Halfway Houses", "sober_housing"),
    ("Food pantry", "food"),
    ("BD-1800.2000 Food Pantries", "food"),
    ("Homeless Shelter", "shelter"),
    ("shelter", "shelter"),
    ("Harm reduction", "harm_reduction"),
    ("Narcan", "harm_reduction"),
    ("Al-Anon", "family_support"),
    ("AA meetings", "support_groups"),
    ("Birth Certificates", "id_documents"),
    ("Job training", "jobs"),
]


@pytest.mark.parametrize(("cell", "category"), NAMED)
def test_terms_and_plain_words_name_a_category(cell: str, category: str) -> None:
    assert match_category(cell) == category


@pytest.mark.parametrize(
    "cell",
    ["Legal aid", "Dental", "Detoks", "Sheltered workshop", "Foodie club", "Other", "n/a", ""],
)
def test_a_near_miss_or_nothing_gives_no_category(cell: str) -> None:
    assert match_categories(cell) == [] and match_category(cell) is None


def test_a_cell_naming_two_categories_gives_both_but_guesses_neither_alone() -> None:
    assert match_categories("Drug abuse services; Detoxification") == ["detox", "treatment"]
    assert match_category("Drug abuse services; Detoxification") is None
