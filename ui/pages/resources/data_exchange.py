"""The Resources page's imports and exports, each run off the GUI thread with a full report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from desk.directory.sheet_import import import_resources, preview_resources
from desk.directory.sheet_mapping import check_mapping, guess_mapping
from desk.directory.sheet_read import Sheet, read_sheet
from desk.errors import DeskError
from desk.hsds.exporter import export_hsds
from desk.hsds.importer import import_hsds, record_refused_import
from desk.hsds.report import ImportRefused, ImportReport
from ui.error_words import in_words, report_text
from ui.pages.resources.import_dialogs import ColumnMappingDialog, ReportDialog
from ui.tasks import LONG_DEADLINE_S
from ui.words import fill

if TYPE_CHECKING:
    from ui.pages.resources.controller import ResourcesPage


class DataExchange(QObject):
    def __init__(self, page: ResourcesPage) -> None:
        super().__init__(page)
        self.page = page
        self.report_dialog: ReportDialog | None = None
        self.mapping_dialog: ColumnMappingDialog | None = None

    @property
    def context(self):
        return self.page.context

    def _report(self, title: str, summary: str, text: str) -> None:
        self.report_dialog = ReportDialog(title, summary, text, self.page)
        self.report_dialog.open()

    # HSDS ---------------------------------------------------------------------------------

    def choose_hsds_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.page,
            self.tr("Import an Open Referral (HSDS 3.0) package"),
            "",
            self.tr("HSDS package or JSON (datapackage.json *.zip *.json)"),
        )
        if path:
            chosen = Path(path)
            self.import_hsds(chosen.parent if chosen.name == "datapackage.json" else chosen)

    def import_hsds(self, path: Path) -> None:
        actor = self.context.actor
        self.page.view.banner.show_message(fill(self.tr("Importing %1…"), path.name), "info")
        self.context.tasks.submit(
            lambda session: import_hsds(session, actor, path),
            self._imported,
            self._refused("hsds"),
            deadline=LONG_DEADLINE_S,
        )

    def _imported(self, report: ImportReport) -> None:
        self.page.view.banner.show_message(
            fill(
                self.tr("Imported %1: %2 new and %3 updated resources. The report lists the rest."),
                report.source,
                str(report.created.get("service", 0)),
                str(report.updated.get("service", 0)),
            ),
            "ok",
        )
        self._report(
            self.tr("Import finished"), self.tr("Everything was imported."), report_text(report)
        )
        self.page.refresh()

    def _refused(self, kind: str):
        def failed(error: DeskError) -> None:
            if isinstance(error, ImportRefused):
                report = error.report
                actor = self.context.actor
                self.context.tasks.submit(
                    lambda session: record_refused_import(session, actor, report, kind)
                )
                self.page.view.banner.show_message(in_words(error), "error")
                self._report(
                    self.tr("Nothing was imported"),
                    self.tr("Nothing was imported. Fix these rows in the file, then import again:"),
                    report_text(report),
                )
            else:
                self.page.view.banner.show_message(in_words(error), "error")

        return failed

    def choose_export(self) -> None:
        path, chosen_filter = QFileDialog.getSaveFileName(
            self.page,
            self.tr("Export the directory as Open Referral HSDS 3.0"),
            "directory-hsds.zip",
            self.tr("Tabular package (*.zip);;JSON (*.json)"),
        )
        if path:
            fmt = (
                "json"
                if path.lower().endswith(".json") or "json" in chosen_filter.lower()
                else "csv"
            )
            self.export(Path(path), fmt)

    def export(self, path: Path, fmt: str) -> None:
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: export_hsds(session, actor, path, fmt),
            lambda summary: self.page.view.banner.show_message(
                fill(
                    self.tr("Exported %1 resources to %2."),
                    str(summary.services),
                    str(summary.path),
                ),
                "ok",
            ),
            self.page._failed,
            deadline=LONG_DEADLINE_S,
        )

    # A center's own list ----------------------------------------------------------------------

    def choose_list_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.page,
            self.tr("Import a list of resources"),
            "",
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if path:
            self.open_list(Path(path))

    def open_list(self, path: Path) -> None:
        self.context.tasks.submit(
            lambda _session: read_sheet(path),
            self._list_read,
            self._refused("resources"),
            deadline=LONG_DEADLINE_S,
        )

    def _list_read(self, sheet: Sheet) -> None:
        dialog = ColumnMappingDialog(sheet, guess_mapping(sheet.header), self.page)
        self.mapping_dialog = dialog
        dialog.preview_requested.connect(lambda mapping: self._preview(dialog, mapping))
        dialog.import_requested.connect(lambda mapping: self._import_list(dialog, mapping))
        dialog.open()
        self._preview(dialog, dialog.mapping())

    def _preview(self, dialog: ColumnMappingDialog, mapping: dict[str, str]) -> None:
        sheet = dialog.sheet

        def work(session):
            return preview_resources(session, sheet, check_mapping(mapping, sheet.header))

        self.context.tasks.submit(
            work,
            dialog.show_preview,
            lambda e: dialog.show_error(str(e)),
            deadline=LONG_DEADLINE_S,
        )

    def _import_list(self, dialog: ColumnMappingDialog, mapping: dict[str, str]) -> None:
        sheet = dialog.sheet
        actor = self.context.actor

        def work(session):
            preview = preview_resources(session, sheet, check_mapping(mapping, sheet.header))
            return import_resources(session, actor, preview)

        def done(report: ImportReport) -> None:
            dialog.accept()
            self._imported(report)

        def failed(error: DeskError) -> None:
            dialog.show_error(
                report_text(error.report) if isinstance(error, ImportRefused) else in_words(error)
            )

        self.context.tasks.submit(work, done, failed, deadline=LONG_DEADLINE_S)
