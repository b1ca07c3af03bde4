"""Recording a BARC-10: ten statements, each answered 1 (strongly disagree) to 6 (strongly
agree); the total (10–60) is shown as the answers are chosen. The peer answers; staff type."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk.coaching.barc10 import ANSWERS, HIGHEST, ITEMS, LOWEST, TOTAL_MAX
from desk.errors import DeskError
from desk.services.barc10_records import Barc10Record, record_barc10
from ui.context import AppContext
from ui.error_words import in_words
from ui.formatting import date_edit_format
from ui.widgets.banner import Banner
from ui.words import fill


class Barc10Dialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        person_id: int,
        name: str,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("barc10Dialog")
        self.setWindowTitle(fill(self.tr("BARC-10 with %1"), name))
        self.context = context
        self.person_id = person_id
        self.recorded: Barc10Record | None = None
        today = today or context.center_time.today()
        self.banner = Banner()
        intro = QLabel(
            self.tr(
                "Brief Assessment of Recovery Capital. Read each statement; the peer answers "
                "from 1 (strongly disagree) to 6 (strongly agree). They may skip it entirely."
            )
        )
        intro.setWordWrap(True)
        self.taken_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.taken_on.setObjectName("barc10Date")
        self.taken_on.setAccessibleName(self.tr("Answered on"))
        self.taken_on.setCalendarPopup(True)
        self.taken_on.setDisplayFormat(date_edit_format())
        grid = QGridLayout()
        for score in range(LOWEST, HIGHEST + 1):
            heading = QLabel(str(score))
            heading.setToolTip(QCoreApplication.translate("Barc10", ANSWERS[score - 1]))
            grid.addWidget(heading, 0, score)
        self.groups: list[QButtonGroup] = []
        for number, statement in enumerate(ITEMS, start=1):
            label = QLabel(f"{number}. {QCoreApplication.translate('Barc10', statement)}")
            label.setWordWrap(True)
            grid.addWidget(label, number, 0)
            group = QButtonGroup(self)
            for score in range(LOWEST, HIGHEST + 1):
                button = QRadioButton()
                button.setObjectName(f"item{number}_{score}")
                answer = QCoreApplication.translate("Barc10", ANSWERS[score - 1])
                button.setToolTip(answer)
                button.setAccessibleName(
                    fill(self.tr("Statement %1: %2 (%3)"), str(number), answer, str(score))
                )
                group.addButton(button, score)
                grid.addWidget(button, number, score)
            group.idClicked.connect(self._update_total)
            self.groups.append(group)
        grid.setColumnStretch(0, 1)
        self.total = QLabel()
        self.total.setObjectName("barc10Total")
        self.note = QLineEdit()
        self.note.setObjectName("barc10Note")
        self.note.setPlaceholderText(self.tr("optional note"))
        self.note.setAccessibleName(self.tr("Note"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Answered on")))
        top.addWidget(self.taken_on)
        top.addStretch(1)
        top.addWidget(self.total)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addStretch(1)  # a taller window leaves the room below, not between statements
        layout.addWidget(buttons)
        self.resize(820, 480)
        self._update_total()

    def scores(self) -> list[int | None]:
        return [group.checkedId() if group.checkedId() > 0 else None for group in self.groups]

    def answer(self, item: int, score: int) -> None:
        """Choose `score` for statement `item` (1-based), as a click would."""
        self.groups[item - 1].button(score).click()

    def _update_total(self, *_args) -> None:
        answered = [s for s in self.scores() if s is not None]
        self.total.setText(
            fill(
                self.tr("Total: %1 of %2 (%3 of 10 answered)"),
                str(sum(answered)),
                str(TOTAL_MAX),
                str(len(answered)),
            )
        )

    def save(self) -> None:
        actor, person_id = self.context.actor, self.person_id
        taken_on, scores, note = self.taken_on.date().toPython(), self.scores(), self.note.text()
        self.context.tasks.submit(
            lambda session: record_barc10(session, actor, person_id, taken_on, scores, note),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, record: Barc10Record) -> None:
        self.recorded = record
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
