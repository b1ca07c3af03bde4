"""Choosing whom a referral is for: the same quick lookup as the front desk."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from desk.lookup.person_index import PersonMatch
from desk.names import called
from desk.services.lookup import lookup_people
from ui.context import AppContext
from ui.error_words import in_words
from ui.models.lookup_results import LookupResultsModel
from ui.widgets.sign_in_box import SignInBox


class PersonPickerDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Who is this referral for?"))
        self.chosen: PersonMatch | None = None
        self.search = SignInBox()
        self.search.setObjectName("referralPersonSearch")
        self.search.setAccessibleName(self.tr("Find them: name, phone digits or birth year"))
        self.search.setPlaceholderText(self.tr("Name, phone digits or birth year"))
        self.model = LookupResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("lookupResults")
        self.results.setAccessibleName(self.tr("People found"))
        self.results.setModel(self.model)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.choose)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(460, 420)
        self.search.textChanged.connect(self.find)
        self.search.moved.connect(self._move)
        self.search.chosen.connect(self.choose)
        self.results.doubleClicked.connect(lambda _index: self.choose())

    def find(self, text: str) -> None:
        actor, index = self.context.actor, self.context.people_index
        self.context.tasks.submit(
            lambda session: lookup_people(session, actor, index, text, limit=30),
            self._show,
            lambda error: self.status.setText(in_words(error)),
        )

    def _show(self, matches: list[PersonMatch]) -> None:
        self.model.set_matches(matches)
        if matches:
            self.results.setCurrentIndex(self.model.index(0))

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if count:
            row = max(0, min(count - 1, self.results.currentIndex().row() + step))
            self.results.setCurrentIndex(self.model.index(row))

    def choose(self) -> None:
        match = self.model.match_at(self.results.currentIndex().row())
        if match is None:
            self.status.setText(self.tr("Find the person first, or cancel."))
            return
        self.chosen = match
        self.accept()

    @property
    def chosen_label(self) -> str:
        if self.chosen is None:
            return ""
        return called(self.chosen.first_name, self.chosen.preferred_name)
