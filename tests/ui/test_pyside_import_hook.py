"""PySide6's import hook answers as before without keeping each module's source."""

from __future__ import annotations

import linecache
import sys

import shiboken6  # noqa: F401

from ui.pyside_import_hook import stop_keeping_module_sources


def test_modules_imported_after_are_not_kept_and_are_told_apart(tmp_path, monkeypatch):
    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # put back after
    (tmp_path / "rd_hook_uses_qt.py").write_text("import PySide6.QtCore\nVALUE = 1\n")
    (tmp_path / "rd_hook_plain.py").write_text("VALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    stop_keeping_module_sources()
    stop_keeping_module_sources()  # a second call changes nothing
    uses_qt = __import__("rd_hook_uses_qt")  # the import statement's way: through the hook
    plain = __import__("rd_hook_plain")

    assert uses_qt.__file__ not in linecache.cache
    assert plain.__file__ not in linecache.cache
    assert feature.pyside_feature_dict["rd_hook_uses_qt"] == 0  # uses PySide: may switch
    assert feature.pyside_feature_dict["rd_hook_plain"] == -1  # ignored by switching
    monkeypatch.delitem(sys.modules, "rd_hook_uses_qt")
    monkeypatch.delitem(sys.modules, "rd_hook_plain")


def test_a_module_without_source_gets_pysides_own_answer(monkeypatch):
    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)
    stop_keeping_module_sources()
    assert feature._mod_uses_pyside(sys) is False  # built in: no file at all
