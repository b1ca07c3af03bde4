"""The Center settings page: the center's details printed on every handout, and defaults."""

from ui.pages.center_settings.controller import CenterSettingsPage

__all__ = ["CenterSettingsPage"]
