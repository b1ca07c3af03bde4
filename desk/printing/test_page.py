"""A one-page PDF that proves the fonts and the PDF engine work (used by `self-check`)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate

from desk.printing.fonts import BODY_FONT, BOLD_FONT, glyphs_missing, register_fonts

SAMPLE_NAMES = "Łukasz Nowak · Nguyễn Văn An · María Pérez · Seán O'Brien"


def render_test_page(center_name: str) -> bytes:
    register_fonts()
    missing = glyphs_missing(SAMPLE_NAMES)
    if missing:
        raise RuntimeError(f"the bundled font lacks: {''.join(sorted(missing))}")
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title="Recovery Desk self-check",
        leftMargin=inch,
        rightMargin=inch,
        topMargin=inch,
        bottomMargin=inch,
    )
    title = ParagraphStyle("title", fontName=BOLD_FONT, fontSize=18, leading=22)
    body = ParagraphStyle("body", fontName=BODY_FONT, fontSize=12, leading=16)
    document.build(
        [
            Paragraph(escape(center_name), title),
            Paragraph("Recovery Desk printing check", body),
            Paragraph(escape(SAMPLE_NAMES), body),
        ]
    )
    return buffer.getvalue()
