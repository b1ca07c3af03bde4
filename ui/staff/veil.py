"""An opaque cover over a window while the station is locked: nothing of it can be read."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

LOCKED_TITLE = "Recovery Desk (locked)"


class Veil(QWidget):
    """Covers `window` (its whole area, kept so through resizes) and its title until
    `lift()`; the window and what was typed in it stay exactly as they were underneath."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockVeil")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAutoFillBackground(True)
        label = QLabel(self.tr("Locked"))
        label.setObjectName("lockVeilLabel")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self._window = window
        self._title = window.windowTitle()
        window.setWindowTitle(self.tr(LOCKED_TITLE))
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
            self.raise_()
        elif watched is self._window and event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # a widget added while locked stays under the cover
        return False

    def lift(self) -> None:
        self._window.removeEventFilter(self)
        self._window.setWindowTitle(self._title)
        self.hide()
        self.deleteLater()
