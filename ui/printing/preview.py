"""The preview: the actual PDF pages, drawn by QtPdf, one under the other.

Only what is on screen is rasterised. The first page comes ready from the worker that made
the PDF (`render_first_pages`, at the width it will be shown); every other page waits as an
empty sheet of the right size until it is scrolled into view, and is then drawn at the
pane's width (a few milliseconds). A resize lays the pages out again once it has settled,
not on every step of the drag. The PDF that prints is the very one these images show.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from ui.printing.pdf_document import PdfInMemory, render_on_white

PAGE_SPACING = 12
SIDE_MARGIN = 28  # the pane's padding and scroll bar, left of and beside the pages
MIN_PAGE_WIDTH = 200
RESIZE_SETTLE_MS = 120
FIRST_PAGES = 1  # rasterised by the worker with the PDF


def preview_page_width(pane_width: int) -> int:
    return max(MIN_PAGE_WIDTH, pane_width - SIDE_MARGIN)


def _page_size(holder: PdfInMemory, page: int, width: int) -> QSize:
    size = holder.document.pagePointSize(page)
    return QSize(width, round(width * size.height() / size.width()))


def render_first_pages(pdf: bytes, width: int, count: int = FIRST_PAGES) -> list[QImage]:
    """The first `count` pages of `pdf`, `width` pixels wide (safe on a worker thread)."""
    holder = PdfInMemory(pdf)
    return [
        render_on_white(holder.document, page, _page_size(holder, page, width))
        for page in range(min(count, holder.page_count))
    ]


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages_box = QWidget()
        self.pages_box.setObjectName("pdfPreview")
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setSpacing(PAGE_SPACING)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages_box)
        self.scroll.setStyleSheet("QScrollArea { background: #8d99a3; }")
        self.pages_box.setStyleSheet(
            "QWidget#pdfPreview { background: #8d99a3; } QLabel { background: white; }"
        )
        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.scroll)
        self.pages = QLabel()
        self.pages.setObjectName("statusLine")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.pages)
        self.pdf_bytes: bytes | None = None
        self._holder: PdfInMemory | None = None
        self._labels: list[QLabel] = []
        self._drawn_at: dict[int, int] = {}  # page -> the width it was rasterised at
        self._width = 0
        self.rasterised = 0  # pages drawn here (the worker's first pages not counted)
        self.layouts = 0  # times the pages were laid out
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(RESIZE_SETTLE_MS)
        self._settle.timeout.connect(self._lay_out)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _value: self.draw_visible())
        self.show_message(self.tr("The sheet appears here as it will print."))

    def page_width(self) -> int:
        """How wide a page is shown now, in pixels of the screen."""
        return preview_page_width(self.scroll.viewport().width())

    def first_pages_width(self) -> int:
        """The width a worker should rasterise the first pages at, to be shown as they are."""
        return round(self.page_width() * self.devicePixelRatioF())

    @property
    def page_count(self) -> int:
        return self._holder.page_count if self._holder is not None else 0

    def show_pages(self, pdf: bytes, first_pages: list[QImage]) -> None:
        """Show `pdf`; `first_pages` are its first pages already rasterised (any width)."""
        if self._holder is not None:
            self._holder.deleteLater()
        self._holder = PdfInMemory(pdf, self)
        self.pdf_bytes = pdf
        self.stack.setCurrentWidget(self.scroll)
        count = self._holder.page_count
        while len(self._labels) > count:
            label = self._labels.pop()
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        while len(self._labels) < count:
            label = QLabel()
            label.setObjectName(f"previewPage{len(self._labels) + 1}")
            label.setScaledContents(True)  # a page waiting to be redrawn stretches meanwhile
            self.pages_layout.addWidget(label)
            self._labels.append(label)
        self._drawn_at = {}
        for label in self._labels:
            label.clear()
        self._lay_out(keep=first_pages)
        self.pages.setText(self.tr("%n page(s), US Letter", "", count))

    def _lay_out(self, keep: list[QImage] | None = None) -> None:
        """Size every page for the pane's width; draw what shows (settled after a resize)."""
        self._settle.stop()
        if self._holder is None:
            return
        self.layouts += 1
        width = self._width = self.page_width()
        for page, label in enumerate(self._labels):
            label.setFixedSize(_page_size(self._holder, page, width))
        ratio = self.devicePixelRatioF()
        for page, image in enumerate(keep or []):
            if page < len(self._labels) and not image.isNull():
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                self._labels[page].setPixmap(pixmap)
                self._drawn_at[page] = image.width()
        self.draw_visible()

    def _visible_pages(self) -> list[int]:
        """The pages that reach into the scrolled view: worked out from the pages' sizes, as
        the layout places them (top to bottom, spaced), whether or not it has run yet."""
        top = self.scroll.verticalScrollBar().value()
        bottom = top + max(1, self.scroll.viewport().height())
        y = self.pages_layout.contentsMargins().top()
        shown = []
        for page, label in enumerate(self._labels):
            height = label.height()
            if y + height >= top and y <= bottom:
                shown.append(page)
            elif y > bottom:
                break
            y += height + PAGE_SPACING
        return shown or [0]

    def draw_visible(self) -> None:
        """Rasterise the pages in view that are not drawn at the current width yet."""
        if self._holder is None or self.stack.currentWidget() is not self.scroll:
            return
        ratio = self.devicePixelRatioF()
        pixels = round(self._width * ratio)
        for page in self._visible_pages():
            if page >= len(self._labels) or self._drawn_at.get(page) == pixels:
                continue
            image = render_on_white(
                self._holder.document, page, _page_size(self._holder, page, pixels)
            )
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            self._labels[page].setPixmap(pixmap)
            self._drawn_at[page] = pixels
            self.rasterised += 1

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._holder is not None and self.stack.currentWidget() is self.scroll:
            self._settle.start()  # lay out once the drag has settled

    def show_message(self, text: str) -> None:
        """A message instead of pages (nothing to show yet, or why the sheet cannot be made)."""
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.pages.setText("")
        self._settle.stop()
        if self._holder is not None:
            self._holder.deleteLater()
        self._holder = None
        self.pdf_bytes = None
