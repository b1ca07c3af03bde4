"""Text stays readable: every text colour in the style sheets (the usual one and the high-
contrast theme) against its background, and the palette's text roles, meet WCAG 2.2 AA,
4.5:1. Disabled controls are exempt, as WCAG exempts inactive components."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette

from desk.paths import resources_dir
from ui import look
from ui.state_colours import State, colours, dark_theme, state_colour

AA = 4.5
RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_formula_matches_wcag() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


def _pairs(sheet: str, page: QColor, ink: QColor) -> list[tuple[str, QColor, QColor]]:
    """(selector, text, background) for each rule that sets a colour: a rule with only a text
    colour is read on the sheet's page colour; a rule with only a background that is the
    page's kind (light on a light sheet, dark on a dark one) carries the sheet's ink. Other
    backgrounds alone are containers whose labels set their own colours (checked as such),
    and tick-box indicators carry no text."""
    found = []
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    for selector, body in RULE.findall(sheet):
        selector = " ".join(selector.split())
        if ":disabled" in selector or "::indicator" in selector:
            continue
        props = dict(
            (key.strip(), value.strip())
            for key, value in (p.split(":", 1) for p in body.split(";") if ":" in p)
        )
        for text_key, back_key in (
            ("color", "background"),
            ("selection-color", "selection-background-color"),
        ):
            text, back = props.get(text_key), props.get(back_key)
            if text is None and back is None:
                continue
            if (text or "").startswith("palette(") or (back or "").startswith("palette("):
                continue  # the palette's own pairs are checked below
            if back is not None and not QColor.isValidColorName(back.split()[0]):
                continue
            if text is None and (luminance(QColor(back.split()[0])) > 0.4) != (
                luminance(page) > 0.4
            ):
                continue  # a container: its labels set their own colours
            text_color = QColor(text) if text else ink
            back_color = QColor(back.split()[0]) if back else page
            found.append((selector, text_color, back_color))
    return found


@pytest.mark.parametrize("high_contrast", [False, True], ids=["usual", "high-contrast"])
def test_every_text_colour_of_the_style_sheets_meets_aa(high_contrast: bool) -> None:
    usual = (resources_dir() / "style.qss").read_text(encoding="utf-8")
    theme = (resources_dir() / "high-contrast.qss").read_text(encoding="utf-8")
    if high_contrast:
        pairs = _pairs(theme, QColor("#000000"), QColor("#ffffff"))
    else:
        pairs = _pairs(usual, QColor("#ffffff"), QColor("#000000"))
    assert len(pairs) > 10
    weak = [
        f"{selector}: {text.name()} on {back.name()} is {contrast(text, back):.2f}:1"
        for selector, text, back in pairs
        if contrast(text, back) < AA
    ]
    assert weak == []


@pytest.mark.parametrize("high_contrast", [False, True], ids=["usual", "high-contrast"])
def test_the_palettes_text_roles_meet_aa(qapp, high_contrast: bool) -> None:
    palette = look.palette(high_contrast=high_contrast)
    roles = (
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
        (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    )
    weak = [
        f"{text.name}: {contrast(palette.color(text), palette.color(back)):.2f}:1"
        for text, back in roles
        if contrast(palette.color(text), palette.color(back)) < AA
    ]
    assert weak == []


@pytest.mark.parametrize("dark", [False, True], ids=["usual", "high-contrast"])
def test_the_colours_that_mark_a_rows_state_meet_aa(dark: bool) -> None:
    background = QColor("#000000" if dark else "#ffffff")
    ink = QColor("#ffffff" if dark else "#000000")
    weak = []
    for state, colour in colours(dark=dark).items():
        text, back = (ink, colour) if state is State.DUE_ROW else (colour, background)
        if contrast(text, back) < AA:
            weak.append(f"{state.value}: {contrast(text, back):.2f}:1")
    assert weak == []


def test_a_high_contrast_palette_gives_the_dark_state_colours(qapp) -> None:
    usual = qapp.palette()
    try:
        qapp.setPalette(look.palette(high_contrast=True))
        assert dark_theme()
        assert state_colour(State.OVERDUE) == colours(dark=True)[State.OVERDUE]
    finally:
        qapp.setPalette(usual)
    assert not dark_theme()
