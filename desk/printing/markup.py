"""Text typed by people, made safe and printable for a ReportLab Paragraph.

Paragraphs read a small XML markup, so every character of user text is escaped first
(`Tom & Jerry <3` must print as typed). Arabic script is shaped (letters joined as they are
written) and put in right-to-left order, then set in Noto Sans Arabic; a character that no
bundled font has (Chinese, say) is spelled in Latin letters rather than printed as a box.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.sax.saxutils import escape

import arabic_reshaper
from anyascii import anyascii
from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics

from desk.printing.fonts import ARABIC_FONT, BODY_FONT, register_fonts

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# A run of Arabic letters, with the spaces and punctuation between its words.
_ARABIC_RUN = re.compile(f"[{_ARABIC}](?:[{_ARABIC}\\s\\d.,،؛:()\\-]*[{_ARABIC}])?")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=4)
def _glyphs(font_name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charWidths)


def _latin_fallback(text: str) -> str:
    known = _glyphs(BODY_FONT)
    if known.issuperset(map(ord, text)):  # the usual case, checked at C speed
        return text
    return "".join(ch if ord(ch) in known or ch.isspace() else anyascii(ch) or "?" for ch in text)


def _arabic(run: str) -> str:
    shaped = get_display(arabic_reshaper.reshape(run))
    return f'<font name="{ARABIC_FONT}">{escape(shaped)}</font>'


def inline(value: object) -> str:
    """One piece of user text as Paragraph markup: escaped, shaped, every glyph printable.

    Line breaks become <br/>, so what was typed on several lines prints on several lines.
    """
    raw = _CONTROL.sub("", str(value or "")).replace("\r\n", "\n").replace("\r", "\n")
    parts: list[str] = []
    position = 0
    for match in _ARABIC_RUN.finditer(raw):
        parts.append(escape(_latin_fallback(raw[position : match.start()])))
        parts.append(_arabic(match.group()))
        position = match.end()
    parts.append(escape(_latin_fallback(raw[position:])))
    return "".join(parts).replace("\n", "<br/>")
