"""The category handout: every current service of one category, no person on it."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest

from desk.categories import CATEGORY_BY_CODE
from desk.db.engine import Database
from desk.demo.seed_directory import seed_directory
from desk.errors import ValidationError
from desk.services.handouts import category_handout, current_service_ids, find_category
from tests.desk.referrals.builders import add_service, assert_all_text_inside_margins, pdf_text


def test_categories_are_found_by_code_or_name_in_either_language() -> None:
    assert find_category("detox").code == "detox"
    assert find_category("DETOX & WITHDRAWAL").code == "detox"
    assert find_category("Desintoxicación").code == "detox"
    assert find_category("vivienda sobria").code == "sober_housing"
    with pytest.raises(ValidationError, match="Sober housing"):
        find_category("Detox & treatment")


def test_only_current_services_of_the_category_are_listed(database: Database, today: date) -> None:
    with database.transaction() as session:
        open_one = add_service(session, "Open pantry", category="food")
        add_service(session, "Closed pantry", category="food", status="defunct")
        add_service(session, "A detox", category="detox")
    food = CATEGORY_BY_CODE["food"]
    with database.session() as session:
        assert current_service_ids(session, food) == [open_one]
        content, pdf = category_handout(session, food, "en", False, today)
    text = pdf_text(pdf)
    assert "Open pantry" in text and "Closed pantry" not in text and "A detox" not in text
    assert content.category_name == "Food" and "1 listings" in text


def test_two_hundred_services_fit_and_all_are_there(database: Database, today: date) -> None:
    with database.transaction() as session:
        seed_directory(
            session,
            services=2000,
            today=today,
            now=datetime(2026, 11, 23, tzinfo=UTC),
            rng=random.Random(3),
        )
    category = find_category("food")
    with database.session() as session:
        ids = current_service_ids(session, category)
        content, pdf = category_handout(session, category, "es", False, today)
    assert len(ids) >= 150
    text = " ".join(pdf_text(pdf).split())
    assert all(" ".join(service.name.split()) in text for service in content.services)
    assert_all_text_inside_margins(pdf)
