"""A spreadsheet import's preview as a table: one row a resource, drawn only when seen.

A list of 10,000 rows is handed over as it is; a cell's text is made when a view asks for it,
so opening the preview costs the same for ten rows or ten thousand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.categories import CATEGORY_BY_CODE
from desk.directory.hours_text import hours_text
from desk.directory.schedules import ScheduleRule
from desk.directory.sheet_import import PlannedResource
from ui.models.row_table import RowTableModel


def planned_hours_text(planned: PlannedResource) -> str:
    rules = [
        ScheduleRule.from_fields(
            {"freq": "WEEKLY", "byday": days, "opens_at": opens, "closes_at": closes}
        )
        for days, opens, closes in planned.hours
    ]
    return hours_text(rules) if rules else (planned.hours_note or "")


class SheetPreviewModel(RowTableModel[PlannedResource]):
    LINE, ACTION, NAME, TOWN, PHONE, HOURS, CATEGORY = range(7)
    PlannedRole = RowTableModel.RowRole

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Row"),
            self.tr("Will be"),
            self.tr("Name"),
            self.tr("Town"),
            self.tr("Phone"),
            self.tr("Hours"),
            self.tr("Category"),
        ]

    def cell(self, planned: PlannedResource, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.LINE:
            return str(planned.line)
        if column == self.ACTION:
            return self.tr("updated") if planned.exists else self.tr("new")
        if column == self.NAME:
            return planned.name
        if column == self.TOWN:
            return planned.city or ""
        if column == self.PHONE:
            return planned.phone or ""
        if column == self.HOURS:
            return planned_hours_text(planned)
        if column == self.CATEGORY:
            return ", ".join(CATEGORY_BY_CODE[code].name for code in planned.categories)
        return None
