"""A DeskError in the staff member's language.

`desk/` raises errors with a `Message` (a stable code, an English template, its arguments);
here each template is looked up with Qt's translator under the "DeskError" context and filled
in with the same arguments. A template whose translation is missing or does not fit its
arguments falls back to English, so a slip in a translation never hides an error.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from desk.errors import DeskError
from desk.messages import Message

if TYPE_CHECKING:  # the start's sign-in box words errors: it needs no import report
    from desk.hsds.report import ImportReport

logger = logging.getLogger(__name__)


def worded(error: DeskError) -> tuple[str, str]:
    """The error's message and hint, translated; a ValidationError names all its problems."""
    problems = [error.wording, *(problem.wording for problem in getattr(error, "also", ()))]
    message = " ".join(word(problem) for problem in problems)
    hint = word(error.hint_wording) if error.hint_wording is not None else ""
    return message, hint


def in_words(error: DeskError, *, between: str = " ") -> str:
    """Message and hint on one line (or with `between`), for a banner or a status line."""
    message, hint = worded(error)
    return f"{message}{between}{hint}".strip() if hint else message


def word(message: Message) -> str:
    """One message translated and filled in (its arguments worded too, when Messages)."""
    arguments = {name: _argument(value) for name, value in message.arguments.items()}
    if not message.code:  # words given as they are
        return message.template.format_map(arguments)
    translated = QCoreApplication.translate(message.context, message.template)
    try:
        return translated.format_map(arguments)
    except (KeyError, IndexError, ValueError, AttributeError):
        logger.warning("the translation of %s does not fit its arguments", message.code)
        return message.template.format_map(arguments)


def said(words: str | Message) -> str:
    """Words from desk/: a Message in the staff member's language, a plain text as it is."""
    return word(words) if isinstance(words, Message) else words


def _argument(value: Any) -> Any:
    if isinstance(value, Message):
        return word(value)
    if isinstance(value, date | time):
        return _Localized(value)
    return value


_CODES = re.compile(r"%%|%H:%M|%[AaBb]")
_PERCENT = re.compile("%")


class _Localized:
    """A date or time in a template (“{day:%A, %B}”), named in the reader's language: day and
    month names from QLocale, the clock (%H:%M) as the locale writes it; the rest of the
    format as Python has it."""

    def __init__(self, value: date | time) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        value = self.value
        if not spec:
            return format(value, spec)
        locale = QLocale()
        long, short = QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat
        names: dict[str, str] = {}
        if isinstance(value, date):
            names |= {
                "%A": locale.dayName(value.isoweekday(), long),
                "%a": locale.dayName(value.isoweekday(), short),
                "%B": locale.monthName(value.month, long),
                "%b": locale.monthName(value.month, short).rstrip("."),
            }
        if isinstance(value, datetime | time):
            names["%H:%M"] = locale.toString(QTime(value.hour, value.minute), short)

        def named(found: re.Match[str]) -> str:  # one pass; "%%" stays a percent sign
            code = found.group(0)
            return _PERCENT.sub("%%", names[code]) if code in names else code

        spec = _CODES.sub(named, spec)
        return value.strftime(spec)

    def __str__(self) -> str:
        return str(self.value)


def report_text(report: ImportReport) -> str:
    """An import's report, line by line, in the staff member's language (the command line
    prints the English: `ImportReport.text`)."""
    return "\n".join(word(line) for line in report.lines())
