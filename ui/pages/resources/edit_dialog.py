"""Editing one resource. The dialog stays open with what was typed when a save is refused."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk.categories import CATEGORIES
from desk.directory.editing import STATUSES, HoursInput, PhoneInput, ServiceEdit
from ui.widgets.banner import Banner

_TRISTATE = {
    None: Qt.CheckState.PartiallyChecked,
    True: Qt.CheckState.Checked,
    False: Qt.CheckState.Unchecked,
}


def phones_text(phones: tuple[PhoneInput, ...]) -> str:
    """One phone a line: number; extension; note (empty parts at the end left off)."""
    lines = []
    for phone in phones:
        parts = [phone.number, phone.extension, phone.description]
        while parts and not parts[-1]:
            parts.pop()
        lines.append("; ".join(parts))
    return "\n".join(lines)


def hours_lines(hours: tuple[HoursInput, ...]) -> str:
    """One rule a line: MO,TU,WE 08:00-16:00."""
    return "\n".join(f"{h.days} {h.opens}-{h.closes}".strip() for h in hours)


class ServiceEditDialog(QDialog):
    save_requested = Signal(object)  # a ServiceEdit

    def __init__(self, edit: ServiceEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceEditDialog")
        self.setWindowTitle(self.tr("Edit resource"))
        self.resize(640, 720)
        self._phone_ids = [p.id for p in edit.phones]
        self._hours_ids = [h.id for h in edit.hours]
        self.banner = Banner()
        self.name = QLineEdit(edit.name)
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(self.tr(status), status)
        self.status.setCurrentIndex(max(0, self.status.findData(edit.status)))
        self.alert = QLineEdit(edit.alert)
        self.description = QPlainTextEdit(edit.description)
        self.phones = QPlainTextEdit(phones_text(edit.phones))
        self.phones.setPlaceholderText(self.tr("One a line: 508 555 0101; extension; note"))
        self.hours = QPlainTextEdit(hours_lines(edit.hours))
        self.hours.setPlaceholderText(
            self.tr("One a line: MO,TU,WE,TH,FR 08:00-16:00 (00:00-23:59 for 24 hours)")
        )
        self.url = QLineEdit(edit.url)
        self.email = QLineEdit(edit.email)
        self.eligibility = QLineEdit(edit.eligibility)
        self.application = QLineEdit(edit.application_process)
        self.fees = QLineEdit(edit.fees_description)
        self.insurance = QLineEdit(edit.insurance_accepted)
        self.walk_ins = QCheckBox(self.tr("Walk-ins welcome"))
        self.walk_ins.setTristate(True)
        self.walk_ins.setCheckState(_TRISTATE[edit.accepts_walk_ins])
        self.free = QCheckBox(self.tr("Free for everyone"))
        self.free.setTristate(True)
        self.free.setCheckState(_TRISTATE[edit.free_of_charge])
        self.capacity_available = QLineEdit(edit.capacity_available)
        self.capacity_total = QLineEdit(edit.capacity_total)
        self.capacity_unit = QLineEdit(edit.capacity_unit)
        self.categories = QListWidget()
        for category in CATEGORIES:
            item = QListWidgetItem(self.tr(category.name))
            item.setData(Qt.ItemDataRole.UserRole, category.code)
            item.setCheckState(
                Qt.CheckState.Checked
                if category.code in edit.categories
                else Qt.CheckState.Unchecked
            )
            self.categories.addItem(item)
        self.languages = QLineEdit(", ".join(edit.languages))
        self.languages.setPlaceholderText(self.tr("en, es, pt"))

        form = QFormLayout()
        rows = (
            (self.tr("Name"), self.name),
            (self.tr("Status"), self.status),
            (self.tr("Alert"), self.alert),
            (self.tr("Phones"), self.phones),
            (self.tr("Hours"), self.hours),
            (self.tr("Website"), self.url),
            (self.tr("Email"), self.email),
            (self.tr("Who it is for"), self.eligibility),
            (self.tr("How to get in"), self.application),
            (self.tr("Fees"), self.fees),
            (self.tr("Insurance"), self.insurance),
            ("", self.walk_ins),
            ("", self.free),
            (self.tr("Beds or slots free"), self.capacity_available),
            (self.tr("In all"), self.capacity_total),
            (self.tr("Counted in"), self.capacity_unit),
            (self.tr("Categories"), self.categories),
            (self.tr("Languages"), self.languages),
            (self.tr("Description"), self.description),
        )
        for label, widget in rows:
            form.addRow(label, widget)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

    def _state(self, box: QCheckBox) -> bool | None:
        return {Qt.CheckState.Checked: True, Qt.CheckState.Unchecked: False}.get(box.checkState())

    def edit(self) -> ServiceEdit:
        phones = []
        for position, line in enumerate(self.phones.toPlainText().splitlines()):
            parts = [part.strip() for part in line.split(";")]
            if not parts[0]:
                continue
            phones.append(
                PhoneInput(
                    parts[0],
                    parts[1] if len(parts) > 1 else "",
                    "voice",
                    "; ".join(parts[2:]),
                    self._phone_ids[position] if position < len(self._phone_ids) else None,
                )
            )
        hours = []
        for position, line in enumerate(self.hours.toPlainText().splitlines()):
            text = line.strip()
            if not text:
                continue
            days, _, span = text.partition(" ")
            opens, _, closes = span.strip().replace("–", "-").partition("-")
            hours.append(
                HoursInput(
                    days,
                    opens.strip(),
                    closes.strip(),
                    "",
                    self._hours_ids[position] if position < len(self._hours_ids) else None,
                )
            )
        categories = tuple(
            self.categories.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.categories.count())
            if self.categories.item(i).checkState() == Qt.CheckState.Checked
        )
        return ServiceEdit(
            name=self.name.text(),
            description=self.description.toPlainText(),
            status=self.status.currentData(),
            alert=self.alert.text(),
            url=self.url.text(),
            email=self.email.text(),
            eligibility=self.eligibility.text(),
            application_process=self.application.text(),
            fees_description=self.fees.text(),
            insurance_accepted=self.insurance.text(),
            accepts_walk_ins=self._state(self.walk_ins),
            free_of_charge=self._state(self.free),
            capacity_available=self.capacity_available.text(),
            capacity_total=self.capacity_total.text(),
            capacity_unit=self.capacity_unit.text(),
            phones=tuple(phones),
            hours=tuple(hours),
            categories=categories,
            languages=tuple(c.strip() for c in self.languages.text().split(",") if c.strip()),
        )

    def _save(self) -> None:
        self.buttons.setEnabled(False)
        self.save_requested.emit(self.edit())

    def show_error(self, message: str) -> None:
        """A refused save: say why; everything typed stays."""
        self.buttons.setEnabled(True)
        self.banner.show_message(message, "error")
