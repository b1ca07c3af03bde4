"""A person's visits, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.models import VisitStatus
from desk.services.people import VisitSummary
from ui.formatting import CenterTime
from ui.models.row_table import RowTableModel


class VisitsTableModel(RowTableModel[VisitSummary]):
    ARRIVED, LEFT, PURPOSE, COACH, STATUS = range(5)

    def __init__(self, parent=None, center_time: CenterTime | None = None) -> None:
        super().__init__([], parent)
        self.center_time = center_time or CenterTime()
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
        self.set_rows(visits)

    def cell(self, visit: VisitSummary, column: int, role: int):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.ARRIVED: lambda: self.center_time.datetime_text(visit.arrived_at),
            self.LEFT: lambda: self.center_time.time_text(visit.departed_at),
            self.PURPOSE: lambda: ", ".join(visit.purposes),
            self.COACH: lambda: visit.coach_name or "",
            self.STATUS: lambda: self._status[visit.status],
        }[column]()
