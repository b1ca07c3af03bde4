"""Adding or editing a coach on the roster (admins): name and handout phone, languages,
specialties, caseload limit, weekly hours as staff say them, active or not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.coaching.availability import availability_text, parse_availability
from desk.errors import DeskError, ValidationError
from desk.services.coach_roster import CASELOAD_MAX, CoachInput, RosterCoach, save_coach
from desk.services.person_details import LANGUAGES
from desk.services.specialty_tags import SpecialtyOption
from ui.coaching_words import language_name
from ui.context import AppContext
from ui.error_words import in_words
from ui.widgets.banner import Banner
from ui.words import fill

GENDERS = ("", "woman", "man", "nonbinary")


def _checklist(name: str, items: list[tuple[str, str]], checked: set[str]) -> QListWidget:
    box = QListWidget()
    box.setObjectName(name)
    box.setFlow(QListWidget.Flow.LeftToRight)
    box.setWrapping(True)
    box.setFixedHeight(70)
    for code, label in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked)
        box.addItem(item)
    return box


def checked_codes(box: QListWidget) -> list[str]:
    return [
        box.item(n).data(Qt.ItemDataRole.UserRole)
        for n in range(box.count())
        if box.item(n).checkState() == Qt.CheckState.Checked
    ]


class CoachDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        coach: RosterCoach | None,
        tags: list[SpecialtyOption],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coachDialog")
        self.context = context
        self.coach = coach
        self.saved: RosterCoach | None = None
        self.setWindowTitle(
            fill(self.tr("Edit %1"), coach.display_name) if coach else self.tr("Add a coach")
        )
        self.banner = Banner()
        self.name = QLineEdit(coach.display_name if coach else "")
        self.name.setObjectName("coachName")
        self.phone = QLineEdit(coach.phone or "" if coach else "")
        self.phone.setObjectName("coachPhone")
        self.phone.setPlaceholderText(self.tr("printed on handouts, e.g. 774 555 0151"))
        self.gender = QComboBox()
        self.gender.setObjectName("coachGender")
        self.gender.setEditable(True)
        self.gender.addItems(list(GENDERS))
        self.gender.setCurrentText(coach.gender or "" if coach else "")
        self.pathway = QLineEdit(coach.recovery_pathway or "" if coach else "")
        self.pathway.setObjectName("coachPathway")
        self.pathway.setPlaceholderText(self.tr("optional: the road they walked, in their words"))
        held = set(coach.languages) if coach else {"en"}
        languages = [(code, language_name(code)) for code in LANGUAGES]
        languages += [(code, code) for code in sorted(held - set(LANGUAGES))]
        self.languages = _checklist("coachLanguages", languages, held)
        tag_items = [
            (t.code, t.label) for t in tags if t.active or (coach and t.code in coach.specialties)
        ]
        self.specialties = _checklist(
            "coachSpecialties", tag_items, set(coach.specialties) if coach else set()
        )
        self.limit = QSpinBox()
        self.limit.setObjectName("coachLimit")
        self.limit.setRange(1, CASELOAD_MAX)
        self.limit.setValue(coach.caseload_limit or 12 if coach else 12)
        self.hours = QLineEdit(coach.availability_text if coach else "")
        self.hours.setObjectName("coachHours")
        self.hours.setPlaceholderText(self.tr("e.g. Mon-Fri 9:00-17:00; Sat 10:00-14:00"))
        self.hours_read = QLabel()
        self.hours_read.setObjectName("hintLine")
        self.hours_read.setWordWrap(True)
        self.active = QCheckBox(self.tr("Active: takes on peers and is suggested"))
        self.active.setObjectName("coachActive")
        self.active.setChecked(coach.active if coach else True)

        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Recovery pathway"), self.pathway)
        form.addRow(self.tr("Languages"), self.languages)
        form.addRow(self.tr("Specialties"), self.specialties)
        form.addRow(self.tr("Caseload limit"), self.limit)
        form.addRow(self.tr("Weekly hours"), self.hours)
        form.addRow("", self.hours_read)
        form.addRow("", self.active)
        self.fields = {
            "display_name": self.name,
            "phone": self.phone,
            "gender": self.gender,
            "recovery_pathway": self.pathway,
            "languages": self.languages,
            "specialties": self.specialties,
            "caseload_limit": self.limit,
            "availability": self.hours,
        }
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.hours.textChanged.connect(self._read_hours)
        self._read_hours()

    def _read_hours(self) -> None:
        """Say at once how the hours were read, or what is wrong with them."""
        try:
            windows = parse_availability(self.hours.text())
        except ValidationError as error:
            self.hours_read.setText(f"⚠ {error}")
            return
        self.hours_read.setText(
            fill(self.tr("Read as: %1"), availability_text(windows))
            if windows
            else self.tr("No hours: never shown as on duty.")
        )

    def coach_input(self) -> tuple[CoachInput, str]:
        return (
            CoachInput(
                display_name=self.name.text(),
                phone=self.phone.text(),
                gender=self.gender.currentText(),
                recovery_pathway=self.pathway.text(),
                languages=checked_codes(self.languages),
                specialties=checked_codes(self.specialties),
                caseload_limit=self.limit.value(),
                active=self.active.isChecked(),
            ),
            self.hours.text(),
        )

    def save(self) -> None:
        data, hours = self.coach_input()
        actor, coach = self.context.actor, self.coach

        def work(session) -> RosterCoach:
            data.availability = parse_availability(hours)
            return save_coach(
                session,
                actor,
                data,
                coach_id=coach.id if coach else None,
                read_version=coach.version if coach else None,
            )

        self.context.tasks.submit(work, self._saved, self._failed, owner=self)

    def _saved(self, coach: RosterCoach) -> None:
        self.saved = coach
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
        if isinstance(error, ValidationError) and error.field in self.fields:
            self.fields[error.field].setFocus()
