"""What every page needs, handed to it in its constructor (no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from desk.access import Permission, role_may
from desk.db.engine import Database
from desk.lookup.person_index import PersonIndex
from desk.services.actor import Actor
from ui.basket import BasketModel
from ui.drafts import DraftVault, MemoryDraftVault
from ui.formatting import CenterTime
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.backups import BackupScheduler


class Navigator(QObject):
    """Pages ask for another page through this, without knowing the main window."""

    open_person = Signal(int)  # show this person's record on the People page
    show_page = Signal(str)  # show the page with this page_id
    start_referral = Signal(int, str)  # a referral for this person (id, the name they go by)
    restore_requested = Signal(object)  # a CheckedBackup: close, restore it, open again


class ChangeSignals(QObject):
    """Re-emits what other stations changed, so pages can refresh without a click."""

    changed = Signal(object)  # a set of topics; "*" means anything may have changed


class StartGate:
    """Work that waits until the start is over: the window painted once (the people
    lookup's first load would hold back that paint) and, on the demo, its sample data in.
    Each reason to wait is held by name and released; without any (tests, or once the start
    is over) work runs at once."""

    def __init__(self) -> None:
        self._holds: set[str] = set()
        self._waiting: list[Callable[[], None]] = []

    def hold(self, reason: str) -> None:
        self._holds.add(reason)

    def release(self, reason: str) -> None:
        self._holds.discard(reason)
        if not self._holds:
            waiting, self._waiting = self._waiting, []
            for work in waiting:
                work()

    def is_held(self, reason: str | None = None) -> bool:
        return reason in self._holds if reason else bool(self._holds)

    def after(self, work: Callable[[], None]) -> None:
        if self._holds:
            self._waiting.append(work)
        else:
            work()


@dataclass
class AppContext:
    database: Database
    actor: Actor
    tasks: TaskRunner
    changes: ChangeSignals
    settings: QSettings
    basket: BasketModel = field(default_factory=BasketModel)
    navigator: Navigator = field(default_factory=Navigator)
    people_index: PersonIndex = field(default_factory=PersonIndex)
    center_time: CenterTime = field(default_factory=CenterTime)
    backups: BackupScheduler | None = None  # None where there are no automatic backups (tests)
    drafts: DraftVault = field(default_factory=MemoryDraftVault)  # unsaved forms (ui/drafts.py)

    def may(self, permission: Permission) -> bool:
        """Whether the signed-in staff member's role holds `permission`: for showing only the
        buttons they can use. `desk` checks again, against the account as it is now."""
        return role_may(self.actor.role, permission)

    @property
    def draft_owner(self) -> str:
        """Whose unsaved drafts a form keeps and restores: each staff member's own, so a
        colleague who signs in at the same station never sees what another typed."""
        return f"staff-{self.actor.staff_id}"

    start_gate: StartGate = field(default_factory=StartGate)
