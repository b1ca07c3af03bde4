"""The pages not opened yet, made ready once the start is over, so that opening any of them
later is instant.

Why in two steps: most of the time a page takes when first opened is importing its code
(the PDF renderer, the preview, the printing support), which needs no window. That runs on
a thread of its own while the window takes typing; then the pages are built on the window's
thread, one at a time with a pause between two, so keys typed meanwhile are answered.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

logger = logging.getLogger(__name__)


class PagePreloader(QObject):
    imported = Signal()  # on the window's thread: the modules are in, build the pages

    def __init__(self, modules: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._modules = list(modules)

    def start(self) -> None:
        threading.Thread(target=self._import_all, name="page-preload", daemon=True).start()

    def _import_all(self) -> None:
        for name in self._modules:
            try:
                importlib.import_module(name)
            except Exception:  # a page that cannot load says so when opened, not here
                logger.exception("page module %s could not be imported ahead", name)
        self.imported.emit()
