"""The Coaches page: the roster, who is on duty, caseloads, the chart and the waitlist."""

from ui.pages.coaches.controller import CoachesPage

__all__ = ["CoachesPage"]
