"""The referral sheet as a PDF: its parts, both languages, large print, fonts, page numbers."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, time

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from desk.directory.hours_text import hours_text
from desk.directory.schedules import ScheduleRule
from desk.printing import catalogue
from desk.printing.fonts import BODY_FONT
from desk.printing.qr import qr_runs
from desk.printing.referral_sheet import render_referral_sheet
from desk.printing.renderer import HELP_LINE_KEYS
from desk.printing.sheet_content import CenterHeader, ReferralSheetContent, SheetService
from desk.printing.styles import CONTENT_WIDTH, RIGHT_MARGIN, TOP_MARGIN, stylesheet
from tests.desk.referrals.builders import (
    assert_all_text_inside_margins,
    page_count,
    pdf_text,
    word_boxes,
)

CENTER = CenterHeader(
    "Community Program for Addiction Recovery Inc.",
    ("9-11 Lincoln Square", "Worcester, MA"),
    "(774) 214-6440",
    "desk@example.org",
)


def service(number: int, **fields) -> SheetService:
    values = {
        "id": f"service-{number}",
        "name": f"Service number {number}",
        "organization": "Harbor Street Health",
        "description": "Medically monitored detox with nursing care around the clock.",
        "address_lines": ("112 Harbor Street", "Worcester, MA 01604"),
        "phones": ("(508) 555-0101",),
        "hours": "Mon–Fri 8 am–4 pm",
        "walk_ins": True,
        "eligibility": "Adults 18 and over.",
        "documents": ("Photo ID if you have one", "Insurance card"),
        "cost": "Sliding scale.",
        "insurance": "MassHealth",
        "verified_on": date(2026, 11, 3),
        "qr_url": f"https://example.org/service-{number}",
        "qr_kind": "website",
    }
    values.update(fields)
    return SheetService(**values)


def sheet(language: str = "en", **fields) -> ReferralSheetContent:
    values = {
        "language": language,
        "large_print": False,
        "center": CENTER,
        "prepared_on": date(2026, 11, 28),
        "services": tuple(service(n) for n in range(1, 4)),
        "coach_name": "Ana Ruiz",
        "coach_phone": "(508) 555-0199",
        "next_steps": "Call Harbor Street tomorrow at 8 am.",
    }
    values.update(fields)
    return ReferralSheetContent(**values)


def test_the_sheet_holds_every_part_the_person_needs() -> None:
    content = sheet(
        prepared_for="Łukasz Nguyễn Pérez",
        disclosure_notice=True,
        services=(service(1, note="Ask for Maria at intake."), service(2, qr_kind="map")),
    )
    pdf = render_referral_sheet(content)
    text = pdf_text(pdf)
    for expected in (
        "Community Program for Addiction Recovery Inc.",
        "9-11 Lincoln Square",
        "(774) 214-6440",
        "desk@example.org",
        "November 28, 2026",
        "Prepared for: Łukasz Nguyễn Pérez",
        "Your recovery coach: Ana Ruiz",
        "(508) 555-0199",
        "Service number 1",
        "Medically monitored detox",
        "112 Harbor Street, Worcester, MA 01604",
        "Mon–Fri 8 am–4 pm. Walk-ins welcome.",
        "Who it is for: Adults 18 and over.",
        "What to bring: Photo ID if you have one; Insurance card",
        "Insurance: MassHealth",
        "Details checked: Nov 3, 2026",
        "Scan for the website",
        "Scan for a map",
        "Note from us: Ask for Maria at intake.",
        "Next steps",
        "Call Harbor Street tomorrow at 8 am.",
        "988 Suicide & Crisis Lifeline",
        "Massachusetts Substance Use Helpline: (800) 327-5050",
        f"Page 1 of {page_count(pdf)}",
        "42 CFR §2.32",
        "is protected by Federal confidentiality rules (42 CFR part 2)",
    ):
        assert expected in text, expected
    reader = PdfReader(io.BytesIO(pdf))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (float(width), float(height)) == (612.0, 792.0)  # US Letter
    assert_all_text_inside_margins(pdf)


# Real schedule rows, as the directory keeps them: weekdays 8 to 4, Saturday mornings.
WEEKDAYS_AND_SATURDAY = tuple(
    ScheduleRule.from_fields(row)
    for row in (
        {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": time(8), "closes_at": time(16)},
        {"freq": "WEEKLY", "byday": "SA", "opens_at": time(9), "closes_at": time(13)},
    )
)


def test_the_spanish_sheet_translates_every_fixed_string() -> None:
    spanish_hours = hours_text(WEEKDAYS_AND_SATURDAY, "es")
    content = sheet(
        "es",
        prepared_for="María",
        disclosure_notice=True,
        services=tuple(service(n, hours=spanish_hours) for n in range(1, 4)),
    )
    pdf = render_referral_sheet(content)
    text = pdf_text(pdf)
    for expected in (
        "Sus referidos",
        "28 de noviembre de 2026",
        "Preparado para: María",
        "Su coach de recuperación",
        "Dirección:",
        "Teléfono:",
        "Horario: lun–vie 8 a. m.–4 p. m.; sáb 9 a. m.–1 p. m. Se atiende sin cita.",
        "Para quién es:",
        "Qué traer:",
        "Seguro médico:",
        "Datos verificados: 3 nov 2026",
        "Próximos pasos",
        "Línea de Prevención del Suicidio y Crisis 988",
        "Línea de Ayuda para el Uso de Sustancias de Massachusetts",
        f"Página 1 de {page_count(pdf)}",
        "Aviso para quien recibe esta información",
    ):
        assert expected in text, expected
    for english in ("Your referrals", "What to bring", "Page 1", "Need help now", "Mon–", "4 pm"):
        assert english not in text, english


def test_no_name_and_no_notice_unless_the_sheet_names_the_person() -> None:
    text = pdf_text(render_referral_sheet(sheet(coach_name=None, coach_phone=None)))
    assert "Prepared for" not in text
    assert "42 CFR" not in text
    assert "Questions? Call us at (774) 214-6440." in text


def test_large_print_is_larger_and_still_fits() -> None:
    content = sheet(services=tuple(service(n) for n in range(1, 6)))
    normal = render_referral_sheet(content)
    large = render_referral_sheet(replace(content, large_print=True))
    assert page_count(large) > page_count(normal)
    assert stylesheet(True).body.fontSize >= 16
    assert_all_text_inside_margins(large)
    text = pdf_text(large)
    assert f"Page 1 of {page_count(large)}" in text


def test_the_same_content_gives_the_same_bytes() -> None:
    content = sheet()
    assert render_referral_sheet(content) == render_referral_sheet(content)
    again = ReferralSheetContent.from_json(content.to_json())
    assert again == content
    assert render_referral_sheet(again) == render_referral_sheet(content)


def test_typed_markup_prints_as_typed() -> None:
    content = sheet(
        next_steps="Bring <b>both</b> forms & your ID\nThen call back",
        services=(service(1, name="Tom & Jerry's <Place>", note="a < b > c & d"),),
    )
    text = pdf_text(render_referral_sheet(content))
    assert "Bring <b>both</b> forms & your ID" in text
    assert "Tom & Jerry's <Place>" in text
    assert "a < b > c & d" in text


def test_names_in_every_script_print_with_the_bundled_fonts() -> None:
    content = sheet(
        prepared_for="Łukasz Nguyễn Pérez",
        services=(
            service(1, name="Trung tâm Hỗ trợ Phục hồi Nguyễn Văn Đức"),
            service(2, name="مركز التعافي Recovery Center"),
            service(3, name="康复中心 Center"),
        ),
    )
    pdf = render_referral_sheet(content)
    resources = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    fonts = {str(font.get_object()["/BaseFont"]) for font in resources.values()}
    text = pdf_text(pdf)
    assert "Łukasz Nguyễn Pérez" in text
    assert "Trung tâm Hỗ trợ Phục hồi Nguyễn Văn Đức" in text
    assert "Recovery Center" in text
    # No bundled font has Chinese glyphs: spelled in Latin letters rather than blank boxes.
    assert "Kang Fu Zhong Xin" in text.replace("KangFuZhongXin", "Kang Fu Zhong Xin")
    assert {name.split("+")[-1] for name in fonts} == {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansArabic-Regular",
    }, fonts  # every glyph from the bundled fonts, none from a standard PDF font
    assert_all_text_inside_margins(pdf)


def test_help_lines_fit_the_page_in_both_languages_and_sizes() -> None:
    for language in catalogue.LANGUAGES:
        for large in (False, True):
            size = stylesheet(large).footer_size
            widest = max(
                stringWidth(catalogue.text(key, language), BODY_FONT, size)
                for key in HELP_LINE_KEYS
            )
            # The renderer shrinks a line that would not fit; none needs more than a little.
            assert widest * 0.9 <= CONTENT_WIDTH, (language, large)


def test_qr_codes_encode_the_address_and_are_drawn_as_filled_runs() -> None:
    modules, runs = qr_runs("https://example.org/service-1")
    assert modules >= 21 and runs
    pdf = render_referral_sheet(sheet())
    assert pdf.count(b"/Subtype /Image") == 0  # vector, crisp at any printer resolution


def test_page_numbers_count_every_page() -> None:
    content = sheet(services=tuple(service(n) for n in range(1, 13)))
    pdf = render_referral_sheet(content)
    pages = page_count(pdf)
    assert pages >= 3
    text = pdf_text(pdf)
    assert all(f"Page {n} of {pages}" in text for n in range(1, pages + 1))
    assert re.search(r"Your referrals\s+·\s+November 28, 2026", text)  # later pages' header


LONG_CENTER_NAME = (
    "Centro Comunitario de Recuperación y Apoyo entre Pares del Condado de Worcester para "
    "Personas y Familias Afectadas por el Uso de Sustancias, Programa de Acompañamiento "
    "Integral Nuestra Señora de la Esperanza"
)


def test_a_200_character_center_name_keeps_the_spanish_large_print_pages_tidy() -> None:
    assert len(LONG_CENTER_NAME) >= 200
    center = replace(CENTER, name=LONG_CENTER_NAME)
    content = sheet(
        "es",
        large_print=True,
        center=center,
        services=tuple(service(n) for n in range(1, 7)),
    )
    pdf = render_referral_sheet(content)
    pages = page_count(pdf)
    assert pages >= 3
    assert_all_text_inside_margins(pdf)  # the QR captions ("Escanee: sitio web") included
    boxes = word_boxes(pdf)
    for page in range(2, pages + 1):
        header = [b for b in boxes if b.page == page and b.y_min < TOP_MARGIN - 2]
        assert header, page
        # One line, wholly above the content, ending in the title and date.
        assert max(b.y_max for b in header) - min(b.y_min for b in header) < 14, page
        assert max(b.y_max for b in header) <= TOP_MARGIN, page
        line = " ".join(b.word for b in sorted(header, key=lambda b: b.x_min))
        assert "…" in line and line.endswith("Sus referidos · 28 de noviembre de 2026"), line
    for page in range(1, pages + 1):
        captions = [b for b in boxes if b.page == page and b.word.startswith(("Escanee", "sitio"))]
        assert all(b.x_max <= b.page_width - RIGHT_MARGIN + 0.5 for b in captions)
