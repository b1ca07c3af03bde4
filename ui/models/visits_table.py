"""A person's visits, newest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk.models import VisitStatus
from desk.services.people import VisitSummary
from ui.formatting import local_datetime_text, local_time_text

Index = QModelIndex | QPersistentModelIndex


class VisitsTableModel(QAbstractTableModel):
    ARRIVED, LEFT, PURPOSE, COACH, STATUS = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._visits: list[VisitSummary] = []
        self._headers = [
            self.tr("Arrived"),
            self.tr("Left"),
            self.tr("Purpose"),
            self.tr("Coach"),
            self.tr("Status"),
        ]
        self._status = {
            VisitStatus.WAITING: self.tr("Waiting"),
            VisitStatus.WITH_COACH: self.tr("With coach"),
            VisitStatus.DONE: self.tr("Done"),
            VisitStatus.UNDONE: self.tr("Withdrawn"),
        }

    def set_visits(self, visits: list[VisitSummary]) -> None:
        self.beginResetModel()
        self._visits = list(visits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._visits):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        visit = self._visits[index.row()]
        column = index.column()
        if column == self.ARRIVED:
            return local_datetime_text(visit.arrived_at)
        if column == self.LEFT:
            return local_time_text(visit.departed_at)
        if column == self.PURPOSE:
            return ", ".join(visit.purposes)
        if column == self.COACH:
            return visit.coach_name or ""
        if column == self.STATUS:
            return self._status[visit.status]
        return None
