"""Errors a person can do something about.

Each carries a plain-language message that says what happened and what to do next. Anything
that is not a DeskError is a bug, and reaches the unexpected-error dialog instead.

The words are `Message`s from `desk.messages`: a stable code, an English template and its
arguments. `message` and `hint` are the English text (for the log and the command line); the
screen words `wording` and `hint_wording` in the staff member's language (`ui/error_words.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from desk.messages import Message, as_message
from desk.messages.core import UNEXPECTED_FAILURE, UNEXPECTED_FAILURE_HINT

T = TypeVar("T")


class DeskError(Exception):
    """An expected failure with a message for the person at the desk."""

    def __init__(self, message: Message | str, *, hint: Message | str = "") -> None:
        self.wording = as_message(message)
        self.hint_wording = as_message(hint) if hint else None
        self.message = self.wording.english
        self.hint = self.hint_wording.english if self.hint_wording else ""
        super().__init__(self.message)

    @property
    def code(self) -> str:
        """The message's stable code ("" for text given as a plain string)."""
        return self.wording.code

    @property
    def arguments(self) -> Mapping[str, Any]:
        return self.wording.arguments

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class DatabaseUnavailable(DeskError):
    """The database server or file cannot be reached right now."""


class DatabaseLoginRefused(DatabaseUnavailable):
    """The server is up, but refused this role, its password, or the database named."""


class DatabaseReadOnly(DatabaseUnavailable):
    """The database can be read but not written (a folder or disk gone read-only): for the
    desk, an outage like any other; what was typed stays, and is saved once it is back."""


class DatabaseTooSlow(DatabaseUnavailable):
    """The database did not answer in time (a frozen network, a lock held elsewhere)."""


class NotADatabase(DeskError):
    """The file named as the database is not a SQLite database."""


class NotOurDatabase(DeskError):
    """The database holds tables, but not a Recovery Desk schema."""


class SchemaTooNew(DeskError):
    """The database was upgraded by a newer Recovery Desk than this one."""


class DataFolderNotWritable(DeskError):
    """The folder for the database, logs or backups cannot be written."""


class ValidationError(DeskError):
    """Input that cannot be stored as given; `field` names the form field at fault, and
    `also` any further problems found in the same form (so all are shown at once)."""

    def __init__(
        self,
        message: Message | str,
        *,
        field: str = "",
        hint: Message | str = "",
        also: tuple[ValidationError, ...] = (),
    ) -> None:
        super().__init__(message, hint=hint)
        self.field = field
        self.also = also
        if also:  # the English names every problem, as the screen does
            self.message = " ".join([self.message, *(problem.message for problem in also)])
            self.args = (self.message,)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.field, *(problem.field for problem in self.also))))

    @staticmethod
    def every(problems: list[ValidationError]) -> ValidationError:
        """One error for all the problems of a form: each message in turn, the first's hint."""
        first, rest = problems[0], tuple(problems[1:])
        if not rest:
            return first
        return ValidationError(
            first.wording, field=first.field, hint=first.hint_wording or "", also=rest
        )


class FormProblems:
    """The ValidationErrors of one form, gathered so the form is refused once, naming them
    all: `check` runs one check and keeps its refusal; `raise_any` refuses if any was kept."""

    def __init__(self) -> None:
        self.found: list[ValidationError] = []

    def check(self, work: Callable[[], T]) -> T | None:
        try:
            return work()
        except ValidationError as problem:
            self.found.append(problem)
            return None

    def raise_any(self) -> None:
        if self.found:
            raise ValidationError.every(self.found)


class StaleEdit(DeskError):
    """Another station saved the same record since this one was opened."""


class NotFound(DeskError):
    """A record that was asked for does not exist (or no longer does)."""


class ConflictError(DeskError):
    """A rule about the data would be broken (for example two active assignments)."""


class AlreadySignedIn(ConflictError):
    """The person is in today's queue already; `visit_id` is that visit, to show it."""

    def __init__(self, message: Message | str, *, visit_id: int, hint: Message | str = "") -> None:
        super().__init__(message, hint=hint)
        self.visit_id = visit_id


class PermissionDenied(DeskError):
    """The acting staff member may not do this."""


class UnexpectedFailure(DeskError):
    """Work that stopped on a bug: the screen that asked is told, so it can be used again
    (its buttons back, what was typed kept); the details go to the unexpected-error dialog."""

    def __init__(self) -> None:
        super().__init__(UNEXPECTED_FAILURE, hint=UNEXPECTED_FAILURE_HINT)


class BackupFailed(DeskError):
    """A backup could not be made (its folder missing, full or read-only, a tool missing)."""


class NotABackup(DeskError):
    """A file offered for restore is not a usable Recovery Desk backup."""


class WrongPassphrase(DeskError):
    """The backup passphrase given does not open this backup."""


class DatabaseInUse(DeskError):
    """Another station or program has the database open, so it cannot be replaced now."""
