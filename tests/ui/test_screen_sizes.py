"""Every page fits a 1366×768 laptop and works at 1024×768: whole button labels, whole
column headers, no column out of sight, nothing cut in a one-line label, and the referral
preview wide enough to read. A window manager's title bar and a taskbar take about 70 px
of the height, so the window is tried at 698 px tall."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.demo.seed import SeedPlan, seed_demo_data
from desk.models import Service
from desk.services.actor import command_line_actor
from tests.ui.screen_checks import screen_problems
from ui.app import PAGES, build_pages
from ui.context import AppContext
from ui.i18n import Translators
from ui.look import apply_style, install_bundled_fonts
from ui.main_window import MainWindow
from ui.widgets.tall_column import TallColumn

SIZES = [QSize(1366, 698), QSize(1024, 698)]
PREVIEW_MIN_WIDTH = 300


@pytest.fixture
def app_look(qapp) -> Iterator[None]:
    """The app's own fonts and style sheet, as the window has them (sizes depend on them)."""
    font, sheet = qapp.font(), qapp.styleSheet()
    install_bundled_fonts(qapp)
    apply_style(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


@pytest.fixture
def demo_context(app_context: AppContext, app_look) -> AppContext:
    with app_context.database.session() as session:
        actor = command_line_actor(session)
    seed_demo_data(app_context.database, actor, SeedPlan())
    return app_context


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(5)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_page_fits(demo_context: AppContext, qtbot, size: QSize) -> None:
    window = MainWindow(demo_context, build_pages(demo_context))
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    minimum = window.minimumSizeHint()
    assert minimum.width() <= size.width() and minimum.height() <= size.height(), (
        f"the window cannot be smaller than {minimum.width()}×{minimum.height()}"
    )
    problems: list[str] = []
    for index, (page_id, *_rest) in enumerate(PAGES):
        page = window.show_page(index)
        _settle(qtbot)
        if page_id == "referrals":
            _fill_basket(demo_context, page, qtbot)
        assert window.size() == size, f"{page_id}: the window grew to {window.size()}"
        problems += [f"{page_id}: {problem}" for problem in screen_problems(window)]
        if page_id == "referrals":
            preview = page.builder.view.preview
            if preview.width() < PREVIEW_MIN_WIDTH:
                problems.append(f"referrals: the preview is only {preview.width()} px wide")
            form = page.builder.view.findChild(TallColumn)
            if size.width() >= 1366 and form.verticalScrollBar().maximum() > 0:
                problems.append("referrals: the form scrolls at normal text on a laptop")
    assert not problems, "\n".join(problems)


def _fill_basket(context: AppContext, page, qtbot) -> None:
    """Three services, so that the preview shows a sheet."""
    with context.database.session() as session:
        services = session.execute(select(Service.id, Service.name).order_by(Service.name)).all()
    for service_id, name in services[:3]:
        context.basket.add(service_id, name)
    qtbot.waitUntil(lambda: page.builder.view.preview.page_count > 0, timeout=10000)
    _settle(qtbot)


@pytest.fixture(params=[(125, "en"), (150, "en"), (150, "es")], ids=lambda p: f"{p[0]}%-{p[1]}")
def larger_look(qapp, request) -> Iterator[None]:
    """Larger text in the high-contrast theme, as a staff member may choose (ui/look.py), in
    English and in Spanish (longer words)."""
    scale, language = request.param
    font, sheet, palette = qapp.font(), qapp.styleSheet(), qapp.palette()
    install_bundled_fonts(qapp)
    apply_style(qapp, text_scale=scale, high_contrast=True)
    translators = Translators(qapp)
    translators.use(language)
    yield
    translators.use("en")
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setPalette(palette)


def test_every_page_fits_a_laptop_at_larger_text_in_high_contrast(
    app_context: AppContext, larger_look, qtbot
) -> None:
    with app_context.database.session() as session:
        actor = command_line_actor(session)
    seed_demo_data(app_context.database, actor, SeedPlan())
    size = SIZES[0]
    window = MainWindow(app_context, build_pages(app_context))
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    minimum = window.minimumSizeHint()
    assert minimum.width() <= size.width() and minimum.height() <= size.height()
    problems: list[str] = []
    for index, (page_id, *_rest) in enumerate(PAGES):
        page = window.show_page(index)
        _settle(qtbot)
        if window.size() != size:
            problems.append(f"{page_id}: the window grew to {window.width()}×{window.height()}")
        problems += [f"{page_id}: {problem}" for problem in screen_problems(window)]
        if page_id == "front_desk":
            problems += _queue_rows_problem(page.view.queue)
    assert not problems, "\n".join(problems)


QUEUE_ROWS_SEEN = 3  # whole rows of today's queue in sight, at any text size


def _queue_rows_problem(queue) -> list[str]:
    rows = queue.viewport().height() // queue.verticalHeader().defaultSectionSize()
    if rows < QUEUE_ROWS_SEEN:
        return [f"front_desk: today's queue shows {rows} whole row(s)"]
    return []
