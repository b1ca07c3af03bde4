"""The coach printed on a referral sheet: a combo box of the active coaches, and the person's
own coach, kept as wanted until a list of coaches that has them has arrived.

The list and the person's defaults come back from the database in whatever order they
finish; neither may lose the other. Staff's own choice in the combo always stands.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox

from desk.errors import DeskError
from desk.services.staff import CoachSummary, list_coaches
from ui.tasks import TaskRunner


class CoachChoice(QObject):
    changed = Signal()  # the coach on the sheet changed without staff touching the combo

    def __init__(
        self, tasks: TaskRunner, combo: QComboBox, failed: Callable[[DeskError], None]
    ) -> None:
        super().__init__(combo)
        self.tasks = tasks
        self.combo = combo
        self._failed = failed
        self.wanted: int | None = None  # the person's coach, until it can be chosen
        self.loads = 0  # lists asked for and not back yet
        combo.activated.connect(self._chosen_by_staff)

    @property
    def coach_id(self) -> int | None:
        return self.combo.currentData()

    def load(self) -> None:
        self.loads += 1
        self.tasks.submit(lambda session: list_coaches(session), self._show, self._load_failed)

    def want(self, coach_id: int | None) -> None:
        """The person's coach on the sheet (None: the center's phone), now or once listed."""
        if coach_id is None:
            self.wanted = None
            self.combo.setCurrentIndex(0)
            return
        self.wanted = coach_id
        if self.combo.findData(coach_id) < 0:
            self.load()  # not read yet, or a coach added since it was
        self._choose_wanted()

    def reset(self) -> None:
        """No coach on the sheet, and none awaited."""
        self.wanted = None
        self.combo.setCurrentIndex(0)

    def forget_wanted(self) -> None:
        self.wanted = None

    def _show(self, coaches: list[CoachSummary]) -> None:
        self.loads -= 1
        combo = self.combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(none: the center's phone is printed)"), None)
        for coach in sorted(coaches, key=lambda c: c.display_name):
            combo.addItem(coach.display_name, coach.id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        if self.wanted is not None:
            self._choose_wanted()
        elif combo.currentData() != chosen:
            self.changed.emit()

    def _load_failed(self, error: DeskError) -> None:
        self.loads -= 1
        self._failed(error)

    def _choose_wanted(self) -> None:
        """From the list as it is now. Until a list that has them arrives they stay wanted; if
        the newest list has them not (no longer an active coach), the center's phone prints."""
        if self.wanted is None:
            return
        index = self.combo.findData(self.wanted)
        if index >= 0:
            self.wanted = None
            self.combo.setCurrentIndex(index)
        elif self.loads == 0:
            self.wanted = None
            self.combo.setCurrentIndex(0)

    def _chosen_by_staff(self, _index: int) -> None:
        self.wanted = None  # that choice stands, whatever list arrives next
