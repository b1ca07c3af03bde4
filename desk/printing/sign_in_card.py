"""A person's sign-in card: a wallet card and a key tag on one page, to cut out.

Both carry the center's name and phone and the card's token as a Code 128 barcode (what every
USB scanner reads); the wallet card has a QR code of it too, for 2D scanners and phones. The
person's first name is printed only when they asked for it; no other name, no record number,
and nothing in the PDF's properties names them.

Sizes: the wallet card is ID-1 (3.375 × 2.125 in, a credit card); the key tag 2.75 × 1.1 in.
The barcodes keep at least 0.3 mm bars and a quiet zone of ten bars on each side, which a
plain laser or inkjet printer and a cheap scanner both manage.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import inch, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desk.printing import catalogue
from desk.printing.fonts import BODY_FONT, BOLD_FONT, register_fonts
from desk.printing.qr import qr_operators
from desk.printing.styles import ACCENT, INK, MUTED, PAGE_SIZE, RULE

WALLET = (3.375 * inch, 2.125 * inch)
KEY_TAG = (2.75 * inch, 1.1 * inch)
PAD = 0.12 * inch
SMALLEST_BAR = 0.3 * mm
QUIET_BARS = 10


@dataclass(frozen=True)
class CardContent:
    token: str
    center_name: str
    center_phone: str
    language: str = "en"
    first_name: str | None = None  # only if the person chose to have it printed


def _fit(text: str, font: str, size: float, width: float, smallest: float = 5.5) -> float:
    """The largest size up to `size` at which `text` fits `width` (never below `smallest`)."""
    fitting = size
    while fitting > smallest and stringWidth(text, font, fitting) > width:
        fitting -= 0.25
    return fitting


def _shorten(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _barcode(canvas: Canvas, token: str, x: float, y: float, width: float, height: float) -> None:
    """Code 128 of `token`, as wide as `width` allows, bars never thinner than SMALLEST_BAR."""
    probe = Code128(token, barWidth=1, barHeight=height, quiet=False)
    modules = probe.width + 2 * QUIET_BARS
    bar = max(SMALLEST_BAR, width / modules)
    code = Code128(
        token,
        barWidth=bar,
        barHeight=height,
        quiet=True,
        lquiet=QUIET_BARS * bar,
        rquiet=QUIET_BARS * bar,
        humanReadable=False,
    )
    code.drawOn(canvas, x + (width - code.width) / 2, y)


def _outline(canvas: Canvas, x: float, y: float, size: tuple[float, float]) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.setDash(3, 2)
    canvas.roundRect(x, y, size[0], size[1], 0.12 * inch, stroke=1, fill=0)
    canvas.restoreState()


def _header(canvas: Canvas, content: CardContent, x: float, top: float, width: float, size: float):
    """The center's name (bold, shrunk or shortened to fit) and its phone under it."""
    name_size = _fit(content.center_name, BOLD_FONT, size, width)
    name = _shorten(content.center_name, BOLD_FONT, name_size, width)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD_FONT, name_size)
    canvas.drawString(x, top - name_size, name)
    canvas.setFillColor(INK)
    canvas.setFont(BODY_FONT, size * 0.9)
    canvas.drawString(x, top - name_size - size * 1.1, content.center_phone)
    return top - name_size - size * 1.4


def _wallet_card(canvas: Canvas, content: CardContent, x: float, y: float) -> None:
    width, height = WALLET
    _outline(canvas, x, y, WALLET)
    t = lambda key: catalogue.text(key, content.language)  # noqa: E731
    qr = 0.95 * inch
    inner = x + PAD
    text_width = width - 2 * PAD - qr - 0.08 * inch
    below = _header(canvas, content, inner, y + height - PAD, text_width, 8.5)
    canvas.setFillColor(INK)
    canvas.setFont(BODY_FONT, 7.5)
    canvas.drawString(inner, below - 9, _shorten(t("card.title"), BODY_FONT, 7.5, text_width))
    if content.first_name:
        size = _fit(content.first_name, BOLD_FONT, 15, text_width, 9)
        canvas.setFont(BOLD_FONT, size)
        canvas.drawString(
            inner, below - 11 - size, _shorten(content.first_name, BOLD_FONT, size, text_width)
        )
    canvas.saveState()
    canvas.translate(x + width - PAD - qr, y + height - PAD - qr)
    canvas.addLiteral(qr_operators(content.token, round(qr, 3)))
    canvas.restoreState()
    bar_height = 0.42 * inch
    bar_y = y + PAD + 9
    _barcode(canvas, content.token, inner, bar_y, width - 2 * PAD, bar_height)
    canvas.setFillColor(MUTED)
    canvas.setFont(BODY_FONT, 6)
    line = f"{t('card.use')} {t('card.lost')}"
    canvas.drawString(inner, y + PAD, _shorten(line, BODY_FONT, 6, width - 2 * PAD))


def _key_tag(canvas: Canvas, content: CardContent, x: float, y: float) -> None:
    width, height = KEY_TAG
    _outline(canvas, x, y, KEY_TAG)
    hole = 0.09 * inch
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.circle(x + PAD + hole, y + height / 2, hole, stroke=1, fill=0)
    canvas.restoreState()
    inner = x + PAD + 2 * hole + 0.08 * inch
    usable = x + width - PAD - inner
    label = content.center_name
    if content.first_name:
        label = f"{content.first_name} · {content.center_name}"
    size = _fit(label, BOLD_FONT, 7, usable)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD_FONT, size)
    canvas.drawString(inner, y + height - PAD - size, _shorten(label, BOLD_FONT, size, usable))
    canvas.setFillColor(INK)
    canvas.setFont(BODY_FONT, 6.5)
    canvas.drawString(inner, y + height - PAD - size - 8, content.center_phone)
    _barcode(canvas, content.token, inner, y + PAD, usable, 0.4 * inch)


def render_sign_in_card(content: CardContent) -> bytes:
    """The page with both cards, as PDF bytes (the same bytes for the same content)."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE_SIZE, invariant=1, initialFontName=BODY_FONT)
    canvas.setTitle(catalogue.text("card.title", content.language))
    canvas.setAuthor(content.center_name)
    canvas.setCreator("Recovery Desk")
    left, top = 0.9 * inch, PAGE_SIZE[1] - 0.9 * inch
    canvas.setFillColor(INK)
    canvas.setFont(BOLD_FONT, 14)
    canvas.drawString(left, top, catalogue.text("card.page_title", content.language))
    canvas.setFont(BODY_FONT, 9.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(left, top - 16, catalogue.text("card.cut", content.language))
    canvas.drawString(left, top - 29, catalogue.text("card.keep", content.language))
    _wallet_card(canvas, content, left, top - 50 - WALLET[1])
    _key_tag(canvas, content, left + WALLET[0] + 0.35 * inch, top - 50 - KEY_TAG[1])
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
