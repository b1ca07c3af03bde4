"""A person's sign-in card: print one (a wallet card and a key tag, to cut out), or stop a
lost one. Printing a new card stops the old one at once; the card holds only a random code,
and their first name only if they want it.

The card counts from the moment it was printed (or saved): a card that never came out of the
printer never works and never stops the one they have.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.services.cards import (
    CardStatus,
    PreparedCard,
    card_status,
    issue_card,
    prepare_card,
    revoke_card,
)
from ui.context import AppContext
from ui.error_words import in_words
from ui.pages.referrals.document_actions import DEFAULT_PRINTER, DIALOG, PDF_FILE, choose_target
from ui.printing.output import DocumentOutput, Target
from ui.printing.preview import PdfPreview, render_first_pages
from ui.printing.printer_output import PrintFailed
from ui.words import fill


class CardDialog(QDialog):
    def __init__(
        self, context: AppContext, person_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.person_id = person_id
        self.prepared: PreparedCard | None = None
        self.setWindowTitle(fill(self.tr("Sign-in card: %1"), name))
        self.state = QLabel()
        self.state.setObjectName("cardState")
        self.state.setWordWrap(True)
        self.first_name = QCheckBox(self.tr("Print their first name on it (ask them)"))
        self.first_name.setObjectName("cardFirstName")
        hint = QLabel(
            self.tr(
                "The card holds a random code, never a name or record number. Scanned at the "
                "desk or the door, it signs them in at once. Printing a new card stops the old "
                "one."
            )
        )
        hint.setObjectName("hintLine")
        hint.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printCard")
        self.quick_print_button = QPushButton(self.tr("Print to default printer"))
        self.quick_print_button.setObjectName("quickPrintCard")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveCard")
        self.lost_button = QPushButton(self.tr("Card lost: stop it"))
        self.lost_button.setObjectName("stopCard")
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for button in (self.print_button, self.quick_print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.lost_button)
        buttons.addWidget(close)
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.state)
        column.addWidget(self.first_name)
        column.addWidget(hint)
        column.addStretch(1)
        self.preview = PdfPreview()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([300, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.resize(860, 560)
        self.output = DocumentOutput(context.tasks, self)
        self.first_name.toggled.connect(lambda _on: self.refresh_preview())
        self.print_button.clicked.connect(lambda: self.send(DIALOG))
        self.quick_print_button.clicked.connect(lambda: self.send(DEFAULT_PRINTER))
        self.save_button.clicked.connect(lambda: self.send(PDF_FILE))
        self.lost_button.clicked.connect(self.stop_lost_card)
        close.clicked.connect(self.accept)
        self.load_state()
        self.refresh_preview()

    def load_state(self) -> None:
        actor, person_id = self.context.actor, self.person_id
        self.context.tasks.submit(
            lambda session: card_status(session, actor, person_id),
            self._show_state,
            self.report_error,
            owner=self,
        )

    def _show_state(self, status: CardStatus | None) -> None:
        self.lost_button.setEnabled(status is not None)
        if status is None:
            self.state.setText(self.tr("They have no card that works."))
            return
        used = (
            fill(
                self.tr("last scanned %1"),
                self.context.center_time.datetime_text(status.last_used_at),
            )
            if status.last_used_at
            else self.tr("not scanned yet")
        )
        self.state.setText(
            fill(
                self.tr("Their card was printed %1 by %2; %3. A new one stops it."),
                self.context.center_time.datetime_text(status.issued_at),
                status.issued_by,
                used,
            )
        )
        self.first_name.setChecked(status.shows_first_name)

    def refresh_preview(self) -> None:
        """A new card (a new code) for what is shown; nothing is kept until it is printed."""
        actor, person_id = self.context.actor, self.person_id
        shows, width = self.first_name.isChecked(), self.preview.first_pages_width()

        def work(session):
            prepared = prepare_card(session, actor, person_id, shows_first_name=shows)
            return prepared, render_first_pages(prepared.pdf, width)

        def done(result) -> None:
            self.prepared = result[0]
            self.preview.show_pages(result[0].pdf, result[1])

        self.context.tasks.submit(work, done, self.report_error, owner=self)

    def send(self, how: str) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        try:
            target = choose_target(self.output, how, "sign-in-card.pdf")
        except PrintFailed as error:
            self.report_error(error)
            return
        if target is None:
            return
        actor = self.context.actor

        def sent(done: Target) -> None:
            self.context.tasks.submit(
                lambda session: issue_card(
                    session,
                    actor,
                    prepared,
                    printed=not done.saves_file,
                    destination=done.label,
                ),
                lambda status: self._issued(status, done),
                self.report_error,
                owner=self,
            )

        self.output.send(prepared.pdf, target, "Sign-in card", sent, self.report_error)

    def _issued(self, status: CardStatus, target: Target) -> None:
        self._show_state(status)
        self.status.setText(
            fill(self.tr("The card was sent to %1; it works from now on."), target.label)
        )
        self.refresh_preview()  # another print would be another card

    def ask_stop(self) -> bool:
        """Whether to stop their card (tests replace this question)."""
        answer = QMessageBox.question(
            self,
            self.tr("Stop their card"),
            self.tr("Stop their card? Once stopped it signs no one in; print a new one for them."),
        )
        return answer == QMessageBox.StandardButton.Yes

    def stop_lost_card(self) -> None:
        if not self.ask_stop():
            return
        actor, person_id = self.context.actor, self.person_id

        def stopped(done: bool) -> None:
            self.status.setText(
                self.tr("Their card is stopped: a scan of it signs no one in.")
                if done
                else self.tr("They had no card that works.")
            )
            self.load_state()

        self.context.tasks.submit(
            lambda session: revoke_card(session, actor, person_id),
            stopped,
            self.report_error,
            owner=self,
        )

    def report_error(self, error: DeskError) -> None:
        self.status.setText(in_words(error))
