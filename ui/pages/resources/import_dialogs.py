"""Dialogs for moving data in: an import's report, and the column mapping for a center's list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.directory.sheet_import import SheetPreview
from desk.directory.sheet_mapping import FIELDS
from desk.directory.sheet_read import Sheet
from ui.models.sheet_preview_table import SheetPreviewModel

SIZING_SAMPLE_ROWS = 200


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


class ColumnMappingDialog(QDialog):
    """Which column holds what; a preview of every row before anything is saved.

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
        self.resize(980, 640)
        self.sheet = sheet
        labels = {
            "name": self.tr("Name"),
            "organization": self.tr("Organization"),
            "address": self.tr("Address"),
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
        }
        intro = QLabel(
            self.tr(
                "%1: %2 rows. Check which column holds what, press Preview, then Import. "
                "Nothing is saved until every row can be imported."
            )
            .replace("%1", sheet.source)
            .replace("%2", str(len(sheet.rows)))
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.choices: dict[str, QComboBox] = {}
        for field in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"mapping.{field}")
            combo.addItem(self.tr("(not in this list)"), "")
            for heading in sheet.header:
                if heading:
                    combo.addItem(heading, heading)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(field, ""))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.choices[field] = combo
            form.addRow(labels[field], combo)
        self.preview_model = SheetPreviewModel(self)
        self.preview_table = QTableView()
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setModel(self.preview_model)
        self.preview_table.verticalHeader().hide()
        header = self.preview_table.horizontalHeader()
        header.setStretchLastSection(True)
        # Column widths come from a sample of rows, never from every row of a long list.
        header.setResizeContentsPrecision(SIZING_SAMPLE_ROWS)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(140)
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
        top.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(top)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.report)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, str]:
        return {
            field: combo.currentData()
            for field, combo in self.choices.items()
            if combo.currentData()
        }

    def _mapping_changed(self) -> None:
        self.import_button.setEnabled(False)

    def _import(self) -> None:
        self.import_button.setEnabled(False)
        self.import_requested.emit(self.mapping())

    def show_preview(self, preview: SheetPreview) -> None:
        self.preview_model.set_rows(preview.resources)
        self.preview_table.resizeColumnsToContents()
        self.report.setPlainText(preview.report.text())
        self.import_button.setEnabled(preview.ok and bool(preview.resources))

    def show_error(self, message: str) -> None:
        self.report.setPlainText(message)
        self.import_button.setEnabled(False)
