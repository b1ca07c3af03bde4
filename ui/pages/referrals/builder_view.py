"""Layout of the referral builder: whom and how on top, the services, next steps, the
buttons that print; the sheet's preview beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.basket import BasketModel
from ui.models.basket_table import BasketTableModel
from ui.printing.preview import PdfPreview
from ui.widgets.banner import Banner
from ui.widgets.column_fit import fit_columns
from ui.widgets.flow_layout import button_row
from ui.widgets.table_rows import keep_rows_in_sight
from ui.widgets.tall_column import TallColumn

PREVIEW_MIN_WIDTH = 320


class BuilderView(QWidget):
    def __init__(self, basket: BasketModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = Banner()
        self.person_label = QLabel()
        self.person_label.setObjectName("referralPerson")
        self.choose_person_button = QPushButton(self.tr("Choose person…"))
        self.choose_person_button.setObjectName("choosePerson")
        self.anonymous_button = QPushButton(self.tr("Anonymous"))
        self.anonymous_button.setObjectName("makeAnonymous")
        self.person_label.setWordWrap(True)
        person_row = button_row(self.choose_person_button, self.anonymous_button)

        self.language = QComboBox()
        self.language.setObjectName("sheetLanguage")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish (Español)"), "es")
        self.large_print = QCheckBox(self.tr("Large print"))
        self.large_print.setObjectName("largePrint")
        self.coach = QComboBox()
        # As narrow as a name needs, not as wide as its longest choice: the form then fits
        # beside the preview on a 1024-wide screen with its scroll bar (ui/widgets/tall_column.py).
        self.coach.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.coach.setMinimumContentsLength(20)
        self.coach.setObjectName("sheetCoach")
        self.shows_name = QCheckBox(self.tr("Show their name on the sheet (needs their consent)"))
        self.shows_name.setObjectName("showsName")
        self.shows_name.setToolTip(
            self.tr(
                "Off by default. A sheet that names the person tells each provider on it that "
                "they came to us: 42 CFR Part 2 needs their signed consent for each one."
            )
        )
        options = QFormLayout()
        # Narrow (beside the preview on a small screen, or at larger text), a field goes
        # under its label rather than widening the form past the window.
        options.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language, 1)
        language_row.addWidget(self.large_print)
        options.addRow(self.tr("For:"), self.person_label)
        options.addRow("", person_row)
        options.addRow(self.tr("Language:"), language_row)
        options.addRow(self.tr("Coach on the sheet:"), self.coach)
        options.addRow("", self.shows_name)

        self.table_model = BasketTableModel(basket, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Services on the sheet"))
        self.table.setObjectName("basketTable")
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        keep_rows_in_sight(self.table, 2)
        fit_columns(self.table, stretch=BasketTableModel.NOTE)
        self.add_button = QPushButton(self.tr("Add from Resources…"))
        self.add_button.setObjectName("addFromResources")
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("moveUp")
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("moveDown")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeService")
        basket_buttons = button_row(
            self.add_button, self.up_button, self.down_button, self.remove_button, right_from=1
        )

        self.next_steps = QPlainTextEdit()
        self.next_steps.setAccessibleName(self.tr("Next steps"))
        self.next_steps.setObjectName("nextSteps")
        self.next_steps.setPlaceholderText(
            self.tr("Next steps, in their words: “Call Harbor Street at 8 am tomorrow.”")
        )
        self.next_steps.setMaximumHeight(90)

        self.consent_line = QLabel()
        self.consent_line.setObjectName("consentLine")
        self.consent_line.setWordWrap(True)
        self.consent_button = QPushButton(self.tr("Prepare consent form…"))
        self.consent_button.setObjectName("prepareConsent")
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_line, 1)
        consent_row.addWidget(self.consent_button)
        self.consent_line.hide()
        self.consent_button.hide()

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printSheet")
        self.print_button.setDefault(True)
        self.quick_print_button = QPushButton(self.tr("Print to default printer"))
        self.quick_print_button.setObjectName("quickPrintSheet")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveSheet")
        self.new_button = QPushButton(self.tr("New referral"))
        self.new_button.setObjectName("newReferral")
        # The referral given last, printed again (after a jam, say): the same referral.
        self.again_button = QPushButton()
        self.again_button.setObjectName("printAgain")
        self.again_button.hide()
        actions = button_row(
            self.print_button,
            self.quick_print_button,
            self.save_button,
            self.again_button,
            self.new_button,
            right_from=3,
        )
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(options)
        heading = QLabel(self.tr("Services, in the order they print"))
        heading.setObjectName("sectionHeading")
        column.addWidget(heading)
        column.addWidget(self.table, 1)
        column.addWidget(basket_buttons)
        steps = QLabel(self.tr("Next steps"))
        steps.setObjectName("sectionHeading")
        column.addWidget(steps)
        column.addWidget(self.next_steps)
        column.addLayout(consent_row)
        # The form scrolls when the page is short (larger text on a laptop); the buttons that
        # print and what they report stay in sight below it.
        form_and_actions = QWidget()
        below_form = QVBoxLayout(form_and_actions)
        below_form.setContentsMargins(0, 0, 0, 0)
        below_form.addWidget(TallColumn(left), 1)
        below_form.addWidget(actions)
        below_form.addWidget(self.status)

        self.preview = PdfPreview()
        self.preview.setMinimumWidth(PREVIEW_MIN_WIDTH)  # a sheet is read here, at any width
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(form_and_actions)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
