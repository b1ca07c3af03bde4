"""Tick boxes read right at a glance: empty when not ticked, a tick when ticked, a dash when
"not asked yet", with the app's style sheet, in the normal palette and a high-contrast one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox

from ui.look import apply_style

STATES = (Qt.CheckState.Unchecked, Qt.CheckState.PartiallyChecked, Qt.CheckState.Checked)


@pytest.fixture
def styled(qapp) -> Iterator[None]:
    sheet, palette = qapp.styleSheet(), qapp.palette()
    apply_style(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def _inside(qtbot, state: Qt.CheckState) -> list[QColor]:
    """The pixels inside the box's border, for a box in `state`."""
    box = QCheckBox("May call")
    box.setTristate(True)
    box.setCheckState(state)
    qtbot.addWidget(box)
    box.show()
    image = box.grab().toImage()
    top = (image.height() - 15) // 2
    return [image.pixelColor(x, y) for x in range(4, 13) for y in range(top + 3, top + 13)]


def _like(pixels: list[QColor], color: QColor) -> float:
    close = [
        p
        for p in pixels
        if abs(p.red() - color.red())
        + abs(p.green() - color.green())
        + abs(p.blue() - color.blue())
        < 60
    ]
    return len(close) / len(pixels)


def _high_contrast() -> QPalette:
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Window, QColor("black"))
        palette.setColor(group, QPalette.ColorRole.Base, QColor("black"))
        palette.setColor(group, QPalette.ColorRole.Text, QColor("white"))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor("white"))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#1aebff"))
    return palette


@pytest.mark.parametrize("contrast", ["normal", "high"])
def test_unticked_looks_empty_ticked_looks_ticked_not_asked_looks_neither(
    qapp, qtbot, styled, contrast: str
) -> None:
    if contrast == "high":
        qapp.setPalette(_high_contrast())
    base = qapp.palette().color(QPalette.ColorRole.Base)
    highlight = qapp.palette().color(QPalette.ColorRole.Highlight)
    unticked, not_asked, ticked = (_inside(qtbot, state) for state in STATES)
    assert _like(unticked, base) > 0.95  # empty: the field's own colour inside
    assert _like(ticked, highlight) > 0.4  # filled with the highlight, a tick on it
    assert _like(not_asked, highlight) < 0.05  # a dash, never a filled box
    assert 0.6 < _like(not_asked, base) < 0.98  # mostly empty, with a mark in it
