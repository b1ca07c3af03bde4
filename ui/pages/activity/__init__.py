"""The Activity page: the audit trail, newest first."""

from ui.pages.activity.page import ActivityPage

__all__ = ["ActivityPage"]
