"""The words of every DeskError, as templates with a stable code, so the screen can say them
in the staff member's language.

A `Message` pairs a code that never changes ("phone.not_a_number") with an English template
that uses Python `{name}` placeholders. The raise site binds the arguments (`with_`); the
error keeps the English text for the log and the command line, and `ui/error_words.py`
translates the template with Qt and fills in the same arguments. Each template is wrapped
in `QT_TRANSLATE_NOOP("DeskError", …)` so `pyside6-lupdate` finds it: here that marker is
plain Python, because `desk/` never imports Qt.

The catalogue is split by area (`desk/messages/people.py`, `…/backup.py`, …). A code is
"<area>.<what>"; changing a template's English is fine (the translation is then marked
unfinished), changing its code or its placeholders is not.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

CONTEXT = "DeskError"  # the translation context every template is extracted under


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for `pyside6-lupdate` under `context`; returns it unchanged."""
    return text


@dataclass(frozen=True, eq=False)
class Message:
    """A code, an English template, and (once bound with `with_`) its arguments."""

    code: str
    template: str
    arguments: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    context: str = CONTEXT  # where the translation is looked up: "DeskError", "Activity"

    def with_(self, **arguments: Any) -> Message:
        """This message with its placeholders' values (a value may itself be a Message)."""
        return Message(self.code, self.template, MappingProxyType(dict(arguments)), self.context)

    @property
    def placeholders(self) -> frozenset[str]:
        return placeholders_of(self.template)

    @property
    def english(self) -> str:
        """The template filled in, in English (for the log and the command line)."""
        return self.template.format_map(
            {name: english(value) for name, value in self.arguments.items()}
        )

    def __str__(self) -> str:
        return self.english

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {dict(self.arguments)!r})"


def english(value: Any) -> Any:
    return value.english if isinstance(value, Message) else value


def placeholders_of(template: str) -> frozenset[str]:
    return frozenset(
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name is not None
    )


def untranslated(text: str) -> Message:
    """Text that is already in its final words (the command line's English, or words the
    screen translated itself): shown as given, never looked up."""
    return Message("", text.replace("{", "{{").replace("}", "}}"))


def as_message(words: Message | str) -> Message:
    return words if isinstance(words, Message) else untranslated(words)


def joined(parts: list[Message | str], separator: str) -> Message:
    """`parts` one after another with `separator` between them (", ", "; ", a new line), each
    part worded in the reader's language; the separator itself is never translated."""
    between = separator.replace("{", "{{").replace("}", "}}")
    template = between.join(f"{{p{n}}}" for n in range(len(parts)))
    return Message("", template, MappingProxyType({f"p{n}": p for n, p in enumerate(parts)}))


def in_a_list(items: list[Message | str]) -> Message | str:
    """ "a, b and c" in the reader's language (context "Lists"): days, fields, changes."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        two = QT_TRANSLATE_NOOP("Lists", "{first} and {last}")
        return Message(
            "list.two", two, MappingProxyType({"first": items[0], "last": items[1]}), "Lists"
        )
    more = QT_TRANSLATE_NOOP("Lists", "{first}, {rest}")
    rest = in_a_list(items[1:])
    return Message("list.more", more, MappingProxyType({"first": items[0], "rest": rest}), "Lists")
