"""The Reports page: a period's figures beside the previous period's, charts, the list behind
each figure, and exports."""

from ui.pages.reports.page import ReportsPage

__all__ = ["ReportsPage"]
