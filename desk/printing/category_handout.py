"""A category handout: every current listing of one category, for the rack by the door.

It names no person, so it needs no consent and carries no disclosure notice.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph, Spacer

from desk.printing import catalogue
from desk.printing.markup import inline
from desk.printing.referral_sheet import center_header, title_row
from desk.printing.renderer import HandoutRenderer
from desk.printing.service_block import service_block
from desk.printing.sheet_content import CategoryHandoutContent


class CategoryHandoutRenderer(HandoutRenderer):
    def __init__(self, content: CategoryHandoutContent) -> None:
        super().__init__(content.language, content.large_print, content.center)
        self.content = content

    def document_title(self) -> str:
        return self.content.category_name

    def running_title(self) -> str:
        when = catalogue.long_date(self.content.prepared_on, self.language)
        return f"{self.content.category_name}  ·  {when}"

    def story(self) -> Sequence[Flowable]:
        content, styles = self.content, self.styles
        when = catalogue.long_date(content.prepared_on, self.language)
        count = self.t("handout.count", count=len(content.services))
        flow: list[Flowable] = [
            center_header(self.center, styles),
            title_row(inline(content.category_name), count, styles),
            Paragraph(self.t("handout.subtitle", date=when), styles.subheading),
        ]
        note = catalogue.details_language_note(self.language)
        if note:
            flow.append(Paragraph(note, styles.small))
        if not content.services:
            flow.append(Spacer(0, styles.space))
            flow.append(Paragraph(self.t("handout.none"), styles.body))
        for number, service in enumerate(content.services, start=1):
            flow.append(Spacer(0, styles.space * 0.75))
            flow.append(service_block(number, service, self.t, styles, self.language, compact=True))
        return flow


def render_category_handout(content: CategoryHandoutContent) -> bytes:
    return CategoryHandoutRenderer(content).render()
