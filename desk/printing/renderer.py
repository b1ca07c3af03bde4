"""The base of every handout: US Letter pages, a running header, help lines and "Page 1 of 3".

A renderer is a class with hook methods (`story`, `running_title`), one stylesheet and output
to bytes. PDFs are written in ReportLab's invariant mode (no creation time, no random id), so
the same content always gives the same bytes: a reprint is the very same document.

The running header on the second and later pages is always one line above the content: the
center's name, shortened with an ellipsis when it is long, then the document's title.
"""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from collections.abc import Sequence
from functools import cached_property
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from desk.printing import catalogue
from desk.printing.fonts import BODY_FONT, BOLD_FONT, register_fonts
from desk.printing.markup import inline
from desk.printing.sheet_content import CenterHeader
from desk.printing.styles import (
    BOTTOM_MARGIN,
    CONTENT_WIDTH,
    INK,
    LEFT_MARGIN,
    MUTED,
    PAGE_SIZE,
    RIGHT_MARGIN,
    RULE,
    RUNNING_HEADER_TOP,
    TOP_MARGIN,
    Stylesheet,
    stylesheet,
)

HELP_LINE_KEYS = ("footer.988", "footer.helpline", "footer.behavioral", "footer.overdose")
RUNNING_SEPARATOR = "  ·  "
ELLIPSIS = "…"


class _NumberedCanvas(Canvas):
    """Holds each page back until the end, so every page can say how many there are."""

    def __init__(self, *args, renderer: HandoutRenderer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._renderer = renderer
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._renderer.draw_page_number(self, number, total)
            super().showPage()
        super().save()


class HandoutRenderer(ABC):
    """Subclasses give the title and the story; this draws the page furniture."""

    def __init__(self, language: str, large_print: bool, center: CenterHeader) -> None:
        if language not in catalogue.LANGUAGES:
            raise ValueError(f"handouts are printed in English or Spanish, not {language!r}")
        register_fonts()
        self.language = language
        self.center = center
        self.styles: Stylesheet = stylesheet(large_print)

    # Hooks -------------------------------------------------------------------------------

    @abstractmethod
    def document_title(self) -> str: ...

    def running_title(self) -> str:
        """What follows the center's name at the top of the second and later pages."""
        return self.document_title()

    @abstractmethod
    def story(self) -> Sequence[Flowable]: ...

    def show_help_lines(self) -> bool:
        return True

    # Helpers for subclasses ----------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        """A fixed string in this handout's language, escaped for a Paragraph."""
        return inline(catalogue.text(key, self.language, **values))

    def paragraph(self, markup: str, style=None) -> Paragraph:
        return Paragraph(markup, style or self.styles.body)

    # Rendering -----------------------------------------------------------------------------

    def render(self) -> bytes:
        buffer = io.BytesIO()
        styles = self.styles
        frame = Frame(
            LEFT_MARGIN,
            BOTTOM_MARGIN + styles.footer_height,
            CONTENT_WIDTH,
            PAGE_SIZE[1] - TOP_MARGIN - BOTTOM_MARGIN - styles.footer_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="content",
        )
        document = BaseDocTemplate(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=LEFT_MARGIN,
            rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=self.document_title(),
            author=self.center.name,
            creator="Recovery Desk",
            lang=self.language,
            invariant=True,
            initialFontName=BODY_FONT,  # so that no text can fall back to a standard font
            pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=self._decorate)],
        )
        document.build(
            list(self.story()),
            canvasmaker=lambda *args, **kwargs: _NumberedCanvas(*args, renderer=self, **kwargs),
        )
        return buffer.getvalue()

    def _one_line(self, markup: str) -> Paragraph | None:
        running = Paragraph(markup, self.styles.running)
        running.wrap(CONTENT_WIDTH, TOP_MARGIN)
        return running if len(running.blPara.lines) <= 1 else None

    @staticmethod
    def _longest_fitting(text: str, fits) -> Paragraph | None:
        """The paragraph of the longest start of `text` (with an ellipsis) that `fits`."""
        low, high, best = 0, len(text) - 1, None
        while low <= high:
            middle = (low + high) // 2
            found = fits(text[:middle].rstrip(" ,.;:-·") + ELLIPSIS)
            if found is not None:
                best, low = found, middle + 1
            else:
                high = middle - 1
        return best

    @cached_property
    def running_header(self) -> Paragraph:
        """The running header as one line: the center's name shortened if need be (then the
        title, should even that not fit)."""
        name, rest = self.center.name.strip(), self.running_title().strip()
        tail = escape(RUNNING_SEPARATOR) + inline(rest)
        whole = self._one_line(inline(name) + tail)
        if whole is not None:
            return whole
        shortened = self._longest_fitting(name, lambda start: self._one_line(inline(start) + tail))
        if shortened is not None:
            return shortened
        alone = self._longest_fitting(rest, lambda start: self._one_line(inline(start)))
        return alone or Paragraph(ELLIPSIS, self.styles.running)

    def _decorate(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        if document.page > 1:
            running = self.running_header
            _, height = running.wrap(CONTENT_WIDTH, TOP_MARGIN)
            running.drawOn(canvas, LEFT_MARGIN, PAGE_SIZE[1] - RUNNING_HEADER_TOP - height)
        if self.show_help_lines():
            self._draw_help_lines(canvas)
        canvas.restoreState()

    def _draw_help_lines(self, canvas: Canvas) -> None:
        styles = self.styles
        lines = [catalogue.text(key, self.language) for key in HELP_LINE_KEYS]
        widest = max(stringWidth(line, BODY_FONT, styles.footer_size) for line in lines)
        # Never past the right margin, whatever a translation's length.
        size = min(styles.footer_size, styles.footer_size * CONTENT_WIDTH / widest)
        leading = styles.footer_size * 1.3
        top = BOTTOM_MARGIN + styles.footer_height - 4
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(LEFT_MARGIN, top, PAGE_SIZE[0] - RIGHT_MARGIN, top)
        y = top - leading - 1
        canvas.setFillColor(INK)
        canvas.setFont(BOLD_FONT, size)
        canvas.drawString(LEFT_MARGIN, y, catalogue.text("footer.heading", self.language))
        canvas.setFont(BODY_FONT, size)
        for line in lines:
            y -= leading
            canvas.drawString(LEFT_MARGIN, y, line)

    def draw_page_number(self, canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(BODY_FONT, self.styles.footer_size)
        label = catalogue.text("footer.page", self.language, page=number, pages=total)
        canvas.drawRightString(PAGE_SIZE[0] - RIGHT_MARGIN, BOTTOM_MARGIN - 2, label)
        canvas.restoreState()
