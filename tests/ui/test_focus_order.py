"""Tab goes through a page in reading order: top to bottom, and left to right along a row.
Walked on every page by following the focus chain Qt uses for Tab."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from ui.app import PAGES, build_pages
from ui.context import AppContext
from ui.main_window import MainWindow

ROW = 12  # pixels: widgets whose tops are this close are on one row


def tab_chain(page: QWidget) -> list[QWidget]:
    """The widgets Tab stops at on `page`, in Tab's order, from the page's first one."""
    stops = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    if not stops:
        return []
    chain, widget = [], stops[0]
    for _ in range(len(stops) * 3):
        if widget in stops and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is stops[0]:
            break
    return chain


def backward_jumps(page: QWidget) -> list[str]:
    """Each Tab that goes up a row, except the one wrap to the top."""
    jumps = []
    for one, other in pairwise(tab_chain(page)):
        if other.mapTo(page, QPoint(0, 0)).y() < one.mapTo(page, QPoint(0, 0)).y() - ROW:
            jumps.append(f"{_name(one)} → {_name(other)}")
    return jumps


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


@pytest.mark.parametrize("page_id", [spec[0] for spec in PAGES])
def test_tab_follows_reading_order(app_context: AppContext, qtbot, page_id: str) -> None:
    window = MainWindow(app_context, build_pages(app_context))
    qtbot.addWidget(window)
    window.resize(1366, 698)
    window.show()
    page = window.show_page([spec[0] for spec in PAGES].index(page_id))
    qtbot.wait(20)
    assert len(tab_chain(page)) >= 3  # the walk found the page's controls
    jumps = backward_jumps(page)
    assert len(jumps) <= 1, "\n".join(jumps)


def test_a_tab_order_that_goes_back_up_is_caught(qtbot) -> None:
    """The check itself: four buttons in a column, Tab set to go a, d, c, b (two steps up,
    more than the one wrap to the top a page may have)."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    a, b, c, d = (QPushButton(name) for name in "abcd")
    for button in (a, b, c, d):
        button.setObjectName(button.text())
        layout.addWidget(button)
    page.show()
    assert backward_jumps(page) == []
    QWidget.setTabOrder(a, d)
    QWidget.setTabOrder(d, c)
    QWidget.setTabOrder(c, b)
    assert backward_jumps(page) == ["d → c", "c → b"]


@pytest.mark.parametrize("which", ["journey", "others"])
def test_tab_follows_reading_order_in_the_dialogs(
    app_context: AppContext, qtbot, which: str
) -> None:
    """The walk-in journey's dialogs and the others (tests/ui/test_accessible_names.py)."""
    from tests.ui.test_accessible_names import _journey_dialogs, other_dialogs

    dialogs = _journey_dialogs if which == "journey" else other_dialogs
    problems = []
    for name, dialog in dialogs(app_context).items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(10)
        jumps = backward_jumps(dialog)
        if len(jumps) > 1:
            problems.append(f"{name}: {', '.join(jumps)}")
    assert problems == [], "\n".join(problems)
