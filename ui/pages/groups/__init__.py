"""The Groups page (admins): the center's own groups and meetings, and the week's handout."""

from ui.pages.groups.page import GroupsPage

__all__ = ["GroupsPage"]
