"""Adding a recovery goal: the area of life, the goal in the peer's words, and its status."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.models import GoalArea, GoalStatus
from desk.services.recovery_goals import GoalRecord, add_goal
from ui.coaching_words import area_text, status_text
from ui.context import AppContext
from ui.error_words import in_words
from ui.widgets.banner import Banner
from ui.words import fill


def status_combo() -> QComboBox:
    combo = QComboBox()
    for status in GoalStatus:
        combo.addItem(status_text(status), status.value)
    return combo


class GoalDialog(QDialog):
    def __init__(
        self, context: AppContext, person_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("goalDialog")
        self.setWindowTitle(fill(self.tr("A recovery goal for %1"), name))
        self.context = context
        self.person_id = person_id
        self.added: GoalRecord | None = None
        self.banner = Banner()
        self.area = QComboBox()
        self.area.setObjectName("goalArea")
        for area in GoalArea:
            self.area.addItem(area_text(area), area.value)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("goalTitle")
        self.title_edit.setPlaceholderText(self.tr("in their words: “Find a sober house”"))
        self.status = status_combo()
        self.status.setObjectName("goalStatus")
        form = QFormLayout()
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Goal"), self.title_edit)
        form.addRow(self.tr("Status"), self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, 200)

    def save(self) -> None:
        actor, person_id = self.context.actor, self.person_id
        area = GoalArea(self.area.currentData())
        status = GoalStatus(self.status.currentData())
        title = self.title_edit.text()
        self.context.tasks.submit(
            lambda session: add_goal(session, actor, person_id, area, title, status),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, goal: GoalRecord) -> None:
        self.added = goal
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
        self.title_edit.setFocus()
