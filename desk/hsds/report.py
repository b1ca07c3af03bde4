"""What an import found: rejected rows and why, notes, and what it would create or update."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desk.errors import DeskError
from desk.messages.imports import (
    FIX_ROWS_AND_IMPORT_AGAIN,
    NOTHING_IMPORTED_ONE_PROBLEM,
    NOTHING_IMPORTED_PROBLEMS,
)

MAX_LISTED = 200  # a report lists this many problems in full, then counts the rest


@dataclass(frozen=True)
class Problem:
    where: str  # "services.csv line 4", "service_full.json services[0].phones[1]"
    message: str
    record_id: str | None = None

    def __str__(self) -> str:
        ident = f" (id {self.record_id})" if self.record_id else ""
        return f"{self.where}{ident}: {self.message}"


@dataclass
class ImportReport:
    source: str
    problems: list[Problem] = field(default_factory=list)  # any one refuses the whole import
    notes: list[Problem] = field(default_factory=list)  # imported, but worth knowing
    repairs: list[Problem] = field(default_factory=list)  # changed on the way in, and how
    not_imported: list[str] = field(default_factory=list)  # columns no field takes
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    committed: bool = False
    # Ids of rows already rejected, so rows pointing at them are not reported a second time.
    rejected_ids: dict[str, set[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def reject(self, where: str, message: str, record_id: str | None = None) -> None:
        self.problems.append(Problem(where, message, record_id))

    def note(self, where: str, message: str, record_id: str | None = None) -> None:
        self.notes.append(Problem(where, message, record_id))

    def repair(self, where: str, message: str, record_id: str | None = None) -> None:
        self.repairs.append(Problem(where, message, record_id))

    def counts_text(self) -> str:
        tables = sorted(set(self.created) | set(self.updated))
        parts = []
        for table in tables:
            new, changed = self.created.get(table, 0), self.updated.get(table, 0)
            if new or changed:
                parts.append(f"{table}: {new:,} new, {changed:,} updated")
        return "; ".join(parts) or "nothing"

    def summary(self) -> dict[str, Any]:
        """Small enough for the audit trail."""
        return {
            "source": self.source,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "notes": len(self.notes),
            "repairs": len(self.repairs),
            "problems": len(self.problems),
            **({"not_imported": list(self.not_imported)} if self.not_imported else {}),
        }

    def text(self) -> str:
        lines: list[str] = []
        if len(self.problems) == 1 and self.problems[0].where == self.source:
            message = self.problems[0].message  # the file as a whole: one line says it
            if message[1:2].islower():
                message = message[:1].lower() + message[1:]
            lines.append(f"Nothing was imported from {self.source}: {message}")
        elif self.problems:
            lines.append(
                f"Nothing was imported from {self.source}: {len(self.problems):,} "
                f"problem{'s' if len(self.problems) != 1 else ''} must be fixed first."
            )
            lines.extend(f"  - {problem}" for problem in self.problems[:MAX_LISTED])
            if len(self.problems) > MAX_LISTED:
                lines.append(f"  … and {len(self.problems) - MAX_LISTED:,} more.")
        elif self.committed:
            lines.append(f"Imported {self.source}: {self.counts_text()}.")
        else:
            lines.append(f"Ready to import {self.source}: {self.counts_text()}.")
        if self.not_imported:
            lines.append(
                "Not imported (no field takes these columns): " + ", ".join(self.not_imported) + "."
            )
        for title, items in (("Repaired", self.repairs), ("Notes", self.notes)):
            if items:
                lines.append(f"{title} ({len(items):,}):")
                lines.extend(f"  - {item}" for item in items[:MAX_LISTED])
                if len(items) > MAX_LISTED:
                    lines.append(f"  … and {len(items) - MAX_LISTED:,} more.")
        return "\n".join(lines)


class ImportRefused(DeskError):
    """An import that found problems; nothing was written. `report` lists every one."""

    def __init__(self, report: ImportReport) -> None:
        count = len(report.problems)
        found = NOTHING_IMPORTED_ONE_PROBLEM if count == 1 else NOTHING_IMPORTED_PROBLEMS
        super().__init__(
            found.with_(source=report.source, count=count), hint=FIX_ROWS_AND_IMPORT_AGAIN
        )
        self.report = report
