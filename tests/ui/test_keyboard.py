"""Keyboard first: every action on every page has a key it shows, F1 lists the page's keys,
and a three-service sheet for a person is built and printed with no mouse at all."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desk.demo.seed_directory import seed_directory
from desk.models import Referral, Service
from desk.services.settings import center_today
from tests.desk.people_helpers import add_person
from ui.app import PAGES, build_pages
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.referrals.person_picker import PersonPickerDialog
from ui.printing.output import DocumentOutput, Target
from ui.widgets.cheat_sheet import CheatSheet

SHOWN_KEY = re.compile(r"\((?:Ctrl|Alt|Shift|F\d+|Enter|Esc|Del)[^)]*\)")
# Toggles that are actions (the form's own tick boxes are fields, not actions).
ACTION_TOGGLES = {"privacySwitch", "largePrint", "showsName", "walkInsFilter"}


@pytest.fixture
def window(app_context: AppContext, qtbot) -> MainWindow:
    with app_context.database.transaction() as session:
        seed_directory(
            session,
            services=12,
            today=center_today(session),
            now=datetime.now(UTC),
            rng=random.Random(5),
        )
    window = MainWindow(app_context, build_pages(app_context))
    qtbot.addWidget(window)
    window.resize(1366, 740)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


class MouseWatch(QObject):
    """Counts every mouse press, release and click anywhere in the application."""

    KINDS = (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
    )

    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in self.KINDS:
            self.seen += 1
        return False


@pytest.fixture
def mouse(qapp) -> Iterator[MouseWatch]:
    watch = MouseWatch()
    qapp.installEventFilter(watch)
    yield watch
    qapp.removeEventFilter(watch)


def _key(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def test_every_action_on_every_page_shows_its_key(window: MainWindow, qtbot) -> None:
    missing = []
    for index, (page_id, *_rest) in enumerate(PAGES):
        page = window.show_page(index)
        tabs = getattr(page, "tabs", None)
        for tab in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            for button in page.findChildren(QPushButton):
                shown = button.isVisibleTo(window) and button.text() and not button.isCheckable()
                if shown and not SHOWN_KEY.search(button.text() + " " + button.toolTip()):
                    missing.append(f"{page_id}: “{button.text()}”")
            for toggle in page.findChildren(QCheckBox):
                action = toggle.objectName() in ACTION_TOGGLES and toggle.isVisibleTo(window)
                if action and not SHOWN_KEY.search(toggle.text() + " " + toggle.toolTip()):
                    missing.append(f"{page_id}: “{toggle.text()}”")
    assert not missing, "no key shown for:\n" + "\n".join(missing)


def test_every_page_has_a_key_and_the_tenth_is_alt_0(window: MainWindow, qtbot) -> None:
    """An admin has ten pages: Alt+1 to Alt+9 and then Alt+0 (Alt+10 is no key at all)."""
    assert len(PAGES) == 10
    window.show_page("front_desk")
    for index, (page_id, *_rest) in enumerate(PAGES):
        digit = getattr(Qt.Key, f"Key_{(index + 1) % 10}")
        qtbot.keyClick(window, digit, ALT)
        assert window.navigation.currentRow() == index, page_id
        tooltip = window.navigation.item(index).toolTip()
        assert tooltip.endswith(f"(Alt+{(index + 1) % 10})"), tooltip
    window.show_page("front_desk")
    _key(qtbot, Qt.Key.Key_F1)
    sheet = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CheatSheet))
    assert dict(sheet.listed())["Alt+0"] == "Go to Reports"
    sheet.close()


def test_f1_lists_the_keys_of_the_page_on_screen(window: MainWindow, qtbot) -> None:
    window.show_page("front_desk")
    _key(qtbot, Qt.Key.Key_F1)
    sheet = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CheatSheet))
    listed = dict(sheet.listed())
    assert listed["Ctrl+O"] == "Check out"
    assert listed["Ctrl+U"].startswith("Undo the check-out")
    assert "Alt+3" in listed and listed["F1, Ctrl+/"] == "This list of keys"
    sheet.close()
    window.show_page("resources")
    qtbot.keyClick(window.page("resources").view.search, Qt.Key.Key_Slash, CTRL)
    sheet = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, CheatSheet) and w.isVisible()
    )
    assert "Ctrl+Enter" in dict(sheet.listed())
    sheet.close()


def test_a_three_service_sheet_for_a_person_printed_from_the_keyboard(
    window: MainWindow, app_context: AppContext, qtbot, mouse, monkeypatch, tmp_path: Path
) -> None:
    person = add_person(app_context.database, app_context.actor, "Łukasz", "Nowak")
    with app_context.database.session() as session:
        names = session.scalars(select(Service.name).order_by(Service.name)).all()[:3]
    printed = tmp_path / "printed.pdf"

    def pdf_printer(_self) -> Target:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return Target(printer=printer)

    monkeypatch.setattr(DocumentOutput, "choose_printer", pdf_printer)  # the print dialog's OK

    _key(qtbot, Qt.Key.Key_3, ALT)  # Resources: the keyboard is in the search
    resources = window.page("resources")
    for name in names:
        assert QApplication.focusWidget() is resources.view.search
        _type(qtbot, name)
        _key(qtbot, Qt.Key.Key_Down)  # to the results, the best match highlighted
        _key(qtbot, Qt.Key.Key_Return, CTRL)  # into the referral, back to the search
    assert [item.service_name for item in app_context.basket.items] == list(names)

    _key(qtbot, Qt.Key.Key_4, ALT)  # Referrals

    def pick_person() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, PersonPickerDialog) and w.isVisible()
        )
        qtbot.keyClicks(dialog.search, "lukasz")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick_person)
    _key(qtbot, Qt.Key.Key_F, CTRL | SHIFT)  # whom it is for
    builder = window.page("referrals").builder
    assert app_context.basket.person_id == person.id
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _key(qtbot, Qt.Key.Key_L, CTRL | SHIFT)  # large print
    assert builder.view.large_print.isChecked()
    _key(qtbot, Qt.Key.Key_L, CTRL | SHIFT)  # and back
    _key(qtbot, Qt.Key.Key_P, CTRL)  # Print…
    qtbot.waitUntil(lambda: "Printed on" in builder.view.status.text(), timeout=20000)
    with app_context.database.session() as session:
        referral = session.scalars(select(Referral).options(selectinload(Referral.items))).one()
    assert referral.person_id == person.id and len(referral.items) == 3
    assert printed.stat().st_size > 0
    assert mouse.seen == 0
