"""Logging a contact: the date; in person, phone or text; minutes; a short non-clinical note;
the next step and when to follow up."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError, ValidationError
from desk.models import ContactMode
from desk.services.coaching_contacts import (
    MINUTES_MAX,
    NOTE_MAX,
    ContactInput,
    ContactRecord,
    log_contact,
)
from ui.coaching_words import mode_text
from ui.context import AppContext
from ui.drafts import FormDraft
from ui.error_words import in_words
from ui.formatting import date_edit_format
from ui.widgets.banner import Banner
from ui.words import fill

DEFAULT_FOLLOW_UP_DAYS = 7


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class LogContactDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        person_id: int,
        name: str,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("logContactDialog")
        self.setWindowTitle(fill(self.tr("Log a contact with %1"), name))
        self.context = context
        self.person_id = person_id
        self.logged: ContactRecord | None = None
        today = today or context.center_time.today()
        self.banner = Banner()
        self.contact_on = QDateEdit(_qdate(today))
        self.contact_on.setObjectName("contactOn")
        self.contact_on.setCalendarPopup(True)
        self.contact_on.setDisplayFormat(date_edit_format())
        self.mode = QComboBox()
        self.mode.setObjectName("contactMode")
        for mode in ContactMode:
            self.mode.addItem(mode_text(mode), mode.value)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("contactMinutes")
        self.minutes.setRange(0, MINUTES_MAX)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("contactNote")
        self.note.setPlaceholderText(
            self.tr(
                "Short and non-clinical: what you did together. No diagnoses or health details."
            )
        )
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.count = QLabel()
        self.count.setObjectName("hintLine")
        self.next_step = QLineEdit()
        self.next_step.setObjectName("nextStep")
        self.next_step.setPlaceholderText(self.tr("optional: what comes next"))
        self.follow_up = QCheckBox(self.tr("Follow up on"))
        self.follow_up.setObjectName("followUp")
        self.follow_up.setChecked(True)
        self.follow_up_on = QDateEdit(_qdate(today + timedelta(days=DEFAULT_FOLLOW_UP_DAYS)))
        self.follow_up_on.setObjectName("followUpOn")
        self.follow_up_on.setAccessibleName(self.tr("Follow up on"))
        self.follow_up_on.setCalendarPopup(True)
        self.follow_up_on.setDisplayFormat(date_edit_format())
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)

        form = QFormLayout()
        form.addRow(self.tr("Date"), self.contact_on)
        form.addRow(self.tr("How"), self.mode)
        form.addRow(self.tr("Minutes"), self.minutes)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.count)
        form.addRow(self.tr("Next step"), self.next_step)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up)
        follow.addWidget(self.follow_up_on, 1)
        form.addRow(follow)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.fields = {
            "contact_on": self.contact_on,
            "mode": self.mode,
            "minutes": self.minutes,
            "note": self.note,
            "next_step": self.next_step,
            "follow_up_on": self.follow_up_on,
        }
        self.draft = FormDraft(
            context.drafts,
            f"contact/{person_id}",
            {"note": self.note, "next_step": self.next_step, "mode": self.mode},
            owner=context.draft_owner,
        )
        self.note.textChanged.connect(self._count)
        if self.draft.restore():
            self.banner.show_message(self.tr("What you typed before was kept."), "info")
        self._count()

    def _count(self) -> None:
        used = len(self.note.toPlainText().strip())
        self.count.setText(fill(self.tr("%1 of %2 characters"), str(used), str(NOTE_MAX)))

    def contact_input(self) -> ContactInput:
        return ContactInput(
            contact_on=self.contact_on.date().toPython(),
            mode=ContactMode(self.mode.currentData()),
            minutes=self.minutes.value(),
            note=self.note.toPlainText(),
            next_step=self.next_step.text(),
            follow_up_on=self.follow_up_on.date().toPython()
            if self.follow_up.isChecked()
            else None,
        )

    def save(self) -> None:
        data, actor, person_id = self.contact_input(), self.context.actor, self.person_id
        self.draft.save_now()
        self.context.tasks.submit(
            lambda session: log_contact(session, actor, person_id, data),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, record: ContactRecord) -> None:
        self.draft.clear()
        self.logged = record
        self.accept()

    def done(self, result: int) -> None:
        self.draft.flush()  # closing: the last keystrokes are kept before the window goes
        super().done(result)

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
        if isinstance(error, ValidationError) and error.field in self.fields:
            self.fields[error.field].setFocus()
