"""Taking attendance at one of today's meetings from today's sign-ins: tick who is there
(Space), add those who came without signing in as a count, save. Names follow the desk's
privacy switch. Only what was ticked or unticked here is saved: a sign-in for the meeting
made at the desk meanwhile stays; a count changed on another station meanwhile is refused.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.names import shown_name
from desk.services.attendance import (
    MOST_ANONYMOUS,
    MeetingAttendance,
    meeting_attendance,
    save_attendance,
)
from desk.services.groups import TodayAtCenter
from ui.context import AppContext
from ui.desk_words import anonymous_label
from ui.error_words import in_words
from ui.formatting import time_span_text
from ui.widgets.banner import Banner
from ui.words import fill


class AttendanceDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        today: TodayAtCenter,
        private: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.private = private
        self.taken: MeetingAttendance | None = None
        self.message = ""
        self.setWindowTitle(self.tr("Attendance"))
        self.setMinimumSize(520, 520)
        self.banner = Banner()
        self.meeting = QComboBox()
        self.meeting.setObjectName("attendanceMeeting")
        held = [m for m in today.meetings if not m.cancelled and m.held_on == today.day]
        for meeting in held:
            self.meeting.addItem(
                f"{meeting.name}, {time_span_text(meeting.starts_at, meeting.ends_at)}",
                (meeting.group_id, meeting.day),
            )
        if today.preselected is not None:
            wanted = (today.preselected.group_id, today.preselected.day)
            for n in range(self.meeting.count()):
                if self.meeting.itemData(n) == wanted:
                    self.meeting.setCurrentIndex(n)
        self.people = QListWidget()
        self.people.setObjectName("attendancePeople")
        self.anonymous = QSpinBox()
        self.anonymous.setObjectName("attendanceAnonymous")
        self.anonymous.setRange(0, MOST_ANONYMOUS)
        hint = QLabel(
            self.tr(
                "Space ticks who is there; type to jump to a name. Those who did not sign in "
                "are a count, never names."
            )
        )
        hint.setObjectName("hintLine")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Meeting"), self.meeting)
        form.addRow(self.tr("Came without signing &in"), self.anonymous)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(bool(held))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Signed in today:")))
        layout.addWidget(self.people, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.meeting.currentIndexChanged.connect(lambda _index: self.load())
        if not held:
            self.banner.show_message(self.tr("No meeting is held today."), "info")
        else:
            self.load()
        self.people.setFocus()

    def chosen(self):
        data = self.meeting.currentData()
        return tuple(data) if data else None

    def load(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: meeting_attendance(session, actor, *chosen),
            self._show,
            self._failed,
            owner=self,
        )

    def _show(self, taken: MeetingAttendance) -> None:
        self.taken = taken
        self.people.clear()
        for candidate in taken.candidates:
            if candidate.person_id is None:
                name = anonymous_label(candidate.anonymous_initials)
            else:
                name = shown_name(
                    candidate.first_name,
                    candidate.last_name,
                    candidate.preferred_name,
                    private=self.private,
                )
            when = self.context.center_time.time_text(candidate.arrived_at)
            item = QListWidgetItem(f"{name}  ·  {when}")
            item.setData(Qt.ItemDataRole.UserRole, candidate.visit_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if candidate.attending else Qt.CheckState.Unchecked
            )
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)
        self.anonymous.setValue(taken.anonymous_count)

    def ticked(self) -> set[int]:
        return {
            self.people.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.people.count())
            if self.people.item(n).checkState() == Qt.CheckState.Checked
        }

    def save(self) -> None:
        taken, chosen = self.taken, self.chosen()
        if taken is None or chosen is None:
            return
        before = {c.visit_id for c in taken.candidates if c.attending}
        now = self.ticked()
        count = self.anonymous.value()
        actor = self.context.actor
        self.save_button.setEnabled(False)
        self.context.tasks.submit(
            lambda session: save_attendance(
                session,
                actor,
                *chosen,
                add=frozenset(now - before),
                remove=frozenset(before - now),
                anonymous_count=count if count != taken.anonymous_count else None,
                read_version=taken.version,
            ),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, taken: MeetingAttendance) -> None:
        self.message = fill(
            self.tr("%1: %2 at the meeting."), taken.meeting.name, str(taken.attending)
        )
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self.save_button.setEnabled(True)
        self.banner.show_message(in_words(error), "error")
        self.load()
