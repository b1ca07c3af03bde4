"""The person form, shared by the intake and the record: asks for little, explains the rest.

Only the first field is needed; every other field says "optional" and can be left empty. The
three contact questions start as "not asked" (a partly checked box), so a blank never reads as
a "no".
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desk.errors import ValidationError
from desk.services.person_details import HEARD_ABOUT, LANGUAGES, PersonDetails, parse_birth
from desk.validation import clean_email, parse_phone
from ui.coaching_words import language_name

PRONOUNS = ("", "she/her", "he/him", "they/them", "she/they", "he/they")


def _first_name(text: str) -> None:
    if not text.strip():
        raise ValidationError("A first name or initials is needed.", field="first_name")


# The same checks a save makes, for the fields that have one (an empty optional field is fine).
_FIELD_CHECKS = {
    "first_name": _first_name,
    "phone": lambda text: parse_phone(text) if text.strip() else None,
    "email": lambda text: clean_email(text) if text.strip() else None,
    "birth": lambda text: parse_birth(text, today=date.today()),
}


def _tri_state(box: QCheckBox) -> bool | None:
    state = box.checkState()
    if state == Qt.CheckState.PartiallyChecked:
        return None
    return state == Qt.CheckState.Checked


def _set_tri_state(box: QCheckBox, value: bool | None) -> None:
    box.setCheckState(
        Qt.CheckState.PartiallyChecked
        if value is None
        else Qt.CheckState.Checked
        if value
        else Qt.CheckState.Unchecked
    )


class PersonForm(QWidget):
    """Edits these person columns and no others."""

    COLUMNS = (
        "first_name",
        "last_name",
        "preferred_name",
        "nickname",
        "pronouns",
        "kind",
        "birth_year",
        "birth_date",
        "phone",
        "email",
        "preferred_language",
        "may_call",
        "may_text",
        "may_leave_message",
        "town",
        "heard_about",
        "note",
        "recovery_pathway",
    )
    edited = Signal()
    corrected = Signal()  # a field marked at fault was put right (or at least changed)

    def __init__(
        self, parent: QWidget | None = None, *, compact: bool = False, two_columns: bool = True
    ) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        # The coach wishes are edited where a coach is chosen; the form carries them through
        # unchanged, so saving the record never clears them.
        self._coach_wishes = PersonDetails()
        # Two columns fit the whole intake on a 768-pixel-high desk screen; one column fits a
        # narrow pane (the People page's record) that scrolls.
        left = QFormLayout()
        right = QFormLayout() if two_columns else left
        for column in {left, right}:
            column.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        if two_columns:
            columns.addSpacing(16)
            columns.addLayout(right, 1)
        form = left

        def line(name: str, label: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholder or self.tr("optional"))
            edit.textChanged.connect(self.edited)
            edit.textChanged.connect(lambda _text, name=name: self._recheck(name))
            self.fields[name] = edit
            form.addRow(label, edit)
            return edit

        self.first_name = line(
            "first_name",
            self.tr("First name or initials *"),
            self.tr("needed: a first name or initials is enough"),
        )
        self.last_name = line("last_name", self.tr("Last name"))
        self.preferred_name = line("preferred_name", self.tr("Goes by"))
        self.nickname = line("nickname", self.tr("Nickname"))
        self.pronouns = self._combo("pronouns", PRONOUNS, editable=True)
        form.addRow(self.tr("Pronouns"), self.pronouns)
        self.birth = line(
            "birth", self.tr("Birth year or date"), self.tr("optional: 1985, or 3/14/1985")
        )
        self.phone = line("phone", self.tr("Phone"), self.tr("optional: 508 555 0142"))
        self.may_call = self._tri("may_call", self.tr("May call"))
        self.may_text = self._tri("may_text", self.tr("May text"))
        self.may_leave_message = self._tri("may_leave_message", self.tr("May leave a message"))
        contact = QHBoxLayout()
        for box in (self.may_call, self.may_text, self.may_leave_message):
            contact.addWidget(box)
        contact.addStretch(1)
        form.addRow(self.tr("Contact"), contact)
        form = right
        self.email = line("email", self.tr("Email"))
        self.language = QComboBox()
        self.language.setObjectName("preferred_language")
        self.language.addItem(self.tr("not asked"), "")
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.currentIndexChanged.connect(self.edited)
        self.fields["preferred_language"] = self.language
        form.addRow(self.tr("Preferred language"), self.language)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Peer (in or seeking recovery)"), "peer")
        self.kind.addItem(self.tr("Family member or ally"), "family")
        self.kind.currentIndexChanged.connect(self.edited)
        self.fields["kind"] = self.kind
        form.addRow(self.tr("Here as"), self.kind)
        self.town = line("town", self.tr("Town"))
        self.heard_about = self._combo("heard_about", ("", *HEARD_ABOUT), editable=True)
        form.addRow(self.tr("How they heard of us"), self.heard_about)
        self.recovery_pathway = line(
            "recovery_pathway", self.tr("Recovery pathway"), self.tr("optional: their own words")
        )
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("optional; no clinical details"))
        self.note.setFixedHeight(56 if compact else 90)
        self.note.setTabChangesFocus(True)
        self.note.textChanged.connect(self.edited)
        self.fields["note"] = self.note
        form.addRow(self.tr("Note"), self.note)

    def _combo(self, name: str, items: tuple[str, ...], *, editable: bool) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(editable)
        combo.addItems(list(items))
        combo.setCurrentText("")
        if combo.lineEdit() is not None:
            combo.lineEdit().setPlaceholderText(self.tr("optional"))
        combo.currentTextChanged.connect(self.edited)
        self.fields[name] = combo
        return combo

    def _tri(self, name: str, label: str) -> QCheckBox:
        box = QCheckBox(label)
        box.setObjectName(name)
        box.setTristate(True)
        box.setToolTip(self.tr("Partly checked: not asked yet"))
        _set_tri_state(box, None)
        box.stateChanged.connect(self.edited)
        self.fields[name] = box
        return box

    def details(self) -> PersonDetails:
        return PersonDetails(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            preferred_name=self.preferred_name.text(),
            nickname=self.nickname.text(),
            pronouns=self.pronouns.currentText(),
            kind=self.kind.currentData(),
            birth=self.birth.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            preferred_language=self.language.currentData(),
            may_call=_tri_state(self.may_call),
            may_text=_tri_state(self.may_text),
            may_leave_message=_tri_state(self.may_leave_message),
            town=self.town.text(),
            heard_about=self.heard_about.currentText(),
            note=self.note.toPlainText(),
            recovery_pathway=self.recovery_pathway.text(),
            wished_coach_gender=self._coach_wishes.wished_coach_gender,
            wished_coach_id=self._coach_wishes.wished_coach_id,
            wished_coach_language=self._coach_wishes.wished_coach_language,
            wished_specialties=self._coach_wishes.wished_specialties,
        )

    def set_details(self, details: PersonDetails) -> None:
        self._coach_wishes = details
        self.first_name.setText(details.first_name)
        self.last_name.setText(details.last_name)
        self.preferred_name.setText(details.preferred_name)
        self.nickname.setText(details.nickname)
        self.pronouns.setCurrentText(details.pronouns)
        self.kind.setCurrentIndex(max(0, self.kind.findData(details.kind)))
        self.birth.setText(details.birth)
        self.phone.setText(details.phone)
        self.email.setText(details.email)
        index = self.language.findData(details.preferred_language or "")
        if index < 0 and details.preferred_language:
            self.language.addItem(details.preferred_language, details.preferred_language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(max(0, index))
        _set_tri_state(self.may_call, details.may_call)
        _set_tri_state(self.may_text, details.may_text)
        _set_tri_state(self.may_leave_message, details.may_leave_message)
        self.town.setText(details.town)
        self.heard_about.setCurrentText(details.heard_about)
        self.recovery_pathway.setText(details.recovery_pathway)
        self.note.setPlainText(details.note)

    def draft_fields(self) -> dict[str, QWidget]:
        """The widgets a FormDraft keeps (tri-state boxes are kept as their check state)."""
        return dict(self.fields)

    def show_error(self, error: ValidationError) -> None:
        """Mark every field at fault (the error and those it was found with); focus the
        first."""
        at_fault = error.fields
        for name, field in self.fields.items():
            field.setProperty("invalid", name in at_fault)
            field.style().unpolish(field)
            field.style().polish(field)
        widget = self.fields.get(error.field)
        if widget is not None:
            widget.setFocus()

    def _recheck(self, name: str) -> None:
        """A field marked at fault is checked again as it is corrected: the mark goes as
        soon as what is typed would be accepted (a phone that can be dialled), and for a
        field with no check of its own, as soon as it is changed."""
        field = self.fields[name]
        if not field.property("invalid"):
            return
        check = _FIELD_CHECKS.get(name)
        if check is not None:
            try:
                check(field.text())
            except ValidationError:
                return
        self._mark(field, False)
        self.corrected.emit()

    def has_errors(self) -> bool:
        return any(field.property("invalid") for field in self.fields.values())

    @staticmethod
    def _mark(field: QWidget, invalid: bool) -> None:
        field.setProperty("invalid", invalid)
        field.style().unpolish(field)
        field.style().polish(field)

    def clear_errors(self) -> None:
        for field in self.fields.values():
            if field.property("invalid"):
                field.setProperty("invalid", False)
                field.style().unpolish(field)
                field.style().polish(field)
