"""The consent form (42 CFR Part 2 §2.31), printed for a wet signature.

It carries every element §2.31 asks for, numbered as the person reads them: their name, who
may disclose, what and how much, to whom, why, the right to revoke and how, when it ends,
their signature and the date. Signing is voluntary, and the form says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from desk.printing import catalogue
from desk.printing.markup import inline
from desk.printing.referral_sheet import center_header, title_row
from desk.printing.renderer import HandoutRenderer
from desk.printing.sheet_content import ConsentFormContent
from desk.printing.styles import CONTENT_WIDTH, INK, RULE, table_style


class ConsentFormRenderer(HandoutRenderer):
    def __init__(self, content: ConsentFormContent) -> None:
        super().__init__(content.language, content.large_print, content.center)
        self.content = content
        self.value_style = ParagraphStyle(
            "consent_value",
            parent=self.styles.body,
            borderColor=RULE,
            borderWidth=0.6,
            borderPadding=(4, 6, 4, 6),
            leftIndent=6,
            rightIndent=6,
            spaceBefore=5,
            spaceAfter=6,
        )

    def document_title(self) -> str:
        return catalogue.text("consent.title", self.language)

    def section(self, label_key: str, value_markup: str) -> Flowable:
        return KeepTogether(
            [
                Paragraph(f"<b>{self.t(label_key)}</b>", self.styles.body),
                Paragraph(value_markup or "&nbsp;", self.value_style),
            ]
        )

    def expiry_markup(self) -> str:
        content = self.content
        when = catalogue.long_date(content.expires_on, self.language) if content.expires_on else ""
        event = (content.expiry_event or "").strip()
        if when and event:
            return self.t("consent.expiry_both", date=when, event=event)
        if when:
            return self.t("consent.expiry_date", date=when)
        return self.t("consent.expiry_event", event=event)

    def signature_lines(self) -> Table:
        body = self.styles.small
        rows = [
            ["", ""],
            [
                Paragraph(self.t("consent.signature"), body),
                Paragraph(self.t("consent.signed_on"), body),
            ],
            ["", ""],
            [Paragraph(self.t("consent.guardian"), body), ""],
            ["", ""],
            [
                Paragraph(f"{self.t('consent.witness')}: {inline(self.content.staff_name)}", body),
                "",
            ],
        ]
        height = 26 if self.styles.large else 20
        table = Table(
            rows,
            colWidths=[CONTENT_WIDTH * 0.64, CONTENT_WIDTH * 0.36],
            rowHeights=[height, None, height, None, height, None],
        )
        table.setStyle(
            table_style(
                ("LINEBELOW", (0, 0), (0, 0), 0.8, INK),
                ("LINEBELOW", (1, 0), (1, 0), 0.8, INK),
                ("LINEBELOW", (0, 2), (0, 2), 0.8, INK),
                ("LINEBELOW", (0, 4), (0, 4), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            )
        )
        return table

    def story(self) -> Sequence[Flowable]:
        content, styles = self.content, self.styles
        center = self.center
        when = inline(catalogue.long_date(content.prepared_on, self.language))
        revoke = self.t(
            "consent.revoke_text",
            center=center.name,
            address=center.address,
            phone=center.phone,
        )
        return [
            center_header(center, styles),
            title_row(self.t("consent.title"), when, styles),
            Spacer(0, styles.space / 2),
            Paragraph(self.t("consent.intro"), styles.body),
            Spacer(0, styles.space / 2),
            self.section("consent.patient", inline(content.person_name)),
            self.section("consent.discloser", inline(content.disclosing_party)),
            self.section("consent.information", inline(content.information)),
            self.section("consent.recipient", inline(content.recipient)),
            self.section("consent.purpose", inline(content.purpose)),
            self.section("consent.revoke", revoke),
            self.section("consent.expiry", self.expiry_markup()),
            Paragraph(self.t("consent.voluntary"), styles.body),
            KeepTogether([Spacer(0, styles.space), self.signature_lines()]),
            Spacer(0, styles.space),
            Paragraph(self.t("consent.copy", number=content.consent_id), styles.small),
        ]


def render_consent_form(content: ConsentFormContent) -> bytes:
    return ConsentFormRenderer(content).render()
