"""The Activity page's filters: staff member, kind of act, person and dates."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desk.audit.actions import AuditAction as A
from desk.services.audit import EventFilter

KINDS: tuple[tuple[str, tuple[A, ...], tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("ActivityFilters", "Everything"), (), ()),
    (
        QT_TRANSLATE_NOOP("ActivityFilters", "Records opened"),
        (A.PERSON_VIEWED, A.COACHING_VIEWED, A.COACHING_CASELOAD_VIEWED),
        (),
    ),
    (QT_TRANSLATE_NOOP("ActivityFilters", "People"), (), ("person.",)),
    (QT_TRANSLATE_NOOP("ActivityFilters", "Sign-ins and visits"), (), ("visit.",)),
    (QT_TRANSLATE_NOOP("ActivityFilters", "Coaching"), (), ("coaching.", "coach.")),
    (QT_TRANSLATE_NOOP("ActivityFilters", "Referrals and consents"), (), ("referral.", "consent.")),
    (QT_TRANSLATE_NOOP("ActivityFilters", "Prints and exports"), (), ("print.", "export.")),
    (QT_TRANSLATE_NOOP("ActivityFilters", "The directory"), (), ("directory.", "import.")),
    (QT_TRANSLATE_NOOP("ActivityFilters", "Settings"), (), ("settings.",)),
    (QT_TRANSLATE_NOOP("ActivityFilters", "Staff sign-ins and accounts"), (), ("staff.", "audit.")),
)


class ActivityFilters(QWidget):
    """Emits `changed` whenever a filter changes; `event_filter()` says what is chosen."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = QComboBox()
        self.staff.setObjectName("activityStaff")
        self.staff.setAccessibleName(self.tr("Staff member"))
        self.staff.addItem(self.tr("Anyone"), None)
        self.kind = QComboBox()
        self.kind.setObjectName("activityFilter")
        self.kind.setAccessibleName(self.tr("Kind of activity"))
        for label, actions, prefixes in KINDS:
            self.kind.addItem(self.tr(label), (actions, prefixes))
        self.person = QLineEdit()
        self.person.setObjectName("activityPerson")
        self.person.setPlaceholderText(self.tr("name or record #"))
        self.person.setAccessibleName(self.tr("Person: a name or a record number"))
        self.person.setClearButtonEnabled(True)
        self.person.setMaximumWidth(190)
        self.use_dates = QCheckBox(self.tr("&Between"))
        self.use_dates.setObjectName("activityUseDates")
        self.first_day = QDateEdit()
        self.last_day = QDateEdit()
        for edit, name in ((self.first_day, "activityFrom"), (self.last_day, "activityTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("MMM d, yyyy")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        self.first_day.setAccessibleName(self.tr("From"))
        self.last_day.setAccessibleName(self.tr("To"))
        grid = QGridLayout(self)  # two rows, so the page fits a 1024-pixel screen
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Who:")), 0, 0)
        grid.addWidget(self.staff, 0, 1)
        grid.addWidget(QLabel(self.tr("What:")), 0, 2)
        grid.addWidget(self.kind, 0, 3, 1, 3)
        grid.addWidget(QLabel(self.tr("Person:")), 1, 0)
        grid.addWidget(self.person, 1, 1)
        grid.addWidget(self.use_dates, 1, 2)
        grid.addWidget(self.first_day, 1, 3)
        grid.addWidget(QLabel(self.tr("and")), 1, 4)
        grid.addWidget(self.last_day, 1, 5)
        grid.setColumnStretch(6, 1)
        self.staff.currentIndexChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self.changed)
        self.person.editingFinished.connect(self._person_typed)
        self.person.textChanged.connect(lambda text: text or self.changed.emit())
        self.use_dates.toggled.connect(self._dates_toggled)
        self.first_day.dateChanged.connect(self._dates_changed)
        self.last_day.dateChanged.connect(self._dates_changed)

    person_named = Signal(str)  # a name typed: the page finds whose record it is

    def _person_typed(self) -> None:
        text = self.person.text().strip()
        if text and not re.match(r"#?\d+", text):
            self.person_named.emit(text)
        else:
            self.changed.emit()

    def set_person(self, person_id: int, label: str) -> None:
        self.person.blockSignals(True)
        self.person.setText(f"#{person_id} {label}")
        self.person.blockSignals(False)
        self.changed.emit()

    def set_staff(self, people: list[tuple[int, str]]) -> None:
        chosen = self.staff.currentData()
        self.staff.blockSignals(True)
        self.staff.clear()
        self.staff.addItem(self.tr("Anyone"), None)
        for staff_id, name in people:
            self.staff.addItem(name, staff_id)
        index = self.staff.findData(chosen)
        self.staff.setCurrentIndex(max(index, 0))
        self.staff.blockSignals(False)

    def set_today(self, today: date) -> None:
        for edit in (self.first_day, self.last_day):
            edit.blockSignals(True)
            edit.setDate(QDate(today.year, today.month, today.day))
            edit.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.first_day.setEnabled(on)
        self.last_day.setEnabled(on)
        self.changed.emit()

    def _dates_changed(self) -> None:
        if self.use_dates.isChecked():
            self.changed.emit()

    def event_filter(self) -> EventFilter:
        actions, prefixes = self.kind.currentData() or ((), ())
        number = re.match(r"#?(\d+)", self.person.text().strip())
        first = self.first_day.date().toPython() if self.use_dates.isChecked() else None
        last = self.last_day.date().toPython() if self.use_dates.isChecked() else None
        if first and last and last < first:
            first, last = last, first
        return EventFilter(
            staff_id=self.staff.currentData(),
            person_id=int(number.group(1)) if number else None,
            actions=tuple(actions),
            action_prefixes=tuple(prefixes),
            first_day=first,
            last_day=last,
        )
