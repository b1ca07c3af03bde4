"""The base of every page in the main window's navigation."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A page has an id (for settings and shortcuts) and a title, and refreshes when shown."""

    page_id = "page"

    @property
    def title(self) -> str:
        return self.windowTitle()

    def activate(self) -> None:
        """Called each time the page is shown; refresh what may have changed."""
