"""The Staff page: admins make and change staff accounts."""

from ui.pages.staff.page import StaffPage

__all__ = ["StaffPage"]
