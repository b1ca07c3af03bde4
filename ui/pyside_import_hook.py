"""Stop PySide6 from keeping the source of every module imported after it.

Why: shiboken's import hook (there for `from __feature__ import snake_case`) asks of each
newly imported module whether its source names PySide6, with `inspect.getsource()`. That
reads the file through `linecache`, which keeps every line for the life of the process: about
26 MB at this app's start (SQLAlchemy, ReportLab, our own code) and a tenth of its import
time. The answer only decides which modules a `__feature__` switch applies to, and Recovery
Desk uses none, but it is kept exact: the file's bytes are searched for "PySide6" and let go.
A module with no .py file (a compiled one, or the frozen bundle's) is left to PySide6's own
check, as is a PySide6 without the hook.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType


def stop_keeping_module_sources() -> None:
    import shiboken6  # noqa: F401  (its import installs the hook)

    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "reads_without_keeping", False):
        return

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return upstream(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return upstream(module)

    mod_uses_pyside.reads_without_keeping = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]
    linecache.clearcache()  # what the hook kept of the modules imported before now
