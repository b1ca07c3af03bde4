"""Translated sentences are filled in one pass (ui/words.fill), never by chained
`.replace("%1", …)`: a value holding "%2" would otherwise be filled again."""

from __future__ import annotations

import ast
from pathlib import Path

from ui.words import fill

UI = Path(__file__).resolve().parents[2] / "ui"


def test_fill_puts_every_value_in_at_once_and_never_refills_one() -> None:
    assert fill("%1 signed in %2", "Ana %2", "today") == "Ana %2 signed in today"
    assert fill("%2, then %1", "one", "two") == "two, then one"
    assert fill("%1 and %3", "a") == "a and %3"  # a placeholder with no value stays


def test_no_screen_fills_a_placeholder_with_replace() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "replace"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value.startswith("%")
            ):
                found.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert found == []
