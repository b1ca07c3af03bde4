"""Layout of the Resources page: search and filters, results, and the detail pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk.categories import CATEGORIES
from desk.directory.languages import language_name
from desk.directory.search_index import Cost, Facets, When
from ui.desk_words import category_name
from ui.models.directory_table import DirectoryTableModel
from ui.widgets.banner import Banner
from ui.widgets.column_fit import fit_columns
from ui.widgets.flow_layout import button_row


class ResourcesView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = Banner()
        heading = QLabel(self.tr("Resources"))
        heading.setObjectName("pageHeading")

        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search the directory"))
        self.search.setObjectName("resourceSearch")
        self.search.setPlaceholderText(self.tr("Search: detox, food, Spanish, a name, a town…"))
        self.search.setClearButtonEnabled(True)

        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.category.addItem(self.tr("Any category"), None)
        for category in CATEGORIES:
            self.category.addItem(category_name(category), category.code)
        self.when = QComboBox()
        self.when.setObjectName("whenFilter")
        self.when.addItem(self.tr("Any time"), When.ANY)
        self.when.addItem(self.tr("Open now"), When.OPEN_NOW)
        self.when.addItem(self.tr("Open 24 hours"), When.AROUND_THE_CLOCK)
        self.language = QComboBox()
        self.language.setObjectName("languageFilter")
        self.language.addItem(self.tr("Any language"), None)
        self.cost = QComboBox()
        self.cost.setObjectName("costFilter")
        self.cost.addItem(self.tr("Any cost"), Cost.ANY)
        self.cost.addItem(self.tr("Free"), Cost.FREE)
        self.cost.addItem(self.tr("Takes insurance"), Cost.INSURANCE)
        self.cost.addItem(self.tr("Free or insurance"), Cost.FREE_OR_INSURANCE)
        self.town = QComboBox()
        self.town.setObjectName("townFilter")
        self.town.addItem(self.tr("Any town"), None)
        self.walk_ins = QCheckBox(self.tr("Walk-ins"))
        self.walk_ins.setObjectName("walkInsFilter")

        # The filters wrap onto a second line when the page is narrow.
        filters = button_row(
            self.category, self.when, self.language, self.cost, self.town, self.walk_ins
        )

        self.model = DirectoryTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Resources found"))
        self.table.setObjectName("resourceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Short of width, the phone and open-now come first, then the name; the category,
        # town and verified date (all in the detail pane beside) give way, town first.
        model = DirectoryTableModel
        fit_columns(
            self.table,
            stretch=model.NAME,
            first=(model.PHONE, model.OPEN, model.NAME),
            optional=(model.VERIFIED, model.CATEGORY, model.TOWN),
        )
        self.count = QLabel()
        self.count.setObjectName("statusLine")

        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("The chosen resource"))
        self.detail.setObjectName("resourceDetail")
        self.detail.setOpenExternalLinks(True)
        self.detail.setMinimumWidth(280)
        self.add_button = QPushButton(self.tr("Add to referral"))
        self.add_button.setObjectName("addToReferral")
        self.add_button.setDefault(True)
        self.verify_button = QPushButton(self.tr("Verified today"))
        self.verify_button.setObjectName("verifiedToday")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editResource")
        detail_buttons = QHBoxLayout()
        detail_buttons.addWidget(self.add_button)
        detail_buttons.addWidget(self.verify_button)
        detail_buttons.addWidget(self.edit_button)
        self.detail_status = QLabel()
        self.detail_status.setObjectName("statusLine")
        self.detail_status.setWordWrap(True)
        detail_column = QWidget()
        detail_layout = QVBoxLayout(detail_column)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addWidget(self.detail_status)
        detail_layout.addLayout(detail_buttons)

        results_column = QWidget()
        results_layout = QVBoxLayout(results_column)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.table, 1)
        results_layout.addWidget(self.count)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(results_column)
        self.splitter.addWidget(detail_column)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([720, 380])

        self.queue_button = QPushButton(self.tr("Re-verify queue…"))
        self.queue_button.setObjectName("reverifyQueue")
        self.import_hsds_button = QPushButton(self.tr("Import HSDS…"))
        self.import_hsds_button.setObjectName("importHsds")
        self.import_sheet_button = QPushButton(self.tr("Import a list…"))
        self.import_sheet_button.setObjectName("importList")
        self.export_button = QPushButton(self.tr("Export HSDS…"))
        self.export_button.setObjectName("exportHsds")
        top = QHBoxLayout()
        top.addWidget(heading, 0, Qt.AlignmentFlag.AlignTop)
        # A row that wraps onto a second line when the words are long (Spanish, larger text).
        top.addWidget(
            button_row(
                self.queue_button,
                self.import_hsds_button,
                self.import_sheet_button,
                self.export_button,
                right_from=0,
            ),
            1,
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(filters)
        layout.addWidget(self.splitter, 1)

    def show_facets(self, facets: Facets) -> None:
        """Fill the language and town filters, keeping what is chosen (no search is started)."""
        for combo, items in (
            (
                self.language,
                [(f"{language_name(code)} ({n})", code) for code, n in facets.languages],
            ),
            (self.town, [(f"{town} ({n})", town) for town, n in facets.towns]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, data in items:
                combo.addItem(label, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
