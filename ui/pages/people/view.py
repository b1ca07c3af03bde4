"""Layout of the People page: find on the left, the open record on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import CenterTime
from ui.models.lookup_results import LookupResultsModel
from ui.models.visits_table import VisitsTableModel
from ui.widgets.banner import Banner
from ui.widgets.column_fit import fit_columns
from ui.widgets.flow_layout import button_row
from ui.widgets.person_form import PersonForm
from ui.widgets.sign_in_box import SignInBox


class PeopleView(QWidget):
    def __init__(
        self,
        center_time: CenterTime,
        coaching: QWidget,
        parent: QWidget | None = None,
        *,
        referrals_panel: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.coaching = coaching  # the peer's coaching panel, made by the page
        self.coaching.setMinimumHeight(340)
        self.banner = Banner()
        heading = QLabel(self.tr("People"))
        heading.setObjectName("pageHeading")
        self.privacy = QCheckBox(self.tr("Privacy: first name and last initial"))
        self.privacy.setObjectName("privacySwitch")
        self.privacy.setChecked(True)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.privacy)

        self.search = SignInBox()
        self.search.setAccessibleName(self.tr("Find anyone"))
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(self.tr("Find anyone: name, phone digits or birth year"))
        self.results_model = LookupResultsModel(self, center_time)
        self.results = QListView()
        self.results.setAccessibleName(self.tr("People found"))
        self.results.setObjectName("peopleResults")
        self.results.setModel(self.results_model)
        self.open_button = QPushButton(self.tr("Open record (Enter)"))
        finder = QWidget()
        finder_layout = QVBoxLayout(finder)
        finder_layout.setContentsMargins(0, 0, 0, 0)
        finder_layout.addWidget(self.search)
        finder_layout.addWidget(self.results, 1)
        finder_layout.addWidget(self.open_button)

        self.record_heading = QLabel(self.tr("Open a record to see and edit it."))
        self.record_heading.setObjectName("sectionHeading")
        self.record_note = QLabel(self.tr("Opening a record is recorded in the activity log."))
        self.record_note.setObjectName("hintLine")
        self.form = PersonForm(two_columns=False)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.setDefault(True)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.merge_button = QPushButton(self.tr("Merge with another record…"))
        self.data_button = QPushButton(self.tr("Their data…"))
        self.data_button.setObjectName("personDataButton")
        self.data_button.setToolTip(
            self.tr("At their request: everything about them as a file, or their record removed")
        )
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.refer_button = QPushButton(self.tr("Start a referral (Ctrl+R)"))
        self.refer_button.setObjectName("referFromRecord")
        if referrals_panel is None:
            # Hidden, never shown: showing a widget before it has a parent opens it as a
            # window of its own for a moment (it flashed up and took the keyboard at start).
            self.refer_button.hide()
        self.card_button = QPushButton(self.tr("Sign-in card…"))
        self.card_button.setObjectName("cardButton")
        self.card_button.setToolTip(
            self.tr("Print a card they scan to sign in, or stop a lost one")
        )
        # Buttons at the right, wrapping onto a second line when the page is narrow.
        buttons = button_row(
            self.status,
            self.refer_button,
            self.card_button,
            self.merge_button,
            self.data_button,
            self.reload_button,
            self.save_button,
            right_from=1,
        )
        self.visits_model = VisitsTableModel(self, center_time)
        self.visits = QTableView()
        self.visits.setAccessibleName(self.tr("Their visits"))
        self.visits.setObjectName("visitsTable")
        self.visits.setModel(self.visits_model)
        self.visits.verticalHeader().hide()
        self.visits.setWordWrap(False)
        fit_columns(self.visits, stretch=VisitsTableModel.PURPOSE)
        self.visits.setMinimumHeight(160)
        record = QWidget()
        record_layout = QVBoxLayout(record)
        record_layout.addWidget(self.record_heading)
        record_layout.addWidget(self.record_note)
        self.coaching_line = QLabel()
        self.coaching_line.setObjectName("coachingLine")
        self.coaching_line.setWordWrap(True)
        self.assign_button = QPushButton(self.tr("Assign coach…"))
        self.assign_button.setObjectName("recordAssignCoach")
        self.assign_button.setEnabled(False)
        coach_row = QHBoxLayout()
        coach_row.addWidget(self.coaching_line, 1)
        coach_row.addWidget(self.assign_button)
        record_layout.addLayout(coach_row)
        record_layout.addWidget(self.form)
        visits_heading = QLabel(self.tr("Visits"))
        visits_heading.setObjectName("sectionHeading")
        record_layout.addWidget(visits_heading)
        record_layout.addWidget(self.visits, 1)
        coaching_heading = QLabel(self.tr("Coaching"))
        coaching_heading.setObjectName("sectionHeading")
        record_layout.addWidget(coaching_heading)
        record_layout.addWidget(self.coaching)
        if referrals_panel is not None:
            record_layout.addWidget(referrals_panel)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # A narrow window scrolls sideways rather than cutting off the record's right edge.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(record)
        self.record_area = QWidget()  # the buttons stay in view while the record scrolls
        area_layout = QVBoxLayout(self.record_area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.addWidget(scroll, 1)
        area_layout.addWidget(buttons)
        self.record_area.setEnabled(False)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(finder)
        splitter.addWidget(self.record_area)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
