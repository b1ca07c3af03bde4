"""Layout of the Coaches page: the roster across the top; below it the caseload chart and
the waitlist on the left (a tab each), and the chosen coach's caseload on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import CenterTime
from ui.models.caseload_table import CaseloadTableModel
from ui.models.roster_table import RosterTableModel
from ui.models.waitlist_table import WaitlistTableModel
from ui.widgets.banner import Banner
from ui.widgets.caseload_chart import CaseloadChart
from ui.widgets.flow_layout import button_row
from ui.widgets.row_table_view import row_table_view

WAITLIST_TAB = 1


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeading")
    label.setWordWrap(True)  # a long coach name must not widen the window past the screen
    return label


def _table(
    model,
    name: str,
    stretch: int,
    *,
    first: tuple[int, ...] | None = None,
    optional: tuple[int, ...] = (),
) -> QTableView:
    return row_table_view(model, name, stretch=stretch, first=first, optional=optional)


def _row(*widgets: QWidget) -> QWidget:
    """Buttons at the right, wrapping onto a second line when the page is narrow."""
    return button_row(None, *widgets, right_from=0)


class CoachesView(QWidget):
    def __init__(self, center_time: CenterTime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = Banner()
        heading = QLabel(self.tr("Coaches"))
        heading.setObjectName("pageHeading")
        self.on_duty = QLabel()
        self.on_duty.setObjectName("onDutyLine")
        self.on_duty.setWordWrap(True)
        self.privacy = QCheckBox(self.tr("Privacy: first name and last initial"))
        self.privacy.setObjectName("privacySwitch")
        self.privacy.setChecked(True)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(24)
        top.addWidget(self.on_duty, 1)
        top.addWidget(self.privacy)

        self.roster_model = RosterTableModel(self)
        self.roster = _table(
            self.roster_model,
            "rosterTable",
            RosterTableModel.SPECIALTIES,
            first=(RosterTableModel.NAME,),
        )
        self.roster.setAccessibleName(self.tr("Roster"))
        self.add_coach_button = QPushButton(self.tr("Add coach…"))
        self.edit_coach_button = QPushButton(self.tr("Edit coach…"))
        self.tags_button = QPushButton(self.tr("Specialty tags…"))
        roster = QWidget()
        roster_layout = QVBoxLayout(roster)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        # The roster's buttons beside its heading: a row of height kept for the tables.
        roster_top = QHBoxLayout()
        roster_top.addWidget(_heading(self.tr("Roster")))
        roster_top.addWidget(
            _row(self.tags_button, self.edit_coach_button, self.add_coach_button), 1
        )
        roster_layout.addLayout(roster_top)
        roster_layout.addWidget(self.roster, 1)

        self.chart = CaseloadChart()
        # As tall as its coaches, scrolled when the page is short (larger text, a laptop).
        chart_area = QScrollArea()
        chart_area.setObjectName("caseloadChartArea")
        chart_area.setWidget(self.chart)
        chart_area.setWidgetResizable(True)
        chart_area.setFrameShape(QFrame.Shape.NoFrame)
        chart_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chart_area.setMinimumHeight(2 * self.chart.row_height() + 16)
        self.waitlist_model = WaitlistTableModel(self, center_time=center_time)
        self.waitlist = _table(
            self.waitlist_model,
            "waitlistTable",
            WaitlistTableModel.NOTE,
            first=(WaitlistTableModel.PEER,),
            optional=(WaitlistTableModel.NOTE,),  # the peer's tooltip says it then
        )
        self.waitlist.setAccessibleName(self.tr("Waitlist"))
        self.assign_waiting_button = QPushButton(self.tr("Assign coach…"))
        self.remove_waiting_button = QPushButton(self.tr("Remove from waitlist…"))
        caseloads = QWidget()
        caseloads_layout = QVBoxLayout(caseloads)
        caption = QLabel(self.tr("Active peers against each coach's limit"))
        caption.setWordWrap(True)  # else its words set the pane's least width
        caseloads_layout.addWidget(caption)
        caseloads_layout.addWidget(chart_area, 1)
        waiting = QWidget()
        waiting_layout = QVBoxLayout(waiting)
        waiting_layout.addWidget(self.waitlist, 1)
        waiting_layout.addWidget(_row(self.remove_waiting_button, self.assign_waiting_button))
        # Tabs, so that each has the pane's whole height (larger text on a laptop); the
        # waitlist's tab says how many wait.
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("caseloadTabs")
        self.left_tabs.addTab(caseloads, self.tr("Caseloads"))
        self.left_tabs.addTab(waiting, "")
        self.set_waitlist_count(0)
        self.left_tabs.tabBar().setUsesScrollButtons(False)  # both tabs whole, never scrolled
        left = self.left_tabs

        self.caseload_heading = _heading(self.tr("Choose a coach to see their peers"))
        self.caseload_model = CaseloadTableModel(self, center_time=center_time)
        # On a narrow pane (a laptop, larger text, longer words) the columns give way to what
        # is due, the start date first, then language, BARC-10, goals and the last contact
        # (all of them in the peer's coaching, Goals, BARC-10…).
        model = CaseloadTableModel
        self.caseload = _table(
            self.caseload_model,
            "caseloadTable",
            model.PEER,
            first=(model.PEER, model.STATE),
            optional=(model.LAST_CONTACT, model.GOALS, model.BARC10, model.LANGUAGE, model.SINCE),
        )
        self.caseload.setAccessibleName(self.tr("The chosen coach's peers"))
        self.contact_button = QPushButton(self.tr("Log contact…"))
        self.peer_button = QPushButton(self.tr("Goals, BARC-10…"))
        self.peer_button.setToolTip(
            self.tr("The peer's coaching: contacts, goals, BARC-10 trend, past coaches")
        )
        self.reassign_button = QPushButton(self.tr("Reassign…"))
        self.open_button = QPushButton(self.tr("Open record"))
        right = QWidget()
        self.caseload_pane = right
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.caseload_heading)
        right_layout.addWidget(self.caseload, 1)
        right_layout.addWidget(
            _row(self.open_button, self.reassign_button, self.peer_button, self.contact_button)
        )

        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(left)
        below.addWidget(right)
        # The caseload, with most columns, gets two thirds of the width.
        below.setStretchFactor(0, 1)
        below.setStretchFactor(1, 2)
        below.setSizes([400, 800])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(roster)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([250, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def set_waitlist_count(self, count: int) -> None:
        self.left_tabs.setTabText(WAITLIST_TAB, self.tr("Waitlist (%n)", "", count))

    def waitlist_title(self) -> str:
        return self.left_tabs.tabText(WAITLIST_TAB)
