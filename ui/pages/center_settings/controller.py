"""Behaviour of the Center settings page: load, save with a version check, keep drafts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.access import Permission
from desk.db.changes import ANY_TOPIC
from desk.errors import DeskError, StaleEdit, ValidationError
from desk.services.settings import CenterSettings, load_settings, update_settings
from ui.context import AppContext
from ui.drafts import FormDraft
from ui.error_words import in_words
from ui.pages.center_settings.backups_panel import BackupsPanel
from ui.pages.center_settings.purposes_editor import PurposesEditor
from ui.pages.center_settings.station_panel import StationPanel
from ui.pages.center_settings.view import CenterSettingsView
from ui.widgets.keys import bind_key
from ui.widgets.page import Page
from ui.words import fill


def _read(widget: QWidget) -> Any:
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def _write(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(str(value))
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(str(value))


DRAFT_KEY = "center_settings"


class CenterSettingsPage(Page):
    page_id = "settings"
    required_permission = Permission.CENTER_SETTINGS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view = CenterSettingsView()
        self.purposes = PurposesEditor(context)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.view)
        self.backups = (
            BackupsPanel(context, context.backups) if context.backups is not None else None
        )
        if self.backups is not None:
            column.addWidget(self.backups)
        column.addWidget(self.purposes)
        self.station = StationPanel(context.settings)
        column.addWidget(self.station)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(scroll)
        self.loaded: CenterSettings | None = None
        self._refused_as_stale = False  # the last save: Reload then keeps what was typed
        self._saved_versions: list | None = None  # the versions this station saved last
        self.draft = FormDraft(
            context.drafts, DRAFT_KEY, self.view.fields, owner=context.draft_owner
        )
        self.view.save_button.clicked.connect(self.save)
        self.view.reload_button.clicked.connect(self.reload)
        bind_key(self, "Ctrl+S", self.tr("Save the center's details"), self.view.save_button)
        bind_key(self, "F5", self.tr("Reload"), self.view.reload_button)
        context.changes.changed.connect(self._on_changes)

    @property
    def title(self) -> str:
        return self.tr("Center settings")

    def activate(self) -> None:
        if self.loaded is None:
            self.reload(keep_draft=True)
        self.purposes.reload()
        if self.backups is not None:
            self.backups.reload()

    def _on_changes(self, topics: set[str]) -> None:
        """Another station saved settings: show them, unless entries wait to be saved here
        (saving will then say what changed)."""
        waiting = self.loaded is None or self.draft.has_draft()
        if topics & {"settings", ANY_TOPIC} and not waiting:
            self.reload(keep_draft=True)

    def reload(self, *, keep_draft: bool = False) -> None:
        """The settings as they are now. After a save was refused as stale, what staff typed
        comes back on top of them; otherwise Reload drops unsaved entries."""
        if not (keep_draft or self._refused_as_stale):
            self.draft.clear()
        self._refused_as_stale = False
        self.context.tasks.submit(load_settings, self._show_loaded, self._show_error)

    def _show_loaded(self, settings: CenterSettings) -> None:
        self.loaded = settings
        if self._saved_versions is not None and sorted(settings.versions.items()) != (
            self._saved_versions
        ):
            self._saved_versions = None  # another station saved since
            if self.view.banner.property("level") == "ok":
                self.view.banner.hide()

        def fill() -> None:
            for key, widget in self.view.fields.items():
                _write(widget, settings[key])

        self.draft.begin(DRAFT_KEY, fill, version=sorted(settings.versions.items()))
        restored = self.draft.restore()
        own_save = sorted(settings.versions.items()) == self._saved_versions
        if restored is None and own_save:
            pass  # this station's own save coming back: its confirmation stays
        elif restored is None:
            self.view.status.setText("")
        elif restored.typed_on_older_version:
            self.view.status.setText(
                self.tr(
                    "Your unsaved changes from before are back, but another station has saved "
                    "settings since: check them before saving."
                )
            )
        else:
            self.view.status.setText(self.tr("Unsaved changes from before were restored."))

    def changes(self) -> dict[str, Any]:
        if self.loaded is None:
            return {}
        return {
            key: _read(widget)
            for key, widget in self.view.fields.items()
            if _read(widget) != self.loaded[key]
        }

    def save(self) -> None:
        changes = self.changes()
        if not changes or self.loaded is None:
            self.view.status.setText(self.tr("Nothing to save."))
            return
        self.draft.save_now()
        snapshot = self.draft.snapshot()
        versions = dict(self.loaded.versions)
        actor = self.context.actor
        self.view.save_button.setEnabled(False)
        self.context.tasks.submit(
            lambda session: update_settings(session, actor, changes, read_versions=versions),
            lambda saved: self._saved(saved, snapshot),
            self._save_failed,
        )

    def _saved(self, settings: CenterSettings, snapshot: dict[str, object]) -> None:
        self.view.save_button.setEnabled(True)
        # Anything typed while the save was under way stays kept, and comes back just below.
        self.draft.saved(snapshot, version=sorted(settings.versions.items()))
        self._show_loaded(settings)
        self._saved_versions = sorted(settings.versions.items())
        when = self.context.center_time.time_text(datetime.now(UTC))
        self.view.status.setText(fill(self.tr("Saved at %1."), when))
        self.view.banner.show_message(
            fill(
                self.tr(
                    "Saved at %1. The center's details on every sheet and handout, on every "
                    "station, are these from now on."
                ),
                when,
            ),
            "ok",
        )

    def _save_failed(self, error: DeskError) -> None:
        self.view.save_button.setEnabled(True)
        self._show_error(error)
        if isinstance(error, ValidationError) and error.field in self.view.fields:
            self.view.fields[error.field].setFocus()
        if isinstance(error, StaleEdit):
            self._refused_as_stale = True
            self.view.status.setText(self.tr("Not saved: your entries are kept."))

    def _show_error(self, error: DeskError) -> None:
        self.view.banner.show_message(in_words(error), "error")
