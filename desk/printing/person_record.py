"""Everything recorded about one person, as a PDF to hand to them at their request.

Staff-facing and in English: its headings come from the export itself, not the handout
catalogue. It carries no help lines (it is a record, not a handout) and is marked
confidential on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desk.printing.markup import inline
from desk.printing.referral_sheet import center_header, title_row
from desk.printing.renderer import HandoutRenderer
from desk.printing.sheet_content import CenterHeader
from desk.printing.styles import CONTENT_WIDTH, RULE, table_style
from desk.services.person_data import PersonData


def _cell(value: Any, zone: ZoneInfo) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return value.astimezone(zone).strftime("%m/%d/%Y %I:%M %p").replace(" 0", " ")
    if isinstance(value, date):
        return value.strftime("%m/%d/%Y")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class PersonRecordRenderer(HandoutRenderer):
    def __init__(self, data: PersonData, center: CenterHeader, zone: ZoneInfo) -> None:
        super().__init__("en", False, center)
        self.data = data
        self.zone = zone

    def document_title(self) -> str:
        return f"Everything recorded about {self.data.name}"

    def running_title(self) -> str:
        return f"{self.data.name} (record #{self.data.person_id}) · confidential"

    def show_help_lines(self) -> bool:
        return False

    def _table(self, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Table:
        styles = self.styles
        body = [
            [Paragraph(f"<b>{inline(text)}</b>", styles.small) for text in header],
            *(
                [Paragraph(inline(_cell(value, self.zone)), styles.small) for value in row]
                for row in rows
            ),
        ]
        table = Table(body, colWidths=[CONTENT_WIDTH / len(header)] * len(header), repeatRows=1)
        table.setStyle(
            table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            )
        )
        return table

    def story(self) -> Sequence[Flowable]:
        data, styles = self.data, self.styles
        when = _cell(data.exported_at, self.zone)
        flow: list[Flowable] = [
            center_header(self.center, styles),
            title_row(inline(self.document_title()), inline(when), styles),
            Paragraph(
                "Confidential: this is everything Recovery Desk holds about this person, "
                f"record #{data.person_id}, as of {inline(when)}. Federal law (42 CFR Part 2) "
                "protects these records.",
                styles.subheading,
            ),
            Paragraph("Details", styles.heading),
            self._table(("Detail", "Value"), data.details),
        ]
        for section in data.sections:
            heading = Paragraph(
                inline(f"{section.title[:1].upper()}{section.title[1:]} ({len(section.rows)})"),
                styles.heading,
            )
            if not section.rows:
                flow += [Spacer(0, styles.space / 2), heading, Paragraph("None.", styles.body)]
                continue
            flow += [
                Spacer(0, styles.space / 2),
                heading,
                self._table(section.columns, section.rows),
            ]
        return flow


def render_person_record(data: PersonData, center: CenterHeader, zone: ZoneInfo) -> bytes:
    return PersonRecordRenderer(data, center, zone).render()
