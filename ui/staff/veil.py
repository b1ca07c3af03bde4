"""An opaque cover over a window while the station is locked: nothing of it can be read.

Each window gets one veil, made the first time it is locked and kept (hidden) from then on:
a veil deleted while a dialog's own event loop is ending can take the app down with it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

LOCKED_TITLE = "Recovery Desk (locked)"


class Veil(QWidget):
    """Covers its window (its whole area, kept so through resizes) and its title while shown;
    the window and what was typed in it stay exactly as they were underneath."""

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
        self._title = ""
        self.hide()
        window.installEventFilter(self)

    @classmethod
    def cover(cls, window: QWidget) -> Veil:
        """Cover `window` with its veil (made now if it has none)."""
        veil = window.findChild(Veil, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if veil is None:
            veil = cls(window)
        if not veil.isVisible():
            veil._title = window.windowTitle()
            window.setWindowTitle(veil.tr(LOCKED_TITLE))
        veil.setGeometry(window.rect())
        veil.raise_()
        veil.show()
        return veil

    @property
    def covering(self) -> bool:
        return self.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = getattr(self, "_window", None)  # gone while the app shuts down
        if window is None or watched is not window:
            return False
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(window.rect())
            self.raise_()
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # a widget added while locked stays under the cover
        return False

    def lift(self) -> None:
        if self.isVisible():
            self._window.setWindowTitle(self._title)
            self.hide()
