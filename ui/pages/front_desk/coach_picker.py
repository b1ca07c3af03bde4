"""Choosing the coach a visitor starts with: coaches on duty now come first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.services.staff import CoachSummary


class CoachPicker(QDialog):
    def __init__(
        self, coaches: list[CoachSummary], who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coachPicker")
        self.setWindowTitle(self.tr("Start with a coach"))
        self.list = QListWidget()
        for coach in coaches:
            duty = self.tr("on duty") if coach.on_duty else self.tr("not on duty now")
            languages = ", ".join(coach.languages)
            item = QListWidgetItem(f"{coach.display_name}  ·  {duty}  ·  {languages}")
            item.setData(Qt.ItemDataRole.UserRole, coach.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who will %1 start with?").replace("%1", who)))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen_coach_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
