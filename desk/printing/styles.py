"""Page size, margins, colours and the one stylesheet every handout uses, in two sizes.

Large print follows the usual guidance for readers with low vision: body text of at least
16 points, generous leading, bold headings and no light grey text.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import TableStyle

from desk.printing.fonts import BODY_FONT, BOLD_FONT

PAGE_SIZE = LETTER
LEFT_MARGIN = RIGHT_MARGIN = 0.6 * inch
TOP_MARGIN = 0.7 * inch
RUNNING_HEADER_TOP = 0.32 * inch  # from the top edge, on the second and later pages
BOTTOM_MARGIN = 0.4 * inch  # below the footer
CONTENT_WIDTH = PAGE_SIZE[0] - LEFT_MARGIN - RIGHT_MARGIN

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#4a5360")
ACCENT = colors.HexColor("#1f5c8a")  # the center's blue, also readable in greyscale
RULE = colors.HexColor("#b8c4d0")
NOTE_FILL = colors.HexColor("#fff6d6")
BAND_FILL = colors.HexColor("#eaf1f7")


@dataclass(frozen=True)
class Stylesheet:
    """Paragraph styles and sizes for one print size."""

    large: bool
    snug: bool
    body: ParagraphStyle
    fields: ParagraphStyle  # a service's details, one per line
    small: ParagraphStyle
    running: ParagraphStyle  # the line at the top of later pages
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    center_name: ParagraphStyle
    center_details: ParagraphStyle
    note: ParagraphStyle
    notice: ParagraphStyle
    qr_caption: ParagraphStyle
    help_line: ParagraphStyle  # the help lines at the foot of every page: as big as the body
    qr_size: float
    footer_size: float
    space: float  # vertical space between blocks


def _style(name: str, size: float, leading: float, **extra) -> ParagraphStyle:
    values = {"fontName": BODY_FONT, "textColor": INK, "alignment": TA_LEFT, **extra}
    return ParagraphStyle(name, fontSize=size, leading=leading, **values)


def stylesheet(large_print: bool = False, *, snug: bool = False) -> Stylesheet:
    """The styles for normal or large print. `snug` sets the same sizes closer together
    (less leading, smaller gaps): a renderer tries it when that would save a
    page (renderer.py), so that services are kept whole and pages still filled."""
    scale = 1.6 if large_print else 1.0
    body = 10 * scale
    close = 0.9 if snug else 1.0  # line spacing
    gap = 0.5 if snug else 1.0  # space between blocks
    return Stylesheet(
        large=large_print,
        snug=snug,
        body=_style("body", body, body * 1.3 * close, spaceAfter=1.5 * scale * gap),
        fields=_style(
            "fields", body, body * (1.32 if large_print else 1.38) * close, spaceAfter=scale * gap
        ),
        small=_style("small", 8.5 * scale, 8.5 * scale * 1.3, textColor=MUTED),
        running=_style(
            "running", 10 if large_print else 8, 12 if large_print else 10, textColor=MUTED
        ),
        title=_style("title", 19 * scale, 23 * scale, fontName=BOLD_FONT, textColor=ACCENT),
        heading=_style(
            "heading", 12.5 * scale, 15.5 * scale, fontName=BOLD_FONT, spaceBefore=2 * scale * gap
        ),
        subheading=_style(
            "subheading", body, body * 1.3 * close, textColor=MUTED, spaceAfter=2 * scale * gap
        ),
        center_name=_style(
            "center_name", 13 * scale, 16 * scale, fontName=BOLD_FONT, textColor=ACCENT
        ),
        center_details=_style(
            "center_details", 8.5 * scale, 11 * scale, textColor=MUTED, alignment=TA_RIGHT
        ),
        note=_style("note", body, body * 1.3),
        notice=_style("notice", 7.5 * scale, 9.5 * scale, textColor=MUTED),
        qr_caption=_style(
            "qr_caption",
            7 * scale,
            8.5 * scale,
            textColor=MUTED,
            alignment=1,  # centred
        ),
        # As big as the body; in large print 14 pt, where at 16 every line would wrap in two
        # and the help lines take a fifth of each page from the services.
        help_line=_style(
            "help_line", 14 if large_print else body, (14 if large_print else body) * 1.22
        ),
        qr_size=(1.05 if large_print else 0.95) * inch,  # as big when snug: still scanned
        footer_size=11 if large_print else 8,
        space=6 * scale * gap,
    )


def table_style(*commands: tuple) -> TableStyle:
    """A TableStyle whose cells default to the bundled font (ReportLab's default is Helvetica,
    which would otherwise be named in every page's resources)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), BODY_FONT), *commands])
