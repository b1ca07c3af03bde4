"""The handout "This week at the center": the week's groups and meetings, day by day.

It is made with the same renderer as the referral sheets (the center's header, the help lines
at the foot of every page, "Page 1 of 2", the bundled fonts) in English or Spanish and in
large print. A meeting shows its time, name, what it is, the room, who leads it (first name
and last initial only), its language when that is not the handout's, and this week's change:
a cancelled meeting stays on the sheet, marked, so that nobody comes for it in vain.

It names no one who comes, so it needs no consent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from desk.printing import catalogue
from desk.printing.fonts import BOLD_FONT
from desk.printing.markup import inline
from desk.printing.referral_sheet import center_header, title_row
from desk.printing.renderer import HandoutRenderer
from desk.printing.sheet_content import CenterHeader
from desk.printing.styles import ACCENT, BAND_FILL, CONTENT_WIDTH, RULE, table_style


@dataclass(frozen=True)
class WeekEntry:
    """One meeting as the handout prints it."""

    held_on: date
    starts_at: time
    ends_at: time
    name: str
    description: str = ""
    room: str | None = None
    facilitator: str | None = None  # "Rosa D."
    language: str = "en"  # the group's own language
    cancelled: bool = False
    moved_from: date | None = None  # its usual date, when moved to this one
    changed: bool = False  # another time or room than usual
    note: str | None = None


@dataclass(frozen=True)
class WeekScheduleContent:
    language: str
    large_print: bool
    center: CenterHeader
    monday: date
    entries: tuple[WeekEntry, ...]


def clock(moment: time, language: str) -> str:
    """6:00 pm in English, 18:00 in Spanish (as each is read in Worcester)."""
    if language == "es":
        return f"{moment:%H:%M}"
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment:%M} {'am' if moment.hour < 12 else 'pm'}"


def time_range(starts: time, ends: time, language: str) -> str:
    return f"{clock(starts, language)}–{clock(ends, language)}"


class WeekScheduleRenderer(HandoutRenderer):
    def __init__(self, content: WeekScheduleContent) -> None:
        super().__init__(content.language, content.large_print, content.center)
        self.content = content

    def document_title(self) -> str:
        return catalogue.text("week.title", self.language)

    def _dates(self) -> str:
        monday = self.content.monday
        return catalogue.text(
            "week.dates",
            self.language,
            first=catalogue.weekday_date(monday, self.language),
            last=catalogue.weekday_date(monday + timedelta(days=6), self.language),
        )

    def running_title(self) -> str:
        return f"{self.document_title()}  ·  {self._dates()}"

    def story(self) -> Sequence[Flowable]:
        content, styles = self.content, self.styles
        flow: list[Flowable] = [
            center_header(self.center, styles),
            title_row(inline(self.document_title()), inline(self._dates()), styles),
            Paragraph(self.t("week.subtitle"), styles.subheading),
        ]
        if not content.entries:
            flow.append(Spacer(0, styles.space))
            flow.append(Paragraph(self.t("week.none"), styles.body))
            return flow
        for offset in range(7):
            day = content.monday + timedelta(days=offset)
            entries = [e for e in content.entries if e.held_on == day]
            if not entries:
                continue
            named = catalogue.weekday_date(day, self.language)
            heading = Paragraph(inline(named[:1].upper() + named[1:]), styles.heading)
            rows = [self._row(entry) for entry in entries]
            flow.append(Spacer(0, styles.space * 0.6))
            # The day's name never ends a page alone: it goes with its first meeting.
            flow.append(KeepTogether([heading, rows[0]]))
            flow.extend(rows[1:])
        return flow

    def _row(self, entry: WeekEntry) -> Table:
        styles, language = self.styles, self.language
        when_style = ParagraphStyle("when", parent=styles.body, fontName=BOLD_FONT)
        name_style = ParagraphStyle("name", parent=styles.body, fontName=BOLD_FONT)
        name = inline(entry.name)
        if entry.cancelled:
            name = f"<strike>{name}</strike>"
        cell: list[Flowable] = [Paragraph(name, name_style)]
        if entry.cancelled or entry.moved_from or entry.changed:
            if entry.cancelled:
                change = self.t("week.cancelled")
            elif entry.moved_from:
                change = self.t(
                    "week.moved_from", date=catalogue.weekday_date(entry.moved_from, language)
                )
            else:
                change = self.t("week.changed")
            if entry.note:
                change += " · " + inline(entry.note)
            colour = "#" + ACCENT.hexval()[2:]
            cell.append(Paragraph(f'<font color="{colour}"><b>{change}</b></font>', styles.body))
        if entry.description and not entry.cancelled:
            cell.append(Paragraph(inline(entry.description), styles.body))
        details = []
        if entry.room:
            details.append(self.t("week.room", room=entry.room))
        if entry.facilitator:
            details.append(self.t("week.led_by", name=entry.facilitator))
        if entry.language != language:
            spoken = catalogue.group_language(entry.language, language)
            details.append(self.t("week.in_language", spoken=spoken))
        if details and not entry.cancelled:
            cell.append(Paragraph(" · ".join(details), styles.small))
        when = Paragraph(inline(time_range(entry.starts_at, entry.ends_at, language)), when_style)
        table = Table([[when, cell]], colWidths=[CONTENT_WIDTH * 0.24, CONTENT_WIDTH * 0.76])
        commands: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ]
        if entry.cancelled or entry.moved_from or entry.changed:
            commands.append(("BACKGROUND", (0, 0), (-1, -1), BAND_FILL))
        table.setStyle(table_style(*commands))
        return table


def render_week_schedule(content: WeekScheduleContent) -> bytes:
    return WeekScheduleRenderer(content).render()
