"""Where a database's schema stands, read without Alembic when nothing needs doing.

Why: Alembic and its script machinery take about a third of a second to import and read,
and at almost every start the database is already at the newest revision. The newest
revision is read from the migration files' own `revision = "…"` lines (a test checks it
agrees with Alembic), and the database's from its `alembic_version` row. Anything else (an
empty database, one behind or ahead, a migration folder this reading cannot follow) goes
the whole way through `desk.db.migrate`.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desk.db.engine import Database
from desk.paths import migrations_dir

_REVISION = re.compile(r"^revision(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?::[^=]*)?=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


class SchemaState(enum.Enum):
    EMPTY = "empty"
    BEHIND = "behind"
    CURRENT = "current"
    AHEAD = "ahead"


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    current: str | None
    head: str

    def describe(self) -> str:
        return {
            SchemaState.EMPTY: f"empty (head is {self.head})",
            SchemaState.BEHIND: f"at {self.current}, behind head {self.head}",
            SchemaState.CURRENT: f"at {self.current} (head)",
            SchemaState.AHEAD: f"at {self.current}, which this Recovery Desk does not know",
        }[self.state]


@dataclass(frozen=True)
class UpgradeResult:
    before: SchemaStatus
    after: str
    backup: Path | None


@cache
def head_from_files(folder: Path | None = None) -> str | None:
    """The one revision no other migration builds on, or None when the files do not say
    plainly (several heads, a merge, a revision written some other way)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((folder or migrations_dir() / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        down = _DOWN_REVISION.search(source)
        if found is None or down is None:
            return None
        revisions.add(found.group(1))
        parents.update(_QUOTED.findall(down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(database: Database) -> str | None:
    """The revision the database is at; None when it has no version table or row."""
    try:
        with database.engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None  # no version table: empty, or not ours; the full check says which
    return rows[0][0] if len(rows) == 1 else None


def is_current(database: Database) -> bool:
    """True when the database is certainly at the newest revision (no Alembic needed)."""
    head = head_from_files()
    return head is not None and current_revision(database) == head
