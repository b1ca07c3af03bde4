"""What a new user tripped on, on paper: a handout that claimed every listing was freshly
checked, sheets with a page half empty, help lines in the smallest print, and a category
code the error message did not list."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from desk.categories import CATEGORIES, CATEGORY_BY_CODE
from desk.db.engine import Database
from desk.errors import ValidationError
from desk.printing.referral_sheet import render_referral_sheet
from desk.printing.styles import stylesheet
from desk.services.handouts import category_handout, find_category
from tests.desk.referrals.builders import add_service, pdf_text
from tests.desk.referrals.test_sheet_rendering import service, sheet

LONG = (
    "Medically monitored withdrawal with nursing care around the clock, a bed search when "
    "full, and a warm handoff to treatment after discharge; call ahead about beds."
)


def _pages(pdf: bytes) -> list[str]:
    return [
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def test_the_handout_gives_each_listing_its_own_checked_date_and_marks_stale_ones(
    database: Database, today: date
) -> None:
    with database.transaction() as session:
        add_service(
            session, "Fresh detox", category="detox", assured_date=today - timedelta(days=10)
        )
        add_service(
            session, "Old detox", category="detox", assured_date=today - timedelta(days=200)
        )
    with database.session() as session:
        _content, pdf = category_handout(session, CATEGORY_BY_CODE["detox"], "en", False, today)
    text = " ".join(pdf_text(pdf).split())
    assert "checked by our staff. Current as of" not in text
    fresh, old = text.index("Fresh detox"), text.index("Old detox")
    after_old = text[old:]
    assert "Call first: details last checked" in after_old
    assert "Call first" not in text[fresh:old]
    assert "Details checked:" in text[fresh:old]


def test_three_services_fill_one_page_each_kept_whole() -> None:
    services = tuple(service(n, description=LONG) for n in range(1, 4))
    pdf = render_referral_sheet(sheet(services=services))
    assert len(_pages(pdf)) == 1


def test_large_print_puts_more_than_one_service_on_a_page_and_splits_none() -> None:
    services = tuple(service(n) for n in range(1, 5))
    pages = _pages(render_referral_sheet(sheet(services=services, large_print=True)))
    assert len(pages) < 4  # not one service a page
    for n in range(1, 5):
        starts = [i for i, page in enumerate(pages) if f"{n}. Service number {n}" in page]
        ends = [i for i, page in enumerate(pages) if f"service-{n}" in page]  # its last line
        assert starts == ends, f"service {n} split across pages"


@pytest.mark.parametrize("large", [False, True])
def test_help_lines_are_as_big_as_the_body_with_the_numbers_in_bold(large: bool) -> None:
    pdf = render_referral_sheet(sheet(large_print=large))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    sizes: dict[str, set[tuple[float, str]]] = {}

    def seen(text, _cm, tm, font, size) -> None:
        if text.strip() and font is not None:
            sizes.setdefault(text.strip(), set()).add((round(size * tm[0], 1), font["/BaseFont"]))

    page.extract_text(visitor_text=seen)
    body = stylesheet(large).body.fontSize
    help_line = next(key for key in sizes if key.startswith("Massachusetts Substance Use"))
    # Large print: 14 pt (at 16 each help line would wrap and crowd the services out).
    assert {size for size, _font in sizes[help_line]} == {14.0 if large else body}
    assert min(size for size, _font in sizes[help_line]) >= min(body, 14.0)
    number = next(key for key in sizes if "327-5050" in key)
    assert any("Bold" in font for _size, font in sizes[number])


def test_the_category_error_lists_every_code_it_accepts() -> None:
    with pytest.raises(ValidationError) as refused:
        find_category("nope")
    for category in CATEGORIES:
        assert category.code in refused.value.hint
        assert category.name in refused.value.hint
