"""The bundled Unicode fonts (Noto Sans, OFL), registered with ReportLab once per process.

Noto Sans covers Latin with every accent (Łukasz, Nguyễn, Pérez, Seán), Greek and Cyrillic;
Noto Sans Arabic covers Arabic script, which is shaped and ordered before it is drawn.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desk.paths import fonts_dir

BODY_FONT = "NotoSans"
BOLD_FONT = "NotoSans-Bold"
ITALIC_FONT = "NotoSans-Italic"
BOLD_ITALIC_FONT = "NotoSans-BoldItalic"
ARABIC_FONT = "NotoSansArabic"
ARABIC_BOLD_FONT = "NotoSansArabic-Bold"

_FILES = {
    BODY_FONT: "NotoSans-Regular.ttf",
    BOLD_FONT: "NotoSans-Bold.ttf",
    ITALIC_FONT: "NotoSans-Italic.ttf",
    BOLD_ITALIC_FONT: "NotoSans-BoldItalic.ttf",
    ARABIC_FONT: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD_FONT: "NotoSansArabic-Bold.ttf",
}
_lock = threading.Lock()
_registered = False


class FontsMissing(RuntimeError):
    pass


def font_files() -> dict[str, Path]:
    return {name: fonts_dir() / filename for name, filename in _FILES.items()}


def register_fonts() -> None:
    """Register the bundled fonts and the NotoSans family (bold and italic in Paragraph markup)."""
    global _registered
    with _lock:
        if _registered:
            return
        missing = [str(path) for path in font_files().values() if not path.is_file()]
        if missing:
            raise FontsMissing(f"bundled fonts are missing: {', '.join(missing)}")
        for name, path in font_files().items():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            BODY_FONT,
            normal=BODY_FONT,
            bold=BOLD_FONT,
            italic=ITALIC_FONT,
            boldItalic=BOLD_ITALIC_FONT,
        )
        addMapping(ARABIC_FONT, 0, 0, ARABIC_FONT)
        addMapping(ARABIC_FONT, 1, 0, ARABIC_BOLD_FONT)
        addMapping(ARABIC_FONT, 0, 1, ARABIC_FONT)
        addMapping(ARABIC_FONT, 1, 1, ARABIC_BOLD_FONT)
        _registered = True


def glyphs_missing(text: str, font_name: str = BODY_FONT) -> set[str]:
    """Characters of `text` the font has no glyph for (spaces and controls never count)."""
    register_fonts()
    face = pdfmetrics.getFont(font_name).face
    widths = face.charWidths
    return {ch for ch in text if not ch.isspace() and ord(ch) not in widths}
