"""Dialogs for moving data in: an import's report, and the column mapping for a center's list.

The mapping shows, beside each field, the first values of the column chosen for it, so a wrong
guess is seen before anything is read; the columns no field takes are listed with what they
hold, and a column of notes can be kept in the description with one click. The preview lists
every row with what was repaired or noted on its way in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.directory.sheet_import import SheetPreview
from desk.directory.sheet_mapping import FIELDS, Column, describe_columns, notes_like_column
from desk.directory.sheet_read import Sheet
from ui.error_words import report_text
from ui.models.sheet_preview_table import SheetPreviewModel
from ui.words import fill

SIZING_SAMPLE_ROWS = 200
FIELD_ROWS = 8  # fields per column of the mapping grid


class ReportDialog(QDialog):
    """The full text of an import or export report, which can be copied."""

    def __init__(
        self, title: str, summary: str, report: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReportDialog")
        self.setWindowTitle(title)
        self.resize(760, 460)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


def samples_text(column: Column | None) -> str:
    if column is None or not column.samples:
        return ""
    return "  ·  ".join(column.samples) + ("  ·  …" if column.filled > len(column.samples) else "")


class ColumnMappingDialog(QDialog):
    """Which column holds what, with sample values; a preview of every row before saving.

    The preview is a model-backed table: rows are drawn as they scroll into view.
    """

    preview_requested = Signal(object)  # the mapping
    import_requested = Signal(object)  # the mapping

    def __init__(
        self, sheet: Sheet, guessed: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("columnMappingDialog")
        self.setWindowTitle(self.tr("Import a list of resources"))
        self.resize(1180, 760)
        self.sheet = sheet
        labels = {
            "name": self.tr("Name"),
            "organization": self.tr("Organization"),
            "address": self.tr("Street address"),
            "city": self.tr("City or town"),
            "state": self.tr("State"),
            "postal_code": self.tr("ZIP code"),
            "phone": self.tr("Phone"),
            "hours": self.tr("Hours"),
            "website": self.tr("Website"),
            "email": self.tr("Email"),
            "description": self.tr("Description"),
            "category": self.tr("Category"),
            "languages": self.tr("Languages"),
            "alert": self.tr("Alert (printed first)"),
            "notes": self.tr("Notes (added to the description)"),
        }
        intro = QLabel(
            fill(
                self.tr(
                    "%1: %2 rows. Check which column holds what (the first values of each are "
                    "shown beside it), then Import. Nothing is saved until every row can be "
                    "imported; what was repaired on the way in is listed below."
                ),
                sheet.source,
                str(len(sheet.rows)),
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.choices: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        for position, field in enumerate(FIELDS):
            combo = QComboBox()
            combo.setObjectName(f"mapping.{field}")
            combo.addItem(self.tr("(not in this list)"), "")
            for heading in sheet.header:
                if heading:
                    combo.addItem(heading, heading)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(field, ""))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            sample = QLabel()
            sample.setObjectName(f"samples.{field}")
            palette = sample.palette()
            palette.setColor(
                QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
            )
            sample.setPalette(palette)
            # Long values are cut at the dialog's edge (the tooltip has them whole).
            sample.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.choices[field] = combo
            self.samples[field] = sample
            row, block = position % FIELD_ROWS, position // FIELD_ROWS
            grid.addWidget(QLabel(labels[field]), row, block * 3)
            grid.addWidget(combo, row, block * 3 + 1)
            grid.addWidget(sample, row, block * 3 + 2)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 1)
        self.unused = QLabel()
        self.unused.setObjectName("unusedColumns")
        self.unused.setWordWrap(True)
        self.keep_notes_button = QPushButton()
        self.keep_notes_button.setObjectName("keepNotesButton")
        self.keep_notes_button.clicked.connect(self._keep_notes)
        self._notes_column: Column | None = None
        unused_row = QHBoxLayout()
        unused_row.addWidget(self.unused, 1)
        unused_row.addWidget(self.keep_notes_button, 0, Qt.AlignmentFlag.AlignTop)
        self.preview_model = SheetPreviewModel(self)
        self.preview_table = QTableView()
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setModel(self.preview_model)
        self.preview_table.verticalHeader().hide()
        header = self.preview_table.horizontalHeader()
        header.setStretchLastSection(True)
        # Column widths come from a sample of rows, never from every row of a long list.
        header.setResizeContentsPrecision(SIZING_SAMPLE_ROWS)
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.report = QPlainTextEdit()
        self.report.setObjectName("previewReport")
        self.report.setReadOnly(True)
        # The rows and the report share what the screen leaves (a 1366x768 laptop leaves
        # little): the rows get most, and the divider between them can be dragged.
        self.preview_split = QSplitter(Qt.Orientation.Vertical)
        self.preview_split.setObjectName("previewSplit")
        self.preview_split.setChildrenCollapsible(False)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(lambda: self.preview_requested.emit(self.mapping()))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        top = QWidget()
        top.setLayout(grid)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(top)
        layout.addLayout(unused_row)
        layout.addWidget(self.summary)
        self.preview_split.addWidget(self.preview_table)
        self.preview_split.addWidget(self.report)
        self.preview_split.setStretchFactor(0, 3)
        self.preview_split.setStretchFactor(1, 2)
        layout.addWidget(self.preview_split, 1)
        layout.addWidget(buttons)
        self._show_columns()

    def mapping(self) -> dict[str, str]:
        return {
            field: combo.currentData()
            for field, combo in self.choices.items()
            if combo.currentData()
        }

    def _show_columns(self) -> None:
        """Samples beside each field, and the columns left out: from the sheet, at once."""
        mapping = self.mapping()
        columns = {c.heading: c for c in describe_columns(self.sheet, mapping)}
        for field, label in self.samples.items():
            label.setText(samples_text(columns.get(mapping.get(field, ""))))
            label.setToolTip(label.text())
        left = [c for c in columns.values() if c.field is None and c.filled]
        if left:
            self.unused.setText(
                fill(
                    self.tr("Not imported: %1"),
                    "; ".join(
                        f"“{c.heading}” ({samples_text(c)})" if c.samples else f"“{c.heading}”"
                        for c in left
                    ),
                )
            )
        else:
            self.unused.setText(self.tr("Every column with something in it is imported."))
        self._notes_column = notes_like_column(self.sheet, mapping)
        self.keep_notes_button.setVisible(self._notes_column is not None)
        if self._notes_column is not None:
            self.keep_notes_button.setText(
                fill(self.tr("Keep “%1” in the description"), self._notes_column.heading)
            )

    def _mapping_changed(self) -> None:
        self.import_button.setEnabled(False)
        self._show_columns()

    def _keep_notes(self) -> None:
        if self._notes_column is None:
            return
        combo = self.choices["notes"]
        combo.setCurrentIndex(combo.findData(self._notes_column.heading))
        self.preview_requested.emit(self.mapping())

    def _import(self) -> None:
        self.import_button.setEnabled(False)
        self.import_requested.emit(self.mapping())

    def show_preview(self, preview: SheetPreview) -> None:
        self.preview_model.set_rows(preview.resources)
        self.preview_table.resizeColumnsToContents()
        report = preview.report
        if report.ok:
            summary = self.tr("Ready: %1 new, %2 updated. %3 repairs, %4 notes.")
        else:
            summary = self.tr("Nothing can be imported yet: %5 problems to fix in the file.")
        self.summary.setText(
            fill(
                summary,
                str(report.created.get("service", 0)),
                str(report.updated.get("service", 0)),
                str(len(report.repairs)),
                str(len(report.notes)),
                str(len(report.problems)),
            )
        )
        self.report.setPlainText(report_text(report))
        self.import_button.setEnabled(preview.ok and bool(preview.resources))

    def show_error(self, message: str) -> None:
        self.report.setPlainText(message)
        self.import_button.setEnabled(False)
