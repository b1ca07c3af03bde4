"""Editing one resource. The dialog stays open with what was typed when a save is refused."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
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
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk.categories import CATEGORIES
from desk.directory.detail import ScheduleLine
from desk.directory.editing import STATUSES, ServiceEdit
from desk.directory.hours_text import hours_text
from ui.desk_words import category_name
from ui.i18n import screen_language
from ui.pages.resources.edit_lines import (
    hours_from_text,
    hours_line,
    note_line,
    phone_line,
    phones_from_text,
)
from ui.widgets.banner import Banner
from ui.words import fill

_TRISTATE = {
    None: Qt.CheckState.PartiallyChecked,
    True: Qt.CheckState.Checked,
    False: Qt.CheckState.Unchecked,
}


def kept_hours_text(line: ScheduleLine) -> str:
    """A schedule row the form leaves alone, in words ("1st Mon of the month 6 pm–8 pm")."""
    if line.rule is not None:
        text = hours_text([line.rule], screen_language())
        if line.rule.has_hours and line.description:
            text += f" ({line.description})"
        return text
    return " ".join(
        part
        for part in (line.byday, f"{line.opens_at}-{line.closes_at}".strip("-"), line.description)
        if part
    )


class ServiceEditDialog(QDialog):
    save_requested = Signal(object)  # a ServiceEdit

    def __init__(
        self,
        edit: ServiceEdit,
        parent: QWidget | None = None,
        *,
        kept_hours: Sequence[str] = (),
    ) -> None:
        """`kept_hours`: hours this form cannot show (monthly, dated, ...), kept as they are."""
        super().__init__(parent)
        self.setObjectName("serviceEditDialog")
        self.setWindowTitle(self.tr("Edit resource"))
        self.resize(640, 720)
        self._shown = edit
        self.banner = Banner()
        self.name = QLineEdit(edit.name)
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(self.tr(status), status)
        self.status.setCurrentIndex(max(0, self.status.findData(edit.status)))
        self.alert = QLineEdit(edit.alert)
        self.description = QPlainTextEdit(edit.description)
        self.phones = QPlainTextEdit("\n".join(phone_line(p) for p in edit.phones))
        self.phones.setPlaceholderText(
            self.tr(
                "One a line: 508 555 0101; extension; note. A fax, text or TTY line starts "
                "with Fax:, Text: or TTY: (also Cell:, Video:, Pager:)"
            )
        )
        self.hours = QPlainTextEdit("\n".join(hours_line(h) for h in edit.hours if not h.is_note))
        self.hours.setPlaceholderText(
            self.tr("One a line: MO,TU,WE,TH,FR 08:00-16:00; note (00:00-23:59 for 24 hours)")
        )
        self.hours_notes = QPlainTextEdit("\n".join(note_line(h) for h in edit.hours if h.is_note))
        self.hours_notes.setObjectName("hoursNotes")
        self.hours_notes.setPlaceholderText(
            self.tr("One a line, for hours without times: By appointment only – call first")
        )
        self.hours_notes.setMaximumHeight(70)
        self.kept_hours = QLabel(fill(self.tr("Kept as they are: %1"), "; ".join(kept_hours)))
        self.kept_hours.setObjectName("keptHours")
        self.kept_hours.setWordWrap(True)
        self.kept_hours.setVisible(bool(kept_hours))
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
            item = QListWidgetItem(category_name(category))
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
            (self.tr("About the hours"), self.hours_notes),
            ("", self.kept_hours),
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
        phones = phones_from_text(self.phones.toPlainText(), self._shown.phones)
        hours = hours_from_text(
            self.hours.toPlainText(), self.hours_notes.toPlainText(), self._shown.hours
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
            phones=phones,
            hours=hours,
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
