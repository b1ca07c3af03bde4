"""One service as printed on a referral sheet or a handout: heading, details, QR code, note.

The details flow beside the QR code and may continue on the next page, so a long
description or a long list of documents never runs off the page or clips.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from desk.directory.hours_text import date_text
from desk.printing.beside import BesideItem
from desk.printing.markup import inline
from desk.printing.qr import QrCode
from desk.printing.sheet_content import SheetService
from desk.printing.styles import ACCENT, NOTE_FILL, RULE, Stylesheet

Translate = Callable[..., str]


def _field(label: str, value_markup: str) -> str:
    return f"<b>{label}:</b> {value_markup}"


def service_details(
    service: SheetService, t: Translate, styles: Stylesheet, language: str, *, compact: bool
) -> list[Flowable]:
    """The lines about one service that a person needs to get there, in reading order.

    The fields share one paragraph, a line each: one paragraph parses and lays out several
    times faster than a dozen small ones, and still splits between lines across pages.
    A compact block (a handout's list) leaves out the description, directions, documents,
    languages and how to get in, which the referral sheet carries in full.
    """
    fields: list[str] = []
    if service.alert:
        fields.append(_field(t("service.alert"), inline(service.alert)))
    if service.address_lines:
        fields.append(_field(t("service.address"), inline(", ".join(service.address_lines))))
    else:
        fields.append(f"<b>{t('service.no_address')}</b>")
    if service.getting_there and not compact:
        fields.append(_field(t("service.getting_there"), inline(service.getting_there)))
    if service.phones:
        fields.append(_field(t("service.phone"), inline("  ·  ".join(service.phones))))
    else:
        fields.append(f"<b>{t('service.no_phone')}</b>")
    hours = inline(service.hours)
    if service.walk_ins:
        joiner = " " if service.hours.rstrip().endswith((".", "!", "?")) else ". "
        hours = f"{hours}{joiner}{t('service.walk_ins')}"
    fields.append(_field(t("service.hours"), hours))
    if service.eligibility:
        fields.append(_field(t("service.eligibility"), inline(service.eligibility)))
    if service.how_to_apply and not compact:
        fields.append(_field(t("service.how_to_apply"), inline(service.how_to_apply)))
    if service.documents and not compact:
        fields.append(_field(t("service.bring"), inline("; ".join(service.documents))))
    cost_parts = []
    free_word = t("service.free").rstrip(".").casefold()
    if service.free and not service.cost.casefold().startswith(free_word):
        cost_parts.append(t("service.free"))
    if service.cost:
        cost_parts.append(inline(service.cost))
    if cost_parts:
        fields.append(_field(t("service.cost"), " ".join(cost_parts)))
    if service.insurance:
        fields.append(_field(t("service.insurance"), inline(service.insurance)))
    if service.languages and not compact:
        fields.append(_field(t("service.languages"), inline(service.languages)))
    small: list[str] = []
    if service.qr_kind == "website" and service.qr_url and not compact:
        small.append(_field(t("service.website"), inline(service.qr_url)))
    if service.verified_on is None:
        small.append(t("service.never_verified"))
    elif service.stale:  # flagged as the Resources page flags it: call before going
        when = inline(date_text(service.verified_on, language))
        small.append(
            f'<font color="{ACCENT.hexval()}"><b>{t("service.stale", date=when)}</b></font>'
        )
    else:
        small.append(f"{t('service.verified')}: {inline(date_text(service.verified_on, language))}")
    if service.is_sample:
        small.append(f"<i>{t('service.sample')}</i>")
    lines: list[Flowable] = []
    if service.description and not compact:
        lines.append(Paragraph(inline(service.description), styles.body))
    lines.append(Paragraph("<br/>".join(fields), styles.fields))
    # The website, when it was checked and the sample note share lines: a sheet of three
    # services then fits one page more often (see styles.py on filling pages).
    lines.append(Paragraph("  ·  ".join(small), styles.small))
    return lines


def staff_note(service: SheetService, t: Translate, styles: Stylesheet) -> Paragraph | None:
    if not service.note.strip():
        return None
    style = ParagraphStyle(
        "staff_note",
        parent=styles.note,
        backColor=NOTE_FILL,
        borderColor=RULE,
        borderWidth=0.5,
        borderPadding=(4, 5, 4, 5),
        spaceBefore=6,
        spaceAfter=4,
        leftIndent=5,
        rightIndent=5,
    )
    return Paragraph(f"<b>{t('sheet.staff_note')}:</b> {inline(service.note)}", style)


def service_block(
    number: int | None,
    service: SheetService,
    t: Translate,
    styles: Stylesheet,
    language: str,
    *,
    compact: bool = False,
) -> Flowable:
    """The whole block, kept on one page when it fits on one."""
    prefix = f'<font color="{ACCENT.hexval()}">{number}.</font> ' if number is not None else ""
    heading = Paragraph(f"{prefix}{inline(service.name)}", styles.heading)
    parts: list[Flowable] = [heading]
    if service.organization and service.organization.strip() != service.name.strip():
        parts.append(Paragraph(inline(service.organization), styles.subheading))
    details = service_details(service, t, styles, language, compact=compact)
    if service.qr_url and service.qr_kind:
        caption_key = "service.qr_website" if service.qr_kind == "website" else "service.qr_map"
        code = QrCode(service.qr_url, styles.qr_size, Paragraph(t(caption_key), styles.qr_caption))
        parts.append(BesideItem(details, code, gap=12, item_width=styles.qr_size))
    else:
        parts.append(BesideItem(details, None, gap=0, item_width=0))
    note = staff_note(service, t, styles)
    if note is not None:
        parts.append(note)
    return KeepTogether(parts)
