"""Layout of the Front desk page: the sign-in box and its matches above today's queue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import CenterTime
from ui.models.lookup_results import LookupResultsModel
from ui.models.queue_table import QueueTableModel
from ui.pages.front_desk.meeting_picker import MeetingPicker
from ui.pages.front_desk.purpose_bar import PurposeBar
from ui.widgets.banner import Banner
from ui.widgets.column_fit import fit_columns
from ui.widgets.flow_layout import button_row
from ui.widgets.sign_in_box import SignInBox

SHORTEST_RESULTS = 3  # matches always shown when the screen is short


class FrontDeskView(QWidget):
    def __init__(self, center_time: CenterTime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = Banner()
        heading = QLabel(self.tr("Front desk"))
        heading.setObjectName("pageHeading")
        self.privacy = QCheckBox(self.tr("Privacy: first name and last initial"))
        self.privacy.setObjectName("privacySwitch")
        self.privacy.setChecked(True)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.privacy)

        self.sign_in_box = SignInBox()
        self.sign_in_box.setAccessibleName(self.tr("Sign in: name, phone digits or birth year"))
        self.sign_in_box.setObjectName("signInBox")
        self.box_placeholder = self.tr(
            "Type a name, phone digits or birth year; ↑ ↓ to choose, Enter to sign in"
        )
        # Until the names are in (a few seconds on a large database) the box says so; typing
        # is kept and looked up then.
        self.sign_in_box.setPlaceholderText(self.tr("Still loading names… you can type already"))
        self.results_model = LookupResultsModel(self, center_time)
        self.results = QListView()
        self.results.setObjectName("lookupResults")
        self.results.setModel(self.results_model)
        self.results.setFocusProxy(self.sign_in_box)
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.results.setVisible(False)
        self.results_model.modelReset.connect(self._fit_results)
        self.hint = QLabel()
        self.hint.setObjectName("hintLine")
        self.hint.setWordWrap(True)
        self.purposes = PurposeBar()
        self.meeting = MeetingPicker()
        self.meeting.setVisible(False)
        self.new_person_button = QPushButton(self.tr("New person… (Ctrl+N)"))
        self.anonymous_button = QPushButton(self.tr("Anonymous visit (Ctrl+Shift+A)"))
        self.sign_in_button = QPushButton(self.tr("Sign in (Enter)"))
        # The buttons at the right of their row, the hint (or what a sign-in did) under them
        # across the page's width: beside them it ran to five lines at larger text.
        actions = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.anonymous_button)
        buttons.addWidget(self.new_person_button)
        buttons.addWidget(self.sign_in_button)
        actions.addLayout(buttons)
        actions.addWidget(self.hint)

        self.counts = QLabel()
        self.counts.setObjectName("countsLine")
        self.queue_model = QueueTableModel(self, center_time=center_time)
        self.queue = QTableView()
        self.queue.setAccessibleName(self.tr("Today's queue"))
        self.queue.setObjectName("queueTable")
        self.queue.setModel(self.queue_model)
        self.queue.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.queue.verticalHeader().hide()
        # Times, name and status whole first; the purposes take what is left.
        model = QueueTableModel
        fit_columns(
            self.queue,
            stretch=model.PURPOSE,
            first=(model.ARRIVED, model.WAITING, model.NAME, model.STATUS),
        )
        # The queue's keys are in the buttons' tooltips (and the F1 cheat sheet): with them in
        # the labels the row took two lines at larger text, and the queue lost its rows.
        self.start_button = QPushButton(self.tr("Start with coach…"))
        self.start_button.setToolTip(self.tr("Start their visit with a coach (Ctrl+G)"))
        self.assign_button = QPushButton(self.tr("Assign coach…"))
        self.assign_button.setToolTip(
            self.tr("Pair them with a recovery coach, ranked with reasons (Ctrl+Shift+G)")
        )
        self.check_out_button = QPushButton(self.tr("Check out"))
        self.check_out_button.setToolTip(self.tr("Check them out of today's queue (Ctrl+O)"))
        self.undo_button = QPushButton(self.tr("Undo sign-in…"))
        self.open_button = QPushButton(self.tr("Open record"))
        queue_actions = button_row(
            None,
            self.open_button,
            self.undo_button,
            self.assign_button,
            self.start_button,
            self.check_out_button,
            right_from=0,
        )

        layout = QVBoxLayout(self)
        layout.setSpacing(4)  # the queue's rows, at larger text on a laptop, need the height
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.sign_in_box)
        layout.addWidget(self.results)
        layout.addWidget(self.purposes)
        layout.addWidget(self.meeting)
        layout.addLayout(actions)
        self._today_index = layout.count()  # "Today at the center" goes here
        queue_heading = QLabel(self.tr("Today's queue"))
        queue_heading.setObjectName("sectionHeading")
        # The counts beside the heading leave the buttons below a whole row (at larger text).
        heading_row = QHBoxLayout()
        heading_row.addWidget(queue_heading)
        heading_row.addSpacing(24)
        heading_row.addWidget(self.counts, 1)
        layout.addLayout(heading_row)
        layout.addWidget(self.queue, 1)
        layout.addWidget(queue_actions)

    def add_today_line(self, line: QWidget) -> None:
        """The line "Today at the center", just above today's queue."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(self._today_index, line)

    def _fit_results(self) -> None:
        """The matches drop down under the box, as tall as they are, and vanish when none."""
        rows = self.results_model.rowCount()
        self.results.setVisible(rows > 0)
        if rows:
            row_height = max(self.results.sizeHintForRow(0), 24)
            frame = 2 * self.results.frameWidth() + 2
            self.results.setMaximumHeight(rows * row_height + frame)
            # On a short screen (1024x768) the list gives way, down to three matches with a
            # scroll bar, rather than running under the purposes below it.
            self.results.setMinimumHeight(min(rows, SHORTEST_RESULTS) * row_height + frame)
