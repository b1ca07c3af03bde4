"""The colours that mark a row's state in a table (overdue, due, full, stale, switched off),
for the theme in use: the usual light one, or the high-contrast one (ui/look.py). Each is
read at least 4.5:1 against the table's background (tests/ui/test_contrast.py), and each
state is also said in words or a sign (⚑, "Overdue by 3 days", "full"): colour only helps.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QGuiApplication, QPalette


class State(Enum):
    MUTED = "muted"  # done, switched off, inactive
    OVERDUE = "overdue"
    DUE = "due"  # due today, full: needs a look
    STALE = "stale"  # not verified lately
    DUE_ROW = "due_row"  # a row's background: a referral due for follow-up


_LIGHT = {
    State.MUTED: "#5b6770",
    State.OVERDUE: "#b3261e",
    State.DUE: "#8f5200",
    State.STALE: "#a94442",
    State.DUE_ROW: "#fff4d6",
}
_DARK = {
    State.MUTED: "#c0c0c0",
    State.OVERDUE: "#ff9c9c",
    State.DUE: "#ffd700",
    State.STALE: "#ff9c9c",
    State.DUE_ROW: "#3d3300",
}


def dark_theme() -> bool:
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    return base.lightness() < 128


def state_colour(state: State) -> QColor:
    return QColor((_DARK if dark_theme() else _LIGHT)[state])


def colours(*, dark: bool) -> dict[State, QColor]:
    """Every state's colour in one theme (for the contrast test)."""
    return {state: QColor(name) for state, name in (_DARK if dark else _LIGHT).items()}
