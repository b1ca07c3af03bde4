"""Keyboard keys for every action on a page, shown where the action is and in the cheat sheet.

Why one helper: at rush hour staff keep their hands on the keyboard. A key bound here is a
shortcut of the page (active while the page is shown), it appears in the tooltip of the
button it presses (or in its label), and the cheat sheet (F1) lists it for the page. A key
that presses a button presses it only when the button could be clicked: enabled and shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

_REGISTRY = "_page_keys"
_KEY_PROPERTY = "shortcutKeys"


@dataclass(frozen=True)
class Key:
    keys: str  # as shown: "Ctrl+O"
    what: str  # what it does, in a few words


def key_text(keys: str) -> str:
    """The keys as the screen shows them ("Ctrl+Return" → "Ctrl+Enter")."""
    shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return shown.replace("Return", "Enter")


def keys_of(page: QWidget) -> list[Key]:
    """The keys bound on `page` and on the widgets inside it that are shown (a tab not open
    has its keys asleep), in the order they were bound."""
    found: list[Key] = list(getattr(page, _REGISTRY, []))
    for child in page.findChildren(QWidget):
        if child.isVisibleTo(page):
            found.extend(getattr(child, _REGISTRY, []))
    unique: dict[tuple[str, str], Key] = {}
    for key in found:
        unique.setdefault((key.keys, key.what), key)
    return list(unique.values())


def note_key(host: QWidget, keys: str, what: str) -> None:
    """List a key that `host` handles itself (a table's Delete, the box's Enter)."""
    registry = getattr(host, _REGISTRY, None)
    if registry is None:
        registry = []
        setattr(host, _REGISTRY, registry)
    registry.append(Key(key_text(keys), what))


def show_key_on(button: QAbstractButton, keys: str) -> None:
    """Put the key in the button's tooltip (its label is kept as it is)."""
    shown = key_text(keys)
    button.setProperty(_KEY_PROPERTY, shown)
    if f"({shown})" in button.text() or f"({shown})" in button.toolTip():
        return
    tip = button.toolTip() or button.text().replace("&", "")
    button.setToolTip(f"{tip} ({shown})")


def set_tip(button: QAbstractButton, text: str) -> None:
    """A new tooltip for a button, still showing its key ("For admins (Ctrl+Shift+N)")."""
    shown = button.property(_KEY_PROPERTY)
    if not shown:
        button.setToolTip(text)
        return
    base = text or button.text().replace("&", "")
    button.setToolTip(f"{base} ({shown})")


def bind_key(
    host: QWidget,
    keys: str,
    what: str,
    target: QAbstractButton | Callable[[], object],
    *,
    also_on: tuple[QAbstractButton, ...] = (),
) -> QShortcut:
    """`keys` anywhere in `host`'s window, while `host` is shown, presses `target` (a button,
    when it could be clicked) or calls it; the key is shown on the button(s) and listed."""
    shortcut = QShortcut(QKeySequence(keys), host)
    if isinstance(target, QAbstractButton):
        button = target

        def press() -> None:
            if button.isEnabled() and button.isVisibleTo(host):
                button.click()

        shortcut.activated.connect(press)
        show_key_on(button, keys)
    else:
        shortcut.activated.connect(target)
    for other in also_on:
        show_key_on(other, keys)
    note_key(host, keys, what)
    return shortcut
