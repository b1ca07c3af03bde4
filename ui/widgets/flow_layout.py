"""A row of buttons that wraps onto a second line when the window is narrow.

Why: a button cut short ("heck out (Ctrl+C") is worse than a second row. On a 1366-wide
screen the rows stay on one line; at 1024 they wrap, and every label stays whole. Items
keep their own size hints (a button is never squeezed below its text); a stretch item
(`add_stretch`) pushes what follows it to the right end of the line.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        # Which items are stretches, and each other item's widget, noted once as they come:
        # asking an item (spacerItem(), widget()) answers None for the other kind, and the
        # binding of those calls loses a reference to None each time (PySide6 6.12), which
        # ends the program once enough are lost.
        self._stretches: set[int] = set()
        self._widgets: dict[int, QWidget] = {}
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def __del__(self) -> None:
        # Hand the items back before the layout goes, as Qt's own layouts do in their
        # destructors (without it Python and Qt both let go of them at exit).
        while self.takeAt(0) is not None:
            pass

    # -- filling ---------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        """An item Qt made for a widget (addWidget)."""
        self._widgets[id(item)] = item.widget()
        self._items.append(item)

    def add_widgets(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self.addWidget(widget)

    def add_stretch(self) -> None:
        """What follows goes to the right end of its line."""
        stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._stretches.add(id(stretch))
        self._items.append(stretch)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._stretches.discard(id(item))
        self._widgets.pop(id(item), None)
        return item

    def _is_stretch(self, item: QLayoutItem) -> bool:
        return id(item) in self._stretches

    # -- sizing ----------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        width = sum(self._width(item) for item in self._visible())
        width += self._spacing * max(0, len(self._visible()) - 1)
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest single item: anything wider than that wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize()).expandedTo(QSize(self._width(item), 0))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [
            item
            for item in self._items
            if self._is_stretch(item) or not self._widgets[id(item)].isHidden()
        ]

    def _width(self, item: QLayoutItem) -> int:
        return 0 if self._is_stretch(item) else item.sizeHint().width()

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in lines within `rect`; the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = self._width(item)
            if lines[-1] and used + self._spacing + width > area.width() and width:
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.y()
        right = False  # lines after a stretch hold what sits at the right end
        for line in lines:
            height = max((item.sizeHint().height() for item in line), default=0)
            if place:
                self._place_line(line, area, y, height, right=right)
            right = right or any(self._is_stretch(item) for item in line)
            y += height + self._spacing
        return y - self._spacing - area.y() + margins.top() + margins.bottom() if lines else 0

    def _place_line(
        self, line: list[QLayoutItem], area: QRect, y: int, height: int, *, right: bool
    ) -> None:
        widths = [self._width(item) for item in line]
        spare = area.width() - sum(widths) - self._spacing * max(0, len(line) - 1)
        stretches = [i for i, item in enumerate(line) if self._is_stretch(item)]
        if stretches and spare > 0:
            for i in stretches:
                widths[i] += spare // len(stretches)
        x = area.x() + (spare if right and not stretches and spare > 0 else 0)
        for item, width in zip(line, widths, strict=True):
            top = y + (height - item.sizeHint().height()) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(width, item.sizeHint().height())))
            x += width + self._spacing


def button_row(*widgets: QWidget | None, right_from: int | None = None) -> QWidget:
    """A wrapping row of `widgets`; those from index `right_from` on sit at the right end."""
    holder = QWidget()
    flow = FlowLayout(holder)
    for index, widget in enumerate(widgets):
        if index == right_from:
            flow.add_stretch()
        if widget is not None:
            flow.addWidget(widget)
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return holder
