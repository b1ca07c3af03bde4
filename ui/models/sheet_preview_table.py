"""A spreadsheet import's preview as a table: one row a resource, drawn only when seen.

A list of 10,000 rows is handed over as it is; a cell's text is made when a view asks for it,
so opening the preview costs the same for ten rows or ten thousand. The last column says what
was repaired or noted on the way in, so each change is seen beside its row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.directory.hours_text import hours_text
from desk.directory.schedules import ScheduleRule
from desk.directory.sheet_import import PlannedResource
from desk.validation import display_phone
from ui.desk_words import category_name_of
from ui.error_words import said
from ui.i18n import screen_language
from ui.models.row_table import RowTableModel
from ui.words import fill


def planned_hours_text(planned: PlannedResource) -> str:
    rules = [
        ScheduleRule.from_fields(
            {"freq": r.freq, "byday": r.byday, "opens_at": r.opens, "closes_at": r.closes}
        )
        for r in planned.hours
    ]
    if planned.hours_note:
        rules.append(ScheduleRule.from_fields({"description": planned.hours_note}))
    return hours_text(rules, screen_language()) if rules else ""


def planned_phone_text(planned: PlannedResource) -> str:
    return "  ·  ".join(
        display_phone(p.number) + (f" ext. {p.extension}" if p.extension else "")
        for p in planned.phones
    )


class SheetPreviewModel(RowTableModel[PlannedResource]):
    LINE, ACTION, NAME, TOWN, PHONE, HOURS, CATEGORY, CHANGES = range(8)
    PlannedRole = RowTableModel.RowRole

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Row"),
            self.tr("Will be"),
            self.tr("Name"),
            self.tr("Where"),
            self.tr("Phone"),
            self.tr("Hours"),
            self.tr("Category"),
            self.tr("Repaired or noted"),
        ]

    def cell(self, planned: PlannedResource, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CHANGES:
            return "\n".join(said(note) for note in planned.repairs + planned.notes) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.LINE:
            return str(planned.line)
        if column == self.ACTION:
            return self.tr("updated") if planned.exists else self.tr("new")
        if column == self.NAME:
            return planned.name
        if column == self.TOWN:
            place = planned.town_line
            if planned.street:
                return f"{planned.street}, {place}"
            if place:
                return fill(self.tr("%1 (no street address)"), place)
            return self.tr("(no street address)")  # a phone line, an online group
        if column == self.PHONE:
            return planned_phone_text(planned)
        if column == self.HOURS:
            return planned_hours_text(planned)
        if column == self.CATEGORY:
            return ", ".join(category_name_of(code) for code in planned.categories)
        if column == self.CHANGES:
            return "; ".join(said(note) for note in planned.repairs + planned.notes)
        return None
