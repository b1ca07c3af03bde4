"""What every page needs, handed to it in its constructor (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QSettings, Signal

from desk.db.engine import Database
from desk.lookup.person_index import PersonIndex
from desk.services.actor import Actor
from ui.basket import BasketModel
from ui.drafts import DraftVault, MemoryDraftVault
from ui.formatting import CenterTime
from ui.tasks import TaskRunner


class Navigator(QObject):
    """Pages ask for another page through this, without knowing the main window."""

    open_person = Signal(int)  # show this person's record on the People page
    show_page = Signal(str)  # show the page with this page_id
    start_referral = Signal(int, str)  # a referral for this person (id, the name they go by)


class ChangeSignals(QObject):
    """Re-emits what other stations changed, so pages can refresh without a click."""

    changed = Signal(object)  # a set of topics; "*" means anything may have changed


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
    drafts: DraftVault = field(default_factory=MemoryDraftVault)  # unsaved forms (ui/drafts.py)
