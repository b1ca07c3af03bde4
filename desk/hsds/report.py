"""What an import found: rejected rows and why, notes, and what it would create or update."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desk.errors import DeskError
from desk.messages import Message, joined
from desk.messages.imports import (
    FIX_ROWS_AND_IMPORT_AGAIN,
    NOTHING_IMPORTED_ONE_PROBLEM,
    NOTHING_IMPORTED_PROBLEMS,
)
from desk.messages.sheet_import import (
    AND_MORE,
    IMPORTED,
    LISTED,
    NOT_IMPORTED_COLUMNS,
    NOTES_HEADING,
    NOTHING,
    NOTHING_IMPORTED_BECAUSE,
    NOTHING_IMPORTED_MANY,
    NOTHING_IMPORTED_ONE,
    READY,
    REPAIRED_HEADING,
    TABLE_COUNTS,
    WITH_ID,
)

MAX_LISTED = 200  # a report lists this many problems in full, then counts the rest


@dataclass(frozen=True)
class Problem:
    where: str | Message  # "services.csv line 4", "row 4" (a Message, for the screens' words)
    message: str | Message  # a Message where the screens say it in the staff member's language
    record_id: str | None = None

    def worded(self) -> Message:
        ident = WITH_ID.with_(id=self.record_id) if self.record_id else ""
        return LISTED.with_(where=self.where, ident=ident, message=self.message)

    def __str__(self) -> str:
        ident = f" (id {self.record_id})" if self.record_id else ""
        return f"{self.where}{ident}: {self.message}"


@dataclass
class ImportReport:
    source: str
    problems: list[Problem] = field(default_factory=list)  # any one refuses the whole import
    notes: list[Problem] = field(default_factory=list)  # imported, but worth knowing
    repairs: list[Problem] = field(default_factory=list)  # changed on the way in, and how
    not_imported: list[str | Message] = field(default_factory=list)  # columns no field takes
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    committed: bool = False
    # Ids of rows already rejected, so rows pointing at them are not reported a second time.
    rejected_ids: dict[str, set[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def reject(self, where: str | Message, message: str | Message, record_id: str | None = None):
        self.problems.append(Problem(where, message, record_id))

    def note(self, where: str | Message, message: str | Message, record_id: str | None = None):
        self.notes.append(Problem(where, message, record_id))

    def repair(self, where: str | Message, message: str | Message, record_id: str | None = None):
        self.repairs.append(Problem(where, message, record_id))

    def counts_text(self) -> str:
        return self.counts().english

    def counts(self) -> Message:
        tables = sorted(set(self.created) | set(self.updated))
        parts: list[Message | str] = []
        for table in tables:
            new, changed = self.created.get(table, 0), self.updated.get(table, 0)
            if new or changed:
                parts.append(
                    TABLE_COUNTS.with_(table=table, new=f"{new:,}", changed=f"{changed:,}")
                )
        return joined(parts, "; ") if parts else NOTHING

    def summary(self) -> dict[str, Any]:
        """Small enough for the audit trail."""
        return {
            "source": self.source,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "notes": len(self.notes),
            "repairs": len(self.repairs),
            "problems": len(self.problems),
            **({"not_imported": [str(c) for c in self.not_imported]} if self.not_imported else {}),
        }

    def text(self) -> str:
        """The report in English (the command line, the log)."""
        return "\n".join(line.english for line in self.lines())

    def lines(self) -> list[Message]:
        """The report line by line, each a Message the screens say in their language."""
        lines: list[Message] = []
        if len(self.problems) == 1 and self.problems[0].where == self.source:
            # the file as a whole: one line says it
            message = self.problems[0].message
            if isinstance(message, str) and message[1:2].islower():
                message = message[:1].lower() + message[1:]
            lines.append(NOTHING_IMPORTED_BECAUSE.with_(source=self.source, message=message))
        elif self.problems:
            count = len(self.problems)
            lines.append(
                NOTHING_IMPORTED_ONE.with_(source=self.source)
                if count == 1
                else NOTHING_IMPORTED_MANY.with_(source=self.source, count=f"{count:,}")
            )
            lines += _listed(self.problems)
        elif self.committed:
            lines.append(IMPORTED.with_(source=self.source, counts=self.counts()))
        else:
            lines.append(READY.with_(source=self.source, counts=self.counts()))
        if self.not_imported:
            lines.append(NOT_IMPORTED_COLUMNS.with_(columns=joined(list(self.not_imported), ", ")))
        for heading, items in ((REPAIRED_HEADING, self.repairs), (NOTES_HEADING, self.notes)):
            if items:
                lines.append(heading.with_(count=f"{len(items):,}"))
                lines += _listed(items)
        return lines


def _listed(items: list[Problem]) -> list[Message]:
    lines = [item.worded() for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        lines.append(AND_MORE.with_(count=f"{len(items) - MAX_LISTED:,}"))
    return lines


class ImportRefused(DeskError):
    """An import that found problems; nothing was written. `report` lists every one."""

    def __init__(self, report: ImportReport) -> None:
        count = len(report.problems)
        found = NOTHING_IMPORTED_ONE_PROBLEM if count == 1 else NOTHING_IMPORTED_PROBLEMS
        super().__init__(
            found.with_(source=report.source, count=count), hint=FIX_ROWS_AND_IMPORT_AGAIN
        )
        self.report = report
