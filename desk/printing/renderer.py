"""The base of every handout: US Letter pages, a running header, help lines and "Page 1 of 3".

A renderer is a class with hook methods (`story`, `running_title`), one stylesheet and output
to bytes. PDFs are written in ReportLab's invariant mode (no creation time, no random id), so
the same content always gives the same bytes: a reprint is the very same document.

The running header on the second and later pages is always one line above the content: the
center's name, shortened with an ellipsis when it is long, then the document's title.
"""

from __future__ import annotations

import io
import math
import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from functools import cached_property
from xml.sax.saxutils import escape

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table

from desk.printing import catalogue
from desk.printing.fonts import BODY_FONT, register_fonts
from desk.printing.markup import inline
from desk.printing.sheet_content import CenterHeader
from desk.printing.styles import (
    BOTTOM_MARGIN,
    CONTENT_WIDTH,
    LEFT_MARGIN,
    MUTED,
    PAGE_SIZE,
    RIGHT_MARGIN,
    RULE,
    RUNNING_HEADER_TOP,
    TOP_MARGIN,
    Stylesheet,
    stylesheet,
    table_style,
)

HELP_LINE_KEYS = ("footer.988", "footer.helpline", "footer.behavioral", "footer.overdose")
# The numbers to call in a help line, set in bold: "(800) 327-5050", "988".
_HELP_NUMBER = re.compile(r"\(\d{3}\)\s?\d{3}-\d{4}|\b988\b")
RUNNING_SEPARATOR = "  ·  "
ELLIPSIS = "…"


def help_lines_table(language: str, styles: Stylesheet) -> Table:
    """The help lines as readable as the body, their numbers in bold, a line each (in two
    columns their long names broke across lines); the heading starts the first line (a line
    of its own would cost room a service needs)."""
    register_fonts()
    heading = f"<b>{inline(catalogue.text('footer.heading', language))}</b> "

    def line(key: str) -> str:
        text = inline(catalogue.text(key, language))
        # The number in bold, its parts kept on one line: "(800) 327-5050", "988".
        return _HELP_NUMBER.sub(lambda m: "<b>" + m.group(0).replace(" ", "\u00a0") + "</b>", text)

    cells = [
        [Paragraph((heading if n == 0 else "") + line(key), styles.help_line)]
        for n, key in enumerate(HELP_LINE_KEYS)
    ]
    table = Table(cells, colWidths=[CONTENT_WIDTH])
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        )
    )
    return table


SNUG_SHRINK = 0.86  # about how much of its height a document keeps when set snug


class _MeasuredDocument(BaseDocTemplate):
    """Notes how far down each page its content reached."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._lowest: dict[int, tuple[float, float]] = {}  # page -> (frame top, lowest y)

    def afterFlowable(self, flowable: Flowable) -> None:
        frame = self.frame
        if frame is None:  # between pages
            return
        top = frame._y1 + frame._height
        _, lowest = self._lowest.get(self.page, (top, top))
        self._lowest[self.page] = (top, min(lowest, frame._y))

    def used_height(self) -> float:
        return sum(top - lowest for top, lowest in self._lowest.values())


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
        """The document; set snug (styles.py) when that saves a page: a service is never
        split to fill a page, so a sheet whose services only just miss a page is set closer."""
        pdf, pages, used = self._build()
        if pages > 1 and not self.styles.snug:
            capacity = self._frame_height()
            if math.ceil(used * SNUG_SHRINK / capacity) < pages:
                normal = self.styles
                self.styles = stylesheet(normal.large, snug=True)
                snug_pdf, snug_pages, _ = self._build()
                if snug_pages < pages:
                    return snug_pdf
                self.styles = normal
        return pdf

    def _frame_height(self) -> float:
        return PAGE_SIZE[1] - TOP_MARGIN - BOTTOM_MARGIN - self.footer_height

    def _build(self) -> tuple[bytes, int, float]:
        """The PDF, its page count, and the height its content used on all pages."""
        buffer = io.BytesIO()
        frame = Frame(
            LEFT_MARGIN,
            BOTTOM_MARGIN + self.footer_height,
            CONTENT_WIDTH,
            self._frame_height(),
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="content",
        )
        document = _MeasuredDocument(
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
        return buffer.getvalue(), document.page, document.used_height()

    @cached_property
    def _help_lines(self) -> tuple[Table, float]:
        table = help_lines_table(self.language, self.styles)
        _, height = table.wrap(CONTENT_WIDTH, PAGE_SIZE[1])
        return table, height

    @property
    def footer_height(self) -> float:
        """Room for the help lines as they wrap in this language, the page number below."""
        if not self.show_help_lines():
            return self.styles.footer_size * 2
        return self._help_lines[1] + 8  # the page number is in the bottom margin below

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
        footer, height = self._help_lines
        top = BOTTOM_MARGIN + self.footer_height - 4
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(LEFT_MARGIN, top, PAGE_SIZE[0] - RIGHT_MARGIN, top)
        footer.drawOn(canvas, LEFT_MARGIN, top - 3 - height)

    def draw_page_number(self, canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(BODY_FONT, self.styles.footer_size)
        label = catalogue.text("footer.page", self.language, page=number, pages=total)
        canvas.drawRightString(PAGE_SIZE[0] - RIGHT_MARGIN, BOTTOM_MARGIN - 2, label)
        canvas.restoreState()
