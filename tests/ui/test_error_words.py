"""A DeskError is worded in the staff member's language: its template translated under the
"DeskError" context (as pyside6-lupdate extracts it from desk/messages) and filled in."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desk.errors import DeskError, ValidationError
from desk.messages import CONTEXT, Message
from desk.messages.core import IS_NOT_PHONE_NUMBER_WE, TYPE_TEN_DIGITS_FOR_US
from ui.error_words import in_words, word, worded

SPANISH = {
    IS_NOT_PHONE_NUMBER_WE.template: "«{text}» no es un número de teléfono que podamos marcar.",
    TYPE_TEN_DIGITS_FOR_US.template: "Escriba diez dígitos para un número de EE. UU.",
}


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("pyside6-lrelease is not installed")
    return found


def _ts(translations: dict[str, str]) -> str:
    from xml.sax.saxutils import escape

    messages = "".join(
        f"<message><source>{escape(source)}</source>"
        f"<translation>{escape(target)}</translation></message>"
        for source, target in translations.items()
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="es">'
        f"<context><name>{CONTEXT}</name>{messages}</context></TS>"
    )


@pytest.fixture
def spanish(qapp, tmp_path: Path) -> Iterator[None]:
    source = tmp_path / "desk_es.ts"
    source.write_text(_ts(SPANISH), encoding="utf-8")
    compiled = tmp_path / "desk_es.qm"
    subprocess.run(
        [_lrelease(), str(source), "-qm", str(compiled)], check=True, capture_output=True
    )
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _phone_error() -> ValidationError:
    return ValidationError(
        IS_NOT_PHONE_NUMBER_WE.with_(text="555-12"), field="phone", hint=TYPE_TEN_DIGITS_FOR_US
    )


def test_the_error_is_worded_in_the_language_loaded(spanish) -> None:
    error = _phone_error()
    assert worded(error) == (
        "«555-12» no es un número de teléfono que podamos marcar.",
        "Escriba diez dígitos para un número de EE. UU.",
    )
    assert error.message.startswith("“555-12”")  # the log and the command line stay English


def test_without_a_translation_the_words_are_english(qapp) -> None:
    error = _phone_error()
    assert worded(error) == (error.message, error.hint)
    assert in_words(error) == str(error)


def test_every_problem_of_a_form_is_worded(spanish) -> None:
    other = ValidationError(Message("test.other", "Something else {n}.").with_(n=2), field="x")
    every = ValidationError.every([_phone_error(), other])
    message, _ = worded(every)
    assert message == ("«555-12» no es un número de teléfono que podamos marcar. Something else 2.")


def test_a_translation_that_does_not_fit_falls_back_to_english(qapp, tmp_path) -> None:
    template = "Nothing fits {here}."
    source = tmp_path / "bad.ts"
    source.write_text(_ts({template: "Nada cabe {allí}."}), encoding="utf-8")
    compiled = tmp_path / "bad.qm"
    subprocess.run(
        [_lrelease(), str(source), "-qm", str(compiled)], check=True, capture_output=True
    )
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    try:
        error = DeskError(Message("test.bad", template).with_(here="x"))
        assert worded(error)[0] == "Nothing fits x."
    finally:
        QCoreApplication.removeTranslator(translator)


def test_plain_text_is_shown_as_given(qapp) -> None:
    assert worded(DeskError("Printer {offline}.", hint="Try again.")) == (
        "Printer {offline}.",
        "Try again.",
    )


def test_lupdate_extracts_every_template(tmp_path: Path) -> None:
    """Every Message's template reaches the .ts file (under the "DeskError" context, or
    "Lists"), so none is left out of a translation (a template lupdate cannot read would stay
    English)."""
    import html
    import importlib
    import pkgutil
    import re

    import desk.messages

    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    folder = Path(desk.messages.__file__).parent
    ts = tmp_path / "desk.ts"
    subprocess.run(
        [lupdate, *sorted(map(str, folder.glob("*.py"))), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    text = ts.read_text(encoding="utf-8")
    # The errors' context, and "Lists" for "a, b and c" (desk.messages.in_a_list).
    assert set(re.findall(r"<name>(.*?)</name>", text)) == {CONTEXT, "Lists"}
    extracted = {
        html.unescape(source) for source in re.findall(r"<source>(.*?)</source>", text, re.S)
    }
    missing = []
    for module_info in pkgutil.iter_modules(desk.messages.__path__):
        module = importlib.import_module(f"desk.messages.{module_info.name}")
        missing += [
            f"{module_info.name}.{name}"
            for name, value in vars(module).items()
            if isinstance(value, Message) and value.template not in extracted
        ]
    assert not missing, missing


def test_days_months_and_times_are_named_in_the_language_of_the_screens(qapp) -> None:
    """Templates carry Python's date formats ("{day:%A, %B}"); the screens name the day and
    the month with QLocale, in the reader's language, and write the clock as it does."""
    from datetime import date, time

    from desk.messages.center import DOES_NOT_MEET_ON
    from desk.messages.directory import IT_OPENS_AND_CLOSES_AT
    from ui.formatting import clock_text
    from ui.i18n import Translators

    thursday = date(2026, 12, 3)
    meeting = DOES_NOT_MEET_ON.with_(name="SMART", day=thursday, day_2=3)
    same = IT_OPENS_AND_CLOSES_AT.with_(opens=time(20, 30))
    translators = Translators(qapp)
    try:
        translators.use("es")
        spanish = (word(meeting), word(same), clock_text(time(20, 30)))
        translators.use("en")
        english = (word(meeting), word(same))
    finally:
        translators.use("en")
    spanish_clock = spanish[2]  # Spanish of the United States: "8:30 p.m."
    assert spanish[:2] == (
        "“SMART” no se reúne el jueves 3 de diciembre.",
        f"Abre y cierra a la misma hora ({spanish_clock}).",
    )
    assert "8:30" in spanish_clock
    assert english == (
        "“SMART” does not meet on Thursday, December 3.",
        "It opens and closes at the same time (8:30\u202fPM).",
    )
    assert meeting.english == "“SMART” does not meet on Thursday, December 3."  # the log's
