"""The People page: find anyone, open their record, edit it, see visits, merge duplicates."""

from ui.pages.people.controller import PeoplePage

__all__ = ["PeoplePage"]
