"""A new person: a short intake that asks only what they want to give, then signs them in.

Likely duplicates appear while typing; Ctrl+U uses the highlighted one instead. What was typed
is kept as a draft until saved or discarded, so a lost database or a closed window loses
nothing: Save works again once the database is back.
"""

from __future__ import annotations

import re
import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DatabaseTooSlow, DatabaseUnavailable, DeskError, ValidationError
from desk.lookup.person_index import PersonIndex
from desk.names import shown_name
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.people import LikelyDuplicate, create_person, likely_duplicates
from desk.services.person_details import PersonDetails
from ui.context import AppContext
from ui.drafts import FormDraft
from ui.error_words import in_words, worded
from ui.widgets.banner import Banner
from ui.widgets.person_form import PersonForm
from ui.words import fill

DRAFT_KEY = "intake"
WRITE_KEY = "_write_key"  # a hidden field of the draft: the intake's idempotency key
DUPLICATE_CHECK_DELAY_MS = 350
DISCARD_WINDOW_MS = 5000


def details_from_typed(text: str) -> PersonDetails:
    """Start the form from what was typed in the sign-in box: words are the name, a year is
    the birth year, other digits the phone."""
    details = PersonDetails()
    words = []
    for word in text.split():
        digits = re.sub(r"\D", "", word)
        if digits and len(digits) == len(re.sub(r"[\s().+\-]", "", word)):
            if len(digits) == 4 and 1900 <= int(digits) <= 2100:
                details.birth = digits
            else:
                details.phone = details.phone + digits
        else:
            words.append(word)
    if words:
        details.first_name = words[0]
        details.last_name = " ".join(words[1:])
    return details


# Why a record may be the same person (desk.services.people), in the screens' words.
DUPLICATE_REASONS = {
    "same name and birth year": QT_TRANSLATE_NOOP("IntakeDialog", "same name and birth year"),
    "same phone number": QT_TRANSLATE_NOOP("IntakeDialog", "same phone number"),
    "same name": QT_TRANSLATE_NOOP("IntakeDialog", "same name"),
    "similar name": QT_TRANSLATE_NOOP("IntakeDialog", "similar name"),
}


class IntakeDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        index: PersonIndex,
        purposes: list[PurposeChoice],
        typed_text: str = "",
        parent: QWidget | None = None,
        *,
        private: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("New person"))
        self.context = context
        self.index = index
        self.purposes = purposes
        self.signed_in: tuple[int, int] | None = None  # (person id, visit id)
        self.signed_in_name = ""
        self.existing_person_id: int | None = None
        self.existing_person_name = ""
        self.private = private  # as the front desk's privacy switch: others may see the screen
        self._saving = False
        self._duplicates: list[LikelyDuplicate] = []
        self._discard_armed = False

        self.banner = Banner()
        intro = QLabel(
            self.tr(
                "Only a first name or initials is needed. Ask for the rest only if the person "
                "wants to give it."
            )
        )
        intro.setWordWrap(True)
        self.form = PersonForm(compact=True)
        self.duplicates_heading = QLabel()
        self.duplicates_heading.setObjectName("hintLine")
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setMaximumHeight(90)
        self.duplicates.currentRowChanged.connect(self._show_duplicate_detail)
        self.duplicate_detail = QLabel()
        self.duplicate_detail.setObjectName("hintLine")
        self.use_existing_button = QPushButton(self.tr("Use this person (Ctrl+U)"))
        self.use_existing_button.setAutoDefault(False)  # Enter saves; it never picks someone
        self.use_existing_button.clicked.connect(self.use_existing)
        duplicate_row = QHBoxLayout()
        duplicate_row.addWidget(self.duplicates, 1)
        duplicate_row.addWidget(self.use_existing_button, 0, Qt.AlignmentFlag.AlignTop)
        self._show_duplicates([])

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save and sign in (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.duplicates_heading)
        layout.addLayout(duplicate_row)
        layout.addWidget(self.duplicate_detail)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # once in the dialog: Enter in any field saves
        QShortcut(QKeySequence("Ctrl+U"), self, activated=self.use_existing)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)

        # The key this intake's writes carry (desk idempotency keys): made with the form, kept
        # with its draft, so Save pressed again after a lost reply finds the first save.
        self.write_key = QLineEdit(self)
        self.write_key.setVisible(False)
        fields = {**self.form.draft_fields(), WRITE_KEY: self.write_key}
        self.draft = FormDraft(
            context.drafts,
            DRAFT_KEY,
            fields,
            owner=context.draft_owner,
            kept_with_typing=(WRITE_KEY,),
        )
        self.draft.begin(DRAFT_KEY, lambda: self.write_key.setText(uuid.uuid4().hex))
        restored = self.draft.restore()
        if restored:
            self.banner.show_message(
                self.tr(
                    "The unsaved intake from before is back. Save it, or Cancel to discard it."
                ),
                "info",
            )
        elif typed_text:
            self.form.set_details(details_from_typed(typed_text))
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_duplicates)
        self.form.edited.connect(self._check_timer.start)
        self.form.corrected.connect(self._field_corrected)
        self.form.first_name.setFocus()
        if self.form.first_name.text():
            self._check_timer.start()

    # -- duplicates ------------------------------------------------------------------------
    def check_duplicates(self) -> None:
        details = self.form.details()
        actor, index = self.context.actor, self.index
        self.context.tasks.submit(
            lambda session: likely_duplicates(session, actor, index, details),
            self._show_duplicates,
            lambda _error: None,  # the check is a help, never a blocker
        )

    def _field_corrected(self) -> None:
        """The error line goes once every field it named is put right."""
        if not self.form.has_errors() and self.banner.property("level") == "error":
            self.banner.hide()

    def _show_duplicates(self, found: list[LikelyDuplicate]) -> None:
        self._duplicates = list(found)
        self.duplicates.clear()
        for duplicate in found:
            name = shown_name(
                duplicate.first_name,
                duplicate.last_name,
                duplicate.preferred_name,
                private=self.private,
            )
            item = QListWidgetItem(f"{name}  ·  {self.tr(DUPLICATE_REASONS[duplicate.reason])}")
            item.setData(Qt.ItemDataRole.UserRole, duplicate.person_id)
            self.duplicates.addItem(item)
        has_any = bool(found)
        self.duplicates.setVisible(has_any)
        self.use_existing_button.setVisible(has_any)
        self.duplicate_detail.setVisible(has_any)
        self.duplicates_heading.setText(
            self.tr("This may be someone we already know:") if has_any else ""
        )
        if has_any:
            self.duplicates.setCurrentRow(0)

    def _show_duplicate_detail(self, row: int) -> None:
        """Only the highlighted one in full: enough to tell, not a list for all to read."""
        if not 0 <= row < len(self._duplicates):
            self.duplicate_detail.setText("")
            return
        duplicate = self._duplicates[row]
        parts = [duplicate.name]
        if duplicate.birth_year:
            parts.append(fill(self.tr("b. %1"), str(duplicate.birth_year)))
        if duplicate.phone:
            parts.append(f"☎ ··{duplicate.phone[-4:]}")
        self.duplicate_detail.setText("  ·  ".join(parts))

    def use_existing(self) -> None:
        item = self.duplicates.currentItem()
        if item is None or not self.duplicates.isVisible():
            return
        self.existing_person_id = int(item.data(Qt.ItemDataRole.UserRole))
        chosen = next(d for d in self._duplicates if d.person_id == self.existing_person_id)
        self.existing_person_name = shown_name(
            chosen.first_name, chosen.last_name, chosen.preferred_name, private=self.private
        )
        self.draft.clear()
        self.accept()

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving:
            return  # Enter and Ctrl+Return in quick succession save once
        self._saving = True
        self.form.clear_errors()
        self.draft.save_now()
        details, purposes, actor = self.form.details(), list(self.purposes), self.context.actor
        key = self.write_key.text()

        def create_and_sign_in(session) -> tuple[int, int]:
            person = create_person(session, actor, details, idempotency_key=key)
            visit_id = sign_in(
                session, actor, person_id=person.id, purposes=purposes, idempotency_key=key
            )
            return person.id, visit_id

        self.save_button.setEnabled(False)
        self.context.tasks.submit(create_and_sign_in, self._saved, self._failed)

    def _saved(self, result: tuple[int, int]) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.signed_in = result
        form = self.form
        self.signed_in_name = shown_name(
            form.first_name.text().strip(),
            form.last_name.text().strip(),
            form.preferred_name.text().strip(),
            private=self.private,
        )
        self.draft.clear()
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.form.show_error(error)
        if isinstance(error, DatabaseTooSlow):
            text = fill(
                self.tr(
                    "No answer from the database yet (%1). Everything you typed is kept here. "
                    "Press Save again once it answers: a save that went through is not made twice."
                ),
                worded(error)[0],
            )
        elif isinstance(error, DatabaseUnavailable):
            text = fill(
                self.tr(
                    "Not saved: the database cannot be reached (%1). Everything you "
                    "typed is kept here. Press Save again once it is back."
                ),
                worded(error)[0],
            )
        else:
            text = in_words(error)
        self.banner.show_message(text, "error")

    def reject(self) -> None:
        """Cancel asks twice when something was typed: the first press only warns."""
        unsaved = self.signed_in is None and self.existing_person_id is None
        if unsaved and self._has_typing() and not self._discard_armed:
            self._discard_armed = True
            self.banner.show_message(
                self.tr(
                    "Press Cancel (or Esc) again to throw away what you typed, or Save to keep it."
                ),
                "warning",
            )
            QTimer.singleShot(DISCARD_WINDOW_MS, self._disarm_discard)
            return
        self.draft.clear()
        super().reject()

    def _disarm_discard(self) -> None:
        self._discard_armed = False

    def _has_typing(self) -> bool:
        return any(
            value not in ("", None, "peer")
            for key, value in self.form.details().as_dict().items()
            if not key.startswith("may_")
        )
