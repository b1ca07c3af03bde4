"""Merging two records of the same person: compare side by side, choose the one to keep."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.lookup.person_index import PersonMatch
from desk.services.lookup import lookup_people
from desk.services.people import PersonRecord, merge_people, open_person
from ui.context import AppContext
from ui.error_words import in_words
from ui.models.lookup_results import LookupResultsModel
from ui.record_comparison import describe_record_fields
from ui.widgets.banner import Banner
from ui.widgets.sign_in_box import SignInBox

COMPARED = (
    "full_name",
    "birth_year",
    "phone",
    "email",
    "town",
    "preferred_language",
    "last_visit_at",
)


class MergeDialog(QDialog):
    def __init__(
        self, context: AppContext, current: PersonRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge two records of the same person"))
        self.context = context
        self.current = current
        self.other: PersonRecord | None = None
        self.merged: PersonRecord | None = None
        self.banner = Banner()
        self.search = SignInBox()
        self.search.setPlaceholderText(self.tr("Find the other record: name, phone or year"))
        self.results_model = LookupResultsModel(self, context.center_time)
        self.results_model.set_private(False)
        self.results = QListView()
        self.results.setModel(self.results_model)
        self.results.setMaximumHeight(150)
        self.search.textChanged.connect(self._find)
        self.search.moved.connect(self._move)
        self.search.chosen.connect(self._choose)
        self.results.doubleClicked.connect(lambda _index: self._choose())
        self.comparison = QGridLayout()
        self._compared_labels: list[QLabel] = []
        self.keep_current = QRadioButton(self.tr("Keep this record"))
        self.keep_other = QRadioButton(self.tr("Keep that record"))
        self.keep_current.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setEnabled(False)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(
            self.tr(
                "Every visit, coaching note and referral of the other record moves to the kept "
                "one; empty fields are filled from it. The other record is kept, marked merged, "
                "and the merge is recorded in the activity log."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addLayout(self.comparison)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._show_comparison()

    def _find(self, text: str) -> None:
        actor, index, own = self.context.actor, self.context.people_index, self.current.id

        def find(session) -> list[PersonMatch]:
            return [
                m for m in lookup_people(session, actor, index, text, limit=9) if m.person_id != own
            ]

        self.context.tasks.submit(find, self._show_matches, self._failed)

    def _show_matches(self, matches: list[PersonMatch]) -> None:
        self.results_model.set_matches(matches)
        if matches:
            self.results.setCurrentIndex(self.results_model.index(0))

    def _move(self, step: int) -> None:
        count = self.results_model.rowCount()
        if count:
            row = max(0, min(count - 1, self.results.currentIndex().row() + step))
            self.results.setCurrentIndex(self.results_model.index(row))

    def _choose(self) -> None:
        match = self.results_model.match_at(self.results.currentIndex().row())
        if match is None:
            return
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: open_person(session, actor, match.person_id),
            self._set_other,
            self._failed,
        )

    def _set_other(self, record: PersonRecord) -> None:
        self.other = record
        self.merge_button.setEnabled(True)
        self._show_comparison()

    def _show_comparison(self) -> None:
        """Rebuild the compared values; the two choice buttons stay (they are not labels)."""
        for label in self._compared_labels:
            self.comparison.removeWidget(label)
            label.deleteLater()
        self._compared_labels = []
        self.comparison.addWidget(self.keep_current, 0, 1)
        self.comparison.addWidget(self.keep_other, 0, 2)
        self.keep_other.setVisible(self.other is not None)
        rows = describe_record_fields(self.current, self.other, COMPARED, self.context.center_time)
        for row, (label, mine, theirs) in enumerate(rows, start=1):
            cells = [QLabel(label), QLabel(mine)]
            if self.other is not None:
                cells.append(QLabel(theirs))
            for column, cell in enumerate(cells):
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.comparison.addWidget(cell, row, column)
            self._compared_labels.extend(cells)

    def merge(self) -> None:
        if self.other is None:
            return
        keep, drop = (
            (self.current, self.other)
            if self.keep_current.isChecked()
            else (self.other, self.current)
        )
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: merge_people(
                session,
                actor,
                keep_id=keep.id,
                keep_version=keep.version,
                merge_id=drop.id,
                merge_version=drop.version,
            ),
            self._merged,
            self._failed,
        )

    def _merged(self, record: PersonRecord) -> None:
        self.merged = record
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
