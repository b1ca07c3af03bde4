"""What "fits the screen" means for a window, checked widget by widget.

Used by the screen-size tests: a button shows its whole label, a table's columns fit its
width with every header whole, a one-line label shows all its text, and the window itself
can be as small as the screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QScrollArea,
    QTableView,
    QWidget,
)

from ui.widgets.column_fit import header_text_width


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def cut_buttons(window: QWidget) -> list[str]:
    problems = []
    for button in window.findChildren(QAbstractButton):
        if not _shown(button, window) or not button.text():
            continue
        if button.width() < button.sizeHint().width():
            problems.append(
                f"button “{button.text()}” is {button.width()} px wide, its label needs "
                f"{button.sizeHint().width()}"
            )
    return problems


def cut_labels(window: QWidget) -> list[str]:
    problems = []
    for label in window.findChildren(QLabel):
        if not _shown(label, window) or label.wordWrap() or not label.text():
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if _inside_scroll_area(label):
            continue  # a scroll area shows the rest
        if label.width() < label.minimumSizeHint().width():
            problems.append(
                f"label “{label.text()[:60]}” is {label.width()} px wide, its text needs "
                f"{label.minimumSizeHint().width()}"
            )
    return problems


def cut_columns(window: QWidget) -> list[str]:
    problems = []
    for table in window.findChildren(QTableView):
        if not _shown(table, window) or table.model() is None:
            continue
        header = table.horizontalHeader()
        columns = [c for c in range(table.model().columnCount()) if not header.isSectionHidden(c)]
        for column in columns:
            needed = header_text_width(table, column)
            if header.sectionSize(column) < needed:
                text = table.model().headerData(column, header.orientation())
                problems.append(
                    f"{_name(table)}: the header “{text}” has {header.sectionSize(column)} px, "
                    f"needs {needed}"
                )
        total = sum(header.sectionSize(c) for c in columns)
        if total > table.viewport().width() + 1:
            problems.append(
                f"{_name(table)}: its columns need {total} px, it shows {table.viewport().width()}"
                " (some are out of sight)"
            )
    return problems


def screen_problems(window: QWidget) -> list[str]:
    return cut_buttons(window) + cut_labels(window) + cut_columns(window)
