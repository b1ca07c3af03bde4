"""`recovery-desk self-check`: prove this station can work, one printed check at a time."""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Callable

from sqlalchemy import select

from desk import __version__
from desk.cli.common import describe_upgrade, open_configured_database
from desk.db.engine import Database
from desk.db.failures import explain_database_error
from desk.db.migrate import upgrade_database
from desk.errors import DeskError
from desk.models import Setting
from desk.printing.fonts import font_files, register_fonts
from desk.printing.test_page import render_test_page
from desk.services.settings import load_settings


class _Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def run(self, name: str, check: Callable[[], str]) -> bool:
        try:
            detail = check()
        except Exception as exc:  # a failed check is reported, never raised
            explained = explain_database_error(exc)
            message = str(explained) if explained else f"{exc.__class__.__name__}: {exc}"
            print(f"[FAIL] {name}: {message}", flush=True)
            self.failed += 1
            return False
        print(f"[ok]   {name}: {detail}", flush=True)
        self.passed += 1
        return True


def _write_and_roll_back(database: Database) -> str:
    key = f"self-check.{uuid.uuid4()}"
    with database.session() as session:
        transaction = session.begin()
        session.add(Setting(key=key, value={"probe": True}))
        session.flush()
        seen = session.scalar(select(Setting.value).where(Setting.key == key))
        transaction.rollback()
    with database.session() as session:
        left = session.scalar(select(Setting.key).where(Setting.key == key))
    if seen != {"probe": True} or left is not None:
        raise RuntimeError("the probe row was not written and rolled back as expected")
    return "a row was written, read back and rolled back"


def _text_tools() -> str:
    """The libraries the desk leans on for every name and number, with their data files."""
    from rapidfuzz.distance import OSA

    from desk.text_folding import fold
    from desk.validation import parse_phone

    if fold("Łukasz Nguyễn O'Brien") != "lukasz nguyen obrien":
        raise RuntimeError("names do not fold (anyascii data missing?)")
    if parse_phone("(774) 214-6440") != "+17742146440":
        raise RuntimeError("phone numbers do not parse (phonenumbers data missing?)")
    if OSA.distance("jon", "john") != 1:
        raise RuntimeError("typo matching is wrong")
    return "names fold (Łukasz → lukasz), phone numbers parse, typos match"


def _register_bundled_fonts() -> str:
    register_fonts()
    return f"{len(font_files())} bundled fonts registered"


def self_check_command(args: argparse.Namespace) -> int:
    checks = _Checks()
    print(f"Recovery Desk {__version__} self-check", flush=True)
    database: Database | None = None

    def open_step() -> str:
        nonlocal database
        database = open_configured_database(args)
        return f"{database.description} opened"

    if checks.run("database", open_step) and database is not None:
        opened = database
        if checks.run("schema", lambda: describe_upgrade(upgrade_database(opened))):
            checks.run("write", lambda: _write_and_roll_back(opened))
    checks.run("text", _text_tools)
    checks.run("fonts", _register_bundled_fonts)

    def pdf_step() -> str:
        center = "Recovery Desk"
        if database is not None:
            try:
                with database.session() as session:
                    center = load_settings(session).name
            except Exception as exc:
                raise DeskError(f"could not read the center's name: {exc}") from None
        pdf = render_test_page(center)
        if not pdf.startswith(b"%PDF") or b"/FontFile2" not in pdf:
            raise RuntimeError("the PDF is not valid or does not embed the fonts")
        return f"one page rendered in memory ({len(pdf):,} bytes, fonts embedded)"

    checks.run("pdf", pdf_step)
    if database is not None:
        database.dispose()
    total = checks.passed + checks.failed
    if checks.failed:
        print(f"self-check FAILED: {checks.failed} of {total} checks failed", flush=True)
        return 1
    print(f"self-check passed: all {total} checks", flush=True)
    return 0
