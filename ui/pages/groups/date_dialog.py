"""One date of a group: cancelled, or held on another day, at another time or in another
room, with a note for the handout ("the coach is at a training"); or back as scheduled.

The dates offered are the group's next twelve weeks (and the last two), as the schedule has
them, with any change already made.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.services.groups import (
    DateChange,
    GroupDate,
    GroupRecord,
    change_meeting,
    group_dates,
    restore_meeting,
)
from ui.context import AppContext
from ui.error_words import in_words
from ui.formatting import date_edit_format, date_text
from ui.widgets.banner import Banner
from ui.words import fill

WEEKS_AHEAD, WEEKS_BEHIND = 12, 2


def date_words(meeting_date: GroupDate) -> str:
    meeting = meeting_date.meeting
    text = f"{meeting.day:%a} {date_text(meeting.day)}"
    if meeting.cancelled:
        return text + " — cancelled"
    if meeting.changed:
        moved = (
            f" on {meeting.held_on:%a} {date_text(meeting.held_on)}"
            if meeting.held_on != meeting.day
            else ""
        )
        return (
            text
            + f" — held{moved} {meeting.starts_at:%H:%M}"
            + (f", {meeting.room}" if meeting.room else "")
        )
    return text


class GroupDateDialog(QDialog):
    def __init__(self, context: AppContext, group: GroupRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.group = group
        self.dates: list[GroupDate] = []
        self.message = ""
        self.setWindowTitle(fill(self.tr("Dates of %1"), group.name))
        self.setMinimumWidth(560)
        self.banner = Banner()
        self.date = QComboBox()
        self.date.setObjectName("groupDate")
        self.cancelled = QRadioButton(self.tr("Cancelled that day"))
        self.cancelled.setObjectName("dateCancelled")
        self.otherwise = QRadioButton(self.tr("Held otherwise:"))
        self.otherwise.setObjectName("dateOtherwise")
        self.cancelled.setChecked(True)
        self.moved_to = QDateEdit()
        self.moved_to.setObjectName("dateMovedTo")
        self.moved_to.setCalendarPopup(True)
        self.moved_to.setDisplayFormat(date_edit_format())
        self.other_time = QCheckBox(self.tr("at another time"))
        self.starts_at = QTimeEdit(
            QTime(group.details.starts_at.hour, group.details.starts_at.minute)
        )
        self.ends_at = QTimeEdit(QTime(group.details.ends_at.hour, group.details.ends_at.minute))
        for edit in (self.starts_at, self.ends_at):
            edit.setDisplayFormat("HH:mm")
        self.room = QLineEdit()
        self.room.setObjectName("dateRoom")
        self.room.setPlaceholderText(group.details.room or self.tr("the usual room"))
        self.note = QLineEdit()
        self.note.setObjectName("dateNote")
        self.note.setPlaceholderText(self.tr("Why, for the handout (optional)"))
        times = QHBoxLayout()
        times.addWidget(self.other_time)
        times.addWidget(self.starts_at)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.ends_at)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.date)
        form.addRow("", self.cancelled)
        form.addRow("", self.otherwise)
        form.addRow(self.tr("On"), self.moved_to)
        form.addRow("", times)
        form.addRow(self.tr("In room"), self.room)
        form.addRow(self.tr("&Note"), self.note)
        self.save_button = QPushButton(self.tr("Save this date"))
        self.save_button.setObjectName("saveGroupDate")
        self.save_button.setDefault(True)
        self.restore_button = QPushButton(self.tr("As scheduled"))
        self.restore_button.setObjectName("restoreGroupDate")
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.restore_button.clicked.connect(self.restore)
        close.clicked.connect(self.accept)
        self.date.currentIndexChanged.connect(self._date_chosen)
        self.load()

    def load(self, keep: date | None = None) -> None:
        today = self.context.center_time.today()
        first = today - timedelta(weeks=WEEKS_BEHIND)
        last = today + timedelta(weeks=WEEKS_AHEAD)
        group_id = self.group.id

        def loaded(dates: list[GroupDate]) -> None:
            self.dates = dates
            self.date.blockSignals(True)
            self.date.clear()
            for item in dates:
                self.date.addItem(date_words(item))
            upcoming = next((n for n, d in enumerate(dates) if d.meeting.day >= today), 0)
            kept = next((n for n, d in enumerate(dates) if d.meeting.day == keep), upcoming)
            self.date.setCurrentIndex(kept)
            self.date.blockSignals(False)
            self._date_chosen()

        self.context.tasks.submit(
            lambda session: group_dates(session, group_id, first, last),
            loaded,
            self._failed,
            owner=self,
        )

    def chosen(self) -> GroupDate | None:
        row = self.date.currentIndex()
        return self.dates[row] if 0 <= row < len(self.dates) else None

    def _date_chosen(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        meeting = chosen.meeting
        self.moved_to.setDate(
            QDate(meeting.held_on.year, meeting.held_on.month, meeting.held_on.day)
        )
        self.restore_button.setEnabled(chosen.change_version is not None)
        self.note.setText(meeting.note or "")

    def change(self) -> DateChange:
        note = self.note.text()
        if self.cancelled.isChecked():
            return DateChange(cancelled=True, note=note)
        timed = self.other_time.isChecked()
        return DateChange(
            moved_to=self.moved_to.date().toPython(),
            starts_at=self.starts_at.time().toPython() if timed else None,
            ends_at=self.ends_at.time().toPython() if timed else None,
            room=self.room.text() or None,
            note=note,
        )

    def save(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        actor, group_id, change = self.context.actor, self.group.id, self.change()
        day, version = chosen.meeting.day, chosen.change_version

        def saved(result: GroupDate) -> None:
            self.message = fill(
                self.tr("%1 on %2: %3"),
                self.group.name,
                f"{day:%A} {date_text(day)}",
                date_words(result).split(" — ", 1)[-1],
            )
            self.banner.show_message(self.message, "ok")
            self.load(day)

        self.context.tasks.submit(
            lambda session: change_meeting(session, actor, group_id, day, change, version),
            saved,
            self._failed,
            owner=self,
        )

    def restore(self) -> None:
        chosen = self.chosen()
        if chosen is None or chosen.change_version is None:
            return
        actor, group_id = self.context.actor, self.group.id
        day, version = chosen.meeting.day, chosen.change_version

        def restored(_none) -> None:
            self.message = fill(
                self.tr("%1 on %2 is back as scheduled."),
                self.group.name,
                f"{day:%A} {date_text(day)}",
            )
            self.banner.show_message(self.message, "ok")
            self.load(day)

        self.context.tasks.submit(
            lambda session: restore_meeting(session, actor, group_id, day, version),
            restored,
            self._failed,
            owner=self,
        )

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
