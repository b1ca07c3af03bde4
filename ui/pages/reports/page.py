"""Behaviour of the Reports page. Admins and coaches choose a range and see every section,
open the list behind a figure and export; the front desk sees today's counts only.

Reports are built in the background (a year's takes up to a second); the figures on screen
stay until the new ones arrive, and only the newest answer is shown. Changes on other
stations refresh a range that includes today, at most every `REFRESH_AFTER_MS`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from desk.access import Permission
from desk.errors import DeskError
from desk.reports.model import Report
from desk.reports.periods import RangeKind
from desk.services.checkin import PurposeOption, list_purposes
from desk.services.report_exports import (
    ExportDone,
    export_deidentified_visits,
    export_report,
)
from desk.services.reports import period_report, todays_counts
from ui.context import AppContext
from ui.desk_words import PurposeNames
from ui.error_words import worded
from ui.pages.reports.list_dialog import FigureListDialog
from ui.pages.reports.sections import SectionWidget
from ui.pages.reports.view import ReportsView
from ui.pages.reports.words import in_screen_words, period_text
from ui.widgets.modal import run_modal
from ui.widgets.page import Page
from ui.words import fill

REFRESH_AFTER_MS = 15_000
WATCHED = {"visits", "people", "referrals", "coaching", "*"}
EXPORT_FILTERS = {
    "xlsx": "Excel workbook (*.xlsx)",
    "csv": "CSV (*.csv)",
    "pdf": "PDF (*.pdf)",
}


class ReportsPage(Page):
    page_id = "reports"
    required_permission = Permission.TODAYS_COUNTS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.full = context.may(Permission.VIEW_REPORTS)
        self.view = ReportsView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.view)
        self.report: Report | None = None
        self.sections: list[SectionWidget] = []
        self._asked = 0  # the newest request; older answers are dropped
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(REFRESH_AFTER_MS)
        self._pending.timeout.connect(self.refresh)
        view = self.view
        view.range_choice.setCurrentIndex(
            view.range_choice.findData(str(RangeKind.THIS_MONTH if self.full else RangeKind.TODAY))
        )
        view.range_choice.currentIndexChanged.connect(self._range_changed)
        view.show_button.clicked.connect(self.refresh)
        view.export_xlsx.triggered.connect(lambda: self.export("xlsx"))
        view.export_csv.triggered.connect(lambda: self.export("csv"))
        view.export_pdf.triggered.connect(lambda: self.export("pdf"))
        view.export_visits.triggered.connect(self.export_visits)
        view.export_visits.setVisible(context.may(Permission.EXPORT_VISITS))
        for widget in (view.range_choice, view.export_button, view.privacy):
            widget.setVisible(self.full)
        self._range_changed()
        context.changes.changed.connect(self._on_changes)

    @property
    def title(self) -> str:
        return self.tr("Reports") if self.full else self.tr("Today's counts")

    def activate(self) -> None:
        self.refresh()

    # -- the range -------------------------------------------------------------------------
    def kind(self) -> RangeKind:
        return RangeKind(self.view.range_choice.currentData())

    def _range_changed(self, _index: int = 0) -> None:
        custom = self.kind() is RangeKind.CUSTOM
        for widget in (
            self.view.first_day,
            self.view.dash,
            self.view.last_day,
            self.view.show_button,
        ):
            widget.setVisible(custom and self.full)
        if custom and self.report is not None:
            self.view.first_day.setDate(QDate(self.report.period.first))
            self.view.last_day.setDate(QDate(self.report.period.last))
        if not custom and self.isVisible():
            self.refresh()

    def _on_changes(self, topics) -> None:
        if not (set(topics) & WATCHED) or not self.isVisible() or self.report is None:
            return
        today = self.context.center_time.today()
        running = self.report.period.first <= today <= self.report.period.last
        if running and not self._pending.isActive():
            self._pending.start()

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._pending.stop()
        actor, kind, full = self.context.actor, self.kind(), self.full
        first = self.view.first_day.date().toPython()
        last = self.view.last_day.date().toPython()
        self._asked += 1
        asked = self._asked
        self.view.status.setText(self._status_text(updating=True))

        def work(session) -> tuple[Report, list[PurposeOption]]:
            purposes = list_purposes(session, actor)  # their names in the screens' language
            if not full:
                return todays_counts(session, actor), purposes
            return period_report(session, actor, kind, first, last), purposes

        self.context.tasks.submit(
            work, lambda loaded: self._show(asked, *loaded), self._failed, owner=self
        )

    def _status_text(self, *, updating: bool = False) -> str:
        report = self.report
        if report is None:
            return self.tr("Counting…")
        text = fill(
            self.tr("%1, compared with %2."),
            period_text(report.period),
            period_text(report.previous.period),
        )
        if updating:
            text += self.tr(" Updating…")
        return text

    def _show(self, asked: int, report: Report, purposes: list[PurposeOption]) -> None:
        if asked != self._asked:
            return  # a newer range was asked for meanwhile
        self.report = report
        self.view.banner.hide()
        scroll = self.view.scroll.verticalScrollBar().value()
        content = QWidget()
        column = QVBoxLayout(content)
        self.sections = []
        names = PurposeNames()
        names.learn(purposes)
        for section in report.sections:
            widget = SectionWidget(in_screen_words(section, names), clickable=self.full)
            widget.list_wanted.connect(self.open_list)
            self.sections.append(widget)
            column.addWidget(widget)
        column.addStretch(1)
        self.view.scroll.setWidget(content)
        self.view.content = content
        self.view.scroll.verticalScrollBar().setValue(scroll)
        self.view.status.setText(self._status_text())

    def _failed(self, error: DeskError) -> None:
        self.view.status.setText(self._status_text())
        self.view.banner.show_message(worded(error)[0], "error")

    # -- lists and exports -----------------------------------------------------------------
    def open_list(self, key: str, title: str) -> None:
        if self.report is None or not self.full:
            return
        dialog = FigureListDialog(
            self.context,
            self.report.period,
            key,
            title,
            private=self.view.privacy.isChecked(),
            parent=self,
        )
        run_modal(dialog)

    def _ask_path(self, title: str, name: str, fmt: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, name, self.tr(EXPORT_FILTERS[fmt]))
        return Path(path) if path else None

    def export(self, fmt: str) -> None:
        report = self.report
        if report is None:
            return
        period = report.period
        name = f"report-{period.first:%Y-%m-%d}-to-{period.last:%Y-%m-%d}.{fmt}"  # sorts by date
        path = self._ask_path(self.tr("Export the report"), name, fmt)
        if path is None:
            return
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: export_report(session, actor, period, fmt, path, report=report),
            self._exported,
            self._failed,
            owner=self,
        )

    def export_visits(self) -> None:
        if self.report is None:
            return
        period = self.report.period
        name = f"visits-deidentified-{period.first:%Y-%m-%d}-to-{period.last:%Y-%m-%d}.csv"
        path = self._ask_path(self.tr("Export de-identified visits"), name, "csv")
        if path is None:
            return
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: export_deidentified_visits(session, actor, period, path),
            self._exported,
            self._failed,
            owner=self,
        )

    def _exported(self, done: ExportDone) -> None:
        self.view.banner.show_message(fill(self.tr("Saved %1."), str(done.path)), "ok")
