"""The Front desk page: sign people in and see today's queue."""

from ui.pages.front_desk.controller import FrontDeskPage

__all__ = ["FrontDeskPage"]
