"""Every error raised in desk/ is a Message from the catalogue, with a unique code and the
arguments its template names, so the screen can word it in the staff member's language."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

import desk
import desk.messages
from desk.errors import DeskError, ValidationError
from desk.messages import Message, placeholders_of

DESK = Path(desk.__file__).parent
ENGLISH_ALLOWED = ("cli",)  # the command line may stay English


def _catalogue() -> dict[str, Message]:
    found: dict[str, Message] = {}
    for module_info in pkgutil.iter_modules(desk.messages.__path__):
        module = importlib.import_module(f"desk.messages.{module_info.name}")
        for name, value in vars(module).items():
            if isinstance(value, Message):
                found[f"{module_info.name}.{name}"] = value
    return found


def _error_class_names() -> set[str]:
    """DeskError and every class in desk/ that derives from it (read from the source, so no
    module is imported for it)."""
    bases: dict[str, set[str]] = {}
    for path in DESK.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")
                    for base in node.bases
                )
    names = {"DeskError"}
    while grown := {name for name, of in bases.items() if of & names} - names:
        names |= grown
    return names


def _desk_sources() -> list[Path]:
    return [
        path
        for path in sorted(DESK.rglob("*.py"))
        if path.relative_to(DESK).parts[0] not in ENGLISH_ALLOWED and "migrations" not in path.parts
    ]


def _is_text(node: ast.expr | None) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    return isinstance(node, ast.JoinedStr | ast.BinOp)


def test_no_error_in_desk_is_raised_with_plain_english() -> None:
    error_names = _error_class_names()
    found = []
    for path in _desk_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in error_names:
                continue
            words = node.args[1:2] if name == "CardRefused" else node.args[:1]
            words += [k.value for k in node.keywords if k.arg in ("hint", "message")]
            if any(_is_text(word) for word in words):
                found.append(f"{path.relative_to(DESK.parent)}:{node.lineno}")
    assert not found, "raised with English text instead of a Message: " + ", ".join(found)


def test_the_scan_finds_plain_english(tmp_path: Path) -> None:
    """The scan above would see a raise with an f-string (so its silence means something)."""
    tree = ast.parse('raise ValidationError(f"{x} is wrong", hint="Fix it.")')
    call = tree.body[0].exc
    assert isinstance(call, ast.Call)
    assert _is_text(call.args[0]) and _is_text(call.keywords[0].value)


def test_every_code_is_unique() -> None:
    codes: dict[str, str] = {}
    for where, message in _catalogue().items():
        assert message.code, where
        assert message.code not in codes, f"{where} and {codes[message.code]} share a code"
        codes[message.code] = where


@pytest.mark.parametrize("where", sorted(_catalogue()))
def test_every_template_formats_with_its_placeholders(where: str) -> None:
    message = _catalogue()[where]
    assert not message.arguments  # the catalogue holds templates, not bound messages
    dummies = {}
    for _, name, spec, _ in string.Formatter().parse(message.template):
        if name is None:
            continue
        dummies[name] = 1234 if (spec and spec.strip(",") in ("", "d")) or "0" in spec else "x"
        if spec and "%" in spec:
            from datetime import date

            dummies[name] = date(2026, 11, 28)
        if spec and "X" in spec:
            dummies[name] = 11
    assert message.with_(**dummies).english


def test_every_raise_site_gives_the_arguments_its_template_names() -> None:
    by_name: dict[str, set[frozenset[str]]] = {}
    for where, message in _catalogue().items():
        by_name.setdefault(where.split(".")[1], set()).add(message.placeholders)
    wrong = []
    for path in [*_desk_sources(), *Path(DESK.parent, "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            bound = (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "with_"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in by_name
            )
            if not bound:
                continue
            given = frozenset(k.arg for k in node.keywords if k.arg)
            if given not in by_name[node.func.value.id]:
                wrong.append(f"{path.name}:{node.lineno} {node.func.value.id}")
    assert not wrong, wrong


def test_a_bare_template_is_unbound() -> None:
    """A Message given without its arguments names no placeholders."""
    names = {
        node.id
        for path in _desk_sources()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    catalogue = _catalogue()
    bare_with_placeholders = {
        where.split(".")[1] for where, message in catalogue.items() if message.placeholders
    }
    # each such constant must be used through .with_ (checked above) somewhere in desk/
    unused = sorted(name for name in bare_with_placeholders if name not in names)
    assert not unused, unused


def test_an_error_keeps_its_code_arguments_and_english() -> None:
    said = Message("test.phone", "“{phone}” is not a phone number.")
    error = ValidationError(said.with_(phone="12"), field="phone", hint="Type ten digits.")
    assert error.code == "test.phone"
    assert dict(error.arguments) == {"phone": "12"}
    assert error.message == "“12” is not a phone number."
    assert error.hint == "Type ten digits."
    assert str(error) == "“12” is not a phone number. Type ten digits."


def test_all_problems_of_a_form_keep_their_own_words() -> None:
    first = ValidationError(Message("test.a", "A {n}.").with_(n=1), field="a", hint="Fix a.")
    second = ValidationError(Message("test.b", "B."), field="b")
    every = ValidationError.every([first, second])
    assert every.message == "A 1. B."
    assert every.code == "test.a"
    assert [problem.code for problem in every.also] == ["test.b"]
    assert every.fields == ("a", "b")


def test_plain_text_is_kept_as_given() -> None:
    assert DeskError("50% {odd}").message == "50% {odd}"
    assert placeholders_of("{a:,} and {b!r}") == {"a", "b"}
