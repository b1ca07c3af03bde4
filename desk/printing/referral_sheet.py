"""The referral sheet a person takes home: where to go, when, what to bring, whom to call."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from desk.printing import catalogue
from desk.printing.markup import inline
from desk.printing.renderer import HandoutRenderer
from desk.printing.service_block import service_block
from desk.printing.sheet_content import CenterHeader, ReferralSheetContent
from desk.printing.styles import (
    ACCENT,
    BAND_FILL,
    CONTENT_WIDTH,
    NOTE_FILL,
    RULE,
    Stylesheet,
    table_style,
)


def center_header(center: CenterHeader, styles: Stylesheet) -> Table:
    """The center's name on the left, how to reach it on the right, a rule underneath."""
    details = "<br/>".join(
        inline(line) for line in (*center.address_lines, center.phone, center.email) if line
    )
    table = Table(
        [
            [
                Paragraph(inline(center.name), styles.center_name),
                Paragraph(details, styles.center_details),
            ]
        ],
        colWidths=[CONTENT_WIDTH * 0.7, CONTENT_WIDTH * 0.3],
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LINEBELOW", (0, 0), (-1, 0), 1.5, ACCENT),
        )
    )
    return table


def title_row(title: str, when: str, styles: Stylesheet) -> Table:
    date_style = ParagraphStyle(
        "date", parent=styles.body, alignment=2, textColor=styles.small.textColor
    )
    table = Table(
        [[Paragraph(title, styles.title), Paragraph(when, date_style)]],
        colWidths=[CONTENT_WIDTH * 0.62, CONTENT_WIDTH * 0.38],
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 10),
        )
    )
    return table


def boxed(paragraphs: list[Flowable], fill) -> Table:
    """A shaded box for short texts (who the sheet is for, the coach)."""
    table = Table([[paragraphs]], colWidths=[CONTENT_WIDTH])
    table.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        )
    )
    return table


class ReferralSheetRenderer(HandoutRenderer):
    def __init__(self, content: ReferralSheetContent) -> None:
        super().__init__(content.language, content.large_print, content.center)
        self.content = content

    def document_title(self) -> str:
        return catalogue.text("sheet.title", self.language)

    def running_title(self) -> str:
        when = catalogue.long_date(self.content.prepared_on, self.language)
        return f"{self.document_title()}  ·  {when}"

    def details_language(self) -> list[Flowable]:
        note = catalogue.details_language_note(self.language)
        return [Paragraph(note, self.styles.small)] if note else []

    def story(self) -> Sequence[Flowable]:
        content, styles = self.content, self.styles
        when = inline(catalogue.long_date(content.prepared_on, self.language))
        flow: list[Flowable] = [
            center_header(self.center, styles),
            title_row(self.t("sheet.title"), when, styles),
            Paragraph(self.t("sheet.subtitle"), styles.subheading),
            *self.details_language(),
            Spacer(0, styles.space / 2),
            *self.who_box(),
        ]
        for number, service in enumerate(content.services, start=1):
            flow.append(Spacer(0, styles.space))
            flow.append(service_block(number, service, self.t, styles, self.language))
        flow.extend(self.next_steps())
        flow.extend(self.disclosure_notice())
        return flow

    def who_box(self) -> list[Flowable]:
        content, body = self.content, self.styles.body
        lines: list[Flowable] = []
        if content.prepared_for:
            lines.append(
                Paragraph(
                    f"<b>{self.t('sheet.prepared_for')}:</b> {inline(content.prepared_for)}", body
                )
            )
        if content.coach_name:
            reach = inline(content.coach_name)
            if content.coach_phone:
                reach += f"  ·  {inline(content.coach_phone)}"
            lines.append(Paragraph(f"<b>{self.t('sheet.coach')}:</b> {reach}", body))
        else:
            lines.append(Paragraph(self.t("sheet.no_coach", phone=self.center.phone), body))
        return [boxed(lines, BAND_FILL)]

    def next_steps(self) -> list[Flowable]:
        text = self.content.next_steps.strip()
        if not text:
            return []
        style = ParagraphStyle(
            "next_steps",
            parent=self.styles.body,
            backColor=NOTE_FILL,
            borderColor=RULE,
            borderWidth=0.5,
            borderPadding=(5, 6, 5, 6),
            leftIndent=6,
            rightIndent=6,
        )
        return [
            Spacer(0, self.styles.space),
            KeepTogether(
                [
                    Paragraph(self.t("sheet.next_steps"), self.styles.heading),
                    Spacer(0, 4),
                    Paragraph(inline(text), style),
                ]
            ),
        ]

    def disclosure_notice(self) -> list[Flowable]:
        if not self.content.disclosure_notice:
            return []
        return [
            Spacer(0, self.styles.space * 1.5),
            KeepTogether(
                [
                    Paragraph(f"<b>{self.t('notice.heading')}</b>", self.styles.notice),
                    Paragraph(self.t("notice.text"), self.styles.notice),
                ]
            ),
        ]


def render_referral_sheet(content: ReferralSheetContent) -> bytes:
    return ReferralSheetRenderer(content).render()
