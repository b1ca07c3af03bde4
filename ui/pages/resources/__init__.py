"""The Resources page: the directory, searched as you type."""

from ui.pages.resources.controller import ResourcesPage

__all__ = ["ResourcesPage"]
