"""A person's data on request, from their record (admins): everything about them as a PDF or
JSON file, or their record removed at their request."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox, QWidget

from desk.atomic_files import write_file_atomically
from desk.errors import DeskError
from desk.printing.person_record import render_person_record
from desk.services.people import PersonRecord
from desk.services.person_data import RemovalSummary, export_person_data, remove_person
from desk.services.referrals import center_header
from desk.services.settings import load_settings
from ui.context import AppContext
from ui.error_words import in_words
from ui.words import fill


class PersonDataRequests(QObject):
    """The menu of the record's "Their data…" button; says what happened through `done`."""

    done = Signal(str, str)  # message, level ("ok" or "error")
    removed = Signal(int)  # the record removed

    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.widget = parent_widget
        self.record: PersonRecord | None = None
        self.menu = QMenu(parent_widget)
        self.menu.addAction(self.tr("Export everything about them (PDF)…"), self.export_pdf)
        self.menu.addAction(self.tr("Export everything about them (JSON)…"), self.export_json)
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Remove their record at their request…"), self.remove)

    def _file(self, suffix: str, kind: str) -> Path | None:
        record = self.record
        if record is None:
            return None
        path, _ = QFileDialog.getSaveFileName(
            self.widget,
            fill(self.tr("Export everything about %1"), record.first_name),
            f"person-{record.id}.{suffix}",
            kind,
        )
        return Path(path) if path else None

    def _failed(self, error: DeskError) -> None:
        self.done.emit(in_words(error), "error")

    def export_pdf(self) -> None:
        self._export("pdf", self.tr("PDF (*.pdf)"))

    def export_json(self) -> None:
        self._export("json", self.tr("JSON (*.json)"))

    def _export(self, file_format: str, kind: str) -> None:
        path = self._file(file_format, kind)
        record, actor = self.record, self.context.actor
        if path is None or record is None:
            return

        def work(session) -> Path:
            data = export_person_data(session, actor, record.id, file_format=file_format)
            if file_format == "json":
                content = data.as_json()
            else:
                settings = load_settings(session)
                content = render_person_record(data, center_header(settings), settings.timezone)
            write_file_atomically(path, content, mode=0o600)
            return path

        self.context.tasks.submit(
            work,
            lambda saved: self.done.emit(
                fill(
                    self.tr(
                        "Everything about them is saved to %1. It is confidential: hand it "
                        "to them, and delete the file from this station."
                    ),
                    str(saved),
                ),
                "ok",
            ),
            self._failed,
            owner=self.widget,
        )

    def remove(self) -> None:
        record, actor = self.record, self.context.actor
        if record is None:
            return
        answer = QMessageBox.warning(
            self.widget,
            self.tr("Remove this record?"),
            fill(
                self.tr(
                    "Remove %1's record at their request? Their details, coaching notes, goals, "
                    "consents and notes are deleted and cannot be brought back. Their visits stay "
                    "as anonymous counts, and the activity log keeps that a record was removed, "
                    "without their name.\n\nExport their data first if they want a copy."
                ),
                record.full_name,
            ),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return
        typed, ok = QInputDialog.getText(
            self.widget,
            self.tr("Confirm the removal"),
            self.tr("Type their first name to confirm:"),
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return

        def removed(summary: RemovalSummary) -> None:
            self.done.emit(
                self.tr(
                    "The record was removed; %n visit(s) kept as anonymous counts.",
                    "",
                    summary.visits_kept_anonymous,
                ),
                "ok",
            )
            self.removed.emit(summary.person_id)

        self.context.tasks.submit(
            lambda session: remove_person(
                session, actor, record.id, record.version, typed_name=typed
            ),
            removed,
            self._failed,
            owner=self.widget,
        )
