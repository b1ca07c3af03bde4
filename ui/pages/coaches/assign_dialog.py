"""“Assign coach”: what the peer asked for, the coaches ranked with their reasons, and the
choice. Reassigning asks why; a full caseload needs the explicit override; when no coach has
room, the waitlist is the way offered.

Changing a wish re-ranks at once (the ranking is a plain function over facts loaded once).
Whatever fails, the dialog stays open with everything typed still in it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.coaching.ranking import Suggestion, no_coach_has_room
from desk.coaching.reason_words import suggestion_words
from desk.errors import DeskError, ValidationError
from desk.names import shown_name
from desk.services.assignments import AssignmentRecord, CaseloadFull, assign_coach
from desk.services.coach_matching import (
    CoachWishes,
    MatchingFacts,
    load_matching_facts,
    save_coach_wishes,
)
from desk.services.person_details import LANGUAGES
from desk.services.specialty_tags import SpecialtyOption, list_specialty_tags
from desk.services.waitlist import add_to_waitlist
from ui.coaching_words import language_name
from ui.context import AppContext
from ui.desk_words import specialty_label
from ui.drafts import FormDraft
from ui.error_words import in_words
from ui.models.suggestions_table import SuggestionsTableModel
from ui.widgets.banner import Banner
from ui.words import fill

GENDERS = ("", "woman", "man", "nonbinary")


class AssignCoachDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        person_id: int,
        *,
        private: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignCoachDialog")
        self.setWindowTitle(self.tr("Assign coach"))
        self.context = context
        self.person_id = person_id
        self.private = private
        self.facts: MatchingFacts | None = None
        self.tags: list[SpecialtyOption] = []
        self.assigned: AssignmentRecord | None = None
        self.waitlisted = False
        self._filling = False
        self._ranking = False
        self._picked: int | None = None  # a coach chosen by hand stays chosen as wishes change

        self.banner = Banner()
        self.heading = QLabel(self.tr("Loading…"))
        self.heading.setObjectName("sectionHeading")
        self.about = QLabel()
        self.about.setObjectName("hintLine")
        self.about.setWordWrap(True)

        self.wished_coach = QComboBox()
        self.wished_coach.setObjectName("wishedCoach")
        self.wished_gender = QComboBox()
        self.wished_gender.setObjectName("wishedGender")
        self.wished_gender.setEditable(True)
        self.wished_gender.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for gender in GENDERS:
            self.wished_gender.addItem(gender)
        self.wished_gender.lineEdit().setPlaceholderText(self.tr("no preference"))
        self.wished_language = QComboBox()
        self.wished_language.setObjectName("wishedLanguage")
        self.wished_language.addItem(self.tr("no preference"), "")
        for code in LANGUAGES:
            self.wished_language.addItem(language_name(code), code)
        self.specialties = QListWidget()
        self.specialties.setObjectName("wishedSpecialties")
        self.specialties.setFlow(QListWidget.Flow.LeftToRight)
        self.specialties.setWrapping(True)
        self.specialties.setFixedHeight(64)
        wishes = QGroupBox(self.tr("What they asked for (all optional: their choice comes first)"))
        form = QFormLayout(wishes)
        form.addRow(self.tr("A coach by name"), self.wished_coach)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Gender")))
        row.addWidget(self.wished_gender, 1)
        row.addWidget(QLabel(self.tr("Speaks")))
        row.addWidget(self.wished_language, 1)
        form.addRow(row)
        form.addRow(self.tr("Knows about"), self.specialties)

        self.model = SuggestionsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("suggestionsTable")
        self.table.setAccessibleName(self.tr("Coaches, best match first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (self.model.RANK, self.model.PEERS, self.model.SCORE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.WHY, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(self.model.COACH, 170)
        header.resizeSection(self.model.AGAINST, 260)
        self.table.setMinimumHeight(220)

        self.no_room = QLabel(
            self.tr(
                "No coach has room right now. Put them on the waitlist (shown on the Coaches "
                "page), or assign over a coach's limit with the box below."
            )
        )
        self.no_room.setObjectName("hintLine")
        self.no_room.setWordWrap(True)
        self.no_room.hide()
        self.reason = QLineEdit()
        self.reason.setObjectName("reassignReason")
        self.reason.setPlaceholderText(self.tr("needed to reassign; kept in their history"))
        self.reason_label = QLabel(self.tr("Why the change?"))
        self.override = QCheckBox(
            self.tr("Assign over the caseload limit (recorded in the activity log)")
        )
        self.override.setObjectName("overrideLimit")
        self.waitlist_note = QLineEdit()
        self.waitlist_note.setObjectName("waitlistNote")
        self.waitlist_note.setAccessibleName(self.tr("Waitlist note"))
        self.waitlist_note.setPlaceholderText(self.tr("optional note for the waitlist"))
        choice = QFormLayout()
        choice.addRow(self.reason_label, self.reason)
        choice.addRow("", self.override)
        self.waitlist_label = QLabel(self.tr("Waitlist note"))
        choice.addRow(self.waitlist_label, self.waitlist_note)

        self.assign_button = QPushButton(self.tr("Assign"))
        self.assign_button.setObjectName("assignButton")
        self.waitlist_button = QPushButton(self.tr("Put on the waitlist"))
        self.waitlist_button.setObjectName("waitlistButton")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.waitlist_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.assign_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addWidget(self.about)
        layout.addWidget(wishes)
        layout.addWidget(QLabel(self.tr("Coaches, best match first")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_room)
        layout.addLayout(choice)
        layout.addWidget(buttons)
        self.assign_button.setDefault(True)  # once in the dialog, so Enter means "Assign"
        self.resize(1100, 720)

        self.draft = FormDraft(
            context.drafts,
            f"assign/{person_id}",
            {"reason": self.reason, "waitlist_note": self.waitlist_note},
            owner=context.draft_owner,
        )
        self.wished_coach.currentIndexChanged.connect(self.rerank)
        self.wished_gender.currentTextChanged.connect(self.rerank)
        self.wished_language.currentIndexChanged.connect(self.rerank)
        self.specialties.itemChanged.connect(self.rerank)
        self.table.selectionModel().currentRowChanged.connect(self._on_choice)
        self.table.doubleClicked.connect(lambda _index: self.assign())
        self.assign_button.clicked.connect(self.assign)
        self.waitlist_button.clicked.connect(self.put_on_waitlist)
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        actor, person_id = self.context.actor, self.person_id
        opening = self.facts is None  # audited once; loading again after a change is not

        def load(session):
            facts = load_matching_facts(session, actor, person_id, audit=opening)
            return facts, list_specialty_tags(session)

        self.context.tasks.submit(load, self._show_facts, self._failed, owner=self)

    def _show_facts(self, loaded: tuple[MatchingFacts, list[SpecialtyOption]]) -> None:
        first_time = self.facts is None
        self.facts, self.tags = loaded
        peer = self.facts.peer
        name = shown_name(
            peer.first_name, peer.last_name, peer.preferred_name, private=self.private
        )
        if peer.current is not None:
            self.heading.setText(
                fill(
                    self.tr("Reassign %1: now with %2 since %3"),
                    name,
                    peer.current.coach_name,
                    self.context.center_time.date_text(peer.current.started_at),
                )
            )
        else:
            self.heading.setText(fill(self.tr("Assign a coach to %1"), name))
        reassigning = peer.current is not None
        self.reason.setVisible(reassigning)
        self.reason_label.setVisible(reassigning)
        # Someone with a coach is not waiting for one.
        self.waitlist_button.setVisible(not reassigning)
        self.waitlist_note.setVisible(not reassigning)
        self.waitlist_label.setVisible(not reassigning)
        self.about.setText(self._about_text())
        if first_time:
            self._fill_wishes(peer.wishes)
            self.draft.restore()
        self.rerank()
        if first_time:
            self.table.setFocus()  # Up and Down choose, Enter assigns

    def _about_text(self) -> str:
        peer = self.facts.peer  # type: ignore[union-attr]
        parts = [
            fill(
                self.tr("Their language: %1"),
                language_name(peer.preferred_language) or self.tr("not asked"),
            ),
            fill(self.tr("Their pathway: %1"), peer.recovery_pathway or self.tr("not said")),
        ]
        if peer.waitlisted_at is not None:
            parts.append(
                fill(
                    self.tr("On the waitlist since %1"),
                    self.context.center_time.date_text(peer.waitlisted_at),
                )
            )
        if peer.named_coach_name and not peer.named_coach_active:
            parts.append(
                fill(self.tr("Asked for %1, who is not active now"), peer.named_coach_name)
            )
        return "   ·   ".join(parts)

    def _fill_wishes(self, wishes: CoachWishes) -> None:
        self._filling = True
        try:
            self.wished_coach.clear()
            self.wished_coach.addItem(self.tr("no one in particular"), None)
            for coach in sorted(self.facts.coaches, key=lambda c: c.name):  # type: ignore[union-attr]
                self.wished_coach.addItem(coach.name, coach.id)
            index = self.wished_coach.findData(wishes.coach_id)
            self.wished_coach.setCurrentIndex(max(0, index))
            self.wished_gender.setCurrentText(wishes.gender)
            self.wished_language.setCurrentIndex(
                max(0, self.wished_language.findData(wishes.language))
            )
            self.specialties.clear()
            for tag in self.tags:
                item = QListWidgetItem(specialty_label(tag))
                item.setData(Qt.ItemDataRole.UserRole, tag.code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = tag.code in wishes.specialties
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.specialties.addItem(item)
        finally:
            self._filling = False

    # -- ranking ---------------------------------------------------------------------------
    def current_wishes(self) -> CoachWishes:
        specialties = tuple(
            self.specialties.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.specialties.count())
            if self.specialties.item(n).checkState() == Qt.CheckState.Checked
        )
        return CoachWishes(
            coach_id=self.wished_coach.currentData(),
            gender=self.wished_gender.currentText().strip(),
            language=self.wished_language.currentData() or "",
            specialties=specialties,
        )

    def tag_labels(self) -> dict[str, str]:
        return {tag.code: specialty_label(tag) for tag in self.tags}

    def rerank(self, *_args) -> None:
        if self.facts is None or self._filling:
            return
        suggestions = self.facts.rank(self.current_wishes())
        self._ranking = True
        try:
            self.model.set_suggestions(suggestions, self.tag_labels())
            self.table.resizeRowsToContents()
            row = self.model.row_of_coach(self._picked)
            self.table.selectRow(row if row >= 0 else 0)
        finally:
            self._ranking = False
        self.no_room.setVisible(bool(suggestions) and no_coach_has_room(suggestions))
        if not suggestions:
            self.banner.show_message(
                self.tr("There are no active coaches yet. Add them on the Coaches page."), "info"
            )
        self._update_choice()

    def chosen(self) -> Suggestion | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _on_choice(self, *_args) -> None:
        chosen = self.chosen()
        if not self._ranking and chosen is not None:
            self._picked = chosen.coach.id
        self._update_choice()

    def _update_choice(self) -> None:
        chosen = self.chosen()
        full = chosen is not None and not chosen.has_room
        self.override.setEnabled(full)
        if not full:
            self.override.setChecked(False)
        self.assign_button.setEnabled(chosen is not None)

    # -- acting ----------------------------------------------------------------------------
    def assign(self) -> None:
        chosen, facts = self.chosen(), self.facts
        if chosen is None or facts is None:
            return
        actor, wishes = self.context.actor, self.current_wishes()
        reason, override = self.reason.text(), self.override.isChecked()
        current = facts.peer.current.id if facts.peer.current else None
        languages = dict(LANGUAGES)
        words = suggestion_words(chosen, languages=languages, specialties=self.tag_labels())
        self.draft.save_now()

        def work(session) -> AssignmentRecord:
            if wishes != facts.peer.wishes:
                save_coach_wishes(session, actor, facts.peer.person_id, facts.peer.version, wishes)
            return assign_coach(
                session,
                actor,
                facts.peer.person_id,
                chosen.coach.id,
                current_assignment_id=current,
                reason=reason,
                override_limit=override,
                match_reasons=words,
            )

        self.context.tasks.submit(work, self._assigned, self._failed, owner=self)

    def _assigned(self, record: AssignmentRecord) -> None:
        self.draft.clear()
        self.assigned = record
        self.accept()

    def put_on_waitlist(self) -> None:
        facts = self.facts
        if facts is None:
            return
        actor, wishes, note = self.context.actor, self.current_wishes(), self.waitlist_note.text()
        self.draft.save_now()

        def work(session) -> int:
            if wishes != facts.peer.wishes:
                save_coach_wishes(session, actor, facts.peer.person_id, facts.peer.version, wishes)
            return add_to_waitlist(session, actor, facts.peer.person_id, note)

        self.context.tasks.submit(work, self._waitlisted, self._failed, owner=self)

    def _waitlisted(self, _entry_id: int) -> None:
        self.draft.clear()
        self.waitlisted = True
        self.accept()

    def done(self, result: int) -> None:
        self.draft.flush()  # closing: the last keystrokes are kept before the window goes
        super().done(result)

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
        if isinstance(error, CaseloadFull):
            self.override.setFocus()
        elif isinstance(error, ValidationError) and error.field == "reason":
            self.reason.setFocus()
        elif self.facts is not None:
            self.reload()  # another station changed something: show it, keep what was typed
