"""The follow-up list: referrals whose follow-up date has come, and what became of them.

An outcome (connected, not connected, unknown) ends the follow-up; "not reached yet" keeps
it open and brings it due again on a later day, with the note of what was tried. Either is
saved over the version staff saw; if another station saved first, the save is refused with
a message and the note typed here stays.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.models import ReferralOutcome
from desk.services.referral_log import (
    OUTCOMES_TO_RECORD,
    LogScope,
    ReferralEntry,
    follow_up_again,
    list_referrals,
    record_outcome,
)
from desk.services.settings import center_today
from ui.context import AppContext
from ui.error_words import in_words
from ui.formatting import date_edit_format, date_text
from ui.models.referral_log_table import ReferralLogTableModel
from ui.pages.referrals.document_actions import (
    DEFAULT_PRINTER,
    DIALOG,
    PDF_FILE,
    DocumentActions,
)
from ui.widgets.banner import Banner
from ui.widgets.keys import bind_key
from ui.widgets.row_table_view import row_table_view
from ui.words import fill

NOT_REACHED = "not reached"  # the outcome box's choice that keeps the follow-up open
TRY_AGAIN_AFTER_DAYS = 3


class FollowUpTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.banner = Banner()
        self.scope = QComboBox()
        self.scope.setObjectName("followUpScope")
        self.scope.addItem(self.tr("Due for follow-up"), LogScope.DUE)
        self.scope.addItem(self.tr("Awaiting an outcome"), LogScope.PENDING)
        self.scope.addItem(self.tr("All referrals"), LogScope.ALL)
        self.count = QLabel()
        self.count.setObjectName("statusLine")
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.count, 1)
        self.model = ReferralLogTableModel(self, context.center_time)
        self.table = row_table_view(
            self.model, "followUpTable", stretch=ReferralLogTableModel.SERVICES
        )
        self.table.setAccessibleName(self.tr("Referrals"))
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcomeChoice")
        for outcome in OUTCOMES_TO_RECORD:
            self.outcome.addItem(self.model.outcome_text(outcome), outcome)
        self.outcome.addItem(self.tr("Not reached yet: try again on"), NOT_REACHED)
        self.again_on = QDateEdit()
        self.again_on.setObjectName("followUpAgainOn")
        self.again_on.setCalendarPopup(True)
        self.again_on.setDisplayFormat(date_edit_format())
        self.again_on.setVisible(False)
        self.note = QPlainTextEdit()
        self.note.setObjectName("outcomeNote")
        self.note.setPlaceholderText(self.tr("What happened, in a few words (optional)"))
        self.note.setMaximumHeight(70)
        self.save_button = QPushButton(self.tr("Record outcome"))
        self.save_button.setObjectName("recordOutcome")
        self.save_button.setDefault(True)
        self.reprint_button = QPushButton(self.tr("Reprint…"))
        self.reprint_button.setObjectName("reprintReferral")
        self.quick_reprint_button = QPushButton(self.tr("Reprint to default printer"))
        self.save_pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.person_button = QPushButton(self.tr("Open their record"))
        self.person_button.setObjectName("openReferralPerson")
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(QLabel(self.tr("Outcome:")))
        outcome_row.addWidget(self.outcome)
        outcome_row.addWidget(self.again_on)
        outcome_row.addWidget(self.note, 1)
        outcome_row.addWidget(self.save_button)
        buttons = QHBoxLayout()
        for button in (self.reprint_button, self.quick_reprint_button, self.save_pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.person_button)
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(outcome_row)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.documents = DocumentActions(context, self, self.report)
        self.today: date | None = None
        self._saving = False
        self._reprinting = False  # from a press of a reprint button until it is out (or not)
        self.scope.currentIndexChanged.connect(self.show_list)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.save_button.clicked.connect(self.save_outcome)
        self.outcome.currentIndexChanged.connect(self._outcome_chosen)
        self.reprint_button.clicked.connect(lambda: self._reprint(DIALOG))
        self.quick_reprint_button.clicked.connect(lambda: self._reprint(DEFAULT_PRINTER))
        self.save_pdf_button.clicked.connect(lambda: self._reprint(PDF_FILE))
        self.person_button.clicked.connect(self._open_person)
        for keys, what, target in (
            ("Ctrl+Shift+O", self.tr("Choose the outcome"), lambda: self.outcome.setFocus()),
            ("Ctrl+Return", self.tr("Record the outcome"), self.save_button),
            ("Ctrl+P", self.tr("Reprint…"), self.reprint_button),
            ("Ctrl+Shift+P", self.tr("Reprint to the default printer"), self.quick_reprint_button),
            ("Ctrl+S", self.tr("Save the sheet as PDF"), self.save_pdf_button),
            ("Ctrl+E", self.tr("Open their record"), self.person_button),
        ):
            bind_key(self, keys, what, target)
        self.outcome.setToolTip(self.tr("The outcome (Ctrl+Shift+O)"))
        self._row_changed()

    def show_list(self, *_args) -> None:
        """Someone opens the list or changes what it shows: recorded in the activity log."""
        self.refresh(viewed=True)

    def refresh(self, *_args, viewed: bool = False) -> None:
        """Load the list again; only `viewed` (a person asked to see it) is recorded, not a
        refresh after a change on another station or an outcome saved."""
        scope = self.scope.currentData()
        chosen = self.current()
        actor = self.context.actor

        actor = self.context.actor

        def load(session) -> tuple[list[ReferralEntry], date]:
            today = center_today(session)
            entries = list_referrals(session, actor, scope=scope, today=today, audit=viewed)
            return entries, today

        def show(loaded) -> None:
            entries, self.today = loaded
            self.model.set_entries(entries, self.today)
            self.count.setText(self.tr("%n referral(s)", "", len(entries)))
            row = self.model.row_of(chosen.id) if chosen else -1
            if row < 0 and entries:
                row = 0
            if row >= 0:
                self.table.selectRow(row)
            self._row_changed()

        self.context.tasks.submit(load, show, self.report_error)

    def current(self) -> ReferralEntry | None:
        return self.model.entry(self.table.currentIndex().row())

    def _row_changed(self) -> None:
        entry = self.current()
        for widget in (
            self.save_button,
            self.reprint_button,
            self.quick_reprint_button,
            self.save_pdf_button,
        ):
            widget.setEnabled(entry is not None and not self._reprinting)
        self.save_button.setEnabled(entry is not None and not self._saving)
        self.person_button.setEnabled(entry is not None and entry.person_id is not None)
        # Each row starts from its own outcome (or the first choice): never the last row's.
        shown = entry.outcome if entry is not None else None
        chosen = self.outcome.findData(shown) if shown is not ReferralOutcome.PENDING else 0
        self.outcome.setCurrentIndex(max(0, chosen))

    def _outcome_chosen(self) -> None:
        again = self.outcome.currentData() == NOT_REACHED
        if again:
            today = self.context.center_time.today()
            self.again_on.setMinimumDate(_qdate(today + timedelta(days=1)))
            self.again_on.setDate(_qdate(today + timedelta(days=TRY_AGAIN_AFTER_DAYS)))
        self.again_on.setVisible(again)

    def save_outcome(self) -> None:
        """Save once: a second press while the first is under way does nothing."""
        entry = self.current()
        if entry is None or self._saving:
            return
        actor, outcome, note = (
            self.context.actor,
            self.outcome.currentData(),
            self.note.toPlainText(),
        )
        self._saving = True
        self.save_button.setEnabled(False)

        def refused(error: DeskError) -> None:
            self._saving = False
            self._row_changed()
            self.report_error(error)

        if outcome == NOT_REACHED:
            on = self.again_on.date().toPython()

            def work(session) -> ReferralEntry:
                today = center_today(session)
                return follow_up_again(session, actor, entry.id, entry.version, on, note, today)
        else:

            def work(session) -> ReferralEntry:
                return record_outcome(session, actor, entry.id, entry.version, outcome, note)

        self.context.tasks.submit(work, self._saved, refused)

    def _saved(self, entry: ReferralEntry) -> None:
        self._saving = False
        self.note.clear()
        if entry.outcome is ReferralOutcome.PENDING and entry.follow_up_on is not None:
            message = fill(
                self.tr("Referral #%1 comes due again on %2."),
                str(entry.id),
                date_text(entry.follow_up_on),
            )
        else:
            message = fill(
                self.tr("Outcome saved for referral #%1: %2."),
                str(entry.id),
                self.model.outcome_text(entry.outcome),
            )
        self.report(message, "ok")
        self.refresh()

    def _reprint(self, how: str) -> None:
        """One reprint at a time: a second press while one is under way does nothing."""
        entry = self.current()
        if entry is None or self._reprinting:
            return
        self._reprinting = True
        self._row_changed()
        self.documents.reprint(entry.id, how, self._reprinted)

    def _reprinted(self, _sent: bool) -> None:
        self._reprinting = False
        self._row_changed()

    def _open_person(self) -> None:
        entry = self.current()
        if entry is not None and entry.person_id is not None:
            self.context.navigator.open_person.emit(entry.person_id)

    def report(self, message: str, level: str) -> None:
        if level == "error":
            self.banner.show_message(message, "error")
            self.status.setText("")
        else:
            self.banner.hide()
            self.status.setText(message)

    def report_error(self, error: DeskError) -> None:
        self.report(in_words(error), "error")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
