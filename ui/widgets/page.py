"""The base of every page in the main window's navigation."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk.access import Permission


class Page(QWidget):
    """A page has an id (for settings and shortcuts) and a title, and refreshes when shown.
    Only staff whose role holds its `required_permission` are given it."""

    page_id = "page"
    required_permission: Permission | None = None

    @property
    def title(self) -> str:
        return self.windowTitle()

    def activate(self) -> None:
        """Called each time the page is shown; refresh what may have changed."""
